/* ctg-indicator-chart.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One drawing of an indicator for the Évaluation page, the COPIL report
 * and print: the yearly values as points joined by a line, the baseline as
 * an open square with a dotted level, the target as a dashed level. Shapes
 * and dashes, not colours, tell them apart, so a black and white copy of
 * the report reads the same. Only cairo paths and Pango text: a PDF keeps
 * it vector. */

#define G_LOG_DOMAIN "ctg-indicator-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "ctg-date.h"
#include "ctg-document.h"
#include "ctg-indicator-chart.h"
#include "ctg-number.h"

void
ctg_indicator_series_free (CtgIndicatorSeries *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->unit);
  g_clear_pointer (&self->points, g_array_unref);
  g_free (self);
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const CtgIndicatorPoint *x = a, *y = b;

  return (x->year > y->year) - (x->year < y->year);
}

static gboolean
read_number (CtgDocument *doc,
             CtgItemKind  kind,
             gint64       id,
             const char  *field,
             double      *value)
{
  g_autofree char *plain = ctg_document_dup_text (doc, kind, id, field);

  return ctg_number_from_plain (plain, value);
}

static void
widen (CtgIndicatorSeries *self,
       guint               year)
{
  if (year == 0)
    return;
  if (self->first_year == 0 || year < self->first_year)
    self->first_year = year;
  if (year > self->last_year)
    self->last_year = year;
}

/**
 * ctg_indicator_series_read:
 * @kind: %CTG_ITEM_INDICATOR (an action's) or
 *   %CTG_ITEM_EVALUATION_INDICATOR (the convention's)
 *
 * Returns: (transfer full): what the chart of indicator @id shows, over
 *   the years of the convention widened to any measured year
 */
CtgIndicatorSeries *
ctg_indicator_series_read (CtgDocument *doc,
                           CtgItemKind  kind,
                           gint64       id)
{
  CtgIndicatorSeries *self = g_new0 (CtgIndicatorSeries, 1);
  gboolean action_level = kind == CTG_ITEM_INDICATOR;
  CtgItemKind year_kind = action_level ? CTG_ITEM_INDICATOR_VALUE : CTG_ITEM_ASSESSMENT;
  g_autoptr(GArray) rows = ctg_document_list_ids (doc, year_kind, id);
  g_autofree char *start = ctg_document_dup_text (doc, CTG_ITEM_CONVENTION, 1, "period_start");
  g_autofree char *end = ctg_document_dup_text (doc, CTG_ITEM_CONVENTION, 1, "period_end");
  CtgDate date;

  self->name = ctg_document_dup_text (doc, kind, id, "name");
  if (!action_level)
    {
      char *shown = g_strdup (ctg_evaluation_indicator_shown_name (self->name));

      g_free (self->name);
      self->name = shown;
    }
  self->unit = ctg_document_dup_text (doc, kind, id, "unit");
  if (self->unit == NULL)
    self->unit = g_strdup ("");
  self->points = g_array_new (FALSE, FALSE, sizeof (CtgIndicatorPoint));

  self->has_baseline = read_number (doc, kind, id, "baseline", &self->baseline);
  self->baseline_year = (guint) ctg_document_get_int (doc, kind, id, "baseline_year", 0);
  self->has_target = read_number (doc, kind, id, "target_value", &self->target);
  self->target_year = (guint) ctg_document_get_int (doc, kind, id, "target_year", 0);

  for (guint i = 0; i < rows->len; i++)
    {
      gint64 row = g_array_index (rows, gint64, i);
      CtgIndicatorPoint point;

      if (!read_number (doc, year_kind, row, action_level ? "value" : "measure", &point.value))
        continue;
      point.year = (guint) ctg_document_get_int (doc, year_kind, row, "year", 0);
      g_array_append_val (self->points, point);
    }
  g_array_sort (self->points, compare_points);

  if (start != NULL && ctg_date_parse (start, &date))
    widen (self, date.year);
  if (end != NULL && ctg_date_parse (end, &date))
    widen (self, date.year);
  if (self->has_baseline)
    widen (self, self->baseline_year);
  if (self->has_target)
    widen (self, self->target_year);
  for (guint i = 0; i < self->points->len; i++)
    widen (self, g_array_index (self->points, CtgIndicatorPoint, i).year);
  /* A file with a period of 50 years would draw unreadable ticks */
  if (self->last_year > self->first_year + 30)
    self->first_year = self->last_year - 30;
  return self;
}

