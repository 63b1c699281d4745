/* ctg-merge-snapshot.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The three conventions a merge compares, read into memory: ours, theirs
 * and the state where they parted, rebuilt by playing one copy's journal
 * backwards; and what each side changed since. */

#define G_LOG_DOMAIN "ctg-merge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ctg-merge-private.h"
#include "ctg-schema.h"

void
_ctg_merge_values_free (char  **values,
                        guint   n)
{
  for (guint i = 0; values && i < n; i++)
    g_free (values[i]);
  g_free (values);
}

char **
_ctg_merge_values_copy (char  **values,
                        guint   n)
{
  char **copy = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (values[i]);
  return copy;
}

static Row *
row_new (guint n)
{
  Row *row = g_new0 (Row, 1);

  row->n_values = n;
  row->values = g_new0 (char *, n + 1);
  return row;
}

void
_ctg_merge_row_free (Row *row)
{
  g_free (row->uuid);
  _ctg_merge_values_free (row->values, row->n_values);
  g_free (row);
}

void
_ctg_merge_event_free (Event *event)
{
  g_free (event->state);
  g_free (event->op);
  g_free (event->txn_uuid);
  g_free (event);
}

void
_ctg_merge_snapshot_init (Snapshot *snapshot)
{
  for (guint t = 0; t < N_TABLES; t++)
    {
      snapshot->tables[t].by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                         (GDestroyNotify) _ctg_merge_row_free);
      snapshot->tables[t].by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
    }
}

void
_ctg_merge_snapshot_clear (Snapshot *snapshot)
{
  for (guint t = 0; t < N_TABLES; t++)
    {
      g_clear_pointer (&snapshot->tables[t].by_uuid, g_hash_table_unref);
      g_clear_pointer (&snapshot->tables[t].by_id, g_hash_table_unref);
    }
}

/* Values */

static char *
encode (int                  type,
        const unsigned char *text)
{
  switch (type)
    {
    case SQLITE_NULL:
      return NULL;
    case SQLITE_INTEGER:
      return g_strconcat ("i", (const char *) text, NULL);
    case SQLITE_FLOAT:
      return g_strconcat ("r", (const char *) text, NULL);
    default:
      return g_strconcat ("t", text ? (const char *) text : "", NULL);
    }
}

static char *
encode_value (sqlite3_value *value)
{
  return encode (sqlite3_value_type (value), sqlite3_value_text (value));
}

/* As _ctg_document_insert() and _update() take them: text */
const char *
_ctg_merge_decode (const char *value)
{
  return value ? value + 1 : NULL;
}

