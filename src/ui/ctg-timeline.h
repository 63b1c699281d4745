/* ctg-timeline.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ctg-core.h"
#include "ctg-timeline-dates.h"

G_BEGIN_DECLS

#define CTG_TYPE_TIMELINE (ctg_timeline_get_type ())

G_DECLARE_FINAL_TYPE (CtgTimeline, ctg_timeline, CTG, TIMELINE, GtkWidget)

GtkWidget       *ctg_timeline_new               (void);
void             ctg_timeline_set_document      (CtgTimeline     *self,
                                                 CtgDocument     *document);
CtgTimelineZoom  ctg_timeline_get_zoom          (CtgTimeline     *self);
void             ctg_timeline_set_zoom          (CtgTimeline     *self,
                                                 CtgTimelineZoom  zoom);
void             ctg_timeline_scroll_to_today   (CtgTimeline     *self);
gint64           ctg_timeline_get_focused_action (CtgTimeline    *self);
gboolean         ctg_timeline_focus_action      (CtgTimeline     *self,
                                                 gint64           action_id);
gboolean         ctg_timeline_get_bar_bounds    (CtgTimeline     *self,
                                                 gint64           action_id,
                                                 graphene_rect_t *bounds);
guint            ctg_timeline_get_n_rows        (CtgTimeline     *self);

gboolean         ctg_timeline_get_past_bounds   (CtgTimeline     *self,
                                                 gint64           action_id,
                                                 graphene_rect_t *bounds);
void             ctg_timeline_set_drift_since   (CtgTimeline     *self,
                                                 const char      *since);

G_END_DECLS
