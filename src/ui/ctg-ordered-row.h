/* ctg-ordered-row.h: a row of a list the user orders (steps, indicators)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"
#include "ctg-editor-util.h"
#include "ctg-field-message.h"

G_BEGIN_DECLS

#define CTG_TYPE_ORDERED_ROW (ctg_ordered_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (CtgOrderedRow, ctg_ordered_row, CTG, ORDERED_ROW, AdwExpanderRow)

struct _CtgOrderedRowClass
{
  AdwExpanderRowClass parent_class;

  /* Shows what the document holds; @force replaces fields being edited */
  void        (*sync)    (CtgOrderedRow *self,
                          gboolean       force);
  /* The toast after a removal, marked with N_() */
  const char   *removed;
};

gint64           ctg_ordered_row_get_id         (CtgOrderedRow *self);
void             ctg_ordered_row_update         (CtgOrderedRow *self,
                                                 guint          position,
                                                 guint          n_rows,
                                                 gboolean       editable,
                                                 gboolean       force);

/* For the rows that derive from it */
void             _ctg_ordered_row_set_item      (CtgOrderedRow *self,
                                                 CtgDocument   *document,
                                                 CtgItemKind    kind,
                                                 gint64         id);
void             _ctg_ordered_row_set_name      (CtgOrderedRow *self,
                                                 const char    *name);
CtgDocument     *_ctg_ordered_row_get_document  (CtgOrderedRow *self);
gboolean         _ctg_ordered_row_get_editable  (CtgOrderedRow *self);
gboolean         _ctg_ordered_row_has_item      (CtgOrderedRow *self);
CtgFieldMessage *_ctg_ordered_row_get_message   (CtgOrderedRow *self);
void             _ctg_ordered_row_show_error    (CtgOrderedRow *self,
                                                 GtkWidget     *field,
                                                 const char    *message);
void             _ctg_ordered_row_set_labels    (CtgOrderedRow *self,
                                                 const char    *move,
                                                 const char    *remove);

/* Its two kinds: the steps of an action (ctg-step-row.c) and its
 * indicators (ctg-indicator-row.c) */

#define CTG_TYPE_STEP_ROW      (ctg_step_row_get_type ())
#define CTG_TYPE_INDICATOR_ROW (ctg_indicator_row_get_type ())

CTG_DECLARE_ROW_KIND (CtgStepRow, ctg_step_row, STEP_ROW, CtgOrderedRow)
CTG_DECLARE_ROW_KIND (CtgIndicatorRow, ctg_indicator_row, INDICATOR_ROW, CtgOrderedRow)

void ctg_indicator_row_set_years (CtgIndicatorRow *self,
                                  guint            first_year,
                                  guint            last_year);

G_END_DECLS
