/* ctg-item.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Live items: one GObject per row of the document while anyone holds it,
 * with one property per column. One table of columns per kind drives one
 * class per kind, registered at run time, instead of fifteen hand-written
 * classes; actions, of which a plan may hold 100,000, have a class of their
 * own (CtgAction, ctg-action.c) with the same properties, kept in compact
 * fields. The document updates the items after each commit (see
 * ctg-document-items.c); the items only hold and notify. */

#define G_LOG_DOMAIN "ctg-item"

#include "config.h"

#include <string.h>

#include "ctg-item-private.h"
#include "ctg-number.h"

#define TEXT(c)       { c, CTG_VALUE_TEXT, 0 }
#define INT(c, null)  { c, CTG_VALUE_INT, null }
#define BOOL(c)       { c, CTG_VALUE_BOOL, 0 }
#define END           { NULL, 0, 0 }

static const CtgFieldSpec convention_fields[] = {
  TEXT ("title"), TEXT ("territory"), TEXT ("caf"), TEXT ("period_start"), TEXT ("period_end"),
  TEXT ("signed_on"), TEXT ("description"), TEXT ("created"), TEXT ("modified"), TEXT ("lineage"), TEXT ("uuid"), END
};
static const CtgFieldSpec signatory_fields[] = {
  INT ("position", 0), TEXT ("organisation"), TEXT ("representative"), TEXT ("role"), TEXT ("uuid"), END
};
static const CtgFieldSpec body_fields[] = {
  INT ("position", 0), TEXT ("name"), TEXT ("kind"), TEXT ("description"), TEXT ("uuid"), END
};
static const CtgFieldSpec member_fields[] = {
  INT ("body_id", 0), INT ("position", 0), TEXT ("name"), TEXT ("role"), TEXT ("organisation"), TEXT ("uuid"), END
};
static const CtgFieldSpec meeting_fields[] = {
  INT ("body_id", 0), INT ("position", 0), TEXT ("date"), TEXT ("title"), TEXT ("notes"), TEXT ("uuid"), END
};
static const CtgFieldSpec axis_fields[] = {
  INT ("position", 0), TEXT ("code"), TEXT ("title"), TEXT ("description"), TEXT ("uuid"), END
};
static const CtgFieldSpec section_fields[] = {
  INT ("axis_id", 0), TEXT ("kind"), INT ("position", 0), TEXT ("title"), TEXT ("description"), TEXT ("uuid"), END
};
static const CtgFieldSpec objective_fields[] = {
  INT ("axis_id", 0), INT ("theme_id", 0), INT ("enjeu_id", 0), INT ("position", 0), TEXT ("code"),
  TEXT ("title"), TEXT ("description"), TEXT ("uuid"), END
};
static const CtgFieldSpec action_fields[] = {
  INT ("objective_id", 0), INT ("position", 0), TEXT ("code"), TEXT ("title"), TEXT ("description"),
  TEXT ("start"), TEXT ("echeance"), TEXT ("status"), INT ("progress", -1), TEXT ("means"),
  TEXT ("notes"), TEXT ("created"), TEXT ("modified"), BOOL ("continuous"), INT ("budget", -1),
  INT ("budget_year", 0), TEXT ("uuid"), END
};
static const CtgFieldSpec participant_fields[] = {
  INT ("action_id", 0), TEXT ("relation"), INT ("position", 0), TEXT ("name"), TEXT ("kind"),
  TEXT ("role"), TEXT ("uuid"), END
};
static const CtgFieldSpec step_fields[] = {
  INT ("action_id", 0), INT ("position", 0), TEXT ("text"), TEXT ("date"), BOOL ("done"), TEXT ("uuid"), END
};
static const CtgFieldSpec indicator_fields[] = {
  INT ("action_id", 0), INT ("position", 0), TEXT ("name"), TEXT ("target"), TEXT ("uuid"),
  TEXT ("kind"), TEXT ("unit"), TEXT ("baseline"), INT ("baseline_year", 0), TEXT ("target_value"),
  INT ("target_year", 0), END
};
static const CtgFieldSpec indicator_value_fields[] = {
  INT ("indicator_id", 0), INT ("year", 0), TEXT ("value"), TEXT ("uuid"), TEXT ("comment"), END
};
static const CtgFieldSpec action_year_fields[] = {
  INT ("action_id", 0), INT ("year", 0), TEXT ("done"), TEXT ("difficulties"), TEXT ("next_steps"),
  TEXT ("status"), INT ("progress", -1), TEXT ("uuid"), END
};
static const CtgFieldSpec funding_fields[] = {
  INT ("action_id", 0), INT ("position", 0), TEXT ("funder"), TEXT ("name"), INT ("amount", -1), TEXT ("uuid"), END
};
static const CtgFieldSpec evaluation_indicator_fields[] = {
  INT ("position", 0), TEXT ("name"), TEXT ("description"), TEXT ("uuid"), TEXT ("kind"), TEXT ("unit"),
  TEXT ("baseline"), INT ("baseline_year", 0), TEXT ("target_value"), INT ("target_year", 0), END
};
static const CtgFieldSpec assessment_fields[] = {
  INT ("indicator_id", 0), INT ("year", 0), TEXT ("level"), TEXT ("value"), TEXT ("comment"), TEXT ("uuid"),
  TEXT ("measure"), END
};

