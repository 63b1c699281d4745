/* test-convention-page.c: the overview page of a convention, driven through
 * its widgets
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ctg-convention-entry-row.h"
#include "ctg-convention-page-private.h"
#include "ctg-item-row.h"
#include "ctg-text-row.h"
#include "ctg-test-util.h"
#include "ctg-test-widgets.h"

typedef struct
{
  CtgDocument       *document;
  CtgConventionPage *page;
  GPtrArray         *toasts;
} Fixture;

static void
on_toast_cb (CtgConventionPage *page,
             const char        *message,
             Fixture           *fixture)
{
  g_ptr_array_add (fixture->toasts, g_strdup (message));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = ctg_test_copy_example (data ? data : "creusot-montceau");
  g_autoptr(GError) error = NULL;

  fixture->document = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  fixture->page = g_object_ref_sink (CTG_CONVENTION_PAGE (ctg_convention_page_new ()));
  fixture->toasts = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->page, "toast", G_CALLBACK (on_toast_cb), fixture);
  ctg_convention_page_set_document (fixture->page, fixture->document);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ctg_convention_page_set_document (fixture->page, NULL);
  g_clear_object (&fixture->page);
  ctg_document_close (fixture->document);
  g_clear_object (&fixture->document);
  g_clear_pointer (&fixture->toasts, g_ptr_array_unref);
}

static guint
n_ids (CtgDocument *document,
       CtgItemKind  kind,
       gint64       parent)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (document, kind, parent);

  return ids->len;
}

static gint64
id_at (CtgDocument *document,
       CtgItemKind  kind,
       gint64       parent,
       guint        index)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (document, kind, parent);

  g_assert_cmpuint (index, <, ids->len);
  return g_array_index (ids, gint64, index);
}

static void
apply_text (GtkWidget  *row,
            const char *text)
{
  g_assert_true (CTG_IS_CONVENTION_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static guint
count_overdue (CtgDocument *document)
{
  g_autoptr(GListModel) actions = ctg_document_list_actions (document, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;
  guint n = 0;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);

      n += ctg_action_is_overdue (action, &today) ? 1 : 0;
    }
  return n;
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  GtkLabel *actions = _ctg_convention_page_get_summary_label (fixture->page, "actions");
  GtkLabel *todo = _ctg_convention_page_get_summary_label (fixture->page, "todo");
  GtkLabel *overdue = _ctg_convention_page_get_summary_label (fixture->page, "overdue");
  GtkLabel *note = _ctg_convention_page_get_summary_label (fixture->page, "note");
  GtkLabel *heading = _ctg_convention_page_get_summary_label (fixture->page, "heading");
  g_autofree char *expected = NULL;

  /* Creusot Montceau: 34 actions, all to start, no progress entered */
  g_assert_cmpstr (gtk_label_get_label (actions), ==, "34");
  g_assert_nonnull (strstr (gtk_label_get_label (todo), "34"));
  g_assert_nonnull (strstr (gtk_label_get_label (todo), ctg_status_to_label (CTG_STATUS_TODO)));
  expected = g_strdup_printf ("%u", count_overdue (fixture->document));
  g_assert_cmpstr (gtk_label_get_label (overdue), ==, expected);
  g_assert_cmpstr (gtk_label_get_label (note), !=, "");
  g_assert_nonnull (strstr (gtk_label_get_label (heading), "Creusot Montceau"));

}

