/* test-evaluation-page.c: the Évaluation page, driven through its widgets
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ctg-evaluation-page.h"
#include "ctg-indicator-chart-view.h"
#include "ctg-test-util.h"

typedef struct
{
  CtgDocument       *document;
  CtgEvaluationPage *page;
  GtkWindow         *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = ctg_test_copy_example ("valence-romans");
  g_autoptr(GError) error = NULL;

  fixture->document = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  fixture->page = g_object_ref_sink (CTG_EVALUATION_PAGE (ctg_evaluation_page_new ()));

  /* Shown, as in the window: a hidden page waits to be shown to catch up */
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->page)))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ctg_evaluation_page_set_document (fixture->page, NULL);
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->page);
  ctg_document_close (fixture->document);
  g_clear_object (&fixture->document);
}

static void
collect_named (GtkWidget  *widget,
               const char *name,
               GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

static GPtrArray *
all_named (GtkWidget  *widget,
           const char *name)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_named (widget, name, found);
  return found;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  g_autoptr(GPtrArray) found = all_named (widget, name);

  g_assert_cmpuint (found->len, >=, 1);
  return g_ptr_array_index (found, 0);
}

/* Every label's text below @widget, joined by newlines */
static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static char *
text_of (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_text (widget, out);
  return g_string_free (out, FALSE);
}

static void
apply_entry (GtkWidget  *row,
             const char *text)
{
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static void
fill_year (CtgDocument *doc)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 1, "progress", "60", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 2, "status", "réalisée", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 3, "status", "abandonnée", &error));
  g_assert_true (ctg_document_set_action_year (doc, 1, 2025, "done", "Extension de douze places", &error));
  g_assert_true (ctg_document_set_action_year (doc, 1, 2025, "difficulties", "Recrutement difficile", &error));
  g_assert_true (ctg_document_set_action_year (doc, 1, 2025, "status", "en cours", &error));
  g_assert_true (ctg_document_set_action_year (doc, 1, 2025, "progress", "60", &error));
  g_assert_true (ctg_document_set_action_year (doc, 80, 2025, "next_steps", "Rééditer le guide", &error));
  g_assert_true (ctg_document_set_action_year (doc, 80, 2024, "done", "Note de 2024", &error));
  g_assert_no_error (error);
}

