/* ctg-field-row.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"

G_BEGIN_DECLS

/* Which field of which row a field row edits, and whether it is being
 * typed in: embedded in each row that implements CtgFieldRow */
typedef struct
{
  /* Owned references */
  CtgDocument *document;
  char        *field;

  CtgItemKind  kind;
  gint64       id;
  gboolean     editing;
} CtgFieldBinding;

void      _ctg_field_binding_init   (CtgFieldBinding *binding,
                                     CtgItemKind      kind,
                                     const char      *field);
void      _ctg_field_binding_clear  (CtgFieldBinding *binding);
char     *_ctg_field_binding_dup    (CtgFieldBinding *binding);
gboolean  _ctg_field_binding_exists (CtgFieldBinding *binding);

#define CTG_TYPE_FIELD_ROW (ctg_field_row_get_type ())

G_DECLARE_INTERFACE (CtgFieldRow, ctg_field_row, CTG, FIELD_ROW, GtkWidget)

struct _CtgFieldRowInterface
{
  GTypeInterface parent_iface;

  CtgFieldBinding *(*get_binding) (CtgFieldRow *self);
  /* Drops what was being typed; the row shows the stored value next */
  void             (*reset)       (CtgFieldRow *self,
                                   gboolean     editable);
  /* Shows @stored, the value in the document */
  void             (*show)        (CtgFieldRow *self,
                                   const char  *stored);
  gboolean         (*commit)      (CtgFieldRow *self);
};

void      ctg_field_row_set_item   (CtgFieldRow *self,
                                    CtgDocument *document,
                                    gint64       id);
void      ctg_field_row_refresh    (CtgFieldRow *self);
gboolean  ctg_field_row_commit     (CtgFieldRow *self);
gboolean  ctg_field_row_is_editing (CtgFieldRow *self);

G_END_DECLS
