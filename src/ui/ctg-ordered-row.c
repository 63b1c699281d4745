/* ctg-ordered-row.c: a row of a list the user orders (steps, indicators)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-ordered-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-editor-util.h"
#include "ctg-ordered-row.h"

/* What every row of such a list has: its item, a menu to move it up or
 * down, a button to remove it and a message under its fields. It moves
 * and removes its item itself, as a CtgItemRow does; its list follows the
 * document, making a new row for an item moved. */
typedef struct
{
  GtkWidget          *menu_button;
  GtkWidget          *remove_button;
  CtgFieldMessage    *message;

  /* Owned references */
  CtgDocument        *document;

  CtgItemKind         kind;
  gint64              id;
  guint               position;
  guint               n_rows;
  gboolean            editable;
} CtgOrderedRowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CtgOrderedRow, ctg_ordered_row, ADW_TYPE_EXPANDER_ROW)

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The row of the same kind at @index of @list, if it is one */
static GtkWidget *
sibling_at (CtgOrderedRow *self,
            GtkListBox    *list,
            int            index)
{
  GtkListBoxRow *row = index >= 0 ? gtk_list_box_get_row_at_index (list, index) : NULL;

  return row != NULL && G_OBJECT_TYPE (row) == G_OBJECT_TYPE (self) ? GTK_WIDGET (row) : NULL;
}

static void
move_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CtgOrderedRow *self = CTG_ORDERED_ROW (widget);
  CtgOrderedRowPrivate *priv = ctg_ordered_row_get_instance_private (self);
  GtkWidget *list = gtk_widget_get_parent (widget);
  G_GNUC_UNUSED g_autoptr(GtkWidget) hold = g_object_ref (widget);

  if (!_ctg_row_move_item (widget, action_name, priv->document, priv->kind, priv->id, priv->position, priv->n_rows) ||
      !GTK_IS_LIST_BOX (list))
    return;

  /* The list may have put a new row in its place: the focus goes to the
   * menu of the row of the item, where it is now, to move it again */
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (G_OBJECT_TYPE (child) == G_OBJECT_TYPE (self) && ctg_ordered_row_get_id (CTG_ORDERED_ROW (child)) == priv->id)
      {
        CtgOrderedRowPrivate *moved = ctg_ordered_row_get_instance_private (CTG_ORDERED_ROW (child));

        gtk_widget_grab_focus (moved->menu_button);
        break;
      }
}

static void
on_remove_clicked_cb (CtgOrderedRow *self)
{
  CtgOrderedRowPrivate *priv = ctg_ordered_row_get_instance_private (self);
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self));
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self));
  G_GNUC_UNUSED g_autoptr(GtkWidget) hold = g_object_ref (GTK_WIDGET (self));
  GtkWidget *next;

  if (!_ctg_row_delete_item (GTK_WIDGET (self), priv->document, priv->kind, priv->id,
                             _(CTG_ORDERED_ROW_GET_CLASS (self)->removed)) ||
      !GTK_IS_LIST_BOX (list))
    return;

  /* The focus goes to the row that took its place, else to the one
   * before, else to what follows the list (the entry that adds one) */
  next = sibling_at (self, GTK_LIST_BOX (list), index);
  if (next == NULL)
    next = sibling_at (self, GTK_LIST_BOX (list), index - 1);
  if (next == NULL)
    next = (GtkWidget *) gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);
  /* An expander row takes no focus itself, its header does */
  if (next != NULL && !gtk_widget_grab_focus (next))
    gtk_widget_child_focus (next, GTK_DIR_TAB_FORWARD);
}

static void
ctg_ordered_row_constructed (GObject *object)
{
  CtgOrderedRow *self = CTG_ORDERED_ROW (object);
  CtgOrderedRowPrivate *priv = ctg_ordered_row_get_instance_private (self);

  G_OBJECT_CLASS (ctg_ordered_row_parent_class)->constructed (object);

  /* Under the fields the rows deriving from it added in their init */
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (priv->message));
}

static void
ctg_ordered_row_dispose (GObject *object)
{
  CtgOrderedRow *self = CTG_ORDERED_ROW (object);
  CtgOrderedRowPrivate *priv = ctg_ordered_row_get_instance_private (self);

  g_clear_object (&priv->document);

  G_OBJECT_CLASS (ctg_ordered_row_parent_class)->dispose (object);
}

static void
ctg_ordered_row_class_init (CtgOrderedRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ctg_ordered_row_constructed;
  object_class->dispose = ctg_ordered_row_dispose;

  /**
   * CtgOrderedRow::toast:
   *
   * Asks the window to show a message (a removal, or a move refused).
   */
  signals[TOAST] = _ctg_toast_signal_new (G_TYPE_FROM_CLASS (klass));

  _ctg_row_class_add_move_actions (GTK_WIDGET_CLASS (klass), move_activated);
}

