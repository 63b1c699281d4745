/* ctg-document-items.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The document's live items: one object per row while anyone holds it, one
 * list per (kind, parent), both brought up to date from each commit's
 * change set before anyone is told. */

#define G_LOG_DOMAIN "ctg-document"

#include "config.h"

#include <sqlite3.h>

#include "ctg-document-private.h"
#include "ctg-item-private.h"

static GHashTable *
cache (GHashTable **table)
{
  if (*table == NULL)
    *table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return *table;
}

static gint64
row_parent (CtgItemKind   kind,
            sqlite3_stmt *stmt)
{
  const char *parent = _ctg_kinds[kind].parent;

  for (int i = 0; parent != NULL && i < sqlite3_column_count (stmt); i++)
    if (g_str_equal (sqlite3_column_name (stmt, i), parent))
      return sqlite3_column_int64 (stmt, i);
  return 0;
}

/* As read_items (), for actions: their objects are the document's list's
 * (see ctg-document.c), read whole the first time */
static GPtrArray *
read_actions (CtgDocument *self,
              const char  *column,
              gint64       value,
              gboolean     refresh)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM action WHERE %s = ?1 ORDER BY %s",
                                          column, _ctg_kinds[CTG_ITEM_ACTION].order);
  g_autoptr(GArray) ids = self->db != NULL ? _ctg_document_query_ids (self, sql, value, NULL) : NULL;

  if (ids == NULL)
    return items;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gboolean alive = _ctg_document_find_action (self, id) != NULL;
      CtgAction *action = _ctg_document_get_live_action (self, id);

      if (action == NULL)
        continue;
      if (alive && refresh)
        _ctg_document_refresh_action (self, action);
      g_ptr_array_add (items, action);
    }
  return items;
}

/* The items of @kind whose @column is @value, in the document's order; the
 * ones already alive are the same objects, read again if @refresh */
static GPtrArray *
read_items (CtgDocument *self,
            CtgItemKind  kind,
            const char  *column,
            gint64       value,
            gboolean     refresh)
{
  GPtrArray *items;
  g_autofree char *sql = NULL;
  GHashTable *alive;
  sqlite3_stmt *stmt;

  if (kind == CTG_ITEM_ACTION)
    return read_actions (self, column, value, refresh);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  alive = cache (&self->items[kind]);
  if (column != NULL)
    sql = g_strdup_printf ("SELECT * FROM %s WHERE %s = ?1 ORDER BY %s",
                           _ctg_kinds[kind].table, column, _ctg_kinds[kind].order);
  else
    sql = g_strdup_printf ("SELECT * FROM %s WHERE ?1 = ?1 ORDER BY %s",
                           _ctg_kinds[kind].table, _ctg_kinds[kind].order);
  stmt = self->db != NULL ? _ctg_document_prepare (self, sql, NULL) : NULL;
  if (stmt == NULL)
    return items;
  sqlite3_bind_int64 (stmt, 1, value);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      CtgItem *item = g_hash_table_lookup (alive, &id);

      if (item != NULL)
        {
          g_object_ref (item);
          if (refresh)
            _ctg_item_load (item, stmt, row_parent (kind, stmt));
        }
      else
        {
          item = _ctg_item_new (self, kind, id);
          _ctg_item_load (item, stmt, row_parent (kind, stmt));
          g_hash_table_insert (alive, g_memdup2 (&id, sizeof id), item);
        }
      g_ptr_array_add (items, item);
    }
  sqlite3_reset (stmt);
  return items;
}

/**
 * ctg_document_get_item:
 *
 * Returns: (transfer full) (nullable): the live item of that row, the same
 *   object as long as anyone holds it; %NULL if there is no such row
 */
CtgItem *
ctg_document_get_item (CtgDocument *self,
                       CtgItemKind  kind,
                       gint64       id)
{
  g_autoptr(GPtrArray) found = NULL;
  CtgItem *item;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind < CTG_N_ITEM_KINDS, NULL);

  if (kind == CTG_ITEM_CONVENTION)
    id = 1;
  if (kind == CTG_ITEM_ACTION)
    return CTG_ITEM (_ctg_document_get_live_action (self, id));
  item = g_hash_table_lookup (cache (&self->items[kind]), &id);
  if (item != NULL)
    return g_object_ref (item);
  found = read_items (self, kind, "id", id, FALSE);
  return found->len > 0 ? g_object_ref (g_ptr_array_index (found, 0)) : NULL;
}

