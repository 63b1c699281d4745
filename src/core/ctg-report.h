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

/* Options */

#define CTG_TYPE_REPORT_OPTIONS (ctg_report_options_get_type ())

typedef struct _CtgReportOptions CtgReportOptions;

GType              ctg_report_options_get_type          (void) G_GNUC_CONST;
CtgReportOptions  *ctg_report_options_new               (void);
CtgReportOptions  *ctg_report_options_copy              (const CtgReportOptions *options);
void               ctg_report_options_free              (CtgReportOptions       *options);
void               ctg_report_options_set_meeting_date  (CtgReportOptions       *options,
                                                         const GDate            *date);
const GDate       *ctg_report_options_get_meeting_date  (const CtgReportOptions *options);
void               ctg_report_options_set_parts         (CtgReportOptions       *options,
                                                         CtgReportParts          parts);
CtgReportParts     ctg_report_options_get_parts         (const CtgReportOptions *options);
void               ctg_report_options_set_changes_since (CtgReportOptions       *options,
                                                         const char             *since);
const char        *ctg_report_options_get_changes_since (const CtgReportOptions *options);
void               ctg_report_options_set_bilan_year    (CtgReportOptions       *options,
                                                         guint                   year);
guint              ctg_report_options_get_bilan_year    (const CtgReportOptions *options);
void               ctg_report_options_set_axes          (CtgReportOptions       *options,
                                                         const gint64           *axis_ids,
                                                         guint                   n_axes);
const gint64      *ctg_report_options_get_axes          (const CtgReportOptions *options,
                                                         guint                  *n_axes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtgReportOptions, ctg_report_options_free)

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
