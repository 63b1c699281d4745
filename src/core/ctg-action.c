/* ctg-action.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-action"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ctg-action-private.h"
#include "ctg-document-private.h"

G_DEFINE_FINAL_TYPE (CtgAction, ctg_action, G_TYPE_OBJECT)

/* The document keeps one object per action in its shared list and, after
 * an edit of that action, updates it in place: each property that changed
 * notifies, so a row showing it is updated, not made again. */
enum {
  PROP_0,
  PROP_CODE,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_START,
  PROP_ECHEANCE,
  PROP_STATUS,
  PROP_PROGRESS,
  PROP_MEANS,
  PROP_NOTES,
  PROP_MODIFIED,
  PROP_PILOTS,
  PROP_PARTNERS,
  PROP_REFERENTS,
  PROP_FUNDING,
  PROP_CONTINUOUS,
  PROP_BUDGET,
  PROP_BUDGET_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
texts_free (CtgActionTexts *texts)
{
  g_free (texts->code);
  g_free (texts->title);
  g_free (texts->description);
  g_free (texts->means);
  g_free (texts->notes);
  g_free (texts->created);
  g_free (texts->modified);
  g_clear_pointer (&texts->pilots, g_ptr_array_unref);
  g_clear_pointer (&texts->partners, g_ptr_array_unref);
  g_clear_pointer (&texts->referents, g_ptr_array_unref);
  g_clear_pointer (&texts->funding, g_ptr_array_unref);
  g_free (texts);
}

static void
ctg_action_finalize (GObject *object)
{
  CtgAction *self = (CtgAction *)object;

  if (self->has_texts)
    g_clear_pointer (&self->data.texts, texts_free);
  else
    g_clear_pointer (&self->data.source, g_atomic_rc_box_release);

  G_OBJECT_CLASS (ctg_action_parent_class)->finalize (object);
}

CtgActionTexts *
_ctg_action_texts_new (void)
{
  return g_new0 (CtgActionTexts, 1);
}

/* The texts of @self, read from its document when first asked for. An
 * action whose document is closed, or whose row is gone, has empty texts. */
CtgActionTexts *
_ctg_action_ensure_texts (CtgAction *self)
{
  if (!self->has_texts && self->data.source != NULL && self->data.source->document != NULL)
    _ctg_document_read_action_texts (self->data.source->document, self);
  if (!self->has_texts)
    {
      CtgActionTexts *texts = _ctg_action_texts_new ();

      texts->code = g_strdup ("");
      texts->title = g_strdup ("");
      texts->description = g_strdup ("");
      texts->created = g_strdup ("");
      texts->modified = g_strdup ("");
      _ctg_action_take_texts (self, texts);
    }
  return self->data.texts;
}

/* @texts: (transfer full): @self's texts; it reads nothing more */
void
_ctg_action_take_texts (CtgAction      *self,
                        CtgActionTexts *texts)
{
  if (self->has_texts)
    texts_free (self->data.texts);
  else
    g_clear_pointer (&self->data.source, g_atomic_rc_box_release);
  self->data.texts = texts;
  self->has_texts = TRUE;
}

#define TEXTS(self) ((self)->has_texts ? (self)->data.texts : _ctg_action_ensure_texts (self))

/* @source: (transfer none): the document's, shared by its actions */
void
_ctg_action_set_source (CtgAction       *self,
                        CtgActionSource *source)
{
  g_return_if_fail (!self->has_texts);

  g_clear_pointer (&self->data.source, g_atomic_rc_box_release);
  self->data.source = source != NULL ? g_atomic_rc_box_acquire (source) : NULL;
}

static void
ctg_action_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CtgAction *self = CTG_ACTION (object);

