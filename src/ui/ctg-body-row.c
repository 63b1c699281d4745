/* ctg-body-row.c: one governance body (COPIL, COTECH, comité stratégique,
 * groupe thématique, ...) with its members
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-body-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-body-row.h"
#include "ctg-convention-entry-row.h"
#include "ctg-convention-text-row.h"
#include "ctg-member-row.h"

struct _CtgBodyRow
{
  AdwExpanderRow  parent_instance;

  /* Template widgets (built in code) */
  GtkWidget      *name_row;
  GtkWidget      *kind_row;
  GtkWidget      *description_row;
  GtkWidget      *members_header;
  GtkWidget      *buttons_row;
  GtkWidget      *add_member_button;
  GtkWidget      *delete_button;

  /* Owned references */
  CtgDocument    *document;
  GHashTable     *member_rows;  /* id -> CtgMemberRow, borrowed */
  GArray         *member_ids;   /* in the order shown */

  gint64          id;
  guint           updating;
};

G_DEFINE_FINAL_TYPE (CtgBodyRow, ctg_body_row, ADW_TYPE_EXPANDER_ROW)

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const body_kinds[] = { "copil", "cotech", "strategic", "thematic", "other" };

/**
 * ctg_body_kind_to_label:
 * @kind: a kind of body as the document stores it
 *
 * Returns: the kind as the user reads it
 */
const char *
ctg_body_kind_to_label (const char *kind)
{
  if (g_strcmp0 (kind, "copil") == 0)
    return _("COPIL (steering committee)");
  if (g_strcmp0 (kind, "cotech") == 0)
    return _("COTECH (technical committee)");
  if (g_strcmp0 (kind, "strategic") == 0)
    return _("Strategic committee");
  if (g_strcmp0 (kind, "thematic") == 0)
    return _("Thematic group");
  return C_("governance body", "Other");
}

static GtkWidget *
make_button (const char *icon_name,
             const char *label,
             const char *accessible)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}

/* The list inside the expander, to put members between the fields and the
 * buttons */
static GtkListBox *
inner_list (CtgBodyRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (self->name_row);

  g_assert (GTK_IS_LIST_BOX (parent));
  return GTK_LIST_BOX (parent);
}

static void
on_member_toast_cb (CtgBodyRow *self,
                    const char *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

static void
on_text_toast_cb (CtgBodyRow *self,
                  const char *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

static void
sync_members (CtgBodyRow *self)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (self->document, CTG_ITEM_MEMBER, self->id);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean same_order = TRUE;
  GtkListBox *list = inner_list (self);
  int first;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (wanted, &g_array_index (ids, gint64, i));

  /* Drop the members that went away */
  g_hash_table_iter_init (&iter, self->member_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (wanted, key))
      {
        gtk_list_box_remove (list, GTK_WIDGET (value));
        g_hash_table_iter_remove (&iter);
      }
  for (guint i = 0; i < self->member_ids->len;)
    if (!g_hash_table_contains (wanted, &g_array_index (self->member_ids, gint64, i)))
      g_array_remove_index (self->member_ids, i);
    else
      i++;

  for (guint i = 0; i < self->member_ids->len && same_order; i++)
    same_order = g_array_index (self->member_ids, gint64, i) == g_array_index (ids, gint64, i);

  /* A member put back by undo comes back in its old place: show them again
   * in order (rare: only then may a field being edited lose its focus) */
  if (!same_order)
    {
      for (guint i = 0; i < self->member_ids->len; i++)
        {
          GtkWidget *row = g_hash_table_lookup (self->member_rows, &g_array_index (self->member_ids, gint64, i));

          g_object_ref (row);
          gtk_list_box_remove (list, row);
          g_object_set_data_full (G_OBJECT (row), "ctg-keep", row, g_object_unref);
        }
    }

  first = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->members_header)) + 1;
  g_array_set_size (self->member_ids, 0);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 member_id = g_array_index (ids, gint64, i);
      GtkWidget *row = g_hash_table_lookup (self->member_rows, &member_id);

      if (row == NULL)
        {
          gint64 *key_id = g_new (gint64, 1);

          *key_id = member_id;
          row = ctg_member_row_new (self->document, member_id);
          g_signal_connect_swapped (row, "toast", G_CALLBACK (on_member_toast_cb), self);
          g_hash_table_insert (self->member_rows, key_id, row);
          gtk_list_box_insert (list, row, first + (int) i);
        }
      else if (gtk_widget_get_parent (row) == NULL)
        {
          gtk_list_box_insert (list, row, first + (int) i);
          g_object_set_data (G_OBJECT (row), "ctg-keep", NULL);
        }
      else
        ctg_member_row_refresh (CTG_MEMBER_ROW (row));

      g_array_append_val (self->member_ids, member_id);
    }
}

