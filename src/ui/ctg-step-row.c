/* ctg-step-row.c: one step of an action, ticked when done
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-step-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-editor-util.h"
#include "ctg-field-message.h"
#include "ctg-step-row.h"

/* The row edits the fields of its step itself; moving and removing change
 * the list around it, so they are left to the editor through signals. */
struct _CtgStepRow
{
  AdwExpanderRow   parent_instance;

  GtkCheckButton  *done_check;
  GtkWidget       *menu_button;
  GtkWidget       *remove_button;
  AdwEntryRow     *text_row;
  AdwEntryRow     *date_row;
  CtgFieldMessage *message;

  /* Owned references */
  CtgDocument     *document;
  GSimpleActionGroup *actions;

  gint64           id;
  guint            updating;
};

G_DEFINE_FINAL_TYPE (CtgStepRow, ctg_step_row, ADW_TYPE_EXPANDER_ROW)

enum {
  MOVE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (CtgStepRow *self,
            GtkWidget  *field,
            GError     *error)
{
  ctg_field_message_show_error (self->message, field, error->message);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
}

static void
clear_error (CtgStepRow *self)
{
  ctg_field_message_clear (self->message, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->text_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
}

/* Sets a field; whatever the outcome, the row then shows what the
 * document holds. */
static void
commit (CtgStepRow *self,
        const char *field,
        const char *value,
        GtkWidget  *widget)
{
  g_autoptr(CtgStepRow) hold = g_object_ref (self);
  g_autoptr(GError) error = NULL;

  if (!ctg_document_has_item (self->document, CTG_ITEM_STEP, self->id))
    return;

  clear_error (self);
  if (!ctg_document_set (self->document, CTG_ITEM_STEP, self->id, field, value, &error))
    show_error (self, widget, error);

  if (ctg_document_has_item (self->document, CTG_ITEM_STEP, self->id))
    ctg_step_row_update (self, G_MAXUINT, 0, TRUE, TRUE);
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
      ctg_step_row_update (self, G_MAXUINT, 0, TRUE, TRUE);
      return;
    }
  commit (self, "date", gtk_editable_get_text (GTK_EDITABLE (self->date_row)), GTK_WIDGET (self->date_row));
}

static void
on_move_up_cb (CtgStepRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
on_move_down_cb (CtgStepRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, 1);
}

static void
on_remove_clicked_cb (CtgStepRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
ctg_step_row_dispose (GObject *object)
{
  CtgStepRow *self = (CtgStepRow *)object;

  g_clear_object (&self->document);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (ctg_step_row_parent_class)->dispose (object);
}

static void
ctg_step_row_class_init (CtgStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ctg_step_row_dispose;

  /**
   * CtgStepRow::move:
   * @direction: -1 to move up, 1 to move down
   */
  signals[MOVE] =
    g_signal_new ("move",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  signals[REMOVE] =
    g_signal_new ("remove",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ctg_step_row_init (CtgStepRow *self)
{
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (self);

  gtk_widget_set_name (GTK_WIDGET (self), "step-row");
  gtk_widget_add_css_class (GTK_WIDGET (self), "step-row");

  self->done_check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->done_check), GTK_ALIGN_CENTER);
  gtk_widget_set_name (GTK_WIDGET (self->done_check), "step-done-check");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->done_check), _("Done"));
  g_signal_connect_swapped (self->done_check, "toggled", G_CALLBACK (on_done_toggled_cb), self);
  adw_expander_row_add_prefix (expander, GTK_WIDGET (self->done_check));

  self->actions = _ctg_move_actions_new (G_CALLBACK (on_move_up_cb), G_CALLBACK (on_move_down_cb), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "row", G_ACTION_GROUP (self->actions));

  /* Actions are packed from the end */
  self->remove_button = _ctg_icon_button_new ("user-trash-symbolic", _("Remove"));
  gtk_widget_set_name (self->remove_button, "step-remove-button");
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  adw_expander_row_add_action (expander, self->remove_button);
  self->menu_button = _ctg_move_menu_button_new ();
  adw_expander_row_add_action (expander, self->menu_button);

  self->text_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  /* Translators: the text of a step of an action */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->text_row), _("Step"));
  adw_entry_row_set_show_apply_button (self->text_row, TRUE);
  gtk_widget_set_name (GTK_WIDGET (self->text_row), "step-text-row");
  g_signal_connect_swapped (self->text_row, "apply", G_CALLBACK (on_text_applied_cb), self);
  adw_expander_row_add_row (expander, GTK_WIDGET (self->text_row));

  self->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Date"));
  adw_entry_row_set_show_apply_button (self->date_row, TRUE);
  gtk_widget_set_name (GTK_WIDGET (self->date_row), "step-date-row");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_row),
                               _("A year (2025), a month (03/2025) or a day (15/03/2025)"));
  _ctg_date_row_setup (self->date_row);
  g_signal_connect_swapped (self->date_row, "apply", G_CALLBACK (on_date_applied_cb), self);
  adw_expander_row_add_row (expander, GTK_WIDGET (self->date_row));
  _ctg_row_label_from_title (GTK_WIDGET (self->text_row));
  _ctg_row_label_from_title (GTK_WIDGET (self->date_row));

  self->message = CTG_FIELD_MESSAGE (ctg_field_message_new ());
  adw_expander_row_add_row (expander, GTK_WIDGET (self->message));
}

