/* ctg-window-actions.c: the window's commands (win.*) and when
 *   they are enabled
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-window"

#include "config.h"

#include <malloc.h>

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "ctg-action-editor.h"
#include "ctg-action-filter.h"
#include "ctg-action-row.h"
#include "ctg-convention-page.h"
#include "ctg-dashboard.h"
#include "ctg-editor-util.h"
#include "ctg-evaluation-page.h"
#include "ctg-export-dialog.h"
#include "ctg-sheet-choosers.h"
#include "ctg-file-watch.h"
#include "ctg-merge-dialog.h"
#include "ctg-timeline.h"
#include "ctg-print.h"
#include "ctg-window-private.h"

void
_ctg_window_update_actions (CtgWindow *self)
{
  gboolean has_doc = self->document != NULL;
  gboolean writable = has_doc && !ctg_document_is_read_only (self->document);
  gboolean on_action = has_doc && g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "action") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", writable && ctg_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toast-undo", writable && ctg_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", writable && ctg_document_can_redo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-sheet", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-updates", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-axis", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-action", writable && self->axis_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-axis", writable && self->axis_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-axis", writable && self->axis_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-axis-up", writable && self->axis_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-axis-down", writable && self->axis_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-action", writable && on_action);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-objective", writable && self->axis_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-objective", writable && on_action);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-objective", writable && on_action);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-action-up", writable && on_action);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-action-down", writable && on_action);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-action-to", writable && on_action);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back",
                                 on_action || adw_leaflet_get_folded (self->leaflet) ||
                                 (has_doc && self->axis_id == 0 && self->listing));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-actions", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf-for-meeting", has_doc);
}

/* File choosers */

static void
on_open_chosen_cb (GFile          *file,
                   GtkFileChooser *chooser,
                   CtgWindow      *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL)
    ctg_application_open_file (CTG_APPLICATION (app), file);
  else
    ctg_window_load (self, file);
}

