/* test-action-list.c: the rows of an axis's action list, under Xvfb
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "ctg-action-private.h"
#include "ctg-action-row.h"
#include "ctg-test-util.h"
#include "ctg-window-private.h"

/* Whether a row of @view shows @text as an objective heading */
static gboolean
shows_heading (GtkWidget  *widget,
               const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "objective-header") &&
      gtk_widget_is_visible (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_heading (child, text))
      return TRUE;
  return FALSE;
}

/* Whether a visible label under @widget reads @text, or only begins with
 * it (@prefix) */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text,
             gboolean    prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
      (prefix ? g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), text)
              : g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text, prefix))
      return TRUE;
  return FALSE;
}

/* Whether a visible inscription under @widget (a row's title) reads @text */
static gboolean
shows_inscription (GtkWidget  *widget,
                   const char *text)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_is_visible (widget) &&
      g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_inscription (child, text))
      return TRUE;
  return FALSE;
}

/* A window on a copy of an example, shown */
static CtgWindow *
open_example (const char *slug)
{
  g_autofree char *path = ctg_test_copy_example (slug);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CtgWindow *window = ctg_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ctg_window_load (window, file));
  return window;
}

/* Headings are kept between binds: a renamed objective must still show its
 * new title, even though the rows were bound before */
static void
test_action_list_heading_follows_edits (void)
{
  CtgWindow *window = open_example ("creusot-montceau");
  GtkWidget *view = GTK_WIDGET (_ctg_window_get_actions_view (window));
  CtgDocument *doc = ctg_window_get_document (window);
  g_autoptr(GArray) axes = NULL;
  g_autoptr(CtgAction) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  g_autofree char *title = NULL;
  gint64 objective;

  axes = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
  page = g_strdup_printf ("axis:%" G_GINT64_FORMAT, g_array_index (axes, gint64, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page));
  CTG_TEST_WAIT_FOR (g_list_model_get_n_items (_ctg_window_get_shown_actions (window)) > 0);

  first = g_list_model_get_item (_ctg_window_get_shown_actions (window), 0);
  objective = ctg_action_get_objective_id (first);
  title = ctg_document_dup_text (doc, CTG_ITEM_OBJECTIVE, objective, "title");
  g_assert_nonnull (title);
  CTG_TEST_WAIT_FOR (shows_heading (view, title));

  g_assert_true (ctg_document_set (doc, CTG_ITEM_OBJECTIVE, objective, "title", "Objectif renommé", &error));
  g_assert_no_error (error);
  CTG_TEST_WAIT_FOR (shows_heading (view, "Objectif renommé"));
  g_assert_false (shows_heading (view, title));

  /* And back, through undo */
  g_assert_true (ctg_document_undo (doc, &error));
  g_assert_no_error (error);
  CTG_TEST_WAIT_FOR (shows_heading (view, title));
  g_assert_false (shows_heading (view, "Objectif renommé"));

  /* Réalisée at 40 %: the row shows the 100 % the totals count */
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, ctg_action_get_id (first), "progress", "40", &error));
  CTG_TEST_WAIT_FOR (shows_label (view, "40 %", FALSE));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, ctg_action_get_id (first), "status", "réalisée", &error));
  g_assert_no_error (error);
  CTG_TEST_WAIT_FOR (shows_label (view, "100 %", FALSE));
  g_assert_false (shows_label (view, "40 %", FALSE));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A search runs across the axes: the headings name the axis, and follow
 * its renaming as the objectives' do */
