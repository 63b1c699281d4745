/* ctg-schema.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* "CTG1": PRAGMA application_id of every .ctg file */
#define CTG_APPLICATION_ID 0x43544731
#define CTG_SCHEMA_VERSION 4

gboolean _ctg_schema_migrate (sqlite3  *db,
                              int       from_version,
                              GError  **error);
gboolean _ctg_schema_verify  (sqlite3  *db,
                              int       version,
                              GError  **error);

gboolean _ctg_schema_fill_identities (sqlite3   *db,
                                      gboolean   creating,
                                      GError   **error);

char    *_ctg_schema_derived_uuid   (const char *lineage,
                                      const char *what,
                                      gint64      id,
                                      const char *extra);

gboolean _ctg_schema_measure_indicators (sqlite3  *db,
                                         GError  **error);

extern const char * const _ctg_schema_user_tables[];

G_END_DECLS
