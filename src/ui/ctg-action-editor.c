/* ctg-action-editor.c: the detail view of one action, every field editable
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-action-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-action-editor.h"
#include "ctg-editor-util.h"
#include "ctg-field-message.h"
#include "ctg-funding-group.h"
#include "ctg-history-list.h"
#include "ctg-ordered-row.h"
#include "ctg-participant-list.h"
#include "ctg-text-row.h"
#include "ctg-year-notes-group.h"

/* The editor never keeps a value of its own: every edit goes to the
 * document when the user confirms it, and every field is then shown again
 * from the document, accepted or not. Each commit of the document (edits
 * made here, undo and redo in the window, another window) refreshes the
 * view, except what the user is typing and has not applied yet; a field
 * the commit wrote from elsewhere is shown whatever the user was doing in
 * it, and its message goes. */

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

/* Steps and indicators are the same kind of list: rows in the document's
 * order, moved and removed from their own menu, added from an entry */
typedef struct
{
  CtgActionEditor  *editor;
  CtgItemKind       kind;
  GtkListBox       *list;
  GtkWidget        *after;     /* the rows come after it, or first */
  AdwEntryRow      *add_row;
  CtgFieldMessage  *message;
  const char       *removed;   /* the toast, marked with N_() */

  /* Borrowed references: the rows belong to their list box */
  GPtrArray        *rows;

  /* A CtgOrderedRow for the item @id */
  GtkWidget      *(*new_row) (CtgDocument  *document,
                              gint64        id);
} RowList;

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

  RowList              steps;
  RowList              indicators;

  gulong               changed_handler;
  CtgChangeSet        *changes;     /* while a commit of the document is shown */
  guint                committing;  /* while this editor writes */
  gint64               action_id;
  guint                progress_timeout;
  guint                updating;
  gboolean             editable;

  /* Where the focus goes once a list is rebuilt after a move or a removal */
  RowList             *focus_list;
  gint64               focus_item;
  int                  focus_direction;
  guint                focus_index;
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

static void refresh (CtgActionEditor *self,
                     gboolean         force);

/* Whether the commit being shown wrote @field from elsewhere than this
 * editor (an undo, the timeline, another window) */
static gboolean
changed_elsewhere (CtgActionEditor *self,
                   Field            field)
{
  const CtgRowChange *row;

  if (self->changes == NULL || self->committing > 0)
    return FALSE;
  if (ctg_change_set_is_kind_reloaded (self->changes, CTG_ITEM_ACTION))
    return TRUE;
  row = ctg_change_set_find (self->changes, CTG_ITEM_ACTION, self->action_id);
  return row != NULL && ctg_row_change_has_field (row, fields[field].name);
}

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
  g_autoptr(CtgItem) convention = ctg_document_get_item (self->document, CTG_ITEM_CONVENTION, 1);
  const char *start_text = convention ? ctg_item_get_text (convention, "period-start") : NULL;
  const char *end_text = convention ? ctg_item_get_text (convention, "period-end") : NULL;

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
update_timeline (CtgActionEditor *self,
                 CtgAction       *action)
{
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
show_progress (CtgActionEditor *self,
               CtgAction       *action)
{
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
            CtgAction       *action,
            Field            field,
            gboolean         force)
{
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
        show_progress (self, action);
    }
  else if (fields[field].get_date != NULL)
    _ctg_date_row_set_date (ADW_ENTRY_ROW (widget), fields[field].get_date (action), force);
  else if (CTG_IS_TEXT_ROW (widget))
    ctg_text_row_update (CTG_TEXT_ROW (widget), fields[field].get_text (action), force);
  else
    _ctg_entry_row_update (ADW_ENTRY_ROW (widget), fields[field].get_text (action), force);
}

static void
update_context (CtgActionEditor *self,
                CtgAction       *action)
{
  g_autofree char *axis = ctg_document_dup_title (self->document, CTG_ITEM_AXIS, ctg_action_get_axis_id (action));
  g_autofree char *objective = ctg_document_dup_title (self->document, CTG_ITEM_OBJECTIVE,
                                                       ctg_action_get_objective_id (action));
  g_autoptr(GString) text = g_string_new (NULL);

  if (axis != NULL && axis[0] != '\0')
    g_string_append (text, axis);
  if (objective != NULL && objective[0] != '\0')
    {
      if (text->len > 0)
        g_string_append (text, " › ");
      g_string_append (text, objective);
    }
  {
    g_autofree char *escaped = _ctg_escape (text->str);
    adw_preferences_group_set_description (self->action_group, escaped);
  }
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
  g_autoptr(CtgAction) action = NULL;
  GtkWidget *widget = field_widget (self, field);
  CtgFieldMessage *message = field_message (self, field);

  if (self->document == NULL || self->action_id == 0)
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

  action = ctg_document_get_action (self->document, self->action_id);
  if (action == NULL)
    return;
  show_field (self, action, field, TRUE);
  /* Réalisée shows, and counts, 100 % */
  if (field == FIELD_STATUS)
    show_field (self, action, FIELD_PROGRESS, TRUE);
  if (field == FIELD_START || field == FIELD_ECHEANCE)
    update_timeline (self, action);
}

