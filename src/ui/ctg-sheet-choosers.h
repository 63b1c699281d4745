/* ctg-sheet-choosers.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ctg-core.h"

G_BEGIN_DECLS

void ctg_sheet_import_plan    (GtkWindow   *parent);
void ctg_sheet_export         (GtkWindow   *parent,
                               CtgDocument *document);
void ctg_sheet_import_updates (GtkWindow   *parent,
                               CtgDocument *document);
void ctg_sheet_review_updates (GtkWindow   *parent,
                               CtgDocument *document,
                               GFile       *file);

G_END_DECLS
