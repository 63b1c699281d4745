/* bench-core.c: edits through the core API, for bench/run.sh
 *
 *   bench-core journal FILE.ctg N   makes N edits (status, progress, échéance,
 *                                   pilots, titles; some grouped), so the
 *                                   synthetic conventions carry a journal
 *   bench-core edit FILE.ctg N      times N single edits, alternately the
 *                                   pilots and the échéance of an action
 *                                   spread over the plan, and prints
 *                                   "CTG_BENCH edit-us=<t1>,<t2>,..."
 *   bench-core load FILE.ctg N      times N times open + list every action,
 *                                   "CTG_BENCH load-us=..."
 *   bench-core drift FILE.ctg N     times N times the drift since the first
 *                                   transaction (ctg_drift_compute, the whole
 *                                   journal read) and the key the timeline
 *                                   checks instead after each edit
 *                                   (ctg_drift_history_key): "CTG_BENCH
 *                                   drift-us=... drift-key-us=..."; adds
 *                                   a meeting on 1 January 2000 to a file
 *                                   that has none
 *   bench-core diverge FILE.ctg N   makes N edits of a copy, seeded by the
 *                                   file's name (statuses, échéances,
 *                                   titles, pilots, new and deleted
 *                                   actions), for the merge benchmark
 *
 * Each edit is the whole public call: checks, transaction, journal row and
 * commit to the file (rollback journal), as the window does it.
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "ctg-core.h"

static const char *pilot_names[] = {
  "Cendrine CLEMENÇOT", "Caf", "Karim BENALI", "Centre social", "Hélène GIRAUD",
};

static GArray *
action_ids (CtgDocument *doc)
{
  g_autoptr(GListModel) all = ctg_document_list_actions (doc, 0);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (all, i);
      gint64 id = ctg_action_get_id (action);

      g_array_append_val (ids, id);
    }
  return ids;
}

static gboolean
set_pilots (CtgDocument *doc,
            gint64       id,
            guint        k,
            GError     **error)
{
  g_autoptr(GPtrArray) pilots = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);

  g_ptr_array_add (pilots, ctg_participant_new (pilot_names[k % G_N_ELEMENTS (pilot_names)],
                                                k % 2 ? CTG_PARTICIPANT_ORGANISATION : CTG_PARTICIPANT_PERSON,
                                                k % 2 ? NULL : "coordinatrice"));
  if (k % 3 == 0)
    g_ptr_array_add (pilots, ctg_participant_new ("Communes", CTG_PARTICIPANT_ORGANISATION, NULL));
  return ctg_document_set_participants (doc, id, CTG_RELATION_PILOT, pilots, error);
}

static gboolean
one_edit (CtgDocument *doc,
          gint64       id,
          guint        k,
          GError     **error)
{
  /* Échéances at the end of 2026 are after every synthetic start */
  if (k % 2 == 0)
    return set_pilots (doc, id, k / 2, error);
  return ctg_document_set (doc, CTG_ITEM_ACTION, id, "echeance", k % 4 == 1 ? "2026-12-31" : "2026-12", error);
}

static int
make_journal (CtgDocument *doc,
              guint        n)
{
  g_autoptr(GArray) ids = action_ids (doc);
  static const char *statuses[] = { "en cours", "réalisée", "reportée", "à lancer" };
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (2024);
  gboolean ok = TRUE;

  for (guint i = 0; i < n && ok && ids->len > 0; i++)
    {
      gint64 id = g_array_index (ids, gint64, g_rand_int_range (rand, 0, (gint32) ids->len));
      g_autofree char *progress = g_strdup_printf ("%d", g_rand_int_range (rand, 0, 11) * 10);

      switch (i % 5)
        {
        case 0:
          ok = ctg_document_set (doc, CTG_ITEM_ACTION, id, "status", statuses[i % 4], &error);
          break;
        case 1:
          ok = ctg_document_set (doc, CTG_ITEM_ACTION, id, "progress", progress, &error);
          break;
        case 2:
          ok = one_edit (doc, id, i, &error);
          break;
        case 3:
          ok = set_pilots (doc, id, i, &error);
          break;
        default:
          /* One undo step of several changes, as the editor makes */
          ok = ctg_document_begin_group (doc, "Bench", &error) &&
               ctg_document_set (doc, CTG_ITEM_ACTION, id, "status", "en cours", &error) &&
               ctg_document_set (doc, CTG_ITEM_ACTION, id, "progress", progress, &error) &&
               ctg_document_end_group (doc, &error);
          break;
        }
    }
  g_rand_free (rand);
  if (!ok)
    {
      g_printerr ("bench-core: %s\n", error->message);
      return 1;
    }
  return 0;
}

static void
print_times (const char *name,
             GArray     *times)
{
  printf ("CTG_BENCH %s=", name);
  for (guint i = 0; i < times->len; i++)
    printf ("%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (times, gint64, i));
  printf ("\n");
}

static int
time_edits (CtgDocument *doc,
            guint        n)
{
  g_autoptr(GArray) ids = action_ids (doc);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n && ids->len > 0; i++)
    {
      /* Spread over the plan, not always the same page of the database */
      gint64 id = g_array_index (ids, gint64, (i * 7919u) % ids->len);
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 took;

      if (!one_edit (doc, id, i, &error))
        {
          g_printerr ("bench-core: %s\n", error->message);
          return 1;
        }
      took = g_get_monotonic_time () - start;
      g_array_append_val (times, took);
    }
  print_times ("edit-us", times);
  return 0;
}

