/* ctg-dashboard.c: where the convention stands, for the whole or one axis
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure is a button or a row activating win.show-actions with the
 * filters that list the actions behind it.
 */

#define G_LOG_DOMAIN "ctg-dashboard"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ctg-change-text.h"
#include "ctg-dashboard.h"
#include "ctg-drift-menu.h"
#include "ctg-editor-util.h"

struct _CtgDashboard
{
  AdwBin        parent_instance;

  /* Template widgets */
  GtkLabel     *heading;
  GtkDropDown  *axis_selector;
  GtkFlowBox   *cards;
  GtkListBox   *status_list;
  GtkListBox   *pilot_list;
  AdwPreferencesGroup *governance_group;
  GtkListBox   *governance_list;
  GtkButton    *report_button;

  /* Owned references */
  CtgDocument  *document;
  GArray       *axes;          /* gint64, in the order of the selector after "whole convention" */
  GHashTable   *figures;       /* name -> borrowed widget */
  GDate        *today;
  char         *meeting_date;  /* ISO, for the report */
  char         *since_date;    /* the day the changes and the drift count from, ISO */
  char         *drift_since;   /* the window's choice: a meeting's day, "" for the last COPIL */

  /* State */
  gint64        axis_id;
  gboolean      dirty;
  gboolean      filling_selector;
};

G_DEFINE_FINAL_TYPE (CtgDashboard, ctg_dashboard, ADW_TYPE_BIN)

/* Helpers */

static GVariant *
filter_target (CtgDashboard *self,
               const char   *key,
               GVariant     *value)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "axis", g_variant_new_int64 (self->axis_id));
  if (key != NULL)
    g_variant_builder_add (&builder, "{sv}", key, value);
  return g_variant_builder_end (&builder);
}

static GtkWidget *
add_card (CtgDashboard *self,
          const char   *name,
          guint         count,
          const char   *figure,
          const char   *caption,
          const char   *detail,
          const char   *style,
          GVariant     *target)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = gtk_label_new (figure);
  GtkWidget *label = gtk_label_new (caption);
  g_autofree char *accessible = g_strdup_printf ("%s: %s%s%s", caption, figure, detail ? ", " : "",
                                                 detail ? detail : "");

  gtk_widget_add_css_class (number, "title-1");
  gtk_label_set_wrap (GTK_LABEL (number), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (number), 12);
  if (style != NULL)
    gtk_widget_add_css_class (number, style);
  gtk_label_set_xalign (GTK_LABEL (number), 0);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), label);
  if (detail != NULL)
    {
      GtkWidget *more = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (more), 0);
      gtk_label_set_wrap (GTK_LABEL (more), TRUE);
      /* Wrapped labels ask for their whole line: the cards would go one a
       * line in their flow box */
      gtk_label_set_max_width_chars (GTK_LABEL (more), 24);
      gtk_widget_add_css_class (more, "caption");
      gtk_widget_add_css_class (more, "dim-label");
      gtk_box_append (GTK_BOX (box), more);
    }
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "dashboard-card");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-actions");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_tooltip_text (button, _("Show these actions"));
  gtk_flow_box_append (self->cards, button);
  g_hash_table_insert (self->figures, g_strdup (name), button);
  g_object_set_data (G_OBJECT (button), "count", GUINT_TO_POINTER (count));
  return button;
}

static GtkWidget *
add_figure_row (CtgDashboard *self,
                GtkListBox   *list,
                const char   *name,
                const char   *title,
                guint         count,
                guint         total,
                const char   *style,
                GVariant     *target)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *number = g_strdup_printf ("%u", count);
  GtkWidget *label = gtk_label_new (number);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, MAX (total, 1));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (style != NULL)
    {
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), _ctg_status_dot_new (style));
      /* The bar in the dot's colour: blue is "en cours" only */
      {
        g_autofree char *bar_style = g_strconcat ("bar-", style, NULL);

        gtk_widget_add_css_class (bar, bar_style);
      }
    }
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), count);
  gtk_widget_set_size_request (bar, 80, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_size_request (label, 32, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-actions");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
  gtk_list_box_append (list, row);
  g_hash_table_insert (self->figures, g_strdup (name), row);
  g_object_set_data (G_OBJECT (row), "count", GUINT_TO_POINTER (count));
  return row;
}

static gint
compare_counts (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GHashTable *counts = user_data;
  guint ca = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(const char **) a));
  guint cb = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(const char **) b));

  if (ca != cb)
    return ca > cb ? -1 : 1;
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* Figures */

