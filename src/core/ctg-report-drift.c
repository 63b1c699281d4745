/* ctg-report-drift.c: "Glissements depuis le …" in the COPIL report
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "ctg-document-private.h"
#include "ctg-report-private.h"

#define DRIFT_DEST "drift"

static const TextStyle drift_title = { FONT_H2, &report_accent, .above = 20, .below = 6, .keep = 80 };
static const TextStyle drift_summary = { FONT_SMALL_BOLD, &report_text, .below = 6 };
static const TextStyle drift_axis_heading = { FONT_H3, &report_text, .above = 10, .below = 4, .keep = 60 };
static const TextStyle drift_none = { FONT_SMALL, &report_secondary, .below = 4 };
/* A list of the actions of one kind of drift */
static const TextStyle names_heading = { FONT_H3, &report_text, .above = 10, .below = 4, .keep = 40 };
static const TextStyle names_text = { FONT_SMALL, &report_text, .below = 4 };

/**
 * _ctg_report_read_drift:
 *
 * Works out, from the journal, what slipped since the report's date
 * (ctg-drift.c); the section is written from it without the document.
 */
void
_ctg_report_read_drift (CtgReport   *self,
                        CtgDocument *doc)
{
  g_clear_pointer (&self->drift, ctg_drift_free);
  if (self->since != NULL)
    self->drift = ctg_drift_compute (doc, self->since);
}

static CtgAction *
find_action (CtgReport *report,
             gint64     id,
             guint     *axis_index)
{
  for (guint a = 0; a < report->axes->len; a++)
    {
      ReportAxis *axis = g_ptr_array_index (report->axes, a);

      for (guint i = 0; i < axis->actions->len; i++)
        if (ctg_action_get_id (g_ptr_array_index (axis->actions, i)) == id)
          {
            *axis_index = a;
            return g_ptr_array_index (axis->actions, i);
          }
    }
  return NULL;
}

static char *
date_text (const char *iso)
{
  CtgDate date;

  if (iso == NULL || !ctg_date_parse (iso, &date))
    return g_strdup ("—");
  return ctg_date_format (&date);
}

static char *
status_text (const char *key)
{
  CtgStatus status;

  return ctg_status_from_key (key, &status) ? g_strdup (ctg_status_to_label (status)) : g_strdup ("—");
}

/* The names of the actions of one kind of drift, in one paragraph */
static void
write_names (Writer       *w,
             CtgDriftKind  kind,
             const char   *title)
{
  CtgReport *report = w->report;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < report->drift->items->len; i++)
    {
      CtgDriftItem *item = g_ptr_array_index (report->drift->items, i);
      guint axis_index = 0;
      CtgAction *action;
      g_autofree char *name = NULL;

      if (item->kind != kind)
        continue;
      action = find_action (report, item->action_id, &axis_index);
      if (action == NULL && !item->deleted)
        continue;   /* an action of an axis left out of the report */
      if (action != NULL)
        name = _ctg_report_action_title (action);
      else
        /* Translators: an action deleted from the plan, by its last title */
        name = g_strdup_printf (_("%s (deleted)"), item->title ? item->title : "");
      if (kind == CTG_DRIFT_STATUS_BACK)
        {
          g_autofree char *from = status_text (item->from);
          g_autofree char *to = status_text (item->to);

          /* Translators: an action whose status went back, "FA 1.2 Crèche: réalisée → en cours" */
          g_string_append_printf (text, "%s%s", n ? "\n" : "", name);
          g_string_append_printf (text, _(": %s → %s"), from, to);
        }
      else
        g_string_append_printf (text, "%s%s", n ? "\n" : "", name);
      n++;
    }
  if (n == 0)
    return;
  writer_heading (w, title, &names_heading, NULL);
  writer_paragraph (w, text->str, &names_text);
}

/**
 * _ctg_report_drift:
 *
 * "Glissements depuis le …": each action whose échéance moved (from → to,
 * by how many months), grouped by axis, then the statuses that went back,
 * the actions added and those abandoned.
 */
