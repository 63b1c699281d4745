/* ctg-action-editor.c: the detail view of one action, every field editable
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-action-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-action-editor.h"
#include "ctg-action-editor-private.h"
#include "ctg-editor-util.h"
#include "ctg-field-message.h"
#include "ctg-funding-group.h"
#include "ctg-history-list.h"
#include "ctg-participant-list.h"
#include "ctg-text-row.h"
#include "ctg-year-notes-group.h"

/* The editor never keeps a value of its own: every edit goes to the
 * document when the user confirms it, and every field is then shown again
 * from the document, accepted or not. It holds the live object of the
 * action shown (and the live lists of its steps and indicators): each
 * property the document notifies, whatever wrote it (an edit here, undo
 * and redo in the window, the timeline, another window), updates the
 * widgets showing that field and no other, so what the user is typing in
 * another field stays; a field written from elsewhere is shown whatever
 * the user was doing in it, and its message goes. */

#define PROGRESS_DELAY_MS 600
/* The spin button's value for "not measured": its lower bound, one step
 * (see the .ui file) below 0 */
#define PROGRESS_NOT_MEASURED -5

typedef enum
{
  FIELD_TITLE,
  FIELD_CODE,
  FIELD_STATUS,
  FIELD_PROGRESS,
  FIELD_DESCRIPTION,
  FIELD_START,
  FIELD_ECHEANCE,
  FIELD_MEANS,
  FIELD_NOTES,
  N_FIELDS
} Field;

struct _CtgActionEditor
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *action_group;
  CtgTextRow          *title_row;
  CtgFieldMessage     *title_message;
  AdwEntryRow         *code_row;
  CtgFieldMessage     *code_message;
  AdwComboRow         *status_row;
  CtgFieldMessage     *status_message;
  AdwActionRow        *progress_row;
  GtkSpinButton       *progress_spin;
  GtkWidget           *progress_clear_button;
  CtgFieldMessage     *progress_message;
  CtgTextRow          *description_row;
  CtgFieldMessage     *description_message;
  AdwPreferencesGroup *timeline_group;
  AdwEntryRow         *start_row;
  CtgFieldMessage     *start_message;
  AdwEntryRow         *echeance_row;
  CtgFieldMessage     *echeance_message;
  AdwActionRow        *continuous_row;
  GtkSwitch           *continuous_switch;
  CtgParticipantList  *pilots_list;
  CtgParticipantList  *partners_list;
  CtgParticipantList  *referents_list;
  CtgYearNotesGroup   *year_notes_group;
  CtgFundingGroup     *funding_group;
  GtkListBox          *steps_list;
  AdwEntryRow         *add_step_row;
  CtgFieldMessage     *steps_message;
  GtkListBox          *indicators_list;
  CtgTextRow          *means_row;
  CtgFieldMessage     *means_message;
  AdwEntryRow         *add_indicator_row;
  CtgFieldMessage     *indicators_message;
  CtgTextRow          *notes_row;
  CtgFieldMessage     *notes_message;
  CtgHistoryList      *history_list;

  /* Owned references */
  CtgDocument         *document;
  CtgAction           *action;      /* live: the action shown, NULL for none */
  CtgItem             *convention;  /* live: its period bounds the dates */
  CtgItem             *objective;   /* live: the context above the title */
  CtgItem             *axis;

  CtgEditorRows       *steps;
  CtgEditorRows       *indicators;

  gulong               committed_handler;
  guint                committing;  /* while this editor writes */
  gint64               action_id;
  guint                progress_timeout;
  guint                updating;
  gboolean             editable;
};