static void
fill_figures (CtgDashboard *self)
{
  g_autoptr(GListModel) actions = ctg_document_list_actions (self->document, self->axis_id);
  g_autoptr(GHashTable) pilots = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (actions);
  guint statuses[CTG_N_STATUSES] = { 0 };
  guint overdue = 0, soon = 0, without_pilot = 0;
  CtgProgressSummary summary;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards))) != NULL)
    gtk_flow_box_remove (self->cards, child);
  _ctg_list_box_remove_all (self->status_list);
  _ctg_list_box_remove_all (self->pilot_list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);
      GPtrArray *action_pilots = ctg_action_get_pilots (action);

      statuses[ctg_action_get_status (action)]++;
      overdue += ctg_action_is_overdue (action, self->today);
      soon += ctg_action_is_due_soon (action, self->today);
      if (action_pilots->len == 0)
        without_pilot++;
      for (guint p = 0; p < action_pilots->len; p++)
        {
          const char *name = ((CtgParticipant *) g_ptr_array_index (action_pilots, p))->name;
          gpointer count;

          /* The names live as long as the list of actions */
          if (!g_hash_table_lookup_extended (pilots, name, NULL, &count))
            g_ptr_array_add (names, (gpointer) name);
          g_hash_table_insert (pilots, (gpointer) name, GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
        }
    }
  ctg_actions_summarize_progress (actions, &summary);

  /* The cards */
  {
    g_autofree char *figure = NULL;
    g_autofree char *detail = NULL;

    g_autofree char *partial = ctg_progress_summary_dup_partial_note (&summary);

    if (summary.counted == 0)
      figure = g_strdup ("—");
    else if (partial != NULL)
      /* Translators: a progress figure that stands on less than half of the
       * actions, with how many: "45 % over 3 of 47 actions" */
      figure = g_strdup_printf (_("%.0f %% %s"), summary.average, partial);
    else
      figure = g_strdup_printf ("%.0f %%", summary.average);
    if (summary.counted == 0)
      detail = g_strdup (_("no progress entered yet"));
    else if (summary.left_out > 0)
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "average over %u action, %u left out (abandoned, or under way with no progress entered)",
                                             "average over %u actions, %u left out (abandoned, or under way with no progress entered)",
                                             summary.counted),
                                summary.counted, summary.left_out);
    else
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "average over %u action", "average over %u actions",
                                             summary.counted), summary.counted);
    add_card (self, "progress", summary.left_out, figure, _("Overall progress"), detail, NULL, filter_target (self, NULL, NULL));
  }
  {
    g_autofree char *figure = g_strdup_printf ("%u", n);
    add_card (self, "total", n, figure, C_("dashboard", "Actions"), NULL, NULL,
              filter_target (self, NULL, NULL));
  }
  {
    g_autofree char *figure = g_strdup_printf ("%u", overdue);
    add_card (self, "overdue", overdue, figure, _("Overdue"), _("échéance passed, not done"),
              overdue > 0 ? "error" : NULL, filter_target (self, "overdue", g_variant_new_boolean (TRUE)));
  }
  {
    g_autofree char *figure = g_strdup_printf ("%u", soon);
    /* The same horizon, and words, as the COPIL report's list */
    g_autofree char *caption = g_strdup (_("Échéances of the coming six months"));
    add_card (self, "soon", soon, figure, caption, _("still to be done"), soon > 0 ? "warning" : NULL,
              filter_target (self, "soon", g_variant_new_boolean (TRUE)));
  }

  /* By status */
  for (guint s = 0; s < CTG_N_STATUSES; s++)
    {
      g_autofree char *name = g_strdup_printf ("status:%s", ctg_status_to_key ((CtgStatus) s));
      g_autofree char *style = g_strdup_printf ("status-%s", ctg_status_to_key ((CtgStatus) s));

      add_figure_row (self, self->status_list, name, ctg_status_to_label ((CtgStatus) s), statuses[s], n, style,
                      filter_target (self, "status", g_variant_new_string (ctg_status_to_key ((CtgStatus) s))));
    }

  /* Per pilot: the busiest first */
  g_ptr_array_sort_with_data (names, compare_counts, pilots);
  for (guint i = 0; i < names->len && i < 8; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *figure = g_strdup_printf ("pilot:%s", name);

      add_figure_row (self, self->pilot_list, figure, name, GPOINTER_TO_UINT (g_hash_table_lookup (pilots, name)),
                      n, NULL, filter_target (self, "pilot", g_variant_new_string (name)));
    }
  if (names->len > 8 || without_pilot > 0)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *others = NULL;

      if (names->len > 8)
        others = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u other pilot, in the filters of the list",
                                               "and %u other pilots, in the filters of the list", names->len - 8),
                                  names->len - 8);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), others ? others : "");
      if (without_pilot > 0)
        {
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action has no pilot",
                                                                "%u actions have no pilot", without_pilot),
                                                   without_pilot);
          if (others == NULL)
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
          else
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
        }
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->pilot_list, row);
    }
  if (names->len == 0 && without_pilot == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No actions"));
      gtk_list_box_append (self->pilot_list, row);
    }
}

