/* ctg-field-binding.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-core.h"

G_BEGIN_DECLS

/* Which field of which live item a row edits: embedded in
 * CtgConventionEntryRow and CtgTextRow */
typedef struct
{
  /* Owned references */
  CtgItem     *item;

  const char  *property;   /* interned, as GObject names properties */
  gulong       notify_id;
} CtgFieldBinding;

void         _ctg_field_binding_init     (CtgFieldBinding  *binding,
                                          const char       *field);
void         _ctg_field_binding_clear    (CtgFieldBinding  *binding);
void         _ctg_field_binding_set_item (CtgFieldBinding  *binding,
                                          CtgItem          *item,
                                          GCallback         changed,
                                          gpointer          row);
const char  *_ctg_field_binding_get      (CtgFieldBinding  *binding);
gboolean     _ctg_field_binding_writable (CtgFieldBinding  *binding);
gboolean     _ctg_field_binding_store    (CtgFieldBinding  *binding,
                                          const char       *text,
                                          GError          **error);

G_END_DECLS
