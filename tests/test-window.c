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
#include "ctg-editor-util.h"
#include "ctg-test-util.h"
#include "ctg-test-widgets.h"
#include "ctg-convention-page-private.h"
#include "ctg-export-dialog.h"
#include "ctg-application.h"
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

static gboolean
is_menu_button_shown (GtkWidget     *widget,
                      gconstpointer  icon_name)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), icon_name) == 0;
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
  /* A list of navigation rows: one click opens an action */
  g_assert_true (gtk_list_view_get_single_click_activate (_ctg_window_get_actions_view (window)));
  g_signal_emit_by_name (_ctg_window_get_actions_view (window), "activate", 0);
  ctg_test_spin (50);
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "action");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  ctg_test_spin (50);
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "actions");

  /* The menus are made when they first open */
  {
    GtkMenuButton *menu = GTK_MENU_BUTTON (ctg_test_find_widget (GTK_WIDGET (window), is_menu_button_shown, "view-more-symbolic"));
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
  g_autofree char *folded = ctg_text_fold (pilots);
  g_autofree char *key = ctg_text_fold (pilot);

  /* One pilot whatever its case or accents */
  return strstr (folded, key) != NULL;
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

  /* The placeholder fits: the entry is as wide as it ("Rechercher des
   * actions" in French, 22 characters) */
  {
    g_autofree char *placeholder = NULL;
    int chars = gtk_editable_get_width_chars (entry);

    g_object_get (entry, "placeholder-text", &placeholder, NULL);
    g_assert_cmpint (chars, >=, 22);
    g_assert_cmpint (chars, >=, (int) g_utf8_strlen (placeholder, -1));
  }

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
  g_assert_cmpstr (adw_window_title_get_subtitle (window->content_title), ==, "0 actions · Whole convention");
  gtk_editable_set_text (entry, "");
  CTG_TEST_WAIT_FOR (g_strcmp0 (_ctg_window_get_visible_page (window), "overview") == 0);
  /* The search's count goes with it: the page is named again by the
   * convention's title */
  {
    g_autofree char *title = ctg_document_dup_text (ctg_window_get_document (window), CTG_ITEM_CONVENTION, 1, "title");

    g_assert_cmpstr (adw_window_title_get_subtitle (window->content_title), ==, title);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* While a search shows results the header says so, from the dashboard as
 * from an axis (the search spans the whole convention); the page's own
 * title comes back when it ends. An axis renamed meanwhile (an undo) does
 * not take the header back. */
static void
test_window_search_title (void)
{
  CtgWindow *window = open_window ("creusot-montceau", NULL);
  CtgDocument *doc = ctg_window_get_document (window);
  GtkEditable *entry = _ctg_window_get_search_entry (window);
  g_autoptr(GArray) axes = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
  gint64 axis = g_array_index (axes, gint64, 0);
  g_autofree char *axis_page = g_strdup_printf ("axis:%" G_GINT64_FORMAT, axis);
  g_autofree char *axis_title = ctg_document_dup_text (doc, CTG_ITEM_AXIS, axis, "title");
  g_autofree char *convention_title = ctg_document_dup_text (doc, CTG_ITEM_CONVENTION, 1, "title");
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard"));
  g_assert_cmpstr (adw_window_title_get_title (window->content_title), ==, "Dashboard");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  gtk_editable_set_text (entry, "laep");
  CTG_TEST_WAIT_FOR (shows_only (window, "laep"));
  g_assert_cmpstr (adw_window_title_get_title (window->content_title), ==, "Results for “laep”");
  g_assert_true (g_str_has_suffix (adw_window_title_get_subtitle (window->content_title), " · Whole convention"));
  gtk_editable_set_text (entry, "");
  CTG_TEST_WAIT_FOR (g_strcmp0 (_ctg_window_get_visible_page (window), "dashboard") == 0);
  g_assert_cmpstr (adw_window_title_get_title (window->content_title), ==, "Dashboard");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->content_title), ==, convention_title);

  /* From an axis */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", axis_page));
  g_assert_cmpstr (adw_window_title_get_title (window->content_title), ==, axis_title);
  gtk_editable_set_text (entry, "laep");
  CTG_TEST_WAIT_FOR (shows_only (window, "laep"));
  g_assert_cmpstr (adw_window_title_get_title (window->content_title), ==, "Results for “laep”");
  g_assert_true (ctg_document_set (doc, CTG_ITEM_AXIS, axis, "title", "Axe renommé", &error));
  g_assert_no_error (error);
  g_assert_true (ctg_document_undo (doc, &error));
  g_assert_no_error (error);
  ctg_test_spin (50);
  g_assert_cmpstr (adw_window_title_get_title (window->content_title), ==, "Results for “laep”");
  /* An action opened from the results is named by its title, and Back
   * comes to the results again */
  g_signal_emit_by_name (_ctg_window_get_actions_view (window), "activate", 0u);
  CTG_TEST_WAIT_FOR (g_strcmp0 (_ctg_window_get_visible_page (window), "action") == 0);
  g_assert_cmpstr (adw_window_title_get_title (window->content_title), !=, "Results for “laep”");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  CTG_TEST_WAIT_FOR (g_strcmp0 (_ctg_window_get_visible_page (window), "actions") == 0);
  g_assert_cmpstr (adw_window_title_get_title (window->content_title), ==, "Results for “laep”");
  gtk_editable_set_text (entry, "");
  ctg_test_spin (50);
  g_assert_cmpstr (adw_window_title_get_title (window->content_title), ==, axis_title);
  g_assert_cmpstr (adw_window_title_get_subtitle (window->content_title), ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A search typed, or a filter chosen, while an action is shown lists its
 * results at once: it used to leave the action on screen, the search
 * seeming to do nothing until Back */
static void
test_window_search_from_action (void)
{
  CtgWindow *window = open_window ("creusot-montceau", NULL);
  GtkEditable *entry = _ctg_window_get_search_entry (window);
  g_autoptr(GListModel) actions = ctg_document_list_actions (ctg_window_get_document (window), 0);
  g_autoptr(CtgAction) first = g_list_model_get_item (actions, 0);

  _ctg_window_show_action (window, ctg_action_get_id (first));
  ctg_test_spin (50);
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "action");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  ctg_test_spin (50);
  /* Opening the search bar alone leaves the action */
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "action");

  gtk_editable_set_text (entry, "laep");
  CTG_TEST_WAIT_FOR (shows_only (window, "laep"));

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

/* The labels on screen in @widget: a toast's hidden button has one */
static void
collect_shown_labels (GtkWidget *widget,
                      GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s|", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_shown_labels (child, text);
}

static char *
row_text (GtkListBox *box,
          int         index)
{
  GString *text = g_string_new (NULL);

  collect_labels (GTK_WIDGET (gtk_list_box_get_row_at_index (box, index)), text);
  return g_string_free (text, FALSE);
}

/* The labels of the toast on screen, "title|button|": AdwToastOverlay 1.2
 * has no getter, and a toast queued behind another is not seen. The one
 * shown is the overlay's child that is neither its content nor leaving. */
/* The AdwToast on screen: its widget (private to libadwaita) says it */
static AdwToast *
shown_toast_object (CtgWindow *window)
{
  GtkWidget *overlay = GTK_WIDGET (window->toast_overlay);
  GtkWidget *content = adw_toast_overlay_get_child (window->toast_overlay);
  AdwToast *toast = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child; child = gtk_widget_get_next_sibling (child))
    if (child != content && gtk_widget_get_can_target (child) &&
        g_object_class_find_property (G_OBJECT_GET_CLASS (child), "toast") != NULL)
      {
        g_object_get (child, "toast", &toast, NULL);
        g_object_unref (toast); /* the overlay holds it while shown */
      }
  return toast;
}

