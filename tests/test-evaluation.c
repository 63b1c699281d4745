/* test-evaluation.c: the v1 -> v2 migration, the annual evaluation data and
 * the roll-up rule
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "ctg-change-text.h"
#include "ctg-schema.h"
#include "ctg-test-util.h"

/* The tables of schema v1, whose rows a migration must keep as they were */
static const char * const v1_tables[] = {
  "convention", "signatory", "body", "member", "meeting", "axis", "section",
  "objective", "action", "participant", "step", "indicator", "indicator_value",
  "txn", "journal", NULL
};

/* Every row of every v1 table, as JSON text, read with a plain connection
 * that is closed before the document opens the file. @columns keeps the
 * columns of the first dump, so a later one leaves out added columns. */
static char *
dump_v1_tables (const char *path,
                GHashTable *columns_by_table)
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
      if (g_hash_table_contains (columns_by_table, v1_tables[i]))
        columns = g_strdup (g_hash_table_lookup (columns_by_table, v1_tables[i]));
      else
        {
          g_assert_cmpint (sqlite3_prepare_v2 (db, columns_sql, -1, &stmt, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          columns = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          sqlite3_finalize (stmt);
          g_hash_table_insert (columns_by_table, (gpointer) v1_tables[i], g_strdup (columns));
        }

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
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  sqlite3 *db = NULL;

  g_assert_cmpint (file_user_version (path), ==, 1);
  before = dump_v1_tables (path, columns);

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

  /* What v2 adds starts empty, with the five indicators of seed 002 */
  g_assert_false (ctg_action_is_continuous (action));
  g_assert_cmpint (ctg_action_get_budget (action), ==, -1);
  g_assert_cmpuint (ctg_action_get_referents (action)->len, ==, 0);
  g_assert_cmpuint (ctg_action_get_funding (action)->len, ==, 0);
  {
    g_autoptr(GArray) evaluation = ctg_document_list_ids (doc, CTG_ITEM_EVALUATION_INDICATOR, 0);
    g_autofree char *first = NULL;

    g_assert_cmpuint (evaluation->len, ==, 5);
    first = ctg_document_dup_text (doc, CTG_ITEM_EVALUATION_INDICATOR, g_array_index (evaluation, gint64, 0), "name");
    g_assert_cmpstr (first, ==, "Réalisation ou non des fiches actions");
  }

  ctg_document_close (doc);
  g_clear_object (&doc);

  /* Every v1 row is still there, unchanged */
  after = dump_v1_tables (path, columns);
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpint (file_user_version (path), ==, CTG_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_true (_ctg_schema_verify (db, CTG_SCHEMA_VERSION, &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  /* A référent can now be added beside the pilots */
  {
    g_autoptr(GPtrArray) referents = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);
    g_autoptr(CtgAction) again = NULL;

    g_ptr_array_add (referents, ctg_participant_new ("Julie MARTIN", CTG_PARTICIPANT_PERSON, "CSC Lavoisier"));
    g_assert_true (ctg_document_set_participants (doc, 5, CTG_RELATION_REFERENT, referents, &error));
    g_assert_no_error (error);
    again = ctg_document_get_action (doc, 5);
    g_assert_cmpuint (ctg_action_get_referents (again)->len, ==, 1);
    g_assert_cmpuint (ctg_action_get_partners (again)->len, ==, 2);
    /* Participant ids go on from where v1 left them: the journal names them */
    g_assert_cmpint (ctg_document_get_int (doc, CTG_ITEM_PARTICIPANT, 5, "action_id", 0), ==, 5);
    g_assert_true (ctg_document_undo (doc, &error));
    g_assert_no_error (error);
  }

  /* The v1 journal still undoes: the last v1 edit added a meeting */
  g_assert_true (ctg_document_has_item (doc, CTG_ITEM_MEETING, 1));
  g_assert_true (ctg_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_false (ctg_document_has_item (doc, CTG_ITEM_MEETING, 1));
  g_assert_true (ctg_document_redo (doc, &error));
  g_assert_no_error (error);
  g_assert_true (ctg_document_has_item (doc, CTG_ITEM_MEETING, 1));

}

/* Read-only, a v1 file cannot be upgraded in place: it is upgraded in
 * memory, readable, and the file is left exactly as it was */
static void
test_migration_v1_read_only (void)
{
  g_autofree char *path = copy_fixture ("v1-m2a.ctg");
  g_autofree char *bytes_before = NULL;
  g_autofree char *bytes_after = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(CtgAction) action = NULL;
  g_autoptr(GArray) evaluation = NULL;
  g_autoptr(GError) error = NULL;
  gsize length_before, length_after;

  bytes_before = ctg_test_read_file (path, &length_before);

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (ctg_document_is_read_only (doc));
  g_assert_nonnull (strstr (ctg_document_get_read_only_reason (doc), "older version"));

  action = ctg_document_get_action (doc, 1);
  g_assert_cmpint (ctg_action_get_progress (action), ==, 40);
  evaluation = ctg_document_list_ids (doc, CTG_ITEM_EVALUATION_INDICATOR, 0);
  g_assert_cmpuint (evaluation->len, ==, 5);

  g_assert_false (ctg_document_set (doc, CTG_ITEM_ACTION, 1, "title", "Non", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ctg_document_set_action_year (doc, 1, 2024, "done", "Non", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_READ_ONLY);

  ctg_document_close (doc);
  bytes_after = ctg_test_read_file (path, &length_after);
  g_assert_cmpmem (bytes_after, length_after, bytes_before, length_before);
  g_assert_cmpint (file_user_version (path), ==, 1);
}

typedef struct
{
  CtgDocument *doc;
  gint64       axis;
  gint64       objective;
  gint64       actions[4];
} Plan;

static void
plan_set_up (Plan          *plan,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  plan->doc = ctg_test_new_document ();
  plan->axis = ctg_document_add_item (plan->doc, CTG_ITEM_AXIS, 0, "Petite enfance", &error);
  g_assert_no_error (error);
  plan->objective = ctg_document_add_objective (plan->doc, plan->axis, 0, 0, "Accueillir", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (plan->actions); i++)
    {
      g_autofree char *title = g_strdup_printf ("Action %u", i + 1);

      plan->actions[i] = ctg_document_add_item (plan->doc, CTG_ITEM_ACTION, plan->objective, title, &error);
      g_assert_no_error (error);
    }
}

static void
plan_tear_down (Plan          *plan,
                gconstpointer  data)
{
  g_clear_object (&plan->doc);
}

static void
set_ok (CtgDocument *doc,
        CtgItemKind  kind,
        gint64       id,
        const char  *field,
        const char  *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ctg_document_set (doc, kind, id, field, value, &error));
  g_assert_no_error (error);
}

static void
assert_text (CtgDocument *doc,
             CtgItemKind  kind,
             gint64       id,
             const char  *field,
             const char  *expected)
{
  g_autofree char *text = ctg_document_dup_text (doc, kind, id, field);

  g_assert_cmpstr (text, ==, expected);
}

/* A new convention starts with the five indicators of seed 002 */
static void
test_evaluation_defaults (Plan          *plan,
                          gconstpointer  data)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (plan->doc, CTG_ITEM_EVALUATION_INDICATOR, 0);

  /* In French, though the tests run under LANG=C: they are the words of a
   * French convention, read at a French COPIL */
  g_assert_true (g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "C"));
  g_assert_cmpuint (ids->len, ==, 5);
  assert_text (plan->doc, CTG_ITEM_EVALUATION_INDICATOR, g_array_index (ids, gint64, 0), "name",
               "Réalisation ou non des fiches actions");
  assert_text (plan->doc, CTG_ITEM_EVALUATION_INDICATOR, g_array_index (ids, gint64, 4), "name",
               "Satisfaction et implication des habitants");

  /* A file that stored them in English (created under LANG=C before) shows
   * them in French; a name the user typed stays. Opening it does not write
   * it: the names stay in the file as they were. */
  {
    g_autofree char *path = ctg_test_tmp_path ("english-defaults.ctg");
    g_autoptr(GError) error = NULL;
    g_autoptr(CtgDocument) old = NULL;
    g_autoptr(GArray) old_ids = NULL;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    gsize before_length, after_length;

    g_unlink (path);
    old = ctg_document_create (path, &error);
    g_assert_no_error (error);
    old_ids = ctg_document_list_ids (old, CTG_ITEM_EVALUATION_INDICATOR, 0);
    set_ok (old, CTG_ITEM_EVALUATION_INDICATOR, g_array_index (old_ids, gint64, 0), "name",
            "Completion or not of the action sheets");
    set_ok (old, CTG_ITEM_EVALUATION_INDICATOR, g_array_index (old_ids, gint64, 4), "name",
            "Residents’ satisfaction and involvement");
    set_ok (old, CTG_ITEM_EVALUATION_INDICATOR, g_array_index (old_ids, gint64, 1), "name",
            "Completion rate");
    g_clear_object (&old);
    g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));

    old = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
    g_assert_no_error (error);
    assert_text (old, CTG_ITEM_EVALUATION_INDICATOR, g_array_index (old_ids, gint64, 0), "name",
                 "Completion or not of the action sheets");
    {
      const char *expected[] = {
        [0] = "Réalisation ou non des fiches actions",
        [1] = "Completion rate",
        [4] = "Satisfaction et implication des habitants",
      };

      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        {
          g_autofree char *name = NULL;

          if (expected[i] == NULL)
            continue;
          name = ctg_document_dup_text (old, CTG_ITEM_EVALUATION_INDICATOR, g_array_index (old_ids, gint64, i), "name");
          g_assert_cmpstr (ctg_evaluation_indicator_shown_name (name), ==, expected[i]);
        }
    }
    g_clear_object (&old);
    g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
    g_assert_cmpmem (before, before_length, after, after_length);
  }
  /* Part of a new file, not an edit to undo */
  {
    g_autoptr(CtgDocument) fresh = ctg_test_new_document ();
    g_autoptr(GArray) fresh_ids = ctg_document_list_ids (fresh, CTG_ITEM_EVALUATION_INDICATOR, 0);

    g_assert_cmpuint (fresh_ids->len, ==, 5);
    g_assert_false (ctg_document_can_undo (fresh));
  }
}

static void
test_evaluation_year_notes (Plan          *plan,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = plan->actions[0];
  gint64 row;
  g_autoptr(GPtrArray) changes = NULL;

  g_assert_cmpint (ctg_document_find_action_year (plan->doc, a, 2024), ==, 0);

  /* Setting nothing on a year with nothing makes no row */
  g_assert_true (ctg_document_set_action_year (plan->doc, a, 2024, "done", "", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ctg_document_find_action_year (plan->doc, a, 2024), ==, 0);

  g_assert_true (ctg_document_set_action_year (plan->doc, a, 2024, "done", "Deux RPE ouverts", &error));
  g_assert_no_error (error);
  row = ctg_document_find_action_year (plan->doc, a, 2024);
  g_assert_cmpint (row, >, 0);
  g_assert_true (ctg_document_set_action_year (plan->doc, a, 2024, "difficulties", "Recrutement", &error));
  g_assert_true (ctg_document_set_action_year (plan->doc, a, 2024, "next_steps", "Ouvrir un troisième RPE", &error));
  g_assert_true (ctg_document_set_action_year (plan->doc, a, 2024, "status", "en cours", &error));
  g_assert_true (ctg_document_set_action_year (plan->doc, a, 2024, "progress", "60 %", &error));
  g_assert_no_error (error);
  g_assert_true (ctg_document_set_action_year (plan->doc, a, 2025, "done", "Troisième RPE", &error));
  g_assert_no_error (error);

  assert_text (plan->doc, CTG_ITEM_ACTION_YEAR, row, "done", "Deux RPE ouverts");
  assert_text (plan->doc, CTG_ITEM_ACTION_YEAR, row, "difficulties", "Recrutement");
  assert_text (plan->doc, CTG_ITEM_ACTION_YEAR, row, "next_steps", "Ouvrir un troisième RPE");
  assert_text (plan->doc, CTG_ITEM_ACTION_YEAR, row, "status", "in-progress");
  g_assert_cmpint (ctg_document_get_int (plan->doc, CTG_ITEM_ACTION_YEAR, row, "progress", -1), ==, 60);
  {
    g_autoptr(GArray) years = ctg_document_list_ids (plan->doc, CTG_ITEM_ACTION_YEAR, a);
    g_assert_cmpuint (years->len, ==, 2);
  }

  /* Refused values change nothing */
  g_assert_false (ctg_document_set_action_year (plan->doc, a, 2024, "status", "fini ?", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (ctg_document_set_action_year (plan->doc, a, 1800, "done", "x", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (ctg_document_set_action_year (plan->doc, a, 2024, "action_id", "2", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (ctg_document_set_action_year (plan->doc, 9999, 2024, "done", "x", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NO_SUCH_ITEM);
  g_clear_error (&error);
  assert_text (plan->doc, CTG_ITEM_ACTION_YEAR, row, "status", "in-progress");

  /* The notes are the action's changes, and undo like any edit */
  changes = ctg_document_list_changes (plan->doc, NULL, a);
  {
    guint notes = 0;
    for (guint i = 0; i < changes->len; i++)
      notes += ((CtgChange *) g_ptr_array_index (changes, i))->kind == CTG_ITEM_ACTION_YEAR;
    g_assert_cmpuint (notes, >=, 6);
  }
  g_assert_true (ctg_document_undo (plan->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ctg_document_find_action_year (plan->doc, a, 2025), ==, 0);
  g_assert_true (ctg_document_undo (plan->doc, &error));
  g_assert_cmpint (ctg_document_get_int (plan->doc, CTG_ITEM_ACTION_YEAR, row, "progress", -1), ==, -1);
  g_assert_true (ctg_document_redo (plan->doc, &error));
  g_assert_cmpint (ctg_document_get_int (plan->doc, CTG_ITEM_ACTION_YEAR, row, "progress", -1), ==, 60);

  /* The year-end record keeps each action's status and progress */
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[1], "status", "réalisée");
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[2], "progress", "30");
  g_assert_true (ctg_document_record_year_end (plan->doc, 2026, &error));
  g_assert_no_error (error);
  row = ctg_document_find_action_year (plan->doc, plan->actions[1], 2026);
  assert_text (plan->doc, CTG_ITEM_ACTION_YEAR, row, "status", "done");
  row = ctg_document_find_action_year (plan->doc, plan->actions[2], 2026);
  assert_text (plan->doc, CTG_ITEM_ACTION_YEAR, row, "status", "todo");
  g_assert_cmpint (ctg_document_get_int (plan->doc, CTG_ITEM_ACTION_YEAR, row, "progress", -1), ==, 30);
  /* ...as one step, named by what it did for every action, not after the
   * first of them: in Undo, its toast and the history */
  {
    g_autoptr(GListModel) actions = ctg_document_list_actions (plan->doc, 0);
    g_autoptr(GPtrArray) undo_changes = ctg_document_list_undo_changes (plan->doc);
    g_autoptr(GPtrArray) texts = ctg_change_text_describe (plan->doc, undo_changes);
    g_autofree char *expected = g_strdup_printf ("Record the statuses of 2026 (%u actions)",
                                                 g_list_model_get_n_items (actions));
    g_autofree char *label = ctg_document_dup_undo_label (plan->doc);
    g_autofree char *summary = NULL;
    const CtgChangeText *text;

    g_assert_cmpuint (g_list_model_get_n_items (actions), >, 1);
    g_assert_cmpstr (label, ==, expected);
    g_assert_cmpuint (texts->len, ==, 1);
    text = g_ptr_array_index (texts, 0);
    g_assert_cmpstr (text->label, ==, expected);
    g_assert_cmpint (text->action_id, ==, 0);
    summary = ctg_change_text_dup_summary (plan->doc, text);
    g_assert_cmpstr (summary, ==, expected);
  }
  g_assert_true (ctg_document_undo (plan->doc, &error));
  g_assert_cmpint (ctg_document_find_action_year (plan->doc, plan->actions[1], 2026), ==, 0);
  g_assert_cmpint (ctg_document_find_action_year (plan->doc, plan->actions[2], 2026), ==, 0);

  {
    g_autoptr(GArray) years = ctg_document_list_years (plan->doc);
    g_assert_cmpuint (years->len, ==, 1);
    g_assert_cmpuint (g_array_index (years, guint, 0), ==, 2024);
  }
  set_ok (plan->doc, CTG_ITEM_CONVENTION, 1, "period_start", "2022");
  set_ok (plan->doc, CTG_ITEM_CONVENTION, 1, "period_end", "2026");
  {
    g_autoptr(GArray) years = ctg_document_list_years (plan->doc);
    g_assert_cmpuint (years->len, ==, 5);
    g_assert_cmpuint (g_array_index (years, guint, 0), ==, 2022);
    g_assert_cmpuint (g_array_index (years, guint, 4), ==, 2026);
  }

  /* Deleting the action takes its notes, and undo brings them back */
  g_assert_true (ctg_document_delete (plan->doc, CTG_ITEM_ACTION, a, &error));
  g_assert_cmpint (ctg_document_find_action_year (plan->doc, a, 2024), ==, 0);
  g_assert_true (ctg_document_undo (plan->doc, &error));
  g_assert_no_error (error);
  assert_text (plan->doc, CTG_ITEM_ACTION_YEAR, ctg_document_find_action_year (plan->doc, a, 2024),
               "done", "Deux RPE ouverts");
}

static void
test_evaluation_funding (Plan          *plan,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) funding = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(CtgAction) action = NULL;
  g_autofree char *text = NULL;
  gint64 a = plan->actions[0];
  gint64 id;

  set_ok (plan->doc, CTG_ITEM_ACTION, a, "budget", "45 000,50 €");
  set_ok (plan->doc, CTG_ITEM_ACTION, a, "budget_year", "2024");
  g_assert_false (ctg_document_set (plan->doc, CTG_ITEM_ACTION, a, "budget", "beaucoup", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (ctg_document_set (plan->doc, CTG_ITEM_ACTION, a, "budget_year", "24", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  funding = ctg_funding_list_parse ("Caf: 30000", &error);
  g_assert_no_error (error);
  g_assert_true (ctg_document_set_funding (plan->doc, a, funding, &error));
  g_assert_no_error (error);
  ids = ctg_document_list_ids (plan->doc, CTG_ITEM_FUNDING, a);
  g_assert_cmpuint (ids->len, ==, 1);
  id = g_array_index (ids, gint64, 0);
  g_clear_pointer (&funding, g_ptr_array_unref);
  funding = ctg_funding_list_parse ("Commune (Romans-sur-Isère): 10 000 € / État / Fondation de France: 500,5", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (funding->len, ==, 3);
  g_assert_true (ctg_document_set_funding (plan->doc, a, funding, &error));
  g_assert_no_error (error);

  action = ctg_document_get_action (plan->doc, a);
  g_assert_cmpint (ctg_action_get_budget (action), ==, 4500050);
  g_assert_cmpuint (ctg_action_get_budget_year (action), ==, 2024);
  g_assert_cmpuint (ctg_action_get_funding (action)->len, ==, 3);
  text = ctg_funding_list_to_string (ctg_action_get_funding (action));
  g_assert_cmpstr (text, ==, "Commune (Romans-sur-Isère): 10000 / État / Autre (Fondation de France): 500.50");
  g_assert_false (ctg_document_has_item (plan->doc, CTG_ITEM_FUNDING, id));

  /* One undo brings back the Caf alone */
  g_assert_true (ctg_document_undo (plan->doc, &error));
  g_clear_object (&action);
  action = ctg_document_get_action (plan->doc, a);
  g_assert_cmpuint (ctg_action_get_funding (action)->len, ==, 1);
  g_assert_cmpint (((CtgFunding *) g_ptr_array_index (ctg_action_get_funding (action), 0))->amount, ==, 3000000);

  set_ok (plan->doc, CTG_ITEM_FUNDING, id, "funder", "département");
  assert_text (plan->doc, CTG_ITEM_FUNDING, id, "funder", "departement");
  set_ok (plan->doc, CTG_ITEM_FUNDING, id, "funder", "etat");   /* a key, as the file stores it */
  assert_text (plan->doc, CTG_ITEM_FUNDING, id, "funder", "etat");
  set_ok (plan->doc, CTG_ITEM_FUNDING, id, "funder", "departement");
  g_assert_false (ctg_document_set (plan->doc, CTG_ITEM_FUNDING, id, "funder", "la banque", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_null (ctg_funding_list_parse ("Caf: trois sous", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_true (ctg_document_delete (plan->doc, CTG_ITEM_FUNDING, id, &error));
  g_assert_false (ctg_document_has_item (plan->doc, CTG_ITEM_FUNDING, id));
}

static void
test_evaluation_assessments (Plan          *plan,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = ctg_document_list_ids (plan->doc, CTG_ITEM_EVALUATION_INDICATOR, 0);
  gint64 indicator = g_array_index (ids, gint64, 1);
  gint64 extra;
  gint64 row;

  g_assert_true (ctg_document_set_assessment (plan->doc, indicator, 2024, "level", "partiellement atteint", &error));
  g_assert_no_error (error);
  g_assert_true (ctg_document_set_assessment (plan->doc, indicator, 2024, "value", "9 communes sur 15", &error));
  g_assert_true (ctg_document_set_assessment (plan->doc, indicator, 2024, "comment", "Deux nouvelles", &error));
  g_assert_no_error (error);
  row = ctg_document_find_assessment (plan->doc, indicator, 2024);
  assert_text (plan->doc, CTG_ITEM_ASSESSMENT, row, "level", "partly-met");
  assert_text (plan->doc, CTG_ITEM_ASSESSMENT, row, "value", "9 communes sur 15");
  g_assert_cmpint (ctg_document_find_assessment (plan->doc, indicator, 2025), ==, 0);

  g_assert_true (ctg_document_set_assessment (plan->doc, indicator, 2024, "level", "not-met", &error));
  assert_text (plan->doc, CTG_ITEM_ASSESSMENT, row, "level", "not-met");
  g_assert_true (ctg_document_set_assessment (plan->doc, indicator, 2024, "level", "partly-met", &error));
  g_assert_no_error (error);

  g_assert_false (ctg_document_set_assessment (plan->doc, indicator, 2024, "level", "bof", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_true (ctg_document_set_assessment (plan->doc, indicator, 2024, "level", "", &error));
  g_assert_null (ctg_document_dup_text (plan->doc, CTG_ITEM_ASSESSMENT, row, "level"));
  g_assert_true (ctg_document_undo (plan->doc, &error));
  assert_text (plan->doc, CTG_ITEM_ASSESSMENT, row, "level", "partly-met");

  extra = ctg_document_add_item (plan->doc, CTG_ITEM_EVALUATION_INDICATOR, 0, "Taux de couverture", &error);
  g_assert_no_error (error);
  set_ok (plan->doc, CTG_ITEM_EVALUATION_INDICATOR, extra, "description", "Places pour 100 enfants");
  g_assert_true (ctg_document_set_assessment (plan->doc, extra, 2024, "value", "62", &error));
  g_assert_true (ctg_document_move (plan->doc, CTG_ITEM_EVALUATION_INDICATOR, extra, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&ids, g_array_unref);
  ids = ctg_document_list_ids (plan->doc, CTG_ITEM_EVALUATION_INDICATOR, 0);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, extra);

  g_assert_true (ctg_document_delete (plan->doc, CTG_ITEM_EVALUATION_INDICATOR, extra, &error));
  g_assert_cmpint (ctg_document_find_assessment (plan->doc, extra, 2024), ==, 0);
  g_assert_true (ctg_document_undo (plan->doc, &error));
  g_assert_cmpint (ctg_document_find_assessment (plan->doc, extra, 2024), >, 0);
}

/* A continuous action is never overdue, wherever overdue actions are counted */
static void
test_evaluation_continuous (Plan          *plan,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgAction) action = NULL;
  g_autoptr(CtgAction) after = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 6, 2026);
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[0], "start", "2022");
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[0], "echeance", "2023");
  action = ctg_document_get_action (plan->doc, plan->actions[0]);
  g_assert_true (ctg_action_is_overdue (action, &today));

  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[0], "continuous", "true");
  after = ctg_document_get_action (plan->doc, plan->actions[0]);
  g_assert_true (ctg_action_is_continuous (after));
  g_assert_false (ctg_action_is_overdue (after, &today));

  g_assert_false (ctg_document_set (plan->doc, CTG_ITEM_ACTION, plan->actions[0], "continuous", "peut-être", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
}

static void
summarize (CtgDocument        *doc,
           gint64              axis,
           CtgProgressSummary *summary)
{
  g_autoptr(GListModel) actions = ctg_document_list_actions (doc, axis);

  ctg_actions_summarize_progress (actions, summary);
}

/* The roll-up rule (docs/rollup.md) at its edges */
static void
test_rollup_edges (Plan          *plan,
                   gconstpointer  data)
{
  CtgProgressSummary summary;

  /* None with progress, all à lancer: none has started, 0 % over 4 */
  summarize (plan->doc, plan->axis, &summary);
  g_assert_cmpuint (summary.counted, ==, 4);
  g_assert_cmpuint (summary.left_out, ==, 0);
  g_assert_cmpfloat (summary.average, ==, 0);

  /* à lancer with no figure is 0 %; en cours and reportée with no figure are
   * unknown, so left out: (100 + 0) / 2 */
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[0], "status", "réalisée");
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[2], "status", "en cours");
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[3], "status", "reportée");
  summarize (plan->doc, plan->axis, &summary);
  g_assert_cmpfloat_with_epsilon (summary.average, 50.0, 0.001);
  g_assert_cmpuint (summary.counted, ==, 2);
  g_assert_cmpuint (summary.left_out, ==, 2);
  g_assert_cmpuint (summary.abandoned, ==, 0);

  /* All abandoned, even with progress entered */
  for (guint i = 0; i < 4; i++)
    {
      set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[i], "progress", "50");
      set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[i], "status", "abandonnée");
    }
  summarize (plan->doc, plan->axis, &summary);
  g_assert_cmpuint (summary.counted, ==, 0);
  g_assert_cmpuint (summary.left_out, ==, 4);

  /* Mixed: réalisée with 20 % entered counts 100; in progress 40; one
   * abandoned, one with no progress: (100 + 40) / 2 */
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[0], "status", "réalisée");
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[0], "progress", "20");
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[1], "status", "en cours");
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[1], "progress", "40");
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[3], "status", "en cours");
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[3], "progress", "");
  summarize (plan->doc, plan->axis, &summary);
  g_assert_cmpfloat_with_epsilon (summary.average, 70.0, 0.001);
  g_assert_cmpuint (summary.counted, ==, 2);
  g_assert_cmpuint (summary.left_out, ==, 2);

  /* A continuous action counts with the progress entered, like any other;
   * réalisée is 100 whatever it says */
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[3], "continuous", "1");
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[3], "progress", "10");
  summarize (plan->doc, plan->axis, &summary);
  g_assert_cmpfloat_with_epsilon (summary.average, 50.0, 0.001);
  g_assert_cmpuint (summary.counted, ==, 3);
  g_assert_cmpuint (summary.left_out, ==, 1);

  /* The convention level (axis 0) gives the same as its only axis */
  {
    CtgProgressSummary all;

    summarize (plan->doc, 0, &all);
    g_assert_cmpfloat (all.average, ==, summary.average);
    g_assert_cmpuint (all.counted, ==, summary.counted);
    g_assert_cmpuint (all.left_out, ==, summary.left_out);
  }
}

static void
summarize_year (CtgDocument        *doc,
                gint64              axis,
                guint               year,
                CtgProgressSummary *summary)
{
  g_autoptr(GListModel) actions = ctg_document_list_actions (doc, axis);
  g_autoptr(GHashTable) ends = ctg_document_read_year_ends (doc, year);

  ctg_actions_summarize_year_progress (actions, ends, summary);
}

/* A year's roll-up stands on where the actions stood at the end of that
 * year, by the same rule, never on today's state: an action with nothing
 * recorded for the year is left out and counted as such */
static void
test_year_rollup (Plan          *plan,
                  gconstpointer  data)
{
  CtgProgressSummary summary;
  g_autoptr(GError) error = NULL;

  /* Today: réalisée, en cours 80 %, abandoned, à lancer */
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[0], "status", "réalisée");
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[1], "status", "en cours");
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[1], "progress", "80");
  set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[2], "status", "abandonnée");

  /* Nothing recorded for 2025: no figure, all four left out as unrecorded */
  summarize_year (plan->doc, plan->axis, 2025, &summary);
  g_assert_cmpuint (summary.counted, ==, 0);
  g_assert_cmpuint (summary.left_out, ==, 4);
  g_assert_cmpuint (summary.unrecorded, ==, 4);
  g_assert_cmpuint (summary.abandoned, ==, 0);

  /* End of 2025: the first en cours at 30 %, the second at 50 % with no
   * status (a progress alone is an action under way), the third en cours
   * with no figure (unknown, left out), the fourth only a note */
  g_assert_true (ctg_document_set_action_year (plan->doc, plan->actions[0], 2025, "status", "en cours", &error));
  g_assert_true (ctg_document_set_action_year (plan->doc, plan->actions[0], 2025, "progress", "30", &error));
  g_assert_true (ctg_document_set_action_year (plan->doc, plan->actions[1], 2025, "progress", "50", &error));
  g_assert_true (ctg_document_set_action_year (plan->doc, plan->actions[2], 2025, "status", "en cours", &error));
  g_assert_true (ctg_document_set_action_year (plan->doc, plan->actions[3], 2025, "done", "Réunion de lancement", &error));
  g_assert_no_error (error);
  summarize_year (plan->doc, plan->axis, 2025, &summary);
  g_assert_cmpfloat_with_epsilon (summary.average, 40.0, 0.001);
  g_assert_cmpuint (summary.counted, ==, 2);
  g_assert_cmpuint (summary.left_out, ==, 2);
  g_assert_cmpuint (summary.unrecorded, ==, 1);
  g_assert_cmpuint (summary.abandoned, ==, 0);

  /* The same rule as today's: réalisée is 100 whatever was typed, à lancer
   * with no figure 0, abandoned left out */
  g_assert_true (ctg_document_set_action_year (plan->doc, plan->actions[0], 2025, "status", "réalisée", &error));
  g_assert_true (ctg_document_set_action_year (plan->doc, plan->actions[2], 2025, "status", "abandonnée", &error));
  g_assert_true (ctg_document_set_action_year (plan->doc, plan->actions[3], 2025, "status", "à lancer", &error));
  g_assert_no_error (error);
  summarize_year (plan->doc, plan->axis, 2025, &summary);
  g_assert_cmpfloat_with_epsilon (summary.average, 50.0, 0.001);
  g_assert_cmpuint (summary.counted, ==, 3);
  g_assert_cmpuint (summary.left_out, ==, 1);
  g_assert_cmpuint (summary.abandoned, ==, 1);
  g_assert_cmpuint (summary.unrecorded, ==, 0);

  /* Today's roll-up is unchanged by the year's: (100 + 80 + 0) / 3 */
  summarize (plan->doc, plan->axis, &summary);
  g_assert_cmpfloat_with_epsilon (summary.average, 60.0, 0.001);
  g_assert_cmpuint (summary.counted, ==, 3);
  g_assert_cmpuint (summary.unrecorded, ==, 0);

  /* Recording the year's statuses takes today's: the two agree */
  g_assert_true (ctg_document_record_year_end (plan->doc, 2026, &error));
  g_assert_no_error (error);
  {
    CtgProgressSummary year;

    summarize_year (plan->doc, plan->axis, 2026, &year);
    g_assert_cmpfloat (year.average, ==, summary.average);
    g_assert_cmpuint (year.counted, ==, summary.counted);
    g_assert_cmpuint (year.left_out, ==, summary.left_out);
    g_assert_cmpuint (year.abandoned, ==, summary.abandoned);
  }
}

