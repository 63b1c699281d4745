/* test-merge.c: merging two copies of a convention, against a model
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each scenario copies a base convention twice (plain file copies), makes a
 * random stream of edits on each copy (fields, pilots, steps, new, deleted
 * and moved actions, undo and redo) while a model in memory follows the
 * same edits, then merges the second copy into the first. The model says,
 * on its own, which conflicts there must be and what the merged convention
 * must hold (docs/merge.md), and the files are compared with it:
 *
 * - lost: the merged file differs from the model's merge (a change lost or
 *   a wrong one made);
 * - spurious-conflicts / missed-conflicts: conflicts reported that the model
 *   has not, or not reported that it has;
 * - diverged: merging the same copy again changed something, the second
 *   copy taking the first did not give the same convention, or undoing that
 *   merge did not give the copy back.
 *
 * CTG_MERGE_SEED replays one scenario (with the models printed);
 * CTG_MERGE_RUNS changes the number of scenarios.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <locale.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include "ctg-core.h"
#include "ctg-schema.h"
#include "ctg-test-util.h"

enum { F_TITLE, F_STATUS, F_PROGRESS, F_ECHEANCE, N_FIELDS };

static const char * const field_names[N_FIELDS] = { "title", "status", "progress", "echeance" };
static const char * const field_pool[N_FIELDS][4] = {
  { "Titre A", "Titre B", "Titre C", NULL },
  { "todo", "in-progress", "done", "postponed" },
  { "10", "50", "90", NULL },
  { "2025", "2026", "2027-06", NULL },
};
static const char * const pilot_pool[] = { "Caf", "PMI", "RPE", "CCAS", "Mairie", "CD26" };
static const char * const step_pool[] = { "Diagnostic", "Réunion", "Bilan" };

typedef struct
{
  char *uuid;
  char *text;     /* a step's text, a pilot's name */
} Item;

typedef struct
{
  char      *uuid;
  char      *fields[N_FIELDS];
  GPtrArray *pilots;   /* Item */
  GPtrArray *steps;    /* Item */
} MAction;

typedef struct
{
  char      *objectives[2];
  GPtrArray *lists[2];  /* MAction, in order */
} Model;

typedef struct
{
  CtgDocument *doc;
  char        *path;
  char         letter;
  guint        counter;
  Model       *model;
  GPtrArray   *undo;    /* Model */
  GPtrArray   *redo;
  GHashTable  *ids;     /* uuid -> id in the file */
} Side;

static gboolean verbose;

/* The model */

static void
item_free (Item *item)
{
  g_free (item->uuid);
  g_free (item->text);
  g_free (item);
}

static Item *
item_new (const char *uuid,
          const char *text)
{
  Item *item = g_new0 (Item, 1);

  item->uuid = g_strdup (uuid);
  item->text = g_strdup (text);
  return item;
}

static void
maction_free (MAction *a)
{
  g_free (a->uuid);
  for (guint f = 0; f < N_FIELDS; f++)
    g_free (a->fields[f]);
  g_ptr_array_unref (a->pilots);
  g_ptr_array_unref (a->steps);
  g_free (a);
}

static MAction *
maction_new (const char *uuid)
{
  MAction *a = g_new0 (MAction, 1);

  a->uuid = g_strdup (uuid);
  a->pilots = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  a->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  return a;
}

static GPtrArray *
items_copy (GPtrArray *items)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      g_ptr_array_add (copy, item_new (item->uuid, item->text));
    }
  return copy;
}

static MAction *
maction_copy (MAction *a)
{
  MAction *copy = maction_new (a->uuid);

  for (guint f = 0; f < N_FIELDS; f++)
    copy->fields[f] = g_strdup (a->fields[f]);
  g_ptr_array_unref (copy->pilots);
  g_ptr_array_unref (copy->steps);
  copy->pilots = items_copy (a->pilots);
  copy->steps = items_copy (a->steps);
  return copy;
}

static void
model_free (Model *m)
{
  for (guint o = 0; o < 2; o++)
    {
      g_free (m->objectives[o]);
      g_ptr_array_unref (m->lists[o]);
    }
  g_free (m);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Model, model_free)

static Model *
model_new (void)
{
  Model *m = g_new0 (Model, 1);

  for (guint o = 0; o < 2; o++)
    m->lists[o] = g_ptr_array_new_with_free_func ((GDestroyNotify) maction_free);
  return m;
}

static Model *
model_copy (Model *m)
{
  Model *copy = model_new ();

  for (guint o = 0; o < 2; o++)
    {
      copy->objectives[o] = g_strdup (m->objectives[o]);
      for (guint i = 0; i < m->lists[o]->len; i++)
        g_ptr_array_add (copy->lists[o], maction_copy (g_ptr_array_index (m->lists[o], i)));
    }
  return copy;
}

static void
dump_items (GString   *s,
            GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      g_string_append_printf (s, "%s%s=%s", i ? "," : "", item->uuid, item->text);
    }
}

static char *
model_dump (Model *m)
{
  GString *s = g_string_new (NULL);

  for (guint o = 0; o < 2; o++)
    {
      g_string_append_printf (s, "objective %s\n", m->objectives[o]);
      for (guint i = 0; i < m->lists[o]->len; i++)
        {
          MAction *a = g_ptr_array_index (m->lists[o], i);

          g_string_append_printf (s, "  action %s", a->uuid);
          for (guint f = 0; f < N_FIELDS; f++)
            g_string_append_printf (s, " %s=%s", field_names[f], a->fields[f] ? a->fields[f] : "-");
          g_string_append (s, "\n    pilots ");
          dump_items (s, a->pilots);
          g_string_append (s, "\n    steps ");
          dump_items (s, a->steps);
          g_string_append (s, "\n");
        }
    }
  return g_string_free (s, FALSE);
}

static gboolean
model_equal (Model *a,
             Model *b)
{
  g_autofree char *x = model_dump (a);
  g_autofree char *y = model_dump (b);

  return g_str_equal (x, y);
}

static MAction *
model_find (Model      *m,
            const char *uuid,
            guint      *objective,
            guint      *index)
{
  for (guint o = 0; o < 2; o++)
    for (guint i = 0; i < m->lists[o]->len; i++)
      {
        MAction *a = g_ptr_array_index (m->lists[o], i);

        if (g_str_equal (a->uuid, uuid))
          {
            if (objective)
              *objective = o;
            if (index)
              *index = i;
            return a;
          }
      }
  return NULL;
}

static Item *
items_find (GPtrArray  *items,
            const char *uuid)
{
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (((Item *) g_ptr_array_index (items, i))->uuid, uuid))
      return g_ptr_array_index (items, i);
  return NULL;
}

