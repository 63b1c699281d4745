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

/* The words of an enumeration stored in the file and typed in by people:
 * PREFIX_to_key() gives the stable key the file stores, PREFIX_from_key()
 * reads it back, PREFIX_parse() reads what people write (French or English,
 * any case and accents, the keys included) and PREFIX_to_label() gives the
 * translated label */
#define CTG_DECLARE_ENUM_WORDS(Type, prefix)                              \
  const char *prefix##_to_key   (Type        value);                      \
  gboolean    prefix##_from_key (const char *key,                         \
                                 Type       *value);                      \
  gboolean    prefix##_parse    (const char *text,                        \
                                 Type       *value);                      \
  const char *prefix##_to_label (Type        value);

CTG_DECLARE_ENUM_WORDS (CtgStatus, ctg_status)
const char *ctg_status_to_csv    (CtgStatus   status);

gboolean    ctg_progress_parse   (const char *text,
                                  int        *progress);

char       *ctg_text_fold        (const char *text);
gboolean    ctg_text_is_capitals (const char *text,
                                  guint       min_letters);

G_END_DECLS
