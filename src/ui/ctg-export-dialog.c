/* ctg-export-dialog.c: the options of the COPIL report, and its export
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-editor-util.h"
#include "ctg-export-dialog.h"

struct _CtgExportDialog
{
  AdwWindow       parent_instance;

  /* Widgets */
  GtkWidget      *export_button;
  AdwEntryRow    *meeting_row;
  AdwEntryRow    *since_row;
  GtkLabel       *message_label;
  GtkSwitch      *summary_switch;
  GtkSwitch      *timeline_switch;
  GtkSwitch      *fiches_switch;
  AdwExpanderRow *bilan_row;
  GtkSpinButton  *bilan_year_spin;
  GtkProgressBar *progress_bar;
  GPtrArray      *axis_checks;   /* GtkCheckButton, with "axis-id" data */

  /* Owned references */
  CtgDocument    *document;
  GCancellable   *cancellable;
  GSettings      *settings;      /* nullable: the sections last exported */
};

G_DEFINE_FINAL_TYPE (CtgExportDialog, ctg_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_for_entry (const GDate *date)
{
  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (date), g_date_get_month (date), g_date_get_year (date));
}

/* The meeting the dashboard and the timeline compare with by default, the
 * last COPIL: what "changes since" means at a COPIL */
static char *
default_since (CtgDocument *document)
{
  g_autofree char *iso = ctg_drift_default_since (document);
  g_autoptr(GDate) first = NULL;
  CtgDate date;

  if (iso == NULL || !ctg_date_parse (iso, &date) || !ctg_date_is_set (&date))
    return g_strdup ("");
  first = ctg_date_first_day (&date);
  return format_for_entry (first);
}

static gboolean
parse_day (const char  *text,
           GDate      **day,
           GError     **error)
{
  CtgDate date;

  *day = NULL;
  if (!ctg_date_parse (text, &date))
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                   _("“%s” is not a date. Write a day (15/03/2025), a month (03/2025) or a year."), text);
      return FALSE;
    }
  if (ctg_date_is_set (&date))
    *day = ctg_date_first_day (&date);
  return TRUE;
}

/**
 * ctg_export_dialog_get_options:
 * @options: (out caller-allocates): where to store the options chosen,
 *   to clear with ctg_report_options_clear(); left alone on failure
 *
 * Returns: %FALSE with @error set when a date cannot be read or no axis is
 *   chosen
 */
gboolean
ctg_export_dialog_get_options (CtgExportDialog   *self,
                               CtgReportOptions  *options,
                               GError           **error)
{
  g_autoptr(GDate) meeting = NULL;
  g_autoptr(GDate) since = NULL;
  g_autoptr(GArray) axes = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (CTG_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!parse_day (gtk_editable_get_text (GTK_EDITABLE (self->meeting_row)), &meeting, error) ||
      !parse_day (gtk_editable_get_text (GTK_EDITABLE (self->since_row)), &since, error))
    return FALSE;

  for (guint i = 0; i < self->axis_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->axis_checks, i);

      if (gtk_check_button_get_active (check))
        {
          gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "axis-id"));
          g_array_append_val (axes, id);
        }
    }
  if (axes->len == 0)
    {
      g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                           _("Choose at least one axis."));
      return FALSE;
    }

  *options = (CtgReportOptions) CTG_REPORT_OPTIONS_INIT;
  if (meeting != NULL)
    options->meeting_date = *meeting;
  if (since != NULL)
    options->changes_since = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (since),
                                              g_date_get_month (since), g_date_get_day (since));

  options->parts = CTG_REPORT_PART_NONE;
  if (gtk_switch_get_active (self->summary_switch))
    options->parts |= CTG_REPORT_PART_SUMMARY;
  if (gtk_switch_get_active (self->timeline_switch))
    options->parts |= CTG_REPORT_PART_TIMELINE;
  if (gtk_switch_get_active (self->fiches_switch))
    options->parts |= CTG_REPORT_PART_FICHES;
  if (adw_expander_row_get_enable_expansion (self->bilan_row))
    options->bilan_year = (guint) gtk_spin_button_get_value_as_int (self->bilan_year_spin);
  if (axes->len < self->axis_checks->len)
    options->axes = g_steal_pointer (&axes);

  return TRUE;
}

