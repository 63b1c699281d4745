/* test-action-editor.c: the detail view of an action, driven through its
 * widgets
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ctg-action-editor.h"
#include "ctg-field-message.h"
#include "ctg-history-list.h"
#include "ctg-ordered-row.h"
#include "ctg-test-util.h"
#include "ctg-test-widgets.h"
#include "ctg-text-row.h"
#include "ctg-year-notes-group.h"

/* m2a: FA 1.1 has six steps, no pilot, no date; the convention runs
 * from 2022 to 2026 */
#define ACTION_ID 1

typedef struct
{
  CtgDocument     *document;
  GtkWindow       *window;
  CtgActionEditor *editor;
  GPtrArray       *toasts;
} Fixture;

static void
on_toast_cb (CtgActionEditor *editor,
             const char      *message,
             Fixture         *fixture)
{
  g_ptr_array_add (fixture->toasts, g_strdup (message));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autoptr(GError) error = NULL;

  fixture->document = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  fixture->editor = CTG_ACTION_EDITOR (ctg_action_editor_new ());
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 900);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  gtk_window_present (fixture->window);

  fixture->toasts = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->editor, "toast", G_CALLBACK (on_toast_cb), fixture);

  ctg_action_editor_set_document (fixture->editor, fixture->document);
  ctg_action_editor_set_action (fixture->editor, ACTION_ID);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ctg_action_editor_set_document (fixture->editor, NULL);
  gtk_window_destroy (fixture->window);
  ctg_document_close (fixture->document);
  g_clear_object (&fixture->document);
  g_clear_pointer (&fixture->toasts, g_ptr_array_unref);
}

static GtkWidget *
editor_child (Fixture    *fixture,
              const char *name)
{
  GtkWidget *widget = ctg_test_find_named (GTK_WIDGET (fixture->editor), name);

  g_assert_nonnull (widget);
  return widget;
}

static void
collect_named (GtkWidget  *widget,
               const char *name,
               GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

static guint
count_named (Fixture    *fixture,
             const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_named (GTK_WIDGET (fixture->editor), name, found);
  return found->len;
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (editor_child (fixture, "editor-stack")));
}

/* What the user does: type, then press the apply button */
static void
apply_entry (GtkWidget  *row,
             const char *text)
{
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static void
apply_text_row (GtkWidget  *row,
                const char *text)
{
  GtkTextView *view;

  g_assert_true (CTG_IS_TEXT_ROW (row));
  view = GTK_TEXT_VIEW (ctg_text_row_get_view (CTG_TEXT_ROW (row)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
  g_signal_emit_by_name (row, "apply");
}

/* gtk_widget_activate() on a button only clicks it after its press animation */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
}

static CtgAction *
get_action (Fixture *fixture)
{
  CtgAction *action = ctg_document_get_action (fixture->document, ACTION_ID);

  g_assert_nonnull (action);
  return action;
}

static void
assert_date (const CtgDate *date,
             guint          year,
             guint          month,
             guint          day)
{
  g_assert_cmpuint (date->year, ==, year);
  g_assert_cmpuint (date->month, ==, month);
  g_assert_cmpuint (date->day, ==, day);
}

static void
test_no_action (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgDocument) document = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  CtgActionEditor *editor = g_object_ref_sink (CTG_ACTION_EDITOR (ctg_action_editor_new ()));
  GtkStack *stack = GTK_STACK (ctg_test_find_named (GTK_WIDGET (editor), "editor-stack"));

  g_assert_no_error (error);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  ctg_action_editor_set_document (editor, document);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpint (ctg_action_editor_get_action (editor), ==, 0);

  ctg_action_editor_set_action (editor, ACTION_ID);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "editor");
  g_assert_cmpint (ctg_action_editor_get_action (editor), ==, ACTION_ID);

  /* An id that never existed */
  ctg_action_editor_set_action (editor, 100000);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "missing");

  ctg_action_editor_set_document (editor, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_object_unref (editor);
  ctg_document_close (document);
}

static void
test_shows_action (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CtgAction) action = get_action (fixture);
  g_autofree char *title = NULL;
  GtkWidget *title_row = editor_child (fixture, "title-row");

  g_assert_cmpstr (visible_page (fixture), ==, "editor");
  title = ctg_text_row_dup_text (CTG_TEXT_ROW (title_row));
  g_assert_cmpstr (title, ==, ctg_action_get_title (action));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_child (fixture, "code-row"))), ==, "FA 1.1");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (editor_child (fixture, "status-row"))), ==,
                    CTG_STATUS_TODO);
  g_assert_cmpuint (count_named (fixture, "step-row"), ==, 6);
  g_assert_cmpuint (count_named (fixture, "participant-row"), ==, 0);
  g_assert_false (gtk_widget_get_visible (editor_child (fixture, "echeance-message")));
}

static void
test_edit_title (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *row = editor_child (fixture, "title-row");
  g_autoptr(CtgAction) action = NULL;
  g_autofree char *shown = NULL;

  apply_text_row (row, "Structurer les coopérations\nenfance jeunesse");

  /* A title is one paragraph: a pasted line break becomes a space */
  action = get_action (fixture);
  g_assert_cmpstr (ctg_action_get_title (action), ==, "Structurer les coopérations enfance jeunesse");
  shown = ctg_text_row_dup_text (CTG_TEXT_ROW (row));
  g_assert_cmpstr (shown, ==, "Structurer les coopérations enfance jeunesse");
  g_assert_false (ctg_text_row_is_modified (CTG_TEXT_ROW (row)));
  g_clear_object (&action);

  /* Emptied (Ctrl+A, BackSpace, Enter): refused like any invalid value, the
   * row says why and the document keeps its title */
  apply_text_row (row, "  ");
  action = get_action (fixture);
  g_assert_cmpstr (ctg_action_get_title (action), ==, "Structurer les coopérations enfance jeunesse");
  g_assert_true (ctg_field_message_is_error (CTG_FIELD_MESSAGE (editor_child (fixture, "title-message"))));
}

