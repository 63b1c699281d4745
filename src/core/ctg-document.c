/* ctg-document.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The document object: its item kinds, reading, and the list of actions kept
 * across edits. */

#define G_LOG_DOMAIN "ctg-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ctg-action-private.h"
#include "ctg-array-model.h"
#include "ctg-date.h"
#include "ctg-document-private.h"
#include "ctg-item-private.h"
#include "ctg-schema.h"

G_DEFINE_FINAL_TYPE (CtgDocument, ctg_document, G_TYPE_OBJECT)

enum {
  CHANGED,
  COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define data_version _ctg_document_data_version

const CtgKindInfo _ctg_kinds[CTG_N_ITEM_KINDS] = {
  [CTG_ITEM_CONVENTION]      = { "convention", NULL, "id" },
  [CTG_ITEM_SIGNATORY]       = { "signatory", NULL, "position, id" },
  [CTG_ITEM_BODY]            = { "body", NULL, "position, id" },
  [CTG_ITEM_MEMBER]          = { "member", "body_id", "position, id" },
  [CTG_ITEM_MEETING]         = { "meeting", NULL, "date IS NULL, date, position, id" },
  [CTG_ITEM_AXIS]            = { "axis", NULL, "position, id" },
  [CTG_ITEM_SECTION]         = { "section", "axis_id", "position, id" },
  [CTG_ITEM_OBJECTIVE]       = { "objective", "axis_id", "position, id" },
  [CTG_ITEM_ACTION]          = { "action", "objective_id", "position, id" },
  [CTG_ITEM_PARTICIPANT]     = { "participant", "action_id", "relation DESC, position, id" },
  [CTG_ITEM_STEP]            = { "step", "action_id", "position, id" },
  [CTG_ITEM_INDICATOR]       = { "indicator", "action_id", "position, id" },
  [CTG_ITEM_INDICATOR_VALUE] = { "indicator_value", "indicator_id", "year, id" },
  [CTG_ITEM_ACTION_YEAR]     = { "action_year", "action_id", "year, id" },
  [CTG_ITEM_FUNDING]         = { "funding", "action_id", "position, id" },
  [CTG_ITEM_EVALUATION_INDICATOR] = { "evaluation_indicator", NULL, "position, id" },
  [CTG_ITEM_ASSESSMENT]      = { "evaluation_assessment", "indicator_id", "year, id" },
};

char *
_ctg_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

const char *
ctg_item_kind_to_table (CtgItemKind kind)
{
  g_return_val_if_fail (kind < CTG_N_ITEM_KINDS, NULL);

  return _ctg_kinds[kind].table;
}

gboolean
_ctg_document_kind_from_table (const char  *table,
                               CtgItemKind *kind)
{
  for (guint i = 0; table != NULL && i < CTG_N_ITEM_KINDS; i++)
    {
      if (g_str_equal (_ctg_kinds[i].table, table))
        {
          *kind = (CtgItemKind) i;
          return TRUE;
        }
    }
  return FALSE;
}

/* The list of actions kept across edits */

/* Tables whose rows are in no action snapshot and no row of the list of
 * actions (which shows sections and objectives above the actions) */
static gboolean
table_outside_actions (const char *table)
{
  static const char * const tables[] = {
    "convention", "signatory", "body", "member", "meeting", "step", "indicator",
    "indicator_value", "action_year", "evaluation_indicator", "evaluation_assessment",
    "journal", "txn", "history",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (table, tables[i]))
      return TRUE;
  return FALSE;
}

/* SQLite's update hook: called for every row written, whatever the code
 * path, so a write nobody declared cannot slip by. It must not use the
 * connection. */
void
_ctg_document_on_row_written (void          *data,
                              int            op,
                              const char    *database,
                              const char    *table,
                              sqlite3_int64  rowid)
{
  CtgDocument *self = data;
  gboolean declared;
  CtgItemKind kind;

  self->txn_hooked_changes++;
  if (_ctg_document_kind_from_table (table, &kind))
    self->hooked[kind]++;
  /* The journal, its transactions and the history of states are the
   * document's own bookkeeping, no item of the plan */
  else if (!g_str_equal (table, "journal") && !g_str_equal (table, "txn") &&
           !g_str_equal (table, "history"))
    self->hooked_foreign = TRUE;
  if (self->txn_action < 0 || table_outside_actions (table))
    return;

  /* An edit declared for one action may change that action's row (not add
   * or remove it) and its participants and funding */
  declared = self->edit_action > 0 &&
             ((g_str_equal (table, "action") && op == SQLITE_UPDATE && rowid == self->edit_action) ||
              g_str_equal (table, "participant") || g_str_equal (table, "funding"));
  if (!declared || (self->txn_action != 0 && self->txn_action != self->edit_action))
    self->txn_action = -1;
  else
    self->txn_action = self->edit_action;
}

/* Marks the writes that follow as changing @action_id's own data only, never
 * its place in the plan. Returns the previous mark, for _ctg_document_end_action_edit(). */
gint64
_ctg_document_begin_action_edit (CtgDocument *self,
                                 gint64       action_id)
{
  gint64 previous = self->edit_action;

  self->edit_action = action_id;
  return previous;
}

void
_ctg_document_end_action_edit (CtgDocument *self,
                               gint64       previous)
{
  self->edit_action = previous;
}

/* After a commit: the list stays the file's if it was when the
 * transaction began, nobody else wrote, and the transaction changed at most
 * one action's own data (its object is brought up to date with every
 * other live item, in _ctg_document_update_items()). Otherwise it is read
 * again when next asked for, into the same objects. */
void
_ctg_document_keep_actions_cache (CtgDocument *self)
{
  gint64 changes = sqlite3_total_changes64 (self->db);
  gint64 version;

  if (self->actions_cache == NULL)
    return;

  if (self->txn_action < 0 ||
      self->actions_cache_changes != self->txn_start_changes ||
      /* A row written without the hook seeing it (REPLACE, truncation) */
      changes - self->txn_start_changes != self->txn_hooked_changes ||
      (version = data_version (self)) == -1 ||
      version != self->actions_cache_data_version)
    {
      self->actions_cache_changes = -1;
      return;
    }
  self->actions_cache_changes = changes;
}

/* What changed */

void
_ctg_document_emit_changed (CtgDocument  *self,
                            CtgChangeSet *changes)
{
  _ctg_document_update_items (self, changes);
  g_signal_emit (self, signals[COMMITTED], 0, changes);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Called when a transaction begins */
void
_ctg_document_start_changes (CtgDocument *self)
{
  g_clear_pointer (&self->pending, ctg_change_set_unref);
  self->pending = ctg_change_set_new ();
  memset (self->hooked, 0, sizeof self->hooked);
  memset (self->described, 0, sizeof self->described);
  self->hooked_foreign = FALSE;
}

/* Called after COMMIT: what the transaction wrote, with what the update
 * hook saw and nobody described marked as read again */
CtgChangeSet *
_ctg_document_finish_changes (CtgDocument *self)
{
  CtgChangeSet *changes = g_steal_pointer (&self->pending);
  gint64 version;

  if (changes == NULL)
    changes = ctg_change_set_new ();
  for (guint kind = 0; kind < CTG_N_ITEM_KINDS; kind++)
    if (self->hooked[kind] > self->described[kind])
      ctg_change_set_reload_kind (changes, kind);
  if (self->hooked_foreign ||
      /* A row written without the hook seeing it (REPLACE, truncation) */
      sqlite3_total_changes64 (self->db) - self->txn_start_changes != self->txn_hooked_changes)
    ctg_change_set_reload_all (changes);

  /* Another process wrote since we last looked */
  version = data_version (self);
  if (version == -1 || version != self->seen_data_version)
    ctg_change_set_reload_all (changes);
  self->seen_data_version = version;
  return changes;
}

gint64
_ctg_document_get_parent (CtgDocument *self,
                          CtgItemKind  kind,
                          gint64       id)
{
  if (_ctg_kinds[kind].parent == NULL)
    return 0;
  return ctg_document_get_int (self, kind, id, _ctg_kinds[kind].parent, 0);
}

/* Whether writing @field may change the row's place among its siblings */
static gboolean
field_orders (CtgItemKind  kind,
              const char  *field)
{
  g_auto(GStrv) terms = NULL;

  if (field == NULL)
    return FALSE;
  if (g_strcmp0 (field, _ctg_kinds[kind].parent) == 0)
    return TRUE;
  terms = g_strsplit_set (_ctg_kinds[kind].order, ", ", -1);
  for (guint i = 0; terms[i] != NULL; i++)
    if (g_str_equal (terms[i], field))
      return TRUE;
  return FALSE;
}

/**
 * _ctg_document_note_write:
 * @op: what was written; a removal is noted before the row goes
 * @old_parent: for an update of the row's parent column, the parent it had;
 *   else %CTG_SAME_PARENT
 *
 * Describes one row written by the transaction under way, under the parent
 * it has now.
 */
void
_ctg_document_note_write (CtgDocument *self,
                          CtgItemKind  kind,
                          gint64       id,
                          CtgRowOp     op,
                          const char  *field,
                          gint64       old_parent)
{
  _ctg_document_note_row_write (self,
                                &(CtgRowChange) {
                                  .kind = kind,
                                  .id = id,
                                  .parent_id = CTG_SAME_PARENT,
                                  .old_parent_id = old_parent,
                                  .op = op,
                                },
                                field);
}

/**
 * _ctg_document_note_row_write:
 * @write: the row written; its @parent_id when the caller knows it (an
 *   insert names it: one read less per row of an import), else
 *   %CTG_SAME_PARENT; its @old_parent_id for an update of the parent
 *   column, else %CTG_SAME_PARENT. Its @moved and @fields are not read.
 *
 * The same, for writes that know the row's parent.
 */
void
_ctg_document_note_row_write (CtgDocument        *self,
                              const CtgRowChange *write,
                              const char         *field)
{
  CtgItemKind kind = write->kind;
  gint64 id = kind == CTG_ITEM_CONVENTION ? 1 : write->id;
  gint64 parent = write->parent_id;

  if (self->pending == NULL)
    return;
  if (parent == CTG_SAME_PARENT)
    parent = _ctg_document_get_parent (self, kind, id);
  self->described[kind]++;
  ctg_change_set_add (self->pending,
                      &(CtgRowChange) {
                        .kind = kind,
                        .id = id,
                        .parent_id = parent,
                        .old_parent_id = write->old_parent_id == CTG_SAME_PARENT ? parent : write->old_parent_id,
                        .op = write->op,
                        .moved = write->op == CTG_ROW_UPDATED && field_orders (kind, field),
                      },
                      field);
}

/**
 * ctg_document_poll:
 *
 * Looks whether another process wrote to the file since this document last
 * said what changed, and if so emits #CtgDocument::committed with
 * everything to read again. A window calls it now and then and when it
 * gets the focus.
 *
 * Returns: whether another process wrote
 */
gboolean
ctg_document_poll (CtgDocument *self)
{
  g_autoptr(CtgChangeSet) changes = NULL;
  gint64 version;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  if (self->db == NULL || self->group_depth > 0)
    return FALSE;
  version = data_version (self);
  if (version == self->seen_data_version)
    return FALSE;
  self->seen_data_version = version;
  changes = ctg_change_set_new ();
  ctg_change_set_reload_all (changes);
  _ctg_document_emit_changed (self, changes);
  return TRUE;
}

/* Reading */

static gboolean
valid_field (CtgDocument *self,
             CtgItemKind  kind,
             const char  *field)
{
  return kind < CTG_N_ITEM_KINDS && _ctg_document_table_has_column (self, _ctg_kinds[kind].table, field);
}

/* Runs @sql, with ?1 and ?2 bound to @arg1 and @arg2 where it has them, up
 * to its first row; %NULL when there is none (nothing to reset then) */
static sqlite3_stmt *
query_first_row (CtgDocument *self,
                 const char  *sql,
                 gint64       arg1,
                 gint64       arg2)
{
  sqlite3_stmt *stmt = _ctg_document_prepare (self, sql, NULL);
  int n_params;

  if (stmt == NULL)
    return NULL;
  n_params = sqlite3_bind_parameter_count (stmt);
  if (n_params >= 1)
    sqlite3_bind_int64 (stmt, 1, arg1);
  if (n_params >= 2)
    sqlite3_bind_int64 (stmt, 2, arg2);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  return stmt;
}

/* The first column of the first row of @sql as a number, @fallback when
 * there is no row or it is NULL (see query_first_row() for the arguments) */
gint64
_ctg_document_query_int (CtgDocument *self,
                         const char  *sql,
                         gint64       arg1,
                         gint64       arg2,
                         gint64       fallback)
{
  sqlite3_stmt *stmt = query_first_row (self, sql, arg1, arg2);
  gint64 value = fallback;

  if (stmt == NULL)
    return fallback;
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* The first column of the first row of @sql as text, %NULL when there is no
 * row or it is NULL */
char *
_ctg_document_query_text (CtgDocument *self,
                          const char  *sql,
                          gint64       arg)
{
  sqlite3_stmt *stmt = query_first_row (self, sql, arg, 0);
  char *text;

  if (stmt == NULL)
    return NULL;
  text = _ctg_document_dup_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return text;
}

/**
 * ctg_document_dup_text:
 *
 * Returns: (transfer full) (nullable): the value of @field of an item as
 *   text, %NULL if the item does not exist or the value is empty (NULL)
 */
char *
ctg_document_dup_text (CtgDocument *self,
                       CtgItemKind  kind,
                       gint64       id,
                       const char  *field)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (valid_field (self, kind, field), NULL);

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", field, _ctg_kinds[kind].table);
  return _ctg_document_query_text (self, sql, kind == CTG_ITEM_CONVENTION ? 1 : id);
}

gint64
ctg_document_get_int (CtgDocument *self,
                      CtgItemKind  kind,
                      gint64       id,
                      const char  *field,
                      gint64       default_value)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), default_value);
  g_return_val_if_fail (valid_field (self, kind, field), default_value);

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", field, _ctg_kinds[kind].table);
  return _ctg_document_query_int (self, sql, kind == CTG_ITEM_CONVENTION ? 1 : id, 0, default_value);
}

