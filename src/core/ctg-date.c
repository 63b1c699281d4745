/* ctg-date.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "ctg-date.h"

static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *value)
{
  guint n = 0;
  guint v = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      v = v * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }

  if (n < min_digits || g_ascii_isdigit (**p))
    return FALSE;

  *value = v;
  return TRUE;
}

static gboolean
date_valid (guint year,
            guint month,
            guint day)
{
  if (year < 1900 || year > 2200)
    return FALSE;
  if (month > 12 || (month == 0 && day != 0))
    return FALSE;
  if (day != 0 && !g_date_valid_dmy (day, month, year))
    return FALSE;
  return TRUE;
}

/**
 * ctg_date_parse:
 * @text: "2024", "03/2024", "2024-03", "15/03/2024" or "2024-03-15"
 * @date: (out): the parsed date
 *
 * Parses a date of year, month or day precision. Surrounding white space is
 * ignored. An empty string parses as "no date".
 *
 * Returns: %FALSE if @text is not a valid date
 */
gboolean
ctg_date_parse (const char *text,
                CtgDate    *date)
{
  g_autofree char *copy = NULL;
  const char *p;
  guint a = 0, b = 0, c = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  *date = (CtgDate) { 0, 0, 0 };
  copy = g_strstrip (g_strdup (text));
  p = copy;

  if (*p == '\0')
    return TRUE;

  if (!read_number (&p, 1, 4, &a))
    return FALSE;

  if (*p == '\0')
    {
      /* "2024" */
      if (!date_valid (a, 0, 0) || strlen (copy) != 4)
        return FALSE;
      *date = (CtgDate) { a, 0, 0 };
      return TRUE;
    }

  if (*p == '-' && strlen (copy) >= 7 && g_ascii_isdigit (copy[0]) && copy[4] == '-')
    {
      /* "2024-03" or "2024-03-15" */
      p++;
      if (!read_number (&p, 2, 2, &b))
        return FALSE;
      if (*p == '\0')
        {
          if (!date_valid (a, b, 0) || b == 0)
            return FALSE;
          *date = (CtgDate) { a, b, 0 };
          return TRUE;
        }
      if (*p++ != '-' || !read_number (&p, 2, 2, &c) || *p != '\0')
        return FALSE;
      if (!date_valid (a, b, c) || b == 0 || c == 0)
        return FALSE;
      *date = (CtgDate) { a, b, c };
      return TRUE;
    }

  if (*p == '/')
    {
      /* "03/2024" or "15/03/2024" */
      p++;
      if (!read_number (&p, 1, 4, &b))
        return FALSE;
      if (*p == '\0')
        {
          if (a == 0 || !date_valid (b, a, 0) || b < 1000)
            return FALSE;
          *date = (CtgDate) { b, a, 0 };
          return TRUE;
        }
      if (*p++ != '/' || !read_number (&p, 4, 4, &c) || *p != '\0')
        return FALSE;
      if (a == 0 || b == 0 || !date_valid (c, b, a))
        return FALSE;
      *date = (CtgDate) { c, b, a };
      return TRUE;
    }

  return FALSE;
}

/**
 * ctg_date_parse_range:
 * @text: one date, or two years ("2023 2024", "2023-2024")
 * @start: (out): set to the first year when @text holds two
 * @end: (out): the date, or the second year
 *
 * Returns: %FALSE if @text is neither a date nor two ordered years
 */
