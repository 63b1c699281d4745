/* ctg-action-row.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_ACTION_ROW (ctg_action_row_get_type ())

G_DECLARE_FINAL_TYPE (CtgActionRow, ctg_action_row, CTG, ACTION_ROW, GtkWidget)

GtkWidget *ctg_action_row_new  (void);
void       ctg_action_row_bind (CtgActionRow *self,
                                CtgDocument  *document,
                                CtgAction    *action,
                                CtgAction    *previous,
                                gboolean      show_axis,
                                const GDate  *today);
void       ctg_action_row_unbind (CtgActionRow *self);

G_END_DECLS
