/* test-window.c: the real window, driven through its widgets under Xvfb
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "ctg-action-editor.h"
#include "ctg-test-util.h"
#include "ctg-export-dialog.h"
#include "ctg-window-private.h"

static CtgWindow *
open_window (const char *slug,
             char      **path_out)
{
  g_autofree char *path = ctg_test_copy_example (slug);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CtgWindow *window = ctg_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ctg_window_load (window, file));
  ctg_test_spin (100);
  if (path_out)
    *path_out = g_steal_pointer (&path);
  return window;
}

static guint
count_rows (GtkListBox *box)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (box, (int) n) != NULL)
    n++;
  return n;
}

static GtkMenuButton *
find_menu_button (GtkWidget  *widget,
                  const char *icon_name)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), icon_name) == 0)
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_menu_button (child, icon_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_window_browse (void)
{
  CtgWindow *window = open_window ("creusot-montceau", NULL);
  GtkListBox *sidebar = _ctg_window_get_sidebar (window);
  GListModel *shown;

  /* Dashboard, Timeline, Overview, Évaluation and the three axes */
  g_assert_cmpuint (count_rows (sidebar), ==, 7);
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "overview");

  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 4));
  ctg_test_spin (50);
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "actions");
  shown = _ctg_window_get_shown_actions (window);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 17);

  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 6));
  ctg_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (_ctg_window_get_shown_actions (window)), ==, 4);

  /* The Évaluation page, by its row and by win.show-page */
  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 3));
  ctg_test_spin (50);
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "evaluation");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview"));
  ctg_test_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "evaluation"));
  ctg_test_spin (50);
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "evaluation");
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == gtk_list_box_get_row_at_index (sidebar, 3));
  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 6));
  ctg_test_spin (50);

  /* Activating a row opens the action */
  g_signal_emit_by_name (_ctg_window_get_actions_view (window), "activate", 0);
  ctg_test_spin (50);
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "action");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  ctg_test_spin (50);
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "actions");

  /* The menus are made when they first open */
  {
    GtkMenuButton *menu = find_menu_button (GTK_WIDGET (window), "view-more-symbolic");
    GtkPopover *popover;

    g_assert_nonnull (menu);
    gtk_menu_button_popup (menu);
    ctg_test_spin (50);
    popover = gtk_menu_button_get_popover (menu);
    g_assert_true (GTK_IS_POPOVER_MENU (popover));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
    g_assert_true (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)) != NULL);
    gtk_menu_button_popdown (menu);
    ctg_test_spin (50);
  }

  /* The keyboard shortcuts, made on first use. GTK 4.8's shortcuts window
   * warns that one of its own labels has a negative width under the
   * Adwaita style: only criticals stay fatal while it shows. */
  {
    GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
    ctg_test_spin (50);
    g_log_set_always_fatal (fatal);
  }
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    gboolean help_shown = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (GTK_IS_SHORTCUTS_WINDOW (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
            gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
          help_shown = TRUE;
      }
    g_assert_true (help_shown);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* TRUE once the list shows actions, and only actions that @matches */
static gboolean
shows_only_actions (CtgWindow  *window,
                    gboolean  (*matches) (CtgAction *, const char *),
                    const char *wanted)
{
  GListModel *shown = _ctg_window_get_shown_actions (window);
  guint n = g_list_model_get_n_items (shown);

  if (g_strcmp0 (_ctg_window_get_visible_page (window), "actions") != 0 || n == 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (shown, i);

      if (!matches (action, wanted))
        return FALSE;
    }
  return TRUE;
}

/* Every word of @words is in the action's text, accents and case aside */
static gboolean
has_words (CtgAction  *action,
           const char *words)
{
  g_auto(GStrv) wanted = g_strsplit (words, " ", -1);
  g_autofree char *pilots = ctg_action_dup_pilots_text (action);
  g_autofree char *text = g_strjoin (" ", ctg_action_get_code (action), ctg_action_get_title (action),
                                     ctg_action_get_description (action), pilots, NULL);
  g_autofree char *folded = ctg_text_fold (text);

  for (guint w = 0; wanted[w]; w++)
    if (strstr (folded, wanted[w]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
has_pilot (CtgAction  *action,
           const char *pilot)
{
  g_autofree char *pilots = ctg_action_dup_pilots_text (action);

  return strstr (pilots, pilot) != NULL;
}

/* TRUE once the list shows results for @words, and only such results */
static gboolean
shows_only (CtgWindow  *window,
            const char *words)
{
  return shows_only_actions (window, has_words, words);
}

static void
collect_drop_downs (GtkWidget *widget,
                    GPtrArray *found)
{
  if (GTK_IS_DROP_DOWN (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_drop_downs (child, found);
}

static void
test_window_search (void)
{
  CtgWindow *window = open_window ("creusot-montceau", NULL);
  GtkEditable *entry = _ctg_window_get_search_entry (window);
  g_autoptr(GPtrArray) filters = g_ptr_array_new ();
  GtkDropDown *pilot_filter;
  g_autofree char *pilot = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));

  /* The filters get their choices when the search bar opens: status,
   * pilot, échéance; choosing a pilot lists that pilot's actions */
  collect_drop_downs (GTK_WIDGET (window), filters);
  g_assert_cmpuint (filters->len, ==, 3);
  pilot_filter = g_ptr_array_index (filters, 1);
  g_assert_nonnull (gtk_drop_down_get_model (pilot_filter));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (pilot_filter)), >, 2);
  pilot = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (pilot_filter)), 1));
  gtk_drop_down_set_selected (pilot_filter, 1);
  CTG_TEST_WAIT_FOR (shows_only_actions (window, has_pilot, pilot));
  gtk_drop_down_set_selected (pilot_filter, 0);
  CTG_TEST_WAIT_FOR (g_strcmp0 (_ctg_window_get_visible_page (window), "overview") == 0);

  gtk_editable_set_text (entry, "laep");
  CTG_TEST_WAIT_FOR (shows_only (window, "laep"));

  /* Words are matched in any order, across every axis, accents ignored
   * ("enfants" finds "Enfants", "handicap" finds "handicapés") */
  gtk_editable_set_text (entry, "handicap enfants");
  CTG_TEST_WAIT_FOR (shows_only (window, "handicap enfants"));
  g_assert_false (shows_only (window, "laep"));
  gtk_editable_set_text (entry, "zzzz introuvable");
  CTG_TEST_WAIT_FOR (g_strcmp0 (_ctg_window_get_visible_page (window), "no-results") == 0);
  gtk_editable_set_text (entry, "");
  CTG_TEST_WAIT_FOR (g_strcmp0 (_ctg_window_get_visible_page (window), "overview") == 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every label's text in @widget, for the sidebar's rows */
static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s|", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static char *
row_text (GtkListBox *box,
          int         index)
{
  GString *text = g_string_new (NULL);

  collect_labels (GTK_WIDGET (gtk_list_box_get_row_at_index (box, index)), text);
  return g_string_free (text, FALSE);
}

/* An edit of one action (which the window applies to that action only)
 * shows in the list, the sidebar's figures and the search, as does its undo */
static void
test_window_edit_one_action (void)
{
  CtgWindow *window = open_window ("creusot-montceau", NULL);
  CtgDocument *doc = ctg_window_get_document (window);
  GtkListBox *sidebar = _ctg_window_get_sidebar (window);
  GtkEditable *entry = _ctg_window_get_search_entry (window);
  g_autoptr(CtgAction) action = NULL;
  g_autoptr(CtgAction) shown = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *axis_row = NULL;
  g_autofree char *dashboard_row = NULL;
  gint64 id;

  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 4));
  ctg_test_spin (50);
  action = g_list_model_get_item (_ctg_window_get_shown_actions (window), 2);
  id = ctg_action_get_id (action);
  axis_row = row_text (sidebar, 4);
  g_assert_nonnull (strstr (axis_row, "17 actions|"));

  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, id, "title", "Titre changé dans la liste", &error));
  g_assert_no_error (error);
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, id, "progress", "50", &error));
  g_assert_no_error (error);
  ctg_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (_ctg_window_get_shown_actions (window)), ==, 17);
  shown = g_list_model_get_item (_ctg_window_get_shown_actions (window), 2);
  g_assert_cmpint (ctg_action_get_id (shown), ==, id);
  g_assert_cmpstr (ctg_action_get_title (shown), ==, "Titre changé dans la liste");
  g_clear_pointer (&axis_row, g_free);
  axis_row = row_text (sidebar, 4);
  g_assert_nonnull (strstr (axis_row, "17 actions · 50 %|"));
  dashboard_row = row_text (sidebar, 0);
  g_assert_nonnull (strstr (dashboard_row, "34 actions · 50 %|"));
  /* The other axes' figures are as they were */
  g_clear_pointer (&axis_row, g_free);
  axis_row = row_text (sidebar, 5);
  g_assert_null (strstr (axis_row, "%"));

  /* Undone: back in the list and the figures */
  g_assert_true (ctg_document_undo (doc, &error));
  ctg_test_spin (50);
  g_clear_object (&shown);
  shown = g_list_model_get_item (_ctg_window_get_shown_actions (window), 2);
  g_assert_cmpstr (ctg_action_get_title (shown), ==, "Titre changé dans la liste");
  g_clear_pointer (&axis_row, g_free);
  axis_row = row_text (sidebar, 4);
  g_assert_nonnull (strstr (axis_row, "17 actions|"));
  g_assert_true (ctg_document_undo (doc, &error));
  ctg_test_spin (50);
  g_clear_object (&shown);
  shown = g_list_model_get_item (_ctg_window_get_shown_actions (window), 2);
  g_assert_cmpstr (ctg_action_get_title (shown), ==, ctg_action_get_title (action));

  /* A search follows the edited text: the action comes, then goes */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  gtk_editable_set_text (entry, "zébulon");
  CTG_TEST_WAIT_FOR (g_strcmp0 (_ctg_window_get_visible_page (window), "no-results") == 0);
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, id, "title", "Le manège de Zébulon", &error));
  CTG_TEST_WAIT_FOR (shows_only (window, "zebulon"));
  g_assert_cmpuint (g_list_model_get_n_items (_ctg_window_get_shown_actions (window)), ==, 1);
  g_assert_true (ctg_document_undo (doc, &error));
  CTG_TEST_WAIT_FOR (g_strcmp0 (_ctg_window_get_visible_page (window), "no-results") == 0);
  gtk_editable_set_text (entry, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
label_shown (GtkWidget  *widget,
             GtkWidget  *top,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    {
      for (GtkWidget *w = widget; w != top; w = gtk_widget_get_parent (w))
        if (!gtk_widget_get_visible (w))
          return FALSE;
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (label_shown (child, top, text))
      return TRUE;
  return FALSE;
}

/* The rows on screen (the list is scrolled to the top) show their
 * objective's title exactly where the objective changes */
static gboolean
headings_right (CtgWindow *window)
{
  GListModel *shown = _ctg_window_get_shown_actions (window);
  CtgDocument *doc = ctg_window_get_document (window);
  GtkWidget *view = GTK_WIDGET (_ctg_window_get_actions_view (window));
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (view); child; child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(CtgAction) action = NULL;
      g_autoptr(CtgAction) previous = NULL;
      g_autofree char *objective = NULL;
      gboolean expected;

      if (!gtk_widget_get_visible (child) || i >= g_list_model_get_n_items (shown))
        continue;
      action = g_list_model_get_item (shown, i);
      previous = i > 0 ? g_list_model_get_item (shown, i - 1) : NULL;
      objective = ctg_document_dup_text (doc, CTG_ITEM_OBJECTIVE, ctg_action_get_objective_id (action), "title");
      expected = previous == NULL || ctg_action_get_objective_id (previous) != ctg_action_get_objective_id (action);
      if (label_shown (child, child, objective) != expected)
        return FALSE;
      i++;
    }
  return i > 0;
}

/* Typing narrows the list without giving it a new model: the rows left get
 * their objective's heading where the row above went */
static void
test_window_search_headings (void)
{
  CtgWindow *window = open_window ("creusot-montceau", NULL);
  GtkEditable *entry = _ctg_window_get_search_entry (window);
  const char *queries[] = { "e", "en", "enf", "enfa", "enfan", "a", "ac", "acc", "accu", "accue", "p", "pa", "par" };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      const char *text = gtk_editable_get_text (entry);
      int position = (int) strlen (text);

      /* Typed one character at a time, as a user does (replacing the text
       * would empty the entry for a moment and rebuild the list) */
      if (position > 0 && g_str_has_prefix (queries[q], text))
        gtk_editable_insert_text (entry, queries[q] + position, -1, &position);
      else
        gtk_editable_set_text (entry, queries[q]);
      CTG_TEST_WAIT_FOR (shows_only (window, queries[q]));
      ctg_test_spin (50);
      g_assert_true (headings_right (window));
    }
  gtk_editable_set_text (entry, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_undo (void)
{
  g_autofree char *path = NULL;
  CtgWindow *window = open_window ("m2a", &path);
  CtgDocument *document = ctg_window_get_document (window);
  GtkListBox *sidebar = _ctg_window_get_sidebar (window);
  g_autoptr(GError) error = NULL;

  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 4));
  ctg_test_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-action", NULL));
  ctg_test_spin (50);
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "action");
  g_assert_cmpuint (g_list_model_get_n_items (ctg_document_list_actions (document, 0)), ==, 16);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ctg_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (ctg_document_list_actions (document, 0)), ==, 15);
  /* The action shown is gone: back to its axis */
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "actions");
  g_assert_cmpuint (g_list_model_get_n_items (_ctg_window_get_shown_actions (window)), ==, 6);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  ctg_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (_ctg_window_get_shown_actions (window)), ==, 7);

  gtk_window_destroy (GTK_WINDOW (window));

  /* Closed with nothing to save: the file has it */
  {
    g_autoptr(CtgDocument) reopened = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);
    g_autoptr(GListModel) actions = NULL;

    g_assert_no_error (error);
    actions = ctg_document_list_actions (reopened, 0);
    g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 16);
  }
}


