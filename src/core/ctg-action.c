/* ctg-action.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-action"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ctg-action-private.h"

G_DEFINE_FINAL_TYPE (CtgAction, ctg_action, G_TYPE_OBJECT)

static void
ctg_action_finalize (GObject *object)
{
  CtgAction *self = (CtgAction *)object;

  g_free (self->code);
  g_free (self->title);
  g_free (self->description);
  g_free (self->means);
  g_free (self->notes);
  g_free (self->created);
  g_free (self->modified);
  g_clear_pointer (&self->pilots, g_ptr_array_unref);
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  g_clear_pointer (&self->referents, g_ptr_array_unref);
  g_clear_pointer (&self->funding, g_ptr_array_unref);

  G_OBJECT_CLASS (ctg_action_parent_class)->finalize (object);
}

static void
ctg_action_class_init (CtgActionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ctg_action_finalize;
}

static void
ctg_action_init (CtgAction *self)
{
  self->progress = -1;
  self->budget = -1;
}

/* A list is made when its first item comes: most actions have no référents
 * and no funders, many no partners, and a large convention holds tens of
 * thousands of these snapshots. The empty list is one shared array. */
static GPtrArray *
empty_list (void)
{
  static GPtrArray *empty;

  if (g_once_init_enter (&empty))
    g_once_init_leave (&empty, g_ptr_array_new ());
  return empty;
}

static GPtrArray *
list_or_empty (GPtrArray *list)
{
  return list != NULL ? list : empty_list ();
}

/* The names and roles of a snapshot's participants are interned: a
 * convention has a few hundred people and organisations but tens of
 * thousands of pilot and partner entries. They belong to the snapshot and
 * are read-only, like the whole snapshot; ctg_participant_copy() gives
 * participants of one's own. */
void
_ctg_action_add_participant (CtgAction          *self,
                             CtgRelation         relation,
                             const char         *name,
                             CtgParticipantKind  kind,
                             const char         *role)
{
  GPtrArray **list = relation == CTG_RELATION_PILOT ? &self->pilots
                     : relation == CTG_RELATION_REFERENT ? &self->referents
                     : &self->partners;
  CtgParticipant *participant = g_new (CtgParticipant, 1);

  participant->name = (char *) g_intern_string (name != NULL ? name : "");
  participant->kind = kind;
  participant->role = (char *) g_intern_string (role != NULL ? role : "");
  if (*list == NULL)
    *list = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (*list, participant);
}

void
_ctg_action_add_funding (CtgAction  *self,
                         CtgFunding *funding)
{
  if (self->funding == NULL)
    self->funding = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_funding_free);
  g_ptr_array_add (self->funding, funding);
}

gint64 ctg_action_get_id (CtgAction *self) { return self->id; }
gint64 ctg_action_get_axis_id (CtgAction *self) { return self->axis_id; }
gint64 ctg_action_get_objective_id (CtgAction *self) { return self->objective_id; }
const char *ctg_action_get_code (CtgAction *self) { return self->code; }
const char *ctg_action_get_title (CtgAction *self) { return self->title; }
const char *ctg_action_get_description (CtgAction *self) { return self->description; }
const CtgDate *ctg_action_get_start (CtgAction *self) { return &self->start; }
const CtgDate *ctg_action_get_echeance (CtgAction *self) { return &self->echeance; }
CtgStatus ctg_action_get_status (CtgAction *self) { return self->status; }
/* Empty texts are kept as NULL, for the same reason as the lists */
const char *ctg_action_get_means (CtgAction *self) { return self->means ? self->means : ""; }
const char *ctg_action_get_notes (CtgAction *self) { return self->notes ? self->notes : ""; }
const char *ctg_action_get_created (CtgAction *self) { return self->created; }
const char *ctg_action_get_modified (CtgAction *self) { return self->modified; }

/**
 * ctg_action_get_progress:
 *
 * Returns: 0-100, or -1 when no progress was entered
 */
int
ctg_action_get_progress (CtgAction *self)
{
  return self->progress;
}

/**
 * ctg_action_get_pilots:
 *
 * Returns: (transfer none) (element-type CtgParticipant): the pilots, in order
 */
GPtrArray *
ctg_action_get_pilots (CtgAction *self)
{
  return list_or_empty (self->pilots);
}

/**
 * ctg_action_get_partners:
 *
 * Returns: (transfer none) (element-type CtgParticipant): the partners, in order
 */
