/* ctg-drift.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The plan as it was at a meeting beside the plan now, with no baseline
 * saved: the file's journal holds every change still in effect (an undone
 * change is not in it), so the value a field had then is the old value of
 * its first change since. Only the net difference counts: an échéance moved
 * and moved back did not slip, an action added then deleted in between was
 * never in the plan either meeting saw. */

#define G_LOG_DOMAIN "ctg-drift"

#include "config.h"

#include <string.h>

#include "ctg-date.h"
#include "ctg-document-private.h"
#include "ctg-drift.h"
#include "ctg-status.h"

typedef struct
{
  gint64    action_id;
  gboolean  inserted;
  gboolean  deleted;
  char     *title;          /* from the deleted row */
  gboolean  has_echeance, has_start, has_status;
  char     *echeance_then;  /* the first old value since the date */
  char     *start_then;
  char     *status_then;
  char     *echeance_now;   /* the last new value */
  char     *status_now;
} ActionTrail;

static void
action_trail_free (ActionTrail *trail)
{
  g_free (trail->title);
  g_free (trail->echeance_then);
  g_free (trail->start_then);
  g_free (trail->status_then);
  g_free (trail->echeance_now);
  g_free (trail->status_now);
  g_free (trail);
}

static void
drift_item_free (CtgDriftItem *item)
{
  g_free (item->title);
  g_free (item->from);
  g_free (item->to);
  g_free (item);
}

void
ctg_drift_free (CtgDrift *self)
{
  if (self == NULL)
    return;
  g_free (self->since);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->past_start, g_hash_table_unref);
  g_clear_pointer (&self->past_echeance, g_hash_table_unref);
  g_free (self);
}

/* Where a status stands on the way to done: a step back is drift */
static int
status_rank (const char *key)
{
  CtgStatus status;

  if (!ctg_status_from_key (key, &status))
    return -1;
  switch (status)
    {
    case CTG_STATUS_TODO:
    case CTG_STATUS_POSTPONED:
      return 0;
    case CTG_STATUS_IN_PROGRESS:
      return 1;
    case CTG_STATUS_DONE:
      return 2;
    case CTG_STATUS_ABANDONED:
    default:
      return -1;
    }
}

/* Months from @from to @to; a year alone counts as its December */
static gboolean
months_between (const char *from,
                const char *to,
                int        *months)
{
  CtgDate a, b;

  if (from == NULL || to == NULL || !ctg_date_parse (from, &a) || !ctg_date_parse (to, &b))
    return FALSE;
  *months = (b.year * 12 + (b.month ? b.month : 12)) - (a.year * 12 + (a.month ? a.month : 12));
  return TRUE;
}