/**
 * ctg_document_list_items:
 * @parent_id: the parent (the action of steps, the axis of objectives...);
 *   ignored for kinds without one
 *
 * Returns: (transfer full): a #GListModel of the live items of @kind under
 *   @parent_id, in the document's order, the same object as long as anyone
 *   holds it. It emits #GListModel::items-changed at the exact places of
 *   the items inserted, removed and moved by each commit.
 */
GListModel *
ctg_document_list_items (CtgDocument *self,
                         CtgItemKind  kind,
                         gint64       parent_id)
{
  g_autoptr(GPtrArray) items = NULL;
  CtgItemList *list;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind < CTG_N_ITEM_KINDS, NULL);

  if (_ctg_kinds[kind].parent == NULL)
    parent_id = 0;
  list = g_hash_table_lookup (cache (&self->lists[kind]), &parent_id);
  if (list != NULL)
    return g_object_ref (G_LIST_MODEL (list));

  items = read_items (self, kind, _ctg_kinds[kind].parent, parent_id, FALSE);
  list = _ctg_item_list_new (self, kind, parent_id, items);
  g_hash_table_insert (self->lists[kind], g_memdup2 (&parent_id, sizeof parent_id), list);
  return G_LIST_MODEL (list);
}

/* Drops @object from @cache, unless a newer object took its key already */
static void
forget_cached (GHashTable *cache,
               gint64      key,
               gpointer    object)
{
  if (cache != NULL && g_hash_table_lookup (cache, &key) == object)
    g_hash_table_remove (cache, &key);
}

void
_ctg_document_forget_item (CtgDocument *self,
                           CtgItem     *item)
{
  forget_cached (self->items[ctg_item_get_kind (item)], ctg_item_get_id (item), item);
}

void
_ctg_document_forget_list (CtgDocument *self,
                           CtgItemList *list)
{
  forget_cached (self->lists[_ctg_item_list_get_kind (list)], _ctg_item_list_get_parent (list), list);
}

/* Reads one live item again; gone from the file, it says it was removed */
static void
refresh_item (CtgDocument *self,
              CtgItem     *item)
{
  g_autoptr(GPtrArray) found = NULL;

  if (CTG_IS_ACTION (item))
    {
      _ctg_document_refresh_action (self, CTG_ACTION (item));
      return;
    }
  g_object_ref (item);
  found = read_items (self, ctg_item_get_kind (item), "id", ctg_item_get_id (item), TRUE);
  if (found->len == 0)
    _ctg_item_set_removed (item);
  g_object_unref (item);
}

static void
refresh_list (CtgDocument *self,
              CtgItemList *list)
{
  CtgItemKind kind = _ctg_item_list_get_kind (list);
  g_autoptr(GPtrArray) items = NULL;

  g_object_ref (list);
  items = read_items (self, kind, _ctg_kinds[kind].parent, _ctg_item_list_get_parent (list), FALSE);
  _ctg_item_list_update (list, items);
  g_object_unref (list);
}

static GPtrArray *
alive_values (GHashTable *table)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  if (table == NULL)
    return values;
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (values, g_object_ref (value));
  return values;
}

static void
mark_list (GHashTable *dirty,
           CtgItemKind kind,
           gint64      parent)
{
  g_hash_table_add (dirty, g_strdup_printf ("%u:%" G_GINT64_FORMAT, kind, parent));
}

static gboolean
list_marked (GHashTable *dirty,
             CtgItemKind kind,
             gint64      parent)
{
  g_autofree char *key = g_strdup_printf ("%u:%" G_GINT64_FORMAT, kind, parent);

  return g_hash_table_contains (dirty, key);
}

/**
 * _ctg_document_update_items:
 *
 * After a commit, before anyone is told: the live items described by
 * @changes read their row again (notifying the properties that changed),
 * and the lists whose members came, went or moved follow.
 */
