/* ctg-window.c
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
#include "ctg-editor-util.h"
#include "ctg-action-filter.h"
#include "ctg-action-row.h"
#include "ctg-convention-page.h"
#include "ctg-dashboard.h"
#include "ctg-drift-menu.h"
#include "ctg-evaluation-page.h"
#include "ctg-export-dialog.h"
#include "ctg-file-watch.h"
#include "ctg-merge-dialog.h"
#include "ctg-timeline.h"
#include "ctg-window-private.h"

G_DEFINE_FINAL_TYPE (CtgWindow, ctg_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_DRIFT_SINCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void on_editor_toast_cb (GtkWidget  *editor,
                                const char *message,
                                CtgWindow  *self);

/* Helpers */

/* AdwToastOverlay 1.2 has no getter: the tests read it here */
static void
remember_toast (CtgWindow *self,
                AdwToast  *toast)
{
  g_object_set_data_full (G_OBJECT (self), "ctg-last-toast", g_strdup (adw_toast_get_title (toast)), g_free);
}

static void
add_toast (CtgWindow *self,
           AdwToast  *toast)
{
  remember_toast (self, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_ctg_window_show_toast (CtgWindow  *self,
                        const char *message)
{
  add_toast (self, adw_toast_new (message));
}

static void
on_history_toast_dismissed_cb (AdwToast  *toast,
                               CtgWindow *self)
{
  if (self->history_toast == toast)
    self->history_toast = NULL;
}

/* An edit's, an undo's or a redo's toast takes the place of the last of
 * them at once. AdwToastOverlay queues a toast of normal priority behind
 * the one shown: "Redone" waited unseen behind "Undone", and an edit's
 * Undo button stayed on screen once its step was undone.
 *
 * libadwaita 1.2 frees a toast dismissed during its show animation (300 ms)
 * while the animation still runs, so a toast that has only just come is
 * reworded. Past that it is replaced: a reworded toast keeps the timeout it
 * started with, and a third undo in a row was read for a second at most. */
#define TOAST_SHOW_ANIMATION_US (600 * G_TIME_SPAN_MILLISECOND)

static void
show_history_toast (CtgWindow  *self,
                    const char *message,
                    gboolean    with_undo)
{
  AdwToast *toast = self->history_toast;
  gint64 now = g_get_monotonic_time ();
  gboolean fresh;

  if (toast != NULL && now - self->history_toast_added >= TOAST_SHOW_ANIMATION_US)
    {
      /* Its "dismissed" handler forgets it */
      adw_toast_dismiss (toast);
      toast = NULL;
    }

  fresh = toast == NULL;
  if (fresh)
    {
      toast = adw_toast_new (message);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      self->history_toast = toast;
      self->history_toast_added = now;
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_history_toast_dismissed_cb), self, 0);
    }
  else
    adw_toast_set_title (toast, message);
  adw_toast_set_button_label (toast, with_undo ? _("_Undo") : NULL);
  adw_toast_set_action_name (toast, with_undo ? "win.toast-undo" : NULL);
  if (fresh)
    add_toast (self, toast);
  else
    remember_toast (self, toast);
}

void
_ctg_window_show_undo_toast (CtgWindow  *self,
                             const char *message)
{
  show_history_toast (self, message, TRUE);
}

/* What an undo or a redo did, "Undone: échéance of “…”" */
void
_ctg_window_show_history_toast (CtgWindow  *self,
                                const char *message)
{
  show_history_toast (self, message, FALSE);
}

/**
 * _ctg_window_follow_toasts:
 * @widget: a widget with a "toast" signal (_ctg_toast_signal_new())
 *
 * Shows @widget's toasts, each with Undo: they follow an edit.
 */
void
_ctg_window_follow_toasts (CtgWindow *self,
                           GtkWidget *widget)
{
  g_signal_connect_object (widget, "toast", G_CALLBACK (on_editor_toast_cb), self, 0);
}

void
_ctg_window_show_error (CtgWindow    *self,
                        const char   *heading,
                        const GError *error)
{
  g_set_weak_pointer (&self->error_dialog, _ctg_message_dialog_show (GTK_WINDOW (self), heading, error->message));
}

