/* ctg-timeline-private.h: the timeline's state, shared by the widget
 * (ctg-timeline.c) and its drawing (ctg-timeline-draw.c)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-timeline.h"
#include "ctg-timeline-rows.h"
#include "ctg-drift.h"

G_BEGIN_DECLS

#define HEADER_HEIGHT  46
#define ROW_HEIGHT     30
#define BAR_HEIGHT     16
#define END_GRIP        7
#define DRAG_THRESHOLD  4
#define BOTTOM_PADDING 24
#define LAYOUT_CACHE   400

typedef enum
{
  HIT_NONE,
  HIT_LABEL,
  HIT_BAR,
  HIT_START,
  HIT_END,
} Hit;

typedef enum
{
  COLOR_FG,
  COLOR_BG,
  COLOR_ACCENT,
  COLOR_SUCCESS,
  COLOR_WARNING,
  COLOR_ERROR,
  COLOR_HEADER_BG,
  N_COLORS
} ColorName;

struct _CtgTimeline
{
  GtkWidget        parent_instance;

  /* Owned references */
  CtgDocument     *document;
  GHashTable      *past;          /* action id -> PastBar: its dates at the meeting, for the outlines */
  char            *past_key;      /* the ctg_drift_history_key () they were computed for */
  char            *drift_since;   /* the meeting chosen, ISO; NULL for the last COPIL */
  GtkAdjustment   *hadjustment;
  GtkAdjustment   *vadjustment;
  GArray          *rows;          /* CtgTimelineRow, the whole tree */
  GArray          *visible;       /* guint indices into rows, collapsed groups left out */
  GHashTable      *collapsed;     /* "a<id>", "o<id>", "u" */
  GDate           *today;
  GHashTable      *layouts;       /* text_layout ()'s key -> PangoLayout: what recent frames drew */
  GHashTable      *old_layouts;   /* the generation before, still used when scrolling back */

  /* State */
  GtkScrollablePolicy hscroll_policy;
  GtkScrollablePolicy vscroll_policy;
  CtgTimelineZoom  zoom;
  gboolean         dirty;
  gboolean         scrolled_once;
  guint32          first_day;     /* julian day at the left edge of the scale */
  guint32          n_days;
  int              focus;         /* visible index, -1 for none */
  gint64           focus_action;
  double           pointer_x;
  double           zoom_scale;

  /* Dragging */
  int              drag_row;      /* visible index */
  Hit              drag_hit;
  gboolean         dragging;
  double           drag_x;
  double           drag_y;
  CtgDate          preview_start;
  CtgDate          preview_end;
  gboolean         previewing;

  GdkRGBA          colors[N_COLORS];
};

CtgTimelineRow *
_ctg_timeline_visible_row (CtgTimeline *self,
                           int          index);

void
_ctg_timeline_ensure_rows (CtgTimeline *self);

double
_ctg_timeline_snap (double v);

double
_ctg_timeline_label_width (CtgTimeline *self);

double
_ctg_timeline_pixels_per_day (CtgTimeline *self);

double
_ctg_timeline_day_to_x (CtgTimeline *self,
                        double       julian);

double
_ctg_timeline_x_to_day (CtgTimeline *self,
                        double       x);

double
_ctg_timeline_row_y (CtgTimeline *self,
                     int          index);

int
_ctg_timeline_row_at (CtgTimeline *self,
                      double       y);

void
_ctg_timeline_row_dates (CtgTimeline           *self,
                         int                    index,
                         const CtgTimelineRow  *row,
                         const CtgDate        **start,
                         const CtgDate        **end);

gboolean
_ctg_timeline_bar_rect (CtgTimeline     *self,
                        int              index,
                        graphene_rect_t *rect);
gboolean _ctg_timeline_past_rect (CtgTimeline     *self,
                                  int              index,
                                  graphene_rect_t *rect);

gboolean
_ctg_timeline_same_date (const CtgDate *a,
                         const CtgDate *b);

void
_ctg_timeline_snapshot (GtkWidget   *widget,
                                     GtkSnapshot *snapshot);

G_END_DECLS
