/* ctg-plan-indicator.c: an indicator in a plan table's cell, both ways
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-plan-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ctg-document-private.h"
#include "ctg-evaluation.h"
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
                const char *year)
{
  double value;
  gboolean has_value = plain != NULL && ctg_number_from_plain (plain, &value);
  g_autofree char *number = has_value ? ctg_number_format (value) : g_strdup ("");

  if (!has_value && year == NULL)
    return;
  g_string_append_printf (item, " | %s : %s", keyword, number);
  if (year != NULL)
    g_string_append_printf (item, " (%s)", year);
}

/* @indicator as the plan table's cell writes it, and the importer reads
 * it back: the same text for the same measures however they were typed */
static char *
indicator_to_text (const Indicator *indicator)
{
  GString *item = g_string_new (indicator->name);
  CtgIndicatorKind kind;

  g_strdelimit (item->str, "|", '/');
  if (indicator->target != NULL && indicator->target[0] != '\0')
    {
      g_autofree char *target = g_strdelimit (g_strdup (indicator->target), "|", '/');

      g_string_append_printf (item, " | texte : %s", target);
    }
  if (indicator->kind != NULL && ctg_indicator_kind_parse (indicator->kind, &kind))
    g_string_append_printf (item, " | type : %s", kind == CTG_INDICATOR_MEANS ? "moyen" : "résultat");
  if (indicator->unit != NULL && indicator->unit[0] != '\0')
    {
      g_autofree char *unit = g_strdelimit (g_strdup (indicator->unit), "|", '/');

      g_string_append_printf (item, " | unité : %s", unit);
    }
  append_measure (item, "base", indicator->baseline, indicator->baseline_year);
  append_measure (item, "cible", indicator->target_value, indicator->target_year);
  for (guint j = 0; j < indicator->years->len; j++)
    {
      const char *plain = g_ptr_array_index (indicator->values, j);
      const char *comment = g_ptr_array_index (indicator->comments, j);
      g_autofree char *number = NULL;
      double value;

      number = ctg_number_from_plain (plain, &value) ? ctg_number_format (value) : g_strdup ("");
      g_string_append_printf (item, " | %s=%s", (const char *) g_ptr_array_index (indicator->years, j), number);
      if (comment != NULL && comment[0] != '\0')
        {
          g_autofree char *safe = g_strdelimit (g_strdup (comment), "|", '/');

          g_string_append_printf (item, " (%s)", safe);
        }
    }
  return g_string_free (item, FALSE);
}

/* A year of the file, or %NULL for none */
static char *
dup_year (CtgDocument *self,
          CtgItemKind  kind,
          gint64       id,
          const char  *field)
{
  gint64 year = ctg_document_get_int (self, kind, id, field, 0);

  return year != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, year) : NULL;
}

/* The indicator @id of the file, as a plan table's cell holds it */
static void
indicator_read (CtgDocument *self,
                gint64       id,
                Indicator   *indicator)
{
  g_autoptr(GArray) values = ctg_document_list_ids (self, CTG_ITEM_INDICATOR_VALUE, id);

  memset (indicator, 0, sizeof *indicator);
  indicator->name = ctg_document_dup_text (self, CTG_ITEM_INDICATOR, id, "name");
  indicator->target = ctg_document_dup_text (self, CTG_ITEM_INDICATOR, id, "target");
  indicator->kind = ctg_document_dup_text (self, CTG_ITEM_INDICATOR, id, "kind");
  indicator->unit = ctg_document_dup_text (self, CTG_ITEM_INDICATOR, id, "unit");
  indicator->baseline = ctg_document_dup_text (self, CTG_ITEM_INDICATOR, id, "baseline");
  indicator->baseline_year = dup_year (self, CTG_ITEM_INDICATOR, id, "baseline_year");
  indicator->target_value = ctg_document_dup_text (self, CTG_ITEM_INDICATOR, id, "target_value");
  indicator->target_year = dup_year (self, CTG_ITEM_INDICATOR, id, "target_year");
  indicator->years = g_ptr_array_new_with_free_func (g_free);
  indicator->values = g_ptr_array_new_with_free_func (g_free);
  indicator->comments = g_ptr_array_new_with_free_func (g_free);
  for (guint j = 0; j < values->len; j++)
    {
      gint64 value_id = g_array_index (values, gint64, j);
      char *value = ctg_document_dup_text (self, CTG_ITEM_INDICATOR_VALUE, value_id, "value");
      char *comment = ctg_document_dup_text (self, CTG_ITEM_INDICATOR_VALUE, value_id, "comment");

      g_ptr_array_add (indicator->years, dup_year (self, CTG_ITEM_INDICATOR_VALUE, value_id, "year"));
      g_ptr_array_add (indicator->values, value ? value : g_strdup (""));
      g_ptr_array_add (indicator->comments, comment ? comment : g_strdup (""));
    }
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
      Indicator indicator;

      indicator_read (self, g_array_index (indicators, gint64, i), &indicator);
      g_ptr_array_add (items, indicator_to_text (&indicator));
      _ctg_plan_indicator_clear (&indicator);
    }
  return items;
}

