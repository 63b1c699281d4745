/* test-document.c: opening, editing, the journal, undo and redo
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ctg-action-private.h"
#include "ctg-schema.h"
#include "ctg-test-util.h"

/* A small convention: one axis, one objective, one action */
typedef struct
{
  char        *path;
  CtgDocument *doc;
  gint64       axis;
  gint64       objective;
  gint64       action;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = ctg_test_tmp_path ("fixture.ctg");
  f->doc = ctg_document_create (f->path, &error);
  g_assert_no_error (error);
  f->axis = ctg_document_add_item (f->doc, CTG_ITEM_AXIS, 0, "Petite enfance", &error);
  g_assert_no_error (error);
  f->objective = ctg_document_add_objective (f->doc, f->axis, 0, 0, "Développer l'accueil", &error);
  g_assert_no_error (error);
  f->action = ctg_document_add_item (f->doc, CTG_ITEM_ACTION, f->objective, "Ouvrir une micro-crèche", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->doc);
  g_free (f->path);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->doc);
  f->doc = ctg_document_open (f->path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_false (ctg_document_is_read_only (f->doc));
}

static void
assert_text (CtgDocument *doc,
             CtgItemKind  kind,
             gint64       id,
             const char  *field,
             const char  *expected)
{
  g_autofree char *value = ctg_document_dup_text (doc, kind, id, field);

  g_assert_cmpstr (value, ==, expected);
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
test_document_header (void)
{
  g_autofree char *path = ctg_test_tmp_path ("header.ctg");
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize length;

  doc = ctg_document_create (path, &error);
  g_assert_no_error (error);
  g_clear_object (&doc);

  bytes = ctg_test_read_file (path, &length);
  g_assert_cmpuint (length, >=, 100);
  g_assert_cmpmem (bytes, 16, "SQLite format 3", 16);
  /* application_id "CTG1" at 68, user_version at 60, rollback journal (1, not WAL 2) at 18 */
  g_assert_cmpmem (bytes + 68, 4, "CTG1", 4);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (bytes + 60)), ==, CTG_SCHEMA_VERSION);
  g_assert_cmpint (bytes[18], ==, 1);
  {
    g_autofree char *journal = g_strconcat (path, "-journal", NULL);
    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  }

  /* Creating over an existing file is refused and leaves it alone */
  g_assert_null (ctg_document_create (path, &error));
  g_assert_nonnull (error);
  {
    gsize after_length;
    g_autofree char *after = ctg_test_read_file (path, &after_length);

    g_assert_cmpmem (bytes, length, after, after_length);
  }
}

static void
test_document_fields_round_trip (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) pilots = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);
  g_autoptr(CtgAction) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) steps = NULL;
  g_autoptr(GArray) values = NULL;
  gint64 step, indicator, signatory, body, member, meeting, theme, enjeu;
  const CtgParticipant *p;

  /* The convention */
  set_ok (f->doc, CTG_ITEM_CONVENTION, 1, "title", "CTG du Val « test »");
  set_ok (f->doc, CTG_ITEM_CONVENTION, 1, "territory", "Communauté de communes");
  set_ok (f->doc, CTG_ITEM_CONVENTION, 1, "caf", "Caf de la Drôme");
  set_ok (f->doc, CTG_ITEM_CONVENTION, 1, "period_start", "12/2021");
  set_ok (f->doc, CTG_ITEM_CONVENTION, 1, "period_end", "31/12/2026");
  set_ok (f->doc, CTG_ITEM_CONVENTION, 1, "signed_on", "2021-12-15");
  set_ok (f->doc, CTG_ITEM_CONVENTION, 1, "description", "Ligne 1\nLigne 2");
  signatory = ctg_document_add_item (f->doc, CTG_ITEM_SIGNATORY, 0, "Caf de la Drôme", &error);
  g_assert_no_error (error);
  set_ok (f->doc, CTG_ITEM_SIGNATORY, signatory, "representative", "Brigitte MEYSSIN");
  set_ok (f->doc, CTG_ITEM_SIGNATORY, signatory, "role", "Directrice");
  body = ctg_document_add_body (f->doc, "COPIL", "copil", &error);
  g_assert_no_error (error);
  member = ctg_document_add_item (f->doc, CTG_ITEM_MEMBER, body, "Pascale ROCHAS", &error);
  g_assert_no_error (error);
  set_ok (f->doc, CTG_ITEM_MEMBER, member, "role", "Vice-Présidente");
  set_ok (f->doc, CTG_ITEM_MEMBER, member, "organisation", "CCBDP");
  meeting = ctg_document_add_meeting (f->doc, body, "15/03/2025", "COPIL annuel", &error);
  g_assert_no_error (error);
  set_ok (f->doc, CTG_ITEM_MEETING, meeting, "notes", "Bilan 2024");

  /* The hierarchy */
  theme = ctg_document_add_section (f->doc, f->axis, CTG_SECTION_THEME, "Accueil", &error);
  g_assert_no_error (error);
  enjeu = ctg_document_add_section (f->doc, f->axis, CTG_SECTION_ENJEU, "ENJEU N°1", &error);
  g_assert_no_error (error);
  g_autofree char *theme_text = g_strdup_printf ("%" G_GINT64_FORMAT, theme);
  g_autofree char *enjeu_text = g_strdup_printf ("%" G_GINT64_FORMAT, enjeu);
  set_ok (f->doc, CTG_ITEM_OBJECTIVE, f->objective, "theme_id", theme_text);
  set_ok (f->doc, CTG_ITEM_OBJECTIVE, f->objective, "enjeu_id", enjeu_text);

  /* The action, every field */
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "code", "FA 1.2");
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "description", "Une micro-crèche de 12 places");
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "start", "03/2024");
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "echeance", "2025");
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "status", "en cours");
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "progress", "40 %");
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "means", "1 ETP");
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "notes", "À suivre");

  g_ptr_array_add (pilots, ctg_participant_new ("Cendrine CLEMENÇOT", CTG_PARTICIPANT_PERSON, "coordinatrice PE"));
  g_ptr_array_add (pilots, ctg_participant_new ("Caf", CTG_PARTICIPANT_ORGANISATION, NULL));
  g_assert_true (ctg_document_set_participants (f->doc, f->action, CTG_RELATION_PILOT, pilots, &error));
  g_assert_no_error (error);
  g_ptr_array_add (partners, ctg_participant_new ("PMI", CTG_PARTICIPANT_ORGANISATION, NULL));
  g_assert_true (ctg_document_set_participants (f->doc, f->action, CTG_RELATION_PARTNER, partners, &error));
  g_assert_no_error (error);

  step = ctg_document_add_item (f->doc, CTG_ITEM_STEP, f->action, "Trouver un local", &error);
  g_assert_no_error (error);
  set_ok (f->doc, CTG_ITEM_STEP, step, "date", "2024-06-30");
  set_ok (f->doc, CTG_ITEM_STEP, step, "done", "true");
  ctg_document_add_item (f->doc, CTG_ITEM_STEP, f->action, "Recruter", &error);
  g_assert_no_error (error);

  indicator = ctg_document_add_item (f->doc, CTG_ITEM_INDICATOR, f->action, "Places créées", &error);
  g_assert_no_error (error);
  set_ok (f->doc, CTG_ITEM_INDICATOR, indicator, "target", "12");
  g_assert_true (ctg_document_set_indicator_value (f->doc, indicator, 2024, "4", &error));
  g_assert_true (ctg_document_set_indicator_value (f->doc, indicator, 2025, "12", &error));
  g_assert_no_error (error);

  reopen (f);

  assert_text (f->doc, CTG_ITEM_CONVENTION, 1, "title", "CTG du Val « test »");
  assert_text (f->doc, CTG_ITEM_CONVENTION, 1, "territory", "Communauté de communes");
  assert_text (f->doc, CTG_ITEM_CONVENTION, 1, "caf", "Caf de la Drôme");
  assert_text (f->doc, CTG_ITEM_CONVENTION, 1, "period_start", "2021-12");
  assert_text (f->doc, CTG_ITEM_CONVENTION, 1, "period_end", "2026-12-31");
  assert_text (f->doc, CTG_ITEM_CONVENTION, 1, "signed_on", "2021-12-15");
  assert_text (f->doc, CTG_ITEM_CONVENTION, 1, "description", "Ligne 1\nLigne 2");
  assert_text (f->doc, CTG_ITEM_SIGNATORY, signatory, "organisation", "Caf de la Drôme");
  assert_text (f->doc, CTG_ITEM_SIGNATORY, signatory, "representative", "Brigitte MEYSSIN");
  assert_text (f->doc, CTG_ITEM_SIGNATORY, signatory, "role", "Directrice");
  assert_text (f->doc, CTG_ITEM_BODY, body, "kind", "copil");
  assert_text (f->doc, CTG_ITEM_MEMBER, member, "organisation", "CCBDP");
  assert_text (f->doc, CTG_ITEM_MEETING, meeting, "date", "2025-03-15");
  assert_text (f->doc, CTG_ITEM_MEETING, meeting, "notes", "Bilan 2024");
  g_assert_cmpint (ctg_document_get_int (f->doc, CTG_ITEM_MEETING, meeting, "body_id", 0), ==, body);
  g_assert_cmpint (ctg_document_get_int (f->doc, CTG_ITEM_OBJECTIVE, f->objective, "theme_id", 0), ==, theme);
  g_assert_cmpint (ctg_document_get_int (f->doc, CTG_ITEM_OBJECTIVE, f->objective, "enjeu_id", 0), ==, enjeu);

  action = ctg_document_get_action (f->doc, f->action);
  g_assert_nonnull (action);
  g_assert_cmpstr (ctg_action_get_code (action), ==, "FA 1.2");
  g_assert_cmpstr (ctg_action_get_title (action), ==, "Ouvrir une micro-crèche");
  g_assert_cmpstr (ctg_action_get_description (action), ==, "Une micro-crèche de 12 places");
  g_assert_cmpuint (ctg_action_get_start (action)->year, ==, 2024);
  g_assert_cmpuint (ctg_action_get_start (action)->month, ==, 3);
  g_assert_cmpint (ctg_date_precision (ctg_action_get_echeance (action)), ==, CTG_DATE_PRECISION_YEAR);
  g_assert_cmpint (ctg_action_get_status (action), ==, CTG_STATUS_IN_PROGRESS);
  g_assert_cmpint (ctg_action_get_progress (action), ==, 40);
  g_assert_cmpstr (ctg_action_get_means (action), ==, "1 ETP");
  g_assert_cmpstr (ctg_action_get_notes (action), ==, "À suivre");
  g_assert_cmpint (ctg_action_get_axis_id (action), ==, f->axis);
  g_assert_nonnull (ctg_action_get_created (action));
  g_assert_cmpstr (ctg_action_get_modified (action), >=, ctg_action_get_created (action));

  g_assert_cmpuint (ctg_action_get_pilots (action)->len, ==, 2);
  p = g_ptr_array_index (ctg_action_get_pilots (action), 0);
  g_assert_cmpstr (p->name, ==, "Cendrine CLEMENÇOT");
  g_assert_cmpstr (p->role, ==, "coordinatrice PE");
  g_assert_cmpint (p->kind, ==, CTG_PARTICIPANT_PERSON);
  p = g_ptr_array_index (ctg_action_get_pilots (action), 1);
  g_assert_cmpstr (p->name, ==, "Caf");
  g_assert_cmpint (p->kind, ==, CTG_PARTICIPANT_ORGANISATION);
  g_assert_cmpuint (ctg_action_get_partners (action)->len, ==, 1);

  steps = ctg_document_list_ids (f->doc, CTG_ITEM_STEP, f->action);
  g_assert_cmpuint (steps->len, ==, 2);
  g_assert_cmpint (g_array_index (steps, gint64, 0), ==, step);
  assert_text (f->doc, CTG_ITEM_STEP, step, "date", "2024-06-30");
  g_assert_cmpint (ctg_document_get_int (f->doc, CTG_ITEM_STEP, step, "done", 0), ==, 1);

  assert_text (f->doc, CTG_ITEM_INDICATOR, indicator, "target", "12");
  values = ctg_document_list_ids (f->doc, CTG_ITEM_INDICATOR_VALUE, indicator);
  g_assert_cmpuint (values->len, ==, 2);
  g_assert_cmpint (ctg_document_get_int (f->doc, CTG_ITEM_INDICATOR_VALUE, g_array_index (values, gint64, 1), "year", 0), ==, 2025);
  assert_text (f->doc, CTG_ITEM_INDICATOR_VALUE, g_array_index (values, gint64, 1), "value", "12");

  {
    g_auto(GStrv) names = ctg_document_list_participant_names (f->doc);
    g_assert_true (g_strv_contains ((const char * const *) names, "Cendrine CLEMENÇOT"));
    g_assert_true (g_strv_contains ((const char * const *) names, "PMI"));
  }
}

