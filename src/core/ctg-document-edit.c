/* ctg-document-edit.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Edits: setting fields, adding, deleting and moving items. */

#define G_LOG_DOMAIN "ctg-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ctg-action-private.h"
#include "ctg-date.h"
#include "ctg-document-private.h"
#include "ctg-schema.h"

/* Editing */

gboolean
_ctg_document_touch_action (CtgDocument  *self,
                            gint64        action_id,
                            GError      **error)
{
  g_autofree char *now = _ctg_now_iso ();
  sqlite3_stmt *stmt = _ctg_document_prepare (self, "UPDATE action SET modified = ?2 WHERE id = ?1", error);
  gint64 previous_edit;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  previous_edit = _ctg_document_begin_action_edit (self, action_id);
  ok = _ctg_document_step_done (self, stmt, error);
  _ctg_document_end_action_edit (self, previous_edit);
  if (ok)
    _ctg_document_note_write (self, CTG_ITEM_ACTION, action_id, CTG_ROW_UPDATED, "modified", CTG_SAME_PARENT);
  return ok;
}

static gint64
owning_action (CtgDocument *self,
               CtgItemKind  kind,
               gint64       id)
{
  switch ((int) kind)
    {
    case CTG_ITEM_ACTION:
      return id;
    case CTG_ITEM_PARTICIPANT:
    case CTG_ITEM_STEP:
    case CTG_ITEM_INDICATOR:
    case CTG_ITEM_ACTION_YEAR:
    case CTG_ITEM_FUNDING:
      return ctg_document_get_int (self, kind, id, "action_id", 0);
    case CTG_ITEM_INDICATOR_VALUE:
      return ctg_document_get_int (self, CTG_ITEM_INDICATOR,
                                   ctg_document_get_int (self, kind, id, "indicator_id", 0),
                                   "action_id", 0);
    default:
      return 0;
    }
}

/* Why @date, an ISO date, cannot go in @field, the start or the end of a
 * period whose other end is set, or NULL if it can */
static const char *
range_problem (CtgDocument  *self,
               CtgItemKind   kind,
               gint64        id,
               const char   *field,
               const char   *date)
{
  const char *other_field;
  gboolean is_start;
  g_autofree char *other_text = NULL;
  CtgDate start, end;

  if (kind == CTG_ITEM_ACTION && g_str_equal (field, "start"))
    other_field = "echeance", is_start = TRUE;
  else if (kind == CTG_ITEM_ACTION && g_str_equal (field, "echeance"))
    other_field = "start", is_start = FALSE;
  else if (kind == CTG_ITEM_CONVENTION && g_str_equal (field, "period_start"))
    other_field = "period_end", is_start = TRUE;
  else if (kind == CTG_ITEM_CONVENTION && g_str_equal (field, "period_end"))
    other_field = "period_start", is_start = FALSE;
  else
    return NULL;

  other_text = ctg_document_dup_text (self, kind, id, other_field);
  if (other_text == NULL ||
      !ctg_date_parse (is_start ? date : other_text, &start) ||
      !ctg_date_parse (is_start ? other_text : date, &end) ||
      ctg_date_range_valid (&start, &end))
    return NULL;

  if (kind == CTG_ITEM_ACTION)
    return is_start ? _("The start cannot come after the échéance.")
                    : _("The échéance cannot come before the start.");
  return is_start ? _("The convention cannot start after it ends.")
                  : _("The convention cannot end before it starts.");
}

/* Whether section @section_id may be the @field ("theme_id" or "enjeu_id")
 * of objective @objective_id: a heading of that kind, in its axis */
static gboolean
check_heading (CtgDocument  *self,
               gint64        objective_id,
               const char   *field,
               gint64        section_id,
               GError      **error)
{
  const char *want = g_str_equal (field, "theme_id") ? "theme" : "enjeu";
  g_autofree char *section_kind = NULL;

  if (!_ctg_document_require_item (self, CTG_ITEM_SECTION, section_id, error))
    return FALSE;
  section_kind = ctg_document_dup_text (self, CTG_ITEM_SECTION, section_id, "kind");
  if (g_strcmp0 (section_kind, want) != 0 ||
      ctg_document_get_int (self, CTG_ITEM_SECTION, section_id, "axis_id", 0) !=
      ctg_document_get_int (self, CTG_ITEM_OBJECTIVE, objective_id, "axis_id", -1))
    return _ctg_document_set_invalid (error, _("This heading belongs to another axis."));
  return TRUE;
}

