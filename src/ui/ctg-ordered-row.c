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
 * down, a button to remove it and a message under its fields. Moving and
 * removing change the list around the row, so they are left to the list
 * through the ::move and ::remove signals. */
typedef struct
{
  GtkWidget          *menu_button;
  GtkWidget          *remove_button;
  CtgFieldMessage    *message;

  /* Owned references */
  CtgDocument        *document;
  GSimpleActionGroup *actions;

  CtgItemKind         kind;
  gint64              id;
  gboolean            editable;
} CtgOrderedRowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CtgOrderedRow, ctg_ordered_row, ADW_TYPE_EXPANDER_ROW)

enum {
  MOVE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_move_up_cb (CtgOrderedRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
on_move_down_cb (CtgOrderedRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, 1);
}

static void
on_remove_clicked_cb (CtgOrderedRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
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
  g_clear_object (&priv->actions);

  G_OBJECT_CLASS (ctg_ordered_row_parent_class)->dispose (object);
}

static void
ctg_ordered_row_class_init (CtgOrderedRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ctg_ordered_row_constructed;
  object_class->dispose = ctg_ordered_row_dispose;

  /**
   * CtgOrderedRow::move:
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
ctg_ordered_row_init (CtgOrderedRow *self)
{
  CtgOrderedRowPrivate *priv = ctg_ordered_row_get_instance_private (self);
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (self);

  priv->actions = _ctg_move_actions_new (G_CALLBACK (on_move_up_cb), G_CALLBACK (on_move_down_cb), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "row", G_ACTION_GROUP (priv->actions));

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
    _ctg_move_actions_update (priv->actions, position, n_rows);
  priv->editable = !!editable;
  gtk_widget_set_visible (priv->menu_button, editable);
  gtk_widget_set_visible (priv->remove_button, editable);

  CTG_ORDERED_ROW_GET_CLASS (self)->sync (self, force);
}

/**
 * ctg_ordered_row_focus_button:
 * @direction: -1 or 1 after a move (the focus goes to the menu that moved
 *   it), 0 for the row
 *
 * Gives the focus back after the row moved, to the button that moved it
 * when it can still be pressed.
 */
void
ctg_ordered_row_focus_button (CtgOrderedRow *self,
                              int            direction)
{
  CtgOrderedRowPrivate *priv = ctg_ordered_row_get_instance_private (self);

  g_return_if_fail (CTG_IS_ORDERED_ROW (self));

  gtk_widget_grab_focus (direction != 0 ? priv->menu_button : GTK_WIDGET (self));
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

/* "step" names the row "step-row" and its button "step-remove-button" */
void
_ctg_ordered_row_set_name (CtgOrderedRow *self,
                           const char    *name)
{
  CtgOrderedRowPrivate *priv = ctg_ordered_row_get_instance_private (self);
  g_autofree char *row_name = g_strconcat (name, "-row", NULL);
  g_autofree char *button_name = g_strconcat (name, "-remove-button", NULL);

  gtk_widget_set_name (GTK_WIDGET (self), row_name);
  gtk_widget_set_name (priv->remove_button, button_name);
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
