/* ctg-report-render.c: the sections of the COPIL report
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "ctg-report-private.h"

/* The columns an action table may have; their widths are measured once
 * over the whole report, so that every table lines up */
typedef enum
{
  COL_CODE,
  COL_TITLE,
  COL_PILOTS,
  COL_START,
  COL_ECHEANCE,
  COL_STATUS,
  COL_PROGRESS,
  COL_AXIS,
  N_COLS
} ActionColumn;

#define SUMMARY_DEST  "summary"
#define CHANGES_DEST  "changes"

static char *
fiche_dest (CtgAction *action)
{
  return g_strdup_printf ("fiche-%" G_GINT64_FORMAT, ctg_action_get_id (action));
}

static char *
axis_label (ReportAxis *axis)
{
  gboolean numeric = axis->code != NULL && axis->code[0] != '\0';

  for (const char *p = axis->code; numeric && *p; p++)
    numeric = g_ascii_isdigit (*p) || *p == '.';

  /* An axis code of its own ("Axe A", "Transversal"), else its number */
  if (axis->code != NULL && axis->code[0] != '\0' && !numeric)
    return g_strdup (axis->code);
  /* Translators: the label above an axis' title, "Axis 2" */
  return g_strdup_printf (_("Axis %u"), axis->number);
}

static char *
axis_title (ReportAxis *axis)
{
  const char *title = axis->title != NULL && axis->title[0] != '\0' ? axis->title : _("Untitled axis");

  /* Translators: an axis with its number, "2. Enfance jeunesse" */
  return g_strdup_printf (_("%u. %s"), axis->number, title);
}

static char *
action_full_title (CtgAction *action)
{
  const char *code = ctg_action_get_code (action);
  const char *title = ctg_action_get_title (action);

  if (code[0] == '\0')
    return g_strdup (title);
  /* Translators: an action's code and title, "FA 1.2 Structurer les coopérations" */
  return g_strdup_printf (_("%s %s"), code, title);
}

