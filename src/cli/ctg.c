/* ctg.c: the ctg command-line tool
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "ctg-core.h"

typedef int (*CommandFunc) (int argc, char **argv);

static int
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

/* One clear line on stderr, then a non-zero status */
static int
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

static int
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

static gboolean
parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv,
               int              n_args,
               const char      *usage)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      fail ("%s", error->message);
      return FALSE;
    }
  if (*argc - 1 != n_args)
    {
      g_printerr (_("Usage: %s\n"), usage);
      return FALSE;
    }
  return TRUE;
}

static GOptionContext *
new_context (const char *parameter,
             const char *summary)
{
  GOptionContext *context = g_option_context_new (parameter);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  return context;
}

/* Takes @iso (as ctg_document_dup_text() gives it) and frees it */
static char *
format_date_text (char *iso)
{
  g_autofree char *owned = iso;
  CtgDate date;

  if (iso == NULL || !ctg_date_parse (iso, &date))
    return g_strdup ("");
  return ctg_date_format (&date);
}

/* ctg new */

static int
command_new (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("The convention’s title"), N_("TITLE") },
    { NULL }
  };

  context = new_context (_("FILE.ctg"), _("Create an empty convention."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 1, _("ctg new [--title TITLE] FILE.ctg")))
    return 2;

  doc = ctg_document_create (argv[1], &error);
  if (doc == NULL)
    return fail_error (error);
  if (title != NULL && !ctg_document_set (doc, CTG_ITEM_CONVENTION, 1, "title", title, &error))
    return fail_error (error);
  return EXIT_SUCCESS;
}

/* ctg import */

static int
command_import (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *output = NULL;
  g_autofree char *convention = NULL;
  g_autofree char *data = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(GKeyFile) key_file = NULL;
  gboolean force = FALSE;
  gsize length;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The convention file to create"), N_("FILE.ctg") },
    { "convention", 'c', 0, G_OPTION_ARG_FILENAME, &convention,
      N_("Also read the convention’s title, period, signatories and governance from this file"),
      N_("FILE.convention") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace the output file if it exists"), NULL },
    { NULL }
  };

  context = new_context (_("PLAN.csv"),
                         _("Create a convention from a plan table in CSV: one row per action, "
                           "with the columns axe, thématique, enjeu, objectif, code, action, "
                           "description, pilotes, partenaires, début, échéance, statut, "
                           "avancement, étapes, moyens, indicateurs, notes."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 1,
                      _("ctg import PLAN.csv -o FILE.ctg [--convention FILE.convention] [--force]")))
    return 2;
  if (output == NULL)
    return fail (_("Say where to create the convention with -o FILE.ctg"));

  if (!force && g_file_test (output, G_FILE_TEST_EXISTS))
    return fail (_("“%s” already exists; use --force to replace it"), output);

  if (!g_file_get_contents (argv[1], &data, &length, &error))
    return fail_error (error);

  if (convention != NULL)
    {
      key_file = g_key_file_new ();
      if (!g_key_file_load_from_file (key_file, convention, G_KEY_FILE_NONE, &error))
        return fail ("%s: %s", convention, error->message);
    }

  /* Built aside and renamed into place: a failed import leaves nothing */
  tmp_path = g_strdup_printf ("%s.%u.tmp", output, g_random_int ());
  doc = ctg_document_create (tmp_path, &error);
  if (doc == NULL)
    return fail_error (error);

  if (!ctg_document_import_csv (doc, data, length, warnings, &error) ||
      (key_file != NULL && !ctg_document_import_convention (doc, key_file, &error)))
    {
      ctg_document_close (doc);
      g_unlink (tmp_path);
      return fail_error (error);
    }

  ctg_document_close (doc);
  if (g_rename (tmp_path, output) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      return fail ("%s: %s", output, g_strerror (saved_errno));
    }

  for (guint i = 0; i < warnings->len; i++)
    g_printerr (_("ctg: warning: %s\n"), (char *) g_ptr_array_index (warnings, i));

  return EXIT_SUCCESS;
}

/* ctg export */

