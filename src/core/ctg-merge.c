/* ctg-merge.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Merging two copies of one convention: docs/merge.md says what and why.
 * Three snapshots are read into memory (ours, theirs, and the state where
 * they parted, rebuilt from one side's journal), compared row by row by
 * uuid, field by field, and what theirs changed is applied to ours as one
 * undoable group. */

#define G_LOG_DOMAIN "ctg-merge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>

#include "ctg-evaluation.h"
#include "ctg-merge-private.h"
#include "ctg-schema.h"
#include "ctg-status.h"

G_DEFINE_FINAL_TYPE (CtgMerge, ctg_merge, G_TYPE_OBJECT)

static void
merged_free (Merged *merged)
{
  _ctg_merge_values_free (merged->values, merged->n_values);
  g_free (merged);
}

static void
conflict_free (CtgMergeConflict *conflict)
{
  g_free (conflict->uuid);
  g_free (conflict->field);
  g_free (conflict->label);
  g_free (conflict->field_label);
  g_free (conflict->base);
  g_free (conflict->ours);
  g_free (conflict->theirs);
  g_free (conflict);
}

/* Words for people */

static const char *
kind_label (guint t)
{
  switch (t)
    {
    case CTG_ITEM_CONVENTION: return _("Convention");
    case CTG_ITEM_SIGNATORY: return _("Signatory");
    case CTG_ITEM_BODY: return _("Governance body");
    case CTG_ITEM_MEMBER: return _("Member");
    case CTG_ITEM_MEETING: return _("Meeting");
    case CTG_ITEM_AXIS: return _("Axis");
    case CTG_ITEM_SECTION: return _("Heading");
    case CTG_ITEM_OBJECTIVE: return _("Objective");
    case CTG_ITEM_ACTION: return _("Action");
    case CTG_ITEM_PARTICIPANT: return _("Pilot or partner");
    case CTG_ITEM_STEP: return _("Step");
    case CTG_ITEM_INDICATOR: return _("Indicator");
    case CTG_ITEM_INDICATOR_VALUE: return _("Indicator value");
    case CTG_ITEM_ACTION_YEAR: return _("Year note");
    case CTG_ITEM_FUNDING: return _("Funder");
    case CTG_ITEM_EVALUATION_INDICATOR: return _("Evaluation indicator");
    case CTG_ITEM_ASSESSMENT: return _("Assessment");
    default: return "";
    }
}

static const char *
field_label (const char *column)
{
  static const struct { const char *column; const char *label; } labels[] = {
    { "title", N_("title") },
    { "code", N_("code") },
    { "description", N_("description") },
    { "status", N_("status") },
    { "progress", N_("progress") },
    { "start", N_("start") },
    { "echeance", N_("échéance") },
    { "means", N_("means") },
    { "notes", N_("notes") },
    { "name", N_("name") },
    { "role", N_("role") },
    { "text", N_("text") },
    { "date", N_("date") },
    { "done", N_("done") },
    { "objective_id", N_("objective") },
    { "action_id", N_("parent action") },
    { "territory", N_("territory") },
    { "period_start", N_("start of the period") },
    { "period_end", N_("end of the period") },
    { "budget", N_("budget") },
    { "amount", N_("amount") },
    { "target", N_("target") },
    { "kind", N_("kind") },
    { "unit", N_("unit") },
    { "baseline", N_("baseline") },
    { "baseline_year", N_("year of the baseline") },
    { "target_value", N_("target value") },
    { "target_year", N_("year of the target") },
    { "measure", N_("measure") },
    { "value", N_("value") },
    { "comment", N_("comment") },
    { "organisation", N_("organisation") },
    { "representative", N_("representative") },
    { "level", N_("level") },
    { "funder", N_("funder") },
    { "difficulties", N_("difficulties") },
    { "next_steps", N_("next steps") },
    { "continuous", N_("continuous") },
    { "budget_year", N_("year of the budget") },
    { "caf", N_("Caf") },
    { "signed_on", N_("signed on") },
    { "year", N_("year") },
    { "body_id", N_("governance body") },
    { "theme_id", N_("theme") },
    { "enjeu_id", N_("challenge") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].column, column))
      return _(labels[i].label);
  return column;
}

/* A text of a row as the app shows it: a default evaluation indicator
 * stored in English by an older version is shown in French */
static const char *
shown_text (guint       t,
            const char *column,
            const char *text)
{
  if (t == CTG_ITEM_EVALUATION_INDICATOR && g_str_equal (column, "name"))
    return ctg_evaluation_indicator_shown_name (text);
  return text;
}

static char *
row_name (CtgMerge *self,
          guint     t,
          Row      *row)
{
  static const char * const names[] = { "title", "name", "text", "organisation", "year" };
  const TableInfo *info = &self->info[t];

  if (row == NULL)
    return g_strdup ("");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      int c = _ctg_merge_column_index (info, names[i]);

      if (c >= 0 && row->values[c] != NULL && row->values[c][1] != '\0')
        {
          int code = _ctg_merge_column_index (info, "code");
          const char *name = shown_text (t, names[i], row->values[c] + 1);

          if (code >= 0 && row->values[code] != NULL && row->values[code][1] != '\0')
            return g_strdup_printf ("%s %s", row->values[code] + 1, name);
          return g_strdup (name);
        }
    }
  return g_strdup ("…");
}

