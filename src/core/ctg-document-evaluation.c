/* ctg-document-evaluation.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The annual evaluation: year notes, funding, indicators and assessments. */

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
#include "ctg-document-private.h"
#include "ctg-schema.h"

/* The annual evaluation */

/* The row of @parent_id for @year, made if there is none yet (inside a
 * transaction); 0 on error */
static gint64
ensure_year_row (CtgDocument  *self,
                 CtgItemKind   kind,
                 gint64        parent_id,
                 guint         year,
                 GError      **error)
{
  gint64 id = ctg_document_find_year_row (self, kind, parent_id, year);
  g_autofree char *parent = NULL;
  g_autofree char *year_text = NULL;

  if (id != 0)
    return id;
  parent = g_strdup_printf ("%" G_GINT64_FORMAT, parent_id);
  year_text = g_strdup_printf ("%u", year);
  return _ctg_document_insert (self, _ctg_kinds[kind].table,
                               (const char *[]) { _ctg_kinds[kind].parent, "year", NULL },
                               (const char *[]) { parent, year_text }, error);
}

/* The rows kept per year of an item, and the undo label of their edits */
static const struct {
  CtgItemKind kind;
  CtgItemKind parent_kind;
  const char *label;
} year_kinds[] = {
  { CTG_ITEM_ACTION_YEAR, CTG_ITEM_ACTION, N_("Edit year note") },
  { CTG_ITEM_ASSESSMENT, CTG_ITEM_EVALUATION_INDICATOR, N_("Edit assessment") },
  { CTG_ITEM_INDICATOR_VALUE, CTG_ITEM_INDICATOR, N_("Edit indicator") },
};

/**
 * ctg_document_find_year_row:
 * @kind: %CTG_ITEM_ACTION_YEAR (an action's follow-up note and year-end
 *   status), %CTG_ITEM_ASSESSMENT (a convention indicator's assessment) or
 *   %CTG_ITEM_INDICATOR_VALUE (an action indicator's measure)
 * @parent_id: the action or the indicator
 *
 * Returns: the id of the row of @parent_id for @year, or 0 when nothing
 *   was entered for that year
 */
gint64
ctg_document_find_year_row (CtgDocument *self,
                            CtgItemKind  kind,
                            gint64       parent_id,
                            guint        year)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1 AND year = ?2",
                         _ctg_kinds[kind].table, _ctg_kinds[kind].parent);
  return _ctg_document_query_int (self, sql, parent_id, year, 0);
}

/**
 * ctg_document_set_year_field:
 * @kind: as for ctg_document_find_year_row()
 * @field: for %CTG_ITEM_ACTION_YEAR "done", "difficulties", "next_steps"
 *   (the follow-up note), "status" or "progress" (where the action stood
 *   at the end of @year); for %CTG_ITEM_ASSESSMENT "level" (not met, partly
 *   met, met, exceeded), "value" (what was measured, as text), "measure"
 *   or "comment"; for %CTG_ITEM_INDICATOR_VALUE "value" (a number, written
 *   the French way) or "comment"
 *
 * Sets one field of the row of @parent_id for @year, making the row on the
 * first value given, as one undoable edit.
 */
gboolean
ctg_document_set_year_field (CtgDocument  *self,
                             CtgItemKind   kind,
                             gint64        parent_id,
                             guint         year,
                             const char   *field,
                             const char   *value,
                             GError      **error)
{
  g_autofree char *stored = NULL;
  gboolean ok;
  guint k;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  for (k = 0; k < G_N_ELEMENTS (year_kinds) && year_kinds[k].kind != kind; k++)
    ;
  g_return_val_if_fail (k < G_N_ELEMENTS (year_kinds), FALSE);

  if (!_ctg_field_normalize (kind, field, value, &stored, error))
    return FALSE;
  if (!_ctg_document_require_item (self, year_kinds[k].parent_kind, parent_id, error))
    return FALSE;
  if (year < 1900 || year > 2200)
    return _ctg_document_set_invalid (error, _("The year must be between 1900 and 2200."));

  if (!_ctg_document_begin (self, year_kinds[k].label, error))
    return FALSE;
  /* Clearing a field of a year with no row yet writes nothing */
  if ((stored == NULL || stored[0] == '\0') && ctg_document_find_year_row (self, kind, parent_id, year) == 0)
    ok = TRUE;
  else
    {
      gint64 id = ensure_year_row (self, kind, parent_id, year, error);

      ok = id != 0 && _ctg_document_update (self, _ctg_kinds[kind].table, id, field, stored, error);
    }
  if (ok && year_kinds[k].parent_kind == CTG_ITEM_ACTION && self->group_changed)
    ok = _ctg_document_touch_action (self, parent_id, error);
  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}