/* Governance */

typedef struct
{
  gint64  id;
  char   *date;  /* ISO, or NULL */
} Meeting;

/* A row of the governance list about what happened since the previous
 * meeting, its @count kept for the tests as the figure @name */
static GtkWidget *
add_since_row (CtgDashboard *self,
               const char   *name,
               const char   *icon_name,
               const char   *title,
               const char   *subtitle,
               guint         count)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (self->governance_list, row);
  g_hash_table_insert (self->figures, g_strdup (name), row);
  g_object_set_data (G_OBJECT (row), "count", GUINT_TO_POINTER (count));
  return row;
}

static void
fill_drift_menu (GtkMenuButton *button,
                 gpointer       user_data)
{
  CtgDashboard *self = user_data;

  _ctg_drift_menu_button_fill (button, self->document);
}

/* What slipped since the meeting chosen in the window (by default the
 * last COPIL), from the journal (ctg-drift.c) */
static void
add_drift_row (CtgDashboard *self,
               const char   *since_iso)
{
  g_autoptr(CtgDrift) drift = NULL;
  GtkWidget *row;
  GtkWidget *button;
  guint later, back, added, abandoned;
  g_autofree char *since = NULL;
  g_autofree char *title = NULL;
  g_autofree char *moved_text = NULL;
  g_autofree char *back_text = NULL;
  g_autofree char *added_text = NULL;
  g_autofree char *abandoned_text = NULL;
  g_autofree char *subtitle = NULL;

  drift = ctg_drift_compute (self->document, since_iso);
  later = ctg_drift_count (drift, CTG_DRIFT_MOVED, TRUE);
  back = ctg_drift_count (drift, CTG_DRIFT_STATUS_BACK, FALSE);
  added = ctg_drift_count (drift, CTG_DRIFT_ADDED, FALSE);
  abandoned = ctg_drift_count (drift, CTG_DRIFT_ABANDONED, FALSE);
  since = _ctg_format_iso_day (since_iso);

  /* Translators: the date of the meeting */
  title = g_strdup_printf (_("Drift since the meeting of %s"), since);
  moved_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u échéance moved later", "%u échéances moved later",
                                             later), later);
  back_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u status gone back", "%u statuses gone back", back),
                               back);
  added_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action added", "%u actions added", added), added);
  abandoned_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u abandoned", "%u abandoned", abandoned),
                                    abandoned);
  subtitle = g_strdup_printf ("%s · %s · %s · %s", moved_text, back_text, added_text, abandoned_text);

  row = add_since_row (self, "drift", "document-open-recent-symbolic", title, subtitle,
                       later + back + added + abandoned);
  gtk_widget_set_name (row, "drift-row");
  button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Compare With"));
  gtk_widget_set_tooltip_text (button, _("The meeting drift is measured from"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), fill_drift_menu, self, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_hash_table_insert (self->figures, g_strdup ("drift-menu"), button);
  g_object_set_data_full (G_OBJECT (row), "since", g_strdup (since_iso), g_free);
}

