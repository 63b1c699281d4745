/* ctg-report.c: the COPIL report, its options and its content
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-report"

#include "config.h"

#include "ctg-action-private.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "ctg-document-private.h"
#include "ctg-report-private.h"

/* A4, in points */
#define A4_WIDTH  595.2756
#define A4_HEIGHT 841.8898

G_DEFINE_FINAL_TYPE (CtgReport, ctg_report, G_TYPE_OBJECT)

/* Freeing the content */

static void
report_section_free (ReportSection *section)
{
  g_free (section->title);
  g_free (section->description);
  g_free (section);
}

static void
report_objective_free (ReportObjective *objective)
{
  g_free (objective->code);
  g_free (objective->title);
  g_free (objective->description);
  g_ptr_array_unref (objective->actions);
  g_free (objective);
}

static void
report_axis_free (ReportAxis *axis)
{
  g_free (axis->code);
  g_free (axis->title);
  g_free (axis->description);
  g_free (axis->dest);
  g_ptr_array_unref (axis->objectives);
  g_ptr_array_unref (axis->actions);
  g_free (axis);
}

static void
report_step_free (ReportStep *step)
{
  g_free (step->text);
  g_free (step);
}

static void
report_indicator_free (ReportIndicator *indicator)
{
  g_free (indicator->name);
  g_free (indicator->target);
  g_array_unref (indicator->years);
  g_ptr_array_unref (indicator->values);
  g_free (indicator);
}

static void
report_fiche_free (ReportFiche *fiche)
{
  g_ptr_array_unref (fiche->steps);
  g_ptr_array_unref (fiche->indicators);
  g_free (fiche);
}

static void
report_change_free (ReportChange *change)
{
  g_free (change->subject);
  g_free (change->what);
  g_free (change->time);
  g_free (change);
}

/* Formatting shared by the sections */

/**
 * _ctg_report_format_percent:
 *
 * Returns: (transfer full): "40%", or "40 %" in French
 */
char *
_ctg_report_format_percent (int percent)
{
  /* Translators: a percentage, as in "40%"; French writes "%d %%" with a
   * narrow no-break space (U+202F) before the sign */
  return g_strdup_printf (C_("percentage", "%d%%"), percent);
}

/**
 * _ctg_report_format_count:
 *
 * Returns: (transfer full): @n with the locale's thousands separator
 */
char *
_ctg_report_format_count (guint n)
{
  return g_strdup_printf ("%'u", n);
}

char *
_ctg_report_format_gdate (const GDate *date)
{
  CtgDate d;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  d.year = g_date_get_year (date);
  d.month = g_date_get_month (date);
  d.day = g_date_get_day (date);
  return ctg_date_format (&d);
}

void
_ctg_report_progress_from_summary (ReportProgress           *progress,
                                   const CtgProgressSummary *summary)
{
  progress->n_actions = summary->counted + summary->left_out;
  progress->n_counted = summary->counted;
  progress->n_abandoned = summary->abandoned;
  progress->n_unrecorded = summary->unrecorded;
  progress->n_no_progress = summary->left_out - summary->abandoned - summary->unrecorded;
  progress->sum = summary->average * summary->counted;
}

/* The report's figures come from ctg_actions_summarize_progress(), the
 * one roll-up rule used everywhere (docs/rollup.md) */
static void
progress_set (ReportProgress *progress,
              GListModel     *actions,
              gint64          objective_id)
{
  CtgProgressSummary summary;

  ctg_actions_summarize_progress_where (actions, objective_id, &summary);
  _ctg_report_progress_from_summary (progress, &summary);
}

/**
 * _ctg_report_progress_value:
 *
 * Returns: the average progress from 0 to 100, or -1 when no action counts
 */
double
_ctg_report_progress_value (const ReportProgress *progress)
{
  if (progress->n_counted == 0)
    return -1;
  return progress->sum / progress->n_counted;
}

static guint32
last_julian (const CtgDate *date)
{
  return ctg_date_is_set (date) ? ctg_date_last_julian (date) : G_MAXUINT32;
}

/* By échéance (the end of its period), actions without one last */
int
_ctg_report_compare_echeance (CtgAction *a,
                              CtgAction *b)
{
  guint32 ja = last_julian (ctg_action_get_echeance (a));
  guint32 jb = last_julian (ctg_action_get_echeance (b));

  return ja < jb ? -1 : ja > jb;
}

