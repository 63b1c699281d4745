/* ctg-evaluation.h: the words of the annual evaluation (funders, amounts,
 * assessment levels, the default indicators)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ctg-status.h"

G_BEGIN_DECLS

typedef enum
{
  CTG_FUNDER_CAF,
  CTG_FUNDER_COMMUNE,
  CTG_FUNDER_DEPARTEMENT,
  CTG_FUNDER_ETAT,
  CTG_FUNDER_OTHER,
} CtgFunderKind;

#define CTG_N_FUNDER_KINDS 5

/**
 * CtgFunding:
 * @funder: who funds
 * @name: which one, when it says more ("Commune de Romans"), may be empty
 * @amount: in cents, or -1 when not known
 *
 * One funder of an action.
 */
typedef struct
{
  CtgFunderKind  funder;
  char          *name;
  gint64         amount;
} CtgFunding;

typedef enum
{
  CTG_LEVEL_NONE,
  CTG_LEVEL_NOT_MET,
  CTG_LEVEL_PARTLY_MET,
  CTG_LEVEL_MET,
  CTG_LEVEL_EXCEEDED,
} CtgLevel;

#define CTG_N_LEVELS 5

/* The national evaluation framework separates what an action achieves
 * from what it puts in */
typedef enum
{
  CTG_INDICATOR_RESULT,
  CTG_INDICATOR_MEANS,
} CtgIndicatorKind;

CtgFunding *ctg_funding_new            (CtgFunderKind  funder,
                                        const char    *name,
                                        gint64         amount);
void        ctg_funding_free           (CtgFunding    *self);
char       *ctg_funding_to_string      (const CtgFunding *self);
CtgFunding *ctg_funding_parse          (const char    *text,
                                        GError       **error);
GPtrArray  *ctg_funding_list_parse     (const char    *text,
                                        GError       **error);
char       *ctg_funding_list_join      (GPtrArray     *funding,
                                        const char    *separator);
char       *ctg_funding_list_to_string (GPtrArray     *funding);
char       *ctg_funding_list_format    (GPtrArray     *funding);

CTG_DECLARE_ENUM_WORDS (CtgFunderKind, ctg_funder)

gboolean    ctg_amount_parse           (const char    *text,
                                        gint64        *cents,
                                        GError       **error);
char       *ctg_amount_format          (gint64         cents);
char       *ctg_amount_to_plain        (gint64         cents);

CTG_DECLARE_ENUM_WORDS (CtgLevel, ctg_level)

const char *ctg_indicator_kind_to_key   (CtgIndicatorKind  kind);
gboolean    ctg_indicator_kind_parse   (const char       *text,
                                        CtgIndicatorKind *kind);
const char *ctg_indicator_kind_to_label (CtgIndicatorKind kind);

const char * const *ctg_evaluation_default_indicators (void);
const char         *ctg_evaluation_indicator_shown_name (const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtgFunding, ctg_funding_free)

G_END_DECLS
