/* ctg-document-private.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "ctg-change-set.h"
#include "ctg-document.h"

G_BEGIN_DECLS

struct _CtgDocument
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  char        *read_only_reason;
  char        *notice;       /* what the opening set aside, for the user */
  GHashTable  *statements;   /* SQL -> sqlite3_stmt, finalized with the document */
  GHashTable  *columns;      /* table -> GStrv of its columns, from the verified schema */

  /* The descriptor on the file that holds our advisory lock. It stays open
   * until SQLite has closed the file: closing any descriptor on a file drops
   * every POSIX lock this process holds on it, SQLite's included. */
  int          lock_fd;
  dev_t        dev;
  ino_t        ino;

  int          group_depth;
  char        *group_label;
  gint64       group_txn;
  gboolean     group_failed;
  gboolean     group_changed;
  guint        journal_suspended;

  /* Every action as last read, shared by the window, its pages and the
   * report, which all list them after each change: the file's while
   * neither this connection (total_changes) nor another process
   * (data_version) wrote, read again into the same objects otherwise. Its
   * objects are the document's live actions (items[CTG_ITEM_ACTION] holds
   * only those the list does not have). */
  GPtrArray   *actions_cache;
  /* The same actions by ascending id (not owned), built with the cache:
   * valid while actions_cache is set */
  GPtrArray   *actions_by_id;
  gint64       actions_cache_changes;   /* -1: to read again */
  gint64       actions_cache_data_version;

  /* What the transaction under way did to the actions' snapshots, from
   * SQLite's update hook: an edit that changed one action only (its fields,
   * participants or funding, never its place in the plan) patches that
   * action in the cache at commit instead of dropping the cache */
  gint64       edit_action;         /* the action the running edit declared, or 0 */
  gint64       txn_action;          /* 0: no snapshot touched, > 0: that action only, -1: anything */
  gint64       txn_start_changes;   /* total_changes at BEGIN */
  gint64       txn_hooked_changes;  /* rows the update hook saw since BEGIN */

  /* What the transaction under way wrote, as the write paths describe it,
   * emitted as one CtgChangeSet after COMMIT. The update hook counts the
   * rows written per kind: more than were described means a write nobody
   * described, and that kind is read again. */
  CtgChangeSet *pending;
  guint        hooked[CTG_N_ITEM_KINDS];
  guint        described[CTG_N_ITEM_KINDS];
  gboolean     hooked_foreign;
  /* PRAGMA data_version when we last told what changed: another value
   * means another process wrote */
  gint64       seen_data_version;

  /* The live items and lists of items, while anyone holds them (borrowed:
   * each tells the document when it goes): id -> CtgItem, parent -> CtgItemList */
  GHashTable  *items[CTG_N_ITEM_KINDS];
  GHashTable  *lists[CTG_N_ITEM_KINDS];

  guint        read_only : 1;
  guint        clean_wal : 1;
  guint        detached : 1;    /* the file is no longer at its path */   /* a read-only open of a WAL-mode file made its WAL */
};

typedef struct
{
  const char *table;
  const char *parent;     /* the column naming the parent item, if any */
  const char *order;      /* ORDER BY among siblings */
} CtgKindInfo;

extern const CtgKindInfo _ctg_kinds[CTG_N_ITEM_KINDS];

typedef enum
{
  CHILD_DELETE,
  CHILD_NULLIFY,
} ChildMode;

/* A column of @child naming a @parent: deleting the parent deletes the
 * child, or clears the column */
typedef struct
{
  CtgItemKind parent;
  CtgItemKind child;
  const char *column;
  ChildMode   mode;
} CtgChildInfo;

extern const CtgChildInfo _ctg_children[];  /* ends with a NULL column */

typedef enum
{
  FIELD_TEXT,
  FIELD_DATE,
  FIELD_STATUS,
  FIELD_PROGRESS,
  FIELD_BOOL,
  FIELD_BODY_KIND,
  FIELD_PARTICIPANT_KIND,
  FIELD_BODY_REF,
  FIELD_SECTION_REF,
  FIELD_AMOUNT,
  FIELD_YEAR,
  FIELD_FUNDER,
  FIELD_LEVEL,
  FIELD_STATUS_OR_NONE,
  FIELD_NUMBER,
  FIELD_INDICATOR_KIND,
} FieldType;

gboolean
_ctg_document_kind_from_table (const char  *table,
                               CtgItemKind *kind);

void
_ctg_document_on_row_written (void          *data,
                              int            op,
                              const char    *database,
                              const char    *table,
                              sqlite3_int64  rowid);

gint64
_ctg_document_begin_action_edit (CtgDocument *self,
                                 gint64       action_id);

void
_ctg_document_end_action_edit (CtgDocument *self,
                               gint64       previous);

void
_ctg_document_keep_actions_cache (CtgDocument *self);
void
_ctg_document_read_action_texts (CtgDocument *self,
                                 CtgAction   *action);
void
_ctg_document_forget_actions (CtgDocument *self);
CtgAction *
_ctg_document_find_action (CtgDocument *self,
                           gint64       action_id);
CtgAction *
_ctg_document_get_live_action (CtgDocument *self,
                               gint64       action_id);
void
_ctg_document_refresh_action (CtgDocument *self,
                              CtgAction   *action);
void
_ctg_document_reload_actions (CtgDocument *self);

gboolean
_ctg_document_set_invalid (GError     **error,
                           const char  *message);

gboolean
_ctg_document_set_no_such_item (GError **error);

