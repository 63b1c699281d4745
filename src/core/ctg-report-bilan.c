/* ctg-report-bilan.c: the annual review (bilan annuel) of the COPIL report
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "ctg-document-private.h"
#include "ctg-number.h"
#include "ctg-report-private.h"

static const TextStyle indicators_heading = { FONT_H2, &report_accent, .above = 14, .below = 6, .keep = 60 };
static const TextStyle charts_heading = { FONT_H3, &report_text, .above = 12, .below = 6, .keep = 150 };
static const TextStyle section_heading = { FONT_H2, &report_accent, .above = 18, .below = 6, .keep = 60 };
/* A section of one line: no table follows */
static const TextStyle empty_section_heading = { FONT_H2, &report_accent, .above = 18, .below = 6, .keep = 40 };

static void
report_assessment_free (ReportAssessment *assessment)
{
  g_free (assessment->name);
  g_free (assessment->value);
  g_free (assessment->comment);
  g_clear_pointer (&assessment->series, ctg_indicator_series_free);
  g_free (assessment);
}

static void
report_year_note_free (ReportYearNote *note)
{
  g_free (note->done);
  g_free (note->difficulties);
  g_free (note->next_steps);
  g_free (note);
}

static char *
dup_or_empty (CtgDocument *doc,
              CtgItemKind  kind,
              gint64       id,
              const char  *field)
{
  char *text = ctg_document_dup_text (doc, kind, id, field);

  return text != NULL ? text : g_strdup ("");
}

/**
 * _ctg_report_read_bilan:
 *
 * Reads what the annual review of @self->bilan_year shows: the convention's
 * indicators with that year's assessment, and each action's note for the year.
 */
void
_ctg_report_read_bilan (CtgReport   *self,
                        CtgDocument *doc)
{
  g_autoptr(GArray) indicators = ctg_document_list_ids (doc, CTG_ITEM_EVALUATION_INDICATOR, 0);
  g_autoptr(GHashTable) notes = NULL;

  self->assessments = g_ptr_array_new_with_free_func ((GDestroyNotify) report_assessment_free);
  self->year_notes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            (GDestroyNotify) report_year_note_free);

  for (guint i = 0; i < indicators->len; i++)
    {
      gint64 id = g_array_index (indicators, gint64, i);
      gint64 row = ctg_document_find_assessment (doc, id, self->bilan_year);
      ReportAssessment *assessment = g_new0 (ReportAssessment, 1);
      g_autofree char *level = NULL;
      g_autofree char *name = ctg_document_dup_text (doc, CTG_ITEM_EVALUATION_INDICATOR, id, "name");

      assessment->name = g_strdup (ctg_evaluation_indicator_shown_name (name));
      assessment->value = row ? dup_or_empty (doc, CTG_ITEM_ASSESSMENT, row, "value") : g_strdup ("");
      assessment->comment = row ? dup_or_empty (doc, CTG_ITEM_ASSESSMENT, row, "comment") : g_strdup ("");
      level = row ? ctg_document_dup_text (doc, CTG_ITEM_ASSESSMENT, row, "level") : NULL;
      if (!ctg_level_from_key (level, &assessment->level))
        assessment->level = CTG_LEVEL_NONE;
      assessment->series = ctg_indicator_series_read (doc, CTG_ITEM_EVALUATION_INDICATOR, id);
      /* The year's measure stands for the assessment when none was written */
      for (guint p = 0; assessment->value[0] == '\0' && p < assessment->series->points->len; p++)
        {
          const CtgIndicatorPoint *point = &g_array_index (assessment->series->points, CtgIndicatorPoint, p);
          g_autofree char *number = NULL;

          if (point->year != self->bilan_year)
            continue;
          number = ctg_number_format (point->value);
          g_free (assessment->value);
          assessment->value = assessment->series->unit[0] != '\0'
            ? g_strdup_printf (C_("measure", "%s %s"), number, assessment->series->unit)
            : g_steal_pointer (&number);
        }
      g_ptr_array_add (self->assessments, assessment);
    }

  /* The progress per axis stands on where the actions were at the end of
   * the year, not today: a December edit is no part of the year before */
  {
    g_autoptr(GHashTable) ends = ctg_document_read_year_ends (doc, self->bilan_year);
    g_autoptr(GListModel) all = ctg_document_list_actions (doc, 0);
    CtgProgressSummary summary;

    ctg_actions_summarize_year_progress (all, ends, &summary);
    _ctg_report_progress_from_summary (&self->bilan_progress, &summary);
    for (guint i = 0; i < self->axes->len; i++)
      {
        ReportAxis *axis = g_ptr_array_index (self->axes, i);
        g_autoptr(GListModel) actions = ctg_document_list_actions (doc, axis->id);

        ctg_actions_summarize_year_progress (actions, ends, &summary);
        _ctg_report_progress_from_summary (&axis->bilan_progress, &summary);
      }
  }

  notes = ctg_document_find_action_notes (doc, self->bilan_year);
  for (guint i = 0; i < self->actions->len; i++)
    {
      CtgAction *action = g_ptr_array_index (self->actions, i);
      gint64 action_id = ctg_action_get_id (action);
      gint64 *found = g_hash_table_lookup (notes, &action_id);
      gint64 row = found != NULL ? *found : 0;
      ReportYearNote *note;
      g_autofree char *status = NULL;
      gint64 *key;

      if (row == 0)
        continue;
      note = g_new0 (ReportYearNote, 1);
      note->done = dup_or_empty (doc, CTG_ITEM_ACTION_YEAR, row, "done");
      note->difficulties = dup_or_empty (doc, CTG_ITEM_ACTION_YEAR, row, "difficulties");
      note->next_steps = dup_or_empty (doc, CTG_ITEM_ACTION_YEAR, row, "next_steps");
      status = ctg_document_dup_text (doc, CTG_ITEM_ACTION_YEAR, row, "status");
      note->has_status = ctg_status_from_key (status, &note->status);
      note->progress = (int) ctg_document_get_int (doc, CTG_ITEM_ACTION_YEAR, row, "progress", -1);
      key = g_new (gint64, 1);
      *key = ctg_action_get_id (action);
      g_hash_table_insert (self->year_notes, key, note);
    }
}