static void
add_ctg_filter (GtkFileChooser *chooser)
{
  _ctg_file_chooser_add_filter (chooser, _("Conventions"), "application/x-ctg", "ctg");
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkFileChooser *chooser;

  chooser = _ctg_file_chooser_new (GTK_WINDOW (widget), _("Open a Convention"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                   _("_Open"), (CtgFileChosenFunc) on_open_chosen_cb, widget);
  add_ctg_filter (chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const char * const standard_themes[] = {
  N_("Petite enfance"),
  N_("Enfance et jeunesse"),
  N_("Parentalité"),
  N_("Animation de la vie sociale"),
  N_("Accès aux droits et inclusion numérique"),
  N_("Logement et cadre de vie"),
};

static void
on_new_chosen_cb (GFile          *file,
                  GtkFileChooser *chooser,
                  CtgWindow      *self)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgDocument) document = NULL;
  CtgWindow *target = self;
  gboolean standard = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "standard"));

  /* The chooser already asked before replacing an existing file */
  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_unlink (path) != 0)
    {
      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno), "%s", g_strerror (errno));
      _ctg_window_show_error (self, _("Could Not Create the Convention"), error);
      return;
    }

  document = ctg_document_create (path, &error);
  /* A group that cannot begin (the disk, a lock) is said like any error,
   * and the axes stop at the first that fails */
  if (document != NULL && standard &&
      ctg_document_begin_group (document, N_("Standard thématiques"), &error))
    {
      for (guint i = 0; error == NULL && i < G_N_ELEMENTS (standard_themes); i++)
        ctg_document_add_item (document, CTG_ITEM_AXIS, 0, _(standard_themes[i]), &error);
      if (error == NULL)
        ctg_document_end_group (document, &error);
      else
        ctg_document_cancel_group (document);
    }

  if (document == NULL || error != NULL)
    _ctg_window_show_error (self, _("Could Not Create the Convention"), error);
  else
    {
      if (self->document != NULL)
        target = ctg_window_new (CTG_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
      _ctg_window_set_document (target, document, file);
      gtk_window_present (GTK_WINDOW (target));
    }
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GtkFileChooser *chooser;

  chooser = _ctg_file_chooser_new (GTK_WINDOW (widget), _("New Convention"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                   _("_Create"), (CtgFileChosenFunc) on_new_chosen_cb, widget);
  gtk_file_chooser_set_current_name (chooser, _("Convention.ctg"));
  add_ctg_filter (chooser);
  g_object_set_data (G_OBJECT (chooser), "standard",
                     GINT_TO_POINTER (g_str_equal (action_name, "win.new-standard")));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_save_as_chosen_cb (GFile          *file,
                      GtkFileChooser *chooser,
                      CtgWindow      *self)
{
  if (self->document != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (!ctg_document_save_copy (self->document, path, &error))
        _ctg_window_show_error (self, _("Could Not Save the Copy"), error);
      else if (!ctg_document_check_file (self->document))
        {
          /* The file was lost: go on editing the copy */
          ctg_window_load (self, file);
        }
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Copy saved as “%s”"), name);
          _ctg_window_show_toast (self, message);
        }
    }
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  chooser = _ctg_file_chooser_new (GTK_WINDOW (self), _("Save a Copy"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                   _("_Save"), (CtgFileChosenFunc) on_save_as_chosen_cb, self);
  name = g_file_get_basename (self->file);
  gtk_file_chooser_set_current_name (chooser, name);
  add_ctg_filter (chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_merge_chosen_cb (GFile          *file,
                    GtkFileChooser *chooser,
                    CtgWindow      *self)
{
  if (self->document != NULL)
    ctg_merge_dialog_open_file (self, file);
}

/* Another copy of this convention: its changes come in through a review */
static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GtkFileChooser *chooser;

  chooser = _ctg_file_chooser_new (GTK_WINDOW (widget), _("Merge a Copy"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                   _("_Merge"), (CtgFileChosenFunc) on_merge_chosen_cb, widget);
  add_ctg_filter (chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Editing */

static char *
describe_last_edit (CtgWindow *self)
{
  g_autoptr(GPtrArray) changes = ctg_document_list_undo_changes (self->document);
  g_autoptr(GPtrArray) texts = ctg_change_text_describe (self->document, changes);

  if (texts->len == 0)
    return ctg_document_dup_undo_label (self->document);
  return ctg_change_text_dup_summary (self->document, g_ptr_array_index (texts, texts->len - 1));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  gboolean undo = !g_str_equal (action_name, "win.redo");
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;

  /* The Undo of a toast: that toast closes once clicked, so what was
   * undone is said in a new one, not by rewording it */
  if (g_str_equal (action_name, "win.toast-undo"))
    self->history_toast = NULL;

  /* The toast says what was undone ("échéance of “…”"), not just "Edit":
   * an undone edit is described before it goes, a redone one after */
  if (undo)
    label = describe_last_edit (self);
  if (!(undo ? ctg_document_undo (self->document, &error) : ctg_document_redo (self->document, &error)))
    {
      _ctg_window_show_toast (self, error->message);
      return;
    }
  if (!undo)
    label = describe_last_edit (self);

  {
    /* Translators: shown after Undo, as in "Undone: Change pilots" */
    g_autofree char *message = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"), label);
    _ctg_window_show_history_toast (self, message);
  }
}

/* The objective of the action shown */
static gint64
shown_objective (CtgWindow *self)
{
  g_autoptr(CtgItem) action = ctg_document_get_item (self->document, CTG_ITEM_ACTION, self->action_id);

  return action != NULL ? ctg_item_get_parent_id (action) : 0;
}

static gint64
last_objective (CtgWindow *self,
                gint64     axis)
{
  g_autoptr(GArray) objectives = ctg_document_list_ids (self->document, CTG_ITEM_OBJECTIVE, axis);

  if (self->action_id != 0)
    return shown_objective (self);
  return objectives->len > 0 ? g_array_index (objectives, gint64, objectives->len - 1) : 0;
}

static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 objective, action;

  if (!ctg_document_begin_group (self->document, N_("Add action"), &error))
    goto failed;
  objective = last_objective (self, self->axis_id);
  if (objective == 0)
    objective = ctg_document_add_objective (self->document, self->axis_id, 0, 0, "", &error);
  action = objective ? ctg_document_add_item (self->document, CTG_ITEM_ACTION, objective, _("New action"), &error) : 0;
  if (action == 0)
    {
      ctg_document_cancel_group (self->document);
      goto failed;
    }
  if (!ctg_document_end_group (self->document, &error))
    goto failed;

  _ctg_window_show_action (self, action);
  return;

failed:
  _ctg_window_show_error (self, _("Could Not Add the Action"), error);
}

/* Deletes an item, or shows why it could not under @error_title.
 * Returns: (nullable): the title it had, for the undo toast; %NULL if it
 *   is still there */
static char *
delete_item (CtgWindow   *self,
             CtgItemKind  kind,
             gint64       id,
             const char  *error_title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = ctg_document_dup_title (self->document, kind, id);

  if (!ctg_document_delete (self->document, kind, id, &error))
    {
      _ctg_window_show_error (self, error_title, error);
      return NULL;
    }
  return title != NULL ? g_steal_pointer (&title) : g_strdup ("");
}

static void
delete_action_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  g_autofree char *title = delete_item (self, CTG_ITEM_ACTION, self->action_id, _("Could Not Delete the Action"));
  g_autofree char *message = NULL;

  if (title == NULL)
    return;
  message = g_strdup_printf (_("“%s” deleted"), title);
  _ctg_window_show_undo_toast (self, message);
  _ctg_window_show_axis (self, self->axis_id);
}

static void
add_axis_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 axis = ctg_document_add_item (self->document, CTG_ITEM_AXIS, 0, _("New axis"), &error);

  if (axis == 0)
    _ctg_window_show_error (self, _("Could Not Add the Axis"), error);
  else
    {
      g_autofree char *page = _ctg_window_axis_page (axis);

      _ctg_window_rebuild_sidebar (self);
      _ctg_window_set_page (self, page);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.rename-axis", NULL);
    }
}

static void
on_rename_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CtgWindow        *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  CtgItemKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "kind"));
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "rename") != 0 || self->document == NULL)
    return;
  if (!ctg_document_set (self->document, kind, id, "title", gtk_editable_get_text (entry), &error))
    _ctg_window_show_error (self, _("Could Not Rename"), error);
  else if (self->action_id == 0)
    _ctg_window_show_axis (self, self->axis_id);
}