static void
meeting_clear (Meeting *meeting)
{
  g_clear_pointer (&meeting->date, g_free);
}

static gint
compare_meetings (gconstpointer a,
                  gconstpointer b)
{
  const Meeting *ma = a, *mb = b;

  /* Undated meetings last */
  if ((ma->date == NULL) != (mb->date == NULL))
    return ma->date == NULL ? 1 : -1;
  return g_strcmp0 (ma->date, mb->date);
}

static void
fill_governance (CtgDashboard *self)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (self->document, CTG_ITEM_MEETING, 0);
  g_autoptr(GArray) meetings = g_array_new (FALSE, TRUE, sizeof (Meeting));
  g_autofree char *today = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (self->today),
                                            g_date_get_month (self->today), g_date_get_day (self->today));
  int next = -1, previous = -1;

  g_array_set_clear_func (meetings, (GDestroyNotify) meeting_clear);
  _ctg_list_box_remove_all (self->governance_list);
  g_clear_pointer (&self->meeting_date, g_free);
  g_clear_pointer (&self->since_date, g_free);

  for (guint i = 0; i < ids->len; i++)
    {
      Meeting meeting = { g_array_index (ids, gint64, i), NULL };
      g_autoptr(CtgItem) item = ctg_document_get_item (self->document, CTG_ITEM_MEETING, meeting.id);
      const char *text = item != NULL ? ctg_item_get_text (item, "date") : NULL;
      CtgDate date;

      if (text != NULL && ctg_date_parse (text, &date) && ctg_date_is_set (&date))
        meeting.date = ctg_date_to_iso (&date);
      g_array_append_val (meetings, meeting);
    }
  g_array_sort (meetings, compare_meetings);

  for (guint i = 0; i < meetings->len; i++)
    {
      const Meeting *meeting = &g_array_index (meetings, Meeting, i);

      if (meeting->date == NULL)
        continue;
      if (strcmp (meeting->date, today) < 0)
        previous = (int) i;
      else if (next < 0)
        next = (int) i;
    }

  for (guint i = 0; i < meetings->len; i++)
    {
      const Meeting *meeting = &g_array_index (meetings, Meeting, i);
      g_autoptr(CtgItem) item = ctg_document_get_item (self->document, CTG_ITEM_MEETING, meeting->id);
      const char *title = item != NULL ? ctg_item_get_title (item) : NULL;
      gint64 body_id = item != NULL ? ctg_item_get_int (item, "body-id") : 0;
      g_autoptr(CtgItem) body_item = body_id != 0 ? ctg_document_get_item (self->document, CTG_ITEM_BODY, body_id) : NULL;
      const char *body = body_item != NULL ? ctg_item_get_text (body_item, "name") : NULL;
      g_autofree char *when = meeting->date ? _ctg_format_iso_day (meeting->date) : g_strdup (_("No date"));
      g_autofree char *subtitle = body && body[0] ? g_strdup_printf ("%s · %s", when, body) : g_strdup (when);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title && title[0] ? title : _("Meeting"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
      if ((int) i == next || (int) i == previous)
        {
          GtkWidget *pill = gtk_label_new ((int) i == next ? _("Next") : _("Previous"));

          gtk_widget_add_css_class (pill, "status-pill");
          gtk_widget_add_css_class (pill, (int) i == next ? "status-in-progress" : "status-todo");
          gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
        }
      else if (meeting->date != NULL && strcmp (meeting->date, today) < 0)
        gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->governance_list, row);
    }

  if (meetings->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No meetings recorded"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Add them in the Overview, under Governance"));
      gtk_list_box_append (self->governance_list, row);
    }

  /* For the next meeting: what changed, and what slipped, since the
   * meeting chosen in the window (win.drift-since; the last COPIL by
   * default), both from the same day, said in the caption */
  self->meeting_date = next >= 0 ? g_strdup (g_array_index (meetings, Meeting, next).date) : g_strdup (today);
  self->since_date = _ctg_drift_since_effective (self->document, self->drift_since);
  if (self->since_date == NULL)
    adw_preferences_group_set_description (self->governance_group, _("The meetings recorded in the convention"));
  else
    {
      g_autofree char *compared = _ctg_drift_since_describe (self->document, self->since_date);
      /* Translators: the caption of the dashboard's meetings; %s is the
       * meeting compared with, "Comité de pilotage, 26 septembre 2022" */
      g_autofree char *caption = g_strdup_printf (_("The meetings recorded in the convention; the changes and "
                                                    "drift below count from the meeting compared with: %s"),
                                                  compared);

      adw_preferences_group_set_description (self->governance_group, caption);
    }
  if (self->since_date != NULL)
    {
      g_autoptr(GPtrArray) changes = ctg_document_list_changes (self->document, self->since_date, 0);
      g_autoptr(GHashTable) txns = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr(GHashTable) actions = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr(GString) recent = g_string_new (NULL);
      g_autoptr(GPtrArray) latest = g_ptr_array_new ();
      g_autoptr(GPtrArray) texts = NULL;
      g_autofree char *since = _ctg_format_iso_day (self->since_date);
      g_autofree char *title = NULL;
      g_autofree char *counts = NULL;
      g_autofree char *actions_text = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      guint first_latest = changes->len;

      for (guint i = 0; i < changes->len; i++)
        {
          CtgChange *change = g_ptr_array_index (changes, i);

          g_hash_table_add (txns, &change->txn_id);
          if (change->action_id != 0)
            g_hash_table_add (actions, &change->action_id);
        }
      /* The three latest edits, latest first, said as Undo's toast says
       * them ("statut de « … »"): their labels alone were "Edit · Edit".
       * Only those are described, not the whole journal since. */
      for (guint n_txns = 0; first_latest > 0; first_latest--)
        {
          CtgChange *change = g_ptr_array_index (changes, first_latest - 1);

          if (first_latest == changes->len ||
              change->txn_id != ((CtgChange *) g_ptr_array_index (changes, first_latest))->txn_id)
            if (++n_txns > 3)
              break;
        }
      for (guint i = first_latest; i < changes->len; i++)
        g_ptr_array_add (latest, g_ptr_array_index (changes, i));
      texts = ctg_change_text_describe (self->document, latest);
      for (guint i = texts->len; i > 0; i--)
        {
          g_autofree char *summary = ctg_change_text_dup_summary (self->document, g_ptr_array_index (texts, i - 1));

          if (summary != NULL && summary[0] != '\0')
            g_string_append_printf (recent, "%s%s", recent->len ? " · " : "", summary);
        }
      /* Translators: the date of the meeting compared with */
      title = g_strdup_printf (_("Changes since the meeting of %s"), since);
      counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u edit", "%u edits", g_hash_table_size (txns)),
                                g_hash_table_size (txns));
      actions_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action changed", "%u actions changed",
                                                   g_hash_table_size (actions)),
                                      g_hash_table_size (actions));
      subtitle = recent->len ? g_strdup_printf ("%s, %s — %s", counts, actions_text, recent->str)
                             : g_strdup_printf ("%s, %s", counts, actions_text);
      row = add_since_row (self, "changes", "document-edit-symbolic", title, subtitle, g_hash_table_size (txns));
      g_object_set_data_full (G_OBJECT (row), "since", g_strdup (self->since_date), g_free);
      add_drift_row (self, self->since_date);
    }
}

