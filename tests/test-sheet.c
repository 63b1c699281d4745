/* test-sheet.c: plan tables in .xlsx and .ods spreadsheets
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-stdio.h>
#include <locale.h>
#include <string.h>
#include <xlsxwriter.h>

#include "ctg-plan-table-private.h"
#include "ctg-test-util.h"

static const char * const examples[] = { "baronnies", "creusot-montceau", "m2a", "valence-romans", NULL };

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("CTG_TEST_FIXTURES"), "sheets", name, NULL);
}

static char *
export_of_import (const char *path)
{
  g_autoptr(CtgDocument) doc = ctg_test_new_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) table = ctg_test_read_bytes (path);

  g_assert_true (ctg_document_import_plan (doc, table, NULL, NULL, &error));
  g_assert_no_error (error);
  return ctg_document_export_csv (doc, ';');
}

/* LibreOffice Calc's own .xlsx and .ods of each example's plan table (and
 * of a copy with dates, statuses, progress and pilots) give back the same
 * convention as the CSV they were made from */
static void
test_libreoffice_fixtures (void)
{
  g_autoptr(GPtrArray) slugs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; examples[i]; i++)
    g_ptr_array_add (slugs, g_strdup (examples[i]));
  g_ptr_array_add (slugs, g_strdup ("demo"));

  for (guint i = 0; i < slugs->len; i++)
    {
      const char *slug = g_ptr_array_index (slugs, i);
      g_autofree char *csv_path = NULL;
      g_autofree char *expected = NULL;

      if (g_str_equal (slug, "demo"))
        csv_path = fixture_path ("demo.csv");
      else
        {
          g_autofree char *name = g_strconcat (slug, ".csv", NULL);

          csv_path = g_build_filename (g_getenv ("CTG_EXAMPLES_SRCDIR"), name, NULL);
        }
      expected = export_of_import (csv_path);

      for (guint f = 0; f < 2; f++)
        {
          g_autofree char *name = g_strconcat (slug, f == 0 ? ".xlsx" : ".ods", NULL);
          g_autofree char *path = fixture_path (name);
          g_autofree char *got = export_of_import (path);

          g_test_message ("%s", name);
          g_assert_cmpstr (got, ==, expected);
        }
    }
}

static const char *
cell (GPtrArray *rows,
      guint      line,
      guint      column)
{
  for (guint i = 0; i < rows->len; i++)
    {
      CtgCsvRow *row = g_ptr_array_index (rows, i);

      if (row->line == line)
        return column < row->cells->len ? g_ptr_array_index (row->cells, column) : "";
    }
  return NULL;
}

static GPtrArray *
read_sheet (const char  *path,
            const char  *sheet,
            char       **name,
            GError     **error)
{
  g_autoptr(GBytes) bytes = ctg_test_read_bytes (path);

  return ctg_sheet_read (bytes, sheet, name, error);
}

/* What an .xlsx from Excel holds: shared strings, rich text, merged cells,
 * serial dates with their format, percentages, formulas, hidden columns */
