/* ctg-history-list.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_HISTORY_LIST (ctg_history_list_get_type ())

G_DECLARE_FINAL_TYPE (CtgHistoryList, ctg_history_list, CTG, HISTORY_LIST, AdwBin)

GtkWidget *ctg_history_list_new         (void);
void       ctg_history_list_set_changes (CtgHistoryList *self,
                                         CtgDocument    *document,
                                         GPtrArray      *changes);
guint      ctg_history_list_get_n_items (CtgHistoryList *self);

G_END_DECLS
