/* ctg-signatory-row.c: one signatory of the convention, with its
 * organisation, representative and role, edited in place
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-signatory-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-convention-entry-row.h"
#include "ctg-editor-util.h"
#include "ctg-signatory-row.h"

struct _CtgSignatoryRow
{
  AdwExpanderRow  parent_instance;

  /* Template widgets (built in code) */
  GtkWidget      *organisation_row;
  GtkWidget      *representative_row;
  GtkWidget      *role_row;
  GtkWidget      *up_button;
  GtkWidget      *down_button;
  GtkWidget      *delete_button;

  /* Owned references */
  CtgDocument    *document;
  CtgItem        *item;           /* the signatory, live: the title follows it */

  gint64          id;
  guint           position;
  guint           n_signatories;
};

G_DEFINE_FINAL_TYPE (CtgSignatoryRow, ctg_signatory_row, ADW_TYPE_EXPANDER_ROW)

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
make_button (const char *icon_name,
             const char *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
report_error (CtgSignatoryRow *self,
              GError          *error)
{
  g_signal_emit (self, signals[TOAST], 0, error->message);
}

static void
move_by (CtgSignatoryRow *self,
         int              delta)
{
  g_autoptr(GError) error = NULL;
  int position = (int) self->position + delta;

  if (self->document == NULL || position < 0 || position >= (int) self->n_signatories)
    return;

  if (!ctg_document_move (self->document, CTG_ITEM_SIGNATORY, self->id, (guint) position, &error))
    report_error (self, error);
}

static void
on_up_clicked_cb (CtgSignatoryRow *self)
{
  move_by (self, -1);
}

static void
on_down_clicked_cb (CtgSignatoryRow *self)
{
  move_by (self, 1);
}

static void
on_delete_clicked_cb (CtgSignatoryRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgDocument) document = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (self->document == NULL)
    return;

  document = g_object_ref (self->document);
  name = self->item ? g_strdup (ctg_item_get_text (self->item, "organisation")) : NULL;

  g_object_ref (self);
  if (!ctg_document_delete (document, CTG_ITEM_SIGNATORY, self->id, &error))
    report_error (self, error);
  else
    {
      if (name != NULL && name[0] != '\0')
        /* Translators: shown after deleting a signatory, with an Undo button */
        message = g_strdup_printf (_("Signatory “%s” deleted"), name);
      else
        message = g_strdup (_("Signatory deleted"));
      g_signal_emit (self, signals[TOAST], 0, message);
    }
  g_object_unref (self);
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_by (CTG_SIGNATORY_ROW (widget), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_by (CTG_SIGNATORY_ROW (widget), 1);
}

static void
ctg_signatory_row_dispose (GObject *object)
{
  CtgSignatoryRow *self = (CtgSignatoryRow *) object;

  g_clear_object (&self->item);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ctg_signatory_row_parent_class)->dispose (object);
}

static void
ctg_signatory_row_class_init (CtgSignatoryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ctg_signatory_row_dispose;

  /**
   * CtgSignatoryRow::toast:
   *
   * Asks the window to show a message (a deletion, or an edit refused).
   */
  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "signatory.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "signatory.move-down", NULL, move_down_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "signatory.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "signatory.move-down", NULL);
}

static void
ctg_signatory_row_init (CtgSignatoryRow *self)
{
  GtkWidget *actions_row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);

  self->organisation_row = ctg_convention_entry_row_new (_("Organisation"), CTG_ITEM_SIGNATORY,
                                                         "organisation", FALSE);
  self->representative_row = ctg_convention_entry_row_new (_("Representative"), CTG_ITEM_SIGNATORY,
                                                           "representative", FALSE);
  self->role_row = ctg_convention_entry_row_new (_("Role"), CTG_ITEM_SIGNATORY, "role", FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->organisation_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->representative_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->role_row);

  self->up_button = make_button ("go-up-symbolic", _("Move _Up"));
  gtk_widget_set_tooltip_text (self->up_button, _("Move up (Alt+Up)"));
  self->down_button = make_button ("go-down-symbolic", _("Move _Down"));
  gtk_widget_set_tooltip_text (self->down_button, _("Move down (Alt+Down)"));
  self->delete_button = make_button ("user-trash-symbolic", _("_Delete Signatory"));
  gtk_widget_add_css_class (self->delete_button, "destructive-action");
  g_signal_connect_swapped (self->up_button, "clicked", G_CALLBACK (on_up_clicked_cb), self);
  g_signal_connect_swapped (self->down_button, "clicked", G_CALLBACK (on_down_clicked_cb), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (on_delete_clicked_cb), self);

  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (box), self->up_button);
  gtk_box_append (GTK_BOX (box), self->down_button);
  gtk_box_append (GTK_BOX (box), spacer);
  gtk_box_append (GTK_BOX (box), self->delete_button);
  gtk_widget_add_css_class (box, "ctg-row-buttons");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (actions_row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (actions_row), FALSE);
  gtk_widget_set_focusable (actions_row, FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), actions_row);
}

