/* ctg-report-writer.c: pages, text and tables for the COPIL report
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "ctg-report-private.h"

/* Points */
#define A4_SHORT 595.2756
#define A4_LONG  841.8898

#define PORTRAIT_MARGIN_X   54.0
#define PORTRAIT_TOP        70.0
#define PORTRAIT_BOTTOM     64.0
#define LANDSCAPE_MARGIN_X  42.0
#define LANDSCAPE_TOP       60.0
#define LANDSCAPE_BOTTOM    54.0
#define HEADER_Y            30.0
#define FOOTER_GAP          40.0

#define CELL_PAD_X    3.5
#define CELL_PAD_Y    3.0
#define DOT_INDENT    9.0
#define BAR_GAP       2.0
#define BAR_HEIGHT    3.0
#define MIN_SPLIT    30.0

const ReportColor report_text = { 0.12, 0.14, 0.17 };
const ReportColor report_secondary = { 0.36, 0.39, 0.44 };
const ReportColor report_accent = { 0.08, 0.27, 0.45 };
const ReportColor report_rule = { 0.80, 0.82, 0.85 };
const ReportColor report_shade = { 0.94, 0.95, 0.97 };
const ReportColor report_header_shade = { 0.89, 0.92, 0.95 };
const ReportColor report_overdue = { 0.75, 0.18, 0.13 };

/* Restrained, distinct in print and apart from the overdue red */
const ReportColor report_status_colors[CTG_N_STATUSES] = {
  [CTG_STATUS_TODO]        = { 0.62, 0.65, 0.69 },
  [CTG_STATUS_IN_PROGRESS] = { 0.18, 0.43, 0.71 },
  [CTG_STATUS_DONE]        = { 0.18, 0.55, 0.34 },
  [CTG_STATUS_POSTPONED]   = { 0.85, 0.57, 0.11 },
  [CTG_STATUS_ABANDONED]   = { 0.45, 0.38, 0.55 },
};

static const ReportColor progress_track = { 0.88, 0.90, 0.92 };

/* A part's title, at the top of its page */
const TextStyle report_part_title = { FONT_H1, &report_accent, .above = 24, .below = 6, .keep = 40 };
const TextStyle report_body = { FONT_BODY, &report_text };
const TextStyle report_body_secondary = { FONT_BODY, &report_secondary };
/* The line under a heading that says what follows */
const TextStyle report_lead = { FONT_SMALL, &report_secondary, .below = 6 };
const TextStyle report_note = { FONT_SMALL, &report_secondary };
/* A note on the table above it */
const TextStyle report_footnote = { FONT_SMALL, &report_secondary, .indent = 6 };

static const struct {
  double      size;
  PangoWeight weight;
} font_specs[N_FONTS] = {
  [FONT_BODY]       = { 9.5, PANGO_WEIGHT_NORMAL },
  [FONT_BODY_BOLD]  = { 9.5, PANGO_WEIGHT_BOLD },
  [FONT_SMALL]      = { 8.5, PANGO_WEIGHT_NORMAL },
  [FONT_SMALL_BOLD] = { 8.5, PANGO_WEIGHT_BOLD },
  [FONT_TABLE]      = { 8.0, PANGO_WEIGHT_NORMAL },
  [FONT_TABLE_BOLD] = { 8.0, PANGO_WEIGHT_BOLD },
  [FONT_TINY]       = { 7.0, PANGO_WEIGHT_NORMAL },
  [FONT_TINY_BOLD]  = { 7.0, PANGO_WEIGHT_BOLD },
  [FONT_KICKER]     = { 7.5, PANGO_WEIGHT_BOLD },
  [FONT_H1]         = { 17.0, PANGO_WEIGHT_BOLD },
  [FONT_H2]         = { 12.0, PANGO_WEIGHT_BOLD },
  [FONT_H3]         = { 10.0, PANGO_WEIGHT_BOLD },
  [FONT_TITLE]      = { 24.0, PANGO_WEIGHT_BOLD },
  [FONT_SUBTITLE]   = { 13.0, PANGO_WEIGHT_NORMAL },
  [FONT_FIGURE]     = { 22.0, PANGO_WEIGHT_BOLD },
};

/* Set up and passes */

void
writer_init (Writer          *w,
             CtgReport       *report,
             cairo_surface_t *surface)
{
  cairo_font_options_t *options;

  memset (w, 0, sizeof *w);
  w->report = report;
  w->surface = surface;
  w->cr = cairo_create (surface);

  /* A font map of our own: the report may be made in a worker thread */
  w->font_map = pango_cairo_font_map_new ();
  /* Its own contexts, in which Pango measures each font's metrics, at the
   * resolution of ours: the same font sets (see _ctg_report_font_family()) */
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (w->font_map), 72.0);
  w->context = pango_font_map_create_context (w->font_map);
  pango_cairo_update_context (w->cr, w->context);
  /* One unit is one point */
  pango_cairo_context_set_resolution (w->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (w->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (w->context, FALSE);

  for (guint i = 0; i < N_FONTS; i++)
    {
      w->fonts[i] = pango_font_description_from_string (report->family != NULL ? report->family
                                                                         : _ctg_report_font_family ());
      pango_font_description_set_size (w->fonts[i], (int) (font_specs[i].size * PANGO_SCALE));
      pango_font_description_set_weight (w->fonts[i], font_specs[i].weight);
    }

  w->shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  w->dates = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  w->anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

void
writer_clear (Writer *w)
{
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&w->fonts[i], pango_font_description_free);
  g_clear_pointer (&w->shared, g_hash_table_unref);
  g_clear_pointer (&w->shared_old, g_hash_table_unref);
  g_clear_pointer (&w->dates, g_hash_table_unref);
  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 3; j++)
      g_clear_object (&w->running[i][j]);
  g_clear_pointer (&w->anchors, g_hash_table_unref);
  g_clear_pointer (&w->kept, g_hash_table_unref);
  g_clear_object (&w->context);
  g_clear_object (&w->font_map);
  g_clear_pointer (&w->cr, cairo_destroy);
}

