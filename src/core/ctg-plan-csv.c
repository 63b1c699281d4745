/* ctg-plan-csv.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-plan-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ctg-csv.h"
#include "ctg-date.h"
#include "ctg-document-private.h"
#include "ctg-number.h"
#include "ctg-plan-csv.h"
#include "ctg-plan-table-private.h"

typedef CtgPlanColumn Column;

/* The header the export writes, in the words of French plan tables */
static const char * const export_header[N_COLUMNS] = {
  "axe", "thématique", "enjeu", "objectif", "code", "action", "description", "pilotes",
  "partenaires", "début", "échéance", "statut", "avancement", "étapes", "moyens",
  "indicateurs", "notes", "référents", "continue", "budget", "année du budget", "financeurs",
};

/* Column names accepted on import, folded (lower case, no accents) */
static const struct {
  const char *name;
  Column      column;
} column_names[] = {
  { "axe", COL_AXIS }, { "axis", COL_AXIS }, { "axes", COL_AXIS },
  { "thematique", COL_THEME }, { "theme", COL_THEME }, { "thematic", COL_THEME },
  { "enjeu", COL_ENJEU }, { "enjeux", COL_ENJEU }, { "stake", COL_ENJEU }, { "issue", COL_ENJEU },
  { "orientation", COL_ENJEU }, { "orientation strategique", COL_ENJEU },
  { "objectif", COL_OBJECTIVE }, { "objective", COL_OBJECTIVE },
  { "objectif strategique", COL_OBJECTIVE }, { "objectifs", COL_OBJECTIVE },
  { "sous-objectif", COL_OBJECTIVE }, { "strategic objective", COL_OBJECTIVE },
  { "code", COL_CODE }, { "numero", COL_CODE }, { "n", COL_CODE }, { "ref", COL_CODE },
  { "action", COL_TITLE }, { "title", COL_TITLE }, { "titre", COL_TITLE },
  { "intitule", COL_TITLE }, { "fiche action", COL_TITLE }, { "actions", COL_TITLE },
  { "description", COL_DESCRIPTION },
  { "pilotes", COL_PILOTS }, { "pilote", COL_PILOTS }, { "pilots", COL_PILOTS }, { "pilot", COL_PILOTS },
  { "partenaires", COL_PARTNERS }, { "partenaire", COL_PARTNERS }, { "partners", COL_PARTNERS },
  { "partner", COL_PARTNERS },
  { "debut", COL_START }, { "start", COL_START }, { "date de debut", COL_START },
  { "start date", COL_START },
  { "echeance", COL_ECHEANCE }, { "deadline", COL_ECHEANCE }, { "echeances", COL_ECHEANCE },
  { "due", COL_ECHEANCE }, { "end", COL_ECHEANCE }, { "fin", COL_ECHEANCE },
  { "statut", COL_STATUS }, { "status", COL_STATUS }, { "etat", COL_STATUS },
  { "avancement", COL_PROGRESS }, { "progress", COL_PROGRESS }, { "progression", COL_PROGRESS },
  { "etapes", COL_STEPS }, { "etape", COL_STEPS }, { "steps", COL_STEPS },
  { "moyens", COL_MEANS }, { "means", COL_MEANS }, { "resources", COL_MEANS },
  { "indicateurs", COL_INDICATORS }, { "indicateur", COL_INDICATORS }, { "indicators", COL_INDICATORS },
  { "criteres d evaluation", COL_INDICATORS }, { "evaluation", COL_INDICATORS },
  { "notes", COL_NOTES }, { "note", COL_NOTES }, { "commentaires", COL_NOTES }, { "comments", COL_NOTES },
  { "referents", COL_REFERENTS }, { "referent", COL_REFERENTS },
  { "continue", COL_CONTINUOUS }, { "continuous", COL_CONTINUOUS },
  { "action continue", COL_CONTINUOUS }, { "amelioration continue", COL_CONTINUOUS },
  { "budget", COL_BUDGET }, { "montant", COL_BUDGET },
  { "annee du budget", COL_BUDGET_YEAR }, { "budget year", COL_BUDGET_YEAR },
  { "financeurs", COL_FUNDERS }, { "financeur", COL_FUNDERS }, { "funders", COL_FUNDERS },
  { "financements", COL_FUNDERS }, { "funding", COL_FUNDERS },
};

static gboolean
column_from_name (const char *name,
                  Column     *column)
{
  g_autofree char *folded = ctg_text_fold (name);

  for (guint i = 0; i < G_N_ELEMENTS (column_names); i++)
    {
      if (g_str_equal (folded, column_names[i].name))
        {
          *column = column_names[i].column;
          return TRUE;
        }
    }
  return FALSE;
}

/* Lists in a cell */

static gboolean
is_list_separator (const char *p,
                   const char *start,
                   gsize      *skip)
{
  /* "/" between digits is part of a date ("03/2024"), not a separator */
  if (*p == '/' && !(p > start && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1])))
    {
      *skip = 1;
      return TRUE;
    }
  if (g_str_has_prefix (p, "—") || g_str_has_prefix (p, "–"))
    {
      *skip = strlen ("—");
      return TRUE;
    }
  /* A hyphen only with spaces around: "Saint-Firmin" is one name */
  if (g_str_has_prefix (p, " - "))
    {
      *skip = 3;
      return TRUE;
    }
  return FALSE;
}

