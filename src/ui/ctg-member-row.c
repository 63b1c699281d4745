/* ctg-member-row.c: one member of a governance body (COPIL, COTECH, ...)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-member-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-convention-entry-row.h"
#include "ctg-editor-util.h"
#include "ctg-member-row.h"

struct _CtgMemberRow
{
  AdwExpanderRow  parent_instance;

  /* Template widgets (built in code) */
  GtkWidget      *name_row;
  GtkWidget      *role_row;
  GtkWidget      *organisation_row;
  GtkWidget      *delete_button;

  /* Owned references */
  CtgDocument    *document;
  CtgItem        *item;           /* the member, live: the title follows it */

  gint64          id;
};

G_DEFINE_FINAL_TYPE (CtgMemberRow, ctg_member_row, ADW_TYPE_EXPANDER_ROW)

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_delete_clicked_cb (CtgMemberRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgDocument) document = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (self->document == NULL)
    return;

  document = g_object_ref (self->document);
  name = self->item ? g_strdup (ctg_item_get_text (self->item, "name")) : NULL;

  g_object_ref (self);
  if (!ctg_document_delete (document, CTG_ITEM_MEMBER, self->id, &error))
    g_signal_emit (self, signals[TOAST], 0, error->message);
  else
    {
      if (name != NULL && name[0] != '\0')
        /* Translators: shown after removing a member from a COPIL, COTECH, ... */
        message = g_strdup_printf (_("Member “%s” removed"), name);
      else
        message = g_strdup (_("Member removed"));
      g_signal_emit (self, signals[TOAST], 0, message);
    }
  g_object_unref (self);
}

static void
ctg_member_row_dispose (GObject *object)
{
  CtgMemberRow *self = (CtgMemberRow *) object;

  g_clear_object (&self->item);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ctg_member_row_parent_class)->dispose (object);
}

static void
ctg_member_row_class_init (CtgMemberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ctg_member_row_dispose;

  /**
   * CtgMemberRow::toast:
   *
   * Asks the window to show a message (a deletion, or an edit refused).
   */
  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ctg_member_row_init (CtgMemberRow *self)
{
  GtkWidget *actions_row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *content = adw_button_content_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (self), "avatar-default-symbolic");

  self->name_row = ctg_convention_entry_row_new (_("Name"), CTG_ITEM_MEMBER, "name", FALSE);
  self->role_row = ctg_convention_entry_row_new (_("Role"), CTG_ITEM_MEMBER, "role", FALSE);
  self->organisation_row = ctg_convention_entry_row_new (_("Organisation"), CTG_ITEM_MEMBER,
                                                         "organisation", FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->name_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->role_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->organisation_row);

  self->delete_button = gtk_button_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "user-trash-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Remove Member"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (self->delete_button), content);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Member"), -1);
  gtk_widget_add_css_class (self->delete_button, "destructive-action");
  gtk_widget_set_halign (self->delete_button, GTK_ALIGN_END);
  gtk_widget_set_hexpand (self->delete_button, TRUE);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (on_delete_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), self->delete_button);
  gtk_widget_add_css_class (box, "ctg-row-buttons");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (actions_row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (actions_row), FALSE);
  gtk_widget_set_focusable (actions_row, FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), actions_row);
}

GtkWidget *
ctg_member_row_new (CtgDocument *document,
                    gint64       id)
{
  CtgMemberRow *self;

  g_return_val_if_fail (CTG_IS_DOCUMENT (document), NULL);

  self = g_object_new (CTG_TYPE_MEMBER_ROW, NULL);
  self->document = g_object_ref (document);
  self->id = id;

  ctg_convention_entry_row_set_item (CTG_CONVENTION_ENTRY_ROW (self->name_row), document, id);
  ctg_convention_entry_row_set_item (CTG_CONVENTION_ENTRY_ROW (self->role_row), document, id);
  ctg_convention_entry_row_set_item (CTG_CONVENTION_ENTRY_ROW (self->organisation_row), document, id);
  gtk_widget_set_visible (self->delete_button, !ctg_document_is_read_only (document));

  /* Named after the live member, whoever changes it */
  self->item = ctg_document_get_item (document, CTG_ITEM_MEMBER, id);
  if (self->item != NULL)
    _ctg_expander_row_follow_item (ADW_EXPANDER_ROW (self), self->item, "name", _("Unnamed member"),
                                   "role", "organisation");

  ctg_member_row_refresh (self);
  return GTK_WIDGET (self);
}

gint64
ctg_member_row_get_id (CtgMemberRow *self)
{
  g_return_val_if_fail (CTG_IS_MEMBER_ROW (self), 0);

  return self->id;
}

void
ctg_member_row_refresh (CtgMemberRow *self)
{
  g_return_if_fail (CTG_IS_MEMBER_ROW (self));

  ctg_convention_entry_row_refresh (CTG_CONVENTION_ENTRY_ROW (self->name_row));
  ctg_convention_entry_row_refresh (CTG_CONVENTION_ENTRY_ROW (self->role_row));
  ctg_convention_entry_row_refresh (CTG_CONVENTION_ENTRY_ROW (self->organisation_row));
}

GtkWidget *
ctg_member_row_get_field (CtgMemberRow *self,
                          const char   *field)
{
  g_return_val_if_fail (CTG_IS_MEMBER_ROW (self), NULL);

  if (g_strcmp0 (field, "name") == 0)
    return self->name_row;
  if (g_strcmp0 (field, "role") == 0)
    return self->role_row;
  if (g_strcmp0 (field, "organisation") == 0)
    return self->organisation_row;
  g_return_val_if_reached (NULL);
}