static void
test_xlsx_cells (void)
{
  g_autofree char *path = ctg_test_tmp_path ("cells.xlsx");
  lxw_workbook *book = workbook_new (path);
  lxw_worksheet *notes = workbook_add_worksheet (book, "Notes");
  lxw_worksheet *plan = workbook_add_worksheet (book, "Plan");
  lxw_format *day = workbook_add_format (book);
  lxw_format *month = workbook_add_format (book);
  lxw_format *year = workbook_add_format (book);
  lxw_format *percent = workbook_add_format (book);
  lxw_format *bold = workbook_add_format (book);
  lxw_datetime march = { 2024, 3, 15, 0, 0, 0 };
  lxw_datetime june = { 2025, 6, 1, 0, 0, 0 };
  lxw_datetime leap = { 1900, 1, 10, 0, 0, 0 };
  lxw_row_col_options hidden = { .hidden = 1 };
  lxw_rich_string_tuple part1 = { bold, "Accueil " };
  lxw_rich_string_tuple part2 = { NULL, "du soir" };
  lxw_rich_string_tuple *rich[] = { &part1, &part2, NULL };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  format_set_num_format (day, "dd/mm/yyyy");
  format_set_num_format (month, "mm/yyyy");
  format_set_num_format (year, "yyyy");
  format_set_num_format (percent, "0 %");
  format_set_bold (bold);

  worksheet_write_string (notes, 0, 0, "Une feuille sans plan", NULL);

  worksheet_write_string (plan, 0, 0, "Plan d’actions 2024", NULL);
  {
    const char *header[] = { "axe", "action", "début", "échéance", "avancement", "pilotes", "notes", "statut" };

    for (guint c = 0; c < G_N_ELEMENTS (header); c++)
      worksheet_write_string (plan, 2, (lxw_col_t) c, header[c], NULL);
  }
  worksheet_merge_range (plan, 3, 0, 5, 0, "Petite enfance", NULL);
  worksheet_write_rich_string (plan, 3, 1, rich, NULL);
  worksheet_write_datetime (plan, 3, 2, &march, day);
  worksheet_write_datetime (plan, 3, 3, &june, month);
  worksheet_write_number (plan, 3, 4, 0.4, percent);
  worksheet_write_string (plan, 3, 5, "RPE\nPMI", NULL);
  worksheet_write_formula_str (plan, 3, 7, "=\"en \"&\"cours\"", NULL, "en cours");
  worksheet_write_string (plan, 4, 1, "Relais petite enfance", NULL);
  worksheet_write_datetime (plan, 4, 3, &june, year);
  worksheet_write_number (plan, 4, 4, 40, NULL);
  worksheet_write_datetime (plan, 4, 6, &leap, day);
  /* row 6 is empty */
  worksheet_write_string (plan, 5, 1, "Crèche", NULL);
  worksheet_write_formula_num (plan, 5, 4, "=20+5", NULL, 25);
  worksheet_write_string (plan, 7, 0, "Jeunesse", NULL);
  worksheet_write_string (plan, 7, 1, "Point jeunes", NULL);
  worksheet_set_column_opt (plan, 6, 6, 12, NULL, &hidden);
  g_assert_cmpint (workbook_close (book), ==, LXW_NO_ERROR);

  rows = read_sheet (path, NULL, &name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Plan");
  g_assert_cmpstr (cell (rows, 1, 0), ==, "Plan d’actions 2024");
  g_assert_null (cell (rows, 2, 0));          /* empty rows are left out */
  g_assert_cmpstr (cell (rows, 4, 0), ==, "Petite enfance");
  g_assert_cmpstr (cell (rows, 5, 0), ==, "Petite enfance");   /* merged */
  g_assert_cmpstr (cell (rows, 6, 0), ==, "Petite enfance");
  g_assert_cmpstr (cell (rows, 4, 1), ==, "Accueil du soir");
  g_assert_cmpstr (cell (rows, 4, 2), ==, "2024-03-15");
  g_assert_cmpstr (cell (rows, 4, 3), ==, "2025-06");
  g_assert_cmpstr (cell (rows, 4, 4), ==, "40");
  g_assert_cmpstr (cell (rows, 4, 5), ==, "RPE\nPMI");
  g_assert_cmpstr (cell (rows, 4, 7), ==, "en cours");
  g_assert_cmpstr (cell (rows, 5, 3), ==, "2025");
  g_assert_cmpstr (cell (rows, 5, 4), ==, "40");
  g_assert_cmpstr (cell (rows, 5, 6), ==, "1900-01-10");     /* hidden, still read */
  g_assert_cmpstr (cell (rows, 6, 4), ==, "25");
  g_assert_null (cell (rows, 7, 0));
  g_assert_cmpstr (cell (rows, 8, 1), ==, "Point jeunes");

  /* And through the importer, the title line above the header skipped */
  {
    g_autoptr(CtgDocument) doc = ctg_test_new_document ();
    g_autoptr(GBytes) table = ctg_test_read_bytes (path);
    g_autoptr(GListModel) actions = NULL;
    g_autoptr(CtgAction) first = NULL;

    g_assert_true (ctg_document_import_plan (doc, table, "Plan", NULL, &error));
    g_assert_no_error (error);
    actions = ctg_document_list_actions (doc, 0);
    g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 4);
    first = g_list_model_get_item (actions, 0);
    g_assert_cmpstr (ctg_action_get_title (first), ==, "Accueil du soir");
    g_assert_cmpint (ctg_action_get_progress (first), ==, 40);
    g_assert_cmpint (ctg_action_get_status (first), ==, CTG_STATUS_IN_PROGRESS);
    g_assert_cmpuint (ctg_action_get_pilots (first)->len, ==, 2);
  }
}

/* What an .ods from LibreOffice holds: repeated rows and columns, covered
 * cells, date and percentage values, paragraphs, spaces, comments */