static void
test_action_list_search_names_axis (void)
{
  CtgWindow *window = open_example ("creusot-montceau");
  GtkWidget *view = GTK_WIDGET (_ctg_window_get_actions_view (window));
  CtgDocument *doc = ctg_window_get_document (window);
  g_autoptr(CtgAction) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *axis = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  gtk_editable_set_text (_ctg_window_get_search_entry (window), "a");
  CTG_TEST_WAIT_FOR (g_list_model_get_n_items (_ctg_window_get_shown_actions (window)) > 0);

  first = g_list_model_get_item (_ctg_window_get_shown_actions (window), 0);
  axis = ctg_document_dup_text (doc, CTG_ITEM_AXIS, ctg_action_get_axis_id (first), "title");
  g_assert_nonnull (axis);
  CTG_TEST_WAIT_FOR (shows_label (view, axis, TRUE));

  g_assert_true (ctg_document_set (doc, CTG_ITEM_AXIS, ctg_action_get_axis_id (first), "title", "Axe renommé", &error));
  g_assert_no_error (error);
  CTG_TEST_WAIT_FOR (shows_label (view, "Axe renommé", TRUE));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The list's actions read their texts when a row first shows them: an
 * action edited before any row read it shows the edit when its axis is
 * shown */
static void
test_action_list_unread_action_edited (void)
{
  CtgWindow *window = open_example ("creusot-montceau");
  GtkWidget *view = GTK_WIDGET (_ctg_window_get_actions_view (window));
  CtgDocument *doc = ctg_window_get_document (window);
  g_autoptr(GArray) axes = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
  g_autoptr(GArray) objectives = ctg_document_list_ids (doc, CTG_ITEM_OBJECTIVE, g_array_index (axes, gint64, 1));
  g_autoptr(GError) error = NULL;
  g_autofree char *first_page = g_strdup_printf ("axis:%" G_GINT64_FORMAT, g_array_index (axes, gint64, 0));
  g_autofree char *second_page = g_strdup_printf ("axis:%" G_GINT64_FORMAT, g_array_index (axes, gint64, 1));
  CtgAction *action;
  gint64 last = 0;

  /* An action far from the others by id (another block of texts), first
   * in the second axis */
  g_assert_true (ctg_document_begin_group (doc, "many", &error));
  for (guint i = 0; i < 300; i++)
    last = ctg_document_add_item (doc, CTG_ITEM_ACTION, g_array_index (objectives, gint64, 0), "Action ajoutée", &error);
  g_assert_true (ctg_document_end_group (doc, &error));
  g_assert_true (ctg_document_move (doc, CTG_ITEM_ACTION, last, 0, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", first_page));
  CTG_TEST_WAIT_FOR (g_list_model_get_n_items (_ctg_window_get_shown_actions (window)) > 0);
  ctg_test_spin (100);
  action = ctg_document_peek_action (doc, last);
  g_assert_nonnull (action);
  g_assert_false (_ctg_action_has_texts (action));

  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, last, "title", "Titre lu plus tard", &error));
  g_assert_no_error (error);
  g_assert_true (ctg_document_peek_action (doc, last) == action);
  g_assert_false (_ctg_action_has_texts (action));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", second_page));
  CTG_TEST_WAIT_FOR (shows_inscription (view, "Titre lu plus tard"));
  g_assert_true (_ctg_action_has_texts (action));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The x of each visible status pill's column under @widget, in @view's
 * coordinates */
static void
collect_pills (GtkWidget *widget,
               GtkWidget *view,
               GArray    *lefts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "status-pill") && gtk_widget_get_mapped (widget) &&
      gtk_widget_get_width (gtk_widget_get_parent (widget)) > 0)
    {
      GtkWidget *column = gtk_widget_get_parent (widget);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (column, view, &bounds));
      g_array_append_val (lefts, bounds.origin.x);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_pills (child, view, lefts);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   guint         *painted)
{
  (*painted)++;
}

/* Blocks until @widget's window has drawn a frame asked for now: whatever
 * was queued before (a resize, new rows, a style sheet) is then laid out.
 * Counted in frames, not time: a loaded machine takes longer, that is all.
 * (Waiting a while, then for "two pills on screen", compared the rows of
 * any frame, or gave up after 15 s while the first frame of a window was
 * still being drawn: 1.7 s when idle, over 5 s at a load of 4 a core.) */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint painted = 0;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
  while (painted == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

/* Whether @widget holds a progress bar laid out on screen */
static gboolean
shows_progress_bar (GtkWidget *widget)
{
  if (GTK_IS_PROGRESS_BAR (widget))
    return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_progress_bar (child))
      return TRUE;
  return FALSE;
}

/* A row with a progress bar keeps its columns in line with the others:
 * Adwaita's 150 px minimum for a progress bar widened its end and pushed
 * its échéance out of line */
