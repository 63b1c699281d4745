/* test-date.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "ctg-test-util.h"

static void
assert_parses (const char *text,
               const char *iso)
{
  CtgDate date;
  g_autofree char *result = NULL;

  g_assert_true (ctg_date_parse (text, &date));
  result = ctg_date_to_iso (&date);
  g_assert_cmpstr (result, ==, iso);
}

static void
test_date_parse (void)
{
  CtgDate date;

  assert_parses ("2024", "2024");
  assert_parses ("03/2024", "2024-03");
  assert_parses ("3/2024", "2024-03");
  assert_parses ("2024-03", "2024-03");
  assert_parses ("15/03/2024", "2024-03-15");
  assert_parses ("2024-03-15", "2024-03-15");
  assert_parses ("  2024-03-15 ", "2024-03-15");
  assert_parses ("", NULL);

  g_assert_true (ctg_date_parse ("2024", &date));
  g_assert_cmpint (ctg_date_precision (&date), ==, CTG_DATE_PRECISION_YEAR);
  g_assert_true (ctg_date_parse ("2024-03", &date));
  g_assert_cmpint (ctg_date_precision (&date), ==, CTG_DATE_PRECISION_MONTH);
  g_assert_true (ctg_date_parse ("2024-03-01", &date));
  g_assert_cmpint (ctg_date_precision (&date), ==, CTG_DATE_PRECISION_DAY);
}

static void
test_date_parse_invalid (void)
{
  const char *invalid[] = {
    "31/02/2024", "2024-13", "13/2024", "2024-02-30", "24", "20245", "abcd", "2024-3",
    "15-03-2024", "2024/03/15", "1800", "2024-00", "00/2024", "0/0/2024", "2024 -03",
    "29/02/2023",
  };
  CtgDate date;

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("%s", invalid[i]);
      g_assert_false (ctg_date_parse (invalid[i], &date));
    }

  /* A leap day is a day */
  g_assert_true (ctg_date_parse ("29/02/2024", &date));
}

static void
test_date_range (void)
{
  CtgDate start, end;

  g_assert_true (ctg_date_parse_range ("2023 2024", &start, &end));
  g_assert_cmpuint (start.year, ==, 2023);
  g_assert_cmpuint (end.year, ==, 2024);
  g_assert_true (ctg_date_parse_range ("2023-2024", &start, &end));
  g_assert_cmpuint (start.year, ==, 2023);
  g_assert_true (ctg_date_parse_range ("2023 – 2024", &start, &end));
  g_assert_cmpuint (end.year, ==, 2024);
  g_assert_false (ctg_date_parse_range ("2024 2023", &start, &end));

  /* A single date leaves start unset */
  g_assert_true (ctg_date_parse_range ("2024-03", &start, &end));
  g_assert_false (ctg_date_is_set (&start));
  g_assert_cmpuint (end.month, ==, 3);

  /* A start inside the échéance's year is fine; after it is not */
  ctg_date_parse ("2024-03", &start);
  ctg_date_parse ("2024", &end);
  g_assert_true (ctg_date_range_valid (&start, &end));
  ctg_date_parse ("2025-01", &start);
  g_assert_false (ctg_date_range_valid (&start, &end));
  ctg_date_parse ("2024-12-31", &start);
  g_assert_true (ctg_date_range_valid (&start, &end));
}

/* The days a date's period covers, where the timeline and the report draw
 * its bar: a year from 1 January to 31 December, a month to its last day
 * (29 February in a leap year), a day alone */
static void
test_date_julian (void)
{
  static const struct {
    const char *text;
    guint       first[3];   /* day, month, year */
    guint       last[3];
  } cases[] = {
    { "2024", { 1, 1, 2024 }, { 31, 12, 2024 } },
    { "2024-02", { 1, 2, 2024 }, { 29, 2, 2024 } },
    { "2025-02", { 1, 2, 2025 }, { 28, 2, 2025 } },
    { "2025-03-15", { 15, 3, 2025 }, { 15, 3, 2025 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) first = g_date_new_dmy (cases[i].first[0], cases[i].first[1], cases[i].first[2]);
      g_autoptr(GDate) last = g_date_new_dmy (cases[i].last[0], cases[i].last[1], cases[i].last[2]);
      CtgDate date;

      g_assert_true (ctg_date_parse (cases[i].text, &date));
      g_assert_cmpuint (ctg_date_first_julian (&date), ==, g_date_get_julian (first));
      g_assert_cmpuint (ctg_date_last_julian (&date), ==, g_date_get_julian (last));
    }
}

static void
test_date_past (void)
{
  g_autoptr(GDate) today = g_date_new_dmy (15, 3, 2025);
  CtgDate date;

  ctg_date_parse ("2024", &date);
  g_assert_true (ctg_date_is_past (&date, today));
  ctg_date_parse ("2025", &date);
  g_assert_false (ctg_date_is_past (&date, today));
  ctg_date_parse ("2025-02", &date);
  g_assert_true (ctg_date_is_past (&date, today));
  ctg_date_parse ("2025-03", &date);
  g_assert_false (ctg_date_is_past (&date, today));
  ctg_date_parse ("2025-03-14", &date);
  g_assert_true (ctg_date_is_past (&date, today));
}

static void
test_date_format_french (void)
{
  CtgDate date;
  g_autofree char *day = NULL;
  g_autofree char *month = NULL;
  g_autofree char *year = NULL;
  g_autofree char *first = NULL;
  const char *old = setlocale (LC_ALL, NULL);
  g_autofree char *saved = g_strdup (old);

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not generated");
      return;
    }

  ctg_date_parse ("2025-03-15", &date);
  day = ctg_date_format (&date);
  ctg_date_parse ("2025-03", &date);
  month = ctg_date_format (&date);
  ctg_date_parse ("2025", &date);
  year = ctg_date_format (&date);
  ctg_date_parse ("2025-04-01", &date);
  first = ctg_date_format (&date);
  setlocale (LC_ALL, saved);

  g_assert_cmpstr (day, ==, "15 mars 2025");
  g_assert_cmpstr (month, ==, "mars 2025");
  g_assert_cmpstr (year, ==, "2025");
  g_assert_cmpstr (first, ==, "1er avril 2025");
}

