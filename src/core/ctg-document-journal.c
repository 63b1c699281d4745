/* ctg-document-journal.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Transactions, the journal kept inside the file, groups, undo and redo. */

#define G_LOG_DOMAIN "ctg-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ctg-action-private.h"
#include "ctg-date.h"
#include "ctg-document-private.h"
#include "ctg-schema.h"

/* What goes with an item when it is deleted, in the order it must go */
const CtgChildInfo _ctg_children[] = {
  { CTG_ITEM_BODY, CTG_ITEM_MEMBER, "body_id", CHILD_DELETE },
  { CTG_ITEM_BODY, CTG_ITEM_MEETING, "body_id", CHILD_NULLIFY },
  { CTG_ITEM_AXIS, CTG_ITEM_OBJECTIVE, "axis_id", CHILD_DELETE },
  { CTG_ITEM_AXIS, CTG_ITEM_SECTION, "axis_id", CHILD_DELETE },
  { CTG_ITEM_SECTION, CTG_ITEM_OBJECTIVE, "theme_id", CHILD_NULLIFY },
  { CTG_ITEM_SECTION, CTG_ITEM_OBJECTIVE, "enjeu_id", CHILD_NULLIFY },
  { CTG_ITEM_OBJECTIVE, CTG_ITEM_ACTION, "objective_id", CHILD_DELETE },
  { CTG_ITEM_ACTION, CTG_ITEM_PARTICIPANT, "action_id", CHILD_DELETE },
  { CTG_ITEM_ACTION, CTG_ITEM_STEP, "action_id", CHILD_DELETE },
  { CTG_ITEM_ACTION, CTG_ITEM_INDICATOR, "action_id", CHILD_DELETE },
  { CTG_ITEM_INDICATOR, CTG_ITEM_INDICATOR_VALUE, "indicator_id", CHILD_DELETE },
  { CTG_ITEM_ACTION, CTG_ITEM_ACTION_YEAR, "action_id", CHILD_DELETE },
  { CTG_ITEM_ACTION, CTG_ITEM_FUNDING, "action_id", CHILD_DELETE },
  { CTG_ITEM_EVALUATION_INDICATOR, CTG_ITEM_ASSESSMENT, "indicator_id", CHILD_DELETE },
  { 0, 0, NULL, 0 }
};

/* Transactions and the journal */

gboolean
_ctg_document_begin (CtgDocument  *self,
                     const char   *label,
                     GError      **error)
{
  /* Never write to a file that is no longer at its path */
  if (self->group_depth == 0)
    ctg_document_check_file (self);

  if (self->read_only)
    {
      g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_READ_ONLY,
                           self->read_only_reason ? self->read_only_reason
                                                  : _("The file is read-only: changes cannot be saved."));
      return FALSE;
    }

  if (self->group_depth == 0)
    {
      if (!_ctg_document_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->txn_action = 0;
      self->txn_start_changes = sqlite3_total_changes64 (self->db);
      self->txn_hooked_changes = 0;
      g_free (self->group_label);
      self->group_label = g_strdup (label ? label : "");
      self->group_txn = 0;
      self->group_failed = FALSE;
      self->group_changed = FALSE;
      _ctg_document_start_changes (self);
    }

  self->group_depth++;
  return TRUE;
}

/* Ends one level of nesting. @ok is FALSE when the work inside failed: the
 * whole outermost transaction is then rolled back, so an edit is never half
 * applied. */
gboolean
_ctg_document_end (CtgDocument  *self,
                   gboolean      ok,
                   GError      **error)
{
  g_assert (self->group_depth > 0);

  if (!ok)
    self->group_failed = TRUE;

  if (--self->group_depth > 0)
    return ok;

  if (self->group_failed)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_clear_pointer (&self->group_label, g_free);
      g_clear_pointer (&self->pending, ctg_change_set_unref);
      return FALSE;
    }

  if (self->group_changed && self->journal_suspended == 0)
    {
      sqlite3_stmt *stmt = _ctg_document_prepare (self, "UPDATE convention SET modified = ?1", NULL);
      g_autofree char *now = _ctg_now_iso ();

      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
          if (_ctg_document_step_done (self, stmt, NULL))
            _ctg_document_note_write (self, CTG_ITEM_CONVENTION, 1, CTG_ROW_UPDATED, "modified", CTG_SAME_PARENT);
        }
    }

  {
    int rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

    if (rc != SQLITE_OK)
      {
        /* Read the error before ROLLBACK replaces SQLite's message and errno */
        _ctg_document_set_sqlite_error (self, rc, error);
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
        g_clear_pointer (&self->group_label, g_free);
        g_clear_pointer (&self->pending, ctg_change_set_unref);
        return FALSE;
      }
  }

  g_clear_pointer (&self->group_label, g_free);
  _ctg_document_keep_actions_cache (self);
  {
    g_autoptr(CtgChangeSet) changes = _ctg_document_finish_changes (self);

    if (self->group_changed || !ctg_change_set_is_empty (changes))
      _ctg_document_emit_changed (self, changes);
  }
  return TRUE;
}