static void
show_message (CtgExportDialog *self,
              const char      *message)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

typedef struct
{
  CtgExportDialog *dialog;   /* weak: the export outlives a closed dialog */
  double           fraction;
} Progress;

static gboolean
update_progress_cb (gpointer data)
{
  Progress *progress = data;

  if (progress->dialog != NULL)
    gtk_progress_bar_set_fraction (progress->dialog->progress_bar, progress->fraction);
  g_clear_weak_pointer (&progress->dialog);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

/* Runs in the export thread */
static void
on_report_progress (double   fraction,
                    gpointer user_data)
{
  Progress *progress = g_new0 (Progress, 1);

  g_set_weak_pointer (&progress->dialog, user_data);
  progress->fraction = fraction;
  g_idle_add (update_progress_cb, progress);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CtgReport *report = task_data;
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  GError *error = NULL;

  if (ctg_report_save_pdf (report, path, cancellable, on_report_progress, source, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CtgExportDialog *self = CTG_EXPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  const char *path = g_object_get_data (G_OBJECT (result), "path");

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  gtk_widget_set_sensitive (self->export_button, TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message);
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, path);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The sections are the advisor's habit, kept from one report to the next
 * whatever the convention; the dates, the bilan's year and the axes belong
 * to the file and default from it. Kept once exported: sections tried and
 * cancelled are no choice. */
static void
load_sections (CtgExportDialog *self)
{
  if (self->settings == NULL)
    return;
  gtk_switch_set_active (self->summary_switch, g_settings_get_boolean (self->settings, "report-summary"));
  gtk_switch_set_active (self->timeline_switch, g_settings_get_boolean (self->settings, "report-timeline"));
  gtk_switch_set_active (self->fiches_switch, g_settings_get_boolean (self->settings, "report-fiches"));
  adw_expander_row_set_enable_expansion (self->bilan_row, g_settings_get_boolean (self->settings, "report-bilan"));
}

static void
save_sections (CtgExportDialog *self)
{
  if (self->settings == NULL)
    return;
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "report-summary", gtk_switch_get_active (self->summary_switch));
  g_settings_set_boolean (self->settings, "report-timeline", gtk_switch_get_active (self->timeline_switch));
  g_settings_set_boolean (self->settings, "report-fiches", gtk_switch_get_active (self->fiches_switch));
  g_settings_set_boolean (self->settings, "report-bilan", adw_expander_row_get_enable_expansion (self->bilan_row));
  g_settings_apply (self->settings);
}

/**
 * ctg_export_dialog_export_to:
 *
 * Writes the report with the options chosen, in a thread, showing progress;
 * emits "exported" with @path when done.
 */
void
ctg_export_dialog_export_to (CtgExportDialog *self,
                             const char      *path)
{
  g_auto(CtgReportOptions) options = CTG_REPORT_OPTIONS_INIT;
  g_autoptr(CtgReport) report = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CTG_IS_EXPORT_DIALOG (self));

  /* The snapshot is read here, in the thread that owns the document */
  if (ctg_export_dialog_get_options (self, &options, &error))
    report = ctg_report_new (self->document, &options, &error);
  if (report == NULL)
    {
      show_message (self, error->message);
      return;
    }

  show_message (self, NULL);
  save_sections (self);
  gtk_widget_set_sensitive (self->export_button, FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_export_done_cb, NULL);
  g_task_set_task_data (task, g_steal_pointer (&report), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (path), g_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_file_chosen_cb (GFile           *file,
                   GtkFileChooser  *chooser,
                   CtgExportDialog *self)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    ctg_export_dialog_export_to (self, path);
}

static void
on_export_clicked_cb (CtgExportDialog *self)
{
  g_auto(CtgReportOptions) options = CTG_REPORT_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autofree char *day = NULL;
  GtkFileChooser *chooser;
  const GDate *meeting = &options.meeting_date;

  if (!ctg_export_dialog_get_options (self, &options, &error))
    {
      show_message (self, error->message);
      return;
    }

  title = ctg_document_dup_title (self->document, CTG_ITEM_CONVENTION, 1);
  if (g_date_valid (meeting))
    day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (meeting), g_date_get_month (meeting), g_date_get_day (meeting));
  /* Translators: the file name of the report; %s is the date of the meeting */
  name = g_strdup_printf (_("COPIL %s.pdf"), day ? day : "");
  g_strdelimit (name, "/\\:", '-');

  chooser = _ctg_file_chooser_new (GTK_WINDOW (self), _("Export the COPIL Report"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                   _("_Export"), (CtgFileChosenFunc) on_file_chosen_cb, self);
  gtk_file_chooser_set_current_name (chooser, name);
  _ctg_file_chooser_add_filter (chooser, _("PDF documents"), "application/pdf", "pdf");
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkSwitch *
add_switch_row (AdwPreferencesGroup *group,
                const char          *title,
                const char          *subtitle,
                gboolean             active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (group, row);
  return GTK_SWITCH (toggle);
}

/* "2. Renforcer la dynamique inclusive": @user_data is the number */
static gboolean
number_axis_title (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  const char *title = g_value_get_string (from);

  g_value_take_string (to, g_strdup_printf ("%u. %s", GPOINTER_TO_UINT (user_data),
                                            title && title[0] ? title : _("Untitled axis")));
  return TRUE;
}

/* The annual review, as ctg export --bilan: off unless asked, for the year
 * the COPIL last assessed, else the year the Évaluation page shows first,
 * among the same years (this year once the convention has ended was a
 * review of a year after it) */
static void
add_bilan_row (CtgExportDialog     *self,
               AdwPreferencesGroup *group)
{
  g_autoptr(GArray) years = _ctg_years_to_offer (self->document);
  guint year = ctg_document_get_review_year (self->document);
  GtkWidget *year_row = adw_action_row_new ();

  self->bilan_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->bilan_row), _("Annual Review"));
  adw_expander_row_set_subtitle (self->bilan_row, _("The year’s indicators, follow-up notes and funding"));
  adw_expander_row_set_show_enable_switch (self->bilan_row, TRUE);
  adw_expander_row_set_enable_expansion (self->bilan_row, FALSE);

  self->bilan_year_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (g_array_index (years, guint, 0),
                                                                          g_array_index (years, guint, years->len - 1),
                                                                          1));
  gtk_spin_button_set_value (self->bilan_year_spin, year);
  gtk_widget_set_valign (GTK_WIDGET (self->bilan_year_spin), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (year_row), _("Year of the Review"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bilan_year_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Year of the Review"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (year_row), GTK_WIDGET (self->bilan_year_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (year_row), GTK_WIDGET (self->bilan_year_spin));
  adw_expander_row_add_row (self->bilan_row, year_row);
  adw_preferences_group_add (group, GTK_WIDGET (self->bilan_row));
}

static void
build (CtgExportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *meeting = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *sections = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *axes = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(GArray) axis_ids = ctg_document_list_ids (self->document, CTG_ITEM_AXIS, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  g_autofree char *today_text = format_for_entry (today);
  g_autofree char *since_text = default_since (self->document);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("COPIL Report"), NULL));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (on_export_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (box), header);

  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->progress_bar), "osd");
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_bar));

  adw_preferences_group_set_title (meeting, _("Meeting"));
  adw_preferences_group_set_description (meeting, _("Dates as 15/03/2025. The changes since the meeting "
                                                    "compared with (the last COPIL unless another is "
                                                    "chosen) are listed; leave empty to leave them out."));
  self->meeting_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->meeting_row), _("Date of the COPIL"));
  gtk_editable_set_text (GTK_EDITABLE (self->meeting_row), today_text);
  adw_preferences_group_add (meeting, GTK_WIDGET (self->meeting_row));
  self->since_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->since_row), _("Changes since"));
  gtk_editable_set_text (GTK_EDITABLE (self->since_row), since_text);
  adw_preferences_group_add (meeting, GTK_WIDGET (self->since_row));

  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message_label, TRUE);
  gtk_label_set_xalign (self->message_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->message_label), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  adw_preferences_group_add (meeting, GTK_WIDGET (self->message_label));

  adw_preferences_group_set_title (sections, _("Sections"));
  self->summary_switch = add_switch_row (sections, _("Summary"), _("Counts by status, overdue actions, coming échéances"), TRUE);
  self->timeline_switch = add_switch_row (sections, _("Timeline"), _("Every action from start to échéance"), TRUE);
  self->fiches_switch = add_switch_row (sections, _("Action sheets"), _("One page per action with its steps, means and indicators"), FALSE);
  add_bilan_row (self, sections);
  load_sections (self);

  adw_preferences_group_set_title (axes, _("Axes"));
  for (guint i = 0; i < axis_ids->len; i++)
    {
      gint64 id = g_array_index (axis_ids, gint64, i);
      g_autoptr(CtgItem) axis = ctg_document_get_item (self->document, CTG_ITEM_AXIS, id);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      /* An axis renamed while the dialog is open (an undo, another window);
       * numbered as in the sidebar and the report */
      if (axis != NULL)
        {
          g_object_bind_property_full (axis, "title", row, "title", G_BINDING_SYNC_CREATE,
                                       number_axis_title, NULL, GUINT_TO_POINTER (i + 1), NULL);
          g_object_set_data_full (G_OBJECT (row), "ctg-item", g_steal_pointer (&axis), g_object_unref);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      /* Named by its row, which follows the axis */
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      g_object_set_data (G_OBJECT (check), "axis-id", GSIZE_TO_POINTER ((gsize) id));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (axes, row);
      g_ptr_array_add (self->axis_checks, check);
    }

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), meeting);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), sections);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), axes);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  adw_window_set_content (ADW_WINDOW (self), box);
}

