/* ctg-indicator-row.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"
#include "ctg-ordered-row.h"

G_BEGIN_DECLS

#define CTG_TYPE_INDICATOR_ROW (ctg_indicator_row_get_type ())

G_DECLARE_FINAL_TYPE (CtgIndicatorRow, ctg_indicator_row, CTG, INDICATOR_ROW, CtgOrderedRow)

GtkWidget *ctg_indicator_row_new    (CtgDocument     *document,
                                     gint64           indicator_id);
void       ctg_indicator_row_update (CtgIndicatorRow *self,
                                     guint            position,
                                     guint            n_indicators,
                                     guint            first_year,
                                     guint            last_year,
                                     gboolean         editable,
                                     gboolean         force);

G_END_DECLS
