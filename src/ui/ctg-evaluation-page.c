/* ctg-evaluation-page.c: a convention's annual evaluation, one year at a
 * time: the indicators with their assessment (editable), each axis's
 * roll-up, and the actions' follow-up notes side by side
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-evaluation-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ctg-editor-util.h"
#include "ctg-evaluation-page.h"
#include "ctg-indicator-chart-view.h"
#include "ctg-field-message.h"

typedef struct
{
  gpointer        page;          /* the CtgEvaluationPage, for its handlers */
  gint64          id;
  CtgItem        *item;          /* the indicator, live */
  GListModel     *assessments;   /* its assessments, one per year, live */
  GPtrArray      *watched;       /* the assessment items whose notify we follow */
  AdwExpanderRow *row;
  GtkDropDown    *level;
  AdwEntryRow    *value;
  AdwEntryRow    *comment;
  AdwEntryRow    *measure;       /* the year's number, drawn on the chart */
  AdwEntryRow    *measures[5];   /* the indicator's own fields: see measure_fields */
  GtkWidget      *chart_row;
  CtgIndicatorChartView *chart;
} IndicatorWidgets;

/* The fields of a convention indicator that make its chart, in the order
 * of IndicatorWidgets.measures */
static const struct {
  const char *field;
  const char *title;
} measure_fields[] = {
  { "unit", N_("Unit") },
  { "baseline", N_("Baseline") },
  { "baseline_year", N_("Year of the Baseline") },
  { "target_value", N_("Target") },
  { "target_year", N_("Year of the Target") },
};

struct _CtgEvaluationPage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkScrolledWindow   *scroller;
  GtkLabel            *heading_label;
  GtkLabel            *summary_label;
  GtkDropDown         *year_dropdown;
  GtkWidget           *record_button;
  GtkListBox          *indicators_list;
  CtgFieldMessage     *indicators_message;
  GtkGrid             *axes_grid;
  GtkBox              *notes_box;

  /* Owned references */
  CtgDocument         *document;
  GArray              *years;         /* guint, as listed in the dropdown */
  GArray              *indicators;    /* IndicatorWidgets, widgets borrowed from the list */
  GListModel          *indicator_items; /* the convention's indicators, live */

  gulong               changed_handler;
  guint                year;
  guint                with_notes;
  guint                updating;
  gboolean             dirty;
};

G_DEFINE_FINAL_TYPE (CtgEvaluationPage, ctg_evaluation_page, GTK_TYPE_WIDGET)

static void refresh (CtgEvaluationPage *self,
                     gboolean           force);

/* Years */

/* The last year assessed, else this year or the last listed: the same
 * year as ctg export --bilan and the Export dialog */
static guint
pick_default_year (CtgEvaluationPage *self)
{
  return ctg_document_get_review_year (self->document);
}

static void
fill_years (CtgEvaluationPage *self)
{
  g_autoptr(GArray) years = _ctg_years_to_offer (self->document);

  self->updating++;
  _ctg_year_dropdown_set_years (self->year_dropdown, &self->years, years);
  if (self->year == 0)
    self->year = pick_default_year (self);
  if (!_ctg_year_dropdown_select (self->year_dropdown, self->years, self->year))
    {
      /* A year asked for that the convention does not list yet */
      g_autoptr(GArray) with_year = g_array_copy (self->years);

      g_array_append_val (with_year, self->year);
      g_array_sort (with_year, ctg_year_compare);
      _ctg_year_dropdown_set_years (self->year_dropdown, &self->years, with_year);
      _ctg_year_dropdown_select (self->year_dropdown, self->years, self->year);
    }
  self->updating--;
}

static void
on_year_selected_cb (CtgEvaluationPage *self)
{
  guint year = _ctg_year_dropdown_get_year (self->year_dropdown, self->years);

  if (self->updating > 0 || year == 0)
    return;
  self->year = year;
  ctg_field_message_clear (self->indicators_message, NULL);
  refresh (self, TRUE);
}

static void
on_record_clicked_cb (CtgEvaluationPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  ctg_field_message_clear (self->indicators_message, NULL);
  if (!ctg_document_record_year_end (self->document, self->year, &error))
    ctg_field_message_show_error (self->indicators_message, NULL, error->message);
}

/* Indicators */

