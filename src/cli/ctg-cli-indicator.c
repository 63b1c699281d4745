/* ctg-cli-indicator.c: ctg indicator
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>

#include "ctg-cli.h"

/* A plain number of the file, for a French reader; "" for none */
static char *
format_plain (const char *plain)
{
  double value;

  return ctg_number_from_plain (plain, &value) ? ctg_number_format (value) : g_strdup ("");
}

static void
print_measure (const char *label,
               const char *plain,
               gint64      year,
               const char *unit)
{
  g_autofree char *number = format_plain (plain);

  if (number[0] == '\0')
    return;
  g_print ("  %s %s%s%s", label, number, unit[0] ? " " : "", unit);
  if (year != 0)
    g_print (" (%" G_GINT64_FORMAT ")", year);
  g_print ("\n");
}

static void
print_indicator (CtgDocument *doc,
                 CtgItemKind  kind,
                 gint64       id)
{
  g_autofree char *name = ctg_document_dup_text (doc, kind, id, "name");
  g_autofree char *kind_key = ctg_document_dup_text (doc, kind, id, "kind");
  g_autofree char *unit = ctg_document_dup_text (doc, kind, id, "unit");
  g_autofree char *baseline = ctg_document_dup_text (doc, kind, id, "baseline");
  g_autofree char *target_value = ctg_document_dup_text (doc, kind, id, "target_value");
  g_autofree char *safe_name = printable (kind == CTG_ITEM_EVALUATION_INDICATOR ? ctg_evaluation_indicator_shown_name (name)
                                                                                : name);
  g_autofree char *safe_unit = printable (unit);
  gboolean action_level = kind == CTG_ITEM_INDICATOR;
  g_autoptr(GArray) years = ctg_document_list_ids (doc, action_level ? CTG_ITEM_INDICATOR_VALUE : CTG_ITEM_ASSESSMENT, id);
  CtgIndicatorKind indicator_kind;

  g_print ("%s\n", safe_name);
  if (kind_key != NULL && ctg_indicator_kind_parse (kind_key, &indicator_kind))
    g_print ("  %s %s\n", _("Kind:"), ctg_indicator_kind_to_label (indicator_kind));
  print_measure (_("Baseline:"), baseline, ctg_document_get_int (doc, kind, id, "baseline_year", 0), safe_unit);
  print_measure (_("Target:"), target_value, ctg_document_get_int (doc, kind, id, "target_year", 0), safe_unit);
  if (action_level)
    {
      g_autofree char *target = ctg_document_dup_text (doc, kind, id, "target");
      g_autofree char *safe_target = printable (target);

      if (target != NULL && target[0] != '\0')
        g_print ("  %s %s\n", _("Target:"), safe_target);
    }
  for (guint i = 0; i < years->len; i++)
    {
      gint64 row = g_array_index (years, gint64, i);
      CtgItemKind row_kind = action_level ? CTG_ITEM_INDICATOR_VALUE : CTG_ITEM_ASSESSMENT;
      g_autofree char *plain = ctg_document_dup_text (doc, row_kind, row, action_level ? "value" : "measure");
      g_autofree char *comment = ctg_document_dup_text (doc, row_kind, row, "comment");
      g_autofree char *number = format_plain (plain);
      g_autofree char *safe_comment = printable (comment);

      g_print ("  %" G_GINT64_FORMAT " :", ctg_document_get_int (doc, row_kind, row, "year", 0));
      if (number[0] != '\0')
        g_print (" %s%s%s", number, unit[0] ? " " : "", safe_unit);
      if (comment != NULL && comment[0] != '\0')
        g_print (" — %s", safe_comment);
      g_print ("\n");
    }
}

/**
 * ctg_cli_command_indicator:
 *
 * ctg indicator FILE.ctg ACTION N: the Nth indicator of an action;
 * ctg indicator FILE.ctg convention N: the Nth of the convention (numbered
 * as ctg evaluation shows them). With no option it shows the indicator.
 */
