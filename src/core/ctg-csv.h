/* ctg-csv.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CtgCsvRow:
 * @line: the line of the file the row starts on, from 1
 * @cells: (element-type utf8): the cells
 */
typedef struct
{
  guint      line;
  GPtrArray *cells;
} CtgCsvRow;

void       ctg_csv_row_free     (CtgCsvRow   *row);
GPtrArray *ctg_csv_parse        (const char  *data,
                                 gsize        length,
                                 char        *separator,
                                 GPtrArray   *problems);
void       ctg_csv_append_cell  (GString     *out,
                                 const char  *cell,
                                 char         separator);

/* The largest plan table read: 200,000 rows (the most imported) of 640 bytes */
#define CTG_CSV_MAX_FILE_BYTES (128u * 1024 * 1024)

GBytes    *ctg_csv_read_file    (const char  *path,
                                 GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtgCsvRow, ctg_csv_row_free)

G_END_DECLS