static void
ctg_ordered_row_init (CtgOrderedRow *self)
{
  CtgOrderedRowPrivate *priv = ctg_ordered_row_get_instance_private (self);
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-up", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-down", FALSE);

  /* Actions are packed from the end */
  priv->remove_button = _ctg_icon_button_new ("user-trash-symbolic", _("Remove"));
  g_signal_connect_swapped (priv->remove_button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  adw_expander_row_add_action (expander, priv->remove_button);
  priv->menu_button = _ctg_move_menu_button_new ();
  adw_expander_row_add_action (expander, priv->menu_button);

  priv->message = CTG_FIELD_MESSAGE (ctg_field_message_new ());
  priv->editable = TRUE;
}

gint64
ctg_ordered_row_get_id (CtgOrderedRow *self)
{
  CtgOrderedRowPrivate *priv = ctg_ordered_row_get_instance_private (self);

  g_return_val_if_fail (CTG_IS_ORDERED_ROW (self), 0);

  return priv->id;
}

/**
 * ctg_ordered_row_update:
 * @position: the place of the row among @n_rows, or %G_MAXUINT to keep the
 *   one it had
 * @editable: whether the document can be changed
 * @force: replace fields being edited too
 *
 * Sets what the row's owner knows (its place, whether it can be edited)
 * and shows the item again from the document.
 */
void
ctg_ordered_row_update (CtgOrderedRow *self,
                        guint          position,
                        guint          n_rows,
                        gboolean       editable,
                        gboolean       force)
{
  CtgOrderedRowPrivate *priv = ctg_ordered_row_get_instance_private (self);

  g_return_if_fail (CTG_IS_ORDERED_ROW (self));

  /* It moves only where it can, and only in a document that can be changed */
  if (position != G_MAXUINT)
    {
      priv->position = position;
      priv->n_rows = n_rows;
    }
  priv->editable = !!editable;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-up", editable && priv->position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-down", editable && priv->position + 1 < priv->n_rows);
  gtk_widget_set_visible (priv->menu_button, editable);
  gtk_widget_set_visible (priv->remove_button, editable);

  CTG_ORDERED_ROW_GET_CLASS (self)->sync (self, force);
}

void
_ctg_ordered_row_set_item (CtgOrderedRow *self,
                           CtgDocument   *document,
                           CtgItemKind    kind,
                           gint64         id)
{
  CtgOrderedRowPrivate *priv = ctg_ordered_row_get_instance_private (self);

  g_set_object (&priv->document, document);
  priv->kind = kind;
  priv->id = id;
}

/* "step" names the row "step-row", its buttons "step-move-button" and
 * "step-remove-button" */
void
_ctg_ordered_row_set_name (CtgOrderedRow *self,
                           const char    *name)
{
  CtgOrderedRowPrivate *priv = ctg_ordered_row_get_instance_private (self);
  g_autofree char *row_name = g_strconcat (name, "-row", NULL);
  g_autofree char *move_name = g_strconcat (name, "-move-button", NULL);
  g_autofree char *remove_name = g_strconcat (name, "-remove-button", NULL);

  gtk_widget_set_name (GTK_WIDGET (self), row_name);
  gtk_widget_set_name (priv->menu_button, move_name);
  gtk_widget_set_name (priv->remove_button, remove_name);
}

CtgDocument *
_ctg_ordered_row_get_document (CtgOrderedRow *self)
{
  CtgOrderedRowPrivate *priv = ctg_ordered_row_get_instance_private (self);

  return priv->document;
}

/* Whether the fields may be edited, as last told by ctg_ordered_row_update() */
gboolean
_ctg_ordered_row_get_editable (CtgOrderedRow *self)
{
  CtgOrderedRowPrivate *priv = ctg_ordered_row_get_instance_private (self);

  return priv->editable;
}

/* Whether the row's item is still in the document */
gboolean
_ctg_ordered_row_has_item (CtgOrderedRow *self)
{
  CtgOrderedRowPrivate *priv = ctg_ordered_row_get_instance_private (self);

  return priv->document != NULL && ctg_document_has_item (priv->document, priv->kind, priv->id);
}

CtgFieldMessage *
_ctg_ordered_row_get_message (CtgOrderedRow *self)
{
  CtgOrderedRowPrivate *priv = ctg_ordered_row_get_instance_private (self);

  return priv->message;
}

/* A value of @field was refused: says why, the row open to show it */
void
_ctg_ordered_row_show_error (CtgOrderedRow *self,
                             GtkWidget     *field,
                             const char    *message)
{
  CtgOrderedRowPrivate *priv = ctg_ordered_row_get_instance_private (self);

  ctg_field_message_show_error (priv->message, field, message);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
}

/* What screen readers say of the menu and of the remove button */
void
_ctg_ordered_row_set_labels (CtgOrderedRow *self,
                             const char    *move,
                             const char    *remove)
{
  CtgOrderedRowPrivate *priv = ctg_ordered_row_get_instance_private (self);

  _ctg_widget_set_label (priv->menu_button, move);
  _ctg_widget_set_label (priv->remove_button, remove);
}
