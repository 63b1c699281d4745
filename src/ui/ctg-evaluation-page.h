/* ctg-evaluation-page.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_EVALUATION_PAGE (ctg_evaluation_page_get_type ())

G_DECLARE_FINAL_TYPE (CtgEvaluationPage, ctg_evaluation_page, CTG, EVALUATION_PAGE, GtkWidget)

GtkWidget *ctg_evaluation_page_new          (void);
void       ctg_evaluation_page_set_document (CtgEvaluationPage *self,
                                             CtgDocument       *document);
void       ctg_evaluation_page_set_year     (CtgEvaluationPage *self,
                                             guint              year);
guint      ctg_evaluation_page_get_year     (CtgEvaluationPage *self);

G_END_DECLS
