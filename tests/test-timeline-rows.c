/* test-timeline-rows.c: the timeline's rows, grouped and folded, without a display
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ctg-test-util.h"
#include "ctg-timeline-rows.h"

typedef struct
{
  CtgDocument *doc;
  gint64       axis1, axis2;
  gint64       obj1, obj2, obj3;
  gint64       dated1, dated2, undated, dated3;
} Fixture;

static void
set (CtgDocument *doc,
     CtgItemKind  kind,
     gint64       id,
     const char  *field,
     const char  *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ctg_document_set (doc, kind, id, field, value, &error));
  g_assert_no_error (error);
}

/* Axis 1: objective 1 (two dated actions, one undated), objective 2 (empty);
 * axis 2: objective 3 (one dated action, no objective title) */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->doc = ctg_test_new_document ();
  f->axis1 = ctg_document_add_item (f->doc, CTG_ITEM_AXIS, 0, "Petite enfance", &error);
  f->axis2 = ctg_document_add_item (f->doc, CTG_ITEM_AXIS, 0, "Jeunesse", &error);
  f->obj1 = ctg_document_add_objective (f->doc, f->axis1, 0, 0, "Développer l'accueil", &error);
  f->obj2 = ctg_document_add_objective (f->doc, f->axis1, 0, 0, "Sans action", &error);
  f->obj3 = ctg_document_add_objective (f->doc, f->axis2, 0, 0, "", &error);
  f->dated1 = ctg_document_add_item (f->doc, CTG_ITEM_ACTION, f->obj1, "Micro-crèche", &error);
  f->undated = ctg_document_add_item (f->doc, CTG_ITEM_ACTION, f->obj1, "Sans date", &error);
  f->dated2 = ctg_document_add_item (f->doc, CTG_ITEM_ACTION, f->obj1, "RPE", &error);
  f->dated3 = ctg_document_add_item (f->doc, CTG_ITEM_ACTION, f->obj3, "Point jeunes", &error);
  g_assert_no_error (error);
  set (f->doc, CTG_ITEM_ACTION, f->dated1, "start", "03/2024");
  set (f->doc, CTG_ITEM_ACTION, f->dated1, "echeance", "2025");
  set (f->doc, CTG_ITEM_ACTION, f->dated2, "echeance", "15/06/2023");   /* no start: a point */
  set (f->doc, CTG_ITEM_ACTION, f->dated3, "start", "2022");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->doc);
}

static GDate *
day (guint d, GDateMonth m, guint y)
{
  return g_date_new_dmy (d, m, y);
}

static const CtgTimelineRow *
row_at (GArray *rows,
        guint   i)
{
  g_assert_cmpuint (i, <, rows->len);
  return &g_array_index (rows, CtgTimelineRow, i);
}

static void
test_grouping (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GDate) today = day (1, G_DATE_JANUARY, 2024);
  g_autoptr(GArray) rows = NULL;
  guint32 first = 0, n_days = 0;
  const CtgTimelineRow *row;

  rows = ctg_timeline_rows_build (f->doc, today, &first, &n_days);
  /* axis 1, obj 1, two actions; axis 2, obj 3, one action; undated header, one action */
  g_assert_cmpuint (rows->len, ==, 9);

  row = row_at (rows, 0);
  g_assert_cmpint (row->kind, ==, CTG_TIMELINE_ROW_AXIS);
  g_assert_cmpint (row->id, ==, f->axis1);
  g_assert_cmpstr (row->title, ==, "1. Petite enfance");
  g_assert_cmpuint (row->n_children, ==, 2);
  row = row_at (rows, 1);
  g_assert_cmpint (row->kind, ==, CTG_TIMELINE_ROW_OBJECTIVE);
  g_assert_cmpint (row->id, ==, f->obj1);
  g_assert_cmpstr (row->title, ==, "Développer l'accueil");
  g_assert_cmpuint (row->n_children, ==, 2);
  row = row_at (rows, 2);
  g_assert_cmpint (row->kind, ==, CTG_TIMELINE_ROW_ACTION);
  g_assert_cmpint (row->id, ==, f->dated1);
  g_assert_true (CTG_IS_ACTION (row->action));
  row = row_at (rows, 3);
  g_assert_cmpint (row->id, ==, f->dated2);
  /* A missing start borrows the échéance: drawn as a point */
  g_assert_cmpuint (row->start.year, ==, 2023);
  g_assert_cmpuint (row->start.month, ==, 6);
  g_assert_cmpuint (row->start.day, ==, 15);
  g_assert_true (memcmp (&row->start, &row->end, sizeof (CtgDate)) == 0);
  /* An objective without actions has no header */
  row = row_at (rows, 4);
  g_assert_cmpint (row->kind, ==, CTG_TIMELINE_ROW_AXIS);
  g_assert_cmpstr (row->title, ==, "2. Jeunesse");
  row = row_at (rows, 5);
  g_assert_cmpint (row->kind, ==, CTG_TIMELINE_ROW_OBJECTIVE);
  g_assert_cmpstr (row->title, ==, "(no objective)");
  g_assert_cmpint (row_at (rows, 6)->id, ==, f->dated3);
  /* Actions with no date at all come last, under their own header */
  row = row_at (rows, 7);
  g_assert_cmpint (row->kind, ==, CTG_TIMELINE_ROW_UNDATED);
  g_assert_cmpuint (row->n_children, ==, 1);
  g_assert_cmpint (row_at (rows, 8)->id, ==, f->undated);
  g_assert_false (ctg_date_is_set (&row_at (rows, 8)->start));

  /* Overdue against the day given */
  g_assert_true (row_at (rows, 3)->overdue);
  g_assert_false (row_at (rows, 2)->overdue);
}

