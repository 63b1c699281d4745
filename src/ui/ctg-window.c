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
#include "ctg-action-filter.h"
#include "ctg-action-row.h"
#include "ctg-convention-page.h"
#include "ctg-dashboard.h"
#include "ctg-evaluation-page.h"
#include "ctg-export-dialog.h"
#include "ctg-update-dialog.h"
#include "ctg-file-watch.h"
#include "ctg-merge-dialog.h"
#include "ctg-timeline.h"
#include "ctg-print.h"
#include "ctg-window-private.h"

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
  GtkWidget            *undo_button;

  /* Owned references */
  GFile                *file;
  CtgDocument          *document;
  CtgItem              *convention;    /* live: its title names the window */
  guint                 poll_id;       /* looks whether another process wrote */
  CtgFileWatch         *file_watch;
  GListModel           *all;           /* every action, loaded once per change */
  GHashTable           *by_axis;       /* axis id -> GListStore of its actions in all */
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
  GtkWidget            *shortcuts_window;
  GtkMenuButton        *welcome_menu_button;
  GtkMenuButton        *sidebar_menu_button;
  GtkMenuButton        *axis_menu_button;
  GMenuModel           *primary_menu;
  GMenuModel           *axis_menu;
  GDate                *today;
  char                 *page;          /* win.show-page's state */

  /* State */
  gint64                axis_id;       /* the axis shown, 0 for a convention page */
  gint64                filter_axis;   /* the filters keep to this axis, from its dashboard */
  gint64                action_id;     /* the action shown in the editor */
  gboolean              searching;
  gboolean              listing;       /* a figure of the dashboard asked for its actions */
  gboolean              applying_filters;
};

G_DEFINE_FINAL_TYPE (CtgWindow, ctg_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The convention-level pages, above the axes in the sidebar. Each is a page
 * of the content stack with the same name, shown by win.show-page. */
typedef struct
{
  const char *name;
  const char *title;
  const char *icon;
} CtgPageInfo;

static const CtgPageInfo convention_pages[] = {
  { "dashboard", NC_("page", "Dashboard"), "view-grid-symbolic" },
  { "timeline", NC_("page", "Timeline"), "x-office-calendar-symbolic" },
  { "overview", NC_("page", "Overview"), "document-properties-symbolic" },
  { "evaluation", NC_("page", "Evaluation"), "emblem-ok-symbolic" },
};

static const CtgPageInfo *
find_convention_page (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (convention_pages); i++)
    if (g_strcmp0 (convention_pages[i].name, name) == 0)
      return &convention_pages[i];
  return NULL;
}

static void show_axis (CtgWindow *self, gint64 axis_id);
static void on_filters_changed_cb (CtgWindow *self);

/* Helpers */

static void
show_toast (CtgWindow  *self,
            const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  /* AdwToastOverlay 1.2 has no getter: the tests read it here */
  g_object_set_data_full (G_OBJECT (self), "ctg-last-toast", g_strdup (message), g_free);
}

static void
show_undo_toast (CtgWindow  *self,
                 const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (CtgWindow    *self,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_set_weak_pointer (&self->error_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
fold_action (CtgAction *action)
{
  g_autofree char *pilots = ctg_action_dup_pilots_text (action);
  g_autofree char *text = g_strjoin (" ", ctg_action_get_code (action), ctg_action_get_title (action),
                                     ctg_action_get_description (action), pilots, NULL);

  return ctg_text_fold (text);
}

static void
update_actions (CtgWindow *self)
{
  gboolean has_doc = self->document != NULL;
  gboolean writable = has_doc && !ctg_document_is_read_only (self->document);
  gboolean on_action = has_doc && g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "action") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", writable && ctg_document_can_undo (self->document));
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

/* The sidebar */

static GtkWidget *
make_sidebar_row (const char *title,
                  const char *subtitle,
                  double      fraction,
                  const char *page,
                  const char *icon)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *outer = box;
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *accessible = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);

  if (subtitle != NULL)
    {
      GtkWidget *caption = gtk_label_new (subtitle);
      GtkWidget *bar = gtk_progress_bar_new ();

      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_box_append (GTK_BOX (box), caption);
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), fraction);
      gtk_box_append (GTK_BOX (box), bar);
      /* For update_sidebar_figures() */
      g_object_set_data (G_OBJECT (row), "caption", caption);
      g_object_set_data (G_OBJECT (row), "bar", bar);
      g_object_set_data_full (G_OBJECT (row), "title", g_strdup (title), g_free);
    }

  if (icon != NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (icon);

      outer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_widget_set_valign (image, subtitle ? GTK_ALIGN_START : GTK_ALIGN_CENTER);
      gtk_widget_set_hexpand (box, TRUE);
      gtk_box_append (GTK_BOX (outer), image);
      gtk_box_append (GTK_BOX (outer), box);
    }
  gtk_widget_set_margin_top (outer, 6);
  gtk_widget_set_margin_bottom (outer, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), outer);
  g_object_set_data_full (G_OBJECT (row), "page", g_strdup (page), g_free);

  accessible = subtitle ? g_strdup_printf ("%s, %s", title, subtitle) : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static const char *
row_page (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "page");
}

static char *
axis_page (gint64 axis_id)
{
  return g_strdup_printf ("axis:%" G_GINT64_FORMAT, axis_id);
}

/* The axis of an "axis:<id>" page, 0 for a convention page, -1 for no page */
static gint64
page_axis (const char *page)
{
  char *end = NULL;
  gint64 id;

  if (find_convention_page (page) != NULL)
    return 0;
  if (page == NULL || !g_str_has_prefix (page, "axis:"))
    return -1;
  id = g_ascii_strtoll (page + 5, &end, 10);
  return end != page + 5 && *end == '\0' && id > 0 ? id : -1;
}

static void
set_page_state (CtgWindow  *self,
                const char *page)
{
  if (g_strcmp0 (self->page, page) == 0)
    return;
  g_free (self->page);
  self->page = g_strdup (page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
select_page_row (CtgWindow *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar, i)) != NULL; i++)
    if (g_strcmp0 (row_page (row), self->page) == 0)
      break;
  g_signal_handlers_block_by_func (self->sidebar, NULL, self);
  gtk_list_box_select_row (self->sidebar, row);
  g_signal_handlers_unblock_by_func (self->sidebar, NULL, self);
}

