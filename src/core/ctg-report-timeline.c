/* ctg-report-timeline.c: the actions as bars across the convention's years
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "ctg-report-private.h"

#define LABEL_WIDTH   250.0
#define BAR_HEIGHT      6.0
#define MAX_YEARS      12
#define HEADER_HEIGHT  28.0

typedef struct
{
  guint    first_year;
  guint    last_year;
  guint32  start;          /* julian day of the first year's 1 January */
  guint32  end;            /* julian day after the last year */
  double   x;
  double   width;
  guint32  meeting;
  gboolean meeting_shown;
  char    *meeting_label;
} Scale;

static const ReportColor year_shade = { 0.965, 0.97, 0.98 };

gboolean
_ctg_report_has_dates (CtgReport *report)
{
  return report->has_start || report->has_echeance;
}

/* Whether the report has a timeline: asked for, and something to show */
gboolean
_ctg_report_has_timeline (CtgReport *report)
{
  return (report->parts & CTG_REPORT_PART_TIMELINE) && _ctg_report_has_dates (report);
}

static gboolean
has_dates (CtgAction *action)
{
  return ctg_date_is_set (ctg_action_get_start (action)) || ctg_date_is_set (ctg_action_get_echeance (action));
}

static guint32
julian_new_year (guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, (GDateYear) year);
  return g_date_get_julian (&date);
}

static void
include_year (guint *first,
              guint *last,
              guint  year)
{
  if (year == 0)
    return;
  *first = *first == 0 ? year : MIN (*first, year);
  *last = MAX (*last, year);
}

/* From the convention's period and the actions' dates, at most a dozen
 * years around the period: a stray date does not squash the chart */
static void
scale_init (Scale     *scale,
            CtgReport *report,
            double     x,
            double     width)
{
  guint first = 0, last = 0;
  g_autofree char *meeting = _ctg_report_format_gdate (&report->meeting);

  include_year (&first, &last, report->period_start.year);
  include_year (&first, &last, report->period_end.year);
  include_year (&first, &last, g_date_get_year (&report->meeting));
  for (guint i = 0; i < report->actions->len; i++)
    {
      CtgAction *action = g_ptr_array_index (report->actions, i);

      include_year (&first, &last, ctg_action_get_start (action)->year);
      include_year (&first, &last, ctg_action_get_echeance (action)->year);
    }

  if (last - first + 1 > MAX_YEARS)
    {
      guint anchor = report->period_start.year != 0 ? report->period_start.year
                                                    : g_date_get_year (&report->meeting) - 3;

      first = MAX (first, anchor - 1);
      last = MIN (last, first + MAX_YEARS - 1);
    }

  scale->first_year = first;
  scale->last_year = last;
  scale->start = julian_new_year (first);
  scale->end = julian_new_year (last + 1);
  scale->x = x;
  scale->width = width;
  scale->meeting = g_date_get_julian (&report->meeting);
  scale->meeting_shown = scale->meeting >= scale->start && scale->meeting < scale->end;
  /* Translators: the mark of the meeting on the timeline, "COPIL 15 March 2025" */
  scale->meeting_label = g_strdup_printf (_("COPIL %s"), meeting);
}

static double
scale_x (const Scale *scale,
         guint32      day)
{
  day = CLAMP (day, scale->start, scale->end);
  return scale->x + scale->width * (day - scale->start) / (scale->end - scale->start);
}

/* The marks on a bar: the diamond of an échéance, the triangle (an arrow
 * pointing on) of an action started with no end */
typedef enum
{
  MARK_DIAMOND,
  MARK_TRIANGLE,
} MarkShape;

