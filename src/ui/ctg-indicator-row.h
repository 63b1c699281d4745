/* ctg-indicator-row.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_INDICATOR_ROW (ctg_indicator_row_get_type ())

G_DECLARE_FINAL_TYPE (CtgIndicatorRow, ctg_indicator_row, CTG, INDICATOR_ROW, AdwExpanderRow)

GtkWidget *ctg_indicator_row_new          (CtgDocument     *document,
                                           gint64           indicator_id);
gint64     ctg_indicator_row_get_id       (CtgIndicatorRow *self);
void       ctg_indicator_row_update       (CtgIndicatorRow *self,
                                           guint            position,
                                           guint            n_indicators,
                                           guint            first_year,
                                           guint            last_year,
                                           gboolean         editable,
                                           gboolean         force);
void       ctg_indicator_row_focus_button (CtgIndicatorRow *self,
                                           int              direction);

G_END_DECLS
