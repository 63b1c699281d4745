/* ctg-status.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-status"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ctg-error.h"
#include "ctg-status.h"
#include "ctg-word-private.h"

G_DEFINE_QUARK (ctg-document-error-quark, ctg_document_error)

/* Each status's names: its key in the file, the word of the French plan
 * tables (written back by the CSV export) and its label */
static const struct {
  const char *key;
  const char *csv_word;
  const char *label;
} statuses[CTG_N_STATUSES] = {
  { "todo", "à lancer", NC_("status", "To start") },
  { "in-progress", "en cours", NC_("status", "In progress") },
  { "done", "réalisée", NC_("status", "Done") },
  { "postponed", "reportée", NC_("status", "Postponed") },
  { "abandoned", "abandonnée", NC_("status", "Abandoned") },
};

/* Folded (lower case, no accents) words accepted on import, in French or English */
static const CtgWord synonyms[] = {
  { "a lancer", CTG_STATUS_TODO },
  { "a demarrer", CTG_STATUS_TODO },
  { "a venir", CTG_STATUS_TODO },
  { "non demarree", CTG_STATUS_TODO },
  { "non demarre", CTG_STATUS_TODO },
  { "todo", CTG_STATUS_TODO },
  { "to do", CTG_STATUS_TODO },
  { "to start", CTG_STATUS_TODO },
  { "not started", CTG_STATUS_TODO },
  { "planned", CTG_STATUS_TODO },
  { "en cours", CTG_STATUS_IN_PROGRESS },
  { "in progress", CTG_STATUS_IN_PROGRESS },
  { "in-progress", CTG_STATUS_IN_PROGRESS },
  { "ongoing", CTG_STATUS_IN_PROGRESS },
  { "started", CTG_STATUS_IN_PROGRESS },
  { "realisee", CTG_STATUS_DONE },
  { "realise", CTG_STATUS_DONE },
  { "realisees", CTG_STATUS_DONE },
  { "terminee", CTG_STATUS_DONE },
  { "termine", CTG_STATUS_DONE },
  { "done", CTG_STATUS_DONE },
  { "completed", CTG_STATUS_DONE },
  { "complete", CTG_STATUS_DONE },
  { "finished", CTG_STATUS_DONE },
  { "reportee", CTG_STATUS_POSTPONED },
  { "reporte", CTG_STATUS_POSTPONED },
  { "postponed", CTG_STATUS_POSTPONED },
  { "delayed", CTG_STATUS_POSTPONED },
  { "abandonnee", CTG_STATUS_ABANDONED },
  { "abandonne", CTG_STATUS_ABANDONED },
  { "annulee", CTG_STATUS_ABANDONED },
  { "abandoned", CTG_STATUS_ABANDONED },
  { "cancelled", CTG_STATUS_ABANDONED },
  { "canceled", CTG_STATUS_ABANDONED },
};

const char *
ctg_status_to_key (CtgStatus status)
{
  g_return_val_if_fail (status < CTG_N_STATUSES, NULL);

  return statuses[status].key;
}

gboolean
ctg_status_from_key (const char *key,
                     CtgStatus  *status)
{
  for (guint i = 0; key != NULL && i < CTG_N_STATUSES; i++)
    {
      if (g_str_equal (key, statuses[i].key))
        {
          *status = (CtgStatus) i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * ctg_text_fold:
 *
 * Folds @text for loose matching: lower case, accents removed, runs of
 * white space, underscores and apostrophes made one space, trimmed.
 *
 * Returns: (transfer full): the folded text
 */
char *
ctg_text_fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = ascii; *p; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isspace (c) || c == '_' || c == '\'' || c == '?')
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Finds @folded among @words; %FALSE if it is none of them */
gboolean
_ctg_word_lookup (const CtgWord *words,
                  gsize          n_words,
                  const char    *folded,
                  int           *value)
{
  for (gsize i = 0; i < n_words; i++)
    if (g_str_equal (words[i].word, folded))
      {
        *value = words[i].value;
        return TRUE;
      }
  return FALSE;
}

/**
 * ctg_status_parse:
 *
 * Reads a status word as people write it, in French or English, in any case,
 * with or without accents. An empty text means "à lancer".
 */
gboolean
ctg_status_parse (const char *text,
                  CtgStatus  *status)
{
  g_autofree char *folded = ctg_text_fold (text);
  int value;

  if (folded[0] == '\0')
    {
      *status = CTG_STATUS_TODO;
      return TRUE;
    }

  if (ctg_status_from_key (folded, status))
    return TRUE;

  if (_ctg_word_lookup (synonyms, G_N_ELEMENTS (synonyms), folded, &value))
    {
      *status = (CtgStatus) value;
      return TRUE;
    }

  return FALSE;
}

const char *
ctg_status_to_label (CtgStatus status)
{
  g_return_val_if_fail (status < CTG_N_STATUSES, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "status", statuses[status].label);
}

const char *
ctg_status_to_csv (CtgStatus status)
{
  g_return_val_if_fail (status < CTG_N_STATUSES, NULL);

  return statuses[status].csv_word;
}

/**
 * ctg_progress_parse:
 * @text: "40", "40%" or "40 %" (with the no-break space French writes)
 * @progress: (out): 0-100, or -1 for an empty text (no progress entered)
 *
 * Returns: %FALSE if @text is not a whole number from 0 to 100
 */
gboolean
ctg_progress_parse (const char *text,
                    int        *progress)
{
  g_autofree char *number = g_strstrip (g_strdup (text ? text : ""));
  guint64 value;
  gsize len = strlen (number);

  if (len > 0 && number[len - 1] == '%')
    number[--len] = '\0';
  if (g_str_has_suffix (number, "\u00a0"))
    number[len - strlen ("\u00a0")] = '\0';
  else if (g_str_has_suffix (number, "\u202f"))
    number[len - strlen ("\u202f")] = '\0';
  g_strstrip (number);

  if (number[0] == '\0')
    {
      *progress = -1;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (number, 10, 0, 100, &value, NULL))
    return FALSE;
  *progress = (int) value;
  return TRUE;
}

/**
 * ctg_text_is_capitals:
 * @min_letters: how many letters it takes at least
 *
 * Whether @text is written in capitals: no lower-case letter, and at least
 * @min_letters letters ("RPE", "UNE DIVERSITÉ DE JEUNESSES").
 */
gboolean
ctg_text_is_capitals (const char *text,
                      guint       min_letters)
{
  guint letters = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      if (g_unichar_isalpha (c))
        letters++;
    }
  return letters >= min_letters;
}
