/* ctg-document.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

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

struct _CtgDocument
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  char        *read_only_reason;
  GHashTable  *statements;   /* SQL -> sqlite3_stmt, finalized with the document */
  GHashTable  *columns;      /* table -> GStrv of its columns, from the verified schema */

  /* The descriptor on the file that holds our advisory lock. It stays open
   * until SQLite has closed the file: closing any descriptor on a file drops
   * every POSIX lock this process holds on it, SQLite's included. */
  int          lock_fd;
  dev_t        dev;
  ino_t        ino;

  int          group_depth;
  char        *group_label;
  gint64       group_txn;
  gboolean     group_failed;
  gboolean     group_changed;
  guint        journal_suspended;

  /* Every action as last read, shared by the window, its pages and the
   * report, which all list them after each change: valid while neither this
   * connection (total_changes) nor another process (data_version) wrote */
  GPtrArray   *actions_cache;
  gint64       actions_cache_changes;
  gint64       actions_cache_data_version;

  /* What the transaction under way did to the actions' snapshots, from
   * SQLite's update hook: an edit that changed one action only (its fields,
   * participants or funding, never its place in the plan) patches that
   * action in the cache at commit instead of dropping the cache */
  gint64       edit_action;         /* the action the running edit declared, or 0 */
  gint64       txn_action;          /* 0: no snapshot touched, > 0: that action only, -1: anything */
  gint64       txn_start_changes;   /* total_changes at BEGIN */
  gint64       txn_hooked_changes;  /* rows the update hook saw since BEGIN */

  guint        read_only : 1;
};

G_DEFINE_FINAL_TYPE (CtgDocument, ctg_document, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void keep_actions_cache (CtgDocument *self);
static gint64 data_version (CtgDocument *self);

typedef struct
{
  const char *table;
  const char *parent;     /* the column naming the parent item, if any */
  const char *order;      /* ORDER BY among siblings */
} KindInfo;

static const KindInfo kinds[CTG_N_ITEM_KINDS] = {
  [CTG_ITEM_CONVENTION]      = { "convention", NULL, "id" },
  [CTG_ITEM_SIGNATORY]       = { "signatory", NULL, "position, id" },
  [CTG_ITEM_BODY]            = { "body", NULL, "position, id" },
  [CTG_ITEM_MEMBER]          = { "member", "body_id", "position, id" },
  [CTG_ITEM_MEETING]         = { "meeting", NULL, "date IS NULL, date, position, id" },
  [CTG_ITEM_AXIS]            = { "axis", NULL, "position, id" },
  [CTG_ITEM_SECTION]         = { "section", "axis_id", "position, id" },
  [CTG_ITEM_OBJECTIVE]       = { "objective", "axis_id", "position, id" },
  [CTG_ITEM_ACTION]          = { "action", "objective_id", "position, id" },
  [CTG_ITEM_PARTICIPANT]     = { "participant", "action_id", "relation DESC, position, id" },
  [CTG_ITEM_STEP]            = { "step", "action_id", "position, id" },
  [CTG_ITEM_INDICATOR]       = { "indicator", "action_id", "position, id" },
  [CTG_ITEM_INDICATOR_VALUE] = { "indicator_value", "indicator_id", "year, id" },
  [CTG_ITEM_ACTION_YEAR]     = { "action_year", "action_id", "year, id" },
  [CTG_ITEM_FUNDING]         = { "funding", "action_id", "position, id" },
  [CTG_ITEM_EVALUATION_INDICATOR] = { "evaluation_indicator", NULL, "position, id" },
  [CTG_ITEM_ASSESSMENT]      = { "evaluation_assessment", "indicator_id", "year, id" },
};

typedef enum
{
  CHILD_DELETE,
  CHILD_NULLIFY,
} ChildMode;

/* What goes with an item when it is deleted, in the order it must go */
static const struct {
  CtgItemKind parent;
  CtgItemKind child;
  const char *column;
  ChildMode   mode;
} children[] = {
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
};

typedef enum
{
  FIELD_TEXT,
  FIELD_DATE,
  FIELD_STATUS,
  FIELD_PROGRESS,
  FIELD_BOOL,
  FIELD_BODY_KIND,
  FIELD_PARTICIPANT_KIND,
  FIELD_BODY_REF,
  FIELD_SECTION_REF,
  FIELD_AMOUNT,
  FIELD_YEAR,
  FIELD_FUNDER,
  FIELD_LEVEL,
  FIELD_STATUS_OR_NONE,
} FieldType;

/* The fields ctg_document_set() may change */
static const struct {
  CtgItemKind kind;
  const char *field;
  FieldType   type;
} editable_fields[] = {
  { CTG_ITEM_CONVENTION, "title", FIELD_TEXT },
  { CTG_ITEM_CONVENTION, "territory", FIELD_TEXT },
  { CTG_ITEM_CONVENTION, "caf", FIELD_TEXT },
  { CTG_ITEM_CONVENTION, "period_start", FIELD_DATE },
  { CTG_ITEM_CONVENTION, "period_end", FIELD_DATE },
  { CTG_ITEM_CONVENTION, "signed_on", FIELD_DATE },
  { CTG_ITEM_CONVENTION, "description", FIELD_TEXT },
  { CTG_ITEM_SIGNATORY, "organisation", FIELD_TEXT },
  { CTG_ITEM_SIGNATORY, "representative", FIELD_TEXT },
  { CTG_ITEM_SIGNATORY, "role", FIELD_TEXT },
  { CTG_ITEM_BODY, "name", FIELD_TEXT },
  { CTG_ITEM_BODY, "kind", FIELD_BODY_KIND },
  { CTG_ITEM_BODY, "description", FIELD_TEXT },
  { CTG_ITEM_MEMBER, "name", FIELD_TEXT },
  { CTG_ITEM_MEMBER, "role", FIELD_TEXT },
  { CTG_ITEM_MEMBER, "organisation", FIELD_TEXT },
  { CTG_ITEM_MEETING, "body_id", FIELD_BODY_REF },
  { CTG_ITEM_MEETING, "date", FIELD_DATE },
  { CTG_ITEM_MEETING, "title", FIELD_TEXT },
  { CTG_ITEM_MEETING, "notes", FIELD_TEXT },
  { CTG_ITEM_AXIS, "code", FIELD_TEXT },
  { CTG_ITEM_AXIS, "title", FIELD_TEXT },
  { CTG_ITEM_AXIS, "description", FIELD_TEXT },
  { CTG_ITEM_SECTION, "title", FIELD_TEXT },
  { CTG_ITEM_SECTION, "description", FIELD_TEXT },
  { CTG_ITEM_OBJECTIVE, "theme_id", FIELD_SECTION_REF },
  { CTG_ITEM_OBJECTIVE, "enjeu_id", FIELD_SECTION_REF },
  { CTG_ITEM_OBJECTIVE, "code", FIELD_TEXT },
  { CTG_ITEM_OBJECTIVE, "title", FIELD_TEXT },
  { CTG_ITEM_OBJECTIVE, "description", FIELD_TEXT },
  { CTG_ITEM_ACTION, "code", FIELD_TEXT },
  { CTG_ITEM_ACTION, "title", FIELD_TEXT },
  { CTG_ITEM_ACTION, "description", FIELD_TEXT },
  { CTG_ITEM_ACTION, "start", FIELD_DATE },
  { CTG_ITEM_ACTION, "echeance", FIELD_DATE },
  { CTG_ITEM_ACTION, "status", FIELD_STATUS },
  { CTG_ITEM_ACTION, "progress", FIELD_PROGRESS },
  { CTG_ITEM_ACTION, "means", FIELD_TEXT },
  { CTG_ITEM_ACTION, "notes", FIELD_TEXT },
  { CTG_ITEM_PARTICIPANT, "name", FIELD_TEXT },
  { CTG_ITEM_PARTICIPANT, "kind", FIELD_PARTICIPANT_KIND },
  { CTG_ITEM_PARTICIPANT, "role", FIELD_TEXT },
  { CTG_ITEM_STEP, "text", FIELD_TEXT },
  { CTG_ITEM_STEP, "date", FIELD_DATE },
  { CTG_ITEM_STEP, "done", FIELD_BOOL },
  { CTG_ITEM_INDICATOR, "name", FIELD_TEXT },
  { CTG_ITEM_INDICATOR, "target", FIELD_TEXT },
  { CTG_ITEM_INDICATOR_VALUE, "value", FIELD_TEXT },
  { CTG_ITEM_ACTION, "continuous", FIELD_BOOL },
  { CTG_ITEM_ACTION, "budget", FIELD_AMOUNT },
  { CTG_ITEM_ACTION, "budget_year", FIELD_YEAR },
  { CTG_ITEM_ACTION_YEAR, "done", FIELD_TEXT },
  { CTG_ITEM_ACTION_YEAR, "difficulties", FIELD_TEXT },
  { CTG_ITEM_ACTION_YEAR, "next_steps", FIELD_TEXT },
  { CTG_ITEM_ACTION_YEAR, "status", FIELD_STATUS_OR_NONE },
  { CTG_ITEM_ACTION_YEAR, "progress", FIELD_PROGRESS },
  { CTG_ITEM_FUNDING, "funder", FIELD_FUNDER },
  { CTG_ITEM_FUNDING, "name", FIELD_TEXT },
  { CTG_ITEM_FUNDING, "amount", FIELD_AMOUNT },
  { CTG_ITEM_EVALUATION_INDICATOR, "name", FIELD_TEXT },
  { CTG_ITEM_EVALUATION_INDICATOR, "description", FIELD_TEXT },
  { CTG_ITEM_ASSESSMENT, "level", FIELD_LEVEL },
  { CTG_ITEM_ASSESSMENT, "value", FIELD_TEXT },
  { CTG_ITEM_ASSESSMENT, "comment", FIELD_TEXT },
};

/* The longest text a field takes: far beyond any real use, well within memory */
#define MAX_TEXT_LENGTH (1024 * 1024)

/* Files open in this process, by device and inode: a second open must not
 * even create a descriptor on them (see lock_fd). */
static GMutex open_files_lock;
static GHashTable *open_files;

static char *
file_key (dev_t dev,
          ino_t ino)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                          (guint64) dev, (guint64) ino);
}

static gboolean
claim_file (dev_t dev,
            ino_t ino)
{
  g_autofree char *key = file_key (dev, ino);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&open_files_lock);

  if (open_files == NULL)
    open_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_contains (open_files, key))
    return FALSE;
  g_hash_table_add (open_files, g_steal_pointer (&key));
  return TRUE;
}

static void
release_file (dev_t dev,
              ino_t ino)
{
  g_autofree char *key = file_key (dev, ino);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&open_files_lock);

  if (open_files != NULL)
    g_hash_table_remove (open_files, key);
}

char *
_ctg_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

const char *
ctg_item_kind_to_table (CtgItemKind kind)
{
  g_return_val_if_fail (kind < CTG_N_ITEM_KINDS, NULL);

  return kinds[kind].table;
}

static gboolean
kind_from_table (const char  *table,
                 CtgItemKind *kind)
{
  for (guint i = 0; table != NULL && i < CTG_N_ITEM_KINDS; i++)
    {
      if (g_str_equal (kinds[i].table, table))
        {
          *kind = (CtgItemKind) i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Errors */

/* SQLite does not always keep the errno of a failed write: look for
 * ourselves whether the disk is full or the file at its size limit */
static gboolean
out_of_space (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statvfs fs;
  struct rlimit limit;
  struct stat st;

  if (statvfs (dir, &fs) == 0 && (guint64) fs.f_bavail * fs.f_frsize < 1024 * 1024)
    return TRUE;
  if (getrlimit (RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
      g_stat (path, &st) == 0 && (guint64) st.st_size + 64 * 1024 >= (guint64) limit.rlim_cur)
    return TRUE;
  return FALSE;
}

gboolean
_ctg_document_set_sqlite_error (CtgDocument  *self,
                                int           rc,
                                GError      **error)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  int system_errno = self->db ? sqlite3_system_errno (self->db) : 0;

  /* SQLite says SQLITE_FULL only for ENOSPC; a quota or a file size limit
   * is the same thing to the user */
  if ((rc & 0xff) == SQLITE_IOERR &&
      (system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT ||
       (self->path != NULL && out_of_space (self->path))))
    rc = SQLITE_FULL;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DISK_FULL,
                           _("The disk is full: the change could not be saved. "
                             "Free some space and try again."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DAMAGED,
                           _("The file is damaged and cannot be read."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_READ_ONLY,
                           _("The file is read-only: changes cannot be saved."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_ALREADY_OPEN,
                           _("The file is busy in another program. Try again in a moment."));
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                   _("The change was refused: %s"), detail);
      break;
    case SQLITE_TOOBIG:
      g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                           _("The text is too long."));
      break;
    case SQLITE_NOMEM:
      g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                           _("Not enough memory."));
      break;
    default:
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                   _("The file could not be read or written: %s"), detail);
      break;
    }
  return FALSE;
}

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE, message);
  return FALSE;
}