static void
on_kind_selected_cb (CtgBodyRow *self)
{
  g_autoptr(GError) error = NULL;
  guint selected;

  if (self->updating > 0 || self->document == NULL)
    return;

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));
  if (selected >= G_N_ELEMENTS (body_kinds))
    return;

  if (!ctg_document_set (self->document, CTG_ITEM_BODY, self->id, "kind", body_kinds[selected], &error))
    {
      g_signal_emit (self, signals[TOAST], 0, error->message);
      ctg_body_row_refresh (self);
    }
}

static void
on_add_member_clicked_cb (CtgBodyRow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  gint64 member_id;

  member_id = ctg_document_add_member (self->document, self->id, _("New member"), &error);
  if (member_id == 0)
    {
      g_signal_emit (self, signals[TOAST], 0, error->message);
      return;
    }

  /* The document said "changed": the row is there already */
  ctg_body_row_refresh (self);
  row = g_hash_table_lookup (self->member_rows, &member_id);
  if (row != NULL)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (ctg_member_row_get_field (CTG_MEMBER_ROW (row), "name"));
    }
}

static void
on_delete_clicked_cb (CtgBodyRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgDocument) document = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (self->document == NULL)
    return;

  document = g_object_ref (self->document);
  name = ctg_document_dup_text (document, CTG_ITEM_BODY, self->id, "name");

  g_object_ref (self);
  if (!ctg_document_delete (document, CTG_ITEM_BODY, self->id, &error))
    g_signal_emit (self, signals[TOAST], 0, error->message);
  else
    {
      if (name != NULL && name[0] != '\0')
        /* Translators: shown after deleting a COPIL, COTECH, ..., with an Undo button */
        message = g_strdup_printf (_("Governance body “%s” deleted"), name);
      else
        message = g_strdup (_("Governance body deleted"));
      g_signal_emit (self, signals[TOAST], 0, message);
    }
  g_object_unref (self);
}

static void
ctg_body_row_dispose (GObject *object)
{
  CtgBodyRow *self = (CtgBodyRow *) object;

  g_clear_object (&self->document);
  g_clear_pointer (&self->member_rows, g_hash_table_unref);
  g_clear_pointer (&self->member_ids, g_array_unref);

  G_OBJECT_CLASS (ctg_body_row_parent_class)->dispose (object);
}

static void
ctg_body_row_class_init (CtgBodyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ctg_body_row_dispose;

  /**
   * CtgBodyRow::toast:
   *
   * Asks the window to show a message (a deletion, or an edit refused).
   */
  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ctg_body_row_init (CtgBodyRow *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label;

  self->member_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);

  self->name_row = ctg_convention_entry_row_new (_("Name"), CTG_ITEM_BODY, "name", FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->name_row);

  for (guint i = 0; i < G_N_ELEMENTS (body_kinds); i++)
    gtk_string_list_append (kinds, ctg_body_kind_to_label (body_kinds[i]));
  self->kind_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->kind_row), G_LIST_MODEL (kinds));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of body"), -1);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->kind_row);

  self->description_row = ctg_convention_text_row_new (_("Description"), CTG_ITEM_BODY, "description", -1);
  g_signal_connect_swapped (self->description_row, "toast", G_CALLBACK (on_text_toast_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->description_row);

  /* A heading before the members, which come next */
  self->members_header = gtk_list_box_row_new ();
  label = gtk_label_new (_("Members"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (self->members_header, "ctg-subheader");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->members_header), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->members_header), FALSE);
  gtk_widget_set_focusable (self->members_header, FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->members_header);

  self->add_member_button = make_button ("list-add-symbolic", _("_Add Member"), _("Add Member"));
  self->delete_button = make_button ("user-trash-symbolic", _("_Delete Body"), _("Delete Body"));
  gtk_widget_add_css_class (self->delete_button, "destructive-action");
  g_signal_connect_swapped (self->add_member_button, "clicked", G_CALLBACK (on_add_member_clicked_cb), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (on_delete_clicked_cb), self);

  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (box), self->add_member_button);
  gtk_box_append (GTK_BOX (box), spacer);
  gtk_box_append (GTK_BOX (box), self->delete_button);
  gtk_widget_add_css_class (box, "ctg-row-buttons");
  self->buttons_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->buttons_row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->buttons_row), FALSE);
  gtk_widget_set_focusable (self->buttons_row, FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->buttons_row);
}

