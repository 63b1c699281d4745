/* ctg-convention-page.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_CONVENTION_PAGE (ctg_convention_page_get_type ())

G_DECLARE_FINAL_TYPE (CtgConventionPage, ctg_convention_page, CTG, CONVENTION_PAGE, GtkWidget)

GtkWidget *ctg_convention_page_new          (void);
void       ctg_convention_page_set_document (CtgConventionPage *self,
                                             CtgDocument       *document);

G_END_DECLS
