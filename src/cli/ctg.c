/* ctg.c: the ctg command-line tool
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctg-cli.h"
#include "ctg-core.h"

/* Takes @iso (as ctg_document_dup_text() gives it) and frees it */
static char *
format_date_text (char *iso)
{
  G_GNUC_UNUSED g_autofree char *owned = iso;
  CtgDate date;

  if (iso == NULL || !ctg_date_parse (iso, &date))
    return g_strdup ("");
  return ctg_date_format (&date);
}

/* ctg new */

static CTG_CLI_COMMAND (command_new)
{
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("The convention’s title"), N_("TITLE") },
    { NULL }
  };

  if (!parse_command_line (command, entries, &argc, &argv))
    return 2;

  doc = ctg_document_create (argv[1], &error);
  if (doc == NULL)
    return fail_error (error);
  if (title != NULL && !ctg_document_set (doc, CTG_ITEM_CONVENTION, 1, "title", title, &error))
    return fail_error (error);
  return EXIT_SUCCESS;
}

/* ctg import */

static CTG_CLI_COMMAND (command_import)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *output = NULL;
  g_autofree char *convention = NULL;
  g_autoptr(GBytes) table = NULL;
  g_autoptr(GKeyFile) key_file = NULL;
  g_autofree char *sheet = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The convention file to create"), N_("FILE.ctg") },
    { "sheet", 's', 0, G_OPTION_ARG_STRING, &sheet,
      N_("The sheet to read in a spreadsheet (the first one with a plan’s header otherwise)"), N_("NAME") },
    { "convention", 'c', 0, G_OPTION_ARG_FILENAME, &convention,
      N_("Also read the convention’s title, period, signatories and governance from this file"),
      N_("FILE.convention") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace the output file if it exists"), NULL },
    { NULL }
  };

  if (!parse_command_line (command, entries, &argc, &argv))
    return 2;
  if (output == NULL)
    return fail (_("Say where to create the convention with -o FILE.ctg"));

  table = ctg_csv_read_file (argv[1], &error);
  if (table == NULL)
    return fail_error (error);

  if (convention != NULL)
    {
      key_file = g_key_file_new ();
      if (!g_key_file_load_from_file (key_file, convention, G_KEY_FILE_NONE, &error))
        return fail ("%s: %s", convention, error->message);
    }

  if (!ctg_document_create_from_plan (output,
                                      &(CtgPlanSource) { .file = argv[1], .table = table,
                                                         .sheet = sheet, .convention = key_file },
                                      force, warnings, &error))
    return fail_error (error);
  print_warnings (warnings);

  return EXIT_SUCCESS;
}

/* ctg export */

/* Fills @options from the command line; prints why on failure */
static gboolean
report_options (CtgDocument       *doc,
                const char        *meeting,
                const char        *since,
                char             **axes,
                gboolean           fiches,
                gboolean           no_summary,
                gboolean           no_timeline,
                CtgReportOptions  *options)
{
  CtgReportParts parts = CTG_REPORT_PART_NONE;

  if (meeting != NULL)
    {
      CtgDate date;
      g_autoptr(GDate) day = NULL;

      if (!ctg_date_parse (meeting, &date) || ctg_date_precision (&date) != CTG_DATE_PRECISION_DAY)
        {
          fail (_("“%s” is not a day: write it as 15/03/2025 or 2025-03-15"), meeting);
          return FALSE;
        }
      day = ctg_date_first_day (&date);
      options->meeting_date = *day;
    }

  if (since != NULL)
    {
      CtgDate date;

      if (!ctg_date_parse (since, &date) || !ctg_date_is_set (&date))
        {
          fail (_("“%s” is not a date"), since);
          return FALSE;
        }
      options->changes_since = g_strdup (since);
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
              return FALSE;
            }
          g_array_append_val (chosen, g_array_index (all, gint64, number - 1));
        }
      options->axes = g_steal_pointer (&chosen);
    }

  if (!no_summary)
    parts |= CTG_REPORT_PART_SUMMARY;
  if (!no_timeline)
    parts |= CTG_REPORT_PART_TIMELINE;
  if (fiches)
    parts |= CTG_REPORT_PART_FICHES;
  options->parts = parts;

  return TRUE;
}

/* --bilan and --record-year take an optional year. GOption would take
 * whatever follows the option as the year (the file, another option's
 * value): one not followed by a number becomes @empty ("--bilan="), an
 * empty year, which stands for the default one */
static void
give_bare_option_an_empty_year (int         argc,
                                char      **argv,
                                const char *empty)
{
  gsize length = strlen (empty) - 1;

  for (int i = 1; i < argc && !g_str_equal (argv[i], "--"); i++)
    if (strlen (argv[i]) == length && strncmp (argv[i], empty, length) == 0 &&
        (i + 1 == argc || !g_ascii_isdigit (argv[i + 1][0])))
      argv[i] = (char *) empty;
}

/* The year an option such as --bilan gave, @text, "" standing for
 * @default_year, checked as the Export dialog offers years; says why on
 * stderr when it is not one */
static int
parse_review_year (CtgDocument *doc,
                   const char  *text,
                   guint        default_year,
                   guint       *year)
{
  g_autoptr(GError) error = NULL;
  guint64 parsed = default_year;

  if (text[0] != '\0' && !g_ascii_string_to_unsigned (text, 10, 1900, 2200, &parsed, NULL))
    return fail (_("“%s” is not a year"), text);
  if (!ctg_document_check_review_year (doc, (guint) parsed, &error))
    return fail_error (error);
  *year = (guint) parsed;
  return EXIT_SUCCESS;
}

