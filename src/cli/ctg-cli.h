/* ctg-cli.h: what the commands of the ctg tool share
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-core.h"

G_BEGIN_DECLS

int             fail                      (const char      *format,
                                           ...) G_GNUC_PRINTF (1, 2);
int             fail_error                (const GError    *error);
char           *printable                 (const char      *text);
CtgDocument    *open_document             (const char      *path,
                                           CtgOpenFlags     flags,
                                           GError         **error);
gboolean        parse_options             (GOptionContext  *context,
                                           int             *argc,
                                           char          ***argv,
                                           int              n_args,
                                           const char      *usage);
GOptionContext *new_context               (const char      *parameter,
                                           const char      *summary);

int             ctg_cli_command_indicator (int              argc,
                                           char           **argv);

G_END_DECLS