void
_ctg_window_set_page_state (CtgWindow  *self,
                            const char *page)
{
  if (g_strcmp0 (self->page, page) == 0)
    return;
  g_free (self->page);
  self->page = g_strdup (page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* The meeting the timeline's outlines and the dashboard's drift compare
 * with (ctg-drift-menu.c) */
static void
set_drift_since (CtgWindow  *self,
                 const char *since)
{
  if (since == NULL)
    since = "";
  self->drift_meeting = _ctg_drift_since_find_meeting (self->document, since);
  if (g_strcmp0 (self->drift_since, since) == 0)
    return;
  g_free (self->drift_since);
  self->drift_since = g_strdup (since);
  ctg_timeline_set_drift_since (self->timeline, since);
  if (self->dashboard != NULL)
    ctg_dashboard_set_drift_since (self->dashboard, since);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRIFT_SINCE]);
}

/* The meeting chosen to compare with stays chosen when it is re-dated (on
 * the meetings page, by an undo): the comparison moves to its new day.
 * Gone, the comparison goes back to the last COPIL, unless another
 * meeting was held that day. */
static void
follow_drift_meeting (CtgWindow *self)
{
  gint64 chosen = self->drift_meeting;
  g_autofree char *day = NULL;

  if (self->drift_since == NULL || self->drift_since[0] == '\0' || chosen == 0)
    return;
  day = _ctg_drift_since_meeting_day (self->document, chosen);
  if (day != NULL)
    {
      set_drift_since (self, day);
      self->drift_meeting = chosen;
    }
  else if (_ctg_drift_since_find_meeting (self->document, self->drift_since) == 0)
    set_drift_since (self, "");
  else
    self->drift_meeting = _ctg_drift_since_find_meeting (self->document, self->drift_since);
}

static void
fill_drift_menu (GtkMenuButton *button,
                 gpointer       user_data)
{
  CtgWindow *self = user_data;

  _ctg_drift_menu_button_fill (button, self->document);
}

/* Pages
 *
 * The dashboard, the Évaluation page and the action editor are made the
 * first time they are shown: the window opens on the overview, and building
 * and styling pages nobody looks at yet would slow every start. */

static CtgActionEditor *
ensure_action_editor (CtgWindow *self)
{
  if (self->action_editor == NULL)
    {
      self->action_editor = CTG_ACTION_EDITOR (ctg_action_editor_new ());
      gtk_widget_set_vexpand (GTK_WIDGET (self->action_editor), TRUE);
      gtk_box_append (self->editor_bin, GTK_WIDGET (self->action_editor));
      _ctg_window_follow_toasts (self, GTK_WIDGET (self->action_editor));
      if (self->document != NULL)
        ctg_action_editor_set_document (self->action_editor, self->document);
    }
  return self->action_editor;
}

static CtgDashboard *
ensure_dashboard (CtgWindow *self)
{
  if (self->dashboard == NULL)
    {
      self->dashboard = CTG_DASHBOARD (ctg_dashboard_new ());
      adw_bin_set_child (self->dashboard_bin, GTK_WIDGET (self->dashboard));
      ctg_dashboard_set_drift_since (self->dashboard, self->drift_since);
      if (self->document != NULL)
        ctg_dashboard_set_document (self->dashboard, self->document);
    }
  return self->dashboard;
}

static CtgEvaluationPage *
ensure_evaluation_page (CtgWindow *self)
{
  if (self->evaluation_page == NULL)
    {
      self->evaluation_page = CTG_EVALUATION_PAGE (ctg_evaluation_page_new ());
      adw_bin_set_child (self->evaluation_bin, GTK_WIDGET (self->evaluation_page));
      if (self->document != NULL)
        ctg_evaluation_page_set_document (self->evaluation_page, self->document);
    }
  return self->evaluation_page;
}

