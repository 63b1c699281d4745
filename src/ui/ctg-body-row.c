/* ctg-body-row.c: one governance body (COPIL, COTECH, comité stratégique,
 * groupe thématique, ...) with its members
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-body-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-editor-util.h"
#include "ctg-convention-entry-row.h"
#include "ctg-item-row.h"
#include "ctg-text-row.h"

struct _CtgBodyRow
{
  CtgItemRow      parent_instance;

  /* Template widgets (built in code) */
  GtkWidget      *kind_row;
  GtkWidget      *description_row;
  GtkWidget      *members_header;
  GtkWidget      *add_member_button;

  /* Owned references */
  GHashTable     *member_rows;  /* id -> member row, borrowed */
  GArray         *member_ids;   /* in the order shown */

  guint           updating;
};

G_DEFINE_FINAL_TYPE (CtgBodyRow, ctg_body_row, CTG_TYPE_ITEM_ROW)

static const CtgItemRowSpec body_spec = {
  .kind = CTG_ITEM_BODY,
  .title_field = "name",
  .named_by_subclass = TRUE,     /* its kind and members in the subtitle */
  .entry_fields = { "name" },
  .entry_labels = { N_("Name") },
  .delete_label = N_("_Delete Body"),
  /* Translators: shown after deleting a COPIL, COTECH, ..., with an Undo button */
  .deleted_named = N_("Governance body “%s” deleted"),
  .deleted = N_("Governance body deleted"),
};

#define DOCUMENT(self) ctg_item_row_get_document (CTG_ITEM_ROW (self))
#define ID(self) ctg_item_row_get_id (CTG_ITEM_ROW (self))

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

/* The list inside the expander, to put members between the fields and the
 * buttons */
static GtkListBox *
inner_list (CtgBodyRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (ctg_item_row_get_field (CTG_ITEM_ROW (self), "name"));

  g_assert (GTK_IS_LIST_BOX (parent));
  return GTK_LIST_BOX (parent);
}

static void
on_member_toast_cb (CtgBodyRow *self,
                    const char *message)
{
  _ctg_item_row_toast (CTG_ITEM_ROW (self), message);
}

static void
on_text_toast_cb (CtgBodyRow *self,
                  const char *message)
{
  _ctg_item_row_toast (CTG_ITEM_ROW (self), message);
}

static void
sync_members (CtgBodyRow *self)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (DOCUMENT (self), CTG_ITEM_MEMBER, ID (self));
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
          row = ctg_item_row_new (DOCUMENT (self), CTG_ITEM_MEMBER, member_id);
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
        ctg_item_row_refresh (CTG_ITEM_ROW (row));

      g_array_append_val (self->member_ids, member_id);
    }
}

static void
on_kind_selected_cb (CtgBodyRow *self)
{
  g_autoptr(GError) error = NULL;
  guint selected;

  if (self->updating > 0 || DOCUMENT (self) == NULL)
    return;

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));
  if (selected >= G_N_ELEMENTS (body_kinds))
    return;

  if (!ctg_document_set (DOCUMENT (self), CTG_ITEM_BODY, ID (self), "kind", body_kinds[selected], &error))
    {
      _ctg_item_row_toast (CTG_ITEM_ROW (self), error->message);
      ctg_item_row_refresh (CTG_ITEM_ROW (self));
    }
}

static void
on_add_member_clicked_cb (CtgBodyRow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  gint64 member_id;

  member_id = ctg_document_add_item (DOCUMENT (self), CTG_ITEM_MEMBER, ID (self), _("New member"), &error);
  if (member_id == 0)
    {
      _ctg_item_row_toast (CTG_ITEM_ROW (self), error->message);
      return;
    }

  /* The document said "changed": the row is there already */
  ctg_item_row_refresh (CTG_ITEM_ROW (self));
  row = g_hash_table_lookup (self->member_rows, &member_id);
  if (row != NULL)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (ctg_item_row_get_field (CTG_ITEM_ROW (row), "name"));
    }
}

