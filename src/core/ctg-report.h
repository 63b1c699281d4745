/* ctg-report.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ctg-document.h"

G_BEGIN_DECLS

/**
 * CtgReportParts:
 * @CTG_REPORT_PART_SUMMARY: the summary page: actions by status and progress
 *   per axis, overdue actions, échéances of the coming months
 * @CTG_REPORT_PART_TIMELINE: the actions as bars from start to échéance
 * @CTG_REPORT_PART_FICHES: one detailed page per action (fiche action), with
 *   its steps, means and indicators
 *
 * The optional parts of a COPIL report. The cover and one section per axis,
 * with its objectives and the table of its actions, are always there.
 */
typedef enum
{
  CTG_REPORT_PART_NONE     = 0,
  CTG_REPORT_PART_SUMMARY  = 1 << 0,
  CTG_REPORT_PART_TIMELINE = 1 << 1,
  CTG_REPORT_PART_FICHES   = 1 << 2,
} CtgReportParts;

#define CTG_REPORT_PARTS_DEFAULT (CTG_REPORT_PART_SUMMARY | CTG_REPORT_PART_TIMELINE)

/**
 * CtgReportProgressFunc:
 * @fraction: how much of the report is done, from 0 to 1
 * @user_data: the data given with the function
 *
 * Called now and then while a report is written, from the thread that
 * writes it.
 */
typedef void (*CtgReportProgressFunc) (double   fraction,
                                       gpointer user_data);

/**
 * CtgReportOptions:
 * @meeting_date: the day of the meeting the report is for; overdue actions
 *   and the échéances of the coming months are counted from it and the
 *   timeline marks it. Left cleared (invalid), today
 * @parts: the optional parts to write
 * @changes_since: (nullable): adds the changes made to the plan since this
 *   date ("2025-03-01", "01/03/2025"), as recorded in the file; %NULL or ""
 *   for none. An invalid date makes ctg_report_new() fail. Owned
 * @bilan_year: adds the annual review ("Bilan annuel") of this year: the
 *   evaluation indicators with that year's assessment, the progress and the
 *   funding per axis and per funder, each action's follow-up note for the
 *   year; 0 for none, else from 1900 to 2200
 * @axes: (element-type gint64) (nullable): restricts the report to these
 *   axes: the cover, the summary and the timeline then count only their
 *   actions; %NULL or empty for every axis. Owned
 *
 * What a report holds. Start from %CTG_REPORT_OPTIONS_INIT, the default
 * report (a meeting today, the summary and the timeline, every axis, no
 * fiches, no changes), set the fields and free the owned ones with
 * ctg_report_options_clear(), or declare it g_auto(CtgReportOptions).
 */
typedef struct
{
  GDate           meeting_date;
  CtgReportParts  parts;
  char           *changes_since;
  guint           bilan_year;
  GArray         *axes;
} CtgReportOptions;

/* All zeros is a cleared GDate */
#define CTG_REPORT_OPTIONS_INIT { .parts = CTG_REPORT_PARTS_DEFAULT }

void ctg_report_options_clear (CtgReportOptions *options);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CtgReportOptions, ctg_report_options_clear)

/* Reports */

#define CTG_TYPE_REPORT (ctg_report_get_type ())

G_DECLARE_FINAL_TYPE (CtgReport, ctg_report, CTG, REPORT, GObject)

CtgReport *ctg_report_new          (CtgDocument             *doc,
                                    const CtgReportOptions  *options,
                                    GError                 **error);
gboolean   ctg_report_save_pdf     (CtgReport               *self,
                                    const char              *path,
                                    GCancellable            *cancellable,
                                    CtgReportProgressFunc    progress,
                                    gpointer                 user_data,
                                    GError                 **error);
guint      ctg_report_get_n_pages  (CtgReport               *self);

gboolean   ctg_report_write_pdf    (CtgDocument             *doc,
                                    const CtgReportOptions  *options,
                                    const char              *path,
                                    GCancellable            *cancellable,
                                    CtgReportProgressFunc    progress,
                                    gpointer                 user_data,
                                    GError                 **error);

/* A page of the report as drawn for the PDF, for print */
typedef struct
{
  cairo_pattern_t *pattern;   /* in points, from the page's top left */
  double           width;     /* in points */
  double           height;
  gpointer         fonts;     /* private: the font map its glyphs come from */
} CtgReportPage;

GPtrArray *ctg_report_render_pages (CtgReport     *self,
                                    GCancellable  *cancellable,
                                    GError       **error);

G_END_DECLS
