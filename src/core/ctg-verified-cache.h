/* ctg-verified-cache.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sys/stat.h>

G_BEGIN_DECLS

/* What identifies one state of a convention file: the digest of its
 * SQLite header (which holds the change counter SQLite bumps on every
 * write) and of its device, inode, size, mtime and ctime */
typedef struct
{
  guint8   digest[32];
  gboolean settled;    /* last changed long enough ago to be remembered */
  struct stat st;
} CtgFileState;

void      _ctg_file_state_init            (CtgFileState       *state,
                                           const char         *path,
                                           const struct stat  *st,
                                           const guint8       *header,
                                           gsize               length);
gboolean  _ctg_file_state_unchanged       (const CtgFileState *state,
                                           int                 fd);

gboolean  _ctg_verified_cache_contains    (const CtgFileState *state);
void      _ctg_verified_cache_remember    (const CtgFileState *state);

/* For tests */
gboolean  _ctg_verified_cache_knows_path  (const char         *path);
void      _ctg_verified_cache_set_settle_us (gint64             settle_us);

G_END_DECLS