/* Options */

/**
 * ctg_report_options_clear:
 *
 * Frees the fields @options owns and sets them to %NULL; the others are
 * left as they are.
 */
void
ctg_report_options_clear (CtgReportOptions *options)
{
  g_return_if_fail (options != NULL);

  g_clear_pointer (&options->changes_since, g_free);
  g_clear_pointer (&options->axes, g_array_unref);
}

/* Reading the document */

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static char *
dup_convention_text (CtgDocument *doc,
                     const char  *field)
{
  char *text = ctg_document_dup_text (doc, CTG_ITEM_CONVENTION, 1, field);

  return text != NULL ? text : g_strdup ("");
}

static void
read_convention_date (CtgDocument *doc,
                      const char  *field,
                      CtgDate     *date)
{
  g_autofree char *text = ctg_document_dup_text (doc, CTG_ITEM_CONVENTION, 1, field);

  *date = (CtgDate) { 0, 0, 0 };
  if (text != NULL && !ctg_date_parse (text, date))
    *date = (CtgDate) { 0, 0, 0 };
}

static gboolean
read_axes (CtgReport               *self,
           CtgDocument             *doc,
           const CtgReportOptions  *options,
           GHashTable              *axes_by_id,
           GError                 **error)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
  guint n_wanted = options->axes != NULL ? options->axes->len : 0;

  for (guint i = 0; i < n_wanted; i++)
    {
      gint64 wanted = g_array_index (options->axes, gint64, i);
      gboolean found = FALSE;

      for (guint j = 0; j < ids->len && !found; j++)
        found = g_array_index (ids, gint64, j) == wanted;
      if (!found)
        {
          g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NO_SUCH_ITEM,
                       _("The report is asked for an axis that is not in the convention any more"));
          return FALSE;
        }
    }

  self->n_all_axes = ids->len;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      ReportAxis *axis;
      gboolean wanted = n_wanted == 0;

      for (guint j = 0; j < n_wanted && !wanted; j++)
        wanted = g_array_index (options->axes, gint64, j) == id;
      if (!wanted)
        continue;

      axis = g_new0 (ReportAxis, 1);
      axis->id = id;
      axis->number = i + 1;
      axis->code = ctg_document_dup_text (doc, CTG_ITEM_AXIS, id, "code");
      axis->title = ctg_document_dup_text (doc, CTG_ITEM_AXIS, id, "title");
      axis->description = ctg_document_dup_text (doc, CTG_ITEM_AXIS, id, "description");
      axis->objectives = g_ptr_array_new_with_free_func ((GDestroyNotify) report_objective_free);
      axis->actions = g_ptr_array_new ();
      axis->dest = g_strdup_printf ("axis-%" G_GINT64_FORMAT, id);
      g_ptr_array_add (self->axes, axis);
      g_hash_table_insert (axes_by_id, &axis->id, axis);
    }
  return TRUE;
}

static gboolean
read_sections (CtgReport    *self,
               CtgDocument  *doc,
               GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = _ctg_document_prepare (doc, "SELECT id, kind, title, description FROM section", error);
  if (stmt == NULL)
    return FALSE;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ReportSection *section = g_new0 (ReportSection, 1);

      section->id = sqlite3_column_int64 (stmt, 0);
      section->kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "enjeu") == 0
                        ? CTG_SECTION_ENJEU : CTG_SECTION_THEME;
      section->title = dup_column (stmt, 2);
      section->description = dup_column (stmt, 3);
      g_hash_table_insert (self->sections, &section->id, section);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