static IndicatorWidgets *
find_indicator (CtgEvaluationPage *self,
                GtkWidget         *widget)
{
  for (guint i = 0; self->indicators != NULL && i < self->indicators->len; i++)
    {
      IndicatorWidgets *w = &g_array_index (self->indicators, IndicatorWidgets, i);

      if (widget == GTK_WIDGET (w->level) || widget == GTK_WIDGET (w->value) ||
          widget == GTK_WIDGET (w->comment) || widget == GTK_WIDGET (w->measure))
        return w;
      for (guint f = 0; f < G_N_ELEMENTS (w->measures); f++)
        if (widget == GTK_WIDGET (w->measures[f]))
          return w;
    }
  return NULL;
}

static void
commit_assessment (CtgEvaluationPage *self,
                   GtkWidget         *widget,
                   const char        *field,
                   const char        *value)
{
  g_autoptr(GError) error = NULL;
  IndicatorWidgets *w = find_indicator (self, widget);

  if (w == NULL || self->document == NULL)
    return;
  ctg_field_message_clear (self->indicators_message, widget);
  if (g_object_get_data (G_OBJECT (widget), "ctg-indicator-field") != NULL
      ? !ctg_document_set (self->document, CTG_ITEM_EVALUATION_INDICATOR, w->id, field, value, &error)
      : !ctg_document_set_assessment (self->document, w->id, self->year, field, value, &error))
    {
      ctg_field_message_show_error (self->indicators_message, widget, error->message);
      return;
    }
  /* The row now shows what the document holds: no longer a pending edit */
  if (ADW_IS_ENTRY_ROW (widget))
    _ctg_entry_row_update (ADW_ENTRY_ROW (widget), value, TRUE);
}

static void
on_level_selected_cb (CtgEvaluationPage *self,
                      GParamSpec        *pspec,
                      GtkDropDown       *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating > 0 || selected >= CTG_N_LEVELS)
    return;
  commit_assessment (self, GTK_WIDGET (dropdown), "level", ctg_level_to_key ((CtgLevel) selected));
}

static void
on_entry_applied_cb (CtgEvaluationPage *self,
                     AdwEntryRow       *row)
{
  IndicatorWidgets *w = find_indicator (self, GTK_WIDGET (row));

  const char *field = g_object_get_data (G_OBJECT (row), "ctg-indicator-field");

  if (field == NULL && w != NULL)
    field = row == w->value ? "value" : row == w->measure ? "measure" : "comment";
  if (w != NULL)
    commit_assessment (self, GTK_WIDGET (row), field, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_entry_activated_cb (CtgEvaluationPage *self,
                       AdwEntryRow       *row)
{
  if (_ctg_entry_row_is_modified (row))
    on_entry_applied_cb (self, row);
}

static AdwEntryRow *
new_entry_row (CtgEvaluationPage *self,
               const char        *title,
               const char        *name)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (GTK_WIDGET (row), name);
  adw_entry_row_set_show_apply_button (row, TRUE);
  g_signal_connect_swapped (row, "apply", G_CALLBACK (on_entry_applied_cb), self);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (on_entry_activated_cb), self);
  return row;
}

/* Each indicator's widgets follow its live item and its assessments: an
 * edit made anywhere (undo, another window, the ctg tool) shows at once,
 * and only in that indicator's rows */
static void
clear_indicator_widgets (gpointer data)
{
  IndicatorWidgets *w = data;

  for (guint i = 0; w->watched != NULL && i < w->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (w->watched, i), w->page);
  g_clear_pointer (&w->watched, g_ptr_array_unref);
  if (w->item != NULL)
    g_signal_handlers_disconnect_by_data (w->item, w->page);
  if (w->assessments != NULL)
    g_signal_handlers_disconnect_by_data (w->assessments, w->page);
  g_clear_object (&w->item);
  g_clear_object (&w->assessments);
}

static void sync_indicator (CtgEvaluationPage *self,
                            guint              index,
                            gboolean           force);
static void update_summary (CtgEvaluationPage *self);

static guint
indicator_index (CtgEvaluationPage *self,
                 gpointer           object)
{
  for (guint i = 0; i < self->indicators->len; i++)
    {
      IndicatorWidgets *w = &g_array_index (self->indicators, IndicatorWidgets, i);

      if (object == w->item || object == w->assessments || g_ptr_array_find (w->watched, object, NULL))
        return i;
    }
  return G_MAXUINT;
}