void
_ctg_report_drift (Writer *w)
{
  CtgReport *report = w->report;
  CtgDrift *drift = report->drift;
  CtgDate since;
  g_autofree char *since_text = NULL;
  g_autofree char *heading = NULL;
  guint later, earlier;

  if (drift == NULL)
    return;
  ctg_date_parse (report->since, &since);
  since_text = ctg_date_format (&since);
  /* Translators: a heading of the COPIL report, "Glissements depuis le 1er octobre 2024" */
  heading = g_strdup_printf (_("Drift since %s"), since_text);
  writer_heading (w, heading, &drift_title, DRIFT_DEST);
  writer_add_outline (w, CAIRO_PDF_OUTLINE_ROOT, heading, DRIFT_DEST, FALSE);

  later = ctg_drift_count (drift, CTG_DRIFT_MOVED, TRUE);
  earlier = ctg_drift_count (drift, CTG_DRIFT_MOVED, FALSE) - later;
  {
    g_autofree char *summary =
      /* Translators: the counts of the drift section, all four numbers */
      g_strdup_printf (_("Échéances moved later: %u · moved earlier: %u · statuses gone back: %u · "
                         "actions added: %u · abandoned or deleted: %u"),
                       later, earlier, ctg_drift_count (drift, CTG_DRIFT_STATUS_BACK, FALSE),
                       ctg_drift_count (drift, CTG_DRIFT_ADDED, FALSE),
                       ctg_drift_count (drift, CTG_DRIFT_ABANDONED, FALSE));

    writer_paragraph (w, summary, &drift_summary);
  }

  for (guint a = 0; a < report->axes->len && !w->cancelled; a++)
    {
      ReportAxis *axis = g_ptr_array_index (report->axes, a);
      Table t;
      TableRow row = { 0 };
      gboolean started = FALSE;

      for (guint i = 0; i < drift->items->len; i++)
        {
          CtgDriftItem *item = g_ptr_array_index (drift->items, i);
          guint axis_index = G_MAXUINT;
          CtgAction *action;
          g_autofree char *title = NULL;
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;
          g_autofree char *shift = NULL;

          if (item->kind != CTG_DRIFT_MOVED)
            continue;
          action = find_action (report, item->action_id, &axis_index);
          if (action == NULL || axis_index != a)
            continue;
          if (!started)
            {
              g_autofree char *axis_heading = g_strdup_printf (_("%u. %s"), axis->number,
                                                              axis->title ? axis->title : "");

              writer_heading (w, axis_heading, &drift_axis_heading, NULL);
              table_init (&t, w->left, heading);
              table_add_column (&t, &(TableColumn) { .header = C_("column", "Action") });
              table_add_column (&t, &(TableColumn) { .header = C_("column", "Échéance then"), .width = 90 });
              table_add_column (&t, &(TableColumn) { .header = C_("column", "Échéance now"), .width = 90 });
              table_add_column (&t, &(TableColumn) { .header = C_("column", "Shift"), .width = 60,
                                                     .align = PANGO_ALIGN_RIGHT });
              table_fit_column (w, &t, 0);
              started = TRUE;
            }
          title = _ctg_report_action_title (action);
          from = date_text (item->from);
          to = date_text (item->to);
          /* Translators: how far an échéance moved, "+12 mois" or "−3 mois" */
          shift = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s%d month", "%s%d months", ABS (item->months)),
                                   item->months > 0 ? "+" : "−", ABS (item->months));
          row_set_text (w, &t, &row, 0, title, NULL);
          row_set_text (w, &t, &row, 1, from, &report_secondary);
          row_set_text (w, &t, &row, 2, to, NULL);
          row_set_text (w, &t, &row, 3, shift, item->months > 0 ? &report_overdue : &report_text);
          table_add_row (w, &t, &row);
          if (!writer_tick (w))
            break;
        }
      if (started)
        table_end (w, &t);
    }
  if (ctg_drift_count (drift, CTG_DRIFT_MOVED, FALSE) == 0)
    writer_paragraph (w, _("No échéance has moved."), &drift_none);

  write_names (w, CTG_DRIFT_STATUS_BACK, _("Statuses gone back"));
  write_names (w, CTG_DRIFT_ADDED, _("Actions added"));
  write_names (w, CTG_DRIFT_ABANDONED, _("Actions abandoned or deleted"));
}
