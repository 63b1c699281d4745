/* ctg-action-private.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-action.h"

G_BEGIN_DECLS

struct _CtgAction
{
  GObject    parent_instance;

  gint64     id;
  gint64     axis_id;
  gint64     objective_id;
  char      *code;
  char      *title;
  char      *description;
  CtgDate    start;
  CtgDate    echeance;
  CtgStatus  status;
  int        progress;
  char      *means;
  char      *notes;
  char      *created;
  char      *modified;
  GPtrArray *pilots;
  GPtrArray *partners;
  GPtrArray *referents;
  GPtrArray *funding;
  gboolean   continuous;
  gint64     budget;
  guint      budget_year;
};

void _ctg_action_add_participant (CtgAction          *self,
                                  CtgRelation         relation,
                                  const char         *name,
                                  CtgParticipantKind  kind,
                                  const char         *role);
void _ctg_action_add_interned_participant (CtgAction          *self,
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
