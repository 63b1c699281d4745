/* fuzz-open-bytes.c: libFuzzer target, a .ctg file made of any bytes
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes the input to a file, opens it as a convention and, if it opens,
 * checks it, reads everything the interface would show, and undoes and redoes
 * (which replays the journal stored in the file).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "ctg-core.h"

static char *path;

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *dir = g_dir_make_tmp ("ctg-fuzz-XXXXXX", NULL);

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "fuzz.ctg", NULL);
  /* A critical warning is a bug the fuzzer must report */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
read_everything (CtgDocument *doc)
{
  g_autoptr(GListModel) actions = ctg_document_list_actions (doc, 0);
  g_autoptr(GPtrArray) changes = ctg_document_list_changes (doc, NULL, 0);
  g_auto(GStrv) names = ctg_document_list_participant_names (doc);
  g_autofree char *csv = ctg_document_export_csv (doc, ';');
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JUNE, 2025);
  guint counts[CTG_N_STATUSES];

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);

      g_assert_true (g_utf8_validate (ctg_action_get_title (action), -1, NULL));
      (void) ctg_action_get_rollup_progress (action);
      (void) ctg_action_is_overdue (action, today);
    }
  ctg_document_count_statuses (doc, 0, counts);
  g_assert_true (csv == NULL || g_utf8_validate (csv, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    return 0;

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  if (doc == NULL)
    {
      /* Refused: with a clear error of our own */
      g_assert_true (error != NULL && error->domain == CTG_DOCUMENT_ERROR);
      g_assert_true (error->message[0] != '\0' && g_utf8_validate (error->message, -1, NULL));
    }
  else
    {
      /* Opened: it must be sound */
      g_assert_true (ctg_document_check (doc, NULL));
      read_everything (doc);
      if (ctg_document_can_undo (doc) && ctg_document_undo (doc, NULL))
        {
          read_everything (doc);
          if (ctg_document_can_redo (doc))
            ctg_document_redo (doc, NULL);
        }
      ctg_document_set (doc, CTG_ITEM_CONVENTION, 1, "title", "Fuzz", NULL);
      g_assert_true (ctg_document_check (doc, NULL));
    }

  g_clear_object (&doc);
  g_unlink (path);
  return 0;
}