/**
 * ctg_indicator_series_has_data:
 *
 * Returns: whether there is anything to draw: a value, a baseline or a target
 */
gboolean
ctg_indicator_series_has_data (const CtgIndicatorSeries *self)
{
  return self->points->len > 0 || self->has_baseline || self->has_target;
}

static PangoLayout *
make_label (cairo_t    *cr,
            double      font_size,
            gboolean    bold,
            const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  cairo_font_options_t *options = cairo_font_options_create ();

  /* No hinting: the same shapes at every scale, window or paper */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);
  pango_font_description_set_absolute_size (font, font_size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
show_label (cairo_t    *cr,
            double      font_size,
            const char *text,
            double      x,
            double      y,
            double      align)   /* 0 left, 0.5 centre, 1 right of x */
{
  g_autoptr(PangoLayout) layout = make_label (cr, font_size, FALSE, text);
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  cairo_move_to (cr, x - align * width / PANGO_SCALE, y - height / (2.0 * PANGO_SCALE));
  pango_cairo_show_layout (cr, layout);
}

static double
label_width (cairo_t    *cr,
             double      font_size,
             const char *text)
{
  g_autoptr(PangoLayout) layout = make_label (cr, font_size, FALSE, text);
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

static char *
format_value (const CtgIndicatorSeries *series,
              double                    value)
{
  g_autofree char *number = ctg_number_format (value);

  if (series->unit[0] == '\0')
    return g_steal_pointer (&number);
  /* Translators: a value and its unit, as in "12 %" or "35 places" */
  return g_strdup_printf (C_("measure", "%s %s"), number, series->unit);
}

/* A level across the plot, the same dash on screen and paper */
static void
level_line (cairo_t *cr,
            double   x0,
            double   x1,
            double   y,
            double   line_width,
            const double *dashes,
            int      n_dashes)
{
  cairo_save (cr);
  cairo_set_line_width (cr, line_width);
  cairo_set_dash (cr, dashes, n_dashes, 0);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * ctg_indicator_chart_draw:
 * @cr: where to draw, with its origin at the chart's top left
 * @width: @height: the chart's size in @cr's units
 * @font_size: the labels' size in @cr's units
 *
 * Draws @series: its values by year, its baseline and its target, with the
 * years on the axis and a legend. Draws in black and greys only.
 */
void
ctg_indicator_chart_draw (cairo_t                  *cr,
                          const CtgIndicatorSeries *series,
                          double                    width,
                          double                    height,
                          double                    font_size)
{
  const double dotted[] = { font_size * 0.15, font_size * 0.35 };
  const double dashed[] = { font_size * 0.7, font_size * 0.4 };
  double lo = 0, hi = 0;
  double left, right, top, bottom;
  double line = MAX (font_size / 8, 0.75);
  double marker = font_size * 0.35;
  guint n_years;
  gboolean any = FALSE;
  double step = 1;
  double label_room = 0;

  g_return_if_fail (cr != NULL && series != NULL);

#define TAKE(v) G_STMT_START { if (!any) lo = hi = (v), any = TRUE; else lo = MIN (lo, (v)), hi = MAX (hi, (v)); } G_STMT_END
  for (guint i = 0; i < series->points->len; i++)
    TAKE (g_array_index (series->points, CtgIndicatorPoint, i).value);
  if (series->has_baseline)
    TAKE (series->baseline);
  if (series->has_target)
    TAKE (series->target);
#undef TAKE

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  if (!any || series->first_year == 0)
    {
      cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
      show_label (cr, font_size, _("No value yet"), width / 2, height / 2, 0.5);
      cairo_restore (cr);
      return;
    }

  /* Zero is on the axis unless every value is far from it: a count that
   * went from 1 200 to 1 260 would be a flat line from zero */
  if (lo > 0 && lo < hi * 0.5)
    lo = 0;
  if (hi == lo)
    hi = lo + (lo == 0 ? 1 : fabs (lo) * 0.1);
  /* Round levels (1, 2, 2.5 or 5 times a power of ten) that hold every
   * value with a little room, so the grid reads "1 300, 1 350, 1 400" */
  {
    double raw = (hi - lo) / 4;
    double magnitude = pow (10, floor (log10 (raw)));
    const double nice[] = { 1, 2, 2.5, 5, 10 };

    step = magnitude * 10;
    for (guint i = 0; i < G_N_ELEMENTS (nice); i++)
      if (magnitude * nice[i] >= raw)
        {
          step = magnitude * nice[i];
          break;
        }
    lo = floor (lo / step) * step;
    hi = ceil (hi / step) * step;
    if (hi - (hi - lo) * 0.04 < MAX (series->has_target ? series->target : lo, lo))
      hi += step;
  }

  for (double level = lo; level <= hi + step / 2; level += step)
    {
      g_autofree char *text = ctg_number_format (level);

      label_room = MAX (label_room, label_width (cr, font_size, text));
    }
  left = label_room + font_size * 0.6;
  right = width - font_size * 0.8;
  top = font_size * 0.8;
  bottom = height - font_size * 3.4;   /* the years, then the legend */
  if (right - left < font_size * 4 || bottom - top < font_size * 2)
    {
      cairo_restore (cr);
      return;
    }
  n_years = series->last_year - series->first_year + 1;

#define X(year) (n_years <= 1 ? (left + right) / 2 \
                 : left + font_size * 0.8 + ((double) (year) - series->first_year) * \
                   (right - left - font_size * 1.6) / (n_years - 1))
#define Y(v) (bottom - ((v) - lo) / (hi - lo) * (bottom - top))

  /* The grid: a light rule and a figure at each round level */
  cairo_set_line_width (cr, line * 0.6);
  for (double level = lo; level <= hi + step / 2; level += step)
    {
      g_autofree char *text = ctg_number_format (level);

      cairo_set_source_rgb (cr, 0.82, 0.82, 0.82);
      cairo_move_to (cr, left, Y (level));
      cairo_line_to (cr, right, Y (level));
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      show_label (cr, font_size, text, left - font_size * 0.3, Y (level), 1);
    }
  cairo_set_line_width (cr, line * 0.7);
  cairo_move_to (cr, left, bottom);
  cairo_line_to (cr, right, bottom);
  cairo_stroke (cr);
  for (guint year = series->first_year; year <= series->last_year; year++)
    {
      g_autofree char *text = g_strdup_printf ("%u", year);

      /* Every year when they fit, else every other one */
      if (n_years > 12 && (year - series->first_year) % 2 != 0)
        continue;
      cairo_move_to (cr, X (year), bottom);
      cairo_line_to (cr, X (year), bottom + font_size * 0.3);
      cairo_stroke (cr);
      show_label (cr, font_size, text, X (year), bottom + font_size * 0.95, 0.5);
    }

  /* Baseline: a dotted level and an open square at its year */
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  if (series->has_baseline)
    {
      level_line (cr, left, right, Y (series->baseline), line, dotted, 2);
      if (series->baseline_year >= series->first_year && series->baseline_year <= series->last_year)
        {
          cairo_set_line_width (cr, line);
          cairo_rectangle (cr, X (series->baseline_year) - marker, Y (series->baseline) - marker,
                           2 * marker, 2 * marker);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
          cairo_stroke (cr);
        }
    }

  /* Target: a dashed level, and its value where it is to be reached */
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (series->has_target)
    {
      g_autofree char *text = format_value (series, series->target);
      double ty = Y (series->target);

      level_line (cr, left, right, ty, line * 1.2, dashed, 2);
      if (series->target_year >= series->first_year && series->target_year <= series->last_year)
        {
          double tx = X (series->target_year);

          cairo_move_to (cr, tx, ty - marker * 1.3);
          cairo_line_to (cr, tx + marker * 1.3, ty);
          cairo_line_to (cr, tx, ty + marker * 1.3);
          cairo_line_to (cr, tx - marker * 1.3, ty);
          cairo_close_path (cr);
          cairo_fill (cr);
        }
      show_label (cr, font_size, text, right, ty - font_size * (ty - top > font_size ? 0.75 : -0.75), 1);
    }

  /* The values: a solid line through filled dots */
  if (series->points->len > 0)
    {
      cairo_set_line_width (cr, line * 1.8);
      for (guint i = 0; i < series->points->len; i++)
        {
          const CtgIndicatorPoint *p = &g_array_index (series->points, CtgIndicatorPoint, i);

          if (p->year < series->first_year)
            continue;
          if (i == 0)
            cairo_move_to (cr, X (p->year), Y (p->value));
          else
            cairo_line_to (cr, X (p->year), Y (p->value));
        }
      cairo_stroke (cr);
      for (guint i = 0; i < series->points->len; i++)
        {
          const CtgIndicatorPoint *p = &g_array_index (series->points, CtgIndicatorPoint, i);

          if (p->year < series->first_year)
            continue;
          cairo_arc (cr, X (p->year), Y (p->value), marker * 1.1, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      /* The last value, written: what the committee reads first */
      {
        const CtgIndicatorPoint *last = &g_array_index (series->points, CtgIndicatorPoint, series->points->len - 1);
        g_autofree char *text = format_value (series, last->value);

        /* Above the point: a rising line comes from below */
        show_label (cr, font_size, text, X (last->year), Y (last->value) - font_size * 1.0, 0.5);
      }
    }

  /* The legend, one line under the years */
  {
    double lx = left;
    double ly = height - font_size * 0.8;
    g_autofree char *values_text = series->unit[0] != '\0'
      /* Translators: the legend of an indicator's values, with their unit: "Values (places)" */
      ? g_strdup_printf (C_("chart", "Values (%s)"), series->unit)
      : g_strdup (C_("chart", "Values"));
    const char *baseline_text = C_("chart", "Baseline");
    const char *target_text = C_("chart", "Target");

    cairo_set_source_rgb (cr, 0, 0, 0);
    cairo_set_line_width (cr, line * 1.8);
    cairo_move_to (cr, lx, ly);
    cairo_line_to (cr, lx + font_size * 1.6, ly);
    cairo_stroke (cr);
    cairo_arc (cr, lx + font_size * 0.8, ly, marker, 0, 2 * G_PI);
    cairo_fill (cr);
    lx += font_size * 2;
    show_label (cr, font_size, values_text, lx, ly, 0);
    lx += label_width (cr, font_size, values_text) + font_size * 1.2;
    if (series->has_baseline)
      {
        cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
        level_line (cr, lx, lx + font_size * 1.6, ly, line, dotted, 2);
        lx += font_size * 2;
        show_label (cr, font_size, baseline_text, lx, ly, 0);
        lx += label_width (cr, font_size, baseline_text) + font_size * 1.2;
      }
    if (series->has_target)
      {
        cairo_set_source_rgb (cr, 0, 0, 0);
        level_line (cr, lx, lx + font_size * 1.6, ly, line * 1.2, dashed, 2);
        lx += font_size * 2;
        show_label (cr, font_size, target_text, lx, ly, 0);
      }
  }
#undef X
#undef Y
  cairo_restore (cr);
}
