/* ctg-print.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ctg-core.h"

G_BEGIN_DECLS

GtkPrintOperation *ctg_print_operation_new (CtgDocument *document,
                                            const char  *since,
                                            GError     **error);
void               ctg_print_report        (GtkWindow   *parent,
                                            CtgDocument *document,
                                            const char  *since);

G_END_DECLS