/* One participant a line, with the role in brackets if @with_roles */
static char *
participants_text (GPtrArray *participants,
                   gboolean   with_roles)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < participants->len; i++)
    {
      const CtgParticipant *p = g_ptr_array_index (participants, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, p->name);
      if (with_roles && p->role != NULL && p->role[0] != '\0')
        g_string_append_printf (text, " (%s)", p->role);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
column_header (ActionColumn column)
{
  switch (column)
    {
    case COL_CODE: return C_("column", "Code");
    case COL_TITLE: return C_("column", "Action");
    case COL_PILOTS: return C_("column", "Pilots");
    case COL_START: return C_("column", "Start");
    /* Translators: the column of an action's deadline, "Échéance" in French */
    case COL_ECHEANCE: return C_("column", "Échéance");
    case COL_STATUS: return C_("column", "Status");
    case COL_PROGRESS: return C_("column", "Progress");
    case COL_AXIS: return C_("column", "Axis");
    case N_COLS:
    default:
      g_return_val_if_reached ("");
    }
}

/* The widths of the short columns, to fit their longest content on one
 * line within reason */
static void
measure_columns (Writer *w)
{
  CtgReport *report = w->report;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  double code = 0, dates = 0, status = 0;

  for (guint i = 0; i < report->actions->len; i++)
    {
      CtgAction *action = g_ptr_array_index (report->actions, i);
      const CtgDate *start = ctg_action_get_start (action);
      const CtgDate *echeance = ctg_action_get_echeance (action);

      if (ctg_action_get_code (action)[0] != '\0')
        code = MAX (code, writer_text_width (w, FONT_TABLE, ctg_action_get_code (action)));
      for (guint k = 0; k < 2; k++)
        {
          const CtgDate *date = k == 0 ? start : echeance;
          const char *text;

          if (!ctg_date_is_set (date))
            continue;
          text = writer_date_text (w, date);
          if (g_hash_table_contains (seen, text))
            continue;
          dates = MAX (dates, writer_text_width (w, FONT_TABLE, text));
          g_hash_table_add (seen, (gpointer) text);
        }
    }
  for (guint s = 0; s < CTG_N_STATUSES; s++)
    status = MAX (status, writer_word_width (w, FONT_TABLE, ctg_status_to_label ((CtgStatus) s)));

  w->widths[COL_CODE] = report_ceil (CLAMP (code + 8, table_header_min_width (w, column_header (COL_CODE)), 72));
  w->widths[COL_START] = report_ceil (CLAMP (dates + 8, table_header_min_width (w, column_header (COL_START)), 64));
  /* The échéance of an overdue action has "overdue" below it */
  w->widths[COL_ECHEANCE] = report_ceil (CLAMP (MAX (dates, writer_word_width (w, FONT_TABLE, C_("echeance", "overdue"))) + 8,
                                                table_header_min_width (w, column_header (COL_ECHEANCE)), 64));
  w->widths[COL_STATUS] = report_ceil (MAX (status + 18, table_header_min_width (w, column_header (COL_STATUS))));
  {
    g_autofree char *full = _ctg_report_format_percent (100);

    w->widths[COL_PROGRESS] = report_ceil (MAX (writer_text_width (w, FONT_TABLE, full) + 10,
                                         table_header_min_width (w, column_header (COL_PROGRESS))));
  }
  w->widths[COL_AXIS] = report_ceil (MAX (writer_text_width (w, FONT_TABLE, "99") + 8,
                                   table_header_min_width (w, column_header (COL_AXIS))));
}

/* Sets up @t with @columns, the title and pilots sharing what is left */
static void
setup_action_table (Writer             *w,
                    Table              *t,
                    const ActionColumn *columns,
                    guint               n_columns,
                    const char         *continued)
{
  guint flexible[2];
  double weights[2];
  guint n_flexible = 0;

  table_init (t, w->left, continued);
  for (guint i = 0; i < n_columns; i++)
    {
      ActionColumn c = columns[i];
      TableColumn column = {
        .header = column_header (c),
        .width = c < N_COLS && c != COL_TITLE && c != COL_PILOTS ? w->widths[c] : 0,
        .align = c == COL_AXIS ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT,
        .kind = c == COL_STATUS ? CELL_STATUS : c == COL_PROGRESS ? CELL_PROGRESS : CELL_TEXT,
        .shared = c != COL_TITLE,
      };

      if (c == COL_TITLE || c == COL_PILOTS)
        {
          flexible[n_flexible] = i;
          weights[n_flexible] = c == COL_TITLE ? 0.63 : 0.37;
          n_flexible++;
        }
      table_add_column (t, &column);
    }
  table_fit_columns (w, t, flexible, weights, n_flexible);
}

static void
add_action_cells (Writer             *w,
                  Table              *t,
                  const ActionColumn *columns,
                  guint               n_columns,
                  CtgAction          *action,
                  gboolean            mark_overdue,
                  TableRow           *row_out)
{
  CtgReport *report = w->report;
  gboolean overdue = mark_overdue && ctg_action_is_overdue (action, &report->meeting);
  TableRow row = { 0 };

  for (guint i = 0; i < n_columns; i++)
    {
      switch (columns[i])
        {
        case COL_CODE:
          row_set_text (w, t, &row, i, ctg_action_get_code (action), &report_text);
          break;
        case COL_TITLE:
          row_set_text (w, t, &row, i, ctg_action_get_title (action), NULL);
          break;
        case COL_PILOTS:
          {
            g_autofree char *pilots = participants_text (ctg_action_get_pilots (action), FALSE);

            row_set_text (w, t, &row, i, pilots, NULL);
          }
          break;
        case COL_START:
        case COL_ECHEANCE:
          {
            const CtgDate *date = columns[i] == COL_START ? ctg_action_get_start (action)
                                                          : ctg_action_get_echeance (action);
            const char *text = writer_date_text (w, date);

            if (columns[i] == COL_ECHEANCE && overdue)
              {
                g_autofree char *marked = g_strdup_printf ("%s\n%s", text, C_("echeance", "overdue"));

                row_set_text (w, t, &row, i, marked, &report_overdue);
              }
            else
              row_set_text (w, t, &row, i, text, NULL);
          }
          break;
        case COL_STATUS:
          row_set_status (w, t, &row, i, ctg_action_get_status (action));
          break;
        case COL_PROGRESS:
          row_set_progress (w, t, &row, i, ctg_action_get_progress (action));
          break;
        case COL_AXIS:
          {
            ReportAxis *axis = NULL;
            gint64 axis_id = ctg_action_get_axis_id (action);
            g_autofree char *number = NULL;

            for (guint a = 0; a < report->axes->len && axis == NULL; a++)
              if (((ReportAxis *) g_ptr_array_index (report->axes, a))->id == axis_id)
                axis = g_ptr_array_index (report->axes, a);
            number = axis != NULL ? g_strdup_printf ("%u", axis->number) : g_strdup ("");
            row_set_text (w, t, &row, i, number, NULL);
            if (axis != NULL)
              row_set_link (&row, i, axis->dest);
          }
          break;
        case N_COLS:
        default:
          g_assert_not_reached ();
        }
    }
  *row_out = row;
}

static void
add_action_row (Writer             *w,
                Table              *t,
                const ActionColumn *columns,
                guint               n_columns,
                CtgAction          *action,
                gboolean            mark_overdue)
{
  TableRow row;

  add_action_cells (w, t, columns, n_columns, action, mark_overdue, &row);
  table_add_row (w, t, &row);
}

/* The columns of the tables of actions, those without any content in the
 * whole report left out */
static guint
plan_columns (CtgReport    *report,
              ActionColumn *columns,
              gboolean      with_axis,
              gboolean      with_start,
              gboolean      with_progress)
{
  guint n = 0;

  if (with_axis)
    columns[n++] = COL_AXIS;
  if (report->has_codes)
    columns[n++] = COL_CODE;
  columns[n++] = COL_TITLE;
  if (report->has_pilots)
    columns[n++] = COL_PILOTS;
  if (with_start && report->has_start)
    columns[n++] = COL_START;
  if (report->has_echeance)
    columns[n++] = COL_ECHEANCE;
  columns[n++] = COL_STATUS;
  if (with_progress && report->has_progress)
    columns[n++] = COL_PROGRESS;
  return n;
}

/* Cover */

static const TextStyle cover_title = { FONT_TITLE, &report_accent, .below = 12, .keep = 60 };
static const TextStyle cover_subtitle = { FONT_SUBTITLE, &report_text, .below = 5 };
static const TextStyle cover_caf = { FONT_BODY, &report_secondary, .below = 3 };
static const TextStyle cover_meeting = { FONT_H2, &report_text, .below = 16, .keep = 80 };
static const TextStyle contents_heading = { FONT_H3, &report_accent, .below = 6, .keep = 40 };

static void
key_figures (Writer     *w,
             const char *values[3],
             const char *labels[3])
{
  double gap = 10, box_width = (writer_width (w) - 2 * gap) / 3, height = 0;
  PangoLayout *figures[3], *captions[3];

  for (guint i = 0; i < 3; i++)
    {
      figures[i] = writer_layout (w, FONT_FIGURE, box_width - 20, values[i]);
      captions[i] = writer_layout (w, FONT_SMALL, box_width - 20, labels[i]);
      height = MAX (height, 10 + layout_height (figures[i]) + layout_height (captions[i]) + 10);
    }

  writer_ensure (w, height);
  for (guint i = 0; i < 3; i++)
    {
      double x = w->left + i * (box_width + gap);

      writer_fill_rect (w, x, w->y, box_width, height, &report_shade);
      writer_fill_rect (w, x, w->y, 2.5, height, &report_accent);
      writer_show (w, figures[i], x + 12, w->y + 10, &report_accent);
      writer_show (w, captions[i], x + 12, w->y + 10 + layout_height (figures[i]), &report_secondary);
      g_object_unref (figures[i]);
      g_object_unref (captions[i]);
    }
  w->y += height;
  w->fresh = FALSE;
}

static char *
progress_note (const ReportProgress *progress)
{
  g_autoptr(GString) note = g_string_new (NULL);
  g_autofree char *counted = _ctg_report_format_count (progress->n_counted);
  g_autofree char *hundred = _ctg_report_format_percent (100);
  guint left_out = progress->n_abandoned + progress->n_no_progress;

  if (progress->n_counted > 0)
    g_string_append_printf (note,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Overall progress is the average progress of %s action, done actions counting as %s.",
                                         "Overall progress is the average progress of %s actions, done actions counting as %s.",
                                         progress->n_counted),
                            counted, hundred);
  else
    g_string_append (note, _("No action has a progress yet, so there is no overall progress."));

  if (left_out > 0)
    {
      g_autofree char *n_left = _ctg_report_format_count (left_out);
      g_autofree char *n_abandoned = _ctg_report_format_count (progress->n_abandoned);
      g_autofree char *n_none = _ctg_report_format_count (progress->n_no_progress);
      g_autofree char *abandoned = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s abandoned", "%s abandoned",
                                                                 progress->n_abandoned), n_abandoned);
      g_autofree char *none = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s under way with no progress entered",
                                                            "%s under way with no progress entered",
                                                            progress->n_no_progress),
                                               n_none);
      g_autofree char *parts = NULL;

      if (progress->n_abandoned > 0 && progress->n_no_progress > 0)
        /* Translators: two counts of actions joined, "2 abandoned, 5 without progress" */
        parts = g_strdup_printf (_("%s, %s"), abandoned, none);
      else
        parts = g_strdup (progress->n_abandoned > 0 ? abandoned : none);

      g_string_append_c (note, ' ');
      g_string_append_printf (note,
                              g_dngettext (GETTEXT_PACKAGE, "Left out: %s action (%s).",
                                           "Left out: %s actions (%s).", left_out),
                              n_left, parts);
    }
  return g_string_free (g_steal_pointer (&note), FALSE);
}

