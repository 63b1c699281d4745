/* ctg-text-row.c: a multi-line text field in a boxed list, in the action
 * editor and for the descriptions and notes of the convention, its bodies
 * and its meetings
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-text-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ctg-editor-util.h"
#include "ctg-field-binding.h"
#include "ctg-text-row.h"

/* Descriptions, means and notes run over several paragraphs, and titles
 * over several lines, which AdwEntryRow cannot show. This row looks like
 * one: the title above, the text below, an apply button while there is
 * something to apply. The text is applied when the focus leaves the row or
 * on Ctrl+Enter (Enter makes a new line, except in a single-line row where
 * it applies), and Escape puts back what the document holds. The owner
 * writes what "apply" gives, or binds the row to a field of a live item
 * (ctg_text_row_set_item()), which the row then follows and writes. */
struct _CtgTextRow
{
  AdwPreferencesRow  parent_instance;

  GtkLabel          *title_label;
  GtkWidget         *text_box;       /* the title above the text */
  GtkTextView       *view;
  GtkWidget         *edit_icon;
  GtkButton         *apply_button;

  CtgFieldBinding    binding;        /* unset unless bound to an item */
  char              *shown;
  guint              setting : 1;
  guint              single_line : 1;
};

G_DEFINE_FINAL_TYPE (CtgTextRow, ctg_text_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_SINGLE_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  APPLY,
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* As in AdwEntryRow: a pencil while the row is not being edited, the apply
 * button while there is something to apply */
static void
update_apply_button (CtgTextRow *self)
{
  gboolean editable = gtk_text_view_get_editable (self->view);
  gboolean modified = ctg_text_row_is_modified (self);
  gboolean focused = gtk_widget_has_css_class (GTK_WIDGET (self), "focused");

  gtk_widget_set_visible (GTK_WIDGET (self->apply_button), editable && modified);
  gtk_widget_set_visible (self->edit_icon, !modified && !(focused && editable));
  gtk_widget_set_sensitive (self->edit_icon, editable);
}

static void
apply (CtgTextRow *self)
{
  if (!ctg_text_row_is_modified (self))
    return;
  g_signal_emit (self, signals[APPLY], 0);
}

static void
on_buffer_changed_cb (CtgTextRow    *self,
                      GtkTextBuffer *buffer)
{
  if (!self->setting)
    update_apply_button (self);
}

static void
on_focus_enter_cb (CtgTextRow              *self,
                   GtkEventControllerFocus *controller)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "focused");
  update_apply_button (self);
}

static void
on_focus_leave_cb (CtgTextRow              *self,
                   GtkEventControllerFocus *controller)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "focused");
  update_apply_button (self);
  apply (self);
}

static gboolean
on_key_pressed_cb (CtgTextRow            *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (self->single_line || (state & GDK_CONTROL_MASK) != 0))
    {
      apply (self);
      return GDK_EVENT_STOP;
    }

  if (keyval == GDK_KEY_Escape && ctg_text_row_is_modified (self))
    {
      ctg_text_row_set_text (self, self->shown);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

/* A row bound to an item writes what was applied; a text refused stays
 * while the user is typing, for them to correct */
static void
on_apply_cb (CtgTextRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *stored;

  if (!_ctg_field_binding_writable (&self->binding))
    return;

  text = ctg_text_row_dup_text (self);
  stored = _ctg_field_binding_get (&self->binding);
  if (g_strcmp0 (text, stored ? stored : "") == 0)
    return;
  if (!_ctg_field_binding_store (&self->binding, text, &error))
    {
      g_signal_emit (self, signals[TOAST], 0, error->message);
      if (!gtk_widget_has_css_class (GTK_WIDGET (self), "focused"))
        ctg_text_row_set_text (self, self->shown);
      return;
    }
  /* As the document stored it, unless the commit destroyed the row (the
   * emission holds it, not its children) */
  if (self->binding.item != NULL)
    ctg_text_row_set_text (self, _ctg_field_binding_get (&self->binding));
}

static void
on_item_changed_cb (CtgTextRow *self)
{
  ctg_text_row_update (self, _ctg_field_binding_get (&self->binding), FALSE);
}

/* The wheel over a text that scrolls in its box scrolls the page unless
 * the text is being edited: a description of twenty pages would otherwise
 * hold the page still for as many turns. Clicking into the text, or its
 * scrollbar, scrolls the text. */
static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              CtgTextRow               *self)
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

static gboolean
queue_resize_cb (gpointer data)
{
  gtk_widget_queue_resize (GTK_WIDGET (data));
  return G_SOURCE_REMOVE;
}

static void
on_apply_clicked_cb (CtgTextRow *self)
{
  apply (self);
}

