/* ctg-report-changes.c: the changes since the last meeting, from the journal
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "ctg-document-private.h"
#include "ctg-report-private.h"

/* Changes since a date: the journal, summed up per action */

typedef struct
{
  char *field;
  char *old_value;
  char *new_value;
} FieldChange;

typedef struct
{
  gint64      action_id;
  gint64      objective_id;    /* for a deleted action, from its last values */
  gboolean    created;
  gboolean    deleted;
  char       *deleted_title;
  GPtrArray  *fields;          /* FieldChange, in the order first changed */
  GPtrArray  *events;          /* char *: steps, indicators */
  GPtrArray  *people;          /* char *: "+" or "-", relation, name */
  char       *time;
} ActionChanges;

static void
field_change_free (FieldChange *change)
{
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

static void
action_changes_free (ActionChanges *changes)
{
  g_free (changes->deleted_title);
  g_ptr_array_unref (changes->fields);
  g_ptr_array_unref (changes->events);
  g_ptr_array_unref (changes->people);
  g_free (changes->time);
  g_free (changes);
}

typedef struct
{
  char   *name;
  char   *relation;
  char   *text;
  char   *title;
  char   *code;
  gint64  objective_id;
  gint64  indicator_id;
  gint64  year;
  char   *value;
} JsonRow;

static void
json_row_clear (JsonRow *row)
{
  g_free (row->name);
  g_free (row->relation);
  g_free (row->text);
  g_free (row->title);
  g_free (row->code);
  g_free (row->value);
  memset (row, 0, sizeof *row);
}

/* The journal keeps inserted and deleted rows as JSON: let SQLite read it */
static void
parse_json_row (CtgDocument *doc,
                const char  *json,
                JsonRow     *row)
{
  sqlite3_stmt *stmt;

  memset (row, 0, sizeof *row);
  if (json == NULL || json[0] != '{')
    return;

  stmt = _ctg_document_prepare (doc,
    "SELECT json_extract(?1, '$.name'), json_extract(?1, '$.relation'),"
    " json_extract(?1, '$.text'), json_extract(?1, '$.title'), json_extract(?1, '$.code'),"
    " json_extract(?1, '$.objective_id'), json_extract(?1, '$.indicator_id'),"
    " json_extract(?1, '$.year'), json_extract(?1, '$.value')"
    " WHERE json_valid(?1)", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->relation = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->text = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->title = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->code = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      row->objective_id = sqlite3_column_int64 (stmt, 5);
      row->indicator_id = sqlite3_column_int64 (stmt, 6);
      row->year = sqlite3_column_int64 (stmt, 7);
      row->value = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static ActionChanges *
ensure_action_changes (GHashTable *by_action,
                       GPtrArray  *order,
                       gint64      action_id)
{
  ActionChanges *changes = g_hash_table_lookup (by_action, &action_id);

  if (changes == NULL)
    {
      changes = g_new0 (ActionChanges, 1);
      changes->action_id = action_id;
      changes->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_change_free);
      changes->events = g_ptr_array_new_with_free_func (g_free);
      changes->people = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (by_action, &changes->action_id, changes);
      g_ptr_array_add (order, changes);
    }
  return changes;
}

static void
note_field (ActionChanges *changes,
            const char    *field,
            const char    *old_value,
            const char    *new_value)
{
  FieldChange *change;

  for (guint i = 0; i < changes->fields->len; i++)
    {
      change = g_ptr_array_index (changes->fields, i);
      if (g_str_equal (change->field, field))
        {
          /* From the first old value to the last new one */
          g_free (change->new_value);
          change->new_value = g_strdup (new_value);
          return;
        }
    }

  change = g_new0 (FieldChange, 1);
  change->field = g_strdup (field);
  change->old_value = g_strdup (old_value);
  change->new_value = g_strdup (new_value);
  g_ptr_array_add (changes->fields, change);
}

static void
note_event (ActionChanges *changes,
            char          *event)
{
  for (guint i = 0; i < changes->events->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (changes->events, i), event))
        {
          g_free (event);
          return;
        }
    }
  g_ptr_array_add (changes->events, event);
}

/* Pilots and partners added then removed cancel out */
static void
note_person (ActionChanges *changes,
             gboolean       added,
             const char    *relation,
             const char    *name)
{
  g_autofree char *opposite = g_strdup_printf ("%c%s\x1f%s", added ? '-' : '+', relation, name);

  for (guint i = 0; i < changes->people->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (changes->people, i), opposite))
        {
          g_ptr_array_remove_index (changes->people, i);
          return;
        }
    }
  g_ptr_array_add (changes->people, g_strdup_printf ("%c%s\x1f%s", added ? '+' : '-', relation, name));
}