static void
test_summary_progress (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GListModel) actions = ctg_document_list_actions (fixture->document, 0);
  g_autoptr(CtgAction) first = g_list_model_get_item (actions, 0);
  g_autoptr(CtgAction) second = g_list_model_get_item (actions, 1);
  g_autoptr(CtgAction) third = g_list_model_get_item (actions, 2);
  g_autoptr(GError) error = NULL;
  GtkLabel *progress = _ctg_convention_page_get_summary_label (fixture->page, "progress");
  GtkLabel *overdue = _ctg_convention_page_get_summary_label (fixture->page, "overdue");
  GtkLabel *note = _ctg_convention_page_get_summary_label (fixture->page, "note");
  g_autofree char *expected = NULL;
  GtkWidget *window = gtk_window_new ();

  /* The page follows the document's "changed" signal while shown */
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (window));
  ctg_test_spin (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
  ctg_document_set (fixture->document, CTG_ITEM_ACTION, ctg_action_get_id (first), "status", "done", &error);
  g_assert_no_error (error);
  ctg_document_set (fixture->document, CTG_ITEM_ACTION, ctg_action_get_id (second), "progress", "40", &error);
  g_assert_no_error (error);
  ctg_document_set (fixture->document, CTG_ITEM_ACTION, ctg_action_get_id (third), "echeance", "2001", &error);
  g_assert_no_error (error);

  /* (100 + 40 + 0 × 32) / 34: the 32 others are à lancer, not started */
  g_assert_cmpstr (gtk_label_get_label (progress), ==, "4 %");
  g_assert_nonnull (strstr (gtk_label_get_label (note), "34 actions"));
  expected = g_strdup_printf ("%u", count_overdue (fixture->document));
  g_assert_cmpstr (gtk_label_get_label (overdue), ==, expected);
  g_assert_cmpuint (count_overdue (fixture->document), >=, 1);
  g_assert_nonnull (strstr (gtk_label_get_label (_ctg_convention_page_get_summary_label (fixture->page, "done")), "1"));
  g_assert_nonnull (strstr (gtk_label_get_label (_ctg_convention_page_get_summary_label (fixture->page, "todo")), "33"));

  /* Hidden, it catches up when shown again */
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), FALSE);
  ctg_document_set (fixture->document, CTG_ITEM_ACTION, ctg_action_get_id (second), "progress", "60", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_label_get_label (progress), ==, "4 %");
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), TRUE);
  ctg_test_spin (50);
  /* (100 + 60) / 34 */
  g_assert_cmpstr (gtk_label_get_label (progress), ==, "5 %");

  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_edit_title (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *row = ctg_test_find_named (GTK_WIDGET (fixture->page), "title-row");
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (row);
  g_assert_true (row == _ctg_convention_page_get_field_row (fixture->page, "title"));
  g_assert_nonnull (strstr (gtk_editable_get_text (GTK_EDITABLE (row)), "Creusot Montceau"));

  /* Typing alone commits nothing: apply does */
  gtk_editable_set_text (GTK_EDITABLE (row), "CTG du bassin nord");
  title = ctg_document_dup_text (fixture->document, CTG_ITEM_CONVENTION, 1, "title");
  g_assert_nonnull (strstr (title, "Creusot Montceau"));
  g_clear_pointer (&title, g_free);

  g_signal_emit_by_name (row, "apply");
  title = ctg_document_dup_text (fixture->document, CTG_ITEM_CONVENTION, 1, "title");
  g_assert_cmpstr (title, ==, "CTG du bassin nord");
  g_assert_cmpstr (gtk_label_get_label (_ctg_convention_page_get_summary_label (fixture->page, "heading")), ==,
                   "CTG du bassin nord");

  /* Undo, from the window, shows the old title again */
  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (gtk_editable_get_text (GTK_EDITABLE (row)), "Creusot Montceau"));
}

