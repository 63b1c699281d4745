/* ctg-action-filter.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_ACTION_FILTER (ctg_action_filter_get_type ())

G_DECLARE_FINAL_TYPE (CtgActionFilter, ctg_action_filter, CTG, ACTION_FILTER, GtkFilter)

CtgActionFilter *ctg_action_filter_new         (void);
void             ctg_action_filter_set_status  (CtgActionFilter *self,
                                                int              status);
void             ctg_action_filter_set_pilot   (CtgActionFilter *self,
                                                const char      *pilot);
void             ctg_action_filter_set_year    (CtgActionFilter *self,
                                                guint            year);
void             ctg_action_filter_set_axis    (CtgActionFilter *self,
                                                gint64           axis_id);
void             ctg_action_filter_set_overdue (CtgActionFilter *self,
                                                gboolean         overdue);
void             ctg_action_filter_set_soon    (CtgActionFilter *self,
                                                gboolean         soon);
void             ctg_action_filter_set_today   (CtgActionFilter *self,
                                                const GDate     *today);
void             ctg_action_filter_set_search  (CtgActionFilter *self,
                                                const char      *query,
                                                GHashTable      *search_text);
void             ctg_action_filter_changed     (CtgActionFilter *self);

G_END_DECLS