static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Type in an entry row and press its apply button, as a user does */
static void
apply_entry (CtgWindow  *window,
             const char *name,
             const char *text)
{
  GtkWidget *row = find_named (_ctg_window_get_action_editor (window), name);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  ctg_test_spin (50);
}

static void
test_window_edit_action (void)
{
  g_autofree char *path = NULL;
  CtgWindow *window = open_window ("creusot-montceau", &path);
  GtkListBox *sidebar = _ctg_window_get_sidebar (window);
  g_autoptr(GFile) file = NULL;
  g_autoptr(CtgAction) shown = NULL;
  gint64 action_id;

  /* Axis 1, first action */
  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 4));
  ctg_test_spin (50);
  shown = g_list_model_get_item (_ctg_window_get_shown_actions (window), 0);
  action_id = ctg_action_get_id (shown);
  g_signal_emit_by_name (_ctg_window_get_actions_view (window), "activate", 0);
  ctg_test_spin (50);
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "action");

  apply_entry (window, "echeance-row", "06/2026");
  apply_entry (window, "pilots-add-row", "Marie CURIE (coordinatrice, Caf)");
  gtk_window_destroy (GTK_WINDOW (window));
  ctg_test_spin (50);

  /* Reopened: the changes are in the file */
  file = g_file_new_for_path (path);
  window = ctg_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ctg_window_load (window, file));
  {
    g_autoptr(CtgAction) action = ctg_document_get_action (ctg_window_get_document (window), action_id);
    GPtrArray *pilots = ctg_action_get_pilots (action);
    const CtgParticipant *last = g_ptr_array_index (pilots, pilots->len - 1);

    g_assert_cmpuint (ctg_action_get_echeance (action)->year, ==, 2026);
    g_assert_cmpuint (ctg_action_get_echeance (action)->month, ==, 6);
    g_assert_cmpstr (last->name, ==, "Marie CURIE");
    g_assert_cmpstr (last->role, ==, "coordinatrice, Caf");
  }

  /* Undo, from the window, after reopening */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ctg_test_spin (50);
  {
    g_autoptr(CtgAction) action = ctg_document_get_action (ctg_window_get_document (window), action_id);
    GPtrArray *pilots = ctg_action_get_pilots (action);

    for (guint i = 0; i < pilots->len; i++)
      g_assert_cmpstr (((CtgParticipant *) g_ptr_array_index (pilots, i))->name, !=, "Marie CURIE");
    g_assert_cmpuint (ctg_action_get_echeance (action)->month, ==, 6);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_export_pdf (void)
{
  CtgWindow *window = open_window ("baronnies", NULL);
  g_autofree char *pdf = ctg_test_tmp_path ("copil.pdf");
  CtgExportDialog *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(CtgReportOptions) options = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  ctg_test_spin (50);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (CTG_IS_EXPORT_DIALOG (toplevel))
        dialog = CTG_EXPORT_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);

  /* Defaults: today's meeting, summary and timeline, every axis */
  options = ctg_export_dialog_get_options (dialog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ctg_report_options_get_meeting_date (options));
  g_assert_true (ctg_report_options_get_parts (options) & CTG_REPORT_PART_TIMELINE);

  ctg_export_dialog_export_to (dialog, pdf);
  CTG_TEST_WAIT_FOR (g_file_test (pdf, G_FILE_TEST_EXISTS));
  ctg_test_spin (200);
  {
    gsize length;
    g_autofree char *bytes = ctg_test_read_file (pdf, &length);
    g_assert_cmpmem (bytes, 5, "%PDF-", 5);
    g_assert_cmpuint (length, >, 10000);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_reorder (void)
{
  CtgWindow *window = open_window ("m2a", NULL);
  CtgDocument *document = ctg_window_get_document (window);
  GtkListBox *sidebar = _ctg_window_get_sidebar (window);
  g_autoptr(CtgAction) second = NULL;
  g_autoptr(GArray) objectives = NULL;
  g_autoptr(GArray) after = NULL;
  gint64 objective;

  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 4));
  ctg_test_spin (50);
  second = g_list_model_get_item (_ctg_window_get_shown_actions (window), 1);
  objective = ctg_action_get_objective_id (second);
  g_signal_emit_by_name (_ctg_window_get_actions_view (window), "activate", 1);
  ctg_test_spin (50);

  /* Move it above the first one of its objective */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-action-up", NULL));
  ctg_test_spin (50);
  {
    g_autoptr(GArray) ids = ctg_document_list_ids (document, CTG_ITEM_ACTION, objective);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, ctg_action_get_id (second));
  }

  /* A new objective in the axis, with a first action to show it */
  objectives = ctg_document_list_ids (document, CTG_ITEM_OBJECTIVE, ctg_action_get_axis_id (second));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  ctg_test_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-objective", NULL));
  ctg_test_spin (50);
  after = ctg_document_list_ids (document, CTG_ITEM_OBJECTIVE, ctg_action_get_axis_id (second));
  g_assert_cmpuint (after->len, ==, objectives->len + 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_bad_file (void)
{
  g_autofree char *path = ctg_test_tmp_path ("notes.ctg");
  g_autoptr(GFile) file = NULL;
  CtgWindow *window = ctg_window_new (NULL);
  GtkWidget *dialog;

  g_file_set_contents (path, "pas une convention", -1, NULL);
  file = g_file_new_for_path (path);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_false (ctg_window_load (window, file));
  ctg_test_spin (50);
  dialog = _ctg_window_get_error_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "notes.ctg"));
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "welcome");
  g_assert_null (ctg_window_get_document (window));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_already_open (void)
{
  g_autofree char *path = NULL;
  CtgWindow *first = open_window ("m2a", &path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CtgWindow *second = ctg_window_new (NULL);
  GtkWidget *dialog;

  gtk_window_present (GTK_WINDOW (second));
  g_assert_false (ctg_window_load (second, file));
  dialog = _ctg_window_get_error_dialog (second);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "read-only"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (second));
  gtk_window_destroy (GTK_WINDOW (first));
}