static void
test_add_signatory (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *add = _ctg_convention_page_get_add_button (fixture->page, CTG_ITEM_SIGNATORY);
  GtkWidget *row;
  gint64 id;
  g_autofree char *organisation = NULL;
  g_autofree char *representative = NULL;
  g_autofree char *role = NULL;

  g_assert_cmpuint (n_ids (fixture->document, CTG_ITEM_SIGNATORY, 0), ==, 21);

  /* An existing signatory, as listed */
  id = id_at (fixture->document, CTG_ITEM_SIGNATORY, 0, 0);
  row = _ctg_convention_page_get_item_row (fixture->page, CTG_ITEM_SIGNATORY, id);
  g_assert_cmpint (ctg_item_get_kind (ctg_item_row_get_item (CTG_ITEM_ROW (row))), ==, CTG_ITEM_SIGNATORY);
  g_assert_true (gtk_widget_is_ancestor (row, GTK_WIDGET (fixture->page)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Caisse d'allocations familiales de Saône-et-Loire");

  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (n_ids (fixture->document, CTG_ITEM_SIGNATORY, 0), ==, 22);
  id = id_at (fixture->document, CTG_ITEM_SIGNATORY, 0, 21);
  row = _ctg_convention_page_get_item_row (fixture->page, CTG_ITEM_SIGNATORY, id);
  g_assert_cmpint (ctg_item_get_kind (ctg_item_row_get_item (CTG_ITEM_ROW (row))), ==, CTG_ITEM_SIGNATORY);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));

  apply_text (ctg_item_row_get_field (CTG_ITEM_ROW (row), "organisation"), "Commune du Breuil");
  apply_text (ctg_item_row_get_field (CTG_ITEM_ROW (row), "representative"), "Jean DUPONT");
  apply_text (ctg_item_row_get_field (CTG_ITEM_ROW (row), "role"), "Maire");

  organisation = ctg_document_dup_text (fixture->document, CTG_ITEM_SIGNATORY, id, "organisation");
  representative = ctg_document_dup_text (fixture->document, CTG_ITEM_SIGNATORY, id, "representative");
  role = ctg_document_dup_text (fixture->document, CTG_ITEM_SIGNATORY, id, "role");
  g_assert_cmpstr (organisation, ==, "Commune du Breuil");
  g_assert_cmpstr (representative, ==, "Jean DUPONT");
  g_assert_cmpstr (role, ==, "Maire");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Commune du Breuil");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Jean DUPONT, Maire");
}

static void
test_move_and_delete_signatory (Fixture       *fixture,
                                gconstpointer  data)
{
  gint64 first = id_at (fixture->document, CTG_ITEM_SIGNATORY, 0, 0);
  gint64 second = id_at (fixture->document, CTG_ITEM_SIGNATORY, 0, 1);
  GtkWidget *row = _ctg_convention_page_get_item_row (fixture->page, CTG_ITEM_SIGNATORY, second);
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (row));
  g_autoptr(GError) error = NULL;

  /* Alt+Up, as the move-up action */
  g_assert_true (gtk_widget_activate_action (row, "row.move-up", NULL));
  g_assert_cmpint (id_at (fixture->document, CTG_ITEM_SIGNATORY, 0, 0), ==, second);
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)) == row);

  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_cmpint (id_at (fixture->document, CTG_ITEM_SIGNATORY, 0, 0), ==, first);
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)) == row);

  /* Deleting asks the window for a toast (which offers Undo) */
  row = _ctg_convention_page_get_item_row (fixture->page, CTG_ITEM_SIGNATORY, first);
  {
    GtkWidget *button = NULL;

    /* The delete button is the destructive one inside the row */
    for (GtkWidget *w = row; w != NULL;)
      {
        if (GTK_IS_BUTTON (w) && gtk_widget_has_css_class (w, "destructive-action"))
          {
            button = w;
            break;
          }
        if (gtk_widget_get_first_child (w))
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != row && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = w == row ? NULL : gtk_widget_get_next_sibling (w);
          }
      }
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
  }
  g_assert_cmpuint (n_ids (fixture->document, CTG_ITEM_SIGNATORY, 0), ==, 20);
  g_assert_null (_ctg_convention_page_get_item_row (fixture->page, CTG_ITEM_SIGNATORY, first));
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  g_assert_nonnull (strstr (fixture->toasts->pdata[0], "Saône-et-Loire"));

  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_ids (fixture->document, CTG_ITEM_SIGNATORY, 0), ==, 21);
  row = _ctg_convention_page_get_item_row (fixture->page, CTG_ITEM_SIGNATORY, first);
  g_assert_nonnull (row);
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)) == row);
}