/* "12 actions · 40 %", without a percentage while no progress is entered */
static char *
axis_subtitle (guint                     n,
               const CtgProgressSummary *summary)
{
  if (summary->counted == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action · %.0f %%", "%u actions · %.0f %%", n),
                          n, summary->average);
}

/* The actions of each axis (axis id -> GListStore), from the one list of
 * actions, for the roll-ups */
static GHashTable *
group_by_axis (GListModel *all)
{
  GHashTable *by_axis = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  guint n = g_list_model_get_n_items (all);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (all, i);
      gint64 axis = ctg_action_get_axis_id (action);
      GListStore *store = g_hash_table_lookup (by_axis, &axis);

      if (store == NULL)
        {
          store = g_list_store_new (CTG_TYPE_ACTION);
          g_hash_table_insert (by_axis, g_memdup2 (&axis, sizeof axis), store);
        }
      g_list_store_append (store, action);
    }
  return by_axis;
}

static void
set_row_figures (GtkListBoxRow *row,
                 const char    *subtitle,
                 double         fraction)
{
  GtkLabel *caption = g_object_get_data (G_OBJECT (row), "caption");
  GtkProgressBar *bar = g_object_get_data (G_OBJECT (row), "bar");
  g_autofree char *accessible = g_strdup_printf ("%s, %s", (const char *) g_object_get_data (G_OBJECT (row), "title"), subtitle);

  if (caption == NULL)
    return;
  gtk_label_set_label (caption, subtitle);
  if (gtk_progress_bar_get_fraction (bar) != fraction)
    gtk_progress_bar_set_fraction (bar, fraction);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* After an edit of actions of @axes (no axis added, removed or moved): the
 * rows stay; the convention's figures and those axes' change */
static void
update_sidebar_figures (CtgWindow  *self,
                        GHashTable *axes)
{
  GtkListBoxRow *row;
  CtgProgressSummary summary;
  guint n = g_list_model_get_n_items (self->all);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar, i)) != NULL; i++)
    {
      gint64 axis = page_axis (row_page (row));
      GListModel *actions = NULL;
      g_autofree char *subtitle = NULL;

      if (g_object_get_data (G_OBJECT (row), "caption") == NULL ||
          (axis > 0 && !g_hash_table_contains (axes, &axis)))
        continue;

      if (axis > 0 && (actions = g_hash_table_lookup (self->by_axis, &axis)) == NULL)
        continue;
      ctg_actions_summarize_progress (actions ? actions : self->all, &summary);
      subtitle = axis_subtitle (actions ? g_list_model_get_n_items (actions) : n, &summary);
      set_row_figures (row, subtitle, summary.average / 100);
    }
}

static void
rebuild_sidebar (CtgWindow *self)
{
  g_autoptr(GArray) axes = ctg_document_list_ids (self->document, CTG_ITEM_AXIS, 0);
  GListModel *all = self->all;
  GHashTable *by_axis;
  GtkWidget *child;
  GtkWidget *selected = NULL;
  CtgProgressSummary summary;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);

  /* Kept for the figures of one axis after an edit */
  g_clear_pointer (&self->by_axis, g_hash_table_unref);
  self->by_axis = by_axis = group_by_axis (all);
  n = g_list_model_get_n_items (all);

  ctg_actions_summarize_progress (all, &summary);
  for (guint i = 0; i < G_N_ELEMENTS (convention_pages); i++)
    {
      const CtgPageInfo *info = &convention_pages[i];
      /* The dashboard's row carries the convention's figures */
      gboolean figures = g_str_equal (info->name, "dashboard");
      g_autofree char *subtitle = figures ? axis_subtitle (n, &summary) : NULL;
      GtkWidget *row = make_sidebar_row (g_dpgettext2 (GETTEXT_PACKAGE, "page", info->title), subtitle, summary.average / 100, info->name, info->icon);

      gtk_list_box_append (self->sidebar, row);
      if (g_strcmp0 (self->page, info->name) == 0)
        selected = row;
    }

  for (guint i = 0; i < axes->len; i++)
    {
      gint64 axis = g_array_index (axes, gint64, i);
      GListModel *actions = g_hash_table_lookup (by_axis, &axis);
      g_autoptr(GListModel) none = actions ? NULL : G_LIST_MODEL (g_list_store_new (CTG_TYPE_ACTION));
      g_autofree char *title = ctg_document_dup_text (self->document, CTG_ITEM_AXIS, axis, "title");
      g_autofree char *numbered = g_strdup_printf ("%u. %s", i + 1, title);
      g_autofree char *subtitle = NULL;
      g_autofree char *page = axis_page (axis);
      GtkWidget *row;

      if (actions == NULL)
        actions = none;
      ctg_actions_summarize_progress (actions, &summary);
      n = g_list_model_get_n_items (actions);
      subtitle = axis_subtitle (n, &summary);
      row = make_sidebar_row (numbered, subtitle, summary.average / 100, page, NULL);
      gtk_list_box_append (self->sidebar, row);
      if (g_strcmp0 (self->page, page) == 0)
        selected = row;
    }

  /* The axis shown may have gone (deleted, undone) */
  if (selected == NULL)
    {
      self->axis_id = 0;
      set_page_state (self, "overview");
    }
  select_page_row (self);
}

static void show_content       (CtgWindow  *self,
                               const char *name);
static void on_editor_toast_cb (GtkWidget  *editor,
                               const char *message,
                               CtgWindow  *self);

/* The list of actions */

/* The filters' drop-downs get their choices when the search bar is first
 * shown: a drop-down makes a row widget for each choice of its model at
 * once, hundreds of pilots in a large convention, for a popover that most
 * sessions never open. Without a model nothing is chosen. */
static void
ensure_filter_models (CtgWindow *self)
{
  if (gtk_drop_down_get_model (self->status_filter) != NULL)
    return;
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (self->statuses));
  gtk_drop_down_set_model (self->pilot_filter, G_LIST_MODEL (self->pilot_names));
  gtk_drop_down_set_model (self->year_filter, G_LIST_MODEL (self->years));
}

static guint
filter_selected (GtkDropDown *filter)
{
  return gtk_drop_down_get_model (filter) != NULL ? gtk_drop_down_get_selected (filter) : 0;
}

