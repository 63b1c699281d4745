/* test-timeline.c: the timeline and the dashboard, in the real window under Xvfb
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pointer and the keyboard are driven with xdotool through the X
 * server, so the events go through GTK's gestures as a user's would.
 */

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <stdio.h>
#include <stdlib.h>

#include "ctg-action-editor.h"
#include "ctg-drift-menu.h"
#include "ctg-export-dialog.h"
#include "ctg-test-util.h"
#include "ctg-test-widgets.h"
#include "ctg-timeline-private.h"
#include "ctg-window-private.h"

static gboolean
can_drive_pointer (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool == NULL || !GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("needs xdotool and an X11 display");
      return FALSE;
    }
  return TRUE;
}

static void G_GNUC_PRINTF (1, 2)
xdo (const char *format,
     ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *args = NULL;
  g_autofree char *command = NULL;
  int status;
  va_list ap;

  va_start (ap, format);
  args = g_strdup_vprintf (format, ap);
  va_end (ap);
  command = g_strdup_printf ("xdotool %s", args);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  ctg_test_spin (60);
}

static gulong
window_xid (CtgWindow *window)
{
  return (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
}

/* A point of @widget in the coordinates of its X window */
static void
to_surface (GtkWidget *widget,
            double     x,
            double     y,
            int       *sx,
            int       *sy)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double tx, ty;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &tx, &ty);
  *sx = (int) (point.x + tx);
  *sy = (int) (point.y + ty);
}

static void
drag (CtgWindow *window,
      GtkWidget *widget,
      double     x,
      double     y,
      double     dx)
{
  gulong xid = window_xid (window);
  int sx, sy;

  to_surface (widget, x, y, &sx, &sy);
  xdo ("mousemove --window %lu %d %d", xid, sx, sy);
  xdo ("mousedown 1");
  for (int i = 1; i <= 8; i++)
    xdo ("mousemove --window %lu %d %d", xid, sx + (int) (dx * i / 8), sy);
  xdo ("mouseup 1");
  ctg_test_spin (100);
}

static void
click (CtgWindow *window,
       GtkWidget *widget,
       double     x,
       double     y)
{
  int sx, sy;

  to_surface (widget, x, y, &sx, &sy);
  xdo ("mousemove --window %lu %d %d", window_xid (window), sx, sy);
  xdo ("click 1");
  ctg_test_spin (100);
}

static CtgWindow *
open_window (const char *slug)
{
  g_autofree char *path = ctg_test_copy_example (slug);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CtgWindow *window = ctg_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ctg_window_load (window, file));
  ctg_test_spin (200);
  return window;
}

static char *
window_page (CtgWindow *window)
{
  char *page = NULL;

  g_object_get (window, "page", &page, NULL);
  return page;
}

/* The first action with both a start and an échéance */
static CtgAction *
dated_action (CtgDocument *document)
{
  g_autoptr(GListModel) actions = ctg_document_list_actions (document, 0);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);

      /* A snapshot: the list's own objects follow the edits */
      if (ctg_date_is_set (ctg_action_get_start (action)) && ctg_date_is_set (ctg_action_get_echeance (action)))
        return ctg_document_get_action (document, ctg_action_get_id (action));
    }
  g_assert_not_reached ();
}

static void
assert_same_date (const CtgDate *a,
                  const CtgDate *b)
{
  g_autofree char *ia = ctg_date_to_iso (a);
  g_autofree char *ib = ctg_date_to_iso (b);

  g_assert_cmpstr (ia, ==, ib);
}

static CtgTimeline *
show_timeline (CtgWindow *window)
{
  CtgTimeline *timeline = _ctg_window_get_timeline (window);
  g_autofree char *page = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "timeline"));
  CTG_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (timeline)) && gtk_widget_get_width (GTK_WIDGET (timeline)) > 300);
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "timeline");
  page = window_page (window);
  g_assert_cmpstr (page, ==, "timeline");
  ctg_test_spin (200);
  return timeline;
}

static void
test_timeline_pages (void)
{
  CtgWindow *window = open_window ("creusot-montceau");
  GtkListBox *sidebar = _ctg_window_get_sidebar (window);
  g_autoptr(GArray) axes = ctg_document_list_ids (ctg_window_get_document (window), CTG_ITEM_AXIS, 0);
  g_autofree char *axis = g_strdup_printf ("axis:%" G_GINT64_FORMAT, g_array_index (axes, gint64, 1));
  g_autofree char *page = NULL;

  /* Selecting a row activates win.show-page */
  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 0));
  ctg_test_spin (50);
  page = window_page (window);
  g_assert_cmpstr (page, ==, "dashboard");
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "dashboard");

  /* Activating win.show-page selects the row */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", axis));
  ctg_test_spin (50);
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == gtk_list_box_get_row_at_index (sidebar, 5));
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "actions");
  g_assert_cmpuint (g_list_model_get_n_items (_ctg_window_get_shown_actions (window)), ==, 13);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "timeline"));
  ctg_test_spin (50);
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == gtk_list_box_get_row_at_index (sidebar, 1));
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "timeline");

  /* A real click on a row */
  if (g_find_program_in_path ("xdotool") != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 0));

      click (window, row, 40, gtk_widget_get_height (row) / 2.0);
      CTG_TEST_WAIT_FOR (g_strcmp0 (_ctg_window_get_visible_page (window), "dashboard") == 0);
      g_assert_true (gtk_list_box_get_selected_row (sidebar) == GTK_LIST_BOX_ROW (row));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "timeline"));
      ctg_test_spin (50);
    }

  /* An unknown page changes nothing */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "axis:99999"));
  ctg_test_spin (50);
  g_clear_pointer (&page, g_free);
  page = window_page (window);
  g_assert_cmpstr (page, ==, "timeline");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_timeline_drag (void)
{
  CtgWindow *window;
  CtgDocument *document;
  CtgTimeline *timeline;
  g_autoptr(CtgAction) before = NULL;
  g_autoptr(CtgAction) after = NULL;
  g_autoptr(CtgAction) undone = NULL;
  CtgDate start, end;
  graphene_rect_t bar;
  gint64 id;

  if (!can_drive_pointer ())
    return;

  window = open_window ("creusot-montceau");
  document = ctg_window_get_document (window);
  timeline = show_timeline (window);
  before = dated_action (document);
  id = ctg_action_get_id (before);
  /* A title written as a sentence, over two years */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, id, "title", "Favoriser l'insertion.", &error));
    g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, id, "start", "2024", &error));
    g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, id, "echeance", "2025", &error));
    g_assert_no_error (error);
    g_clear_object (&before);
    before = ctg_document_get_action (document, id);
    ctg_test_spin (50);
  }

  g_assert_true (ctg_timeline_focus_action (timeline, id));
  ctg_test_spin (100);
  g_assert_true (ctg_timeline_get_bar_bounds (timeline, id, &bar));

  /* One year to the right, at the zoom of years: both dates move by a year */
  g_assert_cmpint (ctg_timeline_get_zoom (timeline), ==, CTG_TIMELINE_ZOOM_YEARS);
  drag (window, GTK_WIDGET (timeline), bar.origin.x + bar.size.width / 2, bar.origin.y + bar.size.height / 2,
        ctg_timeline_zoom_unit_days (CTG_TIMELINE_ZOOM_YEARS) * ctg_timeline_zoom_pixels_per_day (CTG_TIMELINE_ZOOM_YEARS));

  after = ctg_document_get_action (document, id);
  g_assert_true (ctg_timeline_shift_date (ctg_action_get_start (before), FALSE, CTG_TIMELINE_ZOOM_YEARS, 1, &start));
  g_assert_true (ctg_timeline_shift_date (ctg_action_get_echeance (before), TRUE, CTG_TIMELINE_ZOOM_YEARS, 1, &end));
  assert_same_date (ctg_action_get_start (after), &start);
  assert_same_date (ctg_action_get_echeance (after), &end);
  /* Still the action's page, not opened by the drag */
  g_assert_cmpstr (_ctg_window_get_visible_page (window), ==, "timeline");

  /* One undo step puts both back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ctg_test_spin (100);
  undone = ctg_document_get_action (document, id);
  assert_same_date (ctg_action_get_start (undone), ctg_action_get_start (before));
  assert_same_date (ctg_action_get_echeance (undone), ctg_action_get_echeance (before));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Since the last COPIL, a bar that moved has a faint outline where it was */
