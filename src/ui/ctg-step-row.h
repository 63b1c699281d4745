/* ctg-step-row.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"
#include "ctg-ordered-row.h"

G_BEGIN_DECLS

#define CTG_TYPE_STEP_ROW (ctg_step_row_get_type ())

G_DECLARE_FINAL_TYPE (CtgStepRow, ctg_step_row, CTG, STEP_ROW, CtgOrderedRow)

GtkWidget *ctg_step_row_new          (CtgDocument *document,
                                      gint64       step_id);
void       ctg_step_row_update       (CtgStepRow  *self,
                                      guint        position,
                                      guint        n_steps,
                                      gboolean     editable,
                                      gboolean     force);

G_END_DECLS