static void
mark (Writer            *w,
      MarkShape          shape,
      double             x,
      double             y,
      double             r,
      const ReportColor *color)
{
  writer_set_color (w, color);
  cairo_move_to (w->cr, x, y - r);
  cairo_line_to (w->cr, x + (shape == MARK_TRIANGLE ? 1.6 * r : r), y);
  cairo_line_to (w->cr, x, y + r);
  if (shape == MARK_DIAMOND)
    cairo_line_to (w->cr, x - r, y);
  cairo_close_path (w->cr);
  cairo_fill (w->cr);
}

static ReportColor
tint (const ReportColor *color)
{
  return (ReportColor) { 0.35 * color->r + 0.65, 0.35 * color->g + 0.65, 0.35 * color->b + 0.65 };
}

/* The years behind every row, and the meeting's line across them */
static void
draw_grid (Writer      *w,
           const Scale *scale,
           double       y,
           double       height)
{
  /* One path for the shades, one for the lines: each cairo operation costs */
  for (guint year = scale->first_year + 1; year <= scale->last_year; year += 2)
    {
      double x0 = scale_x (scale, julian_new_year (year));
      double x1 = scale_x (scale, julian_new_year (year + 1));

      cairo_rectangle (w->cr, x0, y, x1 - x0, height);
    }
  writer_set_color (w, &year_shade);
  cairo_fill (w->cr);

  for (guint year = scale->first_year; year <= scale->last_year; year++)
    {
      double x = scale_x (scale, julian_new_year (year));

      cairo_move_to (w->cr, x, y);
      cairo_line_to (w->cr, x, y + height);
    }
  writer_set_color (w, &report_rule);
  cairo_set_line_width (w->cr, 0.3);
  cairo_stroke (w->cr);
}

static void
draw_meeting_line (Writer      *w,
                   const Scale *scale,
                   double       y0,
                   double       y1)
{
  double x;

  if (!scale->meeting_shown)
    return;
  x = scale_x (scale, scale->meeting) + 0.5;
  writer_line (w, x, y0, x, y1, 0.9, &report_overdue);
}

static void
decorate_header (Writer *w,
                 Table  *t,
                 double  y,
                 double  height)
{
  const Scale *scale = t->data;
  double year_width = scale->width / (scale->last_year - scale->first_year + 1);

  for (guint year = scale->first_year; year <= scale->last_year; year++)
    {
      g_autofree char *text = g_strdup_printf ("%u", year);
      g_autoptr(PangoLayout) layout = writer_cached_layout (w, LAYOUT_SHARED, FONT_TINY_BOLD, 0,
                                                            PANGO_ALIGN_LEFT, text);
      double x0 = scale_x (scale, julian_new_year (year));
      double label_height = layout_height (layout);

      writer_show (w, layout, x0 + (year_width - layout_width (layout)) / 2,
                   y + height - label_height - 3, &report_accent);
      writer_line (w, x0, y + height - label_height - 4, x0, y + height, 0.6, &report_secondary);
      if (year_width >= 40)
        for (guint q = 1; q < 4; q++)
          writer_line (w, x0 + q * year_width / 4, y + height - 2.5, x0 + q * year_width / 4, y + height, 0.4,
                       &report_secondary);
    }

  if (scale->meeting_shown)
    {
      g_autoptr(PangoLayout) layout = writer_layout (w, FONT_TINY_BOLD, 0, scale->meeting_label);
      double x = scale_x (scale, scale->meeting) + 0.5;
      double label_x = CLAMP (x - layout_width (layout) / 2, scale->x + 2,
                              scale->x + scale->width - layout_width (layout) - 2);

      writer_show (w, layout, label_x, y + 2, &report_overdue);
      draw_meeting_line (w, scale, y + 2 + layout_height (layout), y + height);
    }
}

