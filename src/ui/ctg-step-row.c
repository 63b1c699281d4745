/* ctg-step-row.c: one step of an action, ticked when done
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-step-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-editor-util.h"
#include "ctg-ordered-row.h"

/* The row edits the fields of its step itself, and follows its live item
 * (see CtgOrderedRow for the rest) */
struct _CtgStepRow
{
  CtgOrderedRow    parent_instance;

  GtkCheckButton  *done_check;
  AdwEntryRow     *text_row;
  AdwEntryRow     *date_row;

  /* Owned references */
  CtgItem         *item;

  guint            updating;
};

G_DEFINE_FINAL_TYPE (CtgStepRow, ctg_step_row, CTG_TYPE_ORDERED_ROW)

static void
clear_error (CtgStepRow *self)
{
  ctg_field_message_clear (_ctg_ordered_row_get_message (CTG_ORDERED_ROW (self)), NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->text_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
}

/* What screen readers say of the check box, the menu and the remove
 * button of the step @text */
static void
set_labels (CtgStepRow *self,
            const char *text)
{
  /* Translators: read by screen readers on the check box of a step */
  g_autofree char *done_label = g_strdup_printf (_("Done: %s"), text);
  /* Translators: read by screen readers on the menu of a step */
  g_autofree char *move_label = g_strdup_printf (_("Move step “%s”"), text);
  g_autofree char *remove_label = g_strdup_printf (_("Remove step “%s”"), text);

  _ctg_widget_set_label (GTK_WIDGET (self->done_check), done_label);
  _ctg_ordered_row_set_labels (CTG_ORDERED_ROW (self), move_label, remove_label);
}

/* Shows what the live step holds */
static void
sync_row (CtgOrderedRow *row,
          gboolean       force)
{
  CtgStepRow *self = CTG_STEP_ROW (row);
  CtgItem *item = self->item;
  gboolean editable = _ctg_ordered_row_get_editable (row);
  const char *text = item ? ctg_item_get_text (item, "text") : NULL;
  const char *date_text = item ? ctg_item_get_text (item, "date") : NULL;
  gboolean done = item ? ctg_item_get_boolean (item, "done") : FALSE;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  CtgDate date = { 0, 0, 0 };

  if (date_text != NULL)
    ctg_date_parse (date_text, &date);

  self->updating++;

  title = _ctg_escape (text && text[0] ? text : _("Untitled step"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  subtitle = ctg_date_format (&date);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  _ctg_row_set_label (GTK_WIDGET (self), text && text[0] ? text : _("Untitled step"));
  gtk_check_button_set_active (self->done_check, done);
  if (done)
    gtk_widget_add_css_class (GTK_WIDGET (self), "done");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "done");

  _ctg_entry_row_update (self->text_row, text, force);
  _ctg_date_row_set_date (self->date_row, &date, force);

  gtk_widget_set_sensitive (GTK_WIDGET (self->done_check), editable);
  _ctg_entry_row_set_editable (self->text_row, editable);
  _ctg_entry_row_set_editable (self->date_row, editable);

  set_labels (self, text ? text : "");

  self->updating--;
}

/* Sets a field; whatever the outcome, the row then shows what the
 * document holds. */
static void
commit (CtgStepRow *self,
        const char *field,
        const char *value,
        GtkWidget  *widget)
{
  CtgOrderedRow *row = CTG_ORDERED_ROW (self);
  G_GNUC_UNUSED g_autoptr(CtgStepRow) hold = g_object_ref (self);
  g_autoptr(GError) error = NULL;

  if (!_ctg_ordered_row_has_item (row))
    return;

  clear_error (self);
  if (!ctg_document_set (_ctg_ordered_row_get_document (row), CTG_ITEM_STEP, ctg_ordered_row_get_id (row),
                         field, value, &error))
    _ctg_ordered_row_show_error (row, widget, error->message);

  if (_ctg_ordered_row_has_item (row))
    sync_row (row, TRUE);
}

static void
on_done_toggled_cb (CtgStepRow     *self,
                    GtkCheckButton *check)
{
  if (self->updating)
    return;
  commit (self, "done", gtk_check_button_get_active (check) ? "1" : "0", GTK_WIDGET (check));
}

static void
on_text_applied_cb (CtgStepRow *self)
{
  commit (self, "text", gtk_editable_get_text (GTK_EDITABLE (self->text_row)), GTK_WIDGET (self->text_row));
}

static void
on_date_applied_cb (CtgStepRow *self)
{
  if (_ctg_date_row_is_unchanged (self->date_row))
    {
      sync_row (CTG_ORDERED_ROW (self), TRUE);
      return;
    }
  commit (self, "date", gtk_editable_get_text (GTK_EDITABLE (self->date_row)), GTK_WIDGET (self->date_row));
}

/* Written anywhere (undo, another window, the ctg tool): shown at once,
 * over what was typed only when this row wrote it (see commit) */
static void
on_item_notify_cb (CtgStepRow *self)
{
  sync_row (CTG_ORDERED_ROW (self), FALSE);
}

static void
ctg_step_row_dispose (GObject *object)
{
  /* Its handler goes with the row (g_signal_connect_object) */
  g_clear_object (&CTG_STEP_ROW (object)->item);

  G_OBJECT_CLASS (ctg_step_row_parent_class)->dispose (object);
}

static void
ctg_step_row_class_init (CtgStepRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ctg_step_row_dispose;
  CTG_ORDERED_ROW_CLASS (klass)->sync = sync_row;
  CTG_ORDERED_ROW_CLASS (klass)->removed = N_("Step removed");
}

static void
ctg_step_row_init (CtgStepRow *self)
{
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (self);

  _ctg_ordered_row_set_name (CTG_ORDERED_ROW (self), "step");
  gtk_widget_add_css_class (GTK_WIDGET (self), "step-row");

  self->done_check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->done_check), GTK_ALIGN_CENTER);
  gtk_widget_set_name (GTK_WIDGET (self->done_check), "step-done-check");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->done_check), _("Done"));
  g_signal_connect_swapped (self->done_check, "toggled", G_CALLBACK (on_done_toggled_cb), self);
  adw_expander_row_add_prefix (expander, GTK_WIDGET (self->done_check));

  /* Translators: the text of a step of an action */
  self->text_row = _ctg_entry_row_new (_("Step"), "step-text-row", G_CALLBACK (on_text_applied_cb), self);
  adw_expander_row_add_row (expander, GTK_WIDGET (self->text_row));

  self->date_row = _ctg_entry_row_new (_("Date"), "step-date-row", G_CALLBACK (on_date_applied_cb), self);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_row),
                               _("A year (2025), a month (03/2025) or a day (15/03/2025)"));
  _ctg_date_row_setup (self->date_row);
  adw_expander_row_add_row (expander, GTK_WIDGET (self->date_row));
  _ctg_row_label_from_title (GTK_WIDGET (self->text_row));
  _ctg_row_label_from_title (GTK_WIDGET (self->date_row));
}

GtkWidget *
ctg_step_row_new (CtgDocument *document,
                  gint64       step_id)
{
  CtgStepRow *self;

  g_return_val_if_fail (CTG_IS_DOCUMENT (document), NULL);

  self = g_object_new (CTG_TYPE_STEP_ROW, NULL);
  _ctg_ordered_row_set_item (CTG_ORDERED_ROW (self), document, CTG_ITEM_STEP, step_id);
  self->item = ctg_document_get_item (document, CTG_ITEM_STEP, step_id);
  if (self->item != NULL)
    g_signal_connect_object (self->item, "notify", G_CALLBACK (on_item_notify_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
