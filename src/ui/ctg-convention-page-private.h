/* ctg-convention-page-private.h: what the UI tests reach into
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-convention-page.h"

G_BEGIN_DECLS

GtkWidget *_ctg_convention_page_get_field_row       (CtgConventionPage *self,
                                                     const char        *field);
GtkWidget *_ctg_convention_page_get_date_error_row  (CtgConventionPage *self);
GtkWidget *_ctg_convention_page_get_item_row        (CtgConventionPage *self,
                                                     CtgItemKind        kind,
                                                     gint64             id);
GtkWidget *_ctg_convention_page_get_add_button      (CtgConventionPage *self,
                                                     CtgItemKind        kind);
GtkWidget *_ctg_convention_page_get_show_all_row    (CtgConventionPage *self);
GtkLabel  *_ctg_convention_page_get_summary_label   (CtgConventionPage *self,
                                                     const char        *which);

G_END_DECLS