static char *
row_label (CtgMerge *self,
           guint     t,
           Row      *row)
{
  g_autofree char *name = row_name (self, t, row);

  const char *owner = _ctg_merge_owner_uuid (&self->info[t], row);

  if (t == CTG_ITEM_CONVENTION)
    return g_strdup (kind_label (t));
  if (owner != NULL && t != CTG_ITEM_OBJECTIVE && t != CTG_ITEM_SECTION && t != CTG_ITEM_ACTION)
    {
      int parent = self->info[t].ref_target[self->info[t].owner_col];
      Row *parent_row = g_hash_table_lookup (self->ours.tables[parent].by_uuid, owner);
      g_autofree char *parent_name = NULL;

      if (parent_row == NULL)
        parent_row = g_hash_table_lookup (self->theirs.tables[parent].by_uuid, owner);
      parent_name = row_name (self, (guint) parent, parent_row);
      /* Translators: an item, its name and what it belongs to, as in:
       * Step “Diagnostic” of “FA 1.2 Coordonner…” */
      return g_strdup_printf (_("%s “%s” of “%s”"), kind_label (t), name, parent_name);
    }
  /* Translators: an item and its name, as in: Action “FA 1.2 Coordonner…” */
  return g_strdup_printf (C_("item and its name", "%s “%s”"), kind_label (t), name);
}

/* A value as people read it: the name of the row a column names */
static char *
value_text (CtgMerge   *self,
            guint       t,
            guint       c,
            const char *value)
{
  int target = self->info[t].ref_target[c];

  if (value != NULL && value[0] == 'u' && target >= 0)
    {
      Row *row = g_hash_table_lookup (self->ours.tables[target].by_uuid, value + 1);

      if (row == NULL)
        row = g_hash_table_lookup (self->theirs.tables[target].by_uuid, value + 1);
      if (row == NULL)
        row = g_hash_table_lookup (self->base.tables[target].by_uuid, value + 1);
      return row_name (self, (guint) target, row);
    }
  {
    CtgStatus status;

    /* Statuses as the app names them, not as the file stores them */
    if (value != NULL && value[0] == 't' && ctg_status_from_key (value + 1, &status))
      return g_strdup (ctg_status_to_label (status));
  }
  if (value != NULL && value[0] == 't')
    {
      const char *column = self->info[t].columns[c];
      CtgLevel level;
      CtgFunderKind funder;

      /* Levels and funders as the app names them too */
      if (g_str_equal (column, "level") && ctg_level_from_key (value + 1, &level))
        return g_strdup (ctg_level_to_label (level));
      if (g_str_equal (column, "funder") && ctg_funder_from_key (value + 1, &funder))
        return g_strdup (ctg_funder_to_label (funder));
      return g_strdup (shown_text (t, column, value + 1));
    }
  return _ctg_merge_display_value (value);
}

/* Conflicts */

static char *
conflict_key (CtgMergeConflictType  type,
              guint                 t,
              const char           *uuid,
              const char           *field)
{
  return g_strdup_printf ("%d\x1f%u\x1f%s\x1f%s", type, t, uuid, field ? field : "");
}

static CtgMergeChoice
add_conflict (CtgMerge             *self,
              CtgMergeConflictType  type,
              guint                 t,
              const char           *uuid,
              const char           *field,
              char                 *label,
              char                 *base,
              char                 *ours,
              char                 *theirs)
{
  CtgMergeConflict *conflict = g_new0 (CtgMergeConflict, 1);
  g_autofree char *key = conflict_key (type, t, uuid, field);

  conflict->type = type;
  conflict->kind = (CtgItemKind) t;
  conflict->uuid = g_strdup (uuid);
  conflict->field = g_strdup (field);
  conflict->label = label;
  conflict->field_label = type == CTG_MERGE_CONFLICT_FIELD ? g_strdup (field_label (field))
                          : type == CTG_MERGE_CONFLICT_ORDER ? g_strdup (_("order"))
                          : g_strdup (_("deleted or changed"));
  conflict->base = base;
  conflict->ours = ours;
  conflict->theirs = theirs;
  conflict->choice = GPOINTER_TO_INT (g_hash_table_lookup (self->choices, key));
  g_ptr_array_add (self->conflicts, conflict);
  return conflict->choice;
}

/* Merging rows */

static char **
three_way (CtgMerge *self,
           guint     t,
           Merged   *m)
{
  const TableInfo *info = &self->info[t];
  char **values = g_new0 (char *, info->n_columns + 1);

  for (guint c = 0; c < info->n_columns; c++)
    {
      const char *o = m->ours->values[c];
      const char *th = m->theirs->values[c];
      const char *b = m->base ? m->base->values[c] : NULL;
      const char *result = o;

      if (!_ctg_merge_merged_column (info, (int) c) || _ctg_merge_same (o, th))
        result = o;
      else if ((int) c == info->modified_col)
        result = g_strcmp0 (o, th) >= 0 ? o : th;
      else if (m->base != NULL && _ctg_merge_same (b, o))
        result = th;
      else if (m->base != NULL && _ctg_merge_same (b, th))
        result = o;
      else
        {
          CtgMergeChoice choice = add_conflict (self, CTG_MERGE_CONFLICT_FIELD, t, m->ours->uuid, info->columns[c],
                                                row_label (self, t, m->ours),
                                                m->base ? value_text (self, t, c, b) : NULL,
                                                value_text (self, t, c, o), value_text (self, t, c, th));

          result = choice == CTG_MERGE_THEIRS ? th : o;
        }
      values[c] = g_strdup (result);
    }
  return values;
}

/* The row @m will belong to: theirs if only theirs moved it elsewhere */
static const char *
merged_owner (const TableInfo *info,
              Merged          *m,
              Row             *any)
{
  if (m->ours && m->theirs && m->base &&
      _ctg_merge_same (_ctg_merge_owner_uuid (info, m->ours), _ctg_merge_owner_uuid (info, m->base)))
    return _ctg_merge_owner_uuid (info, m->theirs);
  return _ctg_merge_owner_uuid (info, any);
}

