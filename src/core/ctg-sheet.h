/* ctg-sheet.h: plan tables in spreadsheets (.xlsx, .ods)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-document.h"

G_BEGIN_DECLS

typedef enum
{
  CTG_SHEET_FORMAT_CSV,
  CTG_SHEET_FORMAT_ZIP,       /* .xlsx or .ods */
  CTG_SHEET_FORMAT_COMPOUND,  /* .xls, or a password-protected .xlsx */
} CtgSheetFormat;

CtgSheetFormat ctg_sheet_detect          (GBytes       *bytes);
GPtrArray     *ctg_sheet_read            (GBytes       *bytes,
                                          const char   *sheet,
                                          char        **sheet_name,
                                          GError      **error);
gboolean       ctg_document_import_plan  (CtgDocument  *self,
                                          GBytes       *bytes,
                                          const char   *sheet,
                                          GPtrArray    *warnings,
                                          GError      **error);
gboolean       ctg_document_export_xlsx  (CtgDocument  *self,
                                          const char   *path,
                                          GError      **error);
gboolean       ctg_document_export_ods   (CtgDocument  *self,
                                          const char   *path,
                                          GError      **error);

G_END_DECLS
