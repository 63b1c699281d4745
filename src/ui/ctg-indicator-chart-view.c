/* ctg-indicator-chart-view.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An indicator's chart in the window: the report's own drawing
 * (ctg_indicator_chart_draw), so what the committee reads on paper is what
 * the window shows. */

#define G_LOG_DOMAIN "ctg-indicator-chart-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-indicator-chart-view.h"

struct _CtgIndicatorChartView
{
  GtkWidget           parent_instance;

  /* Owned references */
  CtgIndicatorSeries *series;
};

G_DEFINE_FINAL_TYPE (CtgIndicatorChartView, ctg_indicator_chart_view, GTK_TYPE_WIDGET)

static void
ctg_indicator_chart_view_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  CtgIndicatorChartView *self = CTG_INDICATOR_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->series == NULL || width <= 0 || height <= 0)
    return;
  /* Paper white under the report's black and greys, in a dark style too */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ctg_indicator_chart_draw (cr, self->series, width, height, 11);
  cairo_destroy (cr);
}

static void
ctg_indicator_chart_view_finalize (GObject *object)
{
  CtgIndicatorChartView *self = CTG_INDICATOR_CHART_VIEW (object);

  g_clear_pointer (&self->series, ctg_indicator_series_free);
  G_OBJECT_CLASS (ctg_indicator_chart_view_parent_class)->finalize (object);
}

static void
ctg_indicator_chart_view_class_init (CtgIndicatorChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ctg_indicator_chart_view_finalize;
  widget_class->snapshot = ctg_indicator_chart_view_snapshot;
  gtk_widget_class_set_css_name (widget_class, "indicatorchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ctg_indicator_chart_view_init (CtgIndicatorChartView *self)
{
  /* Its drawing scales to any width; the list box that shows it gives each
   * row its minimum height, room for the axis labels, the curve and the
   * legend */
  gtk_widget_set_size_request (GTK_WIDGET (self), 240, 150);
}

GtkWidget *
ctg_indicator_chart_view_new (void)
{
  return g_object_new (CTG_TYPE_INDICATOR_CHART_VIEW, NULL);
}

/**
 * ctg_indicator_chart_view_set_series:
 * @series: (transfer full) (nullable): what to draw
 */
void
ctg_indicator_chart_view_set_series (CtgIndicatorChartView *self,
                                     CtgIndicatorSeries    *series)
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (CTG_IS_INDICATOR_CHART_VIEW (self));

  g_clear_pointer (&self->series, ctg_indicator_series_free);
  self->series = series;

  /* A screen reader hears the figures the chart shows */
  for (guint i = 0; series != NULL && i < series->points->len; i++)
    {
      const CtgIndicatorPoint *p = &g_array_index (series->points, CtgIndicatorPoint, i);
      g_autofree char *number = ctg_number_format (p->value);

      g_string_append_printf (description, "%s%u : %s", description->len ? ", " : "", p->year, number);
    }
  if (series != NULL && series->has_target)
    {
      g_autofree char *number = ctg_number_format (series->target);

      g_string_append_printf (description, "%s%s %s", description->len ? ", " : "", C_("chart", "Target"), number);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
ctg_indicator_chart_view_has_data (CtgIndicatorChartView *self)
{
  g_return_val_if_fail (CTG_IS_INDICATOR_CHART_VIEW (self), FALSE);

  return self->series != NULL && ctg_indicator_series_has_data (self->series);
}
