/* test-items.c: what the document says changed, and the live items
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ctg-test-util.h"

typedef struct
{
  char        *path;
  CtgDocument *doc;
  gint64       axis;
  gint64       objective;
  gint64       action;
  GPtrArray   *sets;    /* CtgChangeSet, one per "committed" */
  guint        changed; /* "changed" emissions */
} Fixture;

static void
on_committed_cb (CtgDocument  *doc,
                 CtgChangeSet *changes,
                 Fixture      *f)
{
  g_ptr_array_add (f->sets, ctg_change_set_ref (changes));
}

static void
on_changed_cb (CtgDocument *doc,
               Fixture     *f)
{
  f->changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = ctg_test_tmp_path ("items.ctg");
  f->doc = ctg_document_create (f->path, &error);
  g_assert_no_error (error);
  f->axis = ctg_document_add_axis (f->doc, "Petite enfance", &error);
  g_assert_no_error (error);
  f->objective = ctg_document_add_objective (f->doc, f->axis, 0, 0, "Développer l'accueil", &error);
  g_assert_no_error (error);
  f->action = ctg_document_add_action (f->doc, f->objective, "Ouvrir une micro-crèche", &error);
  g_assert_no_error (error);
  f->sets = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_change_set_unref);
  g_signal_connect (f->doc, "committed", G_CALLBACK (on_committed_cb), f);
  g_signal_connect (f->doc, "changed", G_CALLBACK (on_changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->sets, g_ptr_array_unref);
  if (f->doc != NULL)
    ctg_document_close (f->doc);
  g_clear_object (&f->doc);
  g_unlink (f->path);
  g_free (f->path);
}

static CtgChangeSet *
only_set (Fixture *f)
{
  g_assert_cmpuint (f->sets->len, ==, 1);
  g_assert_cmpuint (f->changed, ==, 1);
  return g_ptr_array_index (f->sets, 0);
}

static void
forget_sets (Fixture *f)
{
  g_ptr_array_set_size (f->sets, 0);
  f->changed = 0;
}

static void
assert_fields (const CtgRowChange *row,
               const char * const *fields)
{
  g_assert_nonnull (row);
  g_assert_cmpint (row->op, ==, CTG_ROW_UPDATED);
  g_assert_nonnull (row->fields);
  g_assert_cmpuint (row->fields->len, ==, g_strv_length ((GStrv) fields));
  for (guint i = 0; fields[i] != NULL; i++)
    g_assert_true (ctg_row_change_has_field (row, fields[i]));
}

/* One edit: one signal naming the action and its fields, nothing else of
 * the plan, nothing to read again */
static void
test_changes_edit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CtgChangeSet *set;
  const CtgRowChange *row;

  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_ACTION, f->action, "progress", "50", &error));
  g_assert_no_error (error);
  set = only_set (f);

  row = ctg_change_set_find (set, CTG_ITEM_ACTION, f->action);
  assert_fields (row, (const char *[]) { "progress", "modified", NULL });
  g_assert_false (ctg_row_change_has_field (row, "title"));
  g_assert_cmpint (row->parent_id, ==, f->objective);
  g_assert_false (row->moved);
  assert_fields (ctg_change_set_find (set, CTG_ITEM_CONVENTION, 1), (const char *[]) { "modified", NULL });
  g_assert_cmpuint (ctg_change_set_get_n_rows (set), ==, 2);
  g_assert_null (ctg_change_set_find (set, CTG_ITEM_OBJECTIVE, f->objective));
  for (guint kind = 0; kind < CTG_N_ITEM_KINDS; kind++)
    g_assert_false (ctg_change_set_is_kind_reloaded (set, kind));

  /* The same value again writes nothing and says nothing */
  forget_sets (f);
  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_ACTION, f->action, "progress", "50", &error));
  g_assert_cmpuint (f->sets->len, ==, 0);
  g_assert_cmpuint (f->changed, ==, 0);

  /* A refused value neither */
  g_assert_false (ctg_document_set (f->doc, CTG_ITEM_ACTION, f->action, "progress", "150", &error));
  g_clear_error (&error);
  g_assert_cmpuint (f->sets->len, ==, 0);
}