void
writer_reset (Writer   *w,
              gboolean  drawing)
{
  w->n_pages = drawing ? w->page : 0;
  w->drawing = drawing;
  w->page = 0;
  w->y = 0;
  w->fresh = TRUE;
  w->total_units = drawing && w->units > 0 ? w->units : w->total_units;
  w->units = 0;
  w->pass_start = drawing ? 0.35 : 0.0;
  w->pass_span = drawing ? 0.6 : 0.35;
}

/**
 * writer_tick:
 *
 * One more unit of work done (an action laid out): reports progress and
 * checks for cancellation.
 *
 * Returns: %FALSE when the work is to stop
 */
gboolean
writer_tick (Writer *w)
{
  w->units++;

  if (w->cancelled)
    return FALSE;
  if ((((guint) w->units) & 31) == 0 && g_cancellable_is_cancelled (w->cancellable))
    {
      w->cancelled = TRUE;
      return FALSE;
    }

  if (w->progress != NULL && w->total_units > 0)
    {
      double fraction = w->pass_start + w->pass_span * MIN (1.0, w->units / w->total_units);

      if (fraction - w->reported >= 0.01)
        {
          w->reported = fraction;
          w->progress (fraction, w->progress_data);
        }
    }
  return TRUE;
}

/* Pages */

/* The running header and footer's fixed parts, laid out once per orientation */
static PangoLayout *
running_layout (Writer *w,
                guint   which)
{
  CtgReport *report = w->report;
  PangoLayout **slot = &w->running[w->landscape ? 1 : 0][which];

  if (*slot == NULL)
    {
      g_autofree char *meeting_date = _ctg_report_format_gdate (&report->meeting);
      g_autofree char *meeting = NULL;
      g_autoptr(PangoLayout) right = NULL;
      double width = w->right - w->left;

      /* Translators: the running header's right side, "COPIL of 15 March 2025" */
      meeting = g_strdup_printf (_("COPIL of %s"), meeting_date);
      right = writer_layout (w, FONT_TINY, 0, meeting);

      switch (which)
        {
        case 0:
          /* A running header is a reminder: a long title is shortened, it
           * is in full on the cover */
          *slot = writer_layout (w, FONT_TINY, width - layout_width (right) - 24,
                                 report->title[0] != '\0' ? report->title : _("Untitled convention"));
          pango_layout_set_ellipsize (*slot, PANGO_ELLIPSIZE_END);
          pango_layout_set_height (*slot, -1);
          break;
        case 1:
          *slot = g_steal_pointer (&right);
          break;
        case 2:
        default:
          /* Room for "Page 9999 of 9999" on the right */
          *slot = writer_layout (w, FONT_TINY, width - 120, report->territory);
          pango_layout_set_ellipsize (*slot, PANGO_ELLIPSIZE_END);
          pango_layout_set_height (*slot, -1);
          break;
        }
    }
  return *slot;
}

static void
draw_running_header (Writer *w)
{
  PangoLayout *left = running_layout (w, 0);
  PangoLayout *right = running_layout (w, 1);
  double rule_y = HEADER_Y + layout_height (right) + 4;

  writer_show (w, left, w->left, HEADER_Y, &report_secondary);
  writer_show (w, right, w->right - layout_width (right), HEADER_Y, &report_secondary);
  writer_line (w, w->left, rule_y, w->right, rule_y, 0.5, &report_rule);
}

static void
draw_running_footer (Writer *w)
{
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) right = NULL;
  double y = w->page_height - FOOTER_GAP;

  /* Translators: the page number at the foot of each page of the report */
  number = g_strdup_printf (_("Page %u of %u"), w->page, w->n_pages);
  right = writer_layout (w, FONT_TINY, 0, number);

  writer_line (w, w->left, y - 4, w->right, y - 4, 0.5, &report_rule);
  if (w->report->territory[0] != '\0')
    writer_show (w, running_layout (w, 2), w->left, y, &report_secondary);
  writer_show (w, right, w->right - layout_width (right), y, &report_secondary);
}

static void
end_page (Writer *w)
{
  if (!w->drawing)
    return;
  if (w->decorated)
    draw_running_footer (w);
  if (w->pages != NULL)
    {
      /* For print: each page kept as its own recording */
      CtgReportPage *page = g_new0 (CtgReportPage, 1);

      page->pattern = cairo_pop_group (w->cr);
      page->width = w->page_width;
      page->height = w->page_height;
      /* The recording refers to the fonts: they live as long as it */
      page->fonts = g_object_ref (w->font_map);
      g_ptr_array_add (w->pages, page);
      return;
    }
  cairo_show_page (w->cr);
}

