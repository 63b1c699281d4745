/* test-cli.c: the ctg command-line tool, run as a user would
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "ctg-test-util.h"

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p == '\n')
      n++;
  return n;
}

static void
test_cli_help (void)
{
  const char *commands[] = { "new", "import", "export", "info", "check", "list", "set", "undo", "redo", "changes",
                            "evaluation", "assess" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (ctg_test_run_cli (&out, &err, commands[i], "--help", NULL), ==, 0);
      g_assert_nonnull (strstr (out, "ctg"));
    }

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (ctg_test_run_cli (&out, &err, "frobnicate", NULL), ==, 2);
    g_assert_nonnull (strstr (err, "frobnicate"));
  }
}

static void
test_cli_info (void)
{
  g_autofree char *path = ctg_test_copy_example ("creusot-montceau");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (ctg_test_run_cli (&out, &err, "info", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Creusot Montceau"));
  g_assert_nonnull (strstr (out, "34 actions"));
  g_assert_nonnull (strstr (out, "3 axes"));
  g_assert_nonnull (strstr (out, "21 signatories"));
  g_assert_nonnull (strstr (out, "1. Favoriser un meilleur maillage"));
}

static void
test_cli_set_and_undo (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(CtgAction) action = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (ctg_test_run_cli (&out, &err, "set", path, "2", "--status", "En cours", "--progress", "30%",
                                     "--pilots", "RPE — PMI — Caf", "--start", "2023", "--echeance", "06/2025", NULL), ==, 0);
  doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  action = ctg_document_get_action (doc, 2);
  g_assert_cmpint (ctg_action_get_status (action), ==, CTG_STATUS_IN_PROGRESS);
  g_assert_cmpint (ctg_action_get_progress (action), ==, 30);
  g_assert_cmpuint (ctg_action_get_pilots (action)->len, ==, 3);
  g_assert_cmpuint (ctg_action_get_echeance (action)->month, ==, 6);
  g_clear_object (&action);
  g_clear_object (&doc);

  /* One refused value: nothing of the command is applied, one line on stderr */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "set", path, "2", "--status", "réalisée", "--progress", "130", NULL), ==, 1);
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "ctg: "));
  doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);
  action = ctg_document_get_action (doc, 2);
  g_assert_cmpint (ctg_action_get_status (action), ==, CTG_STATUS_IN_PROGRESS);
  g_clear_object (&action);
  g_clear_object (&doc);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "undo", path, NULL), ==, 0);
  doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);
  action = ctg_document_get_action (doc, 2);
  g_assert_cmpint (ctg_action_get_status (action), ==, CTG_STATUS_TODO);
  g_assert_cmpuint (ctg_action_get_pilots (action)->len, ==, 0);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "set", path, "9999", "--status", "réalisée", NULL), ==, 1);
}

static void
test_cli_import_export (void)
{
  g_autofree char *csv = ctg_test_tmp_path ("plan.csv");
  g_autofree char *ctg = ctg_test_tmp_path ("plan.ctg");
  g_autofree char *csv2 = ctg_test_tmp_path ("plan2.csv");
  g_autofree char *ctg2 = ctg_test_tmp_path ("plan2.ctg");
  g_autofree char *csv3 = ctg_test_tmp_path ("plan3.csv");
  g_autofree char *bad = ctg_test_tmp_path ("bad.csv");
  g_autofree char *bad_ctg = ctg_test_tmp_path ("bad.ctg");
  g_autofree char *example = ctg_test_copy_example ("baronnies");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (ctg_test_run_cli (&out, &err, "export", example, "--csv", csv, NULL), ==, 0);
  g_assert_cmpint (ctg_test_run_cli (NULL, NULL, "import", csv, "-o", ctg, NULL), ==, 0);
  g_assert_cmpint (ctg_test_run_cli (NULL, NULL, "export", ctg, "--csv", csv2, NULL), ==, 0);
  g_assert_true (ctg_test_files_equal (csv, csv2));

  /* Comma and tab separators survive the trip as well */
  g_assert_cmpint (ctg_test_run_cli (NULL, NULL, "export", ctg, "--csv", csv3, "--separator", "tab", NULL), ==, 0);
  g_assert_cmpint (ctg_test_run_cli (NULL, NULL, "import", csv3, "-o", ctg2, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, NULL, "export", ctg2, "--csv", "-", NULL), ==, 0);
  {
    gsize length;
    g_autofree char *expected = ctg_test_read_file (csv, &length);
    g_assert_cmpstr (out, ==, expected);
  }

  /* Refuses to overwrite, and a bad plan leaves no file behind */
  g_assert_cmpint (ctg_test_run_cli (NULL, NULL, "import", csv, "-o", ctg, NULL), ==, 1);
  g_file_set_contents (bad, "axe;action;avancement\nA;B;200\nA;C;abc\n", -1, NULL);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (NULL, &err, "import", bad, "-o", bad_ctg, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "line 2"));
  g_assert_nonnull (strstr (err, "line 3"));
  g_assert_false (g_file_test (bad_ctg, G_FILE_TEST_EXISTS));
}

