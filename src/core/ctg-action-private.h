/* ctg-action-private.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-action.h"

G_BEGIN_DECLS

/* The texts and lists of an action: what a large convention cannot hold
 * for every action at once (about 500 bytes an action with their
 * participants), and its budget, which only the views of one action and
 * the report show. The document's objects read them only when first asked
 * for (see _ctg_document_read_action_texts()). */
typedef struct
{
  char      *code;
  char      *title;
  char      *description;
  char      *means;
  char      *notes;
  char      *created;
  char      *modified;
  GPtrArray *pilots;
  GPtrArray *partners;
  GPtrArray *referents;
  GPtrArray *funding;
  gint64     budget;        /* in cents, or -1 */
  guint      budget_year;   /* or 0 */
} CtgActionTexts;

/* 80 bytes, as before it was an item: a large convention keeps one for each
 * of its actions. The id, the objective (the item's parent) and the
 * document are the item's; its status, continuous flag and progress are
 * kept in the item's spare bytes (_ctg_item_get_kind_data()). */
struct _CtgAction
{
  CtgItem          parent_instance;

  CtgDate          start;
  CtgDate          echeance;
  gint64           axis_id;
  CtgActionTexts  *texts;     /* NULL until read */
};

CtgActionTexts *_ctg_action_texts_new   (void);
CtgActionTexts *_ctg_action_ensure_texts (CtgAction *self);
void _ctg_action_take_texts      (CtgAction          *self,
                                  CtgActionTexts     *texts);
CtgAction *_ctg_action_new       (CtgDocument        *document,
                                  gint64              id,
                                  gint64              objective_id);
void _ctg_action_set_values      (CtgAction          *self,
                                  CtgStatus           status,
                                  int                 progress,
                                  gboolean            continuous);
gboolean _ctg_action_has_texts   (CtgAction          *self);
void _ctg_action_add_participant (CtgAction          *self,
                                  CtgRelation         relation,
                                  const char         *name,
                                  CtgParticipantKind  kind,
                                  const char         *role);
void _ctg_action_add_funding     (CtgAction          *self,
                                  CtgFunding         *funding);
gboolean _ctg_action_update_from (CtgAction          *self,
                                  CtgAction          *fresh);
CtgAction *_ctg_action_dup       (CtgAction          *self);

G_END_DECLS