static char *
format_value (const char *field,
              const char *value)
{
  CtgDate date;
  CtgStatus status;

  if (value == NULL || value[0] == '\0')
    return g_strdup ("—");
  if (g_str_equal (field, "status") && ctg_status_from_key (value, &status))
    return g_strdup (ctg_status_to_label (status));
  if ((g_str_equal (field, "start") || g_str_equal (field, "echeance")) && ctg_date_parse (value, &date))
    return ctg_date_format (&date);
  if (g_str_equal (field, "progress"))
    return _ctg_report_format_percent (atoi (value));
  /* Translators: a value quoted in a list of changes */
  return g_strdup_printf (_("“%s”"), value);
}

static char *
describe_field (CtgReport         *self,
                const FieldChange *change)
{
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  const char *label;

  if (g_strcmp0 (change->old_value, change->new_value) == 0)
    return NULL;

  if (g_str_equal (change->field, "description"))
    return g_strdup (_("Description changed"));
  if (g_str_equal (change->field, "means"))
    return g_strdup (_("Means changed"));
  if (g_str_equal (change->field, "notes"))
    return g_strdup (_("Notes changed"));
  if (g_str_equal (change->field, "objective_id"))
    {
      gint64 id = change->new_value ? g_ascii_strtoll (change->new_value, NULL, 10) : 0;
      ReportObjective *objective = g_hash_table_lookup (self->objectives, &id);

      if (objective != NULL)
        return g_strdup_printf (_("Moved to the objective “%s”"), objective->title);
      return g_strdup (_("Moved to another objective"));
    }

  if (g_str_equal (change->field, "status"))
    label = _("Status");
  else if (g_str_equal (change->field, "progress"))
    label = _("Progress");
  else if (g_str_equal (change->field, "start"))
    label = _("Start");
  else if (g_str_equal (change->field, "echeance"))
    label = _("Échéance");
  else if (g_str_equal (change->field, "title"))
    label = _("Title");
  else if (g_str_equal (change->field, "code"))
    label = _("Code");
  else
    return NULL;

  old_text = format_value (change->field, change->old_value);
  new_text = format_value (change->field, change->new_value);
  /* Translators: a change in a list: "Status: To start → In progress" */
  return g_strdup_printf (_("%s: %s → %s"), label, old_text, new_text);
}

static char *
describe_people (GPtrArray  *people,
                 const char *relation,
                 gboolean    added)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < people->len; i++)
    {
      const char *entry = g_ptr_array_index (people, i);
      const char *sep = strchr (entry, '\x1f');

      if ((entry[0] == '+') != added || sep == NULL ||
          strncmp (entry + 1, relation, (gsize) (sep - entry - 1)) != 0 ||
          strlen (relation) != (gsize) (sep - entry - 1))
        continue;
      if (n++ > 0)
        g_string_append (names, ", ");
      g_string_append (names, sep + 1);
    }
  if (n == 0)
    return NULL;

  if (g_str_equal (relation, "pilot"))
    return g_strdup_printf (added ? g_dngettext (GETTEXT_PACKAGE, "Pilot added: %s", "Pilots added: %s", n)
                                  : g_dngettext (GETTEXT_PACKAGE, "Pilot removed: %s", "Pilots removed: %s", n),
                            names->str);
  return g_strdup_printf (added ? g_dngettext (GETTEXT_PACKAGE, "Partner added: %s", "Partners added: %s", n)
                                : g_dngettext (GETTEXT_PACKAGE, "Partner removed: %s", "Partners removed: %s", n),
                          names->str);
}