static CTG_CLI_COMMAND (command_export)
{
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CtgReportOptions) options = CTG_REPORT_OPTIONS_INIT;
  g_autofree char *csv_path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *separator = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *xlsx_path = NULL;
  g_autofree char *ods_path = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *since = NULL;
  g_auto(GStrv) axes = NULL;
  gboolean fiches = FALSE;
  gboolean no_summary = FALSE;
  gboolean no_timeline = FALSE;
  g_autofree char *bilan = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace the output file if it exists"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path, N_("Write the plan table as CSV (- for the standard output)"), N_("OUT.csv") },
    { "separator", 0, 0, G_OPTION_ARG_STRING, &separator, N_("The CSV separator: ; (default), , or tab"), N_("SEP") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf_path, N_("Write the report for the steering committee (COPIL) as PDF"), N_("OUT.pdf") },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx_path, N_("Write a sheet for partners to fill, as .xlsx (Excel)"), N_("OUT.xlsx") },
    { "ods", 0, 0, G_OPTION_ARG_FILENAME, &ods_path, N_("Write a sheet for partners to fill, as .ods (LibreOffice)"), N_("OUT.ods") },
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &meeting, N_("The day of the meeting the report is for (default: today)"), N_("DATE") },
    { "changes-since", 0, 0, G_OPTION_ARG_STRING, &since, N_("Add the changes made to the plan since this date"), N_("DATE") },
    { "fiches", 0, 0, G_OPTION_ARG_NONE, &fiches, N_("Add a page per action with its steps, means and indicators"), NULL },
    { "no-summary", 0, 0, G_OPTION_ARG_NONE, &no_summary, N_("Leave the summary page out"), NULL },
    { "no-timeline", 0, 0, G_OPTION_ARG_NONE, &no_timeline, N_("Leave the timeline out"), NULL },
    { "axis", 0, 0, G_OPTION_ARG_STRING_ARRAY, &axes, N_("Report on this axis only, by its number in ctg info; may be repeated"), N_("N") },
    { "bilan", 0, 0, G_OPTION_ARG_STRING, &bilan,
      N_("Add the annual review (bilan annuel) of this year; with no year, of the year last assessed, as in the Export dialog"),
      N_("[YEAR]") },
    { NULL }
  };
  char sep = ';';

  give_bare_option_an_empty_year (argc, argv, "--bilan=");
  if (!parse_command_line (command, entries, &argc, &argv))
    return 2;

  /* The report's options shape the PDF only: without it they would be
   * silently ignored, and the user left thinking they did something */
  if (pdf_path == NULL)
    {
      const char *report_only = bilan != NULL ? "--bilan"
                                : fiches ? "--fiches"
                                : meeting != NULL ? "--meeting"
                                : since != NULL ? "--changes-since"
                                : axes != NULL ? "--axis"
                                : no_summary ? "--no-summary"
                                : no_timeline ? "--no-timeline"
                                : NULL;

      if (report_only != NULL)
        /* Translators: %s is an option of ctg export, such as --fiches */
        return fail (_("%s only applies to the PDF report: add --pdf FILE."), report_only);
    }

  if (separator != NULL && csv_path == NULL)
    /* Translators: %s is an option of ctg export, --separator */
    return fail (_("%s only applies to the CSV export: add --csv FILE."), "--separator");

  if (csv_path == NULL && pdf_path == NULL && xlsx_path == NULL && ods_path == NULL)
    return fail (_("Say what to export, for example --csv OUT.csv, --xlsx OUT.xlsx or --pdf OUT.pdf"));

  if (separator != NULL)
    {
      if (g_str_equal (separator, ",") || g_str_equal (separator, ";"))
        sep = separator[0];
      else if (g_str_equal (separator, "tab") || g_str_equal (separator, "\t"))
        sep = '\t';
      else
        return fail (_("The separator must be ;, , or tab"));
    }

  if ((pdf_path != NULL && !ctg_document_check_replaceable (pdf_path, argv[1], force, &error)) ||
      (xlsx_path != NULL && !ctg_document_check_replaceable (xlsx_path, argv[1], force, &error)) ||
      (ods_path != NULL && !ctg_document_check_replaceable (ods_path, argv[1], force, &error)) ||
      (csv_path != NULL && !g_str_equal (csv_path, "-") &&
       !ctg_document_check_replaceable (csv_path, argv[1], force, &error)))
    return fail_error (error);

  doc = open_document (argv[1], CTG_OPEN_FLAGS_READ_ONLY, &error);
  if (doc == NULL)
    return fail_error (error);

  if (pdf_path != NULL)
    {
      if (!report_options (doc, meeting, since, axes, fiches, no_summary, no_timeline, &options))
        return EXIT_FAILURE;
      if (bilan != NULL)
        {
          guint year;
          int status = parse_review_year (doc, bilan, ctg_document_get_review_year (doc), &year);

          if (status != EXIT_SUCCESS)
            return status;
          options.bilan_year = year;
        }
      if (!ctg_report_write_pdf (doc, &options, pdf_path, NULL, NULL, NULL, &error))
        return fail_error (error);
    }

  if (xlsx_path != NULL && !ctg_document_export_xlsx (doc, xlsx_path, &error))
    return fail_error (error);
  if (ods_path != NULL && !ctg_document_export_ods (doc, ods_path, &error))
    return fail_error (error);

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

/* "31 actions (To start 4, In progress 27)", the line ended */
static void
print_counts (const guint counts[CTG_N_STATUSES])
{
  const char *separator = " (";
  guint total = 0;

  for (guint s = 0; s < CTG_N_STATUSES; s++)
    total += counts[s];
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", total), total);
  for (guint s = 0; s < CTG_N_STATUSES; s++)
    {
      if (counts[s] == 0)
        continue;
      g_print ("%s%s %u", separator, ctg_status_to_label ((CtgStatus) s), counts[s]);
      separator = ", ";
    }
  g_print ("%s\n", total > 0 ? ")" : "");
}

/* "45 % over 12 actions, 3 left out (1 abandoned)": the roll-up rule of
 * docs/rollup.md, in the same words as the report */