G_DEFINE_FINAL_TYPE (CtgActionEditor, ctg_action_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ACTION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define FIELD(name, text, date) \
  { #name, G_STRUCT_OFFSET (CtgActionEditor, name##_row), G_STRUCT_OFFSET (CtgActionEditor, name##_message), text, date }

/* Each field of the action: its column, its row and message in the
 * template, and how the action gives its value when it is a text or a date
 * (the status and the progress have widgets of their own) */
static const struct {
  const char      *name;
  glong            row;
  glong            message;
  const char    *(*get_text) (CtgAction *action);
  const CtgDate *(*get_date) (CtgAction *action);
} fields[N_FIELDS] = {
  [FIELD_TITLE] = FIELD (title, ctg_action_get_title, NULL),
  [FIELD_CODE] = FIELD (code, ctg_action_get_code, NULL),
  [FIELD_STATUS] = FIELD (status, NULL, NULL),
  [FIELD_PROGRESS] = FIELD (progress, NULL, NULL),
  [FIELD_DESCRIPTION] = FIELD (description, ctg_action_get_description, NULL),
  [FIELD_START] = FIELD (start, NULL, ctg_action_get_start),
  [FIELD_ECHEANCE] = FIELD (echeance, NULL, ctg_action_get_echeance),
  [FIELD_MEANS] = FIELD (means, ctg_action_get_means, NULL),
  [FIELD_NOTES] = FIELD (notes, ctg_action_get_notes, NULL),
};

#undef FIELD

static void show_action (CtgActionEditor *self,
                         gboolean         force);

static GtkWidget *
field_widget (CtgActionEditor *self,
              Field            field)
{
  g_assert (field < N_FIELDS);

  return G_STRUCT_MEMBER (GtkWidget *, self, fields[field].row);
}

static CtgFieldMessage *
field_message (CtgActionEditor *self,
               Field            field)
{
  g_assert (field < N_FIELDS);

  return G_STRUCT_MEMBER (CtgFieldMessage *, self, fields[field].message);
}

static Field
find_field (CtgActionEditor *self,
            GtkWidget       *widget)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (field_widget (self, (Field) i) == widget)
      return (Field) i;
  g_assert_not_reached ();
}

static void
emit_toast (CtgActionEditor *self,
            const char      *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

/* Period of the convention */

static void
read_period (CtgActionEditor *self,
             CtgDate         *start,
             CtgDate         *end)
{
  const char *start_text = self->convention ? ctg_item_get_text (self->convention, "period-start") : NULL;
  const char *end_text = self->convention ? ctg_item_get_text (self->convention, "period-end") : NULL;

  ctg_date_parse_or_none (start_text, start);
  ctg_date_parse_or_none (end_text, end);
}

static void
update_date_warning (CtgActionEditor *self,
                     Field            field,
                     const CtgDate   *date,
                     const CtgDate   *period_start,
                     const CtgDate   *period_end)
{
  CtgFieldMessage *message = field_message (self, field);
  GtkWidget *widget = field_widget (self, field);

  /* An error stays until the field is changed again */
  if (ctg_field_message_is_error (message))
    return;

  if (ctg_date_outside_period (date, period_start, period_end))
    {
      g_autofree char *period = ctg_date_format_period (period_start, period_end);
      /* Translators: a warning under a date, with the period of the convention */
      g_autofree char *text = g_strdup_printf (_("This date is outside the period of the convention (%s)."),
                                               period);

      ctg_field_message_show_warning (message, widget, text);
    }
  else
    ctg_field_message_clear (message, widget);
}

static void
update_timeline (CtgActionEditor *self)
{
  CtgAction *action = self->action;
  CtgDate period_start, period_end;
  g_autofree char *period = NULL;
  g_autofree char *description = NULL;
  const char *hint = _("Type a year (2025), a month (03/2025) or a day (15/03/2025).");

  read_period (self, &period_start, &period_end);
  period = ctg_date_format_period (&period_start, &period_end);
  if (period != NULL)
    /* Translators: the description of the Timeline group: the period, then how to type a date */
    description = g_strdup_printf (_("Convention: %s. %s"), period, hint);
  else
    description = g_strdup (hint);
  adw_preferences_group_set_description (self->timeline_group, description);

  update_date_warning (self, FIELD_START, ctg_action_get_start (action), &period_start, &period_end);
  update_date_warning (self, FIELD_ECHEANCE, ctg_action_get_echeance (action), &period_start, &period_end);
}

/* Showing the fields */

/* A réalisée action shows the 100 % the totals count, not a figure typed
 * before it was done; the progress is set again by changing the status */
static void
show_progress (CtgActionEditor *self)
{
  CtgAction *action = self->action;
  int progress = ctg_action_get_shown_progress (action);
  gboolean done = ctg_action_get_status (action) == CTG_STATUS_DONE;

  self->updating++;
  gtk_spin_button_set_value (self->progress_spin, progress < 0 ? PROGRESS_NOT_MEASURED : progress);
  self->updating--;

  gtk_widget_set_sensitive (GTK_WIDGET (self->progress_spin), !done && self->editable);
  gtk_widget_set_visible (self->progress_clear_button, progress >= 0 && !done && self->editable);
  if (done)
    adw_action_row_set_subtitle (self->progress_row, _("Done: counts as 100 %"));
  else
    adw_action_row_set_subtitle (self->progress_row, progress < 0 ? _("Not measured") : "");
}

static void
show_field (CtgActionEditor *self,
            Field            field,
            gboolean         force)
{
  CtgAction *action = self->action;
  GtkWidget *widget = field_widget (self, field);

  if (field == FIELD_STATUS)
    {
      self->updating++;
      adw_combo_row_set_selected (self->status_row, ctg_action_get_status (action));
      self->updating--;
    }
  else if (field == FIELD_PROGRESS)
    {
      /* Not over a value being typed, nor one about to be applied, unless
       * the document's value changed meanwhile: that one wins */
      if (force)
        g_clear_handle_id (&self->progress_timeout, g_source_remove);
      if (force || (self->progress_timeout == 0 &&
                    !_ctg_widget_has_focus_within (GTK_WIDGET (self->progress_spin))))
        show_progress (self);
    }
  else if (fields[field].get_date != NULL)
    _ctg_date_row_set_date (ADW_ENTRY_ROW (widget), fields[field].get_date (action), force);
  else if (CTG_IS_TEXT_ROW (widget))
    ctg_text_row_update (CTG_TEXT_ROW (widget), fields[field].get_text (action), force);
  else
    _ctg_entry_row_update (ADW_ENTRY_ROW (widget), fields[field].get_text (action), force);
}

/* The axis and objective above the title: their live items, followed
 * while the action is shown */
static void
show_context (CtgActionEditor *self)
{
  const char *axis = self->axis ? ctg_item_get_title (self->axis) : NULL;
  const char *objective = self->objective ? ctg_item_get_title (self->objective) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  if (axis != NULL && axis[0] != '\0')
    g_string_append (text, axis);
  if (objective != NULL && objective[0] != '\0')
    {
      if (text->len > 0)
        g_string_append (text, " › ");
      g_string_append (text, objective);
    }
  escaped = _ctg_escape (text->str);
  adw_preferences_group_set_description (self->action_group, escaped);
}

static void
set_followed (CtgActionEditor  *self,
              CtgItem         **slot,
              CtgItem          *item,
              const char       *signal,
              GCallback         callback)
{
  if (*slot == item)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, self);
  g_set_object (slot, item);
  if (item != NULL)
    g_signal_connect_object (item, signal, callback, self, G_CONNECT_SWAPPED);
}

static void on_objective_notify_cb (CtgActionEditor *self);

/* Follows the objective of the action shown, and that objective's axis */
static void
follow_context (CtgActionEditor *self)
{
  g_autoptr(CtgItem) objective = NULL;
  g_autoptr(CtgItem) axis = NULL;

  if (self->action != NULL)
    objective = ctg_document_get_item (self->document, CTG_ITEM_OBJECTIVE, ctg_action_get_objective_id (self->action));
  if (objective != NULL)
    axis = ctg_document_get_item (self->document, CTG_ITEM_AXIS, ctg_item_get_int (objective, "axis-id"));
  set_followed (self, &self->objective, objective, "notify", G_CALLBACK (on_objective_notify_cb));
  set_followed (self, &self->axis, axis, "notify::title", G_CALLBACK (show_context));
  show_context (self);
}

/* Its title, or its axis, changed */
static void
on_objective_notify_cb (CtgActionEditor *self)
{
  follow_context (self);
}

/* Committing the fields */

/* Sets one field of the action. Whatever the outcome, the field then shows
 * what the document holds: the new value as the document wrote it back
 * ("03/2025" becomes "March 2025"), or the old one with the reason next to
 * it. */
static void
commit (CtgActionEditor *self,
        Field            field,
        const char      *value)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *widget = field_widget (self, field);
  CtgFieldMessage *message = field_message (self, field);

  if (self->document == NULL || self->action == NULL)
    return;

  ctg_field_message_clear (message, widget);
  self->committing++;
  if (!ctg_document_set (self->document, CTG_ITEM_ACTION, self->action_id, fields[field].name, value, &error))
    ctg_field_message_show_error (message, widget, error->message);
  else
    /* The user moved on: what was refused elsewhere is no longer news */
    for (guint i = 0; i < N_FIELDS; i++)
      if (i != field && ctg_field_message_is_error (field_message (self, (Field) i)))
        ctg_field_message_clear (field_message (self, (Field) i), field_widget (self, (Field) i));
  self->committing--;

  /* A value the document took as it was, or refused, notified nothing */
  show_field (self, field, TRUE);
}