/* What a value names must exist, and agree with the item it is set on;
 * a cleared reference names nothing */
static void
test_document_refused_references (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 other_axis = ctg_document_add_item (f->doc, CTG_ITEM_AXIS, 0, "Jeunesse", &error);
  gint64 theme = ctg_document_add_section (f->doc, f->axis, CTG_SECTION_THEME, "Accueil", &error);
  gint64 enjeu = ctg_document_add_section (f->doc, f->axis, CTG_SECTION_ENJEU, "ENJEU N°1", &error);
  gint64 other_theme = ctg_document_add_section (f->doc, other_axis, CTG_SECTION_THEME, "Loisirs", &error);
  gint64 meeting = ctg_document_add_meeting (f->doc, 0, "2025", "COPIL", &error);
  const struct { CtgItemKind kind; gint64 id; const char *field; gint64 value; int code; } cases[] = {
    { CTG_ITEM_MEETING, meeting, "body_id", 9999, CTG_DOCUMENT_ERROR_NO_SUCH_ITEM },
    { CTG_ITEM_OBJECTIVE, f->objective, "theme_id", 9999, CTG_DOCUMENT_ERROR_NO_SUCH_ITEM },
    { CTG_ITEM_OBJECTIVE, f->objective, "theme_id", enjeu, CTG_DOCUMENT_ERROR_INVALID_VALUE },
    { CTG_ITEM_OBJECTIVE, f->objective, "enjeu_id", theme, CTG_DOCUMENT_ERROR_INVALID_VALUE },
    { CTG_ITEM_OBJECTIVE, f->objective, "theme_id", other_theme, CTG_DOCUMENT_ERROR_INVALID_VALUE },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, cases[i].value);

      g_test_message ("%s = %s", cases[i].field, value);
      g_assert_false (ctg_document_set (f->doc, cases[i].kind, cases[i].id, cases[i].field, value, &error));
      g_assert_error (error, CTG_DOCUMENT_ERROR, cases[i].code);
      g_clear_error (&error);
      g_assert_cmpint (ctg_document_get_int (f->doc, cases[i].kind, cases[i].id, cases[i].field, -1), ==, -1);
    }
  g_assert_false (ctg_document_set (f->doc, CTG_ITEM_MEETING, meeting, "body_id", "COPIL", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NO_SUCH_ITEM);
  g_clear_error (&error);

  /* A period's end before its start */
  set_ok (f->doc, CTG_ITEM_CONVENTION, 1, "period_start", "2022");
  g_assert_false (ctg_document_set (f->doc, CTG_ITEM_CONVENTION, 1, "period_end", "2021", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_autofree char *theme_text = g_strdup_printf ("%" G_GINT64_FORMAT, theme);

  set_ok (f->doc, CTG_ITEM_OBJECTIVE, f->objective, "theme_id", theme_text);
  g_assert_cmpint (ctg_document_get_int (f->doc, CTG_ITEM_OBJECTIVE, f->objective, "theme_id", -1), ==, theme);
  set_ok (f->doc, CTG_ITEM_OBJECTIVE, f->objective, "theme_id", "");
  g_assert_cmpint (ctg_document_get_int (f->doc, CTG_ITEM_OBJECTIVE, f->objective, "theme_id", -1), ==, -1);
}

static void
test_document_refused_values (Fixture       *f,
                              gconstpointer  data)
{
  const struct { const char *field; const char *value; int code; } cases[] = {
    { "start", "32/01/2024", CTG_DOCUMENT_ERROR_INVALID_VALUE },
    { "echeance", "demain", CTG_DOCUMENT_ERROR_INVALID_VALUE },
    { "echeance", "2023", CTG_DOCUMENT_ERROR_INVALID_VALUE },   /* before the start below */
    { "progress", "101", CTG_DOCUMENT_ERROR_INVALID_VALUE },
    { "progress", "-1", CTG_DOCUMENT_ERROR_INVALID_VALUE },
    { "status", "peut-être", CTG_DOCUMENT_ERROR_INVALID_VALUE },
    { "created", "2020", CTG_DOCUMENT_ERROR_INVALID_VALUE },
    { "no_such_field", "x", CTG_DOCUMENT_ERROR_INVALID_VALUE },
    { "title", "\xff\xfe", CTG_DOCUMENT_ERROR_INVALID_VALUE },
    { "title", "", CTG_DOCUMENT_ERROR_INVALID_VALUE },          /* every route refuses it */
    { "title", " \n ", CTG_DOCUMENT_ERROR_INVALID_VALUE },
  };
  g_autoptr(CtgAction) before = NULL;
  g_autoptr(CtgAction) after = NULL;

  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "start", "2024");
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "echeance", "2025");
  before = ctg_document_get_action (f->doc, f->action);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s = %s", cases[i].field, cases[i].value);
      g_assert_false (ctg_document_set (f->doc, CTG_ITEM_ACTION, f->action, cases[i].field, cases[i].value, &error));
      g_assert_error (error, CTG_DOCUMENT_ERROR, cases[i].code);
      g_assert_nonnull (error->message);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (ctg_document_set (f->doc, CTG_ITEM_ACTION, 9999, "title", "x", &error));
    g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NO_SUCH_ITEM);
  }

  after = ctg_document_get_action (f->doc, f->action);
  g_assert_cmpstr (ctg_action_get_title (after), ==, ctg_action_get_title (before));
  g_assert_cmpuint (ctg_action_get_echeance (after)->year, ==, 2025);
  g_assert_cmpint (ctg_action_get_progress (after), ==, -1);
  g_assert_cmpstr (ctg_action_get_modified (after), ==, ctg_action_get_modified (before));
}