static int
time_loads (const char *path,
            guint       n)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(CtgDocument) doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);
      g_autoptr(GListModel) all = NULL;
      gint64 took;

      if (doc == NULL)
        {
          g_printerr ("bench-core: %s\n", error->message);
          return 1;
        }
      all = ctg_document_list_actions (doc, 0);
      took = g_get_monotonic_time () - start;
      g_array_append_val (times, took);
    }
  print_times ("load-us", times);
  return 0;
}

/* One copy's work between two COPILs, different for each copy: the
 * merge benchmark merges two of these */
static int
diverge (CtgDocument *doc,
         guint        n)
{
  g_autoptr(GArray) ids = action_ids (doc);
  g_autofree char *name = g_path_get_basename (ctg_document_get_path (doc));
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_str_hash (name));
  static const char * const statuses[] = { "in-progress", "done", "postponed" };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      guint pick = g_rand_int_range (rand, 0, (gint32) ids->len);
      gint64 id = g_array_index (ids, gint64, pick);
      g_autofree char *value = NULL;
      gboolean ok = TRUE;

      switch (i % 10)
        {
        case 0: case 1: case 2:
          ok = ctg_document_set (doc, CTG_ITEM_ACTION, id, "status", statuses[g_rand_int_range (rand, 0, 3)], &error);
          break;
        case 3: case 4:
          value = g_strdup_printf ("%d-%02d", g_rand_int_range (rand, 2025, 2028), g_rand_int_range (rand, 1, 13));
          ok = ctg_document_set (doc, CTG_ITEM_ACTION, id, "echeance", value, &error);
          break;
        case 5:
          value = g_strdup_printf ("%s (%s %u)", name, "revu", i);
          ok = ctg_document_set (doc, CTG_ITEM_ACTION, id, "title", value, &error);
          break;
        case 6: case 7:
          ok = set_pilots (doc, id, g_rand_int (rand), &error);
          break;
        case 8:
          value = g_strdup_printf ("Nouvelle action %s %u", name, i);
          ok = ctg_document_add_item (doc, CTG_ITEM_ACTION, ctg_document_get_int (doc, CTG_ITEM_ACTION, id, "objective_id", 0),
                                      value, &error) != 0;
          break;
        default:
          ok = ctg_document_delete (doc, CTG_ITEM_ACTION, id, &error);
          g_array_remove_index_fast (ids, pick);
          break;
        }
      /* A date the action refuses (before its start) is an edit not made */
      if (!ok && !g_error_matches (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE))
        {
          g_printerr ("bench-core: %s\n", error->message);
          return 1;
        }
    }
  return 0;
}

static int
time_drift (CtgDocument *doc,
            guint        n)
{
  g_autoptr(GArray) drift_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) key_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) meetings = ctg_document_list_ids (doc, CTG_ITEM_MEETING, 0);
  g_autoptr(GError) error = NULL;
  guint items = 0;

  /* A meeting before every edit, for the window's outlines afterwards */
  if (meetings->len == 0 && ctg_document_add_meeting (doc, 0, "2000-01-01", "COPIL", &error) == 0)
    {
      g_printerr ("bench-core: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < n; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(CtgDrift) drift = ctg_drift_compute (doc, "2000-01-01");
      gint64 took = g_get_monotonic_time () - start;
      g_autofree char *key = NULL;

      items = drift->items->len;
      g_array_append_val (drift_times, took);
      start = g_get_monotonic_time ();
      key = ctg_drift_history_key (doc, "2000-01-01");
      took = g_get_monotonic_time () - start;
      g_array_append_val (key_times, took);
    }
  g_print ("CTG_BENCH drift-items=%u\n", items);
  print_times ("drift-us", drift_times);
  print_times ("drift-key-us", key_times);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  guint n;

  if (argc != 4)
    {
      g_printerr ("usage: bench-core journal|edit|load|diverge|drift FILE.ctg N\n");
      return 2;
    }
  n = (guint) atoi (argv[3]);
  if (g_str_equal (argv[1], "load"))
    return time_loads (argv[2], n);

  doc = ctg_document_open (argv[2], CTG_OPEN_FLAGS_NONE, &error);
  if (doc == NULL)
    {
      g_printerr ("bench-core: %s\n", error->message);
      return 1;
    }
  if (g_str_equal (argv[1], "journal"))
    return make_journal (doc, n);
  if (g_str_equal (argv[1], "edit"))
    return time_edits (doc, n);
  if (g_str_equal (argv[1], "diverge"))
    return diverge (doc, n);
  if (g_str_equal (argv[1], "drift"))
    return time_drift (doc, n);
  g_printerr ("usage: bench-core journal|edit|load|diverge|drift FILE.ctg N\n");
  return 2;
}
