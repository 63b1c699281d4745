/* ctg-sheet-choosers.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ctg-core.h"

G_BEGIN_DECLS

void ctg_sheet_activate (GtkWindow   *parent,
                         CtgDocument *document,
                         const char  *action_name);

G_END_DECLS