/* Every change of the page shown goes through here */
void
_ctg_window_show_content (CtgWindow  *self,
                          const char *name)
{
  if (g_str_equal (name, "dashboard"))
    ensure_dashboard (self);
  else if (g_str_equal (name, "evaluation"))
    ensure_evaluation_page (self);
  else if (g_str_equal (name, "action"))
    ensure_action_editor (self);
  else if (g_str_equal (name, "no-results"))
    /* Set here, not in the template: at this size the icon is an SVG to
     * render, not worth doing at every start for a page seldom shown */
    adw_status_page_set_icon_name (self->no_results_page, "edit-find-symbolic");
  gtk_stack_set_visible_child_name (self->content_stack, name);
}

/* The axis or the action shown names the page, and again whenever it is
 * renamed, whoever renamed it (an undo, another window) */
static void
on_shown_item_title_cb (CtgWindow *self)
{
  const char *title = ctg_item_get_title (self->shown_item);

  /* Results keep saying they are results, an action opened from them
   * being named by its own; the axis is named again when the search ends
   * (_ctg_window_show_page_title) */
  if (self->searching && ctg_item_get_kind (self->shown_item) != CTG_ITEM_ACTION)
    return;
  adw_window_title_set_title (self->content_title, title ? title : "");
}

/**
 * _ctg_window_show_page_title:
 *
 * Names the page shown when no search is: the action or the axis shown
 * (and as it is renamed), else the convention's page under the
 * convention's title.
 */
void
_ctg_window_show_page_title (CtgWindow *self)
{
  const char *convention_title = self->convention ? ctg_item_get_title (self->convention) : NULL;
  const CtgPageInfo *info;

  if (self->shown_item != NULL)
    {
      const char *title = ctg_item_get_title (self->shown_item);

      adw_window_title_set_title (self->content_title, title ? title : "");
      adw_window_title_set_subtitle (self->content_title, "");
      return;
    }
  info = _ctg_window_find_convention_page (self->page);
  if (info == NULL)
    info = _ctg_window_find_convention_page ("overview");
  adw_window_title_set_title (self->content_title, self->listing ? _("Actions") : g_dpgettext2 (GETTEXT_PACKAGE, "page", info->title));
  adw_window_title_set_subtitle (self->content_title, convention_title ? convention_title : "");
}

/* @kind's item @id names the page; the convention (or no item) leaves the
 * title to the caller */
void
_ctg_window_follow_shown_item (CtgWindow   *self,
                               CtgItemKind  kind,
                               gint64       id)
{
  if (self->shown_item != NULL)
    g_signal_handlers_disconnect_by_data (self->shown_item, self);
  g_clear_object (&self->shown_item);
  if (kind == CTG_ITEM_CONVENTION || id == 0 || self->document == NULL)
    return;
  self->shown_item = ctg_document_get_item (self->document, kind, id);
  if (self->shown_item == NULL)
    return;
  g_signal_connect_swapped (self->shown_item, "notify::title", G_CALLBACK (on_shown_item_title_cb), self);
  on_shown_item_title_cb (self);
}

