/* test-import.c: the plan table, in and out
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ctg-test-util.h"

/* Counted in the seeds by hand: see the notes at the top of each .convention */
static const struct {
  const char *slug;
  guint       axes;
  guint       actions;
  guint       signatories;
  guint       first_axis_actions;
} examples[] = {
  { "baronnies", 4, 84, 2, 47 },
  { "creusot-montceau", 3, 34, 21, 17 },
  { "m2a", 4, 15, 0, 6 },
  { "valence-romans", 7, 219, 57, 40 },
};

static gboolean
import_text (CtgDocument  *doc,
             const char   *text,
             GError      **error)
{
  return ctg_document_import_csv (doc, text, strlen (text), NULL, error);
}

static void
test_import_examples_counts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = ctg_test_copy_example (examples[i].slug);
      g_autoptr(CtgDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) axes = NULL;
      g_autoptr(GArray) signatories = NULL;
      g_autoptr(GListModel) actions = NULL;
      g_autoptr(GListModel) first = NULL;

      doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);
      g_assert_no_error (error);

      axes = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
      actions = ctg_document_list_actions (doc, 0);
      signatories = ctg_document_list_ids (doc, CTG_ITEM_SIGNATORY, 0);
      first = ctg_document_list_actions (doc, g_array_index (axes, gint64, 0));

      g_test_message ("%s", examples[i].slug);
      g_assert_cmpuint (axes->len, ==, examples[i].axes);
      g_assert_cmpuint (g_list_model_get_n_items (actions), ==, examples[i].actions);
      g_assert_cmpuint (signatories->len, ==, examples[i].signatories);
      g_assert_cmpuint (g_list_model_get_n_items (first), ==, examples[i].first_axis_actions);
    }
}

/* Every action title and pilot of the source table is in the built file, in order */
static void
test_import_examples_faithful (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *csv_name = g_strconcat (examples[i].slug, ".csv", NULL);
      g_autofree char *csv_path = g_build_filename (g_getenv ("CTG_EXAMPLES_SRCDIR"), csv_name, NULL);
      g_autofree char *path = ctg_test_copy_example (examples[i].slug);
      g_autofree char *data = NULL;
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(CtgDocument) doc = NULL;
      g_autoptr(GListModel) actions = NULL;
      g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GError) error = NULL;
      gsize length;
      guint pilots_in_source = 0, pilots_in_file = 0;

      data = ctg_test_read_file (csv_path, &length);
      rows = ctg_csv_parse (data, length, NULL, problems);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpuint (rows->len - 1, ==, examples[i].actions);

      doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);
      g_assert_no_error (error);
      actions = ctg_document_list_actions (doc, 0);

      for (guint a = 0; a < g_list_model_get_n_items (actions); a++)
        {
          g_autoptr(CtgAction) action = g_list_model_get_item (actions, a);

          g_hash_table_add (titles, (gpointer) g_intern_string (ctg_action_get_title (action)));
          pilots_in_file += ctg_action_get_pilots (action)->len;
        }

      for (guint r = 1; r < rows->len; r++)
        {
          CtgCsvRow *row = g_ptr_array_index (rows, r);
          g_autofree char *title = g_strstrip (g_strdup (g_ptr_array_index (row->cells, 5)));
          g_autoptr(GPtrArray) pilots = ctg_split_list (g_ptr_array_index (row->cells, 7));

          g_assert_true (g_hash_table_contains (titles, g_intern_string (title)));
          pilots_in_source += pilots->len;
        }
      g_assert_cmpuint (pilots_in_file, ==, pilots_in_source);
    }
}

/* export -> import -> export gives the same bytes */
static void
test_import_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = ctg_test_copy_example (examples[i].slug);
      g_autoptr(CtgDocument) doc = NULL;
      g_autoptr(CtgDocument) again = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;

      doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);
      g_assert_no_error (error);
      first = ctg_document_export_csv (doc, ';');

      again = ctg_test_new_document ();
      g_assert_true (import_text (again, first, &error));
      g_assert_no_error (error);
      second = ctg_document_export_csv (again, ';');
      g_assert_cmpstr (first, ==, second);
    }
}

