/* ctg-convention-text-row.c: a multi-line field (a description, notes) in a
 * boxed list, committed when the focus leaves it
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-convention-text-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ctg-convention-text-row.h"
#include "ctg-editor-util.h"
#include "ctg-field-binding.h"

struct _CtgConventionTextRow
{
  AdwPreferencesRow  parent_instance;

  /* Template widgets (built in code) */
  GtkLabel          *title_label;
  GtkWidget         *box;
  GtkTextView       *view;

  CtgFieldBinding    binding;
};

G_DEFINE_FINAL_TYPE (CtgConventionTextRow, ctg_convention_text_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_buffer_text (CtgConventionTextRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_stored (CtgConventionTextRow *self,
             const char           *stored)
{
  g_autofree char *shown = dup_buffer_text (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);

  if (g_strcmp0 (shown, stored ? stored : "") == 0)
    return;

  /* Not part of what the user may undo inside the text view */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, stored ? stored : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

/* Shows the stored value, unless the user is typing in the row */
static void
refresh (CtgConventionTextRow *self)
{
  if (!self->binding.editing)
    show_stored (self, _ctg_field_binding_get (&self->binding));
}

/* The wheel over a text that scrolls in its box scrolls the page unless
 * the text is being edited: a description of twenty pages would otherwise
 * hold the page still for as many turns. Clicking into the text, or its
 * scrollbar, scrolls the text. */
static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              CtgConventionTextRow     *self)
{
  GtkWidget *page;
  GtkAdjustment *adjustment;
  double step = 1;

  if (gtk_widget_has_focus (GTK_WIDGET (self->view)))
    return FALSE;
  page = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  if (page == NULL)
    return FALSE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
  /* What GtkScrolledWindow scrolls for a turn of the wheel */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
  return TRUE;
}

static void
on_focus_enter_cb (CtgConventionTextRow *self)
{
  self->binding.editing = TRUE;
}

static void
on_focus_leave_cb (CtgConventionTextRow *self)
{
  self->binding.editing = FALSE;
  ctg_convention_text_row_commit (self);
}

static void
ctg_convention_text_row_dispose (GObject *object)
{
  CtgConventionTextRow *self = (CtgConventionTextRow *) object;

  _ctg_field_binding_clear (&self->binding);

  G_OBJECT_CLASS (ctg_convention_text_row_parent_class)->dispose (object);
}

static void
ctg_convention_text_row_class_init (CtgConventionTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ctg_convention_text_row_dispose;

  /**
   * CtgConventionTextRow::toast:
   *
   * Asks the window to show a message, when a text could not be saved.
   */
  signals[TOAST] = _ctg_toast_signal_new (G_TYPE_FROM_CLASS (klass));
}

static void
ctg_convention_text_row_init (CtgConventionTextRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "ctg-text-row");

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->view, FALSE);
  gtk_text_view_set_pixels_below_lines (self->view, 2);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->view), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  -1);

  self->box = box;
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_enter_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), focus);
}

/**
 * ctg_convention_text_row_new:
 * @max_height: the height of the text, which scrolls, or -1 to show it all
 */
GtkWidget *
ctg_convention_text_row_new (const char *title,
                             const char *field,
                             int         max_height)
{
  CtgConventionTextRow *self = g_object_new (CTG_TYPE_CONVENTION_TEXT_ROW, NULL);

  _ctg_field_binding_init (&self->binding, field);
  gtk_label_set_label (self->title_label, title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  if (max_height > 0)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

      /* On the box, in the capture phase: before any of the text's
       * scrolled window, which keeps a touchpad's scroll once begun */
      gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
      gtk_event_controller_set_name (scroll, "ctg-page-scroll");
      g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
      gtk_widget_add_controller (self->box, scroll);
      /* A text view in a scrolled window asks for the height of its text
       * unwrapped: give long texts a fixed height instead */
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), max_height);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), max_height);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
      gtk_box_append (GTK_BOX (self->box), scroller);
    }
  else
    gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->view));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);

  return GTK_WIDGET (self);
}

/**
 * ctg_convention_text_row_set_item:
 * @item: (nullable): the item whose field to show and edit
 *
 * Shows the field of another item, dropping what was being typed, and
 * follows its changes from then on.
 */
void
ctg_convention_text_row_set_item (CtgConventionTextRow *self,
                                  CtgItem              *item)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (CTG_IS_CONVENTION_TEXT_ROW (self));
  g_return_if_fail (item == NULL || CTG_IS_ITEM (item));

  _ctg_field_binding_set_item (&self->binding, item, G_CALLBACK (refresh), self);
  /* Emptied irreversibly, which also drops the text view's undo history */
  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_view_set_editable (self->view, _ctg_field_binding_writable (&self->binding));
  show_stored (self, _ctg_field_binding_get (&self->binding));
}

/**
 * ctg_convention_text_row_commit:
 *
 * Writes the text to the item, if it differs from what is there. A refused
 * text stays while the user is typing, for them to correct, and is told in
 * a toast.
 *
 * Returns: %FALSE if the text was refused
 */
gboolean
ctg_convention_text_row_commit (CtgConventionTextRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (CTG_IS_CONVENTION_TEXT_ROW (self), FALSE);

  if (!_ctg_field_binding_writable (&self->binding))
    return TRUE;

  stored = g_strdup (_ctg_field_binding_get (&self->binding));
  text = dup_buffer_text (self);
  if (g_strcmp0 (text, stored ? stored : "") == 0)
    return TRUE;

  if (!_ctg_field_binding_store (&self->binding, text, &error))
    {
      g_signal_emit (self, signals[TOAST], 0, error->message);
      if (!self->binding.editing)
        show_stored (self, stored);
      return FALSE;
    }
  return TRUE;
}

GtkTextView *
ctg_convention_text_row_get_view (CtgConventionTextRow *self)
{
  g_return_val_if_fail (CTG_IS_CONVENTION_TEXT_ROW (self), NULL);

  return self->view;
}