/* Asks for the title of an axis or an objective */
static void
ask_title (CtgWindow   *self,
           const char  *heading,
           CtgItemKind  kind,
           gint64       id)
{
  g_autofree char *title = ctg_document_dup_title (self->document, kind, id);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), title ? title : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  g_object_set_data (G_OBJECT (dialog), "kind", GUINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (dialog), "id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect (dialog, "response", G_CALLBACK (on_rename_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_axis_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);

  ask_title (self, _("Rename Axis"), CTG_ITEM_AXIS, self->axis_id);
}


static void
add_objective_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 objective;

  /* An objective shows in the list through its actions: give it a first one */
  if (!ctg_document_begin_group (self->document, N_("Add objective"), &error))
    goto failed;
  objective = ctg_document_add_objective (self->document, self->axis_id, 0, 0, _("New objective"), &error);
  if (objective == 0 || ctg_document_add_item (self->document, CTG_ITEM_ACTION, objective, _("New action"), &error) == 0)
    {
      ctg_document_cancel_group (self->document);
      goto failed;
    }
  if (!ctg_document_end_group (self->document, &error))
    goto failed;
  ask_title (self, _("Name the Objective"), CTG_ITEM_OBJECTIVE, objective);
  return;

failed:
  _ctg_window_show_error (self, _("Could Not Add the Objective"), error);
}

static void
rename_objective_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);

  ask_title (self, _("Rename Objective"), CTG_ITEM_OBJECTIVE, shown_objective (self));
}

