/* ctg-test-util.h: helpers shared by the test suites
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-core.h"

G_BEGIN_DECLS

void         ctg_test_init           (int         *argc,
                                      char      ***argv);
char        *ctg_test_tmp_path       (const char  *name);
char        *ctg_test_example_path   (const char  *slug);
char        *ctg_test_copy_example   (const char  *slug);
char        *ctg_test_read_file      (const char  *path,
                                      gsize       *length);
gboolean     ctg_test_files_equal    (const char  *a,
                                      const char  *b);
int          ctg_test_run_cli        (char       **out,
                                      char       **err,
                                      const char  *first_arg,
                                      ...) G_GNUC_NULL_TERMINATED;
CtgDocument *ctg_test_new_document   (void);

G_END_DECLS