static void
test_end_before_start (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *end_row = ctg_test_find_named (GTK_WIDGET (fixture->page), "period_end-row");
  GtkWidget *error_row = _ctg_convention_page_get_date_error_row (fixture->page);
  g_autofree char *end = NULL;
  g_autofree char *shown = NULL;

  g_assert_nonnull (end_row);
  /* Shown as the locale writes it (the tests run in C.UTF-8) */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (end_row)), ==, "31 December 2026");
  g_assert_false (gtk_widget_get_visible (error_row));

  /* The convention starts in 2022 */
  apply_text (end_row, "2020");
  end = ctg_document_dup_text (fixture->document, CTG_ITEM_CONVENTION, 1, "period_end");
  g_assert_cmpstr (end, ==, "2026-12-31");
  g_assert_true (gtk_widget_get_visible (error_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (error_row)), ==,
                   "The convention cannot end before it starts.");
  g_assert_true (gtk_widget_has_css_class (end_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (end_row)), ==, "31 December 2026");

  /* Not a date at all */
  apply_text (end_row, "31/02/2026");
  g_clear_pointer (&end, g_free);
  end = ctg_document_dup_text (fixture->document, CTG_ITEM_CONVENTION, 1, "period_end");
  g_assert_cmpstr (end, ==, "2026-12-31");
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (error_row)), "31/02/2026"));

  /* A good date clears the error */
  apply_text (end_row, "03/2027");
  g_clear_pointer (&end, g_free);
  end = ctg_document_dup_text (fixture->document, CTG_ITEM_CONVENTION, 1, "period_end");
  g_assert_cmpstr (end, ==, "2027-03");
  g_assert_false (gtk_widget_get_visible (error_row));
  g_assert_false (gtk_widget_has_css_class (end_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (end_row)), ==, "March 2027");

  /* The signature date, typed as a day */
  apply_text (_ctg_convention_page_get_field_row (fixture->page, "signed_on"), "15/12/2022");
  shown = ctg_document_dup_text (fixture->document, CTG_ITEM_CONVENTION, 1, "signed_on");
  g_assert_cmpstr (shown, ==, "2022-12-15");
}

static void
test_description (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *row = _ctg_convention_page_get_field_row (fixture->page, "description");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ctg_text_row_get_view (CTG_TEXT_ROW (row))));
  g_autofree char *description = NULL;

  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), >, 1000);
  gtk_text_buffer_set_text (buffer, "Première ligne\nSeconde ligne", -1);
  g_signal_emit_by_name (row, "apply");
  description = ctg_document_dup_text (fixture->document, CTG_ITEM_CONVENTION, 1, "description");
  g_assert_cmpstr (description, ==, "Première ligne\nSeconde ligne");

  /* Refused, out of the row: said in a toast, and the text goes back */
  g_assert_cmpuint (fixture->toasts->len, ==, 0);
  gtk_text_buffer_set_text (buffer, "Un caractère \x01 invisible", -1);
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (fixture->toasts, 0), "U+0001"));
  g_clear_pointer (&description, g_free);
  description = ctg_document_dup_text (fixture->document, CTG_ITEM_CONVENTION, 1, "description");
  g_assert_cmpstr (description, ==, "Première ligne\nSeconde ligne");
  g_clear_pointer (&description, g_free);
  g_object_get (buffer, "text", &description, NULL);
  g_assert_cmpstr (description, ==, "Première ligne\nSeconde ligne");
}

/* The wheel over the description (twenty pages of seed 002, in a box of
 * 200 pixels) scrolls the page, not the text, unless the text is being
 * edited */
