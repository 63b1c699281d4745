/* ctg-plan-update.c: taking a partner's filled-in sheet back
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sheet was written by ctg_document_export_xlsx() or _ods(): a row per
 * action with its identifier. Each row is checked as an import would, then
 * compared with its action field by field. What differs is proposed as a
 * list of changes, which the caller shows, lets the user untick, and
 * applies as one undo step. Rows without an identifier are new actions;
 * actions whose row was deleted are left alone.
 */

#define G_LOG_DOMAIN "ctg-plan-update"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ctg-csv.h"
#include "ctg-plan-table-private.h"
#include "ctg-plan-update.h"
#include "ctg-sheet-private.h"
#include "ctg-sheet.h"

/* A checked row, shared by the changes it gives */
struct _CtgPlanRowRef
{
  gatomicrefcount  ref_count;
  CtgPlanRow      *row;
  gboolean         has[N_COLUMNS];
};

static CtgPlanRowRef *
row_ref_new (CtgPlanRow      *row,
             const CtgPlanTable *table)
{
  CtgPlanRowRef *ref = g_new0 (CtgPlanRowRef, 1);

  g_atomic_ref_count_init (&ref->ref_count);
  ref->row = row;
  for (guint c = 0; c < N_COLUMNS; c++)
    ref->has[c] = table->map[c] >= 0;
  return ref;
}

static CtgPlanRowRef *
row_ref_ref (CtgPlanRowRef *ref)
{
  g_atomic_ref_count_inc (&ref->ref_count);
  return ref;
}

static void
row_ref_unref (CtgPlanRowRef *ref)
{
  if (g_atomic_ref_count_dec (&ref->ref_count))
    {
      _ctg_plan_row_free (ref->row);
      g_free (ref);
    }
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtgPlanRowRef, row_ref_unref)

void
ctg_plan_change_free (CtgPlanChange *change)
{
  g_free (change->action_title);
  g_free (change->field);
  g_free (change->label);
  g_free (change->old_text);
  g_free (change->new_text);
  g_free (change->value);
  g_clear_pointer (&change->participants, g_ptr_array_unref);
  g_clear_pointer (&change->row, row_ref_unref);
  g_free (change);
}

/* The fields a sheet can change, in the order they are listed */
static const struct {
  CtgPlanColumn  column;
  const char    *field;
  const char    *label;
} fields[] = {
  { COL_CODE, "code", N_("code") },
  { COL_TITLE, "title", N_("title") },
  { COL_DESCRIPTION, "description", N_("description") },
  { COL_STATUS, "status", N_("status") },
  { COL_PROGRESS, "progress", N_("progress") },
  { COL_PILOTS, "pilots", N_("pilots") },
  { COL_PARTNERS, "partners", N_("partners") },
  { COL_START, "start", N_("start") },
  { COL_ECHEANCE, "echeance", N_("échéance") },
  { COL_MEANS, "means", N_("means") },
  { COL_NOTES, "notes", N_("notes") },
  { COL_INDICATORS, "indicators", N_("indicators") },
};

static char *
shown_date (const char *iso)
{
  CtgDate date;

  if (iso == NULL || !ctg_date_parse (iso, &date) || !ctg_date_is_set (&date))
    return g_strdup ("");
  return ctg_date_format (&date);
}

static char *
participants_text (GPtrArray *participants)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < participants->len; i++)
    {
      g_autofree char *item = ctg_participant_to_string (g_ptr_array_index (participants, i));

      if (i > 0)
        g_string_append (text, " / ");
      g_string_append (text, item);
    }
  return g_string_free (text, FALSE);
}

