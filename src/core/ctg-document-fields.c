/* ctg-document-fields.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The fields an edit may change, and what each accepts: one validator. */

#define G_LOG_DOMAIN "ctg-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ctg-action-private.h"
#include "ctg-date.h"
#include "ctg-number.h"
#include "ctg-document-private.h"
#include "ctg-schema.h"

/* The fields ctg_document_set() may change */
static const struct {
  CtgItemKind kind;
  const char *field;
  FieldType   type;
} editable_fields[] = {
  { CTG_ITEM_CONVENTION, "title", FIELD_TEXT },
  { CTG_ITEM_CONVENTION, "territory", FIELD_TEXT },
  { CTG_ITEM_CONVENTION, "caf", FIELD_TEXT },
  { CTG_ITEM_CONVENTION, "period_start", FIELD_DATE },
  { CTG_ITEM_CONVENTION, "period_end", FIELD_DATE },
  { CTG_ITEM_CONVENTION, "signed_on", FIELD_DATE },
  { CTG_ITEM_CONVENTION, "description", FIELD_TEXT },
  { CTG_ITEM_SIGNATORY, "organisation", FIELD_TEXT },
  { CTG_ITEM_SIGNATORY, "representative", FIELD_TEXT },
  { CTG_ITEM_SIGNATORY, "role", FIELD_TEXT },
  { CTG_ITEM_BODY, "name", FIELD_TEXT },
  { CTG_ITEM_BODY, "kind", FIELD_BODY_KIND },
  { CTG_ITEM_BODY, "description", FIELD_TEXT },
  { CTG_ITEM_MEMBER, "name", FIELD_TEXT },
  { CTG_ITEM_MEMBER, "role", FIELD_TEXT },
  { CTG_ITEM_MEMBER, "organisation", FIELD_TEXT },
  { CTG_ITEM_MEETING, "body_id", FIELD_BODY_REF },
  { CTG_ITEM_MEETING, "date", FIELD_DATE },
  { CTG_ITEM_MEETING, "title", FIELD_TEXT },
  { CTG_ITEM_MEETING, "notes", FIELD_TEXT },
  { CTG_ITEM_AXIS, "code", FIELD_TEXT },
  { CTG_ITEM_AXIS, "title", FIELD_TEXT },
  { CTG_ITEM_AXIS, "description", FIELD_TEXT },
  { CTG_ITEM_SECTION, "title", FIELD_TEXT },
  { CTG_ITEM_SECTION, "description", FIELD_TEXT },
  { CTG_ITEM_OBJECTIVE, "theme_id", FIELD_SECTION_REF },
  { CTG_ITEM_OBJECTIVE, "enjeu_id", FIELD_SECTION_REF },
  { CTG_ITEM_OBJECTIVE, "code", FIELD_TEXT },
  { CTG_ITEM_OBJECTIVE, "title", FIELD_TEXT },
  { CTG_ITEM_OBJECTIVE, "description", FIELD_TEXT },
  { CTG_ITEM_ACTION, "code", FIELD_TEXT },
  { CTG_ITEM_ACTION, "title", FIELD_TEXT },
  { CTG_ITEM_ACTION, "description", FIELD_TEXT },
  { CTG_ITEM_ACTION, "start", FIELD_DATE },
  { CTG_ITEM_ACTION, "echeance", FIELD_DATE },
  { CTG_ITEM_ACTION, "status", FIELD_STATUS },
  { CTG_ITEM_ACTION, "progress", FIELD_PROGRESS },
  { CTG_ITEM_ACTION, "means", FIELD_TEXT },
  { CTG_ITEM_ACTION, "notes", FIELD_TEXT },
  { CTG_ITEM_PARTICIPANT, "name", FIELD_TEXT },
  { CTG_ITEM_PARTICIPANT, "kind", FIELD_PARTICIPANT_KIND },
  { CTG_ITEM_PARTICIPANT, "role", FIELD_TEXT },
  { CTG_ITEM_STEP, "text", FIELD_TEXT },
  { CTG_ITEM_STEP, "date", FIELD_DATE },
  { CTG_ITEM_STEP, "done", FIELD_BOOL },
  { CTG_ITEM_INDICATOR, "name", FIELD_TEXT },
  { CTG_ITEM_INDICATOR, "target", FIELD_TEXT },
  { CTG_ITEM_INDICATOR_VALUE, "value", FIELD_NUMBER },
  { CTG_ITEM_ACTION, "continuous", FIELD_BOOL },
  { CTG_ITEM_ACTION, "budget", FIELD_AMOUNT },
  { CTG_ITEM_ACTION, "budget_year", FIELD_YEAR },
  { CTG_ITEM_ACTION_YEAR, "done", FIELD_TEXT },
  { CTG_ITEM_ACTION_YEAR, "difficulties", FIELD_TEXT },
  { CTG_ITEM_ACTION_YEAR, "next_steps", FIELD_TEXT },
  { CTG_ITEM_ACTION_YEAR, "status", FIELD_STATUS_OR_NONE },
  { CTG_ITEM_ACTION_YEAR, "progress", FIELD_PROGRESS },
  { CTG_ITEM_FUNDING, "funder", FIELD_FUNDER },
  { CTG_ITEM_FUNDING, "name", FIELD_TEXT },
  { CTG_ITEM_FUNDING, "amount", FIELD_AMOUNT },
  { CTG_ITEM_EVALUATION_INDICATOR, "name", FIELD_TEXT },
  { CTG_ITEM_EVALUATION_INDICATOR, "description", FIELD_TEXT },
  { CTG_ITEM_ASSESSMENT, "level", FIELD_LEVEL },
  { CTG_ITEM_ASSESSMENT, "value", FIELD_TEXT },
  { CTG_ITEM_ASSESSMENT, "comment", FIELD_TEXT },
  { CTG_ITEM_INDICATOR, "kind", FIELD_INDICATOR_KIND },
  { CTG_ITEM_INDICATOR, "unit", FIELD_TEXT },
  { CTG_ITEM_INDICATOR, "baseline", FIELD_NUMBER },
  { CTG_ITEM_INDICATOR, "baseline_year", FIELD_YEAR },
  { CTG_ITEM_INDICATOR, "target_value", FIELD_NUMBER },
  { CTG_ITEM_INDICATOR, "target_year", FIELD_YEAR },
  { CTG_ITEM_INDICATOR_VALUE, "comment", FIELD_TEXT },
  { CTG_ITEM_EVALUATION_INDICATOR, "kind", FIELD_INDICATOR_KIND },
  { CTG_ITEM_EVALUATION_INDICATOR, "unit", FIELD_TEXT },
  { CTG_ITEM_EVALUATION_INDICATOR, "baseline", FIELD_NUMBER },
  { CTG_ITEM_EVALUATION_INDICATOR, "baseline_year", FIELD_YEAR },
  { CTG_ITEM_EVALUATION_INDICATOR, "target_value", FIELD_NUMBER },
  { CTG_ITEM_EVALUATION_INDICATOR, "target_year", FIELD_YEAR },
  { CTG_ITEM_ASSESSMENT, "measure", FIELD_NUMBER },
};

