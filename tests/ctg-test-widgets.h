/* ctg-test-widgets.h: finding widgets in a window, for the UI tests
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*CtgTestWidgetMatch) (GtkWidget     *widget,
                                        gconstpointer  data);

GtkWidget *ctg_test_find_widget (GtkWidget          *root,
                                 CtgTestWidgetMatch  match,
                                 gconstpointer       data);
GtkWidget *ctg_test_find_named  (GtkWidget          *root,
                                 const char         *name);
GtkWidget *ctg_test_find_type   (GtkWidget          *root,
                                 GType               type);
GtkWidget *ctg_test_find_class  (GtkWidget          *root,
                                 const char         *css_class);

G_END_DECLS