static void
filter_select (CtgWindow   *self,
               GtkDropDown *filter,
               guint        position)
{
  if (position != 0 && position != GTK_INVALID_LIST_POSITION)
    ensure_filter_models (self);
  if (gtk_drop_down_get_model (filter) != NULL)
    gtk_drop_down_set_selected (filter, position);
}

static gboolean
filters_active (CtgWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return (text != NULL && text[0] != '\0') ||
         filter_selected (self->status_filter) > 0 ||
         filter_selected (self->pilot_filter) > 0 ||
         filter_selected (self->year_filter) > 0 ||
         gtk_toggle_button_get_active (self->overdue_filter) ||
         gtk_toggle_button_get_active (self->soon_filter) ||
         self->listing;
}

/* The filter says what the search bar's widgets say */
static void
sync_filter (CtgWindow *self)
{
  guint status = filter_selected (self->status_filter);
  guint pilot = filter_selected (self->pilot_filter);
  guint year = filter_selected (self->year_filter);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  ctg_action_filter_set_status (self->filter, status > 0 && status != GTK_INVALID_LIST_POSITION ? (int) status - 1 : -1);
  ctg_action_filter_set_pilot (self->filter, pilot > 0 && pilot != GTK_INVALID_LIST_POSITION
                                             ? gtk_string_list_get_string (self->pilot_names, pilot) : NULL);
  ctg_action_filter_set_year (self->filter, year > 0 && year != GTK_INVALID_LIST_POSITION
                                            ? (guint) atoi (gtk_string_list_get_string (self->years, year)) : 0);
  ctg_action_filter_set_axis (self->filter, self->filter_axis);
  ctg_action_filter_set_overdue (self->filter, gtk_toggle_button_get_active (self->overdue_filter));
  ctg_action_filter_set_soon (self->filter, gtk_toggle_button_get_active (self->soon_filter));
  ctg_action_filter_set_today (self->filter, self->today);
  ctg_action_filter_set_search (self->filter, query, self->search_text);
}

static void
on_action_row_setup_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  gtk_list_item_set_child (item, ctg_action_row_new ());
}

static void
on_action_row_bind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  CtgWindow *self = user_data;
  guint position = gtk_list_item_get_position (item);
  g_autoptr(CtgAction) previous = NULL;

  if (position > 0)
    previous = g_list_model_get_item (G_LIST_MODEL (self->filtered), position - 1);

  ctg_action_row_bind (CTG_ACTION_ROW (gtk_list_item_get_child (item)), self->document,
                       gtk_list_item_get_item (item), previous, self->searching, self->today);
  /* What the heading was decided from (the pointer only, never used) */
  g_object_set_data (G_OBJECT (item), "ctg-previous", previous);
  g_hash_table_add (self->bound_items, item);
}

static void
on_action_row_unbind_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  user_data)
{
  CtgWindow *self = user_data;

  ctg_action_row_unbind (CTG_ACTION_ROW (gtk_list_item_get_child (item)));
  if (self->bound_items != NULL)
    g_hash_table_remove (self->bound_items, item);
}

/* A row shows its objective's heading when the row above is of another
 * objective. When the filter hides or shows rows, the list view binds only
 * the rows that came: those now below another row are bound again here. */
static void
refresh_headings (CtgWindow *self)
{
  GHashTableIter iter;
  gpointer key;
  g_autoptr(GPtrArray) stale = g_ptr_array_new ();

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GtkListItem *item = key;
      guint position = gtk_list_item_get_position (item);
      g_autoptr(CtgAction) previous = NULL;

      if (position == GTK_INVALID_LIST_POSITION || gtk_list_item_get_item (item) == NULL)
        continue;
      if (position > 0)
        previous = g_list_model_get_item (G_LIST_MODEL (self->filtered), position - 1);
      if (previous != g_object_get_data (G_OBJECT (item), "ctg-previous"))
        g_ptr_array_add (stale, item);
    }
  for (guint i = 0; i < stale->len; i++)
    on_action_row_bind_cb (NULL, g_ptr_array_index (stale, i), self);
}

/* Folding the text of every action costs a tenth of a second at 10,000
 * actions: done on the first search after a change, not on every edit */
static void
ensure_search_index (CtgWindow *self)
{
  guint n = g_list_model_get_n_items (self->all);

  if (!self->search_stale)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (self->all, i);
      gint64 *id = g_new (gint64, 1);

      *id = ctg_action_get_id (action);
      g_hash_table_insert (self->search_text, id, fold_action (action));
    }
  self->search_stale = FALSE;
}

/* Rows show a heading where the objective changes, which depends on the row
 * above: after filtering, every row is bound again. */
static void
refresh_list (CtgWindow *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;
  gboolean searching = filters_active (self);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean new_source = FALSE;
  guint n;

  if (self->document == NULL)
    return;

  if (query != NULL && query[0] != '\0')
    ensure_search_index (self);

  if (searching != self->searching || self->source == NULL)
    {
      GListStore *actions = g_list_store_new (CTG_TYPE_ACTION);
      guint n_all = g_list_model_get_n_items (self->all);

      /* From the actions loaded at the last change, not the file again */
      self->searching = searching;
      for (guint i = 0; i < n_all; i++)
        {
          g_autoptr(CtgAction) action = g_list_model_get_item (self->all, i);

          if (searching || ctg_action_get_axis_id (action) == self->axis_id)
            g_list_store_append (actions, action);
        }
      g_clear_object (&self->source);
      self->source = actions;
      gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->source));
      new_source = TRUE;
    }

  sync_filter (self);
  ctg_action_filter_changed (self->filter);
  /* While the same actions are filtered, the same model: a new one makes
   * the list view create every row widget again. A new source (another
   * axis, a search starting) rebinds every row, which names the axis when
   * searching. */
  if (new_source || gtk_list_view_get_model (self->actions_view) == NULL)
    {
      selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered))));
      gtk_list_view_set_model (self->actions_view, selection);
    }
  refresh_headings (self);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "action") != 0 &&
      (self->axis_id != 0 || searching))
    show_content (self, n > 0 ? "actions" : "no-results");
}

/* Makes @list from @offset on hold @strings, replacing only the part that
 * differs: a drop-down whose selected item is replaced refilters the list */
