/* ctg-drift.h: what slipped in the plan since a date, from the journal
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ctg-document.h"

G_BEGIN_DECLS

typedef enum
{
  CTG_DRIFT_MOVED,        /* the échéance moved: from, to, months */
  CTG_DRIFT_STATUS_BACK,  /* the status went back: from, to are status keys */
  CTG_DRIFT_ADDED,        /* added since, and still there */
  CTG_DRIFT_ABANDONED,    /* abandoned, or deleted, since */
} CtgDriftKind;

typedef struct
{
  CtgDriftKind  kind;
  gint64        action_id;  /* for a deleted action, its id when it was deleted */
  gboolean      deleted;
  char         *title;      /* for a deleted action: its last title */
  char         *from;
  char         *to;
  int           months;     /* moved: to minus from, later is positive */
} CtgDriftItem;

typedef struct
{
  char       *since;
  GPtrArray  *items;        /* CtgDriftItem, by action then kind */
  GHashTable *past_start;   /* action id -> its start then (char *, NULL for none) */
  GHashTable *past_echeance;/* action id -> its échéance then */
} CtgDrift;

CtgDrift *ctg_drift_compute      (CtgDocument    *doc,
                                  const char     *since);
void      ctg_drift_free         (CtgDrift       *self);
guint     ctg_drift_count        (const CtgDrift *self,
                                  CtgDriftKind    kind,
                                  gboolean        later_only);
gboolean  ctg_drift_get_past     (const CtgDrift *self,
                                  gint64          action_id,
                                  const char    **start,
                                  const char    **echeance);

char     *ctg_drift_default_since (CtgDocument   *doc);
char     *ctg_drift_history_key   (CtgDocument   *doc,
                                   const char    *since);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtgDrift, ctg_drift_free)

G_END_DECLS