void
writer_start_page (Writer   *w,
                   gboolean  landscape,
                   gboolean  decorated)
{
  if (w->page > 0)
    end_page (w);

  w->page++;
  w->landscape = landscape;
  w->decorated = decorated;
  w->page_width = landscape ? A4_LONG : A4_SHORT;
  w->page_height = landscape ? A4_SHORT : A4_LONG;
  w->left = landscape ? LANDSCAPE_MARGIN_X : PORTRAIT_MARGIN_X;
  w->right = w->page_width - w->left;
  w->top = landscape ? LANDSCAPE_TOP : PORTRAIT_TOP;
  w->bottom = w->page_height - (landscape ? LANDSCAPE_BOTTOM : PORTRAIT_BOTTOM);
  w->y = w->top;
  w->fresh = TRUE;

  if (w->drawing)
    {
      if (w->pages != NULL)
        cairo_push_group (w->cr);
      else
        cairo_pdf_surface_set_size (w->surface, w->page_width, w->page_height);
      /* Paper white over the whole page first: cairo's PDF backend adds
       * the extents of each drawing to a region for its analysis of the
       * page, and while that region is one rectangle holding the page,
       * adding to it is a containment test rather than a merge of
       * hundreds of rectangles (6% of a long report) */
      cairo_set_source_rgb (w->cr, 1, 1, 1);
      cairo_paint (w->cr);
      if (decorated)
        draw_running_header (w);
    }
}

/* A section starts on a page of its own, the current one if still empty */
void
writer_section_page (Writer   *w,
                     gboolean  landscape)
{
  if (w->page > 0 && w->fresh && w->landscape == landscape && w->decorated)
    return;
  writer_start_page (w, landscape, TRUE);
}

static void
writer_new_page (Writer *w)
{
  writer_start_page (w, w->landscape, w->decorated);
}

void
writer_finish (Writer *w)
{
  if (w->page > 0)
    end_page (w);
}

/* Makes room for @height, on a new page if need be */
void
writer_ensure (Writer *w,
               double  height)
{
  if (!w->fresh && w->y + height > w->bottom)
    writer_new_page (w);
}

double
writer_width (Writer *w)
{
  return w->right - w->left;
}

/* Where @dest is, in the first pass, for the contents' page numbers */
void
writer_note_anchor (Writer     *w,
                    const char *dest)
{
  if (!w->drawing && dest != NULL)
    g_hash_table_insert (w->anchors, g_strdup (dest), GUINT_TO_POINTER (w->page));
}

int
writer_add_outline (Writer     *w,
                    int         parent,
                    const char *title,
                    const char *dest,
                    gboolean    open)
{
  g_autofree char *attributes = NULL;
  g_autofree char *flat = NULL;

  if (!w->drawing || w->pages != NULL)
    return 0;

  /* An outline entry is one line */
  flat = g_strdup (title);
  g_strdelimit (flat, "\r\n\t", ' ');
  attributes = g_strdup_printf ("dest='%s'", dest);
  return cairo_pdf_surface_add_outline (w->surface, parent, flat, attributes,
                                        open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
}

/* Text (the layouts themselves are made in ctg-report-layout.c) */

/* Paints what follows in @color */
void
writer_set_color (Writer            *w,
                  const ReportColor *color)
{
  cairo_set_source_rgb (w->cr, color->r, color->g, color->b);
}

/* @color as Pango markup's foreground takes it: "#1f2328" */
char *
report_color_to_markup (const ReportColor *color)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) (color->r * 255), (int) (color->g * 255), (int) (color->b * 255));
}

void
writer_show (Writer            *w,
             PangoLayout       *layout,
             double             x,
             double             y,
             const ReportColor *color)
{
  if (!w->drawing || layout == NULL)
    return;
  writer_set_color (w, color);
  cairo_move_to (w->cr, x, y);
  pango_cairo_show_layout (w->cr, layout);
  cairo_new_path (w->cr);
}

static GArray *
layout_lines (PangoLayout *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (LineBox));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      LineBox box;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      box.top = (double) y0 / PANGO_SCALE;
      box.bottom = (double) y1 / PANGO_SCALE;
      box.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      box.x = (double) logical.x / PANGO_SCALE;
      g_array_append_val (lines, box);
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
  return lines;
}

/* Lines @first to @last (excluded), the top of @first at @y */
static void
show_lines (Writer            *w,
            PangoLayout       *layout,
            GArray            *lines,
            guint              first,
            guint              last,
            double             x,
            double             y,
            const ReportColor *color)
{
  double top;

  if (!w->drawing || first >= last)
    return;

  top = g_array_index (lines, LineBox, first).top;
  writer_set_color (w, color);
  for (guint i = first; i < last; i++)
    {
      const LineBox *box = &g_array_index (lines, LineBox, i);

      cairo_move_to (w->cr, x + box->x, y + box->baseline - top);
      pango_cairo_show_layout_line (w->cr, pango_layout_get_line_readonly (layout, (int) i));
    }
  cairo_new_path (w->cr);
}

static double
first_line_middle (PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int y0, y1;

  pango_layout_iter_get_line_yrange (iter, &y0, &y1);
  pango_layout_iter_free (iter);
  return (double) (y0 + y1) / 2 / PANGO_SCALE;
}

/* Shapes */

void
writer_fill_rect (Writer            *w,
                  double             x,
                  double             y,
                  double             width,
                  double             height,
                  const ReportColor *color)
{
  if (!w->drawing || width <= 0 || height <= 0)
    return;
  writer_set_color (w, color);
  cairo_rectangle (w->cr, x, y, width, height);
  cairo_fill (w->cr);
}

void
writer_line (Writer            *w,
             double             x0,
             double             y0,
             double             x1,
             double             y1,
             double             line_width,
             const ReportColor *color)
{
  if (!w->drawing)
    return;
  writer_set_color (w, color);
  cairo_set_line_width (w->cr, line_width);
  cairo_move_to (w->cr, x0, y0);
  cairo_line_to (w->cr, x1, y1);
  cairo_stroke (w->cr);
}