/* "title" of a journal row's JSON, without a JSON parser for one field */
static char *
json_title (const char *json)
{
  const char *p = json ? strstr (json, "\"title\":\"") : NULL;
  GString *out;

  if (p == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (p += strlen ("\"title\":\""); *p != '\0' && *p != '"'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, *p == 'n' ? '\n' : *p);
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static CtgDriftItem *
item_new (CtgDriftKind       kind,
          const ActionTrail *trail,
          const char        *from,
          const char        *to)
{
  CtgDriftItem *item = g_new0 (CtgDriftItem, 1);

  item->kind = kind;
  item->action_id = trail->action_id;
  item->deleted = trail->deleted;
  item->title = g_strdup (trail->title);
  item->from = g_strdup (from);
  item->to = g_strdup (to);
  return item;
}

/**
 * ctg_drift_compute:
 * @since: an ISO 8601 date or time: the meeting
 *
 * Returns: (transfer full): what changed in the plan since @since: the
 *   échéances moved (net, with the months), statuses gone back, actions
 *   added and still there, actions abandoned or deleted; and each action's
 *   start and échéance as they were then, for the timeline's outlines
 */
CtgDrift *
ctg_drift_compute (CtgDocument *doc,
                   const char  *since)
{
  CtgDrift *self = g_new0 (CtgDrift, 1);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GHashTable) trails = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                       (GDestroyNotify) action_trail_free);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (CTG_IS_DOCUMENT (doc), self);

  self->since = g_strdup (since);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) drift_item_free);
  self->past_start = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->past_echeance = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (since == NULL)
    return self;

  changes = ctg_document_list_changes (doc, since, 0);
  for (guint i = 0; i < changes->len; i++)
    {
      CtgChange *change = g_ptr_array_index (changes, i);
      ActionTrail *trail;

      if (change->kind != CTG_ITEM_ACTION)
        continue;
      trail = g_hash_table_lookup (trails, &change->item_id);
      if (trail == NULL)
        {
          trail = g_new0 (ActionTrail, 1);
          trail->action_id = change->item_id;
          g_hash_table_insert (trails, &trail->action_id, trail);
          g_array_append_val (order, trail->action_id);
        }

      if (g_strcmp0 (change->op, "insert") == 0)
        trail->inserted = TRUE;
      else if (g_strcmp0 (change->op, "delete") == 0)
        {
          trail->deleted = TRUE;
          g_free (trail->title);
          trail->title = json_title (change->old_value);
        }
      else if (g_strcmp0 (change->field, "echeance") == 0)
        {
          if (!trail->has_echeance)
            trail->echeance_then = g_strdup (change->old_value);
          trail->has_echeance = TRUE;
          g_free (trail->echeance_now);
          trail->echeance_now = g_strdup (change->new_value);
        }
      else if (g_strcmp0 (change->field, "start") == 0)
        {
          if (!trail->has_start)
            trail->start_then = g_strdup (change->old_value);
          trail->has_start = TRUE;
        }
      else if (g_strcmp0 (change->field, "status") == 0)
        {
          if (!trail->has_status)
            trail->status_then = g_strdup (change->old_value);
          trail->has_status = TRUE;
          g_free (trail->status_now);
          trail->status_now = g_strdup (change->new_value);
        }
    }

  for (guint i = 0; i < order->len; i++)
    {
      ActionTrail *trail = g_hash_table_lookup (trails, &g_array_index (order, gint64, i));
      int months;

      /* Not in the plan the meeting saw, nor in today's */
      if (trail->inserted && trail->deleted)
        continue;
      if (trail->inserted)
        {
          g_ptr_array_add (self->items, item_new (CTG_DRIFT_ADDED, trail, NULL, NULL));
          continue;
        }
      if (trail->has_start)
        g_hash_table_insert (self->past_start, g_memdup2 (&trail->action_id, sizeof (gint64)),
                             g_strdup (trail->start_then));
      if (trail->has_echeance)
        g_hash_table_insert (self->past_echeance, g_memdup2 (&trail->action_id, sizeof (gint64)),
                             g_strdup (trail->echeance_then));
      if (trail->deleted)
        {
          g_ptr_array_add (self->items, item_new (CTG_DRIFT_ABANDONED, trail, NULL, NULL));
          continue;
        }
      if (trail->has_echeance && months_between (trail->echeance_then, trail->echeance_now, &months) &&
          months != 0)
        {
          CtgDriftItem *item = item_new (CTG_DRIFT_MOVED, trail, trail->echeance_then, trail->echeance_now);

          item->months = months;
          g_ptr_array_add (self->items, item);
        }
      if (trail->has_status && g_strcmp0 (trail->status_then, trail->status_now) != 0)
        {
          if (g_strcmp0 (trail->status_now, "abandoned") == 0)
            g_ptr_array_add (self->items, item_new (CTG_DRIFT_ABANDONED, trail, trail->status_then, trail->status_now));
          else if (status_rank (trail->status_now) >= 0 &&
                   status_rank (trail->status_now) < status_rank (trail->status_then))
            g_ptr_array_add (self->items, item_new (CTG_DRIFT_STATUS_BACK, trail, trail->status_then, trail->status_now));
        }
    }
  return self;
}