static void
test_cli_check (void)
{
  g_autofree char *good = ctg_test_copy_example ("m2a");
  g_autofree char *text = ctg_test_tmp_path ("text.ctg");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (ctg_test_run_cli (&out, &err, "check", good, NULL), ==, 0);
  g_file_set_contents (text, "hello", -1, NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "check", text, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not a CTG Planner convention"));
}

static void
test_cli_french (void)
{
  g_autofree char *missing = ctg_test_tmp_path ("absent.ctg");
  g_autofree char *example = ctg_test_copy_example ("m2a");
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not generated");
      return;
    }
  setlocale (LC_ALL, "");

  env = g_environ_setenv (env, "LC_ALL", "fr_FR.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "fr", TRUE);

  g_spawn_sync (NULL, (char *[]) { (char *) g_getenv ("CTG_CLI"), "info", missing, NULL }, env,
                G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "n’existe pas"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_spawn_sync (NULL, (char *[]) { (char *) g_getenv ("CTG_CLI"), "info", example, NULL }, env,
                G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "15 actions (À lancer 15)"));
  g_assert_nonnull (strstr (out, "Période\u00a0: 2022 – 2026"));
  g_assert_nonnull (strstr (out, "0 signataire\n"));
}

/* The annual evaluation from the command line: year notes, funding,
 * référents, continuous, assessments, and what info and evaluation show */
static void
test_cli_evaluation (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(CtgAction) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) indicators = NULL;

  g_assert_cmpint (ctg_test_run_cli (&out, &err, "set", path, "1", "--continuous", "oui",
                                     "--budget", "12 000 €", "--budget-year", "2024",
                                     "--funders", "Caf: 8000 / Commune (Mulhouse): 4000",
                                     "--referents", "Julie MARTIN / CSC Lavoisier",
                                     "--status", "en cours", "--progress", "40",
                                     "--year", "2024", "--done", "Deux réunions", "--difficulties", "Calendrier",
                                     "--next-steps", "Un comité par trimestre", "--year-status", "en cours",
                                     "--year-progress", "30", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "assess", path, "2", "2024", "--level", "partiellement atteint",
                                     "--value", "9 communes sur 15", "--comment", "Deux de plus", NULL), ==, 0);

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  action = ctg_document_get_action (doc, 1);
  g_assert_true (ctg_action_is_continuous (action));
  g_assert_cmpint (ctg_action_get_budget (action), ==, 1200000);
  g_assert_cmpuint (ctg_action_get_budget_year (action), ==, 2024);
  g_assert_cmpuint (ctg_action_get_funding (action)->len, ==, 2);
  g_assert_cmpuint (ctg_action_get_referents (action)->len, ==, 2);
  {
    gint64 row = ctg_document_find_action_year (doc, 1, 2024);
    g_autofree char *next = ctg_document_dup_text (doc, CTG_ITEM_ACTION_YEAR, row, "next_steps");

    g_assert_cmpstr (next, ==, "Un comité par trimestre");
    g_assert_cmpint (ctg_document_get_int (doc, CTG_ITEM_ACTION_YEAR, row, "progress", -1), ==, 30);
  }
  indicators = ctg_document_list_ids (doc, CTG_ITEM_EVALUATION_INDICATOR, 0);
  {
    gint64 row = ctg_document_find_assessment (doc, g_array_index (indicators, gint64, 1), 2024);
    g_autofree char *level = ctg_document_dup_text (doc, CTG_ITEM_ASSESSMENT, row, "level");

    g_assert_cmpstr (level, ==, "partly-met");
  }
  g_clear_object (&doc);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "info", path, NULL), ==, 0);
  /* The 14 actions à lancer with no progress have not started: 0 % each */
  g_assert_nonnull (strstr (out, "Progress: 3 % over 15 actions"));
  g_assert_nonnull (strstr (out, "Evaluation 2024: 1 of 5 indicators assessed"));
  g_assert_nonnull (strstr (out, "2. Adhésion et coopération des communes aux projets intercommunaux: Partly met — 9 communes sur 15"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "evaluation", path, "--year", "2024", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Done: Deux réunions"));
  g_assert_nonnull (strstr (out, "Next steps: Un comité par trimestre"));
  g_assert_nonnull (strstr (out, "End of year: In progress, 30 %"));
  g_assert_nonnull (strstr (out, "Deux de plus"));
  g_assert_nonnull (strstr (out, "Caf: 8\u202F000\u00A0€"));
  g_assert_nonnull (strstr (out, "Budget: 12\u202F000\u00A0€"));

  /* ctg changes says what the window's history says, not journal rows */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "changes", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, " · Edit action — FA 1.1 "));
  g_assert_nonnull (strstr (out, "\n  Status: To start → In progress\n"));
  g_assert_nonnull (strstr (out, "\n  Progress: — → 40 %\n"));
  g_assert_null (strstr (out, "update"));
  g_assert_null (strstr (out, "{\""));

  /* A budget with no funder amounts, for no given year: the same sum as the
   * PDF's annual review, not an empty list */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "set", path, "2", "--budget", "492 000 €",
                                     "--funders", "Caf / Commune (Mulhouse)", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "evaluation", path, "--year", "2025", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Funding per funder:\n  Budget: 492\u202F000\u00A0€\n"));
  /* Action 1's budget is for 2024 */
  g_assert_null (strstr (out, "Caf: 8"));

  /* Refused: nothing changes */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "set", path, "1", "--budget", "5000", "--funders", "Caf: trois sous", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is not an amount"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "set", path, "1", "--done", "x", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--year"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "assess", path, "9", "2024", "--level", "atteint", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "assess", path, "1", "2024", "--level", "bof", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is not a level"));

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&action);
  action = ctg_document_get_action (doc, 1);
  g_assert_cmpint (ctg_action_get_budget (action), ==, 1200000);
  g_assert_cmpint (ctg_document_find_assessment (doc, g_array_index (indicators, gint64, 0), 2024), ==, 0);
}