gboolean
ctg_document_has_item (CtgDocument *self,
                       CtgItemKind  kind,
                       gint64       id)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (kind < CTG_N_ITEM_KINDS, FALSE);

  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", _ctg_kinds[kind].table);
  return _ctg_document_query_int (self, sql, id, 0, 0) == 1;
}

/**
 * ctg_document_find_child:
 * @parent_id: as for ctg_document_list_ids()
 * @field: the text field to compare, such as "title" or "name"
 * @kind_key: (nullable): for sections, the "kind" the item must have too
 *   ("theme" or "enjeu")
 *
 * Returns: the first item of @kind under @parent_id, in order, whose
 *   @field is @text exactly, or 0
 */
gint64
ctg_document_find_child (CtgDocument *self,
                         CtgItemKind  kind,
                         gint64       parent_id,
                         const char  *field,
                         const char  *text,
                         const char  *kind_key)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  ids = ctg_document_list_ids (self, kind, parent_id);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *value = ctg_document_dup_text (self, kind, id, field);
      g_autofree char *item_kind = kind_key ? ctg_document_dup_text (self, kind, id, "kind") : NULL;

      if (g_strcmp0 (value, text) == 0 && g_strcmp0 (item_kind, kind_key) == 0)
        return id;
    }
  return 0;
}

