/* test-print.c: File → Print, through GtkPrintOperation (issue 17)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ctg-drift-menu.h"
#include "ctg-print.h"
#include "ctg-test-util.h"
#include "ctg-window.h"

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
  g_auto(CtgReportOptions) options = CTG_REPORT_OPTIONS_INIT;
  GtkPrintOperationResult result;

  if (g_find_program_in_path ("pdfinfo") == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }
  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  operation = ctg_print_operation_new (doc, NULL, &error);
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (operation, printed);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* The report for the next meeting, since the last COPIL, as printed */
  options.changes_since = ctg_drift_default_since (doc);
  g_assert_nonnull (options.changes_since);
  report = ctg_report_new (doc, &options, &error);
  g_assert_no_error (error);
  {
    g_autofree char *pdf = ctg_test_tmp_path ("saved.pdf");

    g_assert_true (ctg_report_save_pdf (report, pdf, NULL, NULL, NULL, &error));
    g_assert_cmpuint (pdf_pages (printed), ==, pdf_pages (pdf));
  }
}

/* The text of the pages @operation prints, exported to a PDF */
static char *
printed_text (GtkPrintOperation *operation)
{
  g_autofree char *printed = ctg_test_tmp_path ("printed-since.pdf");
  g_autofree char *command = g_strdup_printf ("pdftotext %s -", printed);
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  gtk_print_operation_set_export_filename (operation, printed);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, NULL, NULL));
  return out;
}

/* The oldest meeting, to the day, the window's drift menu offers */
static char *
oldest_meeting (CtgDocument *document)
{
  g_autoptr(GMenuModel) menu = _ctg_drift_menu_new (document);
  g_autoptr(GMenuModel) meetings = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);

  g_assert_nonnull (meetings);
  for (int i = g_menu_model_get_n_items (meetings) - 1; i >= 0; i--)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (meetings, i, G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);

      /* A meeting of which only the month is known is reported from its 1st */
      if (strlen (g_variant_get_string (target, NULL)) == strlen ("2021-02-01"))
        return g_variant_dup_string (target, NULL);
    }
  g_assert_not_reached ();
  return NULL;
}

/* Print reports the changes since the meeting the window compares with
 * (win.drift-since), as the export dialog, not always the last COPIL */
static void
test_print_drift_since (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *oldest = NULL;
  g_autofree char *last_copil = NULL;
  g_autofree char *chosen = NULL;
  g_autoptr(GError) error = NULL;
  CtgWindow *window;
  CtgDocument *doc;

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  path = ctg_test_copy_example ("creusot-montceau");
  file = g_file_new_for_path (path);
  window = ctg_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ctg_window_load (window, file));
  ctg_test_spin (100);
  doc = ctg_window_get_document (window);
  oldest = oldest_meeting (doc);
  last_copil = ctg_drift_default_since (doc);
  g_assert_nonnull (last_copil);
  g_assert_cmpstr (oldest, <, last_copil);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.drift-since", "s", oldest));
  g_object_get (window, "drift-since", &chosen, NULL);
  {
    g_autoptr(GtkPrintOperation) operation = ctg_print_operation_new (doc, chosen, &error);
    g_autofree char *text = NULL;
    g_autofree char *day = _ctg_format_iso_day (oldest);
    g_autofree char *heading = g_strdup_printf ("Changes since %s", day);
    g_autofree char *copil_day = _ctg_format_iso_day (last_copil);
    g_autofree char *copil_heading = g_strdup_printf ("Changes since %s", copil_day);

    g_assert_no_error (error);
    text = printed_text (operation);
    g_assert_nonnull (strstr (text, heading));
    g_assert_null (strstr (text, copil_heading));
  }

  /* Back to the last COPIL */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.drift-since", "s", ""));
  g_clear_pointer (&chosen, g_free);
  g_object_get (window, "drift-since", &chosen, NULL);
  {
    g_autoptr(GtkPrintOperation) operation = ctg_print_operation_new (doc, chosen, &error);
    g_autofree char *text = NULL;
    g_autofree char *day = _ctg_format_iso_day (last_copil);
    g_autofree char *heading = g_strdup_printf ("Changes since %s", day);

    g_assert_no_error (error);
    text = printed_text (operation);
    g_assert_nonnull (strstr (text, heading));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  ctg_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/print/export", test_print_export);
  g_test_add_func ("/print/drift-since", test_print_drift_since);

  return g_test_run ();
}
