/* ctg-item-row.c: the base of the expander rows of one convention item
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A signatory, a governance body, a member and a meeting are each an
 * expander row: named after the live item, its one-line fields as entry
 * rows, buttons at the bottom (Delete; Move Up and Down for an ordered
 * list), a toast after a deletion. What differs is said by a
 * CtgItemRowSpec, given at setup. A kind with fields of its own derives
 * from CtgItemRow (bodies, meetings); the others, signatories and members,
 * are CtgItemRows made from their spec, at the end of this file.
 */

#define G_LOG_DOMAIN "ctg-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-convention-entry-row.h"
#include "ctg-editor-util.h"
#include "ctg-item-row.h"

typedef struct
{
  /* Template widgets (built in code) */
  GPtrArray   *entry_rows;     /* CtgConventionEntryRow, as spec->entry_fields */
  GtkWidget   *buttons_row;
  GtkWidget   *left_box;       /* the subclass's buttons, Move Up, Move Down */
  GtkWidget   *up_button;
  GtkWidget   *down_button;
  GtkWidget   *delete_button;

  /* Owned references */
  CtgDocument *document;
  CtgItem     *item;           /* live: the row is named after it */

  const CtgItemRowSpec *spec;

  gint64       id;
  guint        position;
  guint        n_items;
  gboolean     buttons_added;
} CtgItemRowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CtgItemRow, ctg_item_row, ADW_TYPE_EXPANDER_ROW)

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const CtgItemRowSpec *
row_spec (CtgItemRow *self)
{
  CtgItemRowPrivate *priv = ctg_item_row_get_instance_private (self);

  g_assert (priv->spec != NULL);
  return priv->spec;
}

static void
move_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CtgItemRow *self = CTG_ITEM_ROW (widget);
  CtgItemRowPrivate *priv = ctg_item_row_get_instance_private (self);

  if (row_spec (self)->movable)
    _ctg_row_move_item (widget, action_name, priv->document, row_spec (self)->kind, priv->id,
                        priv->position, priv->n_items);
}

static void
on_delete_clicked_cb (CtgItemRow *self)
{
  CtgItemRowPrivate *priv = ctg_item_row_get_instance_private (self);
  const CtgItemRowSpec *spec = row_spec (self);
  const char *name = priv->item ? ctg_item_get_text (priv->item, spec->title_field) : NULL;
  g_autofree char *message = NULL;

  if (name != NULL && name[0] != '\0')
    {
      /* A format of the spec, with one %s: msgfmt -c checks the translations' */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      message = g_strdup_printf (_(spec->deleted_named), name);
#pragma GCC diagnostic pop
    }
  else
    message = g_strdup (_(spec->deleted));
  _ctg_row_delete_item (GTK_WIDGET (self), priv->document, spec->kind, priv->id, message);
}

static void
ctg_item_row_dispose (GObject *object)
{
  CtgItemRow *self = CTG_ITEM_ROW (object);
  CtgItemRowPrivate *priv = ctg_item_row_get_instance_private (self);

  g_clear_object (&priv->item);
  g_clear_object (&priv->document);
  g_clear_pointer (&priv->entry_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ctg_item_row_parent_class)->dispose (object);
}

static GtkWidget *
ctg_item_row_real_get_field (CtgItemRow *self,
                             const char *field)
{
  CtgItemRowPrivate *priv = ctg_item_row_get_instance_private (self);
  const CtgItemRowSpec *spec = row_spec (self);

  for (guint i = 0; i < priv->entry_rows->len; i++)
    if (g_strcmp0 (field, spec->entry_fields[i]) == 0)
      return g_ptr_array_index (priv->entry_rows, i);
  if (g_strcmp0 (field, "delete") == 0)
    return priv->delete_button;
  if (g_strcmp0 (field, "move-up") == 0)
    return priv->up_button;
  if (g_strcmp0 (field, "move-down") == 0)
    return priv->down_button;
  return NULL;
}

static void
ctg_item_row_class_init (CtgItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ctg_item_row_dispose;
  klass->get_field = ctg_item_row_real_get_field;

  /**
   * CtgItemRow::toast:
   *
   * Asks the window to show a message (a deletion, or an edit refused).
   */
  signals[TOAST] = _ctg_toast_signal_new (G_TYPE_FROM_CLASS (klass));

  _ctg_row_class_add_move_actions (widget_class, move_activated);
}

static void
ctg_item_row_init (CtgItemRow *self)
{
  CtgItemRowPrivate *priv = ctg_item_row_get_instance_private (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  priv->entry_rows = g_ptr_array_new ();

  priv->left_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (box), priv->left_box);
  gtk_box_append (GTK_BOX (box), spacer);
  gtk_widget_add_css_class (box, "ctg-row-buttons");
  priv->buttons_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (priv->buttons_row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (priv->buttons_row), FALSE);
  gtk_widget_set_focusable (priv->buttons_row, FALSE);
}