static void
delete_objective_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  g_autofree char *title = delete_item (self, CTG_ITEM_OBJECTIVE, shown_objective (self),
                                        _("Could Not Delete the Objective"));
  g_autofree char *message = NULL;

  if (title == NULL)
    return;
  message = g_strdup_printf (_("Objective “%s” and its actions deleted"), title);
  _ctg_window_show_undo_toast (self, message);
}

static void
move_action_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  g_autoptr(GArray) siblings = ctg_document_list_ids (self->document, CTG_ITEM_ACTION, shown_objective (self));
  g_autoptr(GError) error = NULL;
  gboolean up = g_str_equal (action_name, "win.move-action-up");
  guint index = 0;

  for (guint i = 0; i < siblings->len; i++)
    if (g_array_index (siblings, gint64, i) == self->action_id)
      index = i;
  if ((up && index == 0) || (!up && index + 1 >= siblings->len))
    return;
  if (!ctg_document_move (self->document, CTG_ITEM_ACTION, self->action_id, up ? index - 1 : index + 1, &error))
    _ctg_window_show_error (self, _("Could Not Move the Action"), error);
}

static void
on_move_to_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        CtgWindow        *self)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GArray *objectives = g_object_get_data (G_OBJECT (dialog), "objectives");
  guint selected = gtk_drop_down_get_selected (drop_down);
  g_autoptr(GError) error = NULL;
  gint64 objective;

  if (g_strcmp0 (response, "move") != 0 || self->document == NULL || selected >= objectives->len)
    return;
  objective = g_array_index (objectives, gint64, selected);
  if (!ctg_document_move_action (self->document, self->action_id, objective, &error))
    _ctg_window_show_error (self, _("Could Not Move the Action"), error);
  else
    {
      g_autofree char *page = NULL;

      g_autoptr(CtgItem) item = ctg_document_get_item (self->document, CTG_ITEM_OBJECTIVE, objective);

      self->axis_id = item != NULL ? ctg_item_get_parent_id (item) : 0;
      page = _ctg_window_axis_page (self->axis_id);
      _ctg_window_set_page_state (self, page);
      _ctg_window_rebuild_sidebar (self);
      _ctg_window_show_action (self, self->action_id);
    }
}

static void
move_action_to_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  g_autoptr(GListModel) axes = ctg_document_list_items (self->document, CTG_ITEM_AXIS, 0);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *objectives = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 current = shown_objective (self);
  guint selected = 0;
  GtkWidget *dialog;
  GtkWidget *drop_down;

  for (guint a = 0; a < g_list_model_get_n_items (axes); a++)
    {
      g_autoptr(CtgItem) axis = g_list_model_get_item (axes, a);
      const char *axis_title = ctg_item_get_title (axis);
      g_autoptr(GListModel) objs = ctg_document_list_items (self->document, CTG_ITEM_OBJECTIVE, ctg_item_get_id (axis));

      for (guint o = 0; o < g_list_model_get_n_items (objs); o++)
        {
          g_autoptr(CtgItem) objective = g_list_model_get_item (objs, o);
          gint64 id = ctg_item_get_id (objective);
          const char *title = ctg_item_get_title (objective);
          g_autofree char *label = g_strdup_printf ("%u. %s › %s", a + 1, axis_title ? axis_title : "",
                                                    title && title[0] ? title : _("(no objective)"));

          if (id == current)
            selected = objectives->len;
          g_array_append_val (objectives, id);
          gtk_string_list_append (names, label);
        }
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Move the Action"),
                                   _("Choose the objective the action belongs to."));
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Objective"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), drop_down);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "move", _("_Move"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "objectives", objectives, (GDestroyNotify) g_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_move_to_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_axis_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  g_autofree char *title = delete_item (self, CTG_ITEM_AXIS, self->axis_id, _("Could Not Delete the Axis"));
  g_autofree char *message = NULL;

  if (title == NULL)
    return;
  message = g_strdup_printf (_("Axis “%s” deleted"), title);
  _ctg_window_show_undo_toast (self, message);
}