/**
 * _ctg_plan_indicators_text:
 * @indicators: (element-type Indicator): a row's indicators
 *
 * Returns: the cell @indicators make, one per line, as
 *   _ctg_plan_indicator_cells() gives it for the same measures
 */
char *
_ctg_plan_indicators_text (GArray *indicators)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < indicators->len; i++)
    {
      g_autofree char *item = indicator_to_text (&g_array_index (indicators, Indicator, i));

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, item);
    }
  return g_string_free (text, FALSE);
}

static gboolean
set_if_changed (CtgDocument  *self,
                gint64        id,
                const char   *field,
                const char   *then,
                const char   *now,
                GError      **error)
{
  if (g_strcmp0 (then ? then : "", now ? now : "") == 0)
    return TRUE;
  return ctg_document_set (self, CTG_ITEM_INDICATOR, id, field, now ? now : "", error);
}

/**
 * _ctg_plan_indicators_apply:
 * @indicators: (element-type Indicator): what a returned sheet's row says
 *
 * Makes the indicators of @action_id those of @indicators, in order: the
 * Nth is changed in place (it keeps its identity for merges), what is
 * beyond the sheet's is deleted, what the sheet adds is added. Inside the
 * caller's group.
 */
gboolean
_ctg_plan_indicators_apply (CtgDocument  *self,
                            gint64        action_id,
                            GArray       *indicators,
                            GError      **error)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (self, CTG_ITEM_INDICATOR, action_id);

  for (guint i = 0; i < indicators->len; i++)
    {
      const Indicator *now = &g_array_index (indicators, Indicator, i);
      gint64 id = i < ids->len ? g_array_index (ids, gint64, i) : 0;
      g_autoptr(GArray) value_ids = NULL;
      const char *fields[] = { "name", "target", "kind", "unit", "baseline", "baseline_year",
                               "target_value", "target_year" };
      Indicator then;
      gboolean ok = TRUE;

      if (id == 0 && (id = ctg_document_add_item (self, CTG_ITEM_INDICATOR, action_id, now->name, error)) == 0)
        return FALSE;
      indicator_read (self, id, &then);
      {
        const char *befores[] = { then.name, then.target, then.kind, then.unit, then.baseline,
                                  then.baseline_year, then.target_value, then.target_year };
        const char *afters[] = { now->name, now->target, now->kind, now->unit, now->baseline,
                                 now->baseline_year, now->target_value, now->target_year };

        for (guint f = 0; ok && f < G_N_ELEMENTS (fields); f++)
          ok = set_if_changed (self, id, fields[f], befores[f], afters[f], error);
      }

      /* Years the sheet no longer has go; the others take its value and comment */
      value_ids = ctg_document_list_ids (self, CTG_ITEM_INDICATOR_VALUE, id);
      for (guint j = 0; ok && j < then.years->len; j++)
        if (!g_ptr_array_find_with_equal_func (now->years, g_ptr_array_index (then.years, j), g_str_equal, NULL))
          ok = ctg_document_delete (self, CTG_ITEM_INDICATOR_VALUE, g_array_index (value_ids, gint64, j), error);
      for (guint j = 0; ok && j < now->years->len; j++)
        {
          const char *year = g_ptr_array_index (now->years, j);
          const char *value = g_ptr_array_index (now->values, j);
          const char *comment = g_ptr_array_index (now->comments, j);
          const char *old_value = "", *old_comment = "";
          guint k;

          if (g_ptr_array_find_with_equal_func (then.years, year, g_str_equal, &k))
            {
              old_value = g_ptr_array_index (then.values, k);
              old_comment = g_ptr_array_index (then.comments, k);
            }
          if (ok && g_strcmp0 (old_value, value) != 0)
            ok = ctg_document_set_indicator_year (self, id, (guint) atoi (year), "value", value, error);
          if (ok && g_strcmp0 (old_comment, comment) != 0)
            ok = ctg_document_set_indicator_year (self, id, (guint) atoi (year), "comment", comment, error);
        }
      _ctg_plan_indicator_clear (&then);
      if (!ok)
        return FALSE;
    }
  for (guint i = indicators->len; i < ids->len; i++)
    if (!ctg_document_delete (self, CTG_ITEM_INDICATOR, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}
