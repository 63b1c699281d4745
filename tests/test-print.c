/* test-print.c: File → Print, through GtkPrintOperation (issue 17)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ctg-print.h"
#include "ctg-test-util.h"

static guint
pdf_pages (const char *path)
{
  g_autofree char *command = g_strdup_printf ("pdfinfo %s", path);
  g_autofree char *out = NULL;
  const char *line;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, NULL, NULL));
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

/* The print operation draws the report's pages, the same number as its
 * PDF, exported here without a dialog */
static void
test_print_export (void)
{
  g_autofree char *path = ctg_test_copy_example ("creusot-montceau");
  g_autofree char *printed = ctg_test_tmp_path ("printed.pdf");
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(CtgReport) report = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *since = NULL;
  g_autoptr(CtgReportOptions) options = ctg_report_options_new ();
  GtkPrintOperationResult result;

  if (g_find_program_in_path ("pdfinfo") == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }
  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  operation = ctg_print_operation_new (doc, &error);
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (operation, printed);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* The report for the next meeting, since the last COPIL, as printed */
  since = ctg_drift_default_since (doc);
  g_assert_nonnull (since);
  ctg_report_options_set_changes_since (options, since);
  report = ctg_report_new (doc, options, &error);
  g_assert_no_error (error);
  {
    g_autofree char *pdf = ctg_test_tmp_path ("saved.pdf");

    g_assert_true (ctg_report_save_pdf (report, pdf, NULL, NULL, NULL, &error));
    g_assert_cmpuint (pdf_pages (printed), ==, pdf_pages (pdf));
  }
}

int
main (int    argc,
      char **argv)
{
  ctg_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/print/export", test_print_export);

  return g_test_run ();
}
