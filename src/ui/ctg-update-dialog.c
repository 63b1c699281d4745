/* ctg-update-dialog.c: spreadsheets in the app: import a plan, export a
 * sheet to fill, and review the partners' updates before applying them
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-update-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ctg-editor-util.h"
#include "ctg-application.h"
#include "ctg-update-dialog.h"

struct _CtgUpdateDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  GtkListBox       *list;

  /* Owned references */
  CtgDocument      *document;
  GPtrArray        *changes;    /* CtgPlanChange */
};

G_DEFINE_FINAL_TYPE (CtgUpdateDialog, ctg_update_dialog, ADW_TYPE_MESSAGE_DIALOG)


static void
on_check_toggled_cb (GtkCheckButton *check,
                     CtgPlanChange  *change)
{
  CtgUpdateDialog *self = g_object_get_data (G_OBJECT (check), "dialog");
  guint ticked;

  change->apply = gtk_check_button_get_active (check);
  ticked = ctg_update_dialog_count_ticked (self);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply", ticked > 0);
}

static GtkWidget *
change_row (CtgUpdateDialog *self,
            CtgPlanChange   *change)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = ctg_plan_change_describe (change);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  if (change->action_id != 0)
    /* Translators: the action a change is about, and the row of the sheet it comes from */
    title = g_strdup_printf (_("%s (row %u)"), change->action_title, change->line);
  else
    title = g_strdup_printf (_("New action (row %u)"), change->line);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), change->apply);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);
  g_object_set_data (G_OBJECT (check), "dialog", self);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), change);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static void
on_response_cb (CtgUpdateDialog *self,
                const char      *response)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (g_strcmp0 (response, "apply") == 0 && !ctg_update_dialog_apply (self, &error))
    _ctg_message_dialog_show (parent, _("Could Not Apply the Updates"), error->message);
}

static void
ctg_update_dialog_dispose (GObject *object)
{
  CtgUpdateDialog *self = CTG_UPDATE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CTG_TYPE_UPDATE_DIALOG);
  g_clear_object (&self->document);
  g_clear_pointer (&self->changes, g_ptr_array_unref);

  G_OBJECT_CLASS (ctg_update_dialog_parent_class)->dispose (object);
}

static void
ctg_update_dialog_class_init (CtgUpdateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ctg_update_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ctgplanner/CtgPlanner/ui/ctg-update-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CtgUpdateDialog, list);
}

static void
ctg_update_dialog_init (CtgUpdateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
}

/**
 * ctg_update_dialog_new:
 * @changes: (element-type CtgPlanChange): from ctg_plan_update_compute()
 *
 * The review of a returned sheet: one row per change, ticked; the advisor
 * unticks what to leave out, and Apply makes the rest one undo step.
 */
CtgUpdateDialog *
ctg_update_dialog_new (GtkWindow   *parent,
                       CtgDocument *document,
                       GPtrArray   *changes)
{
  CtgUpdateDialog *self = g_object_new (CTG_TYPE_UPDATE_DIALOG,
                                        "transient-for", parent,
                                        "modal", TRUE,
                                        NULL);
  g_autofree char *body = NULL;

  self->document = g_object_ref (document);
  self->changes = g_ptr_array_ref (changes);

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The sheet proposes %u change. Untick what should not be applied; "
                                       "the rest can be undone in one step.",
                                       "The sheet proposes %u changes. Untick what should not be applied; "
                                       "the rest can be undone in one step.", changes->len),
                          changes->len);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  for (guint i = 0; i < changes->len; i++)
    gtk_list_box_append (self->list, change_row (self, g_ptr_array_index (changes, i)));
  return self;
}

guint
ctg_update_dialog_count_ticked (CtgUpdateDialog *self)
{
  guint ticked = 0;

  g_return_val_if_fail (CTG_IS_UPDATE_DIALOG (self), 0);

  for (guint i = 0; i < self->changes->len; i++)
    if (((CtgPlanChange *) g_ptr_array_index (self->changes, i))->apply)
      ticked++;
  return ticked;
}

gboolean
ctg_update_dialog_apply (CtgUpdateDialog  *self,
                         GError          **error)
{
  g_return_val_if_fail (CTG_IS_UPDATE_DIALOG (self), FALSE);

  return ctg_plan_update_apply (self->document, self->changes, error);
}

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

