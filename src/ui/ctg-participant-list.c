/* ctg-participant-list.c: the pilots or the partners of an action
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-participant-list"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-editor-util.h"
#include "ctg-field-message.h"
#include "ctg-participant-list.h"

#define MAX_SUGGESTIONS 5

/* The list shows what the document holds and never changes it: each edit
 * (add, remove, move, rename, ...) is emitted as the whole new list in
 * ::changed, which the editor gives to ctg_document_set_participants(). */

typedef struct
{
  CtgParticipantList *list;
  AdwExpanderRow     *row;
  GtkImage           *icon;
  GtkWidget          *menu_button;
  GSimpleActionGroup *actions;      /* owned by the row */
  GtkWidget          *remove_button;
  AdwEntryRow        *name_row;
  AdwEntryRow        *role_row;
  AdwComboRow        *kind_row;
} ParticipantRow;

typedef enum
{
  FOCUS_NONE,
  FOCUS_MENU,
  FOCUS_ROW,
  FOCUS_ADD,
} PendingFocus;

struct _CtgParticipantList
{
  GtkWidget        parent_instance;

  GtkListBox      *list;
  AdwEntryRow     *add_row;
  CtgFieldMessage *message;

  /* Owned references */
  GPtrArray       *rows;          /* ParticipantRow, owned by their row */
  GPtrArray       *participants;  /* CtgParticipant, as the document holds them */
  GPtrArray       *suggestions;   /* AdwActionRow */
  GStrv            names;

  /* Borrowed references */
  GtkWidget       *edited;        /* the field an error is about */

  CtgRelation      relation;
  PendingFocus     focus;
  guint            focus_index;
  guint            updating;
  guint            editable : 1;
  guint            error_shown : 1;
};

G_DEFINE_FINAL_TYPE (CtgParticipantList, ctg_participant_list, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh_suggestions (CtgParticipantList *self);

static GPtrArray *
copy_participants (GPtrArray *participants)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);

  for (guint i = 0; participants != NULL && i < participants->len; i++)
    g_ptr_array_add (copy, ctg_participant_copy (g_ptr_array_index (participants, i)));
  return copy;
}

static const char *
kind_label (CtgParticipantKind kind)
{
  return kind == CTG_PARTICIPANT_PERSON ? _("Person") : _("Organisation");
}

/* Emits the new list. Returns whether the editor accepted it. */
static gboolean
emit_changed (CtgParticipantList *self,
              GPtrArray          *participants,
              GtkWidget          *edited)
{
  self->error_shown = FALSE;
  self->edited = edited;
  ctg_participant_list_clear_message (self);
  g_signal_emit (self, signals[CHANGED], 0, participants);
  self->edited = NULL;
  return !self->error_shown;
}

static guint
row_index (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "ctg-index")) - 1;
}

static void
set_row_index (GtkWidget *widget,
               guint      index)
{
  g_object_set_data (G_OBJECT (widget), "ctg-index", GUINT_TO_POINTER (index + 1));
}

static void
move_participant (CtgParticipantList *self,
                  guint               index,
                  int                 direction)
{
  g_autoptr(GPtrArray) participants = copy_participants (self->participants);
  guint to;
  gpointer moved;

  if ((direction < 0 && index == 0) || (direction > 0 && index + 1 >= participants->len))
    return;

  to = direction < 0 ? index - 1 : index + 1;
  moved = g_ptr_array_steal_index (participants, index);
  g_ptr_array_insert (participants, (int) to, moved);

  self->focus = FOCUS_MENU;
  self->focus_index = to;
  if (!emit_changed (self, participants, NULL))
    self->focus = FOCUS_NONE;
}

static void
on_move_up_cb (ParticipantRow *prow)
{
  move_participant (prow->list, row_index (GTK_WIDGET (prow->row)), -1);
}