static void
on_indicator_notify_cb (CtgEvaluationPage *self,
                        GParamSpec        *pspec,
                        GObject           *object)
{
  guint index = indicator_index (self, object);

  if (index == G_MAXUINT)
    return;
  self->updating++;
  sync_indicator (self, index, FALSE);
  update_summary (self);
  self->updating--;
}

static void
watch_assessments (CtgEvaluationPage *self,
                   IndicatorWidgets  *w)
{
  for (guint i = 0; i < w->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (w->watched, i), on_indicator_notify_cb, self);
  g_ptr_array_set_size (w->watched, 0);
  for (guint i = 0; i < g_list_model_get_n_items (w->assessments); i++)
    {
      CtgItem *assessment = g_list_model_get_item (w->assessments, i);

      g_signal_connect_swapped (assessment, "notify", G_CALLBACK (on_indicator_notify_cb), self);
      g_ptr_array_add (w->watched, assessment);
    }
}

static void
on_assessments_changed_cb (CtgEvaluationPage *self,
                           guint              position,
                           guint              removed,
                           guint              added,
                           GListModel        *assessments)
{
  guint index = indicator_index (self, assessments);

  if (index == G_MAXUINT)
    return;
  watch_assessments (self, &g_array_index (self->indicators, IndicatorWidgets, index));
  on_indicator_notify_cb (self, NULL, G_OBJECT (assessments));
}

/* The indicator's assessment of the year shown, if there is one */
static CtgItem *
year_assessment (CtgEvaluationPage *self,
                 IndicatorWidgets  *w)
{
  for (guint i = 0; i < w->watched->len; i++)
    if (ctg_item_get_int (g_ptr_array_index (w->watched, i), "year") == self->year)
      return g_ptr_array_index (w->watched, i);
  return NULL;
}