static void
apply_entry (CtgActionEditor *self,
             AdwEntryRow     *row)
{
  Field field = find_field (self, GTK_WIDGET (row));

  if ((field == FIELD_START || field == FIELD_ECHEANCE) && _ctg_date_row_is_unchanged (row))
    {
      g_autoptr(CtgAction) action = ctg_document_get_action (self->document, self->action_id);

      if (action != NULL)
        show_field (self, action, field, TRUE);
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

/* Pilots and partners */

static void
on_participants_changed_cb (CtgActionEditor    *self,
                            GPtrArray          *participants,
                            CtgParticipantList *list)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgAction) before = NULL;
  g_autoptr(CtgAction) after = NULL;
  CtgRelation relation = list == self->pilots_list ? CTG_RELATION_PILOT
                         : list == self->referents_list ? CTG_RELATION_REFERENT
                         : CTG_RELATION_PARTNER;
  GPtrArray *(*getter) (CtgAction *) = relation == CTG_RELATION_PILOT ? ctg_action_get_pilots
                                       : relation == CTG_RELATION_REFERENT ? ctg_action_get_referents
                                       : ctg_action_get_partners;
  guint old_len;

  if (self->document == NULL || self->action_id == 0)
    return;

  before = ctg_document_get_action (self->document, self->action_id);
  if (before == NULL)
    return;
  old_len = getter (before)->len;

  if (!ctg_document_set_participants (self->document, self->action_id, relation, participants, &error))
    {
      ctg_participant_list_show_error (list, error->message);
      after = ctg_document_get_action (self->document, self->action_id);
      if (after != NULL)
        ctg_participant_list_set_participants (list, getter (after), TRUE);
      return;
    }

  if (participants->len < old_len)
    emit_toast (self, relation == CTG_RELATION_PILOT ? _("Pilot removed")
                      : relation == CTG_RELATION_REFERENT ? _("Référent removed")
                      : _("Partner removed"));
}

/* Continuous actions */

static void
on_continuous_toggled_cb (CtgActionEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgAction) action = NULL;

  if (self->updating > 0 || self->document == NULL || self->action_id == 0)
    return;
  if (!ctg_document_set (self->document, CTG_ITEM_ACTION, self->action_id, "continuous",
                         gtk_switch_get_active (self->continuous_switch) ? "1" : "0", &error))
    emit_toast (self, error->message);

  action = ctg_document_get_action (self->document, self->action_id);
  if (action != NULL)
    {
      self->updating++;
      gtk_switch_set_active (self->continuous_switch, ctg_action_is_continuous (action));
      self->updating--;
    }
}

/* Steps and indicators */

static gint64
row_id (GtkWidget *row)
{
  return ctg_ordered_row_get_id (CTG_ORDERED_ROW (row));
}

static void
apply_pending_focus (CtgActionEditor *self,
                     RowList         *list)
{
  GtkWidget *row = NULL;
  int direction = self->focus_direction;

  if (self->focus_list != list)
    return;
  self->focus_list = NULL;

  for (guint i = 0; i < list->rows->len && self->focus_item != 0; i++)
    {
      GtkWidget *candidate = g_ptr_array_index (list->rows, i);

      if (row_id (candidate) == self->focus_item)
        row = candidate;
    }

  if (row == NULL && self->focus_item == 0 && list->rows->len > 0)
    {
      row = g_ptr_array_index (list->rows, MIN (self->focus_index, list->rows->len - 1));
      direction = 0;
    }

  if (row == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (list->add_row));
  else
    ctg_ordered_row_focus_button (CTG_ORDERED_ROW (row), direction);
}

/* Moves the item of @row by @direction, or removes it (@direction 0); the
 * focus goes back to the list once it is rebuilt (see apply_pending_focus) */
