/* ctg-action-row.c: one action in the list of an axis
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-action-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-action-row.h"

struct _CtgActionRow
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkBox         *header_box;
  GtkLabel       *section_label;
  GtkLabel       *objective_label;
  GtkLabel       *code_label;
  GtkInscription *title_label;
  GtkInscription *pilots_label;
  GtkLabel       *echeance_label;
  GtkLabel       *status_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *progress_label;

  /* Owned references: the action shown, followed while bound */
  CtgAction      *action;
  gulong          notify_id;
  GDate           today;
};

G_DEFINE_FINAL_TYPE (CtgActionRow, ctg_action_row, GTK_TYPE_WIDGET)

static const char * const status_classes[CTG_N_STATUSES] = {
  "status-todo", "status-in-progress", "status-done", "status-postponed", "status-abandoned",
};

/* The heading of a row (its objective, and the thématique or enjeu above;
 * or its axis) comes from the file, and rows are bound again as they
 * scroll in: the headings are kept with the document until it changes, one
 * table (id -> Heading) for the objectives and one for the axes. */
#define OBJECTIVES_KEY "ctg-action-row-objectives"
#define AXES_KEY "ctg-action-row-axes"

typedef struct
{
  char *title;
  char *section;   /* nullable; none for an axis */
} Heading;

static void
heading_free (gpointer data)
{
  Heading *heading = data;

  g_free (heading->title);
  g_free (heading->section);
  g_free (heading);
}

/* An emission hook on "committed", not a handler: hooks run before every
 * handler, so the window's own handler, which binds the rows again, finds
 * them cleared */
static gboolean
on_document_changed_hook (GSignalInvocationHint *hint,
                          guint                  n_params,
                          const GValue          *params,
                          gpointer               data)
{
  GObject *document = g_value_get_object (&params[0]);
  GHashTable *objectives = g_object_get_data (document, OBJECTIVES_KEY);
  GHashTable *axes = g_object_get_data (document, AXES_KEY);

  if (objectives != NULL)
    g_hash_table_remove_all (objectives);
  if (axes != NULL)
    g_hash_table_remove_all (axes);
  return TRUE;
}

static char *
section_text (CtgDocument *document,
              gint64       objective_id)
{
  g_autoptr(CtgItem) objective = ctg_document_get_item (document, CTG_ITEM_OBJECTIVE, objective_id);
  gint64 theme = objective ? ctg_item_get_int (objective, "theme-id") : 0;
  gint64 enjeu = objective ? ctg_item_get_int (objective, "enjeu-id") : 0;
  g_autofree char *theme_title = theme ? ctg_document_dup_title (document, CTG_ITEM_SECTION, theme) : NULL;
  g_autofree char *enjeu_title = enjeu ? ctg_document_dup_title (document, CTG_ITEM_SECTION, enjeu) : NULL;

  if (theme_title && enjeu_title)
    return g_strdup_printf ("%s — %s", theme_title, enjeu_title);
  if (theme_title)
    return g_steal_pointer (&theme_title);
  return g_steal_pointer (&enjeu_title);
}

/* The heading of the objective or axis @id (@kind), kept with @document */
static const Heading *
document_heading (CtgDocument *document,
                  CtgItemKind  kind,
                  gint64       id)
{
  static gsize hooked;
  const char *key = kind == CTG_ITEM_OBJECTIVE ? OBJECTIVES_KEY : AXES_KEY;
  GHashTable *headings = g_object_get_data (G_OBJECT (document), key);
  Heading *heading;

  if (g_once_init_enter (&hooked))
    {
      g_signal_add_emission_hook (g_signal_lookup ("committed", CTG_TYPE_DOCUMENT), 0,
                                  on_document_changed_hook, NULL, NULL);
      g_once_init_leave (&hooked, 1);
    }
  if (headings == NULL)
    {
      headings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, heading_free);
      g_object_set_data_full (G_OBJECT (document), key, headings, (GDestroyNotify) g_hash_table_unref);
    }

  heading = g_hash_table_lookup (headings, &id);
  if (heading == NULL)
    {
      heading = g_new0 (Heading, 1);
      heading->title = ctg_document_dup_title (document, kind, id);
      if (heading->title == NULL)
        heading->title = g_strdup ("");
      if (kind == CTG_ITEM_OBJECTIVE)
        heading->section = section_text (document, id);
      g_hash_table_insert (headings, g_memdup2 (&id, sizeof id), heading);
    }
  return heading;
}

/* What the action itself says (not the headings, which depend on the row
 * above): shown at bind, and again when the action notifies a change */