static void
writer_status_dot (Writer    *w,
                   double     cx,
                   double     cy,
                   CtgStatus  status)
{
  if (!w->drawing)
    return;
  writer_set_color (w, &report_status_colors[status]);
  cairo_new_sub_path (w->cr);
  cairo_arc (w->cr, cx, cy, 2.8, 0, 2 * G_PI);
  cairo_fill (w->cr);
}

static void
writer_progress_bar (Writer *w,
                     double  x,
                     double  y,
                     double  width,
                     double  height,
                     double  percent)
{
  const ReportColor *fill;

  if (!w->drawing || width <= 0)
    return;
  fill = percent >= 100 ? &report_status_colors[CTG_STATUS_DONE]
                        : &report_status_colors[CTG_STATUS_IN_PROGRESS];
  writer_fill_rect (w, x, y, width, height, &progress_track);
  writer_fill_rect (w, x, y, width * CLAMP (percent, 0, 100) / 100, height, fill);
}

/* Opens a cairo tag with @key='@dest'. Paper has no links: print leaves
 * them out (cairo's PDF backend, under a print preview, would meet them in
 * a replayed recording) */
static void
tag_begin (Writer     *w,
           const char *tag,
           const char *key,
           const char *dest)
{
  g_autofree char *attributes = NULL;

  if (!w->drawing || dest == NULL || w->pages != NULL)
    return;
  attributes = g_strdup_printf ("%s='%s'", key, dest);
  cairo_tag_begin (w->cr, tag, attributes);
}

static void
tag_end (Writer     *w,
         const char *tag,
         const char *dest)
{
  if (!w->drawing || dest == NULL || w->pages != NULL)
    return;
  cairo_tag_end (w->cr, tag);
}

static void
dest_begin (Writer     *w,
            const char *dest)
{
  writer_note_anchor (w, dest);
  tag_begin (w, CAIRO_TAG_DEST, "name", dest);
}

static void
dest_end (Writer     *w,
          const char *dest)
{
  tag_end (w, CAIRO_TAG_DEST, dest);
}

/* Flowing text */

/* Lays @layout out from the current position, over as many pages as it
 * takes, never leaving a paragraph's first or last line alone on a page */
static void
flow_layout (Writer            *w,
             PangoLayout       *layout,
             double             x,
             const ReportColor *color,
             const char        *dest)
{
  g_autoptr(GArray) lines = NULL;
  double height = layout_height (layout);
  guint n, i = 0;

  if (w->y + height <= w->bottom || (w->fresh && height <= w->bottom - w->y))
    {
      dest_begin (w, dest);
      writer_show (w, layout, x, w->y, color);
      dest_end (w, dest);
      w->y += height;
      w->fresh = FALSE;
      return;
    }

  lines = layout_lines (layout);
  n = lines->len;
  while (i < n)
    {
      double top = g_array_index (lines, LineBox, i).top;
      double available = w->bottom - w->y;
      guint j = i;

      while (j < n && g_array_index (lines, LineBox, j).bottom - top <= available)
        j++;

      if (j == i || (j == i + 1 && n - i > 1))
        {
          /* Not even two lines fit here */
          if (!w->fresh)
            {
              writer_new_page (w);
              continue;
            }
          j = MAX (j, i + 1);
        }
      /* No last line alone on the next page */
      if (j < n && n - j == 1 && j - i > 2)
        j--;

      if (i == 0)
        dest_begin (w, dest);
      show_lines (w, layout, lines, i, j, x, w->y, color);
      if (i == 0)
        dest_end (w, dest);
      w->y += g_array_index (lines, LineBox, j - 1).bottom - top;
      w->fresh = FALSE;
      i = j;
      if (i < n)
        writer_new_page (w);
    }
}

void
writer_paragraph (Writer          *w,
                  const char      *text,
                  const TextStyle *style)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  layout = writer_cached_layout (w, LAYOUT_KEPT, style->font, writer_width (w) - style->indent,
                                 PANGO_ALIGN_LEFT, text);
  flow_layout (w, layout, w->left + style->indent, style->color, NULL);
  w->y += style->below;
}

/**
 * writer_heading:
 * @dest: (nullable): a destination to name the heading, for links
 */
void
writer_heading (Writer          *w,
                const char      *text,
                const TextStyle *style,
                const char      *dest)
{
  g_autoptr(PangoLayout) layout = writer_cached_layout (w, LAYOUT_KEPT, style->font, writer_width (w),
                                                        PANGO_ALIGN_LEFT, text);
  double height = layout_height (layout);

  if (!w->fresh && w->y + style->above + height + style->keep > w->bottom)
    writer_new_page (w);
  if (!w->fresh)
    w->y += style->above;

  flow_layout (w, layout, w->left, style->color, dest);
  w->y += style->below;
}

void
writer_kicker (Writer            *w,
               const char        *text,
               const ReportColor *color,
               double             keep)
{
  g_autoptr(PangoLayout) layout = writer_kicker_layout (w, writer_width (w), text);
  double height = layout_height (layout);

  writer_ensure (w, height + keep);
  flow_layout (w, layout, w->left, color, NULL);
  w->y += 3;
}