/**
 * ctg_document_list_ids:
 * @parent_id: the parent item (the axis of objectives, the action of steps,
 *   ...); ignored for kinds without a parent (axes, signatories, meetings)
 *
 * Returns: (transfer full) (element-type gint64): the ids in their order
 */
GArray *
ctg_document_list_ids (CtgDocument *self,
                       CtgItemKind  kind,
                       gint64       parent_id)
{
  g_autofree char *sql = NULL;
  GArray *ids;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind < CTG_N_ITEM_KINDS, NULL);

  if (_ctg_kinds[kind].parent != NULL)
    sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1 ORDER BY %s",
                           _ctg_kinds[kind].table, _ctg_kinds[kind].parent, _ctg_kinds[kind].order);
  else
    sql = g_strdup_printf ("SELECT id FROM %s ORDER BY %s", _ctg_kinds[kind].table, _ctg_kinds[kind].order);

  ids = _ctg_document_query_ids (self, sql, parent_id, NULL);
  return ids != NULL ? ids : g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* An action's own columns, then its texts: cached_actions() reads the
 * first ones (with the action's position where the axis is), and the
 * texts are read when first asked for (_ctg_document_read_action_texts()) */
#define ACTION_VALUE_COLUMNS \
  "a.objective_id, a.start, a.echeance, a.status, a.progress, a.continuous"
#define ACTION_TEXT_COLUMNS \
  "a.code, a.title, a.description, a.means, a.notes, a.created, a.modified, a.budget, a.budget_year"
#define N_ACTION_VALUE_COLUMNS 8

/* Sets @action to the row: columns 0 and 1 are the id and the axis (or
 * the position), then ACTION_VALUE_COLUMNS. @document: (nullable): the
 * object's, for a live one */
static void
set_from_row (CtgAction    *action,
              CtgDocument  *document,
              sqlite3_stmt *stmt)
{
  CtgStatus status = CTG_STATUS_TODO;
  const char *start = (const char *) sqlite3_column_text (stmt, 3);
  const char *echeance = (const char *) sqlite3_column_text (stmt, 4);

  _ctg_item_init_identity (CTG_ITEM (action), document, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 2));
  action->axis_id = sqlite3_column_int64 (stmt, 1);
  action->start = (CtgDate) { 0 };
  action->echeance = (CtgDate) { 0 };
  if (start != NULL)
    ctg_date_parse (start, &action->start);
  if (echeance != NULL)
    ctg_date_parse (echeance, &action->echeance);
  ctg_status_from_key ((const char *) sqlite3_column_text (stmt, 5), &status);
  _ctg_action_set_values (action, status,
                          sqlite3_column_type (stmt, 6) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 6),
                          sqlite3_column_int (stmt, 7) != 0);
}