/**
 * ctg_document_set:
 * @kind: the kind of item
 * @id: the item (ignored for the convention itself)
 * @field: the field, as named in the file ("title", "echeance", "status",
 *   "progress", ...)
 * @value: (nullable): the new value as the user gave it: dates as
 *   "2025", "03/2025" or "2025-03-15"; statuses in French or English;
 *   progress as "40" or "40 %"; %NULL or "" to clear
 *
 * Changes one field and commits it to the file, with a journal entry, before
 * returning. The value is checked first: a refused value changes nothing.
 */
gboolean
ctg_document_set (CtgDocument  *self,
                  CtgItemKind   kind,
                  gint64        id,
                  const char   *field,
                  const char   *value,
                  GError      **error)
{
  g_autofree char *stored = NULL;
  const char *problem;
  FieldType type;
  gint64 action_id;
  gint64 previous_edit;
  gboolean ok;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (kind < CTG_N_ITEM_KINDS, FALSE);

  if (kind == CTG_ITEM_CONVENTION)
    id = 1;

  if (!_ctg_field_normalize (kind, field, value, &stored, error))
    return FALSE;

  if (!ctg_document_has_item (self, kind, id))
    return _ctg_document_set_no_such_item (error);

  /* Right in itself, the value must agree with the document too: the item
   * it names exists, a date keeps its period in order */
  _ctg_document_find_editable_field (kind, field, &type, NULL);
  switch (stored != NULL ? type : FIELD_TEXT)
    {
    case FIELD_BODY_REF:
      ok = _ctg_document_require_item (self, CTG_ITEM_BODY, g_ascii_strtoll (stored, NULL, 10), error);
      break;
    case FIELD_SECTION_REF:
      ok = check_heading (self, id, field, g_ascii_strtoll (stored, NULL, 10), error);
      break;
    case FIELD_DATE:
      problem = range_problem (self, kind, id, field, stored);
      ok = problem == NULL || _ctg_document_set_invalid (error, problem);
      break;
    default:
      ok = TRUE;
    }
  if (!ok)
    return FALSE;

  if (!_ctg_document_begin (self, N_("Edit"), error))
    return FALSE;

  /* No editable field places an action in the plan (moves do that) */
  previous_edit = _ctg_document_begin_action_edit (self, owning_action (self, kind, id));
  ok = _ctg_document_update (self, _ctg_kinds[kind].table, id, field, stored, error);
  action_id = ok ? owning_action (self, kind, id) : 0;
  if (ok && action_id != 0 && self->group_changed)
    ok = _ctg_document_touch_action (self, action_id, error);
  _ctg_document_end_action_edit (self, previous_edit);

  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}

static gint64
next_position (CtgDocument *self,
               CtgItemKind  kind,
               gint64       parent_id)
{
  g_autofree char *sql = NULL;

  if (_ctg_kinds[kind].parent != NULL)
    sql = g_strdup_printf ("SELECT coalesce(max(position) + 1, 0) FROM %s WHERE %s = ?1",
                           _ctg_kinds[kind].table, _ctg_kinds[kind].parent);
  else
    sql = g_strdup_printf ("SELECT coalesce(max(position) + 1, 0) FROM %s", _ctg_kinds[kind].table);
  return _ctg_document_query_int (self, sql, parent_id, 0, 0);
}