static void
test_echeance (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *row = editor_child (fixture, "echeance-row");
  GtkWidget *start_row = editor_child (fixture, "start-row");
  CtgFieldMessage *message = CTG_FIELD_MESSAGE (editor_child (fixture, "echeance-message"));
  g_autoptr(CtgAction) action = NULL;
  g_autoptr(CtgAction) after = NULL;
  g_autofree char *formatted = NULL;

  /* Typing alone commits nothing */
  gtk_editable_set_text (GTK_EDITABLE (row), "12/2026");
  action = get_action (fixture);
  g_assert_false (ctg_date_is_set (ctg_action_get_echeance (action)));
  g_clear_object (&action);

  g_signal_emit_by_name (row, "apply");
  action = get_action (fixture);
  assert_date (ctg_action_get_echeance (action), 2026, 12, 0);

  /* Shown back as the document formats it */
  formatted = ctg_date_format (ctg_action_get_echeance (action));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, formatted);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));

  apply_entry (start_row, "15/03/2023");
  after = get_action (fixture);
  assert_date (ctg_action_get_start (after), 2023, 3, 15);
  assert_date (ctg_action_get_echeance (after), 2026, 12, 0);
}

static void
test_echeance_before_start (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *row = editor_child (fixture, "echeance-row");
  CtgFieldMessage *message = CTG_FIELD_MESSAGE (editor_child (fixture, "echeance-message"));
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgAction) action = NULL;
  g_autoptr(CtgAction) fixed = NULL;

  ctg_document_set (fixture->document, CTG_ITEM_ACTION, ACTION_ID, "start", "2025", &error);
  g_assert_no_error (error);
  ctg_document_set (fixture->document, CTG_ITEM_ACTION, ACTION_ID, "echeance", "2026", &error);
  g_assert_no_error (error);

  apply_entry (row, "2024");

  /* Refused inline, next to the field, and the field shows the document again */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_true (ctg_field_message_is_error (message));
  g_assert_cmpstr (ctg_field_message_get_text (message), !=, "");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2026");
  action = get_action (fixture);
  assert_date (ctg_action_get_echeance (action), 2026, 0, 0);

  /* Not a date at all */
  apply_entry (row, "31/02/2026");
  g_assert_true (ctg_field_message_is_error (message));
  g_assert_nonnull (strstr (ctg_field_message_get_text (message), "31/02/2026"));

  /* A good one clears the message */
  apply_entry (row, "06/2026");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  fixed = get_action (fixture);
  assert_date (ctg_action_get_echeance (fixed), 2026, 6, 0);
}

static void
test_outside_period (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *row = editor_child (fixture, "echeance-row");
  CtgFieldMessage *message = CTG_FIELD_MESSAGE (editor_child (fixture, "echeance-message"));
  g_autoptr(CtgAction) action = NULL;

  /* Accepted, with a warning: the convention ends in 2026 */
  apply_entry (row, "2028");
  action = get_action (fixture);
  assert_date (ctg_action_get_echeance (action), 2028, 0, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_false (ctg_field_message_is_error (message));
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* An undo in the window takes the warning away with the date */
  g_assert_true (ctg_document_undo (fixture->document, NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
}

static GPtrArray *
pilots (Fixture *fixture)
{
  g_autoptr(CtgAction) action = get_action (fixture);
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);
  GPtrArray *list = ctg_action_get_pilots (action);

  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (copy, ctg_participant_copy (g_ptr_array_index (list, i)));
  return copy;
}

static const char *
pilot_name (GPtrArray *list,
            guint      index)
{
  g_assert_cmpuint (index, <, list->len);
  return ((CtgParticipant *) g_ptr_array_index (list, index))->name;
}

static void
test_pilots (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *add_row = editor_child (fixture, "pilots-add-row");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  CtgParticipant *caf;

  /* "Name (role)" */
  apply_entry (add_row, "Caf du Haut-Rhin (financeur)");
  list = pilots (fixture);
  g_assert_cmpuint (list->len, ==, 1);
  caf = g_ptr_array_index (list, 0);
  g_assert_cmpstr (caf->name, ==, "Caf du Haut-Rhin");
  g_assert_cmpstr (caf->role, ==, "financeur");
  g_assert_cmpint (caf->kind, ==, CTG_PARTICIPANT_ORGANISATION);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
  g_clear_pointer (&list, g_ptr_array_unref);

  apply_entry (add_row, "Jean DUPONT");
  list = pilots (fixture);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (pilot_name (list, 1), ==, "Jean DUPONT");
  g_assert_cmpint (((CtgParticipant *) g_ptr_array_index (list, 1))->kind, ==, CTG_PARTICIPANT_PERSON);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_cmpuint (count_named (fixture, "participant-row"), ==, 2);

  /* Move the first one down, from its menu */
  collect_named (editor_child (fixture, "pilots-list"), "participant-row", rows);
  g_assert_true (gtk_widget_activate_action (g_ptr_array_index (rows, 0), "row.move-down", NULL));
  list = pilots (fixture);
  g_assert_cmpstr (pilot_name (list, 0), ==, "Jean DUPONT");
  g_assert_cmpstr (pilot_name (list, 1), ==, "Caf du Haut-Rhin");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Remove the first one */
  click (ctg_test_find_named (g_ptr_array_index (rows, 0), "participant-remove-button"));
  list = pilots (fixture);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (pilot_name (list, 0), ==, "Caf du Haut-Rhin");
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  g_assert_cmpuint (count_named (fixture, "participant-row"), ==, 1);
}

static void
test_pilot_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  CtgFieldMessage *message;
  GtkWidget *name_row;
  g_autoptr(GPtrArray) list = NULL;

  apply_entry (editor_child (fixture, "pilots-add-row"), "RPE");
  name_row = editor_child (fixture, "participant-name-row");
  message = CTG_FIELD_MESSAGE (ctg_test_find_named (editor_child (fixture, "pilots-list"), "participants-message"));

  /* A pilot needs a name: refused inline, and the name comes back */
  apply_entry (name_row, "   ");
  g_assert_true (ctg_field_message_is_error (message));
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "RPE");
  list = pilots (fixture);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (pilot_name (list, 0), ==, "RPE");
  g_clear_pointer (&list, g_ptr_array_unref);

  apply_entry (editor_child (fixture, "participant-role-row"), "Relais petite enfance");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  list = pilots (fixture);
  g_assert_cmpstr (((CtgParticipant *) g_ptr_array_index (list, 0))->role, ==, "Relais petite enfance");
}