const CtgKindSpec _ctg_item_specs[CTG_N_ITEM_KINDS] = {
  [CTG_ITEM_CONVENTION]           = { "CtgConventionItem", convention_fields },
  [CTG_ITEM_SIGNATORY]            = { "CtgSignatoryItem", signatory_fields },
  [CTG_ITEM_BODY]                 = { "CtgBodyItem", body_fields },
  [CTG_ITEM_MEMBER]               = { "CtgMemberItem", member_fields },
  [CTG_ITEM_MEETING]              = { "CtgMeetingItem", meeting_fields },
  [CTG_ITEM_AXIS]                 = { "CtgAxisItem", axis_fields },
  [CTG_ITEM_SECTION]              = { "CtgSectionItem", section_fields },
  [CTG_ITEM_OBJECTIVE]            = { "CtgObjectiveItem", objective_fields },
  [CTG_ITEM_ACTION]               = { "CtgAction", action_fields },   /* its own class: ctg-action.c */
  [CTG_ITEM_PARTICIPANT]          = { "CtgParticipantItem", participant_fields },
  [CTG_ITEM_STEP]                 = { "CtgStepItem", step_fields },
  [CTG_ITEM_INDICATOR]            = { "CtgIndicatorItem", indicator_fields },
  [CTG_ITEM_INDICATOR_VALUE]      = { "CtgIndicatorValueItem", indicator_value_fields },
  [CTG_ITEM_ACTION_YEAR]          = { "CtgActionYearItem", action_year_fields },
  [CTG_ITEM_FUNDING]              = { "CtgFundingItem", funding_fields },
  [CTG_ITEM_EVALUATION_INDICATOR] = { "CtgEvaluationIndicatorItem", evaluation_indicator_fields },
  [CTG_ITEM_ASSESSMENT]           = { "CtgAssessmentItem", assessment_fields },
};

/* What a kind's class holds, made once from its spec */
typedef struct
{
  CtgItemKind         kind;
  const CtgFieldSpec *fields;
  guint               n_fields;
  GParamSpec        **pspecs;     /* one per field, property id = index + 1 */
  CtgItemGetField     get_field;  /* for a kind that keeps its values its own way, else NULL */
} KindClass;

typedef CtgValue Value;

/* 28 bytes (32 with GLib's alignment of private data): a large plan holds
 * one item per action. The kind is the class's. */
typedef struct
{
  CtgDocument *document;   /* borrowed: the document forgets its items when it goes */
  gint64       id;
  gint64       parent_id;   /* right after the id: see _ctg_item_get_id_location () */
  guint8       removed;
  guint8       kind_data[3];  /* the kind's own (an action's status, flags and progress) */
} CtgItemPrivate;

/* The items of the kinds made from the table: their values, one per field */
typedef struct
{
  CtgItem  parent_instance;
  Value   *values;
} TableItem;

#define TABLE_VALUES(self) (((TableItem *) (self))->values)

G_DEFINE_TYPE_WITH_PRIVATE (CtgItem, ctg_item, G_TYPE_OBJECT)

gssize _ctg_item_id_offset;

