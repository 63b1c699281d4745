/* ctg-document-file.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Opening, creating, locking, checking and copying a convention file. */

#define G_LOG_DOMAIN "ctg-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
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
#include "ctg-verified-cache.h"

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
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&open_files_lock);

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
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&open_files_lock);

  if (open_files != NULL)
    g_hash_table_remove (open_files, key);
}

/* Opening */

/* Files come by email and USB stick: treat their content as hostile */
static int
harden_connection (sqlite3 *db)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, 64 * 1024 * 1024);
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_busy_timeout (db, 5000);
  return sqlite3_exec (db, "PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0;", NULL, NULL, NULL);
}

static gboolean
configure_connection (CtgDocument  *self,
                      GError      **error)
{
  int rc;

  sqlite3_update_hook (self->db, _ctg_document_on_row_written, self);
  rc = harden_connection (self->db);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db,
                       /* Page 1 is then journaled before any page of the file
                        * is written, which tells our journals from others
                        * (see ctg-file-guard.c) */
                       "PRAGMA cache_spill = OFF;"
                       "PRAGMA foreign_keys = ON;",
                       NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return _ctg_document_set_sqlite_error (self, rc, error);

  return TRUE;
}

/* SQLite's page cache while a file is checked, in KiB */
#define CHECK_CACHE_KB 65536

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
table_text_valid (sqlite3    *db,
                  const char *table,
                  int        *rc)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  *rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
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
check_content (sqlite3 *db,
               int     *rc)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  *rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
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

      *rc = sqlite3_prepare_v2 (db,
                                "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                                -1, &stmt, NULL);
      while (*rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      if (*rc == SQLITE_OK)
        *rc = sqlite3_finalize (stmt);
      ok = *rc == SQLITE_OK;

      for (guint i = 0; ok && i < tables->len; i++)
        ok = table_text_valid (db, g_ptr_array_index (tables, i), rc);
    }

  return ok;
}

/* check_content() of the file, on a connection of its own in a thread,
 * while the opening connection runs SQLite's integrity check: they read
 * the file independently, and on two cores the content check no longer
 * adds to the wait (about a fifth of the full check). */
typedef struct
{
  GThread  *thread;
  char     *path;
  dev_t     dev;      /* the file the document opened */
  ino_t     ino;
  gboolean  ran;      /* on that same file: else check on the main connection */
  gboolean  ok;
  int       rc;
} ContentCheck;

static gboolean
same_file (ContentCheck *check)
{
  struct stat st;

  return g_stat (check->path, &st) == 0 && st.st_dev == check->dev && st.st_ino == check->ino;
}

static gpointer
content_check_thread (gpointer data)
{
  ContentCheck *check = data;
  sqlite3 *db = NULL;

  /* The path names the file that was opened before and after: else the
   * check could have read another file put in its place */
  if (!same_file (check))
    return NULL;
  if (sqlite3_open_v2 (check->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE, NULL) == SQLITE_OK &&
      harden_connection (db) == SQLITE_OK)
    {
      check->ok = check_content (db, &check->rc);
      check->ran = same_file (check);
    }
  sqlite3_close (db);
  return NULL;
}

/* Starts the content check of @self's file beside the integrity check, or
 * returns %NULL where a second connection would not see the same (a
 * read-only document may be a WAL file or in a read-only folder) */
static ContentCheck *
content_check_start (CtgDocument *self)
{
  ContentCheck *check;
  struct stat st;

  if (self->read_only || self->lock_fd < 0 || fstat (self->lock_fd, &st) != 0 ||
      g_get_num_processors () < 2)
    return NULL;
  check = g_new0 (ContentCheck, 1);
  check->path = g_strdup (self->path);
  check->dev = st.st_dev;
  check->ino = st.st_ino;
  check->thread = g_thread_try_new ("ctg-check", content_check_thread, check, NULL);
  if (check->thread == NULL)
    {
      g_free (check->path);
      g_free (check);
      return NULL;
    }
  return check;
}