static gboolean
ensure_txn (CtgDocument  *self,
            GError      **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *now = NULL;

  self->group_changed = TRUE;

  if (self->group_txn != 0 || self->journal_suspended > 0)
    return TRUE;

  /* A new edit makes the undone ones unreachable: the redo stack goes.
   * Their journal stays, marked dropped: a merge may need to take this
   * copy back past them to where it parted from another (docs/merge.md). */
  stmt = _ctg_document_prepare (self, "UPDATE txn SET dropped = 1 WHERE undone = 1 AND dropped = 0", error);
  if (stmt == NULL || !_ctg_document_step_done (self, stmt, error))
    return FALSE;

  now = _ctg_now_iso ();
  stmt = _ctg_document_prepare (self, "INSERT INTO txn (time, label, uuid) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->group_label ? self->group_label : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, _ctg_uuid_new (), -1, g_free);
  if (!_ctg_document_step_done (self, stmt, error))
    return FALSE;

  self->group_txn = sqlite3_last_insert_rowid (self->db);
  return _ctg_document_record_history (self, "do", self->group_txn, error);
}

/**
 * _ctg_document_record_history:
 * @op: "do", "undo" or "redo"
 * @txn: the transaction done, undone or redone
 *
 * Appends the state the file is in after @op to its history, which a merge
 * reads to find where two copies parted.
 */
gboolean
_ctg_document_record_history (CtgDocument  *self,
                              const char   *op,
                              gint64        txn,
                              GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = _ctg_document_prepare (self,
                                "INSERT INTO history (state, op, txn_uuid)"
                                " SELECT ?1, ?2, uuid FROM txn WHERE id = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, _ctg_uuid_new (), -1, g_free);
  sqlite3_bind_text (stmt, 2, op, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, txn);
  return _ctg_document_step_done (self, stmt, error);
}

static char *
row_json_sql (CtgDocument *self,
              const char  *table)
{
  const char * const *columns = _ctg_document_table_columns (self, table);
  GString *sql = g_string_new ("SELECT json_object(");

  for (guint i = 0; columns[i]; i++)
    g_string_append_printf (sql, "%s'%s', %s", i ? ", " : "", columns[i], columns[i]);
  g_string_append_printf (sql, ") FROM %s WHERE id = ?1", table);
  return g_string_free (sql, FALSE);
}

static gboolean
journal_row (CtgDocument  *self,
             const char   *table,
             gint64        id,
             const char   *op,
             GError      **error)
{
  g_autofree char *json_sql = NULL;
  sqlite3_stmt *stmt;
  sqlite3_stmt *insert;
  gboolean is_insert = g_str_equal (op, "insert");

  if (!ensure_txn (self, error))
    return FALSE;
  if (self->journal_suspended > 0)
    return TRUE;

  json_sql = row_json_sql (self, table);
  stmt = _ctg_document_prepare (self, json_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return _ctg_document_set_no_such_item (error);
    }

  insert = _ctg_document_prepare (self,
                                  "INSERT INTO journal (txn_id, tbl, row_id, op, old, new)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (insert == NULL)
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_bind_int64 (insert, 1, self->group_txn);
  sqlite3_bind_text (insert, 2, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 3, id);
  sqlite3_bind_text (insert, 4, op, -1, SQLITE_STATIC);
  sqlite3_bind_value (insert, is_insert ? 6 : 5, sqlite3_column_value (stmt, 0));
  sqlite3_bind_null (insert, is_insert ? 5 : 6);
  sqlite3_reset (stmt);
  return _ctg_document_step_done (self, insert, error);
}

/* _ctg_document_note_write() for the writes here, which know the row's
 * table */
static void
note_table_write (CtgDocument *self,
                  const char  *table,
                  gint64       id,
                  CtgRowOp     op,
                  const char  *field,
                  gint64       old_parent)
{
  CtgItemKind kind;

  /* A table of ours that is no item kind: the hook's count catches it */
  if (_ctg_document_kind_from_table (table, &kind))
    _ctg_document_note_write (self, kind, id, op, field, old_parent);
}

/**
 * _ctg_document_insert:
 * @columns: (array zero-terminated=1): the columns to set
 * @values: the values, as text (SQLite stores numbers in INTEGER columns as
 *   numbers); %NULL for SQL NULL
 *
 * Inserts a row and journals it. Must run inside _ctg_document_begin().
 */
gint64
_ctg_document_insert (CtgDocument        *self,
                      const char         *table,
                      const char * const *columns,
                      const char * const *values,
                      GError            **error)
{
  GString *sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  CtgItemKind kind;
  gint64 id;
  guint n = 0;

  gboolean new_uuid;

  g_assert (self->group_depth > 0);

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (n = 0; columns[n]; n++)
    g_string_append_printf (sql, "%s%s", n ? ", " : "", columns[n]);
  /* Every row has its identity from the start, unless the caller (a
   * merge) brings the one it has in another copy */
  new_uuid = _ctg_document_table_has_column (self, table, "uuid") &&
             !g_strv_contains ((const char * const *) columns, "uuid");
  if (new_uuid)
    g_string_append_printf (sql, "%suuid", n ? ", " : "");
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < n + (new_uuid ? 1 : 0); i++)
    g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
  g_string_append (sql, ")");

  stmt = _ctg_document_prepare (self, sql->str, error);
  g_string_free (sql, TRUE);
  if (stmt == NULL)
    return 0;

  for (guint i = 0; i < n; i++)
    _ctg_document_bind_text_or_null (stmt, (int) i + 1, values[i]);
  if (new_uuid)
    sqlite3_bind_text (stmt, (int) n + 1, _ctg_uuid_new (), -1, g_free);
  if (!_ctg_document_step_done (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (self->db);
  if (_ctg_document_kind_from_table (table, &kind))
    {
      gint64 parent = _ctg_kinds[kind].parent != NULL ? 0 : CTG_SAME_PARENT;

      for (guint i = 0; i < n && _ctg_kinds[kind].parent != NULL; i++)
        if (g_str_equal (columns[i], _ctg_kinds[kind].parent))
          parent = values[i] != NULL ? g_ascii_strtoll (values[i], NULL, 10) : 0;
      _ctg_document_note_row_write (self,
                                    &(CtgRowChange) {
                                      .kind = kind,
                                      .id = id,
                                      .parent_id = parent == CTG_SAME_PARENT ? 0 : parent,
                                      .old_parent_id = CTG_SAME_PARENT,
                                      .op = CTG_ROW_INSERTED,
                                    },
                                    NULL);
    }
  if (!journal_row (self, table, id, "insert", error))
    return 0;
  return id;
}

/**
 * _ctg_document_update:
 *
 * Sets one column of one row and journals the old and new values. Setting
 * the value it already has changes and journals nothing.
 */
gboolean
_ctg_document_update (CtgDocument  *self,
                      const char   *table,
                      gint64        id,
                      const char   *column,
                      const char   *value,
                      GError      **error)
{
  g_autofree char *select_sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", column, table);
  g_autofree char *update_sql = g_strdup_printf ("UPDATE %s SET %s = ?2 WHERE id = ?1", table, column);
  sqlite3_stmt *select;
  sqlite3_stmt *update;
  sqlite3_stmt *journal;
  sqlite3_value *old_value = NULL;
  gint64 old_parent = CTG_SAME_PARENT;
  CtgItemKind kind;
  gboolean ok;

  g_assert (self->group_depth > 0);

  select = _ctg_document_prepare (self, select_sql, error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, id);
  if (sqlite3_step (select) != SQLITE_ROW)
    {
      sqlite3_reset (select);
      return _ctg_document_set_no_such_item (error);
    }

  if (sqlite3_column_type (select, 0) == SQLITE_NULL
      ? value == NULL
      : value != NULL && g_strcmp0 ((const char *) sqlite3_column_text (select, 0), value) == 0)
    {
      sqlite3_reset (select);
      return TRUE;
    }
  old_value = sqlite3_value_dup (sqlite3_column_value (select, 0));
  sqlite3_reset (select);
  if (_ctg_document_kind_from_table (table, &kind) && g_strcmp0 (_ctg_kinds[kind].parent, column) == 0)
    old_parent = sqlite3_value_int64 (old_value);

  update = _ctg_document_prepare (self, update_sql, error);
  if (update == NULL)
    {
      sqlite3_value_free (old_value);
      return FALSE;
    }
  sqlite3_bind_int64 (update, 1, id);
  _ctg_document_bind_text_or_null (update, 2, value);
  if (!_ctg_document_step_done (self, update, error) || !ensure_txn (self, error))
    {
      sqlite3_value_free (old_value);
      return FALSE;
    }
  note_table_write (self, table, id, CTG_ROW_UPDATED, column, old_parent);

  if (self->journal_suspended > 0)
    {
      sqlite3_value_free (old_value);
      return TRUE;
    }

  journal = _ctg_document_prepare (self,
                                   "INSERT INTO journal (txn_id, tbl, row_id, op, field, old, new)"
                                   " VALUES (?1, ?2, ?3, 'update', ?4, ?5, ?6)", error);
  if (journal == NULL)
    {
      sqlite3_value_free (old_value);
      return FALSE;
    }

  /* Read the new value back as SQLite stored it, with its type */
  select = _ctg_document_prepare (self, select_sql, error);
  sqlite3_bind_int64 (select, 1, id);
  sqlite3_step (select);

  sqlite3_bind_int64 (journal, 1, self->group_txn);
  sqlite3_bind_text (journal, 2, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (journal, 3, id);
  sqlite3_bind_text (journal, 4, column, -1, SQLITE_STATIC);
  sqlite3_bind_value (journal, 5, old_value);
  sqlite3_bind_value (journal, 6, sqlite3_column_value (select, 0));
  ok = _ctg_document_step_done (self, journal, error);
  sqlite3_reset (select);
  sqlite3_value_free (old_value);
  return ok;
}

gboolean
_ctg_document_delete_row (CtgDocument  *self,
                          CtgItemKind   kind,
                          gint64        id,
                          GError      **error)
{
  const char *table = _ctg_kinds[kind].table;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  for (guint i = 0; _ctg_children[i].column != NULL; i++)
    {
      g_autofree char *select_sql = NULL;
      g_autoptr(GArray) ids = NULL;

      if (_ctg_children[i].parent != kind)
        continue;

      select_sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1",
                                    _ctg_kinds[_ctg_children[i].child].table, _ctg_children[i].column);
      ids = _ctg_document_query_ids (self, select_sql, id, error);
      if (ids == NULL)
        return FALSE;

      for (guint j = 0; j < ids->len; j++)
        {
          gint64 child_id = g_array_index (ids, gint64, j);
          gboolean ok;

          if (_ctg_children[i].mode == CHILD_DELETE)
            ok = _ctg_document_delete_row (self, _ctg_children[i].child, child_id, error);
          else
            ok = _ctg_document_update (self, _ctg_kinds[_ctg_children[i].child].table, child_id,
                                       _ctg_children[i].column, NULL, error);
          if (!ok)
            return FALSE;
        }
    }

  if (!journal_row (self, table, id, "delete", error))
    return FALSE;
  _ctg_document_note_write (self, kind, id, CTG_ROW_REMOVED, NULL, CTG_SAME_PARENT);

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);
  stmt = _ctg_document_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _ctg_document_step_done (self, stmt, error);
}

void
_ctg_document_suspend_journal (CtgDocument *self)
{
  self->journal_suspended++;
}

void
_ctg_document_resume_journal (CtgDocument *self)
{
  g_assert (self->journal_suspended > 0);
  self->journal_suspended--;
}

/* Groups */

/**
 * ctg_document_begin_group:
 * @label: what the user does, as Undo will name it: its English source
 *   text, marked N_("Change pilots"), translated when it is shown
 *
 * Starts a group of edits that are committed together by
 * ctg_document_end_group() and undone together. Groups nest.
 */
gboolean
ctg_document_begin_group (CtgDocument  *self,
                          const char   *label,
                          GError      **error)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  return _ctg_document_begin (self, label, error);
}

gboolean
ctg_document_end_group (CtgDocument  *self,
                        GError      **error)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->group_depth > 0, FALSE);

  return _ctg_document_end (self, TRUE, error);
}

