/* ctg-action-filter.c: which actions the list shows
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-action-filter"

#include "config.h"

#include <string.h>

#include "ctg-action-filter.h"

/* The search bar's filters as a GtkFilter: a status, a pilot, a year of
 * échéance, overdue or coming actions, the actions of one axis and the
 * words searched. The window sets what its widgets say, then calls
 * ctg_action_filter_changed() once. */

struct _CtgActionFilter
{
  GtkFilter   parent_instance;

  int         status;        /* a CtgStatus, or -1 for any */
  char       *pilot_key;     /* ctg_text_fold() of the pilot, or NULL */
  guint       year;          /* of the échéance, or 0 */
  gint64      axis_id;       /* or 0 for every axis */
  gboolean    overdue;
  gboolean    soon;
  GDate       today;
  GStrv       query_words;   /* folded once per change of the search */
  GHashTable *search_text;   /* borrowed: action id -> its folded text */
};

G_DEFINE_FINAL_TYPE (CtgActionFilter, ctg_action_filter, GTK_TYPE_FILTER)

/* Pilots compare case- and accent-insensitively: "communes" is the pilot
 * "Communes" */
static gboolean
has_pilot (CtgAction  *action,
           const char *key)
{
  GPtrArray *pilots = ctg_action_get_pilots (action);

  for (guint i = 0; i < pilots->len; i++)
    {
      g_autofree char *folded = ctg_text_fold (((CtgParticipant *) g_ptr_array_index (pilots, i))->name);

      if (g_str_equal (folded, key))
        return TRUE;
    }
  return FALSE;
}

static gboolean
ctg_action_filter_match (GtkFilter *filter,
                         gpointer   item)
{
  CtgActionFilter *self = CTG_ACTION_FILTER (filter);
  CtgAction *action = item;

  if (self->status >= 0 && ctg_action_get_status (action) != (CtgStatus) self->status)
    return FALSE;
  if (self->axis_id != 0 && ctg_action_get_axis_id (action) != self->axis_id)
    return FALSE;
  if (self->overdue && !ctg_action_is_overdue (action, &self->today))
    return FALSE;
  if (self->soon && !ctg_action_is_due_soon (action, &self->today))
    return FALSE;
  if (self->year != 0 && ctg_action_get_echeance (action)->year != self->year)
    return FALSE;
  if (self->pilot_key != NULL && !has_pilot (action, self->pilot_key))
    return FALSE;

  if (self->query_words != NULL && self->search_text != NULL)
    {
      gint64 id = ctg_action_get_id (action);
      const char *haystack = g_hash_table_lookup (self->search_text, &id);

      for (guint i = 0; haystack != NULL && self->query_words[i]; i++)
        if (self->query_words[i][0] != '\0' && strstr (haystack, self->query_words[i]) == NULL)
          return FALSE;
    }
  return TRUE;
}

static GtkFilterMatch
ctg_action_filter_get_strictness (GtkFilter *filter)
{
  CtgActionFilter *self = CTG_ACTION_FILTER (filter);

  if (self->status < 0 && self->pilot_key == NULL && self->year == 0 && self->axis_id == 0 &&
      !self->overdue && !self->soon && self->query_words == NULL)
    return GTK_FILTER_MATCH_ALL;
  return GTK_FILTER_MATCH_SOME;
}

static void
ctg_action_filter_finalize (GObject *object)
{
  CtgActionFilter *self = CTG_ACTION_FILTER (object);

  g_free (self->pilot_key);
  g_strfreev (self->query_words);

  G_OBJECT_CLASS (ctg_action_filter_parent_class)->finalize (object);
}

static void
ctg_action_filter_class_init (CtgActionFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = ctg_action_filter_finalize;
  filter_class->match = ctg_action_filter_match;
  filter_class->get_strictness = ctg_action_filter_get_strictness;
}

static void
ctg_action_filter_init (CtgActionFilter *self)
{
  self->status = -1;
  g_date_clear (&self->today, 1);
  g_date_set_time_t (&self->today, time (NULL));
}

CtgActionFilter *
ctg_action_filter_new (void)
{
  return g_object_new (CTG_TYPE_ACTION_FILTER, NULL);
}

/**
 * ctg_action_filter_set_status:
 * @status: a #CtgStatus, or -1 for any
 */
void
ctg_action_filter_set_status (CtgActionFilter *self,
                              int              status)
{
  g_return_if_fail (CTG_IS_ACTION_FILTER (self));

  self->status = status;
}

/**
 * ctg_action_filter_set_pilot:
 * @pilot: (nullable): a pilot's name, in any case and with or without
 *   accents; %NULL for any
 */
void
ctg_action_filter_set_pilot (CtgActionFilter *self,
                             const char      *pilot)
{
  g_return_if_fail (CTG_IS_ACTION_FILTER (self));

  g_clear_pointer (&self->pilot_key, g_free);
  if (pilot != NULL)
    self->pilot_key = ctg_text_fold (pilot);
}

/**
 * ctg_action_filter_set_year:
 * @year: the year of the échéance, or 0 for any
 */
void
ctg_action_filter_set_year (CtgActionFilter *self,
                            guint            year)
{
  g_return_if_fail (CTG_IS_ACTION_FILTER (self));

  self->year = year;
}

/**
 * ctg_action_filter_set_axis:
 * @axis_id: only this axis's actions, or 0 for every axis
 */
void
ctg_action_filter_set_axis (CtgActionFilter *self,
                            gint64           axis_id)
{
  g_return_if_fail (CTG_IS_ACTION_FILTER (self));

  self->axis_id = axis_id;
}

void
ctg_action_filter_set_overdue (CtgActionFilter *self,
                               gboolean         overdue)
{
  g_return_if_fail (CTG_IS_ACTION_FILTER (self));

  self->overdue = overdue;
}

void
ctg_action_filter_set_soon (CtgActionFilter *self,
                            gboolean         soon)
{
  g_return_if_fail (CTG_IS_ACTION_FILTER (self));

  self->soon = soon;
}

/**
 * ctg_action_filter_set_today:
 *
 * The day overdue and coming actions are counted from.
 */
void
ctg_action_filter_set_today (CtgActionFilter *self,
                             const GDate     *today)
{
  g_return_if_fail (CTG_IS_ACTION_FILTER (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
}

/**
 * ctg_action_filter_set_search:
 * @query: (nullable): the words searched, as typed
 * @search_text: (nullable): each action's id (gint64) -> its folded text,
 *   kept by the caller while the filter uses it
 */
void
ctg_action_filter_set_search (CtgActionFilter *self,
                              const char      *query,
                              GHashTable      *search_text)
{
  g_return_if_fail (CTG_IS_ACTION_FILTER (self));

  g_clear_pointer (&self->query_words, g_strfreev);
  self->search_text = search_text;
  if (query != NULL && query[0] != '\0')
    {
      g_autofree char *folded = ctg_text_fold (query);

      self->query_words = g_strsplit (folded, " ", -1);
    }
}

/**
 * ctg_action_filter_changed:
 *
 * Applies what was set since the last call.
 */
void
ctg_action_filter_changed (CtgActionFilter *self)
{
  g_return_if_fail (CTG_IS_ACTION_FILTER (self));

  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}
