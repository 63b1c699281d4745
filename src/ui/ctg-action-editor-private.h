/* ctg-action-editor-private.h: the parts of the action editor kept in
 * files of their own
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"
#include "ctg-field-message.h"

G_BEGIN_DECLS

/* The steps or the indicators of the action shown (ctg-action-editor-rows.c):
 * rows in the document's order that follow the live list of the items,
 * moved and removed from their own menu, added from an entry */
typedef struct _CtgEditorRows CtgEditorRows;

/* Where the rows go, in the editor's template */
typedef struct
{
  CtgItemKind      kind;      /* CTG_ITEM_STEP or CTG_ITEM_INDICATOR */
  GtkListBox      *list;
  GtkWidget       *after;     /* the rows come after it, or first */
  AdwEntryRow     *add_row;
  CtgFieldMessage *message;
} CtgEditorRowsPlace;

CtgEditorRows *_ctg_editor_rows_new           (GtkWidget                *editor,
                                               const CtgEditorRowsPlace *place);
void           _ctg_editor_rows_free          (CtgEditorRows    *self);
void           _ctg_editor_rows_follow        (CtgEditorRows    *self,
                                               CtgDocument      *document,
                                               gint64            action_id);
void           _ctg_editor_rows_update        (CtgEditorRows    *self,
                                               gboolean          editable,
                                               gboolean          force);
void           _ctg_editor_rows_set_years     (CtgEditorRows    *self,
                                               guint             first_year,
                                               guint             last_year);
void           _ctg_editor_rows_add           (CtgEditorRows    *self);
void           _ctg_editor_rows_reset         (CtgEditorRows    *self);
gboolean       _ctg_editor_rows_has_item      (CtgEditorRows    *self,
                                               gint64            id);

G_END_DECLS