void
_ctg_window_show_axis (CtgWindow *self,
                       gint64     axis_id)
{
  self->axis_id = axis_id;
  self->action_id = 0;

  _ctg_window_follow_shown_item (self, axis_id == 0 ? CTG_ITEM_CONVENTION : CTG_ITEM_AXIS, axis_id);
  _ctg_window_show_page_title (self);
  if (axis_id == 0)
    {
      const CtgPageInfo *info = _ctg_window_find_convention_page (self->page);

      if (info == NULL)
        info = _ctg_window_find_convention_page ("overview");
      if (!_ctg_window_filters_active (self))
        _ctg_window_show_content (self, info->name);
    }
  else
    _ctg_window_show_content (self, "actions");

  g_clear_object (&self->source);
  _ctg_window_refresh_list (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  _ctg_window_update_actions (self);
}

void
_ctg_window_show_action (CtgWindow *self,
                         gint64     action_id)
{
  self->action_id = action_id;
  ctg_action_editor_set_action (ensure_action_editor (self), action_id);

  _ctg_window_follow_shown_item (self, CTG_ITEM_ACTION, action_id);
  _ctg_window_show_content (self, "action");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  _ctg_window_update_actions (self);
}

gboolean
_ctg_window_set_page (CtgWindow  *self,
                      const char *page)
{
  gint64 axis = _ctg_window_page_axis (page);

  if (axis < 0 || (axis > 0 && (self->document == NULL ||
                                !ctg_document_has_item (self->document, CTG_ITEM_AXIS, axis))))
    {
      g_debug ("No page “%s”", page);
      return FALSE;
    }

  /* A dashboard's filtered list ends with the page it came from */
  if (self->listing)
    {
      _ctg_window_clear_filters (self);
      g_clear_object (&self->source);
    }
  self->filter_axis = 0;
  _ctg_window_set_page_state (self, page);
  if (self->document == NULL)
    return TRUE;
  _ctg_window_select_page_row (self);
  _ctg_window_show_axis (self, axis);
  return TRUE;
}

static void
on_timeline_action_activated_cb (CtgTimeline *timeline,
                                 gint64       action_id,
                                 CtgWindow   *self)
{
  _ctg_window_show_action (self, action_id);
}

static void
on_timeline_edit_failed_cb (CtgTimeline *timeline,
                            const char  *message,
                            CtgWindow   *self)
{
  g_autoptr(GError) error = g_error_new_literal (CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED, message);

  _ctg_window_show_error (self, _("Could Not Change the Dates"), error);
}

static void
on_timeline_zoom_cb (CtgWindow *self)
{
  GtkToggleButton *buttons[] = { self->zoom_years, self->zoom_quarters, self->zoom_months };

  gtk_toggle_button_set_active (buttons[ctg_timeline_get_zoom (self->timeline)], TRUE);
}

static void
on_zoom_toggled_cb (CtgWindow *self)
{
  if (gtk_toggle_button_get_active (self->zoom_years))
    ctg_timeline_set_zoom (self->timeline, CTG_TIMELINE_ZOOM_YEARS);
  else if (gtk_toggle_button_get_active (self->zoom_quarters))
    ctg_timeline_set_zoom (self->timeline, CTG_TIMELINE_ZOOM_QUARTERS);
  else if (gtk_toggle_button_get_active (self->zoom_months))
    ctg_timeline_set_zoom (self->timeline, CTG_TIMELINE_ZOOM_MONTHS);
}

static void
on_today_clicked_cb (CtgWindow *self)
{
  ctg_timeline_scroll_to_today (self->timeline);
}

static void
on_document_committed_cb (CtgDocument  *document,
                          CtgChangeSet *changes,
                          CtgWindow    *self)
{
  gint64 edited = _ctg_window_edited_action (changes);

  if (edited == NOTHING_LISTED)
    ;
  else if (edited <= 0 || !_ctg_window_update_edited_action (self, edited, changes))
    {
      /* One read of every action per change, shared by the sidebar's
       * roll-ups, the search index and the list */
      g_autoptr(GListModel) all = ctg_document_list_actions (document, 0);

      g_set_object (&self->all, all);
      _ctg_window_rebuild_sidebar (self);
      _ctg_window_reload_actions (self);
    }

  if (ctg_change_set_touches_kind (changes, CTG_ITEM_MEETING))
    follow_drift_meeting (self);
  if (self->action_id != 0 && !ctg_document_has_item (document, CTG_ITEM_ACTION, self->action_id))
    _ctg_window_show_axis (self, self->axis_id);
  _ctg_window_update_actions (self);
}

static void
on_editor_toast_cb (GtkWidget  *editor,
                    const char *message,
                    CtgWindow  *self)
{
  _ctg_window_show_undo_toast (self, message);
}

static void
on_leaflet_folded_cb (CtgWindow *self)
{
  /* Folded to one pane, down to 360 px: the header bar keeps room for the
   * title; Undo stays on Ctrl+Z and in the toasts */
  gtk_widget_set_visible (self->undo_button, !adw_leaflet_get_folded (self->leaflet));
  _ctg_window_update_actions (self);
}

/* The convention's title names the window, the sidebar and the pages of
 * the whole convention, as soon as it changes */
static void
on_convention_title_cb (CtgWindow *self)
{
  const char *title = ctg_item_get_title (self->convention);
  g_autofree char *basename = g_file_get_basename (self->file);
  gboolean titled = title != NULL && title[0] != '\0';

  adw_window_title_set_title (self->sidebar_title, titled ? title : _("Untitled convention"));
  adw_window_title_set_subtitle (self->sidebar_title, basename);
  gtk_window_set_title (GTK_WINDOW (self), titled ? title : basename);
  if (self->axis_id == 0 && self->action_id == 0 && !self->searching)
    adw_window_title_set_subtitle (self->content_title, title ? title : "");
}

/* Another program, or another window on the file opened read-only, may
 * write to it: the document is asked now and then, and when the window
 * gets the focus back (one PRAGMA), and then says what changed as for an
 * edit made here */
#define POLL_SECONDS 1

static gboolean
poll_document_cb (gpointer data)
{
  CtgWindow *self = data;

  if (self->document != NULL)
    ctg_document_poll (self->document);
  return G_SOURCE_CONTINUE;
}

static void
on_active_changed_cb (CtgWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)) && self->document != NULL)
    ctg_document_poll (self->document);
}