static void
test_pilot_completion (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *add_row = editor_child (fixture, "pilots-add-row");
  GtkWidget *suggestion;
  g_autoptr(CtgAction) other = NULL;
  CtgParticipant *pilot;

  apply_entry (add_row, "Ville de Mulhouse");

  /* On another action, the name is offered from a few letters, any case */
  ctg_action_editor_set_action (fixture->editor, 2);
  g_assert_null (ctg_test_find_named (GTK_WIDGET (fixture->editor), "participant-suggestion"));
  gtk_editable_set_text (GTK_EDITABLE (add_row), "mulh");
  suggestion = editor_child (fixture, "participant-suggestion");
  g_assert_true (gtk_widget_get_visible (suggestion));

  gtk_widget_activate (suggestion);
  other = ctg_document_get_action (fixture->document, 2);
  g_assert_cmpuint (ctg_action_get_pilots (other)->len, ==, 1);
  pilot = g_ptr_array_index (ctg_action_get_pilots (other), 0);
  g_assert_cmpstr (pilot->name, ==, "Ville de Mulhouse");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
  g_assert_null (ctg_test_find_named (GTK_WIDGET (fixture->editor), "participant-suggestion"));

  /* A name already there is not offered again */
  gtk_editable_set_text (GTK_EDITABLE (add_row), "mulh");
  g_assert_null (ctg_test_find_named (GTK_WIDGET (fixture->editor), "participant-suggestion"));
}

static gint64
step_id (Fixture *fixture,
         guint    index)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (fixture->document, CTG_ITEM_STEP, ACTION_ID);

  g_assert_cmpuint (index, <, ids->len);
  return g_array_index (ids, gint64, index);
}

static void
test_steps (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GArray) ids = NULL;
  g_autofree char *text = NULL;
  gint64 first = step_id (fixture, 0);
  gint64 added;

  apply_entry (editor_child (fixture, "steps-add-row"), "Bilan avec les villes");
  ids = ctg_document_list_ids (fixture->document, CTG_ITEM_STEP, ACTION_ID);
  g_assert_cmpuint (ids->len, ==, 7);
  added = g_array_index (ids, gint64, 6);
  text = ctg_document_dup_text (fixture->document, CTG_ITEM_STEP, added, "text");
  g_assert_cmpstr (text, ==, "Bilan avec les villes");
  g_assert_cmpuint (count_named (fixture, "step-row"), ==, 7);

  /* Tick the first one */
  collect_named (GTK_WIDGET (fixture->editor), "step-row", rows);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ctg_test_find_named (g_ptr_array_index (rows, 0), "step-done-check")), TRUE);
  g_assert_cmpint (ctg_document_get_int (fixture->document, CTG_ITEM_STEP, first, "done", 0), ==, 1);

  /* Date it: an invalid date is refused inline */
  apply_entry (ctg_test_find_named (g_ptr_array_index (rows, 0), "step-date-row"), "32/01/2024");
  g_assert_null (ctg_document_dup_text (fixture->document, CTG_ITEM_STEP, first, "date"));
  g_assert_true (gtk_widget_has_css_class (ctg_test_find_named (g_ptr_array_index (rows, 0), "step-date-row"), "error"));
  apply_entry (ctg_test_find_named (g_ptr_array_index (rows, 0), "step-date-row"), "01/2024");
  g_clear_pointer (&text, g_free);
  text = ctg_document_dup_text (fixture->document, CTG_ITEM_STEP, first, "date");
  g_assert_cmpstr (text, ==, "2024-01");

  /* Move the new one up */
  g_assert_true (gtk_widget_activate_action (g_ptr_array_index (rows, 6), "row.move-up", NULL));
  g_assert_cmpint (step_id (fixture, 5), ==, added);

  /* Remove the first one */
  g_ptr_array_set_size (rows, 0);
  collect_named (GTK_WIDGET (fixture->editor), "step-row", rows);
  click (ctg_test_find_named (g_ptr_array_index (rows, 0), "step-remove-button"));
  g_assert_false (ctg_document_has_item (fixture->document, CTG_ITEM_STEP, first));
  g_assert_cmpuint (count_named (fixture, "step-row"), ==, 6);
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
}

/* The step row of @id, and whether the focus is on its move menu */
static GtkWidget *
step_row (Fixture *fixture,
          gint64   id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_named (GTK_WIDGET (fixture->editor), "step-row", rows);
  for (guint i = 0; i < rows->len; i++)
    if (ctg_ordered_row_get_id (g_ptr_array_index (rows, i)) == id)
      return g_ptr_array_index (rows, i);
  g_assert_not_reached ();
}

static gboolean
focus_on_move_button (Fixture *fixture,
                      gint64   id)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *button = ctg_test_find_named (step_row (fixture, id), "step-move-button");

  return focus != NULL && (focus == button || gtk_widget_is_ancestor (focus, button));
}

/* Issue 13: a step row moves and removes its own step, the focus staying
 * with it, and an undo puts it back */
static void
test_step_row_actions (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 first = step_id (fixture, 0);
  gint64 second = step_id (fixture, 1);
  gint64 third = step_id (fixture, 2);
  GtkWidget *row = step_row (fixture, first);
  GtkWidget *focus;

  /* Moving down the first step from its menu: it comes after the second,
   * its menu still under the focus to move it again */
  gtk_widget_grab_focus (ctg_test_find_named (row, "step-move-button"));
  g_assert_true (gtk_widget_activate_action (row, "row.move-down", NULL));
  g_assert_cmpint (step_id (fixture, 0), ==, second);
  g_assert_cmpint (step_id (fixture, 1), ==, first);
  g_assert_true (focus_on_move_button (fixture, first));

  /* And up again, from the row it is now */
  g_assert_true (gtk_widget_activate_action (step_row (fixture, first), "row.move-up", NULL));
  g_assert_cmpint (step_id (fixture, 0), ==, first);
  g_assert_true (focus_on_move_button (fixture, first));

  /* The first cannot go up */
  gtk_widget_activate_action (step_row (fixture, first), "row.move-up", NULL);
  g_assert_cmpint (step_id (fixture, 0), ==, first);

  /* Undone: the order before it */
  g_assert_true (ctg_document_undo (fixture->document, NULL));
  g_assert_cmpint (step_id (fixture, 0), ==, second);
  g_assert_true (ctg_document_undo (fixture->document, NULL));
  g_assert_cmpint (step_id (fixture, 0), ==, first);
  g_assert_cmpint (step_id (fixture, 1), ==, second);
  g_assert_cmpint (ctg_ordered_row_get_id (CTG_ORDERED_ROW (editor_child (fixture, "step-row"))), ==, first);

  /* Removed: the toast says so, the focus goes to the step that took its
   * place, and an undo brings it back at its place */
  click (ctg_test_find_named (step_row (fixture, second), "step-remove-button"));
  g_assert_false (ctg_document_has_item (fixture->document, CTG_ITEM_STEP, second));
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->toasts, 0), ==, "Step removed");
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == step_row (fixture, third) || gtk_widget_is_ancestor (focus, step_row (fixture, third)));
  g_assert_true (ctg_document_undo (fixture->document, NULL));
  g_assert_cmpint (step_id (fixture, 1), ==, second);
  g_assert_cmpuint (count_named (fixture, "step-row"), ==, 6);
}

