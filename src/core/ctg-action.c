/* ctg-action.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-action"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ctg-action-private.h"
#include "ctg-document-private.h"
#include "ctg-item-private.h"

G_DEFINE_FINAL_TYPE (CtgAction, ctg_action, CTG_TYPE_ITEM)

/* The properties of the action's columns, numbered from 1 in the order of
 * action_fields in ctg-item.c (checked in class_init), then its lists */
enum {
  PROP_0,
  PROP_OBJECTIVE_ID,
  PROP_POSITION,
  PROP_CODE,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_START,
  PROP_ECHEANCE,
  PROP_STATUS,
  PROP_PROGRESS,
  PROP_MEANS,
  PROP_NOTES,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_CONTINUOUS,
  PROP_BUDGET,
  PROP_BUDGET_YEAR,
  PROP_UUID,
  N_COLUMN_PROPS,
  PROP_PILOTS = N_COLUMN_PROPS,
  PROP_PARTNERS,
  PROP_REFERENTS,
  PROP_FUNDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const column_names[N_COLUMN_PROPS] = {
  NULL, "objective-id", "position", "code", "title", "description", "start", "echeance", "status",
  "progress", "means", "notes", "created", "modified", "continuous", "budget", "budget-year", "uuid",
};

/* What the action keeps in the item's spare bytes */
enum {
  DATA_STATUS,
  DATA_FLAGS,
  DATA_PROGRESS,
};
#define FLAG_CONTINUOUS 1

static inline guint8 *
kind_data (CtgAction *self)
{
  return _ctg_item_get_kind_data ((CtgItem *) self);
}

static inline CtgStatus
get_status (CtgAction *self)
{
  return kind_data (self)[DATA_STATUS];
}

static inline int
get_progress (CtgAction *self)
{
  return (gint8) kind_data (self)[DATA_PROGRESS];
}

static inline gboolean
get_continuous (CtgAction *self)
{
  return (kind_data (self)[DATA_FLAGS] & FLAG_CONTINUOUS) != 0;
}

void
_ctg_action_set_values (CtgAction *self,
                        CtgStatus  status,
                        int        progress,
                        gboolean   continuous)
{
  guint8 *data = kind_data (self);

  data[DATA_STATUS] = status;
  data[DATA_PROGRESS] = (guint8) (gint8) CLAMP (progress, -1, 100);
  data[DATA_FLAGS] = continuous ? FLAG_CONTINUOUS : 0;
}

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

  g_clear_pointer (&self->texts, texts_free);

  G_OBJECT_CLASS (ctg_action_parent_class)->finalize (object);
}

CtgActionTexts *
_ctg_action_texts_new (void)
{
  CtgActionTexts *texts = g_new0 (CtgActionTexts, 1);

  texts->budget = -1;
  return texts;
}

gboolean
_ctg_action_has_texts (CtgAction *self)
{
  return self->texts != NULL;
}

/* The texts of @self, read from its document when first asked for. An
 * action whose document is closed, or whose row is gone, has empty texts. */
CtgActionTexts *
_ctg_action_ensure_texts (CtgAction *self)
{
  CtgDocument *document = ctg_item_get_document (CTG_ITEM (self));

  if (self->texts == NULL && document != NULL)
    _ctg_document_read_action_texts (document, self);
  if (self->texts == NULL)
    {
      CtgActionTexts *texts = _ctg_action_texts_new ();

      texts->code = g_strdup ("");
      texts->title = g_strdup ("");
      texts->description = g_strdup ("");
      texts->created = g_strdup ("");
      texts->modified = g_strdup ("");
      _ctg_action_take_texts (self, texts);
    }
  return self->texts;
}

/* @texts: (transfer full) (nullable): @self's texts, after which it reads
 * nothing more; %NULL to read them again when next asked for */
void
_ctg_action_take_texts (CtgAction      *self,
                        CtgActionTexts *texts)
{
  g_clear_pointer (&self->texts, texts_free);
  self->texts = texts;
}

#define TEXTS(self) ((self)->texts != NULL ? (self)->texts : _ctg_action_ensure_texts (self))

/**
 * _ctg_action_new:
 * @document: (nullable): the document whose live object it is, %NULL for
 *   a snapshot
 *
 * Returns: (transfer full): an action with no values yet
 */
CtgAction *
_ctg_action_new (CtgDocument *document,
                 gint64       id,
                 gint64       objective_id)
{
  CtgAction *self = g_object_new (CTG_TYPE_ACTION, NULL);

  _ctg_item_init_identity (CTG_ITEM (self), document, id, objective_id);
  return self;
}

