/* ctg-window-private.h: what the UI tests reach into
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-dashboard.h"
#include "ctg-timeline.h"
#include "ctg-window.h"

G_BEGIN_DECLS

GtkListBox  *_ctg_window_get_sidebar       (CtgWindow  *self);
GtkListView *_ctg_window_get_actions_view  (CtgWindow  *self);
GListModel  *_ctg_window_get_shown_actions (CtgWindow  *self);
GtkEditable *_ctg_window_get_search_entry  (CtgWindow  *self);
const char  *_ctg_window_get_visible_page  (CtgWindow  *self);
GtkWidget   *_ctg_window_get_action_editor (CtgWindow  *self);
void         _ctg_window_show_action       (CtgWindow  *self,
                                            gint64      action_id);
GtkWidget   *_ctg_window_get_error_dialog  (CtgWindow  *self);
CtgTimeline *_ctg_window_get_timeline      (CtgWindow  *self);
CtgDashboard *_ctg_window_get_dashboard    (CtgWindow  *self);

G_END_DECLS