static void
print_rollup (const CtgProgressSummary *summary)
{
  if (summary->counted == 0)
    g_print ("%s", _("no progress yet"));
  else
    /* Translators: a roll-up in ctg info: "45 % over 12 actions" */
    g_print (g_dngettext (GETTEXT_PACKAGE, "%.0f %% over %u action", "%.0f %% over %u actions",
                          summary->counted),
             summary->average, summary->counted);
  if (summary->left_out > 0)
    {
      g_print (", ");
      /* Translators: after a roll-up: "3 left out (1 abandoned)" */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u left out", "%u left out", summary->left_out),
               summary->left_out);
      if (summary->abandoned > 0)
        {
          g_print (" (");
          g_print (g_dngettext (GETTEXT_PACKAGE, "%u abandoned", "%u abandoned", summary->abandoned),
                   summary->abandoned);
          g_print (")");
        }
    }
}

static char *
level_or_value (CtgDocument *doc,
                gint64       assessment)
{
  g_autofree char *level_key = ctg_document_dup_text (doc, CTG_ITEM_ASSESSMENT, assessment, "level");
  g_autofree char *value = ctg_document_dup_text (doc, CTG_ITEM_ASSESSMENT, assessment, "value");
  CtgLevel level = CTG_LEVEL_NONE;
  GString *out = g_string_new (NULL);

  ctg_level_from_key (level_key, &level);
  if (level != CTG_LEVEL_NONE)
    g_string_append (out, ctg_level_to_label (level));
  if (value != NULL && value[0] != '\0')
    g_string_append_printf (out, "%s%s", out->len ? " — " : "", value);
  return g_string_free (out, FALSE);
}

/* "  2. Adhésion des communes: Met", then the year's comment if asked */
static void
print_assessment (CtgDocument *doc,
                  guint        number,
                  gint64       indicator,
                  guint        year,
                  gboolean     with_comment)
{
  gint64 assessment = ctg_document_find_assessment (doc, indicator, year);
  g_autofree char *name = ctg_document_dup_text (doc, CTG_ITEM_EVALUATION_INDICATOR, indicator, "name");
  g_autofree char *result = assessment ? level_or_value (doc, assessment) : NULL;
  g_autofree char *comment = NULL;

  /* Translators: an indicator and its assessment, "  2. Adhésion des communes: Met" */
  g_print (_("  %u. %s: %s\n"), number, ctg_evaluation_indicator_shown_name (name), result && result[0] ? result : ctg_level_to_label (CTG_LEVEL_NONE));
  if (with_comment && assessment != 0)
    comment = ctg_document_dup_text (doc, CTG_ITEM_ASSESSMENT, assessment, "comment");
  if (comment != NULL && comment[0] != '\0')
    g_print ("     %s\n", comment);
}

/* The year to evaluate when none is given: the last one assessed, else
 * this year */

static CTG_CLI_COMMAND (command_info)
{
  g_autoptr(CtgDocument) doc = NULL;
  int exit_status;
  g_autoptr(GArray) axes = NULL;
  g_autoptr(GArray) signatories = NULL;
  g_autofree char *title = NULL;
  g_autofree char *territory = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  guint counts[CTG_N_STATUSES];
  gboolean objectives = FALSE;
  int year_option = 0;
  g_autoptr(GListModel) all_actions = NULL;
  CtgProgressSummary summary;
  const GOptionEntry entries[] = {
    { "objectives", 'o', 0, G_OPTION_ARG_NONE, &objectives, N_("Show the progress of each objective too"), NULL },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year_option, N_("The year of the evaluation summary"), N_("YEAR") },
    { NULL }
  };

  doc = parse_command_line_and_open (command, entries, &argc, &argv, FALSE, &exit_status);
  if (doc == NULL)
    return exit_status;

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
  print_counts (counts);

  all_actions = ctg_document_list_actions (doc, 0);
  ctg_actions_summarize_progress (all_actions, &summary);
  g_print ("%s", _("Progress: "));
  print_rollup (&summary);
  g_print ("\n");

  axes = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u axis:\n", "%u axes:\n", axes->len), axes->len);
  for (guint i = 0; i < axes->len; i++)
    {
      gint64 axis = g_array_index (axes, gint64, i);
      g_autofree char *axis_title = ctg_document_dup_text (doc, CTG_ITEM_AXIS, axis, "title");

      ctg_document_count_statuses (doc, axis, counts);
      /* Translators: an axis in ctg info, as in "  2. Enfance: 31 actions" */
      g_print (_("  %u. %s: "), i + 1, axis_title);
      print_counts (counts);

      {
        g_autoptr(GListModel) axis_actions = ctg_document_list_actions (doc, axis);

        ctg_actions_summarize_progress (axis_actions, &summary);
        g_print ("     %s", _("Progress: "));
        print_rollup (&summary);
        g_print ("\n");

        if (objectives)
          {
            g_autoptr(GArray) ids = ctg_document_list_ids (doc, CTG_ITEM_OBJECTIVE, axis);

            for (guint j = 0; j < ids->len; j++)
              {
                gint64 objective = g_array_index (ids, gint64, j);
                g_autofree char *objective_title = ctg_document_dup_text (doc, CTG_ITEM_OBJECTIVE, objective, "title");

                ctg_actions_summarize_progress_where (axis_actions, objective, &summary);
                g_print ("     – %s: ", objective_title && objective_title[0] ? objective_title : _("Untitled objective"));
                print_rollup (&summary);
                g_print ("\n");
              }
          }
      }
    }

  {
    g_autoptr(GArray) indicators = ctg_document_list_ids (doc, CTG_ITEM_EVALUATION_INDICATOR, 0);
    guint year = year_option > 0 ? (guint) year_option : ctg_document_get_review_year (doc);
    guint assessed = 0;

    for (guint i = 0; i < indicators->len; i++)
      assessed += ctg_document_find_assessment (doc, g_array_index (indicators, gint64, i), year) != 0;
    /* Translators: "Evaluation 2025: 3 of 5 indicators assessed"; the plural
     * follows the number assessed, the second %u ("0 indicateur sur 5 évalué") */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Evaluation %u: %u of %u indicators assessed\n",
                          "Evaluation %u: %u of %u indicators assessed\n", assessed),
             year, assessed, indicators->len);
    for (guint i = 0; i < indicators->len; i++)
      print_assessment (doc, i + 1, g_array_index (indicators, gint64, i), year, FALSE);
  }

  if (ctg_document_is_read_only (doc) && ctg_document_get_read_only_reason (doc) != NULL &&
      access (argv[1], W_OK) != 0)
    g_print ("%s\n", ctg_document_get_read_only_reason (doc));

  return EXIT_SUCCESS;
}

