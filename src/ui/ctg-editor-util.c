/* ctg-editor-util.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-editor-util"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ctg-editor-util.h"

#define SHOWN_KEY "ctg-shown-value"

/**
 * _ctg_entry_row_new:
 * @name: the widget's name, for the tests and the CSS
 * @applied: called, swapped with @user_data, when the value is applied
 *
 * An entry row with its apply button, as every field of the editor has.
 *
 * Returns: (transfer floating): the row
 */
AdwEntryRow *
_ctg_entry_row_new (const char *title,
                    const char *name,
                    GCallback   applied,
                    gpointer    user_data)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (GTK_WIDGET (row), name);
  adw_entry_row_set_show_apply_button (row, TRUE);
  g_signal_connect_swapped (row, "apply", applied, user_data);
  return row;
}

/**
 * _ctg_entry_row_set_value:
 *
 * Shows @text in @row as the value the document holds, without revealing
 * the apply button: AdwEntryRow 1.2 reveals it for any change made while the
 * row has the focus, and keeps it until applied. Turning the button off
 * resets that state.
 */
void
_ctg_entry_row_set_value (AdwEntryRow *row,
                          const char  *text)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  if (text == NULL)
    text = "";

  adw_entry_row_set_show_apply_button (row, FALSE);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (row, TRUE);
  g_object_set_data_full (G_OBJECT (row), SHOWN_KEY, g_strdup (text), g_free);
}

/* Whether the user typed something not applied yet */
gboolean
_ctg_entry_row_is_modified (AdwEntryRow *row)
{
  const char *shown = g_object_get_data (G_OBJECT (row), SHOWN_KEY);

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), shown ? shown : "") != 0;
}

/**
 * _ctg_entry_row_update:
 * @force: replace even a pending edit (another action is shown)
 *
 * Refreshes @row from the document, leaving alone a value the user is
 * typing: an undo in the window must not wipe it out.
 */
void
_ctg_entry_row_update (AdwEntryRow *row,
                       const char  *text,
                       gboolean     force)
{
  if (!force && _ctg_entry_row_is_modified (row))
    return;
  _ctg_entry_row_set_value (row, text);
}

void
_ctg_entry_row_set_editable (AdwEntryRow *row,
                             gboolean     editable)
{
  gtk_editable_set_editable (GTK_EDITABLE (row), editable);
}

gboolean
_ctg_widget_has_focus_within (GtkWidget *widget)
{
  return (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

void
_ctg_widget_set_label (GtkWidget  *widget,
                       const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/**
 * _ctg_row_set_label:
 *
 * Names a row for screen readers. Libadwaita 1.2 rows do not name
 * themselves from their title, and the text field inside an entry row is
 * what gets the focus, so it is named too.
 */
void
_ctg_row_set_label (GtkWidget  *row,
                    const char *label)
{
  _ctg_widget_set_label (row, label);
  if (ADW_IS_ENTRY_ROW (row))
    _ctg_widget_set_label (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row))), label);
}

/* For rows whose title is plain text (not escaped user text) */
void
_ctg_row_label_from_title (GtkWidget *row)
{
  _ctg_row_set_label (row, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

/* A flat icon button for a row, named for screen readers by its tooltip */
GtkWidget *
_ctg_icon_button_new (const char *icon_name,
                      const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  _ctg_widget_set_label (button, tooltip);
  return button;
}

/* Moving a row up or down is rare next to editing it: the two commands sit
 * in a menu, as in GNOME Settings, rather than as two more buttons whose
 * arrows would look like the expander's. The rows provide "row.move-up"
 * and "row.move-down". */
GtkWidget *
_ctg_move_menu_button_new (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_append (menu, _("Move _Up"), "row.move-up");
  g_menu_append (menu, _("Move _Down"), "row.move-down");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Move"));
  gtk_widget_add_css_class (button, "flat");
  _ctg_widget_set_label (button, _("Move"));
  return button;
}

GSimpleActionGroup *
_ctg_move_actions_new (GCallback move_up,
                       GCallback move_down,
                       gpointer  user_data)
{
  GSimpleActionGroup *group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) up = g_simple_action_new ("move-up", NULL);
  g_autoptr(GSimpleAction) down = g_simple_action_new ("move-down", NULL);

  g_signal_connect_swapped (up, "activate", move_up, user_data);
  g_signal_connect_swapped (down, "activate", move_down, user_data);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (up));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (down));
  return group;
}

