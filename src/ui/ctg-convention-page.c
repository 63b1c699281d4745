/* ctg-convention-page.c: the overview of a convention, where the convention
 * itself is edited: its summary, its dates, its signatories, its governance
 * and its meetings
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-convention-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ctg-editor-util.h"
#include "ctg-convention-entry-row.h"
#include "ctg-convention-page-private.h"
#include "ctg-item-row.h"
#include "ctg-text-row.h"

/* Past this many signatories (Valence Romans has 57), only the first few
 * are shown until the user asks for all of them */
#define SIGNATORIES_FOLD_ABOVE 8
#define SIGNATORIES_SHOWN_FOLDED 5

struct _CtgConventionPage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  AdwPreferencesPage  *preferences_page;
  AdwPreferencesGroup *summary_group;
  GtkLabel            *heading_label;
  GtkLabel            *subheading_label;
  GtkWidget           *stats_box;
  GtkLabel            *actions_label;
  GtkLabel            *actions_caption;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  GtkLabel            *overdue_label;
  GtkLabel            *overdue_caption;
  GtkBox              *status_box;
  GtkLabel            *progress_note_label;
  AdwPreferencesGroup *convention_group;
  AdwPreferencesGroup *signatories_group;
  GtkWidget           *add_signatory_button;
  GtkListBox          *signatories_list;
  AdwPreferencesGroup *governance_group;
  GtkWidget           *add_body_button;
  GtkListBox          *bodies_list;
  AdwPreferencesGroup *meetings_group;
  GtkWidget           *add_meeting_button;
  GtkListBox          *meetings_list;

  /* Built in code */
  GtkWidget           *title_row;
  GtkWidget           *territory_row;
  GtkWidget           *caf_row;
  GtkWidget           *period_start_row;
  GtkWidget           *period_end_row;
  GtkWidget           *signed_on_row;
  GtkWidget           *date_error_row;
  GtkWidget           *description_row;
  GtkWidget           *show_all_row;
  GtkWidget           *show_all_icon;
  GtkLabel            *status_labels[CTG_N_STATUSES];

  /* Owned references */
  CtgDocument         *document;
  GHashTable          *signatory_rows;  /* id -> row, borrowed from the list */
  GHashTable          *body_rows;
  GHashTable          *meeting_rows;

  gulong               changed_id;
  gboolean             summary_dirty;  /* changed while hidden: refreshed when shown */
  guint                n_signatories;
  gboolean             show_all_signatories;
};

G_DEFINE_FINAL_TYPE (CtgConventionPage, ctg_convention_page, GTK_TYPE_WIDGET)

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const status_classes[CTG_N_STATUSES] = {
  "status-todo", "status-in-progress", "status-done", "status-postponed", "status-abandoned",
};

static GQuark position_quark;

/* Helpers */

static gint64 *
new_id_key (gint64 id)
{
  gint64 *key = g_new (gint64, 1);

  *key = id;
  return key;
}

static char *
dup_date_text (CtgDocument *document,
               const char  *field)
{
  g_autofree char *stored = _ctg_item_dup_field (document, CTG_ITEM_CONVENTION, 1, field);
  CtgDate date;

  if (stored == NULL || !ctg_date_parse (stored, &date) || !ctg_date_is_set (&date))
    return NULL;
  return ctg_date_format (&date);
}

static void
emit_toast (CtgConventionPage *self,
            const char        *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

static void
on_row_toast_cb (CtgConventionPage *self,
                 const char        *message)
{
  emit_toast (self, message);
}

static guint
row_position (GtkListBoxRow *row)
{
  /* Rows of items are numbered from 1; others (show all) go last */
  guint position = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (row), position_quark));

  return position == 0 ? G_MAXUINT : position;
}