static void
move_axis_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  g_autoptr(GArray) axes = ctg_document_list_ids (self->document, CTG_ITEM_AXIS, 0);
  g_autoptr(GError) error = NULL;
  gboolean up = g_str_equal (action_name, "win.move-axis-up");
  guint index = 0;

  for (guint i = 0; i < axes->len; i++)
    if (g_array_index (axes, gint64, i) == self->axis_id)
      index = i;
  if ((up && index == 0) || (!up && index + 1 >= axes->len))
    return;
  if (!ctg_document_move (self->document, CTG_ITEM_AXIS, self->axis_id, up ? index - 1 : index + 1, &error))
    _ctg_window_show_error (self, _("Could Not Move the Axis"), error);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "action") == 0)
    {
      self->action_id = 0;
      _ctg_window_show_content (self, "actions");
      _ctg_window_show_axis (self, self->axis_id);
      if (_ctg_window_filters_active (self))
        _ctg_window_refresh_list (self);
    }
  else if (self->axis_id == 0 && self->listing)
    {
      /* Back from a dashboard figure's list to the dashboard, where the
       * search bar has nothing to search */
      _ctg_window_clear_filters (self);
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      _ctg_window_refresh_list (self);
      _ctg_window_show_axis (self, 0);
    }
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  _ctg_window_update_actions (self);
}

static void
on_report_exported_cb (CtgExportDialog *dialog,
                       const char      *path,
                       CtgWindow       *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (_("COPIL report exported"));

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Spreadsheets: see ctg-update-dialog.c */
static void
sheet_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);

  ctg_sheet_activate (GTK_WINDOW (self), self->document, action_name);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);

  /* The meeting chosen to compare with (win.drift-since), as the export
   * dialog's */
  ctg_print_report (GTK_WINDOW (self), self->document, self->drift_since);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  CtgExportDialog *dialog = ctg_export_dialog_new (self);

  /* A meeting chosen to compare with (win.drift-since): the report's
   * changes and drift are since then */
  if (self->drift_since != NULL && self->drift_since[0] != '\0')
    ctg_export_dialog_set_dates (dialog, NULL, self->drift_since);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_report_exported_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* From the dashboard: the report for the next meeting, with the changes
 * since the previous one */
static void
export_pdf_for_meeting_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  CtgExportDialog *dialog = ctg_export_dialog_new (self);
  const char *meeting, *since;

  g_variant_get (parameter, "(&s&s)", &meeting, &since);
  ctg_export_dialog_set_dates (dialog, meeting, since);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_report_exported_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static guint
find_string (GtkStringList *list,
             const char    *wanted)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autofree char *key = wanted ? ctg_text_fold (wanted) : NULL;

  /* "communes" finds the pilot "Communes": one pilot, whatever the case */
  for (guint i = 1; key != NULL && i < n; i++)
    {
      g_autofree char *folded = ctg_text_fold (gtk_string_list_get_string (list, i));

      if (g_str_equal (folded, key))
        return i;
    }
  return 0;
}

/* win.show-actions: the list of actions behind a figure of the dashboard.
 * The parameter holds the filters: "axis" (x, 0 for every axis), "status"
 * (s, a status key), "pilot" (s), "year" (u), "overdue" and "soon" (b). */