static void
on_pressed_cb (CtgTextRow      *self,
               int              n_press,
               double           x,
               double           y,
               GtkGestureClick *gesture)
{
  /* A click on the padding around the text still means "edit this" */
  if ((gtk_widget_get_state_flags (GTK_WIDGET (self->view)) & GTK_STATE_FLAG_FOCUS_WITHIN) == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
on_title_changed_cb (CtgTextRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

static void
ctg_text_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CtgTextRow *self = CTG_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_SINGLE_LINE:
      g_value_set_boolean (value, self->single_line);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ctg_text_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CtgTextRow *self = CTG_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_SINGLE_LINE:
      if (self->single_line != g_value_get_boolean (value))
        {
          self->single_line = g_value_get_boolean (value);
          gtk_widget_set_size_request (GTK_WIDGET (self->view), -1, self->single_line ? -1 : 32);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ctg_text_row_dispose (GObject *object)
{
  CtgTextRow *self = (CtgTextRow *)object;

  _ctg_field_binding_clear (&self->binding);

  G_OBJECT_CLASS (ctg_text_row_parent_class)->dispose (object);
}

static void
ctg_text_row_finalize (GObject *object)
{
  CtgTextRow *self = (CtgTextRow *)object;

  g_clear_pointer (&self->shown, g_free);

  G_OBJECT_CLASS (ctg_text_row_parent_class)->finalize (object);
}

static void
ctg_text_row_class_init (CtgTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ctg_text_row_dispose;
  object_class->finalize = ctg_text_row_finalize;
  object_class->get_property = ctg_text_row_get_property;
  object_class->set_property = ctg_text_row_set_property;

  /**
   * CtgTextRow:single-line:
   *
   * Whether the text is one paragraph, shown wrapped: Enter applies it, and
   * line breaks pasted in become spaces.
   */
  properties[PROP_SINGLE_LINE] =
    g_param_spec_boolean ("single-line", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CtgTextRow::apply:
   *
   * The user confirmed a changed text: the focus left the row, or Ctrl+Enter
   * or the apply button.
   */
  signals[APPLY] =
    g_signal_new ("apply",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * CtgTextRow::toast:
   *
   * Asks the window to show a message, when a bound row's text could not
   * be saved.
   */
  signals[TOAST] = _ctg_toast_signal_new (G_TYPE_FROM_CLASS (klass));
}

static void
ctg_text_row_init (CtgTextRow *self)
{
  GtkEventController *controller;
  GtkWidget *box;
  GtkWidget *header;

  /* "entry" gives the focus ring of AdwEntryRow */
  gtk_widget_add_css_class (GTK_WIDGET (self), "text-row");
  gtk_widget_add_css_class (GTK_WIDGET (self), "entry");
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (header, 8);
  gtk_widget_set_margin_bottom (header, 8);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (header), box);
  self->text_box = box;

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->title_label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));
  g_object_bind_property (self, "title", self->title_label, "label", G_BINDING_SYNC_CREATE);

  self->edit_icon = gtk_image_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (self->edit_icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->edit_icon, "edit-icon");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->edit_icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (header), self->edit_icon);

  self->apply_button = GTK_BUTTON (gtk_button_new_from_icon_name ("object-select-symbolic"));
  gtk_widget_set_visible (GTK_WIDGET (self->apply_button), FALSE);
  gtk_widget_set_valign (GTK_WIDGET (self->apply_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->apply_button), "suggested-action");
  gtk_widget_add_css_class (GTK_WIDGET (self->apply_button), "circular");
  /* Translators: the button that saves a text being edited */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->apply_button), _("Apply"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->apply_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Apply"),
                                  -1);
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (on_apply_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->apply_button));

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->view, FALSE);
  gtk_text_view_set_top_margin (self->view, 2);
  gtk_text_view_set_bottom_margin (self->view, 2);
  gtk_widget_set_size_request (GTK_WIDGET (self->view), -1, 32);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "text-row-view");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->view));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->view), "changed",
                            G_CALLBACK (on_buffer_changed_cb), self);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_focus_enter_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  g_signal_connect_swapped (controller, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed_cb), NULL);
  g_signal_connect (self, "apply", G_CALLBACK (on_apply_cb), NULL);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), header);
}

GtkWidget *
ctg_text_row_new (void)
{
  return g_object_new (CTG_TYPE_TEXT_ROW, NULL);
}

/**
 * ctg_text_row_set_text:
 *
 * Shows @text as the value the document holds.
 */
/* The longest word laid out as words: far beyond any real one */
#define LONG_WORD 200

static gboolean
has_long_word (const char *text)
{
  guint run = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      run = g_unichar_isspace (g_utf8_get_char (p)) ? 0 : run + 1;
      if (run > LONG_WORD)
        return TRUE;
    }
  return FALSE;
}

