/* ctg-convention-entry-row.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_CONVENTION_ENTRY_ROW (ctg_convention_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (CtgConventionEntryRow, ctg_convention_entry_row, CTG, CONVENTION_ENTRY_ROW, AdwEntryRow)

GtkWidget  *ctg_convention_entry_row_new       (const char            *title,
                                                const char            *field,
                                                gboolean               is_date);
void        ctg_convention_entry_row_set_item  (CtgConventionEntryRow *self,
                                                CtgItem               *item);
gboolean    ctg_convention_entry_row_commit    (CtgConventionEntryRow *self);
const char *ctg_convention_entry_row_get_error (CtgConventionEntryRow *self);

G_END_DECLS