GPtrArray *
ctg_action_get_partners (CtgAction *self)
{
  return list_or_empty (self->partners);
}

/**
 * ctg_action_get_referents:
 *
 * Returns: (transfer none) (element-type CtgParticipant): the référents: who
 *   follows the action inside each partner organisation
 */
GPtrArray *
ctg_action_get_referents (CtgAction *self)
{
  return list_or_empty (self->referents);
}

/**
 * ctg_action_get_funding:
 *
 * Returns: (transfer none) (element-type CtgFunding): the funders, in order
 */
GPtrArray *
ctg_action_get_funding (CtgAction *self)
{
  return list_or_empty (self->funding);
}

/**
 * ctg_action_is_continuous:
 *
 * Continuous actions (amélioration continue) go on with no échéance.
 */
gboolean
ctg_action_is_continuous (CtgAction *self)
{
  return self->continuous;
}

/**
 * ctg_action_get_budget:
 *
 * Returns: the budget in cents, or -1 when none was entered
 */
gint64
ctg_action_get_budget (CtgAction *self)
{
  return self->budget;
}

/**
 * ctg_action_get_budget_year:
 *
 * Returns: the year of the budget, or 0
 */
guint
ctg_action_get_budget_year (CtgAction *self)
{
  return self->budget_year;
}

/**
 * ctg_action_dup_pilots_text:
 *
 * Returns: (transfer full): the pilots' names joined by ", "
 */
char *
ctg_action_dup_pilots_text (CtgAction *self)
{
  GString *out = g_string_new (NULL);

  GPtrArray *pilots = ctg_action_get_pilots (self);

  for (guint i = 0; i < pilots->len; i++)
    {
      const CtgParticipant *p = g_ptr_array_index (pilots, i);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, p->name);
    }
  return g_string_free (out, FALSE);
}

/**
 * ctg_action_is_overdue:
 *
 * An action is overdue when its échéance has passed and it is neither done
 * nor abandoned. A continuous action never is: it has no end to miss, even
 * when an échéance was left from before it was marked continuous.
 */
gboolean
ctg_action_is_overdue (CtgAction   *self,
                       const GDate *today)
{
  if (self->continuous)
    return FALSE;
  if (self->status == CTG_STATUS_DONE || self->status == CTG_STATUS_ABANDONED)
    return FALSE;
  return ctg_date_is_past (&self->echeance, today);
}

/**
 * ctg_action_get_rollup_progress:
 *
 * What an action weighs in a roll-up: réalisée counts as 100; à lancer
 * with no progress entered counts as 0 (it has not started, that is known);
 * abandoned actions, and en cours or reportée actions with no progress
 * entered (how far they went is unknown), are left out (-1).
 */
int
ctg_action_get_rollup_progress (CtgAction *action)
{
  if (action->status == CTG_STATUS_ABANDONED)
    return -1;
  if (action->status == CTG_STATUS_DONE)
    return 100;
  if (action->status == CTG_STATUS_TODO && action->progress < 0)
    return 0;
  return action->progress;
}

/**
 * ctg_action_get_shown_progress:
 *
 * The progress to show for an action in the lists and the editor: what the
 * roll-ups count. A réalisée action shows 100 % even when 40 was typed
 * before it was done, so that no view shows 40 while the totals add 100.
 *
 * Returns: 0-100, or -1 when no progress was entered
 */
int
ctg_action_get_shown_progress (CtgAction *action)
{
  if (action->status == CTG_STATUS_DONE)
    return 100;
  return action->progress;
}

/**
 * ctg_actions_summarize_progress:
 * @actions: a #GListModel of #CtgAction (an objective's, an axis's, the plan's)
 *
 * The one roll-up rule of CTG Planner, used by the sidebar, the overview and
 * the COPIL report: the average of ctg_action_get_rollup_progress() over the
 * actions that count, with how many were left out.
 */
void
ctg_actions_summarize_progress (GListModel         *actions,
                                CtgProgressSummary *summary)
{
  ctg_actions_summarize_progress_where (actions, 0, summary);
}

/**
 * ctg_actions_summarize_progress_where:
 * @objective_id: only the actions of this objective, or 0 for all
 *
 * ctg_actions_summarize_progress() over the actions of one objective.
 */