static void
test_timeline_past_outline (void)
{
  CtgWindow *window = open_window ("creusot-montceau");
  CtgDocument *document = ctg_window_get_document (window);
  CtgTimeline *timeline;
  g_autoptr(CtgAction) action = NULL;
  g_autoptr(GError) error = NULL;
  graphene_rect_t bar, past;
  gint64 id, copil;

  timeline = show_timeline (window);
  action = dated_action (document);
  id = ctg_action_get_id (action);
  g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, id, "start", "2023", &error));
  g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, id, "echeance", "2024", &error));
  copil = ctg_document_add_body (document, "COPIL", "copil", &error);
  g_assert_cmpint (ctg_document_add_meeting (document, copil, "2000-01-01", "COPIL", &error), >, 0);
  g_assert_no_error (error);
  ctg_test_spin (100);
  /* Every change is after that meeting: the échéance moved from what the
   * import gave, and the outline is where the bar was then */
  g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, id, "echeance", "2026", &error));
  ctg_test_spin (100);
  g_assert_true (ctg_timeline_get_bar_bounds (timeline, id, &bar));
  g_assert_true (ctg_timeline_get_past_bounds (timeline, id, &past));
  g_assert_cmpfloat (past.origin.x + past.size.width, <, bar.origin.x + bar.size.width);

  /* An action untouched since has none */
  {
    g_autoptr(GListModel) actions = ctg_document_list_actions (document, 0);

    for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
      {
        g_autoptr(CtgAction) other = g_list_model_get_item (actions, i);
        g_autoptr(GPtrArray) changes = ctg_document_list_changes (document, "2000-01-01", ctg_action_get_id (other));

        if (changes->len == 0)
          {
            g_assert_false (ctg_timeline_get_past_bounds (timeline, ctg_action_get_id (other), &past));
            break;
          }
      }
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint figure_count (CtgDashboard *dashboard, const char *name);

/* The meeting drift is measured from is chosen in the window
 * (win.drift-since, the timeline's and the dashboard's menu): the outlines
 * and the dashboard's drift follow it; the plan as it was then is kept
 * across edits, and an edit undone leaves no outline */
static void
test_timeline_drift_since (void)
{
  CtgWindow *window = open_window ("creusot-montceau");
  CtgDocument *document = ctg_window_get_document (window);
  CtgDashboard *dashboard = _ctg_window_get_dashboard (window);
  CtgTimeline *timeline;
  g_autoptr(CtgAction) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  graphene_rect_t past;
  gint64 id, other, copil;

  timeline = show_timeline (window);
  action = dated_action (document);
  id = ctg_action_get_id (action);
  copil = ctg_document_add_body (document, "COPIL", "copil", &error);
  g_assert_cmpint (ctg_document_add_meeting (document, copil, "2000-01-01", "COPIL", &error), >, 0);
  g_assert_cmpint (ctg_document_add_meeting (document, copil, "2099-01-01", "COPIL", &error), >, 0);
  g_assert_no_error (error);
  ctg_test_spin (100);

  /* The menu: the last COPIL, then the meetings held, latest first, not
   * those to come */
  menu = _ctg_drift_menu_new (document);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  {
    g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);
    guint n = (guint) g_menu_model_get_n_items (section);
    g_autoptr(GVariant) last = g_menu_model_get_item_attribute_value (section, (int) n - 1, G_MENU_ATTRIBUTE_TARGET,
                                                                       G_VARIANT_TYPE_STRING);

    g_assert_cmpuint (n, >, 1);
    g_assert_cmpstr (g_variant_get_string (last, NULL), ==, "2000-01-01");
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (section, (int) i,
                                                                             G_MENU_ATTRIBUTE_TARGET,
                                                                             G_VARIANT_TYPE_STRING);

        g_assert_cmpstr (g_variant_get_string (target, NULL), <, "2099-01-01");
      }
  }

  /* Edits after the plan as it was is known: each bar moved gets its
   * outline, the first edit of an action too */
  g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, id, "echeance", "2030", &error));
  g_assert_no_error (error);
  ctg_test_spin (100);
  g_assert_true (ctg_timeline_get_past_bounds (timeline, id, &past));
  {
    g_autoptr(GListModel) actions = ctg_document_list_actions (document, 0);

    other = 0;
    for (guint i = 0; i < g_list_model_get_n_items (actions) && other == 0; i++)
      {
        g_autoptr(CtgAction) candidate = g_list_model_get_item (actions, i);

        if (ctg_action_get_id (candidate) != id && ctg_date_is_set (ctg_action_get_echeance (candidate)))
          other = ctg_action_get_id (candidate);
      }
    g_assert_cmpint (other, !=, 0);
    g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, other, "echeance", "2031", &error));
    g_assert_no_error (error);
    ctg_test_spin (100);
    g_assert_true (ctg_timeline_get_past_bounds (timeline, other, &past));
    /* Undone: back where it was, no outline */
    g_assert_true (ctg_document_undo (document, &error));
    g_assert_no_error (error);
    ctg_test_spin (100);
    g_assert_false (ctg_timeline_get_past_bounds (timeline, other, &past));
  }

  /* A meeting after every edit: nothing moved since */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.drift-since", "s", "2099-01-01"));
  ctg_test_spin (100);
  g_assert_false (ctg_timeline_get_past_bounds (timeline, id, &past));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard"));
  ctg_test_spin (100);
  g_assert_cmpuint (figure_count (dashboard, "drift"), ==, 0);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (ctg_dashboard_get_figure (dashboard, "drift")), "since"), ==,
                   "2099-01-01");

  /* Back to the last COPIL */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.drift-since", "s", ""));
  ctg_test_spin (100);
  g_assert_cmpuint (figure_count (dashboard, "drift"), >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "timeline"));
  ctg_test_spin (100);
  g_assert_true (ctg_timeline_get_past_bounds (timeline, id, &past));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_timeline_resize (void)
{
  CtgWindow *window;
  CtgDocument *document;
  CtgTimeline *timeline;
  g_autoptr(CtgAction) before = NULL;
  g_autoptr(CtgAction) after = NULL;
  CtgDate start;
  graphene_rect_t bar;
  double quarter;
  gint64 id;

  if (!can_drive_pointer ())
    return;

  window = open_window ("creusot-montceau");
  document = ctg_window_get_document (window);
  timeline = show_timeline (window);
  before = dated_action (document);
  id = ctg_action_get_id (before);

  /* At the zoom of quarters, the left end moves the start by quarters (the
   * bar starts in view once focused; its right end may be out of it) */
  ctg_timeline_set_zoom (timeline, CTG_TIMELINE_ZOOM_QUARTERS);
  g_assert_true (ctg_timeline_focus_action (timeline, id));
  ctg_test_spin (100);
  g_assert_true (ctg_timeline_get_bar_bounds (timeline, id, &bar));
  quarter = ctg_timeline_zoom_unit_days (CTG_TIMELINE_ZOOM_QUARTERS) *
            ctg_timeline_zoom_pixels_per_day (CTG_TIMELINE_ZOOM_QUARTERS);
  drag (window, GTK_WIDGET (timeline), bar.origin.x + 2, bar.origin.y + bar.size.height / 2, 2 * quarter);

  after = ctg_document_get_action (document, id);
  g_assert_true (ctg_timeline_shift_date (ctg_action_get_start (before), FALSE, CTG_TIMELINE_ZOOM_QUARTERS, 2, &start));
  assert_same_date (ctg_action_get_start (after), &start);
  assert_same_date (ctg_action_get_echeance (after), ctg_action_get_echeance (before));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_timeline_click_opens (void)
{
  CtgWindow *window;
  CtgTimeline *timeline;
  g_autoptr(CtgAction) action = NULL;
  graphene_rect_t bar;
  gint64 id;

  if (!can_drive_pointer ())
    return;

  window = open_window ("creusot-montceau");
  timeline = show_timeline (window);
  action = dated_action (ctg_window_get_document (window));
  id = ctg_action_get_id (action);
  g_assert_true (ctg_timeline_focus_action (timeline, id));
  ctg_test_spin (100);
  g_assert_true (ctg_timeline_get_bar_bounds (timeline, id, &bar));

  click (window, GTK_WIDGET (timeline), bar.origin.x + bar.size.width / 2, bar.origin.y + bar.size.height / 2);
  CTG_TEST_WAIT_FOR (g_strcmp0 (_ctg_window_get_visible_page (window), "action") == 0);
  g_assert_cmpint (ctg_action_editor_get_action (CTG_ACTION_EDITOR (_ctg_window_get_action_editor (window))), ==, id);

  /* Back to the timeline */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  CTG_TEST_WAIT_FOR (g_strcmp0 (_ctg_window_get_visible_page (window), "timeline") == 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_timeline_keyboard (void)
{
  CtgWindow *window;
  CtgDocument *document;
  CtgTimeline *timeline;
  g_autoptr(CtgAction) before = NULL;
  g_autoptr(CtgAction) moved = NULL;
  g_autoptr(CtgAction) longer = NULL;
  CtgDate start, end, later_end;
  const char *description;
  gint64 id;

  if (!can_drive_pointer ())
    return;

  window = open_window ("creusot-montceau");
  document = ctg_window_get_document (window);
  timeline = show_timeline (window);
  before = dated_action (document);
  id = ctg_action_get_id (before);
  /* A title written as a sentence, over two years */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, id, "title", "Favoriser l'insertion.", &error));
    g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, id, "start", "2024", &error));
    g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, id, "echeance", "2025", &error));
    g_assert_no_error (error);
    g_clear_object (&before);
    before = ctg_document_get_action (document, id);
    ctg_test_spin (50);
  }

  g_assert_true (ctg_timeline_focus_action (timeline, id));
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  xdo ("windowfocus --sync %lu", window_xid (window));
  ctg_test_spin (100);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (timeline)));
  g_assert_cmpint (ctg_timeline_get_focused_action (timeline), ==, id);

  /* The accessible description follows the focused bar */
  description = g_object_get_data (G_OBJECT (timeline), "ctg-accessible-description");
  g_assert_nonnull (description);
  /* One full stop, not "insertion., from" */
  g_assert_nonnull (strstr (description, "Favoriser l'insertion, from 2024 to 2025, "));

  /* Right moves the bar by one unit of the zoom */
  xdo ("key --window %lu Right", window_xid (window));
  ctg_test_spin (100);
  moved = ctg_document_get_action (document, id);
  g_assert_true (ctg_timeline_shift_date (ctg_action_get_start (before), FALSE, CTG_TIMELINE_ZOOM_YEARS, 1, &start));
  g_assert_true (ctg_timeline_shift_date (ctg_action_get_echeance (before), TRUE, CTG_TIMELINE_ZOOM_YEARS, 1, &end));
  assert_same_date (ctg_action_get_start (moved), &start);
  assert_same_date (ctg_action_get_echeance (moved), &end);

  /* Shift+Right only changes the échéance */
  xdo ("key --window %lu shift+Right", window_xid (window));
  ctg_test_spin (100);
  longer = ctg_document_get_action (document, id);
  g_assert_true (ctg_timeline_shift_date (&end, TRUE, CTG_TIMELINE_ZOOM_YEARS, 1, &later_end));
  assert_same_date (ctg_action_get_start (longer), &start);
  assert_same_date (ctg_action_get_echeance (longer), &later_end);

  /* Down moves the focus to the next row, Enter opens an action */
  xdo ("key --window %lu Down", window_xid (window));
  ctg_test_spin (50);
  g_assert_cmpint (ctg_timeline_get_focused_action (timeline), !=, id);
  {
    gint64 next = ctg_timeline_get_focused_action (timeline);

    if (next != 0)
      {
        xdo ("key --window %lu Return", window_xid (window));
        CTG_TEST_WAIT_FOR (g_strcmp0 (_ctg_window_get_visible_page (window), "action") == 0);
        g_assert_cmpint (ctg_action_editor_get_action (CTG_ACTION_EDITOR (_ctg_window_get_action_editor (window))), ==, next);
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
}


/* Zoom from the keyboard, the wheel with Ctrl, and the buttons */
static void
test_timeline_zoom (void)
{
  CtgWindow *window;
  CtgTimeline *timeline;
  gulong xid;
  int sx, sy;

  if (!can_drive_pointer ())
    return;

  window = open_window ("creusot-montceau");
  timeline = show_timeline (window);
  xid = window_xid (window);
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  xdo ("windowfocus --sync %lu", xid);
  g_assert_cmpint (ctg_timeline_get_zoom (timeline), ==, CTG_TIMELINE_ZOOM_YEARS);

  xdo ("key --window %lu ctrl+plus", xid);
  CTG_TEST_WAIT_FOR (ctg_timeline_get_zoom (timeline) == CTG_TIMELINE_ZOOM_QUARTERS);
  xdo ("key --window %lu ctrl+plus", xid);
  CTG_TEST_WAIT_FOR (ctg_timeline_get_zoom (timeline) == CTG_TIMELINE_ZOOM_MONTHS);
  xdo ("key --window %lu ctrl+minus", xid);
  CTG_TEST_WAIT_FOR (ctg_timeline_get_zoom (timeline) == CTG_TIMELINE_ZOOM_QUARTERS);

  /* Ctrl and the wheel down zooms out; without Ctrl the wheel scrolls */
  to_surface (GTK_WIDGET (timeline), gtk_widget_get_width (GTK_WIDGET (timeline)) * 0.7, 200, &sx, &sy);
  xdo ("mousemove --window %lu %d %d", xid, sx, sy);
  xdo ("keydown ctrl");
  xdo ("click 5");
  xdo ("keyup ctrl");
  CTG_TEST_WAIT_FOR (ctg_timeline_get_zoom (timeline) == CTG_TIMELINE_ZOOM_YEARS);
  {
    GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (timeline));

    gtk_adjustment_set_value (vadjustment, 0);
    xdo ("click 5");
    CTG_TEST_WAIT_FOR (gtk_adjustment_get_value (vadjustment) > 0);
    g_assert_cmpint (ctg_timeline_get_zoom (timeline), ==, CTG_TIMELINE_ZOOM_YEARS);
  }

  /* The buttons follow, and set it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.zoom-in", NULL));
  g_assert_cmpint (ctg_timeline_get_zoom (timeline), ==, CTG_TIMELINE_ZOOM_QUARTERS);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Mois from Années keeps today in view (it zoomed on the middle of the
 * convention, a year and more before today) */
static void
test_timeline_zoom_today (void)
{
  CtgWindow *window = open_window ("creusot-montceau");
  CtgDocument *document = ctg_window_get_document (window);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *later = g_strdup_printf ("%d", g_date_time_get_year (now) + 3);
  CtgTimeline *timeline;
  g_autoptr(GError) error = NULL;
  GDate today;
  double today_x, lw, width;

  /* The plan runs past today, whatever the year the test runs */
  g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, 1, "echeance", later, &error));
  g_assert_no_error (error);
  timeline = show_timeline (window);
  ctg_timeline_scroll_to_today (timeline);
  ctg_test_spin (50);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
  lw = _ctg_timeline_label_width (timeline);
  width = gtk_widget_get_width (GTK_WIDGET (timeline));
  today_x = _ctg_timeline_day_to_x (timeline, g_date_get_julian (&today));
  g_assert_cmpfloat (today_x, >=, lw);
  g_assert_cmpfloat (today_x, <=, width);

  gtk_toggle_button_set_active (window->zoom_months, TRUE);
  ctg_test_spin (50);
  g_assert_cmpint (ctg_timeline_get_zoom (timeline), ==, CTG_TIMELINE_ZOOM_MONTHS);
  today_x = _ctg_timeline_day_to_x (timeline, g_date_get_julian (&today));
  g_assert_cmpfloat (today_x, >=, lw);
  g_assert_cmpfloat (today_x, <=, width);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A change the core refuses is explained, and nothing changes */
