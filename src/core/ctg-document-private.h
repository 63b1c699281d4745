/* ctg-document-private.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "ctg-document.h"

G_BEGIN_DECLS

char         *_ctg_now_iso                    (void);
sqlite3_stmt *_ctg_document_prepare           (CtgDocument        *self,
                                               const char         *sql,
                                               GError            **error);
gboolean      _ctg_document_exec              (CtgDocument        *self,
                                               const char         *sql,
                                               GError            **error);
gboolean      _ctg_document_set_sqlite_error  (CtgDocument        *self,
                                               int                 rc,
                                               GError            **error);
gboolean      _ctg_document_begin             (CtgDocument        *self,
                                               const char         *label,
                                               GError            **error);
gboolean      _ctg_document_end               (CtgDocument        *self,
                                               gboolean            ok,
                                               GError            **error);
gint64        _ctg_document_insert            (CtgDocument        *self,
                                               const char         *table,
                                               const char * const *columns,
                                               const char * const *values,
                                               GError            **error);
gboolean      _ctg_document_update            (CtgDocument        *self,
                                               const char         *table,
                                               gint64              id,
                                               const char         *column,
                                               const char         *value,
                                               GError            **error);
void          _ctg_document_suspend_journal   (CtgDocument        *self);
void          _ctg_document_resume_journal    (CtgDocument        *self);

/* ctg-evaluation.c */
gboolean      _ctg_evaluation_frenchify_defaults (sqlite3          *db);

G_END_DECLS