static void
test_scale (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GDate) today = day (10, G_DATE_MAY, 2024);
  g_autoptr(GDate) later = day (2, G_DATE_FEBRUARY, 2031);
  g_autoptr(GDate) jan_2022 = day (1, G_DATE_JANUARY, 2022);
  g_autoptr(GDate) dec_2025 = day (31, G_DATE_DECEMBER, 2025);
  g_autoptr(GDate) jan_2020 = day (1, G_DATE_JANUARY, 2020);
  g_autoptr(GDate) dec_2031 = day (31, G_DATE_DECEMBER, 2031);
  g_autoptr(GDate) dec_2026 = day (31, G_DATE_DECEMBER, 2026);
  guint32 first = 0, n_days = 0;
  GArray *rows;

  /* Whole years from the first date (2022) to the last (2025) */
  rows = ctg_timeline_rows_build (f->doc, today, &first, &n_days);
  g_assert_cmpuint (first, ==, g_date_get_julian (jan_2022));
  g_assert_cmpuint (first + n_days - 1, ==, g_date_get_julian (dec_2025));
  g_array_unref (rows);

  /* Today is always on the scale */
  rows = ctg_timeline_rows_build (f->doc, later, &first, &n_days);
  g_assert_cmpuint (first + n_days - 1, ==, g_date_get_julian (dec_2031));
  g_array_unref (rows);

  /* So is the convention's period */
  set (f->doc, CTG_ITEM_CONVENTION, 1, "period_start", "12/2020");
  set (f->doc, CTG_ITEM_CONVENTION, 1, "period_end", "31/12/2026");
  rows = ctg_timeline_rows_build (f->doc, today, &first, &n_days);
  g_assert_cmpuint (first, ==, g_date_get_julian (jan_2020));
  g_assert_cmpuint (first + n_days - 1, ==, g_date_get_julian (dec_2026));
  g_array_unref (rows);
}

static guint
fold (GArray      *rows,
      const char **keys,
      GArray      *visible)
{
  g_autoptr(GHashTable) collapsed = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; keys[i] != NULL; i++)
    g_hash_table_add (collapsed, (gpointer) keys[i]);
  ctg_timeline_rows_fold (rows, collapsed, visible);
  return visible->len;
}

static void
test_folding (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GDate) today = day (1, G_DATE_JANUARY, 2024);
  g_autoptr(GArray) visible = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) rows = NULL;
  g_autofree char *axis1 = g_strdup_printf ("a%" G_GINT64_FORMAT, f->axis1);
  g_autofree char *obj1 = g_strdup_printf ("o%" G_GINT64_FORMAT, f->obj1);
  g_autofree char *obj3 = g_strdup_printf ("o%" G_GINT64_FORMAT, f->obj3);
  g_autofree char *key = NULL;
  guint32 first, n_days;

  rows = ctg_timeline_rows_build (f->doc, today, &first, &n_days);

  g_assert_cmpuint (fold (rows, (const char *[]) { NULL }, visible), ==, 9);

  /* An axis hides its objectives and actions, up to the next axis */
  g_assert_cmpuint (fold (rows, (const char *[]) { axis1, NULL }, visible), ==, 6);
  g_assert_cmpuint (g_array_index (visible, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (visible, guint, 1), ==, 4);

  /* An objective hides its actions only */
  g_assert_cmpuint (fold (rows, (const char *[]) { obj1, NULL }, visible), ==, 7);
  g_assert_cmpuint (g_array_index (visible, guint, 2), ==, 4);

  /* The undated group, and a folded objective inside a folded axis */
  g_assert_cmpuint (fold (rows, (const char *[]) { "u", obj3, axis1, obj1, NULL }, visible), ==, 4);
  g_assert_cmpuint (g_array_index (visible, guint, 3), ==, 7);

  /* The keys, and which rows are folded */
  key = ctg_timeline_row_group_key (row_at (rows, 1));
  g_assert_cmpstr (key, ==, obj1);
  g_assert_null (ctg_timeline_row_group_key (row_at (rows, 2)));
  {
    g_autoptr(GHashTable) collapsed = g_hash_table_new (g_str_hash, g_str_equal);

    g_hash_table_add (collapsed, obj1);
    g_assert_true (ctg_timeline_row_is_folded (row_at (rows, 1), collapsed));
    g_assert_false (ctg_timeline_row_is_folded (row_at (rows, 0), collapsed));
    g_assert_false (ctg_timeline_row_is_folded (row_at (rows, 2), collapsed));
  }
}

/* A renamed axis is read from its live item on the next build */
static void
test_follows_titles (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GDate) today = day (1, G_DATE_JANUARY, 2024);
  g_autoptr(GArray) rows = NULL;
  guint32 first, n_days;

  set (f->doc, CTG_ITEM_AXIS, f->axis2, "title", "Enfance et jeunesse");
  rows = ctg_timeline_rows_build (f->doc, today, &first, &n_days);
  g_assert_cmpstr (row_at (rows, 4)->title, ==, "2. Enfance et jeunesse");
}

int
main (int   argc,
      char *argv[])
{
  ctg_test_init (&argc, &argv);

  g_test_add ("/timeline-rows/grouping", Fixture, NULL, fixture_set_up, test_grouping, fixture_tear_down);
  g_test_add ("/timeline-rows/scale", Fixture, NULL, fixture_set_up, test_scale, fixture_tear_down);
  g_test_add ("/timeline-rows/folding", Fixture, NULL, fixture_set_up, test_folding, fixture_tear_down);
  g_test_add ("/timeline-rows/follows-titles", Fixture, NULL, fixture_set_up, test_follows_titles, fixture_tear_down);
  return g_test_run ();
}
