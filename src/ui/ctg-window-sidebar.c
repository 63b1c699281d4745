/* ctg-window-sidebar.c: the pages of the convention and its axes,
 *   with their figures
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-editor-util.h"
#include "ctg-window-private.h"

static const CtgPageInfo convention_pages[] = {
  { "dashboard", NC_("page", "Dashboard"), "view-grid-symbolic" },
  { "timeline", NC_("page", "Timeline"), "x-office-calendar-symbolic" },
  { "overview", NC_("page", "Overview"), "document-properties-symbolic" },
  { "evaluation", NC_("page", "Evaluation"), "emblem-ok-symbolic" },
};

const CtgPageInfo *
_ctg_window_find_convention_page (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (convention_pages); i++)
    if (g_strcmp0 (convention_pages[i].name, name) == 0)
      return &convention_pages[i];
  return NULL;
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
      /* For _ctg_window_update_sidebar_figures() */
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

char *
_ctg_window_axis_page (gint64 axis_id)
{
  return g_strdup_printf ("axis:%" G_GINT64_FORMAT, axis_id);
}

/* The axis of an "axis:<id>" page, 0 for a convention page, -1 for no page */
gint64
_ctg_window_page_axis (const char *page)
{
  char *end = NULL;
  gint64 id;

  if (_ctg_window_find_convention_page (page) != NULL)
    return 0;
  if (page == NULL || !g_str_has_prefix (page, "axis:"))
    return -1;
  id = g_ascii_strtoll (page + 5, &end, 10);
  return end != page + 5 && *end == '\0' && id > 0 ? id : -1;
}

void
_ctg_window_select_page_row (CtgWindow *self)
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

/* The actions of each axis (axis id -> GListModel), from the one list of
 * actions, for the roll-ups: arrays, not GListStores (about 40 bytes an
 * item, 4 MB at 100,000 actions) */
static GHashTable *
group_by_axis (GListModel *all)
{
  g_autoptr(GHashTable) arrays = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GHashTable *by_axis = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  GHashTableIter iter;
  gpointer key, value;
  guint n = g_list_model_get_n_items (all);

  /* Counted first: each array is made at its size */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (all, i);
      gint64 axis = ctg_action_get_axis_id (action);
      guint *count = g_hash_table_lookup (counts, &axis);

      if (count == NULL)
        {
          count = g_new0 (guint, 1);
          g_hash_table_insert (counts, g_memdup2 (&axis, sizeof axis), count);
        }
      (*count)++;
    }
  for (guint i = 0; i < n; i++)
    {
      CtgAction *action = g_list_model_get_item (all, i);
      gint64 axis = ctg_action_get_axis_id (action);
      GPtrArray *actions = g_hash_table_lookup (arrays, &axis);

      if (actions == NULL)
        {
          actions = g_ptr_array_new_full (*(guint *) g_hash_table_lookup (counts, &axis), g_object_unref);
          g_hash_table_insert (arrays, g_memdup2 (&axis, sizeof axis), actions);
        }
      g_ptr_array_add (actions, action);
    }
  g_hash_table_iter_init (&iter, arrays);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (by_axis, g_memdup2 (key, sizeof (gint64)), ctg_array_model_new (CTG_TYPE_ACTION, value));
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
void
_ctg_window_update_sidebar_figures (CtgWindow  *self,
                                    GHashTable *axes)
{
  GtkListBoxRow *row;
  CtgProgressSummary summary;
  guint n = g_list_model_get_n_items (self->all);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar, i)) != NULL; i++)
    {
      gint64 axis = _ctg_window_page_axis (row_page (row));
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

void
_ctg_window_rebuild_sidebar (CtgWindow *self)
{
  g_autoptr(GListModel) axes = ctg_document_list_items (self->document, CTG_ITEM_AXIS, 0);
  GListModel *all = self->all;
  GHashTable *by_axis;
  GtkWidget *selected = NULL;
  CtgProgressSummary summary;
  guint n;

  _ctg_list_box_remove_all (self->sidebar);

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

  n = g_list_model_get_n_items (axes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgItem) item = g_list_model_get_item (axes, i);
      gint64 axis = ctg_item_get_id (item);
      GListModel *actions = g_hash_table_lookup (by_axis, &axis);
      g_autoptr(GListModel) none = actions ? NULL : G_LIST_MODEL (g_list_store_new (CTG_TYPE_ACTION));
      const char *title = ctg_item_get_title (item);
      g_autofree char *numbered = g_strdup_printf ("%u. %s", i + 1, title ? title : "");
      g_autofree char *subtitle = NULL;
      g_autofree char *page = _ctg_window_axis_page (axis);
      GtkWidget *row;

      if (actions == NULL)
        actions = none;
      ctg_actions_summarize_progress (actions, &summary);
      subtitle = axis_subtitle (g_list_model_get_n_items (actions), &summary);
      row = make_sidebar_row (numbered, subtitle, summary.average / 100, page, NULL);
      gtk_list_box_append (self->sidebar, row);
      if (g_strcmp0 (self->page, page) == 0)
        selected = row;
    }

  /* The axis shown may have gone (deleted, undone) */
  if (selected == NULL)
    {
      self->axis_id = 0;
      _ctg_window_set_page_state (self, "overview");
    }
  _ctg_window_select_page_row (self);
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

void
_ctg_window_sidebar_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
}