GtkWidget *
ctg_body_row_new (CtgDocument *document,
                  gint64       id)
{
  CtgBodyRow *self;
  gboolean writable;

  g_return_val_if_fail (CTG_IS_DOCUMENT (document), NULL);

  self = g_object_new (CTG_TYPE_BODY_ROW, NULL);
  self->document = g_object_ref (document);
  self->id = id;

  writable = !ctg_document_is_read_only (document);
  ctg_convention_entry_row_set_item (CTG_CONVENTION_ENTRY_ROW (self->name_row), document, id);
  ctg_convention_text_row_set_item (CTG_CONVENTION_TEXT_ROW (self->description_row), document, id);
  gtk_widget_set_sensitive (self->kind_row, writable);
  gtk_widget_set_visible (self->buttons_row, writable);

  ctg_body_row_refresh (self);
  return GTK_WIDGET (self);
}

gint64
ctg_body_row_get_id (CtgBodyRow *self)
{
  g_return_val_if_fail (CTG_IS_BODY_ROW (self), 0);

  return self->id;
}

void
ctg_body_row_refresh (CtgBodyRow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *members = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  const char *title;
  guint n_members;

  g_return_if_fail (CTG_IS_BODY_ROW (self));

  if (self->document == NULL)
    return;

  name = ctg_document_dup_text (self->document, CTG_ITEM_BODY, self->id, "name");
  kind = ctg_document_dup_text (self->document, CTG_ITEM_BODY, self->id, "kind");

  sync_members (self);
  n_members = self->member_ids->len;

  title = name && name[0] ? name : _("Unnamed body");
  if (n_members > 0)
    members = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", n_members), n_members);
  /* Translators: the kind of a governance body and its number of members, as in "Thematic group · 3 members" */
  subtitle = members ? g_strdup_printf (_("%s · %s"), ctg_body_kind_to_label (kind), members)
                     : g_strdup (ctg_body_kind_to_label (kind));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  accessible = g_strdup_printf ("%s, %s", title, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_visible (self->members_header, n_members > 0);

  self->updating++;
  for (guint i = 0; i < G_N_ELEMENTS (body_kinds); i++)
    if (g_strcmp0 (kind, body_kinds[i]) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), i);
  self->updating--;

  ctg_convention_entry_row_refresh (CTG_CONVENTION_ENTRY_ROW (self->name_row));
  ctg_convention_text_row_refresh (CTG_CONVENTION_TEXT_ROW (self->description_row));
}

GtkWidget *
ctg_body_row_get_field (CtgBodyRow *self,
                        const char *field)
{
  g_return_val_if_fail (CTG_IS_BODY_ROW (self), NULL);

  if (g_strcmp0 (field, "name") == 0)
    return self->name_row;
  if (g_strcmp0 (field, "kind") == 0)
    return self->kind_row;
  if (g_strcmp0 (field, "description") == 0)
    return self->description_row;
  if (g_strcmp0 (field, "add-member") == 0)
    return self->add_member_button;
  if (g_strcmp0 (field, "delete") == 0)
    return self->delete_button;
  g_return_val_if_reached (NULL);
}

/**
 * ctg_body_row_get_member_row:
 *
 * Returns: (transfer none) (nullable): the row of a member
 */
GtkWidget *
ctg_body_row_get_member_row (CtgBodyRow *self,
                             gint64      member_id)
{
  g_return_val_if_fail (CTG_IS_BODY_ROW (self), NULL);

  return g_hash_table_lookup (self->member_rows, &member_id);
}
