/* ctg-participant.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CTG_PARTICIPANT_PERSON,
  CTG_PARTICIPANT_ORGANISATION,
} CtgParticipantKind;

typedef enum
{
  CTG_RELATION_PILOT,
  CTG_RELATION_PARTNER,
  CTG_RELATION_REFERENT,
} CtgRelation;

/**
 * CtgParticipant:
 * @name: "Pascale ROCHAS" or "Caf de la Drôme"
 * @kind: a person or an organisation
 * @role: "coordinatrice PE, CCBDP", may be empty
 *
 * A pilot or a partner of an action.
 */
typedef struct
{
  char               *name;
  CtgParticipantKind  kind;
  char               *role;
} CtgParticipant;

#define CTG_TYPE_PARTICIPANT (ctg_participant_get_type ())

GType           ctg_participant_get_type     (void) G_GNUC_CONST;
CtgParticipant *ctg_participant_new          (const char           *name,
                                              CtgParticipantKind    kind,
                                              const char           *role);
CtgParticipant *ctg_participant_parse        (const char           *text);
CtgParticipant *ctg_participant_copy         (const CtgParticipant *self);
void            ctg_participant_free         (CtgParticipant       *self);
char           *ctg_participant_to_string    (const CtgParticipant *self);
gboolean        ctg_participant_equal        (const CtgParticipant *a,
                                              const CtgParticipant *b);
CtgParticipantKind ctg_participant_guess_kind (const char          *name);
const char     *ctg_participant_kind_to_key  (CtgParticipantKind    kind);
CtgParticipantKind ctg_participant_kind_from_key (const char       *key);
const char     *ctg_relation_to_key          (CtgRelation           relation);
CtgRelation     ctg_relation_from_key        (const char           *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtgParticipant, ctg_participant_free)

GStrv ctg_participant_names_for_choice (const char * const *names);

G_END_DECLS