/* Adds an item at the end of its siblings, in its own transaction */
static gint64
add_item (CtgDocument        *self,
          CtgItemKind         kind,
          gint64              parent_id,
          const char         *label,
          const char * const *columns,
          const char * const *values,
          GError            **error)
{
  g_autofree char *position = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GPtrArray) all_columns = g_ptr_array_new ();
  g_autoptr(GPtrArray) all_values = g_ptr_array_new ();
  gint64 id = 0;
  gint64 action_id = 0;

  for (guint i = 0; columns[i]; i++)
    if (!_ctg_document_check_field_text (columns[i], values[i], error))
      return 0;

  if (!_ctg_document_begin (self, label, error))
    return 0;

  position = g_strdup_printf ("%" G_GINT64_FORMAT, next_position (self, kind, parent_id));
  g_ptr_array_add (all_columns, (gpointer) "position");
  g_ptr_array_add (all_values, position);

  if (_ctg_kinds[kind].parent != NULL)
    {
      parent = g_strdup_printf ("%" G_GINT64_FORMAT, parent_id);
      g_ptr_array_add (all_columns, (gpointer) _ctg_kinds[kind].parent);
      g_ptr_array_add (all_values, parent);
    }

  if (kind == CTG_ITEM_ACTION)
    {
      now = _ctg_now_iso ();
      g_ptr_array_add (all_columns, (gpointer) "created");
      g_ptr_array_add (all_values, now);
      g_ptr_array_add (all_columns, (gpointer) "modified");
      g_ptr_array_add (all_values, now);
    }

  for (guint i = 0; columns[i]; i++)
    {
      g_ptr_array_add (all_columns, (gpointer) columns[i]);
      g_ptr_array_add (all_values, (gpointer) values[i]);
    }
  g_ptr_array_add (all_columns, NULL);

  id = _ctg_document_insert (self, _ctg_kinds[kind].table,
                             (const char * const *) all_columns->pdata,
                             (const char * const *) all_values->pdata, error);

  if (id != 0 && kind != CTG_ITEM_ACTION && (action_id = owning_action (self, kind, id)) != 0)
    if (!_ctg_document_touch_action (self, action_id, error))
      id = 0;

  if (!_ctg_document_end (self, id != 0, id != 0 ? error : NULL))
    return 0;
  return id;
}

gboolean
_ctg_document_require_item (CtgDocument  *self,
                            CtgItemKind   kind,
                            gint64        id,
                            GError      **error)
{
  if (!ctg_document_has_item (self, kind, id))
    return _ctg_document_set_no_such_item (error);
  return TRUE;
}

/* The kinds of one text that ctg_document_add_item() adds */
static const struct
{
  const char  *label;     /* the edit, marked with N_() */
  const char  *column;    /* the text's */
  CtgItemKind  parent;    /* the kind of the parent, the convention for none */
} one_text_kinds[CTG_N_ITEM_KINDS] = {
  [CTG_ITEM_SIGNATORY]            = { N_("Add signatory"), "organisation", CTG_ITEM_CONVENTION },
  [CTG_ITEM_MEMBER]               = { N_("Add member"), "name", CTG_ITEM_BODY },
  [CTG_ITEM_AXIS]                 = { N_("Add axis"), "title", CTG_ITEM_CONVENTION },
  [CTG_ITEM_ACTION]               = { N_("Add action"), "title", CTG_ITEM_OBJECTIVE },
  [CTG_ITEM_STEP]                 = { N_("Add step"), "text", CTG_ITEM_ACTION },
  [CTG_ITEM_INDICATOR]            = { N_("Add indicator"), "name", CTG_ITEM_ACTION },
  [CTG_ITEM_EVALUATION_INDICATOR] = { N_("Add evaluation indicator"), "name", CTG_ITEM_CONVENTION },
};

/**
 * ctg_document_add_item:
 * @kind: a kind of one text: %CTG_ITEM_SIGNATORY (its organisation),
 *   %CTG_ITEM_MEMBER (a member of a body, by name), %CTG_ITEM_AXIS and
 *   %CTG_ITEM_ACTION (their title), %CTG_ITEM_STEP (its text),
 *   %CTG_ITEM_INDICATOR and %CTG_ITEM_EVALUATION_INDICATOR (their name)
 * @parent_id: what it goes under: the body of a member, the objective of an
 *   action, the action of a step or an indicator; ignored for the others
 * @text: (nullable): its text; %NULL for none
 *
 * Adds an item after its siblings, as one edit. The kinds with more to say
 * have their own: ctg_document_add_body(), ctg_document_add_meeting(),
 * ctg_document_add_section(), ctg_document_add_objective().
 *
 * Returns: the new item's id, or 0 with @error set
 */