static void
show_action (CtgActionRow *self)
{
  CtgAction *action = self->action;
  g_autofree char *pilots = ctg_action_dup_pilots_text (action);
  g_autofree char *echeance = ctg_date_format (ctg_action_get_echeance (action));
  g_autofree char *accessible = NULL;
  CtgStatus status = ctg_action_get_status (action);
  int progress = ctg_action_get_shown_progress (action);
  gboolean overdue = ctg_action_is_overdue (action, &self->today);

  gtk_label_set_label (self->code_label, ctg_action_get_code (action));
  gtk_widget_set_visible (GTK_WIDGET (self->code_label), ctg_action_get_code (action)[0] != '\0');
  gtk_inscription_set_text (self->title_label, ctg_action_get_title (action));
  gtk_inscription_set_text (self->pilots_label, pilots);
  gtk_widget_set_visible (GTK_WIDGET (self->pilots_label), pilots[0] != '\0');

  if (overdue)
    {
      /* Translators: an échéance that has passed, as in "Overdue: March 2025" */
      g_autofree char *text = g_strdup_printf (_("Overdue: %s"), echeance);
      gtk_label_set_label (self->echeance_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->echeance_label), "overdue");
    }
  else
    {
      gtk_label_set_label (self->echeance_label, echeance);
      gtk_widget_remove_css_class (GTK_WIDGET (self->echeance_label), "overdue");
    }

  gtk_label_set_label (self->status_label, ctg_status_to_label (status));
  /* Classes only where they change: each change restyles the row */
  for (guint i = 0; i < CTG_N_STATUSES; i++)
    if (i != status)
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[status]);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), progress >= 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label), progress >= 0);
  if (progress >= 0)
    {
      /* Translators: a progress, as in "40 %" */
      g_autofree char *text = g_strdup_printf (_("%d %%"), progress);
      /* Only when it changed: the bar's trough is allocated again */
      if (gtk_progress_bar_get_fraction (self->progress_bar) != progress / 100.0)
        gtk_progress_bar_set_fraction (self->progress_bar, progress / 100.0);
      gtk_label_set_label (self->progress_label, text);
    }

  /* Translators: read by screen readers for an action: title, status, échéance */
  accessible = g_strdup_printf (_("%s, %s, échéance %s"), ctg_action_get_title (action),
                                ctg_status_to_label (status), echeance[0] ? echeance : _("none"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
on_action_notify_cb (CtgActionRow *self)
{
  show_action (self);
}

/**
 * ctg_action_row_unbind:
 *
 * Stops following the action shown.
 */
void
ctg_action_row_unbind (CtgActionRow *self)
{
  g_return_if_fail (CTG_IS_ACTION_ROW (self));

  g_clear_signal_handler (&self->notify_id, self->action);
  g_clear_object (&self->action);
}

/**
 * ctg_action_row_bind:
 * @previous: (nullable): the action shown above, to show the objective (and
 *   its thématique or enjeu) only where it changes
 * @show_axis: name the axis in the header (search across axes)
 */
void
ctg_action_row_bind (CtgActionRow *self,
                     CtgDocument  *document,
                     CtgAction    *action,
                     CtgAction    *previous,
                     gboolean      show_axis,
                     const GDate  *today)
{
  gint64 objective = ctg_action_get_objective_id (action);
  gboolean new_objective = previous == NULL || ctg_action_get_objective_id (previous) != objective;

  gtk_widget_set_visible (GTK_WIDGET (self->header_box), new_objective);
  if (new_objective)
    {
      const Heading *heading = document_heading (document, CTG_ITEM_OBJECTIVE, objective);
      const Heading *above = previous ? document_heading (document, CTG_ITEM_OBJECTIVE,
                                                          ctg_action_get_objective_id (previous))
                                      : NULL;
      const char *section = heading->section;
      gboolean new_section = section != NULL && g_strcmp0 (section, above ? above->section : NULL) != 0;
      g_autofree char *joined = NULL;

      /* Across axes the caption names the axis too, once per axis and
       * thématique, as it does the thématique alone within an axis */
      if (show_axis)
        {
          gint64 axis_id = ctg_action_get_axis_id (action);
          const char *axis = document_heading (document, CTG_ITEM_AXIS, axis_id)->title;

          joined = section ? g_strdup_printf ("%s — %s", axis, section) : g_strdup (axis);
          section = joined;
          new_section = previous == NULL || ctg_action_get_axis_id (previous) != axis_id ||
                        g_strcmp0 (heading->section, above->section) != 0;
        }

      gtk_label_set_label (self->section_label, section ? section : "");
      gtk_widget_set_visible (GTK_WIDGET (self->section_label), new_section);
      gtk_label_set_label (self->objective_label, heading->title);
      gtk_widget_set_visible (GTK_WIDGET (self->objective_label), heading->title[0] != '\0');
    }

  if (self->action != action)
    {
      ctg_action_row_unbind (self);
      self->action = g_object_ref (action);
      self->notify_id = g_signal_connect_swapped (action, "notify", G_CALLBACK (on_action_notify_cb), self);
    }
  self->today = *today;
  show_action (self);
}

static void
ctg_action_row_dispose (GObject *object)
{
  GtkWidget *child;

  ctg_action_row_unbind (CTG_ACTION_ROW (object));
  gtk_widget_dispose_template (GTK_WIDGET (object), CTG_TYPE_ACTION_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ctg_action_row_parent_class)->dispose (object);
}

static void
ctg_action_row_class_init (CtgActionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ctg_action_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ctgplanner/CtgPlanner/ui/ctg-action-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CtgActionRow, header_box);
  gtk_widget_class_bind_template_child (widget_class, CtgActionRow, section_label);
  gtk_widget_class_bind_template_child (widget_class, CtgActionRow, objective_label);
  gtk_widget_class_bind_template_child (widget_class, CtgActionRow, code_label);
  gtk_widget_class_bind_template_child (widget_class, CtgActionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CtgActionRow, pilots_label);
  gtk_widget_class_bind_template_child (widget_class, CtgActionRow, echeance_label);
  gtk_widget_class_bind_template_child (widget_class, CtgActionRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, CtgActionRow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CtgActionRow, progress_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ctg_action_row_init (CtgActionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ctg_action_row_new (void)
{
  return g_object_new (CTG_TYPE_ACTION_ROW, NULL);
}