/* The report's options from the command line; prints why on failure */
static CtgReportOptions *
report_options (CtgDocument  *doc,
                const char   *meeting,
                const char   *since,
                char        **axes,
                gboolean      fiches,
                gboolean      no_summary,
                gboolean      no_timeline)
{
  g_autoptr(CtgReportOptions) options = ctg_report_options_new ();
  CtgReportParts parts = CTG_REPORT_PART_NONE;

  if (meeting != NULL)
    {
      CtgDate date;
      g_autoptr(GDate) day = NULL;

      if (!ctg_date_parse (meeting, &date) || ctg_date_precision (&date) != CTG_DATE_PRECISION_DAY)
        {
          fail (_("“%s” is not a day: write it as 15/03/2025 or 2025-03-15"), meeting);
          return NULL;
        }
      day = ctg_date_first_day (&date);
      ctg_report_options_set_meeting_date (options, day);
    }

  if (since != NULL)
    {
      CtgDate date;

      if (!ctg_date_parse (since, &date) || !ctg_date_is_set (&date))
        {
          fail (_("“%s” is not a date"), since);
          return NULL;
        }
      ctg_report_options_set_changes_since (options, since);
    }

  if (axes != NULL)
    {
      g_autoptr(GArray) all = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
      g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint i = 0; axes[i] != NULL; i++)
        {
          guint64 number = 0;

          if (!g_ascii_string_to_unsigned (axes[i], 10, 1, MAX (all->len, 1), &number, NULL) ||
              number > all->len)
            {
              fail (g_dngettext (GETTEXT_PACKAGE, "There is no axis %s: the convention has %u axis",
                                 "There is no axis %s: the convention has %u axes", all->len),
                    axes[i], all->len);
              return NULL;
            }
          g_array_append_val (chosen, g_array_index (all, gint64, number - 1));
        }
      ctg_report_options_set_axes (options, (const gint64 *) (gpointer) chosen->data, chosen->len);
    }

  if (!no_summary)
    parts |= CTG_REPORT_PART_SUMMARY;
  if (!no_timeline)
    parts |= CTG_REPORT_PART_TIMELINE;
  if (fiches)
    parts |= CTG_REPORT_PART_FICHES;
  ctg_report_options_set_parts (options, parts);

  return g_steal_pointer (&options);
}

static int
command_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgReportOptions) options = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *separator = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *since = NULL;
  g_auto(GStrv) axes = NULL;
  gboolean fiches = FALSE;
  gboolean no_summary = FALSE;
  gboolean no_timeline = FALSE;
  const GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path, N_("Write the plan table as CSV (- for the standard output)"), N_("OUT.csv") },
    { "separator", 0, 0, G_OPTION_ARG_STRING, &separator, N_("The CSV separator: ; (default), , or tab"), N_("SEP") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf_path, N_("Write the report for the steering committee (COPIL) as PDF"), N_("OUT.pdf") },
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &meeting, N_("The day of the meeting the report is for (default: today)"), N_("DATE") },
    { "changes-since", 0, 0, G_OPTION_ARG_STRING, &since, N_("Add the changes made to the plan since this date"), N_("DATE") },
    { "fiches", 0, 0, G_OPTION_ARG_NONE, &fiches, N_("Add a page per action with its steps, means and indicators"), NULL },
    { "no-summary", 0, 0, G_OPTION_ARG_NONE, &no_summary, N_("Leave the summary page out"), NULL },
    { "no-timeline", 0, 0, G_OPTION_ARG_NONE, &no_timeline, N_("Leave the timeline out"), NULL },
    { "axis", 0, 0, G_OPTION_ARG_STRING_ARRAY, &axes, N_("Report on this axis only, by its number in ctg info; may be repeated"), N_("N") },
    { NULL }
  };
  char sep = ';';

  context = new_context (_("FILE.ctg"), _("Export a convention."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 1, _("ctg export FILE.ctg --csv OUT.csv | --pdf OUT.pdf [--meeting DATE]")))
    return 2;
  if (csv_path == NULL && pdf_path == NULL)
    return fail (_("Say what to export, for example --csv OUT.csv or --pdf OUT.pdf"));

  if (separator != NULL)
    {
      if (g_str_equal (separator, ",") || g_str_equal (separator, ";"))
        sep = separator[0];
      else if (g_str_equal (separator, "tab") || g_str_equal (separator, "\t"))
        sep = '\t';
      else
        return fail (_("The separator must be ;, , or tab"));
    }

  doc = ctg_document_open (argv[1], CTG_OPEN_FLAGS_READ_ONLY, &error);
  if (doc == NULL)
    return fail_error (error);

  if (pdf_path != NULL)
    {
      options = report_options (doc, meeting, since, axes, fiches, no_summary, no_timeline);
      if (options == NULL)
        return EXIT_FAILURE;
      if (!ctg_report_write_pdf (doc, options, pdf_path, NULL, NULL, NULL, &error))
        return fail_error (error);
    }

  if (csv_path == NULL)
    return EXIT_SUCCESS;

  csv = ctg_document_export_csv (doc, sep);
  if (g_str_equal (csv_path, "-"))
    {
      fputs (csv, stdout);
      return fflush (stdout) == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
    }
  if (!g_file_set_contents (csv_path, csv, -1, &error))
    return fail_error (error);
  return EXIT_SUCCESS;
}