void
_ctg_report_clear_bilan (CtgReport *self)
{
  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  g_clear_pointer (&self->year_notes, g_hash_table_unref);
}

static char *
axis_title (ReportAxis *axis)
{
  const char *title = axis->title != NULL && axis->title[0] != '\0' ? axis->title : _("Untitled axis");

  return g_strdup_printf (_("%u. %s"), axis->number, title);
}

char *
_ctg_report_action_title (CtgAction *action)
{
  const char *code = ctg_action_get_code (action);

  if (code[0] == '\0')
    return g_strdup (ctg_action_get_title (action));
  return g_strdup_printf (_("%s %s"), code, ctg_action_get_title (action));
}

static void
write_indicators (Writer *w)
{
  CtgReport *report = w->report;
  Table t;
  TableRow row = { 0 };
  guint flexible[] = { 0, 1, 2 };
  double weights[] = { 0.4, 0.3, 0.3 };

  writer_heading (w, _("Evaluation indicators"), &indicators_heading, NULL);
  if (report->assessments->len == 0)
    {
      writer_paragraph (w, _("The convention has no evaluation indicator."), &report_body_secondary);
      return;
    }

  table_init (&t, w->left, _("Evaluation indicators"));
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Indicator") });
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Assessment") });
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Comment") });
  table_fit_columns (w, &t, flexible, weights, 3);

  for (guint i = 0; i < report->assessments->len; i++)
    {
      ReportAssessment *assessment = g_ptr_array_index (report->assessments, i);
      g_autoptr(GString) result = g_string_new (NULL);

      if (assessment->level != CTG_LEVEL_NONE)
        g_string_append (result, ctg_level_to_label (assessment->level));
      if (assessment->value[0] != '\0')
        g_string_append_printf (result, "%s%s", result->len ? "\n" : "", assessment->value);

      row_set_text (w, &t, &row, 0, assessment->name, NULL);
      row_set_text (w, &t, &row, 1, result->len ? result->str : ctg_level_to_label (CTG_LEVEL_NONE),
                    result->len ? NULL : &report_secondary);
      row_set_text (w, &t, &row, 2, assessment->comment, NULL);
      table_add_row (w, &t, &row);
    }
  table_end (w, &t);
}