static void
test_document_undo_redo (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  g_assert_true (ctg_document_can_undo (f->doc));   /* the additions of the fixture */
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "title", "Titre 2");
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "status", "réalisée");

  g_assert_true (ctg_document_undo (f->doc, &error));
  g_assert_no_error (error);
  assert_text (f->doc, CTG_ITEM_ACTION, f->action, "status", "todo");
  assert_text (f->doc, CTG_ITEM_ACTION, f->action, "title", "Titre 2");
  g_assert_true (ctg_document_can_redo (f->doc));

  /* Undo survives closing the file */
  reopen (f);
  g_assert_true (ctg_document_can_redo (f->doc));
  g_assert_true (ctg_document_undo (f->doc, &error));
  assert_text (f->doc, CTG_ITEM_ACTION, f->action, "title", "Ouvrir une micro-crèche");
  g_assert_true (ctg_document_redo (f->doc, &error));
  g_assert_true (ctg_document_redo (f->doc, &error));
  g_assert_no_error (error);
  assert_text (f->doc, CTG_ITEM_ACTION, f->action, "title", "Titre 2");
  assert_text (f->doc, CTG_ITEM_ACTION, f->action, "status", "done");
  g_assert_false (ctg_document_can_redo (f->doc));
  g_assert_false (ctg_document_redo (f->doc, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* A group is one step */
  g_assert_true (ctg_document_begin_group (f->doc, "Replanifier", &error));
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "start", "2025");
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "echeance", "2026");
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "status", "reportée");
  g_assert_true (ctg_document_end_group (f->doc, &error));
  label = ctg_document_dup_undo_label (f->doc);
  g_assert_cmpstr (label, ==, "Replanifier");
  g_assert_true (ctg_document_undo (f->doc, &error));
  assert_text (f->doc, CTG_ITEM_ACTION, f->action, "start", NULL);
  assert_text (f->doc, CTG_ITEM_ACTION, f->action, "echeance", NULL);
  assert_text (f->doc, CTG_ITEM_ACTION, f->action, "status", "done");

  /* A new edit drops what could be redone */
  g_assert_true (ctg_document_can_redo (f->doc));
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "notes", "nouvelle note");
  g_assert_false (ctg_document_can_redo (f->doc));

  /* Undo every step back to the empty convention */
  while (ctg_document_can_undo (f->doc))
    {
      g_assert_true (ctg_document_undo (f->doc, &error));
      g_assert_no_error (error);
    }
  g_assert_false (ctg_document_has_item (f->doc, CTG_ITEM_ACTION, f->action));
  g_assert_false (ctg_document_has_item (f->doc, CTG_ITEM_AXIS, f->axis));
  while (ctg_document_can_redo (f->doc))
    g_assert_true (ctg_document_redo (f->doc, &error));
  assert_text (f->doc, CTG_ITEM_ACTION, f->action, "notes", "nouvelle note");
  g_assert_true (ctg_document_check (f->doc, &error));
}

static void
test_document_cancel_group (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ctg_document_begin_group (f->doc, "Essai", &error));
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "title", "Jamais");
  ctg_document_cancel_group (f->doc);
  assert_text (f->doc, CTG_ITEM_ACTION, f->action, "title", "Ouvrir une micro-crèche");

  /* A refused edit inside a group drops the whole group */
  g_assert_true (ctg_document_begin_group (f->doc, "Essai", &error));
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "title", "Jamais non plus");
  g_assert_false (ctg_document_set (f->doc, CTG_ITEM_ACTION, f->action, "progress", "500", &error));
  g_clear_error (&error);
  ctg_document_cancel_group (f->doc);
  assert_text (f->doc, CTG_ITEM_ACTION, f->action, "title", "Ouvrir une micro-crèche");
}

static void
test_document_delete_undo (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pilots = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);
  g_autoptr(CtgAction) restored = NULL;
  gint64 step, indicator;

  g_ptr_array_add (pilots, ctg_participant_new ("RPE", CTG_PARTICIPANT_ORGANISATION, NULL));
  ctg_document_set_participants (f->doc, f->action, CTG_RELATION_PILOT, pilots, &error);
  step = ctg_document_add_item (f->doc, CTG_ITEM_STEP, f->action, "Étape", &error);
  indicator = ctg_document_add_item (f->doc, CTG_ITEM_INDICATOR, f->action, "Indicateur", &error);
  ctg_document_set_indicator_value (f->doc, indicator, 2024, "3", &error);
  g_assert_no_error (error);

  g_assert_true (ctg_document_delete (f->doc, CTG_ITEM_AXIS, f->axis, &error));
  g_assert_no_error (error);
  g_assert_false (ctg_document_has_item (f->doc, CTG_ITEM_ACTION, f->action));
  g_assert_false (ctg_document_has_item (f->doc, CTG_ITEM_STEP, step));
  g_assert_true (ctg_document_check (f->doc, &error));

  g_assert_true (ctg_document_undo (f->doc, &error));
  g_assert_no_error (error);
  restored = ctg_document_get_action (f->doc, f->action);
  g_assert_nonnull (restored);
  g_assert_cmpuint (ctg_action_get_pilots (restored)->len, ==, 1);
  g_assert_true (ctg_document_has_item (f->doc, CTG_ITEM_STEP, step));
  {
    g_autoptr(GArray) values = ctg_document_list_ids (f->doc, CTG_ITEM_INDICATOR_VALUE, indicator);
    g_assert_cmpuint (values->len, ==, 1);
  }
  g_assert_true (ctg_document_check (f->doc, &error));
}

static void
test_document_move (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) axes = NULL;
  gint64 second, third, objective2;

  second = ctg_document_add_item (f->doc, CTG_ITEM_AXIS, 0, "Jeunesse", &error);
  third = ctg_document_add_item (f->doc, CTG_ITEM_AXIS, 0, "Logement", &error);
  g_assert_true (ctg_document_move (f->doc, CTG_ITEM_AXIS, third, 0, &error));
  g_assert_no_error (error);
  axes = ctg_document_list_ids (f->doc, CTG_ITEM_AXIS, 0);
  g_assert_cmpint (g_array_index (axes, gint64, 0), ==, third);
  g_assert_cmpint (g_array_index (axes, gint64, 1), ==, f->axis);
  g_assert_cmpint (g_array_index (axes, gint64, 2), ==, second);

  objective2 = ctg_document_add_objective (f->doc, second, 0, 0, "Objectif 2", &error);
  g_assert_true (ctg_document_move_action (f->doc, f->action, objective2, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CtgAction) action = ctg_document_get_action (f->doc, f->action);
    g_assert_cmpint (ctg_action_get_axis_id (action), ==, second);
  }
  g_assert_true (ctg_document_undo (f->doc, &error));
  g_assert_cmpint (ctg_document_get_int (f->doc, CTG_ITEM_ACTION, f->action, "objective_id", 0), ==, f->objective);
}

