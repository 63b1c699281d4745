/* ctg-change-text.c: the journal's changes in words
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-change-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ctg-change-text.h"

/* One text per undoable edit (a journal transaction) saying in words what
 * changed: the journal holds column names and raw values, and whole rows as
 * JSON for insertions and deletions. The window's history of an action and
 * `ctg changes` both read it, so they say the same. */

#define MAX_QUOTE 80

/* A CtgChangeText and what it gathers before its lines are final */
typedef struct
{
  CtgChangeText public;
  /* Participants deleted and inserted, per relation (pilot, partner) */
  GPtrArray    *old_people[2];
  GPtrArray    *new_people[2];
  /* It changed more than one action: it names none */
  gboolean      several_actions;
  /* The action fields it changed: how many, and the last one's label */
  guint         n_fields;
  const char   *field_label;
} Entry;

typedef struct
{
  gint64  position;
  char   *text;
} Person;

static void
person_free (Person *person)
{
  g_free (person->text);
  g_free (person);
}

/**
 * ctg_change_text_free:
 */
void
ctg_change_text_free (CtgChangeText *text)
{
  Entry *entry = (Entry *) text;

  if (text == NULL)
    return;
  g_free (text->time);
  g_free (text->label);
  g_ptr_array_unref (text->lines);
  for (guint i = 0; i < 2; i++)
    {
      g_ptr_array_unref (entry->old_people[i]);
      g_ptr_array_unref (entry->new_people[i]);
    }
  g_free (entry);
}

