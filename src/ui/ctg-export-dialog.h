/* ctg-export-dialog.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"
#include "ctg-window.h"

G_BEGIN_DECLS

#define CTG_TYPE_EXPORT_DIALOG (ctg_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CtgExportDialog, ctg_export_dialog, CTG, EXPORT_DIALOG, AdwWindow)

CtgExportDialog *ctg_export_dialog_new         (CtgWindow         *window);
gboolean         ctg_export_dialog_get_options (CtgExportDialog   *self,
                                                CtgReportOptions  *options,
                                                GError           **error);
void             ctg_export_dialog_export_to   (CtgExportDialog   *self,
                                                const char        *path);
void             ctg_export_dialog_set_dates   (CtgExportDialog   *self,
                                                const char        *meeting,
                                                const char        *since);

G_END_DECLS