enum {
  PROP_0,
  PROP_ID,
  PROP_PARENT_ID,
  PROP_REMOVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static KindClass *
kind_class (CtgItem *self)
{
  return CTG_ITEM_GET_CLASS (self)->spec;
}

static const char *
property_name (const char *column)
{
  g_autofree char *name = g_strdelimit (g_strdup (column), "_", '-');

  return g_intern_string (name);
}

static void
ctg_item_finalize (GObject *object)
{
  CtgItem *self = CTG_ITEM (object);
  CtgItemPrivate *priv = ctg_item_get_instance_private (self);
  KindClass *klass = kind_class (self);

  if (priv->document != NULL)
    _ctg_document_forget_item (priv->document, self);
  if (klass->get_field == NULL)
    {
      for (guint i = 0; TABLE_VALUES (self) != NULL && i < klass->n_fields; i++)
        if (klass->fields[i].type == CTG_VALUE_TEXT)
          g_free (TABLE_VALUES (self)[i].text);
      g_free (TABLE_VALUES (self));
    }

  G_OBJECT_CLASS (ctg_item_parent_class)->finalize (object);
}

static void
ctg_item_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CtgItem *self = CTG_ITEM (object);
  CtgItemPrivate *priv = ctg_item_get_instance_private (self);

  /* The kinds' own properties: owned by their class, numbered from 1 */
  if (pspec->owner_type != CTG_TYPE_ITEM)
    {
      const Value *field = &TABLE_VALUES (self)[prop_id - 1];

      switch (kind_class (self)->fields[prop_id - 1].type)
        {
        case CTG_VALUE_TEXT: g_value_set_string (value, field->text); break;
        case CTG_VALUE_INT:  g_value_set_int64 (value, field->number); break;
        case CTG_VALUE_BOOL: g_value_set_boolean (value, field->flag); break;
        default: g_assert_not_reached ();
        }
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;
    case PROP_PARENT_ID:
      g_value_set_int64 (value, priv->parent_id);
      break;
    case PROP_REMOVED:
      g_value_set_boolean (value, priv->removed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ctg_item_class_init (CtgItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ctg_item_finalize;
  object_class->get_property = ctg_item_get_property;
  _ctg_item_id_offset = CtgItem_private_offset + G_STRUCT_OFFSET (CtgItemPrivate, id);

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CtgItem:removed:
   *
   * Whether the row is gone from the document (deleted, undone, or gone
   * in another process). A removed item keeps its last values.
   */
  properties[PROP_REMOVED] =
    g_param_spec_boolean ("removed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ctg_item_init (CtgItem *self)
{
}

/**
 * _ctg_item_class_init_kind:
 * @get_field: (nullable): how the kind's items give a field's value, for a
 *   kind that keeps its values its own way (actions); %NULL for the table's
 *
 * Gives a #CtgItem subclass the properties of @kind's columns, numbered
 * from 1 in the order of the kind's spec.
 */
void
_ctg_item_class_init_kind (gpointer         g_class,
                           CtgItemKind      kind,
                           CtgItemGetField  get_field)
{
  GObjectClass *object_class = G_OBJECT_CLASS (g_class);
  KindClass *klass = g_new0 (KindClass, 1);

  klass->kind = kind;
  klass->fields = _ctg_item_specs[kind].fields;
  while (klass->fields[klass->n_fields].column != NULL)
    klass->n_fields++;
  klass->pspecs = g_new0 (GParamSpec *, klass->n_fields);
  klass->get_field = get_field;

  if (get_field == NULL)
    object_class->get_property = ctg_item_get_property;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const CtgFieldSpec *field = &klass->fields[i];
      const char *name = property_name (field->column);
      GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

      switch (field->type)
        {
        case CTG_VALUE_TEXT:
          klass->pspecs[i] = g_param_spec_string (name, NULL, NULL, NULL, flags);
          break;
        case CTG_VALUE_INT:
          klass->pspecs[i] = g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64,
                                                 field->null_value, flags);
          break;
        case CTG_VALUE_BOOL:
          klass->pspecs[i] = g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      g_object_class_install_property (object_class, i + 1, klass->pspecs[i]);
    }
  CTG_ITEM_CLASS (g_class)->spec = klass;
}

static void
kind_class_init (gpointer g_class,
                 gpointer class_data)
{
  _ctg_item_class_init_kind (g_class, GPOINTER_TO_UINT (class_data), NULL);
}

/**
 * _ctg_item_class_get_pspec:
 *
 * Returns: (transfer none): the property of @kind's column @index
 */
GParamSpec *
_ctg_item_class_get_pspec (gpointer g_class,
                           guint    index)
{
  return ((KindClass *) CTG_ITEM_CLASS (g_class)->spec)->pspecs[index];
}

/**
 * ctg_item_type_for_kind:
 *
 * Returns: the #CtgItem subclass of the items of @kind
 */
GType
ctg_item_type_for_kind (CtgItemKind kind)
{
  static gsize types[CTG_N_ITEM_KINDS];

  g_return_val_if_fail (kind < CTG_N_ITEM_KINDS, G_TYPE_INVALID);

  /* Actions keep their values their own way: see ctg-action.c */
  if (kind == CTG_ITEM_ACTION)
    return CTG_TYPE_ACTION;
  if (g_once_init_enter (&types[kind]))
    {
      GTypeInfo info = {
        .class_size = sizeof (CtgItemClass),
        .class_init = kind_class_init,
        .class_data = GUINT_TO_POINTER (kind),
        .instance_size = sizeof (TableItem),
      };
      GType type = g_type_register_static (CTG_TYPE_ITEM, _ctg_item_specs[kind].type_name, &info, 0);

      g_once_init_leave (&types[kind], type);
    }
  return types[kind];
}

CtgItem *
_ctg_item_new (CtgDocument *document,
               CtgItemKind  kind,
               gint64       id)
{
  CtgItem *self = g_object_new (ctg_item_type_for_kind (kind), NULL);
  CtgItemPrivate *priv = ctg_item_get_instance_private (self);
  KindClass *klass = kind_class (self);

  g_assert (klass->get_field == NULL);

  priv->document = document;
  priv->id = id;
  TABLE_VALUES (self) = g_new0 (Value, klass->n_fields);
  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].type == CTG_VALUE_INT)
      TABLE_VALUES (self)[i].number = klass->fields[i].null_value;
  return self;
}

static int
find_column (sqlite3_stmt *stmt,
             const char   *column)
{
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    if (g_str_equal (sqlite3_column_name (stmt, i), column))
      return i;
  return -1;
}

/* Sets one value from the row, TRUE if it changed */
static gboolean
load_value (Value              *value,
            const CtgFieldSpec *field,
            sqlite3_stmt       *stmt,
            int                 column)
{
  gboolean null = column < 0 || sqlite3_column_type (stmt, column) == SQLITE_NULL;

  switch (field->type)
    {
    case CTG_VALUE_TEXT:
      {
        const char *text = null ? NULL : (const char *) sqlite3_column_text (stmt, column);

        if (g_strcmp0 (text, value->text) == 0)
          return FALSE;
        g_free (value->text);
        value->text = g_strdup (text);
        return TRUE;
      }
    case CTG_VALUE_INT:
      {
        gint64 number = null ? field->null_value : sqlite3_column_int64 (stmt, column);

        if (number == value->number)
          return FALSE;
        value->number = number;
        return TRUE;
      }
    case CTG_VALUE_BOOL:
      {
        gboolean flag = !null && sqlite3_column_int64 (stmt, column) != 0;

        if (flag == value->flag)
          return FALSE;
        value->flag = flag;
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

/* Takes the values of the row @stmt stands on (a SELECT * of the kind's
 * table), notifying each property that changed, once. Returns whether any
 * did. */
gboolean
_ctg_item_load (CtgItem      *self,
                sqlite3_stmt *stmt,
                gint64        parent_id)
{
  KindClass *klass = kind_class (self);
  gboolean changed = FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (load_value (&TABLE_VALUES (self)[i], &klass->fields[i], stmt, find_column (stmt, klass->fields[i].column)))
        {
          g_object_notify_by_pspec (G_OBJECT (self), klass->pspecs[i]);
          changed = TRUE;
        }
    }
  changed |= _ctg_item_set_place (self, parent_id);
  g_object_thaw_notify (G_OBJECT (self));
  return changed;
}

/* Sets the parent (notifying), and says the row is there: TRUE if either
 * changed */
gboolean
_ctg_item_set_place (CtgItem *self,
                     gint64   parent_id)
{
  CtgItemPrivate *priv = ctg_item_get_instance_private (self);
  gboolean changed = FALSE;

  if (parent_id != priv->parent_id)
    {
      priv->parent_id = parent_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
      changed = TRUE;
    }
  if (priv->removed)
    {
      priv->removed = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOVED]);
      changed = TRUE;
    }
  return changed;
}

/* For a kind's own class: the item's identity, set once */
void
_ctg_item_init_identity (CtgItem     *self,
                         CtgDocument *document,
                         gint64       id,
                         gint64       parent_id)
{
  CtgItemPrivate *priv = ctg_item_get_instance_private (self);

  priv->document = document;
  priv->id = id;
  priv->parent_id = parent_id;
}

/* Where the id is, for a hash table keyed by it: as long as the item. The
 * parent's id follows it. */
const gint64 *
_ctg_item_get_id_location (CtgItem *self)
{
  CtgItemPrivate *priv = ctg_item_get_instance_private (self);

  return &priv->id;
}

/* The bytes a kind keeps in the item's own room (see CtgItemPrivate) */
guint8 *
_ctg_item_get_kind_data (CtgItem *self)
{
  CtgItemPrivate *priv = ctg_item_get_instance_private (self);

  return priv->kind_data;
}

void
_ctg_item_set_removed (CtgItem *self)
{
  CtgItemPrivate *priv = ctg_item_get_instance_private (self);

  if (priv->removed)
    return;
  priv->removed = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMOVED]);
}

