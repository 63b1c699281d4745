/* ctg-member-row.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_MEMBER_ROW (ctg_member_row_get_type ())

G_DECLARE_FINAL_TYPE (CtgMemberRow, ctg_member_row, CTG, MEMBER_ROW, AdwExpanderRow)

GtkWidget *ctg_member_row_new       (CtgDocument  *document,
                                     gint64        id);
gint64     ctg_member_row_get_id    (CtgMemberRow *self);
void       ctg_member_row_refresh   (CtgMemberRow *self);
GtkWidget *ctg_member_row_get_field (CtgMemberRow *self,
                                     const char   *field);

G_END_DECLS
