/* ctg-timeline-dates.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-timeline"

#include "config.h"

#include "ctg-timeline-dates.h"

double
ctg_timeline_zoom_pixels_per_day (CtgTimelineZoom zoom)
{
  switch (zoom)
    {
    case CTG_TIMELINE_ZOOM_YEARS:
      return 0.36;
    case CTG_TIMELINE_ZOOM_QUARTERS:
      return 1.1;
    case CTG_TIMELINE_ZOOM_MONTHS:
    default:
      return 3.3;
    }
}

double
ctg_timeline_zoom_unit_days (CtgTimelineZoom zoom)
{
  switch (zoom)
    {
    case CTG_TIMELINE_ZOOM_YEARS:
      return 365.25;
    case CTG_TIMELINE_ZOOM_QUARTERS:
      return 365.25 / 4;
    case CTG_TIMELINE_ZOOM_MONTHS:
    default:
      return 365.25 / 12;
    }
}

/**
 * ctg_timeline_shift_date:
 * @date: a date, at any precision
 * @is_end: whether @date ends a period (an échéance): a year then stands for
 *   its last month rather than its first
 * @zoom: the unit to move by
 * @units: how many units, negative for earlier
 * @shifted: (out): the moved date
 *
 * Moves @date by whole years, quarters or months. A year-precision date
 * keeps its precision when moved by years and becomes a month when moved by
 * quarters or months: the user has just said which month they mean.
 *
 * Returns: %FALSE if @date is not set or would leave years 1-9999
 */
gboolean
ctg_timeline_shift_date (const CtgDate   *date,
                         gboolean         is_end,
                         CtgTimelineZoom  zoom,
                         int              units,
                         CtgDate         *shifted)
{
  int months;
  int total;

  *shifted = *date;
  if (!ctg_date_is_set (date))
    return FALSE;

  if (zoom == CTG_TIMELINE_ZOOM_YEARS)
    {
      int year = (int) date->year + units;

      if (year < 1 || year > 9999)
        return FALSE;
      shifted->year = (guint16) year;
    }
  else
    {
      months = units * (zoom == CTG_TIMELINE_ZOOM_QUARTERS ? 3 : 1);
      if (shifted->month == 0)
        shifted->month = is_end ? 12 : 1;
      total = (int) shifted->year * 12 + (int) shifted->month - 1 + months;
      if (total < 12 || total / 12 > 9999)
        return FALSE;
      shifted->year = (guint16) (total / 12);
      shifted->month = (guint8) (total % 12 + 1);
    }

  if (shifted->day != 0)
    shifted->day = MIN (shifted->day, g_date_get_days_in_month (MAX (shifted->month, 1), shifted->year));
  return TRUE;
}