static void
merge_row (CtgMerge   *self,
           guint       t,
           const char *uuid,
           GHashTable *dirty_ours,
           GHashTable *dirty_theirs)
{
  const TableInfo *info = &self->info[t];
  Merged *m = g_new0 (Merged, 1);
  Row *any;

  m->base = g_hash_table_lookup (self->base.tables[t].by_uuid, uuid);
  m->ours = g_hash_table_lookup (self->ours.tables[t].by_uuid, uuid);
  m->theirs = g_hash_table_lookup (self->theirs.tables[t].by_uuid, uuid);
  any = m->ours ? m->ours : m->theirs ? m->theirs : m->base;
  m->n_values = info->n_columns;
  g_hash_table_insert (self->merged[t], any->uuid, m);

  /* The row it belongs to decides first: gone, or kept by one side with
   * everything under it */
  if (info->owner_col >= 0)
    {
      int parent = info->ref_target[info->owner_col];
      const char *owner = merged_owner (info, m, any);
      Merged *pm = owner ? g_hash_table_lookup (self->merged[parent], owner) : NULL;

      if (owner != NULL && (pm == NULL || pm->fate == FATE_ABSENT))
        {
          m->values = _ctg_merge_values_copy (any->values, info->n_columns);
          m->fate = FATE_ABSENT;
          return;
        }
      if (pm != NULL && pm->forced != FORCED_NONE)
        {
          Row *side = pm->forced == FORCED_OURS ? m->ours : m->theirs;

          m->forced = pm->forced;
          m->values = _ctg_merge_values_copy (side ? side->values : any->values, info->n_columns);
          m->fate = side ? FATE_PRESENT : FATE_ABSENT;
          return;
        }
    }

  if (m->ours && m->theirs)
    {
      m->values = three_way (self, t, m);
      m->fate = FATE_PRESENT;
    }
  else if ((m->ours || m->theirs) && m->base == NULL)
    {
      m->values = _ctg_merge_values_copy (any->values, info->n_columns);
      m->fate = FATE_PRESENT;
    }
  else if (m->ours || m->theirs)
    {
      /* Deleted on one side: a conflict if the other changed it */
      gboolean theirs_deleted = m->ours != NULL;
      GHashTable *dirty = theirs_deleted ? dirty_ours : dirty_theirs;

      m->values = _ctg_merge_values_copy (any->values, info->n_columns);
      m->fate = FATE_ABSENT;
      if (g_hash_table_contains (dirty, uuid))
        {
          g_autofree char *changed = g_strdup (_("changed"));
          g_autofree char *deleted = g_strdup (_("deleted"));
          CtgMergeChoice choice;
          CtgMergeChoice keep = theirs_deleted ? CTG_MERGE_OURS : CTG_MERGE_THEIRS;

          choice = add_conflict (self, CTG_MERGE_CONFLICT_DELETE, t, uuid, NULL, row_label (self, t, any),
                                 g_strdup (_("as it was")),
                                 g_strdup (theirs_deleted ? changed : deleted),
                                 g_strdup (theirs_deleted ? deleted : changed));
          /* Until chosen, what was changed is shown kept */
          if (choice == keep || (choice == CTG_MERGE_UNRESOLVED && theirs_deleted))
            {
              m->fate = FATE_PRESENT;
              m->forced = theirs_deleted ? FORCED_OURS : FORCED_THEIRS;
            }
        }
    }
  else
    {
      m->values = _ctg_merge_values_copy (any->values, info->n_columns);
      m->fate = FATE_ABSENT;
    }
}

/* Merging orders */

static char *
group_key (const TableInfo  *info,
           char            **values)
{
  return g_strdup_printf ("%s\x1f%s",
                          info->group_col >= 0 && values[info->group_col] ? values[info->group_col] : "",
                          info->extra_group_col >= 0 && values[info->extra_group_col] ? values[info->extra_group_col] : "");
}

typedef struct
{
  Merged *m;
  Row    *row;
} Entry;

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const Entry *x = a;
  const Entry *y = b;
  int col = GPOINTER_TO_INT (data);
  gint64 px = x->row->values[col] ? g_ascii_strtoll (x->row->values[col] + 1, NULL, 10) : 0;
  gint64 py = y->row->values[col] ? g_ascii_strtoll (y->row->values[col] + 1, NULL, 10) : 0;

  if (px != py)
    return px < py ? -1 : 1;
  return x->row->id < y->row->id ? -1 : x->row->id > y->row->id;
}

/* The members of @group as one side orders them, those it has there */
static GArray *
side_list (const TableInfo *info,
           GPtrArray       *group,
           const char      *key,
           int              side)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (Entry));

  for (guint i = 0; i < group->len; i++)
    {
      Merged *m = g_ptr_array_index (group, i);
      Row *row = side == 0 ? m->base : side == 1 ? m->ours : m->theirs;
      g_autofree char *row_key = NULL;

      if (row == NULL)
        continue;
      row_key = group_key (info, row->values);
      if (g_str_equal (row_key, key))
        {
          Entry entry = { m, row };
          g_array_append_val (list, entry);
        }
    }
  g_array_sort_with_data (list, compare_rows, GINT_TO_POINTER (info->position_col));
  return list;
}

static GPtrArray *
common_order (GArray     *list,
              GHashTable *common)
{
  GPtrArray *order = g_ptr_array_new ();

  for (guint i = 0; i < list->len; i++)
    {
      Merged *m = g_array_index (list, Entry, i).m;

      if (g_hash_table_contains (common, m))
        g_ptr_array_add (order, m);
    }
  return order;
}

static gboolean
same_order (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (a->pdata[i] != b->pdata[i])
      return FALSE;
  return TRUE;
}

static gboolean
same_as_list (GPtrArray *order,
              GArray    *list)
{
  if (order->len != list->len)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    if (order->pdata[i] != g_array_index (list, Entry, i).m)
      return FALSE;
  return TRUE;
}

