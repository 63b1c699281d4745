/* ctg-dashboard.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_DASHBOARD (ctg_dashboard_get_type ())

G_DECLARE_FINAL_TYPE (CtgDashboard, ctg_dashboard, CTG, DASHBOARD, AdwBin)

GtkWidget *ctg_dashboard_new          (void);
void       ctg_dashboard_set_document (CtgDashboard *self,
                                       CtgDocument  *document);
gint64     ctg_dashboard_get_axis     (CtgDashboard *self);
void       ctg_dashboard_set_axis     (CtgDashboard *self,
                                       gint64        axis_id);
GtkWidget *ctg_dashboard_get_figure   (CtgDashboard *self,
                                       const char   *name);
void       ctg_dashboard_set_drift_since (CtgDashboard *self,
                                          const char   *since);

G_END_DECLS
