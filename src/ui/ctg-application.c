/* ctg-application.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-application.h"
#include "ctg-editor-util.h"
#include "ctg-bench-hook.h"
#include "ctg-window.h"
#include "ctg-window-private.h"

struct _CtgApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (CtgApplication, ctg_application, ADW_TYPE_APPLICATION)

static CtgWindow *
find_window_for (CtgApplication *self,
                 GFile          *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *shown;

      if (!CTG_IS_WINDOW (l->data))
        continue;
      shown = ctg_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }
  return NULL;
}

static CtgWindow *
find_empty_window (CtgApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (CTG_IS_WINDOW (l->data) && ctg_window_get_file (l->data) == NULL)
      return l->data;
  return NULL;
}

/* After the error of a file opened in a window of its own: the window shows
 * if the answer opened the file after all (read-only), else it goes */
static gboolean
destroy_window_cb (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
on_open_error_response_cb (CtgWindow *window)
{
  if (ctg_window_get_document (window) != NULL)
    gtk_window_present (GTK_WINDOW (window));
  else
    /* Not while the dialog, which it carries, is still answering */
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_window_cb, g_object_ref (window), g_object_unref);
}

/**
 * ctg_application_open_file:
 *
 * Shows @file: in the window that already has it, else in an empty window,
 * else in a new one.
 */
void
ctg_application_open_file (CtgApplication *self,
                           GFile          *file)
{
  CtgWindow *window;

  g_return_if_fail (CTG_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  window = find_window_for (self, file);
  if (window == NULL)
    {
      gboolean fresh = FALSE;

      window = find_empty_window (self);
      if (window == NULL)
        {
          window = ctg_window_new (self);
          fresh = TRUE;
        }
      if (ctg_window_load (window, file))
        ctg_bench_hook_watch_first_frame (GTK_WINDOW (window));
      else if (fresh)
        {
          GtkWidget *dialog = _ctg_window_get_error_dialog (window);

          /* A file that is not a convention: its error stands alone, and
           * no empty window is left behind once it is read */
          if (dialog == NULL)
            {
              gtk_window_destroy (GTK_WINDOW (window));
              return;
            }
          g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_error_response_cb), window,
                                   G_CONNECT_SWAPPED | G_CONNECT_AFTER);
          return;
        }
    }
  gtk_window_present (GTK_WINDOW (window));
}

GSettings *
ctg_application_get_settings (CtgApplication *self)
{
  g_return_val_if_fail (CTG_IS_APPLICATION (self), NULL);

  return self->settings;
}

static void
ctg_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (ctg_window_new (CTG_APPLICATION (app)));
  gtk_window_present (window);
}

static void
ctg_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    ctg_application_open_file (CTG_APPLICATION (app), files[i]);
}

static void
on_new_window_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (ctg_window_new (CTG_APPLICATION (user_data))));
}

static void
on_about_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The CTG Planner authors"), NULL };
  GtkWidget *about;

  about = adw_about_window_new ();
  g_object_set (about,
                "transient-for", gtk_application_get_active_window (app),
                "application-name", _("CTG Planner"),
                "application-icon", APP_ID,
                "version", PACKAGE_VERSION,
                "developer-name", _("The CTG Planner authors"),
                "developers", developers,
                "comments", _("Follow the action plan of a Convention Territoriale Globale: axes, "
                              "objectives, actions, pilots and échéances, and the COPIL report."),
                "license-type", GTK_LICENSE_GPL_3_0,
                "copyright", "© 2026 The CTG Planner authors",
                /* Translators: put your names here, one per line */
                "translator-credits", _("translator-credits"),
                NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_quit_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  /* Every edit is already in its file: closing loses nothing */
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "new-window", on_new_window_activated },
  { "about", on_about_activated },
  { "quit", on_quit_activated },
};

static void
ctg_application_startup (GApplication *app)
{
  CtgApplication *self = CTG_APPLICATION (app);

  G_APPLICATION_CLASS (ctg_application_parent_class)->startup (app);

  self->settings = _ctg_settings_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window", (const char *[]) { "<Control><Shift>n", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new", (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open", (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.save-as", (const char *[]) { "<Control><Shift>s", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.close", (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.undo", (const char *[]) { "<Control>z", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.redo", (const char *[]) { "<Control><Shift>z", "<Control>y", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search", (const char *[]) { "<Control>f", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export-pdf", (const char *[]) { "<Control>e", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.print", (const char *[]) { "<Control>p", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.add-action", (const char *[]) { "<Control>t", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.back", (const char *[]) { "<Alt>Left", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", (const char *[]) { "<Control>question", NULL });
}

static void
ctg_application_dispose (GObject *object)
{
  CtgApplication *self = CTG_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ctg_application_parent_class)->dispose (object);
}

static void
ctg_application_class_init (CtgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ctg_application_dispose;
  app_class->activate = ctg_application_activate;
  app_class->open = ctg_application_open;
  app_class->startup = ctg_application_startup;
}

static void
ctg_application_init (CtgApplication *self)
{
}

CtgApplication *
ctg_application_new (void)
{
  return g_object_new (CTG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/ctgplanner/CtgPlanner",
                       NULL);
}
