/* ctg-merge-dialog.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"
#include "ctg-window.h"

G_BEGIN_DECLS

#define CTG_TYPE_MERGE_DIALOG (ctg_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CtgMergeDialog, ctg_merge_dialog, CTG, MERGE_DIALOG, AdwWindow)

CtgMergeDialog *ctg_merge_dialog_open_file (CtgWindow      *window,
                                            GFile          *theirs);
CtgMerge       *ctg_merge_dialog_get_merge (CtgMergeDialog *self);

G_END_DECLS