/* What the row says for @column: the value to store and how to show it */
static void
row_value (CtgPlanRow     *row,
           CtgPlanColumn   column,
           char          **value,
           char          **shown)
{
  CtgStatus status;

  switch ((int) column)
    {
    case COL_STATUS:
      *value = g_strdup (row->status);
      *shown = g_strdup (ctg_status_from_key (row->status, &status) ? ctg_status_to_csv (status) : row->status);
      break;
    case COL_PROGRESS:
      *value = g_strdup (row->progress ? row->progress : "");
      *shown = row->progress ? g_strdup_printf ("%s %%", row->progress) : g_strdup ("");
      break;
    case COL_START:
    case COL_ECHEANCE:
      {
        const char *iso = column == COL_START ? row->start : row->echeance;

        *value = g_strdup (iso ? iso : "");
        *shown = shown_date (iso);
      }
      break;
    case COL_PILOTS:
    case COL_PARTNERS:
      *value = NULL;
      *shown = participants_text (column == COL_PILOTS ? row->pilots : row->partners);
      break;
    default:
      *value = g_strdup (row->cells[column]);
      *shown = g_strdup (row->cells[column]);
      break;
    }
}

static void
action_value (CtgAction      *action,
              CtgPlanColumn   column,
              char          **value,
              char          **shown)
{
  switch ((int) column)
    {
    case COL_CODE: *value = g_strdup (ctg_action_get_code (action)); break;
    case COL_TITLE: *value = g_strdup (ctg_action_get_title (action)); break;
    case COL_DESCRIPTION: *value = g_strdup (ctg_action_get_description (action)); break;
    case COL_MEANS: *value = g_strdup (ctg_action_get_means (action)); break;
    case COL_NOTES: *value = g_strdup (ctg_action_get_notes (action)); break;
    case COL_STATUS:
      *value = g_strdup (ctg_status_to_key (ctg_action_get_status (action)));
      *shown = g_strdup (ctg_status_to_csv (ctg_action_get_status (action)));
      return;
    case COL_PROGRESS:
      *value = ctg_action_get_progress (action) >= 0
               ? g_strdup_printf ("%d", ctg_action_get_progress (action)) : g_strdup ("");
      *shown = ctg_action_get_progress (action) >= 0
               ? g_strdup_printf ("%d %%", ctg_action_get_progress (action)) : g_strdup ("");
      return;
    case COL_START:
    case COL_ECHEANCE:
      {
        g_autofree char *iso = ctg_date_to_iso (column == COL_START ? ctg_action_get_start (action)
                                                                    : ctg_action_get_echeance (action));

        *value = g_strdup (iso ? iso : "");
        *shown = shown_date (iso);
      }
      return;
    case COL_PILOTS:
    case COL_PARTNERS:
      *value = NULL;
      *shown = participants_text (column == COL_PILOTS ? ctg_action_get_pilots (action)
                                                       : ctg_action_get_partners (action));
      return;
    default:
      g_assert_not_reached ();
    }
  if (*value == NULL)
    *value = g_strdup ("");
  *shown = g_strdup (*value);
}

static void
compare_row (CtgDocument   *self,
             CtgPlanRowRef *ref,
             CtgAction     *action,
             GPtrArray     *changes)
{
  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      CtgPlanColumn column = fields[f].column;
      g_autofree char *old_value = NULL, *old_shown = NULL;
      g_autofree char *new_value = NULL, *new_shown = NULL;
      CtgPlanChange *change;

      /* A column the sheet does not have changes nothing */
      if (!ref->has[column] && !(column == COL_START && ref->has[COL_ECHEANCE] && ref->row->start != NULL))
        continue;

      if (column == COL_INDICATORS)
        {
          g_autoptr(GPtrArray) cells = _ctg_plan_indicator_cells (self, ctg_action_get_id (action));

          g_ptr_array_add (cells, NULL);
          old_value = g_strjoinv ("\n", (char **) cells->pdata);
          old_shown = g_strdup (old_value);
          new_value = _ctg_plan_indicators_text (ref->row->indicators);
          new_shown = g_strdup (new_value);
        }
      else
        {
          action_value (action, column, &old_value, &old_shown);
          row_value (ref->row, column, &new_value, &new_shown);
        }
      if (column == COL_PILOTS || column == COL_PARTNERS
          ? g_strcmp0 (old_shown, new_shown) == 0
          : g_strcmp0 (old_value, new_value) == 0)
        continue;

      change = g_new0 (CtgPlanChange, 1);
      change->action_id = ctg_action_get_id (action);
      change->action_title = g_strdup (ctg_action_get_title (action));
      change->field = g_strdup (fields[f].field);
      change->label = g_strdup (_(fields[f].label));
      change->old_text = g_steal_pointer (&old_shown);
      change->new_text = g_steal_pointer (&new_shown);
      change->value = g_steal_pointer (&new_value);
      change->line = ref->row->line;
      change->apply = TRUE;
      change->row = row_ref_ref (ref);
      if (column == COL_PILOTS || column == COL_PARTNERS)
        change->participants = g_ptr_array_ref (column == COL_PILOTS ? ref->row->pilots : ref->row->partners);
      g_ptr_array_add (changes, change);
    }
}

