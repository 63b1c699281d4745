/* test-indicator.c: indicators as measures (issue 17)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <sqlite3.h>

#include "ctg-test-util.h"

static void
assert_number (const char *text,
               const char *plain,
               const char *unit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got_unit = NULL;
  g_autofree char *got_plain = NULL;
  gboolean has_value = FALSE;
  double value = -1;

  g_assert_true (ctg_number_parse (text, &has_value, &value, &got_unit, &error));
  g_assert_no_error (error);
  g_assert_true (has_value);
  got_plain = ctg_number_to_plain (value);
  g_assert_cmpstr (got_plain, ==, plain);
  g_assert_cmpstr (got_unit, ==, unit);
}

static void
assert_not_number (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *unit = NULL;
  gboolean has_value = TRUE;
  double value;

  g_assert_false (ctg_number_parse (text, &has_value, &value, &unit, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
  /* The message quotes what was typed and says how to write it */
  g_assert_nonnull (strstr (error->message, "1 234,5"));
  g_assert_false (has_value);
  g_assert_null (unit);
}

static void
test_number_parse (void)
{
  gboolean has_value = TRUE;
  double value;

  assert_number ("1 234,5", "1234.5", NULL);
  assert_number ("1\u00a0234,5", "1234.5", NULL);
  assert_number ("1\u202f234\u202f567", "1234567", NULL);
  assert_number ("12 %", "12", "%");
  assert_number ("12%", "12", "%");
  assert_number ("12,5 %", "12.5", "%");
  assert_number ("2 000 €", "2000", "€");
  assert_number ("1500.5", "1500.5", NULL);
  assert_number ("  42 ", "42", NULL);
  assert_number ("-3", "-3", NULL);
  assert_number ("\u22123,25", "-3.25", NULL);
  assert_number ("0,1", "0.1", NULL);
  assert_number ("1234", "1234", NULL);

  /* Empty is no value, not an error */
  g_assert_true (ctg_number_parse ("  ", &has_value, &value, NULL, NULL));
  g_assert_false (has_value);

  assert_not_number ("abc");
  assert_not_number ("12 places");
  assert_not_number ("1,2,3");
  assert_not_number ("1.234.567");
  assert_not_number ("1 23");
  assert_not_number ("1234 567");
  assert_not_number ("12,");
  assert_not_number (",5");
  assert_not_number ("1e5");
  assert_not_number ("--1");
  assert_not_number ("%");
  assert_not_number ("12 % de plus");
  assert_not_number ("99999999999999999");
}