static void
note_journal_entry (CtgReport       *self,
                    CtgDocument     *doc,
                    const CtgChange *change,
                    ActionChanges   *changes)
{
  gboolean insert = g_strcmp0 (change->op, "insert") == 0;
  gboolean delete = g_strcmp0 (change->op, "delete") == 0;
  JsonRow row;

  parse_json_row (doc, insert ? change->new_value : delete ? change->old_value : NULL, &row);

  switch (change->kind)
    {
    case CTG_ITEM_ACTION:
      if (insert)
        changes->created = TRUE;
      else if (delete)
        {
          changes->deleted = TRUE;
          g_free (changes->deleted_title);
          changes->deleted_title = row.code != NULL && row.code[0] != '\0'
                                     ? g_strdup_printf ("%s %s", row.code, row.title ? row.title : "")
                                     : g_strdup (row.title ? row.title : "");
          changes->objective_id = row.objective_id;
        }
      else if (change->field != NULL && !g_str_equal (change->field, "position") &&
               !g_str_equal (change->field, "modified"))
        note_field (changes, change->field, change->old_value, change->new_value);
      break;

    case CTG_ITEM_PARTICIPANT:
      if ((insert || delete) && row.name != NULL && row.relation != NULL)
        note_person (changes, insert, row.relation, row.name);
      else if (g_strcmp0 (change->field, "name") == 0)
        {
          g_autofree char *relation = ctg_document_dup_text (doc, CTG_ITEM_PARTICIPANT, change->item_id, "relation");

          if (relation != NULL && change->old_value != NULL && change->new_value != NULL)
            {
              note_person (changes, FALSE, relation, change->old_value);
              note_person (changes, TRUE, relation, change->new_value);
            }
        }
      break;

    case CTG_ITEM_STEP:
      if (insert && row.text != NULL)
        note_event (changes, g_strdup_printf (_("Step added: “%s”"), row.text));
      else if (delete && row.text != NULL)
        note_event (changes, g_strdup_printf (_("Step removed: “%s”"), row.text));
      else if (g_strcmp0 (change->field, "done") == 0)
        {
          g_autofree char *text = ctg_document_dup_text (doc, CTG_ITEM_STEP, change->item_id, "text");

          if (text != NULL)
            note_event (changes, g_strdup_printf (g_strcmp0 (change->new_value, "1") == 0
                                                    ? _("Step done: “%s”") : _("Step to do again: “%s”"),
                                                  text));
        }
      else if (change->field != NULL)
        {
          g_autofree char *text = ctg_document_dup_text (doc, CTG_ITEM_STEP, change->item_id, "text");

          if (text != NULL)
            note_event (changes, g_strdup_printf (_("Step changed: “%s”"), text));
        }
      break;

    case CTG_ITEM_INDICATOR:
      if (insert && row.name != NULL)
        note_event (changes, g_strdup_printf (_("Indicator added: “%s”"), row.name));
      else if (delete && row.name != NULL)
        note_event (changes, g_strdup_printf (_("Indicator removed: “%s”"), row.name));
      else if (change->field != NULL)
        {
          g_autofree char *name = ctg_document_dup_text (doc, CTG_ITEM_INDICATOR, change->item_id, "name");

          if (name != NULL)
            note_event (changes, g_strdup_printf (_("Indicator changed: “%s”"), name));
        }
      break;

    case CTG_ITEM_INDICATOR_VALUE:
      {
        gint64 indicator_id = row.indicator_id;
        gint64 year = row.year;
        g_autofree char *name = NULL;
        const char *value = insert ? row.value : delete ? NULL : change->new_value;

        if (indicator_id == 0)
          {
            indicator_id = ctg_document_get_int (doc, CTG_ITEM_INDICATOR_VALUE, change->item_id, "indicator_id", 0);
            year = ctg_document_get_int (doc, CTG_ITEM_INDICATOR_VALUE, change->item_id, "year", 0);
          }
        name = indicator_id ? ctg_document_dup_text (doc, CTG_ITEM_INDICATOR, indicator_id, "name") : NULL;
        if (name != NULL && year != 0)
          /* Translators: an indicator's value for a year: "Indicator “Families met”, 2024: 120" */
          note_event (changes, g_strdup_printf (_("Indicator “%s”, %d: %s"), name, (int) year,
                                                value != NULL && value[0] != '\0' ? value : "—"));
      }
      break;

    case CTG_ITEM_CONVENTION:
    case CTG_ITEM_SIGNATORY:
    case CTG_ITEM_BODY:
    case CTG_ITEM_MEMBER:
    case CTG_ITEM_MEETING:
    case CTG_ITEM_AXIS:
    case CTG_ITEM_SECTION:
    case CTG_ITEM_OBJECTIVE:
    case CTG_N_ITEM_KINDS:
    default:
      break;
    }

  g_free (changes->time);
  changes->time = g_strdup (change->time);
  json_row_clear (&row);
}

static ReportChange *
summarize_action_changes (CtgReport     *self,
                          ActionChanges *changes,
                          CtgAction     *action)
{
  g_autoptr(GString) what = g_string_new (NULL);
  ReportChange *result;
  static const char * const relations[] = { "pilot", "partner" };

  if (changes->created && changes->deleted)
    return NULL;

  if (changes->deleted)
    g_string_append (what, _("Action deleted"));
  else
    {
      if (changes->created)
        g_string_append (what, _("New action"));

      for (guint i = 0; i < changes->fields->len; i++)
        {
          g_autofree char *line = describe_field (self, g_ptr_array_index (changes->fields, i));

          if (line == NULL)
            continue;
          if (what->len > 0)
            g_string_append_c (what, '\n');
          g_string_append (what, line);
        }
      for (guint r = 0; r < G_N_ELEMENTS (relations); r++)
        {
          for (int added = 1; added >= 0; added--)
            {
              g_autofree char *line = describe_people (changes->people, relations[r], added);

              if (line == NULL)
                continue;
              if (what->len > 0)
                g_string_append_c (what, '\n');
              g_string_append (what, line);
            }
        }
      for (guint i = 0; i < changes->events->len; i++)
        {
          if (what->len > 0)
            g_string_append_c (what, '\n');
          g_string_append (what, g_ptr_array_index (changes->events, i));
        }
    }

  if (what->len == 0)
    return NULL;

  result = g_new0 (ReportChange, 1);
  result->action = action;
  result->subject = action == NULL ? g_strdup (changes->deleted_title) : NULL;
  result->what = g_string_free (g_steal_pointer (&what), FALSE);
  result->time = g_strdup (changes->time);
  return result;
}

