/* ctg-field-message.c: an error or a warning shown right under a field
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-field-message"

#include "config.h"

#include "ctg-field-message.h"

/* A row of its own, so that in a boxed list the message sits directly under
 * the row it is about, inside the same card, rather than under the whole
 * group as AdwPreferencesGroup puts anything that is not a row. */
struct _CtgFieldMessage
{
  AdwPreferencesRow  parent_instance;

  GtkImage          *icon;
  GtkLabel          *label;

  guint              is_error : 1;
};

G_DEFINE_FINAL_TYPE (CtgFieldMessage, ctg_field_message, ADW_TYPE_PREFERENCES_ROW)

static void
show_message (CtgFieldMessage *self,
              GtkWidget       *field,
              const char      *message,
              gboolean         is_error)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->label));

  self->is_error = is_error;
  gtk_label_set_label (self->label, message);
  gtk_image_set_from_icon_name (self->icon, is_error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (box, is_error ? "warning" : "error");
  gtk_widget_add_css_class (box, is_error ? "error" : "warning");
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);

  if (field != NULL)
    {
      gtk_widget_remove_css_class (field, is_error ? "warning" : "error");
      gtk_widget_add_css_class (field, is_error ? "error" : "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                                   GTK_ACCESSIBLE_STATE_INVALID,
                                   is_error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
    }
}

static void
ctg_field_message_class_init (CtgFieldMessageClass *klass)
{
}

static void
ctg_field_message_init (CtgFieldMessage *self)
{
  GtkWidget *box;

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "field-message");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  self->icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->icon), GTK_ALIGN_START);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->icon));

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
}

GtkWidget *
ctg_field_message_new (void)
{
  return g_object_new (CTG_TYPE_FIELD_MESSAGE, NULL);
}

/**
 * ctg_field_message_show_error:
 * @field: (nullable): the row the message is about, marked as invalid
 */
void
ctg_field_message_show_error (CtgFieldMessage *self,
                              GtkWidget       *field,
                              const char      *message)
{
  g_return_if_fail (CTG_IS_FIELD_MESSAGE (self));

  show_message (self, field, message, TRUE);
}

void
ctg_field_message_show_warning (CtgFieldMessage *self,
                                GtkWidget       *field,
                                const char      *message)
{
  g_return_if_fail (CTG_IS_FIELD_MESSAGE (self));

  show_message (self, field, message, FALSE);
}

void
ctg_field_message_clear (CtgFieldMessage *self,
                         GtkWidget       *field)
{
  g_return_if_fail (CTG_IS_FIELD_MESSAGE (self));

  self->is_error = FALSE;
  gtk_label_set_label (self->label, "");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  if (field != NULL)
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_widget_remove_css_class (field, "warning");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

gboolean
ctg_field_message_is_error (CtgFieldMessage *self)
{
  g_return_val_if_fail (CTG_IS_FIELD_MESSAGE (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self)) && self->is_error;
}

const char *
ctg_field_message_get_text (CtgFieldMessage *self)
{
  g_return_val_if_fail (CTG_IS_FIELD_MESSAGE (self), NULL);

  return gtk_label_get_label (self->label);
}
