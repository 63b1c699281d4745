/* ctg-merge-private.h: what the two halves of the merge share
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "ctg-document-private.h"
#include "ctg-merge.h"

G_BEGIN_DECLS

#define N_TABLES CTG_N_ITEM_KINDS

/* A value as read, its SQLite type first: "i40", "tTitre", "u<uuid>" for a
 * column naming another row; NULL for SQL NULL */
typedef struct
{
  char    *uuid;
  gint64   id;
  guint    n_values;
  char   **values;   /* n_values, any of them NULL */
} Row;

typedef struct
{
  GHashTable *by_id;    /* gint64 * -> Row *, owned */
  GHashTable *by_uuid;  /* uuid -> Row * */
} Table;

typedef struct
{
  Table tables[N_TABLES];
} Snapshot;

/* What the schema says of one table, shared by the three snapshots */
typedef struct
{
  char      **columns;
  guint       n_columns;
  int         id_col;
  int         uuid_col;
  int         position_col;
  int         modified_col;
  int         owner_col;      /* the column naming the row it belongs to, or -1 */
  int         group_col;      /* the column grouping siblings, or -1 */
  int         extra_group_col;/* participants: their relation */
  int         ref_target[32]; /* per column: the table it names, or -1 */
  gboolean    ref_owner[32];  /* per column: deleting the target deletes the row */
} TableInfo;

typedef enum
{
  FATE_ABSENT,
  FATE_PRESENT,
} Fate;

typedef enum
{
  FORCED_NONE,
  FORCED_OURS,
  FORCED_THEIRS,
} Forced;

/* One row of the merged convention */
typedef struct
{
  Row    *base;
  Row    *ours;
  Row    *theirs;
  guint   n_values;
  char  **values;
  Fate    fate;
  Forced  forced;
  gboolean moved;   /* its place among what ours has changed, not just its number */
} Merged;

typedef struct
{
  char *state;
  char *op;
  char *txn_uuid;
} Event;

struct _CtgMerge
{
  GObject      parent_instance;

  CtgDocument *ours_doc;
  char        *theirs_name;
  TableInfo    info[N_TABLES];
  Snapshot     base;
  Snapshot     ours;
  Snapshot     theirs;
  GPtrArray   *theirs_history;   /* Event *: what ours learns it has seen */
  GPtrArray   *ours_history;
  GHashTable  *ours_states;      /* state -> TRUE */

  GHashTable  *merged[N_TABLES]; /* uuid -> Merged * */
  GPtrArray   *conflicts;        /* CtgMergeConflict * */
  GHashTable  *choices;          /* conflict key -> GINT_TO_POINTER (choice) */
  GPtrArray   *changes;          /* char *, for people */
  GHashTable  *inserted_ids[N_TABLES]; /* while applying: uuid -> new id in ours */
};

void _ctg_merge_values_free (char **values, guint n);
char **_ctg_merge_values_copy (char **values, guint n);
void _ctg_merge_row_free (Row *row);
void _ctg_merge_event_free (Event *event);
void _ctg_merge_snapshot_init (Snapshot *snapshot);
void _ctg_merge_snapshot_clear (Snapshot *snapshot);
const char *_ctg_merge_decode (const char *value);
gboolean _ctg_merge_same (const char *a, const char *b);
char *_ctg_merge_display_value (const char *value);
int _ctg_merge_column_index (const TableInfo *info, const char *column);
void _ctg_merge_read_schema_info (CtgMerge *self);
gboolean _ctg_merge_merged_column (const TableInfo *info, int c);
gboolean _ctg_merge_load_snapshot (CtgMerge *self, CtgDocument *doc, Snapshot *snapshot, GError **error);
void _ctg_merge_index_snapshot (CtgMerge *self, Snapshot *snapshot, const char *lineage);
void _ctg_merge_match_natural_keys (CtgMerge *self);
gboolean _ctg_merge_set_history_cut (GError **error);
GPtrArray *_ctg_merge_read_history (CtgDocument *doc);
char *_ctg_merge_read_lineage (CtgDocument *doc);
GHashTable *_ctg_merge_state_set (GPtrArray *events);
int _ctg_merge_last_shared_state (GPtrArray *events, GHashTable *other);
int _ctg_merge_find_state (GPtrArray *events, const char *state);
gboolean _ctg_merge_rewind_snapshot (CtgMerge *self, CtgDocument *doc, GPtrArray *events, int since, Snapshot *snapshot, GError **error);
const char *_ctg_merge_owner_uuid (const TableInfo *info, Row *row);
GHashTable *_ctg_merge_find_dirty (CtgMerge *self, Snapshot *side);

G_END_DECLS