static void
apply_entry (CtgActionEditor *self,
             AdwEntryRow     *row)
{
  Field field = find_field (self, GTK_WIDGET (row));

  if ((field == FIELD_START || field == FIELD_ECHEANCE) && _ctg_date_row_is_unchanged (row))
    {
      if (self->action != NULL)
        show_field (self, field, TRUE);
      return;
    }

  commit (self, field, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_entry_applied_cb (CtgActionEditor *self,
                     AdwEntryRow     *row)
{
  apply_entry (self, row);
}

/* Enter in a row whose apply button is hidden: the text may still differ
 * from the document, for instance after an edit the document refused */
static void
on_entry_activated_cb (CtgActionEditor *self,
                       AdwEntryRow     *row)
{
  if (_ctg_entry_row_is_modified (row))
    apply_entry (self, row);
}

static void
on_text_applied_cb (CtgActionEditor *self,
                    CtgTextRow      *row)
{
  g_autofree char *text = ctg_text_row_dup_text (row);

  commit (self, find_field (self, GTK_WIDGET (row)), text);
}

static void flush_progress (CtgActionEditor *self);

static void
on_status_selected_cb (CtgActionEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->updating || selected >= CTG_N_STATUSES)
    return;
  /* A progress being typed lands first: the status may hide it (réalisée) */
  flush_progress (self);
  commit (self, FIELD_STATUS, ctg_status_to_key ((CtgStatus) selected));
}

/* Progress: the spin button goes from PROGRESS_NOT_MEASURED, shown as a
 * dash. It is one step below 0, so that "+" from the dash gives 0, 5, 10 %
 * and not 4, 9, 14 %. Clicks on its buttons are gathered for a moment, so
 * that going from 20 to 40 makes one edit to undo, not twenty. */

static void
commit_progress (CtgActionEditor *self)
{
  double value = gtk_spin_button_get_value (self->progress_spin);
  g_autofree char *text = value < 0 ? NULL : g_strdup_printf ("%d", (int) value);

  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  commit (self, FIELD_PROGRESS, text);
}

static gboolean
progress_timeout_cb (gpointer user_data)
{
  CtgActionEditor *self = user_data;

  self->progress_timeout = 0;
  commit_progress (self);
  return G_SOURCE_REMOVE;
}

static void
flush_progress (CtgActionEditor *self)
{
  if (self->progress_timeout != 0)
    commit_progress (self);
}

static int
on_progress_input_cb (CtgActionEditor *self,
                      double          *new_value,
                      GtkSpinButton   *spin)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  int value;

  /* The spin button shows "—" for no progress */
  if (g_str_equal (stripped, "—") || g_str_equal (stripped, "-"))
    {
      *new_value = PROGRESS_NOT_MEASURED;
      return TRUE;
    }

  if (ctg_progress_parse (text, &value))
    {
      *new_value = value;
      return TRUE;
    }

  /* Let the document say what is wrong, as for any other field, and put
   * back the value it holds */
  if (!self->updating && self->document != NULL && self->action_id != 0)
    {
      g_autoptr(GError) error = NULL;

      ctg_field_message_clear (self->progress_message, GTK_WIDGET (self->progress_row));
      if (!ctg_document_set (self->document, CTG_ITEM_ACTION, self->action_id, "progress", text, &error))
        ctg_field_message_show_error (self->progress_message, GTK_WIDGET (self->progress_row), error->message);
    }
  *new_value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  return TRUE;
}