static void
test_description_wheel (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = _ctg_convention_page_get_field_row (fixture->page, "description");
  GtkWidget *view = ctg_text_row_get_view (CTG_TEXT_ROW (row));
  GtkWidget *inner = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *outer = gtk_widget_get_ancestor (gtk_widget_get_parent (inner), GTK_TYPE_SCROLLED_WINDOW);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (gtk_widget_get_parent (inner));
  GtkEventController *wheel = NULL;
  GtkAdjustment *page_adjustment, *text_adjustment;
  gboolean handled = FALSE;

  g_assert_nonnull (outer);
  page_adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (outer));
  text_adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (inner));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "ctg-page-scroll") == 0)
        wheel = controller;
    }
  g_assert_nonnull (wheel);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (window));
  CTG_TEST_WAIT_FOR (gtk_adjustment_get_upper (page_adjustment) > 600 &&
                     gtk_adjustment_get_upper (text_adjustment) > 200);

  /* Not being edited: the page moves */
  g_signal_emit_by_name (wheel, "scroll", 0.0, 1.0, &handled);
  g_assert_true (handled);
  g_assert_cmpfloat (gtk_adjustment_get_value (page_adjustment), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (text_adjustment), ==, 0);

  /* Being edited: the text scrolls, as the scrolled window does it */
  gtk_widget_grab_focus (view);
  g_assert_true (gtk_widget_has_focus (view));
  handled = FALSE;
  g_signal_emit_by_name (wheel, "scroll", 0.0, 1.0, &handled);
  g_assert_false (handled);

  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A title longer than its row ends in "…" until it is edited, whole in
 * the tooltip, and what is cut is never written back */
static void
test_long_title (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = _ctg_convention_page_get_field_row (fixture->page, "title");
  g_autofree char *stored = ctg_document_dup_text (fixture->document, CTG_ITEM_CONVENTION, 1, "title");
  g_autofree char *after = NULL;
  g_autofree char *prefix = NULL;
  const char *shown;

  g_assert_cmpuint (g_utf8_strlen (stored, -1), >, 100);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (window));
  /* The window may give the first field the focus: being edited, it
   * would stay whole */
  CTG_TEST_WAIT_FOR (gtk_widget_get_width (row) > 0);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  CTG_TEST_WAIT_FOR (g_str_has_suffix (gtk_editable_get_text (GTK_EDITABLE (row)), "…"));

  shown = gtk_editable_get_text (GTK_EDITABLE (row));
  prefix = g_strndup (shown, strlen (shown) - strlen ("…"));
  g_assert_true (g_str_has_prefix (stored, prefix));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, stored);

  /* Committed as it is shown: nothing to write */
  g_assert_true (ctg_convention_entry_row_commit (CTG_CONVENTION_ENTRY_ROW (row)));
  after = ctg_document_dup_text (fixture->document, CTG_ITEM_CONVENTION, 1, "title");
  g_assert_cmpstr (after, ==, stored);
  g_assert_false (ctg_document_can_undo (fixture->document));

  /* Edited: the whole title */
  gtk_widget_grab_focus (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, stored);

  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_governance (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *row;
  GtkWidget *member;
  gint64 body_id, member_id;
  g_autofree char *kind = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n_ids (fixture->document, CTG_ITEM_BODY, 0), ==, 7);
  body_id = id_at (fixture->document, CTG_ITEM_BODY, 0, 0);
  row = _ctg_convention_page_get_item_row (fixture->page, CTG_ITEM_BODY, body_id);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Comité de pilotage (COPIL)");

  g_signal_emit_by_name (_ctg_convention_page_get_add_button (fixture->page, CTG_ITEM_BODY), "clicked");
  g_assert_cmpuint (n_ids (fixture->document, CTG_ITEM_BODY, 0), ==, 8);
  body_id = id_at (fixture->document, CTG_ITEM_BODY, 0, 7);
  row = _ctg_convention_page_get_item_row (fixture->page, CTG_ITEM_BODY, body_id);
  g_assert_true (CTG_IS_BODY_ROW (row));
  /* Opened, to be named */
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));

  apply_text (ctg_item_row_get_field (CTG_ITEM_ROW (row), "name"), "COTECH élargi");
  adw_combo_row_set_selected (ADW_COMBO_ROW (ctg_item_row_get_field (CTG_ITEM_ROW (row), "kind")), 1);
  kind = ctg_document_dup_text (fixture->document, CTG_ITEM_BODY, body_id, "kind");
  g_assert_cmpstr (kind, ==, "cotech");

  g_signal_emit_by_name (ctg_item_row_get_field (CTG_ITEM_ROW (row), "add-member"), "clicked");
  g_assert_cmpuint (n_ids (fixture->document, CTG_ITEM_MEMBER, body_id), ==, 1);
  member_id = id_at (fixture->document, CTG_ITEM_MEMBER, body_id, 0);
  member = ctg_body_row_get_member_row (CTG_BODY_ROW (row), member_id);
  g_assert_nonnull (member);
  apply_text (ctg_item_row_get_field (CTG_ITEM_ROW (member), "name"), "Cécile ALADAME");
  name = ctg_document_dup_text (fixture->document, CTG_ITEM_MEMBER, member_id, "name");
  g_assert_cmpstr (name, ==, "Cécile ALADAME");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "1"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (member)), ==, "Cécile ALADAME");
  /* Changed elsewhere (another page, an undo): the row's names follow the member */
  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_MEMBER, member_id, "role", "Directrice", &error));
  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_MEMBER, member_id, "organisation", "CAF", &error));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (member)), ==, "Directrice, CAF");

  /* Deleting the body takes its members; undo brings both back */
  g_signal_emit_by_name (ctg_item_row_get_field (CTG_ITEM_ROW (row), "delete"), "clicked");
  g_assert_null (_ctg_convention_page_get_item_row (fixture->page, CTG_ITEM_BODY, body_id));
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  g_assert_nonnull (strstr (fixture->toasts->pdata[0], "COTECH élargi"));
  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  row = _ctg_convention_page_get_item_row (fixture->page, CTG_ITEM_BODY, body_id);
  g_assert_nonnull (row);
  g_assert_nonnull (ctg_body_row_get_member_row (CTG_BODY_ROW (row), member_id));
}