/* Waits for @check's thread to end, and frees it */
static void
content_check_free (ContentCheck *check)
{
  if (check == NULL)
    return;
  if (check->thread != NULL)
    g_thread_join (check->thread);
  g_free (check->path);
  g_free (check);
}

/* Waits for @check and frees it; the outcome of check_content(), run on
 * the main connection if the thread could not */
static gboolean
content_check_finish (CtgDocument  *self,
                      ContentCheck *check,
                      int          *rc)
{
  gboolean ok;

  if (check == NULL)
    return check_content (self->db, rc);
  g_thread_join (g_steal_pointer (&check->thread));
  ok = check->ran ? check->ok : check_content (self->db, rc);
  if (check->ran)
    *rc = check->rc;
  content_check_free (check);
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
finish_open (CtgDocument         *self,
             gboolean             creating,
             const CtgFileState  *state,
             gboolean            *checked,
             GError             **error)
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
      ContentCheck *content = NULL;

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

      /* A file verified in exactly this state, untouched since it was
       * read (see ctg-verified-cache.c), is not checked again */
      if (state != NULL && _ctg_verified_cache_contains (state) &&
          _ctg_file_state_unchanged (state, self->lock_fd))
        goto verified;
      *checked = TRUE;

      /* The schema first: the integrity check compiles the tables' CHECK
       * constraints, so a flipped byte in their text would otherwise be
       * an "unknown function" error rather than a file refused */
      if (!_ctg_schema_verify (self->db, version, error))
        return FALSE;

      /* The checks read every page, the indexes' many times over: with
       * SQLite's 2 MB page cache, a 140 MB file of 100,000 actions was
       * read again from the kernel's cache some 3 GB worth (a third of the
       * check). A larger cache while checking, given back after. */
      sqlite3_exec (self->db, "PRAGMA cache_size = -" G_STRINGIFY (CHECK_CACHE_KB), NULL, NULL, NULL);
      content = content_check_start (self);

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
          /* The thread reads the file: it ends before the document can */
          content_check_free (g_steal_pointer (&content));
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
      if (!content_check_finish (self, g_steal_pointer (&content), &rc))
        {
          if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB &&
              (rc & 0xff) != SQLITE_TOOBIG)
            return _ctg_document_set_sqlite_error (self, rc, error);
          g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DAMAGED,
                       _("“%s” is damaged and cannot be opened."), display);
          return FALSE;
        }
      sqlite3_exec (self->db, "PRAGMA cache_size = -2000", NULL, NULL, NULL);
#ifdef __GLIBC__
      /* The check's pages and the checking thread's malloc arena are free
       * now, but glibc keeps freed memory resident until told: given back
       * (milliseconds, after a check of seconds) */
      malloc_trim (0);
#endif
    verified:
      ;
    }

  if (version < CTG_SCHEMA_VERSION)
    {
      if (self->read_only && !read_into_memory (self, error))
        return FALSE;

      if (!_ctg_document_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!_ctg_schema_migrate (self->db, version, &local_error) ||
          (version < 2 && !insert_default_indicators (self, &local_error)) ||
          (version < 4 && !_ctg_schema_measure_indicators (self->db, &local_error)))
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
      if (!_ctg_schema_fill_identities (self->db, creating, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return _ctg_document_set_sqlite_error (self, rc, error);
        }
    }

  return TRUE;
}

/* SQLite's unix VFS: MAX_PATHNAME */
#define CTG_MAX_PATH_BYTES 512

