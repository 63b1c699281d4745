/* ctg-signatory-row.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_SIGNATORY_ROW (ctg_signatory_row_get_type ())

G_DECLARE_FINAL_TYPE (CtgSignatoryRow, ctg_signatory_row, CTG, SIGNATORY_ROW, AdwExpanderRow)

GtkWidget *ctg_signatory_row_new        (CtgDocument     *document,
                                         gint64           id);
gint64     ctg_signatory_row_get_id     (CtgSignatoryRow *self);
void       ctg_signatory_row_refresh    (CtgSignatoryRow *self,
                                         guint            position,
                                         guint            n_signatories);
GtkWidget *ctg_signatory_row_get_field  (CtgSignatoryRow *self,
                                         const char      *field);

G_END_DECLS
