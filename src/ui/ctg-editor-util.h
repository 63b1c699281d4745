/* ctg-editor-util.h: small helpers shared by the editor's rows, the pages and the dialogs
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ctg-core.h"

G_BEGIN_DECLS

/* A kind of row showing one item of a document, deriving from
 * @ParentName (CtgItemRow, CtgOrderedRow): its final type and its
 * constructor, <module_obj_name>_new (document, id). The CTG_TYPE_ macro
 * is the header's to define. */
#define CTG_DECLARE_ROW_KIND(ModuleObjName, module_obj_name, OBJ_NAME, ParentName) \
  G_DECLARE_FINAL_TYPE (ModuleObjName, module_obj_name, CTG, OBJ_NAME, ParentName) \
  GtkWidget *module_obj_name##_new (CtgDocument *document, gint64 id);

AdwEntryRow *_ctg_entry_row_new         (const char    *title,
                                         const char    *name,
                                         GCallback      applied,
                                         gpointer       user_data);
void      _ctg_entry_row_set_value      (AdwEntryRow   *row,
                                         const char    *text);
gboolean  _ctg_entry_row_is_modified    (AdwEntryRow   *row);
void      _ctg_entry_row_update         (AdwEntryRow   *row,
                                         const char    *text,
                                         gboolean       force);
void      _ctg_entry_row_set_editable   (AdwEntryRow   *row,
                                         gboolean       editable);
gboolean  _ctg_widget_has_focus_within  (GtkWidget     *widget);
void      _ctg_widget_set_label         (GtkWidget     *widget,
                                         const char    *label);
void      _ctg_row_set_label            (GtkWidget     *row,
                                         const char    *label);
void      _ctg_row_label_from_title     (GtkWidget     *row);
void      _ctg_expander_row_follow_item (AdwExpanderRow *row,
                                         CtgItem       *item,
                                         const char    *title,
                                         const char    *untitled,
                                         const char    *first,
                                         const char    *second);
/* Called with the file chosen, never on Cancel */
typedef void (*CtgFileChosenFunc) (GFile          *file,
                                   GtkFileChooser *chooser,
                                   gpointer        user_data);

GtkFileChooser *_ctg_file_chooser_new   (GtkWindow            *parent,
                                         const char           *title,
                                         GtkFileChooserAction  action,
                                         const char           *accept_label,
                                         CtgFileChosenFunc     chosen,
                                         gpointer              user_data);
void            _ctg_file_chooser_add_filter (GtkFileChooser *chooser,
                                              const char     *name,
                                              const char     *mime_type,
                                              const char     *suffix);
GtkWidget *_ctg_icon_button_new         (const char    *icon_name,
                                         const char    *tooltip);
void      _ctg_date_row_setup           (AdwEntryRow   *row);
void      _ctg_date_row_set_date        (AdwEntryRow   *row,
                                         const CtgDate *date,
                                         gboolean       force);
gboolean  _ctg_date_row_is_unchanged    (AdwEntryRow   *row);
GtkWidget *_ctg_move_menu_button_new   (void);
GSimpleActionGroup *_ctg_move_actions_new (GCallback      move_up,
                                         GCallback      move_down,
                                         gpointer       user_data);
void      _ctg_move_actions_update      (GSimpleActionGroup *group,
                                         guint          position,
                                         guint          n_items);
void      _ctg_row_class_add_move_actions (GtkWidgetClass              *widget_class,
                                           GtkWidgetActionActivateFunc  activate);
gboolean  _ctg_row_move_item            (GtkWidget     *row,
                                         const char    *action_name,
                                         CtgDocument   *document,
                                         CtgItemKind    kind,
                                         gint64         id,
                                         guint          position,
                                         guint          n_items);
gboolean  _ctg_row_delete_item          (GtkWidget     *row,
                                         CtgDocument   *document,
                                         CtgItemKind    kind,
                                         gint64         id,
                                         const char    *deleted);
char     *_ctg_date_to_input            (const CtgDate *date);
char     *_ctg_escape                   (const char    *text);
char     *_ctg_item_dup_field           (CtgDocument   *document,
                                         CtgItemKind    kind,
                                         gint64         id,
                                         const char    *field);
GtkWidget *_ctg_message_dialog_show     (GtkWindow     *parent,
                                         const char    *heading,
                                         const char    *body);
guint     _ctg_toast_signal_new         (GType          type);
GSettings *_ctg_settings_new            (void);
gint64    _ctg_item_get_int_field       (CtgDocument   *document,
                                         CtgItemKind    kind,
                                         gint64         id,
                                         const char    *field,
                                         gint64         fallback);
GtkWidget *_ctg_error_row_new          (void);
void      _ctg_error_row_show           (GtkWidget     *row,
                                         const char    *error);
void      _ctg_list_box_remove_all      (GtkListBox    *list);
gboolean  _ctg_years_equal              (GArray        *a,
                                         GArray        *b);
GArray   *_ctg_years_to_offer           (CtgDocument   *document);
guint     _ctg_years_default            (GArray        *years);
void      _ctg_year_dropdown_set_years  (GtkDropDown   *dropdown,
                                         GArray       **shown,
                                         GArray        *years);
gboolean  _ctg_year_dropdown_select     (GtkDropDown   *dropdown,
                                         GArray        *shown,
                                         guint          year);
guint     _ctg_year_dropdown_get_year   (GtkDropDown   *dropdown,
                                         GArray        *shown);
GtkWidget *_ctg_status_dot_new          (const char    *style);

G_END_DECLS