/**
 * _ctg_item_row_button_new:
 * @label: with a mnemonic; without it, the accessible name
 *
 * Returns: (transfer floating): a button with an icon and a label, as the
 *   rows' buttons are
 */
GtkWidget *
_ctg_item_row_button_new (const char *icon_name,
                          const char *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  g_autofree char *accessible = g_strdup (label);
  char *out = accessible;

  for (const char *in = label; *in != '\0'; in++)
    if (*in != '_')
      *out++ = *in;
  *out = '\0';

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}

/**
 * _ctg_item_row_add_row:
 *
 * Adds @row inside the expander, above the buttons.
 */
void
_ctg_item_row_add_row (CtgItemRow *self,
                       GtkWidget  *row)
{
  CtgItemRowPrivate *priv = ctg_item_row_get_instance_private (self);

  if (!priv->buttons_added)
    {
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      return;
    }
  /* AdwExpanderRow 1.2 only appends: the buttons go to the end again */
  g_object_ref (priv->buttons_row);
  adw_expander_row_remove (ADW_EXPANDER_ROW (self), priv->buttons_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), priv->buttons_row);
  g_object_unref (priv->buttons_row);
}

/* Adds @button at the start of the buttons, before Move Up and Down */
void
_ctg_item_row_add_button (CtgItemRow *self,
                          GtkWidget  *button)
{
  CtgItemRowPrivate *priv = ctg_item_row_get_instance_private (self);

  gtk_box_append (GTK_BOX (priv->left_box), button);
}

void
_ctg_item_row_toast (CtgItemRow *self,
                     const char *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

/**
 * _ctg_item_row_setup:
 * @spec: (not nullable): what the kind of row shows and says, static
 *
 * Called once by the constructor: shows the item @id of @document, after
 * the rows a subclass added in its init.
 */
void
_ctg_item_row_setup (CtgItemRow           *self,
                     const CtgItemRowSpec *spec,
                     CtgDocument          *document,
                     gint64                id)
{
  CtgItemRowPrivate *priv = ctg_item_row_get_instance_private (self);
  gboolean writable = !ctg_document_is_read_only (document);
  GtkWidget *box = gtk_widget_get_parent (priv->left_box);

  g_return_if_fail (priv->document == NULL);
  g_return_if_fail (spec != NULL);

  priv->spec = spec;
  priv->document = g_object_ref (document);
  priv->id = id;
  priv->item = ctg_document_get_item (document, spec->kind, id);

  if (spec->icon_name != NULL)
    adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (self), spec->icon_name);
  for (guint i = 0; i < CTG_ITEM_ROW_MAX_FIELDS && spec->entry_fields[i] != NULL; i++)
    {
      GtkWidget *row = ctg_convention_entry_row_new (_(spec->entry_labels[i]), spec->entry_fields[i], FALSE);

      ctg_convention_entry_row_set_item (CTG_CONVENTION_ENTRY_ROW (row), priv->item);
      g_ptr_array_add (priv->entry_rows, row);
      _ctg_item_row_add_row (self, row);
    }

  if (spec->movable)
    {
      priv->up_button = _ctg_item_row_button_new ("go-up-symbolic", _("Move _Up"));
      gtk_widget_set_tooltip_text (priv->up_button, _("Move up (Alt+Up)"));
      priv->down_button = _ctg_item_row_button_new ("go-down-symbolic", _("Move _Down"));
      gtk_widget_set_tooltip_text (priv->down_button, _("Move down (Alt+Down)"));
      /* Enabled as the actions are (ctg_item_row_set_position()) */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (priv->up_button), "row.move-up");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (priv->down_button), "row.move-down");
      gtk_box_append (GTK_BOX (priv->left_box), priv->up_button);
      gtk_box_append (GTK_BOX (priv->left_box), priv->down_button);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-up", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-down", FALSE);

  priv->delete_button = _ctg_item_row_button_new ("user-trash-symbolic", _(spec->delete_label));
  gtk_widget_add_css_class (priv->delete_button, "destructive-action");
  g_signal_connect_swapped (priv->delete_button, "clicked", G_CALLBACK (on_delete_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), priv->delete_button);
  gtk_widget_set_visible (priv->buttons_row, writable);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), priv->buttons_row);
  priv->buttons_added = TRUE;

  /* Named after the live item, whoever changes it */
  if (priv->item != NULL && !spec->named_by_subclass)
    _ctg_expander_row_follow_item (ADW_EXPANDER_ROW (self), priv->item, spec->title_field, _(spec->untitled),
                                   spec->subtitle_fields[0], spec->subtitle_fields[1]);
}

gint64
ctg_item_row_get_id (CtgItemRow *self)
{
  CtgItemRowPrivate *priv = ctg_item_row_get_instance_private (self);

  g_return_val_if_fail (CTG_IS_ITEM_ROW (self), 0);

  return priv->id;
}