static gboolean
set_no_such_item (GError **error)
{
  g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NO_SUCH_ITEM,
                       _("This item no longer exists in the convention."));
  return FALSE;
}

/* Statements */

sqlite3_stmt *
_ctg_document_prepare (CtgDocument  *self,
                       const char   *sql,
                       GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _ctg_document_set_sqlite_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_ctg_document_exec (CtgDocument  *self,
                    const char   *sql,
                    GError      **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _ctg_document_set_sqlite_error (self, rc, error);
  return TRUE;
}

static gboolean
step_done (CtgDocument   *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _ctg_document_set_sqlite_error (self, rc, error);
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static const char * const *
table_columns (CtgDocument *self,
               const char  *table)
{
  GStrv columns = g_hash_table_lookup (self->columns, table);

  if (columns == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info('%s') ORDER BY cid",
                                              table);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK)
        while (sqlite3_step (stmt) == SQLITE_ROW)
          g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);

      columns = g_strv_builder_end (builder);
      g_hash_table_insert (self->columns, g_strdup (table), columns);
    }

  return (const char * const *) columns;
}

static gboolean
table_has_column (CtgDocument *self,
                  const char  *table,
                  const char  *column)
{
  return column != NULL && g_strv_contains (table_columns (self, table), column);
}

/* Transactions and the journal */

gboolean
_ctg_document_begin (CtgDocument  *self,
                     const char   *label,
                     GError      **error)
{
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
      return FALSE;
    }

  if (self->group_changed && self->journal_suspended == 0)
    {
      sqlite3_stmt *stmt = _ctg_document_prepare (self, "UPDATE convention SET modified = ?1", NULL);
      g_autofree char *now = _ctg_now_iso ();

      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
          step_done (self, stmt, NULL);
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
        return FALSE;
      }
  }

  g_clear_pointer (&self->group_label, g_free);
  keep_actions_cache (self);
  if (self->group_changed)
    g_signal_emit (self, signals[CHANGED], 0);
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

  /* A new edit makes the undone ones unreachable: the redo stack goes */
  stmt = _ctg_document_prepare (self, "DELETE FROM journal WHERE txn_id IN (SELECT id FROM txn WHERE undone = 1)", error);
  if (stmt == NULL || !step_done (self, stmt, error))
    return FALSE;
  stmt = _ctg_document_prepare (self, "DELETE FROM txn WHERE undone = 1", error);
  if (stmt == NULL || !step_done (self, stmt, error))
    return FALSE;

  now = _ctg_now_iso ();
  stmt = _ctg_document_prepare (self, "INSERT INTO txn (time, label) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->group_label ? self->group_label : "", -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, error))
    return FALSE;

  self->group_txn = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static char *
row_json_sql (CtgDocument *self,
              const char  *table)
{
  const char * const *columns = table_columns (self, table);
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
      return set_no_such_item (error);
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
  return step_done (self, insert, error);
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
  gint64 id;
  guint n = 0;

  g_assert (self->group_depth > 0);

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (n = 0; columns[n]; n++)
    g_string_append_printf (sql, "%s%s", n ? ", " : "", columns[n]);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
  g_string_append (sql, ")");

  stmt = _ctg_document_prepare (self, sql->str, error);
  g_string_free (sql, TRUE);
  if (stmt == NULL)
    return 0;

  for (guint i = 0; i < n; i++)
    bind_text_or_null (stmt, (int) i + 1, values[i]);
  if (!step_done (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (self->db);
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
  gboolean ok;

  g_assert (self->group_depth > 0);

  select = _ctg_document_prepare (self, select_sql, error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, id);
  if (sqlite3_step (select) != SQLITE_ROW)
    {
      sqlite3_reset (select);
      return set_no_such_item (error);
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

  update = _ctg_document_prepare (self, update_sql, error);
  if (update == NULL)
    {
      sqlite3_value_free (old_value);
      return FALSE;
    }
  sqlite3_bind_int64 (update, 1, id);
  bind_text_or_null (update, 2, value);
  if (!step_done (self, update, error) || !ensure_txn (self, error))
    {
      sqlite3_value_free (old_value);
      return FALSE;
    }

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
  ok = step_done (self, journal, error);
  sqlite3_reset (select);
  sqlite3_value_free (old_value);
  return ok;
}

static gboolean
delete_row (CtgDocument  *self,
            CtgItemKind   kind,
            gint64        id,
            GError      **error)
{
  const char *table = kinds[kind].table;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      g_autofree char *select_sql = NULL;
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (children[i].parent != kind)
        continue;

      select_sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1",
                                    kinds[children[i].child].table, children[i].column);
      stmt = _ctg_document_prepare (self, select_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 child_id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, child_id);
        }
      sqlite3_reset (stmt);

      for (guint j = 0; j < ids->len; j++)
        {
          gint64 child_id = g_array_index (ids, gint64, j);
          gboolean ok;

          if (children[i].mode == CHILD_DELETE)
            ok = delete_row (self, children[i].child, child_id, error);
          else
            ok = _ctg_document_update (self, kinds[children[i].child].table, child_id,
                                       children[i].column, NULL, error);
          if (!ok)
            return FALSE;
        }
    }

  if (!journal_row (self, table, id, "delete", error))
    return FALSE;

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);
  stmt = _ctg_document_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_done (self, stmt, error);
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

/* The list of actions kept across edits */

/* Tables whose rows are in no action snapshot and no row of the list of
 * actions (which shows sections and objectives above the actions) */
static gboolean
table_outside_actions (const char *table)
{
  static const char * const tables[] = {
    "convention", "signatory", "body", "member", "meeting", "step", "indicator",
    "indicator_value", "action_year", "evaluation_indicator", "evaluation_assessment",
    "journal", "txn",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (table, tables[i]))
      return TRUE;
  return FALSE;
}

/* SQLite's update hook: called for every row written, whatever the code
 * path, so a write nobody declared cannot slip by. It must not use the
 * connection. */
static void
on_row_written (void          *data,
                int            op,
                const char    *database,
                const char    *table,
                sqlite3_int64  rowid)
{
  CtgDocument *self = data;
  gboolean declared;

  self->txn_hooked_changes++;
  if (self->txn_action < 0 || table_outside_actions (table))
    return;

  /* An edit declared for one action may change that action's row (not add
   * or remove it) and its participants and funding */
  declared = self->edit_action > 0 &&
             ((g_str_equal (table, "action") && op == SQLITE_UPDATE && rowid == self->edit_action) ||
              g_str_equal (table, "participant") || g_str_equal (table, "funding"));
  if (!declared || (self->txn_action != 0 && self->txn_action != self->edit_action))
    self->txn_action = -1;
  else
    self->txn_action = self->edit_action;
}

/* Marks the writes that follow as changing @action_id's own data only, never
 * its place in the plan. Returns the previous mark, for end_action_edit(). */
static gint64
begin_action_edit (CtgDocument *self,
                   gint64       action_id)
{
  gint64 previous = self->edit_action;

  self->edit_action = action_id;
  return previous;
}

static void
end_action_edit (CtgDocument *self,
                 gint64       previous)
{
  self->edit_action = previous;
}

/* Replaces one action of the cache by a fresh read of it */
static gboolean
patch_cached_action (CtgDocument *self,
                     gint64       action_id)
{
  g_autoptr(CtgAction) fresh = ctg_document_get_action (self, action_id);

  if (fresh == NULL)
    return FALSE;
  for (guint i = 0; i < self->actions_cache->len; i++)
    {
      CtgAction *old = g_ptr_array_index (self->actions_cache, i);

      if (ctg_action_get_id (old) != action_id)
        continue;
      /* Its place in the plan comes from these: never patched */
      if (ctg_action_get_objective_id (old) != ctg_action_get_objective_id (fresh) ||
          ctg_action_get_axis_id (old) != ctg_action_get_axis_id (fresh))
        return FALSE;
      g_ptr_array_index (self->actions_cache, i) = g_steal_pointer (&fresh);
      g_object_unref (old);
      return TRUE;
    }
  return FALSE;
}

/* After a commit: the cache stays valid if it was valid when the
 * transaction began, nobody else wrote, and the transaction changed at most
 * one action's own data, which is read again. Otherwise it goes. */
static void
keep_actions_cache (CtgDocument *self)
{
  gint64 changes = sqlite3_total_changes64 (self->db);
  gint64 version;

  if (self->actions_cache == NULL)
    return;

  if (self->txn_action < 0 ||
      self->actions_cache_changes != self->txn_start_changes ||
      /* A row written without the hook seeing it (REPLACE, truncation) */
      changes - self->txn_start_changes != self->txn_hooked_changes ||
      (version = data_version (self)) == -1 ||
      version != self->actions_cache_data_version ||
      (self->txn_action > 0 && !patch_cached_action (self, self->txn_action)))
    {
      g_clear_pointer (&self->actions_cache, g_ptr_array_unref);
      return;
    }
  self->actions_cache_changes = changes;
}

/* Opening */

static gboolean
configure_connection (CtgDocument  *self,
                      GError      **error)
{
  int rc;

  /* Files come by email and USB stick: treat their content as hostile */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_limit (self->db, SQLITE_LIMIT_LENGTH, 64 * 1024 * 1024);
  sqlite3_limit (self->db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_update_hook (self->db, on_row_written, self);

  rc = sqlite3_exec (self->db,
                     "PRAGMA cell_size_check = ON;"
                     "PRAGMA mmap_size = 0;"
                     "PRAGMA foreign_keys = ON;",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return _ctg_document_set_sqlite_error (self, rc, error);

  return TRUE;
}

static gboolean
read_pragma_int (CtgDocument  *self,
                 const char   *sql,
                 int          *value,
                 GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return _ctg_document_set_sqlite_error (self, rc, error);
    }
  *value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
check_header (const guint8  *header,
              gssize         length,
              const char    *display_name,
              GError       **error)
{
  guint32 app_id;
  guint32 version;

  if (length == 0)
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NOT_CTG,
                   _("“%s” is empty: it is not a CTG Planner convention."), display_name);
      return FALSE;
    }

  if (length < 100 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NOT_CTG,
                   _("“%s” is not a CTG Planner convention."), display_name);
      return FALSE;
    }

  app_id = GUINT32_FROM_BE (*(const guint32 *) (header + 68));
  version = GUINT32_FROM_BE (*(const guint32 *) (header + 60));

  if (app_id != CTG_APPLICATION_ID)
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NOT_CTG,
                   _("“%s” is a database of another application, not a CTG Planner convention."),
                   display_name);
      return FALSE;
    }

  if (version > CTG_SCHEMA_VERSION)
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NEWER_VERSION,
                   _("“%s” was made by a newer version of CTG Planner. Update CTG Planner to open it."),
                   display_name);
      return FALSE;
    }

  return TRUE;
}

/* TRUE if every text of @table is valid UTF-8 without NUL bytes */
static gboolean
table_text_valid (CtgDocument *self,
                  const char  *table,
                  int         *rc)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  *rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (*rc != SQLITE_OK)
    return FALSE;
  while (ok && (*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int i = 0; ok && i < sqlite3_column_count (stmt); i++)
      if (sqlite3_column_type (stmt, i) == SQLITE_TEXT)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          int bytes = sqlite3_column_bytes (stmt, i);

          ok = text != NULL && g_utf8_validate_len (text, (gsize) bytes, NULL);
        }
  if (ok && *rc == SQLITE_DONE)
    *rc = SQLITE_OK;
  else if (ok)
    ok = FALSE;
  else
    *rc = SQLITE_OK;
  sqlite3_finalize (stmt);
  return ok;
}