static guint
count_overdue (CtgReport *report)
{
  guint n = 0;

  for (guint i = 0; i < report->actions->len; i++)
    n += ctg_action_is_overdue (g_ptr_array_index (report->actions, i), &report->meeting);
  return n;
}

static char *
changes_heading (CtgReport *report)
{
  CtgDate since;
  g_autofree char *since_text = NULL;

  GDateTime *now = report->created;
  GDate today;

  ctg_date_parse (report->since, &since);
  since_text = ctg_date_format (&since);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  /* A report for a past meeting says where its changes stop */
  if (g_date_valid (&report->meeting) && g_date_compare (&report->meeting, &today) < 0)
    {
      g_autofree char *meeting = _ctg_report_format_gdate (&report->meeting);

      /* Translators: a heading, "Changes from 1 October 2024 to 15 March 2025" */
      return g_strdup_printf (_("Changes from %s to %s"), since_text, meeting);
    }
  /* Translators: a heading, "Changes since 1 March 2025" */
  return g_strdup_printf (_("Changes since %s"), since_text);
}

static void
write_contents (Writer *w)
{
  CtgReport *report = w->report;

  writer_heading (w, _("Contents"), &contents_heading, NULL);
  if (report->parts & CTG_REPORT_PART_SUMMARY)
    writer_contents_entry (w, _("Summary"), SUMMARY_DEST);
  if (report->since != NULL)
    {
      g_autofree char *heading = changes_heading (report);

      writer_contents_entry (w, heading, CHANGES_DEST);
    }
  if (report->bilan_year != 0)
    {
      g_autofree char *heading = _ctg_report_bilan_heading (report);

      writer_contents_entry (w, heading, CTG_REPORT_BILAN_DEST);
    }
  for (guint i = 0; i < report->axes->len; i++)
    {
      ReportAxis *axis = g_ptr_array_index (report->axes, i);
      g_autofree char *title = axis_title (axis);

      writer_contents_entry (w, title, axis->dest);
    }
  if (_ctg_report_has_timeline (report))
    writer_contents_entry (w, _("Timeline"), CTG_REPORT_TIMELINE_DEST);
  if ((report->parts & CTG_REPORT_PART_FICHES) && report->actions->len > 0)
    {
      g_autofree char *first = fiche_dest (g_ptr_array_index (report->actions, 0));

      writer_contents_entry (w, _("Action sheets"), first);
    }
}

static void
write_cover (Writer *w)
{
  CtgReport *report = w->report;
  g_autofree char *meeting_date = _ctg_report_format_gdate (&report->meeting);
  g_autofree char *meeting = NULL;
  g_autofree char *n_actions = _ctg_report_format_count (report->actions->len);
  g_autofree char *overall = NULL;
  g_autofree char *n_overdue = NULL;
  g_autofree char *note = NULL;
  g_autofree char *progress_label = NULL;
  double value = _ctg_report_progress_value (&report->progress);
  guint overdue = count_overdue (report);
  const char *values[3], *labels[3];

  writer_start_page (w, FALSE, FALSE);
  w->y = 96;

  writer_kicker (w, _("Report to the steering committee"), &report_accent, 120);
  w->y += 4;
  writer_heading (w, report->title[0] != '\0' ? report->title : _("Untitled convention"), &cover_title, NULL);
  writer_paragraph (w, report->territory, &cover_subtitle);
  writer_paragraph (w, report->caf, &cover_caf);
  if (ctg_date_is_set (&report->period_start) || ctg_date_is_set (&report->period_end))
    {
      g_autofree char *start = ctg_date_format (&report->period_start);
      g_autofree char *end = ctg_date_format (&report->period_end);
      g_autofree char *period = g_strdup_printf (_("Period: %s – %s"), start[0] ? start : "…", end[0] ? end : "…");

      writer_paragraph (w, period, &report_body_secondary);
    }

  w->y += 26;
  writer_ensure (w, 120);
  writer_fill_rect (w, w->left, w->y, 44, 2.5, &report_accent);
  w->y += 12;
  /* Translators: on the cover, the meeting the report is made for */
  meeting = g_strdup_printf (_("Steering committee (COPIL) of %s"), meeting_date);
  writer_heading (w, meeting, &cover_meeting, NULL);

  overall = value >= 0 ? _ctg_report_format_percent ((int) report_round (value)) : g_strdup ("—");
  {
    CtgProgressSummary summary = { value, report->progress.n_counted,
                                   report->progress.n_actions - report->progress.n_counted,
                                   report->progress.n_abandoned };
    g_autofree char *partial = ctg_progress_summary_dup_partial_note (&summary);

    /* A figure that stands on few actions says so in its own type size */
    if (partial != NULL)
      {
        char *with_note = g_strdup_printf ("%s\n%s", overall, partial);

        g_free (overall);
        overall = with_note;
      }
  }
  n_overdue = _ctg_report_format_count (overdue);
  values[0] = n_actions;
  labels[0] = g_dngettext (GETTEXT_PACKAGE, "action in the plan", "actions in the plan", report->actions->len);
  values[1] = overall;
  /* A partial figure already says how many actions it is over */
  if (report->progress.n_counted > 0 && strchr (overall, '\n') == NULL)
    {
      g_autofree char *counted = _ctg_report_format_count (report->progress.n_counted);

      /* Translators: under the overall progress on the cover; see the note below it */
      progress_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "overall progress, over %s action",
                                                     "overall progress, over %s actions",
                                                     report->progress.n_counted), counted);
    }
  else
    progress_label = g_strdup (_("overall progress"));
  labels[1] = progress_label;
  values[2] = n_overdue;
  labels[2] = g_dngettext (GETTEXT_PACKAGE, "overdue action", "overdue actions", overdue);
  key_figures (w, values, labels);

  w->y += 14;
  writer_status_legend (w, report->counts, 8, FONT_SMALL);
  w->y += 8;
  note = progress_note (&report->progress);
  writer_paragraph (w, note, &report_note);

  w->y += 28;
  write_contents (w);

  {
    g_autoptr(GDate) made = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (report->created),
                                            (GDateMonth) g_date_time_get_month (report->created),
                                            (GDateYear) g_date_time_get_year (report->created));
    g_autofree char *made_text = _ctg_report_format_gdate (made);
    g_autofree char *footer = NULL;
    g_autoptr(PangoLayout) layout = NULL;
    double height;

    /* Translators: at the foot of the cover, "Made with CTG Planner on 12 March 2025" */
    footer = g_strdup_printf (_("Made with CTG Planner on %s"), made_text);
    layout = writer_layout (w, FONT_TINY, writer_width (w), footer);
    height = layout_height (layout);
    if (w->y + 20 + height <= w->bottom)
      w->y = w->bottom - height;
    else
      writer_ensure (w, height);
    writer_show (w, layout, w->left, w->y, &report_secondary);
    w->y += height;
  }
}

