/* ctg-evaluation.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-evaluation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <sqlite3.h>

#include "ctg-error.h"
#include "ctg-document-private.h"
#include "ctg-evaluation.h"
#include "ctg-plan-csv.h"
#include "ctg-status.h"
#include "ctg-word-private.h"

/* Each funder's names: its key in the file, the word of the French plan
 * tables (written by the CSV export) and its label */
static const struct {
  const char *key;
  const char *csv_word;
  const char *label;
} funders[CTG_N_FUNDER_KINDS] = {
  { "caf", "Caf", NC_("funder", "Caf") },
  { "commune", "Commune", NC_("funder", "Commune") },
  { "departement", "Département", NC_("funder", "Département") },
  { "etat", "État", NC_("funder", "State") },
  { "other", "Autre", NC_("funder", "Other") },
};

/* Folded words accepted in a funders list, in French or English */
static const CtgWord funder_synonyms[] = {
  { "caf", CTG_FUNDER_CAF },
  { "cnaf", CTG_FUNDER_CAF },
  { "commune", CTG_FUNDER_COMMUNE },
  { "communes", CTG_FUNDER_COMMUNE },
  { "municipality", CTG_FUNDER_COMMUNE },
  { "departement", CTG_FUNDER_DEPARTEMENT },
  { "conseil departemental", CTG_FUNDER_DEPARTEMENT },
  { "department", CTG_FUNDER_DEPARTEMENT },
  { "etat", CTG_FUNDER_ETAT },
  { "state", CTG_FUNDER_ETAT },
  { "autre", CTG_FUNDER_OTHER },
  { "autres", CTG_FUNDER_OTHER },
  { "other", CTG_FUNDER_OTHER },
};

/* Each level's key in the file and its label */
static const struct {
  const char *key;
  const char *label;
} levels[CTG_N_LEVELS] = {
  { "", NC_("level", "Not assessed") },
  { "not-met", NC_("level", "Not met") },
  { "partly-met", NC_("level", "Partly met") },
  { "met", NC_("level", "Met") },
  { "exceeded", NC_("level", "Exceeded") },
};

static const CtgWord level_synonyms[] = {
  { "not met", CTG_LEVEL_NOT_MET },
  { "not-met", CTG_LEVEL_NOT_MET },
  { "non atteint", CTG_LEVEL_NOT_MET },
  { "partly met", CTG_LEVEL_PARTLY_MET },
  { "partly-met", CTG_LEVEL_PARTLY_MET },
  { "partiellement atteint", CTG_LEVEL_PARTLY_MET },
  { "partiel", CTG_LEVEL_PARTLY_MET },
  { "met", CTG_LEVEL_MET },
  { "atteint", CTG_LEVEL_MET },
  { "exceeded", CTG_LEVEL_EXCEEDED },
  { "depasse", CTG_LEVEL_EXCEEDED },
};

/* Seed 002, article 8: what the COPIL reviews every year. They are the
 * words of a French convention and are stored as such, whatever the locale
 * that created the file: a file made under LANG=C is read at a French COPIL. */
static const char * const default_indicators[] = {
  "Réalisation ou non des fiches actions",
  "Adhésion et coopération des communes aux projets intercommunaux",
  "Effets des actions sur le maillage du territoire",
  "Amélioration des services rendus aux habitants",
  "Satisfaction et implication des habitants",
  NULL
};

/* What files created under an English locale stored before, in the same
 * order: shown in French, left as they are in the file */
static const char * const english_default_indicators[] = {
  "Completion or not of the action sheets",
  "Involvement and cooperation of the communes in intercommunal projects",
  "Effects of the actions on the territory’s network of services",
  "Improvement of the services provided to residents",
  "Residents’ satisfaction and involvement",
  NULL
};

CtgFunding *
ctg_funding_new (CtgFunderKind  funder,
                 const char    *name,
                 gint64         amount)
{
  CtgFunding *self = g_new0 (CtgFunding, 1);

  self->funder = funder;
  self->name = g_strdup (name ? name : "");
  self->amount = amount;
  return self;
}

void
ctg_funding_free (CtgFunding *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self);
}

