/* ctg-convention-entry-row.c: one field of the convention, a signatory, a
 * body, a member or a meeting, edited in an AdwEntryRow
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-convention-entry-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-convention-entry-row.h"
#include "ctg-editor-util.h"
#include "ctg-field-binding.h"

/* The text is committed on apply (the button or Enter) and when the focus
 * leaves the row, never per keystroke. A date shows as the user's locale
 * writes it ("mars 2025") and turns into what one types ("03/2025") while
 * the row is being edited. A text too long for the row ends in "…" until
 * the row is edited (GtkText only cuts it), the whole text in the tooltip.
 * A refused value is reverted and the reason kept in the "error" property,
 * for the container to show inline. */
struct _CtgConventionEntryRow
{
  AdwEntryRow  parent_instance;

  CtgFieldBinding binding;

  /* Owned references */
  char        *error;
  char        *ellipsized;   /* the text shown when it is the stored one cut, else NULL */

  int          width;         /* the row's width the text was last fitted to */
  guint        refit_id;
  guint        is_date : 1;
  guint        editing : 1;   /* the focus is in the row: the text is the user's */
  guint        updating;
};

G_DEFINE_FINAL_TYPE (CtgConventionEntryRow, ctg_convention_entry_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_accessible_description (CtgConventionEntryRow *self);

/* Whether the first @n_chars of @text, then "…", fit in @width pixels */
static gboolean
prefix_fits (PangoLayout *layout,
             const char  *text,
             glong        n_chars,
             int          width)
{
  const char *end = g_utf8_offset_to_pointer (text, n_chars);
  g_autofree char *candidate = g_strdup_printf ("%.*s…", (int) (end - text), text);
  int candidate_width;

  pango_layout_set_text (layout, candidate, -1);
  pango_layout_get_pixel_size (layout, &candidate_width, NULL);
  return candidate_width <= width;
}

/* @text as it fits the row's text, cut at a character and ended by "…" */
static char *
fit_to_width (CtgConventionEntryRow *self,
              const char            *text)
{
  GtkWidget *entry = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self)));
  /* The cursor's room at the end */
  int width = gtk_widget_get_width (entry) - 2;
  g_autoptr(PangoLayout) layout = NULL;
  glong low = 0, high;
  int text_width;

  if (width <= 0 || text[0] == '\0')
    return g_strdup (text);
  layout = gtk_widget_create_pango_layout (entry, text);
  pango_layout_get_pixel_size (layout, &text_width, NULL);
  if (text_width <= width)
    return g_strdup (text);

  /* The longest prefix that fits, by halves: a title is read in a few
   * measures, not one per character */
  high = g_utf8_strlen (text, -1) - 1;
  while (low < high)
    {
      glong middle = (low + high + 1) / 2;

      if (prefix_fits (layout, text, middle, width))
        low = middle;
      else
        high = middle - 1;
    }
  {
    const char *end = g_utf8_offset_to_pointer (text, low);
    g_autofree char *prefix = g_strndup (text, end - text);

    return g_strconcat (g_strchomp (prefix), "…", NULL);
  }
}

/* What the row shows for a stored value */
static char *
display_text (CtgConventionEntryRow *self,
              const char            *stored)
{
  g_autofree char *shown = NULL;
  CtgDate date;

  if (self->is_date && stored != NULL && ctg_date_parse (stored, &date))
    return self->editing ? _ctg_date_to_input (&date) : ctg_date_format (&date);
  if (self->editing)
    return g_strdup (stored ? stored : "");

  shown = fit_to_width (self, stored ? stored : "");
  g_clear_pointer (&self->ellipsized, g_free);
  if (g_strcmp0 (shown, stored ? stored : "") != 0)
    self->ellipsized = g_strdup (shown);
  update_accessible_description (self);
  return g_steal_pointer (&shown);
}

static gboolean
text_matches_stored (CtgConventionEntryRow *self,
                     const char            *text,
                     const char            *stored)
{
  g_autofree char *stripped = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *formatted = NULL;
  CtgDate date;

  /* The text cut to fit is not something typed */
  if (self->ellipsized != NULL && g_strcmp0 (text, self->ellipsized) == 0)
    return TRUE;
  if (!self->is_date)
    return g_strcmp0 (text, stored ? stored : "") == 0;

  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    return stored == NULL || stored[0] == '\0';
  if (ctg_date_parse (stripped, &date))
    {
      iso = ctg_date_to_iso (&date);
      return g_strcmp0 (iso, stored) == 0;
    }
  if (stored != NULL && ctg_date_parse (stored, &date))
    formatted = ctg_date_format (&date);
  return g_strcmp0 (stripped, formatted) == 0;
}