static void
test_timeline_refused (void)
{
  CtgWindow *window;
  CtgDocument *document;
  CtgTimeline *timeline;
  g_autoptr(CtgAction) before = NULL;
  g_autoptr(CtgAction) after = NULL;
  gulong xid;
  gint64 id;
  int span;

  if (!can_drive_pointer ())
    return;

  window = open_window ("creusot-montceau");
  document = ctg_window_get_document (window);
  timeline = show_timeline (window);
  before = dated_action (document);
  id = ctg_action_get_id (before);
  span = ctg_action_get_echeance (before)->year - ctg_action_get_start (before)->year;

  g_assert_true (ctg_timeline_focus_action (timeline, id));
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  xid = window_xid (window);
  xdo ("windowfocus --sync %lu", xid);
  /* Shift+Left until the échéance would come before the start */
  for (int i = 0; i <= span; i++)
    xdo ("key --window %lu shift+Left", xid);
  CTG_TEST_WAIT_FOR (_ctg_window_get_error_dialog (window) != NULL);
  after = ctg_document_get_action (document, id);
  assert_same_date (ctg_action_get_start (after), ctg_action_get_start (before));
  g_assert_cmpuint (ctg_action_get_echeance (after)->year, ==, ctg_action_get_start (before)->year);

  gtk_window_destroy (GTK_WINDOW (_ctg_window_get_error_dialog (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_timeline_dates (void)
{
  CtgDate date, shifted;

  /* A year stays a year when moved by years */
  g_assert_true (ctg_date_parse ("2024", &date));
  g_assert_true (ctg_timeline_shift_date (&date, TRUE, CTG_TIMELINE_ZOOM_YEARS, 2, &shifted));
  g_assert_cmpuint (shifted.year, ==, 2026);
  g_assert_cmpuint (shifted.month, ==, 0);

  /* ... and becomes a month when moved by months: an échéance its last */
  g_assert_true (ctg_timeline_shift_date (&date, TRUE, CTG_TIMELINE_ZOOM_MONTHS, 1, &shifted));
  g_assert_cmpuint (shifted.year, ==, 2025);
  g_assert_cmpuint (shifted.month, ==, 1);
  g_assert_true (ctg_timeline_shift_date (&date, FALSE, CTG_TIMELINE_ZOOM_QUARTERS, -1, &shifted));
  g_assert_cmpuint (shifted.year, ==, 2023);
  g_assert_cmpuint (shifted.month, ==, 10);

  /* A day keeps its day, within the month */
  g_assert_true (ctg_date_parse ("2024-01-31", &date));
  g_assert_true (ctg_timeline_shift_date (&date, FALSE, CTG_TIMELINE_ZOOM_MONTHS, 1, &shifted));
  g_assert_cmpuint (shifted.month, ==, 2);
  g_assert_cmpuint (shifted.day, ==, 29);

  memset (&date, 0, sizeof date);
  g_assert_false (ctg_timeline_shift_date (&date, FALSE, CTG_TIMELINE_ZOOM_YEARS, 1, &shifted));
}


/* 10,000 actions: the timeline draws what is in view only, so scrolling
 * costs the same as with a few. Frame times are reported, and held to a
 * bound far above a smooth frame but far below a widget per action. */
static char *
make_large_convention (guint n_actions)
{
  g_autoptr(CtgDocument) document = ctg_test_new_document ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (ctg_document_get_path (document));
  gint64 objective = 0;

  g_assert_true (ctg_document_begin_group (document, "large", &error));
  for (guint i = 0; i < n_actions; i++)
    {
      g_autofree char *title = g_strdup_printf ("Action %u", i);
      g_autofree char *start = g_strdup_printf ("%u", 2021 + i % 4);
      g_autofree char *end = g_strdup_printf ("%u-%02u", 2024 + i % 3, 1 + i % 12);
      gint64 action;

      if (i % 1000 == 0)
        {
          g_autofree char *axis_title = g_strdup_printf ("Axe %u", i / 1000 + 1);
          gint64 axis = ctg_document_add_item (document, CTG_ITEM_AXIS, 0, axis_title, &error);

          g_assert_no_error (error);
          objective = 0;
          if (i % 50 == 0)
            objective = ctg_document_add_objective (document, axis, 0, 0, "Objectif", &error);
          g_object_set_data (G_OBJECT (document), "axis", GSIZE_TO_POINTER ((gsize) axis));
        }
      else if (i % 50 == 0)
        objective = ctg_document_add_objective (document,
                                                (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (document), "axis")),
                                                0, 0, "Objectif", &error);
      g_assert_no_error (error);
      action = ctg_document_add_item (document, CTG_ITEM_ACTION, objective, title, &error);
      g_assert_no_error (error);
      g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, action, "echeance", end, &error));
      g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, action, "start", start, &error));
    }
  g_assert_true (ctg_document_end_group (document, &error));
  ctg_document_close (document);
  return g_steal_pointer (&path);
}