static void
test_document_changes (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) future = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  gint64 step;
  gboolean found_step = FALSE;

  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "status", "en cours");
  step = ctg_document_add_item (f->doc, CTG_ITEM_STEP, f->action, "Étape", &error);
  g_assert_no_error (error);
  /* Regression: an update whose value is plain text, not JSON, once cut the list short */
  set_ok (f->doc, CTG_ITEM_STEP, step, "date", "2024-09");
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "notes", "après l'étape");

  all = ctg_document_list_changes (f->doc, "2000-01-01", 0);
  mine = ctg_document_list_changes (f->doc, NULL, f->action);
  future = ctg_document_list_changes (f->doc, "2999-01-01", 0);
  g_assert_cmpuint (future->len, ==, 0);
  g_assert_cmpuint (mine->len, >=, 3);   /* added, status, step */
  g_assert_cmpuint (all->len, >, mine->len);

  for (guint i = 0; i < mine->len; i++)
    {
      const CtgChange *change = g_ptr_array_index (mine, i);

      g_assert_cmpint (change->action_id, ==, f->action);
      if (g_strcmp0 (change->field, "status") == 0)
        {
          g_assert_cmpstr (change->old_value, ==, "todo");
          g_assert_cmpstr (change->new_value, ==, "in-progress");
          found = TRUE;
        }
      if (change->kind == CTG_ITEM_STEP && g_strcmp0 (change->field, "date") == 0)
        found_step = TRUE;
    }
  g_assert_true (found);
  g_assert_true (found_step);
  g_assert_cmpstr (((CtgChange *) g_ptr_array_index (mine, mine->len - 1))->field, ==, "notes");

  /* Undone changes are no longer changes */
  for (guint i = 0; i < 4; i++)
    g_assert_true (ctg_document_undo (f->doc, &error));
  g_clear_pointer (&mine, g_ptr_array_unref);
  mine = ctg_document_list_changes (f->doc, NULL, f->action);
  for (guint i = 0; i < mine->len; i++)
    g_assert_cmpstr (((CtgChange *) g_ptr_array_index (mine, i))->field, !=, "status");
}

static void
test_document_rollup (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actions = NULL;
  CtgProgressSummary summary;
  gint64 a2, a3, a4;

  /* done without progress = 100; 40; abandoned at 80 = out; en cours with
   * nothing entered = out (unknown) */
  set_ok (f->doc, CTG_ITEM_ACTION, f->action, "status", "réalisée");
  a2 = ctg_document_add_item (f->doc, CTG_ITEM_ACTION, f->objective, "Deux", &error);
  set_ok (f->doc, CTG_ITEM_ACTION, a2, "progress", "40");
  a3 = ctg_document_add_item (f->doc, CTG_ITEM_ACTION, f->objective, "Trois", &error);
  set_ok (f->doc, CTG_ITEM_ACTION, a3, "progress", "80");
  set_ok (f->doc, CTG_ITEM_ACTION, a3, "status", "abandonnée");
  a4 = ctg_document_add_item (f->doc, CTG_ITEM_ACTION, f->objective, "Quatre", &error);
  g_assert_no_error (error);
  g_assert_cmpint (a4, >, 0);
  set_ok (f->doc, CTG_ITEM_ACTION, a4, "status", "en cours");

  actions = ctg_document_list_actions (f->doc, f->axis);
  ctg_actions_summarize_progress (actions, &summary);
  g_assert_cmpfloat_with_epsilon (summary.average, 70.0, 0.001);
  g_assert_cmpuint (summary.counted, ==, 2);
  g_assert_cmpuint (summary.left_out, ==, 2);
}

/* The migration path: a file at every older version is brought up to date
 * in one transaction, and what it gives is exactly the schema checked on
 * opening. Version 1 is the first, so "older" is the empty file here; the
 * next version adds its own case. */
static void
test_document_migrations (void)
{
  g_autofree char *path = ctg_test_tmp_path ("migrate.ctg");
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (_ctg_schema_migrate (db, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_true (_ctg_schema_verify (db, CTG_SCHEMA_VERSION, &error));
  g_assert_no_error (error);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, CTG_SCHEMA_VERSION);
  sqlite3_finalize (stmt);

  /* A schema one statement off is refused */
  g_assert_cmpint (sqlite3_exec (db, "CREATE INDEX extra ON action (title)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (_ctg_schema_verify (db, CTG_SCHEMA_VERSION, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DAMAGED);
  sqlite3_close (db);
}

/* The outcome of a forked child, by a pipe: under valgrind the exit status
 * of a child that leaves with _exit() is valgrind's (its memory is not
 * freed), not the child's */
static int result_pipe[2];

static void
child_start (void)
{
  g_assert_cmpint (pipe (result_pipe), ==, 0);
}

static G_GNUC_NORETURN void
child_exit (int code)
{
  char byte = (char) code;

  if (write (result_pipe[1], &byte, 1) != 1)
    _exit (99);
  _exit (code);
}

static int
child_wait (pid_t pid)
{
  char byte = 99;
  int status;

  close (result_pipe[1]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  if (read (result_pipe[0], &byte, 1) != 1)
    byte = 98;
  close (result_pipe[0]);
  return byte;
}

/* Disk full in the middle of edits: a clear error, and the file still valid
 * with every edit that was acknowledged */
static void
test_document_disk_full (void)
{
  g_autofree char *path = ctg_test_copy_example ("valence-romans");
  g_autofree char *log_path = ctg_test_tmp_path ("acknowledged.txt");
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;
  g_auto(GStrv) lines = NULL;
  struct stat st;
  pid_t pid;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  child_start ();
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit limit = { st.st_size + 64 * 1024, st.st_size + 64 * 1024 };
      g_autoptr(CtgDocument) child_doc = NULL;
      g_autoptr(GString) acknowledged = g_string_new (NULL);
      g_autofree char *note = g_strnfill (3000, 'n');
      int code = 3;

      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &limit);
      child_doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, NULL);
      for (gint64 id = 1; child_doc != NULL && id <= 219; id++)
        {
          g_autoptr(GError) child_error = NULL;
          g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT " %s", id, note);

          if (!ctg_document_set (child_doc, CTG_ITEM_ACTION, id, "notes", value, &child_error))
            {
              code = g_error_matches (child_error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DISK_FULL) ? 0 : 4;
              if (code != 0)
                g_printerr ("child: %s\n", child_error->message);
              break;
            }
          g_string_append_printf (acknowledged, "%" G_GINT64_FORMAT "\n", id);
        }
      g_file_set_contents (log_path, acknowledged->str, -1, NULL);
      child_exit (code);
    }

  g_assert_cmpint (child_wait (pid), ==, 0);

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (ctg_document_check (doc, &error));
  log = ctg_test_read_file (log_path, NULL);
  lines = g_strsplit (log, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 2);
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    {
      g_autofree char *notes = ctg_document_dup_text (doc, CTG_ITEM_ACTION, g_ascii_strtoll (lines[i], NULL, 10), "notes");
      g_assert_true (g_str_has_prefix (notes, lines[i]));
    }
  /* The refused edit left nothing half applied: the next action is as it was */
  {
    gint64 next = g_ascii_strtoll (lines[g_strv_length (lines) - 2], NULL, 10) + 1;
    g_autofree char *notes = ctg_document_dup_text (doc, CTG_ITEM_ACTION, next, "notes");
    g_assert_false (g_str_has_suffix (notes, "nnnnnnnnnn"));
  }
}

static guint
count_dir_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Disk full during Save As: a clear error, the source file's bytes as they
 * were, and no partial copy left behind, whether or not the target existed */
static void
test_document_disk_full_save_copy (void)
{
  g_autofree char *source = ctg_test_copy_example ("valence-romans");
  g_autofree char *folder = ctg_test_tmp_path ("save-as");
  g_autofree char *target = g_build_filename (folder, "copie.ctg", NULL);
  g_autofree char *existing = g_build_filename (folder, "existante.ctg", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  pid_t pid;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (existing, "ancienne copie", -1, NULL));
  before = ctg_test_read_file (source, &before_length);

  child_start ();
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* Smaller than the copy, larger than nothing: the copy fails midway */
      struct rlimit limit = { 64 * 1024, 64 * 1024 };
      g_autoptr(CtgDocument) child_doc = NULL;
      g_autoptr(GError) child_error = NULL;
      int code = 0;

      signal (SIGXFSZ, SIG_IGN);
      child_doc = ctg_document_open (source, CTG_OPEN_FLAGS_NONE, NULL);
      if (child_doc == NULL)
        child_exit (3);
      setrlimit (RLIMIT_FSIZE, &limit);
      for (guint i = 0; i < 2 && code == 0; i++)
        {
          if (ctg_document_save_copy (child_doc, i == 0 ? target : existing, &child_error))
            code = 4;
          else if (!g_error_matches (child_error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DISK_FULL))
            {
              g_printerr ("child: %s\n", child_error->message);
              code = 5;
            }
          else if (strlen (child_error->message) < 10)
            code = 6;
          g_clear_error (&child_error);
        }
      /* The document is still usable afterwards */
      if (code == 0 && !ctg_document_check (child_doc, NULL))
        code = 7;
      child_exit (code);
    }

  g_assert_cmpint (child_wait (pid), ==, 0);

  after = ctg_test_read_file (source, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_clear_pointer (&after, g_free);
  after = ctg_test_read_file (existing, NULL);
  g_assert_cmpstr (after, ==, "ancienne copie");
  /* No temporary file nor journal left in the folder */
  g_assert_cmpuint (count_dir_entries (folder), ==, 1);
}