static void
build_indicators (CtgEvaluationPage *self)
{
  guint n = g_list_model_get_n_items (self->indicator_items);

  _ctg_list_box_remove_all (self->indicators_list);
  g_array_set_size (self->indicators, 0);

  for (guint i = 0; i < n; i++)
    {
      IndicatorWidgets w = { 0 };
      const char *levels[CTG_N_LEVELS + 1] = { NULL };
      g_autofree char *name = g_strdup_printf ("indicator-row-%u", i + 1);

      w.page = self;
      w.item = g_list_model_get_item (self->indicator_items, i);
      w.id = ctg_item_get_id (w.item);
      w.assessments = ctg_document_list_items (self->document, CTG_ITEM_ASSESSMENT, w.id);
      w.watched = g_ptr_array_new_with_free_func (g_object_unref);
      g_signal_connect_swapped (w.item, "notify", G_CALLBACK (on_indicator_notify_cb), self);
      g_signal_connect_swapped (w.assessments, "items-changed", G_CALLBACK (on_assessments_changed_cb), self);

      for (guint l = 0; l < CTG_N_LEVELS; l++)
        levels[l] = ctg_level_to_label ((CtgLevel) l);

      w.row = ADW_EXPANDER_ROW (adw_expander_row_new ());
      gtk_widget_set_name (GTK_WIDGET (w.row), name);
      adw_expander_row_set_show_enable_switch (w.row, FALSE);

      w.level = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (levels));
      gtk_widget_set_name (GTK_WIDGET (w.level), "level-dropdown");
      gtk_widget_set_valign (GTK_WIDGET (w.level), GTK_ALIGN_CENTER);
      g_signal_connect_swapped (w.level, "notify::selected", G_CALLBACK (on_level_selected_cb), self);
      adw_expander_row_add_action (w.row, GTK_WIDGET (w.level));

      w.value = new_entry_row (self, _("Value Measured"), "value-row");
      w.comment = new_entry_row (self, _("Comment"), "comment-row");
      w.measure = new_entry_row (self, _("Number Measured"), "measure-row");
      adw_expander_row_add_row (w.row, GTK_WIDGET (w.value));
      adw_expander_row_add_row (w.row, GTK_WIDGET (w.measure));
      adw_expander_row_add_row (w.row, GTK_WIDGET (w.comment));
      for (guint f = 0; f < G_N_ELEMENTS (measure_fields); f++)
        {
          g_autofree char *row_name = g_strdup_printf ("%s-row", measure_fields[f].field);

          w.measures[f] = new_entry_row (self, _(measure_fields[f].title), row_name);
          g_object_set_data (G_OBJECT (w.measures[f]), "ctg-indicator-field", (gpointer) measure_fields[f].field);
          adw_expander_row_add_row (w.row, GTK_WIDGET (w.measures[f]));
        }

      gtk_list_box_append (self->indicators_list, GTK_WIDGET (w.row));

      /* The chart under its indicator, shown once there is something to draw */
      w.chart = CTG_INDICATOR_CHART_VIEW (ctg_indicator_chart_view_new ());
      gtk_widget_set_margin_start (GTK_WIDGET (w.chart), 12);
      gtk_widget_set_margin_end (GTK_WIDGET (w.chart), 12);
      gtk_widget_set_margin_top (GTK_WIDGET (w.chart), 6);
      gtk_widget_set_margin_bottom (GTK_WIDGET (w.chart), 6);
      gtk_accessible_update_property (GTK_ACCESSIBLE (w.chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Chart of the indicator"), -1);
      w.chart_row = gtk_list_box_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (w.chart_row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (w.chart_row), GTK_WIDGET (w.chart));
      gtk_list_box_append (self->indicators_list, w.chart_row);
      g_array_append_val (self->indicators, w);
      watch_assessments (self, &g_array_index (self->indicators, IndicatorWidgets, i));
    }
}

static gboolean
same_indicators (CtgEvaluationPage *self)
{
  if (self->indicators->len != g_list_model_get_n_items (self->indicator_items))
    return FALSE;
  for (guint i = 0; i < self->indicators->len; i++)
    {
      g_autoptr(CtgItem) item = g_list_model_get_item (self->indicator_items, i);

      if (g_array_index (self->indicators, IndicatorWidgets, i).item != item)
        return FALSE;
    }
  return TRUE;
}

static void
sync_indicator (CtgEvaluationPage *self,
                guint              index,
                gboolean           force)
{
  IndicatorWidgets *w = &g_array_index (self->indicators, IndicatorWidgets, index);
  gboolean editable = !ctg_document_is_read_only (self->document);
  CtgItem *assessment = year_assessment (self, w);
  const char *name = ctg_evaluation_indicator_shown_name (ctg_item_get_text (w->item, "name"));
  const char *unit = ctg_item_get_text (w->item, "unit");
  const char *level_key = assessment ? ctg_item_get_text (assessment, "level") : NULL;
  const char *value = assessment ? ctg_item_get_text (assessment, "value") : NULL;
  const char *comment = assessment ? ctg_item_get_text (assessment, "comment") : NULL;
  g_autofree char *measure = assessment ? ctg_item_dup_shown (assessment, "measure", TRUE) : g_strdup ("");
  g_autofree char *title = g_strdup_printf ("%u. %s", index + 1, name);
  g_autofree char *escaped = _ctg_escape (title);
  g_autofree char *escaped_subtitle = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  CtgLevel level = CTG_LEVEL_NONE;

  ctg_level_from_key (level_key, &level);
  if (value != NULL && value[0] != '\0')
    g_string_append (subtitle, value);
  else if (measure[0] != '\0')
    g_string_append_printf (subtitle, "%s%s%s", measure, unit && unit[0] ? "\u00a0" : "", unit ? unit : "");
  if (comment != NULL && comment[0] != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " — " : "", comment);
  if (subtitle->len == 0 && level == CTG_LEVEL_NONE)
    g_string_append (subtitle, _("Not assessed for this year"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w->row), escaped);
  escaped_subtitle = _ctg_escape (subtitle->str);
  adw_expander_row_set_subtitle (w->row, escaped_subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (w->level), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  self->updating++;
  gtk_drop_down_set_selected (w->level, level);
  self->updating--;
  gtk_widget_set_sensitive (GTK_WIDGET (w->level), editable);
  _ctg_entry_row_update (w->value, value ? value : "", force);
  _ctg_entry_row_update (w->comment, comment ? comment : "", force);
  _ctg_entry_row_update (w->measure, measure, force);
  _ctg_entry_row_set_editable (w->value, editable);
  _ctg_entry_row_set_editable (w->comment, editable);
  _ctg_entry_row_set_editable (w->measure, editable);
  for (guint f = 0; f < G_N_ELEMENTS (measure_fields); f++)
    {
      g_autofree char *property = g_strdelimit (g_strdup (measure_fields[f].field), "_", '-');
      gboolean number = g_str_equal (property, "baseline") || g_str_equal (property, "target-value");
      g_autofree char *shown = ctg_item_dup_shown (w->item, property, number);

      _ctg_entry_row_update (w->measures[f], shown, force);
      _ctg_entry_row_set_editable (w->measures[f], editable);
    }
  ctg_indicator_chart_view_set_series (w->chart,
                                       ctg_indicator_series_read (self->document, CTG_ITEM_EVALUATION_INDICATOR, w->id));
  gtk_widget_set_visible (w->chart_row, ctg_indicator_chart_view_has_data (w->chart));
}

static void
update_indicators (CtgEvaluationPage *self,
                   gboolean           force)
{
  if (!same_indicators (self))
    {
      build_indicators (self);
      force = TRUE;
    }
  for (guint i = 0; i < self->indicators->len; i++)
    sync_indicator (self, i, force);
}

static void
on_indicators_changed_cb (CtgEvaluationPage *self)
{
  self->updating++;
  update_indicators (self, FALSE);
  update_summary (self);
  self->updating--;
}

/* Roll-ups */

static char *
rollup_counts (const CtgProgressSummary *summary)
{
  g_autofree char *counted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action counted",
                                                           "%u actions counted", summary->counted),
                                              summary->counted);
  g_autofree char *left_out = NULL;
  g_autofree char *why = NULL;

  if (summary->left_out == 0)
    return g_steal_pointer (&counted);
  left_out = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u left out", "%u left out", summary->left_out),
                              summary->left_out);
  if (summary->unrecorded > 0)
    /* Translators: of the actions left out of a year's roll-up, those with
     * no status recorded for the year: "12 actions counted, 3 left out (2 not recorded)" */
    why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u not recorded", "%u not recorded", summary->unrecorded),
                           summary->unrecorded);
  if (summary->abandoned > 0)
    {
      g_autofree char *abandoned = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u abandoned", "%u abandoned",
                                                                 summary->abandoned),
                                                    summary->abandoned);

      if (why != NULL)
        {
          g_autofree char *both = g_strdup_printf (_("%s, %s"), why, abandoned);

          g_free (why);
          why = g_steal_pointer (&both);
        }
      else
        why = g_steal_pointer (&abandoned);
    }
  if (why != NULL)
    /* Translators: "12 actions counted, 3 left out (1 abandoned)" */
    return g_strdup_printf (_("%s, %s (%s)"), counted, left_out, why);
  /* Translators: "12 actions counted, 3 left out" */
  return g_strdup_printf (_("%s, %s"), counted, left_out);
}