static gboolean
on_progress_output_cb (CtgActionEditor *self,
                       GtkSpinButton   *spin)
{
  double value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = value < 0 ? g_strdup ("—") : g_strdup_printf ("%d", (int) value);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_progress_value_changed_cb (CtgActionEditor *self)
{
  if (self->updating || self->document == NULL || self->action_id == 0)
    return;

  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  self->progress_timeout = g_timeout_add (PROGRESS_DELAY_MS, progress_timeout_cb, self);
}

static void
on_progress_activate_cb (CtgActionEditor *self)
{
  flush_progress (self);
}

static void
on_progress_focus_leave_cb (CtgActionEditor *self)
{
  flush_progress (self);
}

static void
on_progress_clear_clicked_cb (CtgActionEditor *self)
{
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  commit (self, FIELD_PROGRESS, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->progress_spin));
}

/* Pilots, partners and référents: one list each, named as the action's
 * property that holds them */

static const struct {
  const char  *property;
  CtgRelation  relation;
  glong        list;
  GPtrArray *(*get) (CtgAction *action);
  const char  *removed;   /* the toast, marked with N_() */
} relations[] = {
  { "pilots", CTG_RELATION_PILOT, G_STRUCT_OFFSET (CtgActionEditor, pilots_list),
    ctg_action_get_pilots, N_("Pilot removed") },
  { "partners", CTG_RELATION_PARTNER, G_STRUCT_OFFSET (CtgActionEditor, partners_list),
    ctg_action_get_partners, N_("Partner removed") },
  { "referents", CTG_RELATION_REFERENT, G_STRUCT_OFFSET (CtgActionEditor, referents_list),
    ctg_action_get_referents, N_("Référent removed") },
};

static CtgParticipantList *
relation_list (CtgActionEditor *self,
               guint            index)
{
  return G_STRUCT_MEMBER (CtgParticipantList *, self, relations[index].list);
}