static void
test_import_round_trip_every_field (void)
{
  g_autoptr(CtgDocument) doc = ctg_test_new_document ();
  g_autoptr(CtgDocument) again = ctg_test_new_document ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const char *csv =
    "axe;thématique;enjeu;objectif;code;action;description;pilotes;partenaires;début;échéance;statut;avancement;étapes;moyens;indicateurs;notes\n"
    "Axe 1;Petite enfance;ENJEU 1;Objectif A;FA 1.1;Créer un RPE;\"Sur deux lignes\nvoilà\";"
    "\"Pascale ROCHAS (Vice-Présidente / CTG)\nCaf\";PMI — Département;03/2024;15/12/2025;en cours;40 %;"
    "\"[x] 2024-03: Diagnostic\nRecrutement\";1 ETP;\"Places | 20 | 2024=5 | 2025=12\nFamilles reçues\";\"Note; avec point-virgule\"\n"
    "Axe 1;Petite enfance;ENJEU 1;Objectif A;;Seconde action;;Mutuelle PE [organisation];;;2023 2024;réalisée;100;;;;\n"
    "Axe 2;;;;;Sans objectif;;RPE / PMI;;;;;;;;;\n";

  g_assert_true (import_text (doc, csv, &error));
  g_assert_no_error (error);
  first = ctg_document_export_csv (doc, ';');
  g_assert_true (import_text (again, first, &error));
  g_assert_no_error (error);
  second = ctg_document_export_csv (again, ';');
  g_assert_cmpstr (first, ==, second);

  /* And the values are the ones given */
  {
    g_autoptr(GListModel) actions = ctg_document_list_actions (doc, 0);
    g_autoptr(CtgAction) a = g_list_model_get_item (actions, 0);
    g_autoptr(CtgAction) b = g_list_model_get_item (actions, 1);
    g_autoptr(CtgAction) c = g_list_model_get_item (actions, 2);
    const CtgParticipant *p = g_ptr_array_index (ctg_action_get_pilots (a), 0);
    g_autoptr(GArray) steps = ctg_document_list_ids (doc, CTG_ITEM_STEP, ctg_action_get_id (a));
    g_autoptr(GArray) indicators = ctg_document_list_ids (doc, CTG_ITEM_INDICATOR, ctg_action_get_id (a));
    g_autoptr(GArray) values = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 3);
    g_assert_cmpstr (ctg_action_get_code (a), ==, "FA 1.1");
    g_assert_cmpstr (ctg_action_get_description (a), ==, "Sur deux lignes\nvoilà");
    g_assert_cmpstr (p->name, ==, "Pascale ROCHAS");
    g_assert_cmpstr (p->role, ==, "Vice-Présidente / CTG");
    g_assert_cmpuint (ctg_action_get_partners (a)->len, ==, 2);
    g_assert_cmpuint (ctg_action_get_start (a)->month, ==, 3);
    g_assert_cmpuint (ctg_action_get_echeance (a)->day, ==, 15);
    g_assert_cmpint (ctg_action_get_status (a), ==, CTG_STATUS_IN_PROGRESS);
    g_assert_cmpint (ctg_action_get_progress (a), ==, 40);
    g_assert_cmpstr (ctg_action_get_notes (a), ==, "Note; avec point-virgule");
    g_assert_cmpuint (steps->len, ==, 2);
    g_assert_cmpint (ctg_document_get_int (doc, CTG_ITEM_STEP, g_array_index (steps, gint64, 0), "done", 0), ==, 1);
    g_assert_cmpuint (indicators->len, ==, 2);
    values = ctg_document_list_ids (doc, CTG_ITEM_INDICATOR_VALUE, g_array_index (indicators, gint64, 0));
    g_assert_cmpuint (values->len, ==, 2);

    /* "2023 2024": start and échéance */
    g_assert_cmpuint (ctg_action_get_start (b)->year, ==, 2023);
    g_assert_cmpuint (ctg_action_get_echeance (b)->year, ==, 2024);
    g_assert_cmpint (((CtgParticipant *) g_ptr_array_index (ctg_action_get_pilots (b), 0))->kind, ==,
                     CTG_PARTICIPANT_ORGANISATION);
    g_assert_cmpuint (ctg_action_get_pilots (c)->len, ==, 2);
  }
}

static void
test_import_header_variants (void)
{
  const char *variants[] = {
    /* English, other order, comma, BOM, CRLF */
    "\xef\xbb\xbfTitle,Axis,Deadline,Status,Progress,Pilots\r\nOuvrir,Axe 1,2025,Done,100%,Caf\r\n",
    /* Case and accents do not matter, tab separated */
    "ACTION\tAXE\tECHEANCE\tSTATUT\tAVANCEMENT\tPILOTES\nOuvrir\tAxe 1\t2025\tRÉALISÉE\t100\tCaf\n",
    /* Semicolon, French progress with a no-break space */
    "Axe;Action;Échéance;Statut;Avancement;Pilote\nAxe 1;Ouvrir;2025;réalisée;100\u00a0%;Caf\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(CtgDocument) doc = ctg_test_new_document ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) actions = NULL;
      g_autoptr(CtgAction) action = NULL;

      g_assert_true (import_text (doc, variants[i], &error));
      g_assert_no_error (error);
      actions = ctg_document_list_actions (doc, 0);
      g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 1);
      action = g_list_model_get_item (actions, 0);
      g_assert_cmpstr (ctg_action_get_title (action), ==, "Ouvrir");
      g_assert_cmpint (ctg_action_get_status (action), ==, CTG_STATUS_DONE);
      g_assert_cmpint (ctg_action_get_progress (action), ==, 100);
      g_assert_cmpuint (ctg_action_get_echeance (action)->year, ==, 2025);
      g_assert_cmpuint (ctg_action_get_pilots (action)->len, ==, 1);
    }
}