static void
on_move_down_cb (ParticipantRow *prow)
{
  move_participant (prow->list, row_index (GTK_WIDGET (prow->row)), 1);
}

static void
on_remove_clicked_cb (CtgParticipantList *self,
                      GtkWidget          *button)
{
  g_autoptr(GPtrArray) participants = copy_participants (self->participants);
  guint index = row_index (button);

  g_assert (index < participants->len);
  g_ptr_array_remove_index (participants, index);

  self->focus = FOCUS_ROW;
  self->focus_index = index;
  if (!emit_changed (self, participants, NULL))
    self->focus = FOCUS_NONE;
}

/* The name and the role are typed the same way: @offset says which */
static void
apply_text (CtgParticipantList *self,
            AdwEntryRow        *entry,
            gsize               offset)
{
  g_autoptr(GPtrArray) participants = copy_participants (self->participants);
  guint index = row_index (GTK_WIDGET (entry));
  char **text;

  g_assert (index < participants->len);
  text = G_STRUCT_MEMBER_P (g_ptr_array_index (participants, index), offset);
  g_free (*text);
  *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  emit_changed (self, participants, GTK_WIDGET (entry));
}

static void
on_name_applied_cb (CtgParticipantList *self,
                    AdwEntryRow        *entry)
{
  apply_text (self, entry, G_STRUCT_OFFSET (CtgParticipant, name));
}

static void
on_role_applied_cb (CtgParticipantList *self,
                    AdwEntryRow        *entry)
{
  apply_text (self, entry, G_STRUCT_OFFSET (CtgParticipant, role));
}

static void
on_kind_selected_cb (CtgParticipantList *self,
                     GParamSpec         *pspec,
                     AdwComboRow        *combo)
{
  g_autoptr(GPtrArray) participants = NULL;
  guint index = row_index (GTK_WIDGET (combo));
  CtgParticipant *p;

  if (self->updating)
    return;

  participants = copy_participants (self->participants);
  g_assert (index < participants->len);
  p = g_ptr_array_index (participants, index);
  p->kind = adw_combo_row_get_selected (combo) == 0 ? CTG_PARTICIPANT_PERSON : CTG_PARTICIPANT_ORGANISATION;
  emit_changed (self, participants, GTK_WIDGET (combo));
}

static void
add_participant (CtgParticipantList *self,
                 CtgParticipant     *participant)
{
  g_autoptr(GPtrArray) participants = copy_participants (self->participants);

  g_ptr_array_add (participants, participant);
  self->focus = FOCUS_ADD;
  if (emit_changed (self, participants, GTK_WIDGET (self->add_row)))
    _ctg_entry_row_set_value (self->add_row, "");
  else
    self->focus = FOCUS_NONE;
  refresh_suggestions (self);
}

static void
on_add_applied_cb (CtgParticipantList *self)
{
  CtgParticipant *participant = ctg_participant_parse (gtk_editable_get_text (GTK_EDITABLE (self->add_row)));
  g_autofree char *folded = NULL;

  if (participant == NULL)
    return;

  /* "caf" is the "Caf" already in the convention: one name, one spelling */
  folded = ctg_text_fold (participant->name);
  for (guint i = 0; self->names != NULL && self->names[i] != NULL; i++)
    {
      g_autofree char *known = ctg_text_fold (self->names[i]);

      if (g_str_equal (known, folded))
        {
          g_free (participant->name);
          participant->name = g_strdup (self->names[i]);
          participant->kind = ctg_participant_guess_kind (participant->name);
          break;
        }
    }

  add_participant (self, participant);
}