static void
on_participants_changed_cb (CtgActionEditor    *self,
                            GPtrArray          *participants,
                            CtgParticipantList *list)
{
  g_autoptr(GError) error = NULL;
  guint r = 0;
  guint old_len;

  if (self->document == NULL || self->action == NULL)
    return;
  while (relation_list (self, r) != list)
    r++;

  /* The live list: the document replaces it on a change, and notifies */
  old_len = relations[r].get (self->action)->len;
  if (!ctg_document_set_participants (self->document, self->action_id, relations[r].relation, participants, &error))
    {
      ctg_participant_list_show_error (list, error->message);
      ctg_participant_list_set_participants (list, relations[r].get (self->action), TRUE);
      return;
    }

  if (relations[r].get (self->action)->len < old_len)
    emit_toast (self, _(relations[r].removed));
}

/* Continuous actions */

static void
show_continuous (CtgActionEditor *self)
{
  self->updating++;
  gtk_switch_set_active (self->continuous_switch, ctg_action_is_continuous (self->action));
  self->updating--;
}

static void
on_continuous_toggled_cb (CtgActionEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating > 0 || self->document == NULL || self->action == NULL)
    return;
  if (!ctg_document_set (self->document, CTG_ITEM_ACTION, self->action_id, "continuous",
                         gtk_switch_get_active (self->continuous_switch) ? "1" : "0", &error))
    emit_toast (self, error->message);
  /* Refused, the switch goes back */
  show_continuous (self);
}

/* Steps and indicators (ctg-action-editor-rows.c) */

static void
on_add_step_cb (CtgActionEditor *self)
{
  _ctg_editor_rows_add (self->steps);
}

static void
on_add_indicator_cb (CtgActionEditor *self)
{
  _ctg_editor_rows_add (self->indicators);
}

static void
show_indicator_years (CtgActionEditor *self)
{
  CtgDate period_start, period_end;

  read_period (self, &period_start, &period_end);
  _ctg_editor_rows_set_years (self->indicators, period_start.year, period_end.year);
}

static void
set_editable (CtgActionEditor *self,
              gboolean         editable)
{
  self->editable = editable;

  ctg_text_row_set_editable (self->title_row, editable);
  _ctg_entry_row_set_editable (self->code_row, editable);
  _ctg_entry_row_set_editable (self->start_row, editable);
  _ctg_entry_row_set_editable (self->echeance_row, editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->progress_spin), editable);
  ctg_text_row_set_editable (self->description_row, editable);
  ctg_text_row_set_editable (self->means_row, editable);
  ctg_text_row_set_editable (self->notes_row, editable);
  ctg_participant_list_set_editable (self->pilots_list, editable);
  ctg_participant_list_set_editable (self->partners_list, editable);
  ctg_participant_list_set_editable (self->referents_list, editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->continuous_switch), editable);
  ctg_year_notes_group_set_editable (self->year_notes_group, editable);
  ctg_funding_group_set_editable (self->funding_group, editable);
  gtk_widget_set_visible (GTK_WIDGET (self->add_step_row), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->add_indicator_row), editable);
}

static void
clear_messages (CtgActionEditor *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    ctg_field_message_clear (field_message (self, (Field) i), field_widget (self, (Field) i));
  _ctg_editor_rows_reset (self->steps);
  _ctg_editor_rows_reset (self->indicators);
  ctg_participant_list_reset (self->pilots_list);
  ctg_participant_list_reset (self->partners_list);
  ctg_participant_list_reset (self->referents_list);
}

static void
show_participant_names (CtgActionEditor *self)
{
  g_auto(GStrv) names = ctg_document_list_participant_names (self->document);

  for (guint r = 0; r < G_N_ELEMENTS (relations); r++)
    ctg_participant_list_set_names (relation_list (self, r), (const char * const *) names);
}

static void
show_history (CtgActionEditor *self)
{
  g_autoptr(GPtrArray) changes = ctg_document_list_changes (self->document, NULL, self->action_id);

  ctg_history_list_set_changes (self->history_list, self->document, changes);
}

/**
 * show_action:
 * @force: another action (or document) is shown: replace everything,
 *   including what the user was typing, and forget the messages
 *
 * Shows the whole of the live action; from then on each of its
 * notifications shows what changed (on_action_notify_cb).
 */