read_objectives (CtgReport    *self,
                 CtgDocument  *doc,
                 GHashTable   *axes_by_id,
                 GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = _ctg_document_prepare (doc,
    "SELECT id, axis_id, theme_id, enjeu_id, code, title, description FROM objective"
    " ORDER BY axis_id, position, id", error);
  if (stmt == NULL)
    return FALSE;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 axis_id = sqlite3_column_int64 (stmt, 1);
      ReportAxis *axis = g_hash_table_lookup (axes_by_id, &axis_id);
      ReportObjective *objective;

      if (axis == NULL)
        continue;

      objective = g_new0 (ReportObjective, 1);
      objective->id = sqlite3_column_int64 (stmt, 0);
      objective->theme_id = sqlite3_column_int64 (stmt, 2);
      objective->enjeu_id = sqlite3_column_int64 (stmt, 3);
      objective->code = dup_column (stmt, 4);
      objective->title = dup_column (stmt, 5);
      objective->description = dup_column (stmt, 6);
      objective->actions = g_ptr_array_new ();
      g_ptr_array_add (axis->objectives, objective);
      g_hash_table_insert (self->objectives, &objective->id, objective);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static void
read_actions (CtgReport   *self,
              CtgDocument *doc,
              GHashTable  *axes_by_id)
{
  g_autoptr(GListModel) actions = ctg_document_list_actions (doc, 0);
  guint n = g_list_model_get_n_items (actions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) shared = g_list_model_get_item (actions, i);
      /* The report is written in a thread: its own copy, which no edit changes */
      g_autoptr(CtgAction) action = _ctg_action_dup (shared);
      gint64 axis_id = ctg_action_get_axis_id (action);
      gint64 objective_id = ctg_action_get_objective_id (action);
      ReportAxis *axis = g_hash_table_lookup (axes_by_id, &axis_id);
      ReportObjective *objective = g_hash_table_lookup (self->objectives, &objective_id);
      CtgStatus status = ctg_action_get_status (action);

      if (axis == NULL || objective == NULL)
        continue;

      g_ptr_array_add (self->actions, g_object_ref (action));
      g_ptr_array_add (axis->actions, action);
      g_ptr_array_add (objective->actions, action);
      axis->counts[status]++;
      self->counts[status]++;
      self->has_codes |= ctg_action_get_code (action)[0] != '\0';
      self->has_pilots |= ctg_action_get_pilots (action)->len > 0;
      self->has_start |= ctg_date_is_set (ctg_action_get_start (action));
      self->has_echeance |= ctg_date_is_set (ctg_action_get_echeance (action));
      self->has_progress |= ctg_action_get_progress (action) >= 0;
    }

  progress_set (&self->progress, actions, 0);
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, axes_by_id);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        ReportAxis *axis = value;
        g_autoptr(GListModel) axis_actions = ctg_document_list_actions (doc, axis->id);

        progress_set (&axis->progress, axis_actions, 0);
      }
  }
}

static ReportFiche *
ensure_fiche (CtgReport *self,
              gint64     action_id)
{
  ReportFiche *fiche = g_hash_table_lookup (self->fiches, &action_id);

  if (fiche == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = action_id;
      fiche = g_new0 (ReportFiche, 1);
      fiche->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) report_step_free);
      fiche->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) report_indicator_free);
      g_hash_table_insert (self->fiches, key, fiche);
    }
  return fiche;
}

/* Steps and indicators of every action, in three queries rather than a few
 * per action */
static gboolean
read_fiches (CtgReport    *self,
             CtgDocument  *doc,
             GError      **error)
{
  g_autoptr(GHashTable) indicators = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;

  stmt = _ctg_document_prepare (doc,
    "SELECT action_id, text, date, done FROM step ORDER BY action_id, position, id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ReportStep *step = g_new0 (ReportStep, 1);
      const char *date = (const char *) sqlite3_column_text (stmt, 2);

      step->text = dup_column (stmt, 1);
      if (date == NULL || !ctg_date_parse (date, &step->date))
        step->date = (CtgDate) { 0, 0, 0 };
      step->done = sqlite3_column_int (stmt, 3) != 0;
      g_ptr_array_add (ensure_fiche (self, sqlite3_column_int64 (stmt, 0))->steps, step);
    }
  sqlite3_reset (stmt);

  stmt = _ctg_document_prepare (doc,
    "SELECT id, action_id, name, target FROM indicator ORDER BY action_id, position, id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ReportIndicator *indicator = g_new0 (ReportIndicator, 1);
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      indicator->name = dup_column (stmt, 2);
      indicator->target = dup_column (stmt, 3);
      indicator->years = g_array_new (FALSE, FALSE, sizeof (guint));
      indicator->values = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (ensure_fiche (self, sqlite3_column_int64 (stmt, 1))->indicators, indicator);
      g_hash_table_insert (indicators, id, indicator);
    }
  sqlite3_reset (stmt);

  stmt = _ctg_document_prepare (doc,
    "SELECT indicator_id, year, value FROM indicator_value ORDER BY indicator_id, year", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      ReportIndicator *indicator = g_hash_table_lookup (indicators, &id);
      guint year = (guint) sqlite3_column_int (stmt, 1);

      if (indicator == NULL)
        continue;
      g_array_append_val (indicator->years, year);
      g_ptr_array_add (indicator->values, dup_column (stmt, 2));
    }
  sqlite3_reset (stmt);

  return TRUE;
}