/* What a file holds, read through the public API */
static Model *
observe (CtgDocument *doc,
         GHashTable  *ids)
{
  Model *m = model_new ();
  g_autoptr(GArray) axes = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
  g_autoptr(GArray) objectives = ctg_document_list_ids (doc, CTG_ITEM_OBJECTIVE, g_array_index (axes, gint64, 0));

  if (ids)
    g_hash_table_remove_all (ids);
  g_assert_cmpuint (objectives->len, ==, 2);
  for (guint o = 0; o < 2; o++)
    {
      gint64 objective = g_array_index (objectives, gint64, o);
      g_autoptr(GArray) actions = ctg_document_list_ids (doc, CTG_ITEM_ACTION, objective);

      m->objectives[o] = ctg_document_dup_text (doc, CTG_ITEM_OBJECTIVE, objective, "uuid");
      if (ids)
        g_hash_table_insert (ids, g_strdup (m->objectives[o]), g_memdup2 (&objective, sizeof objective));
      for (guint i = 0; i < actions->len; i++)
        {
          gint64 id = g_array_index (actions, gint64, i);
          g_autofree char *uuid = ctg_document_dup_text (doc, CTG_ITEM_ACTION, id, "uuid");
          g_autoptr(GArray) pilots = ctg_document_list_ids (doc, CTG_ITEM_PARTICIPANT, id);
          g_autoptr(GArray) steps = ctg_document_list_ids (doc, CTG_ITEM_STEP, id);
          MAction *a = maction_new (uuid);

          for (guint f = 0; f < N_FIELDS; f++)
            a->fields[f] = ctg_document_dup_text (doc, CTG_ITEM_ACTION, id, field_names[f]);
          for (guint p = 0; p < pilots->len; p++)
            {
              gint64 pid = g_array_index (pilots, gint64, p);
              g_autofree char *puuid = ctg_document_dup_text (doc, CTG_ITEM_PARTICIPANT, pid, "uuid");
              g_autofree char *name = ctg_document_dup_text (doc, CTG_ITEM_PARTICIPANT, pid, "name");

              g_ptr_array_add (a->pilots, item_new (puuid, name));
            }
          for (guint s = 0; s < steps->len; s++)
            {
              gint64 sid = g_array_index (steps, gint64, s);
              g_autofree char *suuid = ctg_document_dup_text (doc, CTG_ITEM_STEP, sid, "uuid");
              g_autofree char *text = ctg_document_dup_text (doc, CTG_ITEM_STEP, sid, "text");

              g_ptr_array_add (a->steps, item_new (suuid, text));
              if (ids)
                g_hash_table_insert (ids, g_strdup (suuid), g_memdup2 (&sid, sizeof sid));
            }
          if (ids)
            g_hash_table_insert (ids, g_strdup (uuid), g_memdup2 (&id, sizeof id));
          g_ptr_array_add (m->lists[o], a);
        }
    }
  return m;
}

/* The model's merge: docs/merge.md, written again on the model */

typedef enum { RES_NONE, RES_OURS, RES_THEIRS } Resolution;

static void
add_conflict (GHashTable *conflicts,
              int         type,
              CtgItemKind kind,
              const char *uuid,
              const char *field)
{
  if (conflicts)
    g_hash_table_add (conflicts, g_strdup_printf ("%d|%d|%s|%s", type, kind, uuid, field ? field : ""));
}

static gboolean
same_uuids (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!g_str_equal (a->pdata[i], b->pdata[i]))
      return FALSE;
  return TRUE;
}

static GPtrArray *
filter (GPtrArray  *list,
        GHashTable *keep)
{
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < list->len; i++)
    if (g_hash_table_contains (keep, list->pdata[i]))
      g_ptr_array_add (result, list->pdata[i]);
  return result;
}

static guint
index_of (GPtrArray  *list,
          const char *uuid)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (list->pdata[i], uuid))
      return i;
  return G_MAXUINT;
}

/* The uuids of @side not in a longest common subsequence with @base */
static GHashTable *
moved_uuids (GPtrArray *base,
             GPtrArray *side)
{
  guint n = base->len, m = side->len;
  g_autofree guint *dp = g_new0 (guint, (n + 1) * (m + 1));
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *moved = g_hash_table_new (g_str_hash, g_str_equal);
  guint i = 0, j = 0;

  for (int x = (int) n - 1; x >= 0; x--)
    for (int y = (int) m - 1; y >= 0; y--)
      dp[x * (m + 1) + y] = g_str_equal (base->pdata[x], side->pdata[y])
                            ? dp[(x + 1) * (m + 1) + y + 1] + 1
                            : MAX (dp[(x + 1) * (m + 1) + y], dp[x * (m + 1) + y + 1]);
  while (i < n && j < m)
    {
      if (g_str_equal (base->pdata[i], side->pdata[j]))
        {
          g_hash_table_add (kept, side->pdata[j]);
          i++;
          j++;
        }
      else if (dp[(i + 1) * (m + 1) + j] >= dp[i * (m + 1) + j + 1])
        i++;
      else
        j++;
    }
  for (j = 0; j < m; j++)
    if (!g_hash_table_contains (kept, side->pdata[j]))
      g_hash_table_add (moved, side->pdata[j]);
  return moved;
}

/* The order of the uuids in @present: if one side only reordered what both
 * kept, its order; both differently, a conflict; then what one side has
 * alone goes after what precedes it there, ours first */
static GPtrArray *
merge_order (GPtrArray   *base,
             GPtrArray   *ours,
             GPtrArray   *theirs,
             GHashTable  *present,
             Resolution   resolution,
             GHashTable  *conflicts,
             CtgItemKind  kind,
             const char  *parent,
             const char  *field)
{
  g_autoptr(GPtrArray) b = filter (base, present);
  g_autoptr(GPtrArray) o = filter (ours, present);
  g_autoptr(GPtrArray) t = filter (theirs, present);
  g_autoptr(GHashTable) in_o = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) in_t = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) common = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) bc = NULL;
  g_autoptr(GPtrArray) oc = NULL;
  g_autoptr(GPtrArray) tc = NULL;
  GPtrArray *order;

  for (guint i = 0; i < o->len; i++)
    g_hash_table_add (in_o, o->pdata[i]);
  for (guint i = 0; i < t->len; i++)
    g_hash_table_add (in_t, t->pdata[i]);
  for (guint i = 0; i < b->len; i++)
    if (g_hash_table_contains (in_o, b->pdata[i]) && g_hash_table_contains (in_t, b->pdata[i]))
      g_hash_table_add (common, b->pdata[i]);
  bc = filter (b, common);
  oc = filter (o, common);
  tc = filter (t, common);

  if (same_uuids (oc, bc))
    order = g_ptr_array_copy (tc, NULL, NULL);
  else if (same_uuids (tc, bc) || same_uuids (oc, tc))
    order = g_ptr_array_copy (oc, NULL, NULL);
  else
    {
      /* Both reordered: different items moved combine, the same one conflicts */
      g_autoptr(GHashTable) mo = moved_uuids (bc, oc);
      g_autoptr(GHashTable) mt = moved_uuids (bc, tc);
      gboolean clash = FALSE;
      GHashTableIter it;
      gpointer u;

      g_hash_table_iter_init (&it, mo);
      while (g_hash_table_iter_next (&it, &u, NULL))
        clash |= g_hash_table_contains (mt, u);
      if (clash)
        {
          add_conflict (conflicts, CTG_MERGE_CONFLICT_ORDER, kind, parent, field);
          order = g_ptr_array_copy (resolution == RES_THEIRS ? tc : oc, NULL, NULL);
        }
      else
        {
          order = g_ptr_array_new ();
          for (guint i = 0; i < bc->len; i++)
            if (!g_hash_table_contains (mo, bc->pdata[i]) && !g_hash_table_contains (mt, bc->pdata[i]))
              g_ptr_array_add (order, bc->pdata[i]);
          for (int side = 0; side < 2; side++)
            {
              GPtrArray *list = side == 0 ? oc : tc;
              GHashTable *moved = side == 0 ? mo : mt;

              for (guint i = 0; i < list->len; i++)
                {
                  guint at = 0;

                  if (!g_hash_table_contains (moved, list->pdata[i]))
                    continue;
                  for (int j = (int) i - 1; j >= 0; j--)
                    if (index_of (order, list->pdata[j]) != G_MAXUINT)
                      {
                        at = index_of (order, list->pdata[j]) + 1;
                        break;
                      }
                  g_ptr_array_insert (order, (int) at, list->pdata[i]);
                }
            }
        }
    }

  for (int side = 0; side < 2; side++)
    {
      GPtrArray *list = side == 0 ? o : t;

      for (guint i = 0; i < list->len; i++)
        {
          guint at = 0;

          if (index_of (order, list->pdata[i]) != G_MAXUINT)
            continue;
          for (int j = (int) i - 1; j >= 0; j--)
            if (index_of (order, list->pdata[j]) != G_MAXUINT)
              {
                at = index_of (order, list->pdata[j]) + 1;
                break;
              }
          g_ptr_array_insert (order, (int) at, list->pdata[i]);
        }
    }
  return order;
}