/**
 * ctg_document_cancel_group:
 *
 * Ends a group and drops every edit made in it, so the file is as before
 * ctg_document_begin_group().
 */
void
ctg_document_cancel_group (CtgDocument *self)
{
  g_return_if_fail (CTG_IS_DOCUMENT (self));
  g_return_if_fail (self->group_depth > 0);

  _ctg_document_end (self, FALSE, NULL);
}

/* Undo and redo */

static gint64
find_txn (CtgDocument *self,
          gboolean     undone)
{
  return _ctg_document_query_int (self,
                                  undone ? "SELECT min(id) FROM txn WHERE undone = 1 AND dropped = 0"
                                         : "SELECT max(id) FROM txn WHERE undone = 0",
                                  0, 0, 0);
}

gboolean
ctg_document_can_undo (CtgDocument *self)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  return !self->read_only && find_txn (self, FALSE) != 0;
}

gboolean
ctg_document_can_redo (CtgDocument *self)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  return !self->read_only && find_txn (self, TRUE) != 0;
}

/* Between a label's English source and its argument, in the file */
#define LABEL_ARGUMENT_SEPARATOR '\x1f'

/**
 * _ctg_document_merge_label:
 * @copy: the name of the copy merged, as typed
 *
 * Returns: (transfer full): the label of a merge's step as it is stored:
 *   its English source and the copy's name, translated when shown as the
 *   other steps' labels are
 */
