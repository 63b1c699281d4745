/* test-items.c: what the document says changed, and the live items
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ctg-document-private.h"
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
  f->axis = ctg_document_add_item (f->doc, CTG_ITEM_AXIS, 0, "Petite enfance", &error);
  g_assert_no_error (error);
  f->objective = ctg_document_add_objective (f->doc, f->axis, 0, 0, "Développer l'accueil", &error);
  g_assert_no_error (error);
  f->action = ctg_document_add_item (f->doc, CTG_ITEM_ACTION, f->objective, "Ouvrir une micro-crèche", &error);
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

  step = ctg_document_add_item (f->doc, CTG_ITEM_STEP, f->action, "Trouver un local", &error);
  g_assert_no_error (error);
  set = only_set (f);
  row = ctg_change_set_find (set, CTG_ITEM_STEP, step);
  g_assert_nonnull (row);
  g_assert_cmpint (row->op, ==, CTG_ROW_INSERTED);
  g_assert_cmpint (row->parent_id, ==, f->action);

  step2 = ctg_document_add_item (f->doc, CTG_ITEM_STEP, f->action, "Recruter", &error);
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
  step = ctg_document_add_item (f->doc, CTG_ITEM_STEP, f->action, "Étape", &error);
  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_STEP, step, "text", "Étape revue", &error));
  gone = ctg_document_add_item (f->doc, CTG_ITEM_STEP, f->action, "Éphémère", &error);
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

/* Live items */

typedef struct
{
  GHashTable *counts;   /* property name -> notifications */
} Notes;

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              Notes      *notes)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (notes->counts, pspec->name));

  g_hash_table_insert (notes->counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static guint
notes_of (Notes      *notes,
          const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (notes->counts, g_intern_string (name)));
}

static void
watch (gpointer  item,
       Notes    *notes)
{
  notes->counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (item, "notify", G_CALLBACK (on_notify_cb), notes);
}

static void
unwatch (gpointer  item,
         Notes    *notes)
{
  g_signal_handlers_disconnect_by_data (item, notes);
  g_clear_pointer (&notes->counts, g_hash_table_unref);
}

static void
test_items_one_object (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CtgItem) a = ctg_document_get_item (f->doc, CTG_ITEM_ACTION, f->action);
  g_autoptr(CtgItem) b = ctg_document_get_item (f->doc, CTG_ITEM_ACTION, f->action);
  g_autoptr(GListModel) list = ctg_document_list_items (f->doc, CTG_ITEM_ACTION, f->objective);
  g_autoptr(GListModel) again = ctg_document_list_items (f->doc, CTG_ITEM_ACTION, f->objective);
  g_autoptr(CtgItem) first = g_list_model_get_item (list, 0);
  g_autoptr(CtgItem) convention = ctg_document_get_item (f->doc, CTG_ITEM_CONVENTION, 0);
  GWeakRef weak;

  g_assert_true (a == b);
  g_assert_true (list == again);
  g_assert_true (first == a);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (a, ctg_item_type_for_kind (CTG_ITEM_ACTION)));
  g_assert_cmpuint (g_list_model_get_item_type (list), ==, ctg_item_type_for_kind (CTG_ITEM_ACTION));
  g_assert_cmpstr (ctg_item_get_title (a), ==, "Ouvrir une micro-crèche");
  g_assert_cmpint (ctg_item_get_parent_id (a), ==, f->objective);
  g_assert_cmpint (ctg_item_get_int (a, "objective-id"), ==, f->objective);
  g_assert_cmpint (ctg_item_get_progress (a), ==, -1);
  g_assert_cmpint (ctg_item_get_status (a), ==, CTG_STATUS_TODO);
  g_assert_false (ctg_item_get_boolean (a, "continuous"));
  g_assert_nonnull (convention);
  g_assert_cmpint (ctg_item_get_id (convention), ==, 1);
  g_assert_null (ctg_document_get_item (f->doc, CTG_ITEM_ACTION, 9999));

  /* Nobody holds it: it goes, and the next one is read afresh */
  g_weak_ref_init (&weak, a);
  g_clear_object (&a);
  g_clear_object (&b);
  g_clear_object (&first);
  g_clear_object (&list);
  g_clear_object (&again);
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
  a = ctg_document_get_item (f->doc, CTG_ITEM_ACTION, f->action);
  g_assert_nonnull (a);
}