static GPtrArray *
uuids_of (GPtrArray *items)
{
  GPtrArray *uuids = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (uuids, ((Item *) g_ptr_array_index (items, i))->uuid);
  return uuids;
}

static gboolean
items_equal (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      Item *x = g_ptr_array_index (a, i);
      Item *y = g_ptr_array_index (b, i);

      if (!g_str_equal (x->uuid, y->uuid) || g_strcmp0 (x->text, y->text) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Whether a side changed an action or anything under it */
static gboolean
action_dirty (MAction *b,
              guint    b_objective,
              MAction *s,
              guint    s_objective)
{
  if (b == NULL)
    return TRUE;
  for (guint f = 0; f < N_FIELDS; f++)
    if (g_strcmp0 (b->fields[f], s->fields[f]) != 0)
      return TRUE;
  return b_objective != s_objective || !items_equal (b->pilots, s->pilots) || !items_equal (b->steps, s->steps);
}

static const char *
three (const char *b,
       const char *o,
       const char *t,
       Resolution  resolution,
       GHashTable *conflicts,
       CtgItemKind kind,
       const char *uuid,
       const char *field)
{
  if (g_strcmp0 (o, t) == 0 || g_strcmp0 (b, t) == 0)
    return o;
  if (g_strcmp0 (b, o) == 0)
    return t;
  add_conflict (conflicts, CTG_MERGE_CONFLICT_FIELD, kind, uuid, field);
  return resolution == RES_THEIRS ? t : o;
}

/* Pilots: one row per person; both adding the same name is one pilot */
static GPtrArray *
merge_pilots (MAction    *b,
              MAction    *o,
              MAction    *t,
              Resolution  resolution,
              GHashTable *conflicts)
{
  g_autoptr(GPtrArray) empty = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  GPtrArray *bp = b ? b->pilots : empty;
  g_autoptr(GPtrArray) tp = items_copy (t->pilots);
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) bu = NULL;
  g_autoptr(GPtrArray) ou = NULL;
  g_autoptr(GPtrArray) tu = NULL;
  g_autoptr(GPtrArray) order = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);

  /* Their new pilot with the name of one of our new ones is ours */
  for (guint i = 0; i < tp->len; i++)
    {
      Item *ti = g_ptr_array_index (tp, i);

      if (items_find (bp, ti->uuid) || items_find (o->pilots, ti->uuid))
        continue;
      for (guint j = 0; j < o->pilots->len; j++)
        {
          Item *oi = g_ptr_array_index (o->pilots, j);

          if (g_str_equal (oi->text, ti->text) && !items_find (bp, oi->uuid) && !items_find (tp, oi->uuid))
            {
              g_free (ti->uuid);
              ti->uuid = g_strdup (oi->uuid);
              break;
            }
        }
    }

  for (guint side = 0; side < 2; side++)
    {
      GPtrArray *mine = side == 0 ? o->pilots : tp;
      GPtrArray *other = side == 0 ? tp : o->pilots;

      for (guint i = 0; i < mine->len; i++)
        {
          Item *item = g_ptr_array_index (mine, i);

          if (items_find (other, item->uuid) || !items_find (bp, item->uuid))
            g_hash_table_add (present, item->uuid);
        }
    }

  bu = uuids_of (bp);
  ou = uuids_of (o->pilots);
  tu = uuids_of (tp);
  order = merge_order (bu, ou, tu, present, resolution, conflicts, CTG_ITEM_PARTICIPANT, o->uuid, "pilot");
  for (guint i = 0; i < order->len; i++)
    {
      Item *item = items_find (o->pilots, order->pdata[i]);

      if (item == NULL)
        item = items_find (tp, order->pdata[i]);
      g_ptr_array_add (result, item_new (item->uuid, item->text));
    }
  return result;
}

static GPtrArray *
merge_steps (MAction    *b,
             MAction    *o,
             MAction    *t,
             Resolution  resolution,
             GHashTable *conflicts)
{
  g_autoptr(GPtrArray) empty = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  GPtrArray *bs = b ? b->steps : empty;
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) bu = NULL;
  g_autoptr(GPtrArray) ou = NULL;
  g_autoptr(GPtrArray) tu = NULL;
  g_autoptr(GPtrArray) order = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);

  for (guint side = 0; side < 2; side++)
    {
      GPtrArray *mine = side == 0 ? o->steps : t->steps;
      GPtrArray *other = side == 0 ? t->steps : o->steps;

      for (guint i = 0; i < mine->len; i++)
        {
          Item *item = g_ptr_array_index (mine, i);
          Item *twin = items_find (other, item->uuid);
          Item *base = items_find (bs, item->uuid);

          if (twin != NULL)
            {
              if (side == 0)
                {
                  g_hash_table_add (present, item->uuid);
                  g_hash_table_insert (texts, item->uuid,
                                       (gpointer) three (base ? base->text : item->text, item->text, twin->text,
                                                         resolution, conflicts, CTG_ITEM_STEP, item->uuid, "text"));
                }
            }
          else if (base == NULL)
            {
              g_hash_table_add (present, item->uuid);
              g_hash_table_insert (texts, item->uuid, item->text);
            }
          else if (g_strcmp0 (base->text, item->text) != 0)
            {
              add_conflict (conflicts, CTG_MERGE_CONFLICT_DELETE, CTG_ITEM_STEP, item->uuid, NULL);
              if (resolution == (side == 0 ? RES_OURS : RES_THEIRS) || (resolution == RES_NONE && side == 0))
                {
                  g_hash_table_add (present, item->uuid);
                  g_hash_table_insert (texts, item->uuid, item->text);
                }
            }
        }
    }

  bu = uuids_of (bs);
  ou = uuids_of (o->steps);
  tu = uuids_of (t->steps);
  order = merge_order (bu, ou, tu, present, resolution, conflicts, CTG_ITEM_STEP, o->uuid, NULL);
  for (guint i = 0; i < order->len; i++)
    g_ptr_array_add (result, item_new (order->pdata[i], g_hash_table_lookup (texts, order->pdata[i])));
  return result;
}