gboolean
ctg_date_parse_range (const char *text,
                      CtgDate    *start,
                      CtgDate    *end)
{
  static GRegex *two_years;
  g_autoptr(GMatchInfo) match = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  if (g_once_init_enter (&two_years))
    g_once_init_leave (&two_years,
                       g_regex_new ("^\\s*([0-9]{4})\\s*(?:-|/|\\s|–|—)\\s*([0-9]{4})\\s*$",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  *start = (CtgDate) { 0, 0, 0 };

  if (g_regex_match (two_years, text, 0, &match))
    {
      g_autofree char *a = g_match_info_fetch (match, 1);
      g_autofree char *b = g_match_info_fetch (match, 2);
      guint y1 = (guint) atoi (a);
      guint y2 = (guint) atoi (b);

      if (!date_valid (y1, 0, 0) || !date_valid (y2, 0, 0) || y1 > y2)
        return FALSE;
      *start = (CtgDate) { y1, 0, 0 };
      *end = (CtgDate) { y2, 0, 0 };
      return TRUE;
    }

  return ctg_date_parse (text, end);
}

CtgDatePrecision
ctg_date_precision (const CtgDate *date)
{
  if (date == NULL || date->year == 0)
    return CTG_DATE_PRECISION_NONE;
  if (date->month == 0)
    return CTG_DATE_PRECISION_YEAR;
  if (date->day == 0)
    return CTG_DATE_PRECISION_MONTH;
  return CTG_DATE_PRECISION_DAY;
}

gboolean
ctg_date_is_set (const CtgDate *date)
{
  return date != NULL && date->year != 0;
}

/**
 * ctg_date_to_iso:
 *
 * Returns: (transfer full) (nullable): "2024", "2024-03" or "2024-03-15",
 *   or %NULL for no date
 */
char *
ctg_date_to_iso (const CtgDate *date)
{
  switch (ctg_date_precision (date))
    {
    case CTG_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04u", date->year);
    case CTG_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04u-%02u", date->year, date->month);
    case CTG_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04u-%02u-%02u", date->year, date->month, date->day);
    case CTG_DATE_PRECISION_NONE:
    default:
      return NULL;
    }
}

/**
 * ctg_date_format:
 *
 * Formats @date for the user's locale at its own precision:
 * "2024", "mars 2024", "15 mars 2024".
 *
 * Returns: (transfer full): the text, empty for no date
 */
char *
ctg_date_format (const CtgDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  if (!ctg_date_is_set (date))
    return g_strdup ("");

  /* UTC, not local: only the calendar date is formatted, and a local
   * GDateTime looks the time zone up again (readlink /etc/localtime) on each
   * call, a third of binding a row of the action list */
  dt = g_date_time_new_utc (date->year, MAX (date->month, 1), MAX (date->day, 1), 12, 0, 0);

  switch (ctg_date_precision (date))
    {
    case CTG_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%u", date->year);
    case CTG_DATE_PRECISION_MONTH:
      /* Translators: a month and year, as in "March 2025"; see strftime(3) */
      return g_date_time_format (dt, C_("date", "%OB %Y"));
    case CTG_DATE_PRECISION_DAY:
    case CTG_DATE_PRECISION_NONE:
    default:
      /* French writes the first of the month as an ordinal, "1er mars 2025" */
      if (date->day == 1)
        /* Translators: the first day of a month, as in "1 March 2025"; see strftime(3) */
        return g_date_time_format (dt, C_("date", "1 %B %Y"));
      /* Translators: a full date, as in "15 March 2025"; see strftime(3) */
      return g_date_time_format (dt, C_("date", "%-d %B %Y"));
    }
}

/**
 * ctg_date_format_span:
 *
 * The dates of something that runs from @start to @end, in words: "from
 * 2024 to 2025" ("de 2024 à 2025"), "from 15 March 2024 to 1 June 2025"
 * ("du 15 mars 2024 au 1er juin 2025"); French says "du … au" only
 * between days.
 *
 * Returns: (transfer full): the text; either date may be unset
 */
char *
ctg_date_format_span (const CtgDate *start,
                      const CtgDate *end)
{
  g_autofree char *a = ctg_date_format (start);
  g_autofree char *b = ctg_date_format (end);

  if (ctg_date_is_set (start) && ctg_date_is_set (end))
    {
      if (ctg_date_precision (start) == CTG_DATE_PRECISION_DAY &&
          ctg_date_precision (end) == CTG_DATE_PRECISION_DAY)
        /* Translators: from one day to another, "du 15 mars 2024 au 1er juin 2025" */
        return g_strdup_printf (C_("between days", "from %s to %s"), a, b);
      /* Translators: from a year or month to another, "de 2024 à 2025", "de mars 2024 à juin 2025" */
      return g_strdup_printf (C_("between years or months", "from %s to %s"), a, b);
    }
  if (ctg_date_is_set (end))
    /* Translators: the dates of an action that has only an échéance */
    return g_strdup_printf (_("échéance %s"), b);
  if (ctg_date_is_set (start))
    /* Translators: the dates of an action that has only a start */
    return g_strdup_printf (_("starts %s"), a);
  return g_strdup (_("no dates"));
}

GDate *
ctg_date_first_day (const CtgDate *date)
{
  g_return_val_if_fail (ctg_date_is_set (date), NULL);

  return g_date_new_dmy (MAX (date->day, 1), MAX (date->month, 1), date->year);
}

GDate *
ctg_date_last_day (const CtgDate *date)
{
  guint month;

  g_return_val_if_fail (ctg_date_is_set (date), NULL);

  if (date->day != 0)
    return g_date_new_dmy (date->day, date->month, date->year);

  month = date->month != 0 ? date->month : 12;
  return g_date_new_dmy (g_date_get_days_in_month (month, date->year), month, date->year);
}

/**
 * ctg_date_first_julian:
 *
 * Returns: the Julian day (g_date_get_julian()) @date's period starts on,
 *   where the timeline and the report begin its bar
 */
guint32
ctg_date_first_julian (const CtgDate *date)
{
  g_autoptr(GDate) day = ctg_date_first_day (date);

  g_return_val_if_fail (day != NULL, 0);

  return g_date_get_julian (day);
}

/**
 * ctg_date_last_julian:
 *
 * Returns: the Julian day @date's period ends on, included
 */
guint32
ctg_date_last_julian (const CtgDate *date)
{
  g_autoptr(GDate) day = ctg_date_last_day (date);

  g_return_val_if_fail (day != NULL, 0);

  return g_date_get_julian (day);
}

/**
 * ctg_date_range_valid:
 *
 * A range is valid when @start does not begin after the end of @end: a start
 * in March 2024 fits an échéance of "2024".
 */
gboolean
ctg_date_range_valid (const CtgDate *start,
                      const CtgDate *end)
{
  g_autoptr(GDate) first = NULL;
  g_autoptr(GDate) last = NULL;

  if (!ctg_date_is_set (start) || !ctg_date_is_set (end))
    return TRUE;

  first = ctg_date_first_day (start);
  last = ctg_date_last_day (end);
  return g_date_compare (first, last) <= 0;
}

/**
 * ctg_date_parse_or_none:
 * @text: (nullable): a date as stored or typed
 * @date: (out): the date, unset when @text is %NULL or not a date
 *
 * For dates that are only read to be compared or shown, such as the
 * convention's period: a missing or damaged one counts as no date.
 */
void
ctg_date_parse_or_none (const char *text,
                        CtgDate    *date)
{
  g_return_if_fail (date != NULL);

  if (text == NULL || !ctg_date_parse (text, date))
    *date = (CtgDate) { 0, 0, 0 };
}

/**
 * ctg_date_format_period:
 *
 * The period of a convention in words: "2022 – 31 décembre 2026", "à partir
 * de mars 2022", "jusqu’en 2026".
 *
 * Returns: (transfer full) (nullable): the text, %NULL when neither date
 *   is set
 */
char *
ctg_date_format_period (const CtgDate *start,
                        const CtgDate *end)
{
  g_autofree char *from = ctg_date_format (start);
  g_autofree char *to = ctg_date_format (end);

  if (ctg_date_is_set (start) && ctg_date_is_set (end))
    /* Translators: the period of a convention, as in "2022 – 31 December 2026" */
    return g_strdup_printf (_("%s – %s"), from, to);
  if (ctg_date_is_set (start))
    /* Translators: a convention with no end, as in "from March 2022" */
    return g_strdup_printf (_("from %s"), from);
  if (ctg_date_is_set (end))
    /* Translators: a convention with no start, as in "until 2026" */
    return g_strdup_printf (_("until %s"), to);
  return NULL;
}

/**
 * ctg_date_outside_period:
 * @date: an action's start or échéance
 * @start: the convention's start, may be unset
 * @end: the convention's end, may be unset
 *
 * A date is outside the period when none of it falls within: an échéance
 * "2021" fits a convention starting in December 2021. The app and ctg set
 * warn about such a date and keep it.
 */
gboolean
ctg_date_outside_period (const CtgDate *date,
                         const CtgDate *start,
                         const CtgDate *end)
{
  if (!ctg_date_is_set (date))
    return FALSE;

  if (ctg_date_is_set (start))
    {
      g_autoptr(GDate) last = ctg_date_last_day (date);
      g_autoptr(GDate) first = ctg_date_first_day (start);

      if (g_date_compare (last, first) < 0)
        return TRUE;
    }
  if (ctg_date_is_set (end))
    {
      g_autoptr(GDate) first = ctg_date_first_day (date);
      g_autoptr(GDate) last = ctg_date_last_day (end);

      if (g_date_compare (first, last) > 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * ctg_date_is_past:
 *
 * Whether the whole period of @date lies before @today.
 */
gboolean
ctg_date_is_past (const CtgDate *date,
                  const GDate   *today)
{
  g_autoptr(GDate) last = NULL;

  if (!ctg_date_is_set (date))
    return FALSE;

  last = ctg_date_last_day (date);
  return g_date_compare (last, today) < 0;
}

/**
 * ctg_date_normalize:
 *
 * Returns: (transfer full) (nullable): @text as an ISO partial date, %NULL
 *   for an empty text; sets nothing and returns %NULL for an invalid one
 *   (check with ctg_date_parse() first).
 */
char *
ctg_date_normalize (const char *text)
{
  CtgDate date;

  if (text == NULL || !ctg_date_parse (text, &date))
    return NULL;
  return ctg_date_to_iso (&date);
}

/**
 * ctg_year_compare:
 * @a: a pointer to a #guint year
 * @b: another
 *
 * A #GCompareFunc for a #GArray of years (as ctg_document_list_years()
 * returns), for g_array_sort().
 *
 * Returns: negative, 0 or positive as @a comes before, with or after @b
 */
int
ctg_year_compare (gconstpointer a,
                  gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}
