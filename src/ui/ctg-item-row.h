/* ctg-item-row.h: the base of the expander rows of one convention item
 * (a signatory, a governance body, a member, a meeting)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"
#include "ctg-editor-util.h"

G_BEGIN_DECLS

#define CTG_ITEM_ROW_MAX_FIELDS 4

/* What a kind of row shows and says, given to _ctg_item_row_setup(): the
 * strings are untranslated (N_()), static */
typedef struct
{
  CtgItemKind  kind;
  const char  *icon_name;                   /* nullable */
  const char  *title_field;                 /* what the row and its deletion are named after */
  gboolean     named_by_subclass;           /* else named after title_field, live */
  const char  *untitled;                    /* shown for an empty title_field */
  const char  *subtitle_fields[2];          /* nullable, joined as the subtitle */
  const char  *entry_fields[CTG_ITEM_ROW_MAX_FIELDS];  /* one-line fields, edited in these rows */
  const char  *entry_labels[CTG_ITEM_ROW_MAX_FIELDS];
  gboolean     movable;                     /* Move Up / Move Down, Alt+Up / Alt+Down */
  const char  *delete_label;                /* the button, with a mnemonic */
  const char  *deleted_named;               /* the toast after a deletion, %s the title */
  const char  *deleted;                     /* the same without a title */
} CtgItemRowSpec;

#define CTG_TYPE_ITEM_ROW (ctg_item_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (CtgItemRow, ctg_item_row, CTG, ITEM_ROW, AdwExpanderRow)

struct _CtgItemRowClass
{
  AdwExpanderRowClass   parent_class;

  /* What a kind shows beyond its field rows, which follow the item */
  void                (*refresh)   (CtgItemRow *self);
  GtkWidget          *(*get_field) (CtgItemRow *self,
                                    const char *field);
};

GtkWidget   *ctg_item_row_new           (CtgDocument   *document,
                                         CtgItemKind    kind,
                                         gint64         id);
gint64       ctg_item_row_get_id        (CtgItemRow    *self);
CtgDocument *ctg_item_row_get_document  (CtgItemRow    *self);
CtgItem     *ctg_item_row_get_item      (CtgItemRow    *self);
GtkWidget   *ctg_item_row_get_field     (CtgItemRow    *self,
                                         const char    *field);
void         ctg_item_row_refresh       (CtgItemRow    *self);
void         ctg_item_row_set_position  (CtgItemRow    *self,
                                         guint          position,
                                         guint          n_items);

/* For the subclasses */
void         _ctg_item_row_setup        (CtgItemRow           *self,
                                         const CtgItemRowSpec *spec,
                                         CtgDocument          *document,
                                         gint64                id);
void         _ctg_item_row_add_row      (CtgItemRow    *self,
                                         GtkWidget     *row);
void         _ctg_item_row_add_button   (CtgItemRow    *self,
                                         GtkWidget     *button);
GtkWidget   *_ctg_item_row_button_new   (const char    *icon_name,
                                         const char    *label);
void         _ctg_item_row_toast        (CtgItemRow    *self,
                                         const char    *message);

/* Its kinds: the bodies (ctg-body-row.c) and the meetings
 * (ctg-meeting-row.c) derive from it; the signatories and the bodies'
 * members are CtgItemRows of their spec */

#define CTG_TYPE_BODY_ROW      (ctg_body_row_get_type ())
#define CTG_TYPE_MEETING_ROW   (ctg_meeting_row_get_type ())

CTG_DECLARE_ROW_KIND (CtgBodyRow, ctg_body_row, BODY_ROW, CtgItemRow)
CTG_DECLARE_ROW_KIND (CtgMeetingRow, ctg_meeting_row, MEETING_ROW, CtgItemRow)

GtkWidget  *ctg_body_row_get_member_row (CtgBodyRow  *self,
                                         gint64       member_id);
const char *ctg_body_kind_to_label      (const char  *kind);

G_END_DECLS