/**
 * ctg_funding_to_string:
 *
 * Returns: (transfer full): "Commune (Romans-sur-Isère): 5000", the form
 *   ctg_funding_list_parse() reads back
 */
char *
ctg_funding_to_string (const CtgFunding *self)
{
  GString *out = g_string_new (funders[self->funder].csv_word);

  if (self->name[0] != '\0')
    g_string_append_printf (out, " (%s)", self->name);
  if (self->amount >= 0)
    {
      g_autofree char *amount = ctg_amount_to_plain (self->amount);

      g_string_append_printf (out, ": %s", amount);
    }
  return g_string_free (out, FALSE);
}

/**
 * ctg_funding_list_join:
 * @funding: (element-type CtgFunding)
 * @separator: " / " on one line, "\n" for one funder a line
 *
 * Returns: (transfer full): the funders as ctg_funding_list_parse() reads
 *   them back
 */
char *
ctg_funding_list_join (GPtrArray  *funding,
                       const char *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < funding->len; i++)
    {
      g_autofree char *one = ctg_funding_to_string (g_ptr_array_index (funding, i));

      g_string_append_printf (out, "%s%s", i ? separator : "", one);
    }
  return g_string_free (out, FALSE);
}

/**
 * ctg_funding_list_to_string:
 * @funding: (element-type CtgFunding)
 *
 * Returns: (transfer full): the funders joined by " / "
 */
char *
ctg_funding_list_to_string (GPtrArray *funding)
{
  return ctg_funding_list_join (funding, " / ");
}

/**
 * ctg_funding_parse:
 * @text: one funder: "Caf", "Commune (Romans): 5 000 €", or just a name
 *
 * Returns: (transfer full): the funder, or %NULL with @error set when the
 *   amount is not one
 */
CtgFunding *
ctg_funding_parse (const char  *text,
                   GError     **error)
{
  g_autofree char *item = g_strstrip (g_strdup (text));
  char *colon = strrchr (item, ':');
  gint64 amount = -1;
  CtgFunderKind funder;
  char *open;
  gsize length;

  if (colon != NULL)
    {
      if (!ctg_amount_parse (colon + 1, &amount, error))
        return NULL;
      *colon = '\0';
      g_strstrip (item);
    }

  length = strlen (item);
  open = strstr (item, " (");
  if (open != NULL && length > 0 && item[length - 1] == ')')
    {
      g_autofree char *word = g_strndup (item, open - item);

      if (ctg_funder_parse (word, &funder))
        {
          g_autofree char *name = g_strndup (open + 2, item + length - 1 - (open + 2));

          return ctg_funding_new (funder, g_strstrip (name), amount);
        }
    }

  if (ctg_funder_parse (item, &funder))
    return ctg_funding_new (funder, "", amount);

  /* Any other funder is kept by its name */
  return ctg_funding_new (CTG_FUNDER_OTHER, item, amount);
}

/**
 * ctg_funding_list_parse:
 * @text: funders split as ctg_split_list() does (one per line, or separated
 *   by "/"), each as ctg_funding_parse() reads it
 *
 * Returns: (transfer full) (element-type CtgFunding): the funders, or %NULL
 *   with @error set when an amount is not one
 */
GPtrArray *
ctg_funding_list_parse (const char  *text,
                        GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_funding_free);
  g_autoptr(GPtrArray) items = ctg_split_list (text ? text : "");

  for (guint i = 0; i < items->len; i++)
    {
      CtgFunding *funding = ctg_funding_parse (g_ptr_array_index (items, i), error);

      if (funding == NULL)
        return NULL;
      g_ptr_array_add (list, funding);
    }
  return g_steal_pointer (&list);
}

const char *
ctg_funder_to_key (CtgFunderKind funder)
{
  g_return_val_if_fail (funder < CTG_N_FUNDER_KINDS, NULL);

  return funders[funder].key;
}