gboolean
_ctg_merge_same (const char *a,
                 const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

char *
_ctg_merge_display_value (const char *value)
{
  if (value == NULL)
    return g_strdup ("—");
  return g_strdup (value + 1);
}

/* The schema */

int
_ctg_merge_column_index (const TableInfo *info,
                         const char      *column)
{
  for (guint c = 0; c < info->n_columns; c++)
    if (g_str_equal (info->columns[c], column))
      return (int) c;
  return -1;
}

void
_ctg_merge_read_schema_info (CtgMerge *self)
{
  for (guint t = 0; t < N_TABLES; t++)
    {
      TableInfo *info = &self->info[t];
      const char *parent = _ctg_kinds[t].parent;

      info->columns = g_strdupv ((char **) _ctg_document_table_columns (self->ours_doc, _ctg_kinds[t].table));
      info->n_columns = g_strv_length (info->columns);
      g_assert (info->n_columns <= G_N_ELEMENTS (info->ref_target));
      info->id_col = _ctg_merge_column_index (info, "id");
      info->uuid_col = _ctg_merge_column_index (info, "uuid");
      info->position_col = _ctg_merge_column_index (info, "position");
      info->modified_col = _ctg_merge_column_index (info, "modified");
      info->owner_col = -1;
      info->group_col = parent ? _ctg_merge_column_index (info, parent) : -1;
      info->extra_group_col = t == CTG_ITEM_PARTICIPANT ? _ctg_merge_column_index (info, "relation") : -1;
      for (guint c = 0; c < info->n_columns; c++)
        info->ref_target[c] = -1;
    }

  for (guint i = 0; _ctg_children[i].column != NULL; i++)
    {
      TableInfo *info = &self->info[_ctg_children[i].child];
      int c = _ctg_merge_column_index (info, _ctg_children[i].column);

      g_assert (c >= 0);
      info->ref_target[c] = _ctg_children[i].parent;
      info->ref_owner[c] = _ctg_children[i].mode == CHILD_DELETE;
      if (info->ref_owner[c] && info->owner_col < 0)
        info->owner_col = c;
    }
}

/* Whether a column is merged field by field */
gboolean
_ctg_merge_merged_column (const TableInfo *info,
                          int              c)
{
  return c != info->id_col && c != info->uuid_col && c != info->position_col &&
         !g_str_equal (info->columns[c], "lineage");
}

/* Reading a snapshot */

gboolean
_ctg_merge_load_snapshot (CtgMerge     *self,
                          CtgDocument  *doc,
                          Snapshot     *snapshot,
                          GError      **error)
{
  _ctg_merge_snapshot_init (snapshot);

  for (guint t = 0; t < N_TABLES; t++)
    {
      TableInfo *info = &self->info[t];
      g_autofree char *columns = g_strjoinv (", ", info->columns);
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s", columns, _ctg_kinds[t].table);
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (doc->db, sql, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        return _ctg_document_set_sqlite_error (doc, rc, error);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          Row *row = row_new (info->n_columns);

          for (guint c = 0; c < info->n_columns; c++)
            row->values[c] = encode (sqlite3_column_type (stmt, c), sqlite3_column_text (stmt, c));
          row->id = sqlite3_column_int64 (stmt, info->id_col);
          g_hash_table_insert (snapshot->tables[t].by_id, &row->id, row);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return _ctg_document_set_sqlite_error (doc, rc, error);
    }
  return TRUE;
}

/* Gives each row its uuid (rows brought back from a journal written before
 * v3 have none: they get the one the upgrade gave them) and turns the
 * columns naming other rows into their uuids, which both copies share */
void
_ctg_merge_index_snapshot (CtgMerge   *self,
                           Snapshot   *snapshot,
                           const char *lineage)
{
  for (guint t = 0; t < N_TABLES; t++)
    {
      GHashTableIter iter;
      Row *row;

      g_hash_table_iter_init (&iter, snapshot->tables[t].by_id);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
        {
          char *value = row->values[self->info[t].uuid_col];

          g_free (row->uuid);
          row->uuid = value ? g_strdup (value + 1)
                            : _ctg_schema_derived_uuid (lineage, _ctg_kinds[t].table, row->id, NULL);
          g_hash_table_insert (snapshot->tables[t].by_uuid, row->uuid, row);
        }
    }

  for (guint t = 0; t < N_TABLES; t++)
    {
      TableInfo *info = &self->info[t];
      GHashTableIter iter;
      Row *row;

      g_hash_table_iter_init (&iter, snapshot->tables[t].by_id);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
        for (guint c = 0; c < info->n_columns; c++)
          {
            gint64 id;
            Row *target;

            if (info->ref_target[c] < 0 || row->values[c] == NULL)
              continue;
            id = g_ascii_strtoll (row->values[c] + 1, NULL, 10);
            target = g_hash_table_lookup (snapshot->tables[info->ref_target[c]].by_id, &id);
            g_free (row->values[c]);
            row->values[c] = target ? g_strconcat ("u", target->uuid, NULL) : NULL;
          }
    }
}

/* Rows that both copies added for the same thing are one: the same
 * person made pilot of one action on both sides, the same year's note */
static const struct {
  CtgItemKind  kind;
  const char  *columns[3];
} natural_keys[] = {
  { CTG_ITEM_PARTICIPANT, { "action_id", "relation", "name" } },
  { CTG_ITEM_ACTION_YEAR, { "action_id", "year", NULL } },
  { CTG_ITEM_INDICATOR_VALUE, { "indicator_id", "year", NULL } },
  { CTG_ITEM_ASSESSMENT, { "indicator_id", "year", NULL } },
};

static char *
natural_key (const TableInfo *info,
             guint            k,
             Row             *row)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (natural_keys[k].columns) && natural_keys[k].columns[i]; i++)
    {
      int c = _ctg_merge_column_index (info, natural_keys[k].columns[i]);

      g_string_append_printf (key, "%s\x1f", c >= 0 && row->values[c] ? row->values[c] : "");
    }
  return g_string_free (key, FALSE);
}

