/* ctg-indicator-row.c: an indicator of an action, its target and its values
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-indicator-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-editor-util.h"
#include "ctg-ordered-row.h"

/* The COPIL reviews the indicators every year: the row offers one field per
 * year of the convention, plus any year that already holds a value (see
 * CtgOrderedRow for moving and removing it). */
struct _CtgIndicatorRow
{
  CtgOrderedRow    parent_instance;

  AdwEntryRow     *name_row;
  AdwEntryRow     *target_row;
  AdwEntryRow     *measure_rows[5]; /* see measure_fields */

  /* Owned references */
  CtgItem         *item;          /* the indicator, live */
  GListModel      *values;        /* its yearly values, live */
  GPtrArray       *watched;       /* the value items whose notify we follow */
  GPtrArray       *year_rows;     /* AdwEntryRow, the year in "ctg-year" */
  GArray          *years;         /* guint, the years of year_rows */

  guint            first_year;
  guint            last_year;
};

G_DEFINE_FINAL_TYPE (CtgIndicatorRow, ctg_indicator_row, CTG_TYPE_ORDERED_ROW)

/* What makes the indicator a measure, typed the French way */
static const struct {
  const char *field;
  const char *title;
  gboolean    number;
} measure_fields[] = {
  { "unit", N_("Unit"), FALSE },
  { "baseline", N_("Baseline"), TRUE },
  { "baseline_year", N_("Year of the Baseline"), FALSE },
  { "target_value", N_("Target Value"), TRUE },
  { "target_year", N_("Year of the Target"), FALSE },
};

/* The limits of the years offered, even for a convention typed with a
 * wrong period: a field per year beyond that would be of no use. */
#define MAX_YEARS 12

static void
clear_error (CtgIndicatorRow *self)
{
  ctg_field_message_clear (_ctg_ordered_row_get_message (CTG_ORDERED_ROW (self)), NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->target_row), "error");
  for (guint f = 0; f < G_N_ELEMENTS (measure_fields); f++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->measure_rows[f]), "error");
  for (guint i = 0; i < self->year_rows->len; i++)
    gtk_widget_remove_css_class (g_ptr_array_index (self->year_rows, i), "error");
}

static void sync_row (CtgOrderedRow *row,
                      gboolean       force);

static void
finish_commit (CtgIndicatorRow *self,
               gboolean         ok,
               GtkWidget       *widget,
               GError          *error)
{
  if (!ok)
    _ctg_ordered_row_show_error (CTG_ORDERED_ROW (self), widget, error->message);
  if (self->item != NULL && !ctg_item_is_removed (self->item))
    sync_row (CTG_ORDERED_ROW (self), TRUE);
}

static void
commit_field (CtgIndicatorRow *self,
              const char      *field,
              AdwEntryRow     *entry)
{
  G_GNUC_UNUSED g_autoptr(CtgIndicatorRow) hold = g_object_ref (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  clear_error (self);
  ok = ctg_document_set (_ctg_ordered_row_get_document (CTG_ORDERED_ROW (self)), CTG_ITEM_INDICATOR,
                         ctg_ordered_row_get_id (CTG_ORDERED_ROW (self)), field,
                         gtk_editable_get_text (GTK_EDITABLE (entry)), &error);
  finish_commit (self, ok, GTK_WIDGET (entry), error);
}

static void
on_name_applied_cb (CtgIndicatorRow *self)
{
  commit_field (self, "name", self->name_row);
}

static void
on_target_applied_cb (CtgIndicatorRow *self)
{
  commit_field (self, "target", self->target_row);
}

static void
on_measure_applied_cb (CtgIndicatorRow *self,
                       AdwEntryRow     *entry)
{
  commit_field (self, g_object_get_data (G_OBJECT (entry), "ctg-field"), entry);
}

static void
on_value_applied_cb (CtgIndicatorRow *self,
                     AdwEntryRow     *entry)
{
  G_GNUC_UNUSED g_autoptr(CtgIndicatorRow) hold = g_object_ref (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  guint year = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "ctg-year"));
  gboolean ok;

  clear_error (self);
  ok = ctg_document_set_indicator_value (_ctg_ordered_row_get_document (CTG_ORDERED_ROW (self)),
                                         ctg_ordered_row_get_id (CTG_ORDERED_ROW (self)), year, value, &error);
  finish_commit (self, ok, GTK_WIDGET (entry), error);
}