/* What SQLite's integrity check leaves: the links between rows and the
 * text. On failure @rc is SQLITE_OK if the content is wrong, else SQLite's
 * error. */
static gboolean
check_content (CtgDocument *self,
               int         *rc)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  *rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (*rc == SQLITE_OK)
    *rc = sqlite3_step (stmt);
  ok = *rc == SQLITE_DONE;
  if (*rc == SQLITE_DONE || *rc == SQLITE_ROW)
    *rc = SQLITE_OK;
  sqlite3_finalize (stmt);

  /* Every table the file has: a file of an older version, checked before
   * its migration, lacks the newer ones. Its schema was verified to be
   * exactly one of ours, so the names are known ones. */
  if (ok)
    {
      g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);

      *rc = sqlite3_prepare_v2 (self->db,
                                "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                                -1, &stmt, NULL);
      while (*rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      if (*rc == SQLITE_OK)
        *rc = sqlite3_finalize (stmt);
      ok = *rc == SQLITE_OK;

      for (guint i = 0; ok && i < tables->len; i++)
        ok = table_text_valid (self, g_ptr_array_index (tables, i), rc);
    }

  return ok;
}

static gboolean
dir_is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return access (dir, W_OK) == 0;
}

/* Schema v2 brought convention-level evaluation indicators: a convention
 * starts with those of the CTGs' own evaluation articles (seed 002,
 * article 8), in French whatever the locale, as its own data. */
static gboolean
insert_default_indicators (CtgDocument  *self,
                           GError      **error)
{
  const char * const *names = ctg_evaluation_default_indicators ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "INSERT INTO evaluation_indicator (position, name) VALUES (?1, ?2)",
                           -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && names[i]; i++)
    {
      sqlite3_bind_int (stmt, 1, (int) i);
      sqlite3_bind_text (stmt, 2, names[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return _ctg_document_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* A file from an older version opened read-only cannot be upgraded in
 * place: it is read into memory and upgraded there, so it can be read (and
 * saved as a copy) while the file itself stays untouched. */
static gboolean
read_into_memory (CtgDocument  *self,
                  GError      **error)
{
  sqlite3 *memory = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (memory, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (memory);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
          sqlite3_backup_finish (backup);
        }
    }
  if (rc != SQLITE_OK)
    {
      sqlite3_close (memory);
      return _ctg_document_set_sqlite_error (self, rc, error);
    }

  sqlite3_close (self->db);
  self->db = memory;
  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (_("This convention was made by an older version of CTG Planner. "
                                       "It is open read-only, so the file is not upgraded: open it "
                                       "normally to upgrade it."));
  return configure_connection (self, error);
}

static gboolean
finish_open (CtgDocument  *self,
             gboolean      creating,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  int version = 0;
  int rc;

  if (!configure_connection (self, error))
    return FALSE;

  if (!self->read_only)
    {
      /* Users mail the file alone: never leave it in WAL mode */
      rc = sqlite3_exec (self->db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;",
                         NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        return _ctg_document_set_sqlite_error (self, rc, error);
    }

  if (!read_pragma_int (self, "PRAGMA user_version", &version, error))
    return FALSE;

  if (!creating)
    {
      g_autofree char *display = g_filename_display_basename (self->path);
      int app_id = 0;
      sqlite3_stmt *stmt = NULL;
      const char *result = NULL;

      if (!read_pragma_int (self, "PRAGMA application_id", &app_id, error))
        return FALSE;
      if ((guint32) app_id != CTG_APPLICATION_ID || version == 0)
        {
          g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NOT_CTG,
                       _("“%s” is not a CTG Planner convention."), display);
          return FALSE;
        }
      if (version > CTG_SCHEMA_VERSION)
        {
          g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NEWER_VERSION,
                       _("“%s” was made by a newer version of CTG Planner. Update CTG Planner to open it."),
                       display);
          return FALSE;
        }

      /* The schema first: the integrity check compiles the tables' CHECK
       * constraints, so a flipped byte in their text would otherwise be
       * an "unknown function" error rather than a file refused */
      if (!_ctg_schema_verify (self->db, version, error))
        return FALSE;

      /* The full check, not quick_check: an index out of step with its
       * table would surface later as wrong lists */
      rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check(1)", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        result = (const char *) sqlite3_column_text (stmt, 0);
      if (rc != SQLITE_ROW || g_strcmp0 (result, "ok") != 0)
        {
          sqlite3_finalize (stmt);
          if (rc != SQLITE_ROW && (rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB)
            return _ctg_document_set_sqlite_error (self, rc, error);
          g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DAMAGED,
                       _("“%s” is damaged and cannot be opened."), display);
          return FALSE;
        }
      sqlite3_finalize (stmt);

      /* What the integrity check cannot see (a row whose parent is gone,
       * text that is not UTF-8) would surface later as wrong lists or a
       * crash in the interface: the file is small, check it all now. */
      if (!check_content (self, &rc))
        {
          if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB &&
              (rc & 0xff) != SQLITE_TOOBIG)
            return _ctg_document_set_sqlite_error (self, rc, error);
          g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DAMAGED,
                       _("“%s” is damaged and cannot be opened."), display);
          return FALSE;
        }
    }

  if (version < CTG_SCHEMA_VERSION)
    {
      if (self->read_only && !read_into_memory (self, error))
        return FALSE;

      if (!_ctg_document_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!_ctg_schema_migrate (self->db, version, &local_error) ||
          (version < 2 && !insert_default_indicators (self, &local_error)))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (creating)
        {
          g_autofree char *now = _ctg_now_iso ();
          sqlite3_stmt *stmt = NULL;

          sqlite3_prepare_v2 (self->db,
                              "INSERT INTO convention (id, created, modified) VALUES (1, ?1, ?1)",
                              -1, &stmt, NULL);
          sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (stmt);
          sqlite3_finalize (stmt);
          if (rc != SQLITE_DONE)
            {
              sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
              return _ctg_document_set_sqlite_error (self, rc, error);
            }
        }
      rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return _ctg_document_set_sqlite_error (self, rc, error);
        }
    }

  /* Files created under an English locale stored the default indicators in
   * English; a failure only leaves them so */
  if (!self->read_only && !_ctg_evaluation_frenchify_defaults (self->db))
    g_debug ("The default indicators could not be renamed: %s", sqlite3_errmsg (self->db));

  return TRUE;
}

static CtgDocument *
open_internal (const char    *path,
               CtgOpenFlags   flags,
               gboolean       creating,
               GError       **error)
{
  g_autoptr(CtgDocument) self = NULL;
  g_autofree char *display = NULL;
  struct stat st;
  guint8 header[100];
  gssize length;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_basename (path);
  self = g_object_new (CTG_TYPE_DOCUMENT, NULL);
  self->path = g_strdup (path);

  if (creating)
    {
      self->lock_fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (self->lock_fd < 0)
        {
          int saved_errno = errno;

          g_set_error (error, CTG_DOCUMENT_ERROR,
                       saved_errno == EEXIST ? CTG_DOCUMENT_ERROR_FAILED
                       : saved_errno == ENOSPC ? CTG_DOCUMENT_ERROR_DISK_FULL
                       : saved_errno == EACCES || saved_errno == EROFS ? CTG_DOCUMENT_ERROR_READ_ONLY
                       : CTG_DOCUMENT_ERROR_FAILED,
                       saved_errno == EEXIST ? _("“%s” already exists.")
                       : _("“%s” could not be created: %s"),
                       display, g_strerror (saved_errno));
          return NULL;
        }
      if (fstat (self->lock_fd, &st) != 0 || !claim_file (st.st_dev, st.st_ino))
        {
          g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                       _("“%s” could not be created: %s"), display, g_strerror (errno));
          return NULL;
        }
      self->dev = st.st_dev;
      self->ino = st.st_ino;
    }
  else
    {
      if (g_stat (path, &st) != 0)
        {
          int saved_errno = errno;

          if (saved_errno == ENOENT || saved_errno == ENOTDIR)
            g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NOT_FOUND,
                         _("“%s” does not exist. It may have been moved or deleted."), display);
          else
            g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                         _("“%s” cannot be opened: %s"), display, g_strerror (saved_errno));
          return NULL;
        }
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NOT_CTG,
                       S_ISDIR (st.st_mode) ? _("“%s” is a folder, not a CTG Planner convention.")
                                            : _("“%s” is not a CTG Planner convention."),
                       display);
          return NULL;
        }

      /* Before any descriptor exists: a second descriptor on a file this
       * process already has open would drop its locks when closed. */
      if (!claim_file (st.st_dev, st.st_ino))
        {
          g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_ALREADY_OPEN,
                       _("“%s” is already open in another window."), display);
          return NULL;
        }
      self->dev = st.st_dev;
      self->ino = st.st_ino;

      self->read_only = (flags & CTG_OPEN_FLAGS_READ_ONLY) != 0;
      if (!self->read_only && access (path, W_OK) != 0)
        {
          self->read_only = TRUE;
          self->read_only_reason = g_strdup (_("The file is read-only: you can read it but not change it."));
        }
      else if (!self->read_only && !dir_is_writable (path))
        {
          self->read_only = TRUE;
          self->read_only_reason = g_strdup (_("The folder holding the file is read-only: "
                                               "you can read the convention but not change it."));
        }
      else if (self->read_only)
        self->read_only_reason = g_strdup (_("The convention is open read-only."));

      self->lock_fd = g_open (path, (self->read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC, 0);
      if (self->lock_fd < 0 && !self->read_only && (errno == EACCES || errno == EROFS || errno == EPERM))
        {
          self->read_only = TRUE;
          g_free (self->read_only_reason);
          self->read_only_reason = g_strdup (_("The file is read-only: you can read it but not change it."));
          self->lock_fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
        }
      if (self->lock_fd < 0)
        {
          g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                       _("“%s” cannot be opened: %s"), display, g_strerror (errno));
          return NULL;
        }

      length = pread (self->lock_fd, header, sizeof header, 0);
      if (length < 0)
        {
          g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                       _("“%s” cannot be read: %s"), display, g_strerror (errno));
          return NULL;
        }
      if (!check_header (header, length, display, error))
        return NULL;
    }

  /* One writer at a time, across processes. Readers take no lock, so a
   * read-only viewer never stops the owner from saving. */
  if (!self->read_only && flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_ALREADY_OPEN,
                   _("“%s” is already open in another program. Close it there, or open it read-only."),
                   display);
      return NULL;
    }

  open_flags = (self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_EXRESCODE;
  rc = sqlite3_open_v2 (path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      _ctg_document_set_sqlite_error (self, rc, error);
      return NULL;
    }

  if (!finish_open (self, creating, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * ctg_document_create:
 * @path: where to create the file; it must not exist
 *
 * Creates an empty convention.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
CtgDocument *
ctg_document_create (const char  *path,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  CtgDocument *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = open_internal (path, CTG_OPEN_FLAGS_NONE, TRUE, &local_error);

  /* Leave nothing half made behind; a file that was there before fails
   * with EEXIST before anything is written and is left alone. */
  if (self == NULL)
    {
      if (!g_error_matches (local_error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_ALREADY_OPEN) &&
          !g_error_matches (local_error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED))
        g_unlink (path);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return self;
}

/**
 * ctg_document_open:
 * @path: a .ctg file
 * @flags: %CTG_OPEN_FLAGS_READ_ONLY to never change it
 *
 * Opens a convention, checking first that the file is one, that it is not
 * damaged and that it comes from this version of CTG Planner or an older one
 * (which is then upgraded). A file that cannot be written is opened
 * read-only: see ctg_document_get_read_only_reason().
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
CtgDocument *
ctg_document_open (const char    *path,
                   CtgOpenFlags   flags,
                   GError       **error)
{
  return open_internal (path, flags, FALSE, error);
}

/**
 * ctg_document_close:
 *
 * Closes the file. Every edit is already in it; this only lets go of it.
 * Any call but g_object_unref() afterwards is an error.
 */
void
ctg_document_close (CtgDocument *self)
{
  g_return_if_fail (CTG_IS_DOCUMENT (self));

  while (self->group_depth > 0)
    ctg_document_cancel_group (self);

  if (self->statements != NULL)
    g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->actions_cache, g_ptr_array_unref);

  if (self->db != NULL)
    {
      sqlite3_close (self->db);
      self->db = NULL;
    }

  /* Only now that SQLite has let go of the file (see lock_fd) */
  if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
      release_file (self->dev, self->ino);
    }
}

const char *
ctg_document_get_path (CtgDocument *self)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), NULL);

  return self->path;
}