/* The action ids (gint64 *) that @sql ("SELECT action_id, id FROM
 * action_year WHERE year = ?1 ...") finds, each to its row's id */
static GHashTable *
find_action_year_rows (CtgDocument *self,
                       const char  *sql,
                       guint        year)
{
  GHashTable *rows;
  sqlite3_stmt *stmt;

  rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  stmt = _ctg_document_prepare (self, sql, NULL);
  if (stmt == NULL)
    return rows;
  sqlite3_bind_int (stmt, 1, (int) year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 action_id = sqlite3_column_int64 (stmt, 0);
      gint64 row = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (rows, g_memdup2 (&action_id, sizeof action_id), g_memdup2 (&row, sizeof row));
    }
  sqlite3_reset (stmt);
  return rows;
}

/**
 * ctg_document_find_action_notes:
 *
 * The follow-up rows of every action for @year with something written
 * (done, difficulties or next steps), in one read: the follow-up notes the
 * Évaluation page, the annual review and `ctg evaluation` list, for every
 * action at once (asking ctg_document_find_action_year() for each of
 * 10,000 actions is 10,000 queries). Record
 * Statuses gives every action a row with its status alone, which is no
 * note: listed, it turned the review's notes into a table of every action.
 *
 * Returns: (transfer full): the action ids (gint64 *) to their row's id
 */
GHashTable *
ctg_document_find_action_notes (CtgDocument *self,
                                guint        year)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), NULL);

  return find_action_year_rows (self,
                                "SELECT action_id, id FROM action_year WHERE year = ?1"
                                " AND (done <> '' OR difficulties <> '' OR next_steps <> '')",
                                year);
}

/**
 * ctg_document_read_year_ends:
 *
 * Where each action stood at the end of @year, as recorded in its
 * follow-up for that year (ctg_document_record_year_end() or the action's
 * yearly follow-up), in one read: what the year's roll-ups stand on
 * (ctg_actions_summarize_year_progress()).
 *
 * Returns: (transfer full) (element-type gint64 CtgYearEnd): the action
 *   ids with a status or a progress recorded for @year, each to a
 *   #CtgYearEnd
 */
GHashTable *
ctg_document_read_year_ends (CtgDocument *self,
                             guint        year)
{
  GHashTable *ends;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), NULL);

  ends = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  stmt = _ctg_document_prepare (self, "SELECT action_id, status, progress FROM action_year WHERE year = ?1", NULL);
  if (stmt == NULL)
    return ends;
  sqlite3_bind_int (stmt, 1, (int) year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 action_id = sqlite3_column_int64 (stmt, 0);
      CtgYearEnd end = { CTG_STATUS_TODO, -1 };

      gboolean has_status = ctg_status_from_key ((const char *) sqlite3_column_text (stmt, 1), &end.status);

      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        end.progress = CLAMP (sqlite3_column_int (stmt, 2), 0, 100);
      /* A note alone says nothing of where the action stood; a progress
       * recorded without a status is an action under way that far */
      if (!has_status && end.progress < 0)
        continue;
      if (!has_status)
        end.status = CTG_STATUS_IN_PROGRESS;
      g_hash_table_insert (ends, g_memdup2 (&action_id, sizeof action_id), g_memdup2 (&end, sizeof end));
    }
  sqlite3_reset (stmt);
  return ends;
}

/**
 * ctg_document_record_year_end:
 *
 * Keeps the status and progress every action has now as where it stood at
 * the end of @year, as one undoable edit: the history the COPIL compares
 * from one year to the next.
 */
