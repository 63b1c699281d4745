/* ctg-document.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ctg-error.h"
#include "ctg-evaluation.h"
#include "ctg-participant.h"
#include "ctg-status.h"

G_BEGIN_DECLS

#define CTG_TYPE_DOCUMENT (ctg_document_get_type ())

G_DECLARE_FINAL_TYPE (CtgDocument, ctg_document, CTG, DOCUMENT, GObject)

typedef enum
{
  CTG_OPEN_FLAGS_NONE      = 0,
  CTG_OPEN_FLAGS_READ_ONLY = 1 << 0,
} CtgOpenFlags;

/**
 * CtgItemKind:
 *
 * The kinds of things a convention holds. Each item has an id, unique among
 * the items of its kind and never reused.
 */
typedef enum
{
  CTG_ITEM_CONVENTION,
  CTG_ITEM_SIGNATORY,
  CTG_ITEM_BODY,
  CTG_ITEM_MEMBER,
  CTG_ITEM_MEETING,
  CTG_ITEM_AXIS,
  CTG_ITEM_SECTION,
  CTG_ITEM_OBJECTIVE,
  CTG_ITEM_ACTION,
  CTG_ITEM_PARTICIPANT,
  CTG_ITEM_STEP,
  CTG_ITEM_INDICATOR,
  CTG_ITEM_INDICATOR_VALUE,
  CTG_ITEM_ACTION_YEAR,
  CTG_ITEM_FUNDING,
  CTG_ITEM_EVALUATION_INDICATOR,
  CTG_ITEM_ASSESSMENT,
  CTG_N_ITEM_KINDS
} CtgItemKind;

/* An action is an item (ctg-item.h), which needs the kinds above */
typedef struct _CtgAction CtgAction;
#include "ctg-action.h"

typedef enum
{
  CTG_SECTION_THEME,
  CTG_SECTION_ENJEU,
} CtgSectionKind;

/**
 * CtgChange:
 *
 * One recorded change, from the journal inside the file.
 */
typedef struct
{
  gint64       txn_id;
  char        *time;        /* ISO 8601, UTC */
  char        *label;       /* what the user did, as shown in Undo */
  CtgItemKind  kind;
  gint64       item_id;
  gint64       action_id;   /* the action the change belongs to, or 0 */
  char        *op;          /* "insert", "update" or "delete" */
  char        *field;       /* for updates */
  char        *old_value;
  char        *new_value;
} CtgChange;

void ctg_change_free (CtgChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtgChange, ctg_change_free)

/* Opening and saving */
CtgDocument *ctg_document_create             (const char     *path,
                                              GError        **error);
CtgDocument *ctg_document_open               (const char     *path,
                                              CtgOpenFlags    flags,
                                              GError        **error);
void         ctg_document_close              (CtgDocument    *self);
const char  *ctg_document_get_path           (CtgDocument    *self);
gboolean     ctg_document_is_read_only       (CtgDocument    *self);
const char  *ctg_document_get_read_only_reason (CtgDocument  *self);
const char  *ctg_document_get_notice         (CtgDocument    *self);
gboolean     ctg_document_save_copy          (CtgDocument    *self,
                                              const char     *path,
                                              GError        **error);
gboolean     ctg_document_check_file         (CtgDocument    *self);
gboolean     ctg_document_check_replaceable  (const char     *path,
                                              const char     *source,
                                              gboolean        force,
                                              GError        **error);
gboolean     ctg_document_check              (CtgDocument    *self,
                                              GError        **error);

/* Grouping several edits into one undo step and one transaction */
gboolean     ctg_document_begin_group        (CtgDocument    *self,
                                              const char     *label,
                                              GError        **error);
gboolean     ctg_document_end_group          (CtgDocument    *self,
                                              GError        **error);
void         ctg_document_cancel_group       (CtgDocument    *self);

/* Undo and redo, kept in the file */
gboolean     ctg_document_can_undo           (CtgDocument    *self);
gboolean     ctg_document_can_redo           (CtgDocument    *self);
char        *ctg_document_dup_undo_label     (CtgDocument    *self);
char        *ctg_document_dup_redo_label     (CtgDocument    *self);
GPtrArray   *ctg_document_list_undo_changes  (CtgDocument    *self);
gboolean     ctg_document_undo               (CtgDocument    *self,
                                              GError        **error);
gboolean     ctg_document_redo               (CtgDocument    *self,
                                              GError        **error);
GPtrArray   *ctg_document_list_changes       (CtgDocument    *self,
                                              const char     *since,
                                              gint64          action_id);

/* Reading */
char        *ctg_document_dup_text           (CtgDocument    *self,
                                              CtgItemKind     kind,
                                              gint64          id,
                                              const char     *field);
gint64       ctg_document_get_int            (CtgDocument    *self,
                                              CtgItemKind     kind,
                                              gint64          id,
                                              const char     *field,
                                              gint64          default_value);
GArray      *ctg_document_list_ids           (CtgDocument    *self,
                                              CtgItemKind     kind,
                                              gint64          parent_id);
gint64       ctg_document_find_child         (CtgDocument    *self,
                                              CtgItemKind     kind,
                                              gint64          parent_id,
                                              const char     *field,
                                              const char     *text,
                                              const char     *kind_key);