gboolean
ctg_document_is_read_only (CtgDocument *self)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), TRUE);

  return self->read_only;
}

/**
 * ctg_document_get_read_only_reason:
 *
 * Returns: (nullable): why the document is read-only, for the user
 */
const char *
ctg_document_get_read_only_reason (CtgDocument *self)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), NULL);

  return self->read_only_reason;
}

/**
 * ctg_document_save_copy:
 * @path: where to write the copy; replaced if it exists
 *
 * Writes a copy of the convention with SQLite's backup API, to a temporary
 * file renamed over @path once complete, so @path is never half written.
 */
gboolean
ctg_document_save_copy (CtgDocument  *self,
                        const char   *path,
                        GError      **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int system_errno = 0;
  int rc;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/.%s.%u.tmp", dir, base, g_random_int ());

  rc = sqlite3_open_v2 (tmp_path, &dest,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_OK)
            rc = sqlite3_errcode (dest);
        }
    }

  /* SQLite says SQLITE_FULL only for ENOSPC: a file size limit or a quota
   * comes as an I/O error, which is the same thing to the user */
  if (rc != SQLITE_OK && dest != NULL)
    system_errno = sqlite3_system_errno (dest);

  if (sqlite3_close (dest) != SQLITE_OK && rc == SQLITE_OK)
    rc = SQLITE_IOERR;

  if (rc != SQLITE_OK)
    {
      g_autofree char *journal = g_strconcat (tmp_path, "-journal", NULL);

      g_unlink (tmp_path);
      g_unlink (journal);
      if ((rc & 0xff) == SQLITE_IOERR &&
          (system_errno == ENOSPC || system_errno == EFBIG || system_errno == EDQUOT))
        rc = SQLITE_FULL;
      if ((rc & 0xff) == SQLITE_FULL)
        g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DISK_FULL,
                             _("The disk is full: the copy could not be saved."));
      else if ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_PERM)
        g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_READ_ONLY,
                     _("The copy could not be written in “%s”: the folder is read-only or missing."),
                     dir);
      else
        g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                     _("The copy could not be saved: %s"), sqlite3_errstr (rc));
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                   _("The copy could not be saved: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * ctg_document_check:
 *
 * A full integrity check of the file, slower than the one done on opening.
 */
gboolean
ctg_document_check (CtgDocument  *self,
                    GError      **error)
{
  gboolean ok;
  int rc;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  ok = check_content (self, &rc);

  if (!ok)
    {
      g_autofree char *display = g_filename_display_basename (self->path);

      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DAMAGED,
                   _("“%s” is damaged."), display);
    }
  return ok;
}

/* Groups */

/**
 * ctg_document_begin_group:
 * @label: what the user does, as Undo will name it ("Change pilots")
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
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = _ctg_document_prepare (self,
                                undone ? "SELECT min(id) FROM txn WHERE undone = 1"
                                       : "SELECT max(id) FROM txn WHERE undone = 0",
                                NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return id;
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

static char *
txn_label (CtgDocument *self,
           gint64       id)
{
  sqlite3_stmt *stmt = _ctg_document_prepare (self, "SELECT label FROM txn WHERE id = ?1", NULL);
  char *label = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    label = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return label;
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
  sqlite3_stmt *stmt;

  if (id == 0)
    return changes;
  stmt = _ctg_document_prepare (self, "SELECT time FROM txn WHERE id = ?1", NULL);
  if (stmt == NULL)
    return changes;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    time = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

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
             sqlite3_value  *json,
             GError        **error)
{
  const char * const *columns = table_columns (self, table);
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
  return step_done (self, stmt, error);
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
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    return set_no_such_item (error);
  return TRUE;
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

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_value (stmt, 2, value);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    return set_no_such_item (error);
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

      if (!kind_from_table (table, &kind) || (kind == CTG_ITEM_CONVENTION && g_strcmp0 (op, "update") != 0))
        {
          g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DAMAGED,
                               _("The history of changes in this file is damaged."));
          ok = FALSE;
        }
      else
        {
          previous_edit = begin_action_edit (self, replayed_action (self, table, row_id, op, field,
                                                                    sqlite3_column_int64 (entries, 6)));
          if (g_strcmp0 (op, "update") == 0)
            {
              if (!table_has_column (self, table, field) || g_str_equal (field, "id"))
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
            ok = restore_row (self, table, undo ? old_value : new_value, error);
          end_action_edit (self, previous_edit);
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
          ok = step_done (self, mark, error);
        }
    }

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

static char *
dup_column_text (sqlite3_stmt *stmt,
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

  bind_text_or_null (stmt, 1, since);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CtgChange *change;
      CtgItemKind kind;
      gint64 owner = sqlite3_column_int64 (stmt, 9);

      if (action_id != 0 && owner != action_id)
        continue;
      if (!kind_from_table ((const char *) sqlite3_column_text (stmt, 3), &kind))
        continue;

      change = g_new0 (CtgChange, 1);
      change->txn_id = sqlite3_column_int64 (stmt, 0);
      change->time = dup_column_text (stmt, 1);
      change->label = dup_column_text (stmt, 2);
      change->kind = kind;
      change->item_id = sqlite3_column_int64 (stmt, 4);
      change->op = dup_column_text (stmt, 5);
      change->field = dup_column_text (stmt, 6);
      change->old_value = dup_column_text (stmt, 7);
      change->new_value = dup_column_text (stmt, 8);
      change->action_id = owner;
      g_ptr_array_add (changes, change);
    }
  sqlite3_reset (stmt);

  return changes;
}

/* Reading */

static gboolean
valid_field (CtgDocument *self,
             CtgItemKind  kind,
             const char  *field)
{
  return kind < CTG_N_ITEM_KINDS && table_has_column (self, kinds[kind].table, field);
}

/**
 * ctg_document_dup_text:
 *
 * Returns: (transfer full) (nullable): the value of @field of an item as
 *   text, %NULL if the item does not exist or the value is empty (NULL)
 */
char *
ctg_document_dup_text (CtgDocument *self,
                       CtgItemKind  kind,
                       gint64       id,
                       const char  *field)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  char *text = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (valid_field (self, kind, field), NULL);

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", field, kinds[kind].table);
  stmt = _ctg_document_prepare (self, sql, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, kind == CTG_ITEM_CONVENTION ? 1 : id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = dup_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return text;
}

gint64
ctg_document_get_int (CtgDocument *self,
                      CtgItemKind  kind,
                      gint64       id,
                      const char  *field,
                      gint64       default_value)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 value = default_value;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), default_value);
  g_return_val_if_fail (valid_field (self, kind, field), default_value);

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", field, kinds[kind].table);
  stmt = _ctg_document_prepare (self, sql, NULL);
  if (stmt == NULL)
    return default_value;
  sqlite3_bind_int64 (stmt, 1, kind == CTG_ITEM_CONVENTION ? 1 : id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

gboolean
ctg_document_has_item (CtgDocument *self,
                       CtgItemKind  kind,
                       gint64       id)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (kind < CTG_N_ITEM_KINDS, FALSE);

  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", kinds[kind].table);
  stmt = _ctg_document_prepare (self, sql, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/**
 * ctg_document_list_ids:
 * @parent_id: the parent item (the axis of objectives, the action of steps,
 *   ...); ignored for kinds without a parent (axes, signatories, meetings)
 *
 * Returns: (transfer full) (element-type gint64): the ids in their order
 */
GArray *
ctg_document_list_ids (CtgDocument *self,
                       CtgItemKind  kind,
                       gint64       parent_id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), ids);
  g_return_val_if_fail (kind < CTG_N_ITEM_KINDS, ids);

  if (kinds[kind].parent != NULL)
    sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1 ORDER BY %s",
                           kinds[kind].table, kinds[kind].parent, kinds[kind].order);
  else
    sql = g_strdup_printf ("SELECT id FROM %s ORDER BY %s", kinds[kind].table, kinds[kind].order);

  stmt = _ctg_document_prepare (self, sql, NULL);
  if (stmt == NULL)
    return ids;
  if (kinds[kind].parent != NULL)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}

#define ACTION_COLUMNS \
  "a.id, o.axis_id, a.objective_id, a.code, a.title, a.description, a.start, a.echeance," \
  " a.status, a.progress, a.means, a.notes, a.created, a.modified," \
  " a.continuous, a.budget, a.budget_year"

static char *
dup_unless_empty (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

static CtgAction *
action_from_row (sqlite3_stmt *stmt)
{
  CtgAction *action = g_object_new (CTG_TYPE_ACTION, NULL);
  const char *start = (const char *) sqlite3_column_text (stmt, 6);
  const char *echeance = (const char *) sqlite3_column_text (stmt, 7);

  action->id = sqlite3_column_int64 (stmt, 0);
  action->axis_id = sqlite3_column_int64 (stmt, 1);
  action->objective_id = sqlite3_column_int64 (stmt, 2);
  action->code = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  action->title = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  action->description = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  if (start != NULL)
    ctg_date_parse (start, &action->start);
  if (echeance != NULL)
    ctg_date_parse (echeance, &action->echeance);
  ctg_status_from_key ((const char *) sqlite3_column_text (stmt, 8), &action->status);
  action->progress = sqlite3_column_type (stmt, 9) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 9);
  action->means = dup_unless_empty ((const char *) sqlite3_column_text (stmt, 10));
  action->notes = dup_unless_empty ((const char *) sqlite3_column_text (stmt, 11));
  action->created = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
  action->modified = g_strdup ((const char *) sqlite3_column_text (stmt, 13));
  action->continuous = sqlite3_column_int (stmt, 14) != 0;
  action->budget = sqlite3_column_type (stmt, 15) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 15);
  action->budget_year = (guint) sqlite3_column_int (stmt, 16);
  return action;
}

static void
load_participants (CtgDocument *self,
                   GHashTable  *by_id,
                   gint64       axis_id,
                   gint64       action_id)
{
  sqlite3_stmt *stmt;

  /* One action's by its index (the general query scans every participant) */
  stmt = _ctg_document_prepare (self, action_id != 0
    ? "SELECT p.action_id, p.relation, p.name, p.kind, p.role FROM participant p"
      " WHERE ?1 = ?1 AND p.action_id = ?2 ORDER BY p.position, p.id"
    : "SELECT p.action_id, p.relation, p.name, p.kind, p.role FROM participant p"
      " JOIN action a ON a.id = p.action_id JOIN objective o ON o.id = a.objective_id"
      " WHERE (?1 = 0 OR o.axis_id = ?1) AND (?2 = 0 OR p.action_id = ?2)"
      " ORDER BY p.action_id, p.position, p.id", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, axis_id);
  sqlite3_bind_int64 (stmt, 2, action_id);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      CtgAction *action = g_hash_table_lookup (by_id, &id);
      const char *relation = (const char *) sqlite3_column_text (stmt, 1);
      gboolean person = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "person") == 0;

      if (action == NULL)
        continue;
      _ctg_action_add_participant (action,
                                   g_strcmp0 (relation, "pilot") == 0 ? CTG_RELATION_PILOT
                                   : g_strcmp0 (relation, "referent") == 0 ? CTG_RELATION_REFERENT
                                   : CTG_RELATION_PARTNER,
                                   (const char *) sqlite3_column_text (stmt, 2),
                                   person ? CTG_PARTICIPANT_PERSON : CTG_PARTICIPANT_ORGANISATION,
                                   (const char *) sqlite3_column_text (stmt, 4));
    }
  sqlite3_reset (stmt);
}