static CtgAction *
action_from_row (CtgDocument  *document,
                 sqlite3_stmt *stmt)
{
  CtgAction *action = _ctg_action_new (NULL, 0, 0);

  set_from_row (action, document, stmt);
  return action;
}

static char *
dup_unless_empty (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

/* ACTION_TEXT_COLUMNS from column @first on */
static CtgActionTexts *
texts_from_row (sqlite3_stmt *stmt,
                int           first)
{
  CtgActionTexts *texts = _ctg_action_texts_new ();

  texts->code = g_strdup ((const char *) sqlite3_column_text (stmt, first));
  texts->title = g_strdup ((const char *) sqlite3_column_text (stmt, first + 1));
  texts->description = g_strdup ((const char *) sqlite3_column_text (stmt, first + 2));
  texts->means = dup_unless_empty ((const char *) sqlite3_column_text (stmt, first + 3));
  texts->notes = dup_unless_empty ((const char *) sqlite3_column_text (stmt, first + 4));
  texts->created = g_strdup ((const char *) sqlite3_column_text (stmt, first + 5));
  texts->modified = g_strdup ((const char *) sqlite3_column_text (stmt, first + 6));
  texts->budget = sqlite3_column_type (stmt, first + 7) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, first + 7);
  texts->budget_year = (guint) sqlite3_column_int (stmt, first + 8);
  return texts;
}

/* Columns 1 to 4 of a row of the participant table */
static void
add_participant_row (CtgAction    *action,
                     sqlite3_stmt *stmt)
{
  _ctg_action_add_participant (action, ctg_relation_from_key ((const char *) sqlite3_column_text (stmt, 1)),
                               (const char *) sqlite3_column_text (stmt, 2),
                               ctg_participant_kind_from_key ((const char *) sqlite3_column_text (stmt, 3)),
                               (const char *) sqlite3_column_text (stmt, 4));
}

/* Columns 1 to 3 of a row of the funding table */
static void
add_funding_row (CtgAction    *action,
                 sqlite3_stmt *stmt)
{
  CtgFunderKind funder = CTG_FUNDER_OTHER;

  ctg_funder_from_key ((const char *) sqlite3_column_text (stmt, 1), &funder);
  _ctg_action_add_funding (action, ctg_funding_new (funder, (const char *) sqlite3_column_text (stmt, 2),
                                                    sqlite3_column_type (stmt, 3) == SQLITE_NULL
                                                    ? -1 : sqlite3_column_int64 (stmt, 3)));
}

/* Columns 1 on of a row of the action table, ACTION_TEXT_COLUMNS */
static void
add_texts_row (CtgAction    *action,
               sqlite3_stmt *stmt)
{
  if (!_ctg_action_has_texts (action))
    _ctg_action_take_texts (action, texts_from_row (stmt, 1));
}

/* The texts (if @texts), then the participants and the funding of the
 * actions of @by_id whose ids are from @first to @last, in order: one read
 * of each table for them all */
static void
load_action_lists (CtgDocument *self,
                   GHashTable  *by_id,
                   gint64       first,
                   gint64       last,
                   gboolean     texts)
{
  static const struct {
    const char *sql;
    void (*add_row) (CtgAction *action, sqlite3_stmt *stmt);
  } lists[] = {
    { "SELECT a.id, " ACTION_TEXT_COLUMNS " FROM action a WHERE a.id BETWEEN ?1 AND ?2",
      add_texts_row },
    { "SELECT p.action_id, p.relation, p.name, p.kind, p.role FROM participant p"
      " WHERE p.action_id BETWEEN ?1 AND ?2 ORDER BY p.action_id, p.position, p.id",
      add_participant_row },
    { "SELECT f.action_id, f.funder, f.name, f.amount FROM funding f"
      " WHERE f.action_id BETWEEN ?1 AND ?2 ORDER BY f.action_id, f.position, f.id",
      add_funding_row },
  };

  if (g_hash_table_size (by_id) == 0)
    return;
  for (guint i = texts ? 0 : 1; i < G_N_ELEMENTS (lists); i++)
    {
      sqlite3_stmt *stmt = _ctg_document_prepare (self, lists[i].sql, NULL);

      if (stmt == NULL)
        continue;
      sqlite3_bind_int64 (stmt, 1, first);
      sqlite3_bind_int64 (stmt, 2, last);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 action_id = sqlite3_column_int64 (stmt, 0);
          CtgAction *action = g_hash_table_lookup (by_id, &action_id);

          if (action != NULL)
            lists[i].add_row (action, stmt);
        }
      sqlite3_reset (stmt);
    }
}