static void
decorate_row (Writer   *w,
              Table    *t,
              TableRow *row,
              double    y,
              double    height,
              gboolean  first)
{
  const Scale *scale = t->data;
  CtgAction *action = row->data;
  const CtgDate *start = ctg_action_get_start (action);
  const CtgDate *echeance = ctg_action_get_echeance (action);
  CtgStatus status = ctg_action_get_status (action);
  const ReportColor *color = &report_status_colors[status];
  ReportColor light = tint (color);
  double cy, top;

  if (!w->drawing)
    return;

  draw_grid (w, scale, y, height);

  if (first)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (row->cells[0].layout);
      int y0, y1;

      /* Level with the label's first line */
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_free (iter);
      cy = y + 3.0 + (double) (y0 + y1) / 2 / PANGO_SCALE;
      top = cy - BAR_HEIGHT / 2;

      if (ctg_date_is_set (start) && ctg_date_is_set (echeance))
        {
          double x0 = scale_x (scale, ctg_date_first_julian (start));
          double x1 = MAX (scale_x (scale, ctg_date_last_julian (echeance) + 1), x0 + 2);
          int progress = ctg_action_get_shown_progress (action);

          writer_fill_rect (w, x0, top, x1 - x0, BAR_HEIGHT, &light);
          if (progress > 0)
            writer_fill_rect (w, x0, top, (x1 - x0) * MIN (progress, 100) / 100.0, BAR_HEIGHT, color);
          writer_set_color (w, color);
          cairo_set_line_width (w->cr, 0.6);
          cairo_rectangle (w->cr, x0, top, x1 - x0, BAR_HEIGHT);
          cairo_stroke (w->cr);
        }
      else if (ctg_date_is_set (echeance))
        {
          double x0 = scale_x (scale, ctg_date_first_julian (echeance));
          double x1 = scale_x (scale, ctg_date_last_julian (echeance) + 1);

          /* Due some time in this period */
          writer_fill_rect (w, x0, top + 1, x1 - x0, BAR_HEIGHT - 2, &light);
          mark (w, MARK_DIAMOND, x1, cy, 3.8, color);
        }
      else
        {
          double x0 = scale_x (scale, ctg_date_first_julian (start));
          static const double dashes[] = { 2, 2 };

          /* Started, with no end yet, unless it is over */
          if (status != CTG_STATUS_DONE && status != CTG_STATUS_ABANDONED)
            {
              cairo_save (w->cr);
              cairo_set_dash (w->cr, dashes, 2, 0);
              writer_line (w, x0, cy, scale->x + scale->width, cy, 1.0, color);
              cairo_restore (w->cr);
            }
          mark (w, MARK_TRIANGLE, x0, cy, 3.5, color);
        }
    }

  draw_meeting_line (w, scale, y, y + height);
}

static char *
date_line (Writer    *w,
           CtgAction *action)
{
  CtgReport *report = w->report;
  const char *start = writer_date_text (w, ctg_action_get_start (action));
  const char *echeance = writer_date_text (w, ctg_action_get_echeance (action));
  g_autofree char *dates = NULL;

  if (start[0] != '\0' && echeance[0] != '\0')
    dates = g_strdup_printf ("%s → %s", start, echeance);
  else if (echeance[0] != '\0')
    /* Translators: on the timeline, an action with only an échéance */
    dates = g_strdup_printf (C_("timeline", "échéance %s"), echeance);
  else
    /* Translators: on the timeline, an action with only a start */
    dates = g_strdup_printf (C_("timeline", "from %s"), start);

  if (ctg_action_is_overdue (action, &report->meeting))
    return g_strdup_printf ("%s · %s", dates, C_("echeance", "overdue"));
  return g_steal_pointer (&dates);
}

/* An action's label beside its bar: its code and title, then its dates,
 * red when it is overdue */
static char *
label_markup (Writer    *w,
              CtgAction *action)
{
  g_autofree char *code = writer_escape (ctg_action_get_code (action));
  g_autofree char *title = writer_escape (ctg_action_get_title (action));
  g_autofree char *dates = date_line (w, action);
  g_autofree char *escaped_dates = g_markup_escape_text (dates, -1);
  gboolean overdue = ctg_action_is_overdue (action, &w->report->meeting);
  g_autofree char *date_rgb = report_color_to_markup (overdue ? &report_overdue : &report_secondary);

  return g_strdup_printf ("%s%s%s%s\n<span size='6.5pt' foreground='%s'>%s</span>",
                          code[0] ? "<b>" : "", code, code[0] ? "</b> " : "", title, date_rgb, escaped_dates);
}