/* "de 2024 à 2025", "du 15 mars 2024 au 1er juin 2025": in a process of its
 * own, since GLib decides once per process whether to translate */
static void
test_date_span_french (void)
{
  CtgDate a, b, c, d;

  if (g_test_subprocess ())
    {
      g_autofree char *years = NULL;
      g_autofree char *days = NULL;
      g_autofree char *months = NULL;

      ctg_date_parse ("2024", &a);
      ctg_date_parse ("2025", &b);
      ctg_date_parse ("2024-03-15", &c);
      ctg_date_parse ("2025-06-01", &d);
      years = ctg_date_format_span (&a, &b);
      days = ctg_date_format_span (&c, &d);
      ctg_date_parse ("2024-03", &c);
      ctg_date_parse ("2025-06", &d);
      months = ctg_date_format_span (&c, &d);
      g_assert_cmpstr (years, ==, "de 2024 à 2025");
      g_assert_cmpstr (days, ==, "du 15 mars 2024 au 1er juin 2025");
      g_assert_cmpstr (months, ==, "de mars 2024 à juin 2025");
      return;
    }

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not generated");
      return;
    }
  setlocale (LC_ALL, "");
  g_setenv ("LC_ALL", "fr_FR.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LANGUAGE");
  g_test_trap_assert_passed ();
}

/* The rule the app's editor and ctg set share: a date is outside the
 * period only when none of it falls within */
static void
test_date_outside_period (void)
{
  CtgDate start, end, date, none;
  const struct { const char *date; gboolean outside; } cases[] = {
    { "2021", FALSE },        /* the period starts in December 2021 */
    { "2021-11", TRUE },
    { "2021-12-01", FALSE },
    { "2026", FALSE },
    { "2026-12-31", FALSE },
    { "2027-01", TRUE },
    { "2030", TRUE },
    { "", FALSE },
  };

  ctg_date_parse ("2021-12", &start);
  ctg_date_parse ("2026-12-31", &end);
  ctg_date_parse_or_none (NULL, &none);
  g_assert_false (ctg_date_is_set (&none));
  ctg_date_parse_or_none ("not a date", &none);
  g_assert_false (ctg_date_is_set (&none));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (ctg_date_parse (cases[i].date, &date));
      g_assert_cmpint (ctg_date_outside_period (&date, &start, &end), ==, cases[i].outside);
    }
  /* A period with one end checks that end only; none checks nothing */
  ctg_date_parse ("2030", &date);
  g_assert_false (ctg_date_outside_period (&date, &start, &none));
  g_assert_true (ctg_date_outside_period (&date, &none, &end));
  g_assert_false (ctg_date_outside_period (&date, &none, &none));
  g_assert_null (ctg_date_format_period (&none, &none));
}

/* Years sort as numbers, the highest guint too (a subtraction would wrap) */
static void
test_year_compare (void)
{
  guint values[] = { 2026, 2024, G_MAXUINT, 0, 2025, 2024 };
  guint sorted[] = { 0, 2024, 2024, 2025, 2026, G_MAXUINT };
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_append_vals (years, values, G_N_ELEMENTS (values));
  g_array_sort (years, ctg_year_compare);
  g_assert_cmpmem (years->data, years->len * sizeof (guint), sorted, sizeof sorted);
}

int
main (int   argc,
      char *argv[])
{
  ctg_test_init (&argc, &argv);

  g_test_add_func ("/date/parse", test_date_parse);
  g_test_add_func ("/date/parse-invalid", test_date_parse_invalid);
  g_test_add_func ("/date/range", test_date_range);
  g_test_add_func ("/date/julian", test_date_julian);
  g_test_add_func ("/date/past", test_date_past);
  g_test_add_func ("/date/format-french", test_date_format_french);
  g_test_add_func ("/date/span-french", test_date_span_french);
  g_test_add_func ("/date/year-compare", test_year_compare);
  g_test_add_func ("/date/outside-period", test_date_outside_period);

  return g_test_run ();
}