/* The convention a sheet was written for, from its hidden sheet "ctg" */
static char *
sheet_identity (GBytes *bytes)
{
  g_autoptr(GPtrArray) rows = ctg_sheet_read (bytes, "ctg", NULL, NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      CtgCsvRow *row = g_ptr_array_index (rows, i);

      if (row->cells->len >= 2 && g_str_equal (g_ptr_array_index (row->cells, 0), "convention"))
        return g_strdup (g_ptr_array_index (row->cells, 1));
    }
  return NULL;
}

static void
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_BAD_CSV, message);
}

static gboolean
has_action (CtgDocument *self,
            CtgPlanRow  *row)
{
  g_autoptr(GListModel) actions = ctg_document_list_actions (self, 0);
  guint n = g_list_model_get_n_items (actions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);
      g_autofree char *axis = NULL;

      if (g_strcmp0 (ctg_action_get_title (action), row->cells[COL_TITLE]) != 0)
        continue;
      axis = ctg_document_dup_text (self, CTG_ITEM_AXIS, ctg_action_get_axis_id (action), "title");
      if (g_strcmp0 (axis, row->cells[COL_AXIS]) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * ctg_plan_update_compute:
 * @bytes: the returned sheet: .xlsx, .ods or CSV
 * @sheet: (nullable): the sheet to read, as for an import
 * @warnings: (element-type utf8) (nullable): where to say which rows were
 *   left aside (an action deleted since the sheet was sent)
 *
 * Compares a returned sheet with the convention. Nothing is changed.
 *
 * Returns: (transfer full) (element-type CtgPlanChange) (nullable): the
 *   changes it proposes, possibly none; %NULL if the sheet is refused
 */
GPtrArray *
ctg_plan_update_compute (CtgDocument  *self,
                         GBytes       *bytes,
                         const char   *sheet,
                         GPtrArray    *warnings,
                         GError      **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CtgPlanTable) table = NULL;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_plan_change_free);
  g_autofree char *name = NULL;
  guint matched = 0, unmatched = 0;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), NULL);

  if (ctg_sheet_detect (bytes) == CTG_SHEET_FORMAT_CSV)
    rows = ctg_csv_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, problems);
  else
    {
      g_autofree char *identity = NULL;
      g_autofree char *ours = _ctg_sheet_identity (self);

      rows = ctg_sheet_read (bytes, sheet, &name, error);
      if (rows == NULL)
        return NULL;
      identity = sheet_identity (bytes);
      if (identity != NULL && g_strcmp0 (identity, ours) != 0)
        {
          refuse (error, _("This sheet was sent for another convention: it cannot update this one."));
          return NULL;
        }
    }

  table = _ctg_plan_table_check (name, rows, problems, NULL, error);
  if (table == NULL)
    return NULL;

  if (table->id_column < 0)
    {
      refuse (error, _("The sheet has no column “identifiant”, so its rows cannot be matched to actions. "
                       "Send the partners a sheet exported as .xlsx or .ods, and import that one back."));
      return NULL;
    }

  while (table->rows->len > 0)
    {
      CtgPlanRow *row = g_ptr_array_steal_index (table->rows, 0);
      g_autoptr(CtgPlanRowRef) ref = row_ref_new (row, table);
      guint64 id = 0;
      g_autoptr(CtgAction) action = NULL;

      if (row->identifier == NULL || row->identifier[0] == '\0')
        {
          CtgPlanChange *change;

          /* The same sheet taken back twice adds its new actions once */
          if (has_action (self, row))
            {
              if (warnings != NULL)
                g_ptr_array_add (warnings,
                                 g_strdup_printf (_("Row %u: the axis already has an action “%s”; "
                                                    "the row was left aside."), row->line, row->cells[COL_TITLE]));
              continue;
            }
          change = g_new0 (CtgPlanChange, 1);

          change->action_title = g_strdup (row->cells[COL_TITLE]);
          change->label = g_strdup (_("new action"));
          change->new_text = g_strdup_printf ("%s — %s", row->cells[COL_AXIS], row->cells[COL_TITLE]);
          change->line = row->line;
          change->apply = TRUE;
          change->row = row_ref_ref (ref);
          g_ptr_array_add (changes, change);
          continue;
        }

      if (g_ascii_string_to_unsigned (row->identifier, 10, 1, G_MAXINT64, &id, NULL))
        action = ctg_document_get_action (self, (gint64) id);
      if (action == NULL)
        {
          unmatched++;
          if (warnings != NULL)
            g_ptr_array_add (warnings,
                             g_strdup_printf (_("Row %u: no action has the identifier “%s” (deleted since?); "
                                                "the row was left aside."), row->line, row->identifier));
          continue;
        }
      matched++;
      compare_row (self, ref, action, changes);
    }

  if (matched == 0 && unmatched > 0)
    {
      refuse (error, _("No row of this sheet matches an action of this convention: "
                       "it was not sent for this one."));
      return NULL;
    }
  return g_steal_pointer (&changes);
}