static CtgDocument *
open_internal (const char    *path,
               CtgOpenFlags   flags,
               gboolean       creating,
               gboolean      *made,
               GError       **error)
{
  g_autoptr(CtgDocument) self = NULL;
  g_autofree char *display = NULL;
  struct stat st;
  guint8 header[100];
  gssize length;
  CtgFileState state;
  gboolean has_state = FALSE;
  gboolean checked = FALSE;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_basename (path);

  /* SQLite's unix VFS takes full paths of at most 512 bytes, its journal's
   * included: say so before anything is made */
  {
    g_autofree char *full = g_canonicalize_filename (path, NULL);

    if (strlen (full) + strlen ("-journal") >= CTG_MAX_PATH_BYTES)
      {
        g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                     _("The path of “%s” is too long (%u bytes; at most %u): move it to a folder "
                       "with a shorter path, or give it a shorter name."),
                     display, (guint) strlen (full),
                     (guint) (CTG_MAX_PATH_BYTES - 1 - strlen ("-journal")));
        return NULL;
      }
  }

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
      *made = TRUE;
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

      /* The state the file is in, read before SQLite opens it */
      if (fstat (self->lock_fd, &st) == 0)
        {
          _ctg_file_state_init (&state, path, &st, header, (gsize) length);
          has_state = TRUE;
        }
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

  /* SQLite plays back whatever journal lies beside the file: only ours */
  if (!creating && !_ctg_file_guard_check (self, header, error))
    return NULL;
  self->clean_wal = !creating && self->read_only && _ctg_file_guard_wal_absent (path, header);

  open_flags = (self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_EXRESCODE;
  if (self->clean_wal && !dir_is_writable (path))
    {
      /* A read-only connection to a WAL-mode file needs its -wal and -shm,
       * which a read-only folder cannot hold. Nobody can write the file
       * there either (a writer needs them, or a journal): it is immutable. */
      g_autofree char *full = g_canonicalize_filename (path, NULL);
      g_autofree char *uri = g_filename_to_uri (full, NULL, NULL);
      g_autofree char *immutable = uri ? g_strconcat (uri, "?immutable=1", NULL) : NULL;

      self->clean_wal = FALSE;
      rc = immutable ? sqlite3_open_v2 (immutable, &self->db, open_flags | SQLITE_OPEN_URI, NULL)
                     : SQLITE_CANTOPEN;
    }
  else
    rc = sqlite3_open_v2 (path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      _ctg_document_set_sqlite_error (self, rc, error);
      return NULL;
    }

  if (!finish_open (self, creating, has_state ? &state : NULL, &checked, error))
    return NULL;
  /* Unless the open wrote to it (an upgrade) or someone else did meanwhile */
  if (checked && has_state && _ctg_file_state_unchanged (&state, self->lock_fd))
    _ctg_verified_cache_remember (&state);

  self->seen_data_version = _ctg_document_data_version (self);
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
  gboolean made = FALSE;
  CtgDocument *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = open_internal (path, CTG_OPEN_FLAGS_NONE, TRUE, &made, &local_error);

  /* Leave nothing half made behind; a file that was there before fails
   * with EEXIST before anything is made and is left alone. */
  if (self == NULL)
    {
      if (made)
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
  gboolean made = FALSE;

  return open_internal (path, flags, FALSE, &made, error);
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
  _ctg_document_forget_actions (self);

  if (self->db != NULL)
    {
      sqlite3_close (self->db);
      self->db = NULL;
    }

  /* Only now that SQLite has let go of the file (see lock_fd) */
  if (self->lock_fd >= 0)
    {
      if (self->clean_wal)
        _ctg_file_guard_clean_wal (self->lock_fd, self->path);
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
 * ctg_document_check_replaceable:
 * @path: a file an export or import is about to write
 * @source: (nullable): the file the data comes from
 * @force: whether an existing file may be replaced
 *
 * Refuses, with a clear error, to write over @source itself, over a
 * convention open for editing (in this process or another: the writer
 * would go on writing to a deleted file), and over any existing file
 * unless @force. The writer then writes beside @path and renames into place.
 */
gboolean
ctg_document_check_replaceable (const char  *path,
                                const char  *source,
                                gboolean     force,
                                GError     **error)
{
  g_autofree char *display = NULL;
  struct stat st, source_st;
  gboolean open_here;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0)
    return TRUE;

  display = g_filename_display_basename (path);
  if (source != NULL && g_stat (source, &source_st) == 0 &&
      st.st_dev == source_st.st_dev && st.st_ino == source_st.st_ino)
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                   _("“%s” is the file being read: writing to it would destroy it. Choose another name."),
                   display);
      return FALSE;
    }

  /* Never a second descriptor on a file this process has open (see
   * lock_fd): the table of open files says it */
  {
    g_autofree char *key = file_key (st.st_dev, st.st_ino);
    G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&open_files_lock);

    open_here = open_files != NULL && g_hash_table_contains (open_files, key);
  }
  if (!open_here && S_ISREG (st.st_mode) &&
      (fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0)) >= 0)
    {
      open_here = flock (fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
      close (fd);
    }
  if (open_here)
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_ALREADY_OPEN,
                   _("“%s” is open in CTG Planner: close it there before replacing it."), display);
      return FALSE;
    }

  if (!force)
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                   _("“%s” already exists; use --force to replace it"), display);
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                   _("“%s” is a folder."), display);
      return FALSE;
    }
  return TRUE;
}