static char *
read_chosen (GFile   *file,
             gsize   *length,
             GError **error)
{
  char *data = NULL;

  if (!g_file_load_contents (file, NULL, &data, length, NULL, error))
    return NULL;
  return data;
}

/* Importing a plan: the table, then where to create the convention */

static void
on_import_save_chosen_cb (GFile          *file,
                          GtkFileChooser *chooser,
                          GtkWindow      *parent)
{
  GBytes *table = g_object_get_data (G_OBJECT (chooser), "table");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *tmp_path = g_strdup_printf ("%s.%u.tmp", path, g_random_int ());
  g_autoptr(CtgDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (table, &length);

  /* Built aside and renamed into place: a failed import leaves nothing */
  document = ctg_document_create (tmp_path, &error);
  if (document != NULL && !ctg_document_import_plan (document, data, length, NULL, NULL, &error))
    {
      ctg_document_close (document);
      g_unlink (tmp_path);
    }
  else if (document != NULL)
    {
      ctg_document_close (document);
      if (g_rename (tmp_path, path) != 0)
        {
          g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno), "%s", g_strerror (errno));
          g_unlink (tmp_path);
        }
    }

  if (error != NULL)
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
  g_autofree char *data = NULL;
  GtkFileChooser *chooser;
  gsize length;

  data = read_chosen (file, &length, &error);
  if (data == NULL)
    {
      _ctg_message_dialog_show (parent, _("Could Not Import the Plan"), error->message);
      return;
    }

  chooser = _ctg_file_chooser_new (parent, _("Create the Convention"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                   _("_Create"), (CtgFileChosenFunc) on_import_save_chosen_cb, parent);
  gtk_file_chooser_set_current_name (chooser, _("Convention.ctg"));
  g_object_set_data_full (G_OBJECT (chooser), "table",
                          g_bytes_new_take (g_steal_pointer (&data), length),
                          (GDestroyNotify) g_bytes_unref);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * ctg_sheet_import_plan:
 *
 * Creates a convention from a plan table (.xlsx, .ods or .csv), as
 * `ctg import` does, and opens it.
 */
void
ctg_sheet_import_plan (GtkWindow *parent)
{
  GtkFileChooser *chooser = table_chooser_new (parent, NULL, _("Import a Plan Table"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), (CtgFileChosenFunc) on_import_open_chosen_cb);

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

/**
 * ctg_sheet_export:
 *
 * Writes the sheet for partners to fill, as .xlsx or, if the name ends in
 * .ods, as .ods.
 */
void
ctg_sheet_export (GtkWindow   *parent,
                  CtgDocument *document)
{
  GtkFileChooser *chooser = table_chooser_new (parent, document, _("Export a Sheet to Fill"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), (CtgFileChosenFunc) on_export_chosen_cb);

  /* Translators: the file name of the sheet sent to partners */
  gtk_file_chooser_set_current_name (chooser, _("Plan to fill.xlsx"));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Taking the partners' updates back */

static void
on_updates_chosen_cb (GFile          *file,
                      GtkFileChooser *chooser,
                      GtkWindow      *parent)
{
  CtgDocument *document = g_object_get_data (G_OBJECT (chooser), "document");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *data = NULL;
  gsize length;

  data = read_chosen (file, &length, &error);
  if (data != NULL)
    changes = ctg_plan_update_compute (document, data, length, NULL, NULL, &error);

  if (changes == NULL)
    _ctg_message_dialog_show (parent, _("Could Not Read the Updates"), error->message);
  else if (changes->len == 0)
    _ctg_message_dialog_show (parent, _("No Updates"), _("The sheet changes nothing in this convention."));
  else
    gtk_window_present (GTK_WINDOW (ctg_update_dialog_new (parent, document, changes)));
}

/**
 * ctg_sheet_import_updates:
 *
 * Reads a sheet the partners filled in and shows the changes it proposes.
 */
void
ctg_sheet_import_updates (GtkWindow   *parent,
                          CtgDocument *document)
{
  GtkFileChooser *chooser = table_chooser_new (parent, document, _("Import the Updates"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), (CtgFileChosenFunc) on_updates_chosen_cb);

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