static void
test_ods_cells (void)
{
  g_autofree char *path = ctg_test_tmp_path ("cells.ods");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *content =
    CTG_TEST_ODS_HEAD
    "<office:automatic-styles>"
    "<number:date-style style:name=\"N1\"><number:month/><number:text>/</number:text><number:year/></number:date-style>"
    "<style:style style:name=\"ce1\" style:family=\"table-cell\" style:data-style-name=\"N1\"/>"
    "<style:style style:name=\"ta2\" style:family=\"table\"><style:table-properties table:display=\"false\"/></style:style>"
    "</office:automatic-styles>"
    "<office:body><office:spreadsheet>"
    "<table:table table:name=\"Cachée\" table:style-name=\"ta2\"><table:table-row>"
    "<table:table-cell office:value-type=\"string\"><text:p>axe</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>action</text:p></table:table-cell>"
    "</table:table-row></table:table>"
    "<table:table table:name=\"Plan\">"
    "<table:table-column table:number-columns-repeated=\"3\"/>"
    "<table:table-column table:default-cell-style-name=\"ce1\"/>"
    "<table:table-row>"
    "<table:table-cell office:value-type=\"string\"><text:p>axe</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>action</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>début</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>échéance</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>avancement</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>pilotes</text:p></table:table-cell>"
    "<table:table-cell table:number-columns-repeated=\"16378\"/>"
    "</table:table-row>"
    "<table:table-row>"
    "<table:table-cell table:number-rows-spanned=\"2\" office:value-type=\"string\"><text:p>Petite enfance</text:p>"
    "<office:annotation><text:p>pas ceci</text:p></office:annotation></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>Accueil<text:s text:c=\"2\"/>du <text:span>soir</text:span></text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"date\" office:date-value=\"2024-03-15\"><text:p>15/03/2024</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"date\" office:date-value=\"2025-06-01T00:00:00\"><text:p>06/2025</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"percentage\" office:value=\"0.4\"><text:p>40 %</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>RPE</text:p><text:p>PMI</text:p></table:table-cell>"
    "</table:table-row>"
    "<table:table-row>"
    "<table:covered-table-cell/>"
    "<table:table-cell table:formula=\"of:=&quot;Crè&quot;&amp;&quot;che&quot;\" office:value-type=\"string\" office:string-value=\"Crèche\"><text:p>Crèche</text:p></table:table-cell>"
    "<table:table-cell table:number-columns-repeated=\"2\"/>"
    "<table:table-cell office:value-type=\"float\" office:value=\"25\" table:formula=\"of:=20+5\"><text:p>25</text:p></table:table-cell>"
    "</table:table-row>"
    "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
    "<table:table-row table:number-rows-repeated=\"2\">"
    "<table:table-cell office:value-type=\"string\"><text:p>Jeunesse</text:p></table:table-cell>"
    "<table:table-cell office:value-type=\"string\"><text:p>Point jeunes</text:p></table:table-cell>"
    "</table:table-row>"
    "</table:table></office:spreadsheet></office:body></office:document-content>";

  ctg_test_write_ods (path, content);
  rows = read_sheet (path, NULL, &name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Plan");   /* the hidden sheet is skipped */
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (cell (rows, 2, 0), ==, "Petite enfance");
  g_assert_cmpstr (cell (rows, 3, 0), ==, "Petite enfance");
  g_assert_cmpstr (cell (rows, 2, 1), ==, "Accueil  du soir");
  g_assert_cmpstr (cell (rows, 2, 2), ==, "2024-03-15");
  g_assert_cmpstr (cell (rows, 2, 3), ==, "2025-06");     /* the column's style has no day */
  g_assert_cmpstr (cell (rows, 2, 4), ==, "40");
  g_assert_cmpstr (cell (rows, 2, 5), ==, "RPE\nPMI");
  g_assert_cmpstr (cell (rows, 3, 1), ==, "Crèche");
  g_assert_cmpstr (cell (rows, 3, 4), ==, "25");
  g_assert_cmpstr (cell (rows, 1048004, 1), ==, "Point jeunes");
  g_assert_cmpstr (cell (rows, 1048005, 1), ==, "Point jeunes");

  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&name, g_free);
  rows = read_sheet (path, "Cachée", &name, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
}

/* Problems are reported all at once with the sheet and the row */
static void
test_sheet_problems (void)
{
  g_autofree char *path = ctg_test_tmp_path ("problems.xlsx");
  lxw_workbook *book = workbook_new (path);
  lxw_worksheet *plan = workbook_add_worksheet (book, "Actions");
  g_autoptr(CtgDocument) doc = ctg_test_new_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) table = NULL;

  worksheet_write_string (plan, 0, 0, "axe", NULL);
  worksheet_write_string (plan, 0, 1, "action", NULL);
  worksheet_write_string (plan, 0, 2, "statut", NULL);
  worksheet_write_string (plan, 1, 0, "Petite enfance", NULL);
  worksheet_write_string (plan, 1, 2, "en cours", NULL);
  worksheet_write_string (plan, 2, 0, "Petite enfance", NULL);
  worksheet_write_string (plan, 2, 1, "Crèche", NULL);
  worksheet_write_string (plan, 2, 2, "peut-être", NULL);
  g_assert_cmpint (workbook_close (book), ==, LXW_NO_ERROR);

  table = ctg_test_read_bytes (path);
  g_assert_false (ctg_document_import_plan (doc, table, NULL, NULL, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_BAD_CSV);
  g_assert_nonnull (strstr (error->message, "sheet “Actions”, row 2: the action (column “action”) is empty"));
  g_assert_nonnull (strstr (error->message, "sheet “Actions”, row 3: “peut-être” is not a status"));
  g_clear_error (&error);

  g_assert_false (ctg_document_import_plan (doc, table, "Feuil9", NULL, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_BAD_CSV);
  g_assert_cmpstr (error->message, ==, "The spreadsheet has no sheet named “Feuil9”; its sheets are “Actions”.");
}


/* A damaged zip whose directory gives a member an impossible date (month
 * 13): libgsf would log a critical making its date; refused as damaged */
static void
test_sheet_impossible_date (void)
{
  g_autofree char *path = fixture_path ("m2a.xlsx");
  g_autoptr(CtgDocument) doc = ctg_test_new_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) damaged = NULL;
  char *data = NULL;
  gsize length;
  guint patched = 0;

  data = ctg_test_read_file (path, &length);
  for (gsize i = 0; i + 46 <= length; i++)
    if (memcmp (data + i, "PK\x01\x02", 4) == 0)
      {
        data[i + 14] = (char) ((data[i + 14] & 0x1f) | (13 & 0x7) << 5);
        data[i + 15] = (char) ((data[i + 15] & 0xfe) | (13 >> 3));
        patched++;
      }
  g_assert_cmpuint (patched, >, 0);
  damaged = g_bytes_new_take (data, length);
  g_assert_false (ctg_document_import_plan (doc, damaged, NULL, NULL, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_BAD_CSV);
  g_assert_cmpstr (error->message, ==, "The spreadsheet is damaged: it cannot be read.");
}

static CtgDocument *
open_fixture_copy (const char *name)
{
  g_autofree char *source = fixture_path (name);
  g_autofree char *dest = ctg_test_tmp_path (name);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  CtgDocument *doc;
  gsize length;

  data = ctg_test_read_file (source, &length);
  g_file_set_contents (dest, data, (gssize) length, &error);
  g_assert_no_error (error);
  doc = ctg_document_open (dest, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  return doc;
}

static GPtrArray *
compute_from_file (CtgDocument  *doc,
                   const char   *path,
                   GError      **error)
{
  g_autoptr(GBytes) sheet = ctg_test_read_bytes (path);

  return ctg_plan_update_compute (doc, sheet, NULL, NULL, error);
}

/* The text of a member of a zip archive */
static char *
member_text (const char *path,
             const char *member)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = g_strsplit (member, "/", -1);
  GsfInput *file = gsf_input_stdio_new (path, &error);
  GsfInfile *zip;
  GsfInput *input;
  char *text;
  gsize size;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (file, &error);
  g_assert_no_error (error);
  input = gsf_infile_child_by_aname (zip, (const char **) parts);
  g_assert_nonnull (input);
  size = (gsize) gsf_input_size (input);
  text = g_malloc0 (size + 1);
  g_assert_nonnull (gsf_input_read (input, size, (guint8 *) text));
  g_object_unref (input);
  g_object_unref (zip);
  g_object_unref (file);
  return text;
}

/* The sheet to fill reads back as it was written, and changes nothing */
static void
test_export_round_trip (void)
{
  g_autoptr(CtgDocument) doc = open_fixture_copy ("update.ctg");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actions = ctg_document_list_actions (doc, 0);
  g_autoptr(CtgAction) first = g_list_model_get_item (actions, 0);
  gint64 first_id = ctg_action_get_id (first);
  g_autofree char *identity = ctg_document_dup_text (doc, CTG_ITEM_CONVENTION, 1, "created");

  /* Text that looks like a formula stays text */
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, first_id, "notes", "=HYPERLINK(\"http://x\")", &error));
  g_assert_no_error (error);

  for (guint f = 0; f < 2; f++)
    {
      g_autofree char *path = ctg_test_tmp_path (f == 0 ? "fill.xlsx" : "fill.ods");
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GPtrArray) ids = NULL;
      g_autoptr(GPtrArray) changes = NULL;
      g_autofree char *name = NULL;

      if (f == 0)
        g_assert_true (ctg_document_export_xlsx (doc, path, &error));
      else
        g_assert_true (ctg_document_export_ods (doc, path, &error));
      g_assert_no_error (error);

      rows = read_sheet (path, NULL, &name, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (name, ==, "Plan d’actions");
      g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (actions) + 1);
      g_assert_cmpstr (cell (rows, 1, 0), ==, "identifiant");
      g_assert_cmpstr (cell (rows, 1, 12), ==, "statut");
      g_assert_cmpstr (cell (rows, 2, 0), ==, "1");
      g_assert_cmpstr (cell (rows, 2, 10), ==, "2022-01");   /* a month stays a month */
      g_assert_cmpstr (cell (rows, 3, 10), ==, "2026");      /* a year is a number */
      g_assert_cmpstr (cell (rows, 2, 12), ==, "en cours");
      g_assert_cmpstr (cell (rows, 2, 13), ==, "20");
      g_assert_cmpstr (cell (rows, 2, 15), ==, "=HYPERLINK(\"http://x\")");

      ids = read_sheet (path, "ctg", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cell (ids, 1, 1), ==, identity);

      changes = compute_from_file (doc, path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (changes->len, ==, 0);

      if (f == 0)
        {
          g_autofree char *xml = member_text (path, "xl/worksheets/sheet1.xml");
          g_autofree char *book = member_text (path, "xl/workbook.xml");

          g_assert_nonnull (strstr (xml, "state=\"frozen\""));
          g_assert_nonnull (strstr (xml, "<dataValidation type=\"list\""));
          g_assert_null (strstr (xml, "<f>"));
          g_assert_nonnull (strstr (book, "state=\"hidden\""));
        }
      else
        {
          g_autofree char *mimetype = NULL;
          g_autofree char *data = NULL;
          gsize length;

          /* The mimetype first and stored: its name and text at fixed offsets */
          data = ctg_test_read_file (path, &length);
          g_assert_cmpuint (length, >, 80);
          g_assert_cmpmem (data + 30, 8, "mimetype", 8);
          g_assert_cmpmem (data + 38, 46, "application/vnd.oasis.opendocument.spreadsheet", 46);
          mimetype = member_text (path, "settings.xml");
          g_assert_nonnull (strstr (mimetype, "VerticalSplitMode"));
        }
    }
}

