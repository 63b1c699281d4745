/* ctg-bench-hook.c: the first-frame probe of bench/run.sh
 *
 * With CTG_BENCH_FIRST_FRAME=1 in the environment, the first window that shows
 * a convention prints, once its first frame is painted, a line
 *   CTG_BENCH first-frame-us=<g_get_monotonic_time ()> rss-kb=<VmRSS>
 * on stdout and the application quits.  The benchmark records
 * CLOCK_MONOTONIC (the clock of g_get_monotonic_time) just before it starts
 * the program, so the difference is launch to first frame.  Without the
 * variable this does nothing.
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include "ctg-bench-hook.h"

static gboolean armed = TRUE;

static long
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GtkWindow     *window)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (window));

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, window);
  printf ("CTG_BENCH first-frame-us=%" G_GINT64_FORMAT " rss-kb=%ld\n", g_get_monotonic_time (), resident_kb ());
  fflush (stdout);
  if (app != NULL)
    g_application_quit (app);
}

static void
on_realize_cb (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_after_paint_cb), window, 0);
}

void
ctg_bench_hook_watch_first_frame (GtkWindow *window)
{
  if (!armed || g_getenv ("CTG_BENCH_FIRST_FRAME") == NULL)
    return;
  armed = FALSE;
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize_cb (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), NULL);
}
