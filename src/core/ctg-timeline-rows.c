/* ctg-timeline-rows.c: the rows of the timeline, grouped and folded
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The actions in plan order under a header for each axis and each
 * objective; the actions with no date at all last, under a header of their
 * own. Kept apart from the widget that draws them so that the tests can
 * check the grouping without a display.
 */

#define G_LOG_DOMAIN "ctg-timeline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ctg-item.h"
#include "ctg-timeline-rows.h"

static void
row_clear (CtgTimelineRow *row)
{
  g_clear_pointer (&row->title, g_free);
  g_clear_object (&row->action);
}

static void
extend_range (guint32       *first,
              guint32       *last,
              const CtgDate *date)
{
  guint32 day;

  if (!ctg_date_is_set (date))
    return;
  day = ctg_date_first_julian (date);
  *first = *first == 0 ? day : MIN (*first, day);
  *last = MAX (*last, ctg_date_last_julian (date));
}

static void
extend_range_text (guint32    *first,
                   guint32    *last,
                   const char *text)
{
  CtgDate date;

  if (text != NULL && ctg_date_parse (text, &date))
    extend_range (first, last, &date);
}

/**
 * ctg_timeline_rows_build:
 * @document: the convention
 * @today: the day drawn as today, always inside the scale
 * @first_day: (out): the julian day at the left edge of the scale
 * @n_days: (out): the days of the scale
 *
 * The rows of the timeline. The scale spans whole years: the convention's
 * period, every date and today.
 *
 * Returns: (transfer full): a #GArray of #CtgTimelineRow, which frees them
 */
GArray *
ctg_timeline_rows_build (CtgDocument *document,
                         const GDate *today,
                         guint32     *first_day,
                         guint32     *n_days)
{
  g_autoptr(GListModel) actions = ctg_document_list_actions (document, 0);
  g_autoptr(GArray) axes = ctg_document_list_ids (document, CTG_ITEM_AXIS, 0);
  g_autoptr(GArray) undated = g_array_new (FALSE, TRUE, sizeof (CtgTimelineRow));
  g_autoptr(CtgItem) convention = ctg_document_get_item (document, CTG_ITEM_CONVENTION, 1);
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (CtgTimelineRow));
  gint64 axis = -1, objective = -1;
  guint axis_header = 0, objective_header = 0;
  guint32 first = 0, last = 0;
  guint n = g_list_model_get_n_items (actions);
  GDate a, b;

  g_return_val_if_fail (CTG_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);
      CtgTimelineRow row = { CTG_TIMELINE_ROW_ACTION, ctg_action_get_id (action), NULL, 0, NULL };
      const CtgDate *start = ctg_action_get_start (action);
      const CtgDate *end = ctg_action_get_echeance (action);

      row.action = g_object_ref (action);
      row.overdue = ctg_action_is_overdue (action, today);
      row.start = ctg_date_is_set (start) ? *start : *end;
      row.end = ctg_date_is_set (end) ? *end : *start;

      if (!ctg_date_is_set (start) && !ctg_date_is_set (end))
        {
          g_array_append_val (undated, row);
          continue;
        }
      extend_range (&first, &last, &row.start);
      extend_range (&first, &last, &row.end);

      if (ctg_action_get_axis_id (action) != axis)
        {
          CtgTimelineRow header = { CTG_TIMELINE_ROW_AXIS, ctg_action_get_axis_id (action), NULL };
          g_autofree char *title = ctg_document_dup_title (document, CTG_ITEM_AXIS, header.id);
          guint number = 0;

          for (guint k = 0; k < axes->len; k++)
            if (g_array_index (axes, gint64, k) == header.id)
              number = k + 1;
          header.title = g_strdup_printf ("%u. %s", number, title ? title : "");
          axis = header.id;
          objective = -1;
          axis_header = rows->len;
          g_array_append_val (rows, header);
        }
      if (ctg_action_get_objective_id (action) != objective)
        {
          CtgTimelineRow header = { CTG_TIMELINE_ROW_OBJECTIVE, ctg_action_get_objective_id (action), NULL };
          g_autofree char *title = ctg_document_dup_title (document, CTG_ITEM_OBJECTIVE, header.id);

          header.title = g_strdup (title && title[0] ? title : _("(no objective)"));
          objective = header.id;
          objective_header = rows->len;
          g_array_append_val (rows, header);
        }
      g_array_index (rows, CtgTimelineRow, axis_header).n_children++;
      g_array_index (rows, CtgTimelineRow, objective_header).n_children++;
      g_array_append_val (rows, row);
    }

  if (undated->len > 0)
    {
      CtgTimelineRow header = { CTG_TIMELINE_ROW_UNDATED, 0, g_strdup (_("Actions without dates")), undated->len };

      g_array_append_val (rows, header);
      g_array_append_vals (rows, undated->data, undated->len);
      /* The rows now own the references */
      g_array_set_size (undated, 0);
    }

  if (convention != NULL)
    {
      extend_range_text (&first, &last, ctg_item_get_text (convention, "period-start"));
      extend_range_text (&first, &last, ctg_item_get_text (convention, "period-end"));
    }
  first = first == 0 ? g_date_get_julian (today) : MIN (first, g_date_get_julian (today));
  last = MAX (last, g_date_get_julian (today));

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_julian (&a, first);
  g_date_set_julian (&b, last);
  g_date_set_dmy (&a, 1, 1, g_date_get_year (&a));
  g_date_set_dmy (&b, 31, 12, g_date_get_year (&b));
  *first_day = g_date_get_julian (&a);
  *n_days = g_date_get_julian (&b) - *first_day + 1;
  return rows;
}