char *
_ctg_document_merge_label (const char *copy)
{
  return g_strdup_printf ("%s%c%s", CTG_MERGE_LABEL, LABEL_ARGUMENT_SEPARATOR, copy);
}

/**
 * _ctg_document_record_year_label:
 * @year: the year whose statuses are recorded
 * @n_actions: how many actions they are
 *
 * Record Statuses covers every action: its label says the year and how
 * many, never one action of them.
 *
 * Returns: (transfer full): the label of Record Statuses' step as it is
 *   stored: its English source, the year and the number of actions,
 *   translated when shown
 */
char *
_ctg_document_record_year_label (guint year,
                                 guint n_actions)
{
  return g_strdup_printf ("%s%c%u %u", CTG_RECORD_YEAR_LABEL, LABEL_ARGUMENT_SEPARATOR, year, n_actions);
}

/* "Record the statuses of 2025 (219 actions)" from the arguments stored
 * after CTG_RECORD_YEAR_LABEL, "2025 219"; the label alone if they are not
 * two numbers */
static char *
shown_record_year_label (const char *arguments)
{
  g_auto(GStrv) parts = g_strsplit (arguments, " ", 3);
  guint64 year, n;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1900, 2200, &year, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT, &n, NULL))
    return g_strdup (_("Record the year’s statuses"));

  /* Translators: the undo step of Record Statuses on the Évaluation page,
   * which covers every action, as in: Record the statuses of 2025 (219 actions) */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Record the statuses of %u (%u action)",
                                       "Record the statuses of %u (%u actions)", (gulong) n),
                          (guint) year, (guint) n);
}

