/* ctg-meeting-row.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-item-row.h"

G_BEGIN_DECLS

#define CTG_TYPE_MEETING_ROW (ctg_meeting_row_get_type ())

G_DECLARE_FINAL_TYPE (CtgMeetingRow, ctg_meeting_row, CTG, MEETING_ROW, CtgItemRow)

GtkWidget *ctg_meeting_row_new       (CtgDocument   *document,
                                      gint64         id);
void       ctg_meeting_row_refresh   (CtgMeetingRow *self);
GtkWidget *ctg_meeting_row_get_field (CtgMeetingRow *self,
                                      const char    *field);

G_END_DECLS
