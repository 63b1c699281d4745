/* ctg-text-row.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_TEXT_ROW (ctg_text_row_get_type ())

G_DECLARE_FINAL_TYPE (CtgTextRow, ctg_text_row, CTG, TEXT_ROW, AdwPreferencesRow)

GtkWidget *ctg_text_row_new          (void);
void       ctg_text_row_set_text     (CtgTextRow *self,
                                      const char *text);
void       ctg_text_row_update       (CtgTextRow *self,
                                      const char *text,
                                      gboolean    force);
char      *ctg_text_row_dup_text     (CtgTextRow *self);
gboolean   ctg_text_row_is_modified  (CtgTextRow *self);
void       ctg_text_row_set_editable (CtgTextRow *self,
                                      gboolean    editable);
GtkWidget *ctg_text_row_get_view     (CtgTextRow *self);
void       ctg_text_row_set_max_height (CtgTextRow *self,
                                        int         max_height);
void       ctg_text_row_set_item     (CtgTextRow *self,
                                      CtgItem    *item,
                                      const char *field);

G_END_DECLS
