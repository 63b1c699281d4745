/* ctg-file-guard.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What lies beside a convention file before SQLite opens it: its rollback
 * journal, its WAL. SQLite trusts any "x.ctg-journal" to belong to "x.ctg"
 * and rolls it into the file; one that was copied, mailed or synced from
 * another file (or another copy of the same convention) damages it or
 * silently takes back acknowledged edits. See docs/file-safety.md. */

#define G_LOG_DOMAIN "ctg-document"

/* For renameat2() */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sqlite3.h>
#include <unistd.h>

#include "ctg-document-private.h"
#include "ctg-schema.h"

/* SQLite's unix VFS locks this byte while a write transaction runs */
#define RESERVED_BYTE (0x40000000 + 1)

static const guint8 journal_magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };

typedef enum
{
  JOURNAL_IGNORED,   /* SQLite will not play it back */
  JOURNAL_OURS,      /* hot, and left by an interrupted change of this file */
  JOURNAL_FOREIGN,   /* hot, and from another file or another state of it */
} JournalVerdict;

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
read_at (int     fd,
         void   *buffer,
         gsize   length,
         goffset offset)
{
  return pread (fd, buffer, length, (off_t) offset) == (gssize) length;
}

/* Another program (not CTG Planner, which holds an exclusive flock to
 * write) is writing the file right now: its journal is live, not hot */
static gboolean
write_in_progress (int db_fd)
{
  struct flock lock = {
    .l_type = F_WRLCK,
    .l_whence = SEEK_SET,
    .l_start = RESERVED_BYTE,
    .l_len = 1,
  };

  if (fcntl (db_fd, F_GETLK, &lock) != 0)
    return FALSE;
  return lock.l_type != F_UNLCK;
}

/* Reads the journal as SQLite's pager would play it back (first segment:
 * this application never syncs a journal mid-transaction, see
 * configure_connection's cache_spill) and decides whether it was left by an
 * interrupted change of exactly this file in exactly this state.
 *
 * Every write transaction journals page 1 before the file is written (the
 * change counter at offset 24 is incremented at commit) and the pager writes
 * pages in ascending order, so page 1 first. Hence, for a journal of this
 * file: either the file's counter is the journal's copy + 1 (the commit had
 * begun writing the file), or it is equal and no page of the file was
 * written yet, so every journaled page equals the file's. A journal from
 * another file or from an earlier state of this one (a later copy, a hard
 * link edited through its other name) fails both. */