static char *
shown_toast (CtgWindow *window)
{
  GtkWidget *overlay = GTK_WIDGET (window->toast_overlay);
  GtkWidget *content = adw_toast_overlay_get_child (window->toast_overlay);
  GString *text = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child; child = gtk_widget_get_next_sibling (child))
    if (child != content && gtk_widget_get_can_target (child))
      collect_shown_labels (child, text);
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
  /* The actions à lancer with no progress: 0 %, not "no progress" */
  g_assert_nonnull (strstr (axis_row, "17 actions · 0 %|"));

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
  g_assert_nonnull (strstr (axis_row, "17 actions · 3 %|"));
  dashboard_row = row_text (sidebar, 0);
  g_assert_nonnull (strstr (dashboard_row, "34 actions · 1 %|"));
  /* The other axes' figures are as they were */
  g_clear_pointer (&axis_row, g_free);
  axis_row = row_text (sidebar, 5);
  g_assert_nonnull (strstr (axis_row, " · 0 %|"));

  /* Undo says what it undid: the field and the action, not "Edit" */
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, id, "echeance", "2031", &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (g_object_get_data (G_OBJECT (window), "ctg-last-toast"), ==,
                   "Undone: échéance of “Titre changé dans la liste”");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (g_object_get_data (G_OBJECT (window), "ctg-last-toast"), ==,
                   "Redone: échéance of “Titre changé dans la liste”");
  /* On screen at once, not queued behind the undo's toast for its 5 s */
  {
    g_autofree char *on_screen = NULL;

    ctg_test_spin (50);
    on_screen = shown_toast (window);
    g_assert_cmpstr (on_screen, ==, "Redone: échéance of “Titre changé dans la liste”|");
  }
  /* A toast that has been read a while is replaced, not reworded: a
   * reworded AdwToast 1.2 keeps the timeout it started with, and the next
   * undo's message would go within a second */
  {
    AdwToast *first = shown_toast_object (window);
    g_autofree char *on_screen = NULL;

    g_assert_nonnull (first);
    g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
    ctg_test_spin (800);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    ctg_test_spin (400);
    on_screen = shown_toast (window);
    g_assert_cmpstr (on_screen, ==, "Undone: échéance of “Titre changé dans la liste”|");
    g_assert_true (shown_toast_object (window) != first);
    if (first != NULL)
      g_object_remove_weak_pointer (G_OBJECT (first), (gpointer *) &first);
    g_assert_true (ctg_document_redo (doc, &error));
    ctg_test_spin (50);
  }
  g_assert_true (ctg_document_undo (doc, &error));
  ctg_test_spin (50);

  /* Undone: back in the list and the figures */
  g_assert_true (ctg_document_undo (doc, &error));
  ctg_test_spin (50);
  g_clear_object (&shown);
  shown = g_list_model_get_item (_ctg_window_get_shown_actions (window), 2);
  g_assert_cmpstr (ctg_action_get_title (shown), ==, "Titre changé dans la liste");
  g_clear_pointer (&axis_row, g_free);
  axis_row = row_text (sidebar, 4);
  g_assert_nonnull (strstr (axis_row, "17 actions · 0 %|"));
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