GtkWidget *
ctg_step_row_new (CtgDocument *document,
                  gint64       step_id)
{
  CtgStepRow *self;

  g_return_val_if_fail (CTG_IS_DOCUMENT (document), NULL);

  self = g_object_new (CTG_TYPE_STEP_ROW, NULL);
  self->document = g_object_ref (document);
  self->id = step_id;
  return GTK_WIDGET (self);
}

gint64
ctg_step_row_get_id (CtgStepRow *self)
{
  g_return_val_if_fail (CTG_IS_STEP_ROW (self), 0);

  return self->id;
}

/**
 * ctg_step_row_update:
 * @position: the place of the step among the steps of its action, or
 *   %G_MAXUINT to keep the one shown
 * @force: replace fields being edited too
 *
 * Reads the step again from the document.
 */
void
ctg_step_row_update (CtgStepRow *self,
                     guint       position,
                     guint       n_steps,
                     gboolean    editable,
                     gboolean    force)
{
  g_autoptr(CtgItem) item = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  gboolean done;
  CtgDate date = { 0, 0, 0 };

  g_return_if_fail (CTG_IS_STEP_ROW (self));

  item = self->document ? ctg_document_get_item (self->document, CTG_ITEM_STEP, self->id) : NULL;
  text = item ? g_strdup (ctg_item_get_text (item, "text")) : NULL;
  date_text = item ? g_strdup (ctg_item_get_text (item, "date")) : NULL;
  done = item ? ctg_item_get_boolean (item, "done") : FALSE;
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

  if (position != G_MAXUINT)
    {
      _ctg_move_actions_update (self->actions, position, n_steps);
      gtk_widget_set_visible (self->menu_button, editable);
      gtk_widget_set_visible (self->remove_button, editable);
      gtk_widget_set_sensitive (GTK_WIDGET (self->done_check), editable);
      _ctg_entry_row_set_editable (self->text_row, editable);
      _ctg_entry_row_set_editable (self->date_row, editable);
    }

  /* Translators: read by screen readers on the check box of a step */
  label = g_strdup_printf (_("Done: %s"), text ? text : "");
  _ctg_widget_set_label (GTK_WIDGET (self->done_check), label);
  g_free (label);
  /* Translators: read by screen readers on the menu of a step */
  label = g_strdup_printf (_("Move step “%s”"), text ? text : "");
  _ctg_widget_set_label (self->menu_button, label);
  g_free (label);
  label = g_strdup_printf (_("Remove step “%s”"), text ? text : "");
  _ctg_widget_set_label (self->remove_button, label);

  self->updating--;
}

/**
 * ctg_step_row_focus_button:
 * @direction: -1 or 1 after a move (the focus goes to the menu that moved
 *   it), 0 for the row
 *
 * Gives the focus back after the row moved, to the button that moved it
 * when it can still be pressed.
 */
void
ctg_step_row_focus_button (CtgStepRow *self,
                           int         direction)
{
  g_return_if_fail (CTG_IS_STEP_ROW (self));

  gtk_widget_grab_focus (direction != 0 ? self->menu_button : GTK_WIDGET (self));
}