/* Each changed property notifies once per commit, the others not at all */
static void
test_items_notify (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgItem) action = ctg_document_get_item (f->doc, CTG_ITEM_ACTION, f->action);
  g_autoptr(CtgItem) convention = ctg_document_get_item (f->doc, CTG_ITEM_CONVENTION, 1);
  Notes notes = { NULL };
  Notes title = { NULL };

  watch (action, &notes);
  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_ACTION, f->action, "progress", "50", &error));
  g_assert_no_error (error);
  g_assert_cmpint (ctg_item_get_progress (action), ==, 50);
  g_assert_cmpuint (notes_of (&notes, "progress"), ==, 1);
  g_assert_cmpuint (notes_of (&notes, "title"), ==, 0);
  g_assert_cmpuint (notes_of (&notes, "status"), ==, 0);
  unwatch (action, &notes);

  /* A group: every field once */
  watch (action, &notes);
  g_assert_true (ctg_document_begin_group (f->doc, "Plusieurs", &error));
  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_ACTION, f->action, "title", "Un", &error));
  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_ACTION, f->action, "title", "Deux", &error));
  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_ACTION, f->action, "status", "réalisée", &error));
  g_assert_cmpuint (notes_of (&notes, "title"), ==, 0);
  g_assert_true (ctg_document_end_group (f->doc, &error));
  g_assert_cmpuint (notes_of (&notes, "title"), ==, 1);
  g_assert_cmpuint (notes_of (&notes, "status"), ==, 1);
  g_assert_cmpuint (notes_of (&notes, "progress"), ==, 0);
  g_assert_cmpstr (ctg_item_get_title (action), ==, "Deux");
  g_assert_cmpint (ctg_item_get_status (action), ==, CTG_STATUS_DONE);
  unwatch (action, &notes);

  /* The item's own setter goes through the document's checks */
  watch (convention, &title);
  g_assert_true (ctg_item_set (convention, "title", "CTG du Grand Creusot", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ctg_item_get_title (convention), ==, "CTG du Grand Creusot");
  g_assert_cmpuint (notes_of (&title, "title"), ==, 1);
  g_assert_false (ctg_item_set (action, "progress", "150", &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (ctg_item_get_progress (action), ==, 50);
  unwatch (convention, &title);
}

typedef struct
{
  GString *log;
} Positions;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Positions  *p)
{
  g_string_append_printf (p->log, "%s%u-%u+%u", p->log->len ? " " : "", position, removed, added);
}

/* The list holds the document's ids, in its order */
static void
assert_list_is_document (Fixture    *f,
                         GListModel *list,
                         CtgItemKind kind,
                         gint64      parent)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (f->doc, kind, parent);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CtgItem) item = g_list_model_get_item (list, i);

      g_assert_cmpint (ctg_item_get_id (item), ==, g_array_index (ids, gint64, i));
    }
}