static Model *
model_merge (Model      *base,
             Model      *ours,
             Model      *theirs,
             Resolution  resolution,
             GHashTable *conflicts)
{
  Model *merged = model_new ();
  g_autoptr(GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) maction_free);
  g_autoptr(GHashTable) where = g_hash_table_new (g_str_hash, g_str_equal);
  Model *models[] = { base, ours, theirs };
  GHashTableIter iter;
  const char *uuid;

  for (guint o = 0; o < 2; o++)
    merged->objectives[o] = g_strdup (base->objectives[o]);
  for (guint m = 0; m < 3; m++)
    for (guint o = 0; o < 2; o++)
      for (guint i = 0; i < models[m]->lists[o]->len; i++)
        g_hash_table_add (uuids, ((MAction *) g_ptr_array_index (models[m]->lists[o], i))->uuid);

  g_hash_table_iter_init (&iter, uuids);
  while (g_hash_table_iter_next (&iter, (gpointer *) &uuid, NULL))
    {
      guint bo = 0, oo = 0, to = 0;
      MAction *b = model_find (base, uuid, &bo, NULL);
      MAction *o = model_find (ours, uuid, &oo, NULL);
      MAction *t = model_find (theirs, uuid, &to, NULL);
      MAction *result = NULL;
      guint objective = 0;

      if (o && t)
        {
          result = maction_new (uuid);
          for (guint f = 0; f < N_FIELDS; f++)
            result->fields[f] = g_strdup (three (b ? b->fields[f] : o->fields[f], o->fields[f], t->fields[f],
                                                 resolution, conflicts, CTG_ITEM_ACTION, uuid, field_names[f]));
          /* The objective, three-way, by index */
          if (oo == to || (b && bo == to))
            objective = oo;
          else if (b && bo == oo)
            objective = to;
          else
            {
              add_conflict (conflicts, CTG_MERGE_CONFLICT_FIELD, CTG_ITEM_ACTION, uuid, "objective_id");
              objective = resolution == RES_THEIRS ? to : oo;
            }
          g_ptr_array_unref (result->pilots);
          g_ptr_array_unref (result->steps);
          result->pilots = merge_pilots (b, o, t, resolution, conflicts);
          result->steps = merge_steps (b, o, t, resolution, conflicts);
        }
      else if ((o || t) && b == NULL)
        {
          result = maction_copy (o ? o : t);
          objective = o ? oo : to;
        }
      else if (o || t)
        {
          gboolean theirs_deleted = o != NULL;

          if (action_dirty (b, bo, o ? o : t, o ? oo : to))
            {
              add_conflict (conflicts, CTG_MERGE_CONFLICT_DELETE, CTG_ITEM_ACTION, uuid, NULL);
              if (resolution == (theirs_deleted ? RES_OURS : RES_THEIRS) ||
                  (resolution == RES_NONE && theirs_deleted))
                {
                  result = maction_copy (o ? o : t);
                  objective = o ? oo : to;
                }
            }
        }

      if (result != NULL)
        {
          g_hash_table_insert (actions, result->uuid, result);
          g_hash_table_insert (where, result->uuid, GUINT_TO_POINTER (objective));
        }
    }

  for (guint obj = 0; obj < 2; obj++)
    {
      g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
      GPtrArray *lists[3] = { g_ptr_array_new (), g_ptr_array_new (), g_ptr_array_new () };
      g_autoptr(GPtrArray) order = NULL;

      g_hash_table_iter_init (&iter, where);
      while (g_hash_table_iter_next (&iter, (gpointer *) &uuid, NULL))
        if (GPOINTER_TO_UINT (g_hash_table_lookup (where, uuid)) == obj)
          g_hash_table_add (present, (gpointer) uuid);
      for (guint m = 0; m < 3; m++)
        for (guint i = 0; i < models[m]->lists[obj]->len; i++)
          g_ptr_array_add (lists[m], ((MAction *) g_ptr_array_index (models[m]->lists[obj], i))->uuid);

      order = merge_order (lists[0], lists[1], lists[2], present, resolution, conflicts,
                           CTG_ITEM_ACTION, base->objectives[obj], NULL);
      for (guint i = 0; i < order->len; i++)
        {
          MAction *a = NULL;

          g_hash_table_steal_extended (actions, order->pdata[i], NULL, (gpointer *) &a);
          g_ptr_array_add (merged->lists[obj], a);
        }
      for (guint m = 0; m < 3; m++)
        g_ptr_array_unref (lists[m]);
    }
  return merged;
}

/* The edits */

static gint64
side_id (Side       *side,
         const char *uuid)
{
  gint64 *id = g_hash_table_lookup (side->ids, uuid);

  g_assert_nonnull (id);
  return *id;
}

static MAction *
random_action (Side   *side,
               GRand  *rand,
               guint  *objective,
               guint  *index)
{
  guint n = side->model->lists[0]->len + side->model->lists[1]->len;
  guint pick;

  if (n == 0)
    return NULL;
  pick = g_rand_int_range (rand, 0, (gint32) n);
  *objective = pick < side->model->lists[0]->len ? 0 : 1;
  *index = *objective == 0 ? pick : pick - side->model->lists[0]->len;
  return g_ptr_array_index (side->model->lists[*objective], *index);
}

static void
check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (!ok)
    g_error ("%s failed: %s", what, error ? error->message : "?");
}