  switch (prop_id)
    {
    case PROP_CODE: g_value_set_string (value, ctg_action_get_code (self)); break;
    case PROP_TITLE: g_value_set_string (value, ctg_action_get_title (self)); break;
    case PROP_DESCRIPTION: g_value_set_string (value, ctg_action_get_description (self)); break;
    case PROP_START: g_value_set_pointer (value, &self->start); break;
    case PROP_ECHEANCE: g_value_set_pointer (value, &self->echeance); break;
    case PROP_STATUS: g_value_set_int (value, self->status); break;
    case PROP_PROGRESS: g_value_set_int (value, self->progress); break;
    case PROP_MEANS: g_value_set_string (value, ctg_action_get_means (self)); break;
    case PROP_NOTES: g_value_set_string (value, ctg_action_get_notes (self)); break;
    case PROP_MODIFIED: g_value_set_string (value, ctg_action_get_modified (self)); break;
    case PROP_PILOTS: g_value_set_pointer (value, ctg_action_get_pilots (self)); break;
    case PROP_PARTNERS: g_value_set_pointer (value, ctg_action_get_partners (self)); break;
    case PROP_REFERENTS: g_value_set_pointer (value, ctg_action_get_referents (self)); break;
    case PROP_FUNDING: g_value_set_pointer (value, ctg_action_get_funding (self)); break;
    case PROP_CONTINUOUS: g_value_set_boolean (value, self->continuous); break;
    case PROP_BUDGET: g_value_set_int64 (value, self->budget); break;
    case PROP_BUDGET_YEAR: g_value_set_uint (value, self->budget_year); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ctg_action_class_init (CtgActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ctg_action_finalize;
  object_class->get_property = ctg_action_get_property;

  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_START] = g_param_spec_pointer ("start", NULL, NULL, flags);
  properties[PROP_ECHEANCE] = g_param_spec_pointer ("echeance", NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0, CTG_N_STATUSES - 1, 0, flags);
  properties[PROP_PROGRESS] = g_param_spec_int ("progress", NULL, NULL, -1, 100, -1, flags);
  properties[PROP_MEANS] = g_param_spec_string ("means", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  properties[PROP_MODIFIED] = g_param_spec_string ("modified", NULL, NULL, NULL, flags);
  properties[PROP_PILOTS] = g_param_spec_pointer ("pilots", NULL, NULL, flags);
  properties[PROP_PARTNERS] = g_param_spec_pointer ("partners", NULL, NULL, flags);
  properties[PROP_REFERENTS] = g_param_spec_pointer ("referents", NULL, NULL, flags);
  properties[PROP_FUNDING] = g_param_spec_pointer ("funding", NULL, NULL, flags);
  properties[PROP_CONTINUOUS] = g_param_spec_boolean ("continuous", NULL, NULL, FALSE, flags);
  properties[PROP_BUDGET] = g_param_spec_int64 ("budget", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_BUDGET_YEAR] = g_param_spec_uint ("budget-year", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  CtgActionTexts *texts = TEXTS (self);
  GPtrArray **list = relation == CTG_RELATION_PILOT ? &texts->pilots
                     : relation == CTG_RELATION_REFERENT ? &texts->referents
                     : &texts->partners;
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
  CtgActionTexts *texts = TEXTS (self);

  if (texts->funding == NULL)
    texts->funding = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_funding_free);
  g_ptr_array_add (texts->funding, funding);
}

static gboolean
same_people (GPtrArray *a,
             GPtrArray *b)
{
  if ((a ? a->len : 0) != (b ? b->len : 0))
    return FALSE;
  for (guint i = 0; a != NULL && i < a->len; i++)
    if (!ctg_participant_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

static gboolean
same_funding (GPtrArray *a,
              GPtrArray *b)
{
  if ((a ? a->len : 0) != (b ? b->len : 0))
    return FALSE;
  for (guint i = 0; a != NULL && i < a->len; i++)
    {
      const CtgFunding *x = g_ptr_array_index (a, i);
      const CtgFunding *y = g_ptr_array_index (b, i);

      if (x->funder != y->funder || x->amount != y->amount || g_strcmp0 (x->name, y->name) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_date (const CtgDate *a,
           const CtgDate *b)
{
  return a->year == b->year && a->month == b->month && a->day == b->day;
}

#define TAKE_TEXT(field, prop) \
  if (g_strcmp0 (mine->field, theirs->field) != 0) \
    { \
      g_free (mine->field); \
      mine->field = g_steal_pointer (&theirs->field); \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
    }
#define TAKE_VALUE(field, prop) \
  if (self->field != fresh->field) \
    { \
      self->field = fresh->field; \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
    }
#define TAKE_LIST(field, prop, same) \
  if (!same (mine->field, theirs->field)) \
    { \
      g_clear_pointer (&mine->field, g_ptr_array_unref); \
      mine->field = g_steal_pointer (&theirs->field); \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
    }

/**
 * _ctg_action_update_from:
 * @fresh: the same action read again; its data is taken
 *
 * Brings @self to @fresh's values, notifying each property that changed,
 * once, after all of them are set. Texts @self has not read yet stay
 * unread: they will be read as they are then.
 */
void
_ctg_action_update_from (CtgAction *self,
                         CtgAction *fresh)
{
  CtgActionTexts *mine = self->has_texts ? self->data.texts : NULL;
  CtgActionTexts *theirs = mine != NULL ? TEXTS (fresh) : NULL;

  g_assert (self->id == fresh->id);

  g_object_freeze_notify (G_OBJECT (self));
  if (!same_date (&self->start, &fresh->start))
    {
      self->start = fresh->start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
  if (!same_date (&self->echeance, &fresh->echeance))
    {
      self->echeance = fresh->echeance;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ECHEANCE]);
    }
  TAKE_VALUE (status, PROP_STATUS);
  TAKE_VALUE (progress, PROP_PROGRESS);
  if (mine != NULL)
    {
      TAKE_TEXT (code, PROP_CODE);
      TAKE_TEXT (title, PROP_TITLE);
      TAKE_TEXT (description, PROP_DESCRIPTION);
      TAKE_TEXT (means, PROP_MEANS);
      TAKE_TEXT (notes, PROP_NOTES);
      TAKE_TEXT (modified, PROP_MODIFIED);
      TAKE_LIST (pilots, PROP_PILOTS, same_people);
      TAKE_LIST (partners, PROP_PARTNERS, same_people);
      TAKE_LIST (referents, PROP_REFERENTS, same_people);
      TAKE_LIST (funding, PROP_FUNDING, same_funding);
    }
  TAKE_VALUE (continuous, PROP_CONTINUOUS);
  TAKE_VALUE (budget, PROP_BUDGET);
  TAKE_VALUE (budget_year, PROP_BUDGET_YEAR);
  g_object_thaw_notify (G_OBJECT (self));
}

#undef TAKE_TEXT
#undef TAKE_VALUE
#undef TAKE_LIST

static GPtrArray *
copy_people (GPtrArray *people)
{
  GPtrArray *copy;

  if (people == NULL)
    return NULL;
  copy = g_ptr_array_new_full (people->len, g_free);
  for (guint i = 0; i < people->len; i++)
    g_ptr_array_add (copy, g_memdup2 (g_ptr_array_index (people, i), sizeof (CtgParticipant)));
  return copy;
}

/**
 * _ctg_action_dup:
 *
 * Returns: (transfer full): a snapshot of @self that no edit changes, for
 *   a thread to read while the document's own object follows the edits
 */
CtgAction *
_ctg_action_dup (CtgAction *self)
{
  CtgAction *copy = g_object_new (CTG_TYPE_ACTION, NULL);
  /* Read here, in the thread that owns the document: the copy has no
   * document to read from */
  CtgActionTexts *texts = TEXTS (self);
  CtgActionTexts *to = _ctg_action_texts_new ();

  copy->id = self->id;
  copy->axis_id = self->axis_id;
  copy->objective_id = self->objective_id;
  to->code = g_strdup (texts->code);
  to->title = g_strdup (texts->title);
  to->description = g_strdup (texts->description);
  copy->start = self->start;
  copy->echeance = self->echeance;
  copy->status = self->status;
  copy->progress = self->progress;
  to->means = g_strdup (texts->means);
  to->notes = g_strdup (texts->notes);
  to->created = g_strdup (texts->created);
  to->modified = g_strdup (texts->modified);
  /* Participants' names and roles are interned: a shallow copy holds */
  to->pilots = copy_people (texts->pilots);
  to->partners = copy_people (texts->partners);
  to->referents = copy_people (texts->referents);
  if (texts->funding != NULL)
    {
      to->funding = g_ptr_array_new_full (texts->funding->len, (GDestroyNotify) ctg_funding_free);
      for (guint i = 0; i < texts->funding->len; i++)
        {
          const CtgFunding *f = g_ptr_array_index (texts->funding, i);

          g_ptr_array_add (to->funding, ctg_funding_new (f->funder, f->name, f->amount));
        }
    }
  copy->continuous = self->continuous;
  copy->budget = self->budget;
  copy->budget_year = self->budget_year;
  _ctg_action_take_texts (copy, to);
  return copy;
}

gint64 ctg_action_get_id (CtgAction *self) { return self->id; }
gint64 ctg_action_get_axis_id (CtgAction *self) { return self->axis_id; }
gint64 ctg_action_get_objective_id (CtgAction *self) { return self->objective_id; }
const char *ctg_action_get_code (CtgAction *self) { return TEXTS (self)->code; }
const char *ctg_action_get_title (CtgAction *self) { return TEXTS (self)->title; }
const char *ctg_action_get_description (CtgAction *self) { return TEXTS (self)->description; }
const CtgDate *ctg_action_get_start (CtgAction *self) { return &self->start; }
const CtgDate *ctg_action_get_echeance (CtgAction *self) { return &self->echeance; }
CtgStatus ctg_action_get_status (CtgAction *self) { return self->status; }
/* Empty texts are kept as NULL, for the same reason as the lists */
const char *ctg_action_get_means (CtgAction *self) { return TEXTS (self)->means ? TEXTS (self)->means : ""; }
const char *ctg_action_get_notes (CtgAction *self) { return TEXTS (self)->notes ? TEXTS (self)->notes : ""; }
const char *ctg_action_get_created (CtgAction *self) { return TEXTS (self)->created; }
const char *ctg_action_get_modified (CtgAction *self) { return TEXTS (self)->modified; }

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
  return list_or_empty (TEXTS (self)->pilots);
}

/**
 * ctg_action_get_partners:
 *
 * Returns: (transfer none) (element-type CtgParticipant): the partners, in order
 */
GPtrArray *
ctg_action_get_partners (CtgAction *self)
{
  return list_or_empty (TEXTS (self)->partners);
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
  return list_or_empty (TEXTS (self)->referents);
}

/**
 * ctg_action_get_funding:
 *
 * Returns: (transfer none) (element-type CtgFunding): the funders, in order
 */
GPtrArray *
ctg_action_get_funding (CtgAction *self)
{
  return list_or_empty (TEXTS (self)->funding);
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
 * ctg_status_rollup_progress:
 * @progress: the progress entered, 0-100, or -1 for none
 *
 * What an action at @status and @progress weighs in a roll-up: réalisée
 * counts as 100; à lancer with no progress entered counts as 0 (it has not
 * started, that is known); abandoned actions, and en cours or reportée
 * actions with no progress entered (how far they went is unknown), are
 * left out (-1). The one rule of docs/rollup.md, for today's state and for
 * where an action stood at the end of a year alike.
 */
int
ctg_status_rollup_progress (CtgStatus status,
                            int       progress)
{
  if (status == CTG_STATUS_ABANDONED)
    return -1;
  if (status == CTG_STATUS_DONE)
    return 100;
  if (status == CTG_STATUS_TODO && progress < 0)
    return 0;
  return progress;
}

/**
 * ctg_action_get_rollup_progress:
 *
 * What an action weighs in a roll-up today: ctg_status_rollup_progress()
 * of its status and progress.
 */
int
ctg_action_get_rollup_progress (CtgAction *action)
{
  return ctg_status_rollup_progress (action->status, action->progress);
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

/* The loop of the roll-ups: each action at its state today, or at the end
 * of a year when @year_ends is given */
static void
summarize (GListModel         *actions,
           gint64              objective_id,
           GHashTable         *year_ends,
           CtgProgressSummary *summary)
{
  guint n = g_list_model_get_n_items (actions);
  double total = 0;

  *summary = (CtgProgressSummary) { 0, 0, 0, 0, 0 };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);
      CtgStatus status = action->status;
      int progress = action->progress;

      if (objective_id != 0 && action->objective_id != objective_id)
        continue;

      if (year_ends != NULL)
        {
          const CtgYearEnd *end = g_hash_table_lookup (year_ends, &action->id);

          if (end == NULL)
            {
              summary->left_out++;
              summary->unrecorded++;
              continue;
            }
          status = end->status;
          progress = end->progress;
        }

      progress = ctg_status_rollup_progress (status, progress);
      if (progress < 0)
        {
          summary->left_out++;
          if (status == CTG_STATUS_ABANDONED)
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
  summarize (actions, objective_id, NULL, summary);
}

/**
 * ctg_actions_summarize_year_progress:
 * @year_ends: (element-type gint64 CtgYearEnd): where each action stood at
 *   the end of the year, from ctg_document_read_year_ends()
 *
 * The roll-up of ctg_actions_summarize_progress() over where the actions
 * stood at the end of a year rather than today: an action with no status
 * recorded for the year is left out, and counted as unrecorded, since
 * today's status says nothing of that year.
 */
void
ctg_actions_summarize_year_progress (GListModel         *actions,
                                     GHashTable         *year_ends,
                                     CtgProgressSummary *summary)
{
  g_return_if_fail (year_ends != NULL);

  summarize (actions, 0, year_ends, summary);
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
