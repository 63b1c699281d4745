/* ctg-update-dialog.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_UPDATE_DIALOG (ctg_update_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CtgUpdateDialog, ctg_update_dialog, CTG, UPDATE_DIALOG, AdwMessageDialog)

CtgUpdateDialog *ctg_update_dialog_new         (GtkWindow   *parent,
                                                CtgDocument *document,
                                                GPtrArray   *changes);
guint            ctg_update_dialog_count_ticked (CtgUpdateDialog *self);
gboolean         ctg_update_dialog_apply       (CtgUpdateDialog *self,
                                                GError         **error);

G_END_DECLS
