/* ctg-history-list.c: the changes made to an action, from the journal
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-history-list"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-editor-util.h"
#include "ctg-history-list.h"

/* One row per undoable edit (a journal transaction), newest first, saying
 * in words what changed (ctg_change_text_describe(), which `ctg changes`
 * prints too) */

#define MAX_ENTRIES 50

struct _CtgHistoryList
{
  AdwBin      parent_instance;

  /* Borrowed references: the child */
  GtkListBox *list;

  guint       n_items;
};

G_DEFINE_FINAL_TYPE (CtgHistoryList, ctg_history_list, ADW_TYPE_BIN)

static GtkWidget *
create_row (CtgChangeText *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *lines = NULL;
  g_autofree char *title = NULL;
  g_autofree char *time = ctg_change_text_format_time (entry->time);
  g_autofree char *subtitle = NULL;

  g_ptr_array_add (entry->lines, NULL);
  lines = g_strjoinv ("\n", (char **) entry->lines->pdata);
  g_ptr_array_remove_index (entry->lines, entry->lines->len - 1);

  title = _ctg_escape (lines);
  if (entry->label != NULL && entry->label[0] != '\0')
    {
      g_autofree char *text = g_strdup_printf ("%s · %s", time, entry->label);
      subtitle = _ctg_escape (text);
    }
  else
    subtitle = _ctg_escape (time);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "history-row");
  gtk_widget_set_name (row, "history-row");
  return row;
}

static void
clear (CtgHistoryList *self)
{
  _ctg_list_box_remove_all (self->list);
  self->n_items = 0;
}

static void
ctg_history_list_class_init (CtgHistoryListClass *klass)
{
}

static void
ctg_history_list_init (CtgHistoryList *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  _ctg_widget_set_label (GTK_WIDGET (self->list), _("History"));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->list));
}

GtkWidget *
ctg_history_list_new (void)
{
  return g_object_new (CTG_TYPE_HISTORY_LIST, NULL);
}

/**
 * ctg_history_list_set_changes:
 * @changes: (element-type CtgChange): the changes of one action, oldest
 *   first, as ctg_document_list_changes() gives them
 */
void
ctg_history_list_set_changes (CtgHistoryList *self,
                              CtgDocument    *document,
                              GPtrArray      *changes)
{
  g_autoptr(GPtrArray) entries = NULL;
  guint shown = 0;
  guint older;

  g_return_if_fail (CTG_IS_HISTORY_LIST (self));
  g_return_if_fail (CTG_IS_DOCUMENT (document));

  clear (self);

  entries = ctg_change_text_describe (document, changes);
  for (older = entries->len; older > 0 && shown < MAX_ENTRIES; older--)
    {
      CtgChangeText *entry = g_ptr_array_index (entries, older - 1);

      if (entry->lines->len == 0)
        continue;
      gtk_list_box_append (self->list, create_row (entry));
      shown++;
    }
  self->n_items = shown;

  if (shown == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No changes yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Changes made to this action in CTG Planner will be listed here."));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->list, row);
    }
  else if (older > 0)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u older change is not shown",
                                                             "%u older changes are not shown",
                                                             older), older);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->list, row);
    }
}

guint
ctg_history_list_get_n_items (CtgHistoryList *self)
{
  g_return_val_if_fail (CTG_IS_HISTORY_LIST (self), 0);

  return self->n_items;
}