typedef struct
{
  GtkAdjustment *adjustment;
  gint64         last;
  gint64         worst;
  gint64         total;
  guint          frames;
} Scrolling;

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Scrolling *scrolling = user_data;
  gint64 now = g_get_monotonic_time ();

  if (scrolling->last != 0)
    {
      scrolling->total += now - scrolling->last;
      scrolling->worst = MAX (scrolling->worst, now - scrolling->last);
      scrolling->frames++;
    }
  scrolling->last = now;
  gtk_adjustment_set_value (scrolling->adjustment, gtk_adjustment_get_value (scrolling->adjustment) + 397);
  return scrolling->frames < 120 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
test_timeline_large (void)
{
  /* CTG_TEST_N compares with smaller conventions */
  guint n = g_getenv ("CTG_TEST_N") ? (guint) atoi (g_getenv ("CTG_TEST_N")) : 10000;
  g_autofree char *path = make_large_convention (n);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CtgWindow *window = ctg_window_new (NULL);
  CtgTimeline *timeline;
  Scrolling scrolling = { 0 };
  gint64 start;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ctg_window_load (window, file));
  ctg_test_spin (100);

  start = g_get_monotonic_time ();
  timeline = show_timeline (window);
  g_test_message ("timeline shown in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  /* One row per action, axis (one per 1,000) and objective (one per 50) */
  g_assert_cmpuint (ctg_timeline_get_n_rows (timeline), ==, n + (n + 999) / 1000 + (n + 49) / 50);

  scrolling.adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (timeline));
  gtk_widget_add_tick_callback (GTK_WIDGET (timeline), scroll_tick_cb, &scrolling, NULL);
  {
    gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (scrolling.frames < 120 && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpuint (scrolling.frames, ==, 120);
  g_test_message ("scrolling %u actions: %u frames, mean %.1f ms, worst %.1f ms",
                  n, scrolling.frames, scrolling.total / 1000.0 / scrolling.frames, scrolling.worst / 1000.0);
  g_assert_cmpfloat (scrolling.total / 1000.0 / scrolling.frames, <, 50);

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
figure_count (CtgDashboard *dashboard,
              const char   *name)
{
  GtkWidget *figure = ctg_dashboard_get_figure (dashboard, name);

  g_assert_nonnull (figure);
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (figure), "count"));
}

