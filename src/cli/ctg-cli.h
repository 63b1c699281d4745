/* ctg-cli.h: what the commands of the ctg tool share
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-core.h"

G_BEGIN_DECLS

typedef struct _CtgCliCommand CtgCliCommand;

typedef int (*CtgCliCommandFunc) (const CtgCliCommand  *command,
                                  int                   argc,
                                  char                **argv);

/* Declares or defines a command's function, a CtgCliCommandFunc: the
 * command's entry in the table, then its arguments (argv[0] is the command) */
#define CTG_CLI_COMMAND(name) \
  int name (const CtgCliCommand *command, int argc, char **argv)

/* A command of the ctg tool and what it says of itself: in the list of
 * ctg --help (@brief), in ctg COMMAND --help and on a usage error. The
 * strings are marked with N_() and translated when shown; @parameter (its
 * words are the arguments the command takes), @summary and @usage may be
 * %NULL for FILE.ctg, @brief as a sentence and "ctg NAME PARAMETER". */
struct _CtgCliCommand
{
  const char        *name;
  CtgCliCommandFunc  func;
  const char        *brief;
  const char        *parameter;
  const char        *summary;
  const char        *usage;
};

int          fail                      (const char           *format,
                                        ...) G_GNUC_PRINTF (1, 2);
int          fail_error                (const GError         *error);
char        *printable                 (const char           *text);
CtgDocument *open_document             (const char           *path,
                                        CtgOpenFlags          flags,
                                        GError              **error);
CtgDocument *open_document_to_edit     (const char           *path,
                                        GError              **error);
gboolean     parse_command_line        (const CtgCliCommand  *command,
                                        const GOptionEntry   *entries,
                                        int                  *argc,
                                        char               ***argv);
CtgDocument *parse_command_line_and_open (const CtgCliCommand  *command,
                                          const GOptionEntry   *entries,
                                          int                  *argc,
                                          char               ***argv,
                                          gboolean              to_edit,
                                          int                  *status);
gint64       find_action               (CtgDocument          *doc,
                                        const char           *number);
void         print_warnings            (GPtrArray            *warnings);

CTG_CLI_COMMAND (ctg_cli_command_indicator);

G_END_DECLS