void
_ctg_move_actions_update (GSimpleActionGroup *group,
                          guint               position,
                          guint               n_items)
{
  GAction *up = g_action_map_lookup_action (G_ACTION_MAP (group), "move-up");
  GAction *down = g_action_map_lookup_action (G_ACTION_MAP (group), "move-down");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (up), position > 0);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (down), position + 1 < n_items);
}

/**
 * _ctg_row_class_add_move_actions:
 * @activate: called for both, with "row.move-up" or "row.move-down"
 *
 * The one way a row of an ordered list is moved: the class actions
 * "row.move-up" and "row.move-down" (which its buttons or menu name), bound
 * to Alt+Up and Alt+Down, disabled until the row knows its place.
 */
void
_ctg_row_class_add_move_actions (GtkWidgetClass              *widget_class,
                                 GtkWidgetActionActivateFunc  activate)
{
  gtk_widget_class_install_action (widget_class, "row.move-up", NULL, activate);
  gtk_widget_class_install_action (widget_class, "row.move-down", NULL, activate);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "row.move-down", NULL);
}

/**
 * _ctg_row_move_item:
 * @row: a row with a "toast" signal (_ctg_toast_signal_new())
 * @action_name: "row.move-up" or "row.move-down"
 * @position: the place of the item among @n_items
 *
 * Moves the item @id of @kind one place up or down in @document; a
 * refusal is told in a toast. The list of rows follows the document.
 *
 * Returns: whether the item moved
 */
gboolean
_ctg_row_move_item (GtkWidget   *row,
                    const char  *action_name,
                    CtgDocument *document,
                    CtgItemKind  kind,
                    gint64       id,
                    guint        position,
                    guint        n_items)
{
  g_autoptr(GError) error = NULL;
  int to = (int) position + (g_strcmp0 (action_name, "row.move-up") == 0 ? -1 : 1);

  if (document == NULL || to < 0 || to >= (int) n_items)
    return FALSE;
  if (!ctg_document_move (document, kind, id, (guint) to, &error))
    {
      g_signal_emit_by_name (row, "toast", error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * _ctg_row_delete_item:
 * @row: a row with a "toast" signal (_ctg_toast_signal_new())
 * @deleted: the toast after the deletion, translated
 *
 * Deletes the item @id of @kind from @document and says so in a toast,
 * which the window offers to undo; a refusal is told instead.
 *
 * Returns: whether the item was deleted
 */
gboolean
_ctg_row_delete_item (GtkWidget   *row,
                      CtgDocument *document,
                      CtgItemKind  kind,
                      gint64       id,
                      const char  *deleted)
{
  G_GNUC_UNUSED g_autoptr(GtkWidget) hold = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (document == NULL)
    return FALSE;

  /* The deletion takes the row out of its list: keep it for the toast */
  hold = g_object_ref (row);
  ok = ctg_document_delete (document, kind, id, &error);
  g_signal_emit_by_name (row, "toast", ok ? deleted : error->message);
  return ok;
}

/* The date as the user types it back: "2025", "03/2025" or "15/03/2025" */
char *
_ctg_date_to_input (const CtgDate *date)
{
  switch (ctg_date_precision (date))
    {
    case CTG_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%u", date->year);
    case CTG_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%02u/%u", date->month, date->year);
    case CTG_DATE_PRECISION_DAY:
      return g_strdup_printf ("%02u/%02u/%u", date->day, date->month, date->year);
    case CTG_DATE_PRECISION_NONE:
    default:
      return g_strdup ("");
    }
}

/* Row titles and subtitles are Pango markup: user text must be escaped */
char *
_ctg_escape (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

/* Date rows show the date as ctg_date_format() writes it ("mars 2025"), and
 * the form to type ("03/2025") while they have the focus, so that the user
 * sees how to write one. */

#define DATE_KEY "ctg-date"

static void
show_date (AdwEntryRow *row,
           gboolean     as_input)
{
  const CtgDate *date = g_object_get_data (G_OBJECT (row), DATE_KEY);
  g_autofree char *text = NULL;

  text = as_input ? _ctg_date_to_input (date) : ctg_date_format (date);
  _ctg_entry_row_set_value (row, text);
}

static void
on_date_row_enter_cb (AdwEntryRow *row)
{
  if (!_ctg_entry_row_is_modified (row) && gtk_editable_get_editable (GTK_EDITABLE (row)))
    show_date (row, TRUE);
}

static void
on_date_row_leave_cb (AdwEntryRow *row)
{
  if (!_ctg_entry_row_is_modified (row))
    show_date (row, FALSE);
}

void
_ctg_date_row_setup (AdwEntryRow *row)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_object_set_data_full (G_OBJECT (row), DATE_KEY, g_new0 (CtgDate, 1), g_free);
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_date_row_enter_cb), row);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_date_row_leave_cb), row);
  gtk_widget_add_controller (GTK_WIDGET (row), controller);
}

