/* bench-scroll.c: the scroll measure shared by bench-ui and minimal-window
 *
 * The app's lists and the floor's plain list view are scrolled by the same
 * code, so that their frame times compare: the vadjustment of the
 * GtkScrolledWindow around @scrollable moves by 60 px on each frame clock
 * tick, down then back up, for 240 frames, and each frame is timed from the
 * frame clock's "before-paint" to its "after-paint" (update, layout,
 * snapshot and render: under Xvfb nothing waits for vsync). Prints
 *   CTG_BENCH NAME-height-px=<upper> NAME-window-width-px=<w> NAME-window-height-px=<h>
 *   CTG_BENCH NAME-frame-us=<t1>,<t2>,...
 *   CTG_BENCH NAME-interval-us=<after-paint to after-paint>,...
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>

#include "bench-scroll.h"

#define SCROLL_FRAMES 240
#define SCROLL_STEP   60.0

typedef struct
{
  GtkAdjustment *adj;
  double         direction;
  gint64         frame_start;
  gint64         last_paint;
  GArray        *frame_times;     /* gint64, before-paint -> after-paint */
  GArray        *frame_intervals; /* gint64, after-paint -> after-paint */
  gboolean       done;
} Measure;

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Measure       *m)
{
  m->frame_start = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Measure       *m)
{
  gint64 now = g_get_monotonic_time ();

  if (m->done || m->frame_start == 0)
    return;
  g_array_append_val (m->frame_times, (gint64) { now - m->frame_start });
  if (m->last_paint != 0)
    g_array_append_val (m->frame_intervals, (gint64) { now - m->last_paint });
  m->last_paint = now;
  m->done = m->frame_times->len >= SCROLL_FRAMES;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  Measure *m = data;
  double value, top;

  if (m->done)
    return G_SOURCE_REMOVE;
  value = gtk_adjustment_get_value (m->adj) + m->direction * SCROLL_STEP;
  top = gtk_adjustment_get_upper (m->adj) - gtk_adjustment_get_page_size (m->adj);
  if (value >= top || value <= 0)
    m->direction = -m->direction;
  gtk_adjustment_set_value (m->adj, CLAMP (value, 0, top));
  return G_SOURCE_CONTINUE;
}

static void
print_times (const char *name,
             const char *what,
             GArray     *times)
{
  printf ("CTG_BENCH %s-%s=", name, what);
  for (guint i = 0; i < times->len; i++)
    printf ("%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (times, gint64, i));
  printf ("\n");
  fflush (stdout);
}

/**
 * bench_scroll_measure:
 * @scrollable: a widget inside a GtkScrolledWindow, shown in a realized
 *   window
 * @name: the prefix of the printed figures
 *
 * Runs the main loop until the measure is over (or 180 s).
 */
void
bench_scroll_measure (GtkWidget  *scrollable,
                      const char *name)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (scrollable, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *toplevel = GTK_WIDGET (gtk_widget_get_root (scrollable));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (toplevel);
  gint64 end = g_get_monotonic_time () + 180 * G_USEC_PER_SEC;
  Measure m = { .direction = 1 };
  gulong before, after;
  guint tick;

  g_return_if_fail (scrolled != NULL && clock != NULL);
  m.adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  /* The page just shown may not be laid out yet */
  while (gtk_adjustment_get_upper (m.adj) <= gtk_adjustment_get_page_size (m.adj) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  gtk_adjustment_set_value (m.adj, 0);
  spin (150);
  printf ("CTG_BENCH %s-height-px=%.0f %s-window-width-px=%d %s-window-height-px=%d\n", name,
          gtk_adjustment_get_upper (m.adj), name, gtk_widget_get_width (toplevel), name, gtk_widget_get_height (toplevel));

  m.frame_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  m.frame_intervals = g_array_new (FALSE, FALSE, sizeof (gint64));
  before = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), &m);
  after = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &m);
  tick = gtk_widget_add_tick_callback (scrollable, scroll_tick_cb, &m, NULL);
  while (!m.done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  m.done = TRUE;
  /* Whether or not it removed itself: it must not outlive m */
  gtk_widget_remove_tick_callback (scrollable, tick);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);

  print_times (name, "frame-us", m.frame_times);
  print_times (name, "interval-us", m.frame_intervals);
  g_array_unref (m.frame_times);
  g_array_unref (m.frame_intervals);
  spin (150);
}