static void
test_changes_insert_delete_move (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 step;
  gint64 step2;
  gint64 other;
  CtgChangeSet *set;
  const CtgRowChange *row;

  step = ctg_document_add_step (f->doc, f->action, "Trouver un local", &error);
  g_assert_no_error (error);
  set = only_set (f);
  row = ctg_change_set_find (set, CTG_ITEM_STEP, step);
  g_assert_nonnull (row);
  g_assert_cmpint (row->op, ==, CTG_ROW_INSERTED);
  g_assert_cmpint (row->parent_id, ==, f->action);

  step2 = ctg_document_add_step (f->doc, f->action, "Recruter", &error);
  g_assert_no_error (error);
  forget_sets (f);
  g_assert_true (ctg_document_move (f->doc, CTG_ITEM_STEP, step2, 0, &error));
  set = only_set (f);
  row = ctg_change_set_find (set, CTG_ITEM_STEP, step2);
  g_assert_nonnull (row);
  g_assert_true (row->moved);
  g_assert_true (ctg_row_change_has_field (row, "position"));
  g_assert_true (ctg_change_set_find (set, CTG_ITEM_STEP, step)->moved);

  /* To another objective: its old and new parents */
  other = ctg_document_add_objective (f->doc, f->axis, 0, 0, "Autre", &error);
  g_assert_no_error (error);
  forget_sets (f);
  g_assert_true (ctg_document_move_action (f->doc, f->action, other, &error));
  row = ctg_change_set_find (only_set (f), CTG_ITEM_ACTION, f->action);
  g_assert_true (row->moved);
  g_assert_cmpint (row->old_parent_id, ==, f->objective);
  g_assert_cmpint (row->parent_id, ==, other);

  /* A delete takes the children, each named with its parent */
  forget_sets (f);
  g_assert_true (ctg_document_delete (f->doc, CTG_ITEM_ACTION, f->action, &error));
  set = only_set (f);
  row = ctg_change_set_find (set, CTG_ITEM_ACTION, f->action);
  g_assert_cmpint (row->op, ==, CTG_ROW_REMOVED);
  g_assert_cmpint (row->parent_id, ==, other);
  row = ctg_change_set_find (set, CTG_ITEM_STEP, step);
  g_assert_cmpint (row->op, ==, CTG_ROW_REMOVED);
  g_assert_cmpint (row->parent_id, ==, f->action);

  /* Its undo puts them back */
  forget_sets (f);
  g_assert_true (ctg_document_undo (f->doc, &error));
  set = only_set (f);
  g_assert_cmpint (ctg_change_set_find (set, CTG_ITEM_ACTION, f->action)->op, ==, CTG_ROW_INSERTED);
  row = ctg_change_set_find (set, CTG_ITEM_STEP, step2);
  g_assert_cmpint (row->op, ==, CTG_ROW_INSERTED);
  g_assert_cmpint (row->parent_id, ==, f->action);
  for (guint kind = 0; kind < CTG_N_ITEM_KINDS; kind++)
    g_assert_false (ctg_change_set_is_kind_reloaded (set, kind));
}

/* Undo and redo say which fields they wrote back */
static void
test_changes_undo_redo (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const CtgRowChange *row;

  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_ACTION, f->action, "progress", "50", &error));
  forget_sets (f);
  g_assert_true (ctg_document_undo (f->doc, &error));
  g_assert_no_error (error);
  row = ctg_change_set_find (only_set (f), CTG_ITEM_ACTION, f->action);
  g_assert_true (ctg_row_change_has_field (row, "progress"));
  g_assert_false (ctg_row_change_has_field (row, "title"));

  forget_sets (f);
  g_assert_true (ctg_document_redo (f->doc, &error));
  row = ctg_change_set_find (only_set (f), CTG_ITEM_ACTION, f->action);
  g_assert_true (ctg_row_change_has_field (row, "progress"));
  g_assert_false (ctg_row_change_has_field (row, "title"));
}

