/* bench-ui.c: the real window, timed in-process, for bench/run.sh
 *
 *   bench-ui FILE.ctg [search] [edit] [edit-editor] [edit-timeline] [scroll-list] [scroll-timeline]
 *
 * Opens FILE.ctg in a CtgWindow (the code of the app, linked like the UI
 * tests) under the display it is given (Xvfb in bench/run.sh), then:
 *   search     types "parentalite accueil" one character at a time in the
 *              search entry (each inserted at the end), then clears it,
 *              3 times; for each change, the
 *              time from GtkSearchEntry::search-changed (after GTK's typing
 *              delay) to the end of the next painted frame:
 *              "CTG_BENCH search-us=..." and the delay "search-delay-ms=";
 *   edit       changes an action's pilots or échéance through the core API
 *              on the window's document, 40 times, with the action's axis
 *              shown: from the call to the end of the next painted frame
 *              (the window updates its sidebar and list on "changed"), or
 *              to the main loop's first idle if nothing needed repainting
 *              (the row is out of sight and the figures did not change):
 *              "CTG_BENCH window-edit-us=...";
 *   edit-editor  the same with the edited action shown in the action
 *              editor (its fields, lists and history follow the edit):
 *              "editor-edit-us=...";
 *   edit-timeline  the same with the timeline shown, échéances only (each
 *              edit rebuilds its rows and the outlines of the drift since
 *              the last meeting, then paints): "timeline-edit-us=...";
 *   scroll-*   scrolls the action list of the first axis (or the timeline)
 *              by 60 px per frame clock tick, down then up, 240 frames:
 *              for each frame, the time from the frame clock's
 *              "before-paint" to its "after-paint" (the time to produce
 *              it; under Xvfb nothing waits for vsync) and the interval
 *              between frames: "CTG_BENCH scroll-list-frame-us=..." and
 *              "scroll-list-interval-us=..." (bench-scroll.c, shared with
 *              the floor, minimal-window --scroll-list).
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "bench-scroll.h"
#include "ctg-window-private.h"

static gint64 frame_start;
static gint64 last_paint;
static guint  paints;
static gint64 search_started;
static gboolean verbose;

static void
on_before_paint_cb (GdkFrameClock *clock)
{
  frame_start = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock)
{
  gint64 now = g_get_monotonic_time ();

  if (verbose && frame_start != 0 && now - frame_start > 50000)
    g_printerr ("slow frame: %" G_GINT64_FORMAT " us\n", now - frame_start);
  last_paint = now;
  paints++;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until a frame is painted after now; returns its end
 * (or the time it gave up: nothing needed painting) */
static gboolean
on_wait_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
on_wait_idle_cb (gpointer data)
{
  *(gint64 *) data = g_get_monotonic_time ();
  return G_SOURCE_REMOVE;
}

/* Returns the end of the next painted frame; if nothing is painted in
 * @timeout_ms (nothing needed it), when the main loop first went idle */
