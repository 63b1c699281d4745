/* test-verified-cache.c: an open skips the full check only for a file in
 * exactly the state it was verified in
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ctg-test-util.h"
#include "ctg-verified-cache.h"

static void
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgDocument) doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
}

/* Past the time a state must have settled to be remembered */
static void
let_settle (void)
{
  g_usleep (G_USEC_PER_SEC + G_USEC_PER_SEC / 5);
}

static void
test_remembered_when_settled (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");

  /* Just written: a write in the same clock tick would not show */
  open_ok (path);
  g_assert_false (_ctg_verified_cache_knows_path (path));

  let_settle ();
  open_ok (path);
  g_assert_true (_ctg_verified_cache_knows_path (path));
  /* and opened again from the cache */
  open_ok (path);
  g_assert_true (_ctg_verified_cache_knows_path (path));
}

/* Damage written over a verified file, in place, the header and the size
 * kept: SQLite's change counter does not move, the file's times do */
static void
test_damaged_in_place (void)
{
  g_autofree char *path = ctg_test_copy_example ("valence-romans");
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = NULL;
  struct stat before, after;
  struct timespec times[2];
  int fd;

  let_settle ();
  open_ok (path);
  g_assert_true (_ctg_verified_cache_knows_path (path));

  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_cmpint (before.st_size, >, 3 * 4096);
  garbage = g_malloc (before.st_size - 4096);
  memset (garbage, 0x5a, before.st_size - 4096);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, before.st_size - 4096, 4096), ==, before.st_size - 4096);
  close (fd);

  /* Even with its modification time put back: the change time moved */
  times[0] = before.st_atim;
  times[1] = before.st_mtim;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  g_assert_cmpint (after.st_ino, ==, before.st_ino);
  /* long enough ago to be trusted, had it been verified */
  let_settle ();
  g_assert_false (_ctg_verified_cache_knows_path (path));

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DAMAGED);
  g_assert_null (doc);
}

/* A file changed by SQLite (an edit) is a new state, checked in full */
static void
test_edited (void)
{
  g_autofree char *path = ctg_test_copy_example ("baronnies");
  g_autoptr(GError) error = NULL;

  let_settle ();
  open_ok (path);
  g_assert_true (_ctg_verified_cache_knows_path (path));

  {
    g_autoptr(CtgDocument) doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);

    g_assert_no_error (error);
    g_assert_true (ctg_document_set (doc, CTG_ITEM_CONVENTION, 1, "title", "Titre changé", &error));
    g_assert_no_error (error);
  }
  g_assert_false (_ctg_verified_cache_knows_path (path));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;

  ctg_test_init (&argc, &argv);

  /* A cache of this test's own */
  cache = ctg_test_tmp_path ("verified-files");
  g_setenv ("CTG_VERIFIED_FILES", cache, TRUE);

  g_test_add_func ("/verified-cache/remembered-when-settled", test_remembered_when_settled);
  g_test_add_func ("/verified-cache/damaged-in-place", test_damaged_in_place);
  g_test_add_func ("/verified-cache/edited", test_edited);
  return g_test_run ();
}
