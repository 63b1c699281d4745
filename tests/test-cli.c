/* test-cli.c: the ctg command-line tool, run as a user would
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/resource.h>

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

  /* The commands' briefs start in one column: "evaluation" and "indicator",
   * longer than the others, pushed theirs one character to the right */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_auto(GStrv) lines = NULL;
    const char *block;
    int column = -1;
    guint n = 0;

    g_assert_cmpint (ctg_test_run_cli (&out, &err, "--help", NULL), ==, 0);
    block = strstr (out, "Commands:\n");
    g_assert_nonnull (block);
    lines = g_strsplit (block + strlen ("Commands:\n"), "\n", -1);
    for (guint i = 0; lines[i] != NULL && lines[i][0] == ' '; i++, n++)
      {
        const char *name = lines[i] + strspn (lines[i], " ");
        const char *brief = name + strcspn (name, " ");

        g_assert_true (g_str_has_prefix (brief, "  "));
        brief += strspn (brief, " ");
        if (column < 0)
          column = brief - lines[i];
        g_assert_cmpint (brief - lines[i], ==, column);
      }
    g_assert_cmpuint (n, >=, 15);
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

/* Whether the fr_FR.UTF-8 locale is there for the tool to run in; skips
 * the test if not */
static gboolean
have_french (void)
{
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not generated");
      return FALSE;
    }
  setlocale (LC_ALL, "");
  return TRUE;
}

static void
test_cli_french (void)
{
  g_autofree char *missing = ctg_test_tmp_path ("absent.ctg");
  g_autofree char *example = ctg_test_copy_example ("m2a");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!have_french ())
    return;

  g_assert_cmpint (ctg_test_run_cli_french (&out, &err, "info", missing, NULL), !=, 0);
  g_assert_nonnull (strstr (err, "n’existe pas"));

  g_assert_cmpint (ctg_test_run_cli_french (&out, &err, "info", example, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "15 actions (À lancer 15)"));
  g_assert_nonnull (strstr (out, "Période\u00a0: 2022 – 2026"));
  g_assert_nonnull (strstr (out, "0 signataire\n"));
  /* French agrees with the number assessed, not with the 5 indicators (it
   * said "0 indicateurs sur 5 évalués") */
  g_assert_nonnull (strstr (out, "\u00a0: 0 indicateur sur 5 évalué\n"));
}

/* An échéance or start outside the convention's period (2022 – 2026 for
 * m2a) is saved with a warning in the reader's language, as the app's
 * editor shows one; a date within it says nothing */
