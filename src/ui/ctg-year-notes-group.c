/* ctg-year-notes-group.c: an action's follow-up for one year, in its
 * detail view: what was done, the difficulties, the next steps, and where
 * the action stood at the end of the year
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-year-notes-group"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-editor-util.h"
#include "ctg-field-message.h"
#include "ctg-text-row.h"
#include "ctg-year-notes-group.h"

typedef enum
{
  PART_DONE,
  PART_DIFFICULTIES,
  PART_NEXT_STEPS,
  N_PARTS
} Part;

/* The properties of the note's item */
static const char * const part_fields[N_PARTS] = { "done", "difficulties", "next-steps" };

struct _CtgYearNotesGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Widgets */
  GtkDropDown         *year_dropdown;
  CtgTextRow          *rows[N_PARTS];
  CtgFieldMessage     *message;
  AdwActionRow        *end_row;
  GtkWidget           *record_button;

  /* Owned references */
  CtgDocument         *document;
  CtgAction           *action;     /* live: the action whose notes these are */
  GListModel          *notes;      /* live: its notes, one item per year */
  CtgItem             *note;       /* live: the note of the year shown, if any */
  GArray              *years;      /* guint, what the dropdown lists */

  gulong               committed_handler;
  guint                year;
  guint                updating;
  gboolean             editable;
};

G_DEFINE_FINAL_TYPE (CtgYearNotesGroup, ctg_year_notes_group, ADW_TYPE_PREFERENCES_GROUP)

static void
show_end_of_year (CtgYearNotesGroup *self)
{
  const char *status_key = self->note ? ctg_item_get_text (self->note, "status") : NULL;
  int progress = self->note ? ctg_item_get_progress (self->note) : -1;
  g_autofree char *text = NULL;
  CtgStatus status;

  if (status_key != NULL && ctg_status_from_key (status_key, &status))
    text = progress >= 0
           /* Translators: where an action stood at the end of a year, "In progress, 60 %" */
           ? g_strdup_printf (_("%s, %d %%"), ctg_status_to_label (status), progress)
           : g_strdup (ctg_status_to_label (status));
  else
    text = g_strdup (_("Not recorded"));
  adw_action_row_set_subtitle (self->end_row, text);
}

static void
show_part (CtgYearNotesGroup *self,
           Part               part,
           gboolean           force)
{
  const char *text = self->note ? ctg_item_get_text (self->note, part_fields[part]) : NULL;

  ctg_text_row_update (self->rows[part], text ? text : "", force);
}

/* A field of the note shown changed, whoever wrote it: its row shows it,
 * even over what was typed there */
static void
on_note_notify_cb (CtgYearNotesGroup *self,
                   GParamSpec        *pspec)
{
  self->updating++;
  for (guint i = 0; i < N_PARTS; i++)
    if (g_str_equal (pspec->name, part_fields[i]))
      show_part (self, (Part) i, TRUE);
  if (g_str_equal (pspec->name, "status") || g_str_equal (pspec->name, "progress"))
    show_end_of_year (self);
  self->updating--;
}

/* Follows the note of the year shown, as the action's notes come and go;
 * returns whether it is another one */
static gboolean
follow_note (CtgYearNotesGroup *self)
{
  g_autoptr(CtgItem) note = NULL;
  guint n = self->notes ? g_list_model_get_n_items (self->notes) : 0;

  for (guint i = 0; i < n && note == NULL; i++)
    {
      g_autoptr(CtgItem) item = g_list_model_get_item (self->notes, i);

      if (ctg_item_get_int (item, "year") == self->year)
        note = g_steal_pointer (&item);
    }
  if (note == self->note)
    return FALSE;
  if (self->note != NULL)
    g_signal_handlers_disconnect_by_data (self->note, self);
  g_set_object (&self->note, note);
  if (note != NULL)
    g_signal_connect_object (note, "notify", G_CALLBACK (on_note_notify_cb), self, G_CONNECT_SWAPPED);
  return TRUE;
}

static void
refresh (CtgYearNotesGroup *self,
         gboolean           force)
{
  if (self->document == NULL || self->action == NULL || self->year == 0)
    return;

  self->updating++;
  follow_note (self);
  for (guint i = 0; i < N_PARTS; i++)
    show_part (self, (Part) i, force);
  show_end_of_year (self);
  self->updating--;
}

/* A note came or went (the first text of a year, an undo): shown as it is */
static void
on_notes_changed_cb (CtgYearNotesGroup *self)
{
  if (follow_note (self))
    refresh (self, TRUE);
}

