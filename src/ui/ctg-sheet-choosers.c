/* ctg-sheet-choosers.c: spreadsheets in the app: import a plan, export a
 * sheet to fill, take the partners' updates back (then reviewed in a
 * CtgUpdateDialog)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-sheet-choosers"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-editor-util.h"
#include "ctg-application.h"
#include "ctg-sheet-choosers.h"
#include "ctg-update-dialog.h"
#include "ctg-window-private.h"

/* The file choosers */

/* A chooser over @parent of a plan table or sheet to read (offering the
 * kinds it reads) or to write; @chosen finds @document, if any, in its
 * "document" */
static GtkFileChooser *
table_chooser_new (GtkWindow            *parent,
                   CtgDocument          *document,
                   const char           *title,
                   GtkFileChooserAction  action,
                   const char           *accept_label,
                   CtgFileChosenFunc     chosen)
{
  GtkFileChooser *chooser = _ctg_file_chooser_new (parent, title, action, accept_label, chosen, parent);
  g_autoptr(GtkFileFilter) all = NULL;

  if (document != NULL)
    g_object_set_data_full (G_OBJECT (chooser), "document", g_object_ref (document), g_object_unref);
  if (action != GTK_FILE_CHOOSER_ACTION_OPEN)
    return chooser;

  all = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("Plan tables (.xlsx, .ods, .csv)"));
  gtk_file_filter_add_suffix (all, "xlsx");
  gtk_file_filter_add_suffix (all, "ods");
  gtk_file_filter_add_suffix (all, "csv");
  gtk_file_filter_add_mime_type (all, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_mime_type (all, "application/vnd.oasis.opendocument.spreadsheet");
  gtk_file_filter_add_mime_type (all, "text/csv");
  gtk_file_chooser_add_filter (chooser, all);
  _ctg_file_chooser_add_filter (chooser, _("Excel spreadsheets (.xlsx)"),
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
  _ctg_file_chooser_add_filter (chooser, _("OpenDocument spreadsheets (.ods)"), "application/vnd.oasis.opendocument.spreadsheet", "ods");
  _ctg_file_chooser_add_filter (chooser, _("CSV files"), "text/csv", "csv");
  return chooser;
}

/* Read as `ctg import` reads: a huge file is refused at the limit, never
 * read whole first */
static GBytes *
read_chosen (GFile   *file,
             GError **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return ctg_csv_read_file (path, error);
  return g_file_load_bytes (file, NULL, NULL, error);
}

/* Importing a plan: the table, then where to create the convention */

static void
on_import_save_chosen_cb (GFile          *file,
                          GtkFileChooser *chooser,
                          GtkWindow      *parent)
{
  CtgPlanSource source = {
    .file = g_object_get_data (G_OBJECT (chooser), "source"),
    .table = g_object_get_data (G_OBJECT (chooser), "table"),
  };
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  /* The chooser asked before replacing a file */
  if (!ctg_document_create_from_plan (path, &source, TRUE, NULL, &error))
    _ctg_message_dialog_show (parent, _("Could Not Import the Plan"), error->message);
  else
    ctg_application_open_file (CTG_APPLICATION (gtk_window_get_application (parent)), file);
}

static void
on_import_open_chosen_cb (GFile          *file,
                          GtkFileChooser *table_chooser,
                          GtkWindow      *parent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) table = read_chosen (file, &error);
  GtkFileChooser *chooser;

  if (table == NULL)
    {
      _ctg_message_dialog_show (parent, _("Could Not Import the Plan"), error->message);
      return;
    }

  chooser = _ctg_file_chooser_new (parent, _("Create the Convention"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                   _("_Create"), (CtgFileChosenFunc) on_import_save_chosen_cb, parent);
  gtk_file_chooser_set_current_name (chooser, _("Convention.ctg"));
  g_object_set_data_full (G_OBJECT (chooser), "table", g_steal_pointer (&table),
                          (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (chooser), "source", g_file_get_path (file), g_free);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Exporting the sheet to fill */

static void
on_export_chosen_cb (GFile          *file,
                     GtkFileChooser *chooser,
                     GtkWindow      *parent)
{
  CtgDocument *document = g_object_get_data (G_OBJECT (chooser), "document");
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  gboolean ods = g_str_has_suffix (path, ".ods");

  if (!(ods ? ctg_document_export_ods (document, path, &error)
            : ctg_document_export_xlsx (document, path, &error)))
    _ctg_message_dialog_show (parent, _("Could Not Export the Sheet"), error->message);
}

/* Taking the partners' updates back */

/**
 * ctg_sheet_review_updates:
 * @file: a sheet the partners filled in
 *
 * Reads @file and shows the changes it proposes over @parent, whose
 * toasts, if it is a convention's window, say what was applied.
 */
void
ctg_sheet_review_updates (GtkWindow   *parent,
                          CtgDocument *document,
                          GFile       *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GBytes) sheet = read_chosen (file, &error);

  if (sheet != NULL)
    changes = ctg_plan_update_compute (document, sheet, NULL, NULL, &error);

  if (changes == NULL)
    _ctg_message_dialog_show (parent, _("Could Not Read the Updates"), error->message);
  else if (changes->len == 0)
    _ctg_message_dialog_show (parent, _("No Updates"), _("The sheet changes nothing in this convention."));
  else
    {
      CtgUpdateDialog *dialog = ctg_update_dialog_new (parent, document, changes);

      if (CTG_IS_WINDOW (parent))
        _ctg_window_follow_toasts (CTG_WINDOW (parent), GTK_WIDGET (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
on_updates_chosen_cb (GFile          *file,
                      GtkFileChooser *chooser,
                      GtkWindow      *parent)
{
  ctg_sheet_review_updates (parent, g_object_get_data (G_OBJECT (chooser), "document"), file);
}

/* What each spreadsheet action of the window asks for */
static const struct
{
  const char        *action_name;
  const char        *title;
  const char        *accept_label;
  const char        *save_name;   /* the name offered for a file to write, NULL for one to read */
  CtgFileChosenFunc  chosen;
} sheet_actions[] = {
  /* Creates a convention from a plan table, as `ctg import` does, and opens it */
  { "win.import-plan", N_("Import a Plan Table"), N_("_Import"), NULL,
    (CtgFileChosenFunc) on_import_open_chosen_cb },
  /* The sheet for partners to fill, as .xlsx or, if the name ends in .ods, as .ods */
  { "win.export-sheet", N_("Export a Sheet to Fill"), N_("_Export"),
    /* Translators: the file name of the sheet sent to partners */
    N_("Plan to fill.xlsx"),
    (CtgFileChosenFunc) on_export_chosen_cb },
  /* A sheet the partners filled in, its changes then reviewed */
  { "win.import-updates", N_("Import the Updates"), N_("_Import"), NULL,
    (CtgFileChosenFunc) on_updates_chosen_cb },
};

/**
 * ctg_sheet_activate:
 * @document: (nullable): the open convention, if any
 * @action_name: "win.import-plan", "win.export-sheet" or "win.import-updates"
 *
 * Asks for the spreadsheet the action reads or writes, then does it.
 */
void
ctg_sheet_activate (GtkWindow   *parent,
                    CtgDocument *document,
                    const char  *action_name)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (document == NULL || CTG_IS_DOCUMENT (document));

  for (guint i = 0; i < G_N_ELEMENTS (sheet_actions); i++)
    if (g_str_equal (sheet_actions[i].action_name, action_name))
      {
        const char *save_name = sheet_actions[i].save_name;
        GtkFileChooser *chooser = table_chooser_new (parent, document, _(sheet_actions[i].title),
                                                     save_name ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                                     _(sheet_actions[i].accept_label), sheet_actions[i].chosen);

        if (save_name != NULL)
          gtk_file_chooser_set_current_name (chooser, _(save_name));
        gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
        return;
      }
  g_return_if_reached ();
}