void
_ctg_merge_match_natural_keys (CtgMerge *self)
{
  for (guint k = 0; k < G_N_ELEMENTS (natural_keys); k++)
    {
      guint t = natural_keys[k].kind;
      const TableInfo *info = &self->info[t];
      Table *ours = &self->ours.tables[t];
      Table *theirs = &self->theirs.tables[t];
      Table *base = &self->base.tables[t];
      g_autoptr(GHashTable) added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GPtrArray) rekeyed = g_ptr_array_new ();
      GHashTableIter iter;
      Row *row;

      g_hash_table_iter_init (&iter, ours->by_uuid);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
        if (!g_hash_table_contains (base->by_uuid, row->uuid) && !g_hash_table_contains (theirs->by_uuid, row->uuid))
          g_hash_table_insert (added, natural_key (info, k, row), row);

      g_hash_table_iter_init (&iter, theirs->by_uuid);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
        {
          g_autofree char *key = NULL;
          Row *twin;

          if (g_hash_table_contains (base->by_uuid, row->uuid) || g_hash_table_contains (ours->by_uuid, row->uuid))
            continue;
          key = natural_key (info, k, row);
          twin = g_hash_table_lookup (added, key);
          if (twin == NULL)
            continue;
          g_hash_table_remove (added, key);
          g_hash_table_iter_remove (&iter);
          g_free (row->uuid);
          row->uuid = g_strdup (twin->uuid);
          g_free (row->values[info->uuid_col]);
          row->values[info->uuid_col] = g_strconcat ("t", twin->uuid, NULL);
          g_ptr_array_add (rekeyed, row);
        }
      for (guint i = 0; i < rekeyed->len; i++)
        {
          row = g_ptr_array_index (rekeyed, i);
          g_hash_table_insert (theirs->by_uuid, row->uuid, row);
        }
    }
}

/* Rebuilding the state where the copies parted */

static Row *
row_from_json (CtgMerge       *self,
               CtgDocument    *doc,
               guint           t,
               sqlite3_value  *json)
{
  TableInfo *info = &self->info[t];
  sqlite3_stmt *stmt = NULL;
  Row *row = row_new (info->n_columns);

  if (sqlite3_prepare_v2 (doc->db, "SELECT key, type, value FROM json_each(?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_value (stmt, 1, json);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          int c = _ctg_merge_column_index (info, (const char *) sqlite3_column_text (stmt, 0));
          const char *type = (const char *) sqlite3_column_text (stmt, 1);

          if (c < 0)
            continue;
          g_free (row->values[c]);
          row->values[c] = encode (g_str_equal (type, "integer") ? SQLITE_INTEGER
                                   : g_str_equal (type, "real") ? SQLITE_FLOAT
                                   : g_str_equal (type, "null") ? SQLITE_NULL : SQLITE_TEXT,
                                   sqlite3_column_text (stmt, 2));
        }
    }
  sqlite3_finalize (stmt);
  row->id = row->values[info->id_col] ? g_ascii_strtoll (row->values[info->id_col] + 1, NULL, 10) : 0;
  return row;
}

gboolean
_ctg_merge_set_history_cut (GError **error)
{
  g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_UNRELATED,
                       _("The history of one of the files no longer reaches back to when the two "
                         "copies parted, so what each side changed cannot be told apart."));
  return FALSE;
}

/* Plays one transaction of @doc's journal on @snapshot, backwards (undo)
 * or forwards (redo), as ctg_document_undo() would on the file */
