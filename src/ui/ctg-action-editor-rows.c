/* ctg-action-editor-rows.c: the steps and the indicators of the action
 * shown in the editor
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-action-editor"

#include "config.h"

#include "ctg-action-editor-private.h"
#include "ctg-editor-util.h"
#include "ctg-ordered-row.h"

/* The rows follow the live list of the action's items: an item added,
 * moved or removed, from here or by an undo, another window or the ctg
 * tool, takes or gives back its row at the same place, and the other rows
 * stay as they are (open, being typed in). Each row follows its own item. */
struct _CtgEditorRows
{
  GtkWidget          *editor;    /* borrowed: it owns these rows */
  CtgEditorRowsPlace  place;     /* borrowed widgets, the editor's */

  /* Borrowed references: the rows belong to their list box */
  GPtrArray          *rows;

  /* Owned references */
  CtgDocument        *document;
  GListModel         *items;     /* the live items the rows show */
  GHashTable         *expanded;  /* ids of the rows open when taken out by a move */

  gint64              action_id;
  guint               first_year;  /* of the indicators' values */
  guint               last_year;
  gboolean            editable;
};

static gint64
row_id (GtkWidget *row)
{
  return ctg_ordered_row_get_id (CTG_ORDERED_ROW (row));
}

/* A row moves and removes its item itself: its toasts are the editor's */
static void
on_row_toast_cb (CtgEditorRows *self,
                 const char    *message)
{
  g_signal_emit_by_name (self->editor, "toast", message);
}

static void
insert_row (CtgEditorRows *self,
            guint          index,
            gint64         id)
{
  GtkWidget *row = self->place.kind == CTG_ITEM_STEP ? ctg_step_row_new (self->document, id)
                                                     : ctg_indicator_row_new (self->document, id);
  int base = self->place.after ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->place.after)) + 1 : 0;

  g_signal_connect_swapped (row, "toast", G_CALLBACK (on_row_toast_cb), self);
  if (CTG_IS_INDICATOR_ROW (row))
    ctg_indicator_row_set_years (CTG_INDICATOR_ROW (row), self->first_year, self->last_year);
  gtk_list_box_insert (self->place.list, row, base + (int) index);
  /* A row moved is taken out and put back: open if it was */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_remove (self->expanded, &id));
  g_ptr_array_insert (self->rows, index, row);
}

/* The items came, went or moved: the rows follow, at the same places */
static void
on_items_changed_cb (GListModel    *items,
                     guint          position,
                     guint          removed,
                     guint          added,
                     CtgEditorRows *self)
{
  for (guint i = 0; i < removed; i++)
    {
      GtkWidget *row = g_ptr_array_steal_index (self->rows, position);

      if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        g_hash_table_add (self->expanded, g_memdup2 (&(gint64) { row_id (row) }, sizeof (gint64)));
      gtk_list_box_remove (self->place.list, row);
    }
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(CtgItem) item = g_list_model_get_item (items, position + i);

      insert_row (self, position + i, ctg_item_get_id (item));
    }
  _ctg_editor_rows_update (self, self->editable, FALSE);
}

CtgEditorRows *
_ctg_editor_rows_new (GtkWidget                *editor,
                      const CtgEditorRowsPlace *place)
{
  CtgEditorRows *self = g_new0 (CtgEditorRows, 1);

  g_assert (place->kind == CTG_ITEM_STEP || place->kind == CTG_ITEM_INDICATOR);

  self->editor = editor;
  self->place = *place;
  self->rows = g_ptr_array_new ();
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->editable = TRUE;
  return self;
}

/* Before the list box goes */
void
_ctg_editor_rows_free (CtgEditorRows *self)
{
  if (self->items != NULL)
    g_signal_handlers_disconnect_by_data (self->items, self);
  g_clear_object (&self->items);
  g_clear_object (&self->document);
  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->expanded);
  g_free (self);
}

/**
 * _ctg_editor_rows_follow:
 * @document: (nullable): the document, %NULL for none
 * @action_id: the action shown, 0 for none
 *
 * Shows the items of @action_id, and follows them.
 */
void
_ctg_editor_rows_follow (CtgEditorRows *self,
                         CtgDocument   *document,
                         gint64         action_id)
{
  g_autoptr(GListModel) items = NULL;

  if (document != NULL && action_id != 0)
    items = ctg_document_list_items (document, self->place.kind, action_id);
  if (items == self->items)
    return;

  if (self->items != NULL)
    g_signal_handlers_disconnect_by_data (self->items, self);
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->place.list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->expanded);

  /* The rows hold the document they were made for */
  g_set_object (&self->document, document);
  self->action_id = action_id;
  g_set_object (&self->items, items);
  if (items != NULL)
    {
      g_signal_connect (items, "items-changed", G_CALLBACK (on_items_changed_cb), self);
      on_items_changed_cb (items, 0, 0, g_list_model_get_n_items (items), self);
    }
}

/**
 * _ctg_editor_rows_update:
 * @force: replace what is typed in the rows too
 *
 * Tells each row its place and whether it may be changed.
 */
void
_ctg_editor_rows_update (CtgEditorRows *self,
                         gboolean       editable,
                         gboolean       force)
{
  self->editable = editable;
  for (guint i = 0; i < self->rows->len; i++)
    ctg_ordered_row_update (g_ptr_array_index (self->rows, i), i, self->rows->len, editable, force);
}

/* For the indicators: the years of the convention, a value field each */
void
_ctg_editor_rows_set_years (CtgEditorRows *self,
                            guint          first_year,
                            guint          last_year)
{
  self->first_year = first_year;
  self->last_year = last_year;
  for (guint i = 0; i < self->rows->len; i++)
    if (CTG_IS_INDICATOR_ROW (g_ptr_array_index (self->rows, i)))
      ctg_indicator_row_set_years (g_ptr_array_index (self->rows, i), first_year, last_year);
}

/* Adds what the entry holds as a new item */
void
_ctg_editor_rows_add (CtgEditorRows *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->place.add_row))));

  if (text[0] == '\0' || self->document == NULL || self->action_id == 0)
    return;

  ctg_field_message_clear (self->place.message, GTK_WIDGET (self->place.add_row));
  if (ctg_document_add_item (self->document, self->place.kind, self->action_id, text, &error) == 0)
    {
      ctg_field_message_show_error (self->place.message, GTK_WIDGET (self->place.add_row), error->message);
      return;
    }
  _ctg_entry_row_set_value (self->place.add_row, "");
}

/* Another action is shown: what was typed to add and the message go */
void
_ctg_editor_rows_reset (CtgEditorRows *self)
{
  ctg_field_message_clear (self->place.message, GTK_WIDGET (self->place.add_row));
  _ctg_entry_row_set_value (self->place.add_row, "");
}

/* Whether @id is one of the items shown */
gboolean
_ctg_editor_rows_has_item (CtgEditorRows *self,
                           gint64         id)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (row_id (g_ptr_array_index (self->rows, i)) == id)
      return TRUE;
  return FALSE;
}