/* A step's label is stored as its English source text (N_() at every
 * _ctg_document_begin()), so that a file edited in French shows its history
 * in English to an English reader and the other way round; it is
 * translated here, when shown. A merge's label holds the copy's name after
 * its source (_ctg_document_merge_label()), Record Statuses' its year and
 * number of actions (_ctg_document_record_year_label()). Files of earlier versions
 * stored the translation itself, or a merge's label whole: those have no
 * entry in the catalogue and come back as stored. */
static char *
shown_label (char *stored)
{
  char *separator;
  char *shown;

  if (stored == NULL || stored[0] == '\0')
    return stored;
  separator = strchr (stored, LABEL_ARGUMENT_SEPARATOR);
  if (separator != NULL)
    {
      *separator = '\0';
      /* Only a format the program knows, never one read from the file */
      if (g_str_equal (stored, CTG_MERGE_LABEL))
        /* Translators: the undo step of a merge, as in: Merge “copie-caf.ctg” */
        shown = g_strdup_printf (_("Merge “%s”"), separator + 1);
      else if (g_str_equal (stored, CTG_RECORD_YEAR_LABEL))
        shown = shown_record_year_label (separator + 1);
      else
        {
          *separator = ' ';
          shown = g_strdup (stored);
        }
    }
  else
    shown = g_strdup (g_dgettext (GETTEXT_PACKAGE, stored));
  g_free (stored);
  return shown;
}