/* Damaged files (the whole catalogue of bad files is in test-bad-files.c) */

static char *
write_tmp (const char *name,
           const char *data,
           gssize      length)
{
  char *path = ctg_test_tmp_path (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_document_damaged (void)
{
  g_autofree char *path = ctg_test_copy_example ("valence-romans");
  g_autofree char *data = NULL;
  gsize length;
  guint refused = 0;
  guint tried = 0;

  data = ctg_test_read_file (path, &length);

  /* Every page but the first scribbled over, one at a time */
  for (gsize offset = 4096; offset + 4096 <= length; offset += 4096 * 7)
    {
      g_autofree char *copy = g_memdup2 (data, length);
      g_autofree char *damaged = NULL;
      g_autoptr(CtgDocument) doc = NULL;
      g_autoptr(GError) error = NULL;

      memset (copy + offset, 0x5a, 4096);
      damaged = write_tmp ("damaged.ctg", copy, (gssize) length);
      doc = ctg_document_open (damaged, CTG_OPEN_FLAGS_NONE, &error);
      tried++;
      if (doc == NULL)
        {
          g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DAMAGED);
          refused++;
        }
      else
        {
          /* A page SQLite does not use (free list) may hide the damage:
           * reading everything must still be safe */
          G_GNUC_UNUSED g_autoptr(GListModel) actions = ctg_document_list_actions (doc, 0);
          g_autofree char *csv = ctg_document_export_csv (doc, ';');
          g_assert_nonnull (csv);
        }
    }
  g_test_message ("%u of %u damaged copies refused", refused, tried);
  g_assert_cmpuint (refused * 10, >=, tried * 9);
}

static void
test_document_read_only (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  gsize before_length, after_length;

  if (getuid () == 0)
    {
      /* root writes anyway; the read-only flag is what we can test */
      doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);
    }
  else
    {
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
    }
  g_assert_no_error (error);
  before = ctg_test_read_file (path, &before_length);

  g_assert_true (ctg_document_is_read_only (doc));
  g_assert_nonnull (ctg_document_get_read_only_reason (doc));
  g_assert_false (ctg_document_set (doc, CTG_ITEM_CONVENTION, 1, "title", "x", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ctg_document_can_undo (doc));
  {
    g_autoptr(GListModel) actions = ctg_document_list_actions (doc, 0);
    g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 15);
  }
  g_clear_object (&doc);

  after = ctg_test_read_file (path, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);
}

static void
test_document_read_only_folder (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *sub = g_build_filename (dir, "locked", NULL);
  g_autofree char *inside = g_build_filename (sub, "m2a.ctg", NULL);
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  if (getuid () == 0)
    {
      g_test_skip ("root can write in any folder");
      return;
    }

  g_mkdir (sub, 0700);
  g_rename (path, inside);
  g_chmod (sub, 0500);
  doc = ctg_document_open (inside, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (ctg_document_is_read_only (doc));
  g_chmod (sub, 0700);
}

static void
test_document_already_open (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autoptr(CtgDocument) first = NULL;
  g_autoptr(CtgDocument) second = NULL;
  g_autoptr(CtgDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  first = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  /* In this process: refused before any descriptor is made */
  second = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_null (second);
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_ALREADY_OPEN);
  g_clear_error (&error);

  /* Another process may not write, but may read */
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "set", path, "1", "--status", "done", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "already open"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "info", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "15 actions"));

  /* Our edits still work after the other process came and went */
  set_ok (first, CTG_ITEM_ACTION, 1, "status", "done");
  g_clear_object (&first);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "set", path, "1", "--status", "en cours", NULL), ==, 0);

  again = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  assert_text (again, CTG_ITEM_ACTION, 1, "status", "in-progress");
}

