/* ctg-verified-cache.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The file states that passed the full check of an open (schema,
 * integrity_check, foreign keys, UTF-8 of every text): opening a file in
 * exactly one of these states again skips that check. A state is the
 * SQLite header (its change counter moves on every write SQLite makes)
 * with the device, inode, size, mtime and ctime of the file (which move
 * on every write anyone makes through the file system), all read before
 * SQLite opens the file. Kept in the user's cache folder, 256 states at
 * most. */

#define G_LOG_DOMAIN "ctg-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ctg-schema.h"
#include "ctg-verified-cache.h"

#define MAX_STATES 256

/* Bumped when the open checks more: states verified by an older check are
 * checked again */
#define CHECK_REVISION 1

/* A state is remembered only when the file last changed this long before
 * it was read: the file system's clock moves in ticks of a few
 * milliseconds, so a write in the same tick as the one before the check
 * could leave mtime and ctime as they were (git's "racily clean" entries) */
static gint64 settle_us = G_USEC_PER_SEC;

static GMutex cache_lock;

static gint64
stat_time_us (const struct timespec *ts)
{
  return (gint64) ts->tv_sec * G_USEC_PER_SEC + ts->tv_nsec / 1000;
}

/* A rollback journal or a write-ahead log beside the file: SQLite may
 * change the file when it opens it (a hot journal is rolled back) */
static gboolean
has_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  return g_file_test (journal, G_FILE_TEST_EXISTS) || g_file_test (wal, G_FILE_TEST_EXISTS);
}

void
_ctg_file_state_init (CtgFileState      *state,
                      const char        *path,
                      const struct stat *st,
                      const guint8      *header,
                      gsize              length)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gint64 fields[] = {
    CHECK_REVISION, CTG_SCHEMA_VERSION,
    (gint64) st->st_dev, (gint64) st->st_ino, (gint64) st->st_size,
    st->st_mtim.tv_sec, st->st_mtim.tv_nsec, st->st_ctim.tv_sec, st->st_ctim.tv_nsec,
  };
  gsize size = sizeof state->digest;
  gint64 now = g_get_real_time ();

  memset (state, 0, sizeof *state);
  state->st = *st;
  g_checksum_update (checksum, (const guchar *) fields, sizeof fields);
  g_checksum_update (checksum, header, length);
  g_checksum_get_digest (checksum, state->digest, &size);
  state->settled = length >= 100 && !has_journal (path) &&
                   now - stat_time_us (&st->st_mtim) >= settle_us &&
                   now - stat_time_us (&st->st_ctim) >= settle_us;
}

/* TRUE if nothing wrote to the file behind @fd since @state was read: for
 * after SQLite opened it, without a new descriptor */
gboolean
_ctg_file_state_unchanged (const CtgFileState *state,
                           int                 fd)
{
  struct stat st;

  return fstat (fd, &st) == 0 &&
         st.st_size == state->st.st_size &&
         st.st_ino == state->st.st_ino &&
         st.st_mtim.tv_sec == state->st.st_mtim.tv_sec &&
         st.st_mtim.tv_nsec == state->st.st_mtim.tv_nsec &&
         st.st_ctim.tv_sec == state->st.st_ctim.tv_sec &&
         st.st_ctim.tv_nsec == state->st.st_ctim.tv_nsec;
}

/* CTG_VERIFIED_FILES names another file, for benchmarks and tests */
static char *
cache_path (void)
{
  const char *path = g_getenv ("CTG_VERIFIED_FILES");

  if (path != NULL && path[0] != '\0')
    return g_strdup (path);
  return g_build_filename (g_get_user_cache_dir (), "ctg-planner", "verified-files", NULL);
}

static char *
digest_hex (const CtgFileState *state)
{
  GString *hex = g_string_sized_new (2 * sizeof state->digest);

  for (gsize i = 0; i < sizeof state->digest; i++)
    g_string_append_printf (hex, "%02x", state->digest[i]);
  return g_string_free (hex, FALSE);
}

/* The remembered states, oldest first; empty if the cache is missing or
 * unreadable (then every open checks in full) */
static GStrv
read_states (void)
{
  g_autofree char *path = cache_path ();
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return g_new0 (char *, 1);
  return g_strsplit (contents, "\n", -1);
}

gboolean
_ctg_verified_cache_contains (const CtgFileState *state)
{
  g_autofree char *hex = NULL;
  g_auto(GStrv) states = NULL;
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&cache_lock);

  if (!state->settled)
    return FALSE;
  hex = digest_hex (state);
  states = read_states ();
  return g_strv_contains ((const char * const *) states, hex);
}

void
_ctg_verified_cache_remember (const CtgFileState *state)
{
  g_autofree char *hex = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_auto(GStrv) states = NULL;
  g_autoptr(GString) contents = g_string_new (NULL);
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&cache_lock);
  guint n, first;

  if (!state->settled)
    return;
  hex = digest_hex (state);
  states = read_states ();
  if (g_strv_contains ((const char * const *) states, hex))
    return;

  /* Lines that are not a digest (a damaged cache) are dropped */
  n = 0;
  for (guint i = 0; states[i] != NULL; i++)
    if (strlen (states[i]) == 64)
      states[n++] = states[i];
    else
      g_free (states[i]);
  states[n] = NULL;

  first = n >= MAX_STATES ? n - MAX_STATES + 1 : 0;
  for (guint i = first; i < n; i++)
    g_string_append_printf (contents, "%s\n", states[i]);
  g_string_append_printf (contents, "%s\n", hex);

  /* A cache that cannot be written costs a full check next time, no more */
  path = cache_path ();
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) == 0)
    g_file_set_contents_full (path, contents->str, (gssize) contents->len,
                              G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
}

/**
 * _ctg_verified_cache_knows_path:
 *
 * For tests: whether the present state of @path (not open) is remembered.
 */
gboolean
_ctg_verified_cache_knows_path (const char *path)
{
  guint8 header[100];
  struct stat st;
  CtgFileState state;
  gssize length;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return FALSE;
  length = pread (fd, header, sizeof header, 0);
  if (length < 0 || fstat (fd, &st) != 0)
    {
      close (fd);
      return FALSE;
    }
  close (fd);
  _ctg_file_state_init (&state, path, &st, header, (gsize) length);
  return _ctg_verified_cache_contains (&state);
}

/* For tests: how long ago the file must have changed to be remembered */
void
_ctg_verified_cache_set_settle_us (gint64 us)
{
  settle_us = us;
}