CTG_CLI_COMMAND (ctg_cli_command_indicator)
{
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) indicators = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *baseline = NULL;
  g_autofree char *baseline_year = NULL;
  g_autofree char *target = NULL;
  g_autofree char *target_year = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *value = NULL;
  g_autofree char *comment = NULL;
  int year = 0;
  gboolean convention;
  CtgItemKind item_kind;
  gint64 action_id = 0;
  guint64 number;
  gint64 indicator;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("résultat or moyen"), N_("KIND") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("The unit, such as places, familles, %, €"), N_("UNIT") },
    { "baseline", 0, 0, G_OPTION_ARG_STRING, &baseline, N_("The value measured before the convention, such as 1 234,5"), N_("NUMBER") },
    { "baseline-year", 0, 0, G_OPTION_ARG_STRING, &baseline_year, N_("The year of the baseline"), N_("YEAR") },
    { "target", 0, 0, G_OPTION_ARG_STRING, &target, N_("The value to reach, such as 12 %"), N_("NUMBER") },
    { "target-year", 0, 0, G_OPTION_ARG_STRING, &target_year, N_("The year of the target"), N_("YEAR") },
    { "target-text", 0, 0, G_OPTION_ARG_STRING, &target_text, N_("A target that is not a number (action indicators)"), N_("TEXT") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The year of --value and --comment"), N_("YEAR") },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value, N_("The value measured in the year"), N_("NUMBER") },
    { "comment", 'c', 0, G_OPTION_ARG_STRING, &comment, N_("A comment on the year’s value"), N_("TEXT") },
    { NULL }
  };

  if (!parse_command_line (command, entries, &argc, &argv))
    return 2;

  doc = open_document (argv[1], CTG_OPEN_FLAGS_NONE, &error);
  if (doc == NULL)
    return fail_error (error);

  convention = g_str_equal (argv[2], "convention");
  item_kind = convention ? CTG_ITEM_EVALUATION_INDICATOR : CTG_ITEM_INDICATOR;
  if (!convention)
    {
      action_id = find_action (doc, argv[2]);
      if (action_id == 0)
        return EXIT_FAILURE;
    }
  indicators = ctg_document_list_ids (doc, item_kind, action_id);
  if (!g_ascii_string_to_unsigned (argv[3], 10, 1, MAX (indicators->len, 1), &number, NULL) ||
      number > indicators->len)
    return fail (_("There is no indicator %s here"), argv[3]);
  indicator = g_array_index (indicators, gint64, number - 1);

  if (kind == NULL && unit == NULL && baseline == NULL && baseline_year == NULL && target == NULL &&
      target_year == NULL && target_text == NULL && value == NULL && comment == NULL)
    {
      print_indicator (doc, item_kind, indicator);
      return EXIT_SUCCESS;
    }

  if (ctg_document_is_read_only (doc))
    return fail ("%s", ctg_document_get_read_only_reason (doc));
  if (year == 0 && (value != NULL || comment != NULL))
    return fail ("%s", _("Say which year with --year"));
  if (convention && target_text != NULL)
    return fail ("%s", _("A convention indicator’s target is a number: use --target"));

  /* "--target '80 %'" on an indicator with no unit: the unit is % */
  if (unit == NULL)
    {
      g_autofree char *current = ctg_document_dup_text (doc, item_kind, indicator, "unit");
      const char *typed[] = { target, baseline, value };

      for (guint i = 0; i < G_N_ELEMENTS (typed) && (current == NULL || current[0] == '\0'); i++)
        {
          g_autofree char *typed_unit = NULL;
          gboolean has_value;
          double number_value;

          if (typed[i] != NULL && ctg_number_parse (typed[i], &has_value, &number_value, &typed_unit, NULL) &&
              typed_unit != NULL)
            unit = g_steal_pointer (&typed_unit);
          if (unit != NULL)
            break;
        }
    }

  if (!ctg_document_begin_group (doc, N_("Edit indicator"), &error))
    return fail_error (error);
  {
    const struct { const char *field; const char *value; } fields[] = {
      { "kind", kind }, { "unit", unit }, { "baseline", baseline }, { "baseline_year", baseline_year },
      { "target_value", target }, { "target_year", target_year }, { "target", target_text },
    };
    gboolean ok = TRUE;

    for (guint i = 0; ok && i < G_N_ELEMENTS (fields); i++)
      if (fields[i].value != NULL)
        ok = ctg_document_set (doc, item_kind, indicator, fields[i].field, fields[i].value, &error);
    if (ok && value != NULL)
      ok = convention
        ? ctg_document_set_assessment (doc, indicator, (guint) year, "measure", value, &error)
        : ctg_document_set_indicator_year (doc, indicator, (guint) year, "value", value, &error);
    if (ok && comment != NULL)
      ok = convention
        ? ctg_document_set_assessment (doc, indicator, (guint) year, "comment", comment, &error)
        : ctg_document_set_indicator_year (doc, indicator, (guint) year, "comment", comment, &error);
    if (!ok)
      {
        ctg_document_cancel_group (doc);
        return fail_error (error);
      }
  }
  if (!ctg_document_end_group (doc, &error))
    return fail_error (error);
  return EXIT_SUCCESS;
}
