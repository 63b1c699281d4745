/* ctg-merge-dialog.c: the review of a merge, conflicts side by side
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-editor-util.h"
#include "ctg-merge-dialog.h"

/* Beyond this, the list of changes says how many more: a merge of two
 * copies of a large plan can bring thousands */
#define MAX_CHANGE_ROWS 300

struct _CtgMergeDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkWidget           *apply_button;
  AdwPreferencesGroup *summary_group;
  AdwPreferencesGroup *conflicts_group;
  GtkListBox          *conflicts_list;
  AdwPreferencesGroup *changes_group;
  GtkListBox          *changes_list;

  /* Owned references */
  CtgMerge            *merge;
  char                *theirs_name;

  guint                refresh_id;
};

G_DEFINE_FINAL_TYPE (CtgMergeDialog, ctg_merge_dialog, ADW_TYPE_WINDOW)

static void choose (CtgMergeDialog *self, guint index, CtgMergeChoice choice);

static void
on_side_toggled_cb (GtkToggleButton *button,
                    CtgMergeDialog  *self)
{
  if (gtk_toggle_button_get_active (button))
    choose (self,
            GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "conflict-index")),
            GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "merge-choice")));
}

static GtkWidget *
side_button (CtgMergeDialog  *self,
             guint            index,
             CtgMergeChoice   choice,
             const char      *side,
             const char      *value,
             gboolean         active)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (side);
  GtkWidget *text = gtk_label_new (value ? value : "—");

  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), text);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), active);
  g_object_set_data (G_OBJECT (button), "conflict-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "merge-choice", GINT_TO_POINTER (choice));
  g_signal_connect (button, "toggled", G_CALLBACK (on_side_toggled_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, side, -1);
  return button;
}

static GtkWidget *
conflict_row (CtgMergeDialog   *self,
              CtgMergeConflict *conflict,
              guint             index)
{
  GtkWidget *ours;
  GtkWidget *theirs;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *title = g_strdup_printf ("%s — %s", conflict->label, conflict->field_label);
  g_autofree char *base = g_strdup_printf (_("When the copies parted: %s"), conflict->base ? conflict->base : "—");
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *base_label = gtk_label_new (base);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_widget_add_css_class (title_label, "heading");
  gtk_label_set_xalign (GTK_LABEL (base_label), 0);
  gtk_label_set_wrap (GTK_LABEL (base_label), TRUE);
  gtk_widget_add_css_class (base_label, "dim-label");
  gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
  ours = side_button (self, index, CTG_MERGE_OURS, _("This copy"), conflict->ours,
                      conflict->choice == CTG_MERGE_OURS);
  theirs = side_button (self, index, CTG_MERGE_THEIRS, _("The other copy"), conflict->theirs,
                        conflict->choice == CTG_MERGE_THEIRS);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (theirs), GTK_TOGGLE_BUTTON (ours));
  gtk_box_append (GTK_BOX (sides), ours);
  gtk_box_append (GTK_BOX (sides), theirs);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), base_label);
  gtk_box_append (GTK_BOX (box), sides);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
change_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  return row;
}

static void
refresh (CtgMergeDialog *self)
{
  GPtrArray *conflicts = ctg_merge_get_conflicts (self->merge);
  GPtrArray *changes = ctg_merge_get_changes (self->merge);
  guint unresolved = ctg_merge_count_unresolved (self->merge);
  g_autofree char *summary = NULL;

  if (changes->len == 0 && conflicts->len == 0)
    summary = g_strdup_printf (_("“%s” brings no change: this convention already holds everything it changed."),
                               self->theirs_name);
  else if (unresolved > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "“%s” brings changes; %u conflict is left to resolve before applying.",
                                            "“%s” brings changes; %u conflicts are left to resolve before applying.",
                                            unresolved),
                               self->theirs_name, unresolved);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "“%s” brings %u change. Apply takes it into this convention as one step, "
                                            "which Undo takes back.",
                                            "“%s” brings %u changes. Apply takes them into this convention as one "
                                            "step, which Undo takes back.",
                                            changes->len),
                               self->theirs_name, changes->len);
  adw_preferences_group_set_description (self->summary_group, summary);

  _ctg_list_box_remove_all (self->conflicts_list);
  for (guint i = 0; i < conflicts->len; i++)
    gtk_list_box_append (self->conflicts_list, conflict_row (self, g_ptr_array_index (conflicts, i), i));
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), conflicts->len > 0);

  _ctg_list_box_remove_all (self->changes_list);
  for (guint i = 0; i < changes->len && i < MAX_CHANGE_ROWS; i++)
    gtk_list_box_append (self->changes_list, change_row (g_ptr_array_index (changes, i)));
  if (changes->len > MAX_CHANGE_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more change",
                                                            "… and %u more changes",
                                                            changes->len - MAX_CHANGE_ROWS),
                                               changes->len - MAX_CHANGE_ROWS);
      gtk_list_box_append (self->changes_list, change_row (more));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->changes_group), changes->len > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.apply", unresolved == 0);
}