gboolean
ctg_document_record_year_end (CtgDocument  *self,
                              guint         year,
                              GError      **error)
{
  g_autoptr(GListModel) actions = NULL;
  g_autofree char *label = NULL;
  gboolean ok = TRUE;
  guint n;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  if (year < 1900 || year > 2200)
    return _ctg_document_set_invalid (error, _("The year must be between 1900 and 2200."));

  actions = ctg_document_list_actions (self, 0);
  n = g_list_model_get_n_items (actions);

  /* Stored untranslated, named in the reader's language when shown */
  label = _ctg_document_record_year_label (year, n);
  if (!_ctg_document_begin (self, label, error))
    return FALSE;
  for (guint i = 0; ok && i < n; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);
      g_autofree char *progress = ctg_action_get_progress (action) >= 0
                                  ? g_strdup_printf ("%d", ctg_action_get_progress (action)) : NULL;
      gint64 id = ensure_year_row (self, CTG_ITEM_ACTION_YEAR, ctg_action_get_id (action), year, error);

      ok = id != 0 &&
           _ctg_document_update (self, "action_year", id, "status",
                                 ctg_status_to_key (ctg_action_get_status (action)), error) &&
           _ctg_document_update (self, "action_year", id, "progress", progress, error);
    }
  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}

static gboolean
funding_equal (const CtgFunding *a,
               const CtgFunding *b)
{
  return a->funder == b->funder && a->amount == b->amount && g_strcmp0 (a->name, b->name) == 0;
}

/**
 * ctg_document_set_funding:
 * @funding: (element-type CtgFunding): the new funders, in order
 *
 * Replaces the funders of an action, as one undoable edit.
 */
gboolean
ctg_document_set_funding (CtgDocument  *self,
                          gint64        action_id,
                          GPtrArray    *funding,
                          GError      **error)
{
  g_autoptr(CtgAction) action = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *action_text = NULL;
  gint64 previous_edit;
  gboolean same;
  gboolean ok = TRUE;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (funding != NULL, FALSE);

  for (guint i = 0; i < funding->len; i++)
    {
      const CtgFunding *f = g_ptr_array_index (funding, i);

      if (!_ctg_document_check_field_text ("name", f->name, error))
        return FALSE;
      g_return_val_if_fail (f->funder < CTG_N_FUNDER_KINDS, FALSE);
    }

  action = ctg_document_get_action (self, action_id);
  if (action == NULL)
    return _ctg_document_set_no_such_item (error);

  same = ctg_action_get_funding (action)->len == funding->len;
  for (guint i = 0; same && i < funding->len; i++)
    same = funding_equal (g_ptr_array_index (ctg_action_get_funding (action), i), g_ptr_array_index (funding, i));
  if (same)
    return TRUE;

  if (!_ctg_document_begin (self, N_("Change funders"), error))
    return FALSE;

  previous_edit = _ctg_document_begin_action_edit (self, action_id);
  ids = ctg_document_list_ids (self, CTG_ITEM_FUNDING, action_id);
  for (guint i = 0; ok && i < ids->len; i++)
    ok = _ctg_document_delete_row (self, CTG_ITEM_FUNDING, g_array_index (ids, gint64, i), error);

  action_text = g_strdup_printf ("%" G_GINT64_FORMAT, action_id);
  for (guint i = 0; ok && i < funding->len; i++)
    {
      const CtgFunding *f = g_ptr_array_index (funding, i);
      g_autofree char *position = g_strdup_printf ("%u", i);
      g_autofree char *name = g_strstrip (g_strdup (f->name ? f->name : ""));
      g_autofree char *amount = f->amount >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, f->amount) : NULL;

      ok = _ctg_document_insert (self, "funding",
                                 (const char *[]) { "action_id", "position", "funder", "name", "amount", NULL },
                                 (const char *[]) { action_text, position, ctg_funder_to_key (f->funder),
                                                    name, amount },
                                 error) != 0;
    }

  if (ok)
    ok = _ctg_document_touch_action (self, action_id, error);
  _ctg_document_end_action_edit (self, previous_edit);
  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}

/**
 * ctg_document_get_last_assessed_year:
 *
 * The year the COPIL last reviewed: what a bilan (the evaluation page, ctg
 * evaluation, the report's annual review) shows unless told otherwise.
 *
 * Returns: the last year with an assessment of an evaluation indicator, 0
 *   for none
 */
guint
ctg_document_get_last_assessed_year (CtgDocument *self)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  return (guint) _ctg_document_query_int (self, "SELECT MAX(year) FROM evaluation_assessment", 0, 0, 0);
}