static void
test_cli_outside_period (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(CtgAction) action = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_french ())
    return;

  g_assert_cmpint (ctg_test_run_cli_french (&out, &err, "set", path, "1", "-e", "2025", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  g_assert_cmpint (ctg_test_run_cli_french (&out, &err, "set", path, "1", "-e", "2030", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "L’échéance 2030 est hors de la période de la convention (2022 – 2026)"));
  g_assert_null (strstr (err, "début"));

  g_assert_cmpint (ctg_test_run_cli_french (&out, &err, "set", path, "1", "--start", "03/2019", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "Le début mars 2019 est hors de la période de la convention (2022 – 2026)"));
  /* The échéance set before is still outside and still said */
  g_assert_nonnull (strstr (err, "L’échéance 2030"));

  /* Saved all the same */
  doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  action = ctg_document_get_action (doc, 1);
  g_assert_cmpuint (ctg_action_get_echeance (action)->year, ==, 2030);
  g_assert_cmpuint (ctg_action_get_start (action)->year, ==, 2019);
}

/* The history is shown in the reader's language, whichever language it
 * was edited in: a step's label is stored untranslated */
static void
test_cli_history_language (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!have_french ())
    return;

  /* Edited in French, undone in English */
  g_assert_cmpint (ctg_test_run_cli_french (&out, &err, "set", path, "2", "--status", "en cours", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "undo", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Edit action"));

  /* Edited in English, undone in French */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "set", path, "3", "--progress", "20", NULL), ==, 0);
  g_assert_cmpint (ctg_test_run_cli_french (&out, &err, "undo", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Modifier l’action"));
  g_assert_null (strstr (out, "Edit action"));

  /* A merge done in English is named in French, with the copy's name as
   * it was typed */
  {
    g_autofree char *copy = ctg_test_tmp_path ("copie caf.ctg");
    g_autoptr(GError) error = NULL;
    g_autoptr(CtgDocument) doc = NULL;
    g_autofree char *label = NULL;

    {
      gsize length;
      g_autofree char *bytes = ctg_test_read_file (path, &length);

      g_assert_true (g_file_set_contents (copy, bytes, (gssize) length, NULL));
    }
    g_assert_cmpint (ctg_test_run_cli (&out, &err, "set", copy, "4", "--progress", "30", NULL), ==, 0);
    g_assert_cmpint (ctg_test_run_cli (&out, &err, "merge", path, copy, NULL), ==, 0);
    g_assert_cmpint (ctg_test_run_cli_french (&out, &err, "undo", path, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "Fusion de « "));
    g_assert_nonnull (strstr (out, "copie caf.ctg »"));

    /* A label with an argument but a format the program does not know (a
     * damaged or hostile file) is shown as it is, never used as a format */
    {
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "UPDATE txn SET label = 'Merge %s%n\x1f%n' "
                                         "WHERE id = (SELECT MAX(id) FROM txn)", NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
    }
    doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
    g_assert_no_error (error);
    label = ctg_document_dup_redo_label (doc);
    g_assert_cmpstr (label, ==, "Merge %s%n %n");
  }
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

/* Issue 19: nothing written over a file that must stay */
static void
test_cli_no_overwrite (void)
{
  g_autofree char *source = ctg_test_copy_example ("m2a");
  g_autofree char *other = ctg_test_copy_example ("creusot-montceau");
  g_autofree char *csv = ctg_test_tmp_path ("plan.csv");
  g_autofree char *out_csv = ctg_test_tmp_path ("out.csv");
  g_autofree char *source_hash = NULL;
  g_autofree char *other_data = NULL;
  g_autofree char *err = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  gsize length, length2;

  source_hash = ctg_test_read_file (source, &length);
  g_assert_cmpint (ctg_test_run_cli (NULL, NULL, "export", source, "--csv", csv, NULL), ==, 0);

  /* The source itself, even with --force */
  g_assert_cmpint (ctg_test_run_cli (NULL, &err, "export", source, "--csv", source, "--force", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "being read"));
  {
    g_autofree char *after = ctg_test_read_file (source, &length2);

    g_assert_cmpmem (after, length2, source_hash, length);
  }

  /* An existing file without --force */
  other_data = ctg_test_read_file (other, &length);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (NULL, &err, "export", source, "--csv", other, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--force"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (NULL, &err, "export", source, "--pdf", other, NULL), ==, 1);

  /* A convention open for editing, even with --force */
  doc = ctg_document_open (other, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (NULL, &err, "export", source, "--csv", other, "--force", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "open in CTG Planner"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (NULL, &err, "import", csv, "-o", other, "--force", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "open in CTG Planner"));
  g_assert_true (ctg_document_check (doc, NULL));
  g_clear_object (&doc);
  {
    g_autofree char *after = ctg_test_read_file (other, &length2);

    g_assert_cmpmem (after, length2, other_data, length);
  }

  /* With --force, a file nobody has open is replaced */
  g_assert_true (g_file_set_contents (out_csv, "ancien", -1, NULL));
  g_assert_cmpint (ctg_test_run_cli (NULL, NULL, "export", source, "--csv", out_csv, "--force", NULL), ==, 0);
  g_assert_true (ctg_test_files_equal (out_csv, csv));
}

/* Issue 19: /dev/zero is refused at the limit, with bounded memory */
static void
test_cli_endless_input (void)
{
  g_autofree char *target = ctg_test_tmp_path ("zero.ctg");
  g_autofree char *err = NULL;
  struct rusage usage;

  g_assert_cmpint (ctg_test_run_cli (NULL, &err, "import", "/dev/zero", "-o", target, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "larger than"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &usage), ==, 0);
  g_print ("# ctg import /dev/zero: refused, peak RSS of the largest child %ld MB\n", usage.ru_maxrss / 1024);
#if !defined(__SANITIZE_ADDRESS__)
  g_assert_cmpint (usage.ru_maxrss, <, 200 * 1024);
#endif
}

static char *
title_of (const char *path,
          gint64      id)
{
  g_autoptr(CtgDocument) doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, NULL);

  g_assert_nonnull (doc);
  return ctg_document_dup_text (doc, CTG_ITEM_ACTION, id, "title");
}

/* Issue 19: texts a spreadsheet or a terminal would run */
static void
test_cli_hostile_text (void)
{
  const char *titles[] = {
    "=HYPERLINK(\"http://evil\",\"x\")", "@SUM(1+1)", "+cmd|' /C calc'!A0", "-2+3", "'=déjà protégé",
    "''@deux apostrophes", "'apostrophe seule",
  };
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autofree char *csv = ctg_test_tmp_path ("hostile.csv");
  g_autofree char *csv2 = ctg_test_tmp_path ("hostile2.csv");
  g_autofree char *back = ctg_test_tmp_path ("hostile.ctg");
  g_autofree char *data = NULL;
  g_autofree char *long_title = g_strnfill (100000, 'x');
  g_autofree char *long_code = g_strnfill (51, 'C');
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gsize length;

  {
    g_autoptr(CtgDocument) doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, NULL);

    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, i + 1, "title", titles[i], NULL));
  }

  /* CSV: formulas shown as text, and read back byte for byte */
  g_assert_cmpint (ctg_test_run_cli (NULL, NULL, "export", path, "--csv", csv, NULL), ==, 0);
  data = ctg_test_read_file (csv, &length);
  g_assert_nonnull (strstr (data, ";\"'=HYPERLINK(\"\"http"));
  g_assert_null (strstr (data, ";\"=HYPERLINK"));
  g_assert_nonnull (strstr (data, ";'@SUM(1+1)"));
  g_assert_nonnull (strstr (data, ";'+cmd"));
  g_assert_nonnull (strstr (data, ";'-2+3"));
  g_assert_nonnull (strstr (data, ";''=déjà"));
  g_assert_nonnull (strstr (data, ";'apostrophe seule"));
  g_assert_null (strstr (data, ";=HYPERLINK"));
  g_assert_cmpint (ctg_test_run_cli (NULL, NULL, "import", csv, "-o", back, NULL), ==, 0);
  g_assert_cmpint (ctg_test_run_cli (NULL, NULL, "export", back, "--csv", csv2, NULL), ==, 0);
  g_assert_true (ctg_test_files_equal (csv, csv2));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *title = title_of (back, (gint64) i + 1);

      g_assert_cmpstr (title, ==, titles[i]);
    }

  /* Control characters and line breaks refused where a field is one line */
  g_assert_cmpint (ctg_test_run_cli (NULL, &err, "set", path, "1", "--title", "a\033[31mb", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "control character"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (NULL, &err, "set", path, "1", "--title", "a\nb", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "one line"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (NULL, &err, "set", path, "1", "--title", long_title, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "too long"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (NULL, &err, "set", path, "1", "--code", long_code, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "at most 50"));

  /* The date range is said */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (NULL, &err, "set", path, "1", "--echeance", "1899", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "1900"));
  g_assert_nonnull (strstr (err, "2200"));

  /* Written behind the application's back: ctg list prints them escaped,
   * one line per action */
  {
    sqlite3 *db = NULL;
    g_autoptr(CtgDocument) doc = NULL;
    g_autoptr(GListModel) actions = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE action SET title = 'x' || char(27) || '[31my' || char(10) || 'z' "
                                       "|| char(13) || char(7) || char(133) WHERE id = 1", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, NULL);
    actions = ctg_document_list_actions (doc, 0);
    g_assert_cmpint (ctg_test_run_cli (&out, NULL, "list", path, NULL), ==, 0);
    g_assert_cmpuint (count_lines (out), ==, g_list_model_get_n_items (actions));
    g_assert_null (strchr (out, '\033'));
    g_assert_null (strchr (out, '\r'));
    g_assert_null (strchr (out, '\a'));
    g_assert_null (strstr (out, "\xc2\x85"));
    g_assert_nonnull (strstr (out, "x\\x1b[31my\\nz\\r\\x07\\u0085"));
  }

  /* The importer takes the same lengths */
  {
    g_autofree char *bad = ctg_test_tmp_path ("long.csv");
    g_autofree char *bad_ctg = ctg_test_tmp_path ("long.ctg");
    g_autofree char *table = g_strdup_printf ("axe;action\nA;%s\nA;B\x01\n", long_title);

    g_assert_true (g_file_set_contents (bad, table, -1, NULL));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (ctg_test_run_cli (NULL, &err, "import", bad, "-o", bad_ctg, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "line 2"));
    g_assert_nonnull (strstr (err, "line 3"));
    g_assert_false (g_file_test (bad_ctg, G_FILE_TEST_EXISTS));
  }
}

/* ctg export --bilan with no year takes the year the Export dialog
 * offers first (the last assessed); a year the convention does not run
 * over is refused in the reader's language */
static void
test_cli_export_bilan (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autofree char *pdf = ctg_test_tmp_path ("bilan-default.pdf");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (ctg_test_run_cli (&out, &err, "assess", path, "2", "2024", "--level", "atteint", NULL), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CtgDocument) doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ctg_document_get_review_year (doc), ==, 2024);
  }

  /* --bilan alone, last or before the file */
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      if (i == 0)
        g_assert_cmpint (ctg_test_run_cli (&out, &err, "export", path, "--force", "--pdf", pdf, "--bilan", NULL), ==, 0);
      else
        g_assert_cmpint (ctg_test_run_cli (&out, &err, "export", "--force", "--pdf", pdf, "--bilan", path, NULL), ==, 0);
      g_assert_cmpstr (err, ==, "");
      if (pdftotext != NULL)
        {
          g_autofree char *text = NULL;
          g_autoptr(GError) error = NULL;

          g_spawn_sync (NULL, (char *[]) { pdftotext, pdf, "-", NULL }, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                        NULL, NULL, &text, NULL, NULL, &error);
          g_assert_no_error (error);
          g_assert_nonnull (strstr (text, "Annual review 2024"));
        }
    }

  /* ctg evaluation shows the same year */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "evaluation", path, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Evaluation 2024\n"));

  /* A year out of the convention, or not a year */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "export", path, "--force", "--pdf", pdf, "--bilan", "2031", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "2031 is not a year of this convention: choose one from 2022 to 2026."));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "export", path, "--force", "--pdf", pdf, "--bilan=25", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "“25” is not a year"));
  if (have_french ())
    {
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (ctg_test_run_cli_french (&out, &err, "export", path, "--force", "--pdf", pdf,
                                                "--bilan", "2031", NULL), ==, 1);
      g_assert_nonnull (strstr (err, "2031 n’est pas une année de cette convention\u00A0: choisissez-en une de 2022 à 2026."));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (ctg_test_run_cli_french (&out, &err, "export", "--help", NULL), ==, 0);
      g_assert_nonnull (strstr (out, "--bilan=[ANNÉE]"));
      g_assert_nonnull (strstr (out, "sans année, celui de la dernière année évaluée"));
    }
}