/* One line of the roll-up table: the axis, its counts, a bar, the figure */
static void
add_rollup_line (GtkGrid                  *grid,
                 guint                     line,
                 const char               *title,
                 const CtgProgressSummary *summary,
                 gboolean                  total)
{
  g_autofree char *counts = rollup_counts (summary);
  g_autofree char *percent = summary->counted > 0
                             /* Translators: a percentage, "45 %" (with a narrow no-break space in French) */
                             ? g_strdup_printf (C_("percentage", "%.0f%%"), summary->average)
                             : g_strdup ("—");
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *counts_label = gtk_label_new (counts);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *percent_label = gtk_label_new (percent);
  g_autofree char *accessible = g_strdup_printf ("%s: %s, %s", title, percent, counts);

  gtk_widget_set_name (title_label, total ? "convention-rollup" : "axis-rollup");
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_widget_set_tooltip_text (title_label, accessible);
  gtk_label_set_xalign (GTK_LABEL (counts_label), 0);
  /* Wraps rather than widen the page past a phone's 360 px */
  gtk_label_set_wrap (GTK_LABEL (counts_label), TRUE);
  gtk_widget_add_css_class (counts_label, "dim-label");
  gtk_widget_add_css_class (counts_label, "caption");
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), summary->counted > 0 ? summary->average / 100 : 0);
  gtk_widget_add_css_class (bar, "rollup-bar");
  gtk_widget_set_size_request (bar, 60, -1);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_opacity (bar, summary->counted > 0 ? 1 : 0);
  gtk_label_set_width_chars (GTK_LABEL (percent_label), 6);
  gtk_label_set_xalign (GTK_LABEL (percent_label), 1);
  gtk_widget_add_css_class (percent_label, "numeric");
  if (total)
    {
      gtk_widget_add_css_class (title_label, "heading");
      gtk_widget_add_css_class (percent_label, "heading");
    }

  gtk_grid_attach (grid, title_label, 0, (int) line, 1, 1);
  gtk_grid_attach (grid, counts_label, 1, (int) line, 1, 1);
  gtk_grid_attach (grid, bar, 2, (int) line, 1, 1);
  gtk_grid_attach (grid, percent_label, 3, (int) line, 1, 1);
}