static void
test_meetings (Fixture       *fixture,
               gconstpointer  data)
{
  guint n = n_ids (fixture->document, CTG_ITEM_MEETING, 0);
  gint64 last = id_at (fixture->document, CTG_ITEM_MEETING, 0, n - 1);
  gint64 copil = id_at (fixture->document, CTG_ITEM_BODY, 0, 0);
  GtkWidget *row = _ctg_convention_page_get_item_row (fixture->page, CTG_ITEM_MEETING, last);
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (row));
  GtkWidget *date_row = ctg_item_row_get_field (CTG_ITEM_ROW (row), "date");
  GtkWidget *error_row = ctg_item_row_get_field (CTG_ITEM_ROW (row), "error");
  g_autofree char *date = NULL;
  gint64 added;

  g_assert_cmpuint (n, ==, 8);
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (list, (int) n - 1)) == row);

  /* Sorted by date: moved to 2020, it comes first */
  apply_text (date_row, "2020");
  date = ctg_document_dup_text (fixture->document, CTG_ITEM_MEETING, last, "date");
  g_assert_cmpstr (date, ==, "2020");
  g_assert_true (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)) == row);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "2020"));

  /* A wrong date is shown inline, and changes nothing */
  apply_text (date_row, "mardi");
  g_clear_pointer (&date, g_free);
  date = ctg_document_dup_text (fixture->document, CTG_ITEM_MEETING, last, "date");
  g_assert_cmpstr (date, ==, "2020");
  g_assert_true (gtk_widget_get_visible (error_row));
  /* Screen readers hear the error itself */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (error_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       adw_preferences_row_get_title (ADW_PREFERENCES_ROW (error_row)));

  /* The body, from the dropdown: None, then the bodies in order */
  adw_combo_row_set_selected (ADW_COMBO_ROW (ctg_item_row_get_field (CTG_ITEM_ROW (row), "body_id")), 1);
  g_assert_cmpint (ctg_document_get_int (fixture->document, CTG_ITEM_MEETING, last, "body_id", 0), ==, copil);

  g_signal_emit_by_name (_ctg_convention_page_get_add_button (fixture->page, CTG_ITEM_MEETING), "clicked");
  g_assert_cmpuint (n_ids (fixture->document, CTG_ITEM_MEETING, 0), ==, n + 1);
  added = id_at (fixture->document, CTG_ITEM_MEETING, 0, n);
  g_assert_nonnull (_ctg_convention_page_get_item_row (fixture->page, CTG_ITEM_MEETING, added));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (_ctg_convention_page_get_item_row (fixture->page,
                                                                                                    CTG_ITEM_MEETING,
                                                                                                    added))));

  g_signal_emit_by_name (ctg_item_row_get_field (CTG_ITEM_ROW (row), "delete"), "clicked");
  g_assert_cmpuint (n_ids (fixture->document, CTG_ITEM_MEETING, 0), ==, n);
  g_assert_null (_ctg_convention_page_get_item_row (fixture->page, CTG_ITEM_MEETING, last));
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
}