static void
load_funding (CtgDocument *self,
              GHashTable  *by_id,
              gint64       axis_id,
              gint64       action_id)
{
  sqlite3_stmt *stmt;

  stmt = _ctg_document_prepare (self, action_id != 0
    ? "SELECT f.action_id, f.funder, f.name, f.amount FROM funding f"
      " WHERE ?1 = ?1 AND f.action_id = ?2 ORDER BY f.position, f.id"
    : "SELECT f.action_id, f.funder, f.name, f.amount FROM funding f"
      " JOIN action a ON a.id = f.action_id JOIN objective o ON o.id = a.objective_id"
      " WHERE (?1 = 0 OR o.axis_id = ?1) AND (?2 = 0 OR f.action_id = ?2)"
      " ORDER BY f.action_id, f.position, f.id", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, axis_id);
  sqlite3_bind_int64 (stmt, 2, action_id);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      CtgAction *action = g_hash_table_lookup (by_id, &id);
      CtgFunderKind funder = CTG_FUNDER_OTHER;

      if (action == NULL)
        continue;
      ctg_funder_from_key ((const char *) sqlite3_column_text (stmt, 1), &funder);
      _ctg_action_add_funding (action,
                               ctg_funding_new (funder, (const char *) sqlite3_column_text (stmt, 2),
                                        sqlite3_column_type (stmt, 3) == SQLITE_NULL
                                          ? -1 : sqlite3_column_int64 (stmt, 3)));
    }
  sqlite3_reset (stmt);
}

/* The value of PRAGMA data_version: it changes when another connection
 * commits to the file, -1 if it cannot be read */
static gint64
data_version (CtgDocument *self)
{
  sqlite3_stmt *stmt = _ctg_document_prepare (self, "PRAGMA data_version", NULL);
  gint64 version = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

/* Every action in plan order, read again only if the file changed since */
static GPtrArray *
cached_actions (CtgDocument *self)
{
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  gint64 changes;
  gint64 version;
  sqlite3_stmt *stmt;

  if (self->db == NULL)
    return NULL;

  /* Inside a transaction, what is read may yet be rolled back, and a rollback
   * does not lower total_changes: such reads are never kept */
  if (!sqlite3_get_autocommit (self->db))
    g_clear_pointer (&self->actions_cache, g_ptr_array_unref);

  changes = sqlite3_total_changes64 (self->db);
  version = data_version (self);
  if (self->actions_cache != NULL && version != -1 &&
      changes == self->actions_cache_changes && version == self->actions_cache_data_version)
    return self->actions_cache;

  stmt = _ctg_document_prepare (self,
    "SELECT " ACTION_COLUMNS " FROM action a"
    " JOIN objective o ON o.id = a.objective_id JOIN axis x ON x.id = o.axis_id"
    " ORDER BY x.position, x.id, o.position, o.id, a.position, a.id", NULL);
  if (stmt == NULL)
    return NULL;

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  actions = g_ptr_array_new_with_free_func (g_object_unref);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CtgAction *action = action_from_row (stmt);

      g_ptr_array_add (actions, action);
      g_hash_table_insert (by_id, &action->id, action);
    }
  sqlite3_reset (stmt);

  load_participants (self, by_id, 0, 0);
  load_funding (self, by_id, 0, 0);

  g_clear_pointer (&self->actions_cache, g_ptr_array_unref);
  self->actions_cache = g_steal_pointer (&actions);
  self->actions_cache_changes = changes;
  self->actions_cache_data_version = sqlite3_get_autocommit (self->db) ? version : -1;
  return self->actions_cache;
}

/**
 * ctg_document_list_actions:
 * @axis_id: an axis, or 0 for the whole plan
 *
 * Returns: (transfer full): a #GListModel of #CtgAction, in plan order
 *   (axis, then objective, then action position). After an edit of one
 *   action's own data (not its place), the other actions are the same
 *   snapshot objects as before: a caller may compare them by pointer to
 *   find what changed.
 */
GListModel *
ctg_document_list_actions (CtgDocument *self,
                           gint64       axis_id)
{
  GListStore *store = g_list_store_new (CTG_TYPE_ACTION);
  g_autoptr(GPtrArray) shown = NULL;
  GPtrArray *all;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), G_LIST_MODEL (store));

  all = cached_actions (self);
  if (all == NULL)
    return G_LIST_MODEL (store);

  if (axis_id == 0)
    {
      g_list_store_splice (store, 0, 0, all->pdata, all->len);
      return G_LIST_MODEL (store);
    }

  shown = g_ptr_array_new ();
  for (guint i = 0; i < all->len; i++)
    if (ctg_action_get_axis_id (g_ptr_array_index (all, i)) == axis_id)
      g_ptr_array_add (shown, g_ptr_array_index (all, i));
  g_list_store_splice (store, 0, 0, shown->pdata, shown->len);
  return G_LIST_MODEL (store);
}

/**
 * ctg_document_get_action:
 *
 * Returns: (transfer full) (nullable): the action as it is now, or %NULL
 */
CtgAction *
ctg_document_get_action (CtgDocument *self,
                         gint64       action_id)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  CtgAction *action = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), NULL);

  stmt = _ctg_document_prepare (self,
    "SELECT " ACTION_COLUMNS " FROM action a JOIN objective o ON o.id = a.objective_id"
    " WHERE a.id = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, action_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    action = action_from_row (stmt);
  sqlite3_reset (stmt);

  if (action != NULL)
    {
      g_hash_table_insert (by_id, &action->id, action);
      load_participants (self, by_id, 0, action_id);
      load_funding (self, by_id, 0, action_id);
    }
  return action;
}

/**
 * ctg_document_count_statuses:
 * @axis_id: an axis, or 0 for the whole plan
 * @counts: (out caller-allocates): the number of actions per #CtgStatus
 */
void
ctg_document_count_statuses (CtgDocument *self,
                             gint64       axis_id,
                             guint        counts[CTG_N_STATUSES])
{
  sqlite3_stmt *stmt;

  memset (counts, 0, sizeof (guint) * CTG_N_STATUSES);

  stmt = _ctg_document_prepare (self,
    "SELECT a.status, count(*) FROM action a JOIN objective o ON o.id = a.objective_id"
    " WHERE ?1 = 0 OR o.axis_id = ?1 GROUP BY a.status", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, axis_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CtgStatus status;

      if (ctg_status_from_key ((const char *) sqlite3_column_text (stmt, 0), &status))
        counts[status] += (guint) sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
}

/**
 * ctg_document_list_participant_names:
 *
 * Returns: (transfer full): every pilot and partner name used in the
 *   convention, most used first, for completion
 */
GStrv
ctg_document_list_participant_names (CtgDocument *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  stmt = _ctg_document_prepare (self,
    "SELECT name FROM participant GROUP BY name ORDER BY count(*) DESC, name", NULL);
  if (stmt != NULL)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_strv_builder_end (builder);
}

/* Editing */

static gboolean
touch_action (CtgDocument  *self,
              gint64        action_id,
              GError      **error)
{
  g_autofree char *now = _ctg_now_iso ();
  sqlite3_stmt *stmt = _ctg_document_prepare (self, "UPDATE action SET modified = ?2 WHERE id = ?1", error);
  gint64 previous_edit;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  previous_edit = begin_action_edit (self, action_id);
  ok = step_done (self, stmt, error);
  end_action_edit (self, previous_edit);
  return ok;
}

static gint64
owning_action (CtgDocument *self,
               CtgItemKind  kind,
               gint64       id)
{
  switch ((int) kind)
    {
    case CTG_ITEM_ACTION:
      return id;
    case CTG_ITEM_PARTICIPANT:
    case CTG_ITEM_STEP:
    case CTG_ITEM_INDICATOR:
    case CTG_ITEM_ACTION_YEAR:
    case CTG_ITEM_FUNDING:
      return ctg_document_get_int (self, kind, id, "action_id", 0);
    case CTG_ITEM_INDICATOR_VALUE:
      return ctg_document_get_int (self, CTG_ITEM_INDICATOR,
                                   ctg_document_get_int (self, kind, id, "indicator_id", 0),
                                   "action_id", 0);
    default:
      return 0;
    }
}

static gboolean
check_text (const char  *value,
            GError     **error)
{
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    return set_invalid (error, _("The text is not valid UTF-8."));
  if (value != NULL && strlen (value) > MAX_TEXT_LENGTH)
    return set_invalid (error, _("The text is too long."));
  return TRUE;
}

static gboolean
check_range (CtgDocument  *self,
             CtgItemKind   kind,
             gint64        id,
             const char   *field,
             const CtgDate *date,
             GError      **error)
{
  const char *other_field;
  gboolean is_start;
  g_autofree char *other_text = NULL;
  CtgDate other;

  if (kind == CTG_ITEM_ACTION && g_str_equal (field, "start"))
    other_field = "echeance", is_start = TRUE;
  else if (kind == CTG_ITEM_ACTION && g_str_equal (field, "echeance"))
    other_field = "start", is_start = FALSE;
  else if (kind == CTG_ITEM_CONVENTION && g_str_equal (field, "period_start"))
    other_field = "period_end", is_start = TRUE;
  else if (kind == CTG_ITEM_CONVENTION && g_str_equal (field, "period_end"))
    other_field = "period_start", is_start = FALSE;
  else
    return TRUE;

  other_text = ctg_document_dup_text (self, kind, id, other_field);
  if (other_text == NULL || !ctg_date_parse (other_text, &other))
    return TRUE;

  if (is_start ? ctg_date_range_valid (date, &other) : ctg_date_range_valid (&other, date))
    return TRUE;

  if (kind == CTG_ITEM_ACTION)
    return set_invalid (error, is_start ? _("The start cannot come after the échéance.")
                                        : _("The échéance cannot come before the start."));
  return set_invalid (error, is_start ? _("The convention cannot start after it ends.")
                                      : _("The convention cannot end before it starts."));
}

/* Turns what the user typed into what the column stores, or refuses it */
static gboolean
normalize_value (CtgDocument  *self,
                 CtgItemKind   kind,
                 gint64        id,
                 const char   *field,
                 FieldType     type,
                 const char   *value,
                 char        **stored,
                 GError      **error)
{
  g_autofree char *stripped = value ? g_strstrip (g_strdup (value)) : NULL;

  *stored = NULL;

  if (!check_text (value, error))
    return FALSE;

  switch (type)
    {
    case FIELD_TEXT:
      /* An action is known by its title in every list and report: an
       * empty one is refused like any other invalid value, whatever the
       * route (editor, ctg set, import) */
      if (kind == CTG_ITEM_ACTION && g_str_equal (field, "title") && (stripped == NULL || stripped[0] == '\0'))
        {
          g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                               _("An action needs a title."));
          return FALSE;
        }
      *stored = g_strdup (value ? value : "");
      return TRUE;

    case FIELD_DATE:
      {
        CtgDate date;

        if (stripped == NULL || stripped[0] == '\0')
          return TRUE;
        if (!ctg_date_parse (stripped, &date))
          {
            g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                         _("“%s” is not a date. Write a year (2025), a month (03/2025) "
                           "or a day (15/03/2025)."), stripped);
            return FALSE;
          }
        if (!check_range (self, kind, id, field, &date, error))
          return FALSE;
        *stored = ctg_date_to_iso (&date);
        return TRUE;
      }

    case FIELD_STATUS:
      {
        CtgStatus status;

        if (stripped == NULL || !ctg_status_parse (stripped, &status))
          {
            g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                         _("“%s” is not a status. Use one of: to start, in progress, done, "
                           "postponed, abandoned."), stripped ? stripped : "");
            return FALSE;
          }
        *stored = g_strdup (ctg_status_to_key (status));
        return TRUE;
      }

    case FIELD_PROGRESS:
      {
        int progress;

        if (!ctg_progress_parse (value, &progress))
          {
            g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                         _("“%s” is not a progress: give a number from 0 to 100."), stripped);
            return FALSE;
          }
        if (progress >= 0)
          *stored = g_strdup_printf ("%d", progress);
        return TRUE;
      }

    case FIELD_BOOL:
      if (g_strcmp0 (stripped, "1") == 0 || g_strcmp0 (stripped, "true") == 0)
        *stored = g_strdup ("1");
      else if (g_strcmp0 (stripped, "0") == 0 || g_strcmp0 (stripped, "false") == 0)
        *stored = g_strdup ("0");
      else
        return set_invalid (error, _("The value must be true or false."));
      return TRUE;

    case FIELD_BODY_KIND:
      if (stripped == NULL ||
          !g_strv_contains ((const char * const[]) { "copil", "cotech", "strategic", "thematic", "other", NULL },
                            stripped))
        return set_invalid (error, _("Unknown kind of governance body."));
      *stored = g_strdup (stripped);
      return TRUE;

    case FIELD_PARTICIPANT_KIND:
      if (g_strcmp0 (stripped, "person") != 0 && g_strcmp0 (stripped, "organisation") != 0)
        return set_invalid (error, _("A pilot or partner is a person or an organisation."));
      *stored = g_strdup (stripped);
      return TRUE;

    case FIELD_AMOUNT:
      {
        gint64 cents;

        if (!ctg_amount_parse (value, &cents, error))
          return FALSE;
        if (cents >= 0)
          *stored = g_strdup_printf ("%" G_GINT64_FORMAT, cents);
        return TRUE;
      }

    case FIELD_YEAR:
      {
        guint64 year;

        if (stripped == NULL || stripped[0] == '\0')
          return TRUE;
        if (!g_ascii_string_to_unsigned (stripped, 10, 1900, 2200, &year, NULL))
          return set_invalid (error, _("The year must be between 1900 and 2200."));
        *stored = g_strdup_printf ("%u", (guint) year);
        return TRUE;
      }

    case FIELD_FUNDER:
      {
        CtgFunderKind funder;

        if (!ctg_funder_from_key (stripped, &funder) && !ctg_funder_parse (stripped, &funder))
          {
            g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                         _("“%s” is not a funder. Use one of: Caf, commune, département, État, other."),
                         stripped ? stripped : "");
            return FALSE;
          }
        *stored = g_strdup (ctg_funder_to_key (funder));
        return TRUE;
      }

    case FIELD_LEVEL:
      {
        CtgLevel level;

        if (!ctg_level_from_key (stripped, &level) && !ctg_level_parse (stripped, &level))
          {
            g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                         _("“%s” is not a level. Use one of: not met, partly met, met, exceeded."),
                         stripped ? stripped : "");
            return FALSE;
          }
        if (level != CTG_LEVEL_NONE)
          *stored = g_strdup (ctg_level_to_key (level));
        return TRUE;
      }

    case FIELD_STATUS_OR_NONE:
      if (stripped == NULL || stripped[0] == '\0')
        return TRUE;
      return normalize_value (self, kind, id, field, FIELD_STATUS, value, stored, error);

    case FIELD_BODY_REF:
    case FIELD_SECTION_REF:
      {
        gint64 ref;

        if (stripped == NULL || stripped[0] == '\0' || g_str_equal (stripped, "0"))
          return TRUE;
        if (!g_ascii_string_to_signed (stripped, 10, 1, G_MAXINT64, &ref, NULL) ||
            !ctg_document_has_item (self, type == FIELD_BODY_REF ? CTG_ITEM_BODY : CTG_ITEM_SECTION, ref))
          return set_no_such_item (error);
        if (type == FIELD_SECTION_REF)
          {
            const char *want = g_str_equal (field, "theme_id") ? "theme" : "enjeu";
            g_autofree char *section_kind = ctg_document_dup_text (self, CTG_ITEM_SECTION, ref, "kind");
            gint64 axis = ctg_document_get_int (self, CTG_ITEM_SECTION, ref, "axis_id", 0);

            if (g_strcmp0 (section_kind, want) != 0 ||
                axis != ctg_document_get_int (self, CTG_ITEM_OBJECTIVE, id, "axis_id", -1))
              return set_invalid (error, _("This heading belongs to another axis."));
          }
        *stored = g_strdup (stripped);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

static gboolean
find_editable_field (CtgItemKind  kind,
                     const char  *field,
                     FieldType   *type)
{
  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (editable_fields); i++)
    {
      if (editable_fields[i].kind == kind && g_str_equal (editable_fields[i].field, field))
        {
          *type = editable_fields[i].type;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * ctg_document_set:
 * @kind: the kind of item
 * @id: the item (ignored for the convention itself)
 * @field: the field, as named in the file ("title", "echeance", "status",
 *   "progress", ...)
 * @value: (nullable): the new value as the user gave it: dates as
 *   "2025", "03/2025" or "2025-03-15"; statuses in French or English;
 *   progress as "40" or "40 %"; %NULL or "" to clear
 *
 * Changes one field and commits it to the file, with a journal entry, before
 * returning. The value is checked first: a refused value changes nothing.
 */
gboolean
ctg_document_set (CtgDocument  *self,
                  CtgItemKind   kind,
                  gint64        id,
                  const char   *field,
                  const char   *value,
                  GError      **error)
{
  g_autofree char *stored = NULL;
  FieldType type;
  gint64 action_id;
  gint64 previous_edit;
  gboolean ok;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (kind < CTG_N_ITEM_KINDS, FALSE);

  if (kind == CTG_ITEM_CONVENTION)
    id = 1;

  if (!find_editable_field (kind, field, &type))
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                   _("“%s” cannot be changed."), field ? field : "");
      return FALSE;
    }

  if (!ctg_document_has_item (self, kind, id))
    return set_no_such_item (error);

  if (!normalize_value (self, kind, id, field, type, value, &stored, error))
    return FALSE;

  if (!_ctg_document_begin (self, _("Edit"), error))
    return FALSE;

  /* No editable field places an action in the plan (moves do that) */
  previous_edit = begin_action_edit (self, owning_action (self, kind, id));
  ok = _ctg_document_update (self, kinds[kind].table, id, field, stored, error);
  action_id = ok ? owning_action (self, kind, id) : 0;
  if (ok && action_id != 0 && self->group_changed)
    ok = touch_action (self, action_id, error);
  end_action_edit (self, previous_edit);

  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}

static gint64
next_position (CtgDocument *self,
               CtgItemKind  kind,
               gint64       parent_id)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 position = 0;

  if (kinds[kind].parent != NULL)
    sql = g_strdup_printf ("SELECT coalesce(max(position) + 1, 0) FROM %s WHERE %s = ?1",
                           kinds[kind].table, kinds[kind].parent);
  else
    sql = g_strdup_printf ("SELECT coalesce(max(position) + 1, 0) FROM %s", kinds[kind].table);

  stmt = _ctg_document_prepare (self, sql, NULL);
  if (stmt == NULL)
    return 0;
  if (kinds[kind].parent != NULL)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return position;
}