/* A date as its column holds it: interned, as a plan has few distinct ones */
static const char *
date_text (const CtgDate *date)
{
  g_autofree char *iso = NULL;

  if (!ctg_date_is_set (date))
    return NULL;
  iso = ctg_date_to_iso (date);
  return g_intern_string (iso);
}

/* The row's uuid, read when first asked for: it never changes */
static const char *
get_uuid (CtgAction *self)
{
  static GQuark quark;
  CtgDocument *document = ctg_item_get_document (CTG_ITEM (self));
  char *uuid;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("ctg-action-uuid");
  uuid = g_object_get_qdata (G_OBJECT (self), quark);
  if (uuid == NULL && document != NULL && document->db != NULL)
    {
      uuid = _ctg_document_query_text (document, "SELECT uuid FROM action WHERE id = ?1",
                                       ctg_item_get_id (CTG_ITEM (self)));
      g_object_set_qdata_full (G_OBJECT (self), quark, uuid, g_free);
    }
  return uuid;
}

/* The generic getters of CtgItem (ctg_item_get_text () and the others),
 * answered from the action's own fields: no value per column is kept */
static void
action_get_field (CtgItem  *item,
                  guint     field,
                  CtgValue *value)
{
  CtgAction *self = CTG_ACTION (item);
  CtgDocument *document = ctg_item_get_document (item);

  switch (field + 1)
    {
    case PROP_OBJECTIVE_ID: value->number = ctg_item_get_parent_id (item); break;
    /* Read when asked for: it changes with every move of a sibling */
    case PROP_POSITION:
      value->number = document != NULL && document->db != NULL ? _ctg_document_query_int (document, "SELECT position FROM action WHERE id = ?1",
                                                                   ctg_item_get_id (item), 0, 0)
                                       : 0;
      break;
    case PROP_CODE: value->text = TEXTS (self)->code; break;
    case PROP_TITLE: value->text = TEXTS (self)->title; break;
    case PROP_DESCRIPTION: value->text = TEXTS (self)->description; break;
    case PROP_START: value->text = (char *) date_text (&self->start); break;
    case PROP_ECHEANCE: value->text = (char *) date_text (&self->echeance); break;
    case PROP_STATUS: value->text = (char *) ctg_status_to_key (get_status (self)); break;
    case PROP_PROGRESS: value->number = get_progress (self); break;
    case PROP_MEANS: value->text = TEXTS (self)->means; break;
    case PROP_NOTES: value->text = TEXTS (self)->notes; break;
    case PROP_CREATED: value->text = TEXTS (self)->created; break;
    case PROP_MODIFIED: value->text = TEXTS (self)->modified; break;
    case PROP_CONTINUOUS: value->flag = get_continuous (self); break;
    case PROP_BUDGET: value->number = TEXTS (self)->budget; break;
    case PROP_BUDGET_YEAR: value->number = TEXTS (self)->budget_year; break;
    case PROP_UUID: value->text = (char *) get_uuid (self); break;
    default: g_assert_not_reached ();
    }
}

static void
ctg_action_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CtgAction *self = CTG_ACTION (object);
  CtgValue field;

  if (pspec->owner_type != CTG_TYPE_ACTION)
    {
      G_OBJECT_CLASS (ctg_action_parent_class)->get_property (object, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_PILOTS: g_value_set_pointer (value, ctg_action_get_pilots (self)); return;
    case PROP_PARTNERS: g_value_set_pointer (value, ctg_action_get_partners (self)); return;
    case PROP_REFERENTS: g_value_set_pointer (value, ctg_action_get_referents (self)); return;
    case PROP_FUNDING: g_value_set_pointer (value, ctg_action_get_funding (self)); return;
    default: break;
    }

  action_get_field (CTG_ITEM (self), prop_id - 1, &field);
  if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING)
    g_value_set_string (value, field.text);
  else if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_INT64)
    g_value_set_int64 (value, field.number);
  else
    g_value_set_boolean (value, field.flag);
}