static void
fill_years (CtgYearNotesGroup *self)
{
  g_autoptr(GArray) years = _ctg_years_to_offer (self->document);

  self->updating++;
  _ctg_year_dropdown_set_years (self->year_dropdown, &self->years, years);
  if (self->year == 0 || !_ctg_year_dropdown_select (self->year_dropdown, self->years, self->year))
    {
      self->year = _ctg_years_default (self->years);
      _ctg_year_dropdown_select (self->year_dropdown, self->years, self->year);
    }
  self->updating--;
}

static void
on_year_selected_cb (CtgYearNotesGroup *self)
{
  guint year = _ctg_year_dropdown_get_year (self->year_dropdown, self->years);

  if (self->updating > 0 || year == 0)
    return;
  self->year = year;
  ctg_field_message_clear (self->message, NULL);
  refresh (self, TRUE);
}

static void
on_row_applied_cb (CtgYearNotesGroup *self,
                   CtgTextRow        *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = ctg_text_row_dup_text (row);
  g_autofree char *column = NULL;
  Part part = PART_DONE;

  if (self->document == NULL || self->action == NULL)
    return;
  for (guint i = 0; i < N_PARTS; i++)
    if (self->rows[i] == row)
      part = (Part) i;

  ctg_field_message_clear (self->message, GTK_WIDGET (row));
  column = g_strdelimit (g_strdup (part_fields[part]), "-", '_');
  if (!ctg_document_set_action_year (self->document, ctg_action_get_id (self->action), self->year, column, text, &error))
    ctg_field_message_show_error (self->message, GTK_WIDGET (row), error->message);
  refresh (self, TRUE);
}

/* Keeps the action's status and progress now as where it stood at the end
 * of the year shown */
static void
on_record_clicked_cb (CtgYearNotesGroup *self)
{
  g_autoptr(GError) error = NULL;
  CtgAction *action = self->action;
  gint64 action_id;
  g_autofree char *progress = NULL;

  if (self->document == NULL || action == NULL)
    return;
  action_id = ctg_action_get_id (action);
  if (ctg_action_get_progress (action) >= 0)
    progress = g_strdup_printf ("%d", ctg_action_get_progress (action));

  ctg_field_message_clear (self->message, NULL);
  if (!ctg_document_begin_group (self->document, N_("Record the year’s status"), &error) ||
      !ctg_document_set_action_year (self->document, action_id, self->year, "status",
                                     ctg_status_to_key (ctg_action_get_status (action)), &error) ||
      !ctg_document_set_action_year (self->document, action_id, self->year, "progress", progress, &error) ||
      !ctg_document_end_group (self->document, &error))
    {
      if (error != NULL && !g_error_matches (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_READ_ONLY))
        ctg_document_cancel_group (self->document);
      ctg_field_message_show_error (self->message, NULL, error ? error->message : "");
    }
  refresh (self, TRUE);
}

/* The years offered: the convention's and those of any note or
 * assessment, in any action */
static void
on_document_committed_cb (CtgYearNotesGroup *self,
                          CtgChangeSet      *changes)
{
  guint year = self->year;

  if (!ctg_change_set_touches_kind (changes, CTG_ITEM_CONVENTION) &&
      !ctg_change_set_touches_kind (changes, CTG_ITEM_ACTION_YEAR) &&
      !ctg_change_set_touches_kind (changes, CTG_ITEM_ASSESSMENT))
    return;
  fill_years (self);
  if (self->year != year)
    refresh (self, TRUE);
}

/* Follows @action's notes in @document, or nothing */
static void
follow (CtgYearNotesGroup *self,
        CtgDocument       *document,
        CtgAction         *action)
{
  g_autoptr(GListModel) notes = NULL;

  if (document != self->document)
    {
      g_clear_signal_handler (&self->committed_handler, self->document);
      g_set_object (&self->document, document);
      if (document != NULL)
        self->committed_handler = g_signal_connect_swapped (document, "committed",
                                                            G_CALLBACK (on_document_committed_cb), self);
    }
  g_set_object (&self->action, action);
  if (document != NULL && action != NULL)
    notes = ctg_document_list_items (document, CTG_ITEM_ACTION_YEAR, ctg_action_get_id (action));
  if (notes != self->notes)
    {
      if (self->notes != NULL)
        g_signal_handlers_disconnect_by_data (self->notes, self);
      g_set_object (&self->notes, notes);
      if (notes != NULL)
        g_signal_connect_object (notes, "items-changed", G_CALLBACK (on_notes_changed_cb), self, G_CONNECT_SWAPPED);
    }
  if (action == NULL && self->note != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->note, self);
      g_clear_object (&self->note);
    }
}