/**
 * ctg_split_list:
 *
 * Splits a cell holding a list: one item per line, or, on a single line,
 * items separated by "/", "—", "–" or " - ". Separators inside parentheses
 * belong to the item ("Pascale ROCHAS (Vice-Présidente / CTG)").
 *
 * Returns: (transfer full) (element-type utf8): the trimmed, non-empty items
 */
GPtrArray *
ctg_split_list (const char *cell)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);

  if (strchr (cell, '\n') != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (cell, "\n", -1);

      for (guint i = 0; lines[i]; i++)
        {
          g_strstrip (lines[i]);
          if (lines[i][0] != '\0')
            g_ptr_array_add (items, g_strdup (lines[i]));
        }
      return items;
    }

  {
    const char *item = cell;
    int depth = 0;

    for (const char *p = cell;; p++)
      {
        gsize skip = 0;

        if (*p == '(')
          depth++;
        else if (*p == ')' && depth > 0)
          depth--;

        if (*p == '\0' || (depth == 0 && is_list_separator (p, cell, &skip)))
          {
            g_autofree char *text = g_strstrip (g_strndup (item, (gsize) (p - item)));

            if (text[0] != '\0')
              g_ptr_array_add (items, g_steal_pointer (&text));
            if (*p == '\0')
              break;
            p += skip - 1;
            item = p + 1;
          }
      }
  }

  return items;
}

/* Writes a list so that ctg_split_list() gives it back as it was */
static void
append_list (GString   *cell,
             GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *item = g_strdup (g_ptr_array_index (items, i));

      g_strdelimit (item, "\r\n", ' ');
      if (i > 0)
        g_string_append_c (cell, '\n');
      g_string_append (cell, item);
    }

  if (items->len == 1)
    {
      g_autoptr(GPtrArray) again = ctg_split_list (cell->str);

      if (again->len != 1)
        g_string_append_c (cell, '\n');
    }
}

/* Steps: "[x] 2024-03: text" */

typedef struct
{
  char     *text;
  char     *date;
  gboolean  done;
} Step;

static void
step_clear (Step *step)
{
  g_free (step->text);
  g_free (step->date);
}

static gboolean
parse_step (const char  *line,
            Step        *step)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *mark = NULL;
  g_autofree char *date = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^(\\[[ xX✓]?\\]\\s*)?"
                                    "(?:([0-9]{4}(?:-[0-9]{2}){0,2}|[0-9]{1,2}/[0-9]{4}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})\\s*:\\s+)?"
                                    "(.*)$",
                                    G_REGEX_OPTIMIZE | G_REGEX_DOTALL, 0, NULL));

  memset (step, 0, sizeof *step);
  if (!g_regex_match (regex, line, 0, &match))
    return FALSE;

  mark = g_match_info_fetch (match, 1);
  date = g_match_info_fetch (match, 2);
  step->text = g_strstrip (g_match_info_fetch (match, 3));
  step->done = mark != NULL && (strchr (mark, 'x') || strchr (mark, 'X') || strstr (mark, "✓"));

  if (date != NULL && date[0] != '\0')
    {
      CtgDate parsed;

      if (!ctg_date_parse (date, &parsed))
        return FALSE;
      step->date = ctg_date_to_iso (&parsed);
    }
  return TRUE;
}


/* One row of the plan, checked */

typedef CtgPlanRow PlanRow;

void
_ctg_plan_row_free (PlanRow *row)
{
  g_free (row->identifier);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (row->cells[i]);
  g_clear_pointer (&row->pilots, g_ptr_array_unref);
  g_clear_pointer (&row->partners, g_ptr_array_unref);
  g_clear_pointer (&row->referents, g_ptr_array_unref);
  g_clear_pointer (&row->funding, g_ptr_array_unref);
  g_free (row->budget);
  g_free (row->budget_year);
  g_free (row->start);
  g_free (row->echeance);
  g_free (row->progress);
  g_clear_pointer (&row->steps, g_array_unref);
  g_clear_pointer (&row->indicators, g_array_unref);
  g_free (row);
}

#define plan_row_free _ctg_plan_row_free

/* Where a problem is: a line of a CSV file, or a row of a sheet */
static void
row_problem (GPtrArray  *problems,
             const char *sheet,
             guint       line,
             const char *message)
{
  if (sheet != NULL)
    g_ptr_array_add (problems, g_strdup_printf (_("sheet “%s”, row %u: %s"), sheet, line, message));
  else
    g_ptr_array_add (problems, g_strdup_printf (_("line %u: %s"), line, message));
}

/**
 * ctg_participant_list_parse:
 *
 * Reads a cell of pilots or partners, split as ctg_split_list() does.
 *
 * Returns: (transfer full) (element-type CtgParticipant): the participants
 */
GPtrArray *
ctg_participant_list_parse (const char *cell)
{
  g_autoptr(GPtrArray) items = ctg_split_list (cell);
  GPtrArray *participants = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);

  for (guint i = 0; i < items->len; i++)
    {
      CtgParticipant *p = ctg_participant_parse (g_ptr_array_index (items, i));

      if (p != NULL)
        g_ptr_array_add (participants, p);
    }
  return participants;
}