static void
test_amounts (void)
{
  struct { const char *text; gint64 cents; } good[] = {
    { "12000", 1200000 }, { "12 000 €", 1200000 }, { "12\u202F000,5", 1200050 },
    { "1500.25 EUR", 150025 }, { "", -1 }, { "0", 0 },
  };
  const char *bad[] = { "douze", "12,345", "1.2.3", "-5", "€" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents;

      g_assert_true (ctg_amount_parse (good[i].text, &cents, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cents, ==, good[i].cents);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents;

      g_assert_false (ctg_amount_parse (bad[i], &cents, &error));
      g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
    }
  {
    g_autofree char *text = ctg_amount_format (1234567850);
    g_assert_cmpstr (text, ==, "12\u202F345\u202F678.50\u00A0€");
  }
}

/* The new columns go out and come back the same (ctg export --csv, then
 * ctg import): budget, year of the budget, funders, référents, continuous */
static void
test_csv_round_trip (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(CtgDocument) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) funding = NULL;
  g_autoptr(GPtrArray) referents = NULL;
  g_autoptr(CtgAction) action = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *again = NULL;
  g_autofree char *text = NULL;

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  set_ok (doc, CTG_ITEM_ACTION, 1, "continuous", "1");
  set_ok (doc, CTG_ITEM_ACTION, 1, "budget", "45 000,50");
  set_ok (doc, CTG_ITEM_ACTION, 1, "budget_year", "2024");
  set_ok (doc, CTG_ITEM_ACTION, 2, "budget", "0");
  funding = ctg_funding_list_parse ("Caf: 30000\nCommune (Mulhouse / Illzach): 15000,50\nÉtat\nFondation (X)", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (funding->len, ==, 4);
  g_assert_true (ctg_document_set_funding (doc, 1, funding, &error));
  g_clear_pointer (&funding, g_ptr_array_unref);
  funding = ctg_funding_list_parse ("Département: 1200", &error);
  g_assert_true (ctg_document_set_funding (doc, 3, funding, &error));
  referents = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);
  g_ptr_array_add (referents, ctg_participant_new ("Julie MARTIN", CTG_PARTICIPANT_PERSON, "CSC Lavoisier"));
  g_ptr_array_add (referents, ctg_participant_new ("Service jeunesse", CTG_PARTICIPANT_ORGANISATION, ""));
  g_assert_true (ctg_document_set_participants (doc, 1, CTG_RELATION_REFERENT, referents, &error));
  g_assert_no_error (error);

  csv = ctg_document_export_csv (doc, ';');
  g_assert_nonnull (strstr (csv, "référents;continue;budget;année du budget;financeurs\r\n"));

  copy = ctg_test_new_document ();
  g_assert_true (ctg_document_import_csv (copy, csv, strlen (csv), NULL, &error));
  g_assert_no_error (error);
  again = ctg_document_export_csv (copy, ';');
  g_assert_cmpstr (again, ==, csv);

  action = ctg_document_get_action (copy, 1);
  g_assert_true (ctg_action_is_continuous (action));
  g_assert_cmpint (ctg_action_get_budget (action), ==, 4500050);
  g_assert_cmpuint (ctg_action_get_budget_year (action), ==, 2024);
  g_assert_cmpuint (ctg_action_get_referents (action)->len, ==, 2);
  g_assert_true (ctg_participant_equal (g_ptr_array_index (ctg_action_get_referents (action), 0),
                                        g_ptr_array_index (referents, 0)));
  text = ctg_funding_list_to_string (ctg_action_get_funding (action));
  g_assert_cmpstr (text, ==, "Caf: 30000 / Commune (Mulhouse / Illzach): 15000.50 / État / Autre (Fondation (X))");
  g_clear_object (&action);
  action = ctg_document_get_action (copy, 2);
  g_assert_cmpint (ctg_action_get_budget (action), ==, 0);
  g_assert_false (ctg_action_is_continuous (action));
  g_clear_object (&action);
  action = ctg_document_get_action (copy, 4);
  g_assert_cmpint (ctg_action_get_budget (action), ==, -1);
  g_assert_cmpuint (ctg_action_get_funding (action)->len, ==, 0);
}