static gboolean
replay_on_snapshot (CtgMerge     *self,
                    CtgDocument  *doc,
                    Snapshot     *snapshot,
                    const char   *txn_uuid,
                    gboolean      undo,
                    GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (doc->db,
                           undo ? "SELECT j.tbl, j.row_id, j.op, j.field, j.old, j.new FROM journal j"
                                  " JOIN txn t ON t.id = j.txn_id WHERE t.uuid = ?1 ORDER BY j.id DESC"
                                : "SELECT j.tbl, j.row_id, j.op, j.field, j.old, j.new FROM journal j"
                                  " JOIN txn t ON t.id = j.txn_id WHERE t.uuid = ?1 ORDER BY j.id ASC",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return _ctg_document_set_sqlite_error (doc, rc, error);
  sqlite3_bind_text (stmt, 1, txn_uuid, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *op = (const char *) sqlite3_column_text (stmt, 2);
      gint64 row_id = sqlite3_column_int64 (stmt, 1);
      CtgItemKind kind;
      Table *table;

      found = TRUE;
      if (!_ctg_document_kind_from_table ((const char *) sqlite3_column_text (stmt, 0), &kind))
        continue;
      table = &snapshot->tables[kind];

      if (g_strcmp0 (op, "update") == 0)
        {
          Row *row = g_hash_table_lookup (table->by_id, &row_id);
          int c = _ctg_merge_column_index (&self->info[kind], (const char *) sqlite3_column_text (stmt, 3));

          if (row != NULL && c >= 0 && c != self->info[kind].id_col)
            {
              g_free (row->values[c]);
              row->values[c] = encode_value (sqlite3_column_value (stmt, undo ? 4 : 5));
            }
        }
      else if ((g_strcmp0 (op, "insert") == 0) == undo)
        g_hash_table_remove (table->by_id, &row_id);
      else
        {
          Row *row = row_from_json (self, doc, kind, sqlite3_column_value (stmt, undo ? 4 : 5));

          g_hash_table_replace (table->by_id, &row->id, row);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _ctg_document_set_sqlite_error (doc, rc, error);
  if (!found)
    return _ctg_merge_set_history_cut (error);
  return TRUE;
}

GPtrArray *
_ctg_merge_read_history (CtgDocument *doc)
{
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) _ctg_merge_event_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (doc->db, "SELECT state, op, txn_uuid FROM history ORDER BY id", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        Event *event = g_new0 (Event, 1);

        event->state = _ctg_document_dup_column_text (stmt, 0);
        event->op = _ctg_document_dup_column_text (stmt, 1);
        event->txn_uuid = _ctg_document_dup_column_text (stmt, 2);
        g_ptr_array_add (events, event);
      }
  sqlite3_finalize (stmt);
  return events;
}

char *
_ctg_merge_read_lineage (CtgDocument *doc)
{
  sqlite3_stmt *stmt = NULL;
  char *lineage = NULL;

  if (sqlite3_prepare_v2 (doc->db, "SELECT lineage FROM convention WHERE id = 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    lineage = _ctg_document_dup_column_text (stmt, 0);
  sqlite3_finalize (stmt);
  return lineage;
}

GHashTable *
_ctg_merge_state_set (GPtrArray *events)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < events->len; i++)
    g_hash_table_add (set, ((Event *) g_ptr_array_index (events, i))->state);
  return set;
}

/* The last state this copy went through itself that the other copy has
 * seen too, or -1 */
int
_ctg_merge_last_shared_state (GPtrArray  *events,
                              GHashTable *other)
{
  for (int i = (int) events->len - 1; i >= 0; i--)
    {
      Event *event = g_ptr_array_index (events, i);

      if (!g_str_equal (event->op, "known") && g_hash_table_contains (other, event->state))
        return i;
    }
  return -1;
}

int
_ctg_merge_find_state (GPtrArray  *events,
                       const char *state)
{
  for (guint i = 0; i < events->len; i++)
    if (g_str_equal (((Event *) g_ptr_array_index (events, i))->state, state))
      return (int) i;
  return -1;
}

/* Takes @snapshot, a copy's state, back to the state of its event @since
 * by undoing what came after, newest first */
gboolean
_ctg_merge_rewind_snapshot (CtgMerge     *self,
                            CtgDocument  *doc,
                            GPtrArray    *events,
                            int           since,
                            Snapshot     *snapshot,
                            GError      **error)
{
  for (int i = (int) events->len - 1; i > since; i--)
    {
      Event *event = g_ptr_array_index (events, i);

      if (g_str_equal (event->op, "known") || g_str_equal (event->op, "init"))
        continue;
      if (event->txn_uuid == NULL)
        return _ctg_merge_set_history_cut (error);
      if (!replay_on_snapshot (self, doc, snapshot, event->txn_uuid,
                               !g_str_equal (event->op, "undo"), error))
        return FALSE;
    }
  return TRUE;
}

/* What each side changed: dirty rows */

const char *
_ctg_merge_owner_uuid (const TableInfo *info,
                       Row             *row)
{
  if (info->owner_col < 0 || row == NULL || row->values[info->owner_col] == NULL)
    return NULL;
  return row->values[info->owner_col] + 1;
}

static void
mark_dirty (CtgMerge   *self,
            GHashTable *dirty,
            Snapshot   *side,
            guint       t,
            Row        *row)
{
  while (row != NULL && g_hash_table_add (dirty, row->uuid))
    {
      const char *owner = _ctg_merge_owner_uuid (&self->info[t], row);
      int parent = self->info[t].owner_col >= 0 ? self->info[t].ref_target[self->info[t].owner_col] : -1;

      if (owner == NULL || parent < 0)
        return;
      row = g_hash_table_lookup (side->tables[parent].by_uuid, owner);
      t = (guint) parent;
    }
}

/* The rows of @side whose subtree differs from the base: the row itself
 * changed or is new, or one of its children changed, moved, came or went.
 * A row deleted on the other side that is dirty here is a conflict. */
GHashTable *
_ctg_merge_find_dirty (CtgMerge *self,
                       Snapshot *side)
{
  GHashTable *dirty = g_hash_table_new (g_str_hash, g_str_equal);

  for (int t = N_TABLES - 1; t >= 0; t--)
    {
      TableInfo *info = &self->info[t];
      int parent = info->owner_col >= 0 ? info->ref_target[info->owner_col] : -1;
      GHashTableIter iter;
      Row *row;

      g_hash_table_iter_init (&iter, side->tables[t].by_uuid);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
        {
          Row *base = g_hash_table_lookup (self->base.tables[t].by_uuid, row->uuid);
          gboolean changed = base == NULL;
          gboolean moved = FALSE;

          for (guint c = 0; !changed && c < info->n_columns; c++)
            if (_ctg_merge_merged_column (info, (int) c) && (int) c != info->modified_col)
              changed = !_ctg_merge_same (row->values[c], base->values[c]);
          if (base != NULL && info->position_col >= 0)
            moved = !_ctg_merge_same (row->values[info->position_col], base->values[info->position_col]);

          if (changed)
            mark_dirty (self, dirty, side, (guint) t, row);
          else if (moved && parent >= 0 && _ctg_merge_owner_uuid (info, row) != NULL)
            mark_dirty (self, dirty, side, (guint) parent,
                        g_hash_table_lookup (side->tables[parent].by_uuid, _ctg_merge_owner_uuid (info, row)));
        }

      /* A child gone changes its parent */
      g_hash_table_iter_init (&iter, self->base.tables[t].by_uuid);
      while (parent >= 0 && g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
        if (!g_hash_table_contains (side->tables[t].by_uuid, row->uuid) && _ctg_merge_owner_uuid (info, row) != NULL)
          mark_dirty (self, dirty, side, (guint) parent,
                      g_hash_table_lookup (side->tables[parent].by_uuid, _ctg_merge_owner_uuid (info, row)));
    }
  return dirty;
}