static void
show_action (CtgActionEditor *self,
             gboolean         force)
{
  if (self->action == NULL || ctg_item_is_removed (CTG_ITEM (self->action)))
    {
      gtk_stack_set_visible_child_name (self->stack, self->document == NULL || self->action_id == 0 ? "empty"
                                                                                                    : "missing");
      return;
    }

  if (force)
    {
      clear_messages (self);
      set_editable (self, !ctg_document_is_read_only (self->document));
    }

  self->updating++;

  show_context (self);
  for (guint i = 0; i < N_FIELDS; i++)
    show_field (self, (Field) i, force);
  update_timeline (self);

  show_participant_names (self);
  for (guint r = 0; r < G_N_ELEMENTS (relations); r++)
    ctg_participant_list_set_participants (relation_list (self, r), relations[r].get (self->action), force);
  show_continuous (self);
  ctg_year_notes_group_show (self->year_notes_group, self->document, self->action, force);
  ctg_funding_group_show (self->funding_group, self->document, self->action, force);
  _ctg_editor_rows_update (self->steps, self->editable, force);
  _ctg_editor_rows_update (self->indicators, self->editable, force);
  show_history (self);

  self->updating--;

  gtk_stack_set_visible_child_name (self->stack, "editor");
}

/* One property of the action changed, whoever wrote it: the widgets that
 * show it follow, and no other */
static void
on_action_notify_cb (CtgActionEditor *self,
                     GParamSpec      *pspec)
{
  const char *name = pspec->name;
  /* Not this editor's own edit: the field shows it even over what the
   * user was typing there, and a message about the old value goes */
  gboolean elsewhere = self->committing == 0;

  if (g_str_equal (name, "removed"))
    {
      show_action (self, FALSE);
      return;
    }
  if (ctg_item_is_removed (CTG_ITEM (self->action)))
    return;

  self->updating++;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (!g_str_equal (fields[i].name, name))
        continue;
      if (elsewhere)
        ctg_field_message_clear (field_message (self, (Field) i), field_widget (self, (Field) i));
      show_field (self, (Field) i, TRUE);
      /* Réalisée shows, and counts, 100 % */
      if (i == FIELD_STATUS)
        show_field (self, FIELD_PROGRESS, !elsewhere);
      if (i == FIELD_START || i == FIELD_ECHEANCE)
        update_timeline (self);
    }
  for (guint r = 0; r < G_N_ELEMENTS (relations); r++)
    if (g_str_equal (relations[r].property, name))
      ctg_participant_list_set_participants (relation_list (self, r), relations[r].get (self->action), FALSE);
  if (g_str_equal (name, "continuous"))
    show_continuous (self);
  else if (g_str_equal (name, "objective-id"))
    follow_context (self);
  self->updating--;
}

/* The period of the convention bounds the dates and gives the years of
 * the indicators */
static void
on_convention_notify_cb (CtgActionEditor *self,
                         GParamSpec      *pspec)
{
  if (!g_str_equal (pspec->name, "period-start") && !g_str_equal (pspec->name, "period-end"))
    return;
  if (self->action == NULL)
    return;
  update_timeline (self);
  show_indicator_years (self);
  _ctg_editor_rows_update (self->indicators, self->editable, FALSE);
}

/* Whether a commit may have changed the history of the action shown: it
 * wrote the action, one of its lists, or one of its indicators' values */
static gboolean
concerns_action (CtgActionEditor *self,
                 CtgChangeSet    *changes)
{
  static const CtgItemKind kinds[] = {
    CTG_ITEM_ACTION, CTG_ITEM_PARTICIPANT, CTG_ITEM_STEP, CTG_ITEM_INDICATOR, CTG_ITEM_ACTION_YEAR,
    CTG_ITEM_FUNDING, CTG_ITEM_INDICATOR_VALUE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (ctg_change_set_is_kind_reloaded (changes, kinds[i]))
      return TRUE;
  for (guint i = 0; i < ctg_change_set_get_n_rows (changes); i++)
    {
      const CtgRowChange *row = ctg_change_set_get_row (changes, i);

      if (row->kind == CTG_ITEM_ACTION && row->id == self->action_id)
        return TRUE;
      if (row->kind == CTG_ITEM_INDICATOR_VALUE)
        {
          if (_ctg_editor_rows_has_item (self->indicators, row->parent_id))
            return TRUE;
        }
      else if (row->kind != CTG_ITEM_ACTION &&
               (row->parent_id == self->action_id || row->old_parent_id == self->action_id))
        {
          for (guint k = 1; k < G_N_ELEMENTS (kinds); k++)
            if (row->kind == kinds[k])
              return TRUE;
        }
    }
  return FALSE;
}

/* What the live items do not tell: the action's history, read from the
 * journal, and the names offered for participants, used by every action */
static void
on_document_committed_cb (CtgActionEditor *self,
                          CtgChangeSet    *changes)
{
  if (self->action == NULL || ctg_item_is_removed (CTG_ITEM (self->action)))
    return;
  if (ctg_change_set_touches_kind (changes, CTG_ITEM_PARTICIPANT))
    show_participant_names (self);
  if (concerns_action (self, changes))
    show_history (self);
}

/* Follows the live objects of the action shown (none when it does not
 * exist) */
static void
follow_action (CtgActionEditor *self)
{
  g_autoptr(CtgItem) action = NULL;

  if (self->document != NULL && self->action_id != 0)
    action = ctg_document_get_item (self->document, CTG_ITEM_ACTION, self->action_id);
  set_followed (self, (CtgItem **) &self->action, action, "notify", G_CALLBACK (on_action_notify_cb));
  follow_context (self);
  show_indicator_years (self);
  _ctg_editor_rows_follow (self->steps, self->document, self->action != NULL ? self->action_id : 0);
  _ctg_editor_rows_follow (self->indicators, self->document, self->action != NULL ? self->action_id : 0);
}

/* AdwPreferencesPage 1.2 has no scroll_to_top(): its first child scrolls */
static void
scroll_to_top (CtgActionEditor *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->page));

  if (GTK_IS_SCROLLED_WINDOW (child))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child)), 0);
}