/* Type in an entry row and press its apply button, as a user does */
static void
apply_entry (CtgWindow  *window,
             const char *name,
             const char *text)
{
  GtkWidget *row = ctg_test_find_named (_ctg_window_get_action_editor (window), name);

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
  /* A list of navigation rows: one click opens an action */
  g_assert_true (gtk_list_view_get_single_click_activate (_ctg_window_get_actions_view (window)));
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
  g_auto(CtgReportOptions) options = CTG_REPORT_OPTIONS_INIT;
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

  /* Defaults: today's meeting, summary and timeline, every axis, no
   * annual review */
  g_assert_true (ctg_export_dialog_get_options (dialog, &options, &error));
  g_assert_no_error (error);
  g_assert_true (g_date_valid (&options.meeting_date));
  g_assert_true (options.parts & CTG_REPORT_PART_TIMELINE);
  g_assert_null (options.axes);
  g_assert_cmpuint (options.bilan_year, ==, 0);
  /* The axes numbered, as in the sidebar */
  {
    GtkWidget *check = ctg_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON);
    GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);

    g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "1. "));
  }

  /* The annual review, as ctg export --bilan 2024 gives it */
  {
    GtkWidget *bilan = ctg_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW);
    GtkWidget *year = NULL;

    g_assert_nonnull (bilan);
    adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (bilan), TRUE);
    year = ctg_test_find_type (bilan, GTK_TYPE_SPIN_BUTTON);
    g_assert_nonnull (year);
    /* Nothing assessed: the year the Évaluation page shows first, among
     * the convention's (December 2019 to 2024), never one after it */
    {
      double lower, upper;

      gtk_spin_button_get_range (GTK_SPIN_BUTTON (year), &lower, &upper);
      g_assert_cmpfloat (lower, ==, 2019);
      g_assert_cmpfloat (upper, ==, 2024);
      g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (year)), <=, 2024);
    }
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (year), 2024);
    ctg_report_options_clear (&options);
    g_assert_true (ctg_export_dialog_get_options (dialog, &options, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (options.bilan_year, ==, 2024);
  }

  ctg_export_dialog_export_to (dialog, pdf);
  CTG_TEST_WAIT_FOR (g_file_test (pdf, G_FILE_TEST_EXISTS));
  ctg_test_spin (200);
  {
    gsize length;
    g_autofree char *bytes = ctg_test_read_file (pdf, &length);
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

    g_assert_cmpmem (bytes, 5, "%PDF-", 5);
    g_assert_cmpuint (length, >, 10000);
    if (pdftotext != NULL)
      {
        g_autofree char *command = g_strdup_printf ("pdftotext -enc UTF-8 %s -", pdf);
        g_autofree char *text = NULL;

        g_assert_true (g_spawn_command_line_sync (command, &text, NULL, NULL, NULL));
        g_assert_nonnull (strstr (text, "Annual review 2024"));
      }
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The export dialog open over @window */
static CtgExportDialog *
open_export_dialog (CtgWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  ctg_test_spin (50);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (CTG_IS_EXPORT_DIALOG (toplevel) && gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window))
        return CTG_EXPORT_DIALOG (toplevel);
    }
  g_assert_not_reached ();
}