static void
test_dashboard_figures (void)
{
  CtgWindow *window = open_window ("creusot-montceau");
  CtgDocument *document = ctg_window_get_document (window);
  CtgDashboard *dashboard = _ctg_window_get_dashboard (window);
  g_autoptr(GListModel) all = ctg_document_list_actions (document, 0);
  g_autoptr(GArray) axes = ctg_document_list_ids (document, CTG_ITEM_AXIS, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  guint counts[CTG_N_STATUSES];
  guint overdue = 0, soon = 0;
  CtgProgressSummary summary;
  gint64 axis;
  g_autoptr(GListModel) axis_actions = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard"));
  ctg_test_spin (100);

  /* The figures are the core's */
  ctg_document_count_statuses (document, 0, counts);
  for (guint s = 0; s < CTG_N_STATUSES; s++)
    {
      g_autofree char *name = g_strdup_printf ("status:%s", ctg_status_to_key ((CtgStatus) s));
      g_autofree char *bar_style = g_strdup_printf ("bar-status-%s", ctg_status_to_key ((CtgStatus) s));
      GtkWidget *bar;

      g_assert_cmpuint (figure_count (dashboard, name), ==, counts[s]);
      /* Each status's bar in its own colour, as its dot */
      bar = ctg_test_find_type (ctg_dashboard_get_figure (dashboard, name), GTK_TYPE_LEVEL_BAR);
      g_assert_nonnull (bar);
      g_assert_true (gtk_widget_has_css_class (bar, bar_style));
    }
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (all, i);

      overdue += ctg_action_is_overdue (action, today);
      soon += ctg_action_is_due_soon (action, today);
    }
  ctg_actions_summarize_progress (all, &summary);
  g_assert_cmpuint (figure_count (dashboard, "total"), ==, g_list_model_get_n_items (all));
  g_assert_cmpuint (figure_count (dashboard, "overdue"), ==, overdue);
  g_assert_cmpuint (figure_count (dashboard, "soon"), ==, soon);
  g_assert_cmpuint (figure_count (dashboard, "progress"), ==, summary.left_out);
  g_assert_cmpuint (overdue, >, 0);

  /* A figure leads to its actions, across every axis */
  g_assert_true (gtk_widget_activate (ctg_dashboard_get_figure (dashboard, "overdue")));
  CTG_TEST_WAIT_FOR (g_strcmp0 (_ctg_window_get_visible_page (window), "actions") == 0);
  g_assert_cmpuint (g_list_model_get_n_items (_ctg_window_get_shown_actions (window)), ==, overdue);
  for (guint i = 0; i < overdue; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (_ctg_window_get_shown_actions (window), i);
      g_assert_true (ctg_action_is_overdue (action, today));
    }

  /* Back goes to the dashboard, the filters cleared and the search bar
   * closed: it does not stay over the dashboard */
  {
    GtkWidget *bar = gtk_widget_get_ancestor (GTK_WIDGET (_ctg_window_get_search_entry (window)), GTK_TYPE_SEARCH_BAR);

    gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (bar), TRUE);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
    CTG_TEST_WAIT_FOR (g_strcmp0 (_ctg_window_get_visible_page (window), "dashboard") == 0);
    g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  }

  /* The dashboard of one axis counts, and lists, that axis only */
  axis = g_array_index (axes, gint64, 1);
  ctg_dashboard_set_axis (dashboard, axis);
  axis_actions = ctg_document_list_actions (document, axis);
  ctg_document_count_statuses (document, axis, counts);
  g_assert_cmpuint (figure_count (dashboard, "total"), ==, g_list_model_get_n_items (axis_actions));
  g_assert_cmpuint (figure_count (dashboard, "status:todo"), ==, counts[CTG_STATUS_TODO]);
  g_assert_true (gtk_widget_activate (ctg_dashboard_get_figure (dashboard, "status:todo")));
  CTG_TEST_WAIT_FOR (g_strcmp0 (_ctg_window_get_visible_page (window), "actions") == 0);
  g_assert_cmpuint (g_list_model_get_n_items (_ctg_window_get_shown_actions (window)), ==, counts[CTG_STATUS_TODO]);
  for (guint i = 0; i < counts[CTG_STATUS_TODO]; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (_ctg_window_get_shown_actions (window), i);
      g_assert_cmpint (ctg_action_get_axis_id (action), ==, axis);
      g_assert_cmpint (ctg_action_get_status (action), ==, CTG_STATUS_TODO);
    }

  /* Another page clears the dashboard's filters */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview"));
  CTG_TEST_WAIT_FOR (g_strcmp0 (_ctg_window_get_visible_page (window), "overview") == 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A first label under @widget that holds @text */
static gboolean
has_label_with (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label_with (child, text))
      return TRUE;
  return FALSE;
}

/* The dashboard's headline standing on less than half of the actions says
 * so in the figure itself */
static void
test_dashboard_partial (void)
{
  CtgWindow *window = open_window ("creusot-montceau");
  CtgDocument *document = ctg_window_get_document (window);
  CtgDashboard *dashboard = _ctg_window_get_dashboard (window);
  g_autoptr(GListModel) all = ctg_document_list_actions (document, 0);
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (all);
  g_autofree char *expected = g_strdup_printf ("40 %% over 1 of %u actions", n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (all, i);

      g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, ctg_action_get_id (action), "status", "en cours", &error));
    }
  g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, 1, "progress", "40", &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard"));
  ctg_test_spin (100);
  CTG_TEST_WAIT_FOR (has_label_with (ctg_dashboard_get_figure (dashboard, "progress"), expected));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_dashboard_pilot (void)
{
  CtgWindow *window = open_window ("creusot-montceau");
  CtgDashboard *dashboard = _ctg_window_get_dashboard (window);
  g_auto(GStrv) names = ctg_document_list_participant_names (ctg_window_get_document (window));
  GtkWidget *figure = NULL;
  const char *pilot = NULL;
  guint count;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard"));
  ctg_test_spin (100);
  for (guint i = 0; names[i] && figure == NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("pilot:%s", names[i]);

      figure = ctg_dashboard_get_figure (dashboard, name);
      pilot = names[i];
    }
  g_assert_nonnull (figure);
  count = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (figure), "count"));
  g_assert_cmpuint (count, >, 0);

  g_assert_true (gtk_widget_activate (figure));
  CTG_TEST_WAIT_FOR (g_strcmp0 (_ctg_window_get_visible_page (window), "actions") == 0);
  g_assert_cmpuint (g_list_model_get_n_items (_ctg_window_get_shown_actions (window)), ==, count);
  for (guint i = 0; i < count; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (_ctg_window_get_shown_actions (window), i);
      g_autofree char *pilots = ctg_action_dup_pilots_text (action);

      g_assert_nonnull (strstr (pilots, pilot));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}


