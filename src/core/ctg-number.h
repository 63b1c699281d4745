/* ctg-number.h: numbers typed the French way
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  ctg_number_parse      (const char  *text,
                                 gboolean    *has_value,
                                 double      *value,
                                 char       **unit,
                                 GError     **error);
char     *ctg_number_to_plain   (double       value);
gboolean  ctg_number_from_plain (const char  *plain,
                                 double      *value);
char     *ctg_number_format     (double       value);

G_END_DECLS