static void
test_items_list_positions (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) steps = ctg_document_list_items (f->doc, CTG_ITEM_STEP, f->action);
  Positions p = { g_string_new (NULL) };
  gint64 ids[4];
  g_autoptr(CtgItem) second = NULL;

  g_signal_connect (steps, "items-changed", G_CALLBACK (on_items_changed_cb), &p);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *text = g_strdup_printf ("Étape %u", i);

      ids[i] = ctg_document_add_item (f->doc, CTG_ITEM_STEP, f->action, text, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpstr (p.log->str, ==, "0-0+1 1-0+1 2-0+1 3-0+1");
  assert_list_is_document (f, steps, CTG_ITEM_STEP, f->action);
  second = g_list_model_get_item (steps, 1);

  /* An edit moves nothing */
  g_string_truncate (p.log, 0);
  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_STEP, ids[1], "text", "Revue", &error));
  g_assert_cmpstr (p.log->str, ==, "");
  g_assert_cmpstr (ctg_item_get_text (second, "text"), ==, "Revue");

  /* A move: out of its place, into the new one, the rest stays */
  g_string_truncate (p.log, 0);
  g_assert_true (ctg_document_move (f->doc, CTG_ITEM_STEP, ids[3], 0, &error));
  g_assert_cmpstr (p.log->str, ==, "3-1+0 0-0+1");
  assert_list_is_document (f, steps, CTG_ITEM_STEP, f->action);

  g_string_truncate (p.log, 0);
  g_assert_true (ctg_document_move (f->doc, CTG_ITEM_STEP, ids[3], 3, &error));
  g_assert_cmpstr (p.log->str, ==, "0-1+0 3-0+1");
  assert_list_is_document (f, steps, CTG_ITEM_STEP, f->action);

  /* A delete, its undo and its redo */
  g_string_truncate (p.log, 0);
  g_assert_true (ctg_document_delete (f->doc, CTG_ITEM_STEP, ids[1], &error));
  g_assert_cmpstr (p.log->str, ==, "1-1+0");
  g_assert_true (ctg_item_is_removed (second));
  assert_list_is_document (f, steps, CTG_ITEM_STEP, f->action);

  g_string_truncate (p.log, 0);
  g_assert_true (ctg_document_undo (f->doc, &error));
  g_assert_cmpstr (p.log->str, ==, "1-0+1");
  g_assert_false (ctg_item_is_removed (second));
  {
    g_autoptr(CtgItem) back = g_list_model_get_item (steps, 1);

    g_assert_true (back == second);
  }

  g_string_truncate (p.log, 0);
  g_assert_true (ctg_document_redo (f->doc, &error));
  g_assert_cmpstr (p.log->str, ==, "1-1+0");

  /* An action moving to another objective leaves one list for the other */
  {
    gint64 other = ctg_document_add_objective (f->doc, f->axis, 0, 0, "Autre", &error);
    g_autoptr(GListModel) here = ctg_document_list_items (f->doc, CTG_ITEM_ACTION, f->objective);
    g_autoptr(GListModel) there = ctg_document_list_items (f->doc, CTG_ITEM_ACTION, other);

    g_assert_cmpuint (g_list_model_get_n_items (here), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (there), ==, 0);
    g_assert_true (ctg_document_move_action (f->doc, f->action, other, &error));
    g_assert_cmpuint (g_list_model_get_n_items (here), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (there), ==, 1);
  }
  g_string_free (p.log, TRUE);
}

/* Undo and redo reach the items */
static void
test_items_undo_redo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgItem) action = ctg_document_get_item (f->doc, CTG_ITEM_ACTION, f->action);
  Notes notes = { NULL };

  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_ACTION, f->action, "progress", "10", &error));
  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_ACTION, f->action, "progress", "50", &error));
  watch (action, &notes);
  g_assert_true (ctg_document_undo (f->doc, &error));
  g_assert_cmpint (ctg_item_get_progress (action), ==, 10);
  g_assert_cmpuint (notes_of (&notes, "progress"), ==, 1);
  g_assert_cmpuint (notes_of (&notes, "title"), ==, 0);
  g_assert_true (ctg_document_redo (f->doc, &error));
  g_assert_cmpint (ctg_item_get_progress (action), ==, 50);
  g_assert_cmpuint (notes_of (&notes, "progress"), ==, 2);
  unwatch (action, &notes);
}

/* The list's action at @id, or NULL */
static CtgAction *
listed_action (CtgDocument *doc,
               gint64       id)
{
  g_autoptr(GListModel) all = ctg_document_list_actions (doc, 0);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (all, i);

      if (ctg_action_get_id (action) == id)
        return g_steal_pointer (&action);
    }
  return NULL;
}

/* An action has one object: the item is the row of the document's list,
 * whichever was asked for first and after the list is read again; an edit
 * notifies it once, an undo with the file's value */