static void
test_number_format (void)
{
  struct { double value; const char *text; } cases[] = {
    { 1234.5, "1\u202f234,5" }, { 12, "12" }, { 0.25, "0,25" }, { -1500, "\u22121\u202f500" },
    { 1234567.891, "1\u202f234\u202f567,89" }, { 0, "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ctg_number_format (cases[i].value);
      gboolean has_value;
      double back;

      g_assert_cmpstr (text, ==, cases[i].text);
      /* What is shown reads back */
      g_assert_true (ctg_number_parse (text, &has_value, &back, NULL, NULL));
      g_assert_cmpfloat_with_epsilon (back, cases[i].value, 0.01);
    }
}

/* Every measure field goes through ctg_document_set's one validator */
static void
test_indicator_set (void)
{
  g_autoptr(CtgDocument) doc = ctg_test_new_document ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 axis, objective, action, indicator, evaluation;
  g_autoptr(GArray) values = NULL;
  g_autoptr(GArray) evaluation_ids = NULL;

  axis = ctg_document_add_item (doc, CTG_ITEM_AXIS, 0, "Petite enfance", &error);
  objective = ctg_document_add_objective (doc, axis, 0, 0, "Accueillir", &error);
  action = ctg_document_add_item (doc, CTG_ITEM_ACTION, objective, "Créer une crèche", &error);
  indicator = ctg_document_add_item (doc, CTG_ITEM_INDICATOR, action, "Places créées", &error);
  g_assert_no_error (error);

  g_assert_true (ctg_document_set (doc, CTG_ITEM_INDICATOR, indicator, "kind", "Résultat", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_INDICATOR, indicator, "unit", "places", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_INDICATOR, indicator, "baseline", "1 234,5", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_INDICATOR, indicator, "baseline_year", "2021", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_INDICATOR, indicator, "target_value", "2 000", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_INDICATOR, indicator, "target_year", "2026", &error));
  g_assert_no_error (error);

  text = ctg_document_dup_text (doc, CTG_ITEM_INDICATOR, indicator, "kind");
  g_assert_cmpstr (text, ==, "result");
  g_clear_pointer (&text, g_free);
  text = ctg_document_dup_text (doc, CTG_ITEM_INDICATOR, indicator, "baseline");
  g_assert_cmpstr (text, ==, "1234.5");
  g_clear_pointer (&text, g_free);
  text = ctg_document_dup_text (doc, CTG_ITEM_INDICATOR, indicator, "target_value");
  g_assert_cmpstr (text, ==, "2000");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (ctg_document_get_int (doc, CTG_ITEM_INDICATOR, indicator, "target_year", 0), ==, 2026);

  /* Refused clearly, and nothing changed */
  g_assert_false (ctg_document_set (doc, CTG_ITEM_INDICATOR, indicator, "baseline", "beaucoup", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "beaucoup"));
  g_clear_error (&error);
  g_assert_false (ctg_document_set (doc, CTG_ITEM_INDICATOR, indicator, "kind", "impact", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (ctg_document_set (doc, CTG_ITEM_INDICATOR, indicator, "target_year", "26", &error));
  g_clear_error (&error);
  text = ctg_document_dup_text (doc, CTG_ITEM_INDICATOR, indicator, "baseline");
  g_assert_cmpstr (text, ==, "1234.5");
  g_clear_pointer (&text, g_free);

  /* A year's value is a number, with a comment kept when the value goes */
  g_assert_false (ctg_document_set_indicator_value (doc, indicator, 2023, "en cours", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_true (ctg_document_set_indicator_value (doc, indicator, 2023, "1 500", &error));
  g_assert_no_error (error);
  values = ctg_document_list_ids (doc, CTG_ITEM_INDICATOR_VALUE, indicator);
  g_assert_cmpuint (values->len, ==, 1);
  text = ctg_document_dup_text (doc, CTG_ITEM_INDICATOR_VALUE, g_array_index (values, gint64, 0), "value");
  g_assert_cmpstr (text, ==, "1500");
  g_clear_pointer (&text, g_free);
  g_assert_true (ctg_document_set (doc, CTG_ITEM_INDICATOR_VALUE, g_array_index (values, gint64, 0),
                                   "comment", "deux crèches ouvertes", &error));
  g_assert_true (ctg_document_set_indicator_value (doc, indicator, 2023, "", &error));
  g_assert_no_error (error);
  g_clear_pointer (&values, g_array_unref);
  values = ctg_document_list_ids (doc, CTG_ITEM_INDICATOR_VALUE, indicator);
  g_assert_cmpuint (values->len, ==, 1);

  /* The convention's indicators take the same measures */
  evaluation_ids = ctg_document_list_ids (doc, CTG_ITEM_EVALUATION_INDICATOR, 0);
  g_assert_cmpuint (evaluation_ids->len, >, 0);
  evaluation = g_array_index (evaluation_ids, gint64, 0);
  g_assert_true (ctg_document_set (doc, CTG_ITEM_EVALUATION_INDICATOR, evaluation, "kind", "moyen", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_EVALUATION_INDICATOR, evaluation, "target_value", "75 %", &error));
  g_assert_no_error (error);
  text = ctg_document_dup_text (doc, CTG_ITEM_EVALUATION_INDICATOR, evaluation, "target_value");
  g_assert_cmpstr (text, ==, "75");
  g_clear_pointer (&text, g_free);

  /* And undo takes a measure back like any edit */
  g_assert_true (ctg_document_undo (doc, &error));
  text = ctg_document_dup_text (doc, CTG_ITEM_EVALUATION_INDICATOR, evaluation, "target_value");
  g_assert_null (text);
}

static gint64
single_int (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
indicator_text (CtgDocument *doc,
                CtgItemKind  kind,
                gint64       id,
                const char  *field)
{
  char *text = ctg_document_dup_text (doc, kind, id, field);

  return text ? text : g_strdup ("(null)");
}

/* tests/fixtures/v3-indicators.ctg was made by the v3 build from
 * tests/fixtures/v3-indicators.csv, then two assessments with ctg assess:
 * free-text targets and values, numbers and not. v2-indicators.ctg is the
 * same made by the v2 build (the parent of the commit bringing schema v3),
 * upgraded through v3 to v4 */
static void
check_migration (const char *name,
                 gint64      version)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("CTG_TEST_FIXTURES"), name, NULL);
  g_autofree char *path = ctg_test_tmp_path (name);
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  sqlite3 *db = NULL;
  struct {
    gint64 id;
    const char *target, *unit, *target_value;
  } targets[] = {
    { 1, "", "", "1234.5" },              /* "1 234,5" */
    { 2, "", "%", "12" },                 /* "12 %" */
    { 3, "Augmentation nette", "", "(null)" }, /* not a number: kept as typed */
    { 4, "", "", "300" },
  };
  struct {
    gint64 id;
    const char *value, *comment;
  } values[] = {
    { 1, "10", "" }, { 2, "25.5", "" }, { 3, "", "en cours" },
    { 4, "8", "" }, { 5, "", "bonne" }, { 6, "120", "" },
  };

  g_assert_true (g_file_get_contents (fixture, &data, &length, NULL));
  g_assert_true (g_file_set_contents (path, data, length, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (single_int (db, "PRAGMA user_version"), ==, version);
  sqlite3_close (db);

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (ctg_document_check (doc, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *target = indicator_text (doc, CTG_ITEM_INDICATOR, targets[i].id, "target");
      g_autofree char *unit = indicator_text (doc, CTG_ITEM_INDICATOR, targets[i].id, "unit");
      g_autofree char *value = indicator_text (doc, CTG_ITEM_INDICATOR, targets[i].id, "target_value");

      g_assert_cmpstr (target, ==, targets[i].target);
      g_assert_cmpstr (unit, ==, targets[i].unit);
      g_assert_cmpstr (value, ==, targets[i].target_value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *value = indicator_text (doc, CTG_ITEM_INDICATOR_VALUE, values[i].id, "value");
      g_autofree char *comment = indicator_text (doc, CTG_ITEM_INDICATOR_VALUE, values[i].id, "comment");

      g_assert_cmpstr (value, ==, values[i].value);
      g_assert_cmpstr (comment, ==, values[i].comment);
    }
  {
    /* An assessment's text stays; a number in it is also the year's measure */
    g_autofree char *text = indicator_text (doc, CTG_ITEM_ASSESSMENT, 1, "value");
    g_autofree char *measure1 = indicator_text (doc, CTG_ITEM_ASSESSMENT, 1, "measure");
    g_autofree char *measure2 = indicator_text (doc, CTG_ITEM_ASSESSMENT, 2, "measure");

    g_assert_cmpstr (text, ==, "3 fiches sur 4");
    g_assert_cmpstr (measure1, ==, "(null)");
    g_assert_cmpstr (measure2, ==, "12");
  }
  g_clear_object (&doc);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (single_int (db, "PRAGMA user_version"), ==, 4);
  /* The journal of the old file is still there to undo */
  g_assert_cmpint (single_int (db, "SELECT count(*) FROM txn"), >, 0);
  sqlite3_close (db);
}

static void
test_migration_v2 (void)
{
  check_migration ("v2-indicators.ctg", 2);
}

static void
test_migration_v3 (void)
{
  check_migration ("v3-indicators.ctg", 3);
}

/* Every indicator field goes out to the plan table and comes back */
static void
test_csv_round_trip (void)
{
  g_autoptr(CtgDocument) doc = ctg_test_new_document ();
  g_autoptr(CtgDocument) back = NULL;
  g_autofree char *path = ctg_test_tmp_path ("back.ctg");
  g_autofree char *csv = NULL;
  g_autofree char *csv_back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 axis, objective, action, indicator, value_id;
  const struct { const char *field, *value, *stored; } fields[] = {
    { "kind", "moyen", "means" }, { "unit", "familles", "familles" },
    { "baseline", "1 234,5", "1234.5" }, { "baseline_year", "2021", "2021" },
    { "target_value", "-2 000,25", "-2000.25" }, { "target_year", "2026", "2026" },
    { "target", "Au moins une par commune (ou deux)", "Au moins une par commune (ou deux)" },
  };

  axis = ctg_document_add_item (doc, CTG_ITEM_AXIS, 0, "Jeunesse", &error);
  objective = ctg_document_add_objective (doc, axis, 0, 0, "Informer", &error);
  action = ctg_document_add_item (doc, CTG_ITEM_ACTION, objective, "Ouvrir un PIJ", &error);
  indicator = ctg_document_add_item (doc, CTG_ITEM_INDICATOR, action, "Familles reçues", &error);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_true (ctg_document_set (doc, CTG_ITEM_INDICATOR, indicator, fields[i].field, fields[i].value, &error));
  g_assert_true (ctg_document_set_indicator_value (doc, indicator, 2022, "10", &error));
  g_assert_true (ctg_document_set_indicator_value (doc, indicator, 2023, "25,5", &error));
  ids = ctg_document_list_ids (doc, CTG_ITEM_INDICATOR_VALUE, indicator);
  g_assert_true (ctg_document_set (doc, CTG_ITEM_INDICATOR_VALUE, g_array_index (ids, gint64, 1), "comment",
                                   "après l'ouverture (mars)", &error));
  g_assert_no_error (error);

  csv = ctg_document_export_csv (doc, ';');
  back = ctg_document_create (path, &error);
  g_assert_no_error (error);
  g_assert_true (ctg_document_import_csv (back, csv, strlen (csv), NULL, &error));
  g_assert_no_error (error);

  g_clear_pointer (&ids, g_array_unref);
  ids = ctg_document_list_ids (back, CTG_ITEM_AXIS, 0);
  axis = g_array_index (ids, gint64, 0);
  g_clear_pointer (&ids, g_array_unref);
  ids = ctg_document_list_ids (back, CTG_ITEM_OBJECTIVE, axis);
  objective = g_array_index (ids, gint64, 0);
  g_clear_pointer (&ids, g_array_unref);
  ids = ctg_document_list_ids (back, CTG_ITEM_ACTION, objective);
  g_assert_cmpuint (ids->len, ==, 1);
  action = g_array_index (ids, gint64, 0);
  g_clear_pointer (&ids, g_array_unref);
  ids = ctg_document_list_ids (back, CTG_ITEM_INDICATOR, action);
  g_assert_cmpuint (ids->len, ==, 1);
  indicator = g_array_index (ids, gint64, 0);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = indicator_text (back, CTG_ITEM_INDICATOR, indicator, fields[i].field);

      g_assert_cmpstr (text, ==, fields[i].stored);
    }
  g_clear_pointer (&ids, g_array_unref);
  ids = ctg_document_list_ids (back, CTG_ITEM_INDICATOR_VALUE, indicator);
  g_assert_cmpuint (ids->len, ==, 2);
  value_id = g_array_index (ids, gint64, 1);
  {
    g_autofree char *value = indicator_text (back, CTG_ITEM_INDICATOR_VALUE, value_id, "value");
    g_autofree char *comment = indicator_text (back, CTG_ITEM_INDICATOR_VALUE, value_id, "comment");

    g_assert_cmpint (ctg_document_get_int (back, CTG_ITEM_INDICATOR_VALUE, value_id, "year", 0), ==, 2023);
    g_assert_cmpstr (value, ==, "25.5");
    g_assert_cmpstr (comment, ==, "après l'ouverture (mars)");
  }

  /* And the table made from the copy is the same table */
  csv_back = ctg_document_export_csv (back, ';');
  g_assert_cmpstr (csv_back, ==, csv);

  /* A measure that is not a number is refused, saying which */
  {
    g_autofree char *bad_path = ctg_test_tmp_path ("bad.ctg");
    g_autoptr(CtgDocument) bad = ctg_document_create (bad_path, &error);
    const char *table = "axe;objectif;action;indicateurs\n"
                        "A;O;Act;\"Places | cible : beaucoup\"\n";

    g_assert_false (ctg_document_import_csv (bad, table, strlen (table), NULL, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "beaucoup"));
  }
}

/* ctg indicator shows and changes the measures, and refuses what is not a number */
static void
test_cli_indicator (void)
{
  g_autoptr(CtgDocument) doc = ctg_test_new_document ();
  g_autofree char *path = g_strdup (ctg_document_get_path (doc));
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *action_text = NULL;
  gint64 axis, objective, action;

  axis = ctg_document_add_item (doc, CTG_ITEM_AXIS, 0, "Petite enfance", &error);
  objective = ctg_document_add_objective (doc, axis, 0, 0, "Accueillir", &error);
  action = ctg_document_add_item (doc, CTG_ITEM_ACTION, objective, "Créer une crèche", &error);
  g_assert_cmpint (ctg_document_add_item (doc, CTG_ITEM_INDICATOR, action, "Places créées", &error), >, 0);
  g_clear_object (&doc);
  action_text = g_strdup_printf ("%" G_GINT64_FORMAT, action);

  g_assert_cmpint (ctg_test_run_cli (&out, &err, "indicator", path, action_text, "1", "--kind", "moyen",
                                     "--baseline", "1 000", "--baseline-year", "2021", "--target", "12 %",
                                     "--target-year", "2026", "--year", "2024", "--value", "8,5",
                                     "--comment", "deux crèches", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "indicator", path, action_text, "1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Places créées"));
  g_assert_nonnull (strstr (out, "1\u202f000 % (2021)"));
  g_assert_nonnull (strstr (out, "12 % (2026)"));
  g_assert_nonnull (strstr (out, "2024 : 8,5 % — deux crèches"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ctg_test_run_cli (&out, &err, "indicator", path, action_text, "1", "--target", "beaucoup",
                                     "--unit", "places", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "beaucoup"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* All or nothing: the unit was not changed either */
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "indicator", path, action_text, "1", NULL), ==, 0);
  g_assert_null (strstr (out, "places"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ctg_test_run_cli (&out, &err, "indicator", path, "convention", "1", "--target", "4",
                                     "--year", "2024", "--value", "3", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "indicator", path, "convention", "1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2024 : 3"));
}

/* The chart reads the measures, and draws vector paths only */
static void
test_chart (void)
{
  g_autoptr(CtgDocument) doc = ctg_test_new_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = ctg_document_list_ids (doc, CTG_ITEM_EVALUATION_INDICATOR, 0);
  g_autoptr(CtgIndicatorSeries) series = NULL;
  g_autoptr(CtgIndicatorSeries) empty = NULL;
  g_autofree char *pdf_path = ctg_test_tmp_path ("chart.pdf");
  g_autofree char *pdf = NULL;
  gint64 id = g_array_index (ids, gint64, 0);
  cairo_surface_t *recording;
  cairo_surface_t *surface;
  cairo_t *cr;
  double x, y, width, height;
  gsize length;

  g_assert_true (ctg_document_set (doc, CTG_ITEM_CONVENTION, 1, "period_start", "2022", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_CONVENTION, 1, "period_end", "2026", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_EVALUATION_INDICATOR, id, "baseline", "1 240", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_EVALUATION_INDICATOR, id, "baseline_year", "2021", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_EVALUATION_INDICATOR, id, "target_value", "1 400", &error));
  g_assert_true (ctg_document_set_assessment (doc, id, 2024, "measure", "1 310", &error));
  g_assert_true (ctg_document_set_assessment (doc, id, 2023, "measure", "1 275,5", &error));
  /* A text-only assessment is no point */
  g_assert_true (ctg_document_set_assessment (doc, id, 2025, "value", "en hausse", &error));
  g_assert_no_error (error);

  series = ctg_indicator_series_read (doc, CTG_ITEM_EVALUATION_INDICATOR, id);
  g_assert_true (ctg_indicator_series_has_data (series));
  g_assert_cmpuint (series->first_year, ==, 2021);
  g_assert_cmpuint (series->last_year, ==, 2026);
  g_assert_cmpuint (series->points->len, ==, 2);
  g_assert_cmpuint (g_array_index (series->points, CtgIndicatorPoint, 0).year, ==, 2023);
  g_assert_cmpfloat (g_array_index (series->points, CtgIndicatorPoint, 0).value, ==, 1275.5);
  g_assert_true (series->has_baseline && series->has_target);
  g_assert_cmpfloat (series->target, ==, 1400);

  empty = ctg_indicator_series_read (doc, CTG_ITEM_EVALUATION_INDICATOR, g_array_index (ids, gint64, 1));
  g_assert_false (ctg_indicator_series_has_data (empty));

  /* It stays inside its box */
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  ctg_indicator_chart_draw (cr, series, 300, 120, 8);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &x, &y, &width, &height);
  g_assert_cmpfloat (width, >, 200);
  g_assert_cmpfloat (x, >=, -1);
  g_assert_cmpfloat (y, >=, -1);
  g_assert_cmpfloat (x + width, <=, 301);
  g_assert_cmpfloat (y + height, <=, 121);
  cairo_surface_destroy (recording);

  /* In a PDF: paths and text, no picture */
  surface = cairo_pdf_surface_create (pdf_path, 300, 120);
  cr = cairo_create (surface);
  ctg_indicator_chart_draw (cr, series, 300, 120, 8);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &length, NULL));
  g_assert_null (g_strstr_len (pdf, length, "/Subtype /Image"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  ctg_test_init (&argc, &argv);

  g_test_add_func ("/indicator/number/parse", test_number_parse);
  g_test_add_func ("/indicator/number/format", test_number_format);
  g_test_add_func ("/indicator/set", test_indicator_set);
  g_test_add_func ("/indicator/migration-v2", test_migration_v2);
  g_test_add_func ("/indicator/migration-v3", test_migration_v3);
  g_test_add_func ("/indicator/csv-round-trip", test_csv_round_trip);
  g_test_add_func ("/indicator/cli", test_cli_indicator);
  g_test_add_func ("/indicator/chart", test_chart);

  status = g_test_run ();
  /* The chart's labels come from the thread's default font map: dropping
   * it frees the fonts and fontsets it keeps, for valgrind's leak check */
  pango_cairo_font_map_set_default (NULL);
  return status;
}