/* A bar of the actions by status, then its legend with the counts */
void
writer_status_legend (Writer      *w,
                      const guint  counts[CTG_N_STATUSES],
                      double       bar_height,
                      FontId       font)
{
  guint total = 0;
  double x, line_height = 0;
  double width = writer_width (w);

  for (guint s = 0; s < CTG_N_STATUSES; s++)
    total += counts[s];
  if (total == 0)
    return;

  writer_ensure (w, bar_height + 30);

  x = w->left;
  for (guint s = 0; s < CTG_N_STATUSES; s++)
    {
      double segment = width * counts[s] / total;

      writer_fill_rect (w, x, w->y, segment, bar_height, &report_status_colors[s]);
      x += segment;
    }
  w->y += bar_height + 5;
  w->fresh = FALSE;

  x = w->left;
  for (guint s = 0; s < CTG_N_STATUSES; s++)
    {
      g_autofree char *count = NULL;
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double item_width, height;

      if (counts[s] == 0)
        continue;

      count = _ctg_report_format_count (counts[s]);
      /* Translators: a status and its number of actions in a legend, "Done: 3";
       * French puts a space before the colon */
      text = g_strdup_printf (C_("legend", "%s: %s"), ctg_status_to_label ((CtgStatus) s), count);
      layout = writer_layout (w, font, 0, text);
      height = layout_height (layout);
      item_width = 10 + layout_width (layout);
      if (x > w->left && x + item_width > w->right)
        {
          x = w->left;
          w->y += line_height + 2;
        }
      line_height = MAX (line_height, height);
      writer_fill_rect (w, x, w->y + height / 2 - 3, 6, 6, &report_status_colors[s]);
      writer_show (w, layout, x + 10, w->y, &report_text);
      x += item_width + 14;
    }
  w->y += line_height;
}

/* Contents */

static const TextStyle contents_line = { FONT_SMALL, &report_text, .below = 4 };

/**
 * writer_contents_entry:
 *
 * A line of the contents: @title, a link to @dest, dotted leaders and the
 * page where @dest was in the first pass
 */
