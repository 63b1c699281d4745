/* ctg-field-row.c: what the rows editing one field of the convention, a
 * signatory, a body, a member or a meeting share, whether the field is
 * edited in one line (CtgConventionEntryRow) or many (CtgConventionTextRow)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-field-row"

#include "config.h"

#include "ctg-editor-util.h"
#include "ctg-field-row.h"

G_DEFINE_INTERFACE (CtgFieldRow, ctg_field_row, GTK_TYPE_WIDGET)

static void
ctg_field_row_default_init (CtgFieldRowInterface *iface)
{
}

void
_ctg_field_binding_init (CtgFieldBinding *binding,
                         CtgItemKind      kind,
                         const char      *field)
{
  binding->kind = kind;
  binding->field = g_strdup (field);
}

void
_ctg_field_binding_clear (CtgFieldBinding *binding)
{
  g_clear_object (&binding->document);
  g_clear_pointer (&binding->field, g_free);
}

/* The stored value, %NULL when unset or when there is no document */
char *
_ctg_field_binding_dup (CtgFieldBinding *binding)
{
  return _ctg_item_dup_field (binding->document, binding->kind, binding->id, binding->field);
}

/* Whether the row still exists: it may have been removed under the row */
gboolean
_ctg_field_binding_exists (CtgFieldBinding *binding)
{
  /* The convention is its one row, whatever id the row was given */
  gint64 id = binding->kind == CTG_ITEM_CONVENTION ? 1 : binding->id;

  return ctg_document_has_item (binding->document, binding->kind, id);
}

/**
 * ctg_field_row_set_item:
 * @document: (nullable): the document
 * @id: the item (ignored for the convention itself)
 *
 * Shows the field of another item, dropping what was being typed.
 */
void
ctg_field_row_set_item (CtgFieldRow *self,
                        CtgDocument *document,
                        gint64       id)
{
  CtgFieldRowInterface *iface;
  CtgFieldBinding *binding;
  g_autofree char *stored = NULL;

  g_return_if_fail (CTG_IS_FIELD_ROW (self));
  g_return_if_fail (document == NULL || CTG_IS_DOCUMENT (document));

  iface = CTG_FIELD_ROW_GET_IFACE (self);
  binding = iface->get_binding (self);
  g_set_object (&binding->document, document);
  binding->id = id;

  iface->reset (self, document != NULL && !ctg_document_is_read_only (document));
  stored = _ctg_field_binding_dup (binding);
  iface->show (self, stored);
}

/**
 * ctg_field_row_refresh:
 *
 * Shows the value in the document again, unless the user is typing in the row.
 */
void
ctg_field_row_refresh (CtgFieldRow *self)
{
  CtgFieldRowInterface *iface;
  CtgFieldBinding *binding;
  g_autofree char *stored = NULL;

  g_return_if_fail (CTG_IS_FIELD_ROW (self));

  iface = CTG_FIELD_ROW_GET_IFACE (self);
  binding = iface->get_binding (self);
  if (binding->editing)
    return;

  stored = _ctg_field_binding_dup (binding);
  iface->show (self, stored);
}

/**
 * ctg_field_row_commit:
 *
 * Writes what was typed to the document, if it differs from what is there.
 *
 * Returns: %FALSE if the value was refused
 */
gboolean
ctg_field_row_commit (CtgFieldRow *self)
{
  g_return_val_if_fail (CTG_IS_FIELD_ROW (self), FALSE);

  return CTG_FIELD_ROW_GET_IFACE (self)->commit (self);
}

gboolean
ctg_field_row_is_editing (CtgFieldRow *self)
{
  g_return_val_if_fail (CTG_IS_FIELD_ROW (self), FALSE);

  return CTG_FIELD_ROW_GET_IFACE (self)->get_binding (self)->editing;
}
