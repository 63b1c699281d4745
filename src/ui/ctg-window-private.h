/* ctg-window-private.h: the window's state, shared by its parts
 * (ctg-window.c, -actions.c, -sidebar.c, -list.c), and what the UI tests
 * reach into
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-action-editor.h"
#include "ctg-action-filter.h"
#include "ctg-convention-page.h"
#include "ctg-dashboard.h"
#include "ctg-evaluation-page.h"
#include "ctg-file-watch.h"
#include "ctg-timeline.h"
#include "ctg-window.h"

G_BEGIN_DECLS

struct _CtgWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkListBox           *recent_list;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *sidebar_title;
  GtkListBox           *sidebar;
  AdwWindowTitle       *content_title;
  GtkButton            *back_button;
  GtkRevealer          *read_only_revealer;
  GtkLabel             *read_only_label;
  GtkButton            *detached_save_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *status_filter;
  GtkToggleButton      *overdue_filter;
  GtkToggleButton      *soon_filter;
  GtkDropDown          *pilot_filter;
  GtkDropDown          *year_filter;
  GtkStack             *content_stack;
  GtkBox               *overview_bin;
  GtkListView          *actions_view;
  GtkBox               *editor_bin;
  AdwBin               *dashboard_bin;
  AdwBin               *evaluation_bin;
  AdwStatusPage        *no_results_page;
  AdwStatusPage        *welcome_status_page;
  CtgConventionPage    *convention_page;
  CtgActionEditor      *action_editor;
  CtgDashboard         *dashboard;
  CtgEvaluationPage    *evaluation_page;
  CtgTimeline          *timeline;
  GtkScrolledWindow    *timeline_scroller;
  GtkToggleButton      *zoom_years;
  GtkToggleButton      *zoom_quarters;
  GtkToggleButton      *zoom_months;
  GtkBox               *timeline_legend;
  GtkMenuButton        *drift_button;
  GtkWidget            *undo_button;

  /* Owned references */
  GFile                *file;
  CtgDocument          *document;
  CtgItem              *convention;    /* live: its title names the window */
  CtgItem              *shown_item;    /* live: the axis or action shown, naming the page */
  guint                 poll_id;       /* looks whether another process wrote */
  CtgFileWatch         *file_watch;
  GListModel           *all;           /* every action, loaded once per change */
  GHashTable           *by_axis;       /* axis id -> GListModel of its actions in all */
  GListStore           *source;        /* the actions of the axis, or all of them */
  GtkFilterListModel   *filtered;
  CtgActionFilter      *filter;
  GHashTable           *bound_items;   /* the GtkListItems bound, to refresh their headings */
  GHashTable           *search_text;   /* action id -> folded text to search */
  gboolean              search_stale;  /* search_text is built when first searched */
  GtkStringList        *statuses;
  gboolean              choices_stale; /* pilot_names and years, updated when the filters show */
  GtkStringList        *pilot_names;
  GtkStringList        *years;
  GtkWidget            *error_dialog;
  AdwToast             *history_toast; /* the toast of the last edit, undo or redo, until dismissed */
  gint64                history_toast_added; /* g_get_monotonic_time() when it was shown */
  GtkWidget            *shortcuts_window;
  GtkMenuButton        *welcome_menu_button;
  GtkMenuButton        *sidebar_menu_button;
  GtkMenuButton        *axis_menu_button;
  GMenuModel           *primary_menu;
  GMenuModel           *axis_menu;
  GDate                *today;
  char                 *page;          /* win.show-page's state */
  char                 *drift_since;   /* win.drift-since's state: a meeting's day, "" for the last COPIL */
  gint64                drift_meeting; /* the meeting of that day chosen, followed when re-dated */

  /* State */
  gint64                axis_id;       /* the axis shown, 0 for a convention page */
  gint64                filter_axis;   /* the filters keep to this axis, from its dashboard */
  gint64                action_id;     /* the action shown in the editor */
  gboolean              searching;
  gboolean              listing;       /* a figure of the dashboard asked for its actions */
  gboolean              applying_filters;
};

/* The convention-level pages, above the axes in the sidebar. Each is a page
 * of the content stack with the same name, shown by win.show-page. */