static void
test_indicators (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) values = NULL;
  g_autoptr(GPtrArray) value_rows = g_ptr_array_new ();
  g_autofree char *value = NULL;
  GtkWidget *row;

  apply_entry (editor_child (fixture, "indicators-add-row"), "Nombre de projets soutenus");
  ids = ctg_document_list_ids (fixture->document, CTG_ITEM_INDICATOR, ACTION_ID);
  g_assert_cmpuint (ids->len, ==, 1);

  row = editor_child (fixture, "indicator-row");
  apply_entry (ctg_test_find_named (row, "indicator-target-row"), "10 par an");
  value = ctg_document_dup_text (fixture->document, CTG_ITEM_INDICATOR, g_array_index (ids, gint64, 0), "target");
  g_assert_cmpstr (value, ==, "10 par an");

  /* One field per year of the convention, 2022 to 2026 */
  collect_named (row, "indicator-value-row", value_rows);
  g_assert_cmpuint (value_rows->len, ==, 5);
  apply_entry (g_ptr_array_index (value_rows, 1), "7");
  values = ctg_document_list_ids (fixture->document, CTG_ITEM_INDICATOR_VALUE, g_array_index (ids, gint64, 0));
  g_assert_cmpuint (values->len, ==, 1);
  g_assert_cmpint (ctg_document_get_int (fixture->document, CTG_ITEM_INDICATOR_VALUE,
                                         g_array_index (values, gint64, 0), "year", 0), ==, 2023);
  g_clear_pointer (&value, g_free);
  value = ctg_document_dup_text (fixture->document, CTG_ITEM_INDICATOR_VALUE, g_array_index (values, gint64, 0), "value");
  g_assert_cmpstr (value, ==, "7");

  /* The measures, typed the French way; a year's value that is not a
   * number is refused, and the file keeps its number */
  apply_entry (ctg_test_find_named (row, "indicator-baseline-row"), "1 234,5");
  apply_entry (ctg_test_find_named (row, "indicator-target_value-row"), "2 000");
  apply_entry (ctg_test_find_named (row, "indicator-target_year-row"), "2026");
  g_clear_pointer (&value, g_free);
  value = ctg_document_dup_text (fixture->document, CTG_ITEM_INDICATOR, g_array_index (ids, gint64, 0), "baseline");
  g_assert_cmpstr (value, ==, "1234.5");
  g_clear_pointer (&value, g_free);
  value = ctg_document_dup_text (fixture->document, CTG_ITEM_INDICATOR, g_array_index (ids, gint64, 0), "target_value");
  g_assert_cmpstr (value, ==, "2000");
  g_assert_cmpint (ctg_document_get_int (fixture->document, CTG_ITEM_INDICATOR, g_array_index (ids, gint64, 0),
                                         "target_year", 0), ==, 2026);
  apply_entry (g_ptr_array_index (value_rows, 1), "sept");
  g_clear_pointer (&value, g_free);
  value = ctg_document_dup_text (fixture->document, CTG_ITEM_INDICATOR_VALUE, g_array_index (values, gint64, 0), "value");
  g_assert_cmpstr (value, ==, "7");
}

/* An indicator changed through the core (as by undo, the ctg tool or
 * another window) shows at once in the editor's row, and in a row that
 * nobody updates: the row follows its live item and values */
static void
test_indicator_follows_item (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *target = ctg_number_format (2000);
  g_autofree char *value = ctg_number_format (1234.5);
  g_autoptr(GPtrArray) value_rows = g_ptr_array_new ();
  GtkWidget *lone;
  GtkWidget *rows[2];
  gint64 id;

  id = ctg_document_add_item (fixture->document, CTG_ITEM_INDICATOR, ACTION_ID, "Places créées", &error);
  g_assert_no_error (error);
  rows[0] = editor_child (fixture, "indicator-row");
  lone = g_object_ref_sink (ctg_indicator_row_new (fixture->document, id));
  ctg_indicator_row_set_years (CTG_INDICATOR_ROW (lone), 2022, 2026);
  ctg_ordered_row_update (CTG_ORDERED_ROW (lone), 0, 1, TRUE, TRUE);
  rows[1] = lone;

  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_INDICATOR, id, "unit", "places", &error));
  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_INDICATOR, id, "target_value", "2000", &error));
  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_INDICATOR, id, "target_year", "2026", &error));
  g_assert_true (ctg_document_set_indicator_value (fixture->document, id, 2024, "1234,5", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ctg_test_find_named (rows[i], "indicator-unit-row"))), ==, "places");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ctg_test_find_named (rows[i], "indicator-target_value-row"))),
                       ==, target);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ctg_test_find_named (rows[i], "indicator-target_year-row"))),
                       ==, "2026");
      g_ptr_array_set_size (value_rows, 0);
      collect_named (rows[i], "indicator-value-row", value_rows);
      g_assert_cmpuint (value_rows->len, ==, 5);
      g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (value_rows, 2)), ==, value);
    }

  /* Undone: back as it was, everywhere */
  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_ptr_array_set_size (value_rows, 0);
      collect_named (rows[i], "indicator-value-row", value_rows);
      g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (value_rows, 2)), ==, "");
      g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (rows[i])), ==, "");
    }
  g_object_unref (lone);
}