/* ctg check */

static CTG_CLI_COMMAND (command_check)
{
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_command_line (command, NULL, &argc, &argv))
    return 2;

  doc = open_document (argv[1], CTG_OPEN_FLAGS_READ_ONLY, &error);
  if (doc == NULL || !ctg_document_check (doc, &error))
    return fail_error (error);

  g_print (_("%s: OK\n"), argv[1]);
  return EXIT_SUCCESS;
}

/* ctg list */

static CTG_CLI_COMMAND (command_list)
{
  g_autoptr(CtgDocument) doc = NULL;
  int exit_status;
  g_autoptr(GListModel) actions = NULL;

  doc = parse_command_line_and_open (command, NULL, &argc, &argv, FALSE, &exit_status);
  if (doc == NULL)
    return exit_status;

  actions = ctg_document_list_actions (doc, 0);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);
      g_autofree char *pilots = ctg_action_dup_pilots_text (action);
      g_autofree char *echeance = ctg_date_format (ctg_action_get_echeance (action));
      int progress = ctg_action_get_progress (action);
      g_autofree char *progress_text = progress >= 0 ? g_strdup_printf (" %d %%", progress) : g_strdup ("");
      g_autofree char *code = printable (ctg_action_get_code (action));
      g_autofree char *title = printable (ctg_action_get_title (action));
      g_autofree char *pilots_line = printable (pilots);

      g_print ("%" G_GINT64_FORMAT "\t%s%s%s\t%s\t%s\t%s%s\n",
               ctg_action_get_id (action),
               code, code[0] ? " " : "", title,
               pilots_line, echeance,
               ctg_status_to_label (ctg_action_get_status (action)), progress_text);
    }
  return EXIT_SUCCESS;
}

/* ctg set */

/* As the app's action editor does, a start or échéance outside the
 * convention's period is saved with a warning: a late action is real */
static void
warn_outside_period (CtgDocument *doc,
                     gint64       action_id)
{
  g_autoptr(CtgAction) action = ctg_document_get_action (doc, action_id);
  g_autofree char *start_text = ctg_document_dup_text (doc, CTG_ITEM_CONVENTION, 1, "period_start");
  g_autofree char *end_text = ctg_document_dup_text (doc, CTG_ITEM_CONVENTION, 1, "period_end");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *period = NULL;
  g_autofree char *start = NULL;
  g_autofree char *echeance = NULL;
  CtgDate period_start, period_end;

  if (action == NULL)
    return;
  ctg_date_parse_or_none (start_text, &period_start);
  ctg_date_parse_or_none (end_text, &period_end);
  period = ctg_date_format_period (&period_start, &period_end);
  start = ctg_date_format (ctg_action_get_start (action));
  echeance = ctg_date_format (ctg_action_get_echeance (action));
  if (ctg_date_outside_period (ctg_action_get_start (action), &period_start, &period_end))
    /* Translators: a warning of ctg set: the action's start, then the convention's period */
    g_ptr_array_add (warnings, g_strdup_printf (_("The start %s is outside the period of the convention (%s); "
                                                  "it is saved all the same."), start, period));
  if (ctg_date_outside_period (ctg_action_get_echeance (action), &period_start, &period_end))
    /* Translators: a warning of ctg set: the action's échéance, then the convention's period */
    g_ptr_array_add (warnings, g_strdup_printf (_("The échéance %s is outside the period of the convention (%s); "
                                                  "it is saved all the same."), echeance, period));
  print_warnings (warnings);
}