/**
 * ctg_timeline_row_group_key:
 *
 * Returns: (nullable): the key that folds a header's group ("a<id>",
 * "o<id>", "u"), %NULL for an action
 */
char *
ctg_timeline_row_group_key (const CtgTimelineRow *row)
{
  switch (row->kind)
    {
    case CTG_TIMELINE_ROW_AXIS:
      return g_strdup_printf ("a%" G_GINT64_FORMAT, row->id);
    case CTG_TIMELINE_ROW_OBJECTIVE:
      return g_strdup_printf ("o%" G_GINT64_FORMAT, row->id);
    case CTG_TIMELINE_ROW_UNDATED:
      return g_strdup ("u");
    case CTG_TIMELINE_ROW_ACTION:
    default:
      return NULL;
    }
}

/**
 * ctg_timeline_row_is_folded:
 *
 * Returns: whether @row is a header whose group @collapsed folds
 */
gboolean
ctg_timeline_row_is_folded (const CtgTimelineRow *row,
                            GHashTable           *collapsed)
{
  g_autofree char *key = ctg_timeline_row_group_key (row);

  return key != NULL && g_hash_table_contains (collapsed, key);
}

/**
 * ctg_timeline_rows_fold:
 * @rows: rows from ctg_timeline_rows_build()
 * @collapsed: the group keys folded (see ctg_timeline_row_group_key())
 * @visible: (out caller-allocates): set to the indices (guint) in @rows
 *   of the rows shown
 *
 * A folded axis or undated group hides everything below it up to the next
 * group; a folded objective its actions. The headers always show.
 */
void
ctg_timeline_rows_fold (GArray     *rows,
                        GHashTable *collapsed,
                        GArray     *visible)
{
  gboolean skip_group = FALSE;    /* inside a collapsed axis or the undated group */
  gboolean skip_objective = FALSE;

  g_array_set_size (visible, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      const CtgTimelineRow *row = &g_array_index (rows, CtgTimelineRow, i);

      if (row->kind == CTG_TIMELINE_ROW_AXIS || row->kind == CTG_TIMELINE_ROW_UNDATED)
        {
          skip_group = ctg_timeline_row_is_folded (row, collapsed);
          skip_objective = FALSE;
        }
      else if (skip_group)
        continue;
      else if (row->kind == CTG_TIMELINE_ROW_OBJECTIVE)
        skip_objective = ctg_timeline_row_is_folded (row, collapsed);
      else if (skip_objective)
        continue;
      g_array_append_val (visible, i);
    }
}
