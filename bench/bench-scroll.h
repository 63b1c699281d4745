/* bench-scroll.h: the scroll measure shared by bench-ui and minimal-window
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bench_scroll_measure (GtkWidget  *scrollable,
                           const char *name);

G_END_DECLS