void
ctg_actions_summarize_progress_where (GListModel         *actions,
                                      gint64              objective_id,
                                      CtgProgressSummary *summary)
{
  guint n = g_list_model_get_n_items (actions);
  double total = 0;

  *summary = (CtgProgressSummary) { 0, 0, 0, 0 };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);
      int progress;

      if (objective_id != 0 && action->objective_id != objective_id)
        continue;

      progress = ctg_action_get_rollup_progress (action);
      if (progress < 0)
        {
          summary->left_out++;
          if (action->status == CTG_STATUS_ABANDONED)
            summary->abandoned++;
        }
      else
        {
          total += progress;
          summary->counted++;
        }
    }

  summary->average = summary->counted > 0 ? total / summary->counted : 0;
}

/**
 * ctg_progress_summary_is_partial:
 *
 * Whether the roll-up stands on less than half of the actions it covers,
 * in which case the figure must say so next to it, not in small print.
 */
gboolean
ctg_progress_summary_is_partial (const CtgProgressSummary *summary)
{
  g_return_val_if_fail (summary != NULL, FALSE);

  return summary->counted > 0 && summary->counted * 2 < summary->counted + summary->left_out;
}

/**
 * ctg_progress_summary_dup_partial_note:
 *
 * Returns: (transfer full) (nullable): "over 3 of 47 actions" when the
 *   roll-up is partial (ctg_progress_summary_is_partial()), else %NULL
 */
char *
ctg_progress_summary_dup_partial_note (const CtgProgressSummary *summary)
{
  guint total;

  if (!ctg_progress_summary_is_partial (summary))
    return NULL;
  total = summary->counted + summary->left_out;
  /* Translators: next to a progress figure that only some actions make,
   * "45 % over 3 of 47 actions" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "over %u of %u action", "over %u of %u actions", total),
                          summary->counted, total);
}

/**
 * ctg_action_add_year_funding:
 * @year: the year reviewed
 * @sums: (array fixed-size=6): where to add: [0] the budget, then one
 *   amount per #CtgFunderKind
 *
 * Adds what an action brings to a year's funding: its budget and the known
 * amounts of its funders, when the budget is for @year or for no year in
 * particular. The annual review in the PDF and `ctg evaluation` both sum
 * with it, so they always give the same figures.
 *
 * Returns: whether the action counted for @year
 */
gboolean
ctg_action_add_year_funding (CtgAction *action,
                             guint      year,
                             gint64    *sums)
{
  GPtrArray *funding;

  g_return_val_if_fail (CTG_IS_ACTION (action), FALSE);

  if (action->budget_year != 0 && action->budget_year != year)
    return FALSE;
  if (action->budget > 0)
    sums[0] += action->budget;
  funding = ctg_action_get_funding (action);
  for (guint k = 0; k < funding->len; k++)
    {
      const CtgFunding *f = g_ptr_array_index (funding, k);

      if (f->amount > 0)
        sums[1 + f->funder] += f->amount;
    }
  return TRUE;
}

/**
 * ctg_due_soon_until:
 * @from: the day counted from (today, or the meeting's date)
 * @until: (out caller-allocates): the last day of the coming échéances
 *
 * The one horizon of "coming échéances", in the window and in the COPIL
 * report: six months, the usual time between two COPIL meetings.
 */
void
ctg_due_soon_until (const GDate *from,
                    GDate       *until)
{
  *until = *from;
  g_date_add_months (until, CTG_DUE_SOON_MONTHS);
}

/**
 * ctg_action_is_due_soon:
 * @from: the day counted from (today, or the meeting's date)
 *
 * Whether the échéance of @action falls within the coming six months
 * (ctg_due_soon_until()), or in a month or year that overlaps them ("2025"
 * is, in March 2025), while the action is neither done nor abandoned. An
 * overdue action is not due soon: it is overdue.
 */
gboolean
ctg_action_is_due_soon (CtgAction   *action,
                        const GDate *from)
{
  g_autoptr(GDate) first = NULL;
  g_autoptr(GDate) last = NULL;
  GDate until;

  g_return_val_if_fail (CTG_IS_ACTION (action), FALSE);

  if (!ctg_date_is_set (&action->echeance) || action->status == CTG_STATUS_DONE ||
      action->status == CTG_STATUS_ABANDONED || ctg_action_is_overdue (action, from))
    return FALSE;
  ctg_due_soon_until (from, &until);
  first = ctg_date_first_day (&action->echeance);
  last = ctg_date_last_day (&action->echeance);
  return g_date_compare (last, from) >= 0 && g_date_compare (first, &until) <= 0;
}
