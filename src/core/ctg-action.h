/* ctg-action.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ctg-date.h"
#include "ctg-evaluation.h"
#include "ctg-item.h"
#include "ctg-participant.h"
#include "ctg-status.h"

G_BEGIN_DECLS

#define CTG_TYPE_ACTION (ctg_action_get_type ())

G_DECLARE_FINAL_TYPE (CtgAction, ctg_action, CTG, ACTION, CtgItem)

/* One action: the item of kind %CTG_ITEM_ACTION. The document's object for
 * an action (in ctg_document_list_actions(), from ctg_document_get_item(),
 * in ctg_document_list_items()) is one object while anyone holds it, kept
 * up to date after every commit, undo and redo, and notifies its
 * properties (those of its columns, and "pilots", "partners", "referents",
 * "funding"); it reads its texts, participants and funding from the file
 * when first asked for (in the thread that owns the document). Those of
 * ctg_document_get_action() are snapshots, read whole, that no edit
 * changes. */
gint64          ctg_action_get_id           (CtgAction  *self);
gint64          ctg_action_get_axis_id      (CtgAction  *self);
gint64          ctg_action_get_objective_id (CtgAction  *self);
const char     *ctg_action_get_code         (CtgAction  *self);
const char     *ctg_action_get_title        (CtgAction  *self);
const char     *ctg_action_get_description  (CtgAction  *self);
const CtgDate  *ctg_action_get_start        (CtgAction  *self);
const CtgDate  *ctg_action_get_echeance     (CtgAction  *self);
CtgStatus       ctg_action_get_status       (CtgAction  *self);
int             ctg_action_get_progress     (CtgAction  *self);
const char     *ctg_action_get_means        (CtgAction  *self);
const char     *ctg_action_get_notes        (CtgAction  *self);
const char     *ctg_action_get_created      (CtgAction  *self);
const char     *ctg_action_get_modified     (CtgAction  *self);
GPtrArray      *ctg_action_get_pilots       (CtgAction  *self);
GPtrArray      *ctg_action_get_partners     (CtgAction  *self);
GPtrArray      *ctg_action_get_referents    (CtgAction  *self);
GPtrArray      *ctg_action_get_funding      (CtgAction  *self);
gboolean        ctg_action_is_continuous    (CtgAction  *self);
gint64          ctg_action_get_budget       (CtgAction  *self);
guint           ctg_action_get_budget_year  (CtgAction  *self);
char           *ctg_action_dup_pilots_text  (CtgAction  *self);
gboolean        ctg_action_is_overdue       (CtgAction  *self,
                                             const GDate *today);
/* How far ahead "coming échéances" look: one horizon everywhere */
#define CTG_DUE_SOON_MONTHS 6

void            ctg_due_soon_until          (const GDate *from,
                                             GDate       *until);
gboolean        ctg_action_is_due_soon      (CtgAction   *action,
                                             const GDate *from);
gboolean        ctg_action_add_year_funding (CtgAction  *action,
                                             guint       year,
                                             gint64     *sums);

G_END_DECLS

G_BEGIN_DECLS

/**
 * CtgProgressSummary:
 * @average: the average progress, 0-100, of the actions counted
 * @counted: how many actions the average is over
 * @left_out: how many were left out: abandoned, or en cours / reportée with
 *   no progress entered
 * @abandoned: of those left out, how many were abandoned
 * @unrecorded: of those left out, how many had no status recorded for the
 *   year of a year's roll-up (always 0 for today's)
 *
 * The roll-up of an objective, an axis or the convention; see docs/rollup.md.
 */
typedef struct
{
  double average;
  guint  counted;
  guint  left_out;
  guint  abandoned;
  guint  unrecorded;
} CtgProgressSummary;

/**
 * CtgYearEnd:
 * @status: the action's status at the end of the year
 * @progress: its progress then, 0-100, or -1 when none was entered
 *
 * Where an action stood at the end of a year, as recorded in its follow-up
 * for that year (ctg_document_read_year_ends()).
 */
typedef struct
{
  CtgStatus status;
  int       progress;
} CtgYearEnd;

int  ctg_status_rollup_progress      (CtgStatus           status,
                                      int                 progress);
int  ctg_action_get_rollup_progress  (CtgAction          *action);
int  ctg_action_get_shown_progress   (CtgAction          *action);
void ctg_actions_summarize_progress (GListModel         *actions,
                                     CtgProgressSummary *summary);
void ctg_actions_summarize_progress_where (GListModel         *actions,
                                           gint64              objective_id,
                                           CtgProgressSummary *summary);
void ctg_actions_summarize_year_progress (GListModel         *actions,
                                          GHashTable         *year_ends,
                                          CtgProgressSummary *summary);
gboolean ctg_progress_summary_is_partial       (const CtgProgressSummary *summary);
char    *ctg_progress_summary_dup_partial_note (const CtgProgressSummary *summary);

G_END_DECLS
