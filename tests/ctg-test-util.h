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
GBytes      *ctg_test_read_bytes     (const char  *path);
gboolean     ctg_test_files_equal    (const char  *a,
                                      const char  *b);
int          ctg_test_run_cli        (char       **out,
                                      char       **err,
                                      const char  *first_arg,
                                      ...) G_GNUC_NULL_TERMINATED;
int          ctg_test_run_cli_french (char       **out,
                                      char       **err,
                                      const char  *first_arg,
                                      ...) G_GNUC_NULL_TERMINATED;
CtgDocument *ctg_test_new_document   (void);
void         ctg_test_write_zip      (const char  *path,
                                      const char * const *names,
                                      const char * const *contents,
                                      const gsize *lengths);
void         ctg_test_write_ods      (const char  *path,
                                      const char  *content);

/* The start of an .ods content.xml, namespaces declared */
#define CTG_TEST_ODS_HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" \
  "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"" \
  " xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\" office:version=\"1.3\">"
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