static char *
txn_label (CtgDocument *self,
           gint64       id)
{
  return shown_label (_ctg_document_query_text (self, "SELECT label FROM txn WHERE id = ?1", id));
}

/**
 * ctg_document_dup_undo_label:
 *
 * Returns: (nullable): what Undo would undo, or %NULL when nothing
 */
char *
ctg_document_dup_undo_label (CtgDocument *self)
{
  gint64 id = find_txn (self, FALSE);

  return id ? txn_label (self, id) : NULL;
}

/**
 * ctg_document_list_undo_changes:
 *
 * Returns: (transfer full) (element-type CtgChange): the changes Undo would
 *   undo now, so that what was undone can be said in words
 */
GPtrArray *
ctg_document_list_undo_changes (CtgDocument *self)
{
  gint64 id = find_txn (self, FALSE);
  g_autofree char *time = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_change_free);

  if (id == 0)
    return changes;
  time = _ctg_document_query_text (self, "SELECT time FROM txn WHERE id = ?1", id);

  /* The journal from that time on, which is that edit and little else */
  all = ctg_document_list_changes (self, time, 0);
  for (guint i = 0; i < all->len; i++)
    if (((CtgChange *) g_ptr_array_index (all, i))->txn_id == id)
      g_ptr_array_add (changes, g_steal_pointer (&g_ptr_array_index (all, i)));
  return changes;
}

char *
ctg_document_dup_redo_label (CtgDocument *self)
{
  gint64 id = find_txn (self, TRUE);

  return id ? txn_label (self, id) : NULL;
}