static int
sort_by_position (GtkListBoxRow *a,
                  GtkListBoxRow *b,
                  gpointer       user_data)
{
  guint pa = row_position (a);
  guint pb = row_position (b);

  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

static gboolean
filter_signatories (GtkListBoxRow *row,
                    gpointer       user_data)
{
  CtgConventionPage *self = user_data;
  gboolean folded = self->n_signatories > SIGNATORIES_FOLD_ABOVE;

  if (GTK_WIDGET (row) == self->show_all_row)
    return folded;
  if (!folded || self->show_all_signatories)
    return TRUE;
  /* Never hide the row the user is working in */
  if (gtk_widget_get_focus_child (GTK_WIDGET (row)) != NULL ||
      adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    return TRUE;
  return row_position (row) <= SIGNATORIES_SHOWN_FOLDED;
}

/* Brings the rows of @list in line with @ids, keeping the rows (and the
 * field being edited in them) of the items still there */
static void
sync_rows (CtgConventionPage *self,
           GtkListBox        *list,
           GHashTable        *rows,
           GArray            *ids,
           CtgItemKind        kind)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_insert (wanted, &g_array_index (ids, gint64, i), GUINT_TO_POINTER (i + 1));

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (wanted, key))
      {
        gtk_list_box_remove (list, GTK_WIDGET (value));
        g_hash_table_iter_remove (&iter);
      }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      GtkWidget *row = g_hash_table_lookup (rows, &id);

      if (row == NULL)
        {
          row = ctg_item_row_new (self->document, kind, id);
          g_signal_connect_swapped (row, "toast", G_CALLBACK (on_row_toast_cb), self);
          g_hash_table_insert (rows, new_id_key (id), row);
          gtk_list_box_append (list, row);
        }
      g_object_set_qdata (G_OBJECT (row), position_quark, GUINT_TO_POINTER (i + 1));
      ctg_item_row_refresh (CTG_ITEM_ROW (row));
      ctg_item_row_set_position (CTG_ITEM_ROW (row), i, ids->len);
    }

  gtk_list_box_invalidate_sort (list);
  gtk_list_box_invalidate_filter (list);
}

static void
clear_rows (GtkListBox *list,
            GHashTable *rows)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_list_box_remove (list, GTK_WIDGET (value));
  g_hash_table_remove_all (rows);
}

/* Refreshing */

static void
refresh_heading (CtgConventionPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *territory = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *period = NULL;
  g_autofree char *subheading = NULL;

  if (self->document == NULL)
    {
      gtk_label_set_label (self->heading_label, _("No convention open"));
      gtk_label_set_label (self->subheading_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->subheading_label), FALSE);
      return;
    }

  title = _ctg_item_dup_field (self->document, CTG_ITEM_CONVENTION, 1, "title");
  territory = _ctg_item_dup_field (self->document, CTG_ITEM_CONVENTION, 1, "territory");
  start = dup_date_text (self->document, "period_start");
  end = dup_date_text (self->document, "period_end");

  if (start && end)
    /* Translators: the period of a convention, as in "décembre 2021 – 31 décembre 2026" */
    period = g_strdup_printf (_("%s – %s"), start, end);
  else if (start)
    /* Translators: a period with no end, as in "from 2022" */
    period = g_strdup_printf (_("from %s"), start);
  else if (end)
    /* Translators: a period with no start, as in "until 2026" */
    period = g_strdup_printf (_("until %s"), end);

  if (territory && territory[0] && period)
    /* Translators: the territory and period of a convention */
    subheading = g_strdup_printf (_("%s · %s"), territory, period);
  else if (territory && territory[0])
    subheading = g_steal_pointer (&territory);
  else
    subheading = g_strdup (period ? period : "");

  gtk_label_set_label (self->heading_label, title && title[0] ? title : _("Untitled convention"));
  gtk_label_set_label (self->subheading_label, subheading);
  gtk_widget_set_visible (GTK_WIDGET (self->subheading_label), subheading[0] != '\0');
}