static char *
order_text (CtgMerge  *self,
            guint      t,
            GPtrArray *order,
            int        side)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < order->len; i++)
    {
      Merged *m = g_ptr_array_index (order, i);
      g_autofree char *name = row_name (self, t, side == 0 ? m->base : side == 1 ? m->ours : m->theirs);

      g_string_append_printf (text, "%s%s", i ? ", " : "", name);
    }
  return g_string_free (text, FALSE);
}

/* The items of @side not in a longest common subsequence with @base: those
 * it moved. Ties go the same way every time, so both copies agree. */
static GHashTable *
moved_items (GPtrArray *base,
             GPtrArray *side)
{
  guint n = base->len, m = side->len;
  g_autofree guint *dp = g_new0 (guint, (n + 1) * (m + 1));
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  GHashTable *moved = g_hash_table_new (NULL, NULL);

#define DP(i, j) dp[(i) * (m + 1) + (j)]
  for (int i = (int) n - 1; i >= 0; i--)
    for (int j = (int) m - 1; j >= 0; j--)
      DP (i, j) = base->pdata[i] == side->pdata[j] ? DP (i + 1, j + 1) + 1 : MAX (DP (i + 1, j), DP (i, j + 1));
  for (guint i = 0, j = 0; i < n && j < m;)
    {
      if (base->pdata[i] == side->pdata[j])
        {
          g_hash_table_add (kept, side->pdata[j]);
          i++, j++;
        }
      else if (DP (i + 1, j) >= DP (i, j + 1))
        i++;
      else
        j++;
    }
#undef DP
  for (guint j = 0; j < m; j++)
    if (!g_hash_table_contains (kept, side->pdata[j]))
      g_hash_table_add (moved, side->pdata[j]);
  return moved;
}

/* Both sides reordered the items they kept: their moves combine when they
 * moved different items. Each moved item goes after what precedes it on
 * the side that moved it. %NULL when both moved the same item. */
static GPtrArray *
merge_moves (GPtrArray *bc,
             GPtrArray *oc,
             GPtrArray *tc)
{
  g_autoptr(GHashTable) moved_ours = moved_items (bc, oc);
  g_autoptr(GHashTable) moved_theirs = moved_items (bc, tc);
  GHashTableIter iter;
  gpointer item;
  GPtrArray *order;

  g_hash_table_iter_init (&iter, moved_ours);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    if (g_hash_table_contains (moved_theirs, item))
      return NULL;

  order = g_ptr_array_new ();
  for (guint i = 0; i < bc->len; i++)
    if (!g_hash_table_contains (moved_ours, bc->pdata[i]) && !g_hash_table_contains (moved_theirs, bc->pdata[i]))
      g_ptr_array_add (order, bc->pdata[i]);
  for (int side = 0; side < 2; side++)
    {
      GPtrArray *list = side == 0 ? oc : tc;
      GHashTable *moved = side == 0 ? moved_ours : moved_theirs;

      for (guint i = 0; i < list->len; i++)
        {
          guint at = 0;

          if (!g_hash_table_contains (moved, list->pdata[i]))
            continue;
          for (int j = (int) i - 1; j >= 0; j--)
            if (g_ptr_array_find (order, list->pdata[j], &at))
              {
                at++;
                break;
              }
          g_ptr_array_insert (order, (int) at, list->pdata[i]);
        }
    }
  return order;
}