/* The changes since the last COPIL name the latest edits, latest first, as
 * Undo does: they were their bare labels, "Edit · Edit" ("Modifier ·
 * Modifier" in French), and the earliest ones */
static void
test_dashboard_changes_named (void)
{
  CtgWindow *window = open_window ("creusot-montceau");
  CtgDocument *document = ctg_window_get_document (window);
  CtgDashboard *dashboard = _ctg_window_get_dashboard (window);
  g_autoptr(GListModel) actions = ctg_document_list_actions (document, 0);
  g_autoptr(CtgAction) first = g_list_model_get_item (actions, 0);
  g_autoptr(CtgAction) second = g_list_model_get_item (actions, 1);
  g_autoptr(GError) error = NULL;
  const char *subtitle;
  const char *first_at, *second_at;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard"));
  ctg_test_spin (100);
  g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, ctg_action_get_id (first), "status", "en cours", &error));
  g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, ctg_action_get_id (second), "progress", "30", &error));
  g_assert_no_error (error);
  ctg_test_spin (200);

  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (ctg_dashboard_get_figure (dashboard, "changes")));
  g_assert_null (strstr (subtitle, "Edit"));
  first_at = strstr (subtitle, ctg_action_get_title (first));
  second_at = strstr (subtitle, ctg_action_get_title (second));
  g_assert_nonnull (first_at);
  g_assert_nonnull (second_at);
  g_assert_true (second_at < first_at);
  g_assert_nonnull (strstr (subtitle, "status of “"));
  g_assert_nonnull (strstr (subtitle, "progress of “"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The governance part: the meetings, the changes since the previous one,
 * and the COPIL report prepared with those dates */
static void
test_dashboard_governance (void)
{
  CtgWindow *window = open_window ("m2a");
  CtgDocument *document = ctg_window_get_document (window);
  CtgDashboard *dashboard = _ctg_window_get_dashboard (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GHashTable) txns = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_auto(CtgReportOptions) options = CTG_REPORT_OPTIONS_INIT;
  CtgExportDialog *dialog = NULL;
  GList *toplevels;
  const GDate *meeting;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard"));
  ctg_test_spin (100);
  /* m2a records no meeting */
  g_assert_null (ctg_dashboard_get_figure (dashboard, "changes"));

  g_assert_cmpint (ctg_document_add_meeting (document, 0, "2021-03-15", "COPIL", &error), >, 0);
  g_assert_cmpint (ctg_document_add_meeting (document, 0, "2099-06-01", "COPIL", &error), >, 0);
  g_assert_no_error (error);
  ctg_test_spin (100);

  changes = ctg_document_list_changes (document, "2021-03-15", 0);
  for (guint i = 0; i < changes->len; i++)
    g_hash_table_add (txns, &((CtgChange *) g_ptr_array_index (changes, i))->txn_id);
  g_assert_cmpuint (g_hash_table_size (txns), >, 0);
  g_assert_cmpuint (figure_count (dashboard, "changes"), ==, g_hash_table_size (txns));
  {
    /* The drift since that meeting, counted from the journal: an action
     * abandoned since */
    g_autoptr(CtgDrift) drift = NULL;

    g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, 1, "status", "abandonnée", &error));
    g_assert_no_error (error);
    ctg_test_spin (100);
    drift = ctg_drift_compute (document, "2021-03-15");
    guint expected;

    expected = ctg_drift_count (drift, CTG_DRIFT_MOVED, TRUE) + ctg_drift_count (drift, CTG_DRIFT_STATUS_BACK, FALSE) +
                     ctg_drift_count (drift, CTG_DRIFT_ADDED, FALSE) + ctg_drift_count (drift, CTG_DRIFT_ABANDONED, FALSE);

    g_assert_cmpuint (expected, >, 0);
    g_assert_cmpuint (figure_count (dashboard, "drift"), ==, expected);
  }

  /* A button emits "clicked" a moment after "activate" */
  g_assert_true (gtk_widget_activate (ctg_dashboard_get_figure (dashboard, "report")));
  {
    gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (dialog == NULL && g_get_monotonic_time () < end)
      {
        g_main_context_iteration (NULL, FALSE);
        toplevels = gtk_window_list_toplevels ();
        for (GList *l = toplevels; l; l = l->next)
          if (CTG_IS_EXPORT_DIALOG (l->data))
            dialog = l->data;
        g_list_free (toplevels);
      }
  }
  g_assert_nonnull (dialog);
  g_assert_true (ctg_export_dialog_get_options (dialog, &options, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (options.changes_since, ==, "2021-03-15");
  meeting = &options.meeting_date;
  g_assert_cmpuint (g_date_get_year (meeting), ==, 2099);
  g_assert_cmpuint (g_date_get_month (meeting), ==, 6);
  g_assert_cmpuint (g_date_get_day (meeting), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The subtitle of the meeting row with the badge of the meeting compared
 * with; NULL if no row has it */
static const char *
baseline_row (CtgDashboard *dashboard)
{
  GtkWidget *badge = ctg_test_find_named (GTK_WIDGET (dashboard), "baseline-badge");
  GtkWidget *row = badge ? gtk_widget_get_ancestor (badge, ADW_TYPE_ACTION_ROW) : NULL;

  return row ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : NULL;
}

/* The changes and the drift count from the same meeting, the one chosen in
 * the window (the last COPIL by default, not the last meeting), and the
 * caption says which */
static void
test_dashboard_same_meeting (void)
{
  CtgWindow *window = open_window ("m2a");
  CtgDocument *document = ctg_window_get_document (window);
  CtgDashboard *dashboard = _ctg_window_get_dashboard (window);
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *group;
  gint64 copil, group_meeting;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard"));
  ctg_test_spin (100);
  copil = ctg_document_add_body (document, "Comité de pilotage", "copil", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ctg_document_add_meeting (document, copil, "2021-03-15", "", &error), >, 0);
  group_meeting = ctg_document_add_meeting (document, 0, "2022-01-10", "Groupe de travail", &error);
  g_assert_cmpint (group_meeting, >, 0);
  g_assert_no_error (error);
  ctg_test_spin (100);

  g_assert_cmpstr (g_object_get_data (G_OBJECT (ctg_dashboard_get_figure (dashboard, "drift")), "since"), ==,
                   "2021-03-15");
  g_assert_cmpstr (g_object_get_data (G_OBJECT (ctg_dashboard_get_figure (dashboard, "changes")), "since"), ==,
                   "2021-03-15");
  group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (ctg_dashboard_get_figure (dashboard, "changes"),
                                                          ADW_TYPE_PREFERENCES_GROUP));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), "Comité de pilotage, 15 March 2021"));
  g_assert_cmpstr (baseline_row (dashboard), ==, "15 March 2021 · Comité de pilotage");

  /* Another meeting chosen: both follow, and the caption */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.drift-since", "s", "2022-01-10"));
  ctg_test_spin (100);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (ctg_dashboard_get_figure (dashboard, "drift")), "since"), ==,
                   "2022-01-10");
  g_assert_cmpstr (g_object_get_data (G_OBJECT (ctg_dashboard_get_figure (dashboard, "changes")), "since"), ==,
                   "2022-01-10");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), "Groupe de travail, 10 January 2022"));
  /* The badge marks the meeting compared with, whatever was chosen */
  g_assert_cmpstr (baseline_row (dashboard), ==, "10 January 2022");

  /* Re-dated elsewhere (the meetings page), the meeting stays the one
   * compared with, at its new day; an undo takes it back */
  g_assert_true (ctg_document_set (document, CTG_ITEM_MEETING, group_meeting, "date", "2022-02-14", &error));
  g_assert_no_error (error);
  ctg_test_spin (100);
  g_assert_cmpstr (baseline_row (dashboard), ==, "14 February 2022");
  g_assert_cmpstr (g_object_get_data (G_OBJECT (ctg_dashboard_get_figure (dashboard, "drift")), "since"), ==,
                   "2022-02-14");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), "Groupe de travail, 14 February 2022"));
  g_assert_true (ctg_document_undo (document, &error));
  ctg_test_spin (100);
  g_assert_cmpstr (baseline_row (dashboard), ==, "10 January 2022");

  /* Removed, the comparison goes back to the last COPIL, and the badge;
   * a later COPIL added takes it */
  g_assert_true (ctg_document_delete (document, CTG_ITEM_MEETING, group_meeting, &error));
  g_assert_no_error (error);
  ctg_test_spin (100);
  g_assert_cmpstr (baseline_row (dashboard), ==, "15 March 2021 · Comité de pilotage");
  g_assert_cmpint (ctg_document_add_meeting (document, copil, "2023-05-02", "", &error), >, 0);
  g_assert_no_error (error);
  ctg_test_spin (100);
  g_assert_cmpstr (baseline_row (dashboard), ==, "2 May 2023 · Comité de pilotage");

  /* The status dots are round, with the application's style sheet: a
   * label's line of text made them ovals */
  {
    GtkWidget *dot = ctg_test_find_class (GTK_WIDGET (dashboard), "status-dot");
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
    int width, height;

    gtk_css_provider_load_from_resource (css, "/io/github/ctgplanner/CtgPlanner/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    ctg_test_spin (100);
    g_assert_nonnull (dot);
    gtk_widget_measure (dot, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
    gtk_widget_measure (dot, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
    g_assert_cmpint (width, ==, 10);
    g_assert_cmpint (height, ==, 10);
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue 13: one change of an échéance by each route, and every widget that
 * shows it */

typedef struct
{
  CtgWindow       *window;
  gint64           id;
  double           bar_end;    /* where the bar ended, in the timeline's content, when the échéance was @echeance */
  CtgDate          echeance;
} Seen;

/* In the timeline's content, whatever it is scrolled to */
static double
bar_end (CtgTimeline           *timeline,
         const graphene_rect_t *bar)
{
  return bar->origin.x + bar->size.width +
         gtk_adjustment_get_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (timeline)));
}

static gboolean
row_labelled (GtkWidget  *widget,
              const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, g_type_from_name ("CtgActionRow")))
    {
      g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      return wrong == NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (row_labelled (child, label))
      return TRUE;
  return FALSE;
}

static guint
count_overdue (CtgDocument *document)
{
  g_autoptr(GListModel) actions = ctg_document_list_actions (document, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                            g_date_time_get_year (now));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);

      n += ctg_action_is_overdue (action, today);
    }
  return n;
}

