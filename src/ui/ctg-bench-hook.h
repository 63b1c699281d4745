/* ctg-bench-hook.h: the first-frame probe of bench/run.sh
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ctg_bench_hook_watch_first_frame (GtkWindow *window);

G_END_DECLS