void
writer_contents_entry (Writer     *w,
                       const char *title,
                       const char *dest)
{
  guint page_number = GPOINTER_TO_UINT (g_hash_table_lookup (w->anchors, dest));
  g_autofree char *number = g_strdup_printf ("%u", page_number);
  g_autoptr(PangoLayout) page = writer_layout (w, FONT_SMALL, 0, number);
  g_autoptr(PangoLayout) text = writer_layout (w, FONT_SMALL, writer_width (w) - 60, title);
  double height = layout_height (text) + 4;
  double page_width = layout_width (page);

  if (height > w->bottom - w->top)
    {
      /* Longer than a page: no leaders, no page number */
      writer_paragraph (w, title, &contents_line);
      return;
    }
  writer_ensure (w, height);
  tag_begin (w, CAIRO_TAG_LINK, "dest", dest);
  writer_show (w, text, w->left, w->y, &report_text);
  tag_end (w, CAIRO_TAG_LINK, dest);
  writer_show (w, page, w->right - page_width, w->y + layout_height (text) - layout_height (page), &report_text);

  if (w->drawing)
    {
      /* Dotted leaders from the end of the title to the page number */
      PangoLayoutIter *iter = pango_layout_get_iter (text);
      PangoRectangle logical;
      double baseline, end_x;
      static const double dots[] = { 0.6, 2.4 };

      while (!pango_layout_iter_at_last_line (iter))
        pango_layout_iter_next_line (iter);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      end_x = w->left + (double) (logical.x + logical.width) / PANGO_SCALE + 6;
      pango_layout_iter_free (iter);

      if (end_x < w->right - page_width - 6)
        {
          cairo_save (w->cr);
          writer_set_color (w, &report_rule);
          cairo_set_line_width (w->cr, 0.8);
          cairo_set_line_cap (w->cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_dash (w->cr, dots, 2, 0);
          cairo_move_to (w->cr, end_x, w->y + baseline);
          cairo_line_to (w->cr, w->right - page_width - 6, w->y + baseline);
          cairo_stroke (w->cr);
          cairo_restore (w->cr);
        }
    }
  w->y += height;
  w->fresh = FALSE;
}

/* Tables */

void
table_row_clear (TableRow *row)
{
  for (guint i = 0; i < TABLE_MAX_COLUMNS; i++)
    {
      g_clear_object (&row->cells[i].layout);
      g_clear_pointer (&row->cells[i].lines, g_array_unref);
      g_clear_pointer (&row->cells[i].link, g_free);
    }
}

static void
row_free (TableRow *row)
{
  table_row_clear (row);
  g_free (row);
}

void
table_init (Table      *t,
            double      x,
            const char *continued)
{
  memset (t, 0, sizeof *t);
  t->x = x;
  t->continued = g_strdup (continued);
  t->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
}

static void
table_clear (Table *t)
{
  g_clear_pointer (&t->continued, g_free);
  g_clear_pointer (&t->pending, g_ptr_array_unref);
}

void
table_add_column (Table             *t,
                  const TableColumn *column)
{
  g_assert (t->n_columns < TABLE_MAX_COLUMNS);

  t->columns[t->n_columns++] = *column;
  t->width += column->width;
}

/* The narrowest a column can be without breaking a word of its header */
double
table_header_min_width (Writer     *w,
                        const char *header)
{
  return report_ceil (writer_word_width (w, FONT_TINY_BOLD, header)) + 2 * CELL_PAD_X + 1;
}

/* Gives the width left on the page to the column @flexible */
void
table_fit_column (Writer *w,
                  Table  *t,
                  guint   flexible)
{
  static const double weight = 1;

  table_fit_columns (w, t, &flexible, &weight, 1);
}

/* Widens each other column as a word of its header needs, then gives the
 * width left on the page to the @flexible columns, by @weights */
void
table_fit_columns (Writer       *w,
                   Table        *t,
                   const guint  *flexible,
                   const double *weights,
                   guint         n_flexible)
{
  double fixed = 0, total_weight = 0, free_width;

  for (guint i = 0; i < t->n_columns; i++)
    {
      TableColumn *column = &t->columns[i];
      gboolean is_flexible = FALSE;

      for (guint j = 0; j < n_flexible; j++)
        is_flexible |= flexible[j] == i;
      if (is_flexible)
        continue;
      /* A header breaks no word */
      if (column->header != NULL)
        column->width = report_ceil (MAX (column->width, table_header_min_width (w, column->header)));
      fixed += column->width;
    }
  for (guint j = 0; j < n_flexible; j++)
    total_weight += weights[j];

  free_width = MAX (writer_width (w) - fixed, 40.0 * n_flexible);
  for (guint j = 0; j < n_flexible; j++)
    t->columns[flexible[j]].width = report_floor (free_width * weights[j] / total_weight);

  t->width = 0;
  for (guint i = 0; i < t->n_columns; i++)
    t->width += t->columns[i].width;
}

static double
cell_text_width (const TableColumn *column)
{
  return column->width - 2 * CELL_PAD_X - (column->kind == CELL_STATUS ? DOT_INDENT : 0);
}

/* The width of the text of @row's cell in @column, across the table in a
 * span row */
static double
cell_width (Table    *t,
            TableRow *row,
            guint     column)
{
  return row->span ? t->width - 2 * CELL_PAD_X : cell_text_width (&t->columns[column]);
}

void
row_set_text (Writer            *w,
              Table             *t,
              TableRow          *row,
              guint              column,
              const char        *text,
              const ReportColor *color)
{
  const TableColumn *col = &t->columns[column];
  TableCell *cell = &row->cells[column];
  double width = cell_width (t, row, column);

  g_clear_object (&cell->layout);
  cell->color = color != NULL ? *color : report_text;
  cell->progress = -1;
  if (text == NULL || text[0] == '\0')
    return;
  cell->layout = writer_cached_layout (w, col->shared ? LAYOUT_SHARED : LAYOUT_KEPT, col->font, width,
                                       col->align, text);
}

/* The same with Pango @markup, which sets its own colours and sizes */
void
row_set_markup (Writer     *w,
                Table      *t,
                TableRow   *row,
                guint       column,
                const char *markup)
{
  TableCell *cell = &row->cells[column];

  g_clear_object (&cell->layout);
  cell->color = report_text;
  cell->progress = -1;
  cell->layout = writer_cached_layout (w, LAYOUT_KEPT_MARKUP, t->columns[column].font, cell_width (t, row, column),
                                       PANGO_ALIGN_LEFT, markup);
}

void
row_set_status (Writer    *w,
                Table     *t,
                TableRow  *row,
                guint      column,
                CtgStatus  status)
{
  row_set_text (w, t, row, column, ctg_status_to_label (status), NULL);
  row->cells[column].status = status;
}

void
row_set_progress (Writer   *w,
                  Table    *t,
                  TableRow *row,
                  guint     column,
                  int       progress)
{
  g_autofree char *text = progress >= 0 ? _ctg_report_format_percent (progress) : g_strdup ("—");

  row_set_text (w, t, row, column, text, progress >= 0 ? NULL : &report_secondary);
  row->cells[column].progress = progress;
}

void
row_set_link (TableRow   *row,
              guint       column,
              const char *dest)
{
  g_free (row->cells[column].link);
  row->cells[column].link = g_strdup (dest);
}

static gboolean
cell_has_bar (const TableColumn *column,
              const TableCell   *cell)
{
  return column->kind == CELL_PROGRESS && cell->progress >= 0 && cell->first == 0;
}

static double
cell_height (const TableColumn *column,
             const TableCell   *cell)
{
  double height = 0;

  if (cell->layout != NULL)
    {
      if (cell->lines == NULL)
        height = layout_height (cell->layout);
      else if (cell->first < cell->lines->len)
        height = g_array_index (cell->lines, LineBox, cell->lines->len - 1).bottom
                 - g_array_index (cell->lines, LineBox, cell->first).top;
    }
  if (cell_has_bar (column, cell))
    height += BAR_GAP + BAR_HEIGHT;
  return height;
}

/* The height @row takes, all of it */
double
table_row_height (Table    *t,
                  TableRow *row)
{
  double height = 0;
  guint n = row->span ? 1 : t->n_columns;

  for (guint i = 0; i < n; i++)
    height = MAX (height, cell_height (&t->columns[i], &row->cells[i]));
  return MAX (height + 2 * CELL_PAD_Y, row->min_height) + row->pad_top;
}

static double
column_x (Table *t,
          guint  column)
{
  double x = t->x;

  for (guint i = 0; i < column; i++)
    x += t->columns[i].width;
  return x;
}

static PangoLayout *
continued_layout (Writer *w,
                  Table  *t)
{
  g_autofree char *text = NULL;

  if (t->continued == NULL || t->n_rows == 0)
    return NULL;
  /* Translators: above a table continued from the previous page */
  text = g_strdup_printf (_("%s (continued)"), t->continued);
  return writer_layout (w, FONT_TINY, t->width, text);
}

/* The header of column @i, %NULL for a column without one */
static PangoLayout *
header_layout (Writer *w,
               Table  *t,
               guint   i)
{
  if (t->columns[i].header == NULL)
    return NULL;
  return writer_cached_layout (w, LAYOUT_SHARED, FONT_TINY_BOLD, t->columns[i].width - 2 * CELL_PAD_X,
                               t->columns[i].align, t->columns[i].header);
}

double
table_header_height (Writer *w,
                     Table  *t)
{
  double height = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < t->n_columns; i++)
    {
      g_autoptr(PangoLayout) layout = header_layout (w, t, i);

      if (layout == NULL)
        continue;
      height = MAX (height, layout_height (layout));
      any = TRUE;
    }
  if (!any && t->header_min_height <= 0)
    return 0;
  return MAX (height + 2 * CELL_PAD_Y, t->header_min_height);
}