static PlanRow *
check_row (const char  *sheet,
           CtgCsvRow   *csv,
           const int    map[N_COLUMNS],
           int          id_column,
           GPtrArray   *problems)
{
  g_autoptr(CtgPlanRow) row = g_new0 (PlanRow, 1);
  guint before = problems->len;
  CtgDate start = { 0 }, echeance = { 0 }, range_start = { 0 }, start_range_end = { 0 };
  CtgStatus status;

  row->line = csv->line;
  if (id_column >= 0 && (guint) id_column < csv->cells->len)
    row->identifier = g_strstrip (g_strdup (g_ptr_array_index (csv->cells, id_column)));
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      const char *cell = map[c] >= 0 && (guint) map[c] < csv->cells->len
                         ? g_ptr_array_index (csv->cells, map[c]) : "";
      row->cells[c] = g_strdup (cell);
    }

  /* Names and titles are single lines without outer spaces (a spreadsheet
   * wraps a long title with a line break: a space, as the export writes) */
  for (guint c = COL_AXIS; c <= COL_TITLE; c++)
    g_strstrip (g_strdelimit (row->cells[c], "\r\n\t", ' '));

  /* Lengths and characters as an edit takes them */
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_autofree char *problem = _ctg_text_problem (row->cells[c],
                                                    c == COL_CODE ? CTG_MAX_CODE_CHARS
                                                    : c <= COL_TITLE ? CTG_MAX_TITLE_CHARS
                                                    : CTG_MAX_PARAGRAPH_CHARS,
                                                    c > COL_TITLE);

      if (problem != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("column “%s”: %s"), export_header[c], problem);

          row_problem (problems, sheet, row->line, message);
        }
    }

  if (row->cells[COL_AXIS][0] == '\0')
    row_problem (problems, sheet, row->line, _("the axis (column “axe”) is empty"));
  if (row->cells[COL_TITLE][0] == '\0')
    row_problem (problems, sheet, row->line, _("the action (column “action”) is empty"));

  row->pilots = ctg_participant_list_parse (row->cells[COL_PILOTS]);
  row->partners = ctg_participant_list_parse (row->cells[COL_PARTNERS]);
  row->referents = ctg_participant_list_parse (row->cells[COL_REFERENTS]);

  {
    g_autofree char *folded = ctg_text_fold (row->cells[COL_CONTINUOUS]);

    if (g_strv_contains ((const char * const[]) { "", "non", "no", "0", "false", NULL }, folded))
      row->continuous = "0";
    else if (g_strv_contains ((const char * const[]) { "oui", "yes", "1", "true", "x", "continue", NULL }, folded))
      row->continuous = "1";
    else
      {
        g_autofree char *message = g_strdup_printf (_("“%s” is not oui or non (column “continue”)"),
                                                    g_strstrip (row->cells[COL_CONTINUOUS]));
        row_problem (problems, sheet, row->line, message);
      }
  }
  {
    g_autoptr(GError) local_error = NULL;
    gint64 cents;

    if (!ctg_amount_parse (row->cells[COL_BUDGET], &cents, &local_error))
      row_problem (problems, sheet, row->line, local_error->message);
    else if (cents >= 0)
      row->budget = g_strdup_printf ("%" G_GINT64_FORMAT, cents);
  }
  {
    g_autofree char *year = g_strstrip (g_strdup (row->cells[COL_BUDGET_YEAR]));
    guint64 value;

    if (year[0] != '\0' && !g_ascii_string_to_unsigned (year, 10, 1900, 2200, &value, NULL))
      {
        g_autofree char *message = g_strdup_printf (_("“%s” is not a year (column “année du budget”)"), year);
        row_problem (problems, sheet, row->line, message);
      }
    else if (year[0] != '\0')
      row->budget_year = g_strdup (year);
  }
  {
    g_autoptr(GError) local_error = NULL;

    row->funding = ctg_funding_list_parse (row->cells[COL_FUNDERS], &local_error);
    if (row->funding == NULL)
      row_problem (problems, sheet, row->line, local_error->message);
  }

  /* "2023-2024" in début, as in échéance, is the years of both: début 2023,
   * and échéance 2024 unless the échéance says otherwise */
  if (!ctg_date_parse_range (row->cells[COL_START], &start, &start_range_end))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a valid start date"),
                                                  g_strstrip (row->cells[COL_START]));
      row_problem (problems, sheet, row->line, message);
    }
  else if (!ctg_date_is_set (&start))
    {
      /* One date: ctg_date_parse_range() gives it as the end */
      start = start_range_end;
      start_range_end = (CtgDate) { 0, 0, 0 };
    }
  if (!ctg_date_parse_range (row->cells[COL_ECHEANCE], &range_start, &echeance))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a valid échéance"),
                                                  g_strstrip (row->cells[COL_ECHEANCE]));
      row_problem (problems, sheet, row->line, message);
    }
  else
    {
      if (ctg_date_is_set (&range_start))
        {
          /* "2023 2024": the years of start and échéance */
          if (ctg_date_is_set (&start) && (start.year != range_start.year || start.month || start.day))
            row_problem (problems, sheet, row->line, _("the échéance gives two years but the start is also given"));
          else
            start = range_start;
        }
      if (ctg_date_is_set (&start_range_end))
        {
          if (!ctg_date_is_set (&echeance))
            echeance = start_range_end;
          else if (echeance.year != start_range_end.year)
            {
              g_autofree char *message =
                g_strdup_printf (_("the start “%s” ends in %u but the échéance is “%s”"),
                                 g_strstrip (row->cells[COL_START]), start_range_end.year,
                                 g_strstrip (row->cells[COL_ECHEANCE]));

              row_problem (problems, sheet, row->line, message);
            }
        }
    }

  if (!ctg_date_range_valid (&start, &echeance))
    row_problem (problems, sheet, row->line, _("the échéance comes before the start"));
  row->start = ctg_date_to_iso (&start);
  row->echeance = ctg_date_to_iso (&echeance);

  if (!ctg_status_parse (row->cells[COL_STATUS], &status))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a status (à lancer, en cours, réalisée, reportée, abandonnée)"),
                         g_strstrip (row->cells[COL_STATUS]));
      row_problem (problems, sheet, row->line, message);
    }
  else
    row->status = ctg_status_to_key (status);

  {
    int progress;

    if (!ctg_progress_parse (row->cells[COL_PROGRESS], &progress))
      {
        g_autofree char *message = g_strdup_printf (_("“%s” is not a progress from 0 to 100"),
                                                    g_strstrip (row->cells[COL_PROGRESS]));
        row_problem (problems, sheet, row->line, message);
      }
    else if (progress >= 0)
      row->progress = g_strdup_printf ("%d", progress);
  }

  row->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (row->steps, (GDestroyNotify) step_clear);
  {
    g_autoptr(GPtrArray) lines = ctg_split_list (row->cells[COL_STEPS]);

    for (guint i = 0; i < lines->len; i++)
      {
        Step step;

        if (!parse_step (g_ptr_array_index (lines, i), &step))
          {
            g_autofree char *message = g_strdup_printf (_("the step “%s” has an invalid date"),
                                                        (char *) g_ptr_array_index (lines, i));
            step_clear (&step);
            row_problem (problems, sheet, row->line, message);
            continue;
          }
        g_array_append_val (row->steps, step);
      }
  }

  row->indicators = g_array_new (FALSE, TRUE, sizeof (Indicator));
  g_array_set_clear_func (row->indicators, (GDestroyNotify) _ctg_plan_indicator_clear);
  {
    g_autoptr(GPtrArray) lines = ctg_split_list (row->cells[COL_INDICATORS]);

    for (guint i = 0; i < lines->len; i++)
      {
        Indicator indicator;
        g_autofree char *message = _ctg_plan_indicator_parse (g_ptr_array_index (lines, i), &indicator);

        if (message != NULL)
          {
            _ctg_plan_indicator_clear (&indicator);
            row_problem (problems, sheet, row->line, message);
            continue;
          }
        g_array_append_val (row->indicators, indicator);
      }
  }

  if (problems->len > before)
    return NULL;
  return g_steal_pointer (&row);
}