/* Under a French locale the numbers are still written with a point: a
 * progress of 20 % is the number 0.2, not the text “0,2” that Excel reports
 * as a damaged file and the update used to refuse; the .ods's identifier
 * column is 2.20cm wide, not “2,20cm” */
static void
test_export_french_locale (void)
{
  g_autoptr(CtgDocument) doc = open_fixture_copy ("update.ctg");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ctg_test_tmp_path ("french.xlsx");
  g_autofree char *ods = ctg_test_tmp_path ("french.ods");
  g_autofree char *content = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *xml = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  if (setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("no fr_FR.UTF-8 locale");
      return;
    }
  g_assert_true (ctg_document_export_xlsx (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (ctg_document_export_ods (doc, ods, &error));
  setlocale (LC_NUMERIC, saved);
  g_assert_no_error (error);

  /* The .ods's column widths are lengths LibreOffice reads */
  content = member_text (ods, "content.xml");
  g_assert_nonnull (strstr (content, "style:column-width=\"2.20cm\""));
  g_assert_null (strstr (content, ",20cm"));

  xml = member_text (path, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (xml, "<v>0.2</v>"));
  g_assert_null (strstr (xml, "<v>0,2</v>"));
  changes = compute_from_file (doc, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 0);
}

static const char * const expected_changes[] = {
  "3 status: à lancer → en cours",
  "4 pilots: CCAS de Valence → Ville de Romans-sur-Isère",
  "5 status: reportée → abandonnée",
  "7 échéance: 2024 → 30 June 2025",
  "8 status: à lancer → réalisée",
  "0 new action: Petite enfance — Nouvelle action proposée par les partenaires",
};

/* A sheet edited and saved by LibreOffice Calc: three statuses, one
 * échéance, one pilot, a row added, a row deleted */
static void
test_update_libreoffice (void)
{
  for (guint f = 0; f < 2; f++)
    {
      g_autoptr(CtgDocument) doc = open_fixture_copy ("update.ctg");
      g_autofree char *path = fixture_path (f == 0 ? "update-returned.xlsx" : "update-returned.ods");
      g_autofree char *before = ctg_document_export_csv (doc, ';');
      g_autofree char *after = NULL;
      g_autoptr(GPtrArray) changes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CtgAction) action = NULL;
      g_autoptr(GListModel) actions = NULL;

      changes = compute_from_file (doc, path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (expected_changes));
      for (guint i = 0; i < changes->len; i++)
        {
          CtgPlanChange *change = g_ptr_array_index (changes, i);
          g_autofree char *text = ctg_plan_change_describe (change);
          g_autofree char *line = g_strdup_printf ("%" G_GINT64_FORMAT " %s", change->action_id, text);

          g_assert_cmpstr (line, ==, expected_changes[i]);
        }

      g_assert_true (ctg_plan_update_apply (doc, changes, &error));
      g_assert_no_error (error);
      action = ctg_document_get_action (doc, 5);
      g_assert_cmpint (ctg_action_get_status (action), ==, CTG_STATUS_ABANDONED);
      g_clear_object (&action);
      action = ctg_document_get_action (doc, 7);
      g_assert_cmpuint (ctg_action_get_echeance (action)->day, ==, 30);
      g_clear_object (&action);
      g_assert_true (ctg_document_has_item (doc, CTG_ITEM_ACTION, 6));   /* deleted from the sheet only */
      actions = ctg_document_list_actions (doc, 0);
      g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 10);

      /* Taken back again, it proposes nothing new */
      g_clear_pointer (&changes, g_ptr_array_unref);
      changes = compute_from_file (doc, path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (changes->len, ==, 0);

      /* One undo reverts it all */
      g_assert_true (ctg_document_undo (doc, &error));
      g_assert_no_error (error);
      after = ctg_document_export_csv (doc, ';');
      g_assert_cmpstr (after, ==, before);
    }
}

/* The indicators' column of the plan table, both ways: a CSV with the
 * identifiers gives action 1 two indicators; the sheets to fill carry them
 * and read back unchanged, and import with them; a sheet whose indicators
 * a partner edited in LibreOffice Calc (tests/fixtures/sheets/
 * edit-indicators-in-libreoffice.py) changes them in place */
static void
test_update_indicators (void)
{
  g_autoptr(CtgDocument) doc = open_fixture_copy ("update.ctg");
  g_autofree char *csv = fixture_path ("indicators.csv");
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *before = NULL;
  g_autofree char *cells = NULL;
  CtgPlanChange *change;

  changes = compute_from_file (doc, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (change->field, ==, "indicators");
  g_assert_cmpstr (change->old_text, ==, "");
  g_assert_true (ctg_plan_update_apply (doc, changes, &error));
  g_assert_no_error (error);
  ids = ctg_document_list_ids (doc, CTG_ITEM_INDICATOR, 1);
  g_assert_cmpuint (ids->len, ==, 2);
  {
    gint64 first = g_array_index (ids, gint64, 0);
    g_autofree char *unit = ctg_document_dup_text (doc, CTG_ITEM_INDICATOR, first, "unit");
    g_autofree char *baseline = ctg_document_dup_text (doc, CTG_ITEM_INDICATOR, first, "baseline");
    g_autofree char *kind = ctg_document_dup_text (doc, CTG_ITEM_INDICATOR, first, "kind");

    g_assert_cmpstr (unit, ==, "places");
    g_assert_cmpstr (baseline, ==, "1240");
    g_assert_cmpstr (kind, ==, "result");
    g_assert_cmpint (ctg_document_get_int (doc, CTG_ITEM_INDICATOR, first, "target_year", 0), ==, 2026);
  }
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = compute_from_file (doc, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 0);
  before = ctg_document_export_csv (doc, ';');
  {
    g_autoptr(GPtrArray) items = _ctg_plan_indicator_cells (doc, 1);

    g_ptr_array_add (items, NULL);
    cells = g_strjoinv ("\n", (char **) items->pdata);
  }

  for (guint f = 0; f < 2; f++)
    {
      g_autofree char *path = ctg_test_tmp_path (f == 0 ? "indicators.xlsx" : "indicators.ods");
      g_autofree char *returned = fixture_path (f == 0 ? "indicators-returned.xlsx" : "indicators-returned.ods");
      g_autoptr(CtgDocument) imported = ctg_test_new_document ();
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GArray) values = NULL;
      g_autoptr(GBytes) table = NULL;
      g_autofree char *after = NULL;

      if (f == 0)
        g_assert_true (ctg_document_export_xlsx (doc, path, &error));
      else
        g_assert_true (ctg_document_export_ods (doc, path, &error));
      g_assert_no_error (error);
      g_clear_pointer (&changes, g_ptr_array_unref);
      changes = compute_from_file (doc, path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (changes->len, ==, 0);

      /* ctg import of the sheet */
      table = ctg_test_read_bytes (path);
      g_assert_true (ctg_document_import_plan (imported, table, NULL, NULL, &error));
      g_assert_no_error (error);
      items = _ctg_plan_indicator_cells (imported, 1);
      g_ptr_array_add (items, NULL);
      {
        g_autofree char *imported_cells = g_strjoinv ("\n", (char **) items->pdata);

        g_assert_cmpstr (imported_cells, ==, cells);
      }

      /* Edited in Calc: a value corrected, a year added, an indicator
       * removed from action 1, one added to action 2 */
      g_clear_pointer (&changes, g_ptr_array_unref);
      changes = compute_from_file (doc, returned, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (changes->len, ==, 2);
      g_assert_cmpint (((CtgPlanChange *) g_ptr_array_index (changes, 0))->action_id, ==, 1);
      g_assert_cmpint (((CtgPlanChange *) g_ptr_array_index (changes, 1))->action_id, ==, 2);
      g_assert_true (ctg_plan_update_apply (doc, changes, &error));
      g_assert_no_error (error);
      g_clear_pointer (&ids, g_array_unref);
      ids = ctg_document_list_ids (doc, CTG_ITEM_INDICATOR, 1);
      g_assert_cmpuint (ids->len, ==, 1);
      values = ctg_document_list_ids (doc, CTG_ITEM_INDICATOR_VALUE, g_array_index (ids, gint64, 0));
      g_assert_cmpuint (values->len, ==, 3);
      {
        g_autofree char *value = ctg_document_dup_text (doc, CTG_ITEM_INDICATOR_VALUE,
                                                        g_array_index (values, gint64, 1), "value");
        g_autofree char *comment = ctg_document_dup_text (doc, CTG_ITEM_INDICATOR_VALUE,
                                                          g_array_index (values, gint64, 2), "comment");

        g_assert_cmpstr (value, ==, "1280");
        g_assert_cmpstr (comment, ==, "ouverture à Romans");
      }
      g_clear_pointer (&ids, g_array_unref);
      ids = ctg_document_list_ids (doc, CTG_ITEM_INDICATOR, 2);
      g_assert_cmpuint (ids->len, ==, 1);
      {
        /* ctg import of Calc's sheet gives the same indicators */
        g_autoptr(CtgDocument) from_calc = ctg_test_new_document ();
        g_autoptr(GBytes) calc = ctg_test_read_bytes (returned);

        g_assert_true (ctg_document_import_plan (from_calc, calc, NULL, NULL, &error));
        g_assert_no_error (error);
        for (gint64 action = 1; action <= 2; action++)
          {
            g_autoptr(GPtrArray) ours = _ctg_plan_indicator_cells (doc, action);
            g_autoptr(GPtrArray) theirs = _ctg_plan_indicator_cells (from_calc, action);

            g_assert_cmpuint (theirs->len, ==, ours->len);
            for (guint i = 0; i < ours->len; i++)
              g_assert_cmpstr (g_ptr_array_index (theirs, i), ==, g_ptr_array_index (ours, i));
          }
      }
      g_clear_pointer (&changes, g_ptr_array_unref);
      changes = compute_from_file (doc, returned, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (changes->len, ==, 0);

      /* One undo */
      g_assert_true (ctg_document_undo (doc, &error));
      g_assert_no_error (error);
      after = ctg_document_export_csv (doc, ';');
      g_assert_cmpstr (after, ==, before);
    }
}

/* Unticked changes are not applied */
static void
test_update_untick (void)
{
  g_autoptr(CtgDocument) doc = open_fixture_copy ("update.ctg");
  g_autofree char *path = fixture_path ("update-returned.xlsx");
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgAction) three = NULL;
  g_autoptr(CtgAction) five = NULL;

  changes = compute_from_file (doc, path, &error);
  g_assert_no_error (error);
  ((CtgPlanChange *) g_ptr_array_index (changes, 0))->apply = FALSE;
  g_assert_true (ctg_plan_update_apply (doc, changes, &error));
  three = ctg_document_get_action (doc, 3);
  five = ctg_document_get_action (doc, 5);
  g_assert_cmpint (ctg_action_get_status (three), ==, CTG_STATUS_TODO);
  g_assert_cmpint (ctg_action_get_status (five), ==, CTG_STATUS_ABANDONED);
}

/* A sheet of another convention, or of none, is refused */
static void
test_update_refused (void)
{
  g_autoptr(CtgDocument) doc = open_fixture_copy ("update.ctg");
  g_autoptr(CtgDocument) other = ctg_test_new_document ();
  g_autofree char *path = fixture_path ("update-returned.xlsx");
  g_autofree char *csv_path = fixture_path ("demo.csv");
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  const char *stray = "identifiant;axe;action;statut\r\n9999;Petite enfance;Crèche;en cours\r\n";
  g_autoptr(GBytes) stray_sheet = g_bytes_new_static (stray, strlen (stray));

  data = ctg_test_read_file (csv_path, &length);
  g_assert_true (ctg_document_import_csv (other, data, length, NULL, &error));
  changes = compute_from_file (other, path, &error);
  g_assert_null (changes);
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_BAD_CSV);
  g_assert_nonnull (strstr (error->message, "another convention"));
  g_clear_error (&error);

  /* A plan table without identifiers cannot be matched */
  changes = compute_from_file (doc, csv_path, &error);
  g_assert_null (changes);
  g_assert_nonnull (strstr (error->message, "identifiant"));
  g_clear_error (&error);

  changes = ctg_plan_update_compute (doc, stray_sheet, NULL, NULL, &error);
  g_assert_null (changes);
  g_assert_nonnull (strstr (error->message, "No row of this sheet matches"));
}

/* The ctg tool: import of a sheet by name, the sheet to fill, the update
 * listed then applied, and undone */
static void
test_cli (void)
{
  g_autofree char *xlsx = fixture_path ("demo.xlsx");
  g_autofree char *returned = fixture_path ("update-returned.xlsx");
  g_autofree char *source = fixture_path ("update.ctg");
  g_autofree char *ctg = ctg_test_tmp_path ("cli.ctg");
  g_autofree char *copy = ctg_test_tmp_path ("update.ctg");
  g_autofree char *sheet = ctg_test_tmp_path ("fill.ods");
  g_autofree char *data = NULL;
  gsize length;

  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (ctg_test_run_cli (&out, &err, "import", xlsx, "-o", ctg, "--sheet", "demo", NULL), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (ctg_test_run_cli (&out, &err, "import", xlsx, "-o", ctg, "--force", "--sheet", "Feuille", NULL), ==, 1);
    g_assert_nonnull (strstr (err, "no sheet named “Feuille”"));
  }

  data = ctg_test_read_file (source, &length);
  g_assert_true (g_file_set_contents (copy, data, (gssize) length, NULL));
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (ctg_test_run_cli (&out, &err, "export", copy, "--ods", sheet, NULL), ==, 0);
    g_assert_true (g_file_test (sheet, G_FILE_TEST_EXISTS));
  }
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (ctg_test_run_cli (&out, &err, "update", copy, "--from", returned, "--dry-run", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "Action 5 “Développement de l'offre complémentaire en crèche familiale et "
                                   "adaptation aux besoins spécifiques” (row 6):\n  status: reportée → abandonnée\n"));
    g_assert_nonnull (strstr (out, "6 changes, not applied (--dry-run)."));
  }
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (ctg_test_run_cli (&out, &err, "update", copy, "--from", returned, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "6 changes applied"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (ctg_test_run_cli (&out, &err, "update", copy, "--from", returned, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "The sheet changes nothing."));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (ctg_test_run_cli (&out, &err, "undo", copy, NULL), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (ctg_test_run_cli (&out, &err, "update", copy, "--from", returned, "--dry-run", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "6 changes, not applied"));
  }
}

/* An export never replaces a convention: not the one it comes from, not
 * one open for editing (its connection would go on writing to a deleted
 * file); the .xlsx is written beside and renamed, leaving nothing else */
static void
test_export_never_over_a_convention (void)
{
  g_autofree char *path = ctg_test_copy_example ("creusot-montceau");
  g_autofree char *other = ctg_test_tmp_path ("other.ctg");
  g_autofree char *xlsx = ctg_test_tmp_path ("never-over.xlsx");
  g_autofree char *dir = g_path_get_dirname (xlsx);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(CtgDocument) open_doc = NULL;
  g_autoptr(CtgReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  gsize length, after_length;

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  before = ctg_test_read_file (path, &length);

  g_assert_false (ctg_document_export_xlsx (doc, path, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (ctg_document_export_ods (doc, path, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED);
  g_clear_error (&error);
  report = ctg_report_new (doc, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (ctg_report_save_pdf (report, path, NULL, NULL, NULL, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED);
  g_clear_error (&error);

  /* Another convention open for editing in this process */
  g_assert_true (ctg_document_save_copy (doc, other, &error));
  g_assert_no_error (error);
  open_doc = ctg_document_open (other, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_false (ctg_document_export_xlsx (doc, other, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_ALREADY_OPEN);
  g_clear_error (&error);
  g_assert_false (ctg_document_export_ods (doc, other, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_ALREADY_OPEN);
  g_clear_error (&error);
  g_assert_false (ctg_report_save_pdf (report, other, NULL, NULL, NULL, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_ALREADY_OPEN);
  g_clear_error (&error);
  g_assert_true (ctg_document_set (open_doc, CTG_ITEM_CONVENTION, 1, "title", "Toujours là", &error));
  g_assert_no_error (error);
  g_clear_object (&open_doc);
  open_doc = ctg_document_open (other, CTG_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  {
    g_autofree char *title = ctg_document_dup_text (open_doc, CTG_ITEM_CONVENTION, 1, "title");

    g_assert_cmpstr (title, ==, "Toujours là");
  }

  after = ctg_test_read_file (path, &after_length);
  g_assert_cmpmem (before, length, after, after_length);

  /* A file that is not a convention is replaced, and nothing is left beside */
  g_assert_true (g_file_set_contents (xlsx, "old", -1, NULL));
  g_assert_true (ctg_document_export_xlsx (doc, xlsx, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = ctg_test_read_file (xlsx, &after_length);
  g_assert_cmpuint (after_length, >, 1000);
  g_assert_true (memcmp (after, "PK", 2) == 0);
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_prefix (name, "never-over.xlsx."));

  /* The ctg tool says so before it writes */
  {
    g_autofree char *out = NULL, *err = NULL;

    g_clear_object (&doc);
    g_assert_cmpint (ctg_test_run_cli (&out, &err, "export", path, "--xlsx", path, "--force", NULL), ==, 1);
    g_assert_nonnull (strstr (err, "is the file being read"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (ctg_test_run_cli (&out, &err, "export", path, "--xlsx", xlsx, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "already exists"));
    g_clear_pointer (&after, g_free);
    after = ctg_test_read_file (path, &after_length);
    g_assert_cmpmem (before, length, after, after_length);
  }
}

int
main (int    argc,
      char **argv)
{
  ctg_test_init (&argc, &argv);

  g_test_add_func ("/sheet/import/libreoffice", test_libreoffice_fixtures);
  g_test_add_func ("/sheet/import/xlsx-cells", test_xlsx_cells);
  g_test_add_func ("/sheet/import/ods-cells", test_ods_cells);
  g_test_add_func ("/sheet/import/problems", test_sheet_problems);
  g_test_add_func ("/sheet/import/impossible-date", test_sheet_impossible_date);
  g_test_add_func ("/sheet/export/round-trip", test_export_round_trip);
  g_test_add_func ("/sheet/export/french-locale", test_export_french_locale);
  g_test_add_func ("/sheet/update/libreoffice", test_update_libreoffice);
  g_test_add_func ("/sheet/update/indicators", test_update_indicators);
  g_test_add_func ("/sheet/update/untick", test_update_untick);
  g_test_add_func ("/sheet/update/refused", test_update_refused);
  g_test_add_func ("/sheet/cli", test_cli);
  g_test_add_func ("/sheet/export/never-over-a-convention", test_export_never_over_a_convention);

  return g_test_run ();
}