/* One random edit, on the file and on the model */
static void
side_edit (Side  *side,
           GRand *rand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Model) before = model_copy (side->model);
  g_autoptr(Model) seen = NULL;
  guint objective = 0, index = 0;
  MAction *a = random_action (side, rand, &objective, &index);
  int op = g_rand_int_range (rand, 0, 100);
  gboolean history = FALSE;
  const char *what = "?";

  if (a == NULL && op < 88)
    op = 68;

  if (op < 30)
    {
      guint f = g_rand_int_range (rand, 0, N_FIELDS);
      guint n = field_pool[f][3] ? 4 : 3;
      const char *value = field_pool[f][g_rand_int_range (rand, 0, (gint32) n)];

      what = "set";
      check (ctg_document_set (side->doc, CTG_ITEM_ACTION, side_id (side, a->uuid), field_names[f], value, &error),
             error, what);
      g_free (a->fields[f]);
      a->fields[f] = g_strdup (value);
    }
  else if (op < 42)
    {
      g_autoptr(GPtrArray) pilots = items_copy (a->pilots);
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);
      int change = g_rand_int_range (rand, 0, 3);

      what = "pilots";
      if (change == 0 && pilots->len > 0)
        g_ptr_array_remove_index (pilots, g_rand_int_range (rand, 0, (gint32) pilots->len));
      else if (change == 1 && pilots->len >= 2)
        {
          guint i = g_rand_int_range (rand, 0, (gint32) pilots->len);
          guint j = g_rand_int_range (rand, 0, (gint32) pilots->len);
          gpointer swap = pilots->pdata[i];

          pilots->pdata[i] = pilots->pdata[j];
          pilots->pdata[j] = swap;
        }
      else
        {
          const char *name = pilot_pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pilot_pool))];
          gboolean there = FALSE;

          for (guint i = 0; i < pilots->len; i++)
            there |= g_str_equal (((Item *) pilots->pdata[i])->text, name);
          if (!there)
            g_ptr_array_insert (pilots, g_rand_int_range (rand, 0, (gint32) pilots->len + 1), item_new ("new", name));
        }
      for (guint i = 0; i < pilots->len; i++)
        g_ptr_array_add (list, ctg_participant_new (((Item *) pilots->pdata[i])->text, CTG_PARTICIPANT_ORGANISATION, ""));
      check (ctg_document_set_participants (side->doc, side_id (side, a->uuid), CTG_RELATION_PILOT, list, &error),
             error, what);
      /* Who stays keeps his row; a new one gets his uuid from the file */
      {
        g_autoptr(GArray) rows = ctg_document_list_ids (side->doc, CTG_ITEM_PARTICIPANT, side_id (side, a->uuid));

        g_assert_cmpuint (rows->len, ==, pilots->len);
        for (guint i = 0; i < pilots->len; i++)
          {
            Item *item = pilots->pdata[i];

            if (g_str_equal (item->uuid, "new"))
              {
                g_free (item->uuid);
                item->uuid = ctg_document_dup_text (side->doc, CTG_ITEM_PARTICIPANT,
                                                    g_array_index (rows, gint64, i), "uuid");
              }
          }
      }
      g_ptr_array_unref (a->pilots);
      a->pilots = g_steal_pointer (&pilots);
    }
  else if (op < 50)
    {
      g_autofree char *text = g_strdup_printf ("%c-step-%u", side->letter, ++side->counter);
      gint64 id;

      what = "add step";
      id = ctg_document_add_item (side->doc, CTG_ITEM_STEP, side_id (side, a->uuid), text, &error);
      check (id != 0, error, what);
      {
        g_autofree char *uuid = ctg_document_dup_text (side->doc, CTG_ITEM_STEP, id, "uuid");

        g_ptr_array_add (a->steps, item_new (uuid, text));
      }
    }
  else if (op < 56 && a->steps->len > 0)
    {
      guint s = g_rand_int_range (rand, 0, (gint32) a->steps->len);

      what = "delete step";
      check (ctg_document_delete (side->doc, CTG_ITEM_STEP, side_id (side, ((Item *) a->steps->pdata[s])->uuid), &error),
             error, what);
      g_ptr_array_remove_index (a->steps, s);
    }
  else if (op < 62 && a->steps->len >= 2)
    {
      guint s = g_rand_int_range (rand, 0, (gint32) a->steps->len);
      guint to = g_rand_int_range (rand, 0, (gint32) a->steps->len);
      Item *item = g_ptr_array_steal_index (a->steps, s);

      what = "move step";
      check (ctg_document_move (side->doc, CTG_ITEM_STEP, side_id (side, item->uuid), to, &error), error, what);
      g_ptr_array_insert (a->steps, (int) to, item);
    }
  else if (op < 68 && a->steps->len > 0)
    {
      Item *item = a->steps->pdata[g_rand_int_range (rand, 0, (gint32) a->steps->len)];
      const char *text = step_pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (step_pool))];

      what = "step text";
      check (ctg_document_set (side->doc, CTG_ITEM_STEP, side_id (side, item->uuid), "text", text, &error),
             error, what);
      g_free (item->text);
      item->text = g_strdup (text);
    }
  else if (op < 73 || a == NULL)
    {
      guint o = g_rand_int_range (rand, 0, 2);
      g_autofree char *title = g_strdup_printf ("%c-action-%u", side->letter, ++side->counter);
      g_autofree char *uuid = NULL;
      MAction *added;
      gint64 id;

      what = "add action";
      id = ctg_document_add_item (side->doc, CTG_ITEM_ACTION, side_id (side, side->model->objectives[o]), title, &error);
      check (id != 0, error, what);
      uuid = ctg_document_dup_text (side->doc, CTG_ITEM_ACTION, id, "uuid");
      added = maction_new (uuid);
      added->fields[F_TITLE] = g_strdup (title);
      added->fields[F_STATUS] = g_strdup ("todo");
      g_ptr_array_add (side->model->lists[o], added);
    }
  else if (op < 78)
    {
      what = "delete action";
      check (ctg_document_delete (side->doc, CTG_ITEM_ACTION, side_id (side, a->uuid), &error), error, what);
      g_ptr_array_remove_index (side->model->lists[objective], index);
    }
  else if (op < 84)
    {
      GPtrArray *list = side->model->lists[objective];
      guint to = g_rand_int_range (rand, 0, (gint32) list->len);

      what = "move action";
      check (ctg_document_move (side->doc, CTG_ITEM_ACTION, side_id (side, a->uuid), to, &error), error, what);
      a = g_ptr_array_steal_index (list, index);
      g_ptr_array_insert (list, (int) to, a);
    }
  else if (op < 88)
    {
      what = "move action to another objective";
      check (ctg_document_move_action (side->doc, side_id (side, a->uuid),
                                       side_id (side, side->model->objectives[1 - objective]), &error),
             error, what);
      a = g_ptr_array_steal_index (side->model->lists[objective], index);
      g_ptr_array_add (side->model->lists[1 - objective], a);
    }
  else if (op < 94)
    {
      what = "undo";
      history = TRUE;
      if (side->undo->len > 0)
        {
          check (ctg_document_undo (side->doc, &error), error, what);
          g_ptr_array_add (side->redo, side->model);
          side->model = g_ptr_array_steal_index (side->undo, side->undo->len - 1);
        }
    }
  else
    {
      what = "redo";
      history = TRUE;
      if (side->redo->len > 0)
        {
          check (ctg_document_redo (side->doc, &error), error, what);
          g_ptr_array_add (side->undo, side->model);
          side->model = g_ptr_array_steal_index (side->redo, side->redo->len - 1);
        }
    }

  if (!history && !model_equal (before, side->model))
    {
      g_ptr_array_add (side->undo, g_steal_pointer (&before));
      g_ptr_array_set_size (side->redo, 0);
    }

  seen = observe (side->doc, side->ids);
  if (!model_equal (seen, side->model))
    {
      g_autofree char *expected = model_dump (side->model);
      g_autofree char *found = model_dump (seen);

      g_error ("copy %c, after %s: the model is not the file:\nmodel:\n%s\nfile:\n%s",
               side->letter, what, expected, found);
    }
  if (verbose)
    g_test_message ("%c: %s", side->letter, what);
}

/* A scenario */

typedef struct
{
  guint lost;
  guint spurious;
  guint missed;
  guint diverged;
} Figures;

static char *base_path;
static Model *base_model;

static void
make_base (void)
{
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  gint64 axis, objectives[2];

  base_path = ctg_test_tmp_path ("base.ctg");
  doc = ctg_document_create (base_path, &error);
  g_assert_no_error (error);
  axis = ctg_document_add_item (doc, CTG_ITEM_AXIS, 0, "Axe 1", &error);
  for (guint o = 0; o < 2; o++)
    {
      g_autofree char *title = g_strdup_printf ("Objectif %u", o + 1);

      objectives[o] = ctg_document_add_objective (doc, axis, 0, 0, title, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *title = g_strdup_printf ("Action %u", i + 1);
      g_autoptr(GPtrArray) pilots = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);
      gint64 id = ctg_document_add_item (doc, CTG_ITEM_ACTION, objectives[i % 2], title, &error);

      g_assert_no_error (error);
      for (guint p = 0; p < i % 3; p++)
        g_ptr_array_add (pilots, ctg_participant_new (pilot_pool[(i + p) % G_N_ELEMENTS (pilot_pool)],
                                                      CTG_PARTICIPANT_ORGANISATION, ""));
      g_assert_true (ctg_document_set_participants (doc, id, CTG_RELATION_PILOT, pilots, &error));
      for (guint s = 0; s < (i + 1) % 3; s++)
        {
          g_autofree char *text = g_strdup_printf ("Étape %u", s + 1);
          g_assert_cmpint (ctg_document_add_item (doc, CTG_ITEM_STEP, id, text, &error), !=, 0);
        }
      if (i % 2)
        g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, id, "status", "in-progress", &error));
    }
  g_assert_no_error (error);
  base_model = observe (doc, NULL);
  ctg_document_close (doc);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  data = ctg_test_read_file (from, &length);
  g_file_set_contents (to, data, (gssize) length, &error);
  g_assert_no_error (error);
}