static gint64
wait_painted (guint timeout_ms)
{
  guint before = paints;
  gboolean timed_out = FALSE;
  gint64 idle = 0;
  /* Something must wake the loop at the end, or it would wait for an event */
  guint timeout = g_timeout_add (timeout_ms, on_wait_timeout_cb, &timed_out);
  guint idle_source = g_idle_add_full (G_PRIORITY_LOW, on_wait_idle_cb, &idle, NULL);

  while (paints == before && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  if (idle == 0)
    g_source_remove (idle_source);
  if (paints == before)
    return idle != 0 ? idle : g_get_monotonic_time ();
  return last_paint;
}

/* Lets pending work (idle relayouts, frames) finish before a measure */
static void
settle (void)
{
  spin (150);
}

static void
print_times (const char *name,
             GArray     *times)
{
  printf ("CTG_BENCH %s=", name);
  for (guint i = 0; i < times->len; i++)
    printf ("%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (times, gint64, i));
  printf ("\n");
  fflush (stdout);
}

static gboolean
search_emission_hook (GSignalInvocationHint *hint,
                      guint                  n_params,
                      const GValue          *params,
                      gpointer               data)
{
  search_started = g_get_monotonic_time ();
  return TRUE;
}

static void
bench_search (CtgWindow *window)
{
  GtkEditable *entry = _ctg_window_get_search_entry (window);
  const char *query = "parentalite accueil";
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint delay = 0;

  g_object_get (entry, "search-delay", &delay, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                              search_emission_hook, NULL, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  settle ();

  for (guint round = 0; round < 3; round++)
    for (gsize len = 1; len <= strlen (query) + 1; len++)
      {
        /* The last step clears the entry: back to the page shown before */
        g_autofree char *text = len <= strlen (query) ? g_strndup (query, len) : g_strdup ("");
        gint64 painted, took;

        search_started = 0;
        /* A keystroke adds one character: replacing the whole text would
         * empty the entry for a moment, which GtkSearchEntry reports at
         * once (a search ended, then another started) */
        if (len <= strlen (query))
          {
            int position = (int) len - 1;

            gtk_editable_insert_text (entry, query + len - 1, 1, &position);
          }
        else
          gtk_editable_set_text (entry, text);
        while (search_started == 0)
          g_main_context_iteration (NULL, TRUE);
        painted = wait_painted (1000);
        took = painted - search_started;
        g_array_append_val (times, took);
        if (verbose)
          g_printerr ("search \"%s\": %" G_GINT64_FORMAT " us\n", text, took);
        settle ();
      }
  printf ("CTG_BENCH search-delay-ms=%u\n", delay);
  print_times ("search-us", times);
  gtk_editable_set_text (entry, "");
  settle ();
}

/* Échéances moved with the timeline shown: the rows and the drift's
 * outlines rebuilt, then painted */
static void
bench_edit_timeline (CtgWindow *window)
{
  CtgDocument *doc = ctg_window_get_document (window);
  g_autoptr(GListModel) all = ctg_document_list_actions (doc, 0);
  guint n = g_list_model_get_n_items (all);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "timeline");
  spin (250);
  settle ();
  for (guint i = 0; i < 40 && n > 0; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (all, (i * 7919u) % n);
      g_autoptr(GError) error = NULL;
      gint64 start, took;

      start = g_get_monotonic_time ();
      if (!ctg_document_set (doc, CTG_ITEM_ACTION, ctg_action_get_id (action), "echeance",
                             i % 2 ? "2026-12-31" : "2026-11", &error))
        {
          g_printerr ("bench-ui: %s\n", error->message);
          return;
        }
      took = wait_painted (2000) - start;
      g_array_append_val (times, took);
      settle ();
    }
  print_times ("timeline-edit-us", times);
}

/* @in_editor: the action is shown in the editor, else its axis's list */
static void
bench_edit (CtgWindow *window,
            gboolean   in_editor)
{
  CtgDocument *doc = ctg_window_get_document (window);
  g_autoptr(GListModel) all = ctg_document_list_actions (doc, 0);
  guint n = g_list_model_get_n_items (all);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < 40 && n > 0; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (all, (i * 7919u) % n);
      gint64 id = ctg_action_get_id (action);
      g_autofree char *page = g_strdup_printf ("axis:%" G_GINT64_FORMAT, ctg_action_get_axis_id (action));
      g_autoptr(GError) error = NULL;
      gint64 start, took;
      gboolean ok;

      /* The edit is seen: its axis's list is shown (scrolled to the top:
       * the row may be below, the sidebar's figures still change), or the
       * action itself in the editor */
      if (in_editor)
        _ctg_window_show_action (window, id);
      else
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page);
      /* A page shown is cross-faded in (GtkStack, 200 ms): an edit timed
       * before the end would time the benchmark's own animation */
      spin (250);
      settle ();
      start = g_get_monotonic_time ();
      if (i % 2 == 0)
        {
          g_autoptr(GPtrArray) pilots = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);

          g_ptr_array_add (pilots, ctg_participant_new (i % 4 ? "Caf" : "Karim BENALI",
                                                        i % 4 ? CTG_PARTICIPANT_ORGANISATION : CTG_PARTICIPANT_PERSON,
                                                        NULL));
          ok = ctg_document_set_participants (doc, id, CTG_RELATION_PILOT, pilots, &error);
        }
      else
        ok = ctg_document_set (doc, CTG_ITEM_ACTION, id, "echeance", i % 4 == 1 ? "2026-12-31" : "2026-12", &error);
      if (!ok)
        {
          g_printerr ("bench-ui: %s\n", error->message);
          return;
        }
      took = wait_painted (2000) - start;
      g_array_append_val (times, took);
      settle ();
    }
  print_times (in_editor ? "editor-edit-us" : "window-edit-us", times);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  GdkFrameClock *clock;
  CtgWindow *window;

  if (argc < 2)
    {
      g_printerr ("usage: bench-ui FILE.ctg [search] [edit] [edit-editor] [edit-timeline] [scroll-list] [scroll-timeline]\n");
      return 2;
    }
  verbose = g_getenv ("CTG_BENCH_VERBOSE") != NULL;
  gtk_init ();
  adw_init ();

  file = g_file_new_for_commandline_arg (argv[1]);
  window = ctg_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  if (!ctg_window_load (window, file))
    return 1;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  spin (500);

  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "search"))
        bench_search (window);
      else if (g_str_equal (argv[i], "edit"))
        bench_edit (window, FALSE);
      else if (g_str_equal (argv[i], "edit-editor"))
        bench_edit (window, TRUE);
      else if (g_str_equal (argv[i], "edit-timeline"))
        bench_edit_timeline (window);
      else if (g_str_equal (argv[i], "scroll-list"))
        {
          g_autoptr(GArray) axes = ctg_document_list_ids (ctg_window_get_document (window), CTG_ITEM_AXIS, 0);
          g_autofree char *page = g_strdup_printf ("axis:%" G_GINT64_FORMAT, g_array_index (axes, gint64, 0));

          gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page);
          settle ();
          bench_scroll_measure (GTK_WIDGET (_ctg_window_get_actions_view (window)), "scroll-list");
        }
      else if (g_str_equal (argv[i], "scroll-timeline"))
        {
          gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "timeline");
          settle ();
          bench_scroll_measure (GTK_WIDGET (_ctg_window_get_timeline (window)), "scroll-timeline");
        }
      else
        g_printerr ("bench-ui: unknown measure %s\n", argv[i]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
