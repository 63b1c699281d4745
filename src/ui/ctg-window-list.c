/* ctg-window-list.c: the list of actions, its search and filters
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ctg-action-row.h"
#include "ctg-window-private.h"

static void on_filters_changed_cb (CtgWindow *self);

static char *
fold_action (CtgAction *action)
{
  g_autofree char *pilots = ctg_action_dup_pilots_text (action);
  g_autofree char *text = g_strjoin (" ", ctg_action_get_code (action), ctg_action_get_title (action),
                                     ctg_action_get_description (action), pilots, NULL);

  return ctg_text_fold (text);
}

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

void
_ctg_window_filter_select (CtgWindow   *self,
                           GtkDropDown *filter,
                           guint        position)
{
  if (position != 0 && position != GTK_INVALID_LIST_POSITION)
    ensure_filter_models (self);
  if (gtk_drop_down_get_model (filter) != NULL)
    gtk_drop_down_set_selected (filter, position);
}

gboolean
_ctg_window_filters_active (CtgWindow *self)
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

/**
 * _ctg_window_update_list_subtitle:
 *
 * Under a search or a filter, the list's subtitle says how many actions it
 * finds and where: "12 actions · Toute la convention".
 */
void
_ctg_window_update_list_subtitle (CtgWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *scope = NULL;
  g_autofree char *count = NULL;
  g_autofree char *subtitle = NULL;

  if (!self->searching)
    return;
  if (self->filter_axis != 0)
    scope = ctg_document_dup_title (self->document, CTG_ITEM_AXIS, self->filter_axis);
  if (scope == NULL)
    scope = g_strdup (_("Whole convention"));
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", n), n);
  /* Translators: the subtitle of a filtered list: the count, then where, "12 actions · Toute la convention" */
  subtitle = g_strdup_printf (C_("list subtitle", "%s · %s"), count, scope);
  adw_window_title_set_subtitle (self->content_title, subtitle);

  /* The results are no longer the dashboard's or the axis's page: the
   * search spans the whole convention. An action opened from them keeps
   * its own title. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "action") != 0)
    {
      const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
      g_autofree char *title = NULL;

      if (query != NULL && query[0] != '\0')
        {
          g_autofree char *stripped = g_strstrip (g_strdup (query));

          /* Translators: the title of a search's results, "Résultats pour « eau »" */
          title = g_strdup_printf (_("Results for “%s”"), stripped);
        }
      adw_window_title_set_title (self->content_title, title ? title : _("Actions"));
    }
}

/* Rows show a heading where the objective changes, which depends on the row
 * above: after filtering, every row is bound again. */
void
_ctg_window_refresh_list (CtgWindow *self)
{
  g_autoptr(GtkSelectionModel) selection = NULL;
  gboolean searching = _ctg_window_filters_active (self);
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
      /* The search over, its title and count ("0 action · Toute la
       * convention") no longer name the page: back to the page's own */
      if (!searching)
        _ctg_window_show_page_title (self);
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
  _ctg_window_update_list_subtitle (self);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "action") != 0 &&
      (self->axis_id != 0 || searching))
    _ctg_window_show_content (self, n > 0 ? "actions" : "no-results");
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
gboolean
_ctg_window_update_filter_choices (CtgWindow *self)
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
    _ctg_window_filter_select (self, self->pilot_filter, new_pilot);
    _ctg_window_filter_select (self, self->year_filter, new_year);
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
  return _ctg_window_update_filter_choices (self);
}

static void
on_search_mode_cb (CtgWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    ensure_filter_models (self);
  if (self->document != NULL && self->choices_stale && filter_choices_changed (self))
    on_filters_changed_cb (self);
}

void
_ctg_window_reload_actions (CtgWindow *self)
{
  gboolean reset;

  g_hash_table_remove_all (self->search_text);
  self->search_stale = TRUE;
  reset = filter_choices_changed (self);
  g_clear_object (&self->source);
  if (reset)
    on_filters_changed_cb (self);
  else
    _ctg_window_refresh_list (self);
}