static void
side_init (Side       *side,
           const char *dir,
           char        letter,
           Model      *base)
{
  g_autoptr(GError) error = NULL;

  side->letter = letter;
  side->path = g_strdup_printf ("%s/%c.ctg", dir, letter);
  copy_file (base_path, side->path);
  side->doc = ctg_document_open (side->path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  side->model = model_copy (base);
  side->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) model_free);
  side->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) model_free);
  side->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_clear_pointer (&side->model, model_free);
  side->model = observe (side->doc, side->ids);
  g_assert_true (model_equal (side->model, base));
}

static void
side_close (Side *side)
{
  if (side->doc)
    ctg_document_close (side->doc);
  g_clear_object (&side->doc);
}

static void
side_clear (Side *side)
{
  side_close (side);
  g_unlink (side->path);
  g_free (side->path);
  model_free (side->model);
  g_ptr_array_unref (side->undo);
  g_ptr_array_unref (side->redo);
  g_hash_table_unref (side->ids);
}

static GHashTable *
engine_conflicts (CtgMerge *merge)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *conflicts = ctg_merge_get_conflicts (merge);

  for (guint i = 0; i < conflicts->len; i++)
    {
      CtgMergeConflict *c = g_ptr_array_index (conflicts, i);

      g_hash_table_add (keys, g_strdup_printf ("%d|%d|%s|%s", c->type, c->kind, c->uuid, c->field ? c->field : ""));
      if (verbose)
        g_test_message ("conflict %s: %s: %s / %s / %s", c->label, c->field_label, c->base, c->ours, c->theirs);
    }
  return keys;
}

static void
print_models (const char *title,
              Model      *model)
{
  g_autofree char *dump = model_dump (model);

  g_test_message ("%s:\n%s", title, dump);
}

static void
run_scenario (guint32  seed,
              Figures *figures)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgMerge) merge = NULL;
  g_autoptr(Model) base = NULL;
  g_autoptr(Model) expected = NULL;
  g_autoptr(Model) merged = NULL;
  g_autoptr(GHashTable) model_conflicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) found_conflicts = NULL;
  g_autofree char *dir = ctg_test_tmp_path ("scenario");
  Side a = { 0 }, b = { 0 };
  Resolution resolution = g_rand_boolean (rand) ? RES_OURS : RES_THEIRS;
  gboolean diverged = FALSE;
  GHashTableIter iter;
  const char *key;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  base = model_copy (base_model);
  side_init (&a, dir, 'A', base);
  side_init (&b, dir, 'B', base);

  for (guint n = g_rand_int_range (rand, 0, 9); n > 0; n--)
    side_edit (&a, rand);
  for (guint n = g_rand_int_range (rand, 0, 9); n > 0; n--)
    side_edit (&b, rand);
  side_close (&b);

  if (verbose)
    {
      print_models ("base", base);
      print_models ("ours", a.model);
      print_models ("theirs", b.model);
    }

  /* A takes B */
  merge = ctg_merge_new (a.doc, b.path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&expected, model_free);
  model_free (model_merge (base, a.model, b.model, RES_NONE, model_conflicts));
  found_conflicts = engine_conflicts (merge);

  g_hash_table_iter_init (&iter, found_conflicts);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (!g_hash_table_contains (model_conflicts, key))
      {
        figures->spurious++;
        g_test_message ("seed %u: spurious conflict %s", seed, key);
      }
  g_hash_table_iter_init (&iter, model_conflicts);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (!g_hash_table_contains (found_conflicts, key))
      {
        figures->missed++;
        g_test_message ("seed %u: missed conflict %s", seed, key);
      }

  ctg_merge_choose_all (merge, resolution == RES_OURS ? CTG_MERGE_OURS : CTG_MERGE_THEIRS);
  if (!ctg_merge_apply (merge, &error))
    g_error ("seed %u: the merge failed: %s", seed, error->message);
  g_clear_object (&merge);

  expected = model_merge (base, a.model, b.model, resolution, NULL);
  merged = observe (a.doc, NULL);
  if (!model_equal (expected, merged))
    {
      figures->lost++;
      g_test_message ("seed %u: the merged file is not the model's merge", seed);
      print_models ("expected", expected);
      print_models ("file", merged);
    }

  /* Merging the same copy again changes nothing */
  merge = ctg_merge_new (a.doc, b.path, &error);
  g_assert_no_error (error);
  if (ctg_merge_get_changes (merge)->len != 0 || ctg_merge_get_conflicts (merge)->len != 0)
    {
      g_autoptr(GHashTable) again = engine_conflicts (merge);
      GHashTableIter it;
      const char *k;

      g_hash_table_iter_init (&it, again);
      while (g_hash_table_iter_next (&it, (gpointer *) &k, NULL))
        g_test_message ("seed %u: again: %s", seed, k);
      g_test_message ("seed %u: merging again brings %u changes, %u conflicts", seed,
                      ctg_merge_get_changes (merge)->len, ctg_merge_get_conflicts (merge)->len);
      diverged = TRUE;
    }
  g_clear_object (&merge);
  side_close (&a);

  /* B takes A: both hold the same convention; undo gives B back */
  b.doc = ctg_document_open (b.path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  merge = ctg_merge_new (b.doc, a.path, &error);
  g_assert_no_error (error);
  if (ctg_merge_get_conflicts (merge)->len != 0 || !ctg_merge_apply (merge, &error))
    {
      g_test_message ("seed %u: the other way, %u conflicts", seed, ctg_merge_get_conflicts (merge)->len);
      diverged = TRUE;
    }
  else
    {
      g_autoptr(Model) other = observe (b.doc, NULL);

      if (!model_equal (other, merged))
        {
          g_test_message ("seed %u: the copies differ after merging both ways", seed);
          print_models ("B after taking A", other);
          diverged = TRUE;
        }
      if (ctg_merge_get_changes (merge)->len > 0)
        {
          g_autoptr(Model) undone = NULL;

          g_assert_true (ctg_document_undo (b.doc, &error));
          undone = observe (b.doc, NULL);
          if (!model_equal (undone, b.model))
            {
              g_test_message ("seed %u: undoing the merge does not give the copy back", seed);
              diverged = TRUE;
            }
        }
    }
  g_clear_object (&merge);
  figures->diverged += diverged;

  side_clear (&a);
  side_clear (&b);
  g_rmdir (dir);
}

/* Fixtures and bad input */

static char *
copy_fixture (const char *name,
              const char *as)
{
  g_autofree char *source = g_build_filename (g_getenv ("CTG_TEST_FIXTURES"), name, NULL);
  char *path = ctg_test_tmp_path (as);

  copy_file (source, path);
  return path;
}

static char *
file_text (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *text = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count (stmt); c++)
      g_string_append_printf (text, "%s%c", sqlite3_column_type (stmt, c) == SQLITE_NULL
                                            ? "(null)" : (const char *) sqlite3_column_text (stmt, c),
                              c + 1 < sqlite3_column_count (stmt) ? '|' : '\n');
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (text, FALSE);
}