/* The year's indicators, roll-ups and notes, as the document has them */
static void
test_shows_year (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) axes = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;

  fill_year (fixture->document);
  g_assert_true (ctg_document_set_assessment (fixture->document,
                                              g_array_index (ctg_document_list_ids (fixture->document, CTG_ITEM_EVALUATION_INDICATOR, 0), gint64, 1),
                                              2025, "value", "52 communes sur 54", &error));
  ctg_evaluation_page_set_document (fixture->page, fixture->document);

  /* The last year assessed is shown first */
  g_assert_cmpuint (ctg_evaluation_page_get_year (fixture->page), ==, 2025);

  indicators = all_named (GTK_WIDGET (fixture->page), "level-dropdown");
  g_assert_cmpuint (indicators->len, ==, 5);
  summary = text_of (find_named (GTK_WIDGET (fixture->page), "evaluation-summary"));
  g_assert_nonnull (strstr (summary, "1 of 5 indicators assessed · 2 actions with a follow-up note"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (all_named (GTK_WIDGET (fixture->page), "value-row"), 1))),
                   ==, "52 communes sur 54");

  /* Roll-ups at the end of 2025, as the report's annual review: only
   * action 1 has a status recorded for it (en cours, 60 %); today's
   * réalisée and abandonnée say nothing of 2025 */
  axes = all_named (GTK_WIDGET (fixture->page), "axis-rollup");
  g_assert_cmpuint (axes->len, ==, 7);
  {
    g_autofree char *grid = text_of (find_named (GTK_WIDGET (fixture->page), "axes-grid"));

    g_assert_nonnull (strstr (grid, "1. Petite enfance\n1 action counted, 39 left out (39 not recorded)\n60%\n"));
    g_assert_nonnull (strstr (grid, "2. Enfance\n0 actions counted, 31 left out (31 not recorded)\n—\n"));
    g_assert_nonnull (strstr (grid, "Whole convention\n1 action counted, 218 left out (218 not recorded)\n60%\n"));
  }
  /* Record Statuses keeps today's for 2025: the figures are today's, the
   * actions à lancer with no progress counting 0 %: (60 + 100) / 39 */
  g_signal_emit_by_name (find_named (GTK_WIDGET (fixture->page), "record-year-button"), "clicked");
  {
    g_autofree char *grid = text_of (find_named (GTK_WIDGET (fixture->page), "axes-grid"));

    g_assert_nonnull (strstr (grid, "1. Petite enfance\n39 actions counted, 1 left out (1 abandoned)\n4%\n"));
    g_assert_nonnull (strstr (grid, "2. Enfance\n31 actions counted\n0%\n"));
    g_assert_nonnull (strstr (grid, "Whole convention\n218 actions counted, 1 left out (1 abandoned)\n1%\n"));
  }
  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_no_error (error);

  /* Notes side by side, by axis, this year's only */
  notes = text_of (find_named (GTK_WIDGET (fixture->page), "notes-box"));
  g_assert_nonnull (strstr (notes, "Follow-up Notes 2025"));
  g_assert_nonnull (strstr (notes, "1. Petite enfance"));
  g_assert_nonnull (strstr (notes, "Extension de douze places\nRecrutement difficile\n—\nIn progress, 60 %"));
  g_assert_nonnull (strstr (notes, "3. Jeunesse"));
  g_assert_nonnull (strstr (notes, "Rééditer le guide"));
  g_assert_null (strstr (notes, "Note de 2024"));
  {
    g_autoptr(GPtrArray) grids = all_named (GTK_WIDGET (fixture->page), "notes-grid");
    g_assert_cmpuint (grids->len, ==, 2);
  }

  /* Another year */
  ctg_evaluation_page_set_year (fixture->page, 2024);
  g_clear_pointer (&notes, g_free);
  notes = text_of (find_named (GTK_WIDGET (fixture->page), "notes-box"));
  g_assert_nonnull (strstr (notes, "Note de 2024"));
  g_assert_null (strstr (notes, "Extension de douze places"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (all_named (GTK_WIDGET (fixture->page), "value-row"), 1))),
                   ==, "");

  /* A year the convention does not list is offered too, in its place */
  {
    GtkDropDown *dropdown = GTK_DROP_DOWN (find_named (GTK_WIDGET (fixture->page), "evaluation-year-dropdown"));
    GtkStringList *names;

    ctg_evaluation_page_set_year (fixture->page, 2031);
    names = GTK_STRING_LIST (gtk_drop_down_get_model (dropdown));
    g_assert_cmpstr (gtk_string_list_get_string (names, gtk_drop_down_get_selected (dropdown)), ==, "2031");
    g_assert_cmpstr (gtk_string_list_get_string (names, g_list_model_get_n_items (G_LIST_MODEL (names)) - 1), ==, "2031");

    ctg_evaluation_page_set_year (fixture->page, 2019);
    names = GTK_STRING_LIST (gtk_drop_down_get_model (dropdown));
    g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
    g_assert_cmpstr (gtk_string_list_get_string (names, 0), ==, "2019");
    g_assert_cmpstr (gtk_string_list_get_string (names, 1), ==, "2021");
  }
}

/* Assessments edited on the page go to the document, one undo step each */
static void
test_edit_assessment (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (fixture->document, CTG_ITEM_EVALUATION_INDICATOR, 0);
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 row;

  ctg_evaluation_page_set_document (fixture->page, fixture->document);
  ctg_evaluation_page_set_year (fixture->page, 2025);

  levels = all_named (GTK_WIDGET (fixture->page), "level-dropdown");
  values = all_named (GTK_WIDGET (fixture->page), "value-row");
  comments = all_named (GTK_WIDGET (fixture->page), "comment-row");

  gtk_drop_down_set_selected (g_ptr_array_index (levels, 0), CTG_LEVEL_PARTLY_MET);
  apply_entry (g_ptr_array_index (values, 0), "31 fiches sur 219");
  apply_entry (g_ptr_array_index (comments, 0), "Démarrage progressif");

  row = ctg_document_find_assessment (fixture->document, g_array_index (ids, gint64, 0), 2025);
  g_assert_cmpint (row, >, 0);
  text = ctg_document_dup_text (fixture->document, CTG_ITEM_ASSESSMENT, row, "level");
  g_assert_cmpstr (text, ==, "partly-met");
  g_clear_pointer (&text, g_free);
  text = ctg_document_dup_text (fixture->document, CTG_ITEM_ASSESSMENT, row, "comment");
  g_assert_cmpstr (text, ==, "Démarrage progressif");

  /* The summary follows */
  g_clear_pointer (&text, g_free);
  text = text_of (find_named (GTK_WIDGET (fixture->page), "evaluation-summary"));
  g_assert_nonnull (strstr (text, "1 of 5 indicators assessed"));

  /* Undo from elsewhere (the window) shows on the page */
  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (comments, 0))), ==, "");
  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (levels, 0)), ==, CTG_LEVEL_NONE);

  /* Record statuses keeps where every action stands for the year */
  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_ACTION, 5, "status", "en cours", &error));
  g_signal_emit_by_name (find_named (GTK_WIDGET (fixture->page), "record-year-button"), "clicked");
  row = ctg_document_find_action_year (fixture->document, 5, 2025);
  g_clear_pointer (&text, g_free);
  text = ctg_document_dup_text (fixture->document, CTG_ITEM_ACTION_YEAR, row, "status");
  g_assert_cmpstr (text, ==, "in-progress");
}