void
_ctg_item_forget_document (CtgItem *self)
{
  CtgItemPrivate *priv = ctg_item_get_instance_private (self);

  priv->document = NULL;
}

CtgItemKind
ctg_item_get_kind (CtgItem *self)
{
  g_return_val_if_fail (CTG_IS_ITEM (self), CTG_N_ITEM_KINDS);

  return kind_class (self)->kind;
}

gint64
ctg_item_get_id (CtgItem *self)
{
  CtgItemPrivate *priv = ctg_item_get_instance_private (self);

  g_return_val_if_fail (CTG_IS_ITEM (self), 0);

  return priv->id;
}

gint64
ctg_item_get_parent_id (CtgItem *self)
{
  CtgItemPrivate *priv = ctg_item_get_instance_private (self);

  g_return_val_if_fail (CTG_IS_ITEM (self), 0);

  return priv->parent_id;
}

gboolean
ctg_item_is_removed (CtgItem *self)
{
  CtgItemPrivate *priv = ctg_item_get_instance_private (self);

  g_return_val_if_fail (CTG_IS_ITEM (self), TRUE);

  return priv->removed;
}

/**
 * ctg_item_get_document:
 *
 * Returns: (transfer none) (nullable): the document, %NULL once it is gone
 */
CtgDocument *
ctg_item_get_document (CtgItem *self)
{
  CtgItemPrivate *priv = ctg_item_get_instance_private (self);

  g_return_val_if_fail (CTG_IS_ITEM (self), NULL);

  return priv->document;
}

