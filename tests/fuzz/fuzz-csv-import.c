/* fuzz-csv-import.c: libFuzzer target, a plan table made of any bytes
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports the input into a convention inside a group that is then
 * cancelled, so every input starts from the same document. An import is
 * all or nothing: refused, it leaves nothing; accepted, the document is
 * sound and exports again.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ctg-core.h"

static CtgDocument *doc;

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *dir = g_dir_make_tmp ("ctg-fuzz-XXXXXX", NULL);
  g_autofree char *path = NULL;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "import.ctg", NULL);
  doc = ctg_document_create (path, NULL);
  g_assert_nonnull (doc);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert_true (ctg_document_begin_group (doc, "fuzz", NULL));
  ok = ctg_document_import_csv (doc, (const char *) data, size, warnings, &error);
  if (ok)
    {
      g_autofree char *csv = ctg_document_export_csv (doc, ';');
      g_autoptr(GListModel) actions = ctg_document_list_actions (doc, 0);

      g_assert_nonnull (csv);
      g_assert_true (g_utf8_validate (csv, -1, NULL));
      g_assert_cmpuint (g_list_model_get_n_items (actions), >, 0);
    }
  else
    {
      g_assert_true (error != NULL && error->domain == CTG_DOCUMENT_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
  for (guint i = 0; i < warnings->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (warnings, i), -1, NULL));
  ctg_document_cancel_group (doc);

  /* Cancelled: nothing stays */
  {
    g_autoptr(GListModel) actions = ctg_document_list_actions (doc, 0);
    g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 0);
  }
  return 0;
}