static void
ctg_report_finalize (GObject *object)
{
  CtgReport *self = (CtgReport *)object;

  g_clear_pointer (&self->created, g_date_time_unref);
  g_free (self->since);
  g_free (self->source);
  g_free (self->title);
  g_free (self->territory);
  g_free (self->caf);
  g_clear_pointer (&self->axes, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_hash_table_unref);
  g_clear_pointer (&self->objectives, g_hash_table_unref);
  g_clear_pointer (&self->fiches, g_hash_table_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->drift, ctg_drift_free);
  _ctg_report_clear_bilan (self);

  G_OBJECT_CLASS (ctg_report_parent_class)->finalize (object);
}

static void
ctg_report_class_init (CtgReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ctg_report_finalize;
}

static void
ctg_report_init (CtgReport *self)
{
  self->actions = g_ptr_array_new_with_free_func (g_object_unref);
  self->axes = g_ptr_array_new_with_free_func ((GDestroyNotify) report_axis_free);
  self->sections = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                          (GDestroyNotify) report_section_free);
  self->objectives = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->fiches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) report_fiche_free);
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) report_change_free);
}

/* Public API */

static GDateTime *
creation_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  /* Reproducible output when asked for, as in reproducible builds */
  if (epoch != NULL && epoch[0] != '\0')
    {
      char *end = NULL;
      gint64 seconds = g_ascii_strtoll (epoch, &end, 10);

      if (end != NULL && *end == '\0' && seconds >= 0)
        return g_date_time_new_from_unix_utc (seconds);
    }
  return g_date_time_new_now_local ();
}

/**
 * ctg_report_new:
 * @doc: an open convention
 * @options: (nullable): what the report holds; %NULL for the defaults
 * @error: return location for an error
 *
 * Reads everything the report needs from @doc. Call it in the thread that
 * uses @doc; ctg_report_save_pdf() then touches no document and may run in
 * a worker thread while the user goes on editing.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL when @options
 *   name an axis that is gone or a date that is not one
 */