/* Writing the checked rows */

typedef struct
{
  CtgDocument *doc;
  GHashTable  *ids;          /* "kind\x1fparent\x1ftitle" -> id */
  GHashTable  *order;        /* section id -> first appearance */
  GHashTable  *positions;    /* "kind\x1fparent" -> next position */
} Importer;

static gint64
next_position (Importer   *im,
               const char *scope)
{
  gpointer value;
  gint64 position = 0;

  if (g_hash_table_lookup_extended (im->positions, scope, NULL, &value))
    position = GPOINTER_TO_SIZE (value);
  g_hash_table_insert (im->positions, g_strdup (scope), GSIZE_TO_POINTER (position + 1));
  return position;
}

static gint64
find_or_insert (Importer            *im,
                const char          *key,
                const char          *scope,
                const char          *table,
                const char * const  *columns,
                const char         **values,
                gboolean            *created,
                GError             **error)
{
  gpointer found;
  g_autofree char *position = NULL;
  gint64 id;
  guint n;

  if (g_hash_table_lookup_extended (im->ids, key, NULL, &found))
    {
      *created = FALSE;
      return (gint64) GPOINTER_TO_SIZE (found);
    }

  for (n = 0; columns[n]; n++)
    ;
  position = g_strdup_printf ("%" G_GINT64_FORMAT, next_position (im, scope));
  values[n - 1] = position;   /* "position" is always the last column */

  id = _ctg_document_insert (im->doc, table, columns, values, error);
  if (id != 0)
    g_hash_table_insert (im->ids, g_strdup (key), GSIZE_TO_POINTER ((gsize) id));
  *created = TRUE;
  return id;
}

static char *
id_text (gint64 id)
{
  return id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;
}

/* @axis: the axis's id, as the row's other keys hold it */
static gint64
import_section (Importer    *im,
                const char  *axis,
                const char  *kind,
                const char  *title,
                GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *scope = NULL;
  gboolean created;
  gint64 id;

  if (title[0] == '\0')
    return 0;

  key = g_strdup_printf ("%s\x1f%s\x1f%s", kind, axis, title);
  scope = g_strdup_printf ("section\x1f%s", axis);
  id = find_or_insert (im, key, scope, "section",
                       (const char *[]) { "axis_id", "kind", "title", "position", NULL },
                       (const char *[]) { axis, kind, title, NULL }, &created, error);
  return id;
}