/**
 * ctg_drift_count:
 * @later_only: for %CTG_DRIFT_MOVED, count only the échéances moved later
 */
guint
ctg_drift_count (const CtgDrift *self,
                 CtgDriftKind    kind,
                 gboolean        later_only)
{
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      const CtgDriftItem *item = g_ptr_array_index (self->items, i);

      if (item->kind == kind && (!later_only || item->months > 0))
        count++;
    }
  return count;
}

/**
 * ctg_drift_get_past:
 * @start: (inout) (nullable): the start then (%NULL for none), left as
 *   it is when the start did not change
 * @echeance: (inout) (nullable): the échéance then, the same way
 *
 * Returns: whether the start or the échéance of @action_id changed since
 */
gboolean
ctg_drift_get_past (const CtgDrift *self,
                    gint64          action_id,
                    const char    **start,
                    const char    **echeance)
{
  gpointer start_value = NULL, echeance_value = NULL;
  gboolean has_start, has_echeance;

  g_return_val_if_fail (self != NULL, FALSE);

  has_start = g_hash_table_lookup_extended (self->past_start, &action_id, NULL, &start_value);
  has_echeance = g_hash_table_lookup_extended (self->past_echeance, &action_id, NULL, &echeance_value);
  if (start != NULL && has_start)
    *start = start_value;
  if (echeance != NULL && has_echeance)
    *echeance = echeance_value;
  return has_start || has_echeance;
}

/**
 * ctg_drift_default_since:
 *
 * Returns: (transfer full) (nullable): the day of the last meeting before
 *   today, a COPIL's if there is one: what drift is measured from by default
 */
char *
ctg_drift_default_since (CtgDocument *doc)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (doc, CTG_ITEM_MEETING, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  char *best = NULL;
  gboolean best_copil = FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *text = ctg_document_dup_text (doc, CTG_ITEM_MEETING, id, "date");
      gint64 body = ctg_document_get_int (doc, CTG_ITEM_MEETING, id, "body_id", 0);
      g_autofree char *kind = body ? ctg_document_dup_text (doc, CTG_ITEM_BODY, body, "kind") : NULL;
      gboolean copil = g_strcmp0 (kind, "copil") == 0;
      g_autofree char *iso = NULL;
      CtgDate date;

      if (text == NULL || !ctg_date_parse (text, &date))
        continue;
      iso = ctg_date_to_iso (&date);
      if (strcmp (iso, today) >= 0)
        continue;
      if (best == NULL || (copil && !best_copil) || (copil == best_copil && strcmp (iso, best) > 0))
        {
          g_free (best);
          best = g_steal_pointer (&iso);
          best_copil = copil;
        }
    }
  return best;
}

/**
 * ctg_drift_history_key:
 * @since: an ISO 8601 date or time
 *
 * The plan as it was at @since is made of the transactions in effect
 * before it: an edit made now leaves it as it was, only an undo reaching
 * back before @since, or a merge bringing older history, changes it. A
 * view that keeps that plan (the timeline's outlines) recomputes it when
 * this key changes, not after every edit.
 *
 * Returns: (transfer full): a key that changes with those transactions
 */
char *
ctg_drift_history_key (CtgDocument *doc,
                       const char  *since)
{
  sqlite3_stmt *stmt;
  char *key = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (since != NULL, NULL);

  stmt = _ctg_document_prepare (doc, "SELECT count(*), coalesce(max(id), 0) FROM txn WHERE undone = 0 AND time < ?1",
                                NULL);
  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_text (stmt, 1, since, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    key = g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, since,
                           (gint64) sqlite3_column_int64 (stmt, 0), (gint64) sqlite3_column_int64 (stmt, 1));
  sqlite3_reset (stmt);
  return key ? key : g_strdup ("");
}
