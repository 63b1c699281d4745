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
gboolean  ctg_document_create_from_plan (const char   *path,
                                          const char   *source,
                                          GBytes       *table,
                                          const char   *sheet,
                                          GKeyFile     *convention,
                                          gboolean      replace,
                                          GPtrArray    *warnings,
                                          GError      **error);
GPtrArray *ctg_split_list                (const char   *cell);
GPtrArray *ctg_participant_list_parse    (const char   *cell);

G_END_DECLS