/* Adds an item at the end of its siblings, in its own transaction */
static gint64
add_item (CtgDocument        *self,
          CtgItemKind         kind,
          gint64              parent_id,
          const char         *label,
          const char * const *columns,
          const char * const *values,
          GError            **error)
{
  g_autofree char *position = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GPtrArray) all_columns = g_ptr_array_new ();
  g_autoptr(GPtrArray) all_values = g_ptr_array_new ();
  gint64 id = 0;
  gint64 action_id = 0;

  for (guint i = 0; columns[i]; i++)
    if (!check_text (values[i], error))
      return 0;

  if (!_ctg_document_begin (self, label, error))
    return 0;

  position = g_strdup_printf ("%" G_GINT64_FORMAT, next_position (self, kind, parent_id));
  g_ptr_array_add (all_columns, (gpointer) "position");
  g_ptr_array_add (all_values, position);

  if (kinds[kind].parent != NULL)
    {
      parent = g_strdup_printf ("%" G_GINT64_FORMAT, parent_id);
      g_ptr_array_add (all_columns, (gpointer) kinds[kind].parent);
      g_ptr_array_add (all_values, parent);
    }

  if (kind == CTG_ITEM_ACTION)
    {
      now = _ctg_now_iso ();
      g_ptr_array_add (all_columns, (gpointer) "created");
      g_ptr_array_add (all_values, now);
      g_ptr_array_add (all_columns, (gpointer) "modified");
      g_ptr_array_add (all_values, now);
    }

  for (guint i = 0; columns[i]; i++)
    {
      g_ptr_array_add (all_columns, (gpointer) columns[i]);
      g_ptr_array_add (all_values, (gpointer) values[i]);
    }
  g_ptr_array_add (all_columns, NULL);

  id = _ctg_document_insert (self, kinds[kind].table,
                             (const char * const *) all_columns->pdata,
                             (const char * const *) all_values->pdata, error);

  if (id != 0 && kind != CTG_ITEM_ACTION && (action_id = owning_action (self, kind, id)) != 0)
    if (!touch_action (self, action_id, error))
      id = 0;

  if (!_ctg_document_end (self, id != 0, id != 0 ? error : NULL))
    return 0;
  return id;
}

static gboolean
require_item (CtgDocument  *self,
              CtgItemKind   kind,
              gint64        id,
              GError      **error)
{
  if (!ctg_document_has_item (self, kind, id))
    return set_no_such_item (error);
  return TRUE;
}

gint64
ctg_document_add_signatory (CtgDocument  *self,
                            const char   *organisation,
                            GError      **error)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  return add_item (self, CTG_ITEM_SIGNATORY, 0, _("Add signatory"),
                   (const char *[]) { "organisation", NULL },
                   (const char *[]) { organisation ? organisation : "" }, error);
}

gint64
ctg_document_add_body (CtgDocument  *self,
                       const char   *name,
                       const char   *kind,
                       GError      **error)
{
  g_autofree char *stored = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  if (!normalize_value (self, CTG_ITEM_BODY, 0, "kind", FIELD_BODY_KIND, kind ? kind : "other",
                        &stored, error))
    return 0;

  return add_item (self, CTG_ITEM_BODY, 0, _("Add governance body"),
                   (const char *[]) { "name", "kind", NULL },
                   (const char *[]) { name ? name : "", stored }, error);
}

gint64
ctg_document_add_member (CtgDocument  *self,
                         gint64        body_id,
                         const char   *name,
                         GError      **error)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  if (!require_item (self, CTG_ITEM_BODY, body_id, error))
    return 0;
  return add_item (self, CTG_ITEM_MEMBER, body_id, _("Add member"),
                   (const char *[]) { "name", NULL },
                   (const char *[]) { name ? name : "" }, error);
}

gint64
ctg_document_add_meeting (CtgDocument  *self,
                          gint64        body_id,
                          const char   *date,
                          const char   *title,
                          GError      **error)
{
  g_autofree char *stored_date = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  if (body_id != 0 && !require_item (self, CTG_ITEM_BODY, body_id, error))
    return 0;
  if (!normalize_value (self, CTG_ITEM_MEETING, 0, "date", FIELD_DATE, date, &stored_date, error))
    return 0;
  if (body_id != 0)
    body = g_strdup_printf ("%" G_GINT64_FORMAT, body_id);

  return add_item (self, CTG_ITEM_MEETING, 0, _("Add meeting"),
                   (const char *[]) { "body_id", "date", "title", NULL },
                   (const char *[]) { body, stored_date, title ? title : "" }, error);
}

gint64
ctg_document_add_axis (CtgDocument  *self,
                       const char   *title,
                       GError      **error)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  return add_item (self, CTG_ITEM_AXIS, 0, _("Add axis"),
                   (const char *[]) { "title", NULL },
                   (const char *[]) { title ? title : "" }, error);
}

gint64
ctg_document_add_section (CtgDocument     *self,
                          gint64           axis_id,
                          CtgSectionKind   kind,
                          const char      *title,
                          GError         **error)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  if (!require_item (self, CTG_ITEM_AXIS, axis_id, error))
    return 0;
  return add_item (self, CTG_ITEM_SECTION, axis_id,
                   kind == CTG_SECTION_THEME ? _("Add thématique") : _("Add enjeu"),
                   (const char *[]) { "kind", "title", NULL },
                   (const char *[]) { kind == CTG_SECTION_THEME ? "theme" : "enjeu",
                                      title ? title : "" }, error);
}

