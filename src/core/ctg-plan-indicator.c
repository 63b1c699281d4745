/* ctg-plan-indicator.c: an indicator in a plan table's cell, both ways
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-plan-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ctg-document-private.h"
#include "ctg-number.h"
#include "ctg-plan-table-private.h"

/* Indicators: "name | type : résultat | unité : places | base : 10 (2021) |
 * cible : 1 234,5 (2026) | 2023=value | 2024=value (comment)". The
 * keywords may come in any order or not at all; a part with none, second,
 * is the target as before v4: a number, or a text kept as it is. */

void
_ctg_plan_indicator_clear (Indicator *indicator)
{
  g_free (indicator->name);
  g_free (indicator->target);
  g_free (indicator->kind);
  g_free (indicator->unit);
  g_free (indicator->baseline);
  g_free (indicator->baseline_year);
  g_free (indicator->target_value);
  g_free (indicator->target_year);
  g_clear_pointer (&indicator->years, g_ptr_array_unref);
  g_clear_pointer (&indicator->values, g_ptr_array_unref);
  g_clear_pointer (&indicator->comments, g_ptr_array_unref);
}

/* "1 234,5 (2026)" into a plain number and a year; FALSE with @error
 * saying why */
static gboolean
parse_measure (const char  *text,
               char       **plain,
               char       **year,
               char       **unit,
               GError     **error)
{
  g_autofree char *number = g_strdup (text);
  char *open = strrchr (number, '(');
  gboolean has_value;
  double value;

  if (open != NULL && g_str_has_suffix (number, ")"))
    {
      g_autofree char *year_text = g_strstrip (g_strndup (open + 1, strlen (open + 1) - 1));
      guint64 y;

      if (!g_ascii_string_to_unsigned (year_text, 10, 1900, 2200, &y, NULL))
        return _ctg_document_set_invalid (error, _("The year must be between 1900 and 2200."));
      *year = g_steal_pointer (&year_text);
      *open = '\0';
    }
  if (!ctg_number_parse (number, &has_value, &value, unit, error))
    return FALSE;
  *plain = has_value ? ctg_number_to_plain (value) : NULL;
  return TRUE;
}

static gboolean
keyword_is (const char  *part,
            const char  *keyword,
            const char **rest)
{
  gsize length = strlen (keyword);
  const char *p;

  if (g_ascii_strncasecmp (part, keyword, length) != 0)
    return FALSE;
  for (p = part + length; *p == ' '; p++)
    ;
  if (*p != ':')
    return FALSE;
  *rest = p + 1;
  while (**rest == ' ')
    (*rest)++;
  return TRUE;
}

/* Returns: (nullable): what is wrong with @line, for the user */
char *
_ctg_plan_indicator_parse (const char *line,
                 Indicator  *indicator)
{
  g_auto(GStrv) parts = g_strsplit (line, "|", -1);
  g_autoptr(GError) error = NULL;

  memset (indicator, 0, sizeof *indicator);
  indicator->years = g_ptr_array_new_with_free_func (g_free);
  indicator->values = g_ptr_array_new_with_free_func (g_free);
  indicator->comments = g_ptr_array_new_with_free_func (g_free);
  indicator->name = g_strstrip (g_strdup (parts[0]));
  indicator->target = g_strdup ("");
  indicator->unit = g_strdup ("");

  for (guint i = 1; parts[i]; i++)
    {
      char *part = g_strstrip (parts[i]);
      const char *eq = strchr (part, '=');
      const char *rest = NULL;
      g_autofree char *unit = NULL;

      if (keyword_is (part, "type", &rest))
        {
          CtgIndicatorKind kind;

          if (!ctg_indicator_kind_parse (rest, &kind))
            return g_strdup_printf (_("“%s” is not a kind of indicator. Use résultat or moyen."), rest);
          g_free (indicator->kind);
          indicator->kind = g_strdup (ctg_indicator_kind_to_key (kind));
        }
      else if (keyword_is (part, "unité", &rest) || keyword_is (part, "unit", &rest))
        {
          g_free (indicator->unit);
          indicator->unit = g_strdup (rest);
        }
      else if (keyword_is (part, "base", &rest))
        {
          g_clear_pointer (&indicator->baseline, g_free);
          g_clear_pointer (&indicator->baseline_year, g_free);
          if (!parse_measure (rest, &indicator->baseline, &indicator->baseline_year, &unit, &error))
            return g_strdup (error->message);
        }
      else if (keyword_is (part, "cible", &rest) || keyword_is (part, "target", &rest))
        {
          g_clear_pointer (&indicator->target_value, g_free);
          g_clear_pointer (&indicator->target_year, g_free);
          if (!parse_measure (rest, &indicator->target_value, &indicator->target_year, &unit, &error))
            return g_strdup (error->message);
        }
      else if (keyword_is (part, "texte", &rest) || (i == 1 && (eq == NULL || eq - part != 4)))
        {
          gboolean has_value = FALSE;
          double value;

          /* A target typed before v4, or as text: a number is a number */
          if (rest == NULL && ctg_number_parse (part, &has_value, &value, &unit, NULL) && has_value)
            indicator->target_value = ctg_number_to_plain (value);
          else
            {
              g_free (indicator->target);
              indicator->target = g_strdup (rest ? rest : part);
            }
        }
      else if (eq != NULL)
        {
          g_autofree char *year_text = g_strstrip (g_strndup (part, (gsize) (eq - part)));
          g_autofree char *value_text = g_strdup (eq + 1);
          char *open = strchr (value_text, '(');
          g_autofree char *comment = NULL;
          gboolean has_value = FALSE;
          double value;
          guint64 year;

          if (!g_ascii_string_to_unsigned (year_text, 10, 1900, 2200, &year, NULL))
            return g_strdup_printf (_("the indicator “%s” should read “name | target | 2024=value”"), line);
          if (open != NULL && g_str_has_suffix (value_text, ")"))
            {
              comment = g_strstrip (g_strndup (open + 1, strlen (open + 1) - 1));
              *open = '\0';
            }
          g_strstrip (value_text);
          /* A value typed as text before v4 is kept as the year's comment */
          if (!ctg_number_parse (value_text, &has_value, &value, &unit, NULL))
            {
              g_free (comment);
              comment = g_strdup (value_text);
            }
          g_ptr_array_add (indicator->years, g_steal_pointer (&year_text));
          g_ptr_array_add (indicator->values, has_value ? ctg_number_to_plain (value) : g_strdup (""));
          g_ptr_array_add (indicator->comments, comment ? g_steal_pointer (&comment) : g_strdup (""));
        }
      else
        return g_strdup_printf (_("the indicator “%s” should read “name | target | 2024=value”"), line);

      if (unit != NULL && indicator->unit[0] == '\0')
        {
          g_free (indicator->unit);
          indicator->unit = g_steal_pointer (&unit);
        }
    }
  if (indicator->name[0] == '\0')
    return g_strdup_printf (_("the indicator “%s” should read “name | target | 2024=value”"), line);
  return NULL;
}