static gboolean
import_row (Importer  *im,
            PlanRow   *row,
            GError   **error)
{
  g_autofree char *axis_key = g_strdup_printf ("axis\x1f\x1f%s", row->cells[COL_AXIS]);
  g_autofree char *axis = NULL;
  g_autofree char *theme = NULL;
  g_autofree char *enjeu = NULL;
  g_autofree char *objective_key = NULL;
  g_autofree char *objective_scope = NULL;
  g_autofree char *objective = NULL;
  g_autofree char *action = NULL;
  g_autofree char *now = _ctg_now_iso ();
  gint64 axis_id, theme_id, enjeu_id, objective_id, action_id;
  gboolean created;

  axis_id = find_or_insert (im, axis_key, "axis", "axis",
                            (const char *[]) { "title", "position", NULL },
                            (const char *[]) { row->cells[COL_AXIS], NULL }, &created, error);
  if (axis_id == 0)
    return FALSE;
  axis = id_text (axis_id);

  theme_id = import_section (im, axis, "theme", row->cells[COL_THEME], error);
  if (theme_id == 0 && row->cells[COL_THEME][0] != '\0')
    return FALSE;
  enjeu_id = import_section (im, axis, "enjeu", row->cells[COL_ENJEU], error);
  if (enjeu_id == 0 && row->cells[COL_ENJEU][0] != '\0')
    return FALSE;
  theme = id_text (theme_id);
  enjeu = id_text (enjeu_id);

  objective_key = g_strdup_printf ("objective\x1f%s\x1f%s\x1f%s\x1f%s", axis,
                                   theme ? theme : "", enjeu ? enjeu : "", row->cells[COL_OBJECTIVE]);
  objective_scope = g_strdup_printf ("objective\x1f%s", axis);
  objective_id = find_or_insert (im, objective_key, objective_scope, "objective",
                                 (const char *[]) { "axis_id", "theme_id", "enjeu_id", "title", "position", NULL },
                                 (const char *[]) { axis, theme, enjeu, row->cells[COL_OBJECTIVE], NULL },
                                 &created, error);
  if (objective_id == 0)
    return FALSE;
  objective = id_text (objective_id);

  {
    g_autofree char *scope = g_strdup_printf ("action\x1f%s", objective);
    g_autofree char *position = g_strdup_printf ("%" G_GINT64_FORMAT, next_position (im, scope));

    action_id = _ctg_document_insert (im->doc, "action",
      (const char *[]) { "objective_id", "position", "code", "title", "description", "start",
                         "echeance", "status", "progress", "means", "notes", "created", "modified",
                         "continuous", "budget", "budget_year", NULL },
      (const char *[]) { objective, position, row->cells[COL_CODE], row->cells[COL_TITLE],
                         row->cells[COL_DESCRIPTION], row->start, row->echeance, row->status,
                         row->progress, row->cells[COL_MEANS], row->cells[COL_NOTES], now, now,
                         row->continuous, row->budget, row->budget_year },
      error);
    if (action_id == 0)
      return FALSE;
    action = id_text (action_id);
  }

  for (guint relation = 0; relation < 3; relation++)
    {
      GPtrArray *list = relation == 0 ? row->pilots : relation == 1 ? row->partners : row->referents;

      for (guint i = 0; i < list->len; i++)
        {
          const CtgParticipant *p = g_ptr_array_index (list, i);
          g_autofree char *position = g_strdup_printf ("%u", i);

          if (_ctg_document_insert (im->doc, "participant",
                (const char *[]) { "action_id", "relation", "position", "name", "kind", "role", NULL },
                (const char *[]) { action, ctg_relation_to_key ((CtgRelation) relation), position, p->name,
                                   ctg_participant_kind_to_key (p->kind), p->role },
                error) == 0)
            return FALSE;
        }
    }

  for (guint i = 0; i < row->funding->len; i++)
    {
      const CtgFunding *f = g_ptr_array_index (row->funding, i);
      g_autofree char *position = g_strdup_printf ("%u", i);
      g_autofree char *amount = f->amount >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, f->amount) : NULL;

      if (_ctg_document_insert (im->doc, "funding",
            (const char *[]) { "action_id", "position", "funder", "name", "amount", NULL },
            (const char *[]) { action, position, ctg_funder_to_key (f->funder), f->name, amount },
            error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < row->steps->len; i++)
    {
      const Step *step = &g_array_index (row->steps, Step, i);
      g_autofree char *position = g_strdup_printf ("%u", i);

      if (_ctg_document_insert (im->doc, "step",
            (const char *[]) { "action_id", "position", "text", "date", "done", NULL },
            (const char *[]) { action, position, step->text, step->date, step->done ? "1" : "0" },
            error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < row->indicators->len; i++)
    {
      const Indicator *indicator = &g_array_index (row->indicators, Indicator, i);
      g_autofree char *position = g_strdup_printf ("%u", i);
      g_autofree char *indicator_id = NULL;
      gint64 id;

      id = _ctg_document_insert (im->doc, "indicator",
                                 (const char *[]) { "action_id", "position", "name", "target", "kind", "unit",
                                                    "baseline", "baseline_year", "target_value", "target_year",
                                                    NULL },
                                 (const char *[]) { action, position, indicator->name, indicator->target,
                                                    indicator->kind, indicator->unit, indicator->baseline,
                                                    indicator->baseline_year, indicator->target_value,
                                                    indicator->target_year },
                                 error);
      if (id == 0)
        return FALSE;
      indicator_id = id_text (id);

      for (guint j = 0; j < indicator->years->len; j++)
        if (_ctg_document_insert (im->doc, "indicator_value",
              (const char *[]) { "indicator_id", "year", "value", "comment", NULL },
              (const char *[]) { indicator_id, g_ptr_array_index (indicator->years, j),
                                 g_ptr_array_index (indicator->values, j),
                                 g_ptr_array_index (indicator->comments, j) },
              error) == 0)
          return FALSE;
    }

  return TRUE;
}

/* Objectives are listed under their thématique and enjeu, in the order
 * those first appear, even when the table interleaves them. */
static gboolean
order_objectives (CtgDocument  *self,
                  GError      **error)
{
  g_autoptr(GArray) ids = NULL;

  ids = _ctg_document_query_ids (self,
    "SELECT o.id FROM objective o"
    " LEFT JOIN section t ON t.id = o.theme_id LEFT JOIN section e ON e.id = o.enjeu_id"
    " ORDER BY o.axis_id, coalesce(t.position, -1), coalesce(e.position, -1), o.position", 0, error);
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *position = g_strdup_printf ("%u", i);

      if (!_ctg_document_update (self, "objective", g_array_index (ids, gint64, i), "position",
                                 position, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
document_is_empty (CtgDocument *self)
{
  g_autoptr(GArray) axes = ctg_document_list_ids (self, CTG_ITEM_AXIS, 0);

  return axes->len == 0;
}

/* Identifies an action in a sheet written by CTG Planner: kept apart from
 * the plan's columns, so that the CSV export does not change */
static gboolean
is_identifier_column (const char *name)
{
  g_autofree char *folded = ctg_text_fold (name);

  return g_strv_contains ((const char * const[]) { "identifiant", "id", "identifier", NULL }, folded);
}

static gboolean
find_header (CtgCsvRow *header,
             int        map[N_COLUMNS],
             int       *id_column,
             GPtrArray *warnings)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    map[c] = -1;
  *id_column = -1;

  for (guint i = 0; i < header->cells->len; i++)
    {
      const char *name = g_ptr_array_index (header->cells, i);
      Column column;

      if (column_from_name (name, &column))
        {
          if (map[column] < 0)
            map[column] = (int) i;
        }
      else if (is_identifier_column (name))
        {
          if (*id_column < 0)
            *id_column = (int) i;
        }
      else if (warnings != NULL && name[0] != '\0')
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("The column “%s” is not known and was ignored."), name));
    }
  return map[COL_AXIS] >= 0 && map[COL_TITLE] >= 0;
}

/* Spreadsheets often have a title or a blank line above the header */
#define MAX_ROWS_ABOVE_HEADER 20

gboolean
_ctg_plan_table_has_header (GPtrArray *rows)
{
  int map[N_COLUMNS];
  int id_column;

  for (guint i = 0; i < rows->len && i < MAX_ROWS_ABOVE_HEADER; i++)
    if (find_header (g_ptr_array_index (rows, i), map, &id_column, NULL))
      return TRUE;
  return FALSE;
}

const char *
_ctg_plan_column_header (CtgPlanColumn column)
{
  g_assert (column < N_COLUMNS);
  return export_header[column];
}

void
_ctg_plan_table_free (CtgPlanTable *table)
{
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

/* The error listing every problem at once */
void
_ctg_plan_problems_error (GPtrArray  *problems,
                          GError    **error)
{
  g_autoptr(GString) message = g_string_new (_("The plan could not be imported; nothing was changed."));

  for (guint i = 0; i < problems->len && i < 100; i++)
    g_string_append_printf (message, "\n%s", (char *) g_ptr_array_index (problems, i));
  if (problems->len > 100)
    g_string_append_printf (message,
                            g_dngettext (GETTEXT_PACKAGE, "\n… and %u more problem",
                                         "\n… and %u more problems", problems->len - 100),
                            problems->len - 100);
  g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_BAD_CSV, message->str);
}

/**
 * _ctg_plan_table_check:
 * @sheet: (nullable): the sheet's name, or %NULL for a CSV file (problems
 *   then name lines, not rows)
 * @rows: (element-type CtgCsvRow): the table's non-empty rows, header first
 * @problems: (element-type utf8): the problems found while reading @rows
 *
 * Checks a plan table, whatever file it came from. Every problem is listed
 * in @error at once.
 *
 * Returns: (transfer full) (nullable): the checked table
 */
CtgPlanTable *
_ctg_plan_table_check (const char  *sheet,
                       GPtrArray   *rows,
                       GPtrArray   *problems,
                       GPtrArray   *warnings,
                       GError     **error)
{
  g_autoptr(CtgPlanTable) table = g_new0 (CtgPlanTable, 1);
  guint first = 0;

  /* A file that stops being readable (an unclosed quote on line 8) still
   * had its rows before that: they are checked too, so that every bad row is
   * reported at once, then what stopped the reading */
  g_autoptr(GPtrArray) read_problems = g_ptr_array_copy (problems, (GCopyFunc) (void (*) (void)) g_strdup, NULL);

  g_ptr_array_set_free_func (read_problems, g_free);
  g_ptr_array_set_size (problems, 0);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _ctg_plan_row_free);

  if (read_problems->len == 0 && rows->len == 0)
    g_ptr_array_add (problems, g_strdup (_("the file is empty")));

  if (rows->len > 0)
    {
      CtgCsvRow *header;

      if (sheet != NULL)
        for (guint i = 0; i < rows->len && i < MAX_ROWS_ABOVE_HEADER; i++)
          if (find_header (g_ptr_array_index (rows, i), table->map, &table->id_column, NULL))
            {
              first = i;
              break;
            }

      header = g_ptr_array_index (rows, first);
      find_header (header, table->map, &table->id_column, warnings);
      if (table->map[COL_AXIS] < 0)
        row_problem (problems, sheet, header->line, _("the header has no column “axe” (or “axis”)"));
      if (table->map[COL_TITLE] < 0)
        row_problem (problems, sheet, header->line, _("the header has no column “action” (or “title”)"));
    }

  /* A header alone would be "imported" without adding anything: say so */
  if (problems->len == 0 && read_problems->len == 0 && rows->len == first + 1)
    row_problem (problems, sheet, ((CtgCsvRow *) g_ptr_array_index (rows, first))->line,
                 _("the table has a header but no rows under it"));

  if (problems->len == 0 && rows->len > 0)
    {
      /* When the reading stopped, the rows are only checked: nothing will
       * be imported, and a file cut at its row limit stays light */
      for (guint i = first + 1; i < rows->len; i++)
        {
          PlanRow *row = check_row (sheet, g_ptr_array_index (rows, i), table->map,
                                    table->id_column, problems);

          if (row != NULL && read_problems->len == 0)
            g_ptr_array_add (table->rows, row);
          else if (row != NULL)
            _ctg_plan_row_free (row);
        }
    }

  g_ptr_array_extend_and_steal (problems, g_steal_pointer (&read_problems));

  if (problems->len > 0)
    {
      _ctg_plan_problems_error (problems, error);
      return NULL;
    }
  return g_steal_pointer (&table);
}

static gboolean
import_checked (CtgDocument  *self,
                const char   *sheet,
                GPtrArray    *rows,
                GPtrArray    *problems,
                GPtrArray    *warnings,
                GError      **error)
{
  g_autoptr(CtgPlanTable) table = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) positions = NULL;
  GPtrArray *plan;
  Importer im;
  gboolean suspend;
  gboolean ok = TRUE;

  table = _ctg_plan_table_check (sheet, rows, problems, warnings, error);
  if (table == NULL)
    return FALSE;
  plan = table->rows;

  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im = (Importer) { self, ids, NULL, positions };

  /* Existing axes keep their place: new ones go after them */
  {
    g_autoptr(GArray) axes = ctg_document_list_ids (self, CTG_ITEM_AXIS, 0);

    g_hash_table_insert (positions, g_strdup ("axis"), GSIZE_TO_POINTER ((gsize) axes->len));
  }

  /* Importing into a new, empty convention is its creation, not an edit to
   * undo; into one with a plan, it is one undoable step. */
  suspend = document_is_empty (self);

  if (!_ctg_document_begin (self, N_("Import plan"), error))
    return FALSE;
  if (suspend)
    _ctg_document_suspend_journal (self);

  for (guint i = 0; ok && i < plan->len; i++)
    ok = import_row (&im, g_ptr_array_index (plan, i), error);
  if (ok)
    ok = order_objectives (self, error);

  if (suspend)
    _ctg_document_resume_journal (self);
  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}

/**
 * ctg_document_import_table:
 * @sheet: (nullable): the sheet's name, to say where problems are
 * @rows: (element-type CtgCsvRow): the table, as a CSV or spreadsheet
 *   reader gives it
 * @warnings: (element-type utf8) (nullable): where to add warnings, such as
 *   unknown columns that were ignored
 *
 * Imports a plan table: one row per action, with its axis, thématique,
 * enjeu and objective, which are created as needed. All or nothing: if any
 * row is wrong, @error lists every problem with its row and nothing is
 * written.
 */
gboolean
ctg_document_import_table (CtgDocument  *self,
                           const char   *sheet,
                           GPtrArray    *rows,
                           GPtrArray    *warnings,
                           GError      **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  return import_checked (self, sheet, rows, problems, warnings, error);
}

/**
 * ctg_document_import_csv:
 * @data: the CSV file's bytes
 * @warnings: (element-type utf8) (nullable): where to add warnings, such as
 *   unknown columns that were ignored
 *
 * Imports a plan table in CSV, as ctg_document_import_table() does.
 */
gboolean
ctg_document_import_csv (CtgDocument  *self,
                         const char   *data,
                         gsize         length,
                         GPtrArray    *warnings,
                         GError      **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  rows = ctg_csv_parse (data, length, NULL, problems);
  return import_checked (self, NULL, rows, problems, warnings, error);
}

/* Export */

static void
append_participants (GString   *cell,
                     GPtrArray *participants)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < participants->len; i++)
    g_ptr_array_add (items, ctg_participant_to_string (g_ptr_array_index (participants, i)));
  append_list (cell, items);
}