/**
 * ctg_document_check_file:
 *
 * Checks that the file the document writes to is still the one at its path:
 * a sync client, `mv`, or an export may have replaced or deleted it. If not,
 * the document turns read-only, so nothing more is written to a file nobody
 * will see; everything written so far is still readable from it, and
 * ctg_document_save_copy() saves it elsewhere. Called before every write.
 *
 * Returns: %FALSE if the file is no longer at its path
 */
gboolean
ctg_document_check_file (CtgDocument *self)
{
  struct stat st;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  if (self->detached)
    return FALSE;
  /* By its path only: never a descriptor on the file (see lock_fd) */
  if (self->lock_fd < 0 || self->db == NULL ||
      (g_stat (self->path, &st) == 0 && st.st_dev == self->dev && st.st_ino == self->ino))
    return TRUE;

  self->detached = TRUE;
  self->read_only = TRUE;
  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (_("The file was moved, replaced or deleted while it was open: "
                                       "nothing more is written to it. Everything is still here; "
                                       "save the convention elsewhere with Save As to keep editing."));
  return FALSE;
}

/**
 * ctg_document_get_notice:
 *
 * Returns: (nullable): what opening the file had to do that the user should
 *   know, such as a stray journal set aside
 */
const char *
ctg_document_get_notice (CtgDocument *self)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), NULL);

  return self->notice;
}

/**
 * ctg_document_save_copy:
 * @path: where to write the copy; replaced if it exists (the app's file
 *   chooser has asked), unless it is a convention open for editing
 *
 * Writes a copy of the convention with SQLite's backup API, to a temporary
 * file in @path's folder, synced and renamed over @path once complete and
 * the folder synced (_ctg_file_rename_durably()), so @path is never half
 * written and a power cut does not lose the new name. A failure leaves no
 * temporary file behind.
 */
gboolean
ctg_document_save_copy (CtgDocument  *self,
                        const char   *path,
                        GError      **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int system_errno = 0;
  int rc;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  /* Its own file first: "open in CTG Planner, close it there" would send
   * the user looking for another window, when every edit is already in it */
  {
    struct stat st;

    if (!self->detached && g_stat (path, &st) == 0 && st.st_dev == self->dev && st.st_ino == self->ino)
      {
        g_autofree char *display = g_filename_display_basename (path);

        g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_ALREADY_OPEN,
                     _("“%s” is the convention open in this window: every change is already saved in it. "
                       "Choose another name for the copy."), display);
        return FALSE;
      }
  }

  /* Never over a convention open for editing: its writer would go on
   * writing to a deleted file */
  if (!ctg_document_check_replaceable (path, NULL, TRUE, error))
    return FALSE;

  dir = g_path_get_dirname (path);
  tmp_path = _ctg_file_temporary_path (path);

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

  /* Replacing: the user confirmed it in the file chooser */
  if (!_ctg_file_rename_durably (tmp_path, path, TRUE))
    {
      int saved_errno = errno;

      if (saved_errno == ENOSPC || saved_errno == EDQUOT)
        g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DISK_FULL,
                             _("The disk is full: the copy could not be saved."));
      else
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

  ok = check_content (self->db, &rc);

  if (!ok)
    {
      g_autofree char *display = g_filename_display_basename (self->path);

      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DAMAGED,
                   _("“%s” is damaged."), display);
    }
  return ok;
}