static void
fill_selector (CtgDashboard *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { _("Whole convention"), NULL });
  guint selected = 0;

  g_array_set_size (self->axes, 0);
  g_array_unref (self->axes);
  self->axes = ctg_document_list_ids (self->document, CTG_ITEM_AXIS, 0);
  for (guint i = 0; i < self->axes->len; i++)
    {
      gint64 id = g_array_index (self->axes, gint64, i);
      g_autofree char *title = ctg_document_dup_title (self->document, CTG_ITEM_AXIS, id);
      g_autofree char *numbered = g_strdup_printf ("%u. %s", i + 1, title ? title : "");

      gtk_string_list_append (names, numbered);
      if (id == self->axis_id)
        selected = i + 1;
    }
  if (selected == 0)
    self->axis_id = 0;
  self->filling_selector = TRUE;
  gtk_drop_down_set_model (self->axis_selector, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->axis_selector, selected);
  self->filling_selector = FALSE;
}

static void
refresh (CtgDashboard *self)
{
  self->dirty = FALSE;
  g_hash_table_remove_all (self->figures);
  if (self->document == NULL)
    return;

  fill_selector (self);
  if (self->axis_id == 0)
    {
      g_autofree char *title = ctg_document_dup_title (self->document, CTG_ITEM_CONVENTION, 1);

      gtk_label_set_label (self->heading, title && title[0] ? title : _("Untitled convention"));
    }
  else
    {
      g_autofree char *title = ctg_document_dup_title (self->document, CTG_ITEM_AXIS, self->axis_id);

      gtk_label_set_label (self->heading, title ? title : "");
    }
  fill_figures (self);
  fill_governance (self);
  g_hash_table_insert (self->figures, g_strdup ("report"), self->report_button);
}