/* Opening */

static gboolean
remember_recent_cb (gpointer uri)
{
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  return G_SOURCE_REMOVE;
}

/* The file was replaced or deleted under the window: the document writes
 * nothing more; what it holds is saved elsewhere with Save As */
static void
on_file_lost_cb (CtgFileWatch *watch,
                 CtgWindow    *self)
{
  gtk_label_set_label (self->read_only_label, ctg_document_get_read_only_reason (self->document));
  gtk_widget_set_visible (GTK_WIDGET (self->detached_save_button), TRUE);
  gtk_revealer_set_reveal_child (self->read_only_revealer, TRUE);
  _ctg_window_show_toast (self, _("The file was moved, replaced or deleted: save the convention elsewhere"));
}

void
_ctg_window_set_document (CtgWindow   *self,
                          CtgDocument *document,
                          GFile       *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->convention != NULL)
    g_signal_handlers_disconnect_by_data (self->convention, self);
  g_set_object (&self->document, document);
  g_set_object (&self->file, file);
  g_signal_connect (document, "committed", G_CALLBACK (on_document_committed_cb), self);
  g_clear_object (&self->file_watch);
  self->file_watch = ctg_file_watch_new (document);
  g_signal_connect (self->file_watch, "lost", G_CALLBACK (on_file_lost_cb), self);
  gtk_widget_set_visible (GTK_WIDGET (self->detached_save_button), FALSE);
  /* A stray journal kept aside: say so, the file is as last saved */
  if (ctg_document_get_notice (document) != NULL)
    _ctg_message_dialog_show (GTK_WINDOW (self), _("A Stray Journal Was Kept Aside"),
                              ctg_document_get_notice (document));

  /* The list of recent files is read and written after the window shows */
  g_idle_add_full (G_PRIORITY_LOW, remember_recent_cb, g_steal_pointer (&uri), g_free);

  if (self->poll_id == 0)
    self->poll_id = g_timeout_add_seconds (POLL_SECONDS, poll_document_cb, self);

  g_clear_object (&self->convention);
  self->convention = ctg_document_get_item (document, CTG_ITEM_CONVENTION, 1);
  g_signal_connect_swapped (self->convention, "notify::title", G_CALLBACK (on_convention_title_cb), self);
  on_convention_title_cb (self);

  gtk_revealer_set_reveal_child (self->read_only_revealer, ctg_document_is_read_only (document));
  if (ctg_document_is_read_only (document))
    gtk_label_set_label (self->read_only_label, ctg_document_get_read_only_reason (document));

  ctg_convention_page_set_document (self->convention_page, document);
  if (self->action_editor != NULL)
    ctg_action_editor_set_document (self->action_editor, document);
  if (self->dashboard != NULL)
    ctg_dashboard_set_document (self->dashboard, document);
  if (self->evaluation_page != NULL)
    ctg_evaluation_page_set_document (self->evaluation_page, document);
  ctg_timeline_set_document (self->timeline, document);
  /* Another file: its own meetings */
  set_drift_since (self, "");

  self->axis_id = 0;
  self->listing = FALSE;
  self->filter_axis = 0;
  _ctg_window_set_page_state (self, "overview");
  gtk_stack_set_visible_child_name (self->main_stack, "document");
  g_clear_object (&self->all);
  self->all = ctg_document_list_actions (document, 0);
  _ctg_window_rebuild_sidebar (self);
  _ctg_window_reload_actions (self);
  _ctg_window_show_axis (self, 0);
}

