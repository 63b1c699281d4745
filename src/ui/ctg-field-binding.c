/* ctg-field-binding.c: what the rows editing one field of the convention,
 * a signatory, a body, a member or a meeting share, whether the field is
 * edited in one line (CtgConventionEntryRow) or many (CtgTextRow):
 * the live item they show, followed through its property's notify
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-field-binding"

#include "config.h"

#include "ctg-field-binding.h"

/* @field: a column ("period_start") or its property ("period-start") */
void
_ctg_field_binding_init (CtgFieldBinding *binding,
                         const char      *field)
{
  g_autofree char *property = g_strdelimit (g_strdup (field), "_", '-');

  binding->property = g_intern_string (property);
}

/* Called from the row's dispose: losing the focus while being destroyed
 * must find nothing to commit to */
void
_ctg_field_binding_clear (CtgFieldBinding *binding)
{
  _ctg_field_binding_set_item (binding, NULL, NULL, NULL);
}

/**
 * _ctg_field_binding_set_item:
 * @item: (nullable): the item to show
 * @changed: called with @row when the field of @item changes, whatever
 *   changed it (this row, undo, another window or process)
 *
 * Shows the field of another item; what was being typed is the row's to drop.
 */
void
_ctg_field_binding_set_item (CtgFieldBinding *binding,
                             CtgItem         *item,
                             GCallback        changed,
                             gpointer         row)
{
  if (binding->item != NULL)
    g_clear_signal_handler (&binding->notify_id, binding->item);
  g_set_object (&binding->item, item);
  if (item != NULL)
    {
      g_autofree char *signal = g_strconcat ("notify::", binding->property, NULL);

      binding->notify_id = g_signal_connect_swapped (item, signal, changed, row);
    }
}

/* The stored value, %NULL when unset or when there is no item */
const char *
_ctg_field_binding_get (CtgFieldBinding *binding)
{
  return binding->item != NULL ? ctg_item_get_text (binding->item, binding->property) : NULL;
}

/* Whether there is an item to write to: it may have been removed under the
 * row, its document closed or open read-only */
gboolean
_ctg_field_binding_writable (CtgFieldBinding *binding)
{
  CtgDocument *document;

  if (binding->item == NULL || ctg_item_is_removed (binding->item))
    return FALSE;
  document = ctg_item_get_document (binding->item);
  return document != NULL && !ctg_document_is_read_only (document);
}

/* Checks and commits @text; the item notifies the row as it does every view */
gboolean
_ctg_field_binding_store (CtgFieldBinding  *binding,
                          const char       *text,
                          GError          **error)
{
  g_autoptr(CtgItem) item = NULL;

  g_assert (binding->item != NULL);

  /* The commit may rebind or destroy the row, which drops its reference */
  item = g_object_ref (binding->item);
  return ctg_item_set (item, binding->property, text, error);
}