/* @scratch: where a kind that keeps its values its own way puts one */
static const Value *
find_value (CtgItem      *self,
            const char   *property,
            CtgValueType  type,
            Value        *scratch)
{
  static const char * const type_names[] = { [CTG_VALUE_TEXT] = "text", [CTG_VALUE_INT] = "whole-number",
                                             [CTG_VALUE_BOOL] = "boolean" };
  KindClass *klass = kind_class (self);
  const char *name = g_intern_string (property);

  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->pspecs[i]->name == name && klass->fields[i].type == type)
      {
        if (klass->get_field == NULL)
          return &TABLE_VALUES (self)[i];
        klass->get_field (self, i, scratch);
        return scratch;
      }
  g_critical ("%s has no %s property %s", G_OBJECT_TYPE_NAME (self), type_names[type], property);
  return NULL;
}

/**
 * ctg_item_get_text:
 *
 * Returns: (nullable): the value of a text property, %NULL when unset
 */
const char *
ctg_item_get_text (CtgItem    *self,
                   const char *property)
{
  const Value *value;
  Value scratch;

  g_return_val_if_fail (CTG_IS_ITEM (self), NULL);

  value = find_value (self, property, CTG_VALUE_TEXT, &scratch);
  return value ? value->text : NULL;
}

gint64
ctg_item_get_int (CtgItem    *self,
                  const char *property)
{
  const Value *value;
  Value scratch;

  g_return_val_if_fail (CTG_IS_ITEM (self), 0);

  value = find_value (self, property, CTG_VALUE_INT, &scratch);
  return value ? value->number : 0;
}