static void
refresh_summary (CtgConventionPage *self)
{
  g_autoptr(GListModel) actions = NULL;
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;
  guint counts[CTG_N_STATUSES];
  CtgProgressSummary summary;
  GDate today;
  guint n_actions;
  guint overdue = 0;

  gtk_widget_set_visible (self->stats_box, self->document != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->status_box), self->document != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_note_label), self->document != NULL);
  if (self->document == NULL)
    return;

  actions = ctg_document_list_actions (self->document, 0);
  n_actions = g_list_model_get_n_items (actions);
  ctg_document_count_statuses (self->document, 0, counts);
  ctg_actions_summarize_progress (actions, &summary);

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  for (guint i = 0; i < n_actions; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);

      if (ctg_action_is_overdue (action, &today))
        overdue++;
    }

  text = g_strdup_printf ("%u", n_actions);
  gtk_label_set_label (self->actions_label, text);
  /* Translators: under the number of actions of the plan, as in "34 actions" */
  gtk_label_set_label (self->actions_caption, g_dngettext (GETTEXT_PACKAGE, "action", "actions", n_actions));
  g_clear_pointer (&text, g_free);

  if (summary.counted > 0)
    {
      /* Translators: an average progress, as in "40 %" */
      text = g_strdup_printf (_("%.0f %%"), summary.average);
      gtk_progress_bar_set_fraction (self->progress_bar, summary.average / 100.0);
    }
  else
    {
      text = g_strdup (C_("no progress", "—"));
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
    }
  gtk_label_set_label (self->progress_label, text);
  g_clear_pointer (&text, g_free);

  text = g_strdup_printf ("%u", overdue);
  gtk_label_set_label (self->overdue_label, text);
  gtk_label_set_label (self->overdue_caption,
                       /* Translators: under a number of actions whose échéance has passed */
                       g_dngettext (GETTEXT_PACKAGE, "overdue action", "overdue actions", overdue));
  if (overdue > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->overdue_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->overdue_label), "error");
  g_clear_pointer (&text, g_free);

  for (guint i = 0; i < CTG_N_STATUSES; i++)
    {
      /* Translators: a status and how many actions have it, as in "In progress 4" */
      text = g_strdup_printf (C_("status count", "%s %u"), ctg_status_to_label (i), counts[i]);
      gtk_label_set_label (self->status_labels[i], text);
      gtk_widget_set_opacity (GTK_WIDGET (self->status_labels[i]), counts[i] > 0 ? 1.0 : 0.55);
      g_clear_pointer (&text, g_free);
    }

  if (n_actions == 0)
    note = g_strdup (_("The action plan is empty."));
  else if (summary.counted == 0)
    note = g_strdup (_("No action counts yet: the average leaves out the abandoned actions "
                       "and those under way with no progress entered."));
  else if (summary.left_out == 0)
    note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Average over %u action, done ones counting as 100 %%.",
                                         "Average over all %u actions, done ones counting as 100 %%.",
                                         summary.counted),
                            summary.counted);
  else
    {
      g_autofree char *over = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Average over %u action, done ones counting as 100 %%",
                                                            "Average over %u actions, done ones counting as 100 %%",
                                                            summary.counted),
                                               summary.counted);
      /* Translators: follows "Average over N actions, done ones counting as 100 %" */
      note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s; %u left out (abandoned, or under way with no progress entered).",
                                           "%s; %u left out (abandoned, or under way with no progress entered).",
                                           summary.left_out),
                              over, summary.left_out);
    }
  gtk_label_set_label (self->progress_note_label, note);
}

static void
refresh_signatories (CtgConventionPage *self)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (self->document, CTG_ITEM_SIGNATORY, 0);
  g_autofree char *show_all = NULL;
  g_autofree char *description = NULL;

  self->n_signatories = ids->len;
  sync_rows (self, self->signatories_list, self->signatory_rows, ids, CTG_ITEM_SIGNATORY);

  if (self->show_all_signatories)
    show_all = g_strdup (_("Show Fewer Signatories"));
  else
    show_all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %u Signatory",
                                             "Show All %u Signatories", ids->len),
                                ids->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->show_all_row), show_all);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->show_all_icon),
                                self->show_all_signatories ? "pan-up-symbolic" : "pan-down-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->show_all_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  show_all, -1);

  if (ids->len > 0)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u signatory", "%u signatories", ids->len),
                                   ids->len);
  adw_preferences_group_set_description (self->signatories_group, description);
}

static void
refresh_bodies (CtgConventionPage *self)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (self->document, CTG_ITEM_BODY, 0);

  sync_rows (self, self->bodies_list, self->body_rows, ids, CTG_ITEM_BODY);
}