/* French typography in the translation: a narrow no-break space before
 * ";", "!" and "?" ("comptant pour 100 % ; 6 non comptées"), never a plain
 * space (a line could break before it) nor none. Lists without spaces (the
 * desktop file's keywords) are not sentences. */
static void
test_cli_french_punctuation (void)
{
  g_autofree char *po = g_build_filename (g_getenv ("CTG_EXAMPLES_SRCDIR"), "..", "..", "po", "fr.po", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  gboolean in_header = TRUE;
  gboolean in_msgstr = FALSE;

  g_assert_true (g_file_get_contents (po, &text, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *quote = strchr (line, '"');

      /* The header entry ends at the first blank line */
      if (in_header)
        {
          in_header = line[0] != '\0';
          continue;
        }
      if (g_str_has_prefix (line, "msgstr"))
        in_msgstr = TRUE;
      else if (line[0] != '"')
        in_msgstr = FALSE;
      if (!in_msgstr)
        continue;
      if (quote == NULL || strchr (quote, ' ') == NULL)
        continue;
      for (const char *p = quote + 2; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          gunichar before = g_utf8_get_char (g_utf8_prev_char (p));

          if ((c == ';' || c == '!' || c == '?') && before != 0x202F && before != 0x00A0)
            g_error ("po/fr.po:%u: no narrow no-break space before “%c”: %s", i + 1, (char) c, line);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  ctg_test_init (&argc, &argv);

  g_test_add_func ("/cli/help", test_cli_help);
  g_test_add_func ("/cli/info", test_cli_info);
  g_test_add_func ("/cli/set-and-undo", test_cli_set_and_undo);
  g_test_add_func ("/cli/import-export", test_cli_import_export);
  g_test_add_func ("/cli/check", test_cli_check);
  g_test_add_func ("/cli/french", test_cli_french);
  g_test_add_func ("/cli/evaluation", test_cli_evaluation);
  g_test_add_func ("/cli/french-punctuation", test_cli_french_punctuation);

  return g_test_run ();
}