/* Down goes from what is typed to the names offered */
static gboolean
on_add_key_pressed_cb (CtgParticipantList    *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && self->suggestions->len > 0)
    {
      gtk_widget_grab_focus (g_ptr_array_index (self->suggestions, 0));
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
on_add_changed_cb (CtgParticipantList *self)
{
  refresh_suggestions (self);
}

static void
on_row_activated_cb (CtgParticipantList *self,
                     GtkListBoxRow      *row)
{
  const char *name = g_object_get_data (G_OBJECT (row), "ctg-suggestion");

  if (name != NULL)
    {
      /* The row goes away with the suggestions: take the focus off it first */
      G_GNUC_UNUSED g_autoptr(GtkListBoxRow) hold = g_object_ref (row);
      g_autofree char *chosen = g_strdup (name);

      gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
      add_participant (self, ctg_participant_new (chosen, ctg_participant_guess_kind (chosen), NULL));
    }
}

static gboolean
already_listed (CtgParticipantList *self,
                const char         *folded_name)
{
  for (guint i = 0; i < self->participants->len; i++)
    {
      const CtgParticipant *p = g_ptr_array_index (self->participants, i);
      g_autofree char *folded = ctg_text_fold (p->name);

      if (g_str_equal (folded, folded_name))
        return TRUE;
    }
  return FALSE;
}

/* Names already used in the convention that match what is typed: those
 * starting with it first, then those containing it, most used first. */
static void
refresh_suggestions (CtgParticipantList *self)
{
  g_autofree char *query = ctg_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->add_row)));
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  int position;

  for (guint i = 0; i < self->suggestions->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->suggestions, i));
  g_ptr_array_set_size (self->suggestions, 0);

  if (query[0] == '\0' || self->names == NULL || !self->editable)
    return;

  for (guint pass = 0; pass < 2 && matches->len < MAX_SUGGESTIONS; pass++)
    for (guint i = 0; self->names[i] != NULL && matches->len < MAX_SUGGESTIONS; i++)
      {
        g_autofree char *folded = ctg_text_fold (self->names[i]);
        gboolean prefix = g_str_has_prefix (folded, query);
        gboolean inside = strstr (folded, query) != NULL;

        if ((pass == 0 ? prefix : (inside && !prefix)) && !already_listed (self, folded))
          g_ptr_array_add (matches, self->names[i]);
      }

  position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->add_row)) + 1;
  for (guint i = 0; i < matches->len; i++)
    {
      const char *name = g_ptr_array_index (matches, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");
      g_autofree char *escaped = _ctg_escape (name);
      /* Translators: read by screen readers on a suggested pilot or partner */
      g_autofree char *label = g_strdup_printf (_("Add %s"), name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_add_css_class (row, "suggestion");
      gtk_widget_set_name (row, "participant-suggestion");
      g_object_set_data_full (G_OBJECT (row), "ctg-suggestion", g_strdup (name), g_free);
      _ctg_widget_set_label (row, label);
      gtk_list_box_insert (self->list, row, position + (int) i);
      g_ptr_array_add (self->suggestions, row);
    }
}

static ParticipantRow *
create_row (CtgParticipantList *self,
            guint               index)
{
  ParticipantRow *prow = g_new0 (ParticipantRow, 1);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new ((const char *[]) {
    kind_label (CTG_PARTICIPANT_PERSON), kind_label (CTG_PARTICIPANT_ORGANISATION), NULL });

  prow->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  /* The menu's actions point to it: it lives as long as the row */
  g_object_set_data_full (G_OBJECT (prow->row), "ctg-participant-row", prow, g_free);
  gtk_widget_set_name (GTK_WIDGET (prow->row), "participant-row");

  prow->icon = GTK_IMAGE (gtk_image_new ());
  gtk_accessible_update_state (GTK_ACCESSIBLE (prow->icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_expander_row_add_prefix (prow->row, GTK_WIDGET (prow->icon));

  prow->list = self;
  prow->actions = _ctg_move_actions_new (G_CALLBACK (on_move_up_cb), G_CALLBACK (on_move_down_cb), prow);
  gtk_widget_insert_action_group (GTK_WIDGET (prow->row), "row", G_ACTION_GROUP (prow->actions));
  g_object_unref (prow->actions);

  /* Actions are packed from the end */
  prow->remove_button = _ctg_icon_button_new ("user-trash-symbolic", _("Remove"));
  gtk_widget_set_name (prow->remove_button, "participant-remove-button");
  g_signal_connect_swapped (prow->remove_button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  adw_expander_row_add_action (prow->row, prow->remove_button);
  prow->menu_button = _ctg_move_menu_button_new ();
  adw_expander_row_add_action (prow->row, prow->menu_button);

  prow->name_row = _ctg_entry_row_new (_("Name"), "participant-name-row", G_CALLBACK (on_name_applied_cb), self);
  adw_expander_row_add_row (prow->row, GTK_WIDGET (prow->name_row));

  prow->role_row = _ctg_entry_row_new (_("Role"), "participant-role-row", G_CALLBACK (on_role_applied_cb), self);
  adw_expander_row_add_row (prow->row, GTK_WIDGET (prow->role_row));

  prow->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  /* Translators: whether a pilot or partner is a person or an organisation */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (prow->kind_row), _("Kind"));
  adw_combo_row_set_model (prow->kind_row, G_LIST_MODEL (kinds));
  _ctg_row_label_from_title (GTK_WIDGET (prow->name_row));
  _ctg_row_label_from_title (GTK_WIDGET (prow->role_row));
  _ctg_row_label_from_title (GTK_WIDGET (prow->kind_row));
  g_signal_connect_swapped (prow->kind_row, "notify::selected", G_CALLBACK (on_kind_selected_cb), self);
  adw_expander_row_add_row (prow->row, GTK_WIDGET (prow->kind_row));

  set_row_index (GTK_WIDGET (prow->row), index);
  set_row_index (prow->remove_button, index);
  set_row_index (GTK_WIDGET (prow->name_row), index);
  set_row_index (GTK_WIDGET (prow->role_row), index);
  set_row_index (GTK_WIDGET (prow->kind_row), index);

  return prow;
}

static void
update_row (CtgParticipantList   *self,
            ParticipantRow       *prow,
            const CtgParticipant *p,
            guint                 index,
            guint                 n_rows,
            gboolean              force)
{
  g_autofree char *title = _ctg_escape (p->name);
  g_autofree char *subtitle = _ctg_escape (p->role[0] ? p->role : kind_label (p->kind));
  g_autofree char *label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (prow->row), title);
  adw_expander_row_set_subtitle (prow->row, subtitle);
  label = p->role[0] ? g_strdup_printf ("%s, %s", p->name, p->role) : g_strdup (p->name);
  _ctg_row_set_label (GTK_WIDGET (prow->row), label);
  g_clear_pointer (&label, g_free);
  gtk_image_set_from_icon_name (prow->icon, p->kind == CTG_PARTICIPANT_PERSON ? "avatar-default-symbolic"
                                                                              : "system-users-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (prow->icon), kind_label (p->kind));

  _ctg_entry_row_update (prow->name_row, p->name, force);
  _ctg_entry_row_update (prow->role_row, p->role, force);
  adw_combo_row_set_selected (prow->kind_row, p->kind == CTG_PARTICIPANT_PERSON ? 0 : 1);

  _ctg_move_actions_update (prow->actions, index, n_rows);
  gtk_widget_set_visible (prow->menu_button, self->editable);
  gtk_widget_set_visible (prow->remove_button, self->editable);
  _ctg_entry_row_set_editable (prow->name_row, self->editable);
  _ctg_entry_row_set_editable (prow->role_row, self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (prow->kind_row), self->editable);

  /* Translators: read by screen readers on the menu of a pilot or partner */
  label = g_strdup_printf (_("Move %s"), p->name);
  _ctg_widget_set_label (prow->menu_button, label);
  g_free (label);
  /* Translators: read by screen readers on the remove button of a pilot or partner */
  label = g_strdup_printf (_("Remove %s"), p->name);
  _ctg_widget_set_label (prow->remove_button, label);
}

static void
apply_pending_focus (CtgParticipantList *self)
{
  PendingFocus focus = self->focus;
  ParticipantRow *prow;
  guint index;

  self->focus = FOCUS_NONE;
  if (focus == FOCUS_NONE)
    return;

  if (focus == FOCUS_ADD || self->rows->len == 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
      return;
    }

  index = MIN (self->focus_index, self->rows->len - 1);
  prow = g_ptr_array_index (self->rows, index);

  /* After a move the focus follows the row, so that it can be moved again */
  if (focus == FOCUS_MENU)
    gtk_widget_grab_focus (prow->menu_button);
  else
    gtk_widget_grab_focus (GTK_WIDGET (prow->row));
}

static void
ctg_participant_list_dispose (GObject *object)
{
  CtgParticipantList *self = (CtgParticipantList *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_pointer (&self->participants, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_strfreev);

  G_OBJECT_CLASS (ctg_participant_list_parent_class)->dispose (object);
}

static void
ctg_participant_list_class_init (CtgParticipantListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ctg_participant_list_dispose;

  /**
   * CtgParticipantList::changed:
   * @participants: (element-type CtgParticipant): the new list
   *
   * The user changed the list. The handler commits it, or calls
   * ctg_participant_list_show_error().
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ctg_participant_list_init (CtgParticipantList *self)
{
  GtkEventController *controller;

  self->rows = g_ptr_array_new ();
  self->suggestions = g_ptr_array_new ();
  self->participants = copy_participants (NULL);
  self->editable = TRUE;

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));

  self->add_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_entry_row_set_show_apply_button (self->add_row, TRUE);
  g_signal_connect_swapped (self->add_row, "apply", G_CALLBACK (on_add_applied_cb), self);
  g_signal_connect_swapped (self->add_row, "entry-activated", G_CALLBACK (on_add_applied_cb), self);
  g_signal_connect_swapped (self->add_row, "changed", G_CALLBACK (on_add_changed_cb), self);
  gtk_list_box_append (self->list, GTK_WIDGET (self->add_row));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_add_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->add_row), controller);

  self->message = CTG_FIELD_MESSAGE (ctg_field_message_new ());
  gtk_widget_set_name (GTK_WIDGET (self->message), "participants-message");
  gtk_list_box_append (self->list, GTK_WIDGET (self->message));

  ctg_participant_list_set_relation (self, CTG_RELATION_PILOT);
}

GtkWidget *
ctg_participant_list_new (void)
{
  return g_object_new (CTG_TYPE_PARTICIPANT_LIST, NULL);
}

void
ctg_participant_list_set_relation (CtgParticipantList *self,
                                   CtgRelation         relation)
{
  g_return_if_fail (CTG_IS_PARTICIPANT_LIST (self));

  self->relation = relation;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row),
                                 relation == CTG_RELATION_PILOT ? _("Add a pilot")
                                 : relation == CTG_RELATION_REFERENT ? _("Add a référent")
                                 : _("Add a partner"));
  gtk_widget_set_name (GTK_WIDGET (self->add_row),
                       relation == CTG_RELATION_PILOT ? "pilots-add-row"
                       : relation == CTG_RELATION_REFERENT ? "referents-add-row"
                       : "partners-add-row");
  _ctg_row_label_from_title (GTK_WIDGET (self->add_row));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_row),
                               _("A name, and a role in brackets if you like: "
                                 "“Jean DUPONT (coordinator)”"));
}

/**
 * ctg_participant_list_set_participants:
 * @participants: (element-type CtgParticipant): what the document holds
 * @force: replace fields being edited too (another action is shown, or an
 *   edit was refused)
 */
void
ctg_participant_list_set_participants (CtgParticipantList *self,
                                       GPtrArray          *participants,
                                       gboolean            force)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) old = NULL;

  g_return_if_fail (CTG_IS_PARTICIPANT_LIST (self));
  g_return_if_fail (participants != NULL);

  old = g_steal_pointer (&self->participants);
  self->participants = copy_participants (participants);

  self->updating++;

  if (self->rows->len != participants->len)
    {
      /* Rows come and go: keep open the ones that were, by name */
      for (guint i = 0; i < self->rows->len; i++)
        {
          ParticipantRow *prow = g_ptr_array_index (self->rows, i);
          const CtgParticipant *p = g_ptr_array_index (old, i);

          if (!force && adw_expander_row_get_expanded (prow->row))
            g_hash_table_add (expanded, p->name);
          gtk_list_box_remove (self->list, GTK_WIDGET (prow->row));
        }
      g_ptr_array_set_size (self->rows, 0);

      for (guint i = 0; i < participants->len; i++)
        {
          ParticipantRow *prow = create_row (self, i);
          const CtgParticipant *p = g_ptr_array_index (participants, i);

          g_ptr_array_add (self->rows, prow);
          gtk_list_box_insert (self->list, GTK_WIDGET (prow->row), (int) i);
          update_row (self, prow, p, i, participants->len, TRUE);
          adw_expander_row_set_expanded (prow->row, g_hash_table_contains (expanded, p->name));
        }
    }
  else
    {
      for (guint i = 0; i < participants->len; i++)
        update_row (self, g_ptr_array_index (self->rows, i), g_ptr_array_index (participants, i),
                    i, participants->len, force);
    }

  self->updating--;

  refresh_suggestions (self);
  apply_pending_focus (self);
}

/**
 * ctg_participant_list_reset:
 *
 * Forgets what was typed in the add row and the message: another action is
 * shown.
 */
void
ctg_participant_list_reset (CtgParticipantList *self)
{
  g_return_if_fail (CTG_IS_PARTICIPANT_LIST (self));

  self->focus = FOCUS_NONE;
  _ctg_entry_row_set_value (self->add_row, "");
  ctg_participant_list_clear_message (self);
}

/**
 * ctg_participant_list_set_names:
 * @names: (nullable): the names used in the convention, most used first
 */
void
ctg_participant_list_set_names (CtgParticipantList *self,
                                const char * const *names)
{
  g_return_if_fail (CTG_IS_PARTICIPANT_LIST (self));

  g_strfreev (self->names);
  self->names = g_strdupv ((char **) names);
  refresh_suggestions (self);
}

void
ctg_participant_list_set_editable (CtgParticipantList *self,
                                   gboolean            editable)
{
  g_return_if_fail (CTG_IS_PARTICIPANT_LIST (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  gtk_widget_set_visible (GTK_WIDGET (self->add_row), editable);

  self->updating++;
  for (guint i = 0; i < self->rows->len; i++)
    update_row (self, g_ptr_array_index (self->rows, i), g_ptr_array_index (self->participants, i),
                i, self->rows->len, FALSE);
  self->updating--;
  refresh_suggestions (self);
}

/**
 * ctg_participant_list_show_error:
 *
 * Shows why the last change was refused, under the list; the field that was
 * edited is marked.
 */
void
ctg_participant_list_show_error (CtgParticipantList *self,
                                 const char         *message)
{
  g_return_if_fail (CTG_IS_PARTICIPANT_LIST (self));

  self->error_shown = TRUE;
  ctg_field_message_show_error (self->message, self->edited, message);
}

void
ctg_participant_list_clear_message (CtgParticipantList *self)
{
  g_return_if_fail (CTG_IS_PARTICIPANT_LIST (self));

  ctg_field_message_clear (self->message, NULL);
  for (guint i = 0; i < self->rows->len; i++)
    {
      ParticipantRow *prow = g_ptr_array_index (self->rows, i);

      gtk_widget_remove_css_class (GTK_WIDGET (prow->name_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (prow->role_row), "error");
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->add_row), "error");
}