/* ctg info */

static void
print_counts (const guint counts[CTG_N_STATUSES])
{
  gboolean first = TRUE;

  for (guint s = 0; s < CTG_N_STATUSES; s++)
    {
      if (counts[s] == 0)
        continue;
      g_print ("%s%s %u", first ? "" : ", ", ctg_status_to_label ((CtgStatus) s), counts[s]);
      first = FALSE;
    }
}

static guint
sum_counts (const guint counts[CTG_N_STATUSES])
{
  guint total = 0;

  for (guint s = 0; s < CTG_N_STATUSES; s++)
    total += counts[s];
  return total;
}

static int
command_info (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) axes = NULL;
  g_autoptr(GArray) signatories = NULL;
  g_autofree char *title = NULL;
  g_autofree char *territory = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  guint counts[CTG_N_STATUSES];
  guint total;

  context = new_context (_("FILE.ctg"), _("Show a convention’s title, period and plan."));
  if (!parse_options (context, &argc, &argv, 1, _("ctg info FILE.ctg")))
    return 2;

  doc = ctg_document_open (argv[1], CTG_OPEN_FLAGS_READ_ONLY, &error);
  if (doc == NULL)
    return fail_error (error);

  title = ctg_document_dup_text (doc, CTG_ITEM_CONVENTION, 1, "title");
  territory = ctg_document_dup_text (doc, CTG_ITEM_CONVENTION, 1, "territory");
  start = format_date_text (ctg_document_dup_text (doc, CTG_ITEM_CONVENTION, 1, "period_start"));
  end = format_date_text (ctg_document_dup_text (doc, CTG_ITEM_CONVENTION, 1, "period_end"));
  signatories = ctg_document_list_ids (doc, CTG_ITEM_SIGNATORY, 0);

  g_print ("%s\n", title && title[0] ? title : _("Untitled convention"));
  if (territory && territory[0])
    g_print (_("Territory: %s\n"), territory);
  if (start[0] || end[0])
    g_print (_("Period: %s – %s\n"), start, end);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u signatory\n", "%u signatories\n", signatories->len),
           signatories->len);

  ctg_document_count_statuses (doc, 0, counts);
  total = sum_counts (counts);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", total), total);
  if (total > 0)
    {
      g_print (" (");
      print_counts (counts);
      g_print (")");
    }
  g_print ("\n");

  axes = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u axis:\n", "%u axes:\n", axes->len), axes->len);
  for (guint i = 0; i < axes->len; i++)
    {
      gint64 axis = g_array_index (axes, gint64, i);
      g_autofree char *axis_title = ctg_document_dup_text (doc, CTG_ITEM_AXIS, axis, "title");
      guint n;

      ctg_document_count_statuses (doc, axis, counts);
      n = sum_counts (counts);
      /* Translators: an axis in ctg info, as in "  2. Enfance: 31 actions" */
      g_print (_("  %u. %s: "), i + 1, axis_title);
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", n), n);
      if (n > 0)
        {
          g_print (" (");
          print_counts (counts);
          g_print (")");
        }
      g_print ("\n");
    }

  if (ctg_document_is_read_only (doc) && ctg_document_get_read_only_reason (doc) != NULL &&
      access (argv[1], W_OK) != 0)
    g_print ("%s\n", ctg_document_get_read_only_reason (doc));

  return EXIT_SUCCESS;
}

/* ctg check */

static int
command_check (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  context = new_context (_("FILE.ctg"),
                         _("Check that a file is a convention of this version or an older one, "
                           "and that it is not damaged."));
  if (!parse_options (context, &argc, &argv, 1, _("ctg check FILE.ctg")))
    return 2;

  doc = ctg_document_open (argv[1], CTG_OPEN_FLAGS_READ_ONLY, &error);
  if (doc == NULL || !ctg_document_check (doc, &error))
    return fail_error (error);

  g_print (_("%s: OK\n"), argv[1]);
  return EXIT_SUCCESS;
}

/* ctg list */