static CTG_CLI_COMMAND (command_set)
{
  g_autoptr(CtgDocument) doc = NULL;
  int exit_status;
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
  g_autofree char *referents = NULL;
  g_autofree char *continuous = NULL;
  g_autofree char *budget = NULL;
  g_autofree char *budget_year = NULL;
  g_autofree char *funders = NULL;
  int year = 0;
  g_autofree char *done = NULL;
  g_autofree char *difficulties = NULL;
  g_autofree char *next_steps = NULL;
  g_autofree char *year_status = NULL;
  g_autofree char *year_progress = NULL;
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
    { "referents", 0, 0, G_OPTION_ARG_STRING, &referents, N_("The référents, separated by / or line breaks"), N_("REFERENTS") },
    { "continuous", 0, 0, G_OPTION_ARG_STRING, &continuous, N_("yes for an ongoing action with no échéance, no otherwise"), N_("yes|no") },
    { "budget", 0, 0, G_OPTION_ARG_STRING, &budget, N_("The budget in euros"), N_("AMOUNT") },
    { "budget-year", 0, 0, G_OPTION_ARG_STRING, &budget_year, N_("The year of the budget"), N_("YEAR") },
    { "funders", 0, 0, G_OPTION_ARG_STRING, &funders, N_("The funders, such as “Caf: 12000 / Commune (Romans) / État”"), N_("FUNDERS") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The year of the follow-up options below"), N_("YEAR") },
    { "done", 0, 0, G_OPTION_ARG_STRING, &done, N_("What was done in the year"), N_("TEXT") },
    { "difficulties", 0, 0, G_OPTION_ARG_STRING, &difficulties, N_("The difficulties met in the year"), N_("TEXT") },
    { "next-steps", 0, 0, G_OPTION_ARG_STRING, &next_steps, N_("The next steps after the year"), N_("TEXT") },
    { "year-status", 0, 0, G_OPTION_ARG_STRING, &year_status, N_("The status at the end of the year"), N_("STATUS") },
    { "year-progress", 0, 0, G_OPTION_ARG_STRING, &year_progress, N_("The progress at the end of the year"), N_("PERCENT") },
    { NULL }
  };
  gint64 action_id;

  doc = parse_command_line_and_open (command, entries, &argc, &argv, TRUE, &exit_status);
  if (doc == NULL)
    return exit_status;
  action_id = find_action (doc, argv[2]);
  if (action_id == 0)
    return EXIT_FAILURE;
  if (year == 0 && (done || difficulties || next_steps || year_status || year_progress))
    return fail ("%s", _("Say which year with --year"));
  if (continuous != NULL)
    {
      g_autofree char *folded = ctg_text_fold (continuous);

      if (g_strv_contains ((const char * const[]) { "yes", "oui", "true", "1", NULL }, folded))
        g_free (continuous), continuous = g_strdup ("1");
      else if (g_strv_contains ((const char * const[]) { "no", "non", "false", "0", NULL }, folded))
        g_free (continuous), continuous = g_strdup ("0");
      else
        return fail (_("“%s” is not yes or no"), continuous);
    }

  if (!ctg_document_begin_group (doc, N_("Edit action"), &error))
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
      { "continuous", continuous }, { "budget", budget }, { "budget_year", budget_year },
    };
    const struct { const char *field; const char *value; } year_fields[] = {
      { "done", done }, { "difficulties", difficulties }, { "next_steps", next_steps },
      { "status", year_status }, { "progress", year_progress },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      if (fields[i].value != NULL &&
          !ctg_document_set (doc, CTG_ITEM_ACTION, action_id, fields[i].field, fields[i].value, &error))
        goto failed;
    for (guint i = 0; i < G_N_ELEMENTS (year_fields); i++)
      if (year_fields[i].value != NULL &&
          !ctg_document_set_action_year (doc, action_id, (guint) CLAMP (year, 0, G_MAXINT),
                                         year_fields[i].field, year_fields[i].value, &error))
        goto failed;
  }

  if (funders != NULL)
    {
      g_autoptr(GPtrArray) list = ctg_funding_list_parse (funders, &error);

      if (list == NULL || !ctg_document_set_funding (doc, action_id, list, &error))
        goto failed;
    }
  {
    const struct { const char *text; CtgRelation relation; } participants[] = {
      { referents, CTG_RELATION_REFERENT }, { pilots, CTG_RELATION_PILOT }, { partners, CTG_RELATION_PARTNER },
    };

    for (guint i = 0; i < G_N_ELEMENTS (participants); i++)
      {
        g_autoptr(GPtrArray) list = NULL;

        if (participants[i].text == NULL)
          continue;
        list = ctg_participant_list_parse (participants[i].text);
        if (!ctg_document_set_participants (doc, action_id, participants[i].relation, list, &error))
          goto failed;
      }
  }

  if (!ctg_document_end_group (doc, &error))
    return fail_error (error);
  if (start != NULL || echeance != NULL)
    warn_outside_period (doc, action_id);
  return EXIT_SUCCESS;

failed:
  ctg_document_cancel_group (doc);
  return fail_error (error);
}

/* ctg undo, ctg redo */

static int
replay (const CtgCliCommand  *command,
        int                   argc,
        char                **argv,
        gboolean              undo)
{
  g_autoptr(CtgDocument) doc = NULL;
  int exit_status;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  doc = parse_command_line_and_open (command, NULL, &argc, &argv, TRUE, &exit_status);
  if (doc == NULL)
    return exit_status;

  label = undo ? ctg_document_dup_undo_label (doc) : ctg_document_dup_redo_label (doc);
  if (!(undo ? ctg_document_undo (doc, &error) : ctg_document_redo (doc, &error)))
    return fail_error (error);

  g_print (undo ? _("Undone: %s\n") : _("Redone: %s\n"), label);
  return EXIT_SUCCESS;
}

static CTG_CLI_COMMAND (command_undo)
{
  return replay (command, argc, argv, TRUE);
}

static CTG_CLI_COMMAND (command_redo)
{
  return replay (command, argc, argv, FALSE);
}

/* ctg merge */