static void
ctg_body_row_dispose (GObject *object)
{
  CtgBodyRow *self = (CtgBodyRow *) object;

  g_clear_pointer (&self->member_rows, g_hash_table_unref);
  g_clear_pointer (&self->member_ids, g_array_unref);

  G_OBJECT_CLASS (ctg_body_row_parent_class)->dispose (object);
}

static void       ctg_body_row_refresh   (CtgItemRow *row);
static GtkWidget *ctg_body_row_get_field (CtgItemRow *row,
                                          const char *field);

static void
ctg_body_row_class_init (CtgBodyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CtgItemRowClass *item_row_class = CTG_ITEM_ROW_CLASS (klass);

  object_class->dispose = ctg_body_row_dispose;
  item_row_class->refresh = ctg_body_row_refresh;
  item_row_class->get_field = ctg_body_row_get_field;
}

static void
ctg_body_row_init (CtgBodyRow *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *label;

  self->member_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Added below the name by ctg_body_row_new () */
  for (guint i = 0; i < G_N_ELEMENTS (body_kinds); i++)
    gtk_string_list_append (kinds, ctg_body_kind_to_label (body_kinds[i]));
  self->kind_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->kind_row), G_LIST_MODEL (kinds));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of body"), -1);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected_cb), self);

  self->description_row = ctg_text_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->description_row), _("Description"));
  g_signal_connect_swapped (self->description_row, "toast", G_CALLBACK (on_text_toast_cb), self);

  /* A heading before the members, which come next */
  self->members_header = gtk_list_box_row_new ();
  label = gtk_label_new (_("Members"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (self->members_header, "ctg-subheader");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->members_header), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->members_header), FALSE);
  gtk_widget_set_focusable (self->members_header, FALSE);

  self->add_member_button = _ctg_item_row_button_new ("list-add-symbolic", _("_Add Member"));
  g_signal_connect_swapped (self->add_member_button, "clicked", G_CALLBACK (on_add_member_clicked_cb), self);
}

GtkWidget *
ctg_body_row_new (CtgDocument *document,
                  gint64       id)
{
  CtgBodyRow *self;

  g_return_val_if_fail (CTG_IS_DOCUMENT (document), NULL);

  self = g_object_new (CTG_TYPE_BODY_ROW, NULL);
  _ctg_item_row_setup (CTG_ITEM_ROW (self), &body_spec, document, id);
  _ctg_item_row_add_row (CTG_ITEM_ROW (self), self->kind_row);
  _ctg_item_row_add_row (CTG_ITEM_ROW (self), self->description_row);
  _ctg_item_row_add_row (CTG_ITEM_ROW (self), self->members_header);
  _ctg_item_row_add_button (CTG_ITEM_ROW (self), self->add_member_button);
  ctg_text_row_set_item (CTG_TEXT_ROW (self->description_row),
                         ctg_item_row_get_item (CTG_ITEM_ROW (self)), "description");
  gtk_widget_set_sensitive (self->kind_row, !ctg_document_is_read_only (document));

  ctg_item_row_refresh (CTG_ITEM_ROW (self));
  return GTK_WIDGET (self);
}

static void
ctg_body_row_refresh (CtgItemRow *row)
{
  CtgBodyRow *self = CTG_BODY_ROW (row);
  CtgItem *item;
  const char *name;
  const char *kind;
  g_autofree char *members = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  const char *title;
  guint n_members;

  if (DOCUMENT (self) == NULL)
    return;

  item = ctg_item_row_get_item (CTG_ITEM_ROW (self));
  name = item ? ctg_item_get_text (item, "name") : NULL;
  kind = item ? ctg_item_get_text (item, "kind") : NULL;

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
}

static GtkWidget *
ctg_body_row_get_field (CtgItemRow *row,
                        const char *field)
{
  CtgBodyRow *self = CTG_BODY_ROW (row);

  if (g_strcmp0 (field, "kind") == 0)
    return self->kind_row;
  if (g_strcmp0 (field, "description") == 0)
    return self->description_row;
  if (g_strcmp0 (field, "add-member") == 0)
    return self->add_member_button;
  return CTG_ITEM_ROW_CLASS (ctg_body_row_parent_class)->get_field (row, field);
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