gboolean
ctg_item_get_boolean (CtgItem    *self,
                      const char *property)
{
  const Value *value;
  Value scratch;

  g_return_val_if_fail (CTG_IS_ITEM (self), FALSE);

  value = find_value (self, property, CTG_VALUE_BOOL, &scratch);
  return value ? value->flag : FALSE;
}

/**
 * ctg_item_dup_shown:
 * @property: a text or whole-number property
 * @number: whether the text holds a plain number of the file ("1234.5")
 *
 * A field as a field shows it for typing again, the French way: a number
 * as "1 234,5", a year or count left unset (0) as "", a text as it is.
 *
 * Returns: (transfer full): the text, "" for none
 */
char *
ctg_item_dup_shown (CtgItem    *self,
                    const char *property,
                    gboolean    number)
{
  GParamSpec *pspec;
  double value;

  g_return_val_if_fail (CTG_IS_ITEM (self), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);
  g_return_val_if_fail (pspec != NULL, NULL);

  if (pspec->value_type == G_TYPE_INT64)
    {
      gint64 whole = ctg_item_get_int (self, property);

      return whole != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, whole) : g_strdup ("");
    }
  if (number)
    return ctg_number_from_plain (ctg_item_get_text (self, property), &value) ? ctg_number_format (value)
                                                                               : g_strdup ("");
  return g_strdup (ctg_item_get_text (self, property) ? ctg_item_get_text (self, property) : "");
}

/**
 * ctg_item_set:
 * @property: a property ("title", "period-start", ...)
 * @value: (nullable): the new value as the user typed it
 *
 * Checks and commits a new value through ctg_document_set(): the item, and
 * every view of it, then follow from the commit.
 */
gboolean
ctg_item_set (CtgItem     *self,
              const char  *property,
              const char  *value,
              GError     **error)
{
  CtgItemPrivate *priv = ctg_item_get_instance_private (self);
  g_autofree char *column = NULL;

  g_return_val_if_fail (CTG_IS_ITEM (self), FALSE);
  g_return_val_if_fail (priv->document != NULL, FALSE);

  column = g_strdelimit (g_strdup (property), "-", '_');
  return ctg_document_set (priv->document, ctg_item_get_kind (self), priv->id, column, value, error);
}

const char *
ctg_item_get_title (CtgItem *self)
{
  return ctg_item_get_text (self, "title");
}

/**
 * ctg_document_dup_title:
 *
 * For a label made once (a dialog, a heading): the title of the item of
 * @kind and @id, read from its live object. What stays on screen follows
 * the item instead (notify::title).
 *
 * Returns: (transfer full) (nullable): the title, %NULL for no such item
 */
char *
ctg_document_dup_title (CtgDocument *document,
                        CtgItemKind  kind,
                        gint64       id)
{
  g_autoptr(CtgItem) item = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (document), NULL);

  item = ctg_document_get_item (document, kind, id);
  return item != NULL ? g_strdup (ctg_item_get_title (item)) : NULL;
}

CtgStatus
ctg_item_get_status (CtgItem *self)
{
  CtgStatus status = CTG_STATUS_TODO;

  ctg_status_from_key (ctg_item_get_text (self, "status"), &status);
  return status;
}

/**
 * ctg_item_get_progress:
 *
 * Returns: an action's progress in percent, -1 when not given
 */
int
ctg_item_get_progress (CtgItem *self)
{
  return (int) ctg_item_get_int (self, "progress");
}

/* The list of the items of one kind under one parent */

struct _CtgItemList
{
  GObject      parent_instance;

  CtgDocument *document;   /* borrowed, as for items */
  CtgItemKind  kind;
  gint64       parent_id;
  GPtrArray   *items;      /* CtgItem, in the document's order */
};

static void ctg_item_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtgItemList, ctg_item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ctg_item_list_model_init))

static GType
ctg_item_list_get_item_type (GListModel *model)
{
  return ctg_item_type_for_kind (CTG_ITEM_LIST (model)->kind);
}

static guint
ctg_item_list_get_n_items (GListModel *model)
{
  return CTG_ITEM_LIST (model)->items->len;
}