/* Wrong values in the new columns: every problem said, nothing written */
static void
test_csv_refused (void)
{
  g_autoptr(CtgDocument) doc = ctg_test_new_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) axes = NULL;
  const char *csv =
    "axe;action;continue;budget;année du budget;financeurs\r\n"
    "Enfance;Une;peut-être;;;\r\n"
    "Enfance;Deux;;beaucoup;;\r\n"
    "Enfance;Trois;;;24;\r\n"
    "Enfance;Quatre;;;;Caf: trois sous\r\n"
    "Enfance;Cinq;oui;1 000;2025;Caf: 1000\r\n";

  g_assert_false (ctg_document_import_csv (doc, csv, strlen (csv), NULL, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_BAD_CSV);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_assert_nonnull (strstr (error->message, "line 4"));
  g_assert_nonnull (strstr (error->message, "line 5"));
  g_assert_null (strstr (error->message, "line 6"));
  axes = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
  g_assert_cmpuint (axes->len, ==, 0);
}

/* One horizon for the coming échéances: six months, in the window as in
 * the COPIL report (the dashboard said 90 days, the PDF six months) */
static void
test_due_soon (Plan          *plan,
               gconstpointer  data)
{
  const struct { const char *echeance; const char *status; gboolean soon; } cases[] = {
    { "06/2025", "en cours", TRUE },    /* in three to four months */
    { "2025", "à lancer", TRUE },       /* a year that overlaps them */
    { "10/2025", "en cours", FALSE },   /* after them */
    { "01/2025", "en cours", FALSE },   /* overdue, not coming */
  };
  GDate today, until;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_MARCH, 2025);
  ctg_due_soon_until (&today, &until);
  g_assert_cmpint (g_date_get_month (&until), ==, G_DATE_SEPTEMBER);
  g_assert_cmpint (g_date_get_day (&until), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CtgAction) action = NULL;

      set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[i], "echeance", cases[i].echeance);
      set_ok (plan->doc, CTG_ITEM_ACTION, plan->actions[i], "status", cases[i].status);
      action = ctg_document_get_action (plan->doc, plan->actions[i]);
      g_assert_cmpint (ctg_action_is_due_soon (action, &today), ==, cases[i].soon);
    }
}

