/* minimal-window.c: the floor for launch to first frame, and for scrolling
 *
 *   minimal-window                 an AdwApplicationWindow with a header bar
 *                                  and a label, nothing else, timed by
 *                                  bench/run.sh exactly like ctg-planner: with
 *                                  CTG_BENCH_FIRST_FRAME set it prints
 *                                  "CTG_BENCH first-frame-us=<g_get_monotonic_time ()>
 *                                  rss-kb=<VmRSS>" after its first frame is
 *                                  painted, and quits;
 *   minimal-window --scroll-list   the same window (same size) holding a plain
 *                                  GtkListView of 10,000 rows of two
 *                                  GtkInscriptions (a title of 60-180
 *                                  characters on up to two lines, and pilots),
 *                                  scrolled by bench-scroll.c like bench-ui
 *                                  scrolls the app's lists: prints
 *                                  "CTG_BENCH scroll-floor-frame-us=..." and
 *                                  quits.
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <stdio.h>

#include "bench-scroll.h"
#include "ctg-bench-hook.h"

#define FLOOR_ROWS 10000

static gboolean scroll_list;

/* Deterministic text of about the lengths of the synthetic plans' */
static char *
row_title (guint i)
{
  static const char * const verbs[] = { "Développer", "Renforcer", "Accompagner", "Structurer", "Favoriser" };
  static const char * const nouns[] = { "l'offre d'accueil", "les lieux d'accueil enfants-parents",
                                        "la coordination des acteurs", "l'accès aux droits" };
  static const char * const tails[] = { "sur l'ensemble du territoire",
                                        "en s'appuyant sur le diagnostic partagé et les communes partenaires",
                                        "notamment dans les quartiers prioritaires de la politique de la ville, "
                                        "en direction des familles monoparentales" };

  return g_strdup_printf ("%u. %s %s %s", i + 1, verbs[i % 5], nouns[(i / 5) % 4], tails[(i / 7) % 3]);
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_inscription_new (NULL);
  GtkWidget *pilots = gtk_inscription_new (NULL);

  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (title), 2);
  gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (title), PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (title), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (pilots), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (pilots, "caption");
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), pilots);
  gtk_list_item_set_child (item, box);
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  static const char * const pilots[] = { "Caf", "Sophie MARTIN (coordinatrice petite enfance), Caf",
                                         "Centre social, Communes", "Karim BENALI (conseiller territorial, Caf)" };
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_inscription_set_text (GTK_INSCRIPTION (title), gtk_string_object_get_string (gtk_list_item_get_item (item)));
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_widget_get_next_sibling (title)),
                            pilots[gtk_list_item_get_position (item) % 4]);
}

static GtkWidget *
list_new (void)
{
  GtkStringList *strings = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *view, *scrolled;

  for (guint i = 0; i < FLOOR_ROWS; i++)
    {
      g_autofree char *title = row_title (i);
      gtk_string_list_append (strings, title);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bind_cb), NULL);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (strings))), factory);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static gboolean
measure_cb (gpointer data)
{
  GtkWidget *scrolled = data;

  bench_scroll_measure (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)), "scroll-floor");
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (gtk_widget_get_root (scrolled)))));
  return G_SOURCE_REMOVE;
}

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  if (scroll_list)
    {
      GtkWidget *list = list_new ();

      gtk_box_append (GTK_BOX (box), list);
      /* After the first frames, as bench-ui lets the window settle */
      g_timeout_add (500, measure_cb, list);
    }
  else
    {
      GtkWidget *label = gtk_label_new ("Minimal libadwaita window");

      gtk_widget_set_vexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  /* The size of CtgWindow (resources/ui/ctg-window.ui and the window-size key) */
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 780);
  /* The app's own probe, so both are timed by the same code */
  ctg_bench_hook_watch_first_frame (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.ctgplanner.BenchMinimal",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  scroll_list = argc > 1 && g_str_equal (argv[1], "--scroll-list");
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  /* Our option is not GApplication's */
  return g_application_run (G_APPLICATION (app), scroll_list ? 1 : argc, argv);
}