void
ctg_text_row_set_text (CtgTextRow *self,
                       const char *text)
{
  g_autofree char *copy = g_strdup (text ? text : "");
  g_autofree char *current = NULL;

  g_return_if_fail (CTG_IS_TEXT_ROW (self));

  current = ctg_text_row_dup_text (self);
  /* Pango lays a word longer than the line out again for every line it
   * breaks with WORD_CHAR: a title of one 10,000-character word (a file
   * made elsewhere) took 12 s to show, 1 s with CHAR */
  gtk_text_view_set_wrap_mode (self->view, has_long_word (copy) ? GTK_WRAP_CHAR : GTK_WRAP_WORD_CHAR);
  self->setting = TRUE;
  if (g_strcmp0 (current, copy) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), copy, -1);
  self->setting = FALSE;

  g_free (self->shown);
  self->shown = g_steal_pointer (&copy);
  update_apply_button (self);

  /* GtkTextView lays wrapped text out in an idle: measure again once it has,
   * or a long title shows clipped to its first line */
  g_idle_add_full (G_PRIORITY_LOW, queue_resize_cb, g_object_ref (self), g_object_unref);
}

/**
 * ctg_text_row_update:
 * @force: replace even a text being edited
 *
 * Like ctg_text_row_set_text(), but leaves alone a text the user changed and
 * has not applied yet.
 */
void
ctg_text_row_update (CtgTextRow *self,
                     const char *text,
                     gboolean    force)
{
  g_return_if_fail (CTG_IS_TEXT_ROW (self));

  if (!force && ctg_text_row_is_modified (self))
    return;
  ctg_text_row_set_text (self, text);
}

char *
ctg_text_row_dup_text (CtgTextRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  char *text;

  g_return_val_if_fail (CTG_IS_TEXT_ROW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (self->single_line)
    g_strdelimit (text, "\r\n", ' ');
  return text;
}

gboolean
ctg_text_row_is_modified (CtgTextRow *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CTG_IS_TEXT_ROW (self), FALSE);

  text = ctg_text_row_dup_text (self);
  return g_strcmp0 (text, self->shown ? self->shown : "") != 0;
}

void
ctg_text_row_set_editable (CtgTextRow *self,
                           gboolean    editable)
{
  g_return_if_fail (CTG_IS_TEXT_ROW (self));

  gtk_text_view_set_editable (self->view, editable);
  gtk_text_view_set_cursor_visible (self->view, editable);
  update_apply_button (self);
}

GtkWidget *
ctg_text_row_get_view (CtgTextRow *self)
{
  g_return_val_if_fail (CTG_IS_TEXT_ROW (self), NULL);

  return GTK_WIDGET (self->view);
}

/**
 * ctg_text_row_set_max_height:
 * @max_height: the height of the text, in pixels, beyond which it scrolls
 *
 * Called once, before the row is shown: for texts that may run over pages.
 */
void
ctg_text_row_set_max_height (CtgTextRow *self,
                             int         max_height)
{
  GtkWidget *scroller;
  GtkEventController *scroll;

  g_return_if_fail (CTG_IS_TEXT_ROW (self));
  g_return_if_fail (gtk_widget_get_parent (GTK_WIDGET (self->view)) == self->text_box);
  g_return_if_fail (max_height > 0);

  /* On the box, in the capture phase: before any of the text's scrolled
   * window, which keeps a touchpad's scroll once begun */
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (scroll, "ctg-page-scroll");
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (self->text_box, scroll);

  /* A text view in a scrolled window asks for the height of its text
   * unwrapped: give long texts a fixed height instead */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), max_height);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), max_height);
  g_object_ref (self->view);
  gtk_box_remove (GTK_BOX (self->text_box), GTK_WIDGET (self->view));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  g_object_unref (self->view);
  gtk_box_append (GTK_BOX (self->text_box), scroller);
}

/**
 * ctg_text_row_set_item:
 * @item: (nullable): the item whose field to show and edit
 * @field: the field, a column ("description") or its property
 *
 * Binds the row to a field of a live item: it shows the field, follows its
 * changes (leaving alone a text being edited) and writes what is applied,
 * a refusal raised as a toast. What was typed is dropped, with the text
 * view's own undo history.
 */
void
ctg_text_row_set_item (CtgTextRow *self,
                       CtgItem    *item,
                       const char *field)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (CTG_IS_TEXT_ROW (self));
  g_return_if_fail (item == NULL || CTG_IS_ITEM (item));
  g_return_if_fail (field != NULL);

  _ctg_field_binding_init (&self->binding, field);
  _ctg_field_binding_set_item (&self->binding, item, G_CALLBACK (on_item_changed_cb), self);
  ctg_text_row_set_editable (self, _ctg_field_binding_writable (&self->binding));

  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_begin_irreversible_action (buffer);
  ctg_text_row_set_text (self, _ctg_field_binding_get (&self->binding));
  gtk_text_buffer_end_irreversible_action (buffer);
}