/* What a commit changed in the list of actions and the sidebar:
 * NOTHING_LISTED (the convention, the governance, steps...), the own data of
 * ONE action (its fields, pilots, partners, funding; not its place in the
 * plan), or anything else */

gint64
_ctg_window_edited_action (CtgChangeSet *changes)
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
gboolean
_ctg_window_update_edited_action (CtgWindow    *self,
                                  gint64        action_id,
                                  CtgChangeSet *changes)
{
  g_autoptr(GHashTable) axes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  CtgAction *action = ctg_document_peek_action (self->document, action_id);
  const CtgRowChange *row = ctg_change_set_find (changes, CTG_ITEM_ACTION, action_id);
  GListModel *axis_actions;
  gboolean choices;
  gint64 axis;

  /* The document's object must be the one the window lists */
  if (action == NULL || self->by_axis == NULL)
    return FALSE;
  axis = ctg_action_get_axis_id (action);
  axis_actions = g_hash_table_lookup (self->by_axis, &axis);
  if (axis_actions == NULL || !model_contains (axis_actions, action))
    return FALSE;

  if (!self->search_stale)
    {
      gint64 *id = g_new (gint64, 1);

      *id = action_id;
      g_hash_table_insert (self->search_text, id, fold_action (action));
    }
  g_hash_table_add (axes, g_memdup2 (&axis, sizeof axis));
  _ctg_window_update_sidebar_figures (self, axes);

  /* The filters offer the pilots and years in use */
  choices = ctg_change_set_touches_kind (changes, CTG_ITEM_PARTICIPANT) ||
            (row != NULL && ctg_row_change_has_field (row, "echeance"));
  if (choices && filter_choices_changed (self))
    on_filters_changed_cb (self);
  /* A row that appears or goes changes the row below's heading */
  else if (_ctg_window_filters_active (self) && self->filtered != NULL &&
           model_contains (G_LIST_MODEL (self->filtered), action) != gtk_filter_match (GTK_FILTER (self->filter), action))
    _ctg_window_refresh_list (self);
  return TRUE;
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

void
_ctg_window_clear_filters (CtgWindow *self)
{
  self->applying_filters = TRUE;
  self->listing = FALSE;
  self->filter_axis = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  _ctg_window_filter_select (self, self->status_filter, 0);
  _ctg_window_filter_select (self, self->pilot_filter, 0);
  _ctg_window_filter_select (self, self->year_filter, 0);
  gtk_toggle_button_set_active (self->overdue_filter, FALSE);
  gtk_toggle_button_set_active (self->soon_filter, FALSE);
  self->applying_filters = FALSE;
}

static void
on_filters_changed_cb (CtgWindow *self)
{
  if (self->document == NULL || self->applying_filters)
    return;
  if (!_ctg_window_filters_active (self))
    self->filter_axis = 0;
  _ctg_window_refresh_list (self);
  /* Only the stack: the entry is empty for a moment when its text is replaced */
  if (!_ctg_window_filters_active (self) && self->axis_id == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "action") != 0)
    {
      const CtgPageInfo *info = _ctg_window_find_convention_page (self->page);

      _ctg_window_show_content (self, info ? info->name : "overview");
    }
}

/* The user typed a search or chose a filter. With an action shown, the
 * results would only appear after Back, and the search seem to do nothing:
 * they are shown at once, as Back would. (An edit that changes the
 * filters' choices calls on_filters_changed_cb itself, and stays.) */
static void
on_filter_widget_changed_cb (CtgWindow *self)
{
  gboolean on_action = g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "action") == 0;

  if (self->document == NULL || self->applying_filters)
    return;
  on_filters_changed_cb (self);
  if (on_action && _ctg_window_filters_active (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
}

void
_ctg_window_list_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_actions_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_widget_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_cb);
}

void
_ctg_window_list_init (CtgWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

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
}
