/* ctg-plan-csv.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-document.h"

G_BEGIN_DECLS

gboolean  ctg_document_import_csv        (CtgDocument  *self,
                                          const char   *data,
                                          gsize         length,
                                          GPtrArray    *warnings,
                                          GError      **error);
gboolean  ctg_document_import_table      (CtgDocument  *self,
                                          const char   *sheet,
                                          GPtrArray    *rows,
                                          GPtrArray    *warnings,
                                          GError      **error);
char     *ctg_document_export_csv        (CtgDocument  *self,
                                          char          separator);
gboolean  ctg_document_import_convention (CtgDocument  *self,
                                          GKeyFile     *key_file,
                                          GError      **error);

/**
 * CtgPlanSource:
 * @file: (nullable): the file @table was read from, never written over
 * @table: a plan table, as ctg_document_import_plan() reads it
 * @sheet: (nullable): the sheet to read in a spreadsheet
 * @convention: (nullable): the convention's own data, as
 *   ctg_document_import_convention() reads it
 *
 * What a new convention is imported from: what `ctg import` is given on its
 * command line, the table the app's "Import a Plan Table" chose.
 */
typedef struct
{
  const char *file;
  GBytes     *table;
  const char *sheet;
  GKeyFile   *convention;
} CtgPlanSource;

gboolean  ctg_document_create_from_plan  (const char          *path,
                                          const CtgPlanSource *source,
                                          gboolean             replace,
                                          GPtrArray           *warnings,
                                          GError             **error);
GPtrArray *ctg_split_list                (const char   *cell);
GPtrArray *ctg_participant_list_parse    (const char   *cell);

G_END_DECLS
