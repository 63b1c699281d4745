/* ctg-meeting-row.c: one meeting of the convention's governance (a COPIL,
 * a COTECH, a plénière, ...)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-meeting-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-editor-util.h"
#include "ctg-convention-entry-row.h"
#include "ctg-item-row.h"
#include "ctg-text-row.h"

struct _CtgMeetingRow
{
  CtgItemRow      parent_instance;

  /* Template widgets (built in code) */
  GtkWidget      *date_row;
  GtkWidget      *error_row;
  GtkWidget      *body_row;
  GtkWidget      *title_row;
  GtkWidget      *notes_row;

  /* Owned references */
  GtkStringList  *body_names;
  GArray         *body_ids;     /* parallel to body_names; 0 for none */

  guint           updating;
};

G_DEFINE_FINAL_TYPE (CtgMeetingRow, ctg_meeting_row, CTG_TYPE_ITEM_ROW)

static const CtgItemRowSpec meeting_spec = {
  .kind = CTG_ITEM_MEETING,
  .icon_name = "x-office-calendar-symbolic",
  .title_field = "title",
  .named_by_subclass = TRUE,     /* its date and body in the subtitle */
  .delete_label = N_("_Delete Meeting"),
  /* Translators: shown after deleting a meeting, with an Undo button */
  .deleted_named = N_("Meeting “%s” deleted"),
  .deleted = N_("Meeting deleted"),
};

#define DOCUMENT(self) ctg_item_row_get_document (CTG_ITEM_ROW (self))
#define ID(self) ctg_item_row_get_id (CTG_ITEM_ROW (self))

static void
on_date_error_cb (CtgMeetingRow *self)
{
  _ctg_error_row_show (self->error_row,
                       ctg_convention_entry_row_get_error (CTG_CONVENTION_ENTRY_ROW (self->date_row)));
}

static void
on_body_selected_cb (CtgMeetingRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  guint selected;

  if (self->updating > 0 || DOCUMENT (self) == NULL)
    return;

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->body_row));
  if (selected >= self->body_ids->len)
    return;

  value = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (self->body_ids, gint64, selected));
  if (!ctg_document_set (DOCUMENT (self), CTG_ITEM_MEETING, ID (self), "body_id", value, &error))
    {
      _ctg_item_row_toast (CTG_ITEM_ROW (self), error->message);
      ctg_item_row_refresh (CTG_ITEM_ROW (self));
    }
}

static void
on_text_toast_cb (CtgMeetingRow *self,
                  const char    *message)
{
  _ctg_item_row_toast (CTG_ITEM_ROW (self), message);
}

/* Fills the body dropdown again if the bodies changed */
static void
update_bodies (CtgMeetingRow *self)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (DOCUMENT (self), CTG_ITEM_BODY, 0);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean same = ids->len + 1 == self->body_ids->len;

  g_ptr_array_add (names, g_strdup (_("None")));
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 body_id = g_array_index (ids, gint64, i);
      char *name = _ctg_item_dup_field (DOCUMENT (self), CTG_ITEM_BODY, body_id, "name");

      g_ptr_array_add (names, name && name[0] ? name : (g_free (name), g_strdup (_("Unnamed body"))));
      if (same)
        same = g_array_index (self->body_ids, gint64, i + 1) == body_id &&
               g_strcmp0 (gtk_string_list_get_string (self->body_names, i + 1), names->pdata[i + 1]) == 0;
    }
  g_ptr_array_add (names, NULL);

  if (same)
    return;

  g_array_set_size (self->body_ids, 1);
  g_array_append_vals (self->body_ids, ids->data, ids->len);
  gtk_string_list_splice (self->body_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->body_names)),
                          (const char * const *) names->pdata);
}

static void
ctg_meeting_row_dispose (GObject *object)
{
  CtgMeetingRow *self = (CtgMeetingRow *) object;

  g_clear_object (&self->body_names);
  g_clear_pointer (&self->body_ids, g_array_unref);

  G_OBJECT_CLASS (ctg_meeting_row_parent_class)->dispose (object);
}

static void       ctg_meeting_row_refresh   (CtgItemRow *row);
static GtkWidget *ctg_meeting_row_get_field (CtgItemRow *row,
                                             const char *field);

static void
ctg_meeting_row_class_init (CtgMeetingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CtgItemRowClass *item_row_class = CTG_ITEM_ROW_CLASS (klass);

  object_class->dispose = ctg_meeting_row_dispose;
  item_row_class->refresh = ctg_meeting_row_refresh;
  item_row_class->get_field = ctg_meeting_row_get_field;
}