static void
rebuild_year_rows (CtgIndicatorRow *self,
                   GArray          *years)
{
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (self);
  GtkWidget *message = GTK_WIDGET (_ctg_ordered_row_get_message (CTG_ORDERED_ROW (self)));

  for (guint i = 0; i < self->year_rows->len; i++)
    adw_expander_row_remove (expander, g_ptr_array_index (self->year_rows, i));
  g_ptr_array_set_size (self->year_rows, 0);

  /* The message stays last */
  g_object_ref (message);
  adw_expander_row_remove (expander, message);

  for (guint i = 0; i < years->len; i++)
    {
      guint year = g_array_index (years, guint, i);
      GtkWidget *entry = adw_entry_row_new ();
      /* Translators: the field for the value of an indicator in one year */
      g_autofree char *title = g_strdup_printf (_("Value in %u"), year);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
      _ctg_row_set_label (entry, title);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
      gtk_widget_set_name (entry, "indicator-value-row");
      g_object_set_data (G_OBJECT (entry), "ctg-year", GUINT_TO_POINTER (year));
      g_signal_connect_swapped (entry, "apply", G_CALLBACK (on_value_applied_cb), self);
      adw_expander_row_add_row (expander, entry);
      g_ptr_array_add (self->year_rows, entry);
    }

  adw_expander_row_add_row (expander, message);
  g_object_unref (message);

  g_array_set_size (self->years, 0);
  g_array_append_vals (self->years, years->data, years->len);
}

/* The row follows its indicator and each of its yearly values: an edit
 * made anywhere (undo, another window, the ctg tool) shows at once */
static void
on_item_notify_cb (CtgIndicatorRow *self)
{
  sync_row (CTG_ORDERED_ROW (self), FALSE);
}

static void
unwatch_values (CtgIndicatorRow *self)
{
  for (guint i = 0; self->watched != NULL && i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  if (self->watched != NULL)
    g_ptr_array_set_size (self->watched, 0);
}

static void
watch_values (CtgIndicatorRow *self)
{
  unwatch_values (self);
  for (guint i = 0; i < g_list_model_get_n_items (self->values); i++)
    {
      CtgItem *value = g_list_model_get_item (self->values, i);

      g_signal_connect_swapped (value, "notify", G_CALLBACK (on_item_notify_cb), self);
      g_ptr_array_add (self->watched, value);
    }
}

static void
on_values_changed_cb (CtgIndicatorRow *self)
{
  watch_values (self);
  sync_row (CTG_ORDERED_ROW (self), FALSE);
}

static void
ctg_indicator_row_dispose (GObject *object)
{
  CtgIndicatorRow *self = (CtgIndicatorRow *)object;

  unwatch_values (self);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  if (self->values != NULL)
    g_signal_handlers_disconnect_by_data (self->values, self);
  g_clear_object (&self->item);
  g_clear_object (&self->values);
  g_clear_pointer (&self->year_rows, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (ctg_indicator_row_parent_class)->dispose (object);
}

static void
ctg_indicator_row_class_init (CtgIndicatorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ctg_indicator_row_dispose;
  CTG_ORDERED_ROW_CLASS (klass)->sync = sync_row;
  CTG_ORDERED_ROW_CLASS (klass)->removed = N_("Indicator removed");
}

static void
ctg_indicator_row_init (CtgIndicatorRow *self)
{
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (self);
  GtkWidget *icon;

  self->year_rows = g_ptr_array_new ();
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->years = g_array_new (FALSE, FALSE, sizeof (guint));

  _ctg_ordered_row_set_name (CTG_ORDERED_ROW (self), "indicator");

  icon = gtk_image_new_from_icon_name ("x-office-spreadsheet-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_expander_row_add_prefix (expander, icon);

  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  /* Translators: the name of an indicator */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Indicator"));
  adw_entry_row_set_show_apply_button (self->name_row, TRUE);
  gtk_widget_set_name (GTK_WIDGET (self->name_row), "indicator-name-row");
  g_signal_connect_swapped (self->name_row, "apply", G_CALLBACK (on_name_applied_cb), self);
  adw_expander_row_add_row (expander, GTK_WIDGET (self->name_row));

  self->target_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row), _("Target"));
  adw_entry_row_set_show_apply_button (self->target_row, TRUE);
  gtk_widget_set_name (GTK_WIDGET (self->target_row), "indicator-target-row");
  g_signal_connect_swapped (self->target_row, "apply", G_CALLBACK (on_target_applied_cb), self);
  adw_expander_row_add_row (expander, GTK_WIDGET (self->target_row));

  for (guint f = 0; f < G_N_ELEMENTS (measure_fields); f++)
    {
      g_autofree char *row_name = g_strdup_printf ("indicator-%s-row", measure_fields[f].field);
      AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(measure_fields[f].title));
      adw_entry_row_set_show_apply_button (row, TRUE);
      gtk_widget_set_name (GTK_WIDGET (row), row_name);
      g_object_set_data (G_OBJECT (row), "ctg-field", (gpointer) measure_fields[f].field);
      g_signal_connect_swapped (row, "apply", G_CALLBACK (on_measure_applied_cb), self);
      adw_expander_row_add_row (expander, GTK_WIDGET (row));
      _ctg_row_label_from_title (GTK_WIDGET (row));
      self->measure_rows[f] = row;
    }

  _ctg_row_label_from_title (GTK_WIDGET (self->name_row));
  _ctg_row_label_from_title (GTK_WIDGET (self->target_row));
}