static void
test_status_progress_notes (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (editor_child (fixture, "progress-spin"));
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (spin)));
  CtgFieldMessage *message = CTG_FIELD_MESSAGE (editor_child (fixture, "progress-message"));
  g_autoptr(CtgAction) action = NULL;

  adw_combo_row_set_selected (ADW_COMBO_ROW (editor_child (fixture, "status-row")), CTG_STATUS_IN_PROGRESS);
  action = get_action (fixture);
  g_assert_cmpint (ctg_action_get_status (action), ==, CTG_STATUS_IN_PROGRESS);
  g_assert_cmpint (ctg_action_get_progress (action), ==, -1);
  g_clear_object (&action);

  /* Enter in the progress field applies it */
  gtk_editable_set_text (GTK_EDITABLE (spin), "45");
  g_signal_emit_by_name (text, "activate");
  action = get_action (fixture);
  g_assert_cmpint (ctg_action_get_progress (action), ==, 45);
  g_clear_object (&action);

  /* Not a number: the document says why, and keeps its value */
  gtk_editable_set_text (GTK_EDITABLE (spin), "beaucoup");
  g_signal_emit_by_name (text, "activate");
  g_assert_true (ctg_field_message_is_error (message));
  action = get_action (fixture);
  g_assert_cmpint (ctg_action_get_progress (action), ==, 45);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "45");
  g_clear_object (&action);

  /* Emptied: not measured */
  click (editor_child (fixture, "progress-clear-button"));
  action = get_action (fixture);
  g_assert_cmpint (ctg_action_get_progress (action), ==, -1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_clear_object (&action);

  apply_text_row (editor_child (fixture, "notes-row"), "Voir avec la Caf.\nPoint au COPIL de juin.");
  action = get_action (fixture);
  g_assert_cmpstr (ctg_action_get_notes (action), ==, "Voir avec la Caf.\nPoint au COPIL de juin.");
  g_clear_object (&action);

  /* Réalisée at 40 %: the editor shows the 100 % the totals count, and the
   * progress is not editable until the status changes again */
  gtk_editable_set_text (GTK_EDITABLE (spin), "40");
  g_signal_emit_by_name (text, "activate");
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor_child (fixture, "status-row")), CTG_STATUS_DONE);
  action = get_action (fixture);
  g_assert_cmpint (ctg_action_get_progress (action), ==, 40);
  g_assert_cmpint (ctg_action_get_shown_progress (action), ==, 100);
  CTG_TEST_WAIT_FOR ((int) gtk_spin_button_get_value (spin) == 100);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (spin)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor_child (fixture, "status-row")), CTG_STATUS_IN_PROGRESS);
  CTG_TEST_WAIT_FOR ((int) gtk_spin_button_get_value (spin) == 40);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (spin)));
}

static void
test_keeps_pending_edit (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *code_row = editor_child (fixture, "code-row");
  GtkWidget *echeance_row = editor_child (fixture, "echeance-row");
  g_autoptr(GError) error = NULL;

  /* The user is typing an échéance when the code changes under it (an
   * undo, another window): the code follows, the échéance is left alone */
  gtk_editable_set_text (GTK_EDITABLE (echeance_row), "09/20");
  ctg_document_set (fixture->document, CTG_ITEM_ACTION, ACTION_ID, "code", "FA 1.1 bis", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code_row)), ==, "FA 1.1 bis");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (echeance_row)), ==, "09/20");

  /* Showing another action replaces it */
  ctg_action_editor_set_action (fixture->editor, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (echeance_row)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code_row)), ==, "FA 1.2");
}

static void
test_deleted (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ctg_document_delete (fixture->document, CTG_ITEM_ACTION, ACTION_ID, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (visible_page (fixture), ==, "missing");

  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (visible_page (fixture), ==, "editor");
  g_assert_cmpuint (count_named (fixture, "step-row"), ==, 6);
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  CtgHistoryList *history = CTG_HISTORY_LIST (editor_child (fixture, "history-list"));

  g_assert_cmpuint (ctg_history_list_get_n_items (history), ==, 0);

  apply_entry (editor_child (fixture, "echeance-row"), "2025");
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor_child (fixture, "status-row")), CTG_STATUS_DONE);
  apply_entry (editor_child (fixture, "pilots-add-row"), "Caf");
  g_assert_cmpuint (ctg_history_list_get_n_items (history), ==, 3);
  g_assert_cmpuint (count_named (fixture, "history-row"), ==, 3);

  /* Undone changes leave the history */
  g_assert_true (ctg_document_undo (fixture->document, NULL));
  g_assert_cmpuint (ctg_history_list_get_n_items (history), ==, 2);
}