/* Summary */

static const TextStyle summary_title = { FONT_H1, &report_accent, .below = 10, .keep = 120 };
static const TextStyle summary_section = { FONT_H2, &report_accent, .above = 4, .below = 6, .keep = 70 };
/* How the progress is counted, under the axes */
static const TextStyle fine_print = { FONT_TINY, &report_secondary };

static void
write_axes_table (Writer *w)
{
  CtgReport *report = w->report;
  Table t;
  TableRow row = { 0 };
  guint max_count = 0;
  double count_width;

  for (guint s = 0; s < CTG_N_STATUSES; s++)
    max_count = MAX (max_count, report->counts[s]);
  {
    g_autofree char *widest = _ctg_report_format_count (MAX (report->actions->len, max_count));

    count_width = writer_text_width (w, FONT_TABLE, widest) + 10;
  }

  table_init (&t, w->left, _("Progress by axis"));
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Axis") });
  for (guint s = 0; s < CTG_N_STATUSES; s++)
    {
      const char *label = ctg_status_to_label ((CtgStatus) s);

      table_add_column (&t, &(TableColumn) { .header = label, .width = count_width,
                                             .align = PANGO_ALIGN_RIGHT, .shared = TRUE });
    }
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Total"), .width = count_width,
                                         .font = FONT_TABLE_BOLD, .align = PANGO_ALIGN_RIGHT,
                                         .shared = TRUE });
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Progress"), .width = 72,
                                         .kind = CELL_PROGRESS, .shared = TRUE });
  table_fit_column (w, &t, 0);

  for (guint i = 0; i <= report->axes->len; i++)
    {
      gboolean total = i == report->axes->len;
      ReportAxis *axis = total ? NULL : g_ptr_array_index (report->axes, i);
      const guint *counts = total ? report->counts : axis->counts;
      const ReportProgress *progress = total ? &report->progress : &axis->progress;
      g_autofree char *title = total ? g_strdup (_("All axes")) : axis_title (axis);
      g_autofree char *n = _ctg_report_format_count (total ? report->actions->len : axis->actions->len);
      double value = _ctg_report_progress_value (progress);

      if (total && report->axes->len < 2)
        break;

      row.strong = total;
      row_set_text (w, &t, &row, 0, title, total ? NULL : &report_accent);
      if (!total)
        row_set_link (&row, 0, axis->dest);
      for (guint s = 0; s < CTG_N_STATUSES; s++)
        {
          g_autofree char *count = _ctg_report_format_count (counts[s]);

          row_set_text (w, &t, &row, 1 + s, count, counts[s] == 0 ? &report_rule : NULL);
        }
      row_set_text (w, &t, &row, 1 + CTG_N_STATUSES, n, NULL);
      row_set_progress (w, &t, &row, 2 + CTG_N_STATUSES, value >= 0 ? (int) report_round (value) : -1);
      table_add_row (w, &t, &row);
    }
  table_end (w, &t);
}

/* A heading, a line saying what the list holds, then a table of
 * @actions: the heading stays with the table's first row */
static void
write_action_list (Writer     *w,
                   const char *heading,
                   const char *explanation,
                   GPtrArray  *actions,
                   const char *none)
{
  ActionColumn columns[N_COLS];
  guint n = plan_columns (w->report, columns, w->report->axes->len > 1, FALSE, FALSE);
  g_autoptr(PangoLayout) lead = writer_layout (w, FONT_SMALL, writer_width (w), explanation);
  double keep = layout_height (lead) + 6;
  Table t;

  setup_action_table (w, &t, columns, n, heading);
  if (actions->len > 0)
    {
      TableRow first = { 0 };

      /* Measured with a row of the same content; it is laid out again below */
      add_action_cells (w, &t, columns, n, g_ptr_array_index (actions, 0), FALSE, &first);
      keep += table_header_height (w, &t) + MIN (table_row_height (&t, &first), 200);
      table_row_clear (&first);
    }
  else
    keep += 20;

  writer_heading (w, heading, &(TextStyle) { FONT_H2, &report_accent, .above = 20, .below = 4, .keep = keep },
                  NULL);
  writer_paragraph (w, explanation, &report_lead);
  if (actions->len == 0)
    writer_paragraph (w, none, &report_body);
  for (guint i = 0; i < actions->len; i++)
    {
      add_action_row (w, &t, columns, n, g_ptr_array_index (actions, i), FALSE);
      if (!writer_tick (w))
        break;
    }
  table_end (w, &t);
}

static int
compare_echeance (gconstpointer a,
                  gconstpointer b)
{
  return _ctg_report_compare_echeance (*(CtgAction **) a, *(CtgAction **) b);
}

static void
write_summary (Writer *w)
{
  CtgReport *report = w->report;
  g_autoptr(GPtrArray) overdue = g_ptr_array_new ();
  g_autoptr(GPtrArray) coming = g_ptr_array_new ();
  g_autofree char *meeting = _ctg_report_format_gdate (&report->meeting);
  g_autofree char *until_text = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *n_text = NULL;
  g_autofree char *explanation = NULL;
  GDate until;

  ctg_due_soon_until (&report->meeting, &until);
  until_text = _ctg_report_format_gdate (&until);

  for (guint i = 0; i < report->actions->len; i++)
    {
      CtgAction *action = g_ptr_array_index (report->actions, i);

      if (ctg_action_is_overdue (action, &report->meeting))
        g_ptr_array_add (overdue, action);
      else if (ctg_action_is_due_soon (action, &report->meeting))
        g_ptr_array_add (coming, action);
    }
  g_ptr_array_sort (overdue, compare_echeance);
  g_ptr_array_sort (coming, compare_echeance);

  writer_section_page (w, FALSE);
  writer_heading (w, _("Summary"), &summary_title, SUMMARY_DEST);
  writer_add_outline (w, CAIRO_PDF_OUTLINE_ROOT, _("Summary"), SUMMARY_DEST, FALSE);

  writer_heading (w, _("Progress by axis"), &summary_section, NULL);
  if (report->axes->len > 0)
    write_axes_table (w);
  else
    writer_paragraph (w, _("The plan has no axis yet."), &report_body);
  w->y += 4;
  {
    g_autofree char *note = progress_note (&report->progress);

    writer_paragraph (w, note, &fine_print);
  }

  n_text = _ctg_report_format_count (overdue->len);
  /* Translators: a heading with a count, "Overdue actions (4)" */
  heading = g_strdup_printf (_("Overdue actions (%s)"), n_text);
  explanation = g_strdup_printf (_("Actions whose échéance had passed on %s and that are neither done nor abandoned, the oldest first."),
                                 meeting);
  write_action_list (w, heading, explanation, overdue, _("No action is overdue."));

  g_clear_pointer (&explanation, g_free);
  explanation = g_strdup_printf (_("Actions due between %s and %s, or in a month or year that overlaps them, that are neither done nor abandoned."),
                                 meeting, until_text);
  write_action_list (w, _("Échéances of the coming six months"), explanation, coming,
                     _("No échéance in the coming six months."));

  if ((report->parts & CTG_REPORT_PART_TIMELINE) && !_ctg_report_has_dates (report))
    {
      w->y += 14;
      writer_paragraph (w, _("No action has a start or an échéance yet, so the report has no timeline."),
                        &report_note);
    }
}

