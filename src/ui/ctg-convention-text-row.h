/* ctg-convention-text-row.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_CONVENTION_TEXT_ROW (ctg_convention_text_row_get_type ())

G_DECLARE_FINAL_TYPE (CtgConventionTextRow, ctg_convention_text_row, CTG, CONVENTION_TEXT_ROW, AdwPreferencesRow)

GtkWidget   *ctg_convention_text_row_new       (const char           *title,
                                                const char           *field,
                                                int                   max_height);
void         ctg_convention_text_row_set_item  (CtgConventionTextRow *self,
                                                CtgItem              *item);
gboolean     ctg_convention_text_row_commit    (CtgConventionTextRow *self);
GtkTextView *ctg_convention_text_row_get_view  (CtgConventionTextRow *self);

G_END_DECLS