/* The value of PRAGMA data_version: it changes when another connection
 * commits to the file, -1 if it cannot be read */
gint64
_ctg_document_data_version (CtgDocument *self)
{
  return _ctg_document_query_int (self, "PRAGMA data_version", 0, 0, -1);
}

typedef struct
{
  guint      rank;      /* the objective's, in plan order, from 1 */
  gint64     position;
  CtgAction *action;
} PlacedAction;

static int
compare_placed_actions (gconstpointer a,
                        gconstpointer b)
{
  const PlacedAction *x = a, *y = b;
  gint64 xid = _ctg_item_peek_id (x->action);
  gint64 yid = _ctg_item_peek_id (y->action);

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return xid < yid ? -1 : xid > yid;
}

/* For g_ptr_array_sort () and bsearch () over actions_by_id */
static int
compare_actions_by_id (gconstpointer a,
                       gconstpointer b)
{
  gint64 x = _ctg_item_peek_id (*(CtgAction * const *) a);
  gint64 y = _ctg_item_peek_id (*(CtgAction * const *) b);

  return x < y ? -1 : x > y;
}

static int
compare_id_to_action (gconstpointer key,
                      gconstpointer element)
{
  gint64 x = *(const gint64 *) key;
  gint64 y = _ctg_item_peek_id (*(CtgAction * const *) element);

  return x < y ? -1 : x > y;
}

/* Whether the cache holds the file as it is now: nothing written since it
 * was read, by this connection or another, and no transaction under way */
static gboolean
actions_cache_is_current (CtgDocument *self)
{
  return self->actions_cache != NULL && self->db != NULL && sqlite3_get_autocommit (self->db) &&
         sqlite3_total_changes64 (self->db) == self->actions_cache_changes &&
         data_version (self) == self->actions_cache_data_version;
}

/* The list's object for @action_id (the list may be due to be read again:
 * its objects are live all the same), or NULL */
static CtgAction *
cached_action (CtgDocument *self,
               gint64       action_id)
{
  CtgAction **found;

  if (self->actions_cache == NULL || self->actions_by_id == NULL)
    return NULL;
  found = bsearch (&action_id, self->actions_by_id->pdata, self->actions_by_id->len, sizeof (gpointer),
                   compare_id_to_action);
  return found != NULL ? *found : NULL;
}

/**
 * _ctg_document_find_action:
 *
 * Returns: (transfer none) (nullable): the live object of @action_id: the
 *   list's, or one held elsewhere (ctg_document_get_item() of an action the
 *   list has not read, or one the list no longer has)
 */
CtgAction *
_ctg_document_find_action (CtgDocument *self,
                           gint64       action_id)
{
  CtgAction *action = cached_action (self, action_id);

  if (action == NULL && self->items[CTG_ITEM_ACTION] != NULL)
    action = g_hash_table_lookup (self->items[CTG_ITEM_ACTION], &action_id);
  return action;
}

/* An object held elsewhere than the list stays findable while it lives */
static void
hold_action_aside (CtgDocument *self,
                   CtgAction   *action)
{
  gint64 id = ctg_action_get_id (action);

  if (self->items[CTG_ITEM_ACTION] == NULL)
    self->items[CTG_ITEM_ACTION] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_insert (self->items[CTG_ITEM_ACTION], g_memdup2 (&id, sizeof id), action);
}

/* The list's objects let go of the document: those still held elsewhere
 * keep what they read, and read nothing more */
void
_ctg_document_forget_actions (CtgDocument *self)
{
  for (guint i = 0; self->actions_cache != NULL && i < self->actions_cache->len; i++)
    {
      CtgItem *item = g_ptr_array_index (self->actions_cache, i);

      /* Findable no more: the items' table must not keep it either */
      if (self->items[CTG_ITEM_ACTION] != NULL)
        {
          gint64 id = ctg_item_get_id (item);

          if (g_hash_table_lookup (self->items[CTG_ITEM_ACTION], &id) == item)
            g_hash_table_remove (self->items[CTG_ITEM_ACTION], &id);
        }
      _ctg_item_forget_document (item);
    }
  g_clear_pointer (&self->actions_cache, g_ptr_array_unref);
  g_clear_pointer (&self->actions_by_id, g_ptr_array_unref);
}

/* How many actions' texts one read brings, by id: a list shows actions
 * that are neighbours in the plan, mostly neighbours by id too, and a
 * view that goes through every action reads them in a few hundred reads */
#define TEXTS_BLOCK 256

/**
 * _ctg_document_read_action_texts:
 *
 * Reads the texts, participants and funding of @action when first asked
 * for, as the file has them now: with those of its neighbours by id when
 * it is an object of the document's list, else its own only.
 */
