/* ctg-change-text.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-document.h"

G_BEGIN_DECLS

/**
 * CtgChangeText:
 * @txn_id: the transaction (one undoable edit)
 * @time: when, ISO 8601 in UTC
 * @label: what the user did, as Undo names it ("Edit")
 * @action_id: the action it changed, or 0 when it changed none or several
 * @lines: (element-type utf8): what changed, in words ("Échéance: 2025 →
 *   March 2026")
 */
typedef struct
{
  gint64     txn_id;
  char      *time;
  char      *label;
  gint64     action_id;
  GPtrArray *lines;
} CtgChangeText;

void       ctg_change_text_free        (CtgChangeText *text);
GPtrArray *ctg_change_text_describe    (CtgDocument   *document,
                                        GPtrArray     *changes);
char      *ctg_change_text_format_time (const char    *iso);
char      *ctg_change_text_dup_summary (CtgDocument   *document,
                                        const CtgChangeText *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtgChangeText, ctg_change_text_free)

G_END_DECLS