/* The longest text a field takes: far beyond any real use, well within memory */
#define MAX_TEXT_LENGTH (1024 * 1024)

/* How long a text may be, by what it is: a title is a sentence (the longest
 * action title of the four real conventions has 322 characters), a code a
 * few characters; a text of a megabyte or a word of 100,000 characters is
 * nobody's title and freezes text layout (issue 19). Fields not listed are
 * paragraphs (descriptions, notes, follow-up). */
static const struct {
  const char *field;
  guint       max_chars;
} line_fields[] = {
  { "code", CTG_MAX_CODE_CHARS },
  { "title", CTG_MAX_TITLE_CHARS },
  { "name", CTG_MAX_NAME_CHARS },
  { "organisation", CTG_MAX_NAME_CHARS },
  { "representative", CTG_MAX_NAME_CHARS },
  { "role", CTG_MAX_NAME_CHARS },
  { "territory", CTG_MAX_NAME_CHARS },
  { "caf", CTG_MAX_NAME_CHARS },
  { "unit", CTG_MAX_CODE_CHARS },
};

/**
 * _ctg_text_problem:
 * @text: valid UTF-8
 * @max_chars: the most characters allowed
 * @multiline: whether line breaks (and tabs) are allowed
 *
 * Returns: (nullable): what is wrong with @text for the user, or %NULL
 */
char *
_ctg_text_problem (const char *text,
                   guint       max_chars,
                   gboolean    multiline)
{
  glong chars = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Control characters (ESC, \x01, ...) draw nothing and let a file
       * drive a terminal that prints it */
      if ((c == '\n' || c == '\r' || c == '\t') && !multiline)
        return g_strdup (_("The text must be on one line: remove the line breaks and tabs."));
      if (c != '\n' && c != '\r' && c != '\t' &&
          (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029))
        return g_strdup_printf (_("The text holds an invisible control character (U+%04X): remove it."), c);
      chars++;
    }
  if ((guint) chars > max_chars)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The text is too long: at most %u character.",
                                         "The text is too long: at most %u characters.", max_chars),
                            max_chars);
  return NULL;
}