gint64
ctg_document_add_item (CtgDocument  *self,
                       CtgItemKind   kind,
                       gint64        parent_id,
                       const char   *text,
                       GError      **error)
{
  CtgItemKind parent;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (kind < CTG_N_ITEM_KINDS && one_text_kinds[kind].label != NULL, 0);

  parent = one_text_kinds[kind].parent;
  if (parent == CTG_ITEM_CONVENTION)
    parent_id = 0;
  else if (!_ctg_document_require_item (self, parent, parent_id, error))
    return 0;
  return add_item (self, kind, parent_id, one_text_kinds[kind].label,
                   (const char *[]) { one_text_kinds[kind].column, NULL },
                   (const char *[]) { text ? text : "" }, error);
}

gint64
ctg_document_add_body (CtgDocument  *self,
                       const char   *name,
                       const char   *kind,
                       GError      **error)
{
  g_autofree char *stored = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  if (!_ctg_field_normalize (CTG_ITEM_BODY, "kind", kind ? kind : "other", &stored, error))
    return 0;

  return add_item (self, CTG_ITEM_BODY, 0, N_("Add governance body"),
                   (const char *[]) { "name", "kind", NULL },
                   (const char *[]) { name ? name : "", stored }, error);
}

gint64
ctg_document_add_meeting (CtgDocument  *self,
                          gint64        body_id,
                          const char   *date,
                          const char   *title,
                          GError      **error)
{
  g_autofree char *stored_date = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  if (body_id != 0 && !_ctg_document_require_item (self, CTG_ITEM_BODY, body_id, error))
    return 0;
  if (!_ctg_field_normalize (CTG_ITEM_MEETING, "date", date, &stored_date, error))
    return 0;
  if (body_id != 0)
    body = g_strdup_printf ("%" G_GINT64_FORMAT, body_id);

  return add_item (self, CTG_ITEM_MEETING, 0, N_("Add meeting"),
                   (const char *[]) { "body_id", "date", "title", NULL },
                   (const char *[]) { body, stored_date, title ? title : "" }, error);
}

gint64
ctg_document_add_section (CtgDocument     *self,
                          gint64           axis_id,
                          CtgSectionKind   kind,
                          const char      *title,
                          GError         **error)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  if (!_ctg_document_require_item (self, CTG_ITEM_AXIS, axis_id, error))
    return 0;
  return add_item (self, CTG_ITEM_SECTION, axis_id,
                   kind == CTG_SECTION_THEME ? N_("Add thématique") : N_("Add enjeu"),
                   (const char *[]) { "kind", "title", NULL },
                   (const char *[]) { kind == CTG_SECTION_THEME ? "theme" : "enjeu",
                                      title ? title : "" }, error);
}

gint64
ctg_document_add_objective (CtgDocument  *self,
                            gint64        axis_id,
                            gint64        theme_id,
                            gint64        enjeu_id,
                            const char   *title,
                            GError      **error)
{
  g_autofree char *theme = NULL;
  g_autofree char *enjeu = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), 0);

  if (!_ctg_document_require_item (self, CTG_ITEM_AXIS, axis_id, error))
    return 0;
  if (theme_id != 0)
    {
      if (ctg_document_get_int (self, CTG_ITEM_SECTION, theme_id, "axis_id", 0) != axis_id)
        return _ctg_document_set_invalid (error, _("This heading belongs to another axis.")), 0;
      theme = g_strdup_printf ("%" G_GINT64_FORMAT, theme_id);
    }
  if (enjeu_id != 0)
    {
      if (ctg_document_get_int (self, CTG_ITEM_SECTION, enjeu_id, "axis_id", 0) != axis_id)
        return _ctg_document_set_invalid (error, _("This heading belongs to another axis.")), 0;
      enjeu = g_strdup_printf ("%" G_GINT64_FORMAT, enjeu_id);
    }

  return add_item (self, CTG_ITEM_OBJECTIVE, axis_id, N_("Add objective"),
                   (const char *[]) { "theme_id", "enjeu_id", "title", NULL },
                   (const char *[]) { theme, enjeu, title ? title : "" }, error);
}