static void
test_window_read_only (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autoptr(GError) error = NULL;
  CtgWindow *window = ctg_window_new (NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (getuid () == 0)
    {
      g_test_skip ("root can write to read-only files");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  g_chmod (path, 0444);
  g_assert_true (ctg_window_load (window, file));
  g_assert_true (ctg_document_is_read_only (ctg_window_get_document (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-axis", NULL);
  ctg_test_spin (50);
  {
    g_autoptr(GArray) axes = ctg_document_list_ids (ctg_window_get_document (window), CTG_ITEM_AXIS, 0);
    g_assert_cmpuint (axes->len, ==, 4);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue 19: the file replaced under the window (a sync client, mv) */
static void
test_window_file_replaced (void)
{
  g_autofree char *path = NULL;
  g_autofree char *other = ctg_test_copy_example ("creusot-montceau");
  g_autofree char *other_data = NULL;
  g_autofree char *after = NULL;
  CtgWindow *window = open_window ("m2a", &path);
  CtgDocument *document = ctg_window_get_document (window);
  GtkWidget *button = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), CTG_TYPE_WINDOW,
                                                     "detached_save_button");
  GtkRevealer *banner = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window), CTG_TYPE_WINDOW,
                                                                     "read_only_revealer"));
  gsize length, length2;

  g_assert_false (gtk_widget_get_visible (button));
  other_data = ctg_test_read_file (other, &length);
  g_assert_cmpint (g_rename (other, path), ==, 0);

  CTG_TEST_WAIT_FOR (gtk_widget_get_visible (button) && gtk_revealer_get_reveal_child (banner));
  g_assert_true (ctg_document_is_read_only (document));

  /* Nothing more is written to the file now at that path */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-axis", NULL);
  ctg_test_spin (50);
  after = ctg_test_read_file (path, &length2);
  g_assert_cmpmem (after, length2, other_data, length);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkTextView *
find_text_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return GTK_TEXT_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkTextView *view = find_text_view (child);

      if (view != NULL)
        return view;
    }
  return NULL;
}

/* Issue 19: a title of one unbroken 20,000-character word, from a file made
 * elsewhere (edits refuse it), shows without freezing: laid out by
 * characters (WORD_CHAR lays the word out again for every line: 12 s for
 * 10,000 characters, over 10 minutes for 100,000) */
static void
test_window_long_word (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CtgWindow *window;
  GtkWidget *editor;
  GtkTextView *view;
  sqlite3 *db = NULL;
  gint64 start;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE action SET title = replace(hex(zeroblob(10000)), '0', 'x') WHERE id = 1;"
                                     "UPDATE action SET title = 'Une action au titre ordinaire' WHERE id = 2;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  window = ctg_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ctg_window_load (window, file));
  ctg_test_spin (100);
  start = g_get_monotonic_time ();
  _ctg_window_show_action (window, 1);
  ctg_test_spin (100);
  g_print ("# an action titled with one 20,000-character word shown in %.2f s\n",
           (g_get_monotonic_time () - start) / 1e6);

  editor = _ctg_window_get_action_editor (window);
  view = find_text_view ((GtkWidget *) gtk_widget_get_template_child (editor, CTG_TYPE_ACTION_EDITOR, "title_row"));
  g_assert_nonnull (view);
  g_assert_cmpint (gtk_text_view_get_wrap_mode (view), ==, GTK_WRAP_CHAR);

  _ctg_window_show_action (window, 2);
  ctg_test_spin (50);
  g_assert_cmpint (gtk_text_view_get_wrap_mode (view), ==, GTK_WRAP_WORD_CHAR);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ctg_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/window/browse", test_window_browse);
  g_test_add_func ("/window/search", test_window_search);
  g_test_add_func ("/window/undo", test_window_undo);
  g_test_add_func ("/window/edit-one-action", test_window_edit_one_action);
  g_test_add_func ("/window/search-headings", test_window_search_headings);
  g_test_add_func ("/window/edit-action", test_window_edit_action);
  g_test_add_func ("/window/export-pdf", test_window_export_pdf);
  g_test_add_func ("/window/reorder", test_window_reorder);
  g_test_add_func ("/window/bad-file", test_window_bad_file);
  g_test_add_func ("/window/already-open", test_window_already_open);
  g_test_add_func ("/window/read-only", test_window_read_only);
  g_test_add_func ("/window/file-replaced", test_window_file_replaced);
  g_test_add_func ("/window/long-word", test_window_long_word);

  return g_test_run ();
}
