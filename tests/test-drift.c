/* test-drift.c: what slipped since a meeting, from the journal (issue 17)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "ctg-test-util.h"

static void
set (CtgDocument *doc,
     gint64       action,
     const char  *field,
     const char  *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, action, field, value, &error));
  g_assert_no_error (error);
}

/* Everything the journal holds so far happened before the meeting */
static void
age_journal (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE txn SET time = '2024-06-01T10:00:00Z'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_drift_from_journal (void)
{
  g_autofree char *path = ctg_test_tmp_path ("drift.ctg");
  g_autoptr(CtgDocument) doc = NULL;
  g_autofree char *pdftotext = NULL;
  g_autoptr(CtgDrift) drift = NULL;
  g_autoptr(CtgDrift) none = NULL;
  g_autoptr(GError) error = NULL;
  gint64 axis, objective, a[9], added, gone;
  const char *start = NULL, *echeance = NULL;
  struct {
    CtgDriftKind kind;
    guint        action;   /* index in a[], or 100 added, 101 gone */
    const char  *from, *to;
    int          months;
  } expected[] = {
    { CTG_DRIFT_MOVED, 1, "2025", "2026", 12 },
    { CTG_DRIFT_MOVED, 2, "2025-06", "2025-03", -3 },
    { CTG_DRIFT_STATUS_BACK, 5, "done", "in-progress", 0 },
    { CTG_DRIFT_ABANDONED, 7, "in-progress", "abandoned", 0 },
    { CTG_DRIFT_MOVED, 8, "2025-12-15", "2026-02-01", 2 },
    { CTG_DRIFT_ADDED, 100, NULL, NULL, 0 },
    { CTG_DRIFT_ABANDONED, 0, NULL, NULL, 0 },     /* deleted */
  };

  doc = ctg_document_create (path, &error);
  g_assert_no_error (error);
  axis = ctg_document_add_item (doc, CTG_ITEM_AXIS, 0, "Petite enfance", &error);
  objective = ctg_document_add_objective (doc, axis, 0, 0, "Accueillir", &error);
  for (guint i = 0; i < G_N_ELEMENTS (a); i++)
    {
      g_autofree char *title = g_strdup_printf ("Action %u", i);

      a[i] = ctg_document_add_item (doc, CTG_ITEM_ACTION, objective, title, &error);
      g_assert_no_error (error);
    }
  /* The plan the meeting saw */
  set (doc, a[1], "echeance", "2025");
  set (doc, a[2], "echeance", "06/2025");
  set (doc, a[3], "echeance", "2025");
  set (doc, a[4], "echeance", "2025");
  set (doc, a[5], "status", "réalisée");
  set (doc, a[7], "status", "en cours");
  set (doc, a[8], "start", "2025");
  set (doc, a[8], "echeance", "15/12/2025");
  g_clear_object (&doc);
  age_journal (path);

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  /* Since the meeting */
  set (doc, a[1], "echeance", "2026");          /* later by a year */
  set (doc, a[2], "echeance", "03/2025");       /* earlier */
  set (doc, a[3], "echeance", "2027");          /* undone: not drift */
  g_assert_true (ctg_document_undo (doc, &error));
  set (doc, a[4], "echeance", "2026");          /* moved and moved back */
  set (doc, a[4], "echeance", "2025");
  set (doc, a[5], "status", "en cours");        /* went back */
  set (doc, a[6], "status", "en cours");        /* went forward: not drift */
  set (doc, a[7], "status", "abandonnée");
  set (doc, a[8], "echeance", "01/02/2026");
  set (doc, a[8], "start", "2026");
  added = ctg_document_add_item (doc, CTG_ITEM_ACTION, objective, "Nouvelle action", &error);
  gone = ctg_document_add_item (doc, CTG_ITEM_ACTION, objective, "Ajoutée puis supprimée", &error);
  g_assert_true (ctg_document_delete (doc, CTG_ITEM_ACTION, gone, &error));
  g_assert_true (ctg_document_delete (doc, CTG_ITEM_ACTION, a[0], &error));
  g_assert_no_error (error);

  drift = ctg_drift_compute (doc, "2025-01-01");
  g_assert_cmpuint (drift->items->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      CtgDriftItem *item = g_ptr_array_index (drift->items, i);
      gint64 id = expected[i].action == 100 ? added : a[expected[i].action];

      g_assert_cmpint (item->kind, ==, expected[i].kind);
      g_assert_cmpint (item->action_id, ==, id);
      g_assert_cmpstr (item->from, ==, expected[i].from);
      g_assert_cmpstr (item->to, ==, expected[i].to);
      g_assert_cmpint (item->months, ==, expected[i].months);
    }
  /* The deleted action is named by its last title */
  g_assert_true (((CtgDriftItem *) g_ptr_array_index (drift->items, 6))->deleted);
  g_assert_cmpstr (((CtgDriftItem *) g_ptr_array_index (drift->items, 6))->title, ==, "Action 0");

  g_assert_cmpuint (ctg_drift_count (drift, CTG_DRIFT_MOVED, TRUE), ==, 2);
  g_assert_cmpuint (ctg_drift_count (drift, CTG_DRIFT_MOVED, FALSE), ==, 3);
  g_assert_cmpuint (ctg_drift_count (drift, CTG_DRIFT_STATUS_BACK, FALSE), ==, 1);
  g_assert_cmpuint (ctg_drift_count (drift, CTG_DRIFT_ADDED, FALSE), ==, 1);
  g_assert_cmpuint (ctg_drift_count (drift, CTG_DRIFT_ABANDONED, FALSE), ==, 2);

  /* The bar as it was then, for the timeline's outline */
  start = echeance = "unchanged";
  g_assert_true (ctg_drift_get_past (drift, a[8], &start, &echeance));
  g_assert_cmpstr (start, ==, "2025");
  g_assert_cmpstr (echeance, ==, "2025-12-15");
  g_assert_false (ctg_drift_get_past (drift, a[6], &start, &echeance));
  g_assert_cmpstr (start, ==, "2025");
  start = echeance = "unchanged";
  g_assert_true (ctg_drift_get_past (drift, a[1], &start, &echeance));
  g_assert_cmpstr (start, ==, "unchanged");
  g_assert_cmpstr (echeance, ==, "2025");

  /* By default, since the last COPIL before today, not a later one */
  {
    g_autofree char *since = NULL;
    gint64 copil = ctg_document_add_body (doc, "Comité de pilotage", "copil", &error);

    g_assert_no_error (error);
    g_assert_cmpint (ctg_document_add_meeting (doc, 0, "2025-02-01", "COTECH", &error), >, 0);
    g_assert_cmpint (ctg_document_add_meeting (doc, copil, "2024-11-15", "COPIL", &error), >, 0);
    g_assert_cmpint (ctg_document_add_meeting (doc, copil, "2199-01-01", "COPIL", &error), >, 0);
    since = ctg_drift_default_since (doc);
    g_assert_cmpstr (since, ==, "2024-11-15");
  }

  /* The COPIL report lists the moves by axis, with their months */
  if ((pdftotext = g_find_program_in_path ("pdftotext")) != NULL)
    {
      g_autofree char *pdf = ctg_test_tmp_path ("drift.pdf");
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *text = NULL;
      g_autofree char *command = NULL;

      g_clear_object (&doc);
      g_assert_cmpint (ctg_test_run_cli (&out, &err, "export", path, "--pdf", pdf, "--changes-since", "2025-01-01",
                                         NULL), ==, 0);
      command = g_strdup_printf ("pdftotext -layout %s -", pdf);
      g_assert_true (g_spawn_command_line_sync (command, &text, NULL, NULL, NULL));
      g_assert_nonnull (strstr (text, "Drift since 1 January 2025"));
      g_assert_nonnull (strstr (text, "1. Petite enfance"));
      g_assert_nonnull (strstr (text, "+12 months"));
      g_assert_nonnull (strstr (text, "−3 months"));
      g_assert_nonnull (strstr (text, "Action 0 (deleted)"));
      g_assert_null (strstr (text, "Ajoutée puis supprimée"));
      doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
      g_assert_no_error (error);
    }

  /* Nothing since a date after every change */
  none = ctg_drift_compute (doc, "2999-01-01");
  g_assert_cmpuint (none->items->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  ctg_test_init (&argc, &argv);

  g_test_add_func ("/drift/from-journal", test_drift_from_journal);

  return g_test_run ();
}