CtgDocument *
ctg_item_row_get_document (CtgItemRow *self)
{
  CtgItemRowPrivate *priv = ctg_item_row_get_instance_private (self);

  g_return_val_if_fail (CTG_IS_ITEM_ROW (self), NULL);

  return priv->document;
}

/**
 * ctg_item_row_get_item:
 *
 * Returns: (transfer none) (nullable): the live item shown
 */
CtgItem *
ctg_item_row_get_item (CtgItemRow *self)
{
  CtgItemRowPrivate *priv = ctg_item_row_get_instance_private (self);

  g_return_val_if_fail (CTG_IS_ITEM_ROW (self), NULL);

  return priv->item;
}

/**
 * ctg_item_row_get_field:
 * @field: one of the spec's entry fields, "delete", "move-up" or
 *   "move-down", or a field of the kind of row
 *
 * Returns: (transfer none) (nullable): the row or button for @field
 */
GtkWidget *
ctg_item_row_get_field (CtgItemRow *self,
                        const char *field)
{
  g_return_val_if_fail (CTG_IS_ITEM_ROW (self), NULL);

  return CTG_ITEM_ROW_GET_CLASS (self)->get_field (self, field);
}

/**
 * ctg_item_row_refresh:
 *
 * Shows again what a kind of row shows beyond its field rows, which follow
 * the item themselves.
 */
void
ctg_item_row_refresh (CtgItemRow *self)
{
  g_return_if_fail (CTG_IS_ITEM_ROW (self));

  if (CTG_ITEM_ROW_GET_CLASS (self)->refresh != NULL)
    CTG_ITEM_ROW_GET_CLASS (self)->refresh (self);
}

/**
 * ctg_item_row_set_position:
 * @position: the place of the item in its list, from 0
 *
 * For a movable row: what Move Up and Move Down may do.
 */
void
ctg_item_row_set_position (CtgItemRow *self,
                           guint       position,
                           guint       n_items)
{
  CtgItemRowPrivate *priv = ctg_item_row_get_instance_private (self);
  gboolean movable;

  g_return_if_fail (CTG_IS_ITEM_ROW (self));

  movable = row_spec (self)->movable && priv->document != NULL && !ctg_document_is_read_only (priv->document);
  priv->position = position;
  priv->n_items = n_items;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-up", movable && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-down", movable && position + 1 < n_items);
}

/* The kinds with no fields of their own */

static const CtgItemRowSpec signatory_spec = {
  .kind = CTG_ITEM_SIGNATORY,
  .title_field = "organisation",
  .untitled = N_("Unnamed signatory"),
  .subtitle_fields = { "representative", "role" },
  .entry_fields = { "organisation", "representative", "role" },
  .entry_labels = { N_("Organisation"), N_("Representative"), N_("Role") },
  .movable = TRUE,
  .delete_label = N_("_Delete Signatory"),
  /* Translators: shown after deleting a signatory, with an Undo button */
  .deleted_named = N_("Signatory “%s” deleted"),
  .deleted = N_("Signatory deleted"),
};

/* One member of a governance body (COPIL, COTECH, ...) */
static const CtgItemRowSpec member_spec = {
  .kind = CTG_ITEM_MEMBER,
  .icon_name = "avatar-default-symbolic",
  .title_field = "name",
  .untitled = N_("Unnamed member"),
  .subtitle_fields = { "role", "organisation" },
  .entry_fields = { "name", "role", "organisation" },
  .entry_labels = { N_("Name"), N_("Role"), N_("Organisation") },
  .delete_label = N_("_Remove Member"),
  /* Translators: shown after removing a member from a COPIL, COTECH, ... */
  .deleted_named = N_("Member “%s” removed"),
  .deleted = N_("Member removed"),
};

/**
 * ctg_item_row_new:
 * @kind: %CTG_ITEM_SIGNATORY, %CTG_ITEM_BODY, %CTG_ITEM_MEMBER or
 *   %CTG_ITEM_MEETING
 *
 * Returns: (transfer floating): the row of the item @id of @document
 */
GtkWidget *
ctg_item_row_new (CtgDocument *document,
                  CtgItemKind  kind,
                  gint64       id)
{
  const CtgItemRowSpec *spec;
  CtgItemRow *self;

  g_return_val_if_fail (CTG_IS_DOCUMENT (document), NULL);

  switch (kind)
    {
    case CTG_ITEM_BODY:
      return ctg_body_row_new (document, id);
    case CTG_ITEM_MEETING:
      return ctg_meeting_row_new (document, id);
    case CTG_ITEM_SIGNATORY:
      spec = &signatory_spec;
      break;
    case CTG_ITEM_MEMBER:
      spec = &member_spec;
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  self = g_object_new (CTG_TYPE_ITEM_ROW, NULL);
  _ctg_item_row_setup (self, spec, document, id);
  ctg_item_row_refresh (self);
  return GTK_WIDGET (self);
}