static void
merge_group (CtgMerge   *self,
             guint       t,
             const char *key,
             GPtrArray  *group)
{
  const TableInfo *info = &self->info[t];
  g_autoptr(GArray) base = side_list (info, group, key, 0);
  g_autoptr(GArray) ours = side_list (info, group, key, 1);
  g_autoptr(GArray) theirs = side_list (info, group, key, 2);
  g_autoptr(GHashTable) in_ours = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) in_theirs = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) common = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) bc = NULL;
  g_autoptr(GPtrArray) oc = NULL;
  g_autoptr(GPtrArray) tc = NULL;
  GPtrArray *order;

  for (guint i = 0; i < ours->len; i++)
    g_hash_table_add (in_ours, g_array_index (ours, Entry, i).m);
  for (guint i = 0; i < theirs->len; i++)
    g_hash_table_add (in_theirs, g_array_index (theirs, Entry, i).m);
  for (guint i = 0; i < base->len; i++)
    {
      Merged *m = g_array_index (base, Entry, i).m;

      if (g_hash_table_contains (in_ours, m) && g_hash_table_contains (in_theirs, m))
        g_hash_table_add (common, m);
    }

  bc = common_order (base, common);
  oc = common_order (ours, common);
  tc = common_order (theirs, common);

  if (same_order (oc, bc))
    order = g_ptr_array_copy (tc, NULL, NULL);
  else if (same_order (tc, bc) || same_order (oc, tc))
    order = g_ptr_array_copy (oc, NULL, NULL);
  else if ((order = merge_moves (bc, oc, tc)) != NULL)
    ;
  else
    {
      Merged *first = g_ptr_array_index (oc, 0);
      const char *parent = info->group_col >= 0 && first->values[info->group_col]
                           ? first->values[info->group_col] + 1 : "";
      int parent_table = info->group_col >= 0 ? info->ref_target[info->group_col] : -1;
      Merged *pm = parent_table >= 0 ? g_hash_table_lookup (self->merged[parent_table], parent) : NULL;
      const char *relation = info->extra_group_col >= 0 ? _ctg_merge_decode (first->values[info->extra_group_col]) : NULL;
      g_autofree char *what = NULL;
      CtgMergeChoice choice;

      if (pm != NULL)
        {
          g_autofree char *parent_label = row_label (self, (guint) parent_table, pm->ours ? pm->ours : pm->theirs);

          /* Translators: as in: Step of Action “FA 1.2 …” */
          what = g_strdup_printf (_("%s of %s"), kind_label (t), parent_label);
        }
      else
        what = g_strdup (kind_label (t));
      choice = add_conflict (self, CTG_MERGE_CONFLICT_ORDER, t, parent, relation, g_steal_pointer (&what),
                             order_text (self, t, bc, 0), order_text (self, t, oc, 1), order_text (self, t, tc, 2));
      order = g_ptr_array_copy (choice == CTG_MERGE_THEIRS ? tc : oc, NULL, NULL);
    }

  /* What is in one list only goes after what precedes it there */
  for (guint i = 0; i < order->len; i++)
    g_hash_table_add (placed, order->pdata[i]);
  for (int side = 1; side <= 2; side++)
    {
      GArray *list = side == 1 ? ours : theirs;

      for (guint i = 0; i < list->len; i++)
        {
          Merged *m = g_array_index (list, Entry, i).m;
          guint at = 0;

          if (g_hash_table_contains (placed, m) || m->fate != FATE_PRESENT)
            continue;
          for (int j = (int) i - 1; j >= 0; j--)
            {
              Merged *before = g_array_index (list, Entry, j).m;

              if (g_hash_table_contains (placed, before) && g_ptr_array_find (order, before, &at))
                {
                  at++;
                  break;
                }
            }
          g_ptr_array_insert (order, (int) at, m);
          g_hash_table_add (placed, m);
        }
    }

  for (guint i = 0; i < group->len; i++)
    if (!g_hash_table_contains (placed, group->pdata[i]))
      g_ptr_array_add (order, group->pdata[i]);

  /* Moved: what precedes it among the rows ours has is no longer the same */
  {
    Merged *before_in_ours = NULL;
    Merged *before_merged = NULL;
    g_autoptr(GHashTable) ours_previous = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < ours->len; i++)
      {
        Merged *m = g_array_index (ours, Entry, i).m;

        if (!g_hash_table_contains (placed, m))
          continue;
        g_hash_table_insert (ours_previous, m, before_in_ours);
        before_in_ours = m;
      }
    for (guint i = 0; i < order->len; i++)
      {
        Merged *m = g_ptr_array_index (order, i);
        gpointer previous;

        if (!g_hash_table_lookup_extended (ours_previous, m, NULL, &previous))
          continue;
        m->moved = previous != before_merged;
        before_merged = m;
      }
  }

  for (guint i = 0; i < order->len; i++)
    {
      Merged *m = g_ptr_array_index (order, i);
      char **value = &m->values[info->position_col];

      g_free (*value);
      if (same_as_list (order, ours))
        *value = g_strdup (m->ours->values[info->position_col]);
      else if (same_as_list (order, theirs))
        *value = g_strdup (m->theirs->values[info->position_col]);
      else
        *value = g_strdup_printf ("i%u", i);
    }
  g_ptr_array_unref (order);
}

static void
merge_orders (CtgMerge *self,
              guint     t)
{
  const TableInfo *info = &self->info[t];
  g_autoptr(GHashTable) groups = NULL;
  GHashTableIter iter;
  Merged *m;
  const char *key;
  GPtrArray *group;

  if (info->position_col < 0)
    return;

  groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_hash_table_iter_init (&iter, self->merged[t]);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &m))
    {
      char *k;

      if (m->fate != FATE_PRESENT)
        continue;
      k = group_key (info, m->values);
      group = g_hash_table_lookup (groups, k);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, k, group);
        }
      else
        g_free (k);
      g_ptr_array_add (group, m);
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &group))
    merge_group (self, t, key, group);
}

/* The merge itself */

static int
compare_conflicts (gconstpointer a,
                   gconstpointer b)
{
  const CtgMergeConflict *x = *(CtgMergeConflict **) a;
  const CtgMergeConflict *y = *(CtgMergeConflict **) b;
  int result = (int) x->kind - (int) y->kind;

  if (result == 0)
    result = g_utf8_collate (x->label, y->label);
  if (result == 0)
    result = g_strcmp0 (x->field, y->field);
  if (result == 0)
    result = g_strcmp0 (x->uuid, y->uuid);
  return result;
}

static gboolean walk (CtgMerge *self, gboolean apply, GError **error);

static void
compute (CtgMerge *self)
{
  g_autoptr(GHashTable) dirty_ours = _ctg_merge_find_dirty (self, &self->ours);
  g_autoptr(GHashTable) dirty_theirs = _ctg_merge_find_dirty (self, &self->theirs);

  g_ptr_array_set_size (self->conflicts, 0);
  for (guint t = 0; t < N_TABLES; t++)
    {
      g_autoptr(GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);
      Snapshot *snapshots[] = { &self->base, &self->ours, &self->theirs };
      GHashTableIter iter;
      const char *uuid;

      g_clear_pointer (&self->merged[t], g_hash_table_unref);
      self->merged[t] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) merged_free);

      for (guint s = 0; s < G_N_ELEMENTS (snapshots); s++)
        {
          g_hash_table_iter_init (&iter, snapshots[s]->tables[t].by_uuid);
          while (g_hash_table_iter_next (&iter, (gpointer *) &uuid, NULL))
            g_hash_table_add (uuids, (gpointer) uuid);
        }
      g_hash_table_iter_init (&iter, uuids);
      while (g_hash_table_iter_next (&iter, (gpointer *) &uuid, NULL))
        merge_row (self, t, uuid, dirty_ours, dirty_theirs);
      merge_orders (self, t);
    }
  g_ptr_array_sort (self->conflicts, compare_conflicts);

  g_ptr_array_set_size (self->changes, 0);
  walk (self, FALSE, NULL);
}

/* A merged value as ours stores it: the row a column names by its id
 * there, or nothing if that row is gone */