/* The height of what goes above the first row on a page */
static double
prefix_height (Writer *w,
               Table  *t)
{
  g_autoptr(PangoLayout) continued = NULL;
  double height;

  if (t->header_on_page)
    return 0;
  continued = continued_layout (w, t);
  height = table_header_height (w, t);
  if (continued != NULL)
    height += layout_height (continued) + 3;
  return height;
}

static void
draw_header (Writer *w,
             Table  *t)
{
  g_autoptr(PangoLayout) continued = continued_layout (w, t);
  double height;

  if (continued != NULL)
    {
      writer_show (w, continued, t->x, w->y, &report_secondary);
      w->y += layout_height (continued) + 3;
    }

  height = table_header_height (w, t);
  if (height <= 0)
    {
      t->header_on_page = TRUE;
      return;
    }
  writer_fill_rect (w, t->x, w->y, t->width, height, &report_header_shade);
  if (t->decorate_header != NULL)
    t->decorate_header (w, t, w->y, height);
  for (guint i = 0; i < t->n_columns; i++)
    {
      g_autoptr(PangoLayout) layout = header_layout (w, t, i);

      if (layout != NULL)
        writer_show (w, layout, column_x (t, i) + CELL_PAD_X, w->y + CELL_PAD_Y, &report_accent);
    }
  w->y += height;
  t->header_on_page = TRUE;
  w->fresh = FALSE;
}

static void
table_new_page (Writer *w,
                Table  *t)
{
  writer_new_page (w);
  t->header_on_page = FALSE;
  t->rows_on_page = 0;
}

/* Draws the lines of each cell that fit in @available (all of them if
 * negative) and returns the height used */
static double
draw_row_lines (Writer   *w,
                Table    *t,
                TableRow *row,
                double    available)
{
  guint n = row->span ? 1 : t->n_columns;
  double used = 0, y = w->y + CELL_PAD_Y + row->pad_top;
  guint ends[TABLE_MAX_COLUMNS] = { 0 };
  gboolean bars[TABLE_MAX_COLUMNS] = { FALSE };

  /* How far each cell goes */
  for (guint i = 0; i < n; i++)
    {
      TableCell *cell = &row->cells[i];
      double height = 0;

      if (cell->layout != NULL)
        {
          if (available < 0)
            {
              height = cell_height (&t->columns[i], cell);
              /* The rest of a split cell, or the whole layout at once */
              ends[i] = cell->lines != NULL ? cell->lines->len : G_MAXUINT;
              bars[i] = cell_has_bar (&t->columns[i], cell);
            }
          else
            {
              double top;
              guint j;

              if (cell->lines == NULL)
                cell->lines = layout_lines (cell->layout);
              j = cell->first;
              if (j < cell->lines->len)
                {
                  top = g_array_index (cell->lines, LineBox, j).top;
                  while (j < cell->lines->len &&
                         g_array_index (cell->lines, LineBox, j).bottom - top <= available)
                    j++;
                  if (j > cell->first)
                    height = g_array_index (cell->lines, LineBox, j - 1).bottom - top;
                }
              ends[i] = j;
              if (j >= cell->lines->len && cell_has_bar (&t->columns[i], cell) &&
                  height + BAR_GAP + BAR_HEIGHT <= available)
                {
                  bars[i] = TRUE;
                  height += BAR_GAP + BAR_HEIGHT;
                }
            }
        }
      used = MAX (used, height);
    }

  if (available < 0 || !row->started)
    used = MAX (used, row->min_height - 2 * CELL_PAD_Y);
  if (row->shaded)
    writer_fill_rect (w, t->x, w->y, t->width, used + 2 * CELL_PAD_Y + row->pad_top, &row->shade);
  if (row->strong)
    writer_line (w, t->x, w->y, t->x + t->width, w->y, 0.8, &report_secondary);
  if (row->decorate != NULL)
    row->decorate (w, t, row, w->y + row->pad_top, used + 2 * CELL_PAD_Y, !row->started);
  row->started = TRUE;

  for (guint i = 0; i < n; i++)
    {
      const TableColumn *col = &t->columns[i];
      TableCell *cell = &row->cells[i];
      double x = column_x (t, i) + CELL_PAD_X;
      gboolean starts = cell->first == 0;
      double text_height;

      if (cell->layout == NULL)
        continue;
      if (col->kind == CELL_STATUS && !row->span)
        {
          if (starts)
            writer_status_dot (w, x + 3, y + first_line_middle (cell->layout), cell->status);
          x += DOT_INDENT;
        }

      tag_begin (w, CAIRO_TAG_LINK, "dest", cell->link);
      if (ends[i] == G_MAXUINT)
        {
          writer_show (w, cell->layout, x, y, &cell->color);
          text_height = layout_height (cell->layout);
        }
      else
        {
          show_lines (w, cell->layout, cell->lines, cell->first, ends[i], x, y, &cell->color);
          text_height = ends[i] > cell->first
                          ? g_array_index (cell->lines, LineBox, ends[i] - 1).bottom
                            - g_array_index (cell->lines, LineBox, cell->first).top
                          : 0;
          cell->first = ends[i];
        }
      tag_end (w, CAIRO_TAG_LINK, cell->link);

      if (bars[i])
        writer_progress_bar (w, x, y + text_height + BAR_GAP, cell_text_width (col), BAR_HEIGHT,
                             cell->progress);
      if (ends[i] == G_MAXUINT)
        cell->first = G_MAXUINT;
    }

  used += 2 * CELL_PAD_Y + row->pad_top;
  if (!row->no_rule)
    writer_line (w, t->x, w->y + used, t->x + t->width, w->y + used, 0.4, &report_rule);
  w->y += used;
  w->fresh = FALSE;
  row->pad_top = 0;
  return used;
}