/* Changes since a date */

/* The changes' title when there are none: a line after the summary */
static const TextStyle line_part_title = { FONT_H2, &report_accent, .above = 24, .below = 6, .keep = 40 };
static const TextStyle changes_lead = { FONT_SMALL, &report_secondary, .below = 8 };

static char *
format_change_time (const char *time)
{
  g_autoptr(GDateTime) utc = time != NULL ? g_date_time_new_from_iso8601 (time, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;
  CtgDate date;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  date.year = (guint16) g_date_time_get_year (local);
  date.month = (guint8) g_date_time_get_month (local);
  date.day = (guint8) g_date_time_get_day_of_month (local);
  return ctg_date_format (&date);
}

static void
write_changes (Writer *w)
{
  CtgReport *report = w->report;
  CtgDate since;
  g_autofree char *since_text = NULL;
  g_autofree char *heading = NULL;
  Table t;
  TableRow row = { 0 };
  guint flexible[] = { 0, 1 };
  double weights[] = { 0.45, 0.55 };
  double date_width = 0;

  ctg_date_parse (report->since, &since);
  since_text = ctg_date_format (&since);

  /* Nothing to list: a line after the summary rather than a page */
  if (report->changes->len > 0 || !(report->parts & CTG_REPORT_PART_SUMMARY))
    writer_section_page (w, FALSE);
  heading = changes_heading (report);
  writer_heading (w, heading, report->changes->len > 0 ? &report_part_title : &line_part_title, CHANGES_DEST);
  writer_add_outline (w, CAIRO_PDF_OUTLINE_ROOT, heading, CHANGES_DEST, FALSE);

  if (report->changes->len == 0)
    {
      g_autofree char *none = g_strdup_printf (_("No change to the plan has been recorded since %s."), since_text);

      writer_paragraph (w, none, &report_body);
      return;
    }

  {
    g_autofree char *n = _ctg_report_format_count (report->n_changes);
    g_autofree char *intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "%s change recorded in the file, summed up from the first value to the last.",
                                                           "%s changes recorded in the file, summed up from the first value to the last.",
                                                           report->n_changes), n);

    writer_paragraph (w, intro, &changes_lead);
  }

  for (guint i = 0; i < report->changes->len; i++)
    {
      g_autofree char *when = format_change_time (((ReportChange *) g_ptr_array_index (report->changes, i))->time);

      date_width = MAX (date_width, writer_text_width (w, FONT_TABLE, when) + 8);
    }

  table_init (&t, w->left, heading);
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Action") });
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Changes") });
  table_add_column (&t, &(TableColumn) { .header = C_("column", "Last change"),
                                         .width = MIN (date_width, 80), .shared = TRUE });
  table_fit_columns (w, &t, flexible, weights, 2);

  for (guint i = 0; i < report->changes->len; i++)
    {
      ReportChange *change = g_ptr_array_index (report->changes, i);
      g_autofree char *subject = change->action != NULL ? action_full_title (change->action)
                                                        : g_strdup (change->subject);
      g_autofree char *when = format_change_time (change->time);

      row_set_text (w, &t, &row, 0, subject, change->action != NULL ? NULL : &report_secondary);
      row_set_text (w, &t, &row, 1, change->what, NULL);
      row_set_text (w, &t, &row, 2, when, &report_secondary);
      table_add_row (w, &t, &row);
      if (!writer_tick (w))
        break;
    }
  table_end (w, &t);
}

/* Axes */

static const TextStyle axis_heading = { FONT_H1, &report_accent, .below = 8, .keep = 80 };
static const TextStyle axis_figures = { FONT_SMALL_BOLD, &report_text, .below = 4 };

static ReportSection *
lookup_section (CtgReport *report,
                gint64     id)
{
  return id != 0 ? g_hash_table_lookup (report->sections, &id) : NULL;
}