static gboolean
refresh_cb (gpointer data)
{
  CtgMergeDialog *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}


/* Actions */

static void
choose (CtgMergeDialog *self,
        guint           index,
        CtgMergeChoice  choice)
{
  if (index >= ctg_merge_get_conflicts (self->merge)->len || choice > CTG_MERGE_THEIRS)
    return;
  ctg_merge_choose (self->merge, index, choice);

  /* Not from inside the button's own signal: refreshing replaces it */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT, refresh_cb, self, NULL);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CtgMergeDialog *self = CTG_MERGE_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!ctg_merge_apply (self->merge, &error))
    {
      _ctg_message_dialog_show (GTK_WINDOW (self), _("The copy could not be merged"), error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Overrides */

static void
ctg_merge_dialog_dispose (GObject *object)
{
  CtgMergeDialog *self = CTG_MERGE_DIALOG (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->merge);
  g_clear_pointer (&self->theirs_name, g_free);

  G_OBJECT_CLASS (ctg_merge_dialog_parent_class)->dispose (object);
}

static void
ctg_merge_dialog_class_init (CtgMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ctg_merge_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ctgplanner/CtgPlanner/ui/ctg-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CtgMergeDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, CtgMergeDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, CtgMergeDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, CtgMergeDialog, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, CtgMergeDialog, changes_group);
  gtk_widget_class_bind_template_child (widget_class, CtgMergeDialog, changes_list);

  gtk_widget_class_install_action (widget_class, "merge.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ctg_merge_dialog_init (CtgMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ctg_merge_dialog_open_file:
 * @window: the window of the convention to merge into
 * @theirs: the other copy
 *
 * Works out the merge of @theirs into @window's convention and shows its
 * review, or says why the two cannot be merged.
 *
 * Returns: (transfer none) (nullable): the dialog, shown; %NULL if the
 *   copy was refused (the reason is shown)
 */
CtgMergeDialog *
ctg_merge_dialog_open_file (CtgWindow *window,
                            GFile     *theirs)
{
  GtkWindow *parent = GTK_WINDOW (window);
  CtgDocument *document;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CtgMerge) merge = NULL;
  CtgMergeDialog *self;

  g_return_val_if_fail (CTG_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_FILE (theirs), NULL);
  document = ctg_window_get_document (window);
  g_return_val_if_fail (CTG_IS_DOCUMENT (document), NULL);

  path = g_file_get_path (theirs);
  if (path == NULL)
    {
      _ctg_message_dialog_show (parent, _("The copy could not be merged"), _("Only a file on this computer can be merged."));
      return NULL;
    }
  merge = ctg_merge_new (document, path, &error);
  if (merge == NULL)
    {
      _ctg_message_dialog_show (parent, _("The copy could not be merged"), error->message);
      return NULL;
    }

  self = g_object_new (CTG_TYPE_MERGE_DIALOG, "transient-for", parent, NULL);
  self->merge = g_steal_pointer (&merge);
  self->theirs_name = g_filename_display_basename (path);
  refresh (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

CtgMerge *
ctg_merge_dialog_get_merge (CtgMergeDialog *self)
{
  g_return_val_if_fail (CTG_IS_MERGE_DIALOG (self), NULL);

  return self->merge;
}