static JournalVerdict
judge_journal (int           journal_fd,
               goffset       journal_size,
               int           db_fd,
               const guint8 *db_header)
{
  guint8 header[28];
  guint32 n_records, nonce, original_pages, sector_size, page_size, db_page_size;
  g_autofree guint8 *page = NULL;
  g_autofree guint8 *db_page = NULL;
  g_autofree guint8 *page_one = NULL;
  g_autoptr(GArray) records = g_array_new (FALSE, FALSE, sizeof (goffset));
  guint32 counter, journal_counter;
  struct stat st;
  goffset db_pages;
  goffset offset;

  if (!read_at (journal_fd, header, sizeof header, 0))
    return JOURNAL_FOREIGN;
  /* A zeroed header is how SQLite marks a finished journal it kept */
  if (header[0] == 0)
    return JOURNAL_IGNORED;
  /* Not a journal at all: SQLite would delete it; keep it aside instead */
  if (memcmp (header, journal_magic, sizeof journal_magic) != 0)
    return JOURNAL_FOREIGN;

  n_records = be32 (header + 8);
  nonce = be32 (header + 12);
  original_pages = be32 (header + 16);
  sector_size = be32 (header + 20);
  page_size = be32 (header + 24);
  db_page_size = ((guint32) db_header[16] << 8) | db_header[17];
  if (db_page_size == 1)
    db_page_size = 65536;

  if (page_size != db_page_size || sector_size < 512 || sector_size > 65536 ||
      (sector_size & (sector_size - 1)) != 0 || fstat (db_fd, &st) != 0)
    return JOURNAL_FOREIGN;
  db_pages = st.st_size / db_page_size;

  if (n_records == 0xffffffff)
    n_records = (guint32) ((journal_size - sector_size) / (page_size + 8));

  page = g_malloc (page_size);
  offset = sector_size;
  for (guint32 i = 0; i < n_records; i++, offset += page_size + 8)
    {
      guint8 number[4], sum[4];
      guint32 checksum = nonce;

      if (!read_at (journal_fd, number, 4, offset) ||
          !read_at (journal_fd, page, page_size, offset + 4) ||
          !read_at (journal_fd, sum, 4, offset + 4 + page_size))
        break;
      for (gint64 j = (gint64) page_size - 200; j > 0; j -= 200)
        checksum += page[j];
      /* SQLite stops playing back at the first record that does not add up */
      if (checksum != be32 (sum) || be32 (number) == 0)
        break;
      if (be32 (number) == 1 && page_one == NULL)
        page_one = g_memdup2 (page, page_size);
      g_array_append_val (records, offset);
    }

  if (records->len == 0)
    {
      /* Nothing to play back, but SQLite still truncates (or extends) the
       * file to the size the journal gives */
      return (goffset) original_pages == db_pages ? JOURNAL_IGNORED : JOURNAL_FOREIGN;
    }
  if (page_one == NULL || memcmp (page_one + 68, db_header + 68, 4) != 0)
    return JOURNAL_FOREIGN;

  counter = be32 (db_header + 24);
  journal_counter = be32 (page_one + 24);
  if (counter == journal_counter + 1)
    return JOURNAL_OURS;
  if (counter != journal_counter || (goffset) original_pages != db_pages)
    return JOURNAL_FOREIGN;

  db_page = g_malloc (page_size);
  for (guint i = 0; i < records->len; i++)
    {
      goffset at = g_array_index (records, goffset, i);
      guint8 number[4];
      guint32 pgno;

      if (!read_at (journal_fd, number, 4, at) || !read_at (journal_fd, page, page_size, at + 4))
        return JOURNAL_FOREIGN;
      pgno = be32 (number);
      if (pgno > db_pages ||
          !read_at (db_fd, db_page, page_size, (goffset) (pgno - 1) * page_size) ||
          memcmp (page, db_page, page_size) != 0)
        return JOURNAL_FOREIGN;
    }
  return JOURNAL_OURS;
}

static char *
aside_path (const char *journal)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *candidate = g_strdup_printf ("%s.orphaned-%s", journal, stamp);

  for (guint i = 2; g_file_test (candidate, G_FILE_TEST_EXISTS); i++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s.orphaned-%s-%u", journal, stamp, i);
    }
  return candidate;
}

/* A file SQLite opens beside the convention must be a plain file: a pipe
 * would block SQLite's open for ever, a folder gives "disk I/O error" */
static gboolean
check_companion_type (const char   *companion,
                      struct stat  *st,
                      GError      **error)
{
  g_autofree char *display = g_filename_display_basename (companion);

  if (S_ISREG (st->st_mode))
    return TRUE;
  g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
               S_ISDIR (st->st_mode)
               ? _("“%s”, beside the convention, is a folder where SQLite keeps its journal. "
                   "Rename or move it to open the convention.")
               : _("“%s”, beside the convention, is not a file where SQLite can keep its journal "
                   "(a pipe or a device). Rename or move it to open the convention."),
               display);
  return FALSE;
}

/* Another connection (any program) has the file open: its WAL is live */
static gboolean
file_in_use (int db_fd)
{
  struct flock lock = {
    .l_type = F_WRLCK,
    .l_whence = SEEK_SET,
    .l_start = 0x40000000,   /* SQLite's PENDING byte, then RESERVED and SHARED */
    .l_len = 2 + 510,
  };

  if (fcntl (db_fd, F_GETLK, &lock) != 0)
    return TRUE;
  return lock.l_type != F_UNLCK;
}