/* The charts of the indicators measured, two across, with the same
 * drawing as the Évaluation page */
static void
write_charts (Writer *w)
{
  CtgReport *report = w->report;
  const double gap = 18;
  const double chart_height = 118;
  double column = (writer_width (w) - gap) / 2;
  guint placed = 0;
  double row_height = 0;

  for (guint i = 0; i < report->assessments->len; i++)
    {
      ReportAssessment *assessment = g_ptr_array_index (report->assessments, i);
      g_autoptr(PangoLayout) name = NULL;
      double x, name_height;

      if (!ctg_indicator_series_has_data (assessment->series))
        continue;
      if (placed == 0)
        writer_heading (w, _("Indicators over the years"), &charts_heading, NULL);

      name = writer_layout (w, FONT_SMALL_BOLD, column, assessment->name);
      name_height = layout_height (name) + 3;
      if (placed % 2 == 0)
        {
          /* A row is as high as its taller name, measured before it starts */
          ReportAssessment *next = NULL;

          for (guint j = i + 1; j < report->assessments->len && next == NULL; j++)
            if (ctg_indicator_series_has_data (((ReportAssessment *) g_ptr_array_index (report->assessments, j))->series))
              next = g_ptr_array_index (report->assessments, j);
          row_height = name_height;
          if (next != NULL)
            {
              g_autoptr(PangoLayout) other = writer_layout (w, FONT_SMALL_BOLD, column, next->name);

              row_height = MAX (row_height, layout_height (other) + 3);
            }
          writer_ensure (w, row_height + chart_height + 10);
        }
      x = w->left + (placed % 2) * (column + gap);
      writer_show (w, name, x, w->y, &report_text);
      if (w->drawing)
        {
          cairo_save (w->cr);
          cairo_translate (w->cr, x, w->y + row_height);
          ctg_indicator_chart_draw (w->cr, assessment->series, column, chart_height, 7.5);
          cairo_restore (w->cr);
        }
      placed++;
      if (placed % 2 == 0)
        w->y += row_height + chart_height + 10;
    }
  if (placed % 2 == 1)
    w->y += row_height + chart_height + 10;
}