gboolean     ctg_document_has_item           (CtgDocument    *self,
                                              CtgItemKind     kind,
                                              gint64          id);
GListModel  *ctg_document_list_actions       (CtgDocument    *self,
                                              gint64          axis_id);
CtgAction   *ctg_document_get_action         (CtgDocument    *self,
                                              gint64          action_id);
CtgAction   *ctg_document_peek_action        (CtgDocument    *self,
                                              gint64          action_id);
void         ctg_document_count_statuses     (CtgDocument    *self,
                                              gint64          axis_id,
                                              guint           counts[CTG_N_STATUSES]);
GStrv        ctg_document_list_participant_names (CtgDocument *self);

/* Editing: each call is committed to the file before it returns */
gboolean     ctg_document_set                (CtgDocument    *self,
                                              CtgItemKind     kind,
                                              gint64          id,
                                              const char     *field,
                                              const char     *value,
                                              GError        **error);
gboolean     ctg_document_set_participants   (CtgDocument    *self,
                                              gint64          action_id,
                                              CtgRelation     relation,
                                              GPtrArray      *participants,
                                              GError        **error);
gboolean     ctg_document_set_indicator_value (CtgDocument   *self,
                                              gint64          indicator_id,
                                              guint           year,
                                              const char     *value,
                                              GError        **error);
/* The annual evaluation */
gint64       ctg_document_find_year_row      (CtgDocument    *self,
                                              CtgItemKind     kind,
                                              gint64          parent_id,
                                              guint           year);
gboolean     ctg_document_set_year_field     (CtgDocument    *self,
                                              CtgItemKind     kind,
                                              gint64          parent_id,
                                              guint           year,
                                              const char     *field,
                                              const char     *value,
                                              GError        **error);
/* The same, by the name of what is kept per year */
#define ctg_document_find_action_year(self, action_id, year) \
  ctg_document_find_year_row ((self), CTG_ITEM_ACTION_YEAR, (action_id), (year))
#define ctg_document_set_action_year(self, action_id, year, field, value, error) \
  ctg_document_set_year_field ((self), CTG_ITEM_ACTION_YEAR, (action_id), (year), (field), (value), (error))
#define ctg_document_find_assessment(self, indicator_id, year) \
  ctg_document_find_year_row ((self), CTG_ITEM_ASSESSMENT, (indicator_id), (year))
#define ctg_document_set_assessment(self, indicator_id, year, field, value, error) \
  ctg_document_set_year_field ((self), CTG_ITEM_ASSESSMENT, (indicator_id), (year), (field), (value), (error))
#define ctg_document_set_indicator_year(self, indicator_id, year, field, value, error) \
  ctg_document_set_year_field ((self), CTG_ITEM_INDICATOR_VALUE, (indicator_id), (year), (field), (value), (error))
GHashTable  *ctg_document_find_action_notes  (CtgDocument    *self,
                                              guint           year);
GHashTable  *ctg_document_read_year_ends     (CtgDocument    *self,
                                              guint           year);
gboolean     ctg_document_record_year_end    (CtgDocument    *self,
                                              guint           year,
                                              GError        **error);
gboolean     ctg_document_set_funding        (CtgDocument    *self,
                                              gint64          action_id,
                                              GPtrArray      *funding,
                                              GError        **error);
GArray      *ctg_document_list_years         (CtgDocument    *self);
guint        ctg_document_get_last_assessed_year (CtgDocument *self);
GArray      *ctg_document_list_review_years  (CtgDocument    *self);
guint        ctg_years_pick_default          (GArray         *years);
guint        ctg_document_get_review_year    (CtgDocument    *self);
gboolean     ctg_document_check_review_year  (CtgDocument    *self,
                                              guint           year,
                                              GError        **error);

gint64       ctg_document_add_item           (CtgDocument    *self,
                                              CtgItemKind     kind,
                                              gint64          parent_id,
                                              const char     *text,
                                              GError        **error);
gint64       ctg_document_add_body           (CtgDocument    *self,
                                              const char     *name,
                                              const char     *kind,
                                              GError        **error);
gint64       ctg_document_add_meeting        (CtgDocument    *self,
                                              gint64          body_id,
                                              const char     *date,
                                              const char     *title,
                                              GError        **error);
gint64       ctg_document_add_section        (CtgDocument    *self,
                                              gint64          axis_id,
                                              CtgSectionKind  kind,
                                              const char     *title,
                                              GError        **error);
gint64       ctg_document_add_objective      (CtgDocument    *self,
                                              gint64          axis_id,
                                              gint64          theme_id,
                                              gint64          enjeu_id,
                                              const char     *title,
                                              GError        **error);
gboolean     ctg_document_delete             (CtgDocument    *self,
                                              CtgItemKind     kind,
                                              gint64          id,
                                              GError        **error);
gboolean     ctg_document_move               (CtgDocument    *self,
                                              CtgItemKind     kind,
                                              gint64          id,
                                              guint           position,
                                              GError        **error);
gboolean     ctg_document_move_action        (CtgDocument    *self,
                                              gint64          action_id,
                                              gint64          objective_id,
                                              GError        **error);

/* Told what changed */
gboolean     ctg_document_poll               (CtgDocument    *self);

/* Utilities */
const char  *ctg_item_kind_to_table          (CtgItemKind     kind);

G_END_DECLS