/* An indicator's measures are typed on the page, the French way; its chart
 * shows once there is something to draw, and a non-number is refused */
static void
test_edit_measures (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (fixture->document, CTG_ITEM_EVALUATION_INDICATOR, 0);
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GPtrArray) baselines = NULL;
  g_autofree char *text = NULL;
  gint64 id = g_array_index (ids, gint64, 0);
  gint64 row;

  ctg_evaluation_page_set_document (fixture->page, fixture->document);
  ctg_evaluation_page_set_year (fixture->page, 2025);

  charts = g_ptr_array_new ();
  {
    GtkWidget *list = find_named (GTK_WIDGET (fixture->page), "indicators-list");

    for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_LIST_BOX_ROW (child) && CTG_IS_INDICATOR_CHART_VIEW (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (child))))
        g_ptr_array_add (charts, child);
  }
  g_assert_cmpuint (charts->len, ==, ids->len);
  /* Nothing measured: no empty chart */
  g_assert_false (gtk_widget_get_visible (g_ptr_array_index (charts, 0)));

  targets = all_named (GTK_WIDGET (fixture->page), "target_value-row");
  measures = all_named (GTK_WIDGET (fixture->page), "measure-row");
  baselines = all_named (GTK_WIDGET (fixture->page), "baseline-row");
  apply_entry (g_ptr_array_index (targets, 0), "1 400");
  apply_entry (g_ptr_array_index (measures, 0), "1 310,5");
  text = ctg_document_dup_text (fixture->document, CTG_ITEM_EVALUATION_INDICATOR, id, "target_value");
  g_assert_cmpstr (text, ==, "1400");
  g_clear_pointer (&text, g_free);
  row = ctg_document_find_assessment (fixture->document, id, 2025);
  text = ctg_document_dup_text (fixture->document, CTG_ITEM_ASSESSMENT, row, "measure");
  g_assert_cmpstr (text, ==, "1310.5");
  g_clear_pointer (&text, g_free);
  g_assert_true (gtk_widget_get_visible (g_ptr_array_index (charts, 0)));
  g_assert_true (ctg_indicator_chart_view_has_data (CTG_INDICATOR_CHART_VIEW (
    gtk_list_box_row_get_child (g_ptr_array_index (charts, 0)))));

  /* Refused, said, and the file unchanged */
  apply_entry (g_ptr_array_index (baselines, 0), "environ mille");
  text = ctg_document_dup_text (fixture->document, CTG_ITEM_EVALUATION_INDICATOR, id, "baseline");
  g_assert_null (text);
  text = text_of (GTK_WIDGET (fixture->page));
  g_assert_nonnull (strstr (text, "environ mille"));
}

/* An indicator changed through the core (as by undo, the ctg tool or
 * another window) shows at once in its row, shown or hidden, and only in
 * its own */
static void
test_indicator_follows_item (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (fixture->document, CTG_ITEM_EVALUATION_INDICATOR, 0);
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = ctg_number_format (1400);
  g_autofree char *subtitle = NULL;
  gint64 id = g_array_index (ids, gint64, 1);

  ctg_evaluation_page_set_document (fixture->page, fixture->document);
  ctg_evaluation_page_set_year (fixture->page, 2025);
  units = all_named (GTK_WIDGET (fixture->page), "unit-row");
  targets = all_named (GTK_WIDGET (fixture->page), "target_value-row");
  rows = all_named (GTK_WIDGET (fixture->page), "indicator-row-2");
  g_assert_cmpuint (units->len, ==, ids->len);

  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_EVALUATION_INDICATOR, id, "unit", "familles", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (units, 1)), ==, "familles");
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (units, 0)), ==, "");

  /* Hidden: still at once */
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), FALSE);
  g_assert_true (ctg_document_set (fixture->document, CTG_ITEM_EVALUATION_INDICATOR, id, "target_value", "1400", &error));
  g_assert_true (ctg_document_set_assessment (fixture->document, id, 2025, "measure", "1310", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (targets, 1)), ==, target);
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (targets, 0)), ==, "");
  subtitle = ctg_number_format (1310);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (g_ptr_array_index (rows, 0)), subtitle));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (g_ptr_array_index (rows, 0)), "familles"));

  /* Undone: as the file holds it */
  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_true (ctg_document_undo (fixture->document, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (targets, 1)), ==, "");
  g_assert_cmpstr (adw_expander_row_get_subtitle (g_ptr_array_index (rows, 0)), ==, "Not assessed for this year");
}