GtkWidget *
ctg_indicator_row_new (CtgDocument *document,
                       gint64       indicator_id)
{
  CtgIndicatorRow *self;

  g_return_val_if_fail (CTG_IS_DOCUMENT (document), NULL);

  self = g_object_new (CTG_TYPE_INDICATOR_ROW, NULL);
  _ctg_ordered_row_set_item (CTG_ORDERED_ROW (self), document, CTG_ITEM_INDICATOR, indicator_id);
  self->item = ctg_document_get_item (document, CTG_ITEM_INDICATOR, indicator_id);
  self->values = ctg_document_list_items (document, CTG_ITEM_INDICATOR_VALUE, indicator_id);
  if (self->item != NULL)
    g_signal_connect_swapped (self->item, "notify", G_CALLBACK (on_item_notify_cb), self);
  g_signal_connect_swapped (self->values, "items-changed", G_CALLBACK (on_values_changed_cb), self);
  watch_values (self);
  return GTK_WIDGET (self);
}

/* Shows what the live items hold; @force replaces fields being edited too */
static void
sync_row (CtgOrderedRow *row,
          gboolean       force)
{
  CtgIndicatorRow *self = CTG_INDICATOR_ROW (row);
  gboolean editable = _ctg_ordered_row_get_editable (row);
  const char *name = NULL;
  const char *target = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) values = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autofree char *move_label = NULL;
  g_autofree char *remove_label = NULL;
  guint first_year = self->first_year;
  guint last_year = self->last_year;
  guint latest = 0;

  if (self->item != NULL)
    {
      name = ctg_item_get_text (self->item, "name");
      target = ctg_item_get_text (self->item, "target");
    }

  for (guint i = 0; i < self->watched->len; i++)
    {
      CtgItem *value = g_ptr_array_index (self->watched, i);
      guint year = (guint) ctg_item_get_int (value, "year");

      g_hash_table_insert (values, GUINT_TO_POINTER (year), ctg_item_dup_shown (value, "value", TRUE));
      g_array_append_val (years, year);
      latest = MAX (latest, year);
    }

  if (first_year == 0 || last_year < first_year)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      first_year = last_year = (guint) g_date_time_get_year (now);
    }
  last_year = MIN (last_year, first_year + MAX_YEARS - 1);
  for (guint year = first_year; year <= last_year; year++)
    if (!g_hash_table_contains (values, GUINT_TO_POINTER (year)))
      g_array_append_val (years, year);
  g_array_sort (years, ctg_year_compare);

  if (!_ctg_years_equal (years, self->years))
    rebuild_year_rows (self, years);

  title = _ctg_escape (name && name[0] ? name : _("Untitled indicator"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  _ctg_row_set_label (GTK_WIDGET (self), name && name[0] ? name : _("Untitled indicator"));

  if (target != NULL && target[0] != '\0')
    /* Translators: the target of an indicator, under its name */
    g_string_append_printf (subtitle, _("Target: %s"), target);
  if (latest != 0)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: the latest value of an indicator, as in "2024: 12 families" */
      g_string_append_printf (subtitle, _("%u: %s"), latest,
                              (const char *) g_hash_table_lookup (values, GUINT_TO_POINTER (latest)));
    }
  {
    g_autofree char *escaped = _ctg_escape (subtitle->str);
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), escaped);
  }

  _ctg_entry_row_update (self->name_row, name, force);
  _ctg_entry_row_update (self->target_row, target, force);
  _ctg_entry_row_set_editable (self->name_row, editable);
  _ctg_entry_row_set_editable (self->target_row, editable);
  for (guint f = 0; f < G_N_ELEMENTS (measure_fields); f++)
    {
      g_autofree char *property = g_strdelimit (g_strdup (measure_fields[f].field), "_", '-');
      g_autofree char *shown = self->item != NULL ? ctg_item_dup_shown (self->item, property, measure_fields[f].number)
                                                  : g_strdup ("");

      _ctg_entry_row_update (self->measure_rows[f], shown, force);
      _ctg_entry_row_set_editable (self->measure_rows[f], editable);
    }
  for (guint i = 0; i < self->year_rows->len; i++)
    {
      AdwEntryRow *entry = g_ptr_array_index (self->year_rows, i);
      guint year = g_array_index (self->years, guint, i);

      _ctg_entry_row_update (entry, g_hash_table_lookup (values, GUINT_TO_POINTER (year)), force);
      _ctg_entry_row_set_editable (entry, editable);
    }

  /* Translators: read by screen readers on the menu of a indicator */
  move_label = g_strdup_printf (_("Move indicator “%s”"), name ? name : "");
  remove_label = g_strdup_printf (_("Remove indicator “%s”"), name ? name : "");
  _ctg_ordered_row_set_labels (CTG_ORDERED_ROW (self), move_label, remove_label);
}

/**
 * ctg_indicator_row_set_years:
 * @first_year: the first year of the convention, 0 if unknown
 * @last_year: the last one, 0 if unknown
 *
 * The years the row offers a value for, shown at the next
 * ctg_ordered_row_update(). The indicator's own fields and values follow
 * the live items by themselves.
 */
void
ctg_indicator_row_set_years (CtgIndicatorRow *self,
                             guint            first_year,
                             guint            last_year)
{
  g_return_if_fail (CTG_IS_INDICATOR_ROW (self));

  self->first_year = first_year;
  self->last_year = last_year;
}