static void
refresh_meetings (CtgConventionPage *self)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (self->document, CTG_ITEM_MEETING, 0);

  sync_rows (self, self->meetings_list, self->meeting_rows, ids, CTG_ITEM_MEETING);
}

static void
refresh_summary_now (CtgConventionPage *self)
{
  self->summary_dirty = FALSE;
  refresh_summary (self);
}

/* @with_summary: FALSE leaves the figures, which go over every action, to
 * be refreshed when the page is shown */
static void
refresh (CtgConventionPage *self,
         gboolean           with_summary)
{
  refresh_heading (self);
  if (with_summary)
    refresh_summary_now (self);
  else
    self->summary_dirty = TRUE;
  if (self->document == NULL)
    return;
  refresh_signatories (self);
  refresh_bodies (self);
  refresh_meetings (self);
}

/* Callbacks */

/* After each commit, whoever made it, the parts that show what it
 * changed. While the page is hidden, its figures wait to be shown. */
static void
on_document_committed_cb (CtgConventionPage *self,
                          CtgChangeSet      *changes)
{
  static const CtgItemKind plan[] = { CTG_ITEM_AXIS, CTG_ITEM_SECTION, CTG_ITEM_OBJECTIVE, CTG_ITEM_ACTION };
  gboolean bodies = ctg_change_set_touches_kind (changes, CTG_ITEM_BODY);

  /* The convention's fields follow its item themselves */
  if (ctg_change_set_touches_kind (changes, CTG_ITEM_CONVENTION))
    refresh_heading (self);
  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    if (ctg_change_set_touches_kind (changes, plan[i]))
      {
        if (gtk_widget_get_mapped (GTK_WIDGET (self)))
          refresh_summary_now (self);
        else
          self->summary_dirty = TRUE;
        break;
      }
  if (ctg_change_set_touches_kind (changes, CTG_ITEM_SIGNATORY))
    refresh_signatories (self);
  if (bodies || ctg_change_set_touches_kind (changes, CTG_ITEM_MEMBER))
    refresh_bodies (self);
  /* A meeting row names its body */
  if (bodies || ctg_change_set_touches_kind (changes, CTG_ITEM_MEETING))
    refresh_meetings (self);
}

static void
ctg_convention_page_map (GtkWidget *widget)
{
  CtgConventionPage *self = CTG_CONVENTION_PAGE (widget);

  if (self->summary_dirty)
    refresh_summary_now (self);
  GTK_WIDGET_CLASS (ctg_convention_page_parent_class)->map (widget);
}

static void
on_date_error_cb (CtgConventionPage     *self,
                  GParamSpec            *pspec,
                  CtgConventionEntryRow *row)
{
  GtkWidget *dates[] = { self->period_start_row, self->period_end_row, self->signed_on_row };
  const char *error = ctg_convention_entry_row_get_error (row);

  /* Else another date may still be wrong */
  for (guint i = 0; error == NULL && i < G_N_ELEMENTS (dates); i++)
    error = ctg_convention_entry_row_get_error (CTG_CONVENTION_ENTRY_ROW (dates[i]));
  _ctg_error_row_show (self->date_error_row, error);
}

static void
on_signatories_row_activated_cb (CtgConventionPage *self,
                                 GtkListBoxRow     *row)
{
  if (GTK_WIDGET (row) != self->show_all_row)
    return;

  self->show_all_signatories = !self->show_all_signatories;
  refresh_signatories (self);
}

/* Opens the row of the item just added, on @field */
static void
focus_new_row (CtgConventionPage *self,
               CtgItemKind        kind,
               gint64             id,
               const char        *field)
{
  GtkWidget *row = _ctg_convention_page_get_item_row (self, kind, id);

  if (row == NULL)
    return;
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (ctg_item_row_get_field (CTG_ITEM_ROW (row), field));
}

static void
on_add_signatory_clicked_cb (CtgConventionPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->document == NULL)
    return;

  id = ctg_document_add_item (self->document, CTG_ITEM_SIGNATORY, 0, _("New signatory"), &error);
  if (id == 0)
    {
      emit_toast (self, error->message);
      return;
    }

  /* The new one goes last: show it even in a folded list */
  if (self->n_signatories + 1 > SIGNATORIES_FOLD_ABOVE)
    self->show_all_signatories = TRUE;
  refresh_signatories (self);

  focus_new_row (self, CTG_ITEM_SIGNATORY, id, "organisation");
}