static void
splice_strings (GtkStringList      *list,
                guint               offset,
                const char * const *strings)
{
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (list)) - offset;
  guint new_n = g_strv_length ((GStrv) strings);
  guint prefix = 0, suffix = 0;
  g_autoptr(GStrvBuilder) middle = g_strv_builder_new ();
  g_auto(GStrv) added = NULL;

  while (prefix < old_n && prefix < new_n &&
         g_str_equal (gtk_string_list_get_string (list, offset + prefix), strings[prefix]))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         g_str_equal (gtk_string_list_get_string (list, offset + old_n - 1 - suffix), strings[new_n - 1 - suffix]))
    suffix++;
  if (prefix == old_n && prefix == new_n)
    return;
  for (guint i = prefix; i < new_n - suffix; i++)
    g_strv_builder_add (middle, strings[i]);
  added = g_strv_builder_end (middle);
  gtk_string_list_splice (list, offset + prefix, old_n - prefix - suffix, (const char * const *) added);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  return strcmp (a, b);
}

static int
compare_uses (gconstpointer a,
              gconstpointer b,
              gpointer      uses)
{
  guint ua = GPOINTER_TO_UINT (g_hash_table_lookup (uses, *(const char * const *) a));
  guint ub = GPOINTER_TO_UINT (g_hash_table_lookup (uses, *(const char * const *) b));

  return ua > ub ? -1 : ua < ub;
}

/* The pilots and years the filters offer. Returns whether a filter's choice
 * is no longer offered (it is then reset). */
static gboolean
update_filter_choices (CtgWindow *self)
{
  GListModel *all = self->all;
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) pilots = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen_pilots = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GTree) years = g_tree_new_full (compare_strings, NULL, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint n = g_list_model_get_n_items (all);
  gboolean was_applying = self->applying_filters;
  gboolean reset;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (all, i);
      guint year = ctg_action_get_echeance (action)->year;
      GPtrArray *action_pilots = ctg_action_get_pilots (action);

      /* The pilots, not the partners: the filter is "Pilot" */
      for (guint p = 0; p < action_pilots->len; p++)
        {
          const char *name = ((CtgParticipant *) g_ptr_array_index (action_pilots, p))->name;

          gpointer key, uses;

          if (!g_hash_table_lookup_extended (seen_pilots, name, &key, &uses))
            {
              key = g_strdup (name);
              uses = NULL;
              g_ptr_array_add (pilots, key);
            }
          g_hash_table_insert (seen_pilots, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (uses) + 1));
        }

      if (year != 0 && !g_hash_table_contains (seen, GUINT_TO_POINTER (year)))
        {
          g_hash_table_add (seen, GUINT_TO_POINTER (year));
          g_tree_insert (years, g_strdup_printf ("%u", year), NULL);
        }
    }

  /* The most used spelling of a pilot is the one offered */
  g_ptr_array_sort_with_data (pilots, compare_uses, seen_pilots);
  g_ptr_array_add (pilots, NULL);
  names = ctg_participant_names_for_choice ((const char * const *) pilots->pdata);

  /* Keep the filters' choices where they still exist */
  {
    guint pilot = filter_selected (self->pilot_filter);
    guint year = filter_selected (self->year_filter);
    g_autofree char *pilot_name = pilot > 0 && pilot != GTK_INVALID_LIST_POSITION
                                  ? g_strdup (gtk_string_list_get_string (self->pilot_names, pilot)) : NULL;
    g_autofree char *year_name = year > 0 && year != GTK_INVALID_LIST_POSITION
                                 ? g_strdup (gtk_string_list_get_string (self->years, year)) : NULL;
    g_autoptr(GPtrArray) year_list = g_ptr_array_new_with_free_func (g_free);
    guint new_pilot = 0, new_year = 0;

    g_ptr_array_add (year_list, g_strdup (_("All échéances")));
    for (GTreeNode *t = g_tree_node_first (years); t; t = g_tree_node_next (t))
      g_ptr_array_add (year_list, g_strdup (g_tree_node_key (t)));
    g_ptr_array_add (year_list, NULL);

    /* The list is refreshed by the caller, once */
    self->applying_filters = TRUE;
    splice_strings (self->pilot_names, 1, (const char * const *) names);
    splice_strings (self->years, 0, (const char * const *) year_list->pdata);
    for (guint i = 0; pilot_name && names[i]; i++)
      if (g_str_equal (names[i], pilot_name))
        new_pilot = i + 1;
    for (guint i = 1; year_name && g_ptr_array_index (year_list, i); i++)
      if (g_str_equal (g_ptr_array_index (year_list, i), year_name))
        new_year = i;
    filter_select (self, self->pilot_filter, new_pilot);
    filter_select (self, self->year_filter, new_year);
    self->applying_filters = was_applying;
    reset = (pilot_name != NULL && new_pilot == 0) || (year_name != NULL && new_year == 0);
  }
  return reset;
}

/* The filters' choices (a query over every participant, and a drop-down
 * that may refilter the list) are only updated while the filters show */
static gboolean
filter_choices_changed (CtgWindow *self)
{
  self->choices_stale = TRUE;
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    return FALSE;
  self->choices_stale = FALSE;
  return update_filter_choices (self);
}

static void
on_search_mode_cb (CtgWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    ensure_filter_models (self);
  if (self->document != NULL && self->choices_stale && filter_choices_changed (self))
    on_filters_changed_cb (self);
}

static void
reload_actions (CtgWindow *self)
{
  gboolean reset;

  g_hash_table_remove_all (self->search_text);
  self->search_stale = TRUE;
  reset = filter_choices_changed (self);
  g_clear_object (&self->source);
  if (reset)
    on_filters_changed_cb (self);
  else
    refresh_list (self);
}

/* What a commit changed in the list of actions and the sidebar:
 * NOTHING_LISTED (the convention, the governance, steps...), the own data of
 * ONE action (its fields, pilots, partners, funding; not its place in the
 * plan), or anything else */
#define NOTHING_LISTED (-1)