static void
test_read_only (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgDocument) document = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);
  CtgActionEditor *editor = g_object_ref_sink (CTG_ACTION_EDITOR (ctg_action_editor_new ()));
  GtkWidget *title_row;

  g_assert_no_error (error);
  ctg_action_editor_set_document (editor, document);
  ctg_action_editor_set_action (editor, ACTION_ID);

  title_row = ctg_test_find_named (GTK_WIDGET (editor), "title-row");
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (ctg_text_row_get_view (CTG_TEXT_ROW (title_row)))));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (ctg_test_find_named (GTK_WIDGET (editor), "echeance-row"))));
  g_assert_false (gtk_widget_get_visible (ctg_test_find_named (GTK_WIDGET (editor), "pilots-add-row")));
  g_assert_false (gtk_widget_get_visible (ctg_test_find_named (GTK_WIDGET (editor), "steps-add-row")));

  g_object_unref (editor);
  ctg_document_close (document);
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *step = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *check;

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (editor_child (fixture, "progress-spin")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Progress in percent");
  /* The text inside an entry row is what has the focus */
  gtk_test_accessible_assert_property (gtk_editable_get_delegate (GTK_EDITABLE (editor_child (fixture, "echeance-row"))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Échéance");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (ctg_text_row_get_view (CTG_TEXT_ROW (editor_child (fixture, "title-row")))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Title");

  collect_named (GTK_WIDGET (fixture->editor), "step-row", rows);
  check = ctg_test_find_named (g_ptr_array_index (rows, 0), "step-done-check");
  step = ctg_document_dup_text (fixture->document, CTG_ITEM_STEP, step_id (fixture, 0), "text");
  expected = g_strdup_printf ("Done: %s", step);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  /* An error is told to screen readers on the field itself */
  apply_entry (editor_child (fixture, "echeance-row"), "demain");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (editor_child (fixture, "echeance-row")),
                                    GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
}

/* Issue 8: continuous, référents, the yearly notes and the funding */
static void
test_evaluation_fields (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CtgAction) action = NULL;
  g_autoptr(GError) error = NULL;
  GtkDropDown *years = GTK_DROP_DOWN (editor_child (fixture, "year-dropdown"));
  GListModel *names = gtk_drop_down_get_model (years);
  g_autofree char *text = NULL;
  gint64 row;
  guint index_2024 = G_MAXUINT;

  /* Continuous: never overdue, undone like any edit */
  gtk_switch_set_active (GTK_SWITCH (editor_child (fixture, "continuous-switch")), TRUE);
  action = get_action (fixture);
  g_assert_true (ctg_action_is_continuous (action));
  g_clear_object (&action);
  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (editor_child (fixture, "continuous-switch"))));

  /* Référents beside the pilots */
  apply_entry (editor_child (fixture, "referents-add-row"), "Julie MARTIN (CSC Lavoisier)");
  action = get_action (fixture);
  g_assert_cmpuint (ctg_action_get_referents (action)->len, ==, 1);
  g_assert_cmpuint (ctg_action_get_pilots (action)->len, ==, 0);
  g_clear_object (&action);

  /* A note per year: the convention's years are offered */
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 5);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "2024"))
      index_2024 = i;
  g_assert_cmpuint (index_2024, !=, G_MAXUINT);
  gtk_drop_down_set_selected (years, index_2024);
  apply_text_row (editor_child (fixture, "year-done-row"), "Deux réunions des partenaires");
  apply_text_row (editor_child (fixture, "year-next-steps-row"), "Une charte commune");
  row = ctg_document_find_action_year (fixture->document, ACTION_ID, 2024);
  g_assert_cmpint (row, >, 0);
  text = ctg_document_dup_text (fixture->document, CTG_ITEM_ACTION_YEAR, row, "done");
  g_assert_cmpstr (text, ==, "Deux réunions des partenaires");

  /* Another year has its own note */
  gtk_drop_down_set_selected (years, index_2024 + 1);
  g_clear_pointer (&text, g_free);
  text = ctg_text_row_dup_text (CTG_TEXT_ROW (editor_child (fixture, "year-done-row")));
  g_assert_cmpstr (text, ==, "");
  gtk_drop_down_set_selected (years, index_2024);
  g_clear_pointer (&text, g_free);
  text = ctg_text_row_dup_text (CTG_TEXT_ROW (editor_child (fixture, "year-done-row")));
  g_assert_cmpstr (text, ==, "Deux réunions des partenaires");

  /* The year-end status, from the action as it is */
  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_ACTION, ACTION_ID, "progress", "35", &error));
  click (editor_child (fixture, "year-record-button"));
  g_clear_pointer (&text, g_free);
  text = ctg_document_dup_text (fixture->document, CTG_ITEM_ACTION_YEAR, row, "status");
  g_assert_cmpstr (text, ==, "todo");
  g_assert_cmpint (ctg_document_get_int (fixture->document, CTG_ITEM_ACTION_YEAR, row, "progress", -1), ==, 35);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (editor_child (fixture, "year-end-row"))), ==, "To start, 35 %");

  /* Budget and funders */
  apply_entry (editor_child (fixture, "budget-row"), "12 000");
  apply_entry (editor_child (fixture, "budget-year-row"), "2024");
  apply_text_row (editor_child (fixture, "funders-row"), "Caf: 8000\nCommune (Mulhouse): 4000");
  action = get_action (fixture);
  g_assert_cmpint (ctg_action_get_budget (action), ==, 1200000);
  g_assert_cmpuint (ctg_action_get_budget_year (action), ==, 2024);
  g_assert_cmpuint (ctg_action_get_funding (action)->len, ==, 2);
  g_clear_object (&action);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_child (fixture, "budget-row"))), ==, "12\u202F000\u00A0€");

  /* Refused: the message by the field, nothing changed */
  apply_entry (editor_child (fixture, "budget-row"), "beaucoup");
  g_assert_true (gtk_widget_has_css_class (editor_child (fixture, "budget-row"), "error"));
  apply_text_row (editor_child (fixture, "funders-row"), "Caf: trois sous");
  g_assert_true (gtk_widget_has_css_class (editor_child (fixture, "funders-row"), "error"));
  action = get_action (fixture);
  g_assert_cmpint (ctg_action_get_budget (action), ==, 1200000);
  g_assert_cmpuint (ctg_action_get_funding (action)->len, ==, 2);
  g_clear_object (&action);

  /* Undo in the window shows here */
  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  action = get_action (fixture);
  g_assert_cmpuint (ctg_action_get_funding (action)->len, ==, 0);
}

/* Issue 13: Avancement typed, applied, undone with the focus still in it:
 * the spin shows the file's value, and "+" saves that value plus a step */
static void
test_progress_after_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (editor_child (fixture, "progress-spin"));
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (spin)));
  double step = gtk_adjustment_get_step_increment (gtk_spin_button_get_adjustment (spin));
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgAction) action = NULL;

  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_ACTION, ACTION_ID, "progress", "10", &error));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "10");

  gtk_widget_grab_focus (text);
  CTG_TEST_WAIT_FOR ((gtk_widget_get_state_flags (GTK_WIDGET (spin)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0);
  gtk_editable_set_text (GTK_EDITABLE (spin), "50");
  g_signal_emit_by_name (text, "activate");
  action = get_action (fixture);
  g_assert_cmpint (ctg_action_get_progress (action), ==, 50);
  g_clear_object (&action);

  /* Ctrl+Z, the focus still in the field */
  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "10");
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 10);

  /* "+": the file's value plus one step */
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, step);
  g_signal_emit_by_name (text, "activate");
  action = get_action (fixture);
  g_assert_cmpint (ctg_action_get_progress (action), ==, 10 + (int) step);
}

/* First hour: "+" from the dash of a progress not measured gives 0 %, then
 * 5 % and 10 %, multiples of its step (it gave 4 %, 9 %, 14 %); "−" from 0 %
 * goes back to the dash */
static void
test_progress_steps_from_dash (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (editor_child (fixture, "progress-spin"));
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (spin)));
  double step = gtk_adjustment_get_step_increment (gtk_spin_button_get_adjustment (spin));
  g_autoptr(CtgAction) action = get_action (fixture);

  g_assert_cmpint (ctg_action_get_progress (action), ==, -1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "—");
  g_clear_object (&action);

  gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, step);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "0");
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, step);
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, step);
  g_signal_emit_by_name (text, "activate");
  action = get_action (fixture);
  g_assert_cmpint (ctg_action_get_progress (action), ==, 2 * (int) step);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "10");
  g_clear_object (&action);

  gtk_spin_button_spin (spin, GTK_SPIN_STEP_BACKWARD, step);
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_BACKWARD, step);
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_BACKWARD, step);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "—");
  g_signal_emit_by_name (text, "activate");
  action = get_action (fixture);
  g_assert_cmpint (ctg_action_get_progress (action), ==, -1);
}

