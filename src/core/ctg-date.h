/* ctg-date.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CTG_DATE_PRECISION_NONE = 0,
  CTG_DATE_PRECISION_YEAR,
  CTG_DATE_PRECISION_MONTH,
  CTG_DATE_PRECISION_DAY,
} CtgDatePrecision;

/**
 * CtgDate:
 *
 * A date as precise as the user gave it: a year ("2024"), a month ("2024-03")
 * or a day ("2024-03-15"). Month and day are 0 when not given. A zeroed
 * CtgDate is "no date".
 */
typedef struct
{
  guint16 year;
  guint8  month;
  guint8  day;
} CtgDate;

gboolean          ctg_date_parse          (const char    *text,
                                           CtgDate       *date);
gboolean          ctg_date_parse_range    (const char    *text,
                                           CtgDate       *start,
                                           CtgDate       *end);
void              ctg_date_parse_or_none  (const char    *text,
                                           CtgDate       *date);
CtgDatePrecision  ctg_date_precision      (const CtgDate *date);
gboolean          ctg_date_is_set         (const CtgDate *date);
char             *ctg_date_to_iso         (const CtgDate *date);
char             *ctg_date_format         (const CtgDate *date);
char             *ctg_date_format_span    (const CtgDate *start,
                                           const CtgDate *end);
char             *ctg_date_format_period  (const CtgDate *start,
                                           const CtgDate *end);
GDate            *ctg_date_first_day      (const CtgDate *date);
GDate            *ctg_date_last_day       (const CtgDate *date);
gboolean          ctg_date_range_valid    (const CtgDate *start,
                                           const CtgDate *end);
gboolean          ctg_date_outside_period (const CtgDate *date,
                                           const CtgDate *start,
                                           const CtgDate *end);
gboolean          ctg_date_is_past        (const CtgDate *date,
                                           const GDate   *today);
char             *ctg_date_normalize      (const char    *text);
int               ctg_year_compare        (gconstpointer  a,
                                           gconstpointer  b);

/* Where the timeline and the report draw a date's period */
guint32           ctg_date_first_julian (const CtgDate *date);
guint32           ctg_date_last_julian  (const CtgDate *date);

G_END_DECLS