static gint64
edited_action (CtgChangeSet *changes)
{
  static const CtgItemKind listed[] = {
    CTG_ITEM_AXIS, CTG_ITEM_SECTION, CTG_ITEM_OBJECTIVE, CTG_ITEM_ACTION, CTG_ITEM_PARTICIPANT, CTG_ITEM_FUNDING,
  };
  gint64 id = NOTHING_LISTED;

  for (guint i = 0; i < G_N_ELEMENTS (listed); i++)
    if (ctg_change_set_is_kind_reloaded (changes, listed[i]))
      return 0;

  for (guint i = 0; i < ctg_change_set_get_n_rows (changes); i++)
    {
      const CtgRowChange *row = ctg_change_set_get_row (changes, i);
      gint64 action;

      switch ((int) row->kind)
        {
        case CTG_ITEM_ACTION:
          if (row->op != CTG_ROW_UPDATED || row->moved)
            return 0;
          action = row->id;
          break;
        case CTG_ITEM_PARTICIPANT:
        case CTG_ITEM_FUNDING:
          if (row->parent_id != row->old_parent_id)
            return 0;
          action = row->parent_id;
          break;
        case CTG_ITEM_AXIS:
        case CTG_ITEM_SECTION:
        case CTG_ITEM_OBJECTIVE:
          return 0;
        default:
          continue;
        }
      if (id != NOTHING_LISTED && id != action)
        return 0;
      id = action;
    }
  return id;
}

static gboolean
model_contains (GListModel *model,
                gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) here = g_list_model_get_item (model, i);

      if (here == item)
        return TRUE;
    }
  return FALSE;
}

/* After an edit of one action's own data: the document updated that
 * action's object in place and its row follows it; here follow the search
 * index, the sidebar's figures and the filters. Returns FALSE when the
 * window's list is not the document's any more. */
static gboolean
update_edited_action (CtgWindow    *self,
                      gint64        action_id,
                      CtgChangeSet *changes)
{
  g_autoptr(GHashTable) axes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  CtgAction *action = ctg_document_peek_action (self->document, action_id);
  const CtgRowChange *row = ctg_change_set_find (changes, CTG_ITEM_ACTION, action_id);
  GListStore *axis_actions;
  gboolean choices;
  gint64 axis;

  /* The document's object must be the one the window lists */
  if (action == NULL || self->by_axis == NULL)
    return FALSE;
  axis = ctg_action_get_axis_id (action);
  axis_actions = g_hash_table_lookup (self->by_axis, &axis);
  if (axis_actions == NULL || !g_list_store_find (axis_actions, action, NULL))
    return FALSE;

  if (!self->search_stale)
    {
      gint64 *id = g_new (gint64, 1);

      *id = action_id;
      g_hash_table_insert (self->search_text, id, fold_action (action));
    }
  g_hash_table_add (axes, g_memdup2 (&axis, sizeof axis));
  update_sidebar_figures (self, axes);

  /* The filters offer the pilots and years in use */
  choices = ctg_change_set_touches_kind (changes, CTG_ITEM_PARTICIPANT) ||
            (row != NULL && ctg_row_change_has_field (row, "echeance"));
  if (choices && filter_choices_changed (self))
    on_filters_changed_cb (self);
  /* A row that appears or goes changes the row below's heading */
  else if (filters_active (self) && self->filtered != NULL &&
           model_contains (G_LIST_MODEL (self->filtered), action) != gtk_filter_match (GTK_FILTER (self->filter), action))
    refresh_list (self);
  return TRUE;
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
      g_signal_connect (self->action_editor, "toast", G_CALLBACK (on_editor_toast_cb), self);
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
static void
show_content (CtgWindow  *self,
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

static void
show_axis (CtgWindow *self,
           gint64     axis_id)
{
  self->axis_id = axis_id;
  self->action_id = 0;

  if (axis_id == 0)
    {
      const char *title = ctg_item_get_title (self->convention);
      const CtgPageInfo *info = find_convention_page (self->page);

      if (info == NULL)
        info = find_convention_page ("overview");
      adw_window_title_set_title (self->content_title, self->listing ? _("Actions") : g_dpgettext2 (GETTEXT_PACKAGE, "page", info->title));
      adw_window_title_set_subtitle (self->content_title, title ? title : "");
      if (!filters_active (self))
        show_content (self, info->name);
    }
  else
    {
      g_autofree char *title = ctg_document_dup_text (self->document, CTG_ITEM_AXIS, axis_id, "title");

      adw_window_title_set_title (self->content_title, title ? title : "");
      adw_window_title_set_subtitle (self->content_title, "");
      show_content (self, "actions");
    }

  g_clear_object (&self->source);
  refresh_list (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  update_actions (self);
}

void
_ctg_window_show_action (CtgWindow *self,
                         gint64     action_id)
{
  g_autofree char *title = ctg_document_dup_text (self->document, CTG_ITEM_ACTION, action_id, "title");
  self->action_id = action_id;
  ctg_action_editor_set_action (ensure_action_editor (self), action_id);

  adw_window_title_set_title (self->content_title, title ? title : "");
  show_content (self, "action");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  update_actions (self);
}

static void
on_actions_view_activate_cb (GtkListView *view,
                             guint        position,
                             CtgWindow   *self)
{
  g_autoptr(CtgAction) action = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (action != NULL)
    _ctg_window_show_action (self, ctg_action_get_id (action));
}

static void
clear_filters (CtgWindow *self)
{
  self->applying_filters = TRUE;
  self->listing = FALSE;
  self->filter_axis = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  filter_select (self, self->status_filter, 0);
  filter_select (self, self->pilot_filter, 0);
  filter_select (self, self->year_filter, 0);
  gtk_toggle_button_set_active (self->overdue_filter, FALSE);
  gtk_toggle_button_set_active (self->soon_filter, FALSE);
  self->applying_filters = FALSE;
}

/* win.show-page: "dashboard", "timeline", "overview", "evaluation" or "axis:<id>" */
static gboolean
set_page (CtgWindow  *self,
          const char *page)
{
  gint64 axis = page_axis (page);

  if (axis < 0 || (axis > 0 && (self->document == NULL ||
                                !ctg_document_has_item (self->document, CTG_ITEM_AXIS, axis))))
    {
      g_debug ("No page “%s”", page);
      return FALSE;
    }

  /* A dashboard's filtered list ends with the page it came from */
  if (self->listing)
    {
      clear_filters (self);
      g_clear_object (&self->source);
    }
  self->filter_axis = 0;
  set_page_state (self, page);
  if (self->document == NULL)
    return TRUE;
  select_page_row (self);
  show_axis (self, axis);
  return TRUE;
}

static void
on_sidebar_row_selected_cb (GtkListBox    *box,
                            GtkListBoxRow *row,
                            CtgWindow     *self)
{
  if (row == NULL || self->document == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", row_page (row));
}

static void
on_sidebar_row_activated_cb (GtkListBox    *box,
                             GtkListBoxRow *row,
                             CtgWindow     *self)
{
  /* Selecting the page already shown (folded view) still goes to it */
  if (g_strcmp0 (row_page (row), self->page) == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", row_page (row));
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

  show_error (self, _("Could Not Change the Dates"), error);
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
  gint64 edited = edited_action (changes);

  if (edited == NOTHING_LISTED)
    ;
  else if (edited <= 0 || !update_edited_action (self, edited, changes))
    {
      /* One read of every action per change, shared by the sidebar's
       * roll-ups, the search index and the list */
      g_autoptr(GListModel) all = ctg_document_list_actions (document, 0);

      g_set_object (&self->all, all);
      rebuild_sidebar (self);
      reload_actions (self);
    }

  if (self->action_id != 0 && !ctg_document_has_item (document, CTG_ITEM_ACTION, self->action_id))
    show_axis (self, self->axis_id);
  else if (self->action_id != 0)
    {
      g_autofree char *title = ctg_document_dup_text (document, CTG_ITEM_ACTION, self->action_id, "title");
      adw_window_title_set_title (self->content_title, title ? title : "");
    }
  update_actions (self);
}

static void
on_filters_changed_cb (CtgWindow *self)
{
  if (self->document == NULL || self->applying_filters)
    return;
  if (!filters_active (self))
    self->filter_axis = 0;
  refresh_list (self);
  /* Only the stack: the entry is empty for a moment when its text is replaced */
  if (!filters_active (self) && self->axis_id == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "action") != 0)
    {
      const CtgPageInfo *info = find_convention_page (self->page);

      show_content (self, info ? info->name : "overview");
    }
}

static void
on_editor_toast_cb (GtkWidget  *editor,
                    const char *message,
                    CtgWindow  *self)
{
  show_undo_toast (self, message);
}

static void
on_leaflet_folded_cb (CtgWindow *self)
{
  /* Folded to one pane, down to 360 px: the header bar keeps room for the
   * title; Undo stays on Ctrl+Z and in the toasts */
  gtk_widget_set_visible (self->undo_button, !adw_leaflet_get_folded (self->leaflet));
  update_actions (self);
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
  if (self->axis_id == 0 && self->action_id == 0)
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
  show_toast (self, _("The file was moved, replaced or deleted: save the convention elsewhere"));
}

static void
set_document (CtgWindow   *self,
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
  self->file_watch = ctg_file_watch_new (document, file);
  g_signal_connect (self->file_watch, "lost", G_CALLBACK (on_file_lost_cb), self);
  gtk_widget_set_visible (GTK_WIDGET (self->detached_save_button), FALSE);
  /* A stray journal kept aside: say so, the file is as last saved */
  if (ctg_document_get_notice (document) != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("A Stray Journal Was Kept Aside"),
                                                  ctg_document_get_notice (document));

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }

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

  self->axis_id = 0;
  self->listing = FALSE;
  self->filter_axis = 0;
  set_page_state (self, "overview");
  gtk_stack_set_visible_child_name (self->main_stack, "document");
  g_clear_object (&self->all);
  self->all = ctg_document_list_actions (document, 0);
  rebuild_sidebar (self);
  reload_actions (self);
  show_axis (self, 0);
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
    show_error (self, _("Could Not Open the Convention"), error);
  else
    set_document (self, document, file);
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
      show_error (self, _("Could Not Open the Convention"), error);
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
        show_error (self, _("Could Not Open the Convention"), error);
      return FALSE;
    }

  set_document (self, document, file);
  /* Reading and checking a large convention leaves megabytes of freed
   * heap (SQLite's pages, the transient lists): give them back */
  malloc_trim (0);
  return TRUE;
}

/* File choosers */

static void
on_open_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     CtgWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (app != NULL)
        ctg_application_open_file (CTG_APPLICATION (app), file);
      else
        ctg_window_load (self, file);
    }
  g_object_unref (dialog);
}