static CTG_CLI_COMMAND (command_merge)
{
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(CtgMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ours = FALSE;
  gboolean theirs = FALSE;
  gboolean dry_run = FALSE;
  GPtrArray *changes;
  GPtrArray *conflicts;
  GOptionEntry entries[] = {
    { "ours", 0, 0, G_OPTION_ARG_NONE, &ours, N_("Resolve every conflict with this copy’s value"), NULL },
    { "theirs", 0, 0, G_OPTION_ARG_NONE, &theirs, N_("Resolve every conflict with the other copy’s value"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Show what would be merged, write nothing"), NULL },
    { NULL }
  };

  if (!parse_command_line (command, entries, &argc, &argv))
    return 2;
  if (ours && theirs)
    {
      fail ("%s", _("--ours and --theirs cannot be given together"));
      return 2;
    }

  doc = open_document_to_edit (argv[1], &error);
  if (doc == NULL)
    return fail_error (error);

  merge = ctg_merge_new (doc, argv[2], &error);
  if (merge == NULL)
    return fail_error (error);
  if (ours || theirs)
    ctg_merge_choose_all (merge, ours ? CTG_MERGE_OURS : CTG_MERGE_THEIRS);

  conflicts = ctg_merge_get_conflicts (merge);
  if (ctg_merge_count_unresolved (merge) > 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u conflict: nothing was written.\n",
                            "%u conflicts: nothing was written.\n", conflicts->len),
               conflicts->len);
      for (guint i = 0; i < conflicts->len; i++)
        {
          CtgMergeConflict *c = g_ptr_array_index (conflicts, i);

          /* Translators: a conflict of ctg merge: the item, then its field */
          g_print (_("%s: %s\n"), c->label, c->field_label);
          g_print (_("  when they parted: %s\n"), c->base ? c->base : "—");
          g_print (_("  ours:             %s\n"), c->ours ? c->ours : "—");
          g_print (_("  theirs:           %s\n"), c->theirs ? c->theirs : "—");
        }
      g_print ("%s\n", _("Choose with --ours or --theirs, or merge in the app to choose one by one."));
      return 3;
    }

  changes = ctg_merge_get_changes (merge);
  if (changes->len == 0)
    {
      /* Still records that THEIRS was seen (see ctg_merge_apply()) */
      if (!dry_run && !ctg_merge_apply (merge, &error))
        return fail_error (error);
      g_print ("%s\n", _("Nothing to merge: the other copy brings no change."));
      return EXIT_SUCCESS;
    }
  if (!dry_run && !ctg_merge_apply (merge, &error))
    return fail_error (error);

  g_print ("%s\n", dry_run ? _("Would merge (nothing written):") : _("Merged:"));
  for (guint i = 0; i < changes->len; i++)
    g_print ("  %s\n", (const char *) g_ptr_array_index (changes, i));
  return EXIT_SUCCESS;
}

/* ctg changes */

static CTG_CLI_COMMAND (command_changes)
{
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autofree char *since = NULL;
  const GOptionEntry entries[] = {
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("Only the changes since this date (2025-03-15)"), N_("DATE") },
    { NULL }
  };

  if (!parse_command_line (command, entries, &argc, &argv))
    return 2;

  if (since != NULL)
    {
      CtgDate date;

      if (!ctg_date_parse (since, &date) || !ctg_date_is_set (&date))
        return fail (_("“%s” is not a date"), since);
      g_free (since);
      since = ctg_date_to_iso (&date);
    }

  doc = open_document (argv[1], CTG_OPEN_FLAGS_READ_ONLY, &error);
  if (doc == NULL)
    return fail_error (error);

  /* In the words of the window's history: one edit a paragraph, its time,
   * what the user did and the action it was on, then what changed */
  changes = ctg_document_list_changes (doc, since, 0);
  texts = ctg_change_text_describe (doc, changes);
  for (guint i = 0; i < texts->len; i++)
    {
      const CtgChangeText *text = g_ptr_array_index (texts, i);
      g_autofree char *time = ctg_change_text_format_time (text->time);
      g_autoptr(CtgAction) action = text->action_id ? ctg_document_get_action (doc, text->action_id) : NULL;

      if (action != NULL)
        /* Translators: a change in ctg changes: when, what was done, on which action */
        g_print (_("%s · %s — %s%s%s\n"), time, text->label, ctg_action_get_code (action),
                 ctg_action_get_code (action)[0] ? " " : "", ctg_action_get_title (action));
      else
        g_print ("%s · %s\n", time, text->label);
      for (guint j = 0; j < text->lines->len; j++)
        g_print ("  %s\n", (const char *) g_ptr_array_index (text->lines, j));
    }
  return EXIT_SUCCESS;
}

/* ctg evaluation */

static void
print_year_note (CtgDocument *doc,
                 gint64       row)
{
  const struct { const char *field; const char *label; } parts[] = {
    { "done", NC_("year note", "Done") }, { "difficulties", NC_("year note", "Difficulties") },
    { "next_steps", NC_("year note", "Next steps") },
  };
  g_autofree char *status_key = ctg_document_dup_text (doc, CTG_ITEM_ACTION_YEAR, row, "status");
  gint64 progress = ctg_document_get_int (doc, CTG_ITEM_ACTION_YEAR, row, "progress", -1);
  CtgStatus status;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *text = ctg_document_dup_text (doc, CTG_ITEM_ACTION_YEAR, row, parts[i].field);

      if (text != NULL && text[0] != '\0')
        /* Translators: a part of a year note in ctg evaluation: "    Done: two RPE opened" */
        g_print (_("    %s: %s\n"), g_dpgettext2 (GETTEXT_PACKAGE, "year note", parts[i].label), text);
    }
  if (status_key != NULL && ctg_status_from_key (status_key, &status))
    {
      if (progress >= 0)
        g_print (_("    End of year: %s, %d %%\n"), ctg_status_to_label (status), (int) progress);
      else
        g_print (_("    End of year: %s\n"), ctg_status_to_label (status));
    }
}

/* ctg evaluation --record-year, as the Évaluation page's Record Statuses:
 * one change, undone as one */
static int
record_year_end (CtgDocument *doc,
                 const char  *year_text,
                 guint        default_year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actions = ctg_document_list_actions (doc, 0);
  guint n = g_list_model_get_n_items (actions);
  guint year;
  int status = parse_review_year (doc, year_text, default_year, &year);

  if (status != EXIT_SUCCESS)
    return status;
  if (n == 0)
    return fail (_("The convention has no action: there is no status to record."));
  if (!ctg_document_record_year_end (doc, year, &error))
    return fail_error (error);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "The status and progress of %u action were recorded for the end of %u.\n",
                        "The statuses and progress of %u actions were recorded for the end of %u.\n", n),
           n, year);
  return EXIT_SUCCESS;
}