static gboolean
year_has_comment (CtgDocument *self,
                  gint64       value_id)
{
  g_autofree char *comment = ctg_document_dup_text (self, CTG_ITEM_INDICATOR_VALUE, value_id, "comment");

  return comment != NULL && comment[0] != '\0';
}

/**
 * ctg_document_set_indicator_value:
 * @value: (nullable): the value for @year; %NULL or "" removes it
 */
gboolean
ctg_document_set_indicator_value (CtgDocument  *self,
                                  gint64        indicator_id,
                                  guint         year,
                                  const char   *value,
                                  GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 existing = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  g_autofree char *plain = NULL;

  if (!_ctg_document_require_item (self, CTG_ITEM_INDICATOR, indicator_id, error) ||
      !_ctg_field_normalize (CTG_ITEM_INDICATOR_VALUE, "value", value, &plain, error))
    return FALSE;
  value = plain;
  if (year < 1900 || year > 2200)
    return _ctg_document_set_invalid (error, _("The year must be between 1900 and 2200."));

  if (!_ctg_document_begin (self, N_("Edit indicator"), error))
    return FALSE;

  stmt = _ctg_document_prepare (self, "SELECT id FROM indicator_value WHERE indicator_id = ?1 AND year = ?2", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, indicator_id);
      sqlite3_bind_int (stmt, 2, (int) year);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        existing = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  /* A year left without value nor comment is no longer a row */
  if (ok && existing != 0 && (value == NULL || value[0] == '\0') &&
      !year_has_comment (self, existing))
    ok = _ctg_document_delete_row (self, CTG_ITEM_INDICATOR_VALUE, existing, error);
  else if (ok && existing != 0)
    ok = _ctg_document_update (self, "indicator_value", existing, "value", value, error);
  else if (ok && value != NULL && value[0] != '\0')
    {
      g_autofree char *indicator = g_strdup_printf ("%" G_GINT64_FORMAT, indicator_id);
      g_autofree char *year_text = g_strdup_printf ("%u", year);

      ok = _ctg_document_insert (self, "indicator_value",
                                 (const char *[]) { "indicator_id", "year", "value", NULL },
                                 (const char *[]) { indicator, year_text, value }, error) != 0;
    }

  if (ok && self->group_changed)
    ok = _ctg_document_touch_action (self, owning_action (self, CTG_ITEM_INDICATOR, indicator_id), error);

  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}

/**
 * ctg_document_set_participants:
 * @participants: (element-type CtgParticipant): the new pilots or partners,
 *   in order
 *
 * Replaces the pilots (or partners) of an action, as one undoable edit.
 */
