/* ctg-plan-table-private.h: a plan table, checked, shared by the CSV and
 * spreadsheet importers and by the update from a returned sheet
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ctg-document.h"

G_BEGIN_DECLS

/* An indicator of a plan table's cell: ctg-plan-indicator.c */
typedef struct
{
  char       *name;
  char       *target;        /* the free-text target */
  char       *kind;          /* "result", "means" or NULL */
  char       *unit;
  char       *baseline;      /* plain numbers, or NULL */
  char       *baseline_year;
  char       *target_value;
  char       *target_year;
  GPtrArray  *years;         /* "2023", "2024", ... */
  GPtrArray  *values;        /* plain numbers, or "" */
  GPtrArray  *comments;
} Indicator;

void       _ctg_plan_indicator_clear (Indicator   *indicator);
char      *_ctg_plan_indicator_parse (const char  *line,
                                      Indicator   *indicator);
GPtrArray *_ctg_plan_indicator_cells (CtgDocument *self,
                                      gint64       action_id);
char      *_ctg_plan_indicators_text (GArray      *indicators);
gboolean   _ctg_plan_indicators_apply (CtgDocument *self,
                                       gint64       action_id,
                                       GArray      *indicators,
                                       GError     **error);

typedef enum
{
  COL_AXIS,
  COL_THEME,
  COL_ENJEU,
  COL_OBJECTIVE,
  COL_CODE,
  COL_TITLE,
  COL_DESCRIPTION,
  COL_PILOTS,
  COL_PARTNERS,
  COL_START,
  COL_ECHEANCE,
  COL_STATUS,
  COL_PROGRESS,
  COL_STEPS,
  COL_MEANS,
  COL_INDICATORS,
  COL_NOTES,
  COL_REFERENTS,
  COL_CONTINUOUS,
  COL_BUDGET,
  COL_BUDGET_YEAR,
  COL_FUNDERS,
  N_COLUMNS
} CtgPlanColumn;

/* One row of the plan, checked: the cells as given, and the values parsed
 * from them in the form the file stores */
typedef struct
{
  guint       line;
  char       *identifier;  /* the column “identifiant”, or NULL */
  char       *cells[N_COLUMNS];
  GPtrArray  *pilots;      /* CtgParticipant */
  GPtrArray  *partners;
  GPtrArray  *referents;
  GPtrArray  *funding;     /* CtgFunding */
  const char *continuous;
  char       *budget;
  char       *budget_year;
  char       *start;
  char       *echeance;
  const char *status;
  char       *progress;
  GArray     *steps;       /* Step */
  GArray     *indicators;  /* Indicator */
} CtgPlanRow;

void _ctg_plan_row_free (CtgPlanRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtgPlanRow, _ctg_plan_row_free)

typedef struct
{
  int        map[N_COLUMNS];  /* column of the table, or -1 */
  int        id_column;       /* column “identifiant”, or -1 */
  GPtrArray *rows;            /* CtgPlanRow */
} CtgPlanTable;

void _ctg_plan_table_free (CtgPlanTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtgPlanTable, _ctg_plan_table_free)

CtgPlanTable *_ctg_plan_table_check      (const char  *sheet,
                                          GPtrArray   *rows,
                                          GPtrArray   *problems,
                                          GPtrArray   *warnings,
                                          GError     **error);
gboolean      _ctg_plan_table_has_header (GPtrArray   *rows);
const char   *_ctg_plan_column_header    (CtgPlanColumn column);
GStrv         _ctg_plan_action_cells     (CtgDocument *self,
                                          CtgAction   *action);
void          _ctg_plan_problems_error   (GPtrArray   *problems,
                                          GError     **error);

G_END_DECLS