static char *
local_value (CtgMerge   *self,
             guint       t,
             int         c,
             const char *value)
{
  int target = self->info[t].ref_target[c];
  Merged *m;

  if (value == NULL)
    return NULL;
  if (target < 0 || value[0] != 'u')
    return g_strdup (value);
  m = g_hash_table_lookup (self->merged[target], value + 1);
  if (m == NULL || m->fate != FATE_PRESENT)
    return NULL;
  /* Rows new to ours have no id there before they are inserted */
  return g_strdup_printf ("u%s", value + 1);
}

static char *
bindable (CtgMerge   *self,
          guint       t,
          int         c,
          const char *value)
{
  int target = self->info[t].ref_target[c];

  if (value == NULL)
    return NULL;
  if (target >= 0 && value[0] == 'u')
    {
      gpointer id = self->inserted_ids[target] ? g_hash_table_lookup (self->inserted_ids[target], value + 1) : NULL;
      Row *row = g_hash_table_lookup (self->ours.tables[target].by_uuid, value + 1);

      if (row != NULL)
        return g_strdup_printf ("%" G_GINT64_FORMAT, row->id);
      if (id != NULL)
        return g_strdup_printf ("%" G_GINT64_FORMAT, *(gint64 *) id);
      return NULL;
    }
  return g_strdup (_ctg_merge_decode (value));
}

static void
add_change (CtgMerge   *self,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static void
add_change (CtgMerge   *self,
            const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->changes, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Describes, and with @apply makes, what turns ours into the merged
 * convention: new and changed rows parents first, then the deleted ones
 * children first (deleting a row deletes what is under it) */
static gboolean
walk (CtgMerge  *self,
      gboolean   apply,
      GError   **error)
{
  gboolean ok = TRUE;

  for (guint t = 0; ok && t < N_TABLES; t++)
    {
      const TableInfo *info = &self->info[t];
      GHashTableIter iter;
      Merged *m;
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();

      g_hash_table_iter_init (&iter, self->merged[t]);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &m))
        if (m->fate == FATE_PRESENT)
          g_ptr_array_add (rows, m);

      for (guint r = 0; ok && r < rows->len; r++)
        {
          m = g_ptr_array_index (rows, r);

          if (m->ours != NULL)
            {
              gboolean moved = FALSE;

              for (guint c = 0; ok && c < info->n_columns; c++)
                {
                  g_autofree char *value = NULL;
                  g_autofree char *text = NULL;

                  if ((int) c == info->id_col || (int) c == info->uuid_col)
                    continue;
                  value = local_value (self, t, (int) c, m->values[c]);
                  if (_ctg_merge_same (value, m->ours->values[c]))
                    continue;
                  if ((int) c == info->position_col)
                    moved = TRUE;
                  else if ((int) c != info->modified_col)
                    {
                      g_autofree char *label = row_label (self, t, m->ours);
                      g_autofree char *before = value_text (self, t, c, m->ours->values[c]);
                      g_autofree char *after = value_text (self, t, c, value);

                      /* Translators: a change a merge brings: Action “…”: status: todo → done */
                      add_change (self, _("%s: %s: %s → %s"), label, field_label (info->columns[c]), before, after);
                    }
                  if (apply)
                    {
                      text = bindable (self, t, (int) c, value);
                      ok = _ctg_document_update (self->ours_doc, _ctg_kinds[t].table, m->ours->id,
                                                 info->columns[c], text, error);
                    }
                }
              if (moved && m->moved)
                {
                  g_autofree char *label = row_label (self, t, m->ours);

                  add_change (self, _("%s: moved"), label);
                }
            }
          else
            {
              g_autofree char *label = row_label (self, t, m->theirs);
              Row *parent_row = NULL;

              if (info->owner_col >= 0 && m->values[info->owner_col] != NULL)
                parent_row = g_hash_table_lookup (self->ours.tables[info->ref_target[info->owner_col]].by_uuid,
                                                  m->values[info->owner_col] + 1);
              /* What comes with a new row is not listed apart */
              if (info->owner_col < 0 || parent_row != NULL)
                add_change (self, _("New: %s"), label);

              if (apply)
                {
                  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
                  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
                  gint64 id;

                  for (guint c = 0; c < info->n_columns; c++)
                    {
                      g_autofree char *value = NULL;

                      if ((int) c == info->id_col)
                        continue;
                      value = local_value (self, t, (int) c, m->values[c]);
                      g_ptr_array_add (columns, info->columns[c]);
                      g_ptr_array_add (values, bindable (self, t, (int) c, value));
                    }
                  g_ptr_array_add (columns, NULL);
                  id = _ctg_document_insert (self->ours_doc, _ctg_kinds[t].table,
                                             (const char * const *) columns->pdata,
                                             (const char * const *) values->pdata, error);
                  ok = id != 0;
                  if (ok)
                    {
                      if (self->inserted_ids[t] == NULL)
                        self->inserted_ids[t] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
                      g_hash_table_insert (self->inserted_ids[t], m->theirs->uuid, g_memdup2 (&id, sizeof id));
                    }
                }
            }
        }
    }

  for (int t = N_TABLES - 1; ok && t >= 0; t--)
    {
      const TableInfo *info = &self->info[t];
      GHashTableIter iter;
      Merged *m;

      g_hash_table_iter_init (&iter, self->merged[t]);
      while (ok && g_hash_table_iter_next (&iter, NULL, (gpointer *) &m))
        {
          Merged *pm = NULL;

          if (m->fate != FATE_ABSENT || m->ours == NULL)
            continue;
          if (info->owner_col >= 0 && m->ours->values[info->owner_col] != NULL)
            pm = g_hash_table_lookup (self->merged[info->ref_target[info->owner_col]],
                                      m->ours->values[info->owner_col] + 1);
          /* What goes with a deleted row is not listed apart */
          if (pm == NULL || pm->fate == FATE_PRESENT)
            {
              g_autofree char *label = row_label (self, (guint) t, m->ours);

              add_change (self, _("Deleted: %s"), label);
            }
          if (apply && ctg_document_has_item (self->ours_doc, (CtgItemKind) t, m->ours->id))
            ok = _ctg_document_delete_row (self->ours_doc, (CtgItemKind) t, m->ours->id, error);
        }
    }

  for (guint t = 0; t < N_TABLES; t++)
    g_clear_pointer (&self->inserted_ids[t], g_hash_table_unref);
  return ok;
}

