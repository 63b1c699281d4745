/* ctg-item-private.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "ctg-change-set.h"
#include "ctg-item.h"

G_BEGIN_DECLS

typedef enum
{
  CTG_VALUE_TEXT,     /* a string, NULL for SQL NULL */
  CTG_VALUE_INT,      /* a gint64, null_value for SQL NULL */
  CTG_VALUE_BOOL,
} CtgValueType;

typedef struct
{
  const char   *column;
  CtgValueType  type;
  gint64        null_value;
} CtgFieldSpec;

typedef struct
{
  const char         *type_name;
  const CtgFieldSpec *fields;   /* ends with a NULL column */
} CtgKindSpec;

extern const CtgKindSpec _ctg_item_specs[CTG_N_ITEM_KINDS];

/* One field's value, its type given by the kind's spec: a GValue would
 * take three times the room, and a plan holds tens of thousands of items */
typedef union
{
  char     *text;      /* owned by the item */
  gint64    number;
  gboolean  flag;
} CtgValue;

/* How the items of a kind that keeps its values its own way give the value
 * of the field of index @field in the kind's spec */
typedef void (*CtgItemGetField) (CtgItem  *self,
                                 guint     field,
                                 CtgValue *value);

void        _ctg_item_class_init_kind  (gpointer         g_class,
                                        CtgItemKind      kind,
                                        CtgItemGetField  get_field);
GParamSpec *_ctg_item_class_get_pspec  (gpointer         g_class,
                                        guint            index);
void        _ctg_item_init_identity    (CtgItem         *self,
                                        CtgDocument     *document,
                                        gint64           id,
                                        gint64           parent_id);
guint8     *_ctg_item_get_kind_data    (CtgItem         *self);
const gint64 *_ctg_item_get_id_location (CtgItem        *self);

/* From an item to its id, for the loops over a plan's actions (sorting,
 * searching by id): set when the first item is made */
extern gssize _ctg_item_id_offset;

static inline gint64
_ctg_item_peek_id (gconstpointer item)
{
  return *(const gint64 *) ((const guint8 *) item + _ctg_item_id_offset);
}

/* The parent's id follows the id */
static inline gint64
_ctg_item_peek_parent_id (gconstpointer item)
{
  return *(const gint64 *) ((const guint8 *) item + _ctg_item_id_offset + sizeof (gint64));
}
gboolean    _ctg_item_set_place        (CtgItem         *self,
                                        gint64           parent_id);

CtgItem  *_ctg_item_new            (CtgDocument  *document,
                                    CtgItemKind   kind,
                                    gint64        id);
gboolean  _ctg_item_load           (CtgItem      *self,
                                    sqlite3_stmt *stmt,
                                    gint64        parent_id);
void      _ctg_item_set_removed    (CtgItem      *self);
void      _ctg_item_forget_document (CtgItem     *self);

/* The list of the items of one kind under one parent */
#define CTG_TYPE_ITEM_LIST (ctg_item_list_get_type ())
G_DECLARE_FINAL_TYPE (CtgItemList, ctg_item_list, CTG, ITEM_LIST, GObject)

CtgItemList *_ctg_item_list_new    (CtgDocument  *document,
                                    CtgItemKind   kind,
                                    gint64        parent_id,
                                    GPtrArray    *items);
CtgItemKind  _ctg_item_list_get_kind   (CtgItemList *self);
gint64       _ctg_item_list_get_parent (CtgItemList *self);
void         _ctg_item_list_update     (CtgItemList *self,
                                        GPtrArray   *items);
void         _ctg_item_list_forget_document (CtgItemList *self);

/* In the document */
void      _ctg_document_forget_item  (CtgDocument  *self,
                                      CtgItem      *item);
void      _ctg_document_forget_list  (CtgDocument  *self,
                                      CtgItemList  *list);
void      _ctg_document_update_items (CtgDocument  *self,
                                      CtgChangeSet *changes);
void      _ctg_document_drop_items   (CtgDocument  *self);

G_END_DECLS
