/* take-screenshot.c: one page of the window, as the README shows it
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under Xvfb at 1280x860, in the locale wanted:
 *
 *   take-screenshot FILE.ctg PAGE OUT.png
 *
 * PAGE is a state of win.show-page ("dashboard", "timeline", ...), or
 * "timeline@drift-menu" with the menu of the meetings to compare with open
 * (CTG_SCREENSHOT_DRIFT_SINCE=DAY chooses one), "dashboard@search=eau" with
 * a search's results, "axis:1@redo" with a redo's toast, "axis:1@updates"
 * with the toast of a partners' sheet applied (CTG_SCREENSHOT_SHEET). The
 * screen is grabbed with ImageMagick's import once the page is drawn.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ctg-sheet-choosers.h"
#include "ctg-test-widgets.h"
#include "ctg-window-private.h"

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_scroller (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_scroller (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
keep_drawing_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  CtgWindow *window;
  int status;

  ctg_i18n_init ();
  if (argc != 4)
    {
      g_printerr ("Usage: take-screenshot FILE.ctg PAGE OUT.png\n");
      return 2;
    }

  /* Under Xvfb, GL goes through llvmpipe and the frame clock stalls after the
   * first frame: the page switched to would never be drawn */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_init ();
  adw_init ();
  /* What CtgApplication would load */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/ctgplanner/CtgPlanner/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  /* At the window's own default size, 1180×780: run Xvfb at that size */
  window = ctg_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!ctg_window_load (window, file))
    return 1;
  spin (500);
  /* Xvfb's frame clock may stall: a crossfade would never end */
  gtk_stack_set_transition_type (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (_ctg_window_get_dashboard (window)),
                                                                     GTK_TYPE_STACK)),
                                 GTK_STACK_TRANSITION_TYPE_NONE);
  {
    /* "axis:12/0" opens the first action of that axis; "evaluation@end"
     * shows the end of the Évaluation page (the year's notes) */
    g_auto(GStrv) ends = g_strsplit (argv[2], "@", 2);
    g_auto(GStrv) parts = g_strsplit (ends[0], "/", 2);

    if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", parts[0]))
      return 1;
    if (parts[1] != NULL)
      {
        spin (300);
        g_signal_emit_by_name (_ctg_window_get_actions_view (window), "activate", (guint) atoi (parts[1]));
      }
    /* CTG_SCREENSHOT_DRIFT_SINCE=2022-09-26: the meeting the outlines show */
    if (g_getenv ("CTG_SCREENSHOT_DRIFT_SINCE"))
      gtk_widget_activate_action (GTK_WIDGET (window), "win.drift-since", "s", g_getenv ("CTG_SCREENSHOT_DRIFT_SINCE"));
    /* "timeline@months": the timeline by months, as its button sets it;
     * "timeline@start": scrolled to its start */
    if (g_strcmp0 (ends[1], "months") == 0)
      {
        spin (500);
        gtk_toggle_button_set_active (window->zoom_months, TRUE);
      }
    else if (g_strcmp0 (ends[1], "start") == 0)
      {
        spin (500);
        gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (window->timeline)), 0);
      }
    /* "dashboard@overdue": the list behind its "En retard" figure */
    else if (g_strcmp0 (ends[1], "overdue") == 0)
      {
        GVariantDict filters;

        spin (500);
        g_variant_dict_init (&filters, NULL);
        g_variant_dict_insert (&filters, "overdue", "b", TRUE);
        gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.show-actions", g_variant_dict_end (&filters));
      }
    /* "dashboard@export": the report's dialog over the window */
    else if (g_strcmp0 (ends[1], "export") == 0)
      {
        spin (500);
        gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL);
      }
    /* "dashboard@search=eau": the results of a search, as typed */
    else if (ends[1] != NULL && g_str_has_prefix (ends[1], "search="))
      {
        spin (500);
        gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
        gtk_editable_set_text (GTK_EDITABLE (window->search_entry), ends[1] + strlen ("search="));
      }
    /* "axis:1@redo": the toast of a redo, after an échéance moved and undone */
    else if (g_strcmp0 (ends[1], "redo") == 0)
      {
        CtgDocument *document = ctg_window_get_document (window);
        g_autoptr(GListModel) actions = ctg_document_list_actions (document, 0);
        g_autoptr(CtgAction) first = g_list_model_get_item (actions, 0);

        spin (500);
        if (first == NULL ||
            !ctg_document_set (document, CTG_ITEM_ACTION, ctg_action_get_id (first), "echeance", "2026", NULL))
          return 1;
        gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
        spin (300);
        gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
      }
    /* "axis:1@updates": a partners' sheet (CTG_SCREENSHOT_SHEET=FILE)
     * reviewed and applied, and its toast */
    else if (g_strcmp0 (ends[1], "updates") == 0 && g_getenv ("CTG_SCREENSHOT_SHEET") != NULL)
      {
        g_autoptr(GFile) sheet = g_file_new_for_path (g_getenv ("CTG_SCREENSHOT_SHEET"));
        g_autoptr(GList) toplevels = NULL;

        spin (500);
        ctg_sheet_review_updates (GTK_WINDOW (window), ctg_window_get_document (window), sheet);
        toplevels = gtk_window_list_toplevels ();
        for (GList *l = toplevels; l != NULL; l = l->next)
          if (ADW_IS_MESSAGE_DIALOG (l->data))
            {
              adw_message_dialog_response (l->data, "apply");
              gtk_window_close (l->data);
            }
      }
    /* "timeline@drift-menu": the menu of the meetings to compare with, open */
    else if (g_strcmp0 (ends[1], "drift-menu") == 0)
      {
        spin (500);
        gtk_menu_button_popup (window->drift_button);
      }
    else if (ends[1] != NULL)
      {
        GtkWidget *scroller = ctg_test_find_named (GTK_WIDGET (window), "evaluation-page");
        GtkAdjustment *adjustment;

        spin (500);
        /* "dashboard@end": its governance, the changes and the drift */
        if (g_str_equal (parts[0], "dashboard"))
          scroller = find_scroller (GTK_WIDGET (_ctg_window_get_dashboard (window)));
        if (scroller == NULL)
          return 1;
        adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      }
  }
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    gint64 before = gdk_frame_clock_get_frame_counter (clock);
    guint tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), keep_drawing_cb, NULL, NULL);

    /* Frames all along, so that transitions end */
    spin (2000);
    gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);
    spin (100);
    if (g_getenv ("CTG_SCREENSHOT_DEBUG"))
      g_printerr ("frames %" G_GINT64_FORMAT " page %s timeline mapped %d\n",
                  gdk_frame_clock_get_frame_counter (clock) - before, _ctg_window_get_visible_page (window),
                  gtk_widget_get_mapped (GTK_WIDGET (_ctg_window_get_dashboard (window))));
  }

  /* The pointer in a corner: no tooltip over the page */
  g_spawn_command_line_sync ("xdotool mousemove 1 1", NULL, NULL, NULL, NULL);
  spin (300);
  command = g_strdup_printf ("import -window root %s", argv[3]);
  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