static void
ctg_action_class_init (CtgActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ctg_action_finalize;
  object_class->get_property = ctg_action_get_property;

  _ctg_item_class_init_kind (klass, CTG_ITEM_ACTION, action_get_field);
  for (guint i = 1; i < N_COLUMN_PROPS; i++)
    {
      properties[i] = _ctg_item_class_get_pspec (klass, i - 1);
      g_assert (g_str_equal (properties[i]->name, column_names[i]));
    }
  properties[PROP_PILOTS] = g_param_spec_pointer ("pilots", NULL, NULL, flags);
  properties[PROP_PARTNERS] = g_param_spec_pointer ("partners", NULL, NULL, flags);
  properties[PROP_REFERENTS] = g_param_spec_pointer ("referents", NULL, NULL, flags);
  properties[PROP_FUNDING] = g_param_spec_pointer ("funding", NULL, NULL, flags);
  for (guint i = PROP_PILOTS; i < N_PROPS; i++)
    g_object_class_install_property (object_class, i, properties[i]);
}

static void
ctg_action_init (CtgAction *self)
{
  _ctg_action_set_values (self, CTG_STATUS_TODO, -1, FALSE);
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

/* Notifies @prop, and remembers that something changed */
#define CHANGED(prop) \
  G_STMT_START { g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); changed = TRUE; } G_STMT_END
#define TAKE_TEXT(field, prop) \
  if (g_strcmp0 (mine->field, theirs->field) != 0) \
    { \
      g_free (mine->field); \
      mine->field = g_steal_pointer (&theirs->field); \
      CHANGED (prop); \
    }
#define TAKE_NUMBER(field, prop) \
  if (mine->field != theirs->field) \
    { \
      mine->field = theirs->field; \
      CHANGED (prop); \
    }
#define TAKE_LIST(field, prop, same) \
  if (!same (mine->field, theirs->field)) \
    { \
      g_clear_pointer (&mine->field, g_ptr_array_unref); \
      mine->field = g_steal_pointer (&theirs->field); \
      CHANGED (prop); \
    }

/**
 * _ctg_action_update_from:
 * @fresh: the same action read again, whole or its values only; its data
 *   is taken
 *
 * Brings @self to @fresh's values, its place in the plan included,
 * notifying each property that changed, once, after all of them are set,
 * and says the row is there. Texts @self has not read yet stay unread:
 * they will be read as they are then.
 *
 * Returns: whether anything changed
 */
gboolean
_ctg_action_update_from (CtgAction *self,
                         CtgAction *fresh)
{
  /* The texts, if both have them: a fresh read of the values alone (the
   * list's) leaves them as they are */
  CtgActionTexts *mine = fresh->texts != NULL ? self->texts : NULL;
  CtgActionTexts *theirs = fresh->texts;
  gint64 objective_id = ctg_action_get_objective_id (fresh);
  gboolean changed = FALSE;

  g_assert (ctg_action_get_id (self) == ctg_action_get_id (fresh));

  /* The list read again after a change of the plan brings every action's
   * values, mostly the same: no notification to freeze for those */
  if (theirs == NULL && objective_id == ctg_action_get_objective_id (self) &&
      !ctg_item_is_removed (CTG_ITEM (self)) && same_date (&self->start, &fresh->start) &&
      same_date (&self->echeance, &fresh->echeance) && memcmp (kind_data (self), kind_data (fresh), 3) == 0)
    {
      self->axis_id = fresh->axis_id;
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (objective_id != ctg_item_get_parent_id (CTG_ITEM (self)))
    CHANGED (PROP_OBJECTIVE_ID);
  changed |= _ctg_item_set_place (CTG_ITEM (self), objective_id);
  self->axis_id = fresh->axis_id;
  if (!same_date (&self->start, &fresh->start))
    {
      self->start = fresh->start;
      CHANGED (PROP_START);
    }
  if (!same_date (&self->echeance, &fresh->echeance))
    {
      self->echeance = fresh->echeance;
      CHANGED (PROP_ECHEANCE);
    }
  if (get_status (self) != get_status (fresh))
    CHANGED (PROP_STATUS);
  if (get_progress (self) != get_progress (fresh))
    CHANGED (PROP_PROGRESS);
  if (get_continuous (self) != get_continuous (fresh))
    CHANGED (PROP_CONTINUOUS);
  _ctg_action_set_values (self, get_status (fresh), get_progress (fresh), get_continuous (fresh));
  if (mine != NULL)
    {
      TAKE_TEXT (code, PROP_CODE);
      TAKE_TEXT (title, PROP_TITLE);
      TAKE_TEXT (description, PROP_DESCRIPTION);
      TAKE_TEXT (means, PROP_MEANS);
      TAKE_TEXT (notes, PROP_NOTES);
      TAKE_TEXT (created, PROP_CREATED);
      TAKE_TEXT (modified, PROP_MODIFIED);
      TAKE_LIST (pilots, PROP_PILOTS, same_people);
      TAKE_LIST (partners, PROP_PARTNERS, same_people);
      TAKE_LIST (referents, PROP_REFERENTS, same_people);
      TAKE_LIST (funding, PROP_FUNDING, same_funding);
      TAKE_NUMBER (budget, PROP_BUDGET);
      TAKE_NUMBER (budget_year, PROP_BUDGET_YEAR);
    }
  g_object_thaw_notify (G_OBJECT (self));
  return changed;
}

#undef CHANGED
#undef TAKE_TEXT
#undef TAKE_NUMBER
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
  CtgAction *copy = _ctg_action_new (NULL, ctg_item_get_id (CTG_ITEM (self)), ctg_item_get_parent_id (CTG_ITEM (self)));
  /* Read here, in the thread that owns the document: the copy has no
   * document to read from */
  CtgActionTexts *texts = TEXTS (self);
  CtgActionTexts *to = _ctg_action_texts_new ();

  copy->axis_id = self->axis_id;
  to->code = g_strdup (texts->code);
  to->title = g_strdup (texts->title);
  to->description = g_strdup (texts->description);
  copy->start = self->start;
  copy->echeance = self->echeance;
  _ctg_action_set_values (copy, get_status (self), get_progress (self), get_continuous (self));
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
  to->budget = texts->budget;
  to->budget_year = texts->budget_year;
  _ctg_action_take_texts (copy, to);
  return copy;
}