/* Every switch under @widget, in the dialog's order */
static void
collect_switches (GtkWidget *widget,
                  GPtrArray *switches)
{
  if (GTK_IS_SWITCH (widget))
    g_ptr_array_add (switches, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_switches (child, switches);
}

/* The report's sections are the advisor's habit: the dialog opens with
 * those last exported, for any convention. The bilan's year and the
 * changes' meeting belong to the file and come from it. A choice
 * cancelled is not kept. */
static void
test_window_export_remembers (void)
{
  CtgWindow *window = open_window ("baronnies", NULL);
  CtgWindow *other = NULL;
  g_autofree char *pdf = ctg_test_tmp_path ("copil-remembered.pdf");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();
  g_auto(CtgReportOptions) options = CTG_REPORT_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  CtgExportDialog *dialog = open_export_dialog (window);
  GtkWidget *bilan;

  /* The summary kept, the timeline left out, the action sheets and the
   * bilan asked for */
  collect_switches (GTK_WIDGET (dialog), switches);
  g_assert_cmpuint (switches->len, >=, 3);
  gtk_switch_set_active (g_ptr_array_index (switches, 1), FALSE);
  gtk_switch_set_active (g_ptr_array_index (switches, 2), TRUE);
  bilan = ctg_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (bilan), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ctg_test_find_type (bilan, GTK_TYPE_SPIN_BUTTON)), 2020);
  /* The dialog closes itself once the report is written */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  ctg_export_dialog_export_to (dialog, pdf);
  CTG_TEST_WAIT_FOR (dialog == NULL);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_false (g_settings_get_boolean (settings, "report-timeline"));
  g_assert_true (g_settings_get_boolean (settings, "report-fiches"));
  g_assert_true (g_settings_get_boolean (settings, "report-bilan"));

  /* Another convention: the same sections, its own year and meeting */
  other = open_window ("m2a", NULL);
  dialog = open_export_dialog (other);
  g_assert_true (ctg_export_dialog_get_options (dialog, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (options.parts, ==, CTG_REPORT_PART_SUMMARY | CTG_REPORT_PART_FICHES);
  {
    CtgDocument *doc = ctg_window_get_document (other);
    g_autoptr(GArray) years = _ctg_years_to_offer (doc);
    guint assessed = ctg_document_get_last_assessed_year (doc);

    g_assert_cmpuint (options.bilan_year, ==,
                      assessed != 0 ? assessed : _ctg_years_default (years));
    g_assert_cmpuint (options.bilan_year, !=, 2020);
  }
  /* m2a records no meeting: no changes listed */
  g_assert_null (options.changes_since);

  /* Changed and cancelled: not kept */
  g_ptr_array_set_size (switches, 0);
  collect_switches (GTK_WIDGET (dialog), switches);
  gtk_switch_set_active (g_ptr_array_index (switches, 1), TRUE);
  gtk_window_close (GTK_WINDOW (dialog));
  ctg_test_spin (50);
  g_assert_false (g_settings_get_boolean (settings, "report-timeline"));
  dialog = open_export_dialog (other);
  ctg_report_options_clear (&options);
  g_assert_true (ctg_export_dialog_get_options (dialog, &options, &error));
  g_assert_no_error (error);
  g_assert_false (options.parts & CTG_REPORT_PART_TIMELINE);
  gtk_window_close (GTK_WINDOW (dialog));

  g_settings_reset (settings, "report-summary");
  g_settings_reset (settings, "report-timeline");
  g_settings_reset (settings, "report-fiches");
  g_settings_reset (settings, "report-bilan");
  gtk_window_destroy (GTK_WINDOW (other));
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

/* What asks for more than @limit pixels of width, for the test's log */
static void
log_wide (GtkWidget *widget,
          int        limit,
          int        depth)
{
  int min = 0;

  if (!gtk_widget_get_visible (widget))
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min <= limit)
    return;
  g_test_message ("%*s%s #%s %s: %d px", depth, "", G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget),
                  GTK_IS_LABEL (widget) ? gtk_label_get_label (GTK_LABEL (widget)) : "", min);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    log_wide (child, limit, depth + 1);
}