static gboolean
restore_row (CtgDocument    *self,
             const char     *table,
             gint64          id,
             sqlite3_value  *json,
             GError        **error)
{
  const char * const *columns = _ctg_document_table_columns (self, table);
  GString *sql = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (guint i = 0; columns[i]; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", columns[i]);
  g_string_append (sql, ") SELECT ");
  for (guint i = 0; columns[i]; i++)
    g_string_append_printf (sql, "%sjson_extract(?1, '$.%s')", i ? ", " : "", columns[i]);

  stmt = _ctg_document_prepare (self, sql->str, error);
  g_string_free (sql, TRUE);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_value (stmt, 1, json);
  if (!_ctg_document_step_done (self, stmt, error))
    return FALSE;
  note_table_write (self, table, id, CTG_ROW_INSERTED, NULL, CTG_SAME_PARENT);
  return TRUE;
}

/* Steps @stmt, which writes one row by its id: an error if there is none */
static gboolean
step_one_row (CtgDocument   *self,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  if (!_ctg_document_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    return _ctg_document_set_no_such_item (error);
  return TRUE;
}

static gboolean
remove_row (CtgDocument  *self,
            const char   *table,
            gint64        id,
            GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);
  sqlite3_stmt *stmt = _ctg_document_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  note_table_write (self, table, id, CTG_ROW_REMOVED, NULL, CTG_SAME_PARENT);
  sqlite3_bind_int64 (stmt, 1, id);
  return step_one_row (self, stmt, error);
}

static gboolean
set_column (CtgDocument    *self,
            const char     *table,
            gint64          id,
            const char     *column,
            sqlite3_value  *value,
            GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?2 WHERE id = ?1", table, column);
  sqlite3_stmt *stmt = _ctg_document_prepare (self, sql, error);
  gint64 old_parent = CTG_SAME_PARENT;
  CtgItemKind kind;

  if (stmt == NULL)
    return FALSE;
  if (_ctg_document_kind_from_table (table, &kind) && g_strcmp0 (_ctg_kinds[kind].parent, column) == 0)
    old_parent = _ctg_document_get_parent (self, kind, id);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_value (stmt, 2, value);
  if (!step_one_row (self, stmt, error))
    return FALSE;
  note_table_write (self, table, id, CTG_ROW_UPDATED, column, old_parent);
  return TRUE;
}

/* The last column: the action an inserted or deleted row belonged to */
#define REPLAY_COLUMNS \
  "tbl, row_id, op, field, old, new," \
  " CASE WHEN op <> 'update' AND json_valid(coalesce(new, old))" \
  " THEN json_extract(coalesce(new, old), '$.action_id') END"

/* The one action whose own data a journal entry changes, without moving
 * it in the plan, or 0 */
static gint64
replayed_action (CtgDocument *self,
                 const char  *table,
                 gint64       row_id,
                 const char  *op,
                 const char  *field,
                 gint64       row_action)
{
  gboolean update = g_strcmp0 (op, "update") == 0;

  if (g_strcmp0 (table, "action") == 0)
    return update && g_strcmp0 (field, "position") != 0 && g_strcmp0 (field, "objective_id") != 0 ? row_id : 0;
  if (g_strcmp0 (table, "participant") != 0 && g_strcmp0 (table, "funding") != 0)
    return 0;
  if (!update)
    return row_action;
  if (g_strcmp0 (field, "action_id") == 0)
    return 0;
  return ctg_document_get_int (self, g_str_equal (table, "participant") ? CTG_ITEM_PARTICIPANT : CTG_ITEM_FUNDING,
                               row_id, "action_id", 0);
}

/* Plays the journal of one transaction backwards (undo) or forwards (redo).
 * Table and column names come from the file, so they are checked against
 * our own schema before they go near any SQL. */
static gboolean
replay_txn (CtgDocument  *self,
            gboolean      undo,
            GError      **error)
{
  gint64 txn = find_txn (self, !undo);
  sqlite3_stmt *entries = NULL;
  sqlite3_stmt *mark;
  gboolean ok = TRUE;
  int rc;

  if (txn == 0)
    {
      g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NOTHING_TO_UNDO,
                           undo ? _("There is nothing to undo.") : _("There is nothing to redo."));
      return FALSE;
    }

  if (!_ctg_document_begin (self, NULL, error))
    return FALSE;

  /* Not cached: the replay may prepare statements of its own meanwhile */
  rc = sqlite3_prepare_v2 (self->db,
                           undo ? "SELECT " REPLAY_COLUMNS " FROM journal WHERE txn_id = ?1 ORDER BY id DESC"
                                : "SELECT " REPLAY_COLUMNS " FROM journal WHERE txn_id = ?1 ORDER BY id ASC",
                           -1, &entries, NULL);
  if (rc != SQLITE_OK)
    {
      _ctg_document_set_sqlite_error (self, rc, error);
      return _ctg_document_end (self, FALSE, NULL);
    }
  sqlite3_bind_int64 (entries, 1, txn);

  while (ok && (rc = sqlite3_step (entries)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (entries, 0);
      gint64 row_id = sqlite3_column_int64 (entries, 1);
      const char *op = (const char *) sqlite3_column_text (entries, 2);
      const char *field = (const char *) sqlite3_column_text (entries, 3);
      sqlite3_value *old_value = sqlite3_column_value (entries, 4);
      sqlite3_value *new_value = sqlite3_column_value (entries, 5);
      gint64 previous_edit;
      CtgItemKind kind;

      if (!_ctg_document_kind_from_table (table, &kind) || (kind == CTG_ITEM_CONVENTION && g_strcmp0 (op, "update") != 0))
        {
          g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DAMAGED,
                               _("The history of changes in this file is damaged."));
          ok = FALSE;
        }
      else
        {
          previous_edit = _ctg_document_begin_action_edit (self, replayed_action (self, table, row_id, op, field,
                                                                    sqlite3_column_int64 (entries, 6)));
          if (g_strcmp0 (op, "update") == 0)
            {
              if (!_ctg_document_table_has_column (self, table, field) || g_str_equal (field, "id"))
                {
                  g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DAMAGED,
                                       _("The history of changes in this file is damaged."));
                  ok = FALSE;
                }
              else
                ok = set_column (self, table, row_id, field, undo ? old_value : new_value, error);
            }
          else if ((g_strcmp0 (op, "insert") == 0) == undo)
            ok = remove_row (self, table, row_id, error);
          else
            ok = restore_row (self, table, row_id, undo ? old_value : new_value, error);
          _ctg_document_end_action_edit (self, previous_edit);
        }
    }
  if (ok && rc != SQLITE_DONE)
    ok = _ctg_document_set_sqlite_error (self, rc, error);
  sqlite3_finalize (entries);

  if (ok)
    {
      mark = _ctg_document_prepare (self, "UPDATE txn SET undone = ?2 WHERE id = ?1", error);
      ok = mark != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (mark, 1, txn);
          sqlite3_bind_int (mark, 2, undo ? 1 : 0);
          ok = _ctg_document_step_done (self, mark, error);
        }
    }
  /* Rows journaled before v3 come back without the uuid they had since */
  if (ok)
    ok = _ctg_schema_fill_identities (self->db, FALSE, error) &&
         _ctg_document_record_history (self, undo ? "undo" : "redo", txn, error);

  /* Nothing of the replay is journaled, but the window must still refresh */
  self->group_changed = TRUE;
  self->journal_suspended++;
  ok = _ctg_document_end (self, ok, ok ? error : NULL);
  self->journal_suspended--;
  return ok;
}