static gboolean
copy_fd_to (int         fd,
            const char *dest)
{
  g_autofree char *buffer = g_malloc (65536);
  gboolean ok = TRUE;
  goffset offset = 0;
  int out = g_open (dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  gssize n;

  if (out < 0)
    return FALSE;
  while (ok && (n = pread (fd, buffer, 65536, (off_t) offset)) > 0)
    {
      ok = write (out, buffer, (gsize) n) == n;
      offset += n;
    }
  ok = ok && n == 0;
  close (out);
  return ok;
}

/* SQLite's WAL holds no trace of the file it belongs to: play it into a
 * copy of the file and keep it only if the result is a sound convention */
static gboolean
wal_fits (int         db_fd,
          int         wal_fd)
{
  g_autofree char *dir = g_dir_make_tmp ("ctg-wal-XXXXXX", NULL);
  g_autofree char *db_copy = NULL;
  g_autofree char *wal_copy = NULL;
  g_autofree char *shm_copy = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean fits = FALSE;

  if (dir == NULL)
    return FALSE;
  db_copy = g_build_filename (dir, "copy.ctg", NULL);
  wal_copy = g_strconcat (db_copy, "-wal", NULL);
  shm_copy = g_strconcat (db_copy, "-shm", NULL);
  if (copy_fd_to (db_fd, db_copy) && copy_fd_to (wal_fd, wal_copy) &&
      sqlite3_open_v2 (db_copy, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT (SELECT integrity_check FROM pragma_integrity_check(1)) = 'ok' "
                              "AND (SELECT application_id FROM pragma_application_id) = ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, CTG_APPLICATION_ID);
      fits = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_unlink (db_copy);
  g_unlink (wal_copy);
  g_unlink (shm_copy);
  g_rmdir (dir);
  return fits;
}

static gboolean
set_aside (const char  *companion,
           const char  *path,
           char       **notice,
           GError     **error)
{
  g_autofree char *aside = aside_path (companion);
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *companion_display = g_filename_display_basename (companion);
  g_autofree char *aside_display = g_filename_display_basename (aside);

  if (g_rename (companion, aside) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                   _("“%s”, beside the convention, is a journal of another file: it must not be "
                     "played back into “%s”, and it could not be set aside (%s). Move it elsewhere "
                     "to open the convention."),
                   companion_display, display, g_strerror (saved_errno));
      return FALSE;
    }
  g_debug ("%s does not belong to %s: renamed %s", companion, path, aside);
  g_free (*notice);
  *notice = g_strdup_printf (_("“%s”, found beside the convention, was left by another file or an "
                               "earlier copy of this one: playing it back would have damaged the "
                               "convention or undone recent changes. It was kept aside as “%s”; "
                               "the convention is as it was last saved."),
                             companion_display, aside_display);
  return TRUE;
}

/* A file in WAL mode (CTG Planner never leaves one so: another program
 * made it) with a WAL beside it */
static gboolean
check_wal (int            db_fd,
           const char    *path,
           const guint8  *db_header,
           char         **notice,
           GError       **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  struct stat st;
  gboolean fits;
  int fd;

  if (db_header[18] != 2 && db_header[19] != 2)
    return TRUE;

  fd = g_open (wal, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC, 0);
  if (fd < 0)
    return TRUE;
  if (fstat (fd, &st) != 0)
    {
      close (fd);
      return TRUE;
    }
  if (!check_companion_type (wal, &st, error))
    {
      close (fd);
      return FALSE;
    }
  if (st.st_size == 0 || file_in_use (db_fd))
    {
      close (fd);
      return TRUE;
    }
  fits = wal_fits (db_fd, fd);
  close (fd);
  if (fits)
    return TRUE;

  /* The index is made from the WAL: without it, it means nothing */
  g_unlink (shm);
  return set_aside (wal, path, notice, error);
}

/**
 * _ctg_file_guard_check:
 * @self: a document being opened: its file open (lock_fd), not yet by
 *   SQLite, and whether it will be read-only known; its notice is set to a
 *   message for the user if something was set aside
 * @db_header: the first 100 bytes of the file
 *
 * Looks at the files SQLite would open beside the document's path and makes
 * them safe to open: a journal that does not belong to the file is renamed
 * aside ("x.ctg-journal.orphaned-DATE"), never played back; one that does is
 * left for SQLite to roll back. Fails with a clear error when neither can be
 * done, or when a read-only open meets a journal SQLite would need to write
 * the file to play back.
 */
gboolean
_ctg_file_guard_check (CtgDocument   *self,
                       const guint8  *db_header,
                       GError       **error)
{
  int db_fd = self->lock_fd;
  const char *path = self->path;
  char **notice = &self->notice;
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *journal_display = g_filename_display_basename (journal);
  JournalVerdict verdict;
  struct stat st;
  int fd;

  if (!check_wal (db_fd, path, db_header, notice, error))
    return FALSE;

  fd = g_open (journal, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC, 0);
  if (fd < 0)
    {
      if (errno == ELOOP && g_lstat (journal, &st) == 0)
        {
          g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                       _("“%s”, beside the convention, is a link where SQLite keeps its journal. "
                         "Rename or move it to open the convention."),
                       journal_display);
          return FALSE;
        }
      /* Missing is the usual case; anything else SQLite reports itself */
      return TRUE;
    }

  if (fstat (fd, &st) != 0)
    {
      close (fd);
      return TRUE;
    }
  if (!check_companion_type (journal, &st, error))
    {
      close (fd);
      return FALSE;
    }
  if (st.st_size == 0 || write_in_progress (db_fd))
    {
      close (fd);
      return TRUE;
    }

  verdict = judge_journal (fd, st.st_size, db_fd, db_header);
  close (fd);

  if (verdict == JOURNAL_IGNORED)
    return TRUE;

  if (verdict == JOURNAL_OURS)
    {
      if (!self->read_only)
        return TRUE;
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_READ_ONLY,
                   _("A change to “%s” was interrupted (the program writing it stopped) and is kept "
                     "in “%s”. It will be recovered the next time the convention is opened for "
                     "editing; it cannot be while it is read-only."),
                   display, journal_display);
      return FALSE;
    }

  return set_aside (journal, path, notice, error);
}

