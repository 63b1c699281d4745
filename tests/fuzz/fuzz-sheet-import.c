/* fuzz-sheet-import.c: libFuzzer target, a spreadsheet made of any bytes
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte chooses what the rest is: 0, a whole file (.xlsx, .ods,
 * .xls or anything); 1, the XML of an .xlsx's only sheet; 2, the
 * content.xml of an .ods. Random bytes rarely make a valid zip, so the XML
 * modes put them behind a correct one. The import happens in a group that
 * is cancelled, as in fuzz-csv-import, and the update from the same bytes
 * is computed too.
 */

#include "config.h"

#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-memory.h>

#include "ctg-core.h"

static CtgDocument *doc;

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *dir = g_dir_make_tmp ("ctg-fuzz-XXXXXX", NULL);
  g_autofree char *path = NULL;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "import.ctg", NULL);
  doc = ctg_document_create (path, NULL);
  g_assert_nonnull (doc);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

#define XLSX_WORKBOOK \
  "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"" \
  " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" \
  "<sheets><sheet name=\"Plan\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
#define XLSX_RELS \
  "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"

static void
add_member (GsfOutfile   *zip,
            const char   *path,
            const guint8 *data,
            gsize         size)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  GsfOutfile *dir = g_object_ref (zip);

  for (guint i = 0; parts[i + 1] != NULL; i++)
    {
      GsfOutfile *child = GSF_OUTFILE (gsf_outfile_new_child (dir, parts[i], TRUE));

      g_object_unref (dir);
      dir = child;
    }
  {
    GsfOutput *member = gsf_outfile_new_child (dir, parts[g_strv_length (parts) - 1], FALSE);

    gsf_output_write (member, size, data);
    gsf_output_close (member);
    g_object_unref (member);
  }
  if (dir != zip)
    gsf_output_close (GSF_OUTPUT (dir));
  g_object_unref (dir);
}

/* A zip holding @data as the sheet of an .xlsx or the content of an .ods */
static GBytes *
wrap (guint         mode,
      const guint8 *data,
      gsize         size)
{
  GsfOutput *memory = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (memory, NULL);
  GBytes *bytes;

  if (mode == 1)
    {
      add_member (zip, "xl/workbook.xml", (const guint8 *) XLSX_WORKBOOK, strlen (XLSX_WORKBOOK));
      add_member (zip, "xl/_rels/workbook.xml.rels", (const guint8 *) XLSX_RELS, strlen (XLSX_RELS));
      add_member (zip, "xl/worksheets/sheet1.xml", data, size);
    }
  else
    {
      static const char mimetype[] = "application/vnd.oasis.opendocument.spreadsheet";

      add_member (zip, "mimetype", (const guint8 *) mimetype, strlen (mimetype));
      add_member (zip, "content.xml", data, size);
    }
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (memory)),
                       (gsize) gsf_output_size (memory));
  g_object_unref (memory);
  return bytes;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gboolean ok;

  if (size < 1)
    return 0;
  if (data[0] % 3 == 0)
    bytes = g_bytes_new (data + 1, size - 1);
  else
    bytes = wrap (data[0] % 3, data + 1, size - 1);

  g_assert_true (ctg_document_begin_group (doc, "fuzz", NULL));
  ok = ctg_document_import_plan (doc, bytes, NULL, warnings, &error);
  if (ok)
    {
      g_autofree char *csv = ctg_document_export_csv (doc, ';');

      g_assert_true (g_utf8_validate (csv, -1, NULL));
    }
  else
    {
      g_assert_true (error != NULL && error->domain == CTG_DOCUMENT_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
  g_clear_error (&error);

  changes = ctg_plan_update_compute (doc, bytes, NULL, warnings, &error);
  g_assert_true ((changes != NULL) != (error != NULL));
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      g_autofree char *line = ctg_plan_change_describe (g_ptr_array_index (changes, i));

      g_assert_true (g_utf8_validate (line, -1, NULL));
    }
  for (guint i = 0; i < warnings->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (warnings, i), -1, NULL));
  ctg_document_cancel_group (doc);

  {
    g_autoptr(GListModel) actions = ctg_document_list_actions (doc, 0);
    g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 0);
  }
  return 0;
}