/**
 * _ctg_date_row_set_date:
 * @force: replace even a date being typed
 */
void
_ctg_date_row_set_date (AdwEntryRow   *row,
                        const CtgDate *date,
                        gboolean       force)
{
  CtgDate *stored = g_object_get_data (G_OBJECT (row), DATE_KEY);

  g_return_if_fail (stored != NULL);

  if (!force && _ctg_entry_row_is_modified (row))
    return;
  *stored = date ? *date : (CtgDate) { 0, 0, 0 };
  show_date (row, _ctg_widget_has_focus_within (GTK_WIDGET (row)) &&
                  gtk_editable_get_editable (GTK_EDITABLE (row)));
}

/* Whether the text still means the date shown, in either form */
gboolean
_ctg_date_row_is_unchanged (AdwEntryRow *row)
{
  const CtgDate *date = g_object_get_data (G_OBJECT (row), DATE_KEY);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *formatted = ctg_date_format (date);
  g_autofree char *input = _ctg_date_to_input (date);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  CtgDate typed;

  if (g_str_equal (stripped, formatted) || g_str_equal (stripped, input))
    return TRUE;
  return ctg_date_parse (stripped, &typed) &&
         typed.year == date->year && typed.month == date->month && typed.day == date->day;
}

/* Expander rows named after a live item (a signatory, a member) */

typedef struct
{
  const char *title;     /* the property that names the row */
  const char *untitled;  /* shown when it is empty */
  const char *first;     /* the two properties of the subtitle */
  const char *second;
} ItemNames;