static void
test_document_save_copy (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *copy_path = ctg_test_tmp_path ("copy.ctg");
  g_autoptr(CtgDocument) copy = NULL;
  g_autoptr(GError) error = NULL;

  set_ok (f->doc, CTG_ITEM_CONVENTION, 1, "title", "Original");
  g_assert_true (ctg_document_save_copy (f->doc, copy_path, &error));
  g_assert_no_error (error);

  /* The original stays the open document */
  set_ok (f->doc, CTG_ITEM_CONVENTION, 1, "title", "Changé après la copie");

  copy = ctg_document_open (copy_path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  assert_text (copy, CTG_ITEM_CONVENTION, 1, "title", "Original");
  assert_text (copy, CTG_ITEM_ACTION, f->action, "title", "Ouvrir une micro-crèche");
  g_assert_true (ctg_document_check (copy, &error));

  g_assert_false (ctg_document_save_copy (f->doc, "/nonexistent-folder/copy.ctg", &error));
  g_assert_nonnull (error);
}

/* Save As replaces an existing file (the file chooser asked) through the
 * same durable rename as the import, never a convention open for editing,
 * this one included, and a failure leaves no temporary file behind */
static void
test_document_save_copy_replace (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *folder = ctg_test_tmp_path ("save-as-replace");
  g_autofree char *target = g_build_filename (folder, "copie.ctg", NULL);
  g_autofree char *subfolder = g_build_filename (folder, "dossier", NULL);
  g_autofree char *inside = g_build_filename (subfolder, "note.txt", NULL);
  g_autoptr(CtgDocument) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, "ancienne copie", -1, NULL));

  /* Over an existing file: replaced by a valid convention */
  set_ok (f->doc, CTG_ITEM_CONVENTION, 1, "title", "Première");
  g_assert_true (ctg_document_save_copy (f->doc, target, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_dir_entries (folder), ==, 1);
  copy = ctg_document_open (target, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  assert_text (copy, CTG_ITEM_CONVENTION, 1, "title", "Première");
  g_assert_true (ctg_document_check (copy, &error));
  g_assert_no_error (error);

  /* Not while that copy is open for editing */
  set_ok (f->doc, CTG_ITEM_CONVENTION, 1, "title", "Seconde");
  g_assert_false (ctg_document_save_copy (f->doc, target, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_ALREADY_OPEN);
  g_clear_error (&error);
  g_assert_true (ctg_document_check_file (copy));
  assert_text (copy, CTG_ITEM_CONVENTION, 1, "title", "Première");
  g_assert_cmpuint (count_dir_entries (folder), ==, 1);
  g_clear_object (&copy);

  /* Closed, it may be replaced */
  g_assert_true (ctg_document_save_copy (f->doc, target, &error));
  g_assert_no_error (error);
  copy = ctg_document_open (target, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  assert_text (copy, CTG_ITEM_CONVENTION, 1, "title", "Seconde");
  g_assert_true (ctg_document_check (copy, &error));
  g_assert_no_error (error);
  g_clear_object (&copy);

  /* Nor over the convention being edited itself, saying so rather than
   * sending the user to close it elsewhere */
  g_assert_false (ctg_document_save_copy (f->doc, f->path, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_ALREADY_OPEN);
  g_assert_nonnull (strstr (error->message, "is the convention open in this window"));
  g_clear_error (&error);
  g_assert_true (ctg_document_check_file (f->doc));
  g_assert_false (ctg_document_is_read_only (f->doc));

  /* A folder in the way: an error, no temporary file nor journal left */
  g_assert_cmpint (g_mkdir (subfolder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", -1, NULL));
  g_assert_false (ctg_document_save_copy (f->doc, subfolder, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_dir_entries (folder), ==, 2);
}

static void
test_document_examples_open (void)
{
  const char *slugs[] = { "baronnies", "creusot-montceau", "m2a", "valence-romans" };

  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    {
      g_autofree char *path = ctg_test_copy_example (slugs[i]);
      g_autoptr(CtgDocument) doc = NULL;
      g_autoptr(GError) error = NULL;

      doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
      g_assert_no_error (error);
      g_assert_true (ctg_document_check (doc, &error));
      /* Built examples start with nothing to undo */
      g_assert_false (ctg_document_can_undo (doc));
    }
}

/* Every action listed is as the file holds it, in plan order */
static void
assert_actions_as_in_file (CtgDocument *doc)
{
  g_autoptr(GListModel) listed = ctg_document_list_actions (doc, 0);
  g_autoptr(GArray) axes = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
  guint k = 0;

  for (guint i = 0; i < axes->len; i++)
    {
      g_autoptr(GArray) objectives = ctg_document_list_ids (doc, CTG_ITEM_OBJECTIVE, g_array_index (axes, gint64, i));

      for (guint j = 0; j < objectives->len; j++)
        {
          g_autoptr(GArray) ids = ctg_document_list_ids (doc, CTG_ITEM_ACTION, g_array_index (objectives, gint64, j));

          for (guint m = 0; m < ids->len; m++, k++)
            {
              g_autoptr(CtgAction) a = g_list_model_get_item (listed, k);
              g_autoptr(CtgAction) fresh = ctg_document_get_action (doc, g_array_index (ids, gint64, m));
              g_autofree char *pilots = NULL;
              g_autofree char *fresh_pilots = NULL;
              g_autofree char *echeance = NULL;
              g_autofree char *fresh_echeance = NULL;

              g_assert_nonnull (a);
              g_assert_cmpint (ctg_action_get_id (a), ==, ctg_action_get_id (fresh));
              g_assert_cmpint (ctg_action_get_objective_id (a), ==, ctg_action_get_objective_id (fresh));
              g_assert_cmpint (ctg_action_get_axis_id (a), ==, ctg_action_get_axis_id (fresh));
              g_assert_cmpstr (ctg_action_get_title (a), ==, ctg_action_get_title (fresh));
              g_assert_cmpstr (ctg_action_get_code (a), ==, ctg_action_get_code (fresh));
              g_assert_cmpstr (ctg_action_get_modified (a), ==, ctg_action_get_modified (fresh));
              g_assert_cmpint (ctg_action_get_status (a), ==, ctg_action_get_status (fresh));
              g_assert_cmpint (ctg_action_get_progress (a), ==, ctg_action_get_progress (fresh));
              echeance = ctg_date_format (ctg_action_get_echeance (a));
              fresh_echeance = ctg_date_format (ctg_action_get_echeance (fresh));
              g_assert_cmpstr (echeance, ==, fresh_echeance);
              pilots = ctg_action_dup_pilots_text (a);
              fresh_pilots = ctg_action_dup_pilots_text (fresh);
              g_assert_cmpstr (pilots, ==, fresh_pilots);
              g_assert_cmpuint (ctg_action_get_partners (a)->len, ==, ctg_action_get_partners (fresh)->len);
              g_assert_cmpuint (ctg_action_get_funding (a)->len, ==, ctg_action_get_funding (fresh)->len);
            }
        }
    }
  g_assert_cmpuint (k, ==, g_list_model_get_n_items (listed));
}

/* How many snapshots differ between two lists of the same actions */
static guint
count_new_snapshots (GListModel *before,
                     GListModel *after)
{
  guint n = g_list_model_get_n_items (before);
  guint changed = 0;

  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) a = g_list_model_get_item (before, i);
      g_autoptr(CtgAction) b = g_list_model_get_item (after, i);

      g_assert_cmpint (ctg_action_get_id (a), ==, ctg_action_get_id (b));
      changed += a != b;
    }
  return changed;
}

static void
on_notify_count_cb (GObject    *object,
                    GParamSpec *pspec,
                    GString    *log)
{
  g_string_append_printf (log, "%s%s", log->len ? " " : "", pspec->name);
}

/* An edit of one action's own data updates that action's object in place,
 * notifying the fields that changed (the window's row follows it), and
 * keeps every other; anything else is read again, and what is listed is
 * always what the file holds */
static void
test_document_actions_patched (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autoptr(CtgDocument) doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, NULL);
  g_autoptr(GListModel) before = ctg_document_list_actions (doc, 0);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(CtgAction) x = g_list_model_get_item (before, 5);
  g_autoptr(CtgAction) y = g_list_model_get_item (before, 9);
  g_autoptr(CtgAction) changed = NULL;
  g_autoptr(GPtrArray) pilots = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 xid = ctg_action_get_id (x);
  gint64 yid = ctg_action_get_id (y);
  g_autoptr(GArray) participants = NULL;

  /* A field */
  {
    g_autoptr(GString) log = g_string_new (NULL);
    gulong id;

    /* Texts are read when first asked for, as a row showing the action does:
     * those read follow the edits */
    g_assert_nonnull (ctg_action_get_modified (x));
    id = g_signal_connect (x, "notify", G_CALLBACK (on_notify_count_cb), log);
    g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, xid, "echeance", "2031-06", &error));
    g_assert_no_error (error);
    /* Once each, after both are set (the order is GObject's) */
    g_assert_true (g_str_equal (log->str, "echeance modified") || g_str_equal (log->str, "modified echeance"));
    g_signal_handler_disconnect (x, id);
  }
  after = ctg_document_list_actions (doc, 0);
  g_assert_cmpuint (count_new_snapshots (before, after), ==, 0);
  changed = g_list_model_get_item (after, 5);
  g_assert_true (changed == x);
  g_assert_cmpuint (ctg_action_get_echeance (x)->year, ==, 2031);
  assert_actions_as_in_file (doc);

  /* Its pilots */
  g_set_object (&before, after);
  g_clear_object (&after);
  g_ptr_array_add (pilots, ctg_participant_new ("Pilote du test", CTG_PARTICIPANT_ORGANISATION, NULL));
  g_assert_true (ctg_document_set_participants (doc, xid, CTG_RELATION_PILOT, pilots, &error));
  after = ctg_document_list_actions (doc, 0);
  g_assert_cmpuint (count_new_snapshots (before, after), ==, 0);
  g_clear_object (&changed);
  changed = g_list_model_get_item (after, 5);
  text = ctg_action_dup_pilots_text (changed);
  g_assert_cmpstr (text, ==, "Pilote du test");
  assert_actions_as_in_file (doc);

  /* One participant's name, through the generic setter */
  participants = ctg_document_list_ids (doc, CTG_ITEM_PARTICIPANT, xid);
  g_assert_cmpuint (participants->len, >, 0);
  g_set_object (&before, after);
  g_clear_object (&after);
  g_assert_true (ctg_document_set (doc, CTG_ITEM_PARTICIPANT, g_array_index (participants, gint64, 0),
                                   "name", "Pilote renommé", &error));
  after = ctg_document_list_actions (doc, 0);
  g_assert_cmpuint (count_new_snapshots (before, after), ==, 0);
  {
    g_autofree char *renamed = ctg_action_dup_pilots_text (x);

    g_assert_cmpstr (renamed, ==, "Pilote renommé");
  }
  assert_actions_as_in_file (doc);

  /* Undo and redo of one action's pilots */
  g_set_object (&before, after);
  g_clear_object (&after);
  g_assert_true (ctg_document_undo (doc, &error));
  g_assert_true (ctg_document_undo (doc, &error));
  after = ctg_document_list_actions (doc, 0);
  g_assert_cmpuint (count_new_snapshots (before, after), ==, 0);
  g_clear_object (&changed);
  changed = g_list_model_get_item (after, 5);
  g_clear_pointer (&text, g_free);
  text = ctg_action_dup_pilots_text (changed);
  g_assert_cmpstr (text, !=, "Pilote du test");
  g_assert_cmpstr (text, !=, "Pilote renommé");
  assert_actions_as_in_file (doc);
  g_assert_true (ctg_document_redo (doc, &error));
  assert_actions_as_in_file (doc);
  g_assert_true (ctg_document_undo (doc, &error));
  assert_actions_as_in_file (doc);

  /* A group touching two actions */
  g_assert_true (ctg_document_begin_group (doc, "Deux", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, xid, "title", "Titre X", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, yid, "title", "Titre Y", &error));
  g_assert_true (ctg_document_end_group (doc, &error));
  assert_actions_as_in_file (doc);
  g_assert_true (ctg_document_undo (doc, &error));
  assert_actions_as_in_file (doc);
  g_assert_true (ctg_document_redo (doc, &error));
  assert_actions_as_in_file (doc);

  /* An edit and a move of the same action, in one group: its place changes */
  g_assert_true (ctg_document_begin_group (doc, "Déplacer", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, xid, "title", "Titre déplacé", &error));
  g_assert_true (ctg_document_move_action (doc, xid, ctg_action_get_objective_id (y), &error));
  g_assert_true (ctg_document_end_group (doc, &error));
  assert_actions_as_in_file (doc);
  g_assert_true (ctg_document_undo (doc, &error));
  assert_actions_as_in_file (doc);
  g_assert_true (ctg_document_move (doc, CTG_ITEM_ACTION, xid, 0, &error));
  assert_actions_as_in_file (doc);
  g_assert_true (ctg_document_undo (doc, &error));
  assert_actions_as_in_file (doc);

  /* Edits that fail or are cancelled change nothing listed */
  g_clear_object (&before);
  before = ctg_document_list_actions (doc, 0);
  g_assert_false (ctg_document_set (doc, CTG_ITEM_ACTION, xid, "progress", "beaucoup", &error));
  g_clear_error (&error);
  assert_actions_as_in_file (doc);
  g_assert_true (ctg_document_begin_group (doc, "Annulé", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, xid, "title", "Jamais vu", &error));
  ctg_document_cancel_group (doc);
  assert_actions_as_in_file (doc);
  g_clear_object (&changed);
  {
    g_autoptr(GListModel) now = ctg_document_list_actions (doc, 0);

    changed = g_list_model_get_item (now, 5);
    g_assert_cmpstr (ctg_action_get_title (changed), !=, "Jamais vu");
  }

  /* A step is in no snapshot: the list stays as it was, shared */
  g_clear_object (&before);
  before = ctg_document_list_actions (doc, 0);
  g_assert_cmpint (ctg_document_add_item (doc, CTG_ITEM_STEP, yid, "Une étape", &error), >, 0);
  g_clear_object (&after);
  after = ctg_document_list_actions (doc, 0);
  g_assert_cmpuint (count_new_snapshots (before, after), ==, 0);
  assert_actions_as_in_file (doc);
}

/* The actions listed are read again once the file changed, whether by this
 * document or by another process, and shared while it did not */
static void
test_document_actions_follow_changes (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GListModel) first = NULL;
  g_autoptr(GListModel) again = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GListModel) axis = NULL;
  g_autoptr(CtgAction) a = NULL;
  g_autoptr(CtgAction) b = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  first = ctg_document_list_actions (doc, 0);
  again = ctg_document_list_actions (doc, 0);
  a = g_list_model_get_item (first, 0);
  b = g_list_model_get_item (again, 0);
  g_assert_true (a == b);
  id = ctg_action_get_id (a);
  axis = ctg_document_list_actions (doc, ctg_action_get_axis_id (a));
  g_assert_cmpuint (g_list_model_get_n_items (axis), <, g_list_model_get_n_items (first));
  g_clear_object (&b);
  b = g_list_model_get_item (axis, 0);
  g_assert_true (a == b);
  g_clear_object (&b);

  /* An edit here */
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, id, "title", "Titre changé ici", &error));
  after = ctg_document_list_actions (doc, 0);
  b = g_list_model_get_item (after, 0);
  g_assert_cmpstr (ctg_action_get_title (b), ==, "Titre changé ici");
  /* The same object, updated */
  g_assert_true (a == b);
  g_clear_object (&b);
  g_clear_object (&after);
  /* What was listed inside a group that is then cancelled is not kept (the
   * fuzzer found it: an import refused after it had listed its actions) */
  {
    g_autoptr(GListModel) before = ctg_document_list_actions (doc, 0);
    g_autoptr(GListModel) inside = NULL;
    g_autoptr(GListModel) cancelled = NULL;
    guint n = g_list_model_get_n_items (before);

    g_assert_true (ctg_document_begin_group (doc, "Essai", &error));
    g_assert_cmpint (ctg_document_add_item (doc, CTG_ITEM_ACTION, ctg_action_get_objective_id (a), "Annulée", &error), >, 0);
    inside = ctg_document_list_actions (doc, 0);
    g_assert_cmpuint (g_list_model_get_n_items (inside), ==, n + 1);
    ctg_document_cancel_group (doc);
    cancelled = ctg_document_list_actions (doc, 0);
    g_assert_cmpuint (g_list_model_get_n_items (cancelled), ==, n);
  }
  ctg_document_close (doc);
  g_clear_object (&doc);

  /* An edit by another process while this one reads */
  doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  after = ctg_document_list_actions (doc, 0);
  g_clear_object (&after);
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    /* Another process: this one may hold a file open only once */
    g_assert_cmpint (ctg_test_run_cli (&out, &err, "set", path, number, "--title=Titre changé ailleurs", NULL),
                     ==, 0);
  }
  after = ctg_document_list_actions (doc, 0);
  b = g_list_model_get_item (after, 0);
  g_assert_cmpstr (ctg_action_get_title (b), ==, "Titre changé ailleurs");
}