typedef struct
{
  const char *name;
  const char *title;
  const char *icon;
} CtgPageInfo;

/* What the commit changed in the list: nothing listed, one action's own
 * data (its id), or anything else (0); see _ctg_window_edited_action() */
#define NOTHING_LISTED (-1)

/* For the tests */
GtkListBox  *_ctg_window_get_sidebar       (CtgWindow  *self);
GtkListView *_ctg_window_get_actions_view  (CtgWindow  *self);
GListModel  *_ctg_window_get_shown_actions (CtgWindow  *self);
GtkEditable *_ctg_window_get_search_entry  (CtgWindow  *self);
const char  *_ctg_window_get_visible_page  (CtgWindow  *self);
GtkWidget   *_ctg_window_get_action_editor (CtgWindow  *self);
void         _ctg_window_show_action       (CtgWindow  *self,
                                            gint64      action_id);
GtkWidget   *_ctg_window_get_error_dialog  (CtgWindow  *self);
CtgTimeline *_ctg_window_get_timeline      (CtgWindow  *self);
CtgDashboard *_ctg_window_get_dashboard    (CtgWindow  *self);

/* ctg-window-actions.c */
void              _ctg_window_actions_class_init     (GtkWidgetClass *widget_class);
void              _ctg_window_update_actions         (CtgWindow *self);

/* ctg-window-list.c */
void              _ctg_window_clear_filters          (CtgWindow *self);
gint64            _ctg_window_edited_action          (CtgChangeSet *changes);
void              _ctg_window_filter_select          (CtgWindow   *self,
                                                      GtkDropDown *filter,
                                                      guint        position);
gboolean          _ctg_window_filters_active         (CtgWindow *self);
void              _ctg_window_list_class_init        (GtkWidgetClass *widget_class);
void              _ctg_window_list_init              (CtgWindow *self);
void              _ctg_window_refresh_list           (CtgWindow *self);
void              _ctg_window_update_list_subtitle   (CtgWindow *self);
void              _ctg_window_reload_actions         (CtgWindow *self);
gboolean          _ctg_window_update_edited_action   (CtgWindow    *self,
                                                      gint64        action_id,
                                                      CtgChangeSet *changes);
gboolean          _ctg_window_update_filter_choices  (CtgWindow *self);

/* ctg-window-sidebar.c */
char             *_ctg_window_axis_page              (gint64 axis_id);
const CtgPageInfo *_ctg_window_find_convention_page  (const char *name);
gint64            _ctg_window_page_axis              (const char *page);
void              _ctg_window_rebuild_sidebar        (CtgWindow *self);
void              _ctg_window_select_page_row        (CtgWindow *self);
void              _ctg_window_sidebar_class_init     (GtkWidgetClass *widget_class);
void              _ctg_window_update_sidebar_figures (CtgWindow  *self,
                                                      GHashTable *axes);

/* ctg-window.c */
void              _ctg_window_follow_shown_item      (CtgWindow   *self,
                                                      CtgItemKind  kind,
                                                      gint64       id);
void              _ctg_window_set_document           (CtgWindow   *self,
                                                      CtgDocument *document,
                                                      GFile       *file);
gboolean          _ctg_window_set_page               (CtgWindow  *self,
                                                      const char *page);
void              _ctg_window_set_page_state         (CtgWindow  *self,
                                                      const char *page);
void              _ctg_window_show_axis              (CtgWindow *self,
                                                      gint64     axis_id);
void              _ctg_window_show_content           (CtgWindow  *self,
                                                      const char *name);
void              _ctg_window_show_error             (CtgWindow    *self,
                                                      const char   *heading,
                                                      const GError *error);
void              _ctg_window_show_page_title        (CtgWindow  *self);
void              _ctg_window_show_toast             (CtgWindow  *self,
                                                      const char *message);
void              _ctg_window_show_undo_toast        (CtgWindow  *self,
                                                      const char *message);
void              _ctg_window_show_history_toast     (CtgWindow  *self,
                                                      const char *message);
void              _ctg_window_follow_toasts          (CtgWindow  *self,
                                                      GtkWidget  *widget);

G_END_DECLS