/* Where the actions stood at the end of the year shown, as the report's
 * annual review: today's state says nothing of a past year */
static void
update_rollups (CtgEvaluationPage *self)
{
  g_autoptr(GArray) axes = ctg_document_list_ids (self->document, CTG_ITEM_AXIS, 0);
  g_autoptr(GListModel) all = ctg_document_list_actions (self->document, 0);
  g_autoptr(GHashTable) ends = ctg_document_read_year_ends (self->document, self->year);
  CtgProgressSummary summary;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->axes_grid))) != NULL)
    gtk_grid_remove (self->axes_grid, child);

  for (guint i = 0; i < axes->len; i++)
    {
      gint64 axis = g_array_index (axes, gint64, i);
      g_autoptr(GListModel) actions = ctg_document_list_actions (self->document, axis);
      g_autofree char *axis_title = ctg_document_dup_title (self->document, CTG_ITEM_AXIS, axis);
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, axis_title && axis_title[0] ? axis_title : _("Untitled axis"));

      ctg_actions_summarize_year_progress (actions, ends, &summary);
      add_rollup_line (self->axes_grid, i, title, &summary, FALSE);
    }
  ctg_actions_summarize_year_progress (all, ends, &summary);
  add_rollup_line (self->axes_grid, axes->len, _("Whole convention"), &summary, TRUE);
}

/* Notes side by side */

static GtkWidget *
note_label (const char *text,
            gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_selectable (GTK_LABEL (label), !header);
  gtk_widget_set_hexpand (label, TRUE);
  if (header)
    {
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
    }
  return label;
}

static char *
end_of_year_text (CtgDocument *document,
                  gint64       row)
{
  g_autofree char *status_key = _ctg_item_dup_field (document, CTG_ITEM_ACTION_YEAR, row, "status");
  gint64 progress = _ctg_item_get_int_field (document, CTG_ITEM_ACTION_YEAR, row, "progress", -1);
  CtgStatus status;

  if (status_key == NULL || !ctg_status_from_key (status_key, &status))
    return g_strdup ("—");
  if (progress >= 0)
    return g_strdup_printf (_("%s, %d %%"), ctg_status_to_label (status), (int) progress);
  return g_strdup (ctg_status_to_label (status));
}

