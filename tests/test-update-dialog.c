/* test-update-dialog.c: the review of a partners' sheet, in the app
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ctg-editor-util.h"
#include "ctg-sheet-choosers.h"
#include "ctg-test-util.h"
#include "ctg-test-widgets.h"
#include "ctg-update-dialog.h"
#include "ctg-window-private.h"

static CtgDocument *
open_update_fixture (void)
{
  g_autofree char *source = g_build_filename (g_getenv ("CTG_TEST_FIXTURES"), "sheets", "update.ctg", NULL);
  g_autofree char *dest = ctg_test_tmp_path ("update.ctg");
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  CtgDocument *doc;
  gsize length;

  data = ctg_test_read_file (source, &length);
  g_assert_true (g_file_set_contents (dest, data, (gssize) length, NULL));
  doc = ctg_document_open (dest, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  return doc;
}

/* One row per change, each with its check button; unticking leaves that
 * change out, and Apply is one undo step */
static void
test_review (void)
{
  g_autoptr(CtgDocument) doc = open_update_fixture ();
  g_autofree char *path = g_build_filename (g_getenv ("CTG_TEST_FIXTURES"), "sheets", "update-returned.ods", NULL);
  g_autoptr(GBytes) sheet = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgAction) three = NULL;
  g_autoptr(CtgAction) five = NULL;
  g_autofree char *before = ctg_document_export_csv (doc, ';');
  g_autofree char *after = NULL;
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  CtgUpdateDialog *dialog;
  GtkWidget *first_check = NULL;
  guint rows = 0;

  sheet = ctg_test_read_bytes (path);
  changes = ctg_plan_update_compute (doc, sheet, NULL, NULL, &error);
  g_assert_no_error (error);

  dialog = ctg_update_dialog_new (parent, doc, changes);
  gtk_window_present (GTK_WINDOW (dialog));
  ctg_test_spin (50);

  /* The rows and their check buttons */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dialog)); child != NULL;)
    {
      if (ADW_IS_ACTION_ROW (child))
        {
          rows++;
          if (first_check == NULL)
            {
              GtkWidget *w = child;

              while (w != NULL && !GTK_IS_CHECK_BUTTON (w))
                w = gtk_widget_get_first_child (w) ? gtk_widget_get_first_child (w) : gtk_widget_get_next_sibling (w);
              first_check = w;
            }
        }
      /* Depth first through the dialog */
      if (gtk_widget_get_first_child (child) != NULL && !ADW_IS_ACTION_ROW (child))
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != NULL && gtk_widget_get_next_sibling (child) == NULL)
            {
              child = gtk_widget_get_parent (child);
              if (child == GTK_WIDGET (dialog))
                child = NULL;
            }
          if (child != NULL)
            child = gtk_widget_get_next_sibling (child);
        }
    }
  g_assert_cmpuint (rows, ==, 6);

  /* CTG_SCREENSHOT=FILE.png: the dialog as shown, to look at */
  if (g_getenv ("CTG_SCREENSHOT") != NULL)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (dialog));
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;

      ctg_test_spin (500);
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (dialog)),
                              gtk_widget_get_height (GTK_WIDGET (dialog)));
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (dialog)), node, NULL);
      g_assert_true (gdk_texture_save_to_png (texture, g_getenv ("CTG_SCREENSHOT")));
    }
  g_assert_nonnull (first_check);
  g_assert_cmpuint (ctg_update_dialog_count_ticked (dialog), ==, 6);

  /* Untick the first (action 3's status) and apply */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (first_check), FALSE);
  g_assert_cmpuint (ctg_update_dialog_count_ticked (dialog), ==, 5);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  ctg_test_spin (50);

  three = ctg_document_get_action (doc, 3);
  five = ctg_document_get_action (doc, 5);
  g_assert_cmpint (ctg_action_get_status (three), ==, CTG_STATUS_TODO);
  g_assert_cmpint (ctg_action_get_status (five), ==, CTG_STATUS_ABANDONED);

  g_assert_true (ctg_document_undo (doc, &error));
  after = ctg_document_export_csv (doc, ';');
  g_assert_cmpstr (after, ==, before);

  gtk_window_destroy (parent);
}

/* The labels of the toast @window shows, "title|button|" (a toast queued
 * behind another is not seen) */
static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s|", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

/* The Undo button of a toast */
static gboolean
is_toast_undo (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.toast-undo") == 0;
}

/* Applied from the window, the sheet's changes are confirmed in a toast
 * with Undo, since the dialog closes: nothing said it had worked */