gboolean
ctg_funder_from_key (const char    *key,
                     CtgFunderKind *funder)
{
  for (guint i = 0; key != NULL && i < CTG_N_FUNDER_KINDS; i++)
    if (g_str_equal (funders[i].key, key))
      {
        *funder = (CtgFunderKind) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
ctg_funder_parse (const char    *text,
                  CtgFunderKind *funder)
{
  g_autofree char *folded = ctg_text_fold (text ? text : "");
  int value;

  if (!_ctg_word_lookup (funder_synonyms, G_N_ELEMENTS (funder_synonyms), folded, &value))
    return FALSE;
  *funder = (CtgFunderKind) value;
  return TRUE;
}

const char *
ctg_funder_to_label (CtgFunderKind funder)
{
  g_return_val_if_fail (funder < CTG_N_FUNDER_KINDS, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "funder", funders[funder].label);
}

/**
 * ctg_amount_parse:
 * @text: "12000", "12 000 €", "12 000,50", "1500.5 EUR"; empty for none
 * @cents: (out): the amount in cents, -1 for none
 */
gboolean
ctg_amount_parse (const char  *text,
                  gint64      *cents,
                  GError     **error)
{
  GString *digits = g_string_new (NULL);
  g_autofree char *plain = NULL;
  gint64 euros = 0;
  gint64 fraction = 0;
  guint fraction_digits = 0;
  gboolean in_fraction = FALSE;
  gboolean any = FALSE;
  gboolean unit = FALSE;

  *cents = -1;
  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x202F || c == 0x00A0)
        continue;
      if (c == 0x20AC)
        {
          unit = TRUE;
          continue;
        }
      if (g_ascii_strncasecmp (p, "eur", 3) == 0 && p[3] == '\0')
        break;
      g_string_append_unichar (digits, c);
    }
  plain = g_string_free (digits, FALSE);
  if (plain[0] == '\0' && !unit)
    return TRUE;

  for (const char *p = plain; *p; p++)
    {
      if ((*p == ',' || *p == '.') && !in_fraction)
        in_fraction = TRUE;
      else if (g_ascii_isdigit (*p) && !in_fraction && euros < G_MAXINT64 / 1000)
        euros = euros * 10 + (*p - '0'), any = TRUE;
      else if (g_ascii_isdigit (*p) && in_fraction && fraction_digits < 2)
        fraction = fraction * 10 + (*p - '0'), fraction_digits++;
      else
        goto invalid;
    }
  if (!any)
    goto invalid;
  if (fraction_digits == 1)
    fraction *= 10;
  *cents = euros * 100 + fraction;
  return TRUE;

invalid:
  g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
               _("“%s” is not an amount. Write it in euros, such as 12 000 or 1 500,50."),
               text);
  return FALSE;
}

/**
 * ctg_amount_to_plain:
 *
 * Returns: (transfer full): "12000" or "12000.50", for files
 */
char *
ctg_amount_to_plain (gint64 cents)
{
  if (cents % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, cents / 100);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", cents / 100, (int) (cents % 100));
}

/**
 * ctg_amount_format:
 *
 * Returns: (transfer full): "12 000 €" for people, thousands grouped with
 *   a narrow no-break space
 */
char *
ctg_amount_format (gint64 cents)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, cents / 100);
  GString *out = g_string_new (NULL);
  gsize length = strlen (number);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (out, "\u202F");
      g_string_append_c (out, number[i]);
    }
  if (cents % 100 != 0)
    /* Translators: the decimal separator of amounts */
    g_string_append_printf (out, "%s%02d", C_("amount", "."), (int) (cents % 100));
  g_string_append (out, "\u00A0€");
  return g_string_free (out, FALSE);
}

const char *
ctg_level_to_key (CtgLevel level)
{
  g_return_val_if_fail (level < CTG_N_LEVELS, NULL);

  return levels[level].key;
}