/* --separator shapes the CSV only: without --csv it is refused, not
 * silently ignored while an .xlsx is written with the user's "," unheard */
static void
test_cli_export_separator_without_csv (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autofree char *folder = ctg_test_tmp_path ("separator-only");
  g_autofree char *xlsx = g_build_filename (folder, "plan.xlsx", NULL);
  g_autofree char *csv = g_build_filename (folder, "plan.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "export", path, "--xlsx", xlsx, "--separator", ",", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "ctg: --separator only applies to the CSV export: add --csv FILE.\n");
  g_assert_cmpstr (out, ==, "");
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));

  if (have_french ())
    {
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (ctg_test_run_cli_french (NULL, &err, "export", path, "--separator", "tab", NULL), ==, 1);
      g_assert_nonnull (strstr (err, "--separator ne s’applique qu’à l’export CSV\u00A0: ajoutez --csv FICHIER.\n"));
    }

  /* With --csv it still goes through */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (NULL, &err, "export", path, "--csv", csv, "--separator", ",", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));
}

/* The report's options given without --pdf: refused, saying so, rather
 * than silently ignored, and nothing written */
static void
test_cli_export_report_only (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autofree char *folder = ctg_test_tmp_path ("report-only");
  g_autofree char *csv = g_build_filename (folder, "plan.csv", NULL);
  g_autofree char *xlsx = g_build_filename (folder, "plan.xlsx", NULL);
  const char *options[][2] = {
    { "--bilan", NULL }, { "--bilan=2024", NULL }, { "--fiches", NULL }, { "--meeting", "15/03/2025" },
    { "--changes-since", "2024-01-01" }, { "--axis", "1" }, { "--no-summary", NULL }, { "--no-timeline", NULL },
  };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *name = g_strndup (options[i][0], strcspn (options[i][0], "="));

      g_assert_cmpint (ctg_test_run_cli (&out, &err, "export", path, "--csv", csv, "--xlsx", xlsx,
                                         options[i][0], options[i][1], NULL), ==, 1);
      expected = g_strdup_printf ("ctg: %s only applies to the PDF report: add --pdf FILE.\n", name);
      g_assert_cmpstr (err, ==, expected);
      g_assert_cmpstr (out, ==, "");
      g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));

      /* Nor with nothing else to export */
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (ctg_test_run_cli (NULL, &err, "export", path, options[i][0], options[i][1], NULL), ==, 1);
      g_assert_cmpstr (err, ==, expected);
    }

  if (have_french ())
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (ctg_test_run_cli_french (&out, &err, "export", path, "--csv", csv, "--fiches", NULL), ==, 1);
      g_assert_nonnull (strstr (err, "--fiches ne s’applique qu’au rapport PDF\u00A0: ajoutez --pdf FICHIER.\n"));
      g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
    }

  /* With --pdf they still go through */
  {
    g_autofree char *pdf = g_build_filename (folder, "rapport.pdf", NULL);
    g_autofree char *err = NULL;

    g_assert_cmpint (ctg_test_run_cli (NULL, &err, "export", path, "--pdf", pdf, "--fiches", "--no-timeline", NULL), ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }
}