/* The object */

static void
ctg_merge_finalize (GObject *object)
{
  CtgMerge *self = CTG_MERGE (object);

  for (guint t = 0; t < N_TABLES; t++)
    {
      g_strfreev (self->info[t].columns);
      g_clear_pointer (&self->merged[t], g_hash_table_unref);
    }
  _ctg_merge_snapshot_clear (&self->base);
  _ctg_merge_snapshot_clear (&self->ours);
  _ctg_merge_snapshot_clear (&self->theirs);
  g_clear_pointer (&self->theirs_history, g_ptr_array_unref);
  g_clear_pointer (&self->ours_states, g_hash_table_unref);
  g_clear_pointer (&self->ours_history, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_hash_table_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->theirs_name, g_free);
  g_clear_object (&self->ours_doc);

  G_OBJECT_CLASS (ctg_merge_parent_class)->finalize (object);
}

static void
ctg_merge_class_init (CtgMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ctg_merge_finalize;
}

static void
ctg_merge_init (CtgMerge *self)
{
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_free);
  self->choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->changes = g_ptr_array_new_with_free_func (g_free);
}

/* The other copy: read, then let go at once */
static gboolean
read_theirs (CtgMerge     *self,
             const char   *path,
             GError      **error)
{
  g_autoptr(CtgDocument) theirs = NULL;
  GPtrArray *ours_events;
  g_autoptr(GHashTable) theirs_states = NULL;
  g_autofree char *ours_lineage = NULL;
  g_autofree char *theirs_lineage = NULL;
  struct stat st;
  int ours_at, theirs_at;
  gboolean from_theirs;
  gboolean ok;

  if (g_stat (path, &st) == 0 && st.st_dev == self->ours_doc->dev && st.st_ino == self->ours_doc->ino)
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                   _("“%s” is the convention itself: choose the other copy to merge."), self->theirs_name);
      return FALSE;
    }

  theirs = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, error);
  if (theirs == NULL)
    return FALSE;

  /* Its changes must all be in the file: not while another program edits it */
  if (theirs->lock_fd >= 0 && flock (theirs->lock_fd, LOCK_SH | LOCK_NB) != 0)
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_ALREADY_OPEN,
                   _("“%s” is being edited in another program. Close it there, then merge it."),
                   self->theirs_name);
      return FALSE;
    }
  if (theirs->lock_fd >= 0)
    flock (theirs->lock_fd, LOCK_UN);

  ours_lineage = _ctg_merge_read_lineage (self->ours_doc);
  theirs_lineage = _ctg_merge_read_lineage (theirs);
  if (ours_lineage == NULL || g_strcmp0 (ours_lineage, theirs_lineage) != 0)
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_UNRELATED,
                   _("“%s” is not a copy of this convention: the two files were never one "
                     "convention, so they cannot be merged."), self->theirs_name);
      return FALSE;
    }

  ours_events = self->ours_history = _ctg_merge_read_history (self->ours_doc);
  self->theirs_history = _ctg_merge_read_history (theirs);
  self->ours_states = _ctg_merge_state_set (ours_events);
  theirs_states = _ctg_merge_state_set (self->theirs_history);

  ours_at = _ctg_merge_last_shared_state (ours_events, theirs_states);
  theirs_at = _ctg_merge_last_shared_state (self->theirs_history, self->ours_states);
  if (ours_at < 0 && theirs_at < 0)
    return _ctg_merge_set_history_cut (error);

  /* The later of the two: the one the other side's history holds after */
  from_theirs = ours_at < 0 ||
                (theirs_at >= 0 &&
                 _ctg_merge_find_state (ours_events, ((Event *) self->theirs_history->pdata[theirs_at])->state) > ours_at);

  ok = _ctg_merge_load_snapshot (self, self->ours_doc, &self->ours, error) &&
       _ctg_merge_load_snapshot (self, theirs, &self->theirs, error) &&
       _ctg_merge_load_snapshot (self, from_theirs ? theirs : self->ours_doc, &self->base, error) &&
       _ctg_merge_rewind_snapshot (self, from_theirs ? theirs : self->ours_doc,
                        from_theirs ? self->theirs_history : ours_events,
                        from_theirs ? theirs_at : ours_at, &self->base, error);
  if (!ok)
    return FALSE;

  _ctg_merge_index_snapshot (self, &self->ours, ours_lineage);
  _ctg_merge_index_snapshot (self, &self->theirs, ours_lineage);
  _ctg_merge_index_snapshot (self, &self->base, ours_lineage);
  _ctg_merge_match_natural_keys (self);
  ctg_document_close (theirs);
  return TRUE;
}

/**
 * ctg_merge_new:
 * @ours: the convention that takes the other copy's changes
 * @theirs_path: the other copy
 *
 * Reads the other copy (read-only, then closed) and works out what it
 * changed since the two parted, and what conflicts with @ours. Nothing is
 * written until ctg_merge_apply().
 *
 * Returns: (transfer full): the merge, or %NULL with @error set
 */