static void
write_rollups (Writer *w)
{
  CtgReport *report = w->report;
  const ReportProgress *whole = &report->bilan_progress;
  g_autofree char *intro = NULL;
  Table t;
  TableRow row = { 0 };

  writer_heading (w, _("Progress per axis"), &section_heading, NULL);
  /* The roll-up rule (docs/rollup.md) in the Évaluation page's words, over
   * the year's recorded statuses */
  intro = g_strdup_printf (_("Where the actions stood at the end of %u, as recorded in their follow-up for "
                             "that year: the average progress, done ones counting as 100 %% and those to "
                             "start with no progress as 0 %%; abandoned actions, those under way with no "
                             "progress entered and those with no status recorded for the year are left out."),
                           report->bilan_year);
  writer_paragraph (w, intro, &report_lead);

  table_init (&t, w->left, _("Progress per axis"));
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Axis") });
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Progress"), .width = 110, .kind = CELL_PROGRESS });
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Counted"), .width = 60,
                                         .align = PANGO_ALIGN_RIGHT });
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Left out"), .width = 60,
                                         .align = PANGO_ALIGN_RIGHT });
  table_fit_column (w, &t, 0);

  for (guint i = 0; i <= report->axes->len; i++)
    {
      gboolean total = i == report->axes->len;
      ReportAxis *axis = total ? NULL : g_ptr_array_index (report->axes, i);
      const ReportProgress *progress = total ? whole : &axis->bilan_progress;
      double value = _ctg_report_progress_value (progress);
      g_autofree char *title = total ? g_strdup (_("Whole convention")) : axis_title (axis);
      g_autofree char *counted = _ctg_report_format_count (progress->n_counted);
      g_autofree char *left_out = _ctg_report_format_count (progress->n_actions - progress->n_counted);

      row.strong = total;
      row_set_text (w, &t, &row, 0, title, NULL);
      row_set_progress (w, &t, &row, 1, value >= 0 ? report_round (value) : -1);
      row_set_text (w, &t, &row, 2, counted, NULL);
      row_set_text (w, &t, &row, 3, left_out, NULL);
      table_add_row (w, &t, &row);
    }
  row.strong = FALSE;
  table_end (w, &t);

  /* What the figures do not stand on, said where they are read */
  if (whole->n_unrecorded > 0)
    {
      g_autofree char *n = _ctg_report_format_count (whole->n_unrecorded);
      g_autofree char *of = _ctg_report_format_count (whole->n_actions);
      g_autofree char *text = NULL;

      /* Translators: under the progress per axis of the annual review,
       * "12 of 34 actions have no status recorded for the end of 2025..." */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s of %s actions has no status recorded for the end of %u and is "
                                           "left out; record it in the action’s yearly follow-up, or every "
                                           "action’s with Record Statuses on the Evaluation page.",
                                           "%s of %s actions have no status recorded for the end of %u and are "
                                           "left out; record them in each action’s yearly follow-up, or all at "
                                           "once with Record Statuses on the Evaluation page.",
                                           whole->n_unrecorded),
                              n, of, report->bilan_year);
      writer_paragraph (w, text, &report_footnote);
    }
}

static void
write_funding (Writer *w)
{
  CtgReport *report = w->report;
  Table t;
  TableRow row = { 0 };
  gint64 totals[CTG_N_FUNDER_KINDS + 1] = { 0 };
  gboolean any = FALSE;
  double amount_width = 62;

  writer_heading (w, _("Funding"), &section_heading, NULL);
  {
    g_autofree char *intro = g_strdup_printf (_("Budgets and known amounts per funder, for the actions whose "
                                                "budget is for %u or for no given year."), report->bilan_year);
    writer_paragraph (w, intro, &report_lead);
  }

  table_init (&t, w->left, _("Funding"));
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Axis") });
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Budget"), .width = amount_width,
                                         .align = PANGO_ALIGN_RIGHT });
  for (guint f = 0; f < CTG_N_FUNDER_KINDS; f++)
    table_add_column (&t, &(TableColumn) { .header = ctg_funder_to_label ((CtgFunderKind) f),
                                           .width = amount_width, .align = PANGO_ALIGN_RIGHT });
  table_fit_column (w, &t, 0);

  for (guint i = 0; i <= report->axes->len; i++)
    {
      gboolean total = i == report->axes->len;
      ReportAxis *axis = total ? NULL : g_ptr_array_index (report->axes, i);
      gint64 sums[CTG_N_FUNDER_KINDS + 1] = { 0 };
      g_autofree char *title = total ? g_strdup (_("Total")) : axis_title (axis);

      if (total)
        memcpy (sums, totals, sizeof sums);
      else
        for (guint j = 0; j < axis->actions->len; j++)
          {
            CtgAction *action = g_ptr_array_index (axis->actions, j);

            ctg_action_add_year_funding (action, report->bilan_year, sums);
          }

      row.strong = total;
      row_set_text (w, &t, &row, 0, title, NULL);
      for (guint c = 0; c <= CTG_N_FUNDER_KINDS; c++)
        {
          g_autofree char *amount = sums[c] > 0 ? ctg_amount_format (sums[c]) : g_strdup ("—");

          row_set_text (w, &t, &row, c + 1, amount, sums[c] > 0 ? NULL : &report_secondary);
          if (!total)
            totals[c] += sums[c];
          any |= sums[c] > 0;
        }
      table_add_row (w, &t, &row);
    }
  row.strong = FALSE;
  table_end (w, &t);

  if (!any)
    writer_paragraph (w, _("No budget or funding amount has been entered."), &report_footnote);
}