static void
on_add_body_clicked_cb (CtgConventionPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->document == NULL)
    return;

  id = ctg_document_add_body (self->document, _("New governance body"), "other", &error);
  if (id == 0)
    {
      emit_toast (self, error->message);
      return;
    }

  refresh_bodies (self);
  focus_new_row (self, CTG_ITEM_BODY, id, "name");
}

static void
on_add_meeting_clicked_cb (CtgConventionPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->document == NULL)
    return;

  id = ctg_document_add_meeting (self->document, 0, NULL, _("New meeting"), &error);
  if (id == 0)
    {
      emit_toast (self, error->message);
      return;
    }

  refresh_meetings (self);
  focus_new_row (self, CTG_ITEM_MEETING, id, "date");
}

static void
on_description_toast_cb (CtgConventionPage *self,
                         const char        *message)
{
  emit_toast (self, message);
}

/* Overrides */

static void
ctg_convention_page_dispose (GObject *object)
{
  CtgConventionPage *self = (CtgConventionPage *) object;

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->document);
      g_clear_object (&self->document);
    }

  gtk_widget_dispose_template (GTK_WIDGET (object), CTG_TYPE_CONVENTION_PAGE);
  g_clear_pointer (&self->signatory_rows, g_hash_table_unref);
  g_clear_pointer (&self->body_rows, g_hash_table_unref);
  g_clear_pointer (&self->meeting_rows, g_hash_table_unref);

  G_OBJECT_CLASS (ctg_convention_page_parent_class)->dispose (object);
}

static void
ctg_convention_page_class_init (CtgConventionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ctg_convention_page_dispose;

  position_quark = g_quark_from_static_string ("ctg-convention-page-position");

  /**
   * CtgConventionPage::toast:
   * @message: what to tell the user
   *
   * Asks the window to show @message as a toast: after a deletion (the
   * window offers Undo), or when an edit could not be made.
   */
  signals[TOAST] = _ctg_toast_signal_new (G_TYPE_FROM_CLASS (klass));

  widget_class->map = ctg_convention_page_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ctgplanner/CtgPlanner/ui/ctg-convention-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, summary_group);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, subheading_label);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, stats_box);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, actions_label);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, actions_caption);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, overdue_caption);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, progress_note_label);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, convention_group);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, signatories_group);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, add_signatory_button);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, signatories_list);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, governance_group);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, add_body_button);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, bodies_list);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, meetings_group);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, add_meeting_button);
  gtk_widget_class_bind_template_child (widget_class, CtgConventionPage, meetings_list);
  gtk_widget_class_bind_template_callback (widget_class, on_add_signatory_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_body_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_meeting_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_signatories_row_activated_cb);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
add_convention_entry (CtgConventionPage *self,
                      const char        *title,
                      const char        *field,
                      gboolean           is_date)
{
  GtkWidget *row = ctg_convention_entry_row_new (title, field, is_date);
  g_autofree char *name = g_strdup_printf ("%s-row", field);

  gtk_widget_set_name (row, name);
  adw_preferences_group_add (self->convention_group, row);
  if (is_date)
    g_signal_connect_swapped (row, "notify::error", G_CALLBACK (on_date_error_cb), self);
  return row;
}

static GtkWidget *
make_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "ctg-placeholder");
  return label;
}