gint64
ctg_document_add_objective (CtgDocument  *self,
                            gint64        axis_id,
                            gint64        theme_id,
                            gint64        enjeu_id,
                            const char   *title,
                            GError      **error)
{
  g_autofree char *theme = NULL;
  g_autofree char *enjeu = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  if (!require_item (self, CTG_ITEM_AXIS, axis_id, error))
    return 0;
  if (theme_id != 0)
    {
      if (ctg_document_get_int (self, CTG_ITEM_SECTION, theme_id, "axis_id", 0) != axis_id)
        return set_invalid (error, _("This heading belongs to another axis.")), 0;
      theme = g_strdup_printf ("%" G_GINT64_FORMAT, theme_id);
    }
  if (enjeu_id != 0)
    {
      if (ctg_document_get_int (self, CTG_ITEM_SECTION, enjeu_id, "axis_id", 0) != axis_id)
        return set_invalid (error, _("This heading belongs to another axis.")), 0;
      enjeu = g_strdup_printf ("%" G_GINT64_FORMAT, enjeu_id);
    }

  return add_item (self, CTG_ITEM_OBJECTIVE, axis_id, _("Add objective"),
                   (const char *[]) { "theme_id", "enjeu_id", "title", NULL },
                   (const char *[]) { theme, enjeu, title ? title : "" }, error);
}

gint64
ctg_document_add_action (CtgDocument  *self,
                         gint64        objective_id,
                         const char   *title,
                         GError      **error)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  if (!require_item (self, CTG_ITEM_OBJECTIVE, objective_id, error))
    return 0;
  return add_item (self, CTG_ITEM_ACTION, objective_id, _("Add action"),
                   (const char *[]) { "title", NULL },
                   (const char *[]) { title ? title : "" }, error);
}

gint64
ctg_document_add_step (CtgDocument  *self,
                       gint64        action_id,
                       const char   *text,
                       GError      **error)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  if (!require_item (self, CTG_ITEM_ACTION, action_id, error))
    return 0;
  return add_item (self, CTG_ITEM_STEP, action_id, _("Add step"),
                   (const char *[]) { "text", NULL },
                   (const char *[]) { text ? text : "" }, error);
}

gint64
ctg_document_add_indicator (CtgDocument  *self,
                            gint64        action_id,
                            const char   *name,
                            GError      **error)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  if (!require_item (self, CTG_ITEM_ACTION, action_id, error))
    return 0;
  return add_item (self, CTG_ITEM_INDICATOR, action_id, _("Add indicator"),
                   (const char *[]) { "name", NULL },
                   (const char *[]) { name ? name : "" }, error);
}

/**
 * ctg_document_set_indicator_value:
 * @value: (nullable): the value for @year; %NULL or "" removes it
 */
gboolean
ctg_document_set_indicator_value (CtgDocument  *self,
                                  gint64        indicator_id,
                                  guint         year,
                                  const char   *value,
                                  GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 existing = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  if (!require_item (self, CTG_ITEM_INDICATOR, indicator_id, error) || !check_text (value, error))
    return FALSE;
  if (year < 1900 || year > 2200)
    return set_invalid (error, _("The year must be between 1900 and 2200."));

  if (!_ctg_document_begin (self, _("Edit indicator"), error))
    return FALSE;

  stmt = _ctg_document_prepare (self, "SELECT id FROM indicator_value WHERE indicator_id = ?1 AND year = ?2", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, indicator_id);
      sqlite3_bind_int (stmt, 2, (int) year);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        existing = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  if (ok && existing != 0 && (value == NULL || value[0] == '\0'))
    ok = delete_row (self, CTG_ITEM_INDICATOR_VALUE, existing, error);
  else if (ok && existing != 0)
    ok = _ctg_document_update (self, "indicator_value", existing, "value", value, error);
  else if (ok && value != NULL && value[0] != '\0')
    {
      g_autofree char *indicator = g_strdup_printf ("%" G_GINT64_FORMAT, indicator_id);
      g_autofree char *year_text = g_strdup_printf ("%u", year);

      ok = _ctg_document_insert (self, "indicator_value",
                                 (const char *[]) { "indicator_id", "year", "value", NULL },
                                 (const char *[]) { indicator, year_text, value }, error) != 0;
    }

  if (ok && self->group_changed)
    ok = touch_action (self, owning_action (self, CTG_ITEM_INDICATOR, indicator_id), error);

  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}

/**
 * ctg_document_set_participants:
 * @participants: (element-type CtgParticipant): the new pilots or partners,
 *   in order
 *
 * Replaces the pilots (or partners) of an action, as one undoable edit.
 */
gboolean
ctg_document_set_participants (CtgDocument  *self,
                               gint64        action_id,
                               CtgRelation   relation,
                               GPtrArray    *participants,
                               GError      **error)
{
  g_autoptr(CtgAction) action = NULL;
  GPtrArray *current;
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *action_text = NULL;
  gint64 previous_edit;
  gboolean same = TRUE;
  gboolean ok = TRUE;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (participants != NULL, FALSE);

  for (guint i = 0; i < participants->len; i++)
    {
      const CtgParticipant *p = g_ptr_array_index (participants, i);

      if (!check_text (p->name, error) || !check_text (p->role, error))
        return FALSE;
      g_autofree char *name = g_strstrip (g_strdup (p->name));

      if (name[0] == '\0')
        return set_invalid (error, _("A pilot or partner needs a name."));
    }

  action = ctg_document_get_action (self, action_id);
  if (action == NULL)
    return set_no_such_item (error);

  current = relation == CTG_RELATION_PILOT ? ctg_action_get_pilots (action)
            : relation == CTG_RELATION_REFERENT ? ctg_action_get_referents (action)
            : ctg_action_get_partners (action);
  if (current->len == participants->len)
    for (guint i = 0; i < current->len && same; i++)
      same = ctg_participant_equal (g_ptr_array_index (current, i), g_ptr_array_index (participants, i));
  else
    same = FALSE;
  if (same)
    return TRUE;

  if (!_ctg_document_begin (self, relation == CTG_RELATION_PILOT ? _("Change pilots")
                                  : relation == CTG_RELATION_REFERENT ? _("Change référents")
                                  : _("Change partners"),
                            error))
    return FALSE;

  previous_edit = begin_action_edit (self, action_id);
  stmt = _ctg_document_prepare (self, "SELECT id FROM participant WHERE action_id = ?1 AND relation = ?2", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, action_id);
      sqlite3_bind_text (stmt, 2, ctg_relation_to_key (relation), -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
        }
      sqlite3_reset (stmt);
    }

  for (guint i = 0; ok && i < ids->len; i++)
    ok = delete_row (self, CTG_ITEM_PARTICIPANT, g_array_index (ids, gint64, i), error);

  action_text = g_strdup_printf ("%" G_GINT64_FORMAT, action_id);
  for (guint i = 0; ok && i < participants->len; i++)
    {
      const CtgParticipant *p = g_ptr_array_index (participants, i);
      g_autofree char *position = g_strdup_printf ("%u", i);
      g_autofree char *name = g_strstrip (g_strdup (p->name));
      g_autofree char *role = g_strstrip (g_strdup (p->role ? p->role : ""));

      ok = _ctg_document_insert (self, "participant",
                                 (const char *[]) { "action_id", "relation", "position", "name", "kind", "role", NULL },
                                 (const char *[]) { action_text, ctg_relation_to_key (relation), position,
                                                    name, ctg_participant_kind_to_key (p->kind), role },
                                 error) != 0;
    }

  if (ok)
    ok = touch_action (self, action_id, error);
  end_action_edit (self, previous_edit);

  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}

/* The annual evaluation */

static gint64
find_year_row (CtgDocument *self,
               CtgItemKind  kind,
               gint64       parent_id,
               guint        year)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1 AND year = ?2",
                                          kinds[kind].table, kinds[kind].parent);
  sqlite3_stmt *stmt = _ctg_document_prepare (self, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_int (stmt, 2, (int) year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Sets one field of the row of @parent_id for @year, making the row on the
 * first value given. Runs inside a transaction. */
static gboolean
update_year_row (CtgDocument  *self,
                 CtgItemKind   kind,
                 gint64        parent_id,
                 guint         year,
                 const char   *field,
                 const char   *stored,
                 GError      **error)
{
  gint64 id = find_year_row (self, kind, parent_id, year);

  if (id == 0)
    {
      g_autofree char *parent = g_strdup_printf ("%" G_GINT64_FORMAT, parent_id);
      g_autofree char *year_text = g_strdup_printf ("%u", year);

      if (stored == NULL || stored[0] == '\0')
        return TRUE;
      id = _ctg_document_insert (self, kinds[kind].table,
                                 (const char *[]) { kinds[kind].parent, "year", NULL },
                                 (const char *[]) { parent, year_text }, error);
      if (id == 0)
        return FALSE;
    }
  return _ctg_document_update (self, kinds[kind].table, id, field, stored, error);
}

static gboolean
set_year_field (CtgDocument  *self,
                CtgItemKind   kind,
                CtgItemKind   parent_kind,
                gint64        parent_id,
                guint         year,
                const char   *field,
                const char   *value,
                const char   *label,
                GError      **error)
{
  g_autofree char *stored = NULL;
  FieldType type;
  gboolean ok;

  if (!find_editable_field (kind, field, &type))
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                   _("“%s” cannot be changed."), field ? field : "");
      return FALSE;
    }
  if (!require_item (self, parent_kind, parent_id, error))
    return FALSE;
  if (year < 1900 || year > 2200)
    return set_invalid (error, _("The year must be between 1900 and 2200."));
  if (!normalize_value (self, kind, 0, field, type, value, &stored, error))
    return FALSE;

  if (!_ctg_document_begin (self, label, error))
    return FALSE;
  ok = update_year_row (self, kind, parent_id, year, field, stored, error);
  if (ok && parent_kind == CTG_ITEM_ACTION && self->group_changed)
    ok = touch_action (self, parent_id, error);
  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}

/**
 * ctg_document_find_action_year:
 *
 * Returns: the id of the %CTG_ITEM_ACTION_YEAR of @action_id for @year (its
 *   follow-up note and year-end status), or 0 when nothing was entered
 */
gint64
ctg_document_find_action_year (CtgDocument *self,
                               gint64       action_id,
                               guint        year)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  return find_year_row (self, CTG_ITEM_ACTION_YEAR, action_id, year);
}

/**
 * ctg_document_find_action_years:
 *
 * The follow-up rows of every action for @year in one read, for pages that
 * go through all the actions (asking ctg_document_find_action_year() for
 * each of 10,000 actions is 10,000 queries).
 *
 * Returns: (transfer full): the action ids (gint64 *) that have a
 *   %CTG_ITEM_ACTION_YEAR for @year, each to the id of that row (gint64 *)
 */
GHashTable *
ctg_document_find_action_years (CtgDocument *self,
                                guint        year)
{
  GHashTable *rows;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), NULL);

  rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  stmt = _ctg_document_prepare (self, "SELECT action_id, id FROM action_year WHERE year = ?1", NULL);
  if (stmt == NULL)
    return rows;
  sqlite3_bind_int (stmt, 1, (int) year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 action_id = sqlite3_column_int64 (stmt, 0);
      gint64 row = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (rows, g_memdup2 (&action_id, sizeof action_id), g_memdup2 (&row, sizeof row));
    }
  sqlite3_reset (stmt);
  return rows;
}

/**
 * ctg_document_set_action_year:
 * @field: "done", "difficulties", "next_steps" (the follow-up note),
 *   "status" or "progress" (where the action stood at the end of @year)
 *
 * Sets one part of an action's follow-up for one year, as one undoable edit.
 */
gboolean
ctg_document_set_action_year (CtgDocument  *self,
                              gint64        action_id,
                              guint         year,
                              const char   *field,
                              const char   *value,
                              GError      **error)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  return set_year_field (self, CTG_ITEM_ACTION_YEAR, CTG_ITEM_ACTION, action_id, year,
                         field, value, _("Edit year note"), error);
}

/**
 * ctg_document_record_year_end:
 *
 * Keeps the status and progress every action has now as where it stood at
 * the end of @year, as one undoable edit: the history the COPIL compares
 * from one year to the next.
 */
gboolean
ctg_document_record_year_end (CtgDocument  *self,
                              guint         year,
                              GError      **error)
{
  g_autoptr(GListModel) actions = NULL;
  gboolean ok = TRUE;
  guint n;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  if (year < 1900 || year > 2200)
    return set_invalid (error, _("The year must be between 1900 and 2200."));

  actions = ctg_document_list_actions (self, 0);
  n = g_list_model_get_n_items (actions);

  if (!_ctg_document_begin (self, _("Record the year’s statuses"), error))
    return FALSE;
  for (guint i = 0; ok && i < n; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);
      g_autofree char *progress = action->progress >= 0 ? g_strdup_printf ("%d", action->progress) : NULL;

      ok = update_year_row (self, CTG_ITEM_ACTION_YEAR, action->id, year, "status",
                            ctg_status_to_key (action->status), error) &&
           _ctg_document_update (self, "action_year",
                                 find_year_row (self, CTG_ITEM_ACTION_YEAR, action->id, year),
                                 "progress", progress, error);
    }
  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}