static void
on_open_read_only_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               CtgWindow        *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgDocument) document = NULL;
  g_autofree char *path = NULL;

  if (g_strcmp0 (response, "read-only") != 0)
    return;
  path = g_file_get_path (file);
  document = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);
  if (document == NULL)
    _ctg_window_show_error (self, _("Could Not Open the Convention"), error);
  else
    _ctg_window_set_document (self, document, file);
}

/**
 * ctg_window_load:
 *
 * Opens @file in this window. Problems (not a convention, damaged, from a
 * newer version, already open elsewhere) are explained in a dialog.
 *
 * Returns: whether the convention is now shown
 */
gboolean
ctg_window_load (CtgWindow *self,
                 GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgDocument) document = NULL;
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (CTG_IS_WINDOW (self), FALSE);

  if (path == NULL)
    {
      g_set_error_literal (&error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NOT_FOUND,
                           _("Only files on this computer can be opened."));
      _ctg_window_show_error (self, _("Could Not Open the Convention"), error);
      return FALSE;
    }

  document = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  if (document == NULL)
    {
      if (g_error_matches (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_ALREADY_OPEN))
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Convention Already Open"), error->message);

          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                            "cancel", _("_Cancel"),
                                            "read-only", _("Open _Read-Only"),
                                            NULL);
          adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "read-only");
          g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
          g_signal_connect (dialog, "response", G_CALLBACK (on_open_read_only_response_cb), self);
          g_set_weak_pointer (&self->error_dialog, dialog);
          gtk_window_present (GTK_WINDOW (dialog));
        }
      else
        _ctg_window_show_error (self, _("Could Not Open the Convention"), error);
      return FALSE;
    }

  _ctg_window_set_document (self, document, file);
  /* Reading and checking a large convention leaves megabytes of freed
   * heap (SQLite's pages, the transient lists): give them back */
  malloc_trim (0);
  return TRUE;
}

static void
on_recent_row_activated_cb (GtkListBox    *box,
                            GtkListBoxRow *row,
                            CtgWindow     *self)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  ctg_window_load (self, file);
}

static void
fill_recent (CtgWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint shown = 0;

  _ctg_list_box_remove_all (self->recent_list);

  for (GList *l = items; l && shown < 8; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      GtkWidget *row;

      if (!g_str_has_suffix (uri, ".ctg") || !gtk_recent_info_exists (info))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
      {
        g_autoptr(GFile) file = g_file_new_for_uri (uri);
        g_autoptr(GFile) parent = g_file_get_parent (file);
        g_autofree char *where = parent ? g_file_get_parse_name (parent) : NULL;
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where ? where : "");
      }
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), shown > 0);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* A menu's popover is built when it first opens: the three menus of the
 * window are some 160 widgets that most starts never show */
static void
build_menu_on_popup (GtkMenuButton *button,
                     gpointer       user_data)
{
  CtgWindow *self = CTG_WINDOW (user_data);

  gtk_menu_button_set_menu_model (button, button == self->axis_menu_button ? self->axis_menu : self->primary_menu);
  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
}

/* Read when shown, not when made: a window opened on a file never shows it,
 * and one that comes back to it shows the files opened since. The large
 * application icon too is drawn only for a welcome page that shows. */
static void
on_welcome_map_cb (CtgWindow *self)
{
  adw_status_page_set_icon_name (self->welcome_status_page, APP_ID);
  fill_recent (self);
}