static void
ctg_convention_page_init (CtgConventionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->signatory_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->body_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->meeting_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* The summary: one pill per status */
  for (guint i = 0; i < CTG_N_STATUSES; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_widget_add_css_class (label, "status-pill");
      gtk_widget_add_css_class (label, status_classes[i]);
      gtk_box_append (self->status_box, label);
      self->status_labels[i] = GTK_LABEL (label);
    }

  /* The convention itself */
  self->title_row = add_convention_entry (self, _("Title"), "title", FALSE);
  self->territory_row = add_convention_entry (self, _("Territory"), "territory", FALSE);
  self->caf_row = add_convention_entry (self, _("CAF"), "caf", FALSE);
  self->period_start_row = add_convention_entry (self, _("Start of the Period"), "period_start", TRUE);
  self->period_end_row = add_convention_entry (self, _("End of the Period"), "period_end", TRUE);
  self->signed_on_row = add_convention_entry (self, _("Signature Date"), "signed_on", TRUE);

  /* Right under the dates it is about */
  self->date_error_row = _ctg_error_row_new ();
  gtk_widget_set_name (self->date_error_row, "date-error-row");
  adw_preferences_group_add (self->convention_group, self->date_error_row);

  self->description_row = ctg_text_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->description_row), _("Description"));
  ctg_text_row_set_max_height (CTG_TEXT_ROW (self->description_row), 200);
  gtk_widget_set_name (self->description_row, "description-row");
  g_signal_connect_swapped (self->description_row, "toast", G_CALLBACK (on_description_toast_cb), self);
  adw_preferences_group_add (self->convention_group, self->description_row);

  /* The lists */
  gtk_list_box_set_sort_func (self->signatories_list, sort_by_position, NULL, NULL);
  gtk_list_box_set_filter_func (self->signatories_list, filter_signatories, self, NULL);
  gtk_list_box_set_sort_func (self->bodies_list, sort_by_position, NULL, NULL);
  gtk_list_box_set_sort_func (self->meetings_list, sort_by_position, NULL, NULL);
  gtk_list_box_set_placeholder (self->signatories_list, make_placeholder (_("No signatories yet")));
  gtk_list_box_set_placeholder (self->bodies_list, make_placeholder (_("No governance bodies yet")));
  gtk_list_box_set_placeholder (self->meetings_list, make_placeholder (_("No meetings yet")));

  self->show_all_row = adw_action_row_new ();
  gtk_widget_set_name (self->show_all_row, "show-all-signatories-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->show_all_row), TRUE);
  self->show_all_icon = gtk_image_new_from_icon_name ("pan-down-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->show_all_row), self->show_all_icon);
  gtk_widget_add_css_class (self->show_all_row, "ctg-show-all-row");
  gtk_list_box_append (self->signatories_list, self->show_all_row);

  ctg_convention_page_set_document (self, NULL);
}

/* Public API */

GtkWidget *
ctg_convention_page_new (void)
{
  return g_object_new (CTG_TYPE_CONVENTION_PAGE, NULL);
}

/**
 * ctg_convention_page_set_document:
 * @document: (nullable): the convention to show
 *
 * Shows @document, and follows its changes (edits made here, undo and redo
 * from the window) until another one is set.
 */
void
ctg_convention_page_set_document (CtgConventionPage *self,
                                  CtgDocument       *document)
{
  GtkWidget *entries[6];
  g_autoptr(CtgItem) convention = NULL;
  gboolean writable;

  g_return_if_fail (CTG_IS_CONVENTION_PAGE (self));
  g_return_if_fail (document == NULL || CTG_IS_DOCUMENT (document));

  if (self->document != NULL && self->document == document)
    {
      refresh (self, TRUE);
      return;
    }

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->document);
      g_clear_object (&self->document);
    }

  clear_rows (self->signatories_list, self->signatory_rows);
  clear_rows (self->bodies_list, self->body_rows);
  clear_rows (self->meetings_list, self->meeting_rows);
  self->show_all_signatories = FALSE;
  self->n_signatories = 0;

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->changed_id = g_signal_connect_swapped (document, "committed",
                                                   G_CALLBACK (on_document_committed_cb), self);
    }

  if (document != NULL)
    convention = ctg_document_get_item (document, CTG_ITEM_CONVENTION, 1);
  entries[0] = self->title_row;
  entries[1] = self->territory_row;
  entries[2] = self->caf_row;
  entries[3] = self->period_start_row;
  entries[4] = self->period_end_row;
  entries[5] = self->signed_on_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    ctg_convention_entry_row_set_item (CTG_CONVENTION_ENTRY_ROW (entries[i]), convention);
  ctg_text_row_set_item (CTG_TEXT_ROW (self->description_row), convention, "description");
  gtk_widget_set_visible (self->date_error_row, FALSE);

  writable = document != NULL && !ctg_document_is_read_only (document);
  gtk_widget_set_visible (self->add_signatory_button, writable);
  gtk_widget_set_visible (self->add_body_button, writable);
  gtk_widget_set_visible (self->add_meeting_button, writable);
  gtk_widget_set_visible (GTK_WIDGET (self->convention_group), document != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->signatories_group), document != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->governance_group), document != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->meetings_group), document != NULL);

  refresh (self, TRUE);
}

