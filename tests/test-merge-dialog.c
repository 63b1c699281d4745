/* test-merge-dialog.c: "Merge a Copy…", from the review to Ctrl+Z
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ctg-test-util.h"
#include "ctg-test-widgets.h"
#include "ctg-merge-dialog.h"
#include "ctg-window-private.h"

/* The button of @choice for the conflict at @index */
typedef struct
{
  guint          index;
  CtgMergeChoice choice;
} ChoiceButton;

static gboolean
is_choice_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  const ChoiceButton *wanted = data;

  return GTK_IS_TOGGLE_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "merge-choice") != NULL &&
         GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "conflict-index")) == wanted->index &&
         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "merge-choice")) == (int) wanted->choice;
}

static GtkToggleButton *
find_choice (GtkWidget      *dialog,
             guint           index,
             CtgMergeChoice  choice)
{
  ChoiceButton wanted = { index, choice };

  return GTK_TOGGLE_BUTTON (ctg_test_find_widget (dialog, is_choice_button, &wanted));
}

static void
on_destroy_cb (gboolean *destroyed)
{
  *destroyed = TRUE;
}

static guint
find_conflict (CtgMerge   *merge,
               const char *field)
{
  GPtrArray *conflicts = ctg_merge_get_conflicts (merge);

  for (guint i = 0; i < conflicts->len; i++)
    if (g_strcmp0 (((CtgMergeConflict *) g_ptr_array_index (conflicts, i))->field, field) == 0)
      return i;
  g_assert_not_reached ();
}

static char *
text (CtgDocument *doc,
      gint64       id,
      const char  *field)
{
  return ctg_document_dup_text (doc, CTG_ITEM_ACTION, id, field);
}

/* The copies both change action 1's title and action 2's status; the
 * other copy also sets action 3's progress. The review lists the two
 * conflicts side by side; ours is kept for the title, theirs for the
 * status; Apply brings them and the progress; Ctrl+Z gives the file back
 * as it was before the merge. */
static void
test_merge_dialog_review (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autofree char *theirs_path = ctg_test_tmp_path ("theirs.ctg");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) theirs_file = g_file_new_for_path (theirs_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *value = NULL;
  CtgWindow *window = ctg_window_new (NULL);
  CtgMergeDialog *dialog;
  CtgDocument *doc;
  CtgMerge *merge;
  GtkToggleButton *button;
  gsize length;
  guint title, status;
  gboolean destroyed = FALSE;

  data = ctg_test_read_file (path, &length);
  g_assert_true (g_file_set_contents (theirs_path, data, (gssize) length, NULL));
  {
    g_autoptr(CtgDocument) theirs = ctg_document_open (theirs_path, CTG_OPEN_FLAGS_NONE, &error);

    g_assert_no_error (error);
    g_assert_true (ctg_document_set (theirs, CTG_ITEM_ACTION, 1, "title", "Titre de l’autre copie", &error));
    g_assert_true (ctg_document_set (theirs, CTG_ITEM_ACTION, 2, "status", "postponed", &error));
    g_assert_true (ctg_document_set (theirs, CTG_ITEM_ACTION, 3, "progress", "60", &error));
    ctg_document_close (theirs);
  }

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ctg_window_load (window, file));
  ctg_test_spin (100);
  doc = ctg_window_get_document (window);
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 1, "title", "Notre titre", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 2, "status", "done", &error));
  g_assert_no_error (error);

  dialog = ctg_merge_dialog_open_file (window, theirs_file);
  g_assert_nonnull (dialog);
  ctg_test_spin (100);
  merge = ctg_merge_dialog_get_merge (dialog);
  g_assert_cmpuint (ctg_merge_get_conflicts (merge)->len, ==, 2);
  g_assert_cmpuint (ctg_merge_count_unresolved (merge), ==, 2);

  /* Nothing applies while a conflict is open */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.apply", NULL);
  ctg_test_spin (50);
  value = text (doc, 3, "progress");
  g_assert_null (value);

  title = find_conflict (merge, "title");
  button = find_choice (GTK_WIDGET (dialog), title, CTG_MERGE_OURS);
  g_assert_nonnull (button);
  gtk_toggle_button_set_active (button, TRUE);
  CTG_TEST_WAIT_FOR (ctg_merge_count_unresolved (merge) == 1);
  ctg_test_spin (50);

  status = find_conflict (merge, "status");
  button = find_choice (GTK_WIDGET (dialog), status, CTG_MERGE_THEIRS);
  g_assert_nonnull (button);
  gtk_toggle_button_set_active (button, TRUE);
  CTG_TEST_WAIT_FOR (ctg_merge_count_unresolved (merge) == 0);
  ctg_test_spin (50);
  /* The choice shows on its button once the review is redrawn */
  button = find_choice (GTK_WIDGET (dialog), status, CTG_MERGE_THEIRS);
  g_assert_true (gtk_toggle_button_get_active (button));

  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (on_destroy_cb), &destroyed);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.apply", NULL));
  ctg_test_spin (50);
  /* Applied, the review is gone */
  g_assert_true (destroyed || dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (dialog)));

  g_free (value);
  value = text (doc, 1, "title");
  g_assert_cmpstr (value, ==, "Notre titre");
  g_free (value);
  value = text (doc, 2, "status");
  g_assert_cmpstr (value, ==, "postponed");
  g_free (value);
  value = text (doc, 3, "progress");
  g_assert_cmpstr (value, ==, "60");

  /* Ctrl+Z: the file as it was before the merge */
  g_free (value);
  value = ctg_document_dup_undo_label (doc);
  g_assert_true (g_str_has_prefix (value, "Merge “") && g_str_has_suffix (value, "theirs.ctg”"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ctg_test_spin (50);
  g_free (value);
  value = text (doc, 1, "title");
  g_assert_cmpstr (value, ==, "Notre titre");
  g_free (value);
  value = text (doc, 2, "status");
  g_assert_cmpstr (value, ==, "done");
  g_free (value);
  value = text (doc, 3, "progress");
  g_assert_null (value);

  gtk_window_destroy (GTK_WINDOW (window));
  ctg_test_spin (50);
}

/* A file that is not a copy of this convention: refused, said why */
static void
test_merge_dialog_refused (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autofree char *other = ctg_test_copy_example ("baronnies");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  CtgWindow *window = ctg_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ctg_window_load (window, file));
  ctg_test_spin (100);
  g_assert_null (ctg_merge_dialog_open_file (window, other_file));
  ctg_test_spin (50);
  gtk_window_destroy (GTK_WINDOW (window));
  ctg_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  ctg_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/merge-dialog/review", test_merge_dialog_review);
  g_test_add_func ("/merge-dialog/refused", test_merge_dialog_refused);

  return g_test_run ();
}