static void
ctg_year_notes_group_dispose (GObject *object)
{
  CtgYearNotesGroup *self = (CtgYearNotesGroup *)object;

  follow (self, NULL, NULL);
  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (ctg_year_notes_group_parent_class)->dispose (object);
}

static void
ctg_year_notes_group_class_init (CtgYearNotesGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ctg_year_notes_group_dispose;
}

static void
ctg_year_notes_group_init (CtgYearNotesGroup *self)
{
  const char *titles[N_PARTS] = { C_("year note", "Done"), C_("year note", "Difficulties"),
                                  C_("year note", "Next steps") };
  const char *names[N_PARTS] = { "year-done-row", "year-difficulties-row", "year-next-steps-row" };

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Yearly Follow-up"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("What the COPIL reviews each year: one note per year."));

  self->year_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_name (GTK_WIDGET (self->year_dropdown), "year-dropdown");
  gtk_widget_set_valign (GTK_WIDGET (self->year_dropdown), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->year_dropdown), _("Year of the note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Year of the note"), -1);
  g_signal_connect_swapped (self->year_dropdown, "notify::selected", G_CALLBACK (on_year_selected_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->year_dropdown));

  for (guint i = 0; i < N_PARTS; i++)
    {
      self->rows[i] = CTG_TEXT_ROW (ctg_text_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[i]), titles[i]);
      gtk_widget_set_name (GTK_WIDGET (self->rows[i]), names[i]);
      g_signal_connect_swapped (self->rows[i], "apply", G_CALLBACK (on_row_applied_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->rows[i]));
    }

  self->message = CTG_FIELD_MESSAGE (ctg_field_message_new ());
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->message));

  self->end_row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->end_row), "year-end-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->end_row), _("End of year"));
  self->record_button = gtk_button_new_with_mnemonic (_("_Record Current"));
  gtk_widget_set_name (self->record_button, "year-record-button");
  gtk_widget_set_valign (self->record_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->record_button, _("Keep the action’s status and progress as they are now for this year"));
  g_signal_connect_swapped (self->record_button, "clicked", G_CALLBACK (on_record_clicked_cb), self);
  adw_action_row_add_suffix (self->end_row, self->record_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->end_row));

  self->editable = TRUE;
}

GtkWidget *
ctg_year_notes_group_new (void)
{
  return g_object_new (CTG_TYPE_YEAR_NOTES_GROUP, NULL);
}

/**
 * ctg_year_notes_group_show:
 * @action: the live action, whose notes are followed from then on
 * @force: another action is shown: replace what the user was typing
 */
void
ctg_year_notes_group_show (CtgYearNotesGroup *self,
                           CtgDocument       *document,
                           CtgAction         *action,
                           gboolean           force)
{
  g_return_if_fail (CTG_IS_YEAR_NOTES_GROUP (self));
  g_return_if_fail (CTG_IS_ACTION (action));

  if (document != self->document)
    {
      g_clear_pointer (&self->years, g_array_unref);
      self->year = 0;
      force = TRUE;
    }
  follow (self, document, action);
  if (self->document == NULL)
    return;
  if (force)
    ctg_field_message_clear (self->message, NULL);
  fill_years (self);
  refresh (self, force);
}

void
ctg_year_notes_group_set_year (CtgYearNotesGroup *self,
                               guint              year)
{
  g_return_if_fail (CTG_IS_YEAR_NOTES_GROUP (self));

  self->year = year;
  if (self->document != NULL)
    {
      fill_years (self);
      refresh (self, TRUE);
    }
}

guint
ctg_year_notes_group_get_year (CtgYearNotesGroup *self)
{
  g_return_val_if_fail (CTG_IS_YEAR_NOTES_GROUP (self), 0);

  return self->year;
}

void
ctg_year_notes_group_set_editable (CtgYearNotesGroup *self,
                                   gboolean           editable)
{
  g_return_if_fail (CTG_IS_YEAR_NOTES_GROUP (self));

  self->editable = editable;
  for (guint i = 0; i < N_PARTS; i++)
    ctg_text_row_set_editable (self->rows[i], editable);
  gtk_widget_set_visible (self->record_button, editable);
}