/* Applying */

static gint64
find_or_add_section (CtgDocument     *self,
                     gint64           axis,
                     CtgSectionKind   kind,
                     const char      *title,
                     GError         **error)
{
  gint64 id;

  if (title[0] == '\0')
    return 0;
  id = ctg_document_find_child (self, CTG_ITEM_SECTION, axis, "title", title,
                                kind == CTG_SECTION_THEME ? "theme" : "enjeu");
  return id != 0 ? id : ctg_document_add_section (self, axis, kind, title, error);
}

static gint64
find_or_add_objective (CtgDocument  *self,
                       CtgPlanRow   *row,
                       GError      **error)
{
  gint64 axis, theme, enjeu;
  g_autoptr(GArray) objectives = NULL;

  axis = ctg_document_find_child (self, CTG_ITEM_AXIS, 0, "title", row->cells[COL_AXIS], NULL);
  if (axis == 0 && (axis = ctg_document_add_item (self, CTG_ITEM_AXIS, 0, row->cells[COL_AXIS], error)) == 0)
    return 0;
  theme = find_or_add_section (self, axis, CTG_SECTION_THEME, row->cells[COL_THEME], error);
  if (theme == 0 && row->cells[COL_THEME][0] != '\0')
    return 0;
  enjeu = find_or_add_section (self, axis, CTG_SECTION_ENJEU, row->cells[COL_ENJEU], error);
  if (enjeu == 0 && row->cells[COL_ENJEU][0] != '\0')
    return 0;

  objectives = ctg_document_list_ids (self, CTG_ITEM_OBJECTIVE, axis);
  for (guint i = 0; i < objectives->len; i++)
    {
      gint64 id = g_array_index (objectives, gint64, i);
      g_autofree char *title = ctg_document_dup_text (self, CTG_ITEM_OBJECTIVE, id, "title");

      if (g_strcmp0 (title, row->cells[COL_OBJECTIVE]) == 0 &&
          ctg_document_get_int (self, CTG_ITEM_OBJECTIVE, id, "theme_id", 0) == theme &&
          ctg_document_get_int (self, CTG_ITEM_OBJECTIVE, id, "enjeu_id", 0) == enjeu)
        return id;
    }
  return ctg_document_add_objective (self, axis, theme, enjeu, row->cells[COL_OBJECTIVE], error);
}