/* Hides the apply button: AdwEntryRow shows it until it is clicked */
static void
reset_apply_button (CtgConventionEntryRow *self)
{
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self), TRUE);
}

static void
set_text_quietly (CtgConventionEntryRow *self,
                  const char            *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), text) == 0)
    return;

  self->updating++;
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self), TRUE);
  self->updating--;
}

static void
update_accessible_description (CtgConventionEntryRow *self)
{
  const char *description = NULL;
  const char *whole = NULL;

  if (self->error != NULL)
    description = self->error;
  else if (self->is_date)
    description = _("Write a year (2025), a month (03/2025) or a day (15/03/2025).");

  /* A text cut to fit is read whole in the tooltip */
  if (self->error == NULL && self->ellipsized != NULL)
    whole = _ctg_field_binding_get (&self->binding);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), whole ? whole : description);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
set_error (CtgConventionEntryRow *self,
           const char            *error)
{
  if (g_strcmp0 (self->error, error) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (error);

  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  update_accessible_description (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* Shows the stored value, unless the user is typing in the row */
static void
refresh (CtgConventionEntryRow *self)
{
  g_autofree char *text = NULL;

  if (self->editing)
    return;
  text = display_text (self, _ctg_field_binding_get (&self->binding));
  set_text_quietly (self, text);
}

static void
on_apply_cb (CtgConventionEntryRow *self)
{
  ctg_convention_entry_row_commit (self);
}

static void
on_changed_cb (CtgConventionEntryRow *self)
{
  /* The user is typing again: the old complaint no longer applies */
  if (self->updating == 0 && self->editing)
    set_error (self, NULL);
}

static void
on_focus_enter_cb (CtgConventionEntryRow *self)
{
  const char *stored = _ctg_field_binding_get (&self->binding);
  g_autofree char *text = NULL;

  self->editing = TRUE;
  if (!self->is_date)
    {
      /* The whole text to edit, not the one cut to fit */
      if (self->ellipsized != NULL && self->binding.item != NULL &&
          g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), self->ellipsized) == 0)
        {
          set_text_quietly (self, stored ? stored : "");
          g_clear_pointer (&self->ellipsized, g_free);
          update_accessible_description (self);
        }
      return;
    }

  if (!text_matches_stored (self, gtk_editable_get_text (GTK_EDITABLE (self)), stored))
    return;
  text = display_text (self, stored);
  set_text_quietly (self, text);
  gtk_editable_select_region (GTK_EDITABLE (self), 0, -1);
}

static void
on_focus_leave_cb (CtgConventionEntryRow *self)
{
  self->editing = FALSE;
  if (self->binding.item == NULL)
    return;

  if (ctg_convention_entry_row_commit (self))
    refresh (self);
}

static gboolean
refit_cb (gpointer user_data)
{
  CtgConventionEntryRow *self = user_data;

  self->refit_id = 0;
  if (self->binding.item != NULL)
    refresh (self);
  return G_SOURCE_REMOVE;
}

static void
ctg_convention_entry_row_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  CtgConventionEntryRow *self = CTG_CONVENTION_ENTRY_ROW (widget);
  int width = gtk_widget_get_width (widget);

  GTK_WIDGET_CLASS (ctg_convention_entry_row_parent_class)->snapshot (widget, snapshot);

  /* Fitted again to a new width, after the frame: the row's layout
   * manager allocates it, and a text set while drawing would redraw it.
   * Drawn with the old text once, fitted at the next frame. */
  if (width != self->width)
    {
      self->width = width;
      if (self->refit_id == 0)
        self->refit_id = g_idle_add (refit_cb, self);
    }
}

static void
ctg_convention_entry_row_dispose (GObject *object)
{
  CtgConventionEntryRow *self = (CtgConventionEntryRow *) object;

  g_clear_handle_id (&self->refit_id, g_source_remove);
  _ctg_field_binding_clear (&self->binding);

  G_OBJECT_CLASS (ctg_convention_entry_row_parent_class)->dispose (object);
}

static void
ctg_convention_entry_row_finalize (GObject *object)
{
  CtgConventionEntryRow *self = (CtgConventionEntryRow *) object;

  g_free (self->error);
  g_free (self->ellipsized);

  G_OBJECT_CLASS (ctg_convention_entry_row_parent_class)->finalize (object);
}