CtgReport *
ctg_report_new (CtgDocument             *doc,
                const CtgReportOptions  *options,
                GError                 **error)
{
  g_autoptr(CtgReport) self = NULL;
  const CtgReportOptions defaults = CTG_REPORT_OPTIONS_INIT;
  g_autoptr(GHashTable) axes_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (CTG_IS_DOCUMENT (doc), NULL);
  g_return_val_if_fail (options == NULL || options->bilan_year == 0 ||
                        (options->bilan_year >= 1900 && options->bilan_year <= 2200), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;

  self = g_object_new (CTG_TYPE_REPORT, NULL);
  self->source = g_strdup (ctg_document_get_path (doc));
  self->parts = options->parts;
  self->created = creation_time ();

  if (g_date_valid (&options->meeting_date))
    self->meeting = options->meeting_date;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&self->meeting, 1);
      g_date_set_dmy (&self->meeting, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
    }

  if (options->changes_since != NULL && options->changes_since[0] != '\0')
    {
      CtgDate since;
      g_autoptr(GDate) first = NULL;

      if (!ctg_date_parse (options->changes_since, &since) || !ctg_date_is_set (&since))
        {
          g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                       _("“%s” is not a date: write it as 15/03/2025 or 2025-03-15"), options->changes_since);
          return NULL;
        }
      first = ctg_date_first_day (&since);
      self->since = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (first),
                                     g_date_get_month (first), g_date_get_day (first));
    }

  self->title = dup_convention_text (doc, "title");
  self->territory = dup_convention_text (doc, "territory");
  self->caf = dup_convention_text (doc, "caf");
  read_convention_date (doc, "period_start", &self->period_start);
  read_convention_date (doc, "period_end", &self->period_end);

  if (!read_axes (self, doc, options, axes_by_id, error) ||
      !read_sections (self, doc, error) ||
      !read_objectives (self, doc, axes_by_id, error))
    return NULL;
  read_actions (self, doc, axes_by_id);

  if ((self->parts & CTG_REPORT_PART_FICHES) != 0 && !read_fiches (self, doc, error))
    return NULL;
  if (self->since != NULL)
    {
      _ctg_report_read_changes (self, doc, options->axes == NULL || options->axes->len == 0);
      _ctg_report_read_drift (self, doc);
    }
  self->bilan_year = options->bilan_year;
  if (self->bilan_year != 0)
    _ctg_report_read_bilan (self, doc);

  return g_steal_pointer (&self);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (CtgReport       *self,
              cairo_surface_t *surface)
{
  g_autofree char *meeting = _ctg_report_format_gdate (&self->meeting);
  g_autofree char *subject = NULL;
  g_autofree char *created = NULL;
  g_autofree char *creator = NULL;

  /* Translators: the subject of the report, in the PDF's properties */
  subject = g_strdup_printf (_("Report to the steering committee (COPIL) of %s"), meeting);
  created = g_date_time_format (self->created, "%Y-%m-%dT%H:%M:%S%:z");
  creator = g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  self->title[0] != '\0' ? self->title : _("Untitled convention"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  if (self->caf[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->caf);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, "CTG, COPIL");
}

static gboolean
save_bytes (const char  *path,
            GByteArray  *bytes,
            GError     **error)
{
  g_autoptr(GError) file_error = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  int code = CTG_DOCUMENT_ERROR_FAILED;

  /* Written aside, synced and renamed into place: a failed export leaves
   * the previous file, or none, never half a PDF */
  if (g_file_set_contents_full (path, (const char *) bytes->data, (gssize) bytes->len,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                0666, &file_error))
    return TRUE;

  switch (file_error->code)
    {
    case G_FILE_ERROR_NOSPC:
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DISK_FULL,
                   _("The report could not be saved as “%s”: the disk is full"), name);
      return FALSE;
    case G_FILE_ERROR_NOENT:
    case G_FILE_ERROR_NOTDIR:
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NOT_FOUND,
                   _("The report could not be saved as “%s”: the folder does not exist"), name);
      return FALSE;
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
    case G_FILE_ERROR_ROFS:
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_READ_ONLY,
                   _("The report could not be saved as “%s”: you are not allowed to write there"), name);
      return FALSE;
    case G_FILE_ERROR_ISDIR:
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                   _("The report could not be saved as “%s”: it is a folder"), name);
      return FALSE;
    default:
      break;
    }

  g_set_error (error, CTG_DOCUMENT_ERROR, code,
               _("The report could not be saved as “%s”: %s"), name, file_error->message);
  return FALSE;
}

/**
 * ctg_report_save_pdf:
 * @self: a report
 * @path: where to write the PDF; a file there is replaced
 * @cancellable: (nullable): to stop early
 * @progress: (nullable) (scope call): called as the work goes on, in the
 *   calling thread
 * @user_data: data for @progress
 * @error: return location for an error
 *
 * Lays the report out on A4 pages and writes it as a PDF, with its
 * outline, links, page numbers and properties. Uses nothing but @self, so
 * it can run in a worker thread; the text is in the language of the
 * calling process's locale.
 *
 * Returns: %TRUE if @path now holds the report; on failure, the file that
 *   was there is left as it was
 */