static void
add_ctg_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Conventions"));
  gtk_file_filter_add_mime_type (filter, "application/x-ctg");
  gtk_file_filter_add_suffix (filter, "ctg");
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open a Convention"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_ctg_filter (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response_cb), self);
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
on_new_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    CtgWindow       *self)
{
  gboolean standard = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "standard"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(CtgDocument) document = NULL;
      CtgWindow *target = self;

      /* The chooser already asked before replacing an existing file */
      if (g_file_test (path, G_FILE_TEST_EXISTS) && g_unlink (path) != 0)
        {
          g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errno), "%s", g_strerror (errno));
          show_error (self, _("Could Not Create the Convention"), error);
          g_object_unref (dialog);
          return;
        }

      document = ctg_document_create (path, &error);
      /* A group that cannot begin (the disk, a lock) is said like any error,
       * and the axes stop at the first that fails */
      if (document != NULL && standard &&
          ctg_document_begin_group (document, _("Standard thématiques"), &error))
        {
          for (guint i = 0; error == NULL && i < G_N_ELEMENTS (standard_themes); i++)
            ctg_document_add_axis (document, _(standard_themes[i]), &error);
          if (error == NULL)
            ctg_document_end_group (document, &error);
          else
            ctg_document_cancel_group (document);
        }

      if (document == NULL || error != NULL)
        show_error (self, _("Could Not Create the Convention"), error);
      else
        {
          if (self->document != NULL)
            target = ctg_window_new (CTG_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
          set_document (target, document, file);
          gtk_window_present (GTK_WINDOW (target));
        }
    }
  g_object_unref (dialog);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("New Convention"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Convention.ctg"));
  add_ctg_filter (GTK_FILE_CHOOSER (chooser));
  g_object_set_data (G_OBJECT (chooser), "standard",
                     GINT_TO_POINTER (g_str_equal (action_name, "win.new-standard")));
  g_signal_connect (chooser, "response", G_CALLBACK (on_new_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_save_as_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        CtgWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (!ctg_document_save_copy (self->document, path, &error))
        show_error (self, _("Could Not Save the Copy"), error);
      else if (!ctg_document_check_file (self->document))
        {
          /* The file was lost: go on editing the copy */
          ctg_window_load (self, file);
        }
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Copy saved as “%s”"), name);
          show_toast (self, message);
        }
    }
  g_object_unref (dialog);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_file_get_basename (self->file);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  add_ctg_filter (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_merge_response_cb (GtkNativeDialog *dialog,
                      int              response,
                      CtgWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      ctg_merge_dialog_open_file (GTK_WINDOW (self), self->document, file);
    }
  g_object_unref (dialog);
}

/* Another copy of this convention: its changes come in through a review */
static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Merge a Copy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Merge"), _("_Cancel"));
  add_ctg_filter (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_merge_response_cb), self);
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
  gboolean undo = g_str_equal (action_name, "win.undo");
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;

  /* The toast says what was undone ("échéance of “…”"), not just "Edit":
   * an undone edit is described before it goes, a redone one after */
  if (undo)
    label = describe_last_edit (self);
  if (!(undo ? ctg_document_undo (self->document, &error) : ctg_document_redo (self->document, &error)))
    {
      show_toast (self, error->message);
      return;
    }
  if (!undo)
    label = describe_last_edit (self);

  {
    /* Translators: shown after Undo, as in "Undone: Change pilots" */
    g_autofree char *message = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"), label);
    show_toast (self, message);
  }
}