/* Test accessors */

GtkWidget *
_ctg_convention_page_get_field_row (CtgConventionPage *self,
                                    const char        *field)
{
  g_return_val_if_fail (CTG_IS_CONVENTION_PAGE (self), NULL);

  if (g_strcmp0 (field, "title") == 0)
    return self->title_row;
  if (g_strcmp0 (field, "territory") == 0)
    return self->territory_row;
  if (g_strcmp0 (field, "caf") == 0)
    return self->caf_row;
  if (g_strcmp0 (field, "period_start") == 0)
    return self->period_start_row;
  if (g_strcmp0 (field, "period_end") == 0)
    return self->period_end_row;
  if (g_strcmp0 (field, "signed_on") == 0)
    return self->signed_on_row;
  if (g_strcmp0 (field, "description") == 0)
    return self->description_row;
  g_return_val_if_reached (NULL);
}

GtkWidget *
_ctg_convention_page_get_date_error_row (CtgConventionPage *self)
{
  g_return_val_if_fail (CTG_IS_CONVENTION_PAGE (self), NULL);

  return self->date_error_row;
}

/**
 * _ctg_convention_page_get_item_row:
 * @kind: %CTG_ITEM_SIGNATORY, %CTG_ITEM_BODY or %CTG_ITEM_MEETING
 *
 * Returns: (nullable): the row that shows item @id, %NULL if none does
 */
GtkWidget *
_ctg_convention_page_get_item_row (CtgConventionPage *self,
                                   CtgItemKind        kind,
                                   gint64             id)
{
  g_return_val_if_fail (CTG_IS_CONVENTION_PAGE (self), NULL);

  switch ((int) kind)
    {
    case CTG_ITEM_SIGNATORY: return g_hash_table_lookup (self->signatory_rows, &id);
    case CTG_ITEM_BODY: return g_hash_table_lookup (self->body_rows, &id);
    case CTG_ITEM_MEETING: return g_hash_table_lookup (self->meeting_rows, &id);
    default: g_return_val_if_reached (NULL);
    }
}

GtkWidget *
_ctg_convention_page_get_add_button (CtgConventionPage *self,
                                     CtgItemKind        kind)
{
  g_return_val_if_fail (CTG_IS_CONVENTION_PAGE (self), NULL);

  switch ((int) kind)
    {
    case CTG_ITEM_SIGNATORY: return self->add_signatory_button;
    case CTG_ITEM_BODY: return self->add_body_button;
    case CTG_ITEM_MEETING: return self->add_meeting_button;
    default: g_return_val_if_reached (NULL);
    }
}

GtkWidget *
_ctg_convention_page_get_show_all_row (CtgConventionPage *self)
{
  g_return_val_if_fail (CTG_IS_CONVENTION_PAGE (self), NULL);

  return self->show_all_row;
}

/**
 * _ctg_convention_page_get_summary_label:
 * @which: "actions", "progress", "overdue", "note", "heading", or a status
 *   key ("todo", "in-progress", ...)
 */
GtkLabel *
_ctg_convention_page_get_summary_label (CtgConventionPage *self,
                                        const char        *which)
{
  CtgStatus status;

  g_return_val_if_fail (CTG_IS_CONVENTION_PAGE (self), NULL);

  if (g_strcmp0 (which, "actions") == 0)
    return self->actions_label;
  if (g_strcmp0 (which, "progress") == 0)
    return self->progress_label;
  if (g_strcmp0 (which, "overdue") == 0)
    return self->overdue_label;
  if (g_strcmp0 (which, "note") == 0)
    return self->progress_note_label;
  if (g_strcmp0 (which, "heading") == 0)
    return self->heading_label;
  if (which != NULL && ctg_status_from_key (which, &status))
    return self->status_labels[status];
  g_return_val_if_reached (NULL);
}
