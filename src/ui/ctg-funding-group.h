/* ctg-funding-group.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_FUNDING_GROUP (ctg_funding_group_get_type ())

G_DECLARE_FINAL_TYPE (CtgFundingGroup, ctg_funding_group, CTG, FUNDING_GROUP, AdwPreferencesGroup)

GtkWidget *ctg_funding_group_new          (void);
void       ctg_funding_group_show         (CtgFundingGroup *self,
                                           CtgDocument     *document,
                                           CtgAction       *action,
                                           gboolean         force);
void       ctg_funding_group_set_editable (CtgFundingGroup *self,
                                           gboolean         editable);

G_END_DECLS