/* What the colours and faded ends of the timeline mean */
static void
fill_legend (CtgWindow *self)
{
  for (guint i = 0; i <= CTG_N_STATUSES; i++)
    {
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      g_autofree char *style = i < CTG_N_STATUSES ? g_strdup_printf ("status-%s", ctg_status_to_key ((CtgStatus) i))
                                                  : g_strdup ("status-overdue");

      gtk_box_append (GTK_BOX (item), _ctg_status_dot_new (style));
      gtk_box_append (GTK_BOX (item), gtk_label_new (i < CTG_N_STATUSES ? ctg_status_to_label ((CtgStatus) i)
                                                                        : _("Overdue")));
      gtk_box_append (self->timeline_legend, item);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->timeline_legend),
                               _("A faded end: a date known to the year or the month only. "
                                 "A dark end: a date known to the day."));
}

/* GObject */

static void
ctg_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CtgWindow *self = CTG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_string (value, self->page);
      break;
    case PROP_DRIFT_SINCE:
      g_value_set_string (value, self->drift_since);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ctg_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CtgWindow *self = CTG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      _ctg_window_set_page (self, g_value_get_string (value));
      break;
    case PROP_DRIFT_SINCE:
      set_drift_since (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
ctg_window_close_request (GtkWindow *window)
{
  CtgWindow *self = CTG_WINDOW (window);
  GtkApplication *app = gtk_window_get_application (window);
  GSettings *settings = app ? ctg_application_get_settings (CTG_APPLICATION (app)) : NULL;

  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set (settings, "window-size", "(ii)", width, height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }

  /* Nothing to save: every edit is already in the file */
  if (self->document != NULL)
    ctg_document_close (self->document);

  return GTK_WINDOW_CLASS (ctg_window_parent_class)->close_request (window);
}

static void
ctg_window_dispose (GObject *object)
{
  CtgWindow *self = CTG_WINDOW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->convention != NULL)
    g_signal_handlers_disconnect_by_data (self->convention, self);
  _ctg_window_follow_shown_item (self, CTG_ITEM_CONVENTION, 0);
  g_clear_handle_id (&self->poll_id, g_source_remove);

  if (self->shortcuts_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->shortcuts_window));
  gtk_widget_dispose_template (GTK_WIDGET (self), CTG_TYPE_WINDOW);

  g_clear_object (&self->convention);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->file_watch);
  g_clear_object (&self->source);
  g_clear_object (&self->all);
  g_clear_pointer (&self->by_axis, g_hash_table_unref);
  g_clear_object (&self->filtered);
  g_clear_object (&self->statuses);
  g_clear_object (&self->pilot_names);
  g_clear_object (&self->years);
  g_clear_pointer (&self->search_text, g_hash_table_unref);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);
  g_clear_pointer (&self->today, g_date_free);
  g_clear_pointer (&self->page, g_free);
  g_clear_pointer (&self->drift_since, g_free);
  g_clear_weak_pointer (&self->error_dialog);
  self->history_toast = NULL;

  G_OBJECT_CLASS (ctg_window_parent_class)->dispose (object);
}

static void
ctg_window_class_init (CtgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ctg_window_dispose;
  object_class->get_property = ctg_window_get_property;
  object_class->set_property = ctg_window_set_property;
  window_class->close_request = ctg_window_close_request;

  /**
   * CtgWindow:page:
   *
   * The page shown: "dashboard", "timeline", "overview", "evaluation", or "axis:<id>"
   * for the actions of an axis. The state of win.show-page.
   */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, "overview",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CtgWindow:drift-since:
   *
   * The meeting the timeline's outlines and the dashboard's drift compare
   * with: its day (ISO), or "" for the last COPIL before today. The state
   * of win.drift-since.
   */
  properties[PROP_DRIFT_SINCE] =
    g_param_spec_string ("drift-since", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ctgplanner/CtgPlanner/ui/ctg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, detached_save_button);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, status_filter);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, overdue_filter);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, soon_filter);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, dashboard_bin);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, evaluation_bin);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, timeline_scroller);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, zoom_years);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, zoom_quarters);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, zoom_months);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, timeline_legend);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, drift_button);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, pilot_filter);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, year_filter);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, overview_bin);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, actions_view);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, editor_bin);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, welcome_status_page);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, welcome_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, axis_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CtgWindow, axis_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_welcome_map_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_action_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_edit_failed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_zoom_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked_cb);

  gtk_widget_class_install_property_action (widget_class, "win.show-page", "page");
  gtk_widget_class_install_property_action (widget_class, "win.drift-since", "drift-since");
  _ctg_window_actions_class_init (widget_class);
  _ctg_window_sidebar_class_init (widget_class);
  _ctg_window_list_class_init (widget_class);

  g_type_ensure (CTG_TYPE_ACTION_ROW);
  /* Made on first show, but known by name from the start */
  g_type_ensure (CTG_TYPE_DASHBOARD);
  g_type_ensure (CTG_TYPE_EVALUATION_PAGE);
  g_type_ensure (CTG_TYPE_TIMELINE);
}

