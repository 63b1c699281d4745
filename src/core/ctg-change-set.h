/* ctg-change-set.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ctg-document.h"

G_BEGIN_DECLS

/**
 * CtgRowOp:
 * @CTG_ROW_INSERTED: the row is new
 * @CTG_ROW_REMOVED: the row is gone
 * @CTG_ROW_UPDATED: some of its fields changed (see #CtgRowChange.fields)
 */
typedef enum
{
  CTG_ROW_INSERTED,
  CTG_ROW_REMOVED,
  CTG_ROW_UPDATED,
} CtgRowOp;

/**
 * CtgRowChange:
 * @kind: the kind of the row
 * @id: its id
 * @parent_id: its parent (the axis of an objective, the action of a step,
 *   ...) after the change, or before it for a removed row; 0 for kinds
 *   without a parent
 * @old_parent_id: its parent before the change (differs from @parent_id
 *   when the row went to another parent)
 * @op: what happened to it
 * @moved: its place among its siblings may have changed (a position, its
 *   parent or a field its siblings are ordered by)
 * @fields: (element-type utf8): for an update, the columns written, each
 *   once, as interned strings
 *
 * What one transaction did to one row, all its writes merged.
 */
typedef struct
{
  CtgItemKind  kind;
  gint64       id;
  gint64       parent_id;
  gint64       old_parent_id;
  CtgRowOp     op;
  gboolean     moved;
  GPtrArray   *fields;
} CtgRowChange;

typedef struct _CtgChangeSet CtgChangeSet;

#define CTG_TYPE_CHANGE_SET (ctg_change_set_get_type ())

GType               ctg_change_set_get_type          (void) G_GNUC_CONST;
CtgChangeSet       *ctg_change_set_new               (void);
CtgChangeSet       *ctg_change_set_ref               (CtgChangeSet       *self);
void                ctg_change_set_unref             (CtgChangeSet       *self);
void                ctg_change_set_add               (CtgChangeSet       *self,
                                                      const CtgRowChange *write,
                                                      const char         *field);
void                ctg_change_set_reload_kind       (CtgChangeSet       *self,
                                                      CtgItemKind         kind);
void                ctg_change_set_reload_all        (CtgChangeSet       *self);
gboolean            ctg_change_set_is_empty          (CtgChangeSet       *self);
guint               ctg_change_set_get_n_rows        (CtgChangeSet       *self);
const CtgRowChange *ctg_change_set_get_row           (CtgChangeSet       *self,
                                                      guint               index);
const CtgRowChange *ctg_change_set_find              (CtgChangeSet       *self,
                                                      CtgItemKind         kind,
                                                      gint64              id);
gboolean            ctg_change_set_is_kind_reloaded  (CtgChangeSet       *self,
                                                      CtgItemKind         kind);
gboolean            ctg_change_set_is_all_reloaded   (CtgChangeSet       *self);
gboolean            ctg_change_set_touches_kind      (CtgChangeSet       *self,
                                                      CtgItemKind         kind);
gboolean            ctg_row_change_has_field         (const CtgRowChange *change,
                                                      const char         *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtgChangeSet, ctg_change_set_unref)

G_END_DECLS
