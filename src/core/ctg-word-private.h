/* ctg-word-private.h: the words people write for the values of an
 * enumeration (statuses, funders, levels, indicator kinds)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One word, folded (see ctg_text_fold()), and the value it means */
typedef struct
{
  const char *word;
  int         value;
} CtgWord;

gboolean _ctg_word_lookup (const CtgWord *words,
                           gsize          n_words,
                           const char    *folded,
                           int           *value);

G_END_DECLS
