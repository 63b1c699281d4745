/* ctg-status.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CTG_STATUS_TODO,
  CTG_STATUS_IN_PROGRESS,
  CTG_STATUS_DONE,
  CTG_STATUS_POSTPONED,
  CTG_STATUS_ABANDONED,
} CtgStatus;

#define CTG_N_STATUSES 5

const char *ctg_status_to_key    (CtgStatus   status);
gboolean    ctg_status_from_key  (const char *key,
                                  CtgStatus  *status);
gboolean    ctg_status_parse     (const char *text,
                                  CtgStatus  *status);
const char *ctg_status_to_label  (CtgStatus   status);
const char *ctg_status_to_csv    (CtgStatus   status);

gboolean    ctg_progress_parse   (const char *text,
                                  int        *progress);

char       *ctg_text_fold        (const char *text);
gboolean    ctg_text_is_capitals (const char *text,
                                  guint       min_letters);

G_END_DECLS