gboolean
ctg_document_set_participants (CtgDocument  *self,
                               gint64        action_id,
                               CtgRelation   relation,
                               GPtrArray    *participants,
                               GError      **error)
{
  g_autoptr(CtgAction) action = NULL;
  GPtrArray *current;
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *action_text = NULL;
  gint64 previous_edit;
  gboolean same = TRUE;
  gboolean ok = TRUE;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (participants != NULL, FALSE);

  for (guint i = 0; i < participants->len; i++)
    {
      const CtgParticipant *p = g_ptr_array_index (participants, i);

      if (!_ctg_document_check_field_text ("name", p->name, error) ||
          !_ctg_document_check_field_text ("role", p->role, error))
        return FALSE;
      g_autofree char *name = g_strstrip (g_strdup (p->name));

      if (name[0] == '\0')
        return _ctg_document_set_invalid (error, _("A pilot or partner needs a name."));
    }

  action = ctg_document_get_action (self, action_id);
  if (action == NULL)
    return _ctg_document_set_no_such_item (error);

  current = relation == CTG_RELATION_PILOT ? ctg_action_get_pilots (action)
            : relation == CTG_RELATION_REFERENT ? ctg_action_get_referents (action)
            : ctg_action_get_partners (action);
  if (current->len == participants->len)
    for (guint i = 0; i < current->len && same; i++)
      same = ctg_participant_equal (g_ptr_array_index (current, i), g_ptr_array_index (participants, i));
  else
    same = FALSE;
  if (same)
    return TRUE;

  if (!_ctg_document_begin (self, relation == CTG_RELATION_PILOT ? N_("Change pilots")
                                  : relation == CTG_RELATION_REFERENT ? N_("Change référents")
                                  : N_("Change partners"),
                            error))
    return FALSE;

  /* A participant who stays keeps his row, so his identity: two copies
   * that each add or reorder pilots then merge as moves (docs/merge.md) */
  previous_edit = _ctg_document_begin_action_edit (self, action_id);
  stmt = _ctg_document_prepare (self, "SELECT id, name FROM participant WHERE action_id = ?1 AND relation = ?2"
                                      " ORDER BY position, id", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, action_id);
      sqlite3_bind_text (stmt, 2, ctg_relation_to_key (relation), -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
          g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
        }
      sqlite3_reset (stmt);
    }

  action_text = g_strdup_printf ("%" G_GINT64_FORMAT, action_id);
  for (guint i = 0; ok && i < participants->len; i++)
    {
      const CtgParticipant *p = g_ptr_array_index (participants, i);
      g_autofree char *position = g_strdup_printf ("%u", i);
      g_autofree char *name = g_strstrip (g_strdup (p->name));
      g_autofree char *role = g_strstrip (g_strdup (p->role ? p->role : ""));
      guint kept;

      if (g_ptr_array_find_with_equal_func (names, name, g_str_equal, &kept))
        {
          gint64 id = g_array_index (ids, gint64, kept);

          ok = _ctg_document_update (self, "participant", id, "position", position, error) &&
               _ctg_document_update (self, "participant", id, "kind", ctg_participant_kind_to_key (p->kind), error) &&
               _ctg_document_update (self, "participant", id, "role", role, error);
          g_array_remove_index (ids, kept);
          g_ptr_array_remove_index (names, kept);
        }
      else
        ok = _ctg_document_insert (self, "participant",
                                   (const char *[]) { "action_id", "relation", "position", "name", "kind", "role", NULL },
                                   (const char *[]) { action_text, ctg_relation_to_key (relation), position,
                                                      name, ctg_participant_kind_to_key (p->kind), role },
                                   error) != 0;
    }

  for (guint i = 0; ok && i < ids->len; i++)
    ok = _ctg_document_delete_row (self, CTG_ITEM_PARTICIPANT, g_array_index (ids, gint64, i), error);

  if (ok)
    ok = _ctg_document_touch_action (self, action_id, error);
  _ctg_document_end_action_edit (self, previous_edit);

  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}

static const char *
delete_label (CtgItemKind kind)
{
  switch ((int) kind)
    {
    case CTG_ITEM_AXIS: return N_("Delete axis");
    case CTG_ITEM_SECTION: return N_("Delete heading");
    case CTG_ITEM_OBJECTIVE: return N_("Delete objective");
    case CTG_ITEM_ACTION: return N_("Delete action");
    case CTG_ITEM_STEP: return N_("Delete step");
    case CTG_ITEM_INDICATOR: return N_("Delete indicator");
    case CTG_ITEM_SIGNATORY: return N_("Delete signatory");
    case CTG_ITEM_BODY: return N_("Delete governance body");
    case CTG_ITEM_MEMBER: return N_("Delete member");
    case CTG_ITEM_MEETING: return N_("Delete meeting");
    case CTG_ITEM_FUNDING: return N_("Delete funder");
    case CTG_ITEM_ACTION_YEAR: return N_("Delete year note");
    case CTG_ITEM_EVALUATION_INDICATOR: return N_("Delete evaluation indicator");
    case CTG_ITEM_ASSESSMENT: return N_("Delete assessment");
    default: return N_("Delete");
    }
}