static void
show_axis_of (CtgWindow *window,
              gint64     id)
{
  g_autoptr(CtgAction) action = ctg_document_get_action (ctg_window_get_document (window), id);
  g_autofree char *page = g_strdup_printf ("axis:%" G_GINT64_FORMAT, ctg_action_get_axis_id (action));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page));
  /* Past the pages' cross-fade */
  ctg_test_spin (800);
}

/* The list row on screen shows the échéance now in the file */
static gboolean
list_row_shows (CtgWindow *window,
                gint64     id)
{
  g_autoptr(CtgAction) action = ctg_document_get_action (ctg_window_get_document (window), id);
  g_autofree char *echeance = ctg_date_format (ctg_action_get_echeance (action));
  g_autofree char *label = g_strdup_printf ("%s, %s, échéance %s", ctg_action_get_title (action),
                                            ctg_status_to_label (ctg_action_get_status (action)), echeance);

  return row_labelled (GTK_WIDGET (_ctg_window_get_actions_view (window)), label);
}

/* Every widget of the window showing the échéance of @seen->id shows
 * @year; the list row is looked at first, as it is on screen */
static void
assert_everywhere (Seen *seen,
                   guint year)
{
  CtgWindow *window = seen->window;
  CtgDocument *document = ctg_window_get_document (window);
  g_autoptr(CtgAction) action = ctg_document_get_action (document, seen->id);
  g_autofree char *formatted = NULL;
  CtgDashboard *dashboard;
  CtgTimeline *timeline;
  GtkWidget *figure;
  GtkWidget *row;
  graphene_rect_t bar;
  g_autoptr(GDate) before = NULL;
  g_autoptr(GDate) after = NULL;
  double expected;

  g_assert_cmpuint (ctg_action_get_echeance (action)->year, ==, year);
  formatted = ctg_date_format (ctg_action_get_echeance (action));

  /* The list row */
  if (g_strcmp0 (_ctg_window_get_visible_page (window), "actions") != 0)
    show_axis_of (window, seen->id);
  CTG_TEST_WAIT_FOR (list_row_shows (window, seen->id));

  /* The editor */
  _ctg_window_show_action (window, seen->id);
  ctg_test_spin (100);
  row = ctg_test_find_named (_ctg_window_get_action_editor (window), "echeance-row");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, formatted);

  /* The dashboard's figure of overdue actions */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard"));
  ctg_test_spin (100);
  dashboard = CTG_DASHBOARD (_ctg_window_get_dashboard (window));
  figure = ctg_dashboard_get_figure (dashboard, "overdue");
  g_assert_nonnull (figure);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (figure), "count")), ==, count_overdue (document));

  /* The timeline's bar ends at the échéance */
  timeline = show_timeline (window);
  g_assert_true (ctg_timeline_focus_action (timeline, seen->id));
  ctg_test_spin (100);
  g_assert_true (ctg_timeline_get_bar_bounds (timeline, seen->id, &bar));
  before = ctg_date_last_day (&seen->echeance);
  after = ctg_date_last_day (ctg_action_get_echeance (action));
  expected = seen->bar_end +
             g_date_days_between (before, after) * ctg_timeline_zoom_pixels_per_day (ctg_timeline_get_zoom (timeline));
  g_assert_cmpfloat_with_epsilon (bar_end (timeline, &bar), expected, 2.5);
  seen->bar_end = bar_end (timeline, &bar);
  seen->echeance = *ctg_action_get_echeance (action);
}

static void
set_echeance_in_editor (CtgWindow  *window,
                        gint64      id,
                        const char *text)
{
  GtkWidget *row;

  _ctg_window_show_action (window, id);
  ctg_test_spin (100);
  row = ctg_test_find_named (_ctg_window_get_action_editor (window), "echeance-row");
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  ctg_test_spin (50);
}