static guint
update_notes (CtgEvaluationPage *self)
{
  g_autoptr(GArray) axes = ctg_document_list_ids (self->document, CTG_ITEM_AXIS, 0);
  g_autoptr(GHashTable) year_rows = ctg_document_find_action_years (self->document, self->year);
  g_autofree char *heading = g_strdup_printf (_("Follow-up Notes %u"), self->year);
  GtkWidget *child;
  GtkWidget *title;
  guint with_notes = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notes_box))) != NULL)
    gtk_box_remove (self->notes_box, child);

  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (self->notes_box, title);

  for (guint i = 0; i < axes->len; i++)
    {
      gint64 axis = g_array_index (axes, gint64, i);
      g_autoptr(GListModel) actions = ctg_document_list_actions (self->document, axis);
      guint n = g_list_model_get_n_items (actions);
      GtkWidget *grid = NULL;
      guint line = 1;

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(CtgAction) action = g_list_model_get_item (actions, j);
          gint64 action_id = ctg_action_get_id (action);
          gint64 *found = g_hash_table_lookup (year_rows, &action_id);
          gint64 row = found != NULL ? *found : 0;
          const char *fields[] = { "done", "difficulties", "next_steps" };
          g_autofree char *action_title = NULL;
          g_autofree char *end = NULL;

          if (row == 0)
            continue;
          if (grid == NULL)
            {
              g_autofree char *axis_title = ctg_document_dup_title (self->document, CTG_ITEM_AXIS, axis);
              g_autofree char *label = g_strdup_printf ("%u. %s", i + 1, axis_title ? axis_title : "");
              GtkWidget *axis_label = gtk_label_new (label);
              const char *headers[] = { C_("column", "Action"), C_("column", "Done"), C_("column", "Difficulties"),
                                        C_("column", "Next steps"), C_("column", "End of year") };

              gtk_label_set_xalign (GTK_LABEL (axis_label), 0);
              gtk_label_set_wrap (GTK_LABEL (axis_label), TRUE);
              gtk_widget_add_css_class (axis_label, "ctg-notes-axis");
              gtk_box_append (self->notes_box, axis_label);

              grid = gtk_grid_new ();
              gtk_widget_set_name (grid, "notes-grid");
              gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
              gtk_grid_set_row_spacing (GTK_GRID (grid), 10);
              gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
              gtk_widget_add_css_class (grid, "card");
              gtk_widget_add_css_class (grid, "ctg-notes-grid");
              for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
                gtk_grid_attach (GTK_GRID (grid), note_label (headers[c], TRUE), (int) c, 0, 1, 1);
              gtk_box_append (self->notes_box, grid);
            }

          action_title = ctg_action_get_code (action)[0] != '\0'
                         ? g_strdup_printf ("%s %s", ctg_action_get_code (action), ctg_action_get_title (action))
                         : g_strdup (ctg_action_get_title (action));
          gtk_grid_attach (GTK_GRID (grid), note_label (action_title, FALSE), 0, (int) line, 1, 1);
          for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
            {
              g_autofree char *text = _ctg_item_dup_field (self->document, CTG_ITEM_ACTION_YEAR, row, fields[f]);

              gtk_grid_attach (GTK_GRID (grid), note_label (text && text[0] ? text : "—", FALSE),
                               (int) f + 1, (int) line, 1, 1);
            }
          end = end_of_year_text (self->document, row);
          gtk_grid_attach (GTK_GRID (grid), note_label (end, FALSE), 4, (int) line, 1, 1);
          line++;
          with_notes++;
        }
    }

  if (with_notes == 0)
    {
      g_autofree char *text = g_strdup_printf (_("No action has a follow-up note for %u yet. Write one in an "
                                                 "action’s detail view, under Yearly Follow-up."), self->year);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_name (label, "no-notes-label");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->notes_box, label);
    }
  return with_notes;
}

static void
update_summary (CtgEvaluationPage *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *both = NULL;
  guint assessed = 0;

  for (guint i = 0; i < self->indicators->len; i++)
    assessed += year_assessment (self, &g_array_index (self->indicators, IndicatorWidgets, i)) != NULL;
  /* Translators: the plural follows the number assessed, the first %u:
   * "0 indicateur évalué sur 5", "2 indicateurs évalués sur 5" */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u indicators assessed",
                                          "%u of %u indicators assessed", assessed),
                             assessed, self->indicators->len);
  notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action with a follow-up note",
                                        "%u actions with a follow-up note", self->with_notes), self->with_notes);
  /* Translators: two facts joined, "3 of 5 indicators assessed · 6 actions with a follow-up note" */
  both = g_strdup_printf (_("%s · %s"), summary, notes);
  gtk_label_set_label (self->summary_label, both);
}

/* What follows the whole plan (the years, the roll-ups, the notes) is read
 * again; the indicators follow their items */
static void
refresh_plan (CtgEvaluationPage *self)
{
  g_autofree char *heading = NULL;

  self->dirty = FALSE;
  fill_years (self);
  /* Translators: the heading of the Évaluation page, "Evaluation 2025" */
  heading = g_strdup_printf (_("Evaluation %u"), self->year);
  gtk_label_set_label (self->heading_label, heading);
  gtk_widget_set_visible (self->record_button, !ctg_document_is_read_only (self->document));
  update_rollups (self);
  self->with_notes = update_notes (self);
}

static void
refresh (CtgEvaluationPage *self,
         gboolean           force)
{
  if (self->document == NULL)
    return;

  self->updating++;
  refresh_plan (self);
  update_indicators (self, force);
  update_summary (self);
  self->updating--;
}