/* Callbacks */

/* The dashboard shows neither the signatories, the bodies' members nor
 * the actions' steps, and of the convention only its title and period
 * (every edit stamps its "modified"): a commit of those alone leaves it as
 * it is */
static gboolean
shows_changes (CtgChangeSet *changes)
{
  static const char * const convention_fields[] = { "title", "period_start", "period_end" };
  const CtgRowChange *convention;

  if (ctg_change_set_is_kind_reloaded (changes, CTG_ITEM_CONVENTION))
    return TRUE;
  convention = ctg_change_set_find (changes, CTG_ITEM_CONVENTION, 1);
  for (guint i = 0; convention != NULL && i < G_N_ELEMENTS (convention_fields); i++)
    if (ctg_row_change_has_field (convention, convention_fields[i]))
      return TRUE;

  for (guint kind = 0; kind < CTG_N_ITEM_KINDS; kind++)
    if (kind != CTG_ITEM_CONVENTION && kind != CTG_ITEM_SIGNATORY && kind != CTG_ITEM_MEMBER &&
        kind != CTG_ITEM_STEP && ctg_change_set_touches_kind (changes, (CtgItemKind) kind))
      return TRUE;
  return FALSE;
}

static void
on_document_committed_cb (CtgDocument  *document,
                          CtgChangeSet *changes,
                          CtgDashboard *self)
{
  if (!shows_changes (changes))
    return;
  /* Hidden pages catch up when shown */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->dirty = TRUE;
}

static void
on_axis_selected_cb (CtgDashboard *self)
{
  guint selected = gtk_drop_down_get_selected (self->axis_selector);

  if (self->filling_selector || self->document == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  ctg_dashboard_set_axis (self, selected == 0 ? 0 : g_array_index (self->axes, gint64, selected - 1));
}

static void
on_report_clicked_cb (CtgDashboard *self)
{
  /* The report's changes are those the dashboard shows */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.export-pdf-for-meeting", "(ss)",
                              self->meeting_date ? self->meeting_date : "",
                              self->since_date ? self->since_date : "");
}

/* GObject */

static void
ctg_dashboard_map (GtkWidget *widget)
{
  CtgDashboard *self = CTG_DASHBOARD (widget);

  if (self->dirty)
    refresh (self);
  GTK_WIDGET_CLASS (ctg_dashboard_parent_class)->map (widget);
}

static void
ctg_dashboard_dispose (GObject *object)
{
  CtgDashboard *self = CTG_DASHBOARD (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CTG_TYPE_DASHBOARD);
  g_clear_object (&self->document);
  g_clear_pointer (&self->figures, g_hash_table_unref);

  G_OBJECT_CLASS (ctg_dashboard_parent_class)->dispose (object);
}