/* Where every action stands now, recorded for the end of @year */
static GHashTable *
read_year_ends (const char *path,
                guint       year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgDocument) doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);

  g_assert_no_error (error);
  return ctg_document_read_year_ends (doc, year);
}

/* ctg evaluation --record-year does what Record Statuses does on the
 * Évaluation page: every action's status and progress for the year, as
 * one change, said in the reader's language */
static void
test_cli_record_year (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GHashTable) ends = NULL;
  const CtgYearEnd *end;
  gint64 second = 2;

  g_assert_cmpint (ctg_test_run_cli (&out, &err, "assess", path, "2", "2024", "--level", "atteint", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "set", path, "2", "--status", "en cours", "--progress", "40", NULL), ==, 0);

  /* With no year, the one ctg evaluation shows: the last assessed */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "evaluation", path, "--record-year", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "The statuses and progress of 15 actions were recorded for the end of 2024.\n");
  g_assert_cmpstr (err, ==, "");
  ends = read_year_ends (path, 2024);
  g_assert_cmpuint (g_hash_table_size (ends), ==, 15);
  end = g_hash_table_lookup (ends, &second);
  g_assert_nonnull (end);
  g_assert_cmpint (end->status, ==, CTG_STATUS_IN_PROGRESS);
  g_assert_cmpint (end->progress, ==, 40);
  g_clear_pointer (&ends, g_hash_table_unref);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* Statuses are no follow-up notes: none to list */
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "evaluation", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Follow-up notes:\nFunding per funder:\n"));

  /* ctg changes names the change by what it did, every action, not
   * after the first of them ("Record the year’s statuses — FA 1.1 …") */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "changes", path, NULL), ==, 0);
  g_assert_true (g_str_has_suffix (out, " · Record the statuses of 2024 (15 actions)\n"));
  if (have_french ())
    {
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (ctg_test_run_cli_french (&out, &err, "changes", path, NULL), ==, 0);
      g_assert_true (g_str_has_suffix (out, " · Enregistrer les statuts de 2024 (15 actions)\n"));
    }

  /* One change: one undo takes all of it back */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "undo", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Record the statuses of 2024 (15 actions)"));
  ends = read_year_ends (path, 2024);
  g_assert_cmpuint (g_hash_table_size (ends), ==, 0);
  g_clear_pointer (&ends, g_hash_table_unref);

  /* A year given, before the file; one the convention does not run over */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "evaluation", "--record-year", "2023", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "for the end of 2023."));
  ends = read_year_ends (path, 2023);
  g_assert_cmpuint (g_hash_table_size (ends), ==, 15);
  g_clear_pointer (&ends, g_hash_table_unref);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "evaluation", path, "--record-year", "2031", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "2031 is not a year of this convention"));
  ends = read_year_ends (path, 2031);
  g_assert_cmpuint (g_hash_table_size (ends), ==, 0);
  g_clear_pointer (&ends, g_hash_table_unref);

  if (!have_french ())
    return;
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli_french (&out, &err, "evaluation", path, "--record-year", "2025", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Les statuts et l’avancement de 15 actions ont été enregistrés pour la fin de 2025.\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli_french (&out, &err, "evaluation", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--record-year=[ANNÉE]"));
  g_assert_nonnull (strstr (out, "comme Enregistrer les statuts sur la page Évaluation"));
}

int
main (int   argc,
      char *argv[])
{
  ctg_test_init (&argc, &argv);

  g_test_add_func ("/cli/help", test_cli_help);
  g_test_add_func ("/cli/info", test_cli_info);
  g_test_add_func ("/cli/set-and-undo", test_cli_set_and_undo);
  g_test_add_func ("/cli/history-language", test_cli_history_language);
  g_test_add_func ("/cli/outside-period", test_cli_outside_period);
  g_test_add_func ("/cli/import-export", test_cli_import_export);
  g_test_add_func ("/cli/check", test_cli_check);
  g_test_add_func ("/cli/no-overwrite", test_cli_no_overwrite);
  g_test_add_func ("/cli/endless-input", test_cli_endless_input);
  g_test_add_func ("/cli/hostile-text", test_cli_hostile_text);
  g_test_add_func ("/cli/french", test_cli_french);
  g_test_add_func ("/cli/evaluation", test_cli_evaluation);
  g_test_add_func ("/cli/export-bilan", test_cli_export_bilan);
  g_test_add_func ("/cli/export-report-only", test_cli_export_report_only);
  g_test_add_func ("/cli/export-separator-without-csv", test_cli_export_separator_without_csv);
  g_test_add_func ("/cli/record-year", test_cli_record_year);
  g_test_add_func ("/cli/french-punctuation", test_cli_french_punctuation);

  return g_test_run ();
}
