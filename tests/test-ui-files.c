/* test-ui-files.c: every .ui file of the GResource builds, with our types
 * and libadwaita's registered (gtk4-builder-tool knows neither)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "ctg-action-editor.h"
#include "ctg-action-row.h"
#include "ctg-convention-page.h"
#include "ctg-dashboard.h"
#include "ctg-evaluation-page.h"
#include "ctg-merge-dialog.h"
#include "ctg-test-util.h"
#include "ctg-update-dialog.h"
#include "ctg-window.h"

#define BASE "/io/github/ctgplanner/CtgPlanner/"

static char *
template_class (const char *xml)
{
  const char *start = strstr (xml, "<template class=\"");
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen ("<template class=\"");
  end = strchr (start, '"');
  return g_strndup (start, (gsize) (end - start));
}

static void
check_ui (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, &error);
  g_autofree char *xml = NULL;
  g_autofree char *klass = NULL;

  g_assert_no_error (error);
  xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  klass = template_class (xml);
  g_test_message ("%s: %s", path, klass ? klass : "(no template)");

  if (klass != NULL)
    {
      GType type = g_type_from_name (klass);
      GObject *object;

      g_assert_cmpuint (type, !=, 0);
      /* Any error in the template is a critical, fatal in the tests */
      object = g_object_new (type, NULL);
      g_assert_nonnull (object);
      if (GTK_IS_WINDOW (object))
        gtk_window_destroy (GTK_WINDOW (object));
      else
        g_object_unref (g_object_ref_sink (object));
    }
  else
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();

      g_assert_true (gtk_builder_add_from_resource (builder, path, &error));
      g_assert_no_error (error);
    }
}

static void
test_ui_files (void)
{
  const char *dirs[] = { BASE "ui/", BASE "gtk/" };
  guint checked = 0;

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_auto(GStrv) names = g_resources_enumerate_children (dirs[d], 0, NULL);

      for (guint i = 0; names && names[i]; i++)
        {
          g_autofree char *path = g_strconcat (dirs[d], names[i], NULL);

          if (g_str_has_suffix (path, ".ui"))
            {
              check_ui (path);
              checked++;
            }
        }
    }
  g_assert_cmpuint (checked, >=, 5);
}

int
main (int   argc,
      char *argv[])
{
  ctg_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_type_ensure (CTG_TYPE_WINDOW);
  g_type_ensure (CTG_TYPE_ACTION_ROW);
  g_type_ensure (CTG_TYPE_ACTION_EDITOR);
  g_type_ensure (CTG_TYPE_CONVENTION_PAGE);
  g_type_ensure (CTG_TYPE_EVALUATION_PAGE);
  g_type_ensure (CTG_TYPE_UPDATE_DIALOG);
  g_type_ensure (CTG_TYPE_MERGE_DIALOG);
  g_type_ensure (CTG_TYPE_DASHBOARD);

  g_test_add_func ("/ui-files/build", test_ui_files);

  return g_test_run ();
}