static void
ctg_convention_entry_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  CtgConventionEntryRow *self = CTG_CONVENTION_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ctg_convention_entry_row_class_init (CtgConventionEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ctg_convention_entry_row_dispose;
  object_class->finalize = ctg_convention_entry_row_finalize;
  object_class->get_property = ctg_convention_entry_row_get_property;
  widget_class->snapshot = ctg_convention_entry_row_snapshot;

  /**
   * CtgConventionEntryRow:error:
   *
   * Why the last value typed was refused, or %NULL.
   */
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ctg_convention_entry_row_init (CtgConventionEntryRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self), TRUE);

  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_enter_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect (self, "apply", G_CALLBACK (on_apply_cb), NULL);
  g_signal_connect (self, "changed", G_CALLBACK (on_changed_cb), NULL);
}

/**
 * ctg_convention_entry_row_new:
 * @title: the visible and accessible name of the field
 * @field: the field, a column ("period_start") or its property
 * @is_date: whether the field holds a date
 */
GtkWidget *
ctg_convention_entry_row_new (const char  *title,
                              const char  *field,
                              gboolean     is_date)
{
  CtgConventionEntryRow *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  self = g_object_new (CTG_TYPE_CONVENTION_ENTRY_ROW, "title", title, NULL);
  _ctg_field_binding_init (&self->binding, field);
  self->is_date = !!is_date;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  update_accessible_description (self);

  return GTK_WIDGET (self);
}

/**
 * ctg_convention_entry_row_set_item:
 * @item: (nullable): the item whose field to show and edit
 *
 * Shows the field of another item, dropping what was being typed, and
 * follows its changes from then on.
 */
void
ctg_convention_entry_row_set_item (CtgConventionEntryRow *self,
                                   CtgItem               *item)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CTG_IS_CONVENTION_ENTRY_ROW (self));
  g_return_if_fail (item == NULL || CTG_IS_ITEM (item));

  _ctg_field_binding_set_item (&self->binding, item, G_CALLBACK (refresh), self);
  set_error (self, NULL);
  reset_apply_button (self);
  gtk_editable_set_editable (GTK_EDITABLE (self), _ctg_field_binding_writable (&self->binding));
  text = display_text (self, _ctg_field_binding_get (&self->binding));
  set_text_quietly (self, text);
}

/**
 * ctg_convention_entry_row_commit:
 *
 * Writes what was typed to the item, if it differs from what is there. A
 * refused value is reverted, the reason kept in #CtgConventionEntryRow:error.
 *
 * Returns: %FALSE if the value was refused
 */
gboolean
ctg_convention_entry_row_commit (CtgConventionEntryRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CtgItem) item = NULL;

  g_return_val_if_fail (CTG_IS_CONVENTION_ENTRY_ROW (self), FALSE);

  if (self->binding.item == NULL)
    return TRUE;

  /* The commit may rebind or destroy rows: hold on */
  item = g_object_ref (self->binding.item);
  g_object_ref (self);

  stored = g_strdup (_ctg_field_binding_get (&self->binding));
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self)));

  if (!_ctg_field_binding_writable (&self->binding))
    {
      reset_apply_button (self);
      g_object_unref (self);
      return TRUE;
    }

  if (text_matches_stored (self, text, stored))
    {
      g_autofree char *shown = display_text (self, stored);

      set_error (self, NULL);
      reset_apply_button (self);
      set_text_quietly (self, shown);
      g_object_unref (self);
      return TRUE;
    }

  if (!_ctg_field_binding_store (&self->binding, text, &error))
    {
      g_autofree char *shown = display_text (self, stored);

      g_debug ("Refused %s = “%s”: %s", self->binding.property, text, error->message);
      set_text_quietly (self, shown);
      reset_apply_button (self);
      set_error (self, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      g_object_unref (self);
      return FALSE;
    }

  if (self->binding.item == item)
    {
      g_autofree char *shown = display_text (self, _ctg_field_binding_get (&self->binding));

      set_text_quietly (self, shown);
    }
  reset_apply_button (self);
  set_error (self, NULL);
  g_object_unref (self);
  return TRUE;
}

const char *
ctg_convention_entry_row_get_error (CtgConventionEntryRow *self)
{
  g_return_val_if_fail (CTG_IS_CONVENTION_ENTRY_ROW (self), NULL);

  return self->error;
}