void
_ctg_document_read_action_texts (CtgDocument *self,
                                 CtgAction   *action)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 id = ctg_action_get_id (action);
  gboolean block = cached_action (self, id) == action;
  gint64 first = block ? id - id % TEXTS_BLOCK : id;
  gint64 last = block ? first + TEXTS_BLOCK - 1 : id;

  if (self->db == NULL)
    return;
  if (block)
    {
      /* The list's objects of the block that have not read theirs */
      CtgAction **found = bsearch (&id, self->actions_by_id->pdata, self->actions_by_id->len, sizeof (gpointer),
                                   compare_id_to_action);
      guint at = found - (CtgAction **) self->actions_by_id->pdata;
      guint from = at;

      while (from > 0 && ctg_action_get_id (g_ptr_array_index (self->actions_by_id, from - 1)) >= first)
        from--;
      for (guint i = from; i < self->actions_by_id->len; i++)
        {
          CtgAction *neighbour = g_ptr_array_index (self->actions_by_id, i);

          if (ctg_action_get_id (neighbour) > last)
            break;
          if (!_ctg_action_has_texts (neighbour))
            g_hash_table_insert (by_id, (gpointer) _ctg_item_get_id_location (CTG_ITEM (neighbour)), neighbour);
        }
    }
  else
    g_hash_table_insert (by_id, (gpointer) _ctg_item_get_id_location (CTG_ITEM (action)), action);
  load_action_lists (self, by_id, first, last, TRUE);
}
/* _ctg_document_find_action () for the rows of the action table, which
 * come by ascending id: the list's object is found by walking its index
 * along (@cursor), not by a search for each */
static CtgAction *
find_again (CtgDocument *self,
            guint       *cursor,
            gint64       action_id,
            gboolean    *listed)
{
  GPtrArray *by_id = self->actions_by_id;
  CtgAction *action;

  *listed = FALSE;
  if (by_id != NULL)
    {
      while (*cursor < by_id->len && _ctg_item_peek_id (g_ptr_array_index (by_id, *cursor)) < action_id)
        (*cursor)++;
      if (*cursor < by_id->len && _ctg_item_peek_id (g_ptr_array_index (by_id, *cursor)) == action_id)
        {
          *listed = TRUE;
          return g_ptr_array_index (by_id, *cursor);
        }
      /* Out of order, or not in the list */
      if (*cursor == 0 || _ctg_item_peek_id (g_ptr_array_index (by_id, *cursor - 1)) < action_id)
        return self->items[CTG_ITEM_ACTION] != NULL ? g_hash_table_lookup (self->items[CTG_ITEM_ACTION], &action_id)
                                                    : NULL;
    }
  action = _ctg_document_find_action (self, action_id);
  *listed = action != NULL && cached_action (self, action_id) == action;
  return action;
}

/* Every action in plan order, read again only if the file changed since,
 * into the same objects: an object of the list is the document's object of
 * that action (ctg_document_get_item()), updated in place. Only what the
 * figures, filters and order need is read here; the texts wait until asked
 * for (about 100 bytes an action instead of 700).
 *
 * Returns: (transfer full) (nullable): the actions */