gboolean
ctg_report_save_pdf (CtgReport              *self,
                     const char             *path,
                     GCancellable           *cancellable,
                     CtgReportProgressFunc   progress,
                     gpointer                user_data,
                     GError                **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  guint n_pages = 0;
  gboolean ok;

  g_return_val_if_fail (CTG_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  /* The caller asked before replacing a file; an open convention is never
   * replaced (its writer would go on writing to a deleted file) */
  if (!ctg_document_check_replaceable (path, self->source, TRUE, error))
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  set_metadata (self, surface);

  ok = _ctg_report_render (self, surface, cancellable, progress, user_data, &n_pages, error);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!ok)
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                   _("The report could not be made: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Asked again now the pages are made: the convention may have been
   * opened at @path meanwhile */
  if (!ctg_document_check_replaceable (path, self->source, TRUE, error) ||
      !save_bytes (path, bytes, error))
    return FALSE;

  self->n_pages = n_pages;
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

/**
 * ctg_report_get_n_pages:
 *
 * Returns: the number of pages of the last PDF saved, 0 before
 */
guint
ctg_report_get_n_pages (CtgReport *self)
{
  g_return_val_if_fail (CTG_IS_REPORT (self), 0);

  return self->n_pages;
}

/**
 * ctg_report_write_pdf:
 * @doc: an open convention
 * @options: (nullable): what the report holds; %NULL for the defaults
 * @path: where to write the PDF
 * @cancellable: (nullable): to stop early
 * @progress: (nullable) (scope call): called as the work goes on
 * @user_data: data for @progress
 * @error: return location for an error
 *
 * Writes the COPIL report of @doc: ctg_report_new() then
 * ctg_report_save_pdf(). Errors are in the %CTG_DOCUMENT_ERROR domain
 * (%CTG_DOCUMENT_ERROR_DISK_FULL, ...) or %G_IO_ERROR_CANCELLED.
 *
 * Returns: %TRUE on success
 */
gboolean
ctg_report_write_pdf (CtgDocument             *doc,
                      const CtgReportOptions  *options,
                      const char              *path,
                      GCancellable            *cancellable,
                      CtgReportProgressFunc    progress,
                      gpointer                 user_data,
                      GError                 **error)
{
  g_autoptr(CtgReport) report = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  report = ctg_report_new (doc, options, error);
  if (report == NULL)
    return FALSE;
  return ctg_report_save_pdf (report, path, cancellable, progress, user_data, error);
}

/* The longest run of characters laid out without a break opportunity */
#define WORD_CHUNK 500

/**
 * _ctg_report_break_long_words:
 * @valid: valid UTF-8, either *@copy or text @copy does not own
 * @copy: (inout): the string to free afterwards, replaced if @valid is
 *
 * Pango breaks a word longer than its line anywhere (PANGO_WRAP_WORD_CHAR),
 * but lays what is left of it out again for every line: a word of 100,000
 * characters (from a file made elsewhere; edits refuse such titles) took
 * 12 s to print. A zero-width break opportunity (U+200B) every WORD_CHUNK
 * characters of one word keeps that linear (0.7 s).
 *
 * Returns: the text to lay out
 */
const char *
_ctg_report_break_long_words (const char  *valid,
                              char       **copy)
{
  GString *broken = NULL;
  const char *run_start = valid;
  guint run = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        {
          run = 0;
          continue;
        }
      if (++run <= WORD_CHUNK)
        continue;
      if (broken == NULL)
        broken = g_string_new (NULL);
      g_string_append_len (broken, run_start, p - run_start);
      g_string_append (broken, "\u200b");
      run_start = p;
      run = 1;
    }
  if (broken == NULL)
    return valid;
  g_string_append (broken, run_start);
  g_free (*copy);
  *copy = g_string_free (broken, FALSE);
  return *copy;
}

static void
report_page_free (CtgReportPage *page)
{
  cairo_pattern_destroy (page->pattern);
  g_clear_object (&page->fonts);
  g_free (page);
}

/**
 * ctg_report_render_pages:
 *
 * Draws the report as for its PDF, each page kept as a cairo recording:
 * what print draws, with no second layout.
 *
 * Returns: (transfer full) (element-type CtgReportPage) (nullable): the
 *   pages, or %NULL with @error set
 */
GPtrArray *
ctg_report_render_pages (CtgReport     *self,
                         GCancellable  *cancellable,
                         GError       **error)
{
  cairo_surface_t *surface;
  GPtrArray *pages;
  guint n_pages = 0;
  gboolean ok;

  g_return_val_if_fail (CTG_IS_REPORT (self), NULL);

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  ok = _ctg_report_render (self, surface, cancellable, NULL, NULL, &n_pages, error);
  cairo_surface_destroy (surface);
  if (!ok)
    return NULL;
  pages = g_object_steal_data (G_OBJECT (self), "ctg-pages");
  g_ptr_array_set_free_func (pages, (GDestroyNotify) report_page_free);
  return pages;
}