static CTG_CLI_COMMAND (command_evaluation)
{
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *record = NULL;
  g_autoptr(GArray) indicators = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GHashTable) notes = NULL;
  gint64 totals[CTG_N_FUNDER_KINDS + 1] = { 0 };
  gboolean any_funding = FALSE;
  int year_option = 0;
  guint year;
  guint n;
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year_option, N_("The year to show (the last one assessed if not given)"), N_("YEAR") },
    { "record-year", 0, 0, G_OPTION_ARG_STRING, &record,
      N_("Record each action’s status and progress as they stand now for the end of this year, "
         "as Record Statuses on the Evaluation page; with no year, the year shown"),
      N_("[YEAR]") },
    { NULL }
  };

  give_bare_option_an_empty_year (argc, argv, "--record-year=");
  if (!parse_command_line (command, entries, &argc, &argv))
    return 2;
  doc = record != NULL ? open_document_to_edit (argv[1], &error)
                       : open_document (argv[1], CTG_OPEN_FLAGS_READ_ONLY, &error);
  if (doc == NULL)
    return fail_error (error);
  year = year_option > 0 ? (guint) year_option : ctg_document_get_review_year (doc);
  if (record != NULL)
    return record_year_end (doc, record, year);

  g_print (_("Evaluation %u\n"), year);
  g_print ("%s\n", _("Indicators:"));
  indicators = ctg_document_list_ids (doc, CTG_ITEM_EVALUATION_INDICATOR, 0);
  for (guint i = 0; i < indicators->len; i++)
    print_assessment (doc, i + 1, g_array_index (indicators, gint64, i), year, TRUE);

  g_print ("%s\n", _("Follow-up notes:"));
  actions = ctg_document_list_actions (doc, 0);
  n = g_list_model_get_n_items (actions);
  notes = ctg_document_find_action_notes (doc, year);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);
      gint64 action_id = ctg_action_get_id (action);
      gint64 *row = g_hash_table_lookup (notes, &action_id);

      ctg_action_add_year_funding (action, year, totals);
      if (row == NULL)
        continue;
      g_print ("  %u\t%s%s%s\n", i + 1, ctg_action_get_code (action),
               ctg_action_get_code (action)[0] ? " " : "", ctg_action_get_title (action));
      print_year_note (doc, *row);
    }

  /* The same sums as the PDF's annual review: the budgets, then what each
   * funder brings, for the actions whose budget is for that year or none */
  g_print ("%s\n", _("Funding per funder:"));
  for (guint c = 0; c <= CTG_N_FUNDER_KINDS; c++)
    {
      g_autofree char *amount = NULL;

      if (totals[c] == 0)
        continue;
      any_funding = TRUE;
      amount = ctg_amount_format (totals[c]);
      /* Translators: a funder and its total, "  Caf: 8 000 €" */
      g_print (_("  %s: %s\n"), c == 0 ? C_("column", "Budget") : ctg_funder_to_label ((CtgFunderKind) (c - 1)), amount);
    }
  if (!any_funding)
    g_print ("  %s\n", _("No budget or funding amount has been entered."));
  return EXIT_SUCCESS;
}

/* ctg assess */

static CTG_CLI_COMMAND (command_assess)
{
  g_autoptr(CtgDocument) doc = NULL;
  int exit_status;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) indicators = NULL;
  g_autofree char *level = NULL;
  g_autofree char *value = NULL;
  g_autofree char *comment = NULL;
  guint64 number;
  guint64 year;
  gint64 indicator;
  const GOptionEntry entries[] = {
    { "level", 'l', 0, G_OPTION_ARG_STRING, &level, N_("non atteint, partiellement atteint, atteint or dépassé"), N_("LEVEL") },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value, N_("What was measured, such as “9 communes of 15”"), N_("VALUE") },
    { "comment", 'c', 0, G_OPTION_ARG_STRING, &comment, N_("A comment on the year"), N_("TEXT") },
    { NULL }
  };

  doc = parse_command_line_and_open (command, entries, &argc, &argv, TRUE, &exit_status);
  if (doc == NULL)
    return exit_status;

  indicators = ctg_document_list_ids (doc, CTG_ITEM_EVALUATION_INDICATOR, 0);
  if (!g_ascii_string_to_unsigned (argv[2], 10, 1, indicators->len, &number, NULL))
    return fail (_("There is no indicator %s in this convention; see ctg evaluation"), argv[2]);
  if (!g_ascii_string_to_unsigned (argv[3], 10, 1900, 2200, &year, NULL))
    return fail (_("“%s” is not a year"), argv[3]);
  indicator = g_array_index (indicators, gint64, number - 1);

  if (!ctg_document_begin_group (doc, N_("Edit assessment"), &error))
    return fail_error (error);
  {
    const struct { const char *field; const char *value; } fields[] = {
      { "level", level }, { "value", value }, { "comment", comment },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      if (fields[i].value != NULL &&
          !ctg_document_set_assessment (doc, indicator, (guint) year, fields[i].field, fields[i].value, &error))
        {
          ctg_document_cancel_group (doc);
          return fail_error (error);
        }
  }
  if (!ctg_document_end_group (doc, &error))
    return fail_error (error);
  return EXIT_SUCCESS;
}

/* ctg update */

static CTG_CLI_COMMAND (command_update)
{
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from = NULL;
  g_autofree char *sheet = NULL;
  g_autoptr(GBytes) returned = NULL;
  char *data = NULL;
  gboolean dry_run = FALSE;
  gint64 last_action = -1;
  guint last_line = 0;
  gsize length;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("The sheet the partners sent back (.xlsx, .ods or .csv)"), N_("FILE") },
    { "sheet", 's', 0, G_OPTION_ARG_STRING, &sheet, N_("The sheet to read in a spreadsheet"), N_("NAME") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("List the changes without applying them"), NULL },
    { NULL }
  };

  if (!parse_command_line (command, entries, &argc, &argv))
    return 2;
  if (from == NULL)
    return fail (_("Say which sheet to read with --from FILE"));

  if (!g_file_get_contents (from, &data, &length, &error))
    return fail_error (error);
  returned = g_bytes_new_take (g_steal_pointer (&data), length);
  doc = ctg_document_open (argv[1], dry_run ? CTG_OPEN_FLAGS_READ_ONLY : CTG_OPEN_FLAGS_NONE, &error);
  if (doc == NULL)
    return fail_error (error);

  changes = ctg_plan_update_compute (doc, returned, sheet, warnings, &error);
  if (changes == NULL)
    return fail_error (error);
  print_warnings (warnings);

  for (guint i = 0; i < changes->len; i++)
    {
      CtgPlanChange *change = g_ptr_array_index (changes, i);
      g_autofree char *line = ctg_plan_change_describe (change);

      if (change->action_id == 0)
        {
          /* Translators: a new action proposed by row N of a returned sheet */
          g_print (_("Row %u: %s\n"), change->line, line);
          continue;
        }
      if (change->action_id != last_action || change->line != last_line)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, change->action_id);

          /* Translators: the action a returned sheet changes: its number, title and row in the sheet */
          g_print (_("Action %s “%s” (row %u):\n"), number, change->action_title, change->line);
        }
      last_action = change->action_id;
      last_line = change->line;
      g_print ("  %s\n", line);
    }

  if (changes->len == 0)
    {
      g_print ("%s\n", _("The sheet changes nothing."));
      return EXIT_SUCCESS;
    }
  if (dry_run)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u change, not applied (--dry-run).\n",
                            "%u changes, not applied (--dry-run).\n", changes->len), changes->len);
      return EXIT_SUCCESS;
    }
  if (!ctg_plan_update_apply (doc, changes, &error))
    return fail_error (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u change applied; “ctg undo” reverts it.\n",
                        "%u changes applied; “ctg undo” reverts them.\n", changes->len), changes->len);
  return EXIT_SUCCESS;
}