static void
change_row (RowList   *list,
            GtkWidget *row,
            int        direction)
{
  CtgActionEditor *self = list->editor;
  gint64 id = row_id (row);
  g_autoptr(GError) error = NULL;
  guint index;
  gboolean ok;

  if (!g_ptr_array_find (list->rows, row, &index))
    return;
  if ((direction < 0 && index == 0) || (direction > 0 && index + 1 >= list->rows->len))
    return;

  self->focus_list = list;
  self->focus_item = direction != 0 ? id : 0;
  self->focus_direction = direction;
  self->focus_index = index;

  ctg_field_message_clear (list->message, NULL);
  if (direction != 0)
    ok = ctg_document_move (self->document, list->kind, id, direction < 0 ? index - 1 : index + 1, &error);
  else
    ok = ctg_document_delete (self->document, list->kind, id, &error);
  if (!ok)
    {
      self->focus_list = NULL;
      ctg_field_message_show_error (list->message, NULL, error->message);
    }
  else if (direction == 0)
    emit_toast (self, _(list->removed));
}

static void
on_row_move_cb (GtkWidget *row,
                int        direction,
                RowList   *list)
{
  change_row (list, row, direction);
}

static void
on_row_remove_cb (GtkWidget *row,
                  RowList   *list)
{
  change_row (list, row, 0);
}

static void
add_to_list (CtgActionEditor *self,
             RowList         *list)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (list->add_row))));

  if (text[0] == '\0' || self->document == NULL || self->action_id == 0)
    return;

  ctg_field_message_clear (list->message, GTK_WIDGET (list->add_row));
  if (ctg_document_add_item (self->document, list->kind, self->action_id, text, &error) == 0)
    {
      ctg_field_message_show_error (list->message, GTK_WIDGET (list->add_row), error->message);
      return;
    }
  _ctg_entry_row_set_value (list->add_row, "");
}

static void
on_add_step_cb (CtgActionEditor *self)
{
  add_to_list (self, &self->steps);
}

static void
on_add_indicator_cb (CtgActionEditor *self)
{
  add_to_list (self, &self->indicators);
}

static gboolean
same_ids (RowList *list,
          GArray  *ids)
{
  if (list->rows->len != ids->len)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (row_id (g_ptr_array_index (list->rows, i)) != g_array_index (ids, gint64, i))
      return FALSE;
  return TRUE;
}

static void
remove_rows (RowList    *list,
             GHashTable *expanded)
{
  for (guint i = 0; i < list->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (list->rows, i);

      if (expanded != NULL && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
        g_hash_table_add (expanded, g_memdup2 (&(gint64) { row_id (row) }, sizeof (gint64)));
      gtk_list_box_remove (list->list, row);
    }
  g_ptr_array_set_size (list->rows, 0);
}

/* Makes the rows of @list those of the document's items */
static void
sync_rows (CtgActionEditor *self,
           RowList         *list,
           gboolean         force)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (self->document, list->kind, self->action_id);
  g_autoptr(GHashTable) expanded = NULL;
  int base;

  if (same_ids (list, ids))
    return;

  /* Items came, went or moved: rebuild, keeping open the ones that were */
  expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  remove_rows (list, force ? NULL : expanded);
  base = list->after ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (list->after)) + 1 : 0;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      GtkWidget *row = list->new_row (self->document, id);

      g_signal_connect (row, "move", G_CALLBACK (on_row_move_cb), list);
      g_signal_connect (row, "remove", G_CALLBACK (on_row_remove_cb), list);
      gtk_list_box_insert (list->list, row, base + (int) i);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (expanded, &id));
      g_ptr_array_add (list->rows, row);
    }
}

/* Tells each row its place, then focuses what a move or a removal asked
 * for */
static void
update_rows (CtgActionEditor *self,
             RowList         *list,
             gboolean         force)
{
  for (guint i = 0; i < list->rows->len; i++)
    ctg_ordered_row_update (g_ptr_array_index (list->rows, i), i, list->rows->len, self->editable, force);
  apply_pending_focus (self, list);
}

static void
sync_steps (CtgActionEditor *self,
            gboolean         force)
{
  sync_rows (self, &self->steps, force);
  update_rows (self, &self->steps, force);
}

