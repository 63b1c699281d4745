/* ctg-indicator-chart.h: an indicator's series, drawn the same in the
 * window, the PDF and print
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "ctg-document.h"

G_BEGIN_DECLS

typedef struct
{
  guint  year;
  double value;
} CtgIndicatorPoint;

typedef struct
{
  char     *name;
  char     *unit;
  guint     first_year;   /* the years on the axis */
  guint     last_year;
  gboolean  has_baseline;
  double    baseline;
  guint     baseline_year; /* 0: unknown */
  gboolean  has_target;
  double    target;
  guint     target_year;
  GArray   *points;       /* CtgIndicatorPoint, by year */
} CtgIndicatorSeries;

CtgIndicatorSeries *ctg_indicator_series_read      (CtgDocument              *doc,
                                                    CtgItemKind               kind,
                                                    gint64                    id);
void                ctg_indicator_series_free      (CtgIndicatorSeries       *self);
gboolean            ctg_indicator_series_has_data  (const CtgIndicatorSeries *self);

void                ctg_indicator_chart_draw       (cairo_t                  *cr,
                                                    const CtgIndicatorSeries *series,
                                                    double                    width,
                                                    double                    height,
                                                    double                    font_size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtgIndicatorSeries, ctg_indicator_series_free)

G_END_DECLS