static GPtrArray *
cached_actions (CtgDocument *self)
{
  g_autoptr(GHashTable) objectives = NULL;
  g_autoptr(GArray) axis_of = NULL;
  g_autoptr(GArray) placed = NULL;
  g_autoptr(GPtrArray) by_id = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GPtrArray) old_by_id = NULL;
  g_autoptr(CtgAction) scratch = NULL;
  guint cursor = 0;
  gboolean listed;
  gboolean in_transaction;
  gboolean in_order = TRUE;
  gint64 changes;
  gint64 version;
  sqlite3_stmt *stmt;

  if (self->db == NULL)
    return NULL;

  in_transaction = !sqlite3_get_autocommit (self->db);
  changes = sqlite3_total_changes64 (self->db);
  version = data_version (self);
  if (!in_transaction && self->actions_cache != NULL && version != -1 &&
      changes == self->actions_cache_changes && version == self->actions_cache_data_version)
    return g_ptr_array_ref (self->actions_cache);

  /* The objectives in plan order, then the actions in the table's order,
   * sorted here: ordering the joined rows made SQLite sort every action
   * with its texts, through a temporary file at 100,000 actions */
  stmt = _ctg_document_prepare (self,
    "SELECT o.id, o.axis_id FROM objective o JOIN axis x ON x.id = o.axis_id"
    " ORDER BY x.position, x.id, o.position, o.id", NULL);
  if (stmt == NULL)
    return NULL;
  objectives = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  axis_of = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 objective_id = sqlite3_column_int64 (stmt, 0);
      gint64 axis_id = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (objectives, g_memdup2 (&objective_id, sizeof objective_id), GUINT_TO_POINTER (axis_of->len + 1));
      g_array_append_val (axis_of, axis_id);
    }
  sqlite3_reset (stmt);

  /* The action's position where the axis is: the axis is the objective's,
   * from above */
  stmt = _ctg_document_prepare (self,
    "SELECT a.id, a.position, " ACTION_VALUE_COLUMNS " FROM action a", NULL);
  if (stmt == NULL)
    return NULL;

  placed = g_array_new (FALSE, FALSE, sizeof (PlacedAction));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 objective_id = sqlite3_column_int64 (stmt, 2);
      guint rank = GPOINTER_TO_UINT (g_hash_table_lookup (objectives, &objective_id));
      CtgAction *live;
      PlacedAction item;

      /* An action whose objective or axis is gone is not in the plan */
      if (rank == 0)
        continue;
      item.rank = rank;
      item.position = sqlite3_column_int64 (stmt, 1);
      /* Inside a transaction, what is read may yet be rolled back, and a
       * rollback does not lower total_changes: such reads are snapshots,
       * of no document, never kept */
      live = in_transaction ? NULL : find_again (self, &cursor, sqlite3_column_int64 (stmt, 0), &listed);
      if (live != NULL)
        {
          /* An action that only the list holds lets its texts go, to be
           * read again when asked for: a plan read whole once (a search, a
           * report) does not keep its texts for the rest of the session */
          if (listed && G_OBJECT (live)->ref_count == 1)
            _ctg_action_take_texts (live, NULL);
          /* Read into one scratch object: no object made for each action */
          if (scratch == NULL)
            scratch = _ctg_action_new (NULL, 0, 0);
          set_from_row (scratch, NULL, stmt);
          scratch->axis_id = g_array_index (axis_of, gint64, rank - 1);
          _ctg_action_update_from (live, scratch);
          item.action = g_object_ref (live);
        }
      else
        {
          item.action = action_from_row (in_transaction ? NULL : self, stmt);
          item.action->axis_id = g_array_index (axis_of, gint64, rank - 1);
        }
      g_array_append_val (placed, item);
    }
  sqlite3_reset (stmt);

  g_array_sort (placed, compare_placed_actions);
  actions = g_ptr_array_new_full (placed->len, g_object_unref);
  for (guint i = 0; i < placed->len; i++)
    g_ptr_array_add (actions, g_array_index (placed, PlacedAction, i).action);

  if (in_transaction)
    {
      g_autoptr(GHashTable) all = g_hash_table_new (g_int64_hash, g_int64_equal);

      for (guint i = 0; i < actions->len; i++)
        g_hash_table_insert (all, (gpointer) _ctg_item_get_id_location (g_ptr_array_index (actions, i)),
                             g_ptr_array_index (actions, i));
      load_action_lists (self, all, G_MININT64, G_MAXINT64, TRUE);
      return g_steal_pointer (&actions);
    }

  /* The plan's order is often the ids' (an imported plan, not reordered
   * since): then the plan's array serves as the index too */
  for (guint i = 1; in_order && i < actions->len; i++)
    in_order = ctg_action_get_id (g_ptr_array_index (actions, i - 1)) < ctg_action_get_id (g_ptr_array_index (actions, i));
  if (in_order)
    by_id = g_ptr_array_ref (actions);
  else
    {
      by_id = g_ptr_array_new_full (actions->len, NULL);
      for (guint i = 0; i < actions->len; i++)
        g_ptr_array_add (by_id, g_ptr_array_index (actions, i));
      g_ptr_array_sort (by_id, compare_actions_by_id);
    }

  old = g_steal_pointer (&self->actions_cache);
  old_by_id = g_steal_pointer (&self->actions_by_id);
  self->actions_cache = g_ptr_array_ref (actions);
  self->actions_by_id = g_steal_pointer (&by_id);
  self->actions_cache_changes = changes;
  self->actions_cache_data_version = version;

  /* Those held aside that the list now has are found in the list; those
   * the list had and no longer has are held aside while anyone holds them */
  if (self->items[CTG_ITEM_ACTION] != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->items[CTG_ITEM_ACTION]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (cached_action (self, ctg_action_get_id (value)) == value)
          g_hash_table_iter_remove (&iter);
    }
  /* (both by id: one walk) */
  cursor = 0;
  for (guint i = 0; old_by_id != NULL && i < old_by_id->len; i++)
    {
      CtgAction *gone = g_ptr_array_index (old_by_id, i);
      GPtrArray *now = self->actions_by_id;

      while (cursor < now->len && _ctg_item_peek_id (g_ptr_array_index (now, cursor)) < _ctg_item_peek_id (gone))
        cursor++;
      if (cursor >= now->len || g_ptr_array_index (now, cursor) != gone)
        hold_action_aside (self, gone);
    }
  return g_steal_pointer (&actions);
}

/**
 * ctg_document_list_actions:
 * @axis_id: an axis, or 0 for the whole plan
 *
 * Returns: (transfer full): a #GListModel of #CtgAction, in plan order
 *   (axis, then objective, then action position), which never changes: ask
 *   again after a change. Its actions are the document's objects of those
 *   actions (ctg_document_get_item()), the same objects while anyone holds
 *   them, brought up to date after each commit (they notify the properties
 *   that changed). Their texts, participants and funding are read from the
 *   file when first asked for, in the thread that owns the document. Inside
 *   a transaction, they are snapshots instead, read whole, that nothing
 *   changes.
 */
GListModel *
ctg_document_list_actions (CtgDocument *self,
                           gint64       axis_id)
{
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), G_LIST_MODEL (g_list_store_new (CTG_TYPE_ACTION)));

  all = cached_actions (self);
  if (all == NULL)
    return G_LIST_MODEL (g_list_store_new (CTG_TYPE_ACTION));

  /* The cache's array itself: it never changes (a change makes another) */
  if (axis_id == 0)
    return ctg_array_model_new (CTG_TYPE_ACTION, all);

  shown = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    if (ctg_action_get_axis_id (g_ptr_array_index (all, i)) == axis_id)
      g_ptr_array_add (shown, g_object_ref (g_ptr_array_index (all, i)));
  return ctg_array_model_new (CTG_TYPE_ACTION, shown);
}

/**
 * ctg_document_peek_action:
 *
 * Returns: (transfer none) (nullable): the object of ctg_document_list_actions()
 *   for that action, as kept up to date by the document, or %NULL when the
 *   document's list is to be read again (the file changed otherwise)
 */
CtgAction *
ctg_document_peek_action (CtgDocument *self,
                          gint64       action_id)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), NULL);

  if (!actions_cache_is_current (self))
    return NULL;
  return cached_action (self, action_id);
}

/* The action as it is now, read whole, or NULL: a snapshot if @owner is
 * NULL, else @owner's live object (not yet findable) */