static gpointer
ctg_item_list_get_item (GListModel *model,
                        guint       position)
{
  CtgItemList *self = CTG_ITEM_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
ctg_item_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ctg_item_list_get_item_type;
  iface->get_n_items = ctg_item_list_get_n_items;
  iface->get_item = ctg_item_list_get_item;
}

static void
ctg_item_list_finalize (GObject *object)
{
  CtgItemList *self = CTG_ITEM_LIST (object);

  if (self->document != NULL)
    _ctg_document_forget_list (self->document, self);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (ctg_item_list_parent_class)->finalize (object);
}

static void
ctg_item_list_class_init (CtgItemListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ctg_item_list_finalize;
}

static void
ctg_item_list_init (CtgItemList *self)
{
}

CtgItemList *
_ctg_item_list_new (CtgDocument *document,
                    CtgItemKind  kind,
                    gint64       parent_id,
                    GPtrArray   *items)
{
  CtgItemList *self = g_object_new (CTG_TYPE_ITEM_LIST, NULL);

  self->document = document;
  self->kind = kind;
  self->parent_id = parent_id;
  self->items = g_ptr_array_ref (items);
  return self;
}

CtgItemKind
_ctg_item_list_get_kind (CtgItemList *self)
{
  return self->kind;
}

gint64
_ctg_item_list_get_parent (CtgItemList *self)
{
  return self->parent_id;
}

void
_ctg_item_list_forget_document (CtgItemList *self)
{
  self->document = NULL;
}

static gboolean
contains (GPtrArray *items,
          gpointer   item)
{
  return g_ptr_array_find (items, item, NULL);
}

static guint
index_of (GPtrArray *items,
          gpointer   item)
{
  guint index = G_MAXUINT;

  g_ptr_array_find (items, item, &index);
  return index;
}

/**
 * _ctg_item_list_update:
 * @items: (element-type CtgItem): the items the list holds now, in order
 *
 * Brings the list to @items, emitting #GListModel::items-changed for each
 * item that went, moved or came, at its exact position: a view keeps the
 * rows of the items that stayed.
 */
void
_ctg_item_list_update (CtgItemList *self,
                       GPtrArray   *items)
{
  GPtrArray *now = self->items;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  /* Those that went, a run at a time */
  for (guint i = 0; i < now->len;)
    {
      guint n = 0;

      while (i + n < now->len && !contains (items, g_ptr_array_index (now, i + n)))
        n++;
      if (n == 0)
        {
          i++;
          continue;
        }
      g_ptr_array_remove_range (now, i, n);
      g_list_model_items_changed (G_LIST_MODEL (self), i, n, 0);
    }

  /* Those that moved: the order of the new list, restricted to the kept */
  for (guint i = 0; i < items->len; i++)
    if (contains (now, g_ptr_array_index (items, i)))
      g_ptr_array_add (kept, g_ptr_array_index (items, i));
  g_assert (kept->len == now->len);
  for (guint i = 0; i < now->len;)
    {
      gpointer here = g_ptr_array_index (now, i);
      gpointer wanted = g_ptr_array_index (kept, i);
      gpointer moving;
      guint from;
      guint to;

      if (here == wanted)
        {
          i++;
          continue;
        }
      /* The items before i are in place, so both choices put the right one
       * at i. One item moved later pulls the next ones up one place: move
       * it, not each of them. */
      if (i + 1 < now->len && g_ptr_array_index (now, i + 1) == wanted)
        {
          moving = here;
          from = i;
          to = index_of (kept, here);
        }
      else
        {
          moving = wanted;
          from = index_of (now, wanted);
          to = i;
        }
      g_ptr_array_steal_index (now, from);
      g_list_model_items_changed (G_LIST_MODEL (self), from, 1, 0);
      g_ptr_array_insert (now, to, moving);
      g_list_model_items_changed (G_LIST_MODEL (self), to, 0, 1);
    }

  /* Those that came, at their place */
  for (guint i = 0; i < items->len;)
    {
      guint n = 0;

      while (i + n < items->len && !contains (now, g_ptr_array_index (items, i + n)))
        n++;
      if (n == 0)
        {
          i++;
          continue;
        }
      for (guint j = 0; j < n; j++)
        g_ptr_array_insert (now, i + j, g_object_ref (g_ptr_array_index (items, i + j)));
      g_list_model_items_changed (G_LIST_MODEL (self), i, 0, n);
      i += n;
    }
}
