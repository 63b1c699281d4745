/* ctg-sheet-private.h: what the .xlsx and .ods readers share
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gsf/gsf-infile.h>
#include <libxml/xmlreader.h>

#include "ctg-csv.h"
#include "ctg-date.h"
#include "ctg-document.h"

G_BEGIN_DECLS

/* libgsf 1.14 declares no autoptr cleanups */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

/* A partner's spreadsheet is untrusted: everything read is bounded */
#define CTG_SHEET_MAX_MEMBER_BYTES   (64 * 1024 * 1024)
#define CTG_SHEET_MAX_TOTAL_BYTES    (256 * 1024 * 1024)
#define CTG_SHEET_MAX_ROWS           200000
#define CTG_SHEET_MAX_COLUMNS        1000
#define CTG_SHEET_MAX_CELL_LENGTH    (1024 * 1024)
#define CTG_SHEET_MAX_STRINGS        2000000
#define CTG_SHEET_MAX_MERGES         10000
#define CTG_SHEET_MAX_CELLS          3000000   /* non-empty, merged ones included */
#define CTG_SHEET_MAX_MERGE_WORK     20000000  /* cells looked at to fill merges */
#define CTG_SHEET_MAX_SHEETS         256

typedef struct
{
  GsfInfile   *zip;
  gsize        total_read;
  GError      *error;        /* the first fatal problem */

  /* Which sheet: the one named, or the first visible one with a header */
  const char  *wanted;
  char        *chosen;
  GPtrArray   *chosen_rows;
  char        *fallback;
  GPtrArray   *fallback_rows;
  GPtrArray   *names;        /* every sheet, for the error if none is named so */

  /* The sheet being read: its non-empty rows, by row number */
  GPtrArray   *rows;         /* CtgCsvRow */
  GArray      *merges;       /* CtgSheetRange */
  guint        n_cells;
} CtgSheetReader;

typedef struct
{
  guint first_row, last_row;       /* from 1 */
  guint first_column, last_column; /* from 0 */
} CtgSheetRange;

/* The readers' entry points */
void       _ctg_sheet_read_xlsx        (CtgSheetReader  *reader);
void       _ctg_sheet_read_ods         (CtgSheetReader  *reader);
gboolean   _ctg_sheet_want             (CtgSheetReader  *reader,
                                        const char      *name,
                                        gboolean         hidden);
gboolean   _ctg_sheet_take             (CtgSheetReader  *reader,
                                        const char      *name);

/* Helpers */
xmlTextReader *_ctg_sheet_open_xml     (CtgSheetReader  *reader,
                                        const char      *path);
gboolean   _ctg_sheet_next             (CtgSheetReader  *reader,
                                        xmlTextReader   *xml);
gboolean   _ctg_sheet_has_member       (CtgSheetReader  *reader,
                                        const char      *path);
char      *_ctg_sheet_attribute        (xmlTextReader   *xml,
                                        const char      *ns,
                                        const char      *name);
void       _ctg_sheet_fail             (CtgSheetReader  *reader,
                                        const char      *message);
void       _ctg_sheet_begin            (CtgSheetReader  *reader);
void       _ctg_sheet_set_cell         (CtgSheetReader  *reader,
                                        guint            row,
                                        guint            column,
                                        const char      *text);
void       _ctg_sheet_add_merge        (CtgSheetReader  *reader,
                                        const CtgSheetRange *range);
gboolean   _ctg_sheet_append_text      (CtgSheetReader  *reader,
                                        GString         *text,
                                        const char      *more);
char      *_ctg_sheet_format_number    (double           value,
                                        gboolean         percent);
char      *_ctg_sheet_format_date      (GDate           *date,
                                        CtgDatePrecision precision);
char      *_ctg_sheet_identity         (CtgDocument     *doc);

G_END_DECLS