static void
show_actions_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  gint64 axis = 0;
  const char *status_key = NULL, *pilot = NULL;
  guint32 year = 0;
  gboolean overdue = FALSE, soon = FALSE;
  CtgStatus status;

  g_variant_lookup (parameter, "axis", "x", &axis);
  g_variant_lookup (parameter, "status", "&s", &status_key);
  g_variant_lookup (parameter, "pilot", "&s", &pilot);
  g_variant_lookup (parameter, "year", "u", &year);
  g_variant_lookup (parameter, "overdue", "b", &overdue);
  g_variant_lookup (parameter, "soon", "b", &soon);

  if (self->axis_id != 0)
    _ctg_window_set_page (self, "dashboard");

  _ctg_window_clear_filters (self);
  if (self->choices_stale)
    {
      self->choices_stale = FALSE;
      _ctg_window_update_filter_choices (self);
    }
  self->applying_filters = TRUE;
  self->listing = TRUE;
  self->filter_axis = axis;
  self->action_id = 0;
  if (status_key != NULL && ctg_status_from_key (status_key, &status))
    _ctg_window_filter_select (self, self->status_filter, status + 1);
  _ctg_window_filter_select (self, self->pilot_filter, find_string (self->pilot_names, pilot));
  if (year != 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", year);
      _ctg_window_filter_select (self, self->year_filter, find_string (self->years, text));
    }
  gtk_toggle_button_set_active (self->overdue_filter, overdue);
  gtk_toggle_button_set_active (self->soon_filter, soon);
  self->applying_filters = FALSE;

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  _ctg_window_show_content (self, "actions");
  _ctg_window_refresh_list (self);
  _ctg_window_follow_shown_item (self, CTG_ITEM_CONVENTION, 0);
  _ctg_window_update_list_subtitle (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  _ctg_window_update_actions (self);
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* win.show-help-overlay. Not the help overlay GtkApplicationWindow loads by
 * itself from gtk/help-overlay.ui: that one is built with every window,
 * about a megabyte of widgets few people open. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/ctgplanner/CtgPlanner/ui/ctg-shortcuts-window.ui");
      GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

      /* A shortcut named by its action shows keys only in the help overlay
       * GtkApplicationWindow builds itself: write the application's
       * accelerators in, so the first page is not blank */
      for (GSList *l = objects; app != NULL && l != NULL; l = l->next)
        {
          g_autofree char *action = NULL;
          g_auto(GStrv) accels = NULL;
          g_autofree char *joined = NULL;

          if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
            continue;
          g_object_get (l->data, "action-name", &action, NULL);
          if (action == NULL)
            continue;
          accels = gtk_application_get_accels_for_action (app, action);
          joined = g_strjoinv (" ", accels);
          if (joined[0] != '\0')
            g_object_set (l->data, "accelerator", joined, NULL);
        }

      gtk_window_set_transient_for (shortcuts, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (shortcuts, TRUE);
      g_set_weak_pointer (&self->shortcuts_window, GTK_WIDGET (shortcuts));
    }
  gtk_window_present (GTK_WINDOW (self->shortcuts_window));
}

void
_ctg_window_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.new-standard", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.import-plan", NULL, sheet_action);
  gtk_widget_class_install_action (widget_class, "win.export-sheet", NULL, sheet_action);
  gtk_widget_class_install_action (widget_class, "win.import-updates", NULL, sheet_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.show-actions", "a{sv}", show_actions_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf-for-meeting", "(ss)", export_pdf_for_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.toast-undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.add-action", NULL, add_action_action);
  gtk_widget_class_install_action (widget_class, "win.delete-action", NULL, delete_action_action);
  gtk_widget_class_install_action (widget_class, "win.add-axis", NULL, add_axis_action);
  gtk_widget_class_install_action (widget_class, "win.rename-axis", NULL, rename_axis_action);
  gtk_widget_class_install_action (widget_class, "win.delete-axis", NULL, delete_axis_action);
  gtk_widget_class_install_action (widget_class, "win.move-axis-up", NULL, move_axis_action);
  gtk_widget_class_install_action (widget_class, "win.move-axis-down", NULL, move_axis_action);
  gtk_widget_class_install_action (widget_class, "win.add-objective", NULL, add_objective_action);
  gtk_widget_class_install_action (widget_class, "win.rename-objective", NULL, rename_objective_action);
  gtk_widget_class_install_action (widget_class, "win.delete-objective", NULL, delete_objective_action);
  gtk_widget_class_install_action (widget_class, "win.move-action-up", NULL, move_action_action);
  gtk_widget_class_install_action (widget_class, "win.move-action-down", NULL, move_action_action);
  gtk_widget_class_install_action (widget_class, "win.move-action-to", NULL, move_action_to_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
}
