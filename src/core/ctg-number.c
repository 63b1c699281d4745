/* ctg-number.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Indicator values are typed by French users ("1 234,5", "12 %") and stored
 * in the file in one plain form ("1234.5") that any locale reads back. */

#define G_LOG_DOMAIN "ctg-number"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ctg-error.h"
#include "ctg-number.h"

/* Far beyond any indicator (a budget in euros, a population), and exact in
 * a double with two decimals */
#define MAX_MAGNITUDE 1e13

static gboolean
is_group_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

static gboolean
set_not_a_number (const char  *text,
                  GError     **error)
{
  g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
               _("“%s” is not a number. Write it the French way, such as 1 234,5 or 12 %%."),
               text);
  return FALSE;
}

/**
 * ctg_number_parse:
 * @text: "1 234,5", "12 %", "-3", "1500.5", "2 000 €"; empty for none
 * @has_value: (out): whether @text held a number (FALSE when empty)
 * @value: (out): the number
 * @unit: (out) (optional) (transfer full): the unit written after it ("%",
 *   "€"), or %NULL
 *
 * Reads a number the way it is written in French: a comma (or a point)
 * before the decimals, thousands grouped by threes with a space or a
 * no-break space. Anything else is refused with a message that says how
 * to write it: a letter, two decimal marks, digits grouped wrongly.
 */
gboolean
ctg_number_parse (const char  *text,
                  gboolean    *has_value,
                  double      *value,
                  char       **unit,
                  GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  GString *plain = g_string_new (NULL);
  g_autofree char *digits = NULL;
  const char *p = stripped;
  const char *suffix = NULL;
  guint group = 0;          /* digits since the last group space */
  gboolean grouped = FALSE; /* a group space was seen in the integer part */
  gboolean in_fraction = FALSE;
  gboolean any = FALSE;
  char *end = NULL;

  *has_value = FALSE;
  *value = 0;
  if (unit != NULL)
    *unit = NULL;
  if (stripped[0] == '\0')
    {
      g_string_free (plain, TRUE);
      return TRUE;
    }

  if (*p == '-' || *p == '+' || g_str_has_prefix (p, "\xe2\x88\x92")) /* U+2212 minus */
    {
      if (*p != '+')
        g_string_append_c (plain, '-');
      p = *p == '-' || *p == '+' ? p + 1 : p + 3;
    }

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (plain, *p);
          any = TRUE;
          group++;
        }
      else if ((c == ',' || c == '.') && !in_fraction && any)
        {
          if (grouped && group != 3)
            goto invalid;
          in_fraction = TRUE;
          g_string_append_c (plain, '.');
          group = 0;
        }
      else if (is_group_space (c) && any)
        {
          const char *next = g_utf8_next_char (p);

          /* A space before the unit ("12 %") ends the number */
          if (!g_ascii_isdigit (*next))
            {
              suffix = next;
              break;
            }
          if (in_fraction || (grouped && group != 3) || (!grouped && group > 3))
            goto invalid;
          grouped = TRUE;
          group = 0;
        }
      else if (c == '%' || c == 0x20AC)
        {
          suffix = p;
          break;
        }
      else
        goto invalid;
    }

  if (!any || (grouped && !in_fraction && group != 3) || (in_fraction && group == 0))
    goto invalid;

  if (suffix != NULL)
    {
      g_autofree char *rest = g_strstrip (g_strdup (suffix));

      if (g_str_equal (rest, "%") || g_str_equal (rest, "\xe2\x82\xac") ||
          g_ascii_strcasecmp (rest, "eur") == 0)
        {
          if (unit != NULL)
            *unit = g_strdup (rest[0] == '%' ? "%" : "\xe2\x82\xac");
        }
      else
        goto invalid;
    }

  digits = g_string_free (g_steal_pointer (&plain), FALSE);
  *value = g_ascii_strtod (digits, &end);
  if (end == NULL || *end != '\0' || !isfinite (*value) || fabs (*value) > MAX_MAGNITUDE)
    {
      if (unit != NULL)
        g_clear_pointer (unit, g_free);
      return set_not_a_number (stripped, error);
    }
  *has_value = TRUE;
  return TRUE;

invalid:
  if (plain != NULL)
    g_string_free (plain, TRUE);
  return set_not_a_number (stripped, error);
}

/**
 * ctg_number_to_plain:
 *
 * Returns: (transfer full): @value as the file stores it: "1234.5", "12"
 */
char *
ctg_number_to_plain (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* 15 significant digits: what a double keeps of a typed decimal, so
   * 0.1 + 0.2 typed as 0,3 reads back 0.3 and not 0.30000000000000004 */
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value == 0 ? 0 : value);
  return g_strdup (buffer);
}

/**
 * ctg_number_from_plain:
 * @plain: (nullable): what ctg_number_to_plain() gave
 *
 * Returns: whether @plain held a number
 */
gboolean
ctg_number_from_plain (const char *plain,
                       double     *value)
{
  char *end = NULL;

  *value = 0;
  if (plain == NULL || plain[0] == '\0')
    return FALSE;
  *value = g_ascii_strtod (plain, &end);
  return end != plain && *end == '\0' && isfinite (*value);
}

/**
 * ctg_number_format:
 *
 * Returns: (transfer full): @value for a French reader: "1 234,5" with a
 *   narrow no-break space between thousands, at most two decimals
 */
char *
ctg_number_format (double value)
{
  g_autofree char *plain = NULL;
  GString *out = g_string_new (NULL);
  const char *p;
  const char *point;
  gsize int_digits;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  /* Drop the decimals a whole number does not need */
  if (g_str_has_suffix (buffer, ".00"))
    buffer[strlen (buffer) - 3] = '\0';
  else if (g_str_has_suffix (buffer, "0") && strchr (buffer, '.') != NULL)
    buffer[strlen (buffer) - 1] = '\0';
  if (g_str_equal (buffer, "-0"))
    buffer[0] = '0', buffer[1] = '\0';
  plain = g_strdup (buffer);

  p = plain;
  if (*p == '-')
    {
      g_string_append (out, "\xe2\x88\x92");
      p++;
    }
  point = strchr (p, '.');
  int_digits = point ? (gsize) (point - p) : strlen (p);
  for (gsize i = 0; i < int_digits; i++)
    {
      if (i > 0 && (int_digits - i) % 3 == 0)
        g_string_append (out, "\xe2\x80\xaf");
      g_string_append_c (out, p[i]);
    }
  if (point != NULL)
    {
      g_string_append_c (out, ',');
      g_string_append (out, point + 1);
    }
  return g_string_free (out, FALSE);
}