static void
test_items_action_one_object (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgItem) item = ctg_document_get_item (f->doc, CTG_ITEM_ACTION, f->action);
  g_autoptr(CtgAction) listed = listed_action (f->doc, f->action);
  g_autoptr(GListModel) siblings = ctg_document_list_items (f->doc, CTG_ITEM_ACTION, f->objective);
  g_autoptr(CtgItem) sibling = g_list_model_get_item (siblings, 0);
  Notes notes = { NULL };
  gint64 other;

  /* Asked for as an item before the list was read */
  g_assert_nonnull (listed);
  g_assert_true ((gpointer) listed == (gpointer) item);
  g_assert_true (sibling == item);
  g_assert_true (CTG_IS_ACTION (item));

  /* And the other way round, for an action the list read first */
  other = ctg_document_add_item (f->doc, CTG_ITEM_ACTION, f->objective, "Relais petite enfance", &error);
  g_assert_no_error (error);
  {
    g_autoptr(CtgAction) first = listed_action (f->doc, other);
    g_autoptr(CtgItem) then = ctg_document_get_item (f->doc, CTG_ITEM_ACTION, other);

    g_assert_true ((gpointer) first == (gpointer) then);
  }

  /* One edit, one notification of the field, on the one object */
  watch (item, &notes);
  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_ACTION, f->action, "progress", "30", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notes_of (&notes, "progress"), ==, 1);
  g_assert_cmpuint (notes_of (&notes, "title"), ==, 0);
  g_assert_cmpint (ctg_action_get_progress (CTG_ACTION (item)), ==, 30);
  g_assert_cmpint (ctg_item_get_progress (item), ==, 30);
  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_ACTION, f->action, "progress", "50", &error));
  g_assert_cmpuint (notes_of (&notes, "progress"), ==, 2);

  /* Undo through the document: the file's value, notified once */
  g_assert_true (ctg_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notes_of (&notes, "progress"), ==, 3);
  g_assert_cmpint (ctg_document_get_int (f->doc, CTG_ITEM_ACTION, f->action, "progress", -1), ==, 30);
  g_assert_cmpint (ctg_action_get_progress (CTG_ACTION (item)), ==, 30);
  g_assert_cmpint (ctg_item_get_int (item, "progress"), ==, 30);

  /* The texts too, and the list read again after a change of the plan
   * keeps the object */
  g_assert_cmpstr (ctg_action_get_title (CTG_ACTION (item)), ==, "Ouvrir une micro-crèche");
  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_ACTION, f->action, "title", "Micro-crèche", &error));
  g_assert_cmpuint (notes_of (&notes, "title"), ==, 1);
  g_assert_true (ctg_document_move (f->doc, CTG_ITEM_ACTION, other, 0, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CtgAction) again = listed_action (f->doc, f->action);

    g_assert_true ((gpointer) again == (gpointer) item);
  }
  g_assert_true (ctg_document_undo (f->doc, &error));
  g_assert_true (ctg_document_undo (f->doc, &error));
  g_assert_cmpuint (notes_of (&notes, "title"), ==, 2);
  g_assert_cmpstr (ctg_item_get_title (item), ==, "Ouvrir une micro-crèche");
  g_assert_cmpstr (ctg_action_get_title (CTG_ACTION (item)), ==, "Ouvrir une micro-crèche");
  g_assert_cmpuint (notes_of (&notes, "progress"), ==, 3);

  /* Deleted, then back by an undo: the same object, removed meanwhile */
  g_assert_true (ctg_document_delete (f->doc, CTG_ITEM_ACTION, f->action, &error));
  g_assert_true (ctg_item_is_removed (item));
  {
    g_autoptr(CtgAction) gone = listed_action (f->doc, f->action);

    g_assert_null (gone);
  }
  g_assert_true (ctg_document_undo (f->doc, &error));
  g_assert_false (ctg_item_is_removed (item));
  {
    g_autoptr(CtgAction) back = listed_action (f->doc, f->action);
    g_autoptr(CtgItem) asked = ctg_document_get_item (f->doc, CTG_ITEM_ACTION, f->action);

    g_assert_true ((gpointer) back == (gpointer) item);
    g_assert_true (asked == item);
  }
  unwatch (item, &notes);
}

/* Another connection to the file: a reader in this process sees what
 * another process wrote once it looks */
