/* ctg-member-row.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-item-row.h"

G_BEGIN_DECLS

#define CTG_TYPE_MEMBER_ROW (ctg_member_row_get_type ())

G_DECLARE_FINAL_TYPE (CtgMemberRow, ctg_member_row, CTG, MEMBER_ROW, CtgItemRow)

GtkWidget *ctg_member_row_new (CtgDocument *document,
                              gint64       id);

G_END_DECLS