/* Adaptive: side by side at the default size (it asked for 932 px, the
 * content stack being as wide as its widest page, and opened folded),
 * folded below, and usable from GNOME's smallest width, 360 px, on every
 * page */
static void
test_window_adaptive (void)
{
  CtgWindow *window = open_window ("creusot-montceau", NULL);
  AdwLeaflet *leaflet = ADW_LEAFLET (ctg_test_find_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  const char *pages[] = { "dashboard", "actions", "timeline", "convention", "evaluation" };
  int min = 0;

  /* GNOME's title buttons, not Xvfb's minimize, maximize and close */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  g_assert_nonnull (leaflet);
  ctg_test_spin (200);
  g_test_message ("default: %d × %d", gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)));
  g_assert_false (adw_leaflet_get_folded (leaflet));
  /* Side by side, the sidebar leaves the content most of the width: the
   * convention's long title in its header once took 530 of 1180 px */
  {
    g_autoptr(GtkSelectionModel) leaflet_pages = adw_leaflet_get_pages (leaflet);
    g_autoptr(AdwLeafletPage) first = g_list_model_get_item (G_LIST_MODEL (leaflet_pages), 0);
    GtkWidget *sidebar = adw_leaflet_page_get_child (first);
    int width = gtk_widget_get_width (sidebar);

    g_test_message ("sidebar: %d px", width);
    g_assert_cmpint (width, >=, 300);
    g_assert_cmpint (width, <=, 360);
  }

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  CTG_TEST_WAIT_FOR (adw_leaflet_get_folded (leaflet));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]));
      ctg_test_spin (100);
      gtk_widget_measure (GTK_WIDGET (leaflet), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      log_wide (GTK_WIDGET (leaflet), min > 360 ? 25 : 360, 0);
      g_test_message ("%s: the content asks for %d px", pages[i], min);
      g_assert_cmpint (min, <=, 360);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* One application for the tests that need one: a process registers once */
static CtgApplication *
test_application (void)
{
  static CtgApplication *app;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = ctg_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
    }
  return app;
}

static void
collect_shortcuts (GtkWidget  *widget,
                   GHashTable *accels)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *title = NULL;
      g_autofree char *accel = NULL;

      g_object_get (widget, "title", &title, "accelerator", &accel, NULL);
      g_hash_table_insert (accels, g_steal_pointer (&title), g_strdup (accel ? accel : ""));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, accels);
}

/* The shortcuts window's first page shows the keys of every command, not
 * only Ctrl+? (the others are named by their actions) */
static void
test_window_shortcuts (void)
{
  CtgApplication *app = test_application ();
  g_autoptr(GHashTable) accels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GtkWidget *shortcuts = NULL;
  CtgWindow *window;

  window = ctg_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  {
    /* GTK 4.8's shortcuts window warns about one of its own labels (see
     * above): only criticals stay fatal while it shows */
    GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
    ctg_test_spin (100);
    g_log_set_always_fatal (fatal);
  }
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

        if (GTK_IS_SHORTCUTS_WINDOW (w))
          shortcuts = GTK_WIDGET (w);
      }
  }
  g_assert_nonnull (shortcuts);
  collect_shortcuts (shortcuts, accels);
  g_assert_cmpstr (g_hash_table_lookup (accels, "New convention"), ==, "<Control>n");
  g_assert_cmpstr (g_hash_table_lookup (accels, "Undo"), ==, "<Control>z");
  g_assert_cmpstr (g_hash_table_lookup (accels, "Redo"), ==, "<Shift><Control>z <Control>y");
  g_assert_cmpstr (g_hash_table_lookup (accels, "Keyboard shortcuts"), ==, "<Control>question");
  gtk_window_destroy (GTK_WINDOW (shortcuts));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* First hour: build-aux/setup.sh runs the app from the build tree, where its
 * icon is not installed; the welcome page and About showed a broken image.
 * The icon comes with the application's resources. */
static void
test_window_app_icon (void)
{
  CtgApplication *app = test_application ();
  CtgWindow *window = ctg_window_new (app);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));

  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID "-symbolic"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opening a file that is not a convention (ctg-planner notes.txt) shows why,
 * and leaves no empty window behind */
