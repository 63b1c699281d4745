/* ctg-window.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-application.h"
#include "ctg-core.h"

G_BEGIN_DECLS

#define CTG_TYPE_WINDOW (ctg_window_get_type ())

G_DECLARE_FINAL_TYPE (CtgWindow, ctg_window, CTG, WINDOW, AdwApplicationWindow)

CtgWindow   *ctg_window_new          (CtgApplication *application);
gboolean     ctg_window_load         (CtgWindow      *self,
                                      GFile          *file);
GFile       *ctg_window_get_file     (CtgWindow      *self);
CtgDocument *ctg_window_get_document (CtgWindow      *self);

G_END_DECLS
