/* ctg-document-db.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The connection: statements, and SQLite errors turned into GErrors. */

#define G_LOG_DOMAIN "ctg-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/random.h>
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

gboolean
_ctg_document_set_invalid (GError     **error,
                           const char  *message)
{
  g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE, message);
  return FALSE;
}

gboolean
_ctg_document_set_no_such_item (GError **error)
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

gboolean
_ctg_document_step_done (CtgDocument   *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _ctg_document_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* The ids in the first column of the rows of @sql, in their order, ?1
 * bound to @arg where @sql has it; %NULL with @error set when @sql cannot
 * be prepared */
GArray *
_ctg_document_query_ids (CtgDocument  *self,
                         const char   *sql,
                         gint64        arg,
                         GError      **error)
{
  sqlite3_stmt *stmt = _ctg_document_prepare (self, sql, error);
  GArray *ids;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, arg);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}

void
_ctg_document_bind_text_or_null (sqlite3_stmt *stmt,
                                 int           index,
                                 const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char * const *
_ctg_document_table_columns (CtgDocument *self,
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

gboolean
_ctg_document_table_has_column (CtgDocument *self,
                                const char  *table,
                                const char  *column)
{
  return column != NULL && g_strv_contains (_ctg_document_table_columns (self, table), column);
}

/* A random (version 4) UUID for a row or a transaction. Read from the
 * kernel each time, not from GLib's generator: a process forked from
 * another (a test's child, a helper) would otherwise make the same ones as
 * its parent, and two copies of a convention would share identities. */
char *
_ctg_uuid_new (void)
{
  guint8 b[16];

  if (getrandom (b, sizeof b, 0) != (ssize_t) sizeof b)
    return g_uuid_string_random ();
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}