/* The ISO 8601 date of the day after the meeting, the first the changes
 * section leaves out; %NULL when the meeting is unknown */
static char *
dup_changes_until (CtgReport *self)
{
  GDate after = self->meeting;

  if (!g_date_valid (&after))
    return NULL;
  g_date_add_days (&after, 1);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&after), g_date_get_month (&after),
                          g_date_get_day (&after));
}

/**
 * _ctg_report_read_changes:
 * @all_axes: whether the report is on every axis, and so also sums up the
 *   changes made outside the plan's actions
 *
 * Sums up the journal since the report's date, one row per action changed,
 * from each field's first old value to its last new one.
 */
void
_ctg_report_read_changes (CtgReport   *self,
                          CtgDocument *doc,
                          gboolean     all_axes)
{
  g_autoptr(GPtrArray) journal = ctg_document_list_changes (doc, self->since, 0);
  g_autoptr(GHashTable) by_action = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func ((GDestroyNotify) action_changes_free);
  g_autoptr(GHashTable) other_labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) other_order = g_ptr_array_new ();
  g_autoptr(GHashTable) seen_txns = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *last_other = NULL;
  g_autofree char *until = dup_changes_until (self);

  for (guint i = 0; i < journal->len; i++)
    {
      CtgChange *change = g_ptr_array_index (journal, i);

      /* The section is "since the previous meeting, up to this one": a
       * report for a past meeting leaves out what was changed after it */
      if (until != NULL && change->time != NULL && strcmp (change->time, until) >= 0)
        continue;

      if (change->action_id != 0)
        {
          note_journal_entry (self, doc, change,
                              ensure_action_changes (by_action, order, change->action_id));
          self->n_changes++;
        }
      else if (all_axes && change->label != NULL && !g_hash_table_contains (seen_txns, &change->txn_id))
        {
          /* One line per distinct label: "Edit axis (3 times)" */
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (other_labels, change->label));

          g_hash_table_add (seen_txns, &change->txn_id);
          if (n == 0)
            g_ptr_array_add (other_order, change->label);
          g_hash_table_insert (other_labels, change->label, GUINT_TO_POINTER (n + 1));
          g_free (last_other);
          last_other = g_strdup (change->time);
          self->n_changes++;
        }
    }

  /* The actions still there, in plan order */
  for (guint i = 0; i < self->actions->len; i++)
    {
      CtgAction *action = g_ptr_array_index (self->actions, i);
      gint64 id = ctg_action_get_id (action);
      ActionChanges *changes = g_hash_table_lookup (by_action, &id);
      ReportChange *row;

      if (changes == NULL)
        continue;
      changes->deleted = FALSE;
      if ((row = summarize_action_changes (self, changes, action)) != NULL)
        g_ptr_array_add (self->changes, row);
      g_hash_table_remove (by_action, &id);
    }

  /* Then the deleted ones of the axes reported on */
  for (guint i = 0; i < order->len; i++)
    {
      ActionChanges *changes = g_ptr_array_index (order, i);
      ReportChange *row;

      if (!g_hash_table_contains (by_action, &changes->action_id) || !changes->deleted)
        continue;
      if (!all_axes && !g_hash_table_contains (self->objectives, &changes->objective_id))
        continue;
      if ((row = summarize_action_changes (self, changes, NULL)) != NULL)
        g_ptr_array_add (self->changes, row);
    }

  if (other_order->len > 0)
    {
      g_autoptr(GString) what = g_string_new (NULL);
      ReportChange *row = g_new0 (ReportChange, 1);

      for (guint i = 0; i < other_order->len; i++)
        {
          const char *label = g_ptr_array_index (other_order, i);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (other_labels, label));

          if (what->len > 0)
            g_string_append_c (what, '\n');
          if (n > 1)
            /* Translators: a change made several times: "Edit axis (3 times)" */
            g_string_append_printf (what, _("%s (%u times)"), label, n);
          else
            g_string_append (what, label);
        }
      row->subject = g_strdup (_("Other changes to the convention"));
      row->what = g_string_free (g_steal_pointer (&what), FALSE);
      row->time = g_steal_pointer (&last_other);
      g_ptr_array_add (self->changes, row);
    }
}