static void
add_action (Writer    *w,
            Table     *t,
            CtgAction *action)
{
  g_autofree char *markup = label_markup (w, action);
  TableRow row = { 0 };

  row_set_markup (w, t, &row, 0, markup);
  row.cells[1].progress = -1;
  row.min_height = 14;
  row.decorate = decorate_row;
  row.data = action;
  table_add_row (w, t, &row);
}

static void
add_undated_note (Writer     *w,
                  Table      *t,
                  ReportAxis *axis,
                  GPtrArray  *undated)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *n = _ctg_report_format_count (undated->len);
  gboolean all_coded = TRUE;
  TableRow row = { 0 };

  for (guint i = 0; i < undated->len && all_coded; i++)
    all_coded = ctg_action_get_code (g_ptr_array_index (undated, i))[0] != '\0';

  if (undated->len == 0)
    g_string_append (text, _("No action in this axis yet"));
  else if (all_coded)
    {
      g_autoptr(GString) codes = g_string_new (NULL);

      for (guint i = 0; i < undated->len; i++)
        {
          if (i > 0)
            g_string_append (codes, ", ");
          g_string_append (codes, ctg_action_get_code (g_ptr_array_index (undated, i)));
        }
      /* Translators: under an axis on the timeline, "2 actions without dates: FA 1.1, FA 1.4" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s action without dates: %s",
                                                 "%s actions without dates: %s", undated->len),
                              n, codes->str);
    }
  else
    /* Translators: under an axis on the timeline; the actions are in the axis' table */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s action without dates, listed in the axis’ table",
                                               "%s actions without dates, listed in the axis’ table", undated->len),
                            n);

  row.span = TRUE;
  row_set_text (w, t, &row, 0, text->str, &report_secondary);
  table_add_row (w, t, &row);
}

/* What the timeline's legend explains besides the statuses' colours */
typedef enum
{
  LEGEND_BAR,
  LEGEND_ECHEANCE,
  LEGEND_START,
  LEGEND_MEETING,
} LegendItem;

static void
legend_item (Writer     *w,
             double     *x,
             LegendItem  item,
             const char *text)
{
  g_autoptr(PangoLayout) layout = writer_layout (w, FONT_TINY, 0, text);
  double height = layout_height (layout), icon = 16, cy = w->y + height / 2;
  const ReportColor *blue = &report_status_colors[CTG_STATUS_IN_PROGRESS];
  ReportColor light = tint (blue);

  if (*x > w->left && *x + icon + layout_width (layout) > w->right)
    {
      *x = w->left;
      w->y += height + 3;
      cy = w->y + height / 2;
    }

  if (w->drawing)
    {
      switch (item)
        {
        case LEGEND_BAR:
          writer_fill_rect (w, *x, cy - 3, 12, 6, &light);
          writer_fill_rect (w, *x, cy - 3, 6, 6, blue);
          writer_set_color (w, blue);
          cairo_set_line_width (w->cr, 0.6);
          cairo_rectangle (w->cr, *x, cy - 3, 12, 6);
          cairo_stroke (w->cr);
          break;
        case LEGEND_ECHEANCE:
          writer_fill_rect (w, *x, cy - 2, 10, 4, &light);
          mark (w, MARK_DIAMOND, *x + 10, cy, 3.5, blue);
          break;
        case LEGEND_START:
          {
            static const double dashes[] = { 2, 2 };

            cairo_save (w->cr);
            cairo_set_dash (w->cr, dashes, 2, 0);
            writer_line (w, *x, cy, *x + 13, cy, 1.0, blue);
            cairo_restore (w->cr);
            mark (w, MARK_TRIANGLE, *x, cy, 3.2, blue);
          }
          break;
        case LEGEND_MEETING:
          writer_line (w, *x + 6, cy - 5, *x + 6, cy + 5, 0.9, &report_overdue);
          break;
        }
    }
  writer_show (w, layout, *x + icon, w->y, &report_text);
  *x += icon + layout_width (layout) + 16;
}