static gint64
last_objective (CtgWindow *self,
                gint64     axis)
{
  g_autoptr(GArray) objectives = ctg_document_list_ids (self->document, CTG_ITEM_OBJECTIVE, axis);

  if (self->action_id != 0)
    return ctg_document_get_int (self->document, CTG_ITEM_ACTION, self->action_id, "objective_id", 0);
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

  if (!ctg_document_begin_group (self->document, _("Add action"), &error))
    goto failed;
  objective = last_objective (self, self->axis_id);
  if (objective == 0)
    objective = ctg_document_add_objective (self->document, self->axis_id, 0, 0, "", &error);
  action = objective ? ctg_document_add_action (self->document, objective, _("New action"), &error) : 0;
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
  show_error (self, _("Could Not Add the Action"), error);
}

static void
delete_action_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = ctg_document_dup_text (self->document, CTG_ITEM_ACTION, self->action_id, "title");
  g_autofree char *message = NULL;

  if (!ctg_document_delete (self->document, CTG_ITEM_ACTION, self->action_id, &error))
    {
      show_error (self, _("Could Not Delete the Action"), error);
      return;
    }
  message = g_strdup_printf (_("“%s” deleted"), title);
  show_undo_toast (self, message);
  show_axis (self, self->axis_id);
}

static void
add_axis_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 axis = ctg_document_add_axis (self->document, _("New axis"), &error);

  if (axis == 0)
    show_error (self, _("Could Not Add the Axis"), error);
  else
    {
      g_autofree char *page = axis_page (axis);

      rebuild_sidebar (self);
      set_page (self, page);
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
    show_error (self, _("Could Not Rename"), error);
  else if (self->action_id == 0)
    show_axis (self, self->axis_id);
}