int
main (int   argc,
      char *argv[])
{
  ctg_test_init (&argc, &argv);

  g_test_add_func ("/evaluation/migration/v1-fixture", test_migration_v1_fixture);
  g_test_add_func ("/evaluation/migration/v1-read-only", test_migration_v1_read_only);
  g_test_add ("/evaluation/defaults", Plan, NULL, plan_set_up, test_evaluation_defaults, plan_tear_down);
  g_test_add ("/evaluation/year-notes", Plan, NULL, plan_set_up, test_evaluation_year_notes, plan_tear_down);
  g_test_add ("/evaluation/funding", Plan, NULL, plan_set_up, test_evaluation_funding, plan_tear_down);
  g_test_add ("/evaluation/assessments", Plan, NULL, plan_set_up, test_evaluation_assessments, plan_tear_down);
  g_test_add ("/evaluation/continuous", Plan, NULL, plan_set_up, test_evaluation_continuous, plan_tear_down);
  g_test_add ("/evaluation/rollup-edges", Plan, NULL, plan_set_up, test_rollup_edges, plan_tear_down);
  g_test_add ("/evaluation/year-rollup", Plan, NULL, plan_set_up, test_year_rollup, plan_tear_down);
  g_test_add ("/evaluation/due-soon", Plan, NULL, plan_set_up, test_due_soon, plan_tear_down);
  g_test_add_func ("/evaluation/amounts", test_amounts);
  g_test_add_func ("/evaluation/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/evaluation/csv/refused", test_csv_refused);

  return g_test_run ();
}