static void
test_many_signatories (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *show_all = _ctg_convention_page_get_show_all_row (fixture->page);
  gint64 last = id_at (fixture->document, CTG_ITEM_SIGNATORY, 0, 56);
  GtkWidget *row = _ctg_convention_page_get_item_row (fixture->page, CTG_ITEM_SIGNATORY, last);

  /* Valence Romans: 57 signatories, folded to keep the page readable */
  g_assert_cmpuint (n_ids (fixture->document, CTG_ITEM_SIGNATORY, 0), ==, 57);
  g_assert_true (gtk_widget_get_child_visible (show_all));
  g_assert_false (gtk_widget_get_child_visible (row));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (show_all)), "57"));

  g_signal_emit_by_name (gtk_widget_get_parent (show_all), "row-activated", show_all);
  g_assert_true (gtk_widget_get_child_visible (row));
  g_signal_emit_by_name (gtk_widget_get_parent (show_all), "row-activated", show_all);
  g_assert_false (gtk_widget_get_child_visible (row));
}

static void
test_focus (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *title_row = _ctg_convention_page_get_field_row (fixture->page, "title");
  GtkWidget *end_row = _ctg_convention_page_get_field_row (fixture->page, "period_end");
  GtkWidget *error_row = _ctg_convention_page_get_date_error_row (fixture->page);
  g_autofree char *end = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (fixture->page));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  ctg_test_spin (200);

  /* A date turns into what one types while it is edited */
  gtk_widget_grab_focus (end_row);
  ctg_test_spin (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (end_row)), ==, "31/12/2026");

  /* Leaving the row commits it: here, refused */
  gtk_editable_set_text (GTK_EDITABLE (end_row), "2021");
  gtk_widget_grab_focus (title_row);
  ctg_test_spin (50);
  end = ctg_document_dup_text (fixture->document, CTG_ITEM_CONVENTION, 1, "period_end");
  g_assert_cmpstr (end, ==, "2026-12-31");
  g_assert_true (gtk_widget_get_visible (error_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (end_row)), ==, "31 December 2026");

  /* A change from elsewhere (undo, another field) leaves the field being
   * edited alone */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Brouillon");
  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_CONVENTION, 1, "caf", "Caf 71", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Brouillon");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_ctg_convention_page_get_field_row (fixture->page, "caf"))),
                   ==, "Caf 71");

  /* ... and leaving it commits it */
  gtk_widget_grab_focus (end_row);
  ctg_test_spin (50);
  title = ctg_document_dup_text (fixture->document, CTG_ITEM_CONVENTION, 1, "title");
  g_assert_cmpstr (title, ==, "Brouillon");

  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A field row follows its live item, whatever changes it, with no page
 * around it to tell it to look again */