/* Asks for the title of an axis or an objective */
static void
ask_title (CtgWindow   *self,
           const char  *heading,
           CtgItemKind  kind,
           gint64       id)
{
  g_autofree char *title = ctg_document_dup_text (self->document, kind, id, "title");
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

static gint64
shown_objective (CtgWindow *self)
{
  return ctg_document_get_int (self->document, CTG_ITEM_ACTION, self->action_id, "objective_id", 0);
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
  if (!ctg_document_begin_group (self->document, _("Add objective"), &error))
    goto failed;
  objective = ctg_document_add_objective (self->document, self->axis_id, 0, 0, _("New objective"), &error);
  if (objective == 0 || ctg_document_add_action (self->document, objective, _("New action"), &error) == 0)
    {
      ctg_document_cancel_group (self->document);
      goto failed;
    }
  if (!ctg_document_end_group (self->document, &error))
    goto failed;
  ask_title (self, _("Name the Objective"), CTG_ITEM_OBJECTIVE, objective);
  return;

failed:
  show_error (self, _("Could Not Add the Objective"), error);
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
  g_autoptr(GError) error = NULL;
  gint64 objective = shown_objective (self);
  g_autofree char *title = ctg_document_dup_text (self->document, CTG_ITEM_OBJECTIVE, objective, "title");
  g_autofree char *message = NULL;

  if (!ctg_document_delete (self->document, CTG_ITEM_OBJECTIVE, objective, &error))
    {
      show_error (self, _("Could Not Delete the Objective"), error);
      return;
    }
  message = g_strdup_printf (_("Objective “%s” and its actions deleted"), title ? title : "");
  show_undo_toast (self, message);
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
    show_error (self, _("Could Not Move the Action"), error);
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
    show_error (self, _("Could Not Move the Action"), error);
  else
    {
      g_autofree char *page = NULL;

      self->axis_id = ctg_document_get_int (self->document, CTG_ITEM_OBJECTIVE, objective, "axis_id", 0);
      page = axis_page (self->axis_id);
      set_page_state (self, page);
      rebuild_sidebar (self);
      _ctg_window_show_action (self, self->action_id);
    }
}

static void
move_action_to_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  g_autoptr(GArray) axes = ctg_document_list_ids (self->document, CTG_ITEM_AXIS, 0);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *objectives = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 current = shown_objective (self);
  guint selected = 0;
  GtkWidget *dialog;
  GtkWidget *drop_down;

  for (guint a = 0; a < axes->len; a++)
    {
      gint64 axis = g_array_index (axes, gint64, a);
      g_autofree char *axis_title = ctg_document_dup_text (self->document, CTG_ITEM_AXIS, axis, "title");
      g_autoptr(GArray) ids = ctg_document_list_ids (self->document, CTG_ITEM_OBJECTIVE, axis);

      for (guint o = 0; o < ids->len; o++)
        {
          gint64 id = g_array_index (ids, gint64, o);
          g_autofree char *title = ctg_document_dup_text (self->document, CTG_ITEM_OBJECTIVE, id, "title");
          g_autofree char *label = g_strdup_printf ("%u. %s › %s", a + 1, axis_title,
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
  g_autoptr(GError) error = NULL;
  g_autofree char *title = ctg_document_dup_text (self->document, CTG_ITEM_AXIS, self->axis_id, "title");
  g_autofree char *message = NULL;

  if (!ctg_document_delete (self->document, CTG_ITEM_AXIS, self->axis_id, &error))
    {
      show_error (self, _("Could Not Delete the Axis"), error);
      return;
    }
  message = g_strdup_printf (_("Axis “%s” deleted"), title);
  show_undo_toast (self, message);
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
    show_error (self, _("Could Not Move the Axis"), error);
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
      show_content (self, "actions");
      show_axis (self, self->axis_id);
      if (filters_active (self))
        refresh_list (self);
    }
  else if (self->axis_id == 0 && self->listing)
    {
      /* Back from a dashboard figure's list to the dashboard, where the
       * search bar has nothing to search */
      clear_filters (self);
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      refresh_list (self);
      show_axis (self, 0);
    }
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  update_actions (self);
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

  if (g_str_equal (action_name, "win.import-plan"))
    ctg_sheet_import_plan (GTK_WINDOW (self));
  else if (g_str_equal (action_name, "win.export-sheet"))
    ctg_sheet_export (GTK_WINDOW (self), self->document);
  else
    ctg_sheet_import_updates (GTK_WINDOW (self), self->document);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  CtgExportDialog *dialog = ctg_export_dialog_new (GTK_WINDOW (self), self->document);

  g_signal_connect (dialog, "exported", G_CALLBACK (on_report_exported_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);

  ctg_print_report (GTK_WINDOW (self), self->document);
}

/* From the dashboard: the report for the next meeting, with the changes
 * since the previous one */
static void
export_pdf_for_meeting_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  CtgWindow *self = CTG_WINDOW (widget);
  CtgExportDialog *dialog = ctg_export_dialog_new (GTK_WINDOW (self), self->document);
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
    set_page (self, "dashboard");

  clear_filters (self);
  if (self->choices_stale)
    {
      self->choices_stale = FALSE;
      update_filter_choices (self);
    }
  self->applying_filters = TRUE;
  self->listing = TRUE;
  self->filter_axis = axis;
  self->action_id = 0;
  if (status_key != NULL && ctg_status_from_key (status_key, &status))
    filter_select (self, self->status_filter, status + 1);
  filter_select (self, self->pilot_filter, find_string (self->pilot_names, pilot));
  if (year != 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", year);
      filter_select (self, self->year_filter, find_string (self->years, text));
    }
  gtk_toggle_button_set_active (self->overdue_filter, overdue);
  gtk_toggle_button_set_active (self->soon_filter, soon);
  self->applying_filters = FALSE;

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  show_content (self, "actions");
  refresh_list (self);
  adw_window_title_set_title (self->content_title, _("Actions"));
  if (axis != 0)
    {
      g_autofree char *title = ctg_document_dup_text (self->document, CTG_ITEM_AXIS, axis, "title");
      adw_window_title_set_subtitle (self->content_title, title ? title : "");
    }
  else
    adw_window_title_set_subtitle (self->content_title, _("Whole convention"));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  update_actions (self);
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

/* The welcome page: recent conventions */

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
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

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
      GtkWidget *dot = gtk_label_new (NULL);
      g_autofree char *style = i < CTG_N_STATUSES ? g_strdup_printf ("status-%s", ctg_status_to_key ((CtgStatus) i))
                                                  : g_strdup ("status-overdue");

      gtk_widget_add_css_class (dot, "status-dot");
      gtk_widget_add_css_class (dot, style);
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (item), dot);
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
      set_page (self, g_value_get_string (value));
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
  g_clear_weak_pointer (&self->error_dialog);

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
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_actions_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_welcome_map_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_action_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_edit_failed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_zoom_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked_cb);

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
  gtk_widget_class_install_property_action (widget_class, "win.show-page", "page");
  gtk_widget_class_install_action (widget_class, "win.show-actions", "a{sv}", show_actions_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf-for-meeting", "(ss)", export_pdf_for_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
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

  g_type_ensure (CTG_TYPE_ACTION_ROW);
  /* Made on first show, but known by name from the start */
  g_type_ensure (CTG_TYPE_DASHBOARD);
  g_type_ensure (CTG_TYPE_EVALUATION_PAGE);
  g_type_ensure (CTG_TYPE_TIMELINE);
}

static void
ctg_window_init (CtgWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->page = g_strdup ("overview");
  g_signal_connect_swapped (self, "notify::is-active", G_CALLBACK (on_active_changed_cb), self);
  gtk_toggle_button_set_active (self->zoom_years, TRUE);
  fill_legend (self);

  self->today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                g_date_time_get_year (now));
  self->search_text = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->bound_items = g_hash_table_new (NULL, NULL);
  self->filter = ctg_action_filter_new ();
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));

  self->statuses = gtk_string_list_new ((const char *[]) { _("All statuses"), NULL });
  for (guint i = 0; i < CTG_N_STATUSES; i++)
    gtk_string_list_append (self->statuses, ctg_status_to_label ((CtgStatus) i));
  self->pilot_names = gtk_string_list_new ((const char *[]) { _("All pilots"), NULL });
  self->years = gtk_string_list_new ((const char *[]) { _("All échéances"), NULL });

  g_signal_connect (factory, "setup", G_CALLBACK (on_action_row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_action_row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_action_row_unbind_cb), self);
  gtk_list_view_set_factory (self->actions_view, factory);

  self->convention_page = CTG_CONVENTION_PAGE (ctg_convention_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->convention_page), TRUE);
  gtk_box_append (self->overview_bin, GTK_WIDGET (self->convention_page));
  g_signal_connect (self->convention_page, "toast", G_CALLBACK (on_editor_toast_cb), self);

  gtk_menu_button_set_create_popup_func (self->welcome_menu_button, build_menu_on_popup, self, NULL);
  gtk_menu_button_set_create_popup_func (self->sidebar_menu_button, build_menu_on_popup, self, NULL);
  gtk_menu_button_set_create_popup_func (self->axis_menu_button, build_menu_on_popup, self, NULL);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  update_actions (self);
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
