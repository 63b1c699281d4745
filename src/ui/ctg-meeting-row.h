/* ctg-meeting-row.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_MEETING_ROW (ctg_meeting_row_get_type ())

G_DECLARE_FINAL_TYPE (CtgMeetingRow, ctg_meeting_row, CTG, MEETING_ROW, AdwExpanderRow)

GtkWidget *ctg_meeting_row_new       (CtgDocument   *document,
                                      gint64         id);
gint64     ctg_meeting_row_get_id    (CtgMeetingRow *self);
void       ctg_meeting_row_refresh   (CtgMeetingRow *self);
GtkWidget *ctg_meeting_row_get_field (CtgMeetingRow *self,
                                      const char    *field);

G_END_DECLS