static gboolean
add_action (CtgDocument    *self,
            CtgPlanRowRef  *ref,
            GError        **error)
{
  CtgPlanRow *row = ref->row;
  gint64 objective = find_or_add_objective (self, row, error);
  gint64 id;

  if (objective == 0)
    return FALSE;
  id = ctg_document_add_item (self, CTG_ITEM_ACTION, objective, row->cells[COL_TITLE], error);
  if (id == 0)
    return FALSE;

  /* Échéance before start: the start is checked against it */
  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      CtgPlanColumn column = fields[f].column;
      g_autofree char *value = NULL, *shown = NULL;

      if (column == COL_TITLE || column == COL_START || !ref->has[column])
        continue;
      if (column == COL_INDICATORS)
        {
          if (!_ctg_plan_indicators_apply (self, id, row->indicators, error))
            return FALSE;
          continue;
        }
      if (column == COL_PILOTS || column == COL_PARTNERS)
        {
          GPtrArray *list = column == COL_PILOTS ? row->pilots : row->partners;

          if (list->len > 0 &&
              !ctg_document_set_participants (self, id, column == COL_PILOTS ? CTG_RELATION_PILOT
                                                                              : CTG_RELATION_PARTNER,
                                              list, error))
            return FALSE;
          continue;
        }
      row_value (row, column, &value, &shown);
      if (value[0] != '\0' && !ctg_document_set (self, CTG_ITEM_ACTION, id, fields[f].field, value, error))
        return FALSE;
    }
  if (row->start != NULL && !ctg_document_set (self, CTG_ITEM_ACTION, id, "start", row->start, error))
    return FALSE;
  return TRUE;
}

static gboolean
apply_change (CtgDocument    *self,
              CtgPlanChange  *change,
              GError        **error)
{
  if (change->field == NULL)
    return add_action (self, change->row, error);
  if (g_str_equal (change->field, "indicators"))
    return _ctg_plan_indicators_apply (self, change->action_id, change->row->row->indicators, error);
  if (change->participants != NULL)
    return ctg_document_set_participants (self, change->action_id,
                                          g_str_equal (change->field, "pilots") ? CTG_RELATION_PILOT
                                                                               : CTG_RELATION_PARTNER,
                                          change->participants, error);
  return ctg_document_set (self, CTG_ITEM_ACTION, change->action_id, change->field,
                           change->value[0] != '\0' ? change->value : NULL, error);
}

static gboolean
moves_echeance (GPtrArray *changes,
                gint64     action_id)
{
  for (guint i = 0; i < changes->len; i++)
    {
      CtgPlanChange *change = g_ptr_array_index (changes, i);

      if (change->apply && change->action_id == action_id && g_strcmp0 (change->field, "echeance") == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * ctg_plan_update_apply:
 * @changes: (element-type CtgPlanChange): from ctg_plan_update_compute()
 *
 * Applies the changes whose @apply is set, as one undo step. If one fails,
 * none is applied.
 */
gboolean
ctg_plan_update_apply (CtgDocument  *self,
                       GPtrArray    *changes,
                       GError      **error)
{
  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  if (!ctg_document_begin_group (self, N_("Update from a sheet"), error))
    return FALSE;

  /* Dates in two passes: moving both ends of an action could otherwise put
   * the new start after the old échéance for a moment */
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < changes->len; i++)
      {
        CtgPlanChange *change = g_ptr_array_index (changes, i);
        gboolean is_start = g_strcmp0 (change->field, "start") == 0;
        gboolean ok = TRUE;

        if (!change->apply)
          continue;
        if (pass == 0 && is_start && moves_echeance (changes, change->action_id))
          ok = ctg_document_set (self, CTG_ITEM_ACTION, change->action_id, "start", NULL, error);
        else if (pass == 1 && !is_start)
          ok = apply_change (self, change, error);
        else if (pass == 2 && is_start)
          ok = apply_change (self, change, error);
        if (!ok)
          {
            ctg_document_cancel_group (self);
            return FALSE;
          }
      }

  return ctg_document_end_group (self, error);
}

/**
 * ctg_plan_change_describe:
 *
 * Returns: (transfer full): the change in a line, as “status: à lancer → en cours”
 */
char *
ctg_plan_change_describe (CtgPlanChange *change)
{
  if (change->field == NULL)
    /* Translators: a row of a returned sheet that adds an action: its axis — its title */
    return g_strdup_printf (_("new action: %s"), change->new_text);
  /* Translators: a field of an action changed by a returned sheet: “status: à lancer → en cours” */
  return g_strdup_printf (_("%s: %s → %s"), change->label,
                          change->old_text[0] != '\0' ? change->old_text : _("(empty)"),
                          change->new_text[0] != '\0' ? change->new_text : _("(empty)"));
}