static void
ctg_dashboard_finalize (GObject *object)
{
  CtgDashboard *self = CTG_DASHBOARD (object);

  g_clear_pointer (&self->axes, g_array_unref);
  g_clear_pointer (&self->today, g_date_free);
  g_clear_pointer (&self->meeting_date, g_free);
  g_clear_pointer (&self->since_date, g_free);
  g_clear_pointer (&self->drift_since, g_free);

  G_OBJECT_CLASS (ctg_dashboard_parent_class)->finalize (object);
}

static void
ctg_dashboard_class_init (CtgDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ctg_dashboard_dispose;
  object_class->finalize = ctg_dashboard_finalize;
  widget_class->map = ctg_dashboard_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ctgplanner/CtgPlanner/ui/ctg-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, CtgDashboard, heading);
  gtk_widget_class_bind_template_child (widget_class, CtgDashboard, axis_selector);
  gtk_widget_class_bind_template_child (widget_class, CtgDashboard, cards);
  gtk_widget_class_bind_template_child (widget_class, CtgDashboard, status_list);
  gtk_widget_class_bind_template_child (widget_class, CtgDashboard, pilot_list);
  gtk_widget_class_bind_template_child (widget_class, CtgDashboard, governance_group);
  gtk_widget_class_bind_template_child (widget_class, CtgDashboard, governance_list);
  gtk_widget_class_bind_template_child (widget_class, CtgDashboard, report_button);
  gtk_widget_class_bind_template_callback (widget_class, on_axis_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_report_clicked_cb);
}

static void
ctg_dashboard_init (CtgDashboard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->axes = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->today = g_date_new ();
  g_date_set_time_t (self->today, time (NULL));
}

/* Public API */

GtkWidget *
ctg_dashboard_new (void)
{
  return g_object_new (CTG_TYPE_DASHBOARD, NULL);
}

void
ctg_dashboard_set_document (CtgDashboard *self,
                            CtgDocument  *document)
{
  g_return_if_fail (CTG_IS_DASHBOARD (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect (document, "committed", G_CALLBACK (on_document_committed_cb), self);
  self->axis_id = 0;
  refresh (self);
}

gint64
ctg_dashboard_get_axis (CtgDashboard *self)
{
  g_return_val_if_fail (CTG_IS_DASHBOARD (self), 0);

  return self->axis_id;
}

/**
 * ctg_dashboard_set_axis:
 * @axis_id: an axis, or 0 for the whole convention
 */
void
ctg_dashboard_set_axis (CtgDashboard *self,
                        gint64        axis_id)
{
  g_return_if_fail (CTG_IS_DASHBOARD (self));

  self->axis_id = axis_id;
  refresh (self);
}

/**
 * ctg_dashboard_get_figure:
 * @name: "progress", "total", "overdue", "soon", "status:<key>",
 *   "pilot:<name>", "changes", or "report" for the button preparing the
 *   COPIL report
 *
 * Returns: (transfer none) (nullable): the button or row showing that
 *   figure; its "count" data holds the number shown (for "progress", the
 *   number of actions left out of the average)
 */
GtkWidget *
ctg_dashboard_get_figure (CtgDashboard *self,
                          const char   *name)
{
  g_return_val_if_fail (CTG_IS_DASHBOARD (self), NULL);

  if (self->dirty)
    refresh (self);
  return g_hash_table_lookup (self->figures, name);
}

/**
 * ctg_dashboard_set_drift_since:
 * @since: (nullable): a meeting's day, ISO; "" or %NULL for the last COPIL
 *
 * The meeting the drift row counts from: the window's choice.
 */
void
ctg_dashboard_set_drift_since (CtgDashboard *self,
                               const char   *since)
{
  g_return_if_fail (CTG_IS_DASHBOARD (self));

  if (since == NULL)
    since = "";
  if (g_strcmp0 (since, self->drift_since) == 0)
    return;
  g_free (self->drift_since);
  self->drift_since = g_strdup (since);
  if (self->document == NULL)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->dirty = TRUE;
}