static void
file_exec (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Two copies of a v2 file (tests/fixtures/v2-m2a.ctg, made by the v2 build:
 * the m2A example, three edits, the last one undone), each upgraded on its
 * own, agree on every identity, keep their journal and merge */
static void
test_merge_v2_copies (void)
{
  g_autofree char *a_path = copy_fixture ("v2-m2a.ctg", "a.ctg");
  g_autofree char *b_path = copy_fixture ("v2-m2a.ctg", "b.ctg");
  g_autofree char *a_ids = NULL;
  g_autofree char *b_ids = NULL;
  g_autofree char *nulls = NULL;
  g_autofree char *progress = NULL;
  g_autoptr(CtgDocument) a = NULL;
  g_autoptr(CtgDocument) b = NULL;
  g_autoptr(CtgMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  const char *ids_sql = "SELECT (SELECT lineage FROM convention), (SELECT group_concat(uuid) FROM action),"
                        " (SELECT group_concat(uuid) FROM participant), (SELECT group_concat(uuid) FROM txn),"
                        " (SELECT group_concat(state) FROM history)";

  {
    g_autofree char *version = file_text (a_path, "PRAGMA user_version");

    g_assert_cmpstr (version, ==, "2\n");
  }

  a = ctg_document_open (a_path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  b = ctg_document_open (b_path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  ctg_document_close (a);
  ctg_document_close (b);
  g_clear_object (&a);
  g_clear_object (&b);

  a_ids = file_text (a_path, ids_sql);
  b_ids = file_text (b_path, ids_sql);
  g_assert_cmpstr (a_ids, ==, b_ids);
  g_assert_cmpuint (strlen (a_ids), >, 100);
  {
    GString *sql = g_string_new ("SELECT 0");
    g_autofree char *text = NULL;

    for (guint t = 0; t < CTG_N_ITEM_KINDS; t++)
      g_string_append_printf (sql, " + (SELECT count(*) FROM %s WHERE uuid IS NULL)", ctg_item_kind_to_table (t));
    g_string_append (sql, " + (SELECT count(*) FROM txn WHERE uuid IS NULL)");
    text = g_string_free (sql, FALSE);
    nulls = file_text (a_path, text);
    g_assert_cmpstr (nulls, ==, "0\n");
  }
  g_assert_cmpint (sqlite3_open_v2 (a_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_true (_ctg_schema_verify (db, CTG_SCHEMA_VERSION, &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  /* Each copy edits, then A takes B */
  a = ctg_document_open (a_path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_true (ctg_document_set (a, CTG_ITEM_ACTION, 4, "status", "done", &error));
  b = ctg_document_open (b_path, CTG_OPEN_FLAGS_NONE, &error);
  /* The redo kept from v2 still redoes, and is B's change too */
  g_assert_true (ctg_document_redo (b, &error));
  g_assert_no_error (error);
  g_assert_true (ctg_document_set (b, CTG_ITEM_ACTION, 5, "progress", "70", &error));
  ctg_document_close (b);
  g_clear_object (&b);

  merge = ctg_merge_new (a, b_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ctg_merge_get_conflicts (merge)->len, ==, 0);
  g_assert_cmpuint (ctg_merge_get_changes (merge)->len, ==, 2);
  g_assert_true (ctg_merge_apply (merge, &error));
  g_assert_no_error (error);
  progress = ctg_document_dup_text (a, CTG_ITEM_ACTION, 5, "progress");
  g_assert_cmpstr (progress, ==, "70");
  g_free (progress);
  progress = ctg_document_dup_text (a, CTG_ITEM_ACTION, 3, "progress");
  g_assert_cmpstr (progress, ==, "10");
  g_free (progress);
  progress = ctg_document_dup_text (a, CTG_ITEM_ACTION, 4, "status");
  g_assert_cmpstr (progress, ==, "done");

  /* One undo takes the whole merge back */
  g_assert_true (ctg_document_undo (a, &error));
  g_clear_pointer (&progress, g_free);
  progress = ctg_document_dup_text (a, CTG_ITEM_ACTION, 5, "progress");
  g_assert_null (progress);
}

/* A v1 file reaches v3 too, every row with an identity */
static void
test_merge_v1_upgrade (void)
{
  g_autofree char *path = copy_fixture ("v1-m2a.ctg", "v1.ctg");
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  ctg_document_close (doc);
  text = file_text (path, "SELECT (SELECT count(*) FROM action WHERE uuid IS NULL) +"
                          " (SELECT count(*) FROM evaluation_indicator WHERE uuid IS NULL) +"
                          " (SELECT count(*) FROM participant WHERE uuid IS NULL),"
                          " (SELECT count(*) FROM history), (SELECT lineage IS NOT NULL FROM convention)");
  g_assert_cmpstr (text, ==, "0|1|1\n");
}

static void
assert_refused (CtgDocument  *ours,
                const char   *theirs,
                GQuark        domain,
                int           code,
                const char   *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = ctg_test_read_file (ctg_document_get_path (ours), NULL);
  g_autofree char *after = NULL;
  g_autoptr(CtgMerge) merge = ctg_merge_new (ours, theirs, &error);

  g_assert_null (merge);
  g_assert_error (error, domain, code);
  if (words)
    g_assert_nonnull (strstr (error->message, words));
  after = ctg_test_read_file (ctg_document_get_path (ours), NULL);
  g_assert_cmpstr (after, ==, before);
}

static void
test_merge_bad_input (void)
{
  g_autofree char *dir = ctg_test_tmp_path ("bad");
  g_autofree char *ours_path = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *newer_path = NULL;
  g_autofree char *damaged_path = NULL;
  g_autofree char *locked_path = NULL;
  g_autofree char *cut_path = NULL;
  g_autofree char *journal_cut_path = NULL;
  g_autoptr(CtgDocument) ours = NULL;
  g_autoptr(CtgDocument) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  int fd;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  ours_path = g_build_filename (dir, "ours.ctg", NULL);
  copy_file (base_path, ours_path);
  newer_path = g_build_filename (dir, "newer.ctg", NULL);
  copy_file (base_path, newer_path);
  file_exec (newer_path, "PRAGMA user_version = 99");
  damaged_path = g_build_filename (dir, "damaged.ctg", NULL);
  data = ctg_test_read_file (base_path, &length);
  memset (data + 4096, 0x5a, 4096);
  g_assert_true (g_file_set_contents (damaged_path, data, (gssize) length, NULL));
  locked_path = g_build_filename (dir, "locked.ctg", NULL);
  copy_file (base_path, locked_path);

  /* History cut: the copy's history no longer holds where they parted */
  cut_path = g_build_filename (dir, "cut.ctg", NULL);
  copy_file (base_path, cut_path);
  file_exec (cut_path, "DELETE FROM history; INSERT INTO history (state, op) VALUES ('elsewhere', 'init')");

  other = ctg_test_new_document ();
  other_path = g_strdup (ctg_document_get_path (other));
  ctg_document_close (other);

  ours = ctg_document_open (ours_path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (ctg_document_set (ours, CTG_ITEM_ACTION, 1, "title", "Ours", &error));

  assert_refused (ours, ours_path, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE, "itself");
  assert_refused (ours, other_path, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_UNRELATED, "never one");
  assert_refused (ours, newer_path, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NEWER_VERSION, NULL);
  assert_refused (ours, damaged_path, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DAMAGED, NULL);
  assert_refused (ours, cut_path, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_UNRELATED, "history");
  assert_refused (ours, "/nonexistent/x.ctg", CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NOT_FOUND, NULL);

  /* Another program editing it holds its lock */
  fd = g_open (locked_path, O_RDWR, 0);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);
  assert_refused (ours, locked_path, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_ALREADY_OPEN, NULL);
  close (fd);

  /* Ours itself cut: the journal of its own edit since they parted is gone */
  ctg_document_close (ours);
  g_clear_object (&ours);
  journal_cut_path = g_build_filename (dir, "journal-cut.ctg", NULL);
  copy_file (base_path, journal_cut_path);
  {
    g_autoptr(CtgDocument) theirs = ctg_document_open (journal_cut_path, CTG_OPEN_FLAGS_NONE, &error);

    g_assert_true (ctg_document_set (theirs, CTG_ITEM_ACTION, 2, "title", "Theirs", &error));
    ctg_document_close (theirs);
  }
  file_exec (ours_path, "DELETE FROM journal WHERE txn_id = (SELECT max(id) FROM txn)");
  ours = ctg_document_open (ours_path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  assert_refused (ours, journal_cut_path, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_UNRELATED, "history");
}

/* ctg merge: conflicts listed, nothing written, status 3; --dry-run writes
 * nothing; --theirs resolves and applies; the same copy again brings nothing */
static void
test_merge_cli (void)
{
  g_autofree char *dir = ctg_test_tmp_path ("cli");
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char *out = NULL;
  char *err = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  ours = g_build_filename (dir, "ours.ctg", NULL);
  theirs = g_build_filename (dir, "theirs.ctg", NULL);
  copy_file (base_path, ours);
  copy_file (base_path, theirs);
  g_assert_cmpint (ctg_test_run_cli (NULL, NULL, "set", ours, "1", "--status", "done", NULL), ==, 0);
  g_assert_cmpint (ctg_test_run_cli (NULL, NULL, "set", theirs, "1", "--status", "postponed", "--progress", "30", NULL), ==, 0);

  before = ctg_test_read_file (ours, NULL);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "merge", ours, theirs, NULL), ==, 3);
  g_assert_nonnull (strstr (out, "1 conflict"));
  g_assert_nonnull (strstr (out, "status"));
  g_assert_nonnull (strstr (out, "Done"));
  g_assert_nonnull (strstr (out, "Postponed"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  after = ctg_test_read_file (ours, NULL);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  g_assert_cmpint (ctg_test_run_cli (&out, &err, "merge", ours, theirs, "--theirs", "--dry-run", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "progress"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  after = ctg_test_read_file (ours, NULL);
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpint (ctg_test_run_cli (&out, &err, "merge", ours, theirs, "--theirs", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Merged"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, NULL, "list", ours, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Postponed 30"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (ctg_test_run_cli (&out, &err, "merge", ours, theirs, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Nothing to merge"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ctg_test_run_cli (&out, &err, "merge", ours, ours, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "itself"));
  g_free (out);
  g_free (err);
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value && *value ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

static void
test_merge_scenarios (void)
{
  const char *replay = g_getenv ("CTG_MERGE_SEED");
  guint runs = env_uint ("CTG_MERGE_RUNS", 1000);
  guint32 seed = env_uint ("CTG_MERGE_SEED", (guint) (g_get_real_time () % G_MAXUINT32));
  Figures figures = { 0 };

  if (replay != NULL && *replay)
    {
      verbose = TRUE;
      runs = 1;
    }
  for (guint i = 0; i < runs; i++)
    run_scenario (seed + i, &figures);

  g_test_message ("merge: seed=%u scenarios=%u lost=%u spurious-conflicts=%u missed-conflicts=%u diverged=%u",
                  seed, runs, figures.lost, figures.spurious, figures.missed, figures.diverged);
  g_assert_cmpuint (figures.lost, ==, 0);
  g_assert_cmpuint (figures.spurious, ==, 0);
  g_assert_cmpuint (figures.missed, ==, 0);
  g_assert_cmpuint (figures.diverged, ==, 0);
}

/* A conflict names an evaluation indicator as the app shows it: a default
 * one stored in English by an older version in French, with its fields and
 * levels in the reader's words, not the file's keys */
static void
test_merge_french_names (void)
{
  g_autofree char *dir = ctg_test_tmp_path ("french-names");
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not generated");
      return;
    }
  setlocale (LC_ALL, "");

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  ours = g_build_filename (dir, "ours.ctg", NULL);
  theirs = g_build_filename (dir, "theirs.ctg", NULL);
  doc = ctg_document_create (ours, &error);
  g_assert_no_error (error);
  ids = ctg_document_list_ids (doc, CTG_ITEM_EVALUATION_INDICATOR, 0);
  g_assert_true (ctg_document_set (doc, CTG_ITEM_EVALUATION_INDICATOR, g_array_index (ids, gint64, 0), "name",
                                   "Completion or not of the action sheets", &error));
  g_assert_no_error (error);
  g_clear_object (&doc);
  copy_file (ours, theirs);

  g_assert_cmpint (ctg_test_run_cli (NULL, NULL, "assess", ours, "1", "2025", "--level", "atteint", NULL), ==, 0);
  g_assert_cmpint (ctg_test_run_cli (NULL, NULL, "indicator", ours, "convention", "1", "--unit", "fiches", NULL), ==, 0);
  g_assert_cmpint (ctg_test_run_cli (NULL, NULL, "assess", theirs, "1", "2025", "--level", "non atteint", NULL), ==, 0);
  g_assert_cmpint (ctg_test_run_cli (NULL, NULL, "indicator", theirs, "convention", "1", "--unit", "actions", NULL), ==, 0);

  g_assert_cmpint (ctg_test_run_cli_french (&out, &err, "merge", ours, theirs, NULL), ==, 3);
  g_assert_nonnull (strstr (out, "2 conflits"));
  g_assert_nonnull (strstr (out, "Indicateur d’évaluation « Réalisation ou non des fiches actions » : unité\n"));
  g_assert_nonnull (strstr (out, "Appréciation « 2025 » de « Réalisation ou non des fiches actions » : niveau\n"));
  g_assert_nonnull (strstr (out, "cette copie :     Atteint\n"));
  g_assert_nonnull (strstr (out, "l’autre copie :   Non atteint\n"));
  g_assert_null (strstr (out, "Completion or not"));
  g_assert_null (strstr (out, "not-met"));
}

int
main (int    argc,
      char **argv)
{
  /* A thousand scenarios write a few hundred thousand transactions: in
   * memory, when the machine has a tmpfs, rather than waiting on a disk */
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && access ("/dev/shm", W_OK) == 0)
    g_setenv ("TMPDIR", "/dev/shm", TRUE);
  ctg_test_init (&argc, &argv);

  make_base ();
  g_test_add_func ("/merge/v2-copies", test_merge_v2_copies);
  g_test_add_func ("/merge/v1-upgrade", test_merge_v1_upgrade);
  g_test_add_func ("/merge/bad-input", test_merge_bad_input);
  g_test_add_func ("/merge/cli", test_merge_cli);
  g_test_add_func ("/merge/french-names", test_merge_french_names);
  g_test_add_func ("/merge/scenarios", test_merge_scenarios);

  return g_test_run ();
}