static void
write_axis (Writer     *w,
            ReportAxis *axis)
{
  CtgReport *report = w->report;
  g_autofree char *label = axis_label (axis);
  g_autofree char *title = axis_title (axis);
  g_autofree char *n_actions = _ctg_report_format_count (axis->actions->len);
  g_autofree char *stats = NULL;
  g_autofree char *continued = NULL;
  ActionColumn columns[N_COLS];
  guint n_columns = plan_columns (report, columns, FALSE, TRUE, TRUE);
  double value = _ctg_report_progress_value (&axis->progress);
  gint64 theme = -1, enjeu = -1;
  Table t;

  writer_section_page (w, FALSE);
  writer_kicker (w, label, &report_accent, 100);
  writer_heading (w, axis->title != NULL && axis->title[0] != '\0' ? axis->title : _("Untitled axis"), &axis_heading,
                  axis->dest);
  writer_add_outline (w, CAIRO_PDF_OUTLINE_ROOT, title, axis->dest, FALSE);

  if (value >= 0)
    {
      g_autofree char *percent = _ctg_report_format_percent ((int) report_round (value));

      /* Translators: under an axis' title, "47 actions · progress 34%" */
      stats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s action · progress %s", "%s actions · progress %s",
                                            axis->actions->len), n_actions, percent);
    }
  else
    stats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s action", "%s actions", axis->actions->len),
                             n_actions);
  writer_paragraph (w, stats, &axis_figures);
  writer_status_legend (w, axis->counts, 5, FONT_TINY);
  w->y += 10;
  _ctg_report_write_description (w, axis->description);

  if (axis->objectives->len == 0)
    {
      writer_paragraph (w, _("No objective in this axis yet."), &report_body);
      return;
    }

  continued = g_strdup_printf ("%s · %s", label, axis->title != NULL ? axis->title : "");
  setup_action_table (w, &t, columns, n_columns, continued);

  for (guint i = 0; i < axis->objectives->len && !w->cancelled; i++)
    {
      ReportObjective *objective = g_ptr_array_index (axis->objectives, i);
      ReportSection *section;
      g_autofree char *objective_title = NULL;

      if (objective->theme_id != theme)
        {
          theme = objective->theme_id;
          enjeu = -1;
          if ((section = lookup_section (report, theme)) != NULL)
            /* Translators: "thématique" in French: a theme grouping objectives */
            table_add_group (w, &t, GROUP_THEME, C_("plan", "Theme"), section->title, section->description);
        }
      if (objective->enjeu_id != enjeu)
        {
          enjeu = objective->enjeu_id;
          if ((section = lookup_section (report, enjeu)) != NULL)
            /* Translators: "enjeu" in French: a stake the objectives answer */
            table_add_group (w, &t, GROUP_ENJEU, C_("plan", "Challenge"), section->title, section->description);
        }

      objective_title = objective->code[0] != '\0' ? g_strdup_printf ("%s %s", objective->code, objective->title)
                                                   : g_strdup (objective->title);
      /* An objective without a title only holds actions together */
      if (objective_title[0] != '\0' || objective->description[0] != '\0')
        /* Translators: "objectif stratégique" in French */
        table_add_group (w, &t, GROUP_OBJECTIVE, C_("plan", "Objective"), objective_title, objective->description);

      if (objective->actions->len == 0)
        {
          TableRow row = { 0 };

          row.span = TRUE;
          row_set_text (w, &t, &row, 0, _("No action for this objective yet."), &report_secondary);
          table_add_row (w, &t, &row);
        }
      for (guint j = 0; j < objective->actions->len; j++)
        {
          add_action_row (w, &t, columns, n_columns, g_ptr_array_index (objective->actions, j), TRUE);
          if (!writer_tick (w))
            break;
        }
    }
  table_end (w, &t);
}

/* Action sheets */

/* Where the action sits in the plan, above its title */
static const TextStyle sheet_trail = { FONT_TINY, &report_secondary, .below = 10 };
static const TextStyle sheet_title = { FONT_H2, &report_accent, .below = 10, .keep = 60 };
static const TextStyle sheet_text_heading = { FONT_H3, &report_accent, .above = 14, .below = 4, .keep = 30 };
static const TextStyle sheet_table_heading = { FONT_H3, &report_accent, .above = 14, .below = 4, .keep = 40 };

static void
fact_row (Writer            *w,
          Table             *t,
          const char        *label,
          const char        *value,
          const ReportColor *color)
{
  TableRow row = { 0 };

  if (value == NULL || value[0] == '\0')
    return;
  row_set_text (w, t, &row, 0, label, &report_secondary);
  row_set_text (w, t, &row, 1, value, color);
  table_add_row (w, t, &row);
}

static double
section_bound (Writer     *w,
               const char *title,
               const char *text)
{
  if (text == NULL || text[0] == '\0')
    return 0;
  /* Space, heading, keep, text */
  return 14 + text_height_bound (title, 10, writer_width (w)) + 4 + 40
         + text_height_bound (text, 9.5, writer_width (w));
}

/* Whether the sheet of @action surely fits on one page: then the first
 * pass counts its page without laying it out, a third of the time of a
 * report with 10,000 sheets. The bound adds up every text, space and
 * keep-with-next that write_fiche() uses, so no page break can happen. */
static gboolean
fiche_surely_fits (Writer      *w,
                   CtgAction   *action,
                   ReportFiche *fiche,
                   const char  *trail)
{
  double width = writer_width (w), value_width = width - 96 - 10, height = 0;
  const char * const values[] = {
    NULL, NULL,
    writer_date_text (w, ctg_action_get_start (action)),
    writer_date_text (w, ctg_action_get_echeance (action)),
    "status, overdue", "100%",
  };
  g_autofree char *pilots = participants_text (ctg_action_get_pilots (action), TRUE);
  g_autofree char *partners = participants_text (ctg_action_get_partners (action), TRUE);
  g_autofree char *referents = participants_text (ctg_action_get_referents (action), TRUE);
  g_autofree char *funders = ctg_funding_list_format (ctg_action_get_funding (action));

  height += text_height_bound (trail, 7, width) + 10;
  height += 7.5 * 1.8 + 3 + 60;
  height += text_height_bound (ctg_action_get_title (action), 12, width) + 10 + 60;

  height += text_height_bound (pilots, 8, value_width) + 10;
  height += text_height_bound (partners, 8, value_width) + 10;
  height += text_height_bound (referents, 8, value_width) + 10;
  height += text_height_bound (funders, 8, value_width) + 10;
  /* Continuous, budget */
  height += 2 * (MAX (text_height_bound (_("Yes: continuous improvement, with no échéance to meet"), 8, value_width),
                      8 * 1.8 * 2) + 10);
  for (guint i = 2; i < G_N_ELEMENTS (values); i++)
    height += MAX (text_height_bound (values[i], 8, value_width), 8 * 1.8 * 2) + 10;

  height += section_bound (w, "Description", ctg_action_get_description (action));
  height += section_bound (w, "Means", ctg_action_get_means (action));
  height += section_bound (w, "Notes", ctg_action_get_notes (action));

  if (fiche != NULL)
    {
      double narrow = width * 0.25 - 10;

      if (fiche->steps->len > 0)
        height += 14 + 10 * 1.8 + 4 + 40 + 2 * 7 * 1.8 + 10;
      for (guint i = 0; i < fiche->steps->len; i++)
        {
          ReportStep *step = g_ptr_array_index (fiche->steps, i);

          height += MAX (text_height_bound (step->text, 8, width - 64 - 80 - 10),
                         text_height_bound (writer_date_text (w, &step->date), 8, 50)) + 10;
        }
      if (fiche->indicators->len > 0)
        height += 14 + 10 * 1.8 + 4 + 40 + 2 * 7 * 1.8 + 10;
      for (guint i = 0; i < fiche->indicators->len; i++)
        {
          ReportIndicator *indicator = g_ptr_array_index (fiche->indicators, i);
          double values_height = 0;

          for (guint k = 0; k < indicator->values->len; k++)
            values_height += text_height_bound (g_ptr_array_index (indicator->values, k), 8, narrow - 30);
          height += MAX (MAX (text_height_bound (indicator->name, 8, narrow),
                              text_height_bound (indicator->target, 8, narrow)), values_height) + 10;
        }
    }

  return height <= w->bottom - w->top;
}

