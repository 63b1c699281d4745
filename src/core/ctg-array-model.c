/* ctg-array-model.c: a list that never changes, over an array of objects
 *
 * A GListStore spends about 40 bytes on each item (a node of its
 * GSequence); the lists of a large convention's actions are read once and
 * replaced as a whole, never edited in place, so an array (8 bytes an item,
 * or none when it shares the document's own array) holds them.
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ctg-array-model.h"

struct _CtgArrayModel
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;
};

static GType
ctg_array_model_get_item_type (GListModel *model)
{
  return CTG_ARRAY_MODEL (model)->item_type;
}

static guint
ctg_array_model_get_n_items (GListModel *model)
{
  return CTG_ARRAY_MODEL (model)->items->len;
}

static gpointer
ctg_array_model_get_item (GListModel *model,
                          guint       position)
{
  CtgArrayModel *self = CTG_ARRAY_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
ctg_array_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = ctg_array_model_get_item_type;
  iface->get_n_items = ctg_array_model_get_n_items;
  iface->get_item = ctg_array_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (CtgArrayModel, ctg_array_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ctg_array_model_list_init))

static void
ctg_array_model_finalize (GObject *object)
{
  CtgArrayModel *self = (CtgArrayModel *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (ctg_array_model_parent_class)->finalize (object);
}

static void
ctg_array_model_class_init (CtgArrayModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ctg_array_model_finalize;
}

static void
ctg_array_model_init (CtgArrayModel *self)
{
}

/**
 * ctg_array_model_new:
 * @item_type: the #GType of the items
 * @items: (transfer none): objects of @item_type, holding a reference to
 *   each (a free function of g_object_unref()); a reference to the array is
 *   taken, and nobody may change it afterwards
 *
 * Returns: (transfer full): a #GListModel of @items, which never changes
 */
GListModel *
ctg_array_model_new (GType      item_type,
                     GPtrArray *items)
{
  CtgArrayModel *self = g_object_new (CTG_TYPE_ARRAY_MODEL, NULL);

  self->item_type = item_type;
  self->items = g_ptr_array_ref (items);
  return G_LIST_MODEL (self);
}