/**
 * ctg_document_list_years:
 *
 * Returns: (transfer full) (element-type guint): the years to evaluate, in
 *   order: those of the convention's period and any year with a note or an
 *   assessment
 */
GArray *
ctg_document_list_years (CtgDocument *self)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  CtgDate start, end;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), years);

  start_text = ctg_document_dup_text (self, CTG_ITEM_CONVENTION, 1, "period_start");
  end_text = ctg_document_dup_text (self, CTG_ITEM_CONVENTION, 1, "period_end");
  if (start_text != NULL && end_text != NULL &&
      ctg_date_parse (start_text, &start) && ctg_date_parse (end_text, &end) &&
      start.year <= end.year && end.year - start.year < 50)
    for (guint y = start.year; y <= end.year; y++)
      g_hash_table_add (seen, GUINT_TO_POINTER (y));

  stmt = _ctg_document_prepare (self,
    "SELECT year FROM action_year UNION SELECT year FROM evaluation_assessment", NULL);
  if (stmt != NULL)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_add (seen, GUINT_TO_POINTER ((guint) sqlite3_column_int (stmt, 0)));
      sqlite3_reset (stmt);
    }

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        guint y = GPOINTER_TO_UINT (key);
        g_array_append_val (years, y);
      }
  }
  g_array_sort (years, ctg_year_compare);
  return years;
}

static guint
this_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return (guint) g_date_time_get_year (now);
}

/**
 * ctg_document_list_review_years:
 *
 * Returns: (transfer full) (element-type guint): the years a review may be
 *   of, in order: ctg_document_list_years(), or this year alone when the
 *   convention has none
 */
GArray *
ctg_document_list_review_years (CtgDocument *self)
{
  GArray *years;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), NULL);

  years = ctg_document_list_years (self);
  if (years->len == 0)
    {
      guint year = this_year ();

      g_array_append_val (years, year);
    }
  return years;
}

/**
 * ctg_years_pick_default:
 * @years: (element-type guint): sorted years
 *
 * Returns: the year to show first among @years: this year if they hold
 *   it, else the last one (this year when @years is empty)
 */
guint
ctg_years_pick_default (GArray *years)
{
  guint year = this_year ();

  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, guint, i) == year)
      return year;
  return years->len > 0 ? g_array_index (years, guint, years->len - 1) : year;
}

/**
 * ctg_document_get_review_year:
 *
 * The year an annual review is of unless another is asked for, the same
 * in the Export dialog, the Évaluation page and `ctg export --bilan`,
 * `ctg evaluation` and `ctg info`: the year the COPIL last assessed, else
 * this year when the convention runs over it, else its last year.
 */
guint
ctg_document_get_review_year (CtgDocument *self)
{
  g_autoptr(GArray) years = NULL;
  guint assessed;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  assessed = ctg_document_get_last_assessed_year (self);
  if (assessed != 0)
    return assessed;
  years = ctg_document_list_review_years (self);
  return ctg_years_pick_default (years);
}

/**
 * ctg_document_check_review_year:
 *
 * Whether @year may be reviewed: one of the years the Export dialog
 * offers, from the first of ctg_document_list_years() (the convention's
 * period and any year with a note or an assessment) to the last. Any
 * year from 1900 to 2200 when the convention has no period.
 *
 * Returns: %FALSE with @error set (%CTG_DOCUMENT_ERROR_INVALID_VALUE)
 *   when it may not
 */
gboolean
ctg_document_check_review_year (CtgDocument  *self,
                                guint         year,
                                GError      **error)
{
  g_autoptr(GArray) years = NULL;
  guint first, last;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  if (year < 1900 || year > 2200)
    return _ctg_document_set_invalid (error, _("The year must be between 1900 and 2200."));
  years = ctg_document_list_years (self);
  if (years->len == 0)
    return TRUE;
  first = g_array_index (years, guint, 0);
  last = g_array_index (years, guint, years->len - 1);
  if (year >= first && year <= last)
    return TRUE;
  g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
               /* Translators: "2031 is not a year of this convention: choose one from 2022 to 2026." */
               _("%u is not a year of this convention: choose one from %u to %u."), year, first, last);
  return FALSE;
}