gboolean
_ctg_document_step_done (CtgDocument   *self,
                         sqlite3_stmt  *stmt,
                         GError       **error);

GArray *
_ctg_document_query_ids (CtgDocument  *self,
                         const char   *sql,
                         gint64        arg,
                         GError      **error);

void
_ctg_document_bind_text_or_null (sqlite3_stmt *stmt,
                                 int           index,
                                 const char   *text);

const char * const *
_ctg_document_table_columns (CtgDocument *self,
                             const char  *table);

gboolean
_ctg_document_table_has_column (CtgDocument *self,
                                const char  *table,
                                const char  *column);

gboolean
_ctg_document_delete_row (CtgDocument  *self,
                          CtgItemKind   kind,
                          gint64        id,
                          GError      **error);

char *
_ctg_document_dup_column_text (sqlite3_stmt *stmt,
                               int           column);

gboolean
_ctg_document_check_text (const char  *value,
                          GError     **error);

gboolean
_ctg_field_normalize (CtgItemKind   kind,
                      const char   *field,
                      const char   *value,
                      char        **stored,
                      GError      **error);

gboolean
_ctg_document_find_editable_field (CtgItemKind   kind,
                                   const char   *field,
                                   FieldType    *type,
                                   GError      **error);

gboolean
_ctg_document_touch_action (CtgDocument  *self,
                            gint64        action_id,
                            GError      **error);

gboolean
_ctg_document_require_item (CtgDocument  *self,
                            CtgItemKind   kind,
                            gint64        id,
                            GError      **error);

char         *_ctg_now_iso                    (void);
char         *_ctg_uuid_new                   (void);
sqlite3_stmt *_ctg_document_prepare           (CtgDocument        *self,
                                               const char         *sql,
                                               GError            **error);
gint64        _ctg_document_query_int         (CtgDocument        *self,
                                               const char         *sql,
                                               gint64              arg1,
                                               gint64              arg2,
                                               gint64              fallback);
char         *_ctg_document_query_text        (CtgDocument        *self,
                                               const char         *sql,
                                               gint64              arg);
gboolean      _ctg_document_exec              (CtgDocument        *self,
                                               const char         *sql,
                                               GError            **error);
gboolean      _ctg_document_set_sqlite_error  (CtgDocument        *self,
                                               int                 rc,
                                               GError            **error);
/* The English source of a merge's label, "Merge “%s”" */
#define CTG_MERGE_LABEL "Merge “%s”"
char         *_ctg_document_merge_label       (const char         *copy);
/* The English source of Record Statuses' label, shown with its year and
 * how many actions it recorded */
#define CTG_RECORD_YEAR_LABEL "Record the year’s statuses"
char         *_ctg_document_record_year_label (guint               year,
                                               guint               n_actions);
gboolean      _ctg_document_begin             (CtgDocument        *self,
                                               const char         *label,
                                               GError            **error);
gboolean      _ctg_document_end               (CtgDocument        *self,
                                               gboolean            ok,
                                               GError            **error);
gint64        _ctg_document_insert            (CtgDocument        *self,
                                               const char         *table,
                                               const char * const *columns,
                                               const char * const *values,
                                               GError            **error);
gboolean      _ctg_document_update            (CtgDocument        *self,
                                               const char         *table,
                                               gint64              id,
                                               const char         *column,
                                               const char         *value,
                                               GError            **error);
void          _ctg_document_emit_changed      (CtgDocument        *self,
                                               CtgChangeSet       *changes);
gint64        _ctg_document_data_version      (CtgDocument        *self);
void          _ctg_document_start_changes     (CtgDocument        *self);
CtgChangeSet *_ctg_document_finish_changes    (CtgDocument        *self);
gint64        _ctg_document_get_parent        (CtgDocument        *self,
                                               CtgItemKind         kind,
                                               gint64              id);
void          _ctg_document_note_write        (CtgDocument        *self,
                                               CtgItemKind         kind,
                                               gint64              id,
                                               CtgRowOp            op,
                                               const char         *field,
                                               gint64              old_parent);
void          _ctg_document_note_row_write    (CtgDocument        *self,
                                               const CtgRowChange *write,
                                               const char         *field);

/* For the notes of writes: the parent is the one the row has */
#define CTG_SAME_PARENT G_MININT64

gboolean      _ctg_document_record_history    (CtgDocument        *self,
                                               const char         *op,
                                               gint64              txn,
                                               GError            **error);
void          _ctg_document_suspend_journal   (CtgDocument        *self);
void          _ctg_document_resume_journal    (CtgDocument        *self);

/* The longest texts, in characters (see ctg-document-fields.c) */
#define CTG_MAX_CODE_CHARS 50
#define CTG_MAX_NAME_CHARS 300
#define CTG_MAX_TITLE_CHARS 1000
#define CTG_MAX_PARAGRAPH_CHARS 100000

char *
_ctg_text_problem (const char *text,
                   guint       max_chars,
                   gboolean    multiline);

gboolean
_ctg_document_check_field_text (const char  *field,
                                const char  *value,
                                GError     **error);

gboolean
_ctg_file_guard_check (CtgDocument   *self,
                       const guint8  *db_header,
                       GError       **error);

gboolean
_ctg_file_guard_wal_absent (const char   *path,
                            const guint8 *db_header);

void
_ctg_file_guard_clean_wal (int         db_fd,
                           const char *path);

char *
_ctg_file_temporary_path (const char *path);

gboolean
_ctg_file_rename_durably (const char *tmp_path,
                          const char *path,
                          gboolean    replace);

G_END_DECLS
