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
void         ctg_test_spin           (guint        ms);

/* Spins the main loop until @check is true, or fails after 15 seconds (a
 * loaded CI machine is slow to deliver X events) */
#define CTG_TEST_WAIT_FOR(check) \
  G_STMT_START { \
    gint64 _end = g_get_monotonic_time () + 15 * G_USEC_PER_SEC; \
    while (!(check) && g_get_monotonic_time () < _end) \
      g_main_context_iteration (NULL, FALSE); \
    g_assert_true (check); \
  } G_STMT_END

G_END_DECLS