/* A plain number of the file as the importer reads it back, in French */
static void
append_measure (GString    *item,
                const char *keyword,
                const char *plain,
                gint64      year)
{
  double value;
  g_autofree char *number = NULL;

  if (!ctg_number_from_plain (plain, &value) && year == 0)
    return;
  number = ctg_number_from_plain (plain, &value) ? ctg_number_format (value) : g_strdup ("");
  g_string_append_printf (item, " | %s : %s", keyword, number);
  if (year != 0)
    g_string_append_printf (item, " (%" G_GINT64_FORMAT ")", year);
}

/* The indicators of @action_id, one item each, for the plan table's cell */
GPtrArray *
_ctg_plan_indicator_cells (CtgDocument *self,
                           gint64       action_id)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) indicators = ctg_document_list_ids (self, CTG_ITEM_INDICATOR, action_id);

  for (guint i = 0; i < indicators->len; i++)
    {
      gint64 id = g_array_index (indicators, gint64, i);
      g_autofree char *name = ctg_document_dup_text (self, CTG_ITEM_INDICATOR, id, "name");
      g_autofree char *target = ctg_document_dup_text (self, CTG_ITEM_INDICATOR, id, "target");
      g_autofree char *kind = ctg_document_dup_text (self, CTG_ITEM_INDICATOR, id, "kind");
      g_autofree char *unit = ctg_document_dup_text (self, CTG_ITEM_INDICATOR, id, "unit");
      g_autofree char *baseline = ctg_document_dup_text (self, CTG_ITEM_INDICATOR, id, "baseline");
      g_autofree char *target_value = ctg_document_dup_text (self, CTG_ITEM_INDICATOR, id, "target_value");
      g_autoptr(GArray) values = ctg_document_list_ids (self, CTG_ITEM_INDICATOR_VALUE, id);
      GString *item = g_string_new (name);
      CtgIndicatorKind indicator_kind;

      g_strdelimit (item->str, "|", '/');
      if (target[0] != '\0')
        {
          g_strdelimit (target, "|", '/');
          g_string_append_printf (item, " | texte : %s", target);
        }
      if (kind != NULL && ctg_indicator_kind_parse (kind, &indicator_kind))
        g_string_append_printf (item, " | type : %s", indicator_kind == CTG_INDICATOR_MEANS ? "moyen" : "résultat");
      if (unit != NULL && unit[0] != '\0')
        {
          g_strdelimit (unit, "|", '/');
          g_string_append_printf (item, " | unité : %s", unit);
        }
      append_measure (item, "base", baseline,
                      ctg_document_get_int (self, CTG_ITEM_INDICATOR, id, "baseline_year", 0));
      append_measure (item, "cible", target_value,
                      ctg_document_get_int (self, CTG_ITEM_INDICATOR, id, "target_year", 0));
      for (guint j = 0; j < values->len; j++)
        {
          gint64 value_id = g_array_index (values, gint64, j);
          g_autofree char *value = ctg_document_dup_text (self, CTG_ITEM_INDICATOR_VALUE, value_id, "value");
          g_autofree char *comment = ctg_document_dup_text (self, CTG_ITEM_INDICATOR_VALUE, value_id, "comment");
          gint64 year = ctg_document_get_int (self, CTG_ITEM_INDICATOR_VALUE, value_id, "year", 0);
          g_autofree char *number = NULL;
          double number_value;

          number = ctg_number_from_plain (value, &number_value) ? ctg_number_format (number_value) : g_strdup ("");
          g_string_append_printf (item, " | %" G_GINT64_FORMAT "=%s", year, number);
          if (comment != NULL && comment[0] != '\0')
            {
              g_strdelimit (comment, "|", '/');
              g_string_append_printf (item, " (%s)", comment);
            }
        }
      g_ptr_array_add (items, g_string_free (item, FALSE));
    }
  return items;
}
