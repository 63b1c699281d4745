/* ctg-change-set.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What one committed transaction wrote, row by row, so that every view can
 * update exactly what changed instead of reading everything again. */

#define G_LOG_DOMAIN "ctg-document"

#include "config.h"

#include "ctg-change-set.h"

struct _CtgChangeSet
{
  gatomicrefcount  ref_count;
  GPtrArray       *rows;     /* CtgRowChange, in the order first written */
  GHashTable      *by_key;   /* row key (in the row) -> index in rows */
  guint            n_holes;  /* rows inserted then removed: left out */
  GPtrArray       *described; /* the rows but the holes, made when first asked */
  guint32          reloaded; /* bit per kind: written in ways nobody described */
  gboolean         all;      /* another process wrote: anything may have changed */
};

G_DEFINE_BOXED_TYPE (CtgChangeSet, ctg_change_set, ctg_change_set_ref, ctg_change_set_unref)

G_STATIC_ASSERT (CTG_N_ITEM_KINDS <= 32);

/* A row and its key, which the hash table points into */
typedef struct
{
  CtgRowChange change;
  gint64       key;
} Row;

static void
row_change_free (CtgRowChange *change)
{
  g_clear_pointer (&change->fields, g_ptr_array_unref);
  g_free ((Row *) change);
}

CtgChangeSet *
ctg_change_set_new (void)
{
  CtgChangeSet *self = g_new0 (CtgChangeSet, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_change_free);
  self->by_key = g_hash_table_new (g_int64_hash, g_int64_equal);
  return self;
}

CtgChangeSet *
ctg_change_set_ref (CtgChangeSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ctg_change_set_unref (CtgChangeSet *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->rows);
  g_clear_pointer (&self->described, g_ptr_array_unref);
  g_hash_table_unref (self->by_key);
  g_free (self);
}

/* Ids are row ids: far below 2^56 */
static gint64
row_key (CtgItemKind kind,
         gint64      id)
{
  return (gint64) ((guint64) kind << 56 | (guint64) id);
}

static void
add_field (CtgRowChange *change,
           const char   *field)
{
  const char *interned;

  if (field == NULL)
    return;
  interned = g_intern_string (field);
  if (change->fields == NULL)
    change->fields = g_ptr_array_new ();
  for (guint i = 0; i < change->fields->len; i++)
    if (g_ptr_array_index (change->fields, i) == interned)
      return;
  g_ptr_array_add (change->fields, (gpointer) interned);
}

/**
 * ctg_change_set_add:
 * @write: the row written: its kind, id, parents, op and whether it may
 *   have moved (its @fields are not read)
 * @field: (nullable): for %CTG_ROW_UPDATED, the column written
 *
 * Records one write, merged with the earlier writes of the same row: a row
 * inserted then updated stays inserted, a row inserted then removed is
 * left out, a row removed then put back (an undo replaying a delete and
 * an insert) is updated with every field.
 */