static void
write_legend (Writer      *w,
              const Scale *scale)
{
  double x = w->left;

  writer_ensure (w, 40);
  for (guint s = 0; s < CTG_N_STATUSES; s++)
    {
      g_autoptr(PangoLayout) layout = writer_layout (w, FONT_TINY, 0, ctg_status_to_label ((CtgStatus) s));

      if (x > w->left && x + 10 + layout_width (layout) > w->right)
        {
          x = w->left;
          w->y += layout_height (layout) + 3;
        }
      writer_fill_rect (w, x, w->y + layout_height (layout) / 2 - 3, 6, 6, &report_status_colors[s]);
      writer_show (w, layout, x + 10, w->y, &report_text);
      x += 10 + layout_width (layout) + 14;
    }
  x += 10;
  legend_item (w, &x, LEGEND_BAR, _("from start to échéance, the progress filled in"));
  legend_item (w, &x, LEGEND_ECHEANCE, _("échéance only"));
  legend_item (w, &x, LEGEND_START, _("start only"));
  if (scale->meeting_shown)
    legend_item (w, &x, LEGEND_MEETING, scale->meeting_label);
  {
    g_autoptr(PangoLayout) layout = writer_layout (w, FONT_TINY, 0, "X");

    w->y += layout_height (layout) + 10;
  }
  w->fresh = FALSE;
}

/**
 * _ctg_report_timeline:
 *
 * Every action with dates as a bar from its start to its échéance, axis by
 * axis, on landscape pages; those without dates are counted under their
 * axis.
 */
void
_ctg_report_timeline (Writer *w)
{
  CtgReport *report = w->report;
  g_autoptr(GPtrArray) undated = g_ptr_array_new ();
  Scale scale = { 0 };
  Table t;

  writer_section_page (w, TRUE);
  writer_heading (w, _("Timeline"), &report_part_title, CTG_REPORT_TIMELINE_DEST);
  writer_add_outline (w, CAIRO_PDF_OUTLINE_ROOT, _("Timeline"), CTG_REPORT_TIMELINE_DEST, FALSE);

  scale_init (&scale, report, w->left + LABEL_WIDTH, writer_width (w) - LABEL_WIDTH);
  write_legend (w, &scale);

  table_init (&t, w->left, _("Timeline"));
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Action"), .width = LABEL_WIDTH, .font = FONT_TINY });
  table_add_column (&t, &(TableColumn) { .width = scale.width, .font = FONT_TINY });
  t.header_min_height = HEADER_HEIGHT;
  t.decorate_header = decorate_header;
  t.data = &scale;

  for (guint i = 0; i < report->axes->len && !w->cancelled; i++)
    {
      ReportAxis *axis = g_ptr_array_index (report->axes, i);
      g_autofree char *label = g_strdup_printf (_("Axis %u"), axis->number);

      g_ptr_array_set_size (undated, 0);
      table_add_group (w, &t, GROUP_ENJEU, label, axis->title, NULL);
      for (guint j = 0; j < axis->actions->len; j++)
        {
          CtgAction *action = g_ptr_array_index (axis->actions, j);

          if (has_dates (action))
            add_action (w, &t, action);
          else
            g_ptr_array_add (undated, action);
          if (!writer_tick (w))
            break;
        }
      if (undated->len > 0 || axis->actions->len == 0)
        add_undated_note (w, &t, axis, undated);
    }
  table_end (w, &t);
  g_free (scale.meeting_label);
}
