/* ctg-step-row.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_STEP_ROW (ctg_step_row_get_type ())

G_DECLARE_FINAL_TYPE (CtgStepRow, ctg_step_row, CTG, STEP_ROW, AdwExpanderRow)

GtkWidget *ctg_step_row_new          (CtgDocument *document,
                                      gint64       step_id);
gint64     ctg_step_row_get_id       (CtgStepRow  *self);
void       ctg_step_row_update       (CtgStepRow  *self,
                                      guint        position,
                                      guint        n_steps,
                                      gboolean     editable,
                                      gboolean     force);
void       ctg_step_row_focus_button (CtgStepRow  *self,
                                      int          direction);

G_END_DECLS