CtgMerge *
ctg_merge_new (CtgDocument  *ours,
               const char   *theirs_path,
               GError      **error)
{
  g_autoptr(CtgMerge) self = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (ours), NULL);
  g_return_val_if_fail (theirs_path != NULL, NULL);

  if (ctg_document_is_read_only (ours))
    {
      g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_READ_ONLY,
                           ctg_document_get_read_only_reason (ours));
      return NULL;
    }

  self = g_object_new (CTG_TYPE_MERGE, NULL);
  self->ours_doc = g_object_ref (ours);
  self->theirs_name = g_filename_display_basename (theirs_path);
  _ctg_merge_read_schema_info (self);

  if (!read_theirs (self, theirs_path, error))
    return NULL;

  compute (self);
  return g_steal_pointer (&self);
}

/**
 * ctg_merge_get_changes:
 *
 * Returns: (transfer none) (element-type utf8): what the merge brings into
 *   ours, one line each, as the conflicts are resolved now
 */
GPtrArray *
ctg_merge_get_changes (CtgMerge *self)
{
  g_return_val_if_fail (CTG_IS_MERGE (self), NULL);

  return self->changes;
}

/**
 * ctg_merge_get_conflicts:
 *
 * Returns: (transfer none) (element-type CtgMergeConflict): the conflicts,
 *   in a stable order
 */
GPtrArray *
ctg_merge_get_conflicts (CtgMerge *self)
{
  g_return_val_if_fail (CTG_IS_MERGE (self), NULL);

  return self->conflicts;
}

guint
ctg_merge_count_unresolved (CtgMerge *self)
{
  guint count = 0;

  g_return_val_if_fail (CTG_IS_MERGE (self), 0);

  for (guint i = 0; i < self->conflicts->len; i++)
    count += ((CtgMergeConflict *) g_ptr_array_index (self->conflicts, i))->choice == CTG_MERGE_UNRESOLVED;
  return count;
}

/**
 * ctg_merge_choose:
 * @conflict: its index in ctg_merge_get_conflicts()
 *
 * Resolves one conflict. The changes and the conflicts are worked out
 * again (a row kept rather than deleted brings what is under it), so
 * earlier pointers into them are no longer valid.
 */
void
ctg_merge_choose (CtgMerge       *self,
                  guint           conflict,
                  CtgMergeChoice  choice)
{
  CtgMergeConflict *c;

  g_return_if_fail (CTG_IS_MERGE (self));
  g_return_if_fail (conflict < self->conflicts->len);

  c = g_ptr_array_index (self->conflicts, conflict);
  g_hash_table_replace (self->choices, conflict_key (c->type, c->kind, c->uuid, c->field),
                        GINT_TO_POINTER (choice));
  compute (self);
}

/**
 * ctg_merge_choose_all:
 *
 * Resolves every conflict, those that choosing brings up included, the
 * same way (`ctg merge --ours` or `--theirs`).
 */
void
ctg_merge_choose_all (CtgMerge       *self,
                      CtgMergeChoice  choice)
{
  g_return_if_fail (CTG_IS_MERGE (self));

  /* A choice can bring rows back, and their own conflicts with them */
  while (ctg_merge_count_unresolved (self) > 0)
    {
      for (guint i = 0; i < self->conflicts->len; i++)
        {
          CtgMergeConflict *c = g_ptr_array_index (self->conflicts, i);

          g_hash_table_replace (self->choices, conflict_key (c->type, c->kind, c->uuid, c->field),
                                GINT_TO_POINTER (choice));
        }
      compute (self);
    }
}

static gboolean
has_unknown_states (CtgMerge *self)
{
  for (guint i = 0; i < self->theirs_history->len; i++)
    if (!g_hash_table_contains (self->ours_states, ((Event *) g_ptr_array_index (self->theirs_history, i))->state))
      return TRUE;
  return FALSE;
}

static gboolean
record_known_states (CtgMerge  *self,
                     GError   **error)
{
  for (guint i = 0; i < self->theirs_history->len; i++)
    {
      Event *event = g_ptr_array_index (self->theirs_history, i);
      sqlite3_stmt *stmt;

      if (g_hash_table_contains (self->ours_states, event->state))
        continue;
      stmt = _ctg_document_prepare (self->ours_doc,
                                    "INSERT INTO history (state, op, txn_uuid) VALUES (?1, 'known', ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, event->state, -1, SQLITE_STATIC);
      _ctg_document_bind_text_or_null (stmt, 2, event->txn_uuid);
      if (!_ctg_document_step_done (self->ours_doc, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ctg_merge_apply:
 *
 * Writes the merge into ours as one group of edits, which one undo takes
 * back. With a conflict left unresolved, writes nothing and fails with
 * %CTG_DOCUMENT_ERROR_MERGE_CONFLICT. A merge that brings nothing (the
 * same copy merged again) writes nothing.
 */
gboolean
ctg_merge_apply (CtgMerge  *self,
                 GError   **error)
{
  g_autofree char *label = NULL;
  guint unresolved;
  gboolean ok;

  g_return_val_if_fail (CTG_IS_MERGE (self), FALSE);

  unresolved = ctg_merge_count_unresolved (self);
  if (unresolved > 0)
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_MERGE_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE, "%u conflict must be resolved first: nothing was written.",
                                "%u conflicts must be resolved first: nothing was written.", unresolved),
                   unresolved);
      return FALSE;
    }
  /* With no change to bring, ours still learns that it has seen theirs:
   * a conflict resolved our way must not come back at the next merge */
  if (self->changes->len == 0 && !has_unknown_states (self))
    return TRUE;

  /* Stored untranslated, named in the reader's language when shown */
  label = _ctg_document_merge_label (self->theirs_name);
  if (!_ctg_document_begin (self->ours_doc, label, error))
    return FALSE;
  ok = record_known_states (self, error);
  if (ok)
    {
      g_ptr_array_set_size (self->changes, 0);
      ok = walk (self, TRUE, error);
    }
  return _ctg_document_end (self->ours_doc, ok, ok ? error : NULL) && ok;
}
