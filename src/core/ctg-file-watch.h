/* ctg-file-watch.h
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ctg-document.h"

G_BEGIN_DECLS

#define CTG_TYPE_FILE_WATCH (ctg_file_watch_get_type ())

G_DECLARE_FINAL_TYPE (CtgFileWatch, ctg_file_watch, CTG, FILE_WATCH, GObject)

CtgFileWatch *ctg_file_watch_new (CtgDocument *document);

G_END_DECLS