static void
ctg_window_init (CtgWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->page = g_strdup ("overview");
  self->drift_since = g_strdup ("");
  gtk_menu_button_set_create_popup_func (self->drift_button, fill_drift_menu, self, NULL);
  g_signal_connect_swapped (self, "notify::is-active", G_CALLBACK (on_active_changed_cb), self);
  gtk_toggle_button_set_active (self->zoom_years, TRUE);
  fill_legend (self);

  self->today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                g_date_time_get_year (now));
  _ctg_window_list_init (self);

  self->convention_page = CTG_CONVENTION_PAGE (ctg_convention_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->convention_page), TRUE);
  gtk_box_append (self->overview_bin, GTK_WIDGET (self->convention_page));
  _ctg_window_follow_toasts (self, GTK_WIDGET (self->convention_page));

  gtk_menu_button_set_create_popup_func (self->welcome_menu_button, build_menu_on_popup, self, NULL);
  gtk_menu_button_set_create_popup_func (self->sidebar_menu_button, build_menu_on_popup, self, NULL);
  gtk_menu_button_set_create_popup_func (self->axis_menu_button, build_menu_on_popup, self, NULL);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  _ctg_window_update_actions (self);
}

CtgWindow *
ctg_window_new (CtgApplication *application)
{
  CtgWindow *self = g_object_new (CTG_TYPE_WINDOW, "application", application, NULL);
  GSettings *settings = application ? ctg_application_get_settings (application) : NULL;

  if (settings != NULL)
    {
      int width, height;

      g_settings_get (settings, "window-size", "(ii)", &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  return self;
}

GFile *
ctg_window_get_file (CtgWindow *self)
{
  g_return_val_if_fail (CTG_IS_WINDOW (self), NULL);

  return self->file;
}

CtgDocument *
ctg_window_get_document (CtgWindow *self)
{
  g_return_val_if_fail (CTG_IS_WINDOW (self), NULL);

  return self->document;
}

/* For the tests */

GtkListBox *
_ctg_window_get_sidebar (CtgWindow *self)
{
  return self->sidebar;
}

GtkListView *
_ctg_window_get_actions_view (CtgWindow *self)
{
  return self->actions_view;
}

GListModel *
_ctg_window_get_shown_actions (CtgWindow *self)
{
  return G_LIST_MODEL (self->filtered);
}

GtkEditable *
_ctg_window_get_search_entry (CtgWindow *self)
{
  return GTK_EDITABLE (self->search_entry);
}

const char *
_ctg_window_get_visible_page (CtgWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "document") != 0)
    return "welcome";
  return gtk_stack_get_visible_child_name (self->content_stack);
}

GtkWidget *
_ctg_window_get_action_editor (CtgWindow *self)
{
  return GTK_WIDGET (ensure_action_editor (self));
}

CtgTimeline *
_ctg_window_get_timeline (CtgWindow *self)
{
  return self->timeline;
}

CtgDashboard *
_ctg_window_get_dashboard (CtgWindow *self)
{
  return ensure_dashboard (self);
}

GtkWidget *
_ctg_window_get_error_dialog (CtgWindow *self)
{
  return self->error_dialog;
}