/**
 * ctg_document_undo:
 *
 * Undoes the last edit (or group of edits), even one made before the file
 * was last closed.
 */
gboolean
ctg_document_undo (CtgDocument  *self,
                   GError      **error)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  return replay_txn (self, TRUE, error);
}

gboolean
ctg_document_redo (CtgDocument  *self,
                   GError      **error)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  return replay_txn (self, FALSE, error);
}

void
ctg_change_free (CtgChange *change)
{
  if (change == NULL)
    return;
  g_free (change->time);
  g_free (change->label);
  g_free (change->op);
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

char *
_ctg_document_dup_column_text (sqlite3_stmt *stmt,
                               int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/**
 * ctg_document_list_changes:
 * @since: (nullable): an ISO 8601 date or time ("2025-03-01"); %NULL for all
 * @action_id: only the changes of this action (its fields, pilots, steps,
 *   indicators), or 0 for every change
 *
 * Returns: (transfer full) (element-type CtgChange): the changes still in
 *   effect (not undone), oldest first
 */
GPtrArray *
ctg_document_list_changes (CtgDocument *self,
                           const char  *since,
                           gint64       action_id)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_change_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), changes);

  /* The action a row belongs to: itself, its action_id, or its indicator's */
  stmt = _ctg_document_prepare (self,
    "SELECT t.id, t.time, t.label, j.tbl, j.row_id, j.op, j.field, j.old, j.new,"
    " CASE"
    "  WHEN j.tbl = 'action' THEN j.row_id"
    "  WHEN j.tbl IN ('participant', 'step', 'indicator', 'action_year', 'funding') THEN"
    "   coalesce(CASE WHEN j.op <> 'update' THEN json_extract(coalesce(j.new, j.old), '$.action_id') END,"
    "            (SELECT action_id FROM participant WHERE j.tbl = 'participant' AND id = j.row_id),"
    "            (SELECT action_id FROM step WHERE j.tbl = 'step' AND id = j.row_id),"
    "            (SELECT action_id FROM indicator WHERE j.tbl = 'indicator' AND id = j.row_id),"
    "            (SELECT action_id FROM action_year WHERE j.tbl = 'action_year' AND id = j.row_id),"
    "            (SELECT action_id FROM funding WHERE j.tbl = 'funding' AND id = j.row_id))"
    "  WHEN j.tbl = 'indicator_value' THEN"
    "   (SELECT action_id FROM indicator WHERE id = coalesce("
    "      CASE WHEN j.op <> 'update' THEN json_extract(coalesce(j.new, j.old), '$.indicator_id') END,"
    "      (SELECT indicator_id FROM indicator_value WHERE id = j.row_id)))"
    "  ELSE 0 END AS action_id"
    " FROM journal j JOIN txn t ON t.id = j.txn_id"
    " WHERE t.undone = 0 AND (?1 IS NULL OR t.time >= ?1)"
    " ORDER BY j.id",
    NULL);
  if (stmt == NULL)
    return changes;

  _ctg_document_bind_text_or_null (stmt, 1, since);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CtgChange *change;
      CtgItemKind kind;
      gint64 owner = sqlite3_column_int64 (stmt, 9);

      if (action_id != 0 && owner != action_id)
        continue;
      if (!_ctg_document_kind_from_table ((const char *) sqlite3_column_text (stmt, 3), &kind))
        continue;

      change = g_new0 (CtgChange, 1);
      change->txn_id = sqlite3_column_int64 (stmt, 0);
      change->time = _ctg_document_dup_column_text (stmt, 1);
      change->label = shown_label (_ctg_document_dup_column_text (stmt, 2));
      change->kind = kind;
      change->item_id = sqlite3_column_int64 (stmt, 4);
      change->op = _ctg_document_dup_column_text (stmt, 5);
      change->field = _ctg_document_dup_column_text (stmt, 6);
      change->old_value = _ctg_document_dup_column_text (stmt, 7);
      change->new_value = _ctg_document_dup_column_text (stmt, 8);
      change->action_id = owner;
      g_ptr_array_add (changes, change);
    }
  sqlite3_reset (stmt);

  return changes;
}