static void
test_window_open_not_convention (void)
{
  CtgApplication *app = test_application ();
  g_autofree char *path = ctg_test_tmp_path ("notes.ctg");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (g_file_set_contents (path, "Ceci est une note, pas une convention.\n", -1, &error));

  ctg_application_open_file (app, file);
  ctg_test_spin (100);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        dialog = ADW_MESSAGE_DIALOG (toplevel);
      if (CTG_IS_WINDOW (toplevel))
        g_assert_false (gtk_widget_get_visible (GTK_WIDGET (toplevel)));
    }
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "notes.ctg"));

  adw_message_dialog_response (dialog, "close");
  ctg_test_spin (100);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    g_assert_false (CTG_IS_WINDOW (l->data));
}

static gboolean
is_drop_down_with_tooltip (GtkWidget     *widget,
                           gconstpointer  tooltip)
{
  return GTK_IS_DROP_DOWN (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* Issue 13: a convention renamed on the overview names the sidebar and the
 * window at once; an undo names them back */
static void
test_window_rename_convention (void)
{
  g_autofree char *path = NULL;
  CtgWindow *window = open_window ("creusot-montceau", &path);
  g_autofree char *basename = g_path_get_basename (path);
  CtgConventionPage *page = CTG_CONVENTION_PAGE (ctg_test_find_type (GTK_WIDGET (window), CTG_TYPE_CONVENTION_PAGE));
  GtkWidget *row;
  AdwWindowTitle *sidebar_title;
  g_autofree char *old_title = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (page);
  row = _ctg_convention_page_get_field_row (page, "title");
  sidebar_title = ADW_WINDOW_TITLE (ctg_test_find_named (GTK_WIDGET (window), "sidebar-title"));
  g_assert_nonnull (sidebar_title);
  old_title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  g_assert_cmpstr (adw_window_title_get_title (sidebar_title), ==, old_title);

  gtk_editable_set_text (GTK_EDITABLE (row), "CTG du bassin nord");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "CTG du bassin nord");
  g_assert_cmpstr (adw_window_title_get_title (sidebar_title), ==, "CTG du bassin nord");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, old_title);
  g_assert_cmpstr (adw_window_title_get_title (sidebar_title), ==, old_title);

  /* Emptied: the sidebar says so, the window takes the file's name */
  g_assert_true (ctg_document_set (ctg_window_get_document (window), CTG_ITEM_CONVENTION, 1, "title", "", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (adw_window_title_get_title (sidebar_title), ==, g_dgettext (GETTEXT_PACKAGE, "Untitled convention"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, basename);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The row widget of the list showing @label as its accessible label */
static gboolean
is_action_row_labelled (GtkWidget     *widget,
                        gconstpointer  label)
{
  g_autofree char *wrong = NULL;

  if (!G_TYPE_CHECK_INSTANCE_TYPE (widget, g_type_from_name ("CtgActionRow")))
    return FALSE;
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return wrong == NULL;
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

/* The pilot filter: "communes" and "Communes" are one pilot, offered once,
 * in French order, and its search box filters the choices */
static void
test_window_pilot_filter (void)
{
  CtgWindow *window = open_window ("creusot-montceau", NULL);
  CtgDocument *doc = ctg_window_get_document (window);
  g_autoptr(GPtrArray) lower = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);
  g_autoptr(GPtrArray) upper = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);
  g_autoptr(GError) error = NULL;
  GtkDropDown *pilot_filter = NULL;
  GListModel *choices;
  GVariantDict dict;
  guint n, communes = 0, education = 0, zebra = 0;

  g_ptr_array_add (lower, ctg_participant_new ("communes", CTG_PARTICIPANT_ORGANISATION, NULL));
  g_ptr_array_add (upper, ctg_participant_new ("Communes", CTG_PARTICIPANT_ORGANISATION, NULL));
  g_ptr_array_add (upper, ctg_participant_new ("Éducation nationale", CTG_PARTICIPANT_ORGANISATION, NULL));
  g_ptr_array_add (upper, ctg_participant_new ("Zébulon", CTG_PARTICIPANT_PERSON, NULL));
  g_assert_true (ctg_document_set_participants (doc, 1, CTG_RELATION_PILOT, lower, &error));
  g_assert_true (ctg_document_set_participants (doc, 2, CTG_RELATION_PILOT, upper, &error));
  g_assert_no_error (error);
  ctg_test_spin (50);

  /* "Communes" lists the actions of both spellings */
  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "axis", "x", (gint64) 0);
  g_variant_dict_insert (&dict, "pilot", "s", "Communes");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-actions", "@a{sv}", g_variant_dict_end (&dict)));
  ctg_test_spin (50);
  {
    g_autoptr(GListModel) all = ctg_document_list_actions (doc, 0);
    guint expected = 0;

    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr(CtgAction) action = g_list_model_get_item (all, i);
        GPtrArray *pilots = ctg_action_get_pilots (action);
        gboolean found = FALSE;

        for (guint p = 0; p < pilots->len; p++)
          found |= g_ascii_strcasecmp (((CtgParticipant *) g_ptr_array_index (pilots, p))->name, "communes") == 0;
        expected += found;
      }
    g_test_message ("%u actions piloted by the communes", expected);
    g_assert_cmpuint (g_list_model_get_n_items (_ctg_window_get_shown_actions (window)), ==, expected);
    g_assert_cmpuint (expected, >=, 2);
    /* The list says how many it found, and where */
    {
      g_autofree char *subtitle = g_strdup_printf ("%u actions · Whole convention", expected);

      g_assert_cmpstr (adw_window_title_get_subtitle (window->content_title), ==, subtitle);
    }
  }

  /* Offered once, in French order, with a search that filters */
  pilot_filter = GTK_DROP_DOWN (ctg_test_find_widget (GTK_WIDGET (window), is_drop_down_with_tooltip, "Pilot"));
  g_assert_nonnull (pilot_filter);
  g_assert_nonnull (gtk_drop_down_get_expression (pilot_filter));
  choices = gtk_drop_down_get_model (pilot_filter);
  n = g_list_model_get_n_items (choices);
  for (guint i = 1; i < n; i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (choices), i);

      g_assert_cmpstr (name, !=, "communes");
      if (g_str_equal (name, "Communes"))
        communes = i;
      else if (g_str_equal (name, "Éducation nationale"))
        education = i;
      else if (g_str_equal (name, "Zébulon"))
        zebra = i;
    }
  g_assert_cmpuint (communes, >, 0);
  g_assert_cmpuint (communes, <, education);
  g_assert_cmpuint (education, <, zebra);
  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
row_label (CtgAction *action)
{
  g_autofree char *echeance = ctg_date_format (ctg_action_get_echeance (action));

  return g_strdup_printf ("%s, %s, échéance %s", ctg_action_get_title (action),
                          ctg_status_to_label (ctg_action_get_status (action)), echeance[0] ? echeance : "none");
}

/* Issue 13: an edit of one action relabels its row, the same widget (the
 * list is not given the row again) */
static void
test_window_row_stays (void)
{
  CtgWindow *window = open_window ("creusot-montceau", NULL);
  CtgDocument *doc = ctg_window_get_document (window);
  GtkListBox *sidebar = _ctg_window_get_sidebar (window);
  GtkWidget *view = GTK_WIDGET (_ctg_window_get_actions_view (window));
  g_autoptr(CtgAction) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *row;
  gint64 id;

  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 4));
  ctg_test_spin (300);
  action = g_list_model_get_item (_ctg_window_get_shown_actions (window), 2);
  id = ctg_action_get_id (action);
  before = row_label (action);
  row = ctg_test_find_widget (view, is_action_row_labelled, before);
  g_assert_nonnull (row);

  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, id, "title", "Titre changé sur place", &error));
  g_assert_no_error (error);
  g_clear_object (&action);
  action = ctg_document_get_action (doc, id);
  after = row_label (action);
  CTG_TEST_WAIT_FOR (ctg_test_find_widget (view, is_action_row_labelled, after) != NULL);
  g_assert_true (ctg_test_find_widget (view, is_action_row_labelled, after) == row);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Deleting from the window: the item goes, the toast names it and offers
 * the undo, which puts it back */
