/* test-evaluation.c: the v1 -> v2 migration, the annual evaluation data and
 * the roll-up rule
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ctg-schema.h"
#include "ctg-test-util.h"

/* The tables of schema v1, whose rows a migration must keep as they were */
static const char * const v1_tables[] = {
  "convention", "signatory", "body", "member", "meeting", "axis", "section",
  "objective", "action", "participant", "step", "indicator", "indicator_value",
  "txn", "journal", NULL
};

/* Every row of every v1 table, as JSON text, read with a plain connection
 * that is closed before the document opens the file */
static char *
dump_v1_tables (const char *path)
{
  GString *dump = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; v1_tables[i]; i++)
    {
      g_autofree char *sql = NULL;
      g_autofree char *columns_sql = g_strdup_printf ("SELECT group_concat(name) FROM pragma_table_info('%s')",
                                                      v1_tables[i]);
      sqlite3_stmt *stmt = NULL;
      g_autofree char *columns = NULL;

      /* json_array(*) is not SQL: list the columns */
      g_assert_cmpint (sqlite3_prepare_v2 (db, columns_sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      columns = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);

      sql = g_strdup_printf ("SELECT json_group_array(json_array(%s)) FROM (SELECT * FROM %s ORDER BY id)",
                             columns, v1_tables[i]);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (dump, "%s: %s\n", v1_tables[i], (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

static int
file_user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

static char *
copy_fixture (const char *name)
{
  g_autofree char *source = g_build_filename (g_getenv ("CTG_TEST_FIXTURES"), name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  char *path = ctg_test_tmp_path (name);
  gsize length;

  data = ctg_test_read_file (source, &length);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

/* A file made by CTG Planner with schema v1 (tests/fixtures/v1-m2a.ctg: the
 * m2A example with a few edits, so it has a journal, an indicator, a step,
 * a signatory and a meeting) opens with this version */
static void
test_migration_v1_fixture (void)
{
  g_autofree char *path = copy_fixture ("v1-m2a.ctg");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(CtgAction) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) indicators = NULL;
  g_autofree char *value = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (file_user_version (path), ==, 1);
  before = dump_v1_tables (path);

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (ctg_document_check (doc, &error));

  /* What the v1 edits left, read through the API */
  action = ctg_document_get_action (doc, 1);
  g_assert_nonnull (action);
  g_assert_cmpint (ctg_action_get_status (action), ==, CTG_STATUS_IN_PROGRESS);
  g_assert_cmpint (ctg_action_get_progress (action), ==, 40);
  g_assert_cmpstr (ctg_action_get_notes (action), ==, "Note v1");
  g_assert_cmpuint (ctg_action_get_pilots (action)->len, ==, 2);
  indicators = ctg_document_list_ids (doc, CTG_ITEM_INDICATOR, 1);
  g_assert_cmpuint (indicators->len, ==, 1);
  value = ctg_document_dup_text (doc, CTG_ITEM_INDICATOR, g_array_index (indicators, gint64, 0), "target");
  g_assert_cmpstr (value, ==, "4 par an");
  g_assert_true (ctg_document_can_undo (doc));

  ctg_document_close (doc);
  g_clear_object (&doc);

  /* Every v1 row is still there, unchanged */
  after = dump_v1_tables (path);
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpint (file_user_version (path), ==, CTG_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_true (_ctg_schema_verify (db, CTG_SCHEMA_VERSION, &error));
  g_assert_no_error (error);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  ctg_test_init (&argc, &argv);

  g_test_add_func ("/evaluation/migration/v1-fixture", test_migration_v1_fixture);

  return g_test_run ();
}