void
ctg_change_set_add (CtgChangeSet       *self,
                    const CtgRowChange *write,
                    const char         *field)
{
  CtgItemKind kind = write->kind;
  gint64 id = write->id;
  gint64 parent_id = write->parent_id;
  CtgRowOp op = write->op;
  gboolean moved = write->moved;
  gint64 key = row_key (kind, id);
  gpointer found;
  CtgRowChange *change;

  g_return_if_fail (self != NULL);
  g_return_if_fail (write != NULL && kind < CTG_N_ITEM_KINDS);

  g_clear_pointer (&self->described, g_ptr_array_unref);
  if (!g_hash_table_lookup_extended (self->by_key, &key, NULL, &found))
    {
      Row *row = g_new0 (Row, 1);

      row->key = key;
      change = &row->change;
      change->kind = kind;
      change->id = id;
      change->parent_id = parent_id;
      change->old_parent_id = op == CTG_ROW_UPDATED ? write->old_parent_id : parent_id;
      change->op = op;
      change->moved = moved;
      if (op == CTG_ROW_UPDATED)
        add_field (change, field);
      g_hash_table_insert (self->by_key, &row->key, GUINT_TO_POINTER (self->rows->len));
      g_ptr_array_add (self->rows, change);
      return;
    }

  change = g_ptr_array_index (self->rows, GPOINTER_TO_UINT (found));
  switch (op)
    {
    case CTG_ROW_UPDATED:
      if (change->op == CTG_ROW_UPDATED)
        {
          add_field (change, field);
          change->moved |= moved;
        }
      if (change->op != CTG_ROW_REMOVED)
        change->parent_id = parent_id;
      break;

    case CTG_ROW_REMOVED:
      if (change->op == CTG_ROW_INSERTED)
        {
          /* Never seen by anyone: it was not there before either. The
           * entry stays as a hole so that the indices in by_key hold. */
          change->op = CTG_ROW_UPDATED;
          change->kind = CTG_N_ITEM_KINDS;
          self->n_holes++;
        }
      else
        {
          change->op = CTG_ROW_REMOVED;
          change->parent_id = change->old_parent_id;
          g_clear_pointer (&change->fields, g_ptr_array_unref);
        }
      break;

    case CTG_ROW_INSERTED:
      if (change->kind == CTG_N_ITEM_KINDS)
        {
          self->n_holes--;
          change->kind = kind;
          change->op = CTG_ROW_INSERTED;
          change->parent_id = change->old_parent_id = parent_id;
        }
      else
        {
          /* Removed and put back: the same id, maybe elsewhere, any field */
          change->op = CTG_ROW_UPDATED;
          change->moved = TRUE;
          change->parent_id = parent_id;
          g_clear_pointer (&change->fields, g_ptr_array_unref);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * ctg_change_set_reload_kind:
 *
 * Says that rows of @kind were written in ways the set does not describe:
 * whoever shows that kind must read it again.
 */
void
ctg_change_set_reload_kind (CtgChangeSet *self,
                            CtgItemKind   kind)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (kind < CTG_N_ITEM_KINDS);

  self->reloaded |= 1u << kind;
}

/**
 * ctg_change_set_reload_all:
 *
 * Says that anything may have changed (another process wrote to the file).
 */
void
ctg_change_set_reload_all (CtgChangeSet *self)
{
  g_return_if_fail (self != NULL);

  self->all = TRUE;
}

gboolean
ctg_change_set_is_empty (CtgChangeSet *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return !self->all && self->reloaded == 0 && ctg_change_set_get_n_rows (self) == 0;
}

/**
 * ctg_change_set_get_n_rows:
 *
 * Returns: the number of rows described
 */
guint
ctg_change_set_get_n_rows (CtgChangeSet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len - self->n_holes;
}

/**
 * ctg_change_set_get_row:
 *
 * Returns: (transfer none): the @index-th row described, in the order
 *   they were first written
 */
const CtgRowChange *
ctg_change_set_get_row (CtgChangeSet *self,
                        guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < ctg_change_set_get_n_rows (self), NULL);

  if (self->n_holes == 0)
    return g_ptr_array_index (self->rows, index);

  /* An import writes tens of thousands of rows: made once, not per call */
  if (self->described == NULL)
    {
      self->described = g_ptr_array_sized_new (self->rows->len - self->n_holes);
      for (guint i = 0; i < self->rows->len; i++)
        if (((CtgRowChange *) g_ptr_array_index (self->rows, i))->kind != CTG_N_ITEM_KINDS)
          g_ptr_array_add (self->described, g_ptr_array_index (self->rows, i));
    }
  return g_ptr_array_index (self->described, index);
}

/**
 * ctg_change_set_find:
 *
 * Returns: (transfer none) (nullable): what happened to that row, or %NULL
 *   if the set does not describe it (see also
 *   ctg_change_set_is_kind_reloaded())
 */
const CtgRowChange *
ctg_change_set_find (CtgChangeSet *self,
                     CtgItemKind   kind,
                     gint64        id)
{
  gint64 key = row_key (kind, id);
  gpointer found;
  const CtgRowChange *change;

  g_return_val_if_fail (self != NULL, NULL);

  if (!g_hash_table_lookup_extended (self->by_key, &key, NULL, &found))
    return NULL;
  change = g_ptr_array_index (self->rows, GPOINTER_TO_UINT (found));
  return change->kind == CTG_N_ITEM_KINDS ? NULL : change;
}

/**
 * ctg_change_set_is_kind_reloaded:
 *
 * Returns: whether every row of @kind must be read again (also when
 *   everything was reloaded)
 */
gboolean
ctg_change_set_is_kind_reloaded (CtgChangeSet *self,
                                 CtgItemKind   kind)
{
  g_return_val_if_fail (self != NULL, TRUE);
  g_return_val_if_fail (kind < CTG_N_ITEM_KINDS, TRUE);

  return self->all || (self->reloaded & (1u << kind)) != 0;
}

gboolean
ctg_change_set_is_all_reloaded (CtgChangeSet *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->all;
}

/**
 * ctg_change_set_touches_kind:
 *
 * Returns: whether any row of @kind may have changed
 */
gboolean
ctg_change_set_touches_kind (CtgChangeSet *self,
                             CtgItemKind   kind)
{
  g_return_val_if_fail (self != NULL, TRUE);

  if (ctg_change_set_is_kind_reloaded (self, kind))
    return TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    if (((CtgRowChange *) g_ptr_array_index (self->rows, i))->kind == kind)
      return TRUE;
  return FALSE;
}

/**
 * ctg_row_change_has_field:
 *
 * Returns: whether @field may have changed: it was written by an update,
 *   or the row was inserted, removed or put back
 */
gboolean
ctg_row_change_has_field (const CtgRowChange *change,
                          const char         *field)
{
  const char *interned;

  g_return_val_if_fail (change != NULL, FALSE);

  if (change->op != CTG_ROW_UPDATED || change->fields == NULL)
    return TRUE;
  interned = g_intern_string (field);
  for (guint i = 0; i < change->fields->len; i++)
    if (g_ptr_array_index (change->fields, i) == interned)
      return TRUE;
  return FALSE;
}