/* Every command: what ctg --help says of it, then its own --help. Left
 * out, the parameter is FILE.ctg, the summary the brief as a sentence and
 * the usage "ctg NAME PARAMETER". */
static const CtgCliCommand commands[] = {
  { "new", command_new, N_("Create an empty convention"),
    .usage = N_("ctg new [--title TITLE] FILE.ctg") },
  { "import", command_import, N_("Create a convention from a plan table in CSV, .xlsx or .ods"),
    .parameter = N_("PLAN.csv|PLAN.xlsx|PLAN.ods"),
    .summary = N_("Create a convention from a plan table in CSV, .xlsx or .ods: one row per action, "
                  "with the columns axe, thématique, enjeu, objectif, code, action, "
                  "description, pilotes, partenaires, début, échéance, statut, "
                  "avancement, étapes, moyens, indicateurs, notes."),
    .usage = N_("ctg import PLAN.csv|PLAN.xlsx|PLAN.ods -o FILE.ctg [--sheet NAME] [--convention FILE.convention] [--force]") },
  { "export", command_export, N_("Export a convention’s plan table (CSV), a sheet to fill (.xlsx, .ods) or its COPIL report (PDF)"),
    .summary = N_("Export a convention."),
    .usage = N_("ctg export FILE.ctg --csv OUT.csv | --xlsx OUT.xlsx | --ods OUT.ods | --pdf OUT.pdf [--meeting DATE]") },
  { "info", command_info, N_("Show a convention’s title, period and plan") },
  { "check", command_check, N_("Check that a convention file is valid"),
    .summary = N_("Check that a file is a convention of this version or an older one, "
                  "and that it is not damaged.") },
  { "list", command_list, N_("List the actions with their numbers"),
    .summary = N_("List the actions with their numbers, for ctg set.") },
  { "set", command_set, N_("Change an action’s status, progress, pilots or dates"),
    .parameter = N_("FILE.ctg ACTION"),
    .summary = N_("Change an action (its number is shown by ctg list). All the changes "
                  "are saved together, or none if one is refused."),
    .usage = N_("ctg set FILE.ctg ACTION [--status …] [--progress …] [--pilots …] [--echeance …]") },
  { "evaluation", command_evaluation, N_("Show a year’s evaluation and follow-up notes"),
    .summary = N_("Show a year’s evaluation: the indicators’ assessments, the actions’ "
                  "follow-up notes and the funding per funder. With --record-year, record "
                  "instead where each action stands for the end of the year, which the "
                  "annual review counts; ctg undo takes it back as one change."),
    .usage = N_("ctg evaluation [--year YEAR] [--record-year [YEAR]] FILE.ctg") },
  { "assess", command_assess, N_("Assess an evaluation indicator for a year"),
    .parameter = N_("FILE.ctg INDICATOR YEAR"),
    .summary = N_("Assess an evaluation indicator (its number is shown by ctg evaluation) "
                  "for a year. All the changes are saved together."),
    .usage = N_("ctg assess FILE.ctg INDICATOR YEAR [--level …] [--value …] [--comment …]") },
  { "indicator", ctg_cli_command_indicator, N_("Show or change an indicator’s measures: baseline, target, yearly values"),
    .parameter = N_("FILE.ctg ACTION|convention N"),
    .summary = N_("Show or change the Nth indicator of an action (its number is shown by ctg list) "
                  "or of the convention (as ctg evaluation numbers them). Numbers are written the "
                  "French way: 1 234,5 or 12 %. All the changes are saved together."),
    .usage = N_("ctg indicator FILE.ctg ACTION|convention N [--target …] [--year YEAR --value …]") },
  { "update", command_update, N_("Take back a sheet filled in by partners"),
    .summary = N_("Update a convention from a sheet exported with ctg export --xlsx or --ods and "
                  "filled in by partners: lists each change, then applies them as one undo step."),
    .usage = N_("ctg update FILE.ctg --from SHEET.xlsx|SHEET.ods|SHEET.csv [--dry-run]") },
  { "undo", command_undo, N_("Undo the last change") },
  { "redo", command_redo, N_("Redo the last undone change") },
  { "changes", command_changes, N_("List the changes recorded in a convention"),
    .usage = N_("ctg changes FILE.ctg [--since DATE]") },
  { "merge", command_merge, N_("Bring into a convention what another copy of it changed"),
    .parameter = N_("OURS.ctg THEIRS.ctg"),
    .summary = N_("Bring into OURS everything THEIRS changed since the two copies parted, "
                  "as one undoable change. With conflicts and neither --ours nor --theirs, "
                  "nothing is written and the exit status is 3."),
    .usage = N_("ctg merge OURS.ctg THEIRS.ctg [--ours|--theirs] [--dry-run]") },
};

static void
print_usage (FILE *stream)
{
  int width = 0;

  fprintf (stream, "%s\n\n", _("Usage: ctg COMMAND [OPTION…] FILE…"));
  /* The briefs start in one column, after the longest name */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (int) strlen (commands[i].name));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-*s  %s\n", width, commands[i].name, _(commands[i].brief));
  fprintf (stream, "\n%s\n", _("Run “ctg COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  ctg_i18n_init ();

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
          return commands[i].func (&commands[i], argc - 1, argv + 1);
        }
    }

  fail (_("“%s” is not a command"), argv[1]);
  print_usage (stderr);
  return 2;
}
