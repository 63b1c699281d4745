/* ctg-application.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CTG_TYPE_APPLICATION (ctg_application_get_type ())

G_DECLARE_FINAL_TYPE (CtgApplication, ctg_application, CTG, APPLICATION, AdwApplication)

CtgApplication *ctg_application_new        (void);
void            ctg_application_open_file  (CtgApplication *self,
                                            GFile          *file);
GSettings      *ctg_application_get_settings (CtgApplication *self);

G_END_DECLS