static void
ctg_export_dialog_dispose (GObject *object)
{
  CtgExportDialog *self = CTG_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->axis_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (ctg_export_dialog_parent_class)->dispose (object);
}

static void
ctg_export_dialog_class_init (CtgExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ctg_export_dialog_dispose;

  /**
   * CtgExportDialog::exported:
   * @path: the PDF written
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ctg_export_dialog_init (CtgExportDialog *self)
{
  self->axis_checks = g_ptr_array_new ();
}

/**
 * ctg_export_dialog_new:
 * @window: the window of the convention to report on
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
CtgExportDialog *
ctg_export_dialog_new (CtgWindow *window)
{
  CtgExportDialog *self = g_object_new (CTG_TYPE_EXPORT_DIALOG,
                                        "transient-for", window,
                                        "modal", TRUE,
                                        "default-width", 560,
                                        "default-height", 680,
                                        "title", _("COPIL Report"),
                                        NULL);

  self->document = g_object_ref (ctg_window_get_document (window));
  self->settings = _ctg_settings_new ();
  build (self);
  return self;
}

static void
set_date_row (AdwEntryRow *row,
              const char  *iso)
{
  CtgDate date;
  g_autoptr(GDate) day = NULL;
  g_autofree char *text = NULL;

  if (iso == NULL || iso[0] == '\0' || !ctg_date_parse (iso, &date) || !ctg_date_is_set (&date))
    {
      gtk_editable_set_text (GTK_EDITABLE (row), "");
      return;
    }
  day = ctg_date_first_day (&date);
  text = format_for_entry (day);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/**
 * ctg_export_dialog_set_dates:
 * @meeting: (nullable): the day of the meeting, ISO
 * @since: (nullable): the day changes are listed from, ISO; empty or %NULL
 *   to leave the changes out
 *
 * Fills the dialog for a given meeting, as the dashboard proposes it.
 */
void
ctg_export_dialog_set_dates (CtgExportDialog *self,
                             const char      *meeting,
                             const char      *since)
{
  g_return_if_fail (CTG_IS_EXPORT_DIALOG (self));

  if (meeting != NULL && meeting[0] != '\0')
    set_date_row (self->meeting_row, meeting);
  set_date_row (self->since_row, since);
}