GtkWidget *
ctg_signatory_row_new (CtgDocument *document,
                       gint64       id)
{
  CtgSignatoryRow *self;
  gboolean writable;

  g_return_val_if_fail (CTG_IS_DOCUMENT (document), NULL);

  self = g_object_new (CTG_TYPE_SIGNATORY_ROW, NULL);
  self->document = g_object_ref (document);
  self->id = id;

  ctg_convention_entry_row_set_item (CTG_CONVENTION_ENTRY_ROW (self->organisation_row), document, id);
  ctg_convention_entry_row_set_item (CTG_CONVENTION_ENTRY_ROW (self->representative_row), document, id);
  ctg_convention_entry_row_set_item (CTG_CONVENTION_ENTRY_ROW (self->role_row), document, id);

  /* Named after the live signatory, whoever changes it */
  self->item = ctg_document_get_item (document, CTG_ITEM_SIGNATORY, id);
  if (self->item != NULL)
    _ctg_expander_row_follow_item (ADW_EXPANDER_ROW (self), self->item, "organisation", _("Unnamed signatory"),
                                   "representative", "role");

  writable = !ctg_document_is_read_only (document);
  gtk_widget_set_visible (self->delete_button, writable);
  gtk_widget_set_visible (self->up_button, writable);
  gtk_widget_set_visible (self->down_button, writable);

  return GTK_WIDGET (self);
}

gint64
ctg_signatory_row_get_id (CtgSignatoryRow *self)
{
  g_return_val_if_fail (CTG_IS_SIGNATORY_ROW (self), 0);

  return self->id;
}

/**
 * ctg_signatory_row_refresh:
 * @position: the place of the signatory in the list, from 0
 *
 * Shows the signatory as it is in the document, leaving alone a field being
 * edited.
 */
void
ctg_signatory_row_refresh (CtgSignatoryRow *self,
                           guint            position,
                           guint            n_signatories)
{
  g_return_if_fail (CTG_IS_SIGNATORY_ROW (self));

  self->position = position;
  self->n_signatories = n_signatories;

  ctg_convention_entry_row_refresh (CTG_CONVENTION_ENTRY_ROW (self->organisation_row));
  ctg_convention_entry_row_refresh (CTG_CONVENTION_ENTRY_ROW (self->representative_row));
  ctg_convention_entry_row_refresh (CTG_CONVENTION_ENTRY_ROW (self->role_row));

  gtk_widget_set_sensitive (self->up_button, position > 0);
  gtk_widget_set_sensitive (self->down_button, position + 1 < n_signatories);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signatory.move-up", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signatory.move-down", position + 1 < n_signatories);
}

/**
 * ctg_signatory_row_get_field:
 * @field: "organisation", "representative" or "role"
 *
 * Returns: (transfer none): the row editing @field
 */
GtkWidget *
ctg_signatory_row_get_field (CtgSignatoryRow *self,
                             const char      *field)
{
  g_return_val_if_fail (CTG_IS_SIGNATORY_ROW (self), NULL);

  if (g_strcmp0 (field, "organisation") == 0)
    return self->organisation_row;
  if (g_strcmp0 (field, "representative") == 0)
    return self->representative_row;
  if (g_strcmp0 (field, "role") == 0)
    return self->role_row;
  g_return_val_if_reached (NULL);
}