gboolean
ctg_level_from_key (const char *key,
                    CtgLevel   *level)
{
  if (key == NULL || key[0] == '\0')
    {
      *level = CTG_LEVEL_NONE;
      return TRUE;
    }
  for (guint i = 1; i < CTG_N_LEVELS; i++)
    if (g_str_equal (levels[i].key, key))
      {
        *level = (CtgLevel) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * ctg_level_parse:
 *
 * Reads a level in French or English; an empty text is no level.
 */
gboolean
ctg_level_parse (const char *text,
                 CtgLevel   *level)
{
  g_autofree char *folded = ctg_text_fold (text ? text : "");
  int value;

  if (folded[0] == '\0' || g_str_equal (folded, "none") || g_str_equal (folded, "aucun"))
    {
      *level = CTG_LEVEL_NONE;
      return TRUE;
    }
  if (_ctg_word_lookup (level_synonyms, G_N_ELEMENTS (level_synonyms), folded, &value))
    {
      *level = (CtgLevel) value;
      return TRUE;
    }
  for (guint i = 1; i < CTG_N_LEVELS; i++)
    {
      g_autofree char *label = ctg_text_fold (ctg_level_to_label ((CtgLevel) i));

      if (g_str_equal (label, folded))
        {
          *level = (CtgLevel) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
ctg_level_to_label (CtgLevel level)
{
  g_return_val_if_fail (level < CTG_N_LEVELS, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "level", levels[level].label);
}

/**
 * ctg_evaluation_default_indicators:
 *
 * Returns: (transfer none): the names of the indicators a new convention
 *   starts with, in French, to be stored as they are
 */
const char * const *
ctg_evaluation_default_indicators (void)
{
  return default_indicators;
}

/**
 * ctg_evaluation_indicator_shown_name:
 * @name: (nullable): an evaluation indicator's name as the file stores it
 *
 * Files created under an English locale stored the default indicators in
 * English. They are shown in French, as new files store them; opening a
 * file never rewrites them (a file opened to be read is not changed).
 * Names the user typed are shown as they are.
 *
 * Returns: (transfer none): the name to show, "" for none
 */
const char *
ctg_evaluation_indicator_shown_name (const char *name)
{
  if (name == NULL)
    return "";
  for (guint i = 0; english_default_indicators[i]; i++)
    if (g_str_equal (name, english_default_indicators[i]))
      return default_indicators[i];
  return name;
}

/**
 * ctg_funding_list_format:
 * @funding: (element-type CtgFunding)
 *
 * Returns: (transfer full): the funders as a reader sees them, "Caf:
 *   8 000 €, Commune (Mulhouse): 4 000 €, État", or "" for none
 */
char *
ctg_funding_list_format (GPtrArray *funding)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; funding != NULL && i < funding->len; i++)
    {
      const CtgFunding *f = g_ptr_array_index (funding, i);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, ctg_funder_to_label (f->funder));
      if (f->name[0] != '\0')
        g_string_append_printf (out, " (%s)", f->name);
      if (f->amount >= 0)
        {
          g_autofree char *amount = ctg_amount_format (f->amount);

          /* Translators: a funder and its amount, "Caf: 8 000 €" */
          g_string_append_printf (out, _(": %s"), amount);
        }
    }
  return g_string_free (out, FALSE);
}

const char *
ctg_indicator_kind_to_key (CtgIndicatorKind kind)
{
  return kind == CTG_INDICATOR_MEANS ? "means" : "result";
}

const char *
ctg_indicator_kind_to_label (CtgIndicatorKind kind)
{
  return kind == CTG_INDICATOR_MEANS ? C_("indicator", "Means") : C_("indicator", "Result");
}

/**
 * ctg_indicator_kind_parse:
 * @text: "résultat", "moyen", "result", "means" (any case and accents)
 */
gboolean
ctg_indicator_kind_parse (const char       *text,
                          CtgIndicatorKind *kind)
{
  static const CtgWord words[] = {
    { "result", CTG_INDICATOR_RESULT }, { "resultat", CTG_INDICATOR_RESULT },
    { "resultats", CTG_INDICATOR_RESULT }, { "means", CTG_INDICATOR_MEANS },
    { "moyen", CTG_INDICATOR_MEANS }, { "moyens", CTG_INDICATOR_MEANS },
  };
  g_autofree char *folded = ctg_text_fold (text ? text : "");
  int value;

  g_strstrip (folded);
  if (_ctg_word_lookup (words, G_N_ELEMENTS (words), folded, &value))
    {
      *kind = (CtgIndicatorKind) value;
      return TRUE;
    }
  for (guint i = CTG_INDICATOR_RESULT; i <= CTG_INDICATOR_MEANS; i++)
    {
      g_autofree char *label = ctg_text_fold (ctg_indicator_kind_to_label ((CtgIndicatorKind) i));

      if (g_str_equal (label, folded))
        {
          *kind = (CtgIndicatorKind) i;
          return TRUE;
        }
    }
  return FALSE;
}