static void
show_item_names (AdwExpanderRow *row,
                 CtgItem        *item)
{
  const ItemNames *names = g_object_get_data (G_OBJECT (row), "ctg-item-names");
  const char *name = ctg_item_get_text (item, names->title);
  const char *first = ctg_item_get_text (item, names->first);
  const char *second = ctg_item_get_text (item, names->second);
  const char *title = name && name[0] ? name : names->untitled;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;

  if (first && first[0] && second && second[0])
    /* Translators: the subtitle of a signatory or a member: representative and
     * role ("Cécile ALADAME, Directrice"), role and organisation */
    subtitle = g_strdup_printf (_("%s, %s"), first, second);
  else if (first && first[0])
    subtitle = g_strdup (first);
  else
    subtitle = g_strdup (second ? second : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (row, subtitle);
  accessible = subtitle[0] ? g_strdup_printf ("%s, %s", title, subtitle) : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
on_named_item_notify_cb (CtgItem        *item,
                         GParamSpec     *pspec,
                         AdwExpanderRow *row)
{
  show_item_names (row, item);
}

/**
 * _ctg_expander_row_follow_item:
 * @title: the property naming the row; @untitled is shown when it is empty
 * @first: (nullable): the properties joined as the subtitle
 *
 * Names @row after @item, and again whenever @item changes, whoever
 * changed it. The strings must be static.
 */
void
_ctg_expander_row_follow_item (AdwExpanderRow *row,
                               CtgItem        *item,
                               const char     *title,
                               const char     *untitled,
                               const char     *first,
                               const char     *second)
{
  ItemNames *names = g_new (ItemNames, 1);

  *names = (ItemNames) { title, untitled, first, second };
  g_object_set_data_full (G_OBJECT (row), "ctg-item-names", names, g_free);
  g_signal_connect_object (item, "notify", G_CALLBACK (on_named_item_notify_cb), row, 0);
  show_item_names (row, item);
}

/**
 * _ctg_item_dup_field:
 * @field: a column of @kind ("period_start") or its property ("period-start")
 *
 * The text of one field, read from the row's live item.
 *
 * Returns: (transfer full) (nullable): the value, %NULL when unset or when
 *   there is no such row
 */
char *
_ctg_item_dup_field (CtgDocument *document,
                     CtgItemKind  kind,
                     gint64       id,
                     const char  *field)
{
  g_autoptr(CtgItem) item = NULL;
  g_autofree char *property = g_strdelimit (g_strdup (field), "_", '-');

  if (document == NULL)
    return NULL;
  item = ctg_document_get_item (document, kind, id);
  return item != NULL ? g_strdup (ctg_item_get_text (item, property)) : NULL;
}

/**
 * _ctg_item_get_int_field:
 * @field: a whole-number column of @kind, or its property
 *
 * Returns: the value of one field, read from the row's live item;
 *   @fallback when there is no such row
 */
gint64
_ctg_item_get_int_field (CtgDocument *document,
                         CtgItemKind  kind,
                         gint64       id,
                         const char  *field,
                         gint64       fallback)
{
  g_autoptr(CtgItem) item = NULL;
  g_autofree char *property = g_strdelimit (g_strdup (field), "_", '-');

  if (document == NULL || (item = ctg_document_get_item (document, kind, id)) == NULL)
    return fallback;
  return ctg_item_get_int (item, property);
}

/**
 * _ctg_settings_new:
 *
 * Returns: (transfer full) (nullable): the application's settings, or
 *   %NULL when its schema is not installed (run from the build tree):
 *   nothing is then remembered
 */
GSettings *
_ctg_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

/**
 * _ctg_toast_signal_new:
 * @type: a widget class that asks for toasts
 *
 * Installs the one way a widget raises a toast: a "toast" signal with the
 * message, already translated, which the window shows (with Undo after an
 * edit).
 *
 * Returns: the signal's id
 */
guint
_ctg_toast_signal_new (GType type)
{
  return g_signal_new ("toast", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                       G_TYPE_NONE, 1, G_TYPE_STRING);
}

/**
 * _ctg_message_dialog_show:
 * @body: (nullable): what to say, already translated
 *
 * The one way the app tells something that needs reading (an error, a
 * file kept aside): a message dialog over @parent with a Close button.
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
_ctg_message_dialog_show (GtkWindow  *parent,
                          const char *heading,
                          const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

typedef struct
{
  CtgFileChosenFunc chosen;
  gpointer          user_data;
} FileChosen;

static void
on_file_chooser_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             FileChosen      *chosen)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      chosen->chosen (file, GTK_FILE_CHOOSER (dialog), chosen->user_data);
    }
  g_object_unref (dialog);
}

/**
 * _ctg_file_chooser_new:
 * @chosen: called with the file once the user accepts
 *
 * A native file chooser over @parent with a Cancel button. It frees itself
 * when answered; set its filters and name, then show it with
 * gtk_native_dialog_show().
 *
 * Returns: (transfer none): the chooser
 */
GtkFileChooser *
_ctg_file_chooser_new (GtkWindow            *parent,
                       const char           *title,
                       GtkFileChooserAction  action,
                       const char           *accept_label,
                       CtgFileChosenFunc     chosen,
                       gpointer              user_data)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  FileChosen *data = g_new (FileChosen, 1);

  data->chosen = chosen;
  data->user_data = user_data;
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_file_chooser_response_cb),
                         data, (GClosureNotify) (void (*) (void)) g_free, 0);
  return GTK_FILE_CHOOSER (chooser);
}

