/* ctg-cli.c: what the commands of the ctg tool share
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ctg-cli.h"

/* One clear line on stderr, then a non-zero status */
int
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: an error of the ctg tool, as in "ctg: the file does not exist" */
  g_printerr (_("ctg: %s\n"), message);
  return EXIT_FAILURE;
}

int
fail_error (const GError *error)
{
  g_autofree char *first_line = g_strdup (error->message);
  char *newline = strchr (first_line, '\n');

  /* The first line says what happened; the rest (import problems) follows */
  if (newline != NULL)
    {
      *newline = '\0';
      g_printerr (_("ctg: %s\n"), first_line);
      g_printerr ("%s\n", newline + 1);
      return EXIT_FAILURE;
    }
  return fail ("%s", error->message);
}

/* @text as one line a terminal shows as it is: control characters (from a
 * file written behind the application's back) escaped, never sent raw */
char *
printable (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else if ((c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Opens a convention, telling on stderr what the opening set aside */
CtgDocument *
open_document (const char    *path,
               CtgOpenFlags   flags,
               GError       **error)
{
  CtgDocument *doc = ctg_document_open (path, flags, error);

  if (doc != NULL && ctg_document_get_notice (doc) != NULL)
    /* Translators: a notice of the ctg tool, as in "ctg: a journal was kept aside" */
    g_printerr (_("ctg: %s\n"), ctg_document_get_notice (doc));
  return doc;
}

/* Opens a convention to change it: a file that can only be read (another
 * program edits it, a newer version made it...) is an error saying why */
CtgDocument *
open_document_to_edit (const char  *path,
                       GError     **error)
{
  g_autoptr(CtgDocument) doc = open_document (path, CTG_OPEN_FLAGS_NONE, error);

  if (doc != NULL && ctg_document_is_read_only (doc))
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_READ_ONLY,
                   "%s", ctg_document_get_read_only_reason (doc));
      return NULL;
    }
  return g_steal_pointer (&doc);
}

/* The action numbered @number (as ctg list shows it) in @doc, or 0 after
 * saying why there is none */
gint64
find_action (CtgDocument *doc,
             const char  *number)
{
  gint64 id;

  if (!g_ascii_string_to_signed (number, 10, 1, G_MAXINT64, &id, NULL))
    {
      fail (_("“%s” is not an action number; see ctg list"), number);
      return 0;
    }
  if (!ctg_document_has_item (doc, CTG_ITEM_ACTION, id))
    {
      fail (_("There is no action %s in this convention; see ctg list"), number);
      return 0;
    }
  return id;
}

/* Parses a command's options (@entries may be %NULL) and checks it was given
 * as many arguments as its parameter has words; says why on stderr when not */
gboolean
parse_command_line (const CtgCliCommand  *command,
                    const GOptionEntry   *entries,
                    int                  *argc,
                    char               ***argv)
{
  const char *parameter = command->parameter ? command->parameter : N_("FILE.ctg");
  g_auto(GStrv) words = g_strsplit (parameter, " ", -1);
  g_autoptr(GOptionContext) context = g_option_context_new (_(parameter));
  g_autofree char *summary = command->summary ? g_strdup (_(command->summary))
                                              : g_strconcat (_(command->brief), ".", NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      fail ("%s", error->message);
      return FALSE;
    }
  if ((guint) *argc - 1 != g_strv_length (words))
    {
      g_autofree char *usage = command->usage ? g_strdup (_(command->usage))
                                              : g_strdup_printf ("ctg %s %s", command->name, _(parameter));

      g_printerr (_("Usage: %s\n"), usage);
      return FALSE;
    }
  return TRUE;
}

/* parse_command_line(), then opens the convention the first argument
 * names: read-only, or @to_edit as open_document_to_edit(). Returns %NULL
 * after saying why, @status then being the exit status to return */
CtgDocument *
parse_command_line_and_open (const CtgCliCommand  *command,
                             const GOptionEntry   *entries,
                             int                  *argc,
                             char               ***argv,
                             gboolean              to_edit,
                             int                  *status)
{
  g_autoptr(GError) error = NULL;
  CtgDocument *doc;

  *status = 2;
  if (!parse_command_line (command, entries, argc, argv))
    return NULL;
  doc = to_edit ? open_document_to_edit ((*argv)[1], &error)
                : open_document ((*argv)[1], CTG_OPEN_FLAGS_READ_ONLY, &error);
  if (doc == NULL)
    *status = fail_error (error);
  return doc;
}

/* The warnings of an import or an update, one a line on stderr */
void
print_warnings (GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    g_printerr (_("ctg: warning: %s\n"), (char *) g_ptr_array_index (warnings, i));
}