static void
write_fiche (Writer     *w,
             ReportAxis *axis,
             CtgAction  *action,
             int         outline_parent)
{
  CtgReport *report = w->report;
  gint64 objective_id = ctg_action_get_objective_id (action);
  ReportObjective *objective = g_hash_table_lookup (report->objectives, &objective_id);
  gint64 action_id = ctg_action_get_id (action);
  ReportFiche *fiche = g_hash_table_lookup (report->fiches, &action_id);
  g_autofree char *dest = fiche_dest (action);
  g_autofree char *label = axis_label (axis);
  g_autofree char *full = action_full_title (action);
  g_autoptr(GString) trail = g_string_new (NULL);
  const char *code = ctg_action_get_code (action);
  gboolean overdue = ctg_action_is_overdue (action, &report->meeting);
  Table t;

  writer_section_page (w, FALSE);
  writer_add_outline (w, outline_parent, full, dest, FALSE);

  /* Where the action sits in the plan */
  g_string_append_printf (trail, "%s · %s", label, axis->title);
  if (objective != NULL)
    {
      ReportSection *theme = lookup_section (report, objective->theme_id);
      ReportSection *enjeu = lookup_section (report, objective->enjeu_id);

      if (theme != NULL)
        g_string_append_printf (trail, "\n%s", theme->title);
      if (enjeu != NULL)
        g_string_append_printf (trail, "\n%s", enjeu->title);
      if (objective->title[0] != '\0')
        g_string_append_printf (trail, "\n%s", objective->title);
    }

  if (!w->drawing && fiche_surely_fits (w, action, fiche, trail->str))
    {
      /* One page, certainly: that is all the first pass needs to know */
      writer_note_anchor (w, dest);
      w->fresh = FALSE;
      return;
    }

  writer_paragraph (w, trail->str, &sheet_trail);

  writer_kicker (w, code[0] != '\0' ? code : _("Action sheet"), &report_accent, 60);
  writer_heading (w, ctg_action_get_title (action), &sheet_title, dest);

  table_init (&t, w->left, full);
  table_add_column (&t, &(TableColumn) { .width = 96, .font = FONT_TABLE_BOLD, .shared = TRUE });
  table_add_column (&t, &(TableColumn) { 0 });
  table_fit_column (w, &t, 1);
  {
    g_autofree char *pilots = participants_text (ctg_action_get_pilots (action), TRUE);
    g_autofree char *partners = participants_text (ctg_action_get_partners (action), TRUE);
    const char *start = writer_date_text (w, ctg_action_get_start (action));
    const char *echeance = writer_date_text (w, ctg_action_get_echeance (action));
    /* What the totals count: 100 % for a réalisée action */
    int progress = ctg_action_get_shown_progress (action);
    g_autofree char *progress_text = progress >= 0 ? _ctg_report_format_percent (progress) : NULL;
    g_autofree char *status = NULL;

    if (overdue)
      {
        /* Translators: an action's status when its échéance has passed, "In progress, overdue" */
        status = g_strdup_printf (_("%s, overdue"), ctg_status_to_label (ctg_action_get_status (action)));
      }
    else
      status = g_strdup (ctg_status_to_label (ctg_action_get_status (action)));

    g_autofree char *referents = participants_text (ctg_action_get_referents (action), TRUE);
    g_autofree char *funders = ctg_funding_list_format (ctg_action_get_funding (action));
    g_autofree char *budget = NULL;

    if (ctg_action_get_budget (action) >= 0)
      {
        g_autofree char *amount = ctg_amount_format (ctg_action_get_budget (action));

        if (ctg_action_get_budget_year (action) != 0)
          /* Translators: a budget and its year, "12 000 € (2025)" */
          budget = g_strdup_printf (_("%s (%u)"), amount, ctg_action_get_budget_year (action));
        else
          budget = g_steal_pointer (&amount);
      }

    fact_row (w, &t, C_("column", "Pilots"), pilots, NULL);
    fact_row (w, &t, _("Partners"), partners, NULL);
    fact_row (w, &t, _("Référents"), referents, NULL);
    fact_row (w, &t, C_("column", "Start"), start, NULL);
    fact_row (w, &t, C_("column", "Échéance"), echeance, overdue ? &report_overdue : NULL);
    if (ctg_action_is_continuous (action))
      fact_row (w, &t, _("Continuous"), _("Yes: continuous improvement, with no échéance to meet"), NULL);
    fact_row (w, &t, C_("column", "Status"), status, overdue ? &report_overdue : NULL);
    fact_row (w, &t, C_("column", "Progress"), progress_text, NULL);
    fact_row (w, &t, C_("column", "Budget"), budget, NULL);
    fact_row (w, &t, _("Funders"), funders, NULL);
  }
  table_end (w, &t);

  if (ctg_action_get_description (action)[0] != '\0')
    {
      writer_heading (w, _("Description"), &sheet_text_heading, NULL);
      writer_paragraph (w, ctg_action_get_description (action), &report_body);
    }

  if (fiche != NULL && fiche->steps->len > 0)
    {
      gboolean any_date = FALSE, any_done = FALSE;
      guint date_column = 0, done_column = 0;

      for (guint i = 0; i < fiche->steps->len; i++)
        {
          ReportStep *step = g_ptr_array_index (fiche->steps, i);

          any_date |= ctg_date_is_set (&step->date);
          any_done |= step->done;
        }

      writer_heading (w, _("Steps"), &sheet_table_heading, NULL);
      table_init (&t, w->left, full);
      table_add_column (&t, &(TableColumn) { .header = _("Step") });
      if (any_date)
        {
          date_column = t.n_columns;
          table_add_column (&t, &(TableColumn) { .header = C_("column", "Date"), .width = w->widths[COL_ECHEANCE],
                                                 .shared = TRUE });
        }
      if (any_done)
        {
          done_column = t.n_columns;
          table_add_column (&t, &(TableColumn) { .header = C_("step", "Done"), .width = 40,
                                                 .align = PANGO_ALIGN_CENTER, .shared = TRUE });
        }
      table_fit_column (w, &t, 0);
      for (guint i = 0; i < fiche->steps->len; i++)
        {
          ReportStep *step = g_ptr_array_index (fiche->steps, i);
          TableRow row = { 0 };

          row_set_text (w, &t, &row, 0, step->text, NULL);
          if (any_date)
            {
              row_set_text (w, &t, &row, date_column, writer_date_text (w, &step->date), NULL);
            }
          if (any_done)
            row_set_text (w, &t, &row, done_column, step->done ? "✓" : "", &report_status_colors[CTG_STATUS_DONE]);
          table_add_row (w, &t, &row);
        }
      table_end (w, &t);
    }

  if (ctg_action_get_means (action)[0] != '\0')
    {
      writer_heading (w, _("Means"), &sheet_text_heading, NULL);
      writer_paragraph (w, ctg_action_get_means (action), &report_body);
    }

  if (fiche != NULL && fiche->indicators->len > 0)
    {
      guint indicator_flexible[3] = { 0 };
      double indicator_weights[3] = { 0.45, 0.25, 0.30 };
      gboolean any_target = FALSE, any_value = FALSE;
      guint n_flexible = 0, target_column = 0, values_column = 0;

      for (guint i = 0; i < fiche->indicators->len; i++)
        {
          ReportIndicator *indicator = g_ptr_array_index (fiche->indicators, i);

          any_target |= indicator->target[0] != '\0';
          any_value |= indicator->years->len > 0;
        }

      writer_heading (w, _("Indicators"), &sheet_table_heading, NULL);
      table_init (&t, w->left, full);
      table_add_column (&t, &(TableColumn) { .header = _("Indicator") });
      indicator_flexible[n_flexible++] = 0;
      if (any_target)
        {
          target_column = t.n_columns;
          indicator_weights[n_flexible] = 0.25;
          indicator_flexible[n_flexible++] = t.n_columns;
          table_add_column (&t, &(TableColumn) { .header = _("Target") });
        }
      if (any_value)
        {
          values_column = t.n_columns;
          indicator_weights[n_flexible] = 0.30;
          indicator_flexible[n_flexible++] = t.n_columns;
          table_add_column (&t, &(TableColumn) { .header = _("Values") });
        }
      table_fit_columns (w, &t, indicator_flexible, indicator_weights, n_flexible);
      for (guint i = 0; i < fiche->indicators->len; i++)
        {
          ReportIndicator *indicator = g_ptr_array_index (fiche->indicators, i);
          g_autoptr(GString) values = g_string_new (NULL);
          TableRow row = { 0 };

          for (guint k = 0; k < indicator->years->len; k++)
            {
              if (values->len > 0)
                g_string_append_c (values, '\n');
              /* Translators: an indicator's value for a year, "2024: 12 families" */
              g_string_append_printf (values, _("%u: %s"), g_array_index (indicator->years, guint, k),
                                      (char *) g_ptr_array_index (indicator->values, k));
            }
          row_set_text (w, &t, &row, 0, indicator->name, NULL);
          if (any_target)
            row_set_text (w, &t, &row, target_column, indicator->target, NULL);
          if (any_value)
            row_set_text (w, &t, &row, values_column, values->str, NULL);
          table_add_row (w, &t, &row);
        }
      table_end (w, &t);
    }

  if (ctg_action_get_notes (action)[0] != '\0')
    {
      writer_heading (w, _("Notes"), &sheet_text_heading, NULL);
      writer_paragraph (w, ctg_action_get_notes (action), &report_body);
    }
}