static CtgAction *
read_action (CtgDocument *self,
             gint64       action_id,
             CtgDocument *owner)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  CtgAction *action = NULL;
  sqlite3_stmt *stmt;

  if (self->db == NULL)
    return NULL;
  stmt = _ctg_document_prepare (self,
    "SELECT a.id, o.axis_id, " ACTION_VALUE_COLUMNS ", " ACTION_TEXT_COLUMNS
    " FROM action a JOIN objective o ON o.id = a.objective_id WHERE a.id = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, action_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      action = action_from_row (owner, stmt);
      _ctg_action_take_texts (action, texts_from_row (stmt, N_ACTION_VALUE_COLUMNS));
    }
  sqlite3_reset (stmt);

  if (action != NULL)
    {
      g_hash_table_insert (by_id, &action_id, action);
      load_action_lists (self, by_id, action_id, action_id, FALSE);
    }
  return action;
}

/**
 * ctg_document_get_action:
 *
 * A snapshot, for comparing before and after an edit, or for a thread to
 * read: the document's own object of the action, which follows the edits,
 * is ctg_document_get_item() (%CTG_ITEM_ACTION).
 *
 * Returns: (transfer full) (nullable): the action as it is now, or %NULL
 */
CtgAction *
ctg_document_get_action (CtgDocument *self,
                         gint64       action_id)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), NULL);

  return read_action (self, action_id, NULL);
}

/**
 * _ctg_document_get_live_action:
 *
 * Returns: (transfer full) (nullable): the document's object of the action,
 *   made and kept findable while anyone holds it if there was none; %NULL
 *   for no such action in the plan
 */
CtgAction *
_ctg_document_get_live_action (CtgDocument *self,
                               gint64       action_id)
{
  CtgAction *action = _ctg_document_find_action (self, action_id);

  if (action != NULL)
    return g_object_ref (action);
  action = read_action (self, action_id, self);
  if (action != NULL)
    hold_action_aside (self, action);
  return action;
}

/**
 * _ctg_document_refresh_action:
 *
 * Reads a live action again, whole if it had read its texts: it notifies
 * what changed, or that it was removed.
 */
void
_ctg_document_refresh_action (CtgDocument *self,
                              CtgAction   *action)
{
  g_autoptr(CtgAction) fresh = read_action (self, ctg_action_get_id (action), NULL);

  if (fresh == NULL)
    {
      _ctg_item_set_removed (CTG_ITEM (action));
      return;
    }
  /* Texts it never read stay unread */
  _ctg_action_update_from (action, fresh);
}

/**
 * _ctg_document_reload_actions:
 *
 * After writes nobody described (another process, an import): every live
 * action is read again, the list's values at once, the texts of those
 * that read theirs one by one.
 */
void
_ctg_document_reload_actions (CtgDocument *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->actions_cache != NULL)
    {
      self->actions_cache_changes = -1;
      all = cached_actions (self);
    }
  for (guint i = 0; all != NULL && i < all->len; i++)
    if (_ctg_action_has_texts (g_ptr_array_index (all, i)))
      g_ptr_array_add (live, g_object_ref (g_ptr_array_index (all, i)));
  if (self->items[CTG_ITEM_ACTION] != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->items[CTG_ITEM_ACTION]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (live, g_object_ref (value));
    }
  for (guint i = 0; i < live->len; i++)
    _ctg_document_refresh_action (self, g_ptr_array_index (live, i));
}

/**
 * ctg_document_count_statuses:
 * @axis_id: an axis, or 0 for the whole plan
 * @counts: (out caller-allocates): the number of actions per #CtgStatus
 */
void
ctg_document_count_statuses (CtgDocument *self,
                             gint64       axis_id,
                             guint        counts[CTG_N_STATUSES])
{
  sqlite3_stmt *stmt;

  memset (counts, 0, sizeof (guint) * CTG_N_STATUSES);

  stmt = _ctg_document_prepare (self,
    "SELECT a.status, count(*) FROM action a JOIN objective o ON o.id = a.objective_id"
    " WHERE ?1 = 0 OR o.axis_id = ?1 GROUP BY a.status", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, axis_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CtgStatus status;

      if (ctg_status_from_key ((const char *) sqlite3_column_text (stmt, 0), &status))
        counts[status] += (guint) sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
}

/**
 * ctg_document_list_participant_names:
 *
 * Returns: (transfer full): every pilot and partner name used in the
 *   convention, most used first, for completion
 */
GStrv
ctg_document_list_participant_names (CtgDocument *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  stmt = _ctg_document_prepare (self,
    "SELECT name FROM participant GROUP BY name ORDER BY count(*) DESC, name", NULL);
  if (stmt != NULL)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_strv_builder_end (builder);
}

/* GObject */

static void
ctg_document_finalize (GObject *object)
{
  CtgDocument *self = (CtgDocument *)object;

  _ctg_document_drop_items (self);
  ctg_document_close (self);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->notice, g_free);
  g_clear_pointer (&self->group_label, g_free);
  g_clear_pointer (&self->pending, ctg_change_set_unref);

  G_OBJECT_CLASS (ctg_document_parent_class)->finalize (object);
}

static void
ctg_document_class_init (CtgDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ctg_document_finalize;

  /**
   * CtgDocument::committed:
   * @changes: what the transaction wrote
   *
   * Emitted once after every committed edit, group, undo, redo and import,
   * and when another process wrote to the file (see ctg_document_poll()),
   * before #CtgDocument::changed.
   */
  signals[COMMITTED] =
    g_signal_new ("committed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CTG_TYPE_CHANGE_SET | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * CtgDocument::changed:
   *
   * Emitted after every committed edit, undo and redo.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
ctg_document_init (CtgDocument *self)
{
  self->lock_fd = -1;
  self->seen_data_version = -1;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
}