static void
test_window_delete (void)
{
  CtgWindow *window = open_window ("creusot-montceau", NULL);
  CtgDocument *doc = ctg_window_get_document (window);
  g_autoptr(GArray) axes = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
  g_autoptr(GListModel) actions = ctg_document_list_actions (doc, 0);
  g_autoptr(CtgAction) action = g_list_model_get_item (actions, 0);
  gint64 action_id = ctg_action_get_id (action);
  gint64 axis_id = g_array_index (axes, gint64, axes->len - 1);
  g_autofree char *action_toast = g_strdup_printf ("“%s” deleted", ctg_action_get_title (action));
  g_autofree char *axis_title = ctg_document_dup_title (doc, CTG_ITEM_AXIS, axis_id);
  g_autofree char *axis_toast = g_strdup_printf ("Axis “%s” deleted", axis_title);
  g_autoptr(GError) error = NULL;

  _ctg_window_show_action (window, action_id);
  ctg_test_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-action", NULL));
  g_assert_false (ctg_document_has_item (doc, CTG_ITEM_ACTION, action_id));
  g_assert_cmpstr (g_object_get_data (G_OBJECT (window), "ctg-last-toast"), ==, action_toast);
  g_assert_true (ctg_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_true (ctg_document_has_item (doc, CTG_ITEM_ACTION, action_id));

  _ctg_window_show_axis (window, axis_id);
  ctg_test_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-axis", NULL));
  g_assert_false (ctg_document_has_item (doc, CTG_ITEM_AXIS, axis_id));
  g_assert_cmpstr (g_object_get_data (G_OBJECT (window), "ctg-last-toast"), ==, axis_toast);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The dashboard follows what a commit changed: adding a signatory, which
 * it does not show, leaves its figures as they were (the same widgets); an
 * action's status, which it shows, makes them again */
static void
test_window_dashboard_follows_changes (void)
{
  CtgWindow *window = open_window ("creusot-montceau", NULL);
  CtgDocument *doc = ctg_window_get_document (window);
  CtgDashboard *dashboard = _ctg_window_get_dashboard (window);
  g_autoptr(GListModel) actions = ctg_document_list_actions (doc, 0);
  g_autoptr(CtgAction) action = g_list_model_get_item (actions, 0);
  g_autoptr(GError) error = NULL;
  GtkWidget *figure;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard"));
  ctg_test_spin (300);
  figure = ctg_dashboard_get_figure (dashboard, "progress");
  g_assert_nonnull (figure);

  g_assert_cmpint (ctg_document_add_item (doc, CTG_ITEM_SIGNATORY, 0, "Commune de Torcy", &error), >, 0);
  g_assert_no_error (error);
  ctg_test_spin (100);
  g_assert_true (ctg_dashboard_get_figure (dashboard, "progress") == figure);

  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, ctg_action_get_id (action), "status", "done", &error));
  g_assert_no_error (error);
  ctg_test_spin (100);
  g_assert_true (ctg_dashboard_get_figure (dashboard, "progress") != figure);

  gtk_window_destroy (GTK_WINDOW (window));
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
  view = GTK_TEXT_VIEW (ctg_test_find_type ((GtkWidget *) gtk_widget_get_template_child (editor, CTG_TYPE_ACTION_EDITOR, "title_row"), GTK_TYPE_TEXT_VIEW));
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

  g_test_add_func ("/window/pilot-filter", test_window_pilot_filter);
  g_test_add_func ("/window/open-not-convention", test_window_open_not_convention);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/app-icon", test_window_app_icon);
  g_test_add_func ("/window/adaptive", test_window_adaptive);
  g_test_add_func ("/window/browse", test_window_browse);
  g_test_add_func ("/window/search", test_window_search);
  g_test_add_func ("/window/search-from-action", test_window_search_from_action);
  g_test_add_func ("/window/search-title", test_window_search_title);
  g_test_add_func ("/window/undo", test_window_undo);
  g_test_add_func ("/window/edit-one-action", test_window_edit_one_action);
  g_test_add_func ("/window/search-headings", test_window_search_headings);
  g_test_add_func ("/window/edit-action", test_window_edit_action);
  g_test_add_func ("/window/export-pdf", test_window_export_pdf);
  g_test_add_func ("/window/export-remembers", test_window_export_remembers);
  g_test_add_func ("/window/reorder", test_window_reorder);
  g_test_add_func ("/window/bad-file", test_window_bad_file);
  g_test_add_func ("/window/already-open", test_window_already_open);
  g_test_add_func ("/window/read-only", test_window_read_only);
  g_test_add_func ("/window/rename-convention", test_window_rename_convention);
  g_test_add_func ("/window/row-stays", test_window_row_stays);
  g_test_add_func ("/window/delete", test_window_delete);
  g_test_add_func ("/window/file-replaced", test_window_file_replaced);
  g_test_add_func ("/window/long-word", test_window_long_word);
  g_test_add_func ("/window/dashboard-follows-changes", test_window_dashboard_follows_changes);

  return g_test_run ();
}