gboolean
_ctg_document_check_text (const char  *value,
                          GError     **error)
{
  return _ctg_document_check_field_text (NULL, value, error);
}

/* @field NULL: a paragraph */
gboolean
_ctg_document_check_field_text (const char  *field,
                                const char  *value,
                                GError     **error)
{
  g_autofree char *problem = NULL;
  guint max_chars = CTG_MAX_PARAGRAPH_CHARS;
  gboolean multiline = TRUE;

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    return _ctg_document_set_invalid (error, _("The text is not valid UTF-8."));
  if (value != NULL && strlen (value) > MAX_TEXT_LENGTH)
    return _ctg_document_set_invalid (error, _("The text is too long."));

  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (line_fields); i++)
    if (g_str_equal (field, line_fields[i].field))
      {
        max_chars = line_fields[i].max_chars;
        multiline = FALSE;
      }
  problem = _ctg_text_problem (value, max_chars, multiline);
  if (problem != NULL)
    return _ctg_document_set_invalid (error, problem);
  return TRUE;
}

/* A status as people write it, stored by its key */
static gboolean
normalize_status (const char  *stripped,
                  char       **stored,
                  GError     **error)
{
  CtgStatus status;

  if (stripped == NULL || !ctg_status_parse (stripped, &status))
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                   _("“%s” is not a status. Use one of: to start, in progress, done, "
                     "postponed, abandoned."), stripped ? stripped : "");
      return FALSE;
    }
  *stored = g_strdup (ctg_status_to_key (status));
  return TRUE;
}

/**
 * _ctg_field_normalize:
 * @value: (nullable): what the user typed
 * @stored: (out) (transfer full) (nullable): what the column stores, %NULL
 *   for SQL's NULL
 *
 * Turns what the user typed for @field of @kind into what its column
 * stores, or refuses it, a field the user cannot change included. The
 * value alone is checked here, without the document: what it must agree
 * with there (the item it names, the other end of a period) is
 * ctg_document_set()'s to check.
 */