static void
test_timeline_every_route (void)
{
  g_autofree char *path = ctg_test_copy_example ("creusot-montceau");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgAction) action = NULL;
  CtgWindow *window = ctg_window_new (NULL);
  CtgWindow *second = NULL;
  CtgDocument *document;
  CtgTimeline *timeline;
  Seen seen = { NULL };
  Seen seen2 = { NULL };
  GtkWidget *dialog;
  guint year;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ctg_window_load (window, file));
  ctg_test_spin (200);
  document = ctg_window_get_document (window);
  action = dated_action (document);
  seen.window = window;
  seen.id = ctg_action_get_id (action);
  seen.echeance = *ctg_action_get_echeance (action);
  timeline = show_timeline (window);
  g_assert_true (ctg_timeline_focus_action (timeline, seen.id));
  ctg_test_spin (100);
  {
    graphene_rect_t bar;

    g_assert_true (ctg_timeline_get_bar_bounds (timeline, seen.id, &bar));
    seen.bar_end = bar_end (timeline, &bar);
  }
  year = seen.echeance.year;

  g_test_message ("route: %s", "The editor");
  /* The editor */
  set_echeance_in_editor (window, seen.id, "2030");
  assert_everywhere (&seen, 2030);

  g_test_message ("route: %s", "The core API, the list on screen");
  /* The core API, the list on screen */
  show_axis_of (window, seen.id);
  g_assert_true (ctg_document_set (document, CTG_ITEM_ACTION, seen.id, "echeance", "2031", &error));
  g_assert_no_error (error);
  assert_everywhere (&seen, 2031);

  g_test_message ("route: %s", "Undo and redo");
  /* Undo and redo */
  show_axis_of (window, seen.id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  assert_everywhere (&seen, 2030);
  show_axis_of (window, seen.id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  assert_everywhere (&seen, 2031);

  g_test_message ("route: %s", "The timeline: dragged by one year");
  /* The timeline: dragged by one year */
  if (can_drive_pointer ())
    {
      graphene_rect_t bar;

      timeline = show_timeline (window);
      g_assert_true (ctg_timeline_focus_action (timeline, seen.id));
      ctg_test_spin (100);
      g_assert_true (ctg_timeline_get_bar_bounds (timeline, seen.id, &bar));
      /* By the middle of what is in view of the bar, away from its ends */
      drag (window, GTK_WIDGET (timeline),
            bar.origin.x + MIN (bar.size.width, gtk_widget_get_width (GTK_WIDGET (timeline)) - bar.origin.x) / 2,
            bar.origin.y + bar.size.height / 2,
            ctg_timeline_zoom_unit_days (CTG_TIMELINE_ZOOM_YEARS) * ctg_timeline_zoom_pixels_per_day (CTG_TIMELINE_ZOOM_YEARS));
      assert_everywhere (&seen, 2032);
    }

  g_test_message ("route: %s", "another window, in another process");
  /* Another window, in another process (this one holds a file once): it
   * holds the file, this window opens it read-only and follows its edit */
  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  {
    g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, seen.id);
    g_autofree char *value = g_strdup_printf ("%u", year);
    g_autoptr(GSubprocess) other = NULL;
    g_autoptr(GDataInputStream) out = NULL;
    GOutputStream *in;
    g_autofree char *line = NULL;

    other = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              "/proc/self/exe", "--other-window", path, id_text, value, NULL);
    g_assert_no_error (error);
    in = g_subprocess_get_stdin_pipe (other);
    out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (other));
    line = g_data_input_stream_read_line (out, NULL, NULL, &error);
    g_assert_cmpstr (line, ==, "ready");
    g_clear_pointer (&line, g_free);

    second = ctg_window_new (NULL);
    gtk_window_set_default_size (GTK_WINDOW (second), 1200, 800);
    gtk_window_present (GTK_WINDOW (second));
    g_assert_false (ctg_window_load (second, file));
    dialog = _ctg_window_get_error_dialog (second);
    g_assert_nonnull (dialog);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "read-only");
    ctg_test_spin (200);
    g_assert_true (ctg_document_is_read_only (ctg_window_get_document (second)));
    seen2 = seen;
    seen2.window = second;
    timeline = show_timeline (second);
    g_assert_true (ctg_timeline_focus_action (timeline, seen2.id));
    ctg_test_spin (100);
    {
      graphene_rect_t bar;

      g_assert_true (ctg_timeline_get_bar_bounds (timeline, seen2.id, &bar));
      seen2.bar_end = bar_end (timeline, &bar);
    }
    show_axis_of (second, seen2.id);

    /* The other window edits; this one sees it within its poll, its list
     * on screen */
    g_assert_true (g_output_stream_write_all (in, "go\n", 3, NULL, NULL, &error));
    line = g_data_input_stream_read_line (out, NULL, NULL, &error);
    g_assert_cmpstr (line, ==, "done");
    CTG_TEST_WAIT_FOR (list_row_shows (second, seen2.id));
    assert_everywhere (&seen2, year);

    g_assert_true (g_output_stream_write_all (in, "bye\n", 4, NULL, NULL, &error));
    g_assert_true (g_subprocess_wait_check (other, NULL, &error));
  }

  gtk_window_destroy (GTK_WINDOW (second));
}

/* The other window of /timeline/every-route: holds the file, sets the
 * échéance when told, lets go when told */
static int
other_window (const char *path,
              const char *id,
              const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgDocument) document = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  char line[16];

  if (document == NULL)
    return 1;
  printf ("ready\n");
  fflush (stdout);
  if (fgets (line, sizeof line, stdin) == NULL ||
      !ctg_document_set (document, CTG_ITEM_ACTION, g_ascii_strtoll (id, NULL, 10), "echeance", value, &error))
    return 1;
  printf ("done\n");
  fflush (stdout);
  if (fgets (line, sizeof line, stdin) == NULL)
    return 1;
  ctg_document_close (document);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "--other-window"))
    return other_window (argv[2], argv[3], argv[4]);

  ctg_test_init (&argc, &argv);
  /* Xvfb has no GPU: GL through llvmpipe costs ~150 ms a frame whatever is
   * drawn, which would hide what the widget itself costs */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/timeline/dates", test_timeline_dates);
  g_test_add_func ("/timeline/pages", test_timeline_pages);
  g_test_add_func ("/timeline/drag", test_timeline_drag);
  g_test_add_func ("/timeline/past-outline", test_timeline_past_outline);
  g_test_add_func ("/timeline/drift-since", test_timeline_drift_since);
  g_test_add_func ("/timeline/resize", test_timeline_resize);
  g_test_add_func ("/timeline/click-opens", test_timeline_click_opens);
  g_test_add_func ("/timeline/keyboard", test_timeline_keyboard);
  g_test_add_func ("/timeline/zoom", test_timeline_zoom);
  g_test_add_func ("/timeline/zoom-today", test_timeline_zoom_today);
  g_test_add_func ("/timeline/refused", test_timeline_refused);
  g_test_add_func ("/timeline/large", test_timeline_large);
  g_test_add_func ("/dashboard/figures", test_dashboard_figures);
  g_test_add_func ("/dashboard/pilot", test_dashboard_pilot);
  g_test_add_func ("/dashboard/partial", test_dashboard_partial);
  g_test_add_func ("/dashboard/governance", test_dashboard_governance);
  g_test_add_func ("/dashboard/changes-named", test_dashboard_changes_named);
  g_test_add_func ("/dashboard/same-meeting", test_dashboard_same_meeting);
  g_test_add_func ("/timeline/every-route", test_timeline_every_route);

  return g_test_run ();
}
