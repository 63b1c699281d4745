/* ctg-timeline-dates.h: the time units of the timeline and moving dates by them
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-core.h"

G_BEGIN_DECLS

typedef enum
{
  CTG_TIMELINE_ZOOM_YEARS,
  CTG_TIMELINE_ZOOM_QUARTERS,
  CTG_TIMELINE_ZOOM_MONTHS,
} CtgTimelineZoom;

#define CTG_TIMELINE_N_ZOOMS 3

double   ctg_timeline_zoom_pixels_per_day (CtgTimelineZoom  zoom);
double   ctg_timeline_zoom_unit_days      (CtgTimelineZoom  zoom);
gboolean ctg_timeline_shift_date          (const CtgDate   *date,
                                           gboolean         is_end,
                                           CtgTimelineZoom  zoom,
                                           int              units,
                                           CtgDate         *shifted);

G_END_DECLS
