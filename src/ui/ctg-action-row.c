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
};

G_DEFINE_FINAL_TYPE (CtgActionRow, ctg_action_row, GTK_TYPE_WIDGET)

static const char * const status_classes[CTG_N_STATUSES] = {
  "status-todo", "status-in-progress", "status-done", "status-postponed", "status-abandoned",
};

static char *
section_text (CtgDocument *document,
              gint64       objective_id)
{
  gint64 theme = ctg_document_get_int (document, CTG_ITEM_OBJECTIVE, objective_id, "theme_id", 0);
  gint64 enjeu = ctg_document_get_int (document, CTG_ITEM_OBJECTIVE, objective_id, "enjeu_id", 0);
  g_autofree char *theme_title = theme ? ctg_document_dup_text (document, CTG_ITEM_SECTION, theme, "title") : NULL;
  g_autofree char *enjeu_title = enjeu ? ctg_document_dup_text (document, CTG_ITEM_SECTION, enjeu, "title") : NULL;

  if (theme_title && enjeu_title)
    return g_strdup_printf ("%s — %s", theme_title, enjeu_title);
  if (theme_title)
    return g_steal_pointer (&theme_title);
  return g_steal_pointer (&enjeu_title);
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
  g_autofree char *pilots = ctg_action_dup_pilots_text (action);
  g_autofree char *echeance = ctg_date_format (ctg_action_get_echeance (action));
  g_autofree char *accessible = NULL;
  CtgStatus status = ctg_action_get_status (action);
  int progress = ctg_action_get_progress (action);
  gboolean overdue = ctg_action_is_overdue (action, today);

  gtk_widget_set_visible (GTK_WIDGET (self->header_box), new_objective);
  if (new_objective)
    {
      g_autofree char *objective_title = ctg_document_dup_text (document, CTG_ITEM_OBJECTIVE, objective, "title");
      g_autofree char *section = section_text (document, objective);
      g_autofree char *previous_section = previous ? section_text (document, ctg_action_get_objective_id (previous)) : NULL;
      gboolean new_section = section != NULL && g_strcmp0 (section, previous_section) != 0;

      if (show_axis)
        {
          g_autofree char *axis = ctg_document_dup_text (document, CTG_ITEM_AXIS, ctg_action_get_axis_id (action), "title");
          g_autofree char *joined = section ? g_strdup_printf ("%s — %s", axis, section) : g_strdup (axis);

          g_free (section);
          section = g_steal_pointer (&joined);
          new_section = TRUE;
        }

      gtk_label_set_label (self->section_label, section ? section : "");
      gtk_widget_set_visible (GTK_WIDGET (self->section_label), new_section);
      gtk_label_set_label (self->objective_label, objective_title ? objective_title : "");
      gtk_widget_set_visible (GTK_WIDGET (self->objective_label), objective_title && objective_title[0]);
    }

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
  for (guint i = 0; i < CTG_N_STATUSES; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[status]);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), progress >= 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label), progress >= 0);
  if (progress >= 0)
    {
      /* Translators: a progress, as in "40 %" */
      g_autofree char *text = g_strdup_printf (_("%d %%"), progress);
      gtk_progress_bar_set_fraction (self->progress_bar, progress / 100.0);
      gtk_label_set_label (self->progress_label, text);
    }

  /* Translators: read by screen readers for an action: title, status, échéance */
  accessible = g_strdup_printf (_("%s, %s, échéance %s"), ctg_action_get_title (action),
                                ctg_status_to_label (status), echeance[0] ? echeance : _("none"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
ctg_action_row_dispose (GObject *object)
{
  GtkWidget *child;

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