/* A refused value's message goes once the user leaves the field: the field
 * shows the document's value again */
static void
on_field_leave_cb (GtkEventControllerFocus *controller,
                   CtgActionEditor         *self)
{
  Field field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (controller), "field"));
  CtgFieldMessage *message = field_message (self, field);

  if (ctg_field_message_is_error (message))
    ctg_field_message_clear (message, field_widget (self, field));
}

/* GObject */

static void
ctg_action_editor_dispose (GObject *object)
{
  CtgActionEditor *self = (CtgActionEditor *)object;

  flush_progress (self);
  g_clear_signal_handler (&self->committed_handler, self->document);
  set_followed (self, (CtgItem **) &self->action, NULL, NULL, NULL);
  set_followed (self, &self->convention, NULL, NULL, NULL);
  set_followed (self, &self->objective, NULL, NULL, NULL);
  set_followed (self, &self->axis, NULL, NULL, NULL);
  g_clear_pointer (&self->steps, _ctg_editor_rows_free);
  g_clear_pointer (&self->indicators, _ctg_editor_rows_free);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), CTG_TYPE_ACTION_EDITOR);

  G_OBJECT_CLASS (ctg_action_editor_parent_class)->dispose (object);
}

static void
ctg_action_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CtgActionEditor *self = CTG_ACTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ACTION_ID:
      g_value_set_int64 (value, self->action_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ctg_action_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CtgActionEditor *self = CTG_ACTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ctg_action_editor_set_document (self, g_value_get_object (value));
      break;
    case PROP_ACTION_ID:
      ctg_action_editor_set_action (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ctg_action_editor_class_init (CtgActionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ctg_action_editor_dispose;
  object_class->get_property = ctg_action_editor_get_property;
  object_class->set_property = ctg_action_editor_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CTG_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CtgActionEditor:action-id:
   *
   * The action shown, 0 for none.
   */
  properties[PROP_ACTION_ID] =
    g_param_spec_int64 ("action-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CtgActionEditor::toast:
   * @message: a short message, already translated
   *
   * Something happened that the window should tell in a toast, such as a
   * step removed (the row that would show it is gone).
   */
  signals[TOAST] = _ctg_toast_signal_new (G_TYPE_FROM_CLASS (klass));

  g_type_ensure (CTG_TYPE_FIELD_MESSAGE);
  g_type_ensure (CTG_TYPE_TEXT_ROW);
  g_type_ensure (CTG_TYPE_PARTICIPANT_LIST);
  g_type_ensure (CTG_TYPE_HISTORY_LIST);
  g_type_ensure (CTG_TYPE_YEAR_NOTES_GROUP);
  g_type_ensure (CTG_TYPE_FUNDING_GROUP);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ctgplanner/CtgPlanner/ui/ctg-action-editor.ui");

  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, page);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, action_group);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, title_message);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, code_message);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, status_message);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, progress_row);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, progress_spin);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, progress_clear_button);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, progress_message);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, description_message);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, start_message);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, echeance_row);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, echeance_message);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, pilots_list);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, partners_list);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, referents_list);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, continuous_row);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, continuous_switch);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, year_notes_group);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, funding_group);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, steps_list);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, add_step_row);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, steps_message);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, indicators_list);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, means_row);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, means_message);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, add_indicator_row);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, indicators_message);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, notes_message);
  gtk_widget_class_bind_template_child (widget_class, CtgActionEditor, history_list);

  gtk_widget_class_bind_template_callback (widget_class, on_entry_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_progress_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_progress_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_progress_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_progress_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_participants_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_continuous_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_step_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_indicator_cb);
}