void
_ctg_document_update_items (CtgDocument  *self,
                            CtgChangeSet *changes)
{
  g_autoptr(GHashTable) dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* The actions whose own data changed: their rows, participants or funding */
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  static const CtgItemKind action_kinds[] = {
    CTG_ITEM_AXIS, CTG_ITEM_OBJECTIVE, CTG_ITEM_ACTION, CTG_ITEM_PARTICIPANT, CTG_ITEM_FUNDING,
  };
  gboolean reload_actions = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (action_kinds); i++)
    reload_actions |= ctg_change_set_is_kind_reloaded (changes, action_kinds[i]);
  if (reload_actions)
    _ctg_document_reload_actions (self);

  for (guint kind = 0; kind < CTG_N_ITEM_KINDS; kind++)
    {
      if (!ctg_change_set_is_kind_reloaded (changes, kind))
        continue;
      {
        g_autoptr(GPtrArray) items = kind != CTG_ITEM_ACTION ? alive_values (self->items[kind]) : NULL;
        g_autoptr(GPtrArray) lists = alive_values (self->lists[kind]);

        for (guint i = 0; items != NULL && i < items->len; i++)
          refresh_item (self, g_ptr_array_index (items, i));
        for (guint i = 0; i < lists->len; i++)
          refresh_list (self, g_ptr_array_index (lists, i));
      }
    }

  for (guint i = 0; i < ctg_change_set_get_n_rows (changes); i++)
    {
      const CtgRowChange *row = ctg_change_set_get_row (changes, i);
      CtgItem *item;

      if (ctg_change_set_is_kind_reloaded (changes, row->kind))
        continue;
      if (row->kind == CTG_ITEM_ACTION || row->kind == CTG_ITEM_PARTICIPANT || row->kind == CTG_ITEM_FUNDING)
        {
          gint64 id = row->kind == CTG_ITEM_ACTION ? row->id : row->parent_id;

          g_hash_table_add (actions, g_memdup2 (&id, sizeof id));
          if (row->kind != CTG_ITEM_ACTION && row->old_parent_id != row->parent_id)
            g_hash_table_add (actions, g_memdup2 (&row->old_parent_id, sizeof row->old_parent_id));
        }
      item = row->kind != CTG_ITEM_ACTION && self->items[row->kind] ? g_hash_table_lookup (self->items[row->kind], &row->id) : NULL;
      if (item != NULL)
        {
          if (row->op == CTG_ROW_REMOVED)
            _ctg_item_set_removed (item);
          else
            refresh_item (self, item);
        }
      if (row->op != CTG_ROW_UPDATED || row->moved)
        {
          mark_list (dirty, row->kind, row->parent_id);
          mark_list (dirty, row->kind, row->old_parent_id);
        }
    }

  if (!reload_actions)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, actions);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          CtgAction *action = _ctg_document_find_action (self, *(gint64 *) key);

          if (action == NULL)
            continue;
          g_object_ref (action);
          _ctg_document_refresh_action (self, action);
          g_object_unref (action);
        }
    }

  for (guint kind = 0; kind < CTG_N_ITEM_KINDS; kind++)
    {
      g_autoptr(GPtrArray) lists = NULL;

      if (ctg_change_set_is_kind_reloaded (changes, kind) || self->lists[kind] == NULL)
        continue;
      lists = alive_values (self->lists[kind]);
      for (guint i = 0; i < lists->len; i++)
        {
          CtgItemList *list = g_ptr_array_index (lists, i);

          if (list_marked (dirty, kind, _ctg_item_list_get_parent (list)))
            refresh_list (self, list);
        }
    }
}

/* When the document goes: its items and lists stay with whoever holds
 * them, frozen */
void
_ctg_document_drop_items (CtgDocument *self)
{
  for (guint kind = 0; kind < CTG_N_ITEM_KINDS; kind++)
    {
      GHashTableIter iter;
      gpointer value;

      if (self->items[kind] != NULL)
        {
          g_hash_table_iter_init (&iter, self->items[kind]);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            _ctg_item_forget_document (value);
        }
      if (self->lists[kind] != NULL)
        {
          g_hash_table_iter_init (&iter, self->lists[kind]);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            _ctg_item_list_forget_document (value);
        }
      g_clear_pointer (&self->items[kind], g_hash_table_unref);
      g_clear_pointer (&self->lists[kind], g_hash_table_unref);
    }
}