/**
 * ctg_document_delete:
 *
 * Deletes an item with everything under it (an axis with its objectives and
 * their actions), as one undoable edit.
 */
gboolean
ctg_document_delete (CtgDocument  *self,
                     CtgItemKind   kind,
                     gint64        id,
                     GError      **error)
{
  gint64 action_id;
  gboolean ok;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (kind < CTG_N_ITEM_KINDS && kind != CTG_ITEM_CONVENTION, FALSE);

  if (!_ctg_document_require_item (self, kind, id, error))
    return FALSE;

  action_id = kind != CTG_ITEM_ACTION ? owning_action (self, kind, id) : 0;

  if (!_ctg_document_begin (self, delete_label (kind), error))
    return FALSE;
  ok = _ctg_document_delete_row (self, kind, id, error);
  if (ok && action_id != 0)
    ok = _ctg_document_touch_action (self, action_id, error);
  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}

static gboolean
renumber (CtgDocument  *self,
          CtgItemKind   kind,
          GArray       *ids,
          GError      **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *position = g_strdup_printf ("%u", i);

      if (!_ctg_document_update (self, _ctg_kinds[kind].table, g_array_index (ids, gint64, i),
                                 "position", position, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ctg_document_move:
 * @position: the new place among its siblings, from 0
 *
 * Reorders an item among its siblings (an axis among the axes, a step among
 * the steps of its action, ...).
 */
gboolean
ctg_document_move (CtgDocument  *self,
                   CtgItemKind   kind,
                   gint64        id,
                   guint         position,
                   GError      **error)
{
  g_autoptr(GArray) ids = NULL;
  gint64 parent = 0;
  guint index = G_MAXUINT;
  gboolean ok;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (kind < CTG_N_ITEM_KINDS && kind != CTG_ITEM_CONVENTION &&
                        kind != CTG_ITEM_INDICATOR_VALUE && kind != CTG_ITEM_PARTICIPANT &&
                        kind != CTG_ITEM_ACTION_YEAR && kind != CTG_ITEM_ASSESSMENT, FALSE);

  if (!_ctg_document_require_item (self, kind, id, error))
    return FALSE;

  if (_ctg_kinds[kind].parent != NULL)
    parent = ctg_document_get_int (self, kind, id, _ctg_kinds[kind].parent, 0);
  ids = ctg_document_list_ids (self, kind, parent);

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      index = i;
  g_assert (index != G_MAXUINT);

  position = MIN (position, ids->len - 1);
  if (position == index)
    return TRUE;

  g_array_remove_index (ids, index);
  g_array_insert_val (ids, position, id);

  if (!_ctg_document_begin (self, N_("Move"), error))
    return FALSE;
  ok = renumber (self, kind, ids, error);
  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}

/**
 * ctg_document_move_action:
 *
 * Moves an action to the end of another objective, possibly in another axis.
 */
gboolean
ctg_document_move_action (CtgDocument  *self,
                          gint64        action_id,
                          gint64        objective_id,
                          GError      **error)
{
  g_autofree char *objective = NULL;
  g_autofree char *position = NULL;
  gboolean ok;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  if (!_ctg_document_require_item (self, CTG_ITEM_ACTION, action_id, error) ||
      !_ctg_document_require_item (self, CTG_ITEM_OBJECTIVE, objective_id, error))
    return FALSE;
  if (ctg_document_get_int (self, CTG_ITEM_ACTION, action_id, "objective_id", 0) == objective_id)
    return TRUE;

  objective = g_strdup_printf ("%" G_GINT64_FORMAT, objective_id);
  position = g_strdup_printf ("%" G_GINT64_FORMAT, next_position (self, CTG_ITEM_ACTION, objective_id));

  if (!_ctg_document_begin (self, N_("Move action"), error))
    return FALSE;
  ok = _ctg_document_update (self, "action", action_id, "objective_id", objective, error) &&
       _ctg_document_update (self, "action", action_id, "position", position, error) &&
       _ctg_document_touch_action (self, action_id, error);
  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}