/* What the integrity check cannot see (a row whose parent is gone, text
 * that is not UTF-8) is checked on a second connection while it runs, for
 * a file opened to edit, and on the one connection for a read-only one:
 * both refuse it (issue 18) */
static void
test_document_content_checked (void)
{
  const char *cases[] = {
    "PRAGMA foreign_keys = OFF; UPDATE action SET objective_id = 999999 WHERE id = (SELECT max(id) FROM action);",
    "UPDATE action SET title = CAST(x'c328ff41' AS TEXT) WHERE id = (SELECT max(id) FROM action);",
    "UPDATE participant SET name = CAST(x'41ff' AS TEXT) WHERE id = (SELECT max(id) FROM participant);",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint read_only = 0; read_only < 2; read_only++)
      {
        g_autofree char *path = ctg_test_copy_example ("baronnies");
        g_autoptr(CtgDocument) doc = NULL;
        g_autoptr(GError) error = NULL;
        sqlite3 *db = NULL;

        g_test_message ("case: %s%s", cases[i], read_only ? " (read-only)" : "");
        g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_exec (db, cases[i], NULL, NULL, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_changes (db), ==, 1);
        sqlite3_close (db);

        doc = ctg_document_open (path, read_only ? CTG_OPEN_FLAGS_READ_ONLY : CTG_OPEN_FLAGS_NONE, &error);
        g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DAMAGED);
        g_assert_null (doc);
      }
}

/* Each owned row's names, in the order the old joined queries gave */
static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

static GHashTable *
expected_names (sqlite3    *db,
                const char *sql)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_string);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", (gint64) sqlite3_column_int64 (stmt, 0),
                                              (const char *) sqlite3_column_text (stmt, 1));
      GString *list = g_hash_table_lookup (names, key);

      if (list == NULL)
        g_hash_table_insert (names, g_strdup (key), list = g_string_new (NULL));
      g_string_append_printf (list, "%s|", (const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_finalize (stmt);
  return names;
}

static void
assert_names (GHashTable *expected,
              gint64      action_id,
              const char *relation,
              GPtrArray  *items,
              gboolean    funding)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", action_id, relation);
  GString *want = g_hash_table_lookup (expected, key);
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; items != NULL && i < items->len; i++)
    g_string_append_printf (got, "%s|", funding ? ((CtgFunding *) g_ptr_array_index (items, i))->name
                                                : ((CtgParticipant *) g_ptr_array_index (items, i))->name);
  g_assert_cmpstr (got->str, ==, want != NULL ? want->str : "");
  g_hash_table_remove (expected, key);
}

/* The shared list reads an action's texts, participants and funding when
 * first asked for (a large convention cannot hold them all), by blocks of
 * neighbours by id: what is shown is always what the file holds, even for
 * an action edited before anything read it, and a view going through
 * every action reads a few blocks, not one action at a time */
