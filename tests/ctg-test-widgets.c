/* ctg-test-widgets.c: finding widgets in a window, for the UI tests
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "ctg-test-widgets.h"

/**
 * ctg_test_find_widget:
 * @match: says whether a widget is the one looked for
 *
 * Returns: (nullable) (transfer none): the first widget at or under @root,
 *   depth first in the order of the children, that @match accepts
 */
GtkWidget *
ctg_test_find_widget (GtkWidget          *root,
                      CtgTestWidgetMatch  match,
                      gconstpointer       data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ctg_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* By the name given with gtk_widget_set_name() */
GtkWidget *
ctg_test_find_named (GtkWidget  *root,
                     const char *name)
{
  return ctg_test_find_widget (root, is_named, name);
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
ctg_test_find_type (GtkWidget *root,
                    GType      type)
{
  return ctg_test_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

GtkWidget *
ctg_test_find_class (GtkWidget  *root,
                     const char *css_class)
{
  return ctg_test_find_widget (root, has_class, css_class);
}