/* A group is one transaction: one signal, its writes merged */
static void
test_changes_group (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CtgChangeSet *set;
  gint64 step;
  gint64 gone;

  g_assert_true (ctg_document_begin_group (f->doc, "Plusieurs", &error));
  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_ACTION, f->action, "title", "Nouveau titre", &error));
  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_ACTION, f->action, "status", "en cours", &error));
  step = ctg_document_add_step (f->doc, f->action, "Étape", &error);
  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_STEP, step, "text", "Étape revue", &error));
  gone = ctg_document_add_step (f->doc, f->action, "Éphémère", &error);
  g_assert_true (ctg_document_delete (f->doc, CTG_ITEM_STEP, gone, &error));
  g_assert_cmpuint (f->sets->len, ==, 0);
  g_assert_true (ctg_document_end_group (f->doc, &error));
  g_assert_no_error (error);

  set = only_set (f);
  assert_fields (ctg_change_set_find (set, CTG_ITEM_ACTION, f->action),
                 (const char *[]) { "title", "status", "modified", NULL });
  /* Inserted then edited: inserted */
  g_assert_cmpint (ctg_change_set_find (set, CTG_ITEM_STEP, step)->op, ==, CTG_ROW_INSERTED);
  /* Inserted then removed: nobody saw it */
  g_assert_null (ctg_change_set_find (set, CTG_ITEM_STEP, gone));

  /* A cancelled group says nothing */
  forget_sets (f);
  g_assert_true (ctg_document_begin_group (f->doc, "Annulé", &error));
  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_ACTION, f->action, "title", "Jamais", &error));
  ctg_document_cancel_group (f->doc);
  g_assert_cmpuint (f->sets->len, ==, 0);
  g_assert_cmpuint (f->changed, ==, 0);
}

/* An import describes every row it wrote */
static void
test_changes_import (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *csv = "axe;objectif;action;statut\n"
                    "Jeunesse;Accueillir;Ouvrir un local;en cours\n"
                    "Jeunesse;Accueillir;Animer;à lancer\n";
  CtgChangeSet *set;
  guint actions = 0;

  g_assert_true (ctg_document_import_csv (f->doc, csv, strlen (csv), NULL, &error));
  g_assert_no_error (error);
  set = only_set (f);
  for (guint i = 0; i < ctg_change_set_get_n_rows (set); i++)
    if (ctg_change_set_get_row (set, i)->kind == CTG_ITEM_ACTION &&
        ctg_change_set_get_row (set, i)->op == CTG_ROW_INSERTED)
      actions++;
  g_assert_cmpuint (actions, ==, 2);
  for (guint kind = 0; kind < CTG_N_ITEM_KINDS; kind++)
    g_assert_false (ctg_change_set_is_kind_reloaded (set, kind));
}

/* Another process wrote: the reader is told to read everything again */
static void
test_changes_other_process (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgDocument) reader = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, f->action);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_change_set_unref);

  ctg_document_close (f->doc);
  g_clear_object (&f->doc);

  reader = ctg_document_open (f->path, CTG_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_signal_connect (reader, "committed", G_CALLBACK (on_committed_cb), f);
  g_assert_false (ctg_document_poll (reader));
  g_assert_cmpuint (f->sets->len, ==, 0);

  g_assert_cmpint (ctg_test_run_cli (&out, &err, "set", f->path, number, "--title=Changé ailleurs", NULL), ==, 0);
  g_assert_true (ctg_document_poll (reader));
  g_assert_cmpuint (f->sets->len, ==, 1);
  g_assert_true (ctg_change_set_is_all_reloaded (g_ptr_array_index (f->sets, 0)));
  g_assert_false (ctg_document_poll (reader));
  g_assert_cmpuint (f->sets->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  ctg_test_init (&argc, &argv);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/changes/edit", test_changes_edit);
  ADD ("/changes/insert-delete-move", test_changes_insert_delete_move);
  ADD ("/changes/undo-redo", test_changes_undo_redo);
  ADD ("/changes/group", test_changes_group);
  ADD ("/changes/import", test_changes_import);
  ADD ("/changes/other-process", test_changes_other_process);
#undef ADD

  return g_test_run ();
}
