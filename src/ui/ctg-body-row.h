/* ctg-body-row.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-item-row.h"

G_BEGIN_DECLS

#define CTG_TYPE_BODY_ROW (ctg_body_row_get_type ())

G_DECLARE_FINAL_TYPE (CtgBodyRow, ctg_body_row, CTG, BODY_ROW, CtgItemRow)

GtkWidget  *ctg_body_row_new            (CtgDocument *document,
                                         gint64       id);
void        ctg_body_row_refresh        (CtgBodyRow  *self);
GtkWidget  *ctg_body_row_get_field      (CtgBodyRow  *self,
                                         const char  *field);
GtkWidget  *ctg_body_row_get_member_row (CtgBodyRow  *self,
                                         gint64       member_id);

const char *ctg_body_kind_to_label      (const char  *kind);

G_END_DECLS