/* Unchecked: the lists sort and search a plan's actions by these */
gint64 ctg_action_get_id (CtgAction *self) { return _ctg_item_peek_id (self); }
gint64 ctg_action_get_axis_id (CtgAction *self) { return self->axis_id; }
gint64 ctg_action_get_objective_id (CtgAction *self) { return _ctg_item_peek_parent_id (self); }
const char *ctg_action_get_code (CtgAction *self) { return TEXTS (self)->code; }
const char *ctg_action_get_title (CtgAction *self) { return TEXTS (self)->title; }
const char *ctg_action_get_description (CtgAction *self) { return TEXTS (self)->description; }
const CtgDate *ctg_action_get_start (CtgAction *self) { return &self->start; }
const CtgDate *ctg_action_get_echeance (CtgAction *self) { return &self->echeance; }
CtgStatus ctg_action_get_status (CtgAction *self) { return get_status (self); }
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
  return get_progress (self);
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
  return get_continuous (self);
}

/**
 * ctg_action_get_budget:
 *
 * Returns: the budget in cents, or -1 when none was entered
 */
gint64
ctg_action_get_budget (CtgAction *self)
{
  return TEXTS (self)->budget;
}

/**
 * ctg_action_get_budget_year:
 *
 * Returns: the year of the budget, or 0
 */
guint
ctg_action_get_budget_year (CtgAction *self)
{
  return TEXTS (self)->budget_year;
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
  if (get_continuous (self))
    return FALSE;
  if (get_status (self) == CTG_STATUS_DONE || get_status (self) == CTG_STATUS_ABANDONED)
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
  return ctg_status_rollup_progress (get_status (action), get_progress (action));
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
  if (get_status (action) == CTG_STATUS_DONE)
    return 100;
  return get_progress (action);
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
      CtgStatus status = get_status (action);
      int progress = get_progress (action);
      gint64 id = ctg_action_get_id (action);

      if (objective_id != 0 && ctg_action_get_objective_id (action) != objective_id)
        continue;

      if (year_ends != NULL)
        {
          const CtgYearEnd *end = g_hash_table_lookup (year_ends, &id);

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

  if (ctg_action_get_budget_year (action) != 0 && ctg_action_get_budget_year (action) != year)
    return FALSE;
  if (ctg_action_get_budget (action) > 0)
    sums[0] += ctg_action_get_budget (action);
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

  if (!ctg_date_is_set (&action->echeance) || get_status (action) == CTG_STATUS_DONE ||
      get_status (action) == CTG_STATUS_ABANDONED || ctg_action_is_overdue (action, from))
    return FALSE;
  ctg_due_soon_until (from, &until);
  first = ctg_date_first_day (&action->echeance);
  last = ctg_date_last_day (&action->echeance);
  return g_date_compare (last, from) >= 0 && g_date_compare (first, &until) <= 0;
}
