/* ctg-participant-list.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_PARTICIPANT_LIST (ctg_participant_list_get_type ())

G_DECLARE_FINAL_TYPE (CtgParticipantList, ctg_participant_list, CTG, PARTICIPANT_LIST, GtkWidget)

GtkWidget *ctg_participant_list_new              (void);
void       ctg_participant_list_set_relation     (CtgParticipantList *self,
                                                  CtgRelation         relation);
void       ctg_participant_list_set_participants (CtgParticipantList *self,
                                                  GPtrArray          *participants,
                                                  gboolean            force);
void       ctg_participant_list_set_names        (CtgParticipantList *self,
                                                  const char * const *names);
void       ctg_participant_list_set_editable     (CtgParticipantList *self,
                                                  gboolean            editable);
void       ctg_participant_list_reset            (CtgParticipantList *self);
void       ctg_participant_list_show_error       (CtgParticipantList *self,
                                                  const char         *message);
void       ctg_participant_list_clear_message    (CtgParticipantList *self);

G_END_DECLS