static void
test_document_actions_read_when_asked (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autoptr(CtgDocument) doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, NULL);
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GListModel) again = NULL;
  g_autoptr(CtgAction) first = NULL;
  g_autoptr(CtgAction) edited = NULL;
  g_autoptr(CtgAction) unread = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) axes = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
  g_autoptr(GArray) objectives = ctg_document_list_ids (doc, CTG_ITEM_OBJECTIVE, g_array_index (axes, gint64, axes->len - 1));
  gint64 objective = g_array_index (objectives, gint64, objectives->len - 1);
  guint n, n_read = 0;

  /* More actions than one block holds, so that the list spans several */
  g_assert_true (ctg_document_begin_group (doc, "many", &error));
  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *title = g_strdup_printf ("Action ajoutée %u", i);

      g_assert_cmpint (ctg_document_add_item (doc, CTG_ITEM_ACTION, objective, title, &error), >, 0);
    }
  g_assert_true (ctg_document_end_group (doc, &error));
  g_assert_no_error (error);

  listed = ctg_document_list_actions (doc, 0);
  n = g_list_model_get_n_items (listed);
  g_assert_cmpuint (n, >, 600);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) a = g_list_model_get_item (listed, i);

      /* Listing read none of them */
      g_assert_false (_ctg_action_has_texts (a));
    }

  /* Edited before anything read it: the list shows the edit */
  edited = g_list_model_get_item (listed, n - 1);
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, ctg_action_get_id (edited), "title", "Titre changé avant lecture", &error));
  g_assert_no_error (error);
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, ctg_action_get_id (edited), "echeance", "2030-03", &error));
  g_assert_no_error (error);
  again = ctg_document_list_actions (doc, 0);
  g_assert_true (g_list_model_get_item (again, n - 1) == edited);
  g_object_unref (edited);
  g_assert_false (_ctg_action_has_texts (edited));
  g_assert_cmpstr (ctg_action_get_title (edited), ==, "Titre changé avant lecture");
  g_assert_cmpuint (ctg_action_get_echeance (edited)->year, ==, 2030);

  /* One action asked for reads its block: its neighbours by id, no more
   * (the edited one's were read above) */
  first = g_list_model_get_item (listed, 0);
  g_assert_nonnull (ctg_action_get_title (first));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) a = g_list_model_get_item (listed, i);

      if (!_ctg_action_has_texts (a) || ctg_action_get_id (a) / 256 == ctg_action_get_id (edited) / 256)
        continue;
      n_read++;
      g_assert_cmpint (ctg_action_get_id (a) / 256, ==, ctg_action_get_id (first) / 256);
    }
  g_assert_cmpuint (n_read, >, 1);
  g_assert_cmpuint (n_read, <, n - 1);

  /* Every action, read block by block, holds what the file holds */
  assert_actions_as_in_file (doc);

  /* The plan out of the ids' order: each action is still found by its id */
  {
    g_autoptr(GListModel) moved = NULL;

    g_assert_true (ctg_document_move (doc, CTG_ITEM_ACTION, ctg_action_get_id (edited), 0, &error));
    g_assert_no_error (error);
    moved = ctg_document_list_actions (doc, 0);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(CtgAction) a = g_list_model_get_item (moved, i);

        g_assert_true (ctg_document_peek_action (doc, ctg_action_get_id (a)) == a);
      }
    assert_actions_as_in_file (doc);
  }

  /* An action nobody read before its document closed reads nothing more */
  g_clear_object (&listed);
  g_clear_object (&again);
  g_clear_object (&first);
  /* (a new action: the others keep their objects, those only the list holds
   * letting their texts go; the new one's is new, and has read nothing) */
  g_assert_cmpint (ctg_document_add_item (doc, CTG_ITEM_ACTION, objective, "Encore une", &error), >, 0);
  g_assert_no_error (error);
  listed = ctg_document_list_actions (doc, 0);
  again = ctg_document_list_actions (doc, 0);
  first = g_list_model_get_item (listed, 0);
  unread = g_list_model_get_item (listed, n);
  g_assert_false (_ctg_action_has_texts (unread));
  {
    g_autoptr(CtgAction) let_go = g_list_model_get_item (listed, n - 1);

    g_assert_false (_ctg_action_has_texts (let_go));
  }
  g_assert_cmpstr (ctg_action_get_title (first), !=, "");
  ctg_document_close (doc);
  g_assert_cmpstr (ctg_action_get_title (unread), ==, "");
  g_assert_cmpuint (ctg_action_get_pilots (unread)->len, ==, 0);
  g_assert_cmpstr (ctg_action_get_title (first), !=, "");
}


/* The whole plan's actions, pilots, partners, référents and funding are
 * read in the tables' order and sorted in C (issue 18): the same order as
 * the ordered queries, with every position out of step with the ids */
static void
test_document_actions_order (void)
{
  g_autofree char *path = ctg_test_copy_example ("baronnies");
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GHashTable) owned = NULL;
  g_autoptr(GHashTable) funded = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "UPDATE axis SET position = -position;"
    "UPDATE objective SET position = id % 3;"
    "UPDATE action SET position = (id * 7) % 5;"
    "UPDATE participant SET position = -position - (id % 2);"
    "INSERT INTO funding (action_id, position, funder, name, amount)"
    "  SELECT id, 2, 'caf', 'second ' || id, 10 FROM action WHERE id % 4 = 0;"
    "INSERT INTO funding (action_id, position, funder, name, amount)"
    "  SELECT id, 1, 'etat', 'first ' || id, NULL FROM action WHERE id % 4 = 0;"
    "INSERT INTO funding (action_id, position, funder, name, amount)"
    "  SELECT id, 1, 'commune', 'first too ' || id, 5 FROM action WHERE id % 8 = 0;",
    NULL, NULL, NULL), ==, SQLITE_OK);
  owned = expected_names (db, "SELECT action_id, relation, name FROM participant ORDER BY action_id, position, id");
  funded = expected_names (db, "SELECT action_id, 'funding', name FROM funding ORDER BY action_id, position, id");
  g_assert_cmpuint (g_hash_table_size (funded), >, 10);

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  all = ctg_document_list_actions (doc, 0);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "SELECT a.id, o.axis_id FROM action a JOIN objective o ON o.id = a.objective_id"
    " JOIN axis x ON x.id = o.axis_id ORDER BY x.position, x.id, o.position, o.id, a.position, a.id",
    -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (all, n++);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_assert_nonnull (action);
      g_assert_cmpint (ctg_action_get_id (action), ==, id);
      g_assert_cmpint (ctg_action_get_axis_id (action), ==, sqlite3_column_int64 (stmt, 1));
      assert_names (owned, id, "pilot", ctg_action_get_pilots (action), FALSE);
      assert_names (owned, id, "partner", ctg_action_get_partners (action), FALSE);
      assert_names (owned, id, "referent", ctg_action_get_referents (action), FALSE);
      assert_names (funded, id, "funding", ctg_action_get_funding (action), TRUE);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (n, ==, 84);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, n);
  g_assert_cmpuint (g_hash_table_size (owned), ==, 0);
  g_assert_cmpuint (g_hash_table_size (funded), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  ctg_test_init (&argc, &argv);

  g_test_add_func ("/document/header", test_document_header);
  g_test_add ("/document/fields-round-trip", Fixture, NULL, fixture_set_up, test_document_fields_round_trip, fixture_tear_down);
  g_test_add ("/document/refused-values", Fixture, NULL, fixture_set_up, test_document_refused_values, fixture_tear_down);
  g_test_add ("/document/refused-references", Fixture, NULL, fixture_set_up, test_document_refused_references, fixture_tear_down);
  g_test_add ("/document/undo-redo", Fixture, NULL, fixture_set_up, test_document_undo_redo, fixture_tear_down);
  g_test_add ("/document/cancel-group", Fixture, NULL, fixture_set_up, test_document_cancel_group, fixture_tear_down);
  g_test_add ("/document/delete-undo", Fixture, NULL, fixture_set_up, test_document_delete_undo, fixture_tear_down);
  g_test_add ("/document/move", Fixture, NULL, fixture_set_up, test_document_move, fixture_tear_down);
  g_test_add ("/document/changes", Fixture, NULL, fixture_set_up, test_document_changes, fixture_tear_down);
  g_test_add ("/document/rollup", Fixture, NULL, fixture_set_up, test_document_rollup, fixture_tear_down);
  g_test_add ("/document/save-copy", Fixture, NULL, fixture_set_up, test_document_save_copy, fixture_tear_down);
  g_test_add ("/document/save-copy-replace", Fixture, NULL, fixture_set_up, test_document_save_copy_replace, fixture_tear_down);
  g_test_add_func ("/document/migrations", test_document_migrations);
  g_test_add_func ("/document/disk-full", test_document_disk_full);
  g_test_add_func ("/document/disk-full-save-copy", test_document_disk_full_save_copy);
  g_test_add_func ("/document/open/damaged", test_document_damaged);
  g_test_add_func ("/document/open/read-only", test_document_read_only);
  g_test_add_func ("/document/open/read-only-folder", test_document_read_only_folder);
  g_test_add_func ("/document/open/already-open", test_document_already_open);
  g_test_add_func ("/document/open/examples", test_document_examples_open);
  g_test_add_func ("/document/actions-follow-changes", test_document_actions_follow_changes);
  g_test_add_func ("/document/actions-patched", test_document_actions_patched);
  g_test_add_func ("/document/actions-order", test_document_actions_order);
  g_test_add_func ("/document/actions-read-when-asked", test_document_actions_read_when_asked);
  g_test_add_func ("/document/open/content-checked", test_document_content_checked);

  return g_test_run ();
}