static gboolean
row_done (Table    *t,
          TableRow *row)
{
  guint n = row->span ? 1 : t->n_columns;

  for (guint i = 0; i < n; i++)
    {
      const TableCell *cell = &row->cells[i];

      if (cell->layout != NULL && cell->first != G_MAXUINT &&
          (cell->lines == NULL || cell->first < cell->lines->len))
        return FALSE;
    }
  return TRUE;
}

/* Places one row, splitting it across pages when it is taller than one */
static void
place_row (Writer   *w,
           Table    *t,
           TableRow *row)
{
  for (;;)
    {
      double height, available;

      if (!t->header_on_page)
        draw_header (w, t);

      height = table_row_height (t, row);
      if (w->y + height <= w->bottom)
        {
          draw_row_lines (w, t, row, -1);
          break;
        }
      if (t->rows_on_page > 0 && height <= w->bottom - w->top - prefix_height (w, t) - table_header_height (w, t))
        {
          table_new_page (w, t);
          continue;
        }

      available = w->bottom - w->y - 2 * CELL_PAD_Y - row->pad_top;
      if (available < MIN_SPLIT && t->rows_on_page > 0)
        {
          table_new_page (w, t);
          continue;
        }
      draw_row_lines (w, t, row, available);
      t->rows_on_page++;
      if (row_done (t, row))
        break;
      table_new_page (w, t);
    }

  t->rows_on_page++;
  t->n_rows++;
}

/**
 * table_add_row:
 *
 * Adds @row with the group rows waiting for it, all on the same page when
 * they fit on one, and clears @row.
 */
void
table_add_row (Writer   *w,
               Table    *t,
               TableRow *row)
{
  double height = table_row_height (t, row);

  for (guint i = 0; i < t->pending->len; i++)
    height += table_row_height (t, g_ptr_array_index (t->pending, i));

  if (w->y + prefix_height (w, t) + height > w->bottom && (t->rows_on_page > 0 || !w->fresh))
    {
      double room = w->bottom - w->top - table_header_height (w, t) - 12;

      if (height <= room)
        table_new_page (w, t);
    }

  for (guint i = 0; i < t->pending->len; i++)
    place_row (w, t, g_ptr_array_index (t->pending, i));
  g_ptr_array_set_size (t->pending, 0);

  place_row (w, t, row);
  table_row_clear (row);
  memset (row, 0, sizeof *row);
}

/**
 * table_add_group:
 * @label: (nullable): a kicker above the text: "Objective"
 * @description: (nullable): a smaller text below
 *
 * Queues a row across the table heading the rows that follow: it is placed
 * with the next row, never alone at the foot of a page.
 */
void
table_add_group (Writer     *w,
                 Table      *t,
                 GroupKind   kind,
                 const char *label,
                 const char *text,
                 const char *description)
{
  TableRow *row = g_new0 (TableRow, 1);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *upper = label != NULL ? g_utf8_strup (label, -1) : NULL;
  g_autofree char *escaped_text = writer_escape (text);
  const ReportColor *title_color = kind == GROUP_OBJECTIVE ? &report_text : &report_accent;
  const char *title_size = kind == GROUP_THEME ? "10.5" : kind == GROUP_ENJEU ? "9.5" : "8.5";
  g_autofree char *title_rgb = report_color_to_markup (title_color);
  g_autofree char *secondary_rgb = report_color_to_markup (&report_secondary);

  /* One layout with spans, so that the row splits like any other */
  if (upper != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (upper, -1);

      g_string_append_printf (markup, "<span size='6.5pt' weight='bold' letter_spacing='600' foreground='%s'>%s</span>\n",
                              secondary_rgb, escaped);
    }
  g_string_append_printf (markup, "<span size='%spt' weight='bold' foreground='%s'>%s</span>",
                          title_size, title_rgb, escaped_text);
  if (description != NULL && description[0] != '\0')
    {
      g_autofree char *escaped = writer_escape (description);

      g_string_append_printf (markup, "\n<span size='7.5pt' foreground='%s'>%s</span>", secondary_rgb, escaped);
    }

  row->span = TRUE;
  row_set_markup (w, t, row, 0, markup->str);
  row->no_rule = kind != GROUP_OBJECTIVE;
  row->pad_top = kind == GROUP_THEME ? 8 : kind == GROUP_ENJEU ? 5 : 1;
  if (kind == GROUP_OBJECTIVE)
    {
      row->shaded = TRUE;
      row->shade = report_shade;
    }
  g_ptr_array_add (t->pending, row);
}

void
table_end (Writer *w,
           Table  *t)
{
  /* Group rows left without a row: place them anyway */
  for (guint i = 0; i < t->pending->len; i++)
    place_row (w, t, g_ptr_array_index (t->pending, i));
  g_ptr_array_set_size (t->pending, 0);
  table_clear (t);
}