/* Issue 13: a refused value's message goes when the field is corrected,
 * when it is left, and when the document's value changes under it */
static void
test_refused_message_goes (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *echeance_row = editor_child (fixture, "echeance-row");
  CtgFieldMessage *echeance_message = CTG_FIELD_MESSAGE (editor_child (fixture, "echeance-message"));
  GtkSpinButton *spin = GTK_SPIN_BUTTON (editor_child (fixture, "progress-spin"));
  GtkWidget *spin_text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (spin)));
  CtgFieldMessage *progress_message = CTG_FIELD_MESSAGE (editor_child (fixture, "progress-message"));
  g_autoptr(GError) error = NULL;

  /* Refused, then corrected */
  apply_entry (echeance_row, "hier");
  g_assert_true (ctg_field_message_is_error (echeance_message));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (echeance_message)));
  apply_entry (echeance_row, "2025");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (echeance_message)));

  /* Refused, then left for a valid edit of another field */
  apply_entry (echeance_row, "hier");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (echeance_message)));
  apply_entry (editor_child (fixture, "code-row"), "FA 1.1 bis");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (echeance_message)));

  /* Refused with the focus in it, then left */
  gtk_widget_grab_focus (spin_text);
  CTG_TEST_WAIT_FOR ((gtk_widget_get_state_flags (GTK_WIDGET (spin)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0);
  gtk_editable_set_text (GTK_EDITABLE (spin), "150");
  g_signal_emit_by_name (spin_text, "activate");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (progress_message)));
  gtk_widget_grab_focus (echeance_row);
  CTG_TEST_WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (progress_message)));

  /* Refused by leaving it: the message is for this leave, it stays */
  gtk_widget_grab_focus (spin_text);
  CTG_TEST_WAIT_FOR ((gtk_widget_get_state_flags (GTK_WIDGET (spin)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0);
  gtk_editable_set_text (GTK_EDITABLE (spin), "150");
  gtk_widget_grab_focus (echeance_row);
  CTG_TEST_WAIT_FOR ((gtk_widget_get_state_flags (GTK_WIDGET (spin)) & GTK_STATE_FLAG_FOCUS_WITHIN) == 0);
  ctg_test_spin (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (progress_message)));
  g_assert_true (ctg_field_message_is_error (progress_message));

  /* Refused, then the value changes under it (an undo, another window) */
  apply_entry (echeance_row, "hier");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (echeance_message)));
  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_ACTION, ACTION_ID, "echeance", "2026", &error));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (echeance_message)));
}

static void
type_text_row (GtkWidget  *row,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (ctg_text_row_get_view (CTG_TEXT_ROW (row)))),
                            text, -1);
}

static char *
text_row_text (GtkWidget *row)
{
  return ctg_text_row_dup_text (CTG_TEXT_ROW (row));
}

static GPtrArray *
participant_rows (Fixture    *fixture,
                  const char *list)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_named (editor_child (fixture, list), "participant-row", rows);
  return rows;
}

static void
set_pilots (Fixture    *fixture,
            const char *first,
            ...)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    g_ptr_array_add (list, ctg_participant_new (name, CTG_PARTICIPANT_ORGANISATION, ""));
  va_end (args);
  g_assert_true (ctg_document_set_participants (fixture->document, ACTION_ID, CTG_RELATION_PILOT, list, &error));
  g_assert_no_error (error);
}

/* Issue 13: the editor follows the live action, field by field. A change
 * made through the core (as the timeline, another window or an import do)
 * shows in the widget of that field, even over what was typed there, and
 * leaves what the user is typing in the other fields alone. */
static void
test_live_fields (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *title_row = editor_child (fixture, "title-row");
  GtkWidget *notes_row = editor_child (fixture, "notes-row");
  GtkWidget *budget_row = editor_child (fixture, "budget-row");
  GtkWidget *funders_row = editor_child (fixture, "funders-row");
  GtkWidget *done_row = editor_child (fixture, "year-done-row");
  GtkSpinButton *spin = GTK_SPIN_BUTTON (editor_child (fixture, "progress-spin"));
  g_autoptr(GPtrArray) funding = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint year = ctg_year_notes_group_get_year (CTG_YEAR_NOTES_GROUP (editor_child (fixture, "year-notes-group")));

  /* Half typed, not applied */
  type_text_row (notes_row, "Voir avec");
  gtk_editable_set_text (GTK_EDITABLE (budget_row), "12");
  type_text_row (funders_row, "Caf: 10");
  type_text_row (done_row, "Deux réu");

  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_ACTION, ACTION_ID, "title", "Changé ailleurs", &error));
  text = text_row_text (title_row);
  g_assert_cmpstr (text, ==, "Changé ailleurs");
  g_clear_pointer (&text, g_free);

  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_ACTION, ACTION_ID, "progress", "30", &error));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "30");
  /* Réalisée shows the 100 % it counts */
  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_ACTION, ACTION_ID, "status", "done", &error));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (editor_child (fixture, "status-row"))), ==,
                    CTG_STATUS_DONE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "100");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (spin)));

  set_pilots (fixture, "RPE", "PMI", NULL);
  rows = participant_rows (fixture, "pilots-list");
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==, "PMI");

  /* The funders written elsewhere replace what was typed there */
  funding = ctg_funding_list_parse ("Caf: 8000\nCommune (Mulhouse): 4000", &error);
  g_assert_no_error (error);
  g_assert_true (ctg_document_set_funding (fixture->document, ACTION_ID, funding, &error));
  g_assert_no_error (error);
  text = text_row_text (funders_row);
  g_assert_nonnull (strstr (text, "Mulhouse"));
  g_assert_false (ctg_text_row_is_modified (CTG_TEXT_ROW (funders_row)));
  g_clear_pointer (&text, g_free);

  /* And a year's note */
  g_assert_true (ctg_document_set_action_year (fixture->document, ACTION_ID, year, "done", "Trois réunions", &error));
  g_assert_no_error (error);
  text = text_row_text (done_row);
  g_assert_cmpstr (text, ==, "Trois réunions");
  g_clear_pointer (&text, g_free);

  /* What was typed in the fields nobody wrote is still there */
  text = text_row_text (notes_row);
  g_assert_cmpstr (text, ==, "Voir avec");
  g_assert_true (ctg_text_row_is_modified (CTG_TEXT_ROW (notes_row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (budget_row)), ==, "12");

  /* Undone in the window: back in the funders row */
  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = text_row_text (funders_row);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  text = text_row_text (done_row);
  g_assert_cmpstr (text, ==, "");
}