static void
ctg_action_editor_init (CtgActionEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkEventController *controller;

  self->editable = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->steps = _ctg_editor_rows_new (GTK_WIDGET (self), &(CtgEditorRowsPlace) {
                                        CTG_ITEM_STEP, self->steps_list, NULL, self->add_step_row,
                                        self->steps_message });
  /* The indicators come after the means */
  self->indicators = _ctg_editor_rows_new (GTK_WIDGET (self), &(CtgEditorRowsPlace) {
                                             CTG_ITEM_INDICATOR, self->indicators_list,
                                             GTK_WIDGET (self->means_message), self->add_indicator_row,
                                             self->indicators_message });

  for (guint i = 0; i < CTG_N_STATUSES; i++)
    gtk_string_list_append (statuses, ctg_status_to_label ((CtgStatus) i));
  self->updating++;
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  self->updating--;

  ctg_participant_list_set_relation (self->partners_list, CTG_RELATION_PARTNER);
  ctg_participant_list_set_relation (self->referents_list, CTG_RELATION_REFERENT);

  _ctg_row_label_from_title (GTK_WIDGET (self->code_row));
  _ctg_row_label_from_title (GTK_WIDGET (self->status_row));
  _ctg_row_label_from_title (GTK_WIDGET (self->start_row));
  _ctg_row_label_from_title (GTK_WIDGET (self->echeance_row));
  _ctg_row_label_from_title (GTK_WIDGET (self->add_step_row));
  _ctg_row_label_from_title (GTK_WIDGET (self->add_indicator_row));

  _ctg_date_row_setup (self->start_row);
  _ctg_date_row_setup (self->echeance_row);

  /* Enter applies the progress at once (GtkSpinButton has no ::activate
   * before GTK 4.14: its text has) */
  g_signal_connect_swapped (gtk_editable_get_delegate (GTK_EDITABLE (self->progress_spin)), "activate",
                            G_CALLBACK (on_progress_activate_cb), self);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_progress_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->progress_spin), controller);

  /* On the innermost widget that takes the focus: told before the spin
   * button applies what was typed on its own leave, so that a value refused
   * by leaving keeps its message */
  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *widget = field_widget (self, (Field) i);

      if (i == FIELD_PROGRESS)
        widget = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->progress_spin)));
      controller = gtk_event_controller_focus_new ();
      g_object_set_data (G_OBJECT (controller), "field", GUINT_TO_POINTER (i));
      g_signal_connect (controller, "leave", G_CALLBACK (on_field_leave_cb), self);
      gtk_widget_add_controller (widget, controller);
    }

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/**
 * ctg_action_editor_new:
 *
 * Returns: (transfer floating): a new editor, showing no action
 */
GtkWidget *
ctg_action_editor_new (void)
{
  return g_object_new (CTG_TYPE_ACTION_EDITOR, NULL);
}

/**
 * ctg_action_editor_set_document:
 * @document: (nullable): the convention, or %NULL when none is open
 *
 * Shows no action until ctg_action_editor_set_action() is called.
 */
void
ctg_action_editor_set_document (CtgActionEditor *self,
                                CtgDocument     *document)
{
  g_return_if_fail (CTG_IS_ACTION_EDITOR (self));
  g_return_if_fail (document == NULL || CTG_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_autoptr(CtgItem) convention = NULL;

  flush_progress (self);
  g_clear_signal_handler (&self->committed_handler, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      self->committed_handler = g_signal_connect_swapped (document, "committed",
                                                          G_CALLBACK (on_document_committed_cb), self);
      convention = ctg_document_get_item (document, CTG_ITEM_CONVENTION, 1);
    }
  set_followed (self, &self->convention, convention, "notify", G_CALLBACK (on_convention_notify_cb));

  self->action_id = 0;
  follow_action (self);
  show_action (self, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION_ID]);
}

/**
 * ctg_action_editor_set_action:
 * @action_id: the action to show, or 0 for none
 */
void
ctg_action_editor_set_action (CtgActionEditor *self,
                              gint64           action_id)
{
  g_return_if_fail (CTG_IS_ACTION_EDITOR (self));

  flush_progress (self);
  if (self->action_id != action_id)
    {
      self->action_id = action_id;
      scroll_to_top (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION_ID]);
    }
  follow_action (self);
  show_action (self, TRUE);
}

gint64
ctg_action_editor_get_action (CtgActionEditor *self)
{
  g_return_val_if_fail (CTG_IS_ACTION_EDITOR (self), 0);

  return self->action_id;
}
