/* ctg-timeline-rows.h: the rows of the timeline, grouped and folded
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-action.h"
#include "ctg-date.h"
#include "ctg-document.h"

G_BEGIN_DECLS

typedef enum
{
  CTG_TIMELINE_ROW_AXIS,
  CTG_TIMELINE_ROW_OBJECTIVE,
  CTG_TIMELINE_ROW_UNDATED,
  CTG_TIMELINE_ROW_ACTION,
} CtgTimelineRowKind;

typedef struct
{
  CtgTimelineRowKind  kind;
  gint64              id;
  char               *title;       /* headers */
  guint               n_children;  /* headers: actions below */
  CtgAction          *action;      /* actions */
  CtgDate             start;       /* as drawn: a missing date borrows the other one */
  CtgDate             end;
  gboolean            overdue;
} CtgTimelineRow;

GArray   *ctg_timeline_rows_build        (CtgDocument          *document,
                                          const GDate          *today,
                                          guint32              *first_day,
                                          guint32              *n_days);
char     *ctg_timeline_row_group_key     (const CtgTimelineRow *row);
gboolean  ctg_timeline_row_is_folded     (const CtgTimelineRow *row,
                                          GHashTable           *collapsed);
void      ctg_timeline_rows_fold         (GArray               *rows,
                                          GHashTable           *collapsed,
                                          GArray               *visible);

G_END_DECLS