static void
test_action_list_columns_aligned (void)
{
  CtgWindow *window = open_example ("creusot-montceau");
  GtkWidget *view = GTK_WIDGET (_ctg_window_get_actions_view (window));
  CtgDocument *doc = ctg_window_get_document (window);
  g_autoptr(GArray) axes = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (float));
  g_autoptr(CtgAction) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page = g_strdup_printf ("axis:%" G_GINT64_FORMAT, g_array_index (axes, gint64, 0));
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  /* The application's style sheet, as CtgApplication loads it */
  gtk_css_provider_load_from_resource (css, "/io/github/ctgplanner/CtgPlanner/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page));
  g_assert_cmpuint (g_list_model_get_n_items (_ctg_window_get_shown_actions (window)), >, 1);
  /* The rows on screen, none with a progress yet */
  for (guint frames = 0; (g_array_set_size (columns, 0), collect_pills (view, view, columns), columns->len < 2); frames++)
    {
      g_assert_cmpuint (frames, <, 100);
      wait_for_frame (view);
    }
  g_assert_false (shows_progress_bar (view));
  first = g_list_model_get_item (_ctg_window_get_shown_actions (window), 0);
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, ctg_action_get_id (first), "progress", "40", &error));
  g_assert_no_error (error);
  /* Frame by frame until the rows are laid out with the edit: the first
   * row's progress bar on screen (only a row with a progress has one) */
  for (guint frames = 0; !shows_progress_bar (view); frames++)
    {
      g_assert_cmpuint (frames, <, 100);
      wait_for_frame (view);
    }
  g_array_set_size (columns, 0);
  collect_pills (view, view, columns);
  g_assert_cmpuint (columns->len, >, 1);
  for (guint i = 1; i < columns->len; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (columns, float, i), g_array_index (columns, float, 0), 0.5);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The label of @row's caption (axis — thématique), or NULL when hidden */
static const char *
shown_caption (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "section-header"))
    return gtk_widget_get_visible (widget) ? gtk_label_get_label (GTK_LABEL (widget)) : NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = shown_caption (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Across axes (a search, a dashboard's figure) a row names its axis and
 * thématique above its objective only where they change, as the
 * thématique alone within an axis: every objective repeated them */
static void
test_action_list_caption_once (void)
{
  g_autofree char *path = ctg_test_copy_example ("creusot-montceau");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgDocument) doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (1, 1, 2025);
  GtkWidget *above = g_object_ref_sink (ctg_action_row_new ());
  GtkWidget *row = g_object_ref_sink (ctg_action_row_new ());
  guint repeated = 0, shown = 0;

  g_assert_no_error (error);
  actions = ctg_document_list_actions (doc, 0);
  for (guint i = 1; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(CtgAction) previous = g_list_model_get_item (actions, i - 1);
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);
      g_autofree char *caption_above = NULL;
      const char *caption;

      if (ctg_action_get_objective_id (previous) == ctg_action_get_objective_id (action))
        continue;
      ctg_action_row_bind (CTG_ACTION_ROW (above), doc, previous, NULL, TRUE, today);
      caption_above = g_strdup (shown_caption (above));
      g_assert_nonnull (caption_above);
      ctg_action_row_bind (CTG_ACTION_ROW (row), doc, action, previous, TRUE, today);
      caption = shown_caption (row);
      repeated += caption != NULL && g_strcmp0 (caption, caption_above) == 0;
      shown += caption != NULL;
    }
  g_assert_cmpuint (repeated, ==, 0);
  /* A new axis or thématique still says so */
  g_assert_cmpuint (shown, >, 0);
  ctg_action_row_unbind (CTG_ACTION_ROW (above));
  ctg_action_row_unbind (CTG_ACTION_ROW (row));
  g_object_unref (above);
  g_object_unref (row);
  ctg_document_close (doc);
}

int
main (int   argc,
      char *argv[])
{
  ctg_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/action-list/heading-follows-edits", test_action_list_heading_follows_edits);
  g_test_add_func ("/action-list/search-names-axis", test_action_list_search_names_axis);
  g_test_add_func ("/action-list/columns-aligned", test_action_list_columns_aligned);
  g_test_add_func ("/action-list/unread-action-edited", test_action_list_unread_action_edited);
  g_test_add_func ("/action-list/caption-once", test_action_list_caption_once);

  return g_test_run ();
}