static void
ctg_meeting_row_init (CtgMeetingRow *self)
{
  gint64 none = 0;

  self->body_names = gtk_string_list_new (NULL);
  self->body_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->body_ids, none);

  /* Added in this order by ctg_meeting_row_new () */
  self->date_row = ctg_convention_entry_row_new (_("Date"), "date", TRUE);
  g_signal_connect_swapped (self->date_row, "notify::error", G_CALLBACK (on_date_error_cb), self);

  self->error_row = _ctg_error_row_new ();

  self->body_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->body_row), _("Governance Body"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->body_row), G_LIST_MODEL (self->body_names));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->body_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Governance body that met"), -1);
  g_signal_connect_swapped (self->body_row, "notify::selected", G_CALLBACK (on_body_selected_cb), self);

  self->title_row = ctg_convention_entry_row_new (_("Title"), "title", FALSE);

  self->notes_row = ctg_text_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->notes_row), _("Notes"));
  g_signal_connect_swapped (self->notes_row, "toast", G_CALLBACK (on_text_toast_cb), self);
}

GtkWidget *
ctg_meeting_row_new (CtgDocument *document,
                     gint64       id)
{
  CtgMeetingRow *self;
  CtgItem *item;
  gboolean writable;

  g_return_val_if_fail (CTG_IS_DOCUMENT (document), NULL);

  self = g_object_new (CTG_TYPE_MEETING_ROW, NULL);
  _ctg_item_row_setup (CTG_ITEM_ROW (self), &meeting_spec, document, id);
  _ctg_item_row_add_row (CTG_ITEM_ROW (self), self->date_row);
  _ctg_item_row_add_row (CTG_ITEM_ROW (self), self->error_row);
  _ctg_item_row_add_row (CTG_ITEM_ROW (self), self->body_row);
  _ctg_item_row_add_row (CTG_ITEM_ROW (self), self->title_row);
  _ctg_item_row_add_row (CTG_ITEM_ROW (self), self->notes_row);

  writable = !ctg_document_is_read_only (document);
  item = ctg_item_row_get_item (CTG_ITEM_ROW (self));
  ctg_convention_entry_row_set_item (CTG_CONVENTION_ENTRY_ROW (self->date_row), item);
  ctg_convention_entry_row_set_item (CTG_CONVENTION_ENTRY_ROW (self->title_row), item);
  ctg_text_row_set_item (CTG_TEXT_ROW (self->notes_row), item, "notes");
  gtk_widget_set_sensitive (self->body_row, writable);

  ctg_item_row_refresh (CTG_ITEM_ROW (self));
  return GTK_WIDGET (self);
}

static void
ctg_meeting_row_refresh (CtgItemRow *row)
{
  CtgMeetingRow *self = CTG_MEETING_ROW (row);
  g_autofree char *title = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  const char *shown_title;
  gint64 body_id;
  CtgDate parsed;

  if (DOCUMENT (self) == NULL)
    return;

  title = _ctg_item_dup_field (DOCUMENT (self), CTG_ITEM_MEETING, ID (self), "title");
  date_text = _ctg_item_dup_field (DOCUMENT (self), CTG_ITEM_MEETING, ID (self), "date");
  body_id = _ctg_item_get_int_field (DOCUMENT (self), CTG_ITEM_MEETING, ID (self), "body_id", 0);

  if (date_text != NULL && ctg_date_parse (date_text, &parsed) && ctg_date_is_set (&parsed))
    date = ctg_date_format (&parsed);
  else
    date = g_strdup (_("No date"));
  if (body_id != 0)
    body = _ctg_item_dup_field (DOCUMENT (self), CTG_ITEM_BODY, body_id, "name");

  shown_title = title && title[0] ? title : _("Untitled meeting");
  /* Translators: when a meeting took place and which body met, as in "26 septembre 2022 · COPIL" */
  subtitle = body && body[0] ? g_strdup_printf (_("%s · %s"), date, body) : g_strdup (date);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), shown_title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  accessible = g_strdup_printf ("%s, %s", shown_title, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  self->updating++;
  update_bodies (self);
  for (guint i = 0; i < self->body_ids->len; i++)
    if (g_array_index (self->body_ids, gint64, i) == body_id)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->body_row), i);
  self->updating--;
}

static GtkWidget *
ctg_meeting_row_get_field (CtgItemRow *row,
                           const char *field)
{
  CtgMeetingRow *self = CTG_MEETING_ROW (row);

  if (g_strcmp0 (field, "date") == 0)
    return self->date_row;
  if (g_strcmp0 (field, "body_id") == 0)
    return self->body_row;
  if (g_strcmp0 (field, "title") == 0)
    return self->title_row;
  if (g_strcmp0 (field, "notes") == 0)
    return self->notes_row;
  if (g_strcmp0 (field, "error") == 0)
    return self->error_row;
  return CTG_ITEM_ROW_CLASS (ctg_meeting_row_parent_class)->get_field (row, field);
}