/**
 * _ctg_file_guard_wal_absent:
 *
 * Returns: whether @path is in WAL mode with neither a WAL nor its index
 *   beside it: a read-only connection makes both, and cannot delete them
 */
gboolean
_ctg_file_guard_wal_absent (const char   *path,
                            const guint8 *db_header)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  struct stat st;

  return (db_header[18] == 2 || db_header[19] == 2) &&
         g_lstat (wal, &st) != 0 && g_lstat (shm, &st) != 0;
}

/**
 * _ctg_file_guard_clean_wal:
 * @db_fd: the descriptor on the file, still open, SQLite's connection closed
 *
 * Deletes the empty WAL and the index a read-only connection left beside
 * @path, unless another program has the file open.
 */
void
_ctg_file_guard_clean_wal (int         db_fd,
                           const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  struct stat st;

  if (file_in_use (db_fd) || g_lstat (wal, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size != 0)
    return;
  g_unlink (wal);
  g_unlink (shm);
}

/* rename() that fails with EEXIST rather than replace a file at @path */
static int
rename_no_replace (const char *tmp_path,
                   const char *path)
{
  struct stat st;

  if (renameat2 (AT_FDCWD, tmp_path, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    return -1;

  /* A file system without it (some network ones): a check just before is
   * the best left */
  if (g_lstat (path, &st) == 0)
    {
      errno = EEXIST;
      return -1;
    }
  return g_rename (tmp_path, path);
}

/**
 * _ctg_file_temporary_path:
 *
 * Returns: (transfer full): a hidden name beside @path, for a file to be
 *   written whole and then put in @path's place by
 *   _ctg_file_rename_durably(): in @path's folder, so that the rename is
 *   one step on one file system
 */
char *
_ctg_file_temporary_path (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  return g_strdup_printf ("%s/.%s.%u.tmp", folder, base, g_random_int ());
}

/**
 * _ctg_file_rename_durably:
 * @tmp_path: a complete file written beside @path (in its folder)
 * @path: where it goes
 * @replace: whether a file already at @path may be replaced
 *
 * Puts @tmp_path in @path's place so that a crash or a power cut leaves the
 * previous file (or none) or the whole new one, never part of it: the data
 * reaches the disk before the rename, and the folder after it, or the new
 * name may be lost. Without @replace a file that appeared at @path since
 * the caller checked is never replaced: this fails with EEXIST.
 *
 * Returns: %FALSE with errno set, @tmp_path then removed
 */
gboolean
_ctg_file_rename_durably (const char *tmp_path,
                          const char *path,
                          gboolean    replace)
{
  g_autofree char *folder = NULL;
  int saved_errno;
  int fd;

  fd = g_open (tmp_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0 ||
      (replace ? g_rename (tmp_path, path) : rename_no_replace (tmp_path, path)) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      g_unlink (tmp_path);
      errno = saved_errno;
      return FALSE;
    }
  close (fd);

  /* The file is in place and whole: a folder that cannot be synced (some
   * file systems refuse) is no reason to call that a failure */
  folder = g_path_get_dirname (path);
  fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      if (fsync (fd) != 0)
        g_debug ("Could not sync %s: %s", folder, g_strerror (errno));
      close (fd);
    }
  return TRUE;
}
