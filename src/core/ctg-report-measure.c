/* ctg-report-measure.c: the report's measuring pass, in two threads
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-report"

#include "config.h"

#include "ctg-report-private.h"

/* Whether the summary is measured apart: the changes follow it on its
 * last page when there are none */
gboolean
_ctg_report_summary_apart (CtgReport *report)
{
  return (report->parts & CTG_REPORT_PART_SUMMARY) && report->since == NULL;
}

/* In the main writer of two, where a section measured apart would be */
void
_ctg_report_note_apart (Writer *w,
                        guint   which)
{
  w->apart_at[which] = w->page;
  /* The next section here could start on that empty page, where the one
   * apart would have been */
  w->apart_on_fresh |= w->page > 0 && w->fresh;
}

/* The measuring pass in two threads
 *
 * Most sections start on a page of their own, so the summary (unless the
 * changes follow it) and the timeline (half of a long report's measuring)
 * are measured apart, from a first page of their own, by a second writer
 * in a thread while the first writer measures the rest; then their pages
 * are counted in after the pages before them. Each writer has its own font
 * map (Pango is not thread-safe) and only one thread uses it at a time: the
 * drawing pass, in the calling thread, starts once the thread has ended
 * and draws the layouts either writer kept. cairo shares the font faces
 * and scaled fonts of both font maps (same files, same options): the pages
 * and the PDF are the same as measured in one thread. */

static gpointer
measure_apart (gpointer data)
{
  _ctg_report_write_document (data);
  return NULL;
}

/* Where page @page of @apart is in the whole report */
static guint
apart_page (Writer *w,
            Writer *apart,
            guint   page)
{
  CtgReport *report = w->report;
  guint summary = _ctg_report_summary_apart (report) ? apart->apart_at[0] : 0;

  return page <= summary ? w->apart_at[0] + page : w->apart_at[1] + page;
}

/* Counts the pages and anchors measured by @apart in @w's */
static void
merge_apart (Writer *w,
             Writer *apart)
{
  CtgReport *report = w->report;
  guint summary = _ctg_report_summary_apart (report) ? apart->apart_at[0] : 0;
  guint timeline = apart->page - summary;
  GHashTableIter iter;
  gpointer key, value;

  /* The sections after those apart move down by their pages */
  g_hash_table_iter_init (&iter, w->anchors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint page = GPOINTER_TO_UINT (value);
      guint shift = 0;

      if (_ctg_report_summary_apart (report) && page > w->apart_at[0])
        shift += summary;
      if (_ctg_report_has_timeline (report) && page > w->apart_at[1])
        shift += timeline;
      g_hash_table_iter_replace (&iter, GUINT_TO_POINTER (page + shift));
    }
  g_hash_table_iter_init (&iter, apart->anchors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (w->anchors, g_strdup (key),
                         GUINT_TO_POINTER (apart_page (w, apart, GPOINTER_TO_UINT (value))));
  w->page += apart->page;

  /* The first one kept of equal layouts, as in one pass */
  g_hash_table_iter_init (&iter, apart->kept);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_hash_table_contains (w->kept, key))
        continue;
      g_hash_table_insert (w->kept, g_strdup (key), g_object_ref (value));
    }
  w->units += apart->units;
  w->cancelled |= apart->cancelled;
}

/* The measuring pass, in two threads when sections can be measured apart */
void
_ctg_report_measure (Writer *w)
{
  CtgReport *report = w->report;
  Writer apart;
  GThread *thread;

  writer_reset (w, FALSE);
  if (report->one_thread || !(_ctg_report_has_timeline (report) || _ctg_report_summary_apart (report)))
    {
      _ctg_report_write_document (w);
      return;
    }

  /* Made here, used by the thread alone until it has ended */
  writer_init (&apart, report, w->surface);
  apart.cancellable = w->cancellable;
  apart.role = WRITER_APART;
  /* One budget for the layouts both keep, as for one writer */
  apart.kept_total = &w->kept_bytes;
  writer_reset (&apart, FALSE);
  thread = g_thread_new ("ctg-report-apart", measure_apart, &apart);

  w->role = WRITER_MAIN;
  _ctg_report_write_document (w);
  w->role = WRITER_ALL;
  g_thread_join (thread);

  if (w->apart_on_fresh)
    {
      /* A section apart would have started on an empty page before it
       * (never seen): measure it all again in one thread */
      writer_reset (w, FALSE);
      g_hash_table_remove_all (w->anchors);
      g_hash_table_remove_all (w->kept);
      w->kept_bytes = 0;
      _ctg_report_write_document (w);
    }
  else
    merge_apart (w, &apart);
  writer_clear (&apart);
}

/* An upper bound of the height of @text at @size points in @width, from
 * its length alone: no glyph is wider than 1.25 em (a tab 4 em), two
 * wrapped lines together hold at least a line's width, no line is taller
 * than 1.8 em (measured: 1.31 em at most, for Chinese in the fallback
 * font) */
double
text_height_bound (const char *text,
                   double      size,
                   double      width)
{
  double advance = 0;
  guint paragraphs = 1;

  if (text == NULL || text[0] == '\0')
    return 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        paragraphs++;
      else
        advance += (c == '\t' ? 4 : 1.25) * size;
    }
  return (paragraphs + 1 + 2 * advance / MAX (width, 1)) * 1.8 * size;
}