static void
test_items_other_process (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgDocument) reader = NULL;
  g_autoptr(CtgItem) action = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(CtgAction) listed = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, f->action);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  Notes notes = { NULL };

  ctg_document_close (f->doc);
  g_clear_object (&f->doc);
  reader = ctg_document_open (f->path, CTG_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  action = ctg_document_get_item (reader, CTG_ITEM_ACTION, f->action);
  actions = ctg_document_list_items (reader, CTG_ITEM_ACTION, f->objective);
  listed = listed_action (reader, f->action);
  g_assert_true ((gpointer) listed == (gpointer) action);
  watch (action, &notes);

  g_assert_cmpint (ctg_test_run_cli (&out, &err, "set", f->path, number, "--title=Changé ailleurs",
                                     "--status=en cours", NULL), ==, 0);
  g_assert_true (ctg_document_poll (reader));
  g_assert_cmpstr (ctg_item_get_title (action), ==, "Changé ailleurs");
  g_assert_cmpuint (notes_of (&notes, "title"), ==, 1);
  g_assert_cmpuint (notes_of (&notes, "status"), ==, 1);
  g_assert_cmpuint (notes_of (&notes, "progress"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 1);
  g_clear_object (&listed);
  listed = listed_action (reader, f->action);
  g_assert_true ((gpointer) listed == (gpointer) action);
  g_assert_cmpint (ctg_action_get_status (listed), ==, CTG_STATUS_IN_PROGRESS);
  unwatch (action, &notes);
}

/* Every column of every kind is a property: a new column in the schema
 * must be added to the kinds' table */
static void
test_items_cover_schema (Fixture       *f,
                         gconstpointer  data)
{
  for (guint kind = 0; kind < CTG_N_ITEM_KINDS; kind++)
    {
      const char * const *columns = _ctg_document_table_columns (f->doc, ctg_item_kind_to_table (kind));
      g_autoptr(GTypeClass) klass = g_type_class_ref (ctg_item_type_for_kind (kind));
      guint n_props = 0;
      G_GNUC_UNUSED g_autofree GParamSpec **props = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_props);

      for (guint i = 0; columns[i] != NULL; i++)
        {
          g_autofree char *name = g_strdelimit (g_strdup (columns[i]), "_", '-');

          g_assert_nonnull (g_object_class_find_property (G_OBJECT_CLASS (klass), name));
        }
      /* id, parent-id, removed, then one per column but id; an action has
       * its lists too (pilots, partners, referents, funding) */
      g_assert_cmpuint (n_props, ==, g_strv_length ((GStrv) columns) + 2 + (kind == CTG_ITEM_ACTION ? 4 : 0));
    }
}

/* A field as a field shows it for typing again: numbers the French way,
 * an unset year empty, a text as it is */
static void
test_items_shown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgItem) item = NULL;
  g_autofree char *expected = ctg_number_format (1234.5);
  g_autofree char *text = NULL;
  gint64 id = ctg_document_add_item (f->doc, CTG_ITEM_INDICATOR, f->action, "Places créées", &error);

  g_assert_no_error (error);
  item = ctg_document_get_item (f->doc, CTG_ITEM_INDICATOR, id);
  text = ctg_item_dup_shown (item, "baseline", TRUE);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  text = ctg_item_dup_shown (item, "target-year", FALSE);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_INDICATOR, id, "baseline", "1 234,5", &error));
  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_INDICATOR, id, "target_year", "2026", &error));
  g_assert_true (ctg_document_set (f->doc, CTG_ITEM_INDICATOR, id, "unit", "places", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ctg_item_get_text (item, "baseline"), ==, "1234.5");
  text = ctg_item_dup_shown (item, "baseline", TRUE);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  text = ctg_item_dup_shown (item, "target-year", FALSE);
  g_assert_cmpstr (text, ==, "2026");
  g_clear_pointer (&text, g_free);
  text = ctg_item_dup_shown (item, "unit", FALSE);
  g_assert_cmpstr (text, ==, "places");
  g_clear_pointer (&text, g_free);

  /* The same values as properties, for bindings */
  {
    gint64 year = 0;

    g_object_get (item, "unit", &text, "target-year", &year, NULL);
    g_assert_cmpstr (text, ==, "places");
    g_assert_cmpint (year, ==, 2026);
  }
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
  ADD ("/items/one-object", test_items_one_object);
  ADD ("/items/notify", test_items_notify);
  ADD ("/items/list-positions", test_items_list_positions);
  ADD ("/items/undo-redo", test_items_undo_redo);
  ADD ("/items/action-one-object", test_items_action_one_object);
  ADD ("/items/other-process", test_items_other_process);
  ADD ("/items/cover-schema", test_items_cover_schema);
  ADD ("/items/shown", test_items_shown);
#undef ADD

  return g_test_run ();
}