static int
command_list (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actions = NULL;

  context = new_context (_("FILE.ctg"), _("List the actions with their numbers, for ctg set."));
  if (!parse_options (context, &argc, &argv, 1, _("ctg list FILE.ctg")))
    return 2;

  doc = ctg_document_open (argv[1], CTG_OPEN_FLAGS_READ_ONLY, &error);
  if (doc == NULL)
    return fail_error (error);

  actions = ctg_document_list_actions (doc, 0);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);
      g_autofree char *pilots = ctg_action_dup_pilots_text (action);
      g_autofree char *echeance = ctg_date_format (ctg_action_get_echeance (action));
      int progress = ctg_action_get_progress (action);
      g_autofree char *progress_text = progress >= 0 ? g_strdup_printf (" %d %%", progress) : g_strdup ("");

      g_print ("%" G_GINT64_FORMAT "\t%s%s%s\t%s\t%s\t%s%s\n",
               ctg_action_get_id (action),
               ctg_action_get_code (action),
               ctg_action_get_code (action)[0] ? " " : "",
               ctg_action_get_title (action),
               pilots, echeance,
               ctg_status_to_label (ctg_action_get_status (action)), progress_text);
    }
  return EXIT_SUCCESS;
}

/* ctg set */

static int
command_set (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *pilots = NULL;
  g_autofree char *partners = NULL;
  g_autofree char *start = NULL;
  g_autofree char *echeance = NULL;
  g_autofree char *title = NULL;
  g_autofree char *code = NULL;
  g_autofree char *notes = NULL;
  const GOptionEntry entries[] = {
    { "status", 's', 0, G_OPTION_ARG_STRING, &status, N_("à lancer, en cours, réalisée, reportée or abandonnée"), N_("STATUS") },
    { "progress", 'p', 0, G_OPTION_ARG_STRING, &progress, N_("Progress from 0 to 100"), N_("PERCENT") },
    { "pilots", 0, 0, G_OPTION_ARG_STRING, &pilots, N_("The pilots, separated by / or line breaks"), N_("PILOTS") },
    { "partners", 0, 0, G_OPTION_ARG_STRING, &partners, N_("The partners, separated by / or line breaks"), N_("PARTNERS") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("The start: 2025, 03/2025 or 15/03/2025"), N_("DATE") },
    { "echeance", 'e', 0, G_OPTION_ARG_STRING, &echeance, N_("The échéance: 2025, 03/2025 or 15/03/2025"), N_("DATE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The action’s title"), N_("TITLE") },
    { "code", 0, 0, G_OPTION_ARG_STRING, &code, N_("The action’s code, such as FA 1.2"), N_("CODE") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("The action’s notes"), N_("TEXT") },
    { NULL }
  };
  gint64 action_id;

  context = new_context (_("FILE.ctg ACTION"),
                         _("Change an action (its number is shown by ctg list). All the changes "
                           "are saved together, or none if one is refused."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 2, _("ctg set FILE.ctg ACTION [--status …] [--progress …] [--pilots …] [--echeance …]")))
    return 2;

  if (!g_ascii_string_to_signed (argv[2], 10, 1, G_MAXINT64, &action_id, NULL))
    return fail (_("“%s” is not an action number; see ctg list"), argv[2]);

  doc = ctg_document_open (argv[1], CTG_OPEN_FLAGS_NONE, &error);
  if (doc == NULL)
    return fail_error (error);
  if (ctg_document_is_read_only (doc))
    return fail ("%s", ctg_document_get_read_only_reason (doc));
  if (!ctg_document_has_item (doc, CTG_ITEM_ACTION, action_id))
    return fail (_("There is no action %s in this convention; see ctg list"), argv[2]);

  if (!ctg_document_begin_group (doc, _("Edit action"), &error))
    return fail_error (error);

  /* Start and échéance may move together past each other: clear first */
  if (start != NULL && echeance != NULL &&
      (!ctg_document_set (doc, CTG_ITEM_ACTION, action_id, "start", NULL, &error) ||
       !ctg_document_set (doc, CTG_ITEM_ACTION, action_id, "echeance", NULL, &error)))
    goto failed;

  {
    /* Read after option parsing has filled the values */
    const struct { const char *field; const char *value; } fields[] = {
      { "title", title }, { "code", code }, { "start", start }, { "echeance", echeance },
      { "status", status }, { "progress", progress }, { "notes", notes },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      if (fields[i].value != NULL &&
          !ctg_document_set (doc, CTG_ITEM_ACTION, action_id, fields[i].field, fields[i].value, &error))
        goto failed;
  }

  if (pilots != NULL)
    {
      g_autoptr(GPtrArray) list = ctg_participant_list_parse (pilots);

      if (!ctg_document_set_participants (doc, action_id, CTG_RELATION_PILOT, list, &error))
        goto failed;
    }
  if (partners != NULL)
    {
      g_autoptr(GPtrArray) list = ctg_participant_list_parse (partners);

      if (!ctg_document_set_participants (doc, action_id, CTG_RELATION_PARTNER, list, &error))
        goto failed;
    }

  if (!ctg_document_end_group (doc, &error))
    return fail_error (error);
  return EXIT_SUCCESS;

failed:
  ctg_document_cancel_group (doc);
  return fail_error (error);
}

/* ctg undo, ctg redo */

static int
replay (int      argc,
        char   **argv,
        gboolean undo)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  context = new_context (_("FILE.ctg"), undo ? _("Undo the last change.") : _("Redo the last undone change."));
  if (!parse_options (context, &argc, &argv, 1, undo ? _("ctg undo FILE.ctg") : _("ctg redo FILE.ctg")))
    return 2;

  doc = ctg_document_open (argv[1], CTG_OPEN_FLAGS_NONE, &error);
  if (doc == NULL)
    return fail_error (error);
  if (ctg_document_is_read_only (doc))
    return fail ("%s", ctg_document_get_read_only_reason (doc));

  label = undo ? ctg_document_dup_undo_label (doc) : ctg_document_dup_redo_label (doc);
  if (!(undo ? ctg_document_undo (doc, &error) : ctg_document_redo (doc, &error)))
    return fail_error (error);

  g_print (undo ? _("Undone: %s\n") : _("Redone: %s\n"), label);
  return EXIT_SUCCESS;
}