/* A read-only convention can be read, not changed */
static void
test_read_only (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) values = NULL;
  CtgEvaluationPage *page;

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  page = g_object_ref_sink (CTG_EVALUATION_PAGE (ctg_evaluation_page_new ()));
  ctg_evaluation_page_set_document (page, doc);
  g_assert_false (gtk_widget_get_visible (find_named (GTK_WIDGET (page), "record-year-button")));
  g_assert_false (gtk_widget_get_sensitive (find_named (GTK_WIDGET (page), "level-dropdown")));
  values = all_named (GTK_WIDGET (page), "value-row");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (g_ptr_array_index (values, 0))));
  g_assert_nonnull (find_named (GTK_WIDGET (page), "no-notes-label"));
  ctg_evaluation_page_set_document (page, NULL);
  g_object_unref (page);
}

/* Hidden, the page does not read every action on each edit; shown, it
 * catches up. Its indicators follow their live items all along: that
 * costs no reading. */
static void
test_hidden_catches_up (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (fixture->document, CTG_ITEM_EVALUATION_INDICATOR, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  ctg_evaluation_page_set_document (fixture->page, fixture->document);
  ctg_evaluation_page_set_year (fixture->page, 2025);
  text = text_of (find_named (GTK_WIDGET (fixture->page), "evaluation-summary"));
  g_assert_nonnull (strstr (text, "0 of 5 indicators assessed"));
  g_assert_nonnull (strstr (text, "0 actions with a follow-up note"));
  g_clear_pointer (&text, g_free);
  gtk_widget_set_visible (GTK_WIDGET (fixture->page), FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));

  g_assert_true (ctg_document_set_assessment (fixture->document, g_array_index (ids, gint64, 0), 2025,
                                              "level", "met", &error));
  g_assert_true (ctg_document_set_action_year (fixture->document, 1, 2025, "done", "Extension", &error));
  g_assert_no_error (error);
  text = text_of (find_named (GTK_WIDGET (fixture->page), "evaluation-summary"));
  g_assert_nonnull (strstr (text, "1 of 5 indicators assessed"));
  g_assert_nonnull (strstr (text, "0 actions with a follow-up note"));
  g_clear_pointer (&text, g_free);

  gtk_widget_set_visible (GTK_WIDGET (fixture->page), TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
  text = text_of (find_named (GTK_WIDGET (fixture->page), "evaluation-summary"));
  g_assert_nonnull (strstr (text, "1 of 5 indicators assessed"));
  g_assert_nonnull (strstr (text, "1 action with a follow-up note"));
}

/* CTG_SCREENSHOT=FILE.png: the page in a 1280x860 window, for the README */
static void
test_screenshot (void)
{
  const char *out = g_getenv ("CTG_SCREENSHOT");
  const char *file = g_getenv ("CTG_SCREENSHOT_FILE");
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *window;
  GtkWidget *page;
  gint64 end;

  if (out == NULL || file == NULL)
    {
      g_test_skip ("set CTG_SCREENSHOT and CTG_SCREENSHOT_FILE to take the screenshot");
      return;
    }

  doc = ctg_document_open (file, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  page = ctg_evaluation_page_new ();
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    GtkWidget *header = adw_header_bar_new ();
    g_autofree char *territory = ctg_document_dup_text (doc, CTG_ITEM_CONVENTION, 1, "territory");
    GtkWidget *title = adw_window_title_new (_("Evaluation"), territory);

    adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
    gtk_box_append (GTK_BOX (box), header);
    gtk_widget_set_vexpand (page, TRUE);
    gtk_box_append (GTK_BOX (box), page);
    adw_window_set_content (ADW_WINDOW (window), box);
  }
  ctg_evaluation_page_set_document (CTG_EVALUATION_PAGE (page), doc);
  gtk_window_present (GTK_WINDOW (window));

  end = g_get_monotonic_time () + G_USEC_PER_SEC * 2;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window), gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, out));
  ctg_evaluation_page_set_document (CTG_EVALUATION_PAGE (page), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ctg_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/evaluation-page/shows-year", Fixture, NULL, fixture_set_up, test_shows_year, fixture_tear_down);
  g_test_add ("/evaluation-page/edit-assessment", Fixture, NULL, fixture_set_up, test_edit_assessment, fixture_tear_down);
  g_test_add ("/evaluation-page/hidden-catches-up", Fixture, NULL, fixture_set_up, test_hidden_catches_up, fixture_tear_down);
  g_test_add_func ("/evaluation-page/read-only", test_read_only);
  g_test_add ("/evaluation-page/indicator-follows-item", Fixture, NULL, fixture_set_up, test_indicator_follows_item,
              fixture_tear_down);
  g_test_add ("/evaluation-page/edit-measures", Fixture, NULL, fixture_set_up, test_edit_measures, fixture_tear_down);
  g_test_add_func ("/evaluation-page/screenshot", test_screenshot);

  return g_test_run ();
}
