/* ctg-print.c: File → Print, the COPIL report on paper
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Print draws the pages the PDF export draws (ctg_report_render_pages:
 * the same cairo drawing kept as recordings), scaled to the paper the
 * print dialog chose. The report is for the next meeting, with what
 * changed and slipped since the meeting the window compares with
 * (win.drift-since, the last COPIL by default), as the export dialog. */

#define G_LOG_DOMAIN "ctg-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ctg-drift-menu.h"
#include "ctg-print.h"

static void
on_request_page_setup_cb (GtkPrintOperation *operation,
                          GtkPrintContext   *context,
                          int                page_nr,
                          GtkPageSetup      *setup,
                          GPtrArray         *pages)
{
  CtgReportPage *page;

  if (page_nr < 0 || (guint) page_nr >= pages->len)
    return;
  page = g_ptr_array_index (pages, page_nr);
  /* The timeline's pages are landscape on paper too */
  gtk_page_setup_set_orientation (setup, page->width > page->height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                                     : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 GPtrArray         *pages)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  CtgReportPage *page;
  double scale;

  if (page_nr < 0 || (guint) page_nr >= pages->len)
    return;
  page = g_ptr_array_index (pages, page_nr);
  /* The whole A4 page on whatever paper, centred */
  scale = MIN (width / page->width, height / page->height);
  cairo_save (cr);
  cairo_translate (cr, (width - page->width * scale) / 2, (height - page->height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, page->width, page->height);
  cairo_clip (cr);
  cairo_set_source (cr, page->pattern);
  cairo_paint (cr);
  cairo_restore (cr);
}

/**
 * ctg_print_operation_new:
 * @since: (nullable): the meeting to report changes and drift since,
 *   "" or %NULL for the last COPIL
 *
 * Returns: (transfer full) (nullable): a print operation for the COPIL
 *   report of @document, its pages already drawn
 */
GtkPrintOperation *
ctg_print_operation_new (CtgDocument *document,
                         const char  *since,
                         GError     **error)
{
  g_auto(CtgReportOptions) options = CTG_REPORT_OPTIONS_INIT;
  g_autoptr(CtgReport) report = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *title = ctg_document_dup_title (document, CTG_ITEM_CONVENTION, 1);
  GtkPrintOperation *operation;
  GPtrArray *pages;

  options.changes_since = _ctg_drift_since_effective (document, since);
  report = ctg_report_new (document, &options, error);
  if (report == NULL)
    return NULL;
  pages = ctg_report_render_pages (report, NULL, error);
  if (pages == NULL)
    return NULL;

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The report has its own margins, as in the PDF */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, (int) pages->len);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, title && title[0] ? title : _("COPIL report"));
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (on_request_page_setup_cb), pages);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), pages);
  g_object_set_data_full (G_OBJECT (operation), "ctg-pages", pages, (GDestroyNotify) g_ptr_array_unref);
  return operation;
}

/**
 * ctg_print_report:
 * @since: (nullable): as for ctg_print_operation_new()
 *
 * Shows the print dialog (with its preview and page setup) for the COPIL
 * report of @document, and prints it.
 */
void
ctg_print_report (GtkWindow   *parent,
                  CtgDocument *document,
                  const char  *since)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  operation = ctg_print_operation_new (document, since, &error);
  if (operation != NULL)
    gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (error != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("The report could not be printed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}
