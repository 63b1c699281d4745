/* ctg-item.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CTG_TYPE_ITEM (ctg_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (CtgItem, ctg_item, CTG, ITEM, GObject)

struct _CtgItemClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer spec;
};

G_END_DECLS

/* After the type: the document's header declares actions, which are items */
#include "ctg-document.h"

G_BEGIN_DECLS

/* One row of the document, alive: while anyone holds it, it is the only
 * object for that row, and its properties (one per column: "title",
 * "echeance", "period-start", ...) notify when a commit, an undo or another
 * process changes them. */
GType        ctg_item_type_for_kind     (CtgItemKind   kind);
CtgItemKind  ctg_item_get_kind          (CtgItem      *self);
gint64       ctg_item_get_id            (CtgItem      *self);
gint64       ctg_item_get_parent_id     (CtgItem      *self);
gboolean     ctg_item_is_removed        (CtgItem      *self);
CtgDocument *ctg_item_get_document      (CtgItem      *self);
const char  *ctg_item_get_text          (CtgItem      *self,
                                         const char   *property);
gint64       ctg_item_get_int           (CtgItem      *self,
                                         const char   *property);
gboolean     ctg_item_get_boolean       (CtgItem      *self,
                                         const char   *property);
char        *ctg_item_dup_shown         (CtgItem      *self,
                                         const char   *property,
                                         gboolean      number);
gboolean     ctg_item_set               (CtgItem      *self,
                                         const char   *property,
                                         const char   *value,
                                         GError      **error);

/* Typed accessors */
const char  *ctg_item_get_title         (CtgItem      *self);
CtgStatus    ctg_item_get_status        (CtgItem      *self);
int          ctg_item_get_progress      (CtgItem      *self);

/* From the document */
CtgItem     *ctg_document_get_item      (CtgDocument  *self,
                                         CtgItemKind   kind,
                                         gint64        id);
GListModel  *ctg_document_list_items    (CtgDocument  *self,
                                         CtgItemKind   kind,
                                         gint64        parent_id);
char        *ctg_document_dup_title     (CtgDocument  *document,
                                         CtgItemKind   kind,
                                         gint64        id);

G_END_DECLS
