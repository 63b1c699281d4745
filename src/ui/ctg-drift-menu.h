/* ctg-drift-menu.h: the meetings drift can be measured from, as a menu
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ctg-core.h"

G_BEGIN_DECLS

GMenuModel *_ctg_drift_menu_new         (CtgDocument   *document);
char       *_ctg_drift_since_effective  (CtgDocument   *document,
                                         const char    *chosen);
char       *_ctg_drift_since_describe   (CtgDocument   *document,
                                         const char    *iso);
gint64      _ctg_drift_since_find_meeting (CtgDocument *document,
                                         const char    *iso);
char       *_ctg_drift_since_meeting_day (CtgDocument  *document,
                                         gint64        id);
void        _ctg_drift_menu_button_fill (GtkMenuButton *button,
                                         CtgDocument   *document);
char       *_ctg_format_iso_day         (const char    *iso);

G_END_DECLS