static void
test_import_unknown_column (void)
{
  g_autoptr(CtgDocument) doc = ctg_test_new_document ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *csv = "axe;action;couleur\nA;B;bleu\n";

  g_assert_true (ctg_document_import_csv (doc, csv, strlen (csv), warnings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "couleur"));
}

static void
test_import_bad_rows (void)
{
  g_autoptr(CtgDocument) doc = ctg_test_new_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) axes = NULL;
  const char *csv =
    "axe;action;début;échéance;statut;avancement\n"
    "Axe 1;Bonne action;2024;2025;en cours;10\n"          /* 2: fine */
    "Axe 1;Date impossible;2024;31/02/2025;;\n"           /* 3 */
    "Axe 1;Trop avancée;;;;140\n"                         /* 4 */
    "Axe 1;Statut inconnu;;;peut-être;\n"                 /* 5 */
    "Axe 1;À l'envers;2026;2025;;\n"                      /* 6 */
    ";Sans axe;;;;\n"                                     /* 7 */
    "Axe 1;;;;;\n"                                        /* 8 */
    "Axe 1;\"Guillemet jamais fermé;;;;\n";               /* 9 */
  const char *expected[] = { "line 3:", "line 4:", "line 5:", "line 6:", "line 7:", "line 8:" };

  g_assert_false (import_text (doc, csv, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_BAD_CSV);
  g_test_message ("%s", error->message);

  /* The unclosed quote swallows the rest of the file, but the rows before
   * it were read: their problems are reported too, then the quote */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("%s", expected[i]);
      g_assert_nonnull (strstr (error->message, expected[i]));
    }
  g_assert_nonnull (strstr (error->message, "line 9: a quote opened here is never closed"));
  g_assert_true (strstr (error->message, "line 8:") < strstr (error->message, "line 9:"));
  g_assert_null (strstr (error->message, "line 2:"));
  g_clear_error (&error);

  /* Without it, every bad row is reported at once */
  {
    g_autofree char *without = g_strndup (csv, strstr (csv, "Axe 1;\"Guillemet") - csv);

    g_assert_false (import_text (doc, without, &error));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_test_message ("%s", expected[i]);
        g_assert_nonnull (strstr (error->message, expected[i]));
      }
    g_assert_null (strstr (error->message, "line 2:"));
  }

  /* Nothing written */
  axes = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
  g_assert_cmpuint (axes->len, ==, 0);
}

static void
test_import_bad_header (void)
{
  const char *cases[] = { "", "titre;pilotes\nA;B\n", "axe;pilotes\nA;B\n", "\xff\xfe\x00\x00" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CtgDocument) doc = ctg_test_new_document ();
      g_autoptr(GError) error = NULL;

      g_assert_false (ctg_document_import_csv (doc, cases[i], strlen (cases[i]) + (i == 3 ? 4 : 0), NULL, &error));
      g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_BAD_CSV);
    }
}

static void
test_import_ordering (void)
{
  g_autoptr(CtgDocument) doc = ctg_test_new_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actions = NULL;
  const char *csv =
    "axe;thématique;objectif;action\n"
    "A;T1;O1;a1\n"
    "A;T2;O3;a3\n"
    "A;T1;O2;a2\n"
    "B;;;b1\n"
    "A;T1;O1;a1bis\n";
  const char *order[] = { "a1", "a1bis", "a2", "a3", "b1" };

  g_assert_true (import_text (doc, csv, &error));
  actions = ctg_document_list_actions (doc, 0);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);
      g_assert_cmpstr (ctg_action_get_title (action), ==, order[i]);
    }
}