gboolean
_ctg_field_normalize (CtgItemKind   kind,
                      const char   *field,
                      const char   *value,
                      char        **stored,
                      GError      **error)
{
  g_autofree char *stripped = value ? g_strstrip (g_strdup (value)) : NULL;
  FieldType type;

  *stored = NULL;

  if (!_ctg_document_find_editable_field (kind, field, &type, error))
    return FALSE;
  if (!_ctg_document_check_text (value, error))
    return FALSE;

  switch (type)
    {
    case FIELD_TEXT:
      if (!_ctg_document_check_field_text (field, value, error))
        return FALSE;
      /* An action is known by its title in every list and report: an
       * empty one is refused like any other invalid value, whatever the
       * route (editor, ctg set, import) */
      if (kind == CTG_ITEM_ACTION && g_str_equal (field, "title") && (stripped == NULL || stripped[0] == '\0'))
        {
          g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                               _("An action needs a title."));
          return FALSE;
        }
      *stored = g_strdup (value ? value : "");
      return TRUE;

    case FIELD_DATE:
      {
        CtgDate date;

        if (stripped == NULL || stripped[0] == '\0')
          return TRUE;
        if (!ctg_date_parse (stripped, &date))
          {
            g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                         _("“%s” is not a date. Write a year (2025), a month (03/2025) "
                           "or a day (15/03/2025), from 1900 to 2200."), stripped);
            return FALSE;
          }
        *stored = ctg_date_to_iso (&date);
        return TRUE;
      }

    case FIELD_STATUS:
      return normalize_status (stripped, stored, error);

    case FIELD_PROGRESS:
      {
        int progress;

        if (!ctg_progress_parse (value, &progress))
          {
            g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                         _("“%s” is not a progress: give a number from 0 to 100."), stripped);
            return FALSE;
          }
        if (progress >= 0)
          *stored = g_strdup_printf ("%d", progress);
        return TRUE;
      }

    case FIELD_BOOL:
      if (g_strcmp0 (stripped, "1") == 0 || g_strcmp0 (stripped, "true") == 0)
        *stored = g_strdup ("1");
      else if (g_strcmp0 (stripped, "0") == 0 || g_strcmp0 (stripped, "false") == 0)
        *stored = g_strdup ("0");
      else
        return _ctg_document_set_invalid (error, _("The value must be true or false."));
      return TRUE;

    case FIELD_BODY_KIND:
      if (stripped == NULL ||
          !g_strv_contains ((const char * const[]) { "copil", "cotech", "strategic", "thematic", "other", NULL },
                            stripped))
        return _ctg_document_set_invalid (error, _("Unknown kind of governance body."));
      *stored = g_strdup (stripped);
      return TRUE;

    case FIELD_PARTICIPANT_KIND:
      if (g_strcmp0 (stripped, "person") != 0 && g_strcmp0 (stripped, "organisation") != 0)
        return _ctg_document_set_invalid (error, _("A pilot or partner is a person or an organisation."));
      *stored = g_strdup (stripped);
      return TRUE;

    case FIELD_AMOUNT:
      {
        gint64 cents;

        if (!ctg_amount_parse (value, &cents, error))
          return FALSE;
        if (cents >= 0)
          *stored = g_strdup_printf ("%" G_GINT64_FORMAT, cents);
        return TRUE;
      }

    case FIELD_YEAR:
      {
        guint64 year;

        if (stripped == NULL || stripped[0] == '\0')
          return TRUE;
        if (!g_ascii_string_to_unsigned (stripped, 10, 1900, 2200, &year, NULL))
          return _ctg_document_set_invalid (error, _("The year must be between 1900 and 2200."));
        *stored = g_strdup_printf ("%u", (guint) year);
        return TRUE;
      }

    case FIELD_FUNDER:
      {
        CtgFunderKind funder;

        if (!ctg_funder_parse (stripped, &funder))
          {
            g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                         _("“%s” is not a funder. Use one of: Caf, commune, département, État, other."),
                         stripped ? stripped : "");
            return FALSE;
          }
        *stored = g_strdup (ctg_funder_to_key (funder));
        return TRUE;
      }

    case FIELD_LEVEL:
      {
        CtgLevel level;

        if (!ctg_level_parse (stripped, &level))
          {
            g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                         _("“%s” is not a level. Use one of: not met, partly met, met, exceeded."),
                         stripped ? stripped : "");
            return FALSE;
          }
        if (level != CTG_LEVEL_NONE)
          *stored = g_strdup (ctg_level_to_key (level));
        return TRUE;
      }

    case FIELD_NUMBER:
      {
        gboolean has_value;
        double number;

        if (!ctg_number_parse (value, &has_value, &number, NULL, error))
          return FALSE;
        /* An empty value is none: NULL where the column takes it, "" for
         * a year's value (NOT NULL) */
        if (has_value)
          *stored = ctg_number_to_plain (number);
        else if (kind == CTG_ITEM_INDICATOR_VALUE)
          *stored = g_strdup ("");
        return TRUE;
      }

    case FIELD_INDICATOR_KIND:
      {
        CtgIndicatorKind indicator_kind;

        if (stripped == NULL || stripped[0] == '\0')
          return TRUE;
        if (!ctg_indicator_kind_parse (stripped, &indicator_kind))
          {
            g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                         _("“%s” is not a kind of indicator. Use résultat or moyen."), stripped);
            return FALSE;
          }
        *stored = g_strdup (ctg_indicator_kind_to_key (indicator_kind));
        return TRUE;
      }

    case FIELD_STATUS_OR_NONE:
      if (stripped == NULL || stripped[0] == '\0')
        return TRUE;
      return normalize_status (stripped, stored, error);

    case FIELD_BODY_REF:
    case FIELD_SECTION_REF:
      {
        gint64 ref;

        /* That the item exists is ctg_document_set()'s to check */
        if (stripped == NULL || stripped[0] == '\0' || g_str_equal (stripped, "0"))
          return TRUE;
        if (!g_ascii_string_to_signed (stripped, 10, 1, G_MAXINT64, &ref, NULL))
          return _ctg_document_set_no_such_item (error);
        *stored = g_strdup (stripped);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/* The type of @field of @kind, or an error if the user cannot change it */
gboolean
_ctg_document_find_editable_field (CtgItemKind   kind,
                                   const char   *field,
                                   FieldType    *type,
                                   GError      **error)
{
  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (editable_fields); i++)
    {
      if (editable_fields[i].kind == kind && g_str_equal (editable_fields[i].field, field))
        {
          *type = editable_fields[i].type;
          return TRUE;
        }
    }
  g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
               _("“%s” cannot be changed."), field ? field : "");
  return FALSE;
}
