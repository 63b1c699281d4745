/* ctg-update-dialog.c: the review of the partners' updates before they
 * are applied
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-update-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-editor-util.h"
#include "ctg-update-dialog.h"

struct _CtgUpdateDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  GtkListBox       *list;

  /* Owned references */
  CtgDocument      *document;
  GPtrArray        *changes;    /* CtgPlanChange */
};

G_DEFINE_FINAL_TYPE (CtgUpdateDialog, ctg_update_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_check_toggled_cb (GtkCheckButton *check,
                     CtgPlanChange  *change)
{
  CtgUpdateDialog *self = g_object_get_data (G_OBJECT (check), "dialog");
  guint ticked;

  change->apply = gtk_check_button_get_active (check);
  ticked = ctg_update_dialog_count_ticked (self);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply", ticked > 0);
}

static GtkWidget *
change_row (CtgUpdateDialog *self,
            CtgPlanChange   *change)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = ctg_plan_change_describe (change);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  if (change->action_id != 0)
    /* Translators: the action a change is about, and the row of the sheet it comes from */
    title = g_strdup_printf (_("%s (row %u)"), change->action_title, change->line);
  else
    title = g_strdup_printf (_("New action (row %u)"), change->line);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), change->apply);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);
  g_object_set_data (G_OBJECT (check), "dialog", self);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), change);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static void
on_response_cb (CtgUpdateDialog *self,
                const char      *response)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  guint applied = ctg_update_dialog_count_ticked (self);

  if (g_strcmp0 (response, "apply") != 0)
    return;
  if (!ctg_update_dialog_apply (self, &error))
    {
      _ctg_message_dialog_show (parent, _("Could Not Apply the Updates"), error->message);
      return;
    }
  /* The dialog closes: without a word the sheet seemed to do nothing */
  {
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change applied",
                                                             "%u changes applied", applied),
                                                applied);

    g_signal_emit (self, signals[TOAST], 0, message);
  }
}

static void
ctg_update_dialog_dispose (GObject *object)
{
  CtgUpdateDialog *self = CTG_UPDATE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CTG_TYPE_UPDATE_DIALOG);
  g_clear_object (&self->document);
  g_clear_pointer (&self->changes, g_ptr_array_unref);

  G_OBJECT_CLASS (ctg_update_dialog_parent_class)->dispose (object);
}

static void
ctg_update_dialog_class_init (CtgUpdateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ctg_update_dialog_dispose;

  /**
   * CtgUpdateDialog::toast:
   *
   * Says how many changes were applied, once they are (the window shows it
   * with Undo: they are one step).
   */
  signals[TOAST] = _ctg_toast_signal_new (G_TYPE_FROM_CLASS (klass));

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ctgplanner/CtgPlanner/ui/ctg-update-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CtgUpdateDialog, list);
}

static void
ctg_update_dialog_init (CtgUpdateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
}

/**
 * ctg_update_dialog_new:
 * @changes: (element-type CtgPlanChange): from ctg_plan_update_compute()
 *
 * The review of a returned sheet: one row per change, ticked; the advisor
 * unticks what to leave out, and Apply makes the rest one undo step.
 */
CtgUpdateDialog *
ctg_update_dialog_new (GtkWindow   *parent,
                       CtgDocument *document,
                       GPtrArray   *changes)
{
  CtgUpdateDialog *self = g_object_new (CTG_TYPE_UPDATE_DIALOG,
                                        "transient-for", parent,
                                        "modal", TRUE,
                                        NULL);
  g_autofree char *body = NULL;

  self->document = g_object_ref (document);
  self->changes = g_ptr_array_ref (changes);

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The sheet proposes %u change. Untick what should not be applied; "
                                       "the rest can be undone in one step.",
                                       "The sheet proposes %u changes. Untick what should not be applied; "
                                       "the rest can be undone in one step.", changes->len),
                          changes->len);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  for (guint i = 0; i < changes->len; i++)
    gtk_list_box_append (self->list, change_row (self, g_ptr_array_index (changes, i)));
  return self;
}

guint
ctg_update_dialog_count_ticked (CtgUpdateDialog *self)
{
  guint ticked = 0;

  g_return_val_if_fail (CTG_IS_UPDATE_DIALOG (self), 0);

  for (guint i = 0; i < self->changes->len; i++)
    if (((CtgPlanChange *) g_ptr_array_index (self->changes, i))->apply)
      ticked++;
  return ticked;
}

gboolean
ctg_update_dialog_apply (CtgUpdateDialog  *self,
                         GError          **error)
{
  g_return_val_if_fail (CTG_IS_UPDATE_DIALOG (self), FALSE);

  return ctg_plan_update_apply (self->document, self->changes, error);
}