static void
test_import_undoable_into_existing (void)
{
  g_autoptr(CtgDocument) doc = ctg_test_new_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) axes = NULL;

  g_assert_true (import_text (doc, "axe;action\nA;a\n", &error));
  /* Into a new convention the import is its creation: nothing to undo */
  g_assert_false (ctg_document_can_undo (doc));
  g_assert_true (import_text (doc, "axe;action\nB;b\n", &error));
  g_assert_true (ctg_document_can_undo (doc));
  g_assert_true (ctg_document_undo (doc, &error));
  axes = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
  g_assert_cmpuint (axes->len, ==, 1);
}

/* A year range in début, as échéance accepts one: début 2023 and, when
 * échéance is empty, échéance 2024; when they disagree, that row says so */
static void
test_import_start_range (void)
{
  g_autoptr(CtgDocument) doc = ctg_test_new_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(CtgAction) first = NULL;
  g_autoptr(CtgAction) second = NULL;
  const char *good =
    "axe;action;début;échéance\n"
    "Axe 1;Sur deux ans;2023-2024;\n"
    "Axe 1;Même chose dite deux fois;2023-2024;2024\n";
  const char *bad =
    "axe;action;début;échéance\n"
    "Axe 1;Bonne;2023-2024;\n"
    "Axe 1;Contradiction;2023-2024;2025\n";

  g_assert_true (import_text (doc, good, &error));
  g_assert_no_error (error);
  actions = ctg_document_list_actions (doc, 0);
  first = g_list_model_get_item (actions, 0);
  second = g_list_model_get_item (actions, 1);
  g_assert_cmpuint (ctg_action_get_start (first)->year, ==, 2023);
  g_assert_cmpuint (ctg_action_get_start (first)->month, ==, 0);
  g_assert_cmpuint (ctg_action_get_echeance (first)->year, ==, 2024);
  g_assert_cmpuint (ctg_action_get_start (second)->year, ==, 2023);
  g_assert_cmpuint (ctg_action_get_echeance (second)->year, ==, 2024);

  g_assert_false (import_text (doc, bad, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_BAD_CSV);
  g_assert_nonnull (strstr (error->message, "line 3: the start “2023-2024” ends in 2024 but the échéance is “2025”"));
  g_assert_null (strstr (error->message, "line 2:"));
}

/* A .convention whose key holds a refused value names its group and key;
 * the keys read before it are set, as one edit that fails as a whole */
static void
test_import_convention_bad_key (void)
{
  g_autoptr(CtgDocument) doc = ctg_test_new_document ();
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const char *text =
    "[Convention]\nTitle=CTG du Vercors\n\n"
    "[Signatory 1]\nOrganisation=Caf de la Drôme\nRole=Signataire\n\n"
    "[Meeting 1]\nDate=2025\nTitle=COPIL\nNotes=Ordre du jour\n\n"
    "[Body 1]\nName=COPIL\nDescription=Pilotage\n";
  const char *bad = "[Convention]\nTitle=CTG du Vercors\nStart=la semaine prochaine\n";

  g_assert_true (g_key_file_load_from_data (key_file, text, -1, G_KEY_FILE_NONE, &error));
  g_assert_true (ctg_document_import_convention (doc, key_file, &error));
  g_assert_no_error (error);
  title = ctg_document_dup_text (doc, CTG_ITEM_CONVENTION, 1, "title");
  g_assert_cmpstr (title, ==, "CTG du Vercors");
  g_assert_cmpint (ctg_document_find_child (doc, CTG_ITEM_SIGNATORY, 0, "role", "Signataire", NULL), >, 0);
  g_assert_cmpint (ctg_document_find_child (doc, CTG_ITEM_BODY, 0, "description", "Pilotage", NULL), >, 0);
  g_assert_cmpint (ctg_document_find_child (doc, CTG_ITEM_MEETING, 0, "notes", "Ordre du jour", NULL), >, 0);

  g_assert_true (g_key_file_load_from_data (key_file, bad, -1, G_KEY_FILE_NONE, &error));
  g_assert_false (ctg_document_import_convention (doc, key_file, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "[Convention] Start: "));
}

static const char plan_csv[] = "axe;action;avancement\nAxe 1;Relais petite enfance;10\nAxe 1;Accueil jeunes;20\n";

/* A new convention never replaces a file the user did not agree to lose */
static void
test_import_create_existing (void)
{
  g_autofree char *folder = ctg_test_make_folder ();
  g_autofree char *target = g_build_filename (folder, "Convention.ctg", NULL);
  g_autofree char *open_target = g_build_filename (folder, "Ouverte.ctg", NULL);
  g_autoptr(CtgDocument) open_doc = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autofree char *names = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GBytes) plan = g_bytes_new_static (plan_csv, strlen (plan_csv));
  const char notes[] = "Mes notes du COPIL, à ne pas perdre\n";
  gsize length;

  g_assert_true (g_file_set_contents (target, notes, -1, NULL));
  g_assert_false (ctg_document_create_from_plan (target, &(CtgPlanSource) { .table = plan },
                                                 FALSE, NULL, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "“Convention.ctg” already exists"));
  g_clear_error (&error);
  after = ctg_test_read_file (target, &length);
  g_assert_cmpmem (after, length, notes, strlen (notes));
  names = ctg_test_list_folder (folder);
  g_assert_cmpstr (names, ==, "Convention.ctg");

  /* Nor, even when agreed, a convention open for editing: its writer would
   * go on writing to a deleted file */
  open_doc = ctg_document_create (open_target, &error);
  g_assert_no_error (error);
  g_assert_false (ctg_document_create_from_plan (open_target, &(CtgPlanSource) { .table = plan },
                                                 TRUE, NULL, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_ALREADY_OPEN);
  g_clear_error (&error);
  g_assert_true (ctg_document_check_file (open_doc));
  g_clear_object (&open_doc);

  /* Agreed, it is replaced by the whole convention, nothing else left */
  g_assert_true (ctg_document_create_from_plan (target, &(CtgPlanSource) { .table = plan },
                                                TRUE, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = ctg_test_list_folder (folder);
  g_assert_cmpstr (names, ==, "Convention.ctg Ouverte.ctg");
  doc = ctg_document_open (target, CTG_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  actions = ctg_document_list_actions (doc, 0);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 2);
}

/* An import that fails midway leaves nothing: no convention, no temporary */
static void
test_import_create_fails (void)
{
  g_autofree char *folder = ctg_test_make_folder ();
  g_autofree char *target = g_build_filename (folder, "Convention.ctg", NULL);
  g_autoptr(GKeyFile) convention = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  const char *bad = "axe;action;avancement\nAxe 1;Relais petite enfance;10\nAxe 1;Accueil jeunes;beaucoup\n";
  g_autoptr(GBytes) plan = g_bytes_new_static (plan_csv, strlen (plan_csv));
  g_autoptr(GBytes) bad_plan = g_bytes_new_static (bad, strlen (bad));

  /* A malformed row, after a good one */
  g_assert_false (ctg_document_create_from_plan (target, &(CtgPlanSource) { .table = bad_plan },
                                                 FALSE, NULL, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_BAD_CSV);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);
  names = ctg_test_list_folder (folder);
  g_assert_cmpstr (names, ==, "");

  /* The plan imported, then the convention's own data refused */
  g_assert_true (g_key_file_load_from_data (convention, "[Axis 1]\nTitle=Axe inconnu\n", -1,
                                            G_KEY_FILE_NONE, NULL));
  g_assert_false (ctg_document_create_from_plan (target, &(CtgPlanSource) { .table = plan,
                                                                            .convention = convention },
                                                 FALSE, NULL, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_clear_pointer (&names, g_free);
  names = ctg_test_list_folder (folder);
  g_assert_cmpstr (names, ==, "");

  /* A folder that does not exist is named by the file asked for */
  g_free (target);
  target = g_build_filename (folder, "absent", "Convention.ctg", NULL);
  g_assert_false (ctg_document_create_from_plan (target, &(CtgPlanSource) { .table = plan },
                                                 FALSE, NULL, &error));
  g_assert_cmpstr (error->message, ==, "“Convention.ctg” could not be created: No such file or directory");
}

int
main (int   argc,
      char *argv[])
{
  ctg_test_init (&argc, &argv);

  g_test_add_func ("/import/examples/counts", test_import_examples_counts);
  g_test_add_func ("/import/examples/faithful", test_import_examples_faithful);
  g_test_add_func ("/import/examples/round-trip", test_import_round_trip);
  g_test_add_func ("/import/round-trip-every-field", test_import_round_trip_every_field);
  g_test_add_func ("/import/header-variants", test_import_header_variants);
  g_test_add_func ("/import/unknown-column", test_import_unknown_column);
  g_test_add_func ("/import/bad-rows", test_import_bad_rows);
  g_test_add_func ("/import/start-range", test_import_start_range);
  g_test_add_func ("/import/bad-header", test_import_bad_header);
  g_test_add_func ("/import/ordering", test_import_ordering);
  g_test_add_func ("/import/undoable-into-existing", test_import_undoable_into_existing);
  g_test_add_func ("/import/convention-bad-key", test_import_convention_bad_key);
  g_test_add_func ("/import/create/existing", test_import_create_existing);
  g_test_add_func ("/import/create/fails", test_import_create_fails);

  return g_test_run ();
}