static void
append_steps (CtgDocument *self,
              GString     *cell,
              gint64       action_id)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = _ctg_document_prepare (self, "SELECT text, date, done FROM step WHERE action_id = ?1"
                                      " ORDER BY position, id", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, action_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *item = g_string_new (NULL);
      const char *date = (const char *) sqlite3_column_text (stmt, 1);

      if (sqlite3_column_int (stmt, 2))
        g_string_append (item, "[x] ");
      if (date != NULL)
        g_string_append_printf (item, "%s: ", date);
      g_string_append (item, (const char *) sqlite3_column_text (stmt, 0));
      g_ptr_array_add (items, g_string_free (item, FALSE));
    }
  sqlite3_reset (stmt);
  append_list (cell, items);
}


/**
 * _ctg_plan_action_cells:
 *
 * The cells of an action's row in a plan table, in the form the importer
 * reads back: what the CSV export writes, and the sheet to fill.
 *
 * Returns: (transfer full): %N_COLUMNS strings, never %NULL
 */
GStrv
_ctg_plan_action_cells (CtgDocument *self,
                        CtgAction   *action)
{
  gint64 objective_id = ctg_action_get_objective_id (action);
  gint64 theme_id = ctg_document_get_int (self, CTG_ITEM_OBJECTIVE, objective_id, "theme_id", 0);
  gint64 enjeu_id = ctg_document_get_int (self, CTG_ITEM_OBJECTIVE, objective_id, "enjeu_id", 0);
  g_autofree char *axis = ctg_document_dup_text (self, CTG_ITEM_AXIS, ctg_action_get_axis_id (action), "title");
  g_autofree char *theme = theme_id ? ctg_document_dup_text (self, CTG_ITEM_SECTION, theme_id, "title") : NULL;
  g_autofree char *enjeu = enjeu_id ? ctg_document_dup_text (self, CTG_ITEM_SECTION, enjeu_id, "title") : NULL;
  g_autofree char *objective = ctg_document_dup_text (self, CTG_ITEM_OBJECTIVE, objective_id, "title");
  g_autofree char *start = ctg_date_to_iso (ctg_action_get_start (action));
  g_autofree char *echeance = ctg_date_to_iso (ctg_action_get_echeance (action));
  g_autofree char *progress = ctg_action_get_progress (action) >= 0
                              ? g_strdup_printf ("%d", ctg_action_get_progress (action)) : NULL;
  g_autofree char *budget = ctg_action_get_budget (action) >= 0
                            ? ctg_amount_to_plain (ctg_action_get_budget (action)) : NULL;
  g_autofree char *budget_year = ctg_action_get_budget_year (action) > 0
                                 ? g_strdup_printf ("%u", ctg_action_get_budget_year (action)) : NULL;
  const char *simple[N_COLUMNS] = {
    [COL_AXIS] = axis,
    [COL_THEME] = theme,
    [COL_ENJEU] = enjeu,
    [COL_OBJECTIVE] = objective,
    [COL_CODE] = ctg_action_get_code (action),
    [COL_TITLE] = ctg_action_get_title (action),
    [COL_DESCRIPTION] = ctg_action_get_description (action),
    [COL_START] = start,
    [COL_ECHEANCE] = echeance,
    [COL_STATUS] = ctg_status_to_csv (ctg_action_get_status (action)),
    [COL_PROGRESS] = progress,
    [COL_MEANS] = ctg_action_get_means (action),
    [COL_NOTES] = ctg_action_get_notes (action),
    [COL_CONTINUOUS] = ctg_action_is_continuous (action) ? "oui" : "",
    [COL_BUDGET] = budget,
    [COL_BUDGET_YEAR] = budget_year,
  };
  GStrv cells = g_new0 (char *, N_COLUMNS + 1);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GString *cell = g_string_new (NULL);

      switch (c)
        {
        case COL_PILOTS:
          append_participants (cell, ctg_action_get_pilots (action));
          break;
        case COL_PARTNERS:
          append_participants (cell, ctg_action_get_partners (action));
          break;
        case COL_REFERENTS:
          append_participants (cell, ctg_action_get_referents (action));
          break;
        case COL_FUNDERS:
          {
            GPtrArray *funding = ctg_action_get_funding (action);
            g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

            for (guint f = 0; f < funding->len; f++)
              g_ptr_array_add (items, ctg_funding_to_string (g_ptr_array_index (funding, f)));
            append_list (cell, items);
          }
          break;
        case COL_STEPS:
          append_steps (self, cell, ctg_action_get_id (action));
          break;
        case COL_INDICATORS:
          {
            g_autoptr(GPtrArray) indicators = _ctg_plan_indicator_cells (self, ctg_action_get_id (action));

            append_list (cell, indicators);
          }
          break;
        default:
          g_string_append (cell, simple[c] ? simple[c] : "");
          break;
        }

      /* Names are single lines: keep a line break from splitting the row's meaning */
      if (c <= COL_TITLE)
        {
          g_strdelimit (cell->str, "\r\n", ' ');
          g_strstrip (cell->str);
        }
      cells[c] = g_string_free (cell, FALSE);
    }
  return cells;
}

/**
 * ctg_document_export_csv:
 * @separator: `;` (what French spreadsheets expect), `,` or tab
 *
 * Writes the plan table, one row per action, in the form
 * ctg_document_import_csv() reads back to the same convention.
 *
 * Returns: (transfer full): the CSV text, UTF-8, CRLF line ends
 */
char *
ctg_document_export_csv (CtgDocument *self,
                         char         separator)
{
  g_autoptr(GListModel) actions = NULL;
  GString *out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), NULL);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, separator);
      g_string_append (out, export_header[c]);
    }
  g_string_append (out, "\r\n");

  actions = ctg_document_list_actions (self, 0);
  n = g_list_model_get_n_items (actions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);
      g_auto(GStrv) cells = _ctg_plan_action_cells (self, action);

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (c > 0)
            g_string_append_c (out, separator);
          ctg_csv_append_cell (out, cells[c], separator);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}