static void
sync_indicators (CtgActionEditor *self,
                 gboolean         force)
{
  GPtrArray *rows = self->indicators.rows;
  CtgDate period_start, period_end;

  sync_rows (self, &self->indicators, force);
  read_period (self, &period_start, &period_end);
  for (guint i = 0; i < rows->len; i++)
    ctg_indicator_row_set_years (g_ptr_array_index (rows, i), period_start.year, period_end.year);
  update_rows (self, &self->indicators, force);
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
  ctg_field_message_clear (self->steps_message, GTK_WIDGET (self->add_step_row));
  ctg_field_message_clear (self->indicators_message, GTK_WIDGET (self->add_indicator_row));
  ctg_participant_list_reset (self->pilots_list);
  ctg_participant_list_reset (self->partners_list);
  ctg_participant_list_reset (self->referents_list);
  _ctg_entry_row_set_value (self->add_step_row, "");
  _ctg_entry_row_set_value (self->add_indicator_row, "");
}

/**
 * refresh:
 * @force: another action (or document) is shown: replace everything,
 *   including what the user was typing, and forget the messages
 */
static void
refresh (CtgActionEditor *self,
         gboolean         force)
{
  g_autoptr(CtgAction) action = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_auto(GStrv) names = NULL;

  if (self->document == NULL || self->action_id == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  action = ctg_document_get_action (self->document, self->action_id);
  if (action == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "missing");
      return;
    }

  if (force)
    {
      clear_messages (self);
      set_editable (self, !ctg_document_is_read_only (self->document));
    }

  self->updating++;

  update_context (self, action);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      gboolean elsewhere = changed_elsewhere (self, (Field) i);

      if (elsewhere)
        ctg_field_message_clear (field_message (self, (Field) i), field_widget (self, (Field) i));
      show_field (self, action, (Field) i, force || elsewhere);
    }
  update_timeline (self, action);

  names = ctg_document_list_participant_names (self->document);
  ctg_participant_list_set_names (self->pilots_list, (const char * const *) names);
  ctg_participant_list_set_names (self->partners_list, (const char * const *) names);
  ctg_participant_list_set_participants (self->pilots_list, ctg_action_get_pilots (action), force);
  ctg_participant_list_set_participants (self->partners_list, ctg_action_get_partners (action), force);
  ctg_participant_list_set_names (self->referents_list, (const char * const *) names);
  ctg_participant_list_set_participants (self->referents_list, ctg_action_get_referents (action), force);
  gtk_switch_set_active (self->continuous_switch, ctg_action_is_continuous (action));
  ctg_year_notes_group_show (self->year_notes_group, self->document, self->action_id, force);
  ctg_funding_group_show (self->funding_group, self->document, action, force);

  sync_steps (self, force);
  sync_indicators (self, force);

  changes = ctg_document_list_changes (self->document, NULL, self->action_id);
  ctg_history_list_set_changes (self->history_list, self->document, changes);

  self->updating--;

  gtk_stack_set_visible_child_name (self->stack, "editor");
}

/* AdwPreferencesPage 1.2 has no scroll_to_top(): its first child scrolls */
static void
scroll_to_top (CtgActionEditor *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->page));

  if (GTK_IS_SCROLLED_WINDOW (child))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child)), 0);
}

static void
on_document_committed_cb (CtgActionEditor *self,
                          CtgChangeSet    *changes)
{
  self->changes = changes;
  refresh (self, FALSE);
  self->changes = NULL;
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
  g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), CTG_TYPE_ACTION_EDITOR);

  g_clear_pointer (&self->steps.rows, g_ptr_array_unref);
  g_clear_pointer (&self->indicators.rows, g_ptr_array_unref);

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

  self->steps = (RowList) {
    self, CTG_ITEM_STEP, self->steps_list, NULL, self->add_step_row, self->steps_message,
    N_("Step removed"), g_ptr_array_new (),
    ctg_step_row_new
  };
  /* The indicators come after the means */
  self->indicators = (RowList) {
    self, CTG_ITEM_INDICATOR, self->indicators_list, GTK_WIDGET (self->means_message),
    self->add_indicator_row, self->indicators_message,
    N_("Indicator removed"), g_ptr_array_new (),
    ctg_indicator_row_new
  };

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

  flush_progress (self);
  g_clear_signal_handler (&self->changed_handler, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->changed_handler = g_signal_connect_swapped (document, "committed",
                                                      G_CALLBACK (on_document_committed_cb), self);

  /* The rows hold the document they were made for */
  remove_rows (&self->steps, NULL);
  remove_rows (&self->indicators, NULL);

  self->action_id = 0;
  refresh (self, TRUE);

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
      self->focus_list = NULL;
      scroll_to_top (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION_ID]);
    }
  refresh (self, TRUE);
}

gint64
ctg_action_editor_get_action (CtgActionEditor *self)
{
  g_return_val_if_fail (CTG_IS_ACTION_EDITOR (self), 0);

  return self->action_id;
}