/**
 * ctg_document_add_funding:
 * @amount: (nullable): the amount as the user wrote it, or %NULL if unknown
 *
 * Returns: the new %CTG_ITEM_FUNDING, or 0 with @error set
 */
gint64
ctg_document_add_funding (CtgDocument    *self,
                          gint64          action_id,
                          CtgFunderKind   funder,
                          const char     *name,
                          const char     *amount,
                          GError        **error)
{
  g_autofree char *stored = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (funder < CTG_N_FUNDER_KINDS, 0);

  if (!require_item (self, CTG_ITEM_ACTION, action_id, error))
    return 0;
  if (!normalize_value (self, CTG_ITEM_FUNDING, 0, "amount", FIELD_AMOUNT, amount, &stored, error))
    return 0;
  return add_item (self, CTG_ITEM_FUNDING, action_id, _("Add funder"),
                   (const char *[]) { "funder", "name", "amount", NULL },
                   (const char *[]) { ctg_funder_to_key (funder), name ? name : "", stored }, error);
}

static gboolean
funding_equal (const CtgFunding *a,
               const CtgFunding *b)
{
  return a->funder == b->funder && a->amount == b->amount && g_strcmp0 (a->name, b->name) == 0;
}

/**
 * ctg_document_set_funding:
 * @funding: (element-type CtgFunding): the new funders, in order
 *
 * Replaces the funders of an action, as one undoable edit.
 */
gboolean
ctg_document_set_funding (CtgDocument  *self,
                          gint64        action_id,
                          GPtrArray    *funding,
                          GError      **error)
{
  g_autoptr(CtgAction) action = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *action_text = NULL;
  gint64 previous_edit;
  gboolean same;
  gboolean ok = TRUE;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (funding != NULL, FALSE);

  for (guint i = 0; i < funding->len; i++)
    {
      const CtgFunding *f = g_ptr_array_index (funding, i);

      if (!check_text (f->name, error))
        return FALSE;
      g_return_val_if_fail (f->funder < CTG_N_FUNDER_KINDS, FALSE);
    }

  action = ctg_document_get_action (self, action_id);
  if (action == NULL)
    return set_no_such_item (error);

  same = ctg_action_get_funding (action)->len == funding->len;
  for (guint i = 0; same && i < funding->len; i++)
    same = funding_equal (g_ptr_array_index (ctg_action_get_funding (action), i), g_ptr_array_index (funding, i));
  if (same)
    return TRUE;

  if (!_ctg_document_begin (self, _("Change funders"), error))
    return FALSE;

  previous_edit = begin_action_edit (self, action_id);
  ids = ctg_document_list_ids (self, CTG_ITEM_FUNDING, action_id);
  for (guint i = 0; ok && i < ids->len; i++)
    ok = delete_row (self, CTG_ITEM_FUNDING, g_array_index (ids, gint64, i), error);

  action_text = g_strdup_printf ("%" G_GINT64_FORMAT, action_id);
  for (guint i = 0; ok && i < funding->len; i++)
    {
      const CtgFunding *f = g_ptr_array_index (funding, i);
      g_autofree char *position = g_strdup_printf ("%u", i);
      g_autofree char *name = g_strstrip (g_strdup (f->name ? f->name : ""));
      g_autofree char *amount = f->amount >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, f->amount) : NULL;

      ok = _ctg_document_insert (self, "funding",
                                 (const char *[]) { "action_id", "position", "funder", "name", "amount", NULL },
                                 (const char *[]) { action_text, position, ctg_funder_to_key (f->funder),
                                                    name, amount },
                                 error) != 0;
    }

  if (ok)
    ok = touch_action (self, action_id, error);
  end_action_edit (self, previous_edit);
  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}

gint64
ctg_document_add_evaluation_indicator (CtgDocument  *self,
                                       const char   *name,
                                       GError      **error)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  return add_item (self, CTG_ITEM_EVALUATION_INDICATOR, 0, _("Add evaluation indicator"),
                   (const char *[]) { "name", NULL },
                   (const char *[]) { name ? name : "" }, error);
}

/**
 * ctg_document_find_assessment:
 *
 * Returns: the %CTG_ITEM_ASSESSMENT of a convention-level indicator for
 *   @year, or 0 when it was not assessed
 */
gint64
ctg_document_find_assessment (CtgDocument *self,
                              gint64       indicator_id,
                              guint        year)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  return find_year_row (self, CTG_ITEM_ASSESSMENT, indicator_id, year);
}

/**
 * ctg_document_set_assessment:
 * @field: "level" (not met, partly met, met, exceeded), "value" (what
 *   was measured, as text) or "comment"
 *
 * Sets one part of the yearly assessment of a convention-level indicator.
 */
gboolean
ctg_document_set_assessment (CtgDocument  *self,
                             gint64        indicator_id,
                             guint         year,
                             const char   *field,
                             const char   *value,
                             GError      **error)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  return set_year_field (self, CTG_ITEM_ASSESSMENT, CTG_ITEM_EVALUATION_INDICATOR, indicator_id, year,
                         field, value, _("Edit assessment"), error);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/**
 * ctg_document_list_years:
 *
 * Returns: (transfer full) (element-type guint): the years to evaluate, in
 *   order: those of the convention's period and any year with a note or an
 *   assessment
 */
GArray *
ctg_document_list_years (CtgDocument *self)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  CtgDate start, end;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), years);

  start_text = ctg_document_dup_text (self, CTG_ITEM_CONVENTION, 1, "period_start");
  end_text = ctg_document_dup_text (self, CTG_ITEM_CONVENTION, 1, "period_end");
  if (start_text != NULL && end_text != NULL &&
      ctg_date_parse (start_text, &start) && ctg_date_parse (end_text, &end) &&
      start.year <= end.year && end.year - start.year < 50)
    for (guint y = start.year; y <= end.year; y++)
      g_hash_table_add (seen, GUINT_TO_POINTER (y));

  stmt = _ctg_document_prepare (self,
    "SELECT year FROM action_year UNION SELECT year FROM evaluation_assessment", NULL);
  if (stmt != NULL)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_add (seen, GUINT_TO_POINTER ((guint) sqlite3_column_int (stmt, 0)));
      sqlite3_reset (stmt);
    }

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        guint y = GPOINTER_TO_UINT (key);
        g_array_append_val (years, y);
      }
  }
  g_array_sort (years, compare_uint);
  return years;
}

static const char *
delete_label (CtgItemKind kind)
{
  switch ((int) kind)
    {
    case CTG_ITEM_AXIS: return _("Delete axis");
    case CTG_ITEM_SECTION: return _("Delete heading");
    case CTG_ITEM_OBJECTIVE: return _("Delete objective");
    case CTG_ITEM_ACTION: return _("Delete action");
    case CTG_ITEM_STEP: return _("Delete step");
    case CTG_ITEM_INDICATOR: return _("Delete indicator");
    case CTG_ITEM_SIGNATORY: return _("Delete signatory");
    case CTG_ITEM_BODY: return _("Delete governance body");
    case CTG_ITEM_MEMBER: return _("Delete member");
    case CTG_ITEM_MEETING: return _("Delete meeting");
    case CTG_ITEM_FUNDING: return _("Delete funder");
    case CTG_ITEM_ACTION_YEAR: return _("Delete year note");
    case CTG_ITEM_EVALUATION_INDICATOR: return _("Delete evaluation indicator");
    case CTG_ITEM_ASSESSMENT: return _("Delete assessment");
    default: return _("Delete");
    }
}

/**
 * ctg_document_delete:
 *
 * Deletes an item with everything under it (an axis with its objectives and
 * their actions), as one undoable edit.
 */
gboolean
ctg_document_delete (CtgDocument  *self,
                     CtgItemKind   kind,
                     gint64        id,
                     GError      **error)
{
  gint64 action_id;
  gboolean ok;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (kind < CTG_N_ITEM_KINDS && kind != CTG_ITEM_CONVENTION, FALSE);

  if (!require_item (self, kind, id, error))
    return FALSE;

  action_id = kind != CTG_ITEM_ACTION ? owning_action (self, kind, id) : 0;

  if (!_ctg_document_begin (self, delete_label (kind), error))
    return FALSE;
  ok = delete_row (self, kind, id, error);
  if (ok && action_id != 0)
    ok = touch_action (self, action_id, error);
  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}

static gboolean
renumber (CtgDocument  *self,
          CtgItemKind   kind,
          GArray       *ids,
          GError      **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *position = g_strdup_printf ("%u", i);

      if (!_ctg_document_update (self, kinds[kind].table, g_array_index (ids, gint64, i),
                                 "position", position, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ctg_document_move:
 * @position: the new place among its siblings, from 0
 *
 * Reorders an item among its siblings (an axis among the axes, a step among
 * the steps of its action, ...).
 */
gboolean
ctg_document_move (CtgDocument  *self,
                   CtgItemKind   kind,
                   gint64        id,
                   guint         position,
                   GError      **error)
{
  g_autoptr(GArray) ids = NULL;
  gint64 parent = 0;
  guint index = G_MAXUINT;
  gboolean ok;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (kind < CTG_N_ITEM_KINDS && kind != CTG_ITEM_CONVENTION &&
                        kind != CTG_ITEM_INDICATOR_VALUE && kind != CTG_ITEM_PARTICIPANT &&
                        kind != CTG_ITEM_ACTION_YEAR && kind != CTG_ITEM_ASSESSMENT, FALSE);

  if (!require_item (self, kind, id, error))
    return FALSE;

  if (kinds[kind].parent != NULL)
    parent = ctg_document_get_int (self, kind, id, kinds[kind].parent, 0);
  ids = ctg_document_list_ids (self, kind, parent);

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      index = i;
  g_assert (index != G_MAXUINT);

  position = MIN (position, ids->len - 1);
  if (position == index)
    return TRUE;

  g_array_remove_index (ids, index);
  g_array_insert_val (ids, position, id);

  if (!_ctg_document_begin (self, _("Move"), error))
    return FALSE;
  ok = renumber (self, kind, ids, error);
  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}

/**
 * ctg_document_move_action:
 *
 * Moves an action to the end of another objective, possibly in another axis.
 */
gboolean
ctg_document_move_action (CtgDocument  *self,
                          gint64        action_id,
                          gint64        objective_id,
                          GError      **error)
{
  g_autofree char *objective = NULL;
  g_autofree char *position = NULL;
  gboolean ok;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  if (!require_item (self, CTG_ITEM_ACTION, action_id, error) ||
      !require_item (self, CTG_ITEM_OBJECTIVE, objective_id, error))
    return FALSE;
  if (ctg_document_get_int (self, CTG_ITEM_ACTION, action_id, "objective_id", 0) == objective_id)
    return TRUE;

  objective = g_strdup_printf ("%" G_GINT64_FORMAT, objective_id);
  position = g_strdup_printf ("%" G_GINT64_FORMAT, next_position (self, CTG_ITEM_ACTION, objective_id));

  if (!_ctg_document_begin (self, _("Move action"), error))
    return FALSE;
  ok = _ctg_document_update (self, "action", action_id, "objective_id", objective, error) &&
       _ctg_document_update (self, "action", action_id, "position", position, error) &&
       touch_action (self, action_id, error);
  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}

/* GObject */

static void
ctg_document_finalize (GObject *object)
{
  CtgDocument *self = (CtgDocument *)object;

  ctg_document_close (self);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->group_label, g_free);

  G_OBJECT_CLASS (ctg_document_parent_class)->finalize (object);
}

static void
ctg_document_class_init (CtgDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ctg_document_finalize;

  /**
   * CtgDocument::changed:
   *
   * Emitted after every committed edit, undo and redo.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
ctg_document_init (CtgDocument *self)
{
  self->lock_fd = -1;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
}