static int
command_undo (int    argc,
              char **argv)
{
  return replay (argc, argv, TRUE);
}

static int
command_redo (int    argc,
              char **argv)
{
  return replay (argc, argv, FALSE);
}

/* ctg changes */

static int
command_changes (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *since = NULL;
  const GOptionEntry entries[] = {
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("Only the changes since this date (2025-03-15)"), N_("DATE") },
    { NULL }
  };

  context = new_context (_("FILE.ctg"), _("List the changes recorded in a convention."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, 1, _("ctg changes FILE.ctg [--since DATE]")))
    return 2;

  if (since != NULL)
    {
      CtgDate date;

      if (!ctg_date_parse (since, &date) || !ctg_date_is_set (&date))
        return fail (_("“%s” is not a date"), since);
      g_free (since);
      since = ctg_date_to_iso (&date);
    }

  doc = ctg_document_open (argv[1], CTG_OPEN_FLAGS_READ_ONLY, &error);
  if (doc == NULL)
    return fail_error (error);

  changes = ctg_document_list_changes (doc, since, 0);
  for (guint i = 0; i < changes->len; i++)
    {
      const CtgChange *change = g_ptr_array_index (changes, i);

      g_print ("%s\t%s\t%s %" G_GINT64_FORMAT "\t%s%s%s\t%s\t%s\n",
               change->time, change->label, ctg_item_kind_to_table (change->kind), change->item_id,
               change->op, change->field ? " " : "", change->field ? change->field : "",
               change->old_value ? change->old_value : "", change->new_value ? change->new_value : "");
    }
  return EXIT_SUCCESS;
}

static const struct {
  const char  *name;
  CommandFunc  func;
  const char  *summary;
} commands[] = {
  { "new", command_new, N_("Create an empty convention") },
  { "import", command_import, N_("Create a convention from a plan table in CSV") },
  { "export", command_export, N_("Export a convention’s plan table as CSV, or its COPIL report as PDF") },
  { "info", command_info, N_("Show a convention’s title, period and plan") },
  { "check", command_check, N_("Check that a convention file is valid") },
  { "list", command_list, N_("List the actions with their numbers") },
  { "set", command_set, N_("Change an action’s status, progress, pilots or dates") },
  { "undo", command_undo, N_("Undo the last change") },
  { "redo", command_redo, N_("Redo the last undone change") },
  { "changes", command_changes, N_("List the changes recorded in a convention") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: ctg COMMAND [OPTION…] FILE…"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-9s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “ctg COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("CTG_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return EXIT_SUCCESS;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("ctg %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          g_autofree char *prgname = g_strdup_printf ("ctg %s", commands[i].name);

          g_set_prgname (prgname);
          return commands[i].func (argc - 1, argv + 1);
        }
    }

  fail (_("“%s” is not a command"), argv[1]);
  print_usage (stderr);
  return 2;
}