static void
write_fiches (Writer *w)
{
  CtgReport *report = w->report;
  g_autofree char *first = NULL;
  int parent;

  if (report->actions->len == 0)
    return;

  first = fiche_dest (g_ptr_array_index (report->actions, 0));
  parent = writer_add_outline (w, CAIRO_PDF_OUTLINE_ROOT, _("Action sheets"), first, FALSE);
  for (guint i = 0; i < report->axes->len && !w->cancelled; i++)
    {
      ReportAxis *axis = g_ptr_array_index (report->axes, i);
      g_autofree char *title = NULL;
      g_autofree char *axis_first = NULL;
      int axis_parent;

      if (axis->actions->len == 0)
        continue;
      title = axis_title (axis);
      axis_first = fiche_dest (g_ptr_array_index (axis->actions, 0));
      axis_parent = writer_add_outline (w, parent, title, axis_first, FALSE);
      for (guint j = 0; j < axis->actions->len; j++)
        {
          write_fiche (w, axis, g_ptr_array_index (axis->actions, j), axis_parent);
          if (!writer_tick (w))
            break;
        }
    }
}

/* The whole report */

void
_ctg_report_write_document (Writer *w)
{
  CtgReport *report = w->report;
  gboolean main = w->role != WRITER_APART;

  measure_columns (w);
  if (main)
    write_cover (w);
  if (report->parts & CTG_REPORT_PART_SUMMARY)
    {
      if (!_ctg_report_summary_apart (report) || w->role == WRITER_ALL)
        {
          if (main)
            write_summary (w);
        }
      else if (w->role == WRITER_MAIN)
        _ctg_report_note_apart (w, 0);
      else
        {
          write_summary (w);
          w->apart_at[0] = w->page;
        }
    }
  if (report->since != NULL && !w->cancelled && main)
    write_changes (w), _ctg_report_drift (w);
  if (report->bilan_year != 0 && !w->cancelled && main)
    _ctg_report_bilan (w);
  for (guint i = 0; i < report->axes->len && !w->cancelled && main; i++)
    write_axis (w, g_ptr_array_index (report->axes, i));
  if (_ctg_report_has_timeline (report) && !w->cancelled)
    {
      if (w->role == WRITER_MAIN)
        _ctg_report_note_apart (w, 1);
      else
        _ctg_report_timeline (w);
    }
  if ((report->parts & CTG_REPORT_PART_FICHES) && !w->cancelled && main)
    write_fiches (w);
  writer_finish (w);
}

gboolean
_ctg_report_render (CtgReport              *report,
                    cairo_surface_t        *surface,
                    GCancellable           *cancellable,
                    CtgReportProgressFunc   progress,
                    gpointer                user_data,
                    guint                  *n_pages,
                    GError                **error)
{
  Writer w;
  double per_action = 1;

  writer_init (&w, report, surface);
  if (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_RECORDING)
    w.pages = g_ptr_array_new ();
  w.cancellable = cancellable;
  w.progress = progress;
  w.progress_data = user_data;
  if (report->parts & CTG_REPORT_PART_SUMMARY)
    per_action += 0.2;
  if (report->parts & CTG_REPORT_PART_TIMELINE)
    per_action += 1;
  if (report->parts & CTG_REPORT_PART_FICHES)
    per_action += 1;
  w.total_units = per_action * report->actions->len + report->changes->len + 1;

  /* First pass: measure only */
  _ctg_report_measure (&w);

  /* Second pass: draw, now that the pages are known */
  if (!w.cancelled)
    {
      writer_reset (&w, TRUE);
      _ctg_report_write_document (&w);
    }

  if (w.cancelled || g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The report was cancelled"));
      g_clear_pointer (&w.pages, g_ptr_array_unref);
      writer_clear (&w);
      return FALSE;
    }

  /* Both passes run the same code on the same measures */
  g_warn_if_fail (w.page == w.n_pages);
  *n_pages = w.page;
  if (w.pages != NULL)
    g_object_set_data_full (G_OBJECT (report), "ctg-pages", w.pages, (GDestroyNotify) g_ptr_array_unref);
  writer_clear (&w);
  return TRUE;
}
