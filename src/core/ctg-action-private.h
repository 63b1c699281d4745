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
 * participants). The document's shared list reads them only when first
 * asked for (see _ctg_document_read_action_texts()). */
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
} CtgActionTexts;

/* Where an action of the document's shared list reads its texts from:
 * shared by the actions of one document, and cleared when it closes */
typedef struct
{
  gpointer document;  /* (CtgDocument *), not a reference; NULL once closed */
} CtgActionSource;

/* 80 bytes: a large convention keeps one for each of its actions */
struct _CtgAction
{
  GObject          parent_instance;

  gint64           id;
  gint64           axis_id;
  gint64           objective_id;
  CtgDate          start;
  CtgDate          echeance;
  guint8           status;          /* CtgStatus */
  guint8           continuous : 1;
  guint8           has_texts : 1;
  gint16           progress;        /* 0-100, or -1 */
  guint            budget_year;
  gint64           budget;
  /* Until the texts are read (has_texts), where from: an atomic rc box, or
   * NULL; then the texts */
  union {
    CtgActionSource *source;
    CtgActionTexts  *texts;
  } data;
};

CtgActionTexts *_ctg_action_texts_new   (void);
CtgActionTexts *_ctg_action_ensure_texts (CtgAction *self);
void _ctg_action_take_texts      (CtgAction          *self,
                                  CtgActionTexts     *texts);
void _ctg_action_set_source      (CtgAction          *self,
                                  CtgActionSource    *source);
void _ctg_action_add_participant (CtgAction          *self,
                                  CtgRelation         relation,
                                  const char         *name,
                                  CtgParticipantKind  kind,
                                  const char         *role);
void _ctg_action_add_funding     (CtgAction          *self,
                                  CtgFunding         *funding);
void _ctg_action_update_from     (CtgAction          *self,
                                  CtgAction          *fresh);
CtgAction *_ctg_action_dup       (CtgAction          *self);

G_END_DECLS