static void
on_document_changed_cb (CtgEvaluationPage *self)
{
  /* The page reads every action: while hidden, it waits until it is shown
   * rather than slowing down each edit made elsewhere */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->updating++;
  refresh_plan (self);
  update_summary (self);
  self->updating--;
}

static void
ctg_evaluation_page_map (GtkWidget *widget)
{
  CtgEvaluationPage *self = CTG_EVALUATION_PAGE (widget);

  if (self->dirty)
    refresh (self, FALSE);
  GTK_WIDGET_CLASS (ctg_evaluation_page_parent_class)->map (widget);
}

/* GObject */

static void
ctg_evaluation_page_dispose (GObject *object)
{
  CtgEvaluationPage *self = (CtgEvaluationPage *)object;

  g_clear_signal_handler (&self->changed_handler, self->document);
  if (self->indicator_items != NULL)
    g_signal_handlers_disconnect_by_data (self->indicator_items, self);
  g_clear_object (&self->indicator_items);
  g_clear_pointer (&self->indicators, g_array_unref);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (object), CTG_TYPE_EVALUATION_PAGE);
  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (ctg_evaluation_page_parent_class)->dispose (object);
}

static void
ctg_evaluation_page_class_init (CtgEvaluationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ctg_evaluation_page_dispose;

  widget_class->map = ctg_evaluation_page_map;
  g_type_ensure (CTG_TYPE_FIELD_MESSAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ctgplanner/CtgPlanner/ui/ctg-evaluation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CtgEvaluationPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, CtgEvaluationPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CtgEvaluationPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CtgEvaluationPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CtgEvaluationPage, record_button);
  gtk_widget_class_bind_template_child (widget_class, CtgEvaluationPage, indicators_list);
  gtk_widget_class_bind_template_child (widget_class, CtgEvaluationPage, indicators_message);
  gtk_widget_class_bind_template_child (widget_class, CtgEvaluationPage, axes_grid);
  gtk_widget_class_bind_template_child (widget_class, CtgEvaluationPage, notes_box);
  gtk_widget_class_bind_template_callback (widget_class, on_year_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_record_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ctg_evaluation_page_init (CtgEvaluationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->indicators = g_array_new (FALSE, TRUE, sizeof (IndicatorWidgets));
  g_array_set_clear_func (self->indicators, clear_indicator_widgets);
}

GtkWidget *
ctg_evaluation_page_new (void)
{
  return g_object_new (CTG_TYPE_EVALUATION_PAGE, NULL);
}

void
ctg_evaluation_page_set_document (CtgEvaluationPage *self,
                                  CtgDocument       *document)
{
  g_return_if_fail (CTG_IS_EVALUATION_PAGE (self));
  g_return_if_fail (document == NULL || CTG_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_clear_signal_handler (&self->changed_handler, self->document);
  if (self->indicator_items != NULL)
    g_signal_handlers_disconnect_by_data (self->indicator_items, self);
  g_clear_object (&self->indicator_items);
  g_set_object (&self->document, document);
  g_clear_pointer (&self->years, g_array_unref);
  self->year = 0;
  if (document != NULL)
    {
      self->changed_handler = g_signal_connect_swapped (document, "changed",
                                                        G_CALLBACK (on_document_changed_cb), self);
      self->indicator_items = ctg_document_list_items (document, CTG_ITEM_EVALUATION_INDICATOR, 0);
      g_signal_connect_swapped (self->indicator_items, "items-changed",
                                G_CALLBACK (on_indicators_changed_cb), self);
    }
  else
    {
      /* The indicators' rows go with the document they showed */
      _ctg_list_box_remove_all (self->indicators_list);
      g_array_set_size (self->indicators, 0);
    }
  refresh (self, TRUE);
}

/**
 * ctg_evaluation_page_set_year:
 *
 * Shows @year, even one the convention's period does not cover.
 */
void
ctg_evaluation_page_set_year (CtgEvaluationPage *self,
                              guint              year)
{
  g_return_if_fail (CTG_IS_EVALUATION_PAGE (self));
  g_return_if_fail (year >= 1900 && year <= 2200);

  self->year = year;
  refresh (self, TRUE);
}

guint
ctg_evaluation_page_get_year (CtgEvaluationPage *self)
{
  g_return_val_if_fail (CTG_IS_EVALUATION_PAGE (self), 0);

  return self->year;
}