static void
test_applied_toast (void)
{
  g_autofree char *source = g_build_filename (g_getenv ("CTG_TEST_FIXTURES"), "sheets", "update.ctg", NULL);
  g_autofree char *copy = ctg_test_tmp_path ("update-toast.ctg");
  g_autofree char *sheet_path = g_build_filename (g_getenv ("CTG_TEST_FIXTURES"), "sheets", "update-returned.ods", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (copy);
  g_autoptr(GFile) sheet = g_file_new_for_path (sheet_path);
  g_autofree char *data = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  CtgWindow *window = ctg_window_new (NULL);
  CtgUpdateDialog *dialog = NULL;
  GtkWidget *content;
  gsize length;

  data = ctg_test_read_file (source, &length);
  g_assert_true (g_file_set_contents (copy, data, (gssize) length, NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ctg_window_load (window, file));
  ctg_test_spin (50);

  ctg_sheet_review_updates (GTK_WINDOW (window), ctg_window_get_document (window), sheet);
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (CTG_IS_UPDATE_DIALOG (l->data))
        dialog = l->data;
  }
  g_assert_nonnull (dialog);
  g_assert_cmpuint (ctg_update_dialog_count_ticked (dialog), ==, 6);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  ctg_test_spin (50);

  content = adw_toast_overlay_get_child (window->toast_overlay);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window->toast_overlay)); child;
       child = gtk_widget_get_next_sibling (child))
    if (child != content && gtk_widget_get_can_target (child))
      collect_labels (child, shown);
  g_assert_true (g_str_has_prefix (shown->str, "6 changes applied|"));
  g_assert_nonnull (strstr (shown->str, "Undo"));

  /* Its Undo takes the six back at once, and says so in the toast that
   * follows (the one clicked closes) */
  g_assert_true (ctg_document_can_undo (ctg_window_get_document (window)));
  {
    GtkWidget *button = ctg_test_find_widget (GTK_WIDGET (window->toast_overlay), is_toast_undo, NULL);

    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
  }
  g_assert_false (ctg_document_can_undo (ctg_window_get_document (window)));
  ctg_test_spin (50);
  g_string_truncate (shown, 0);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window->toast_overlay)); child;
       child = gtk_widget_get_next_sibling (child))
    if (child != content && gtk_widget_get_can_target (child))
      collect_labels (child, shown);
  g_assert_true (g_str_has_prefix (shown->str, "Undone: "));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_file_chosen_cb (GFile          *file,
                   GtkFileChooser *chooser,
                   gpointer        user_data)
{
  guint *n_chosen = user_data;

  g_assert_true (GTK_IS_FILE_CHOOSER (chooser));
  (*n_chosen)++;
}

/* The app's file choosers answer only when a file is accepted, and free
 * themselves once answered either way */
static void
test_file_chooser (void)
{
  guint n_chosen = 0;

  for (guint i = 0; i < 2; i++)
    {
      GtkFileChooser *chooser = _ctg_file_chooser_new (NULL, "Choose", GTK_FILE_CHOOSER_ACTION_SAVE, "_Save",
                                                       on_file_chosen_cb, &n_chosen);

      _ctg_file_chooser_add_filter (chooser, "Conventions", "application/x-ctg", "ctg");
      g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
      g_signal_emit_by_name (chooser, "response", i == 0 ? GTK_RESPONSE_CANCEL : GTK_RESPONSE_ACCEPT);
      g_assert_null (chooser);
      g_assert_cmpuint (n_chosen, ==, i);
    }
}

/* The dialog GtkFileChooserNative shows where there is no portal */
static GtkFileChooser *
find_chooser_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_FILE_CHOOSER (window);
    }
  return NULL;
}

/* Each spreadsheet action asks for its own file: a table to read, or a
 * sheet to write under the name offered */
static void
test_sheet_choosers (void)
{
  g_autoptr(CtgDocument) doc = open_update_fixture ();
  const struct
  {
    const char           *action_name;
    const char           *title;
    GtkFileChooserAction  action;
    const char           *name;
  } cases[] = {
    { "win.import-plan", "Import a Plan Table", GTK_FILE_CHOOSER_ACTION_OPEN, NULL },
    { "win.export-sheet", "Export a Sheet to Fill", GTK_FILE_CHOOSER_ACTION_SAVE, "Plan to fill.xlsx" },
    { "win.import-updates", "Import the Updates", GTK_FILE_CHOOSER_ACTION_OPEN, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *parent = gtk_window_new ();
      GtkFileChooser *chooser;
      g_autoptr(GListModel) filters = NULL;

      ctg_sheet_activate (GTK_WINDOW (parent), doc, cases[i].action_name);
      chooser = find_chooser_dialog ();
      g_assert_nonnull (chooser);
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, cases[i].title);
      g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, cases[i].action);
      filters = gtk_file_chooser_get_filters (chooser);
      /* The kinds of table it reads: all three, then each one */
      g_assert_cmpuint (g_list_model_get_n_items (filters), ==, cases[i].name == NULL ? 4 : 0);
      if (cases[i].name != NULL)
        {
          g_autofree char *name = gtk_file_chooser_get_current_name (chooser);

          g_assert_cmpstr (name, ==, cases[i].name);
        }
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      g_assert_null (find_chooser_dialog ());
      gtk_window_destroy (GTK_WINDOW (parent));
    }
}

int
main (int   argc,
      char *argv[])
{
  ctg_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/update-dialog/review", test_review);
  g_test_add_func ("/update-dialog/file-chooser", test_file_chooser);
  g_test_add_func ("/update-dialog/sheet-choosers", test_sheet_choosers);
  g_test_add_func ("/update-dialog/applied-toast", test_applied_toast);

  return g_test_run ();
}