static void
write_notes (Writer *w)
{
  CtgReport *report = w->report;
  g_autofree char *heading = NULL;
  Table t;
  TableRow row = { 0 };
  guint flexible[] = { 0, 1, 2, 3 };
  double weights[] = { 0.25, 0.27, 0.24, 0.24 };
  guint without = 0;

  heading = g_strdup_printf (_("Follow-up of the actions in %u"), report->bilan_year);

  /* Nothing to lay out: one line under the funding, not a landscape page
   * for one sentence */
  if (g_hash_table_size (report->year_notes) == 0)
    {
      g_autofree char *none = g_strdup_printf (_("No action has a follow-up note for %u."), report->bilan_year);

      writer_heading (w, heading, &empty_section_heading, NULL);
      writer_paragraph (w, none, &report_body_secondary);
      return;
    }

  writer_section_page (w, TRUE);
  writer_heading (w, heading, &section_heading, NULL);

  table_init (&t, w->left, heading);
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Action") });
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Done") });
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Difficulties") });
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Next steps") });
  table_add_column (&t, &(TableColumn) { .header = C_("column", "End of year"), .width = 80, .kind = CELL_STATUS });
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Progress"), .width = 60, .kind = CELL_PROGRESS });
  table_fit_columns (w, &t, flexible, weights, 4);

  for (guint i = 0; i < report->axes->len && !w->cancelled; i++)
    {
      ReportAxis *axis = g_ptr_array_index (report->axes, i);
      gboolean grouped = FALSE;

      for (guint j = 0; j < axis->actions->len; j++)
        {
          CtgAction *action = g_ptr_array_index (axis->actions, j);
          gint64 id = ctg_action_get_id (action);
          ReportYearNote *note = g_hash_table_lookup (report->year_notes, &id);
          g_autofree char *title = NULL;

          if (note == NULL)
            {
              without++;
              continue;
            }
          if (!grouped)
            {
              g_autofree char *group = axis_title (axis);

              table_add_group (w, &t, GROUP_THEME, C_("plan", "Axis"), group, NULL);
              grouped = TRUE;
            }
          title = _ctg_report_action_title (action);
          row_set_text (w, &t, &row, 0, title, NULL);
          row_set_text (w, &t, &row, 1, note->done, NULL);
          row_set_text (w, &t, &row, 2, note->difficulties, NULL);
          row_set_text (w, &t, &row, 3, note->next_steps, NULL);
          if (note->has_status)
            row_set_status (w, &t, &row, 4, note->status);
          else
            row_set_text (w, &t, &row, 4, "—", &report_secondary);
          row_set_progress (w, &t, &row, 5, note->progress);
          table_add_row (w, &t, &row);
        }
    }
  table_end (w, &t);

  if (without > 0)
    {
      g_autofree char *n = _ctg_report_format_count (without);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s action has no follow-up note for %u.",
                                                            "%s actions have no follow-up note for %u.",
                                                            without), n, report->bilan_year);

      writer_paragraph (w, text, &report_footnote);
    }
}

/**
 * _ctg_report_bilan_heading:
 *
 * Returns: the annual review's heading, for its page and the contents
 */
char *
_ctg_report_bilan_heading (CtgReport *self)
{
  /* Translators: the heading of the annual review section, "Annual review 2025" */
  return g_strdup_printf (_("Annual review %u"), self->bilan_year);
}

/**
 * _ctg_report_bilan:
 *
 * The "Bilan annuel": what the COPIL reviews for one year.
 */
void
_ctg_report_bilan (Writer *w)
{
  CtgReport *report = w->report;
  g_autofree char *heading = NULL;

  heading = _ctg_report_bilan_heading (report);
  writer_section_page (w, FALSE);
  writer_heading (w, heading, &report_part_title, CTG_REPORT_BILAN_DEST);
  writer_add_outline (w, CAIRO_PDF_OUTLINE_ROOT, heading, CTG_REPORT_BILAN_DEST, FALSE);

  write_indicators (w);
  write_charts (w);
  write_rollups (w);
  write_funding (w);
  write_notes (w);
}