static Entry *
entry_new (const CtgChange *change)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->public.txn_id = change->txn_id;
  entry->public.time = g_strdup (change->time);
  /* Labels are stored in the language of whoever made the edit: an English
   * one is a message of ours, shown in the reader's language */
  entry->public.label = g_strdup (change->label ? _(change->label) : "");
  entry->public.lines = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < 2; i++)
    {
      entry->old_people[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
      entry->new_people[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
    }
  return entry;
}

/* The value of @key in a flat JSON object as SQLite's json_object() writes
 * it: a string (unescaped), a number (as written), or NULL for null. */
static char *
json_get (const char *json,
          const char *key)
{
  g_autofree char *needle = NULL;
  const char *p;
  GString *out;

  if (json == NULL)
    return NULL;

  needle = g_strdup_printf ("\"%s\":", key);
  p = strstr (json, needle);
  if (p == NULL)
    return NULL;
  p += strlen (needle);
  while (*p == ' ')
    p++;

  if (*p != '"')
    {
      const char *end = p;

      while (*end != '\0' && *end != ',' && *end != '}')
        end++;
      if (end - p == 4 && strncmp (p, "null", 4) == 0)
        return NULL;
      return g_strndup (p, (gsize) (end - p));
    }

  out = g_string_new (NULL);
  for (p++; *p != '\0' && *p != '"'; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }
      switch (*++p)
        {
        case 'n': g_string_append_c (out, '\n'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'u':
          {
            gunichar c = 0;

            for (guint i = 0; i < 4 && g_ascii_isxdigit (p[1]); i++)
              c = c * 16 + (gunichar) g_ascii_xdigit_value (*++p);
            /* A pair of UTF-16 surrogates */
            if (c >= 0xd800 && c < 0xdc00 && p[1] == '\\' && p[2] == 'u')
              {
                gunichar low = 0;

                p += 2;
                for (guint i = 0; i < 4 && g_ascii_isxdigit (p[1]); i++)
                  low = low * 16 + (gunichar) g_ascii_xdigit_value (*++p);
                c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
              }
            g_string_append_unichar (out, c);
          }
          break;
        case '\0':
          p--;
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

static char *
quote (const char *text)
{
  g_autofree char *flat = NULL;

  if (text == NULL || text[0] == '\0')
    return g_strdup ("—");

  flat = g_strdup (text);
  g_strdelimit (flat, "\n\r\t", ' ');
  if (g_utf8_strlen (flat, -1) > MAX_QUOTE)
    {
      g_autofree char *cut = g_utf8_substring (flat, 0, MAX_QUOTE);

      return g_strdup_printf ("“%s…”", g_strstrip (cut));
    }
  return g_strdup_printf ("“%s”", flat);
}

static char *
format_value (const char *field,
              const char *value)
{
  if (value == NULL || value[0] == '\0')
    return g_strdup ("—");

  if (g_str_equal (field, "start") || g_str_equal (field, "echeance") || g_str_equal (field, "date"))
    {
      CtgDate date;

      if (ctg_date_parse (value, &date))
        return ctg_date_format (&date);
    }
  else if (g_str_equal (field, "status"))
    {
      CtgStatus status;

      if (ctg_status_from_key (value, &status))
        return g_strdup (ctg_status_to_label (status));
    }
  else if (g_str_equal (field, "progress"))
    /* Translators: a progress, as in "40 %" */
    return g_strdup_printf (_("%s %%"), value);
  else if (g_str_equal (field, "done"))
    return g_strdup (g_str_equal (value, "1") ? _("done") : _("not done"));

  return quote (value);
}

static const char *
field_label (CtgItemKind  kind,
             const char  *field)
{
  static const struct {
    CtgItemKind kind;
    const char *field;
    const char *label;
  } labels[] = {
    { CTG_ITEM_ACTION, "code", N_("Code") },
    { CTG_ITEM_ACTION, "title", N_("Title") },
    { CTG_ITEM_ACTION, "description", N_("Description") },
    { CTG_ITEM_ACTION, "start", N_("Start") },
    { CTG_ITEM_ACTION, "echeance", N_("Échéance") },
    { CTG_ITEM_ACTION, "status", N_("Status") },
    { CTG_ITEM_ACTION, "progress", N_("Progress") },
    { CTG_ITEM_ACTION, "means", N_("Means") },
    { CTG_ITEM_ACTION, "notes", N_("Notes") },
    { CTG_ITEM_STEP, "text", N_("Text") },
    { CTG_ITEM_STEP, "date", N_("Date") },
    { CTG_ITEM_STEP, "done", N_("Done") },
    { CTG_ITEM_INDICATOR, "name", N_("Name") },
    { CTG_ITEM_INDICATOR, "target", N_("Target") },
    { CTG_ITEM_PARTICIPANT, "name", N_("Name") },
    { CTG_ITEM_PARTICIPANT, "role", N_("Role") },
    { CTG_ITEM_PARTICIPANT, "kind", N_("Kind") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (labels[i].kind == kind && g_str_equal (labels[i].field, field))
      return _(labels[i].label);
  return field;
}

static void
add_line (Entry *entry,
          char  *line)
{
  for (guint i = 0; i < entry->public.lines->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (entry->public.lines, i), line))
        {
          g_free (line);
          return;
        }
    }
  g_ptr_array_add (entry->public.lines, line);
}

/* The text of the step or indicator a change is about: from the row the
 * journal holds, else from the document */
static char *
subject (CtgDocument     *document,
         const CtgChange *change,
         const char      *field)
{
  g_autofree char *text = json_get (change->new_value ? change->new_value : change->old_value, field);

  if (text == NULL && g_str_equal (change->op, "update") &&
      ctg_document_has_item (document, change->kind, change->item_id))
    text = ctg_document_dup_text (document, change->kind, change->item_id, field);
  return quote (text);
}

static void
describe_participant (Entry           *entry,
                      const CtgChange *change)
{
  const char *json = g_str_equal (change->op, "insert") ? change->new_value : change->old_value;
  g_autofree char *relation = json_get (json, "relation");
  g_autofree char *name = json_get (json, "name");
  g_autofree char *role = json_get (json, "role");
  g_autofree char *position = json_get (json, "position");
  guint which = g_strcmp0 (relation, "partner") == 0 ? 1 : 0;
  Person *person;

  if (g_str_equal (change->op, "update"))
    {
      g_autofree char *old_text = format_value (change->field, change->old_value);
      g_autofree char *new_text = format_value (change->field, change->new_value);

      add_line (entry, g_strdup_printf ("%s: %s → %s", field_label (change->kind, change->field),
                                        old_text, new_text));
      return;
    }

  person = g_new0 (Person, 1);
  person->position = position ? g_ascii_strtoll (position, NULL, 10) : 0;
  person->text = role && role[0] ? g_strdup_printf ("%s (%s)", name ? name : "", role) : g_strdup (name ? name : "");
  g_ptr_array_add (g_str_equal (change->op, "insert") ? entry->new_people[which] : entry->old_people[which], person);
}

static void
describe (CtgDocument     *document,
          Entry           *entry,
          const CtgChange *change)
{
  gboolean insert = g_str_equal (change->op, "insert");
  gboolean delete = g_str_equal (change->op, "delete");
  const char *field = change->field ? change->field : "";

  if (change->kind == CTG_ITEM_PARTICIPANT)
    {
      describe_participant (entry, change);
      return;
    }

  if (!insert && !delete && g_str_equal (field, "position"))
    {
      add_line (entry, g_strdup (change->kind == CTG_ITEM_STEP ? _("Steps reordered")
                                 : change->kind == CTG_ITEM_INDICATOR ? _("Indicators reordered")
                                 : _("Moved in the plan")));
      return;
    }

  switch ((int) change->kind)
    {
    case CTG_ITEM_ACTION:
      if (insert)
        add_line (entry, g_strdup (_("Action created")));
      else if (delete)
        add_line (entry, g_strdup (_("Action deleted")));
      else if (g_str_equal (field, "objective_id"))
        add_line (entry, g_strdup (_("Moved to another objective")));
      else
        {
          g_autofree char *old_text = format_value (field, change->old_value);
          g_autofree char *new_text = format_value (field, change->new_value);

          entry->n_fields++;
          entry->field_label = field_label (change->kind, field);
          /* Translators: a change in the history, as in "Échéance: 2025 → March 2026" */
          add_line (entry, g_strdup_printf (_("%s: %s → %s"), field_label (change->kind, field),
                                            old_text, new_text));
        }
      break;

    case CTG_ITEM_STEP:
    case CTG_ITEM_INDICATOR:
      {
        gboolean step = change->kind == CTG_ITEM_STEP;
        g_autofree char *what = subject (document, change, step ? "text" : "name");

        if (insert)
          add_line (entry, g_strdup_printf (step ? _("Step added: %s") : _("Indicator added: %s"), what));
        else if (delete)
          add_line (entry, g_strdup_printf (step ? _("Step removed: %s") : _("Indicator removed: %s"), what));
        else if (step && g_str_equal (field, "done"))
          add_line (entry, g_strdup_printf (g_strcmp0 (change->new_value, "1") == 0
                                            ? _("Step %s marked as done")
                                            : _("Step %s marked as not done"), what));
        else
          {
            g_autofree char *old_text = format_value (field, change->old_value);
            g_autofree char *new_text = format_value (field, change->new_value);

            /* Translators: a change to a step or an indicator, as in
             * "Step “Hire a coordinator” — Date: 2024 → 2025" */
            add_line (entry, g_strdup_printf (step ? _("Step %s — %s: %s → %s") : _("Indicator %s — %s: %s → %s"),
                                              what, field_label (change->kind, field), old_text, new_text));
          }
      }
      break;

    case CTG_ITEM_INDICATOR_VALUE:
      {
        const char *json = change->new_value ? change->new_value : change->old_value;
        g_autofree char *year = NULL;
        g_autofree char *indicator = NULL;
        g_autofree char *name = NULL;
        g_autofree char *what = NULL;

        if (insert || delete)
          {
            year = json_get (json, "year");
            indicator = json_get (json, "indicator_id");
          }
        else if (ctg_document_has_item (document, CTG_ITEM_INDICATOR_VALUE, change->item_id))
          {
            year = ctg_document_dup_text (document, CTG_ITEM_INDICATOR_VALUE, change->item_id, "year");
            indicator = ctg_document_dup_text (document, CTG_ITEM_INDICATOR_VALUE, change->item_id, "indicator_id");
          }
        if (indicator != NULL)
          name = ctg_document_dup_text (document, CTG_ITEM_INDICATOR, g_ascii_strtoll (indicator, NULL, 10), "name");
        what = quote (name);

        if (insert)
          {
            g_autofree char *value = json_get (json, "value");
            g_autofree char *quoted = quote (value);

            /* Translators: a yearly value of an indicator, as in "Indicator “Families” — 2024: “12”" */
            add_line (entry, g_strdup_printf (_("Indicator %s — %s: %s"), what, year ? year : "?", quoted));
          }
        else if (delete)
          add_line (entry, g_strdup_printf (_("Indicator %s — %s: value removed"), what, year ? year : "?"));
        else
          {
            g_autofree char *old_text = quote (change->old_value);
            g_autofree char *new_text = quote (change->new_value);

            add_line (entry, g_strdup_printf (_("Indicator %s — %s: %s → %s"), what, year ? year : "?",
                                              old_text, new_text));
          }
      }
      break;

    default:
      break;
    }
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  const Person *pa = *(const Person * const *) a;
  const Person *pb = *(const Person * const *) b;

  return pa->position < pb->position ? -1 : pa->position > pb->position;
}

static char *
join_people (GPtrArray *people)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (people->len == 0)
    return g_strdup ("—");

  g_ptr_array_sort (people, compare_people);
  for (guint i = 0; i < people->len; i++)
    {
      const Person *person = g_ptr_array_index (people, i);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, person->text);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The whole list before and after, which says it all for an add, a removal,
 * a move or a new role */
static void
finish_entry (Entry *entry)
{
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (entry->old_people[i]->len == 0 && entry->new_people[i]->len == 0)
        continue;

      before = join_people (entry->old_people[i]);
      after = join_people (entry->new_people[i]);
      add_line (entry, g_strdup_printf (_("%s: %s → %s"), i == 0 ? _("Pilots") : _("Partners"),
                                        before, after));
    }
}

/**
 * ctg_change_text_format_time:
 * @iso: when a change was made, ISO 8601 in UTC
 *
 * Returns: (transfer full): "Today, 14:30" or "15 March 2025, 14:30", in
 *   local time
 */
char *
ctg_change_text_format_time (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) stored = iso ? g_date_time_new_from_iso8601 (iso, utc) : NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int y, m, d, ny, nm, nd;

  if (stored == NULL)
    return g_strdup (iso ? iso : "");

  local = g_date_time_to_local (stored);
  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_time_get_ymd (now, &ny, &nm, &nd);

  if (y == ny && m == nm && d == nd)
    /* Translators: when a change was made today; see strftime(3) */
    /* xgettext:no-c-format */
    return g_date_time_format (local, _("Today, %H:%M"));

  /* Translators: when a change was made, as in "15 March 2025, 14:30"; see strftime(3) */
  /* xgettext:no-c-format */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/**
 * ctg_change_text_describe:
 * @changes: (element-type CtgChange): changes as ctg_document_list_changes()
 *   gives them, oldest first
 *
 * Returns: (transfer full) (element-type CtgChangeText): one text per
 *   transaction, oldest first; the lines of a transaction that changed
 *   nothing an action holds (an axis, the convention) are empty, its label
 *   says what it was
 */
GPtrArray *
ctg_change_text_describe (CtgDocument *document,
                          GPtrArray   *changes)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_change_text_free);
  Entry *entry = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (document), texts);

  for (guint i = 0; i < changes->len; i++)
    {
      const CtgChange *change = g_ptr_array_index (changes, i);

      if (entry == NULL || entry->public.txn_id != change->txn_id)
        {
          entry = entry_new (change);
          g_ptr_array_add (texts, entry);
        }
      /* An edit of several actions (Record Statuses, a merge, an import)
       * is not one of them: named after its first it said "Record the
       * year’s statuses — FA 1.1 …" */
      if (change->action_id != 0 && !entry->several_actions)
        {
          if (entry->public.action_id == 0)
            entry->public.action_id = change->action_id;
          else if (entry->public.action_id != change->action_id)
            {
              entry->public.action_id = 0;
              entry->several_actions = TRUE;
            }
        }
      describe (document, entry, change);
    }
  for (guint i = 0; i < texts->len; i++)
    finish_entry (g_ptr_array_index (texts, i));
  return texts;
}

/**
 * ctg_change_text_dup_summary:
 *
 * What one edit did, short enough for a toast: "échéance of “Accueil des
 * familles”" for one field of an action, else what the user did and on
 * which action, "Edit action — “Accueil des familles”".
 *
 * Returns: (transfer full): the text
 */
char *
ctg_change_text_dup_summary (CtgDocument         *document,
                             const CtgChangeText *text)
{
  const Entry *entry = (const Entry *) text;
  g_autoptr(CtgAction) action = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (document), NULL);

  if (text->action_id != 0)
    action = ctg_document_get_action (document, text->action_id);
  if (action == NULL)
    return g_strdup (text->label);
  if (entry->n_fields == 1 && text->lines->len == 1)
    {
      g_autofree char *field = g_utf8_strdown (entry->field_label, -1);

      /* Translators: one field of an action, after "Undone:", as in
       * "échéance of “Accueil des familles”" */
      return g_strdup_printf (_("%s of “%s”"), field, ctg_action_get_title (action));
    }
  /* Translators: an edit and its action, after "Undone:", as in
   * "Edit action — “Accueil des familles”" */
  return g_strdup_printf (_("%s — “%s”"), text->label, ctg_action_get_title (action));
}
