/* ctg-indicator-chart-view.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_INDICATOR_CHART_VIEW (ctg_indicator_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (CtgIndicatorChartView, ctg_indicator_chart_view, CTG, INDICATOR_CHART_VIEW, GtkWidget)

GtkWidget *ctg_indicator_chart_view_new        (void);
void       ctg_indicator_chart_view_set_series (CtgIndicatorChartView *self,
                                                CtgIndicatorSeries    *series);
gboolean   ctg_indicator_chart_view_has_data   (CtgIndicatorChartView *self);

G_END_DECLS
