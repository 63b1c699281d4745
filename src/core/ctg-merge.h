/* ctg-merge.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ctg-document.h"

G_BEGIN_DECLS

typedef enum
{
  CTG_MERGE_UNRESOLVED,
  CTG_MERGE_OURS,
  CTG_MERGE_THEIRS,
} CtgMergeChoice;

typedef enum
{
  CTG_MERGE_CONFLICT_FIELD,   /* one field changed differently on each side */
  CTG_MERGE_CONFLICT_DELETE,  /* deleted on one side, changed on the other */
  CTG_MERGE_CONFLICT_ORDER,   /* a list reordered differently on each side */
} CtgMergeConflictType;

typedef struct
{
  CtgMergeConflictType type;
  CtgItemKind          kind;     /* the item (ORDER: the kind of the items reordered) */
  char                *uuid;     /* the item (ORDER: their parent, "" for a top list) */
  char                *field;    /* FIELD: the column; ORDER: the relation of participants */
  char                *label;    /* the item, for people: "Action « FA 1.2 … »" */
  char                *field_label;
  char                *base;     /* the values, for people; NULL: deleted */
  char                *ours;
  char                *theirs;
  CtgMergeChoice       choice;
} CtgMergeConflict;

#define CTG_TYPE_MERGE (ctg_merge_get_type ())

G_DECLARE_FINAL_TYPE (CtgMerge, ctg_merge, CTG, MERGE, GObject)

CtgMerge   *ctg_merge_new            (CtgDocument     *ours,
                                      const char      *theirs_path,
                                      GError         **error);
GPtrArray  *ctg_merge_get_changes    (CtgMerge        *self);
GPtrArray  *ctg_merge_get_conflicts  (CtgMerge        *self);
guint       ctg_merge_count_unresolved (CtgMerge      *self);
void        ctg_merge_choose         (CtgMerge        *self,
                                      guint            conflict,
                                      CtgMergeChoice   choice);
void        ctg_merge_choose_all     (CtgMerge        *self,
                                      CtgMergeChoice   choice);
gboolean    ctg_merge_apply          (CtgMerge        *self,
                                      GError         **error);

G_END_DECLS