/* A filter of files by their type, or by their name's ending where the
 * system does not say the type */
void
_ctg_file_chooser_add_filter (GtkFileChooser *chooser,
                              const char     *name,
                              const char     *mime_type,
                              const char     *suffix)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (chooser, filter);
}

/* A row under fields that says why a value was refused: hidden until
 * _ctg_error_row_show() */
GtkWidget *
_ctg_error_row_new (void)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "error");
  gtk_widget_add_css_class (row, "ctg-error-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_visible (row, FALSE);
  return row;
}

/* Shows @error in @row, to the eye and to screen readers; %NULL hides it */
void
_ctg_error_row_show (GtkWidget  *row,
                     const char *error)
{
  gtk_widget_set_visible (row, error != NULL);
  if (error == NULL)
    return;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, error, -1);
}

/* Empties @list (gtk_list_box_remove_all() is GTK 4.12) */
void
_ctg_list_box_remove_all (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Whether two arrays of years (guint) hold the same years in the same order */
gboolean
_ctg_years_equal (GArray *a,
                  GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (guint)) == 0;
}

/* Year drop-downs (the evaluation's year, an action's year of notes): the
 * years listed are kept beside the drop-down, sorted, in a GArray of guint */

/* The document's years to evaluate, or this year alone when it has none */
GArray *
_ctg_years_to_offer (CtgDocument *document)
{
  return ctg_document_list_review_years (document);
}

/* The year to show first among @years: this year if they hold it, else
 * the last one */
guint
_ctg_years_default (GArray *years)
{
  return ctg_years_pick_default (years);
}

/**
 * _ctg_year_dropdown_set_years:
 * @shown: (inout): the years @dropdown lists, %NULL at first
 * @years: the years to list, sorted
 *
 * Lists @years in @dropdown unless it lists them already: setting the
 * same model again would reset the selection.
 */
void
_ctg_year_dropdown_set_years (GtkDropDown  *dropdown,
                              GArray      **shown,
                              GArray       *years)
{
  g_autoptr(GtkStringList) names = NULL;

  if (*shown != NULL && _ctg_years_equal (years, *shown))
    return;
  names = gtk_string_list_new (NULL);
  for (guint i = 0; i < years->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u", g_array_index (years, guint, i));

      gtk_string_list_append (names, name);
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  g_array_ref (years);
  g_clear_pointer (shown, g_array_unref);
  *shown = years;
}

/* Selects @year in @dropdown; %FALSE if @shown does not list it */
gboolean
_ctg_year_dropdown_select (GtkDropDown *dropdown,
                           GArray      *shown,
                           guint        year)
{
  guint position;

  if (!g_array_binary_search (shown, &year, ctg_year_compare, &position))
    return FALSE;
  gtk_drop_down_set_selected (dropdown, position);
  return TRUE;
}

/* The year selected in @dropdown, 0 if none */
guint
_ctg_year_dropdown_get_year (GtkDropDown *dropdown,
                             GArray      *shown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (shown == NULL || selected >= shown->len)
    return 0;
  return g_array_index (shown, guint, selected);
}

/* A status's round dot (@style: "status-done", "status-overdue"...): an
 * empty box, whose size is the CSS's alone; a label's line of text made
 * it taller than wide */
GtkWidget *
_ctg_status_dot_new (const char *style)
{
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (dot, "status-dot");
  gtk_widget_add_css_class (dot, style);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (dot, GTK_ALIGN_CENTER);
  return dot;
}