static void
test_fields_follow_item (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *caf_row = g_object_ref_sink (ctg_convention_entry_row_new ("CAF", "caf", FALSE));
  GtkWidget *notes_row = g_object_ref_sink (ctg_text_row_new ());
  GtkTextView *view = GTK_TEXT_VIEW (ctg_text_row_get_view (CTG_TEXT_ROW (notes_row)));
  g_autoptr(CtgItem) convention = ctg_document_get_item (fixture->document, CTG_ITEM_CONVENTION, 1);
  g_autofree char *caf = g_strdup (gtk_editable_get_text (GTK_EDITABLE (_ctg_convention_page_get_field_row (fixture->page, "caf"))));
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;

  ctg_convention_entry_row_set_item (CTG_CONVENTION_ENTRY_ROW (caf_row), convention);
  ctg_text_row_set_item (CTG_TEXT_ROW (notes_row), convention, "description");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (caf_row)), ==, caf);

  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_CONVENTION, 1, "caf", "Caf 71", &error));
  g_assert_no_error (error);
  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_CONVENTION, 1, "description", "Court", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (caf_row)), ==, "Caf 71");
  g_object_get (gtk_text_view_get_buffer (view), "text", &shown, NULL);
  g_assert_cmpstr (shown, ==, "Court");

  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (caf_row)), ==, caf);
  g_clear_pointer (&shown, g_free);
  g_object_get (gtk_text_view_get_buffer (view), "text", &shown, NULL);
  g_assert_cmpstr (shown, !=, "Court");
  g_assert_cmpuint (strlen (shown), >, 1000);

  g_object_unref (caf_row);
  g_object_unref (notes_row);
}

static void
test_no_document (void)
{
  CtgConventionPage *page = g_object_ref_sink (CTG_CONVENTION_PAGE (ctg_convention_page_new ()));
  GtkWidget *title_row = _ctg_convention_page_get_field_row (page, "title");
  GtkWidget *group = gtk_widget_get_ancestor (title_row, ADW_TYPE_PREFERENCES_GROUP);
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgDocument) document = NULL;

  /* Nothing to edit without a document */
  g_assert_false (gtk_widget_get_visible (group));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "");

  document = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  ctg_convention_page_set_document (page, document);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Convention Territoriale Globale m2A");
  g_assert_cmpstr (gtk_label_get_label (_ctg_convention_page_get_summary_label (page, "actions")), ==, "15");

  ctg_convention_page_set_document (page, NULL);
  g_assert_false (gtk_widget_get_visible (group));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "");
  g_object_unref (page);
  ctg_document_close (document);
}

int
main (int   argc,
      char *argv[])
{
  ctg_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

#define ADD(path, func, slug) \
  g_test_add (path, Fixture, slug, fixture_set_up, func, fixture_tear_down)

  ADD ("/convention-page/summary", test_summary, "creusot-montceau");
  ADD ("/convention-page/summary-progress", test_summary_progress, "creusot-montceau");
  ADD ("/convention-page/edit-title", test_edit_title, "creusot-montceau");
  ADD ("/convention-page/add-signatory", test_add_signatory, "creusot-montceau");
  ADD ("/convention-page/move-delete-signatory", test_move_and_delete_signatory, "creusot-montceau");
  ADD ("/convention-page/end-before-start", test_end_before_start, "creusot-montceau");
  ADD ("/convention-page/description", test_description, "creusot-montceau");
  ADD ("/convention-page/description-wheel", test_description_wheel, "creusot-montceau");
  ADD ("/convention-page/long-title", test_long_title, "creusot-montceau");
  ADD ("/convention-page/governance", test_governance, "creusot-montceau");
  ADD ("/convention-page/meetings", test_meetings, "creusot-montceau");
  ADD ("/convention-page/many-signatories", test_many_signatories, "valence-romans");
  ADD ("/convention-page/focus", test_focus, "creusot-montceau");
  ADD ("/convention-page/fields-follow-item", test_fields_follow_item, "creusot-montceau");
  g_test_add_func ("/convention-page/no-document", test_no_document);

  return g_test_run ();
}