/* A commit that does not concern the action shown touches none of its
 * widgets: the editor is not read again, its rows are the same widgets */
static void
test_other_action_untouched (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) history = g_ptr_array_new ();
  g_autoptr(GPtrArray) steps = g_ptr_array_new ();
  g_autoptr(GPtrArray) pilots = NULL;
  g_autoptr(GPtrArray) after = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkTextView *view = GTK_TEXT_VIEW (ctg_text_row_get_view (CTG_TEXT_ROW (editor_child (fixture, "notes-row"))));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;

  apply_entry (editor_child (fixture, "pilots-add-row"), "Caf");
  apply_entry (editor_child (fixture, "echeance-row"), "2025");
  collect_named (editor_child (fixture, "history-list"), "history-row", history);
  g_assert_cmpuint (history->len, ==, 2);
  collect_named (GTK_WIDGET (fixture->editor), "step-row", steps);
  pilots = participant_rows (fixture, "pilots-list");

  type_text_row (editor_child (fixture, "notes-row"), "Point au COPIL");
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 5);
  gtk_text_buffer_place_cursor (buffer, &iter);

  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_ACTION, 2, "title", "Une autre", &error));
  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_ACTION, 2, "echeance", "2024", &error));
  g_assert_no_error (error);

  collect_named (editor_child (fixture, "history-list"), "history-row", after);
  g_assert_cmpuint (after->len, ==, 2);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (g_ptr_array_index (after, i) == g_ptr_array_index (history, i));
  g_ptr_array_set_size (after, 0);
  collect_named (GTK_WIDGET (fixture->editor), "step-row", after);
  g_assert_cmpuint (after->len, ==, steps->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (g_ptr_array_index (after, i) == g_ptr_array_index (steps, i));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = participant_rows (fixture, "pilots-list");
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_true (g_ptr_array_index (after, 0) == g_ptr_array_index (pilots, 0));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, 5);

  /* This action's own commit tells its history */
  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_ACTION, ACTION_ID, "code", "FA 1.1 bis", &error));
  g_ptr_array_set_size (history, 0);
  collect_named (editor_child (fixture, "history-list"), "history-row", history);
  g_assert_cmpuint (history->len, ==, 3);
}

/* Undo and redo of a pilot change, from the window: the list follows */
static void
test_pilots_undo_redo (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  apply_entry (editor_child (fixture, "pilots-add-row"), "RPE");
  apply_entry (editor_child (fixture, "pilots-add-row"), "PMI");
  rows = participant_rows (fixture, "pilots-list");
  g_assert_cmpuint (rows->len, ==, 2);
  click (ctg_test_find_named (g_ptr_array_index (rows, 0), "participant-remove-button"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = participant_rows (fixture, "pilots-list");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "PMI");
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->toasts, 0), ==, "Pilot removed");

  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = participant_rows (fixture, "pilots-list");
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "RPE");

  g_assert_true (ctg_document_redo (fixture->document, &error));
  g_assert_no_error (error);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = participant_rows (fixture, "pilots-list");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "PMI");

  /* Adding the same pilots again is no removal */
  set_pilots (fixture, "PMI", NULL);
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
}

/* A step row follows its live item by itself, as the indicator rows do */
static void
test_step_follows_item (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = step_id (fixture, 0);
  GtkWidget *lone = g_object_ref_sink (ctg_step_row_new (fixture->document, id));

  ctg_ordered_row_update (CTG_ORDERED_ROW (lone), 0, 1, TRUE, TRUE);
  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_STEP, id, "text", "Écrire la charte", &error));
  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_STEP, id, "done", "1", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (lone)), ==, "Écrire la charte");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ctg_test_find_named (lone, "step-text-row"))), ==, "Écrire la charte");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (ctg_test_find_named (lone, "step-done-check"))));

  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (ctg_test_find_named (lone, "step-done-check"))));
  g_object_unref (lone);
}

int
main (int   argc,
      char *argv[])
{
  ctg_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/action-editor/no-action", test_no_action);
  ADD ("/action-editor/shows-action", test_shows_action);
  ADD ("/action-editor/edit-title", test_edit_title);
  ADD ("/action-editor/echeance", test_echeance);
  ADD ("/action-editor/echeance-before-start", test_echeance_before_start);
  ADD ("/action-editor/outside-period", test_outside_period);
  ADD ("/action-editor/pilots", test_pilots);
  ADD ("/action-editor/pilot-refused", test_pilot_refused);
  ADD ("/action-editor/pilot-completion", test_pilot_completion);
  ADD ("/action-editor/steps", test_steps);
  ADD ("/action-editor/step-row-actions", test_step_row_actions);
  ADD ("/action-editor/indicators", test_indicators);
  ADD ("/action-editor/indicator-follows-item", test_indicator_follows_item);
  ADD ("/action-editor/status-progress-notes", test_status_progress_notes);
  ADD ("/action-editor/keeps-pending-edit", test_keeps_pending_edit);
  ADD ("/action-editor/deleted", test_deleted);
  ADD ("/action-editor/history", test_history);
  g_test_add_func ("/action-editor/read-only", test_read_only);
  ADD ("/action-editor/accessible", test_accessible);
  ADD ("/action-editor/evaluation-fields", test_evaluation_fields);
  ADD ("/action-editor/progress-after-undo", test_progress_after_undo);
  ADD ("/action-editor/progress-steps-from-dash", test_progress_steps_from_dash);
  ADD ("/action-editor/refused-message-goes", test_refused_message_goes);
  ADD ("/action-editor/live-fields", test_live_fields);
  ADD ("/action-editor/other-action-untouched", test_other_action_untouched);
  ADD ("/action-editor/pilots-undo-redo", test_pilots_undo_redo);
  ADD ("/action-editor/step-follows-item", test_step_follows_item);

  return g_test_run ();
}
