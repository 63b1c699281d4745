/* ctg-file-watch.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Watches the folder of an open convention: when its file is replaced (a
 * sync client, `mv`, an export over it) or deleted, the document stops
 * writing to it (ctg_document_check_file) and "lost" tells the window, which
 * offers to save the convention elsewhere. */

#define G_LOG_DOMAIN "ctg-file-watch"

#include "config.h"

#include "ctg-file-watch.h"

struct _CtgFileWatch
{
  GObject       parent_instance;

  /* Owned references */
  GFileMonitor *monitor;
  CtgDocument  *document;
};

G_DEFINE_FINAL_TYPE (CtgFileWatch, ctg_file_watch, G_TYPE_OBJECT)

enum {
  LOST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_monitor_changed_cb (GFileMonitor      *monitor,
                       GFile             *file,
                       GFile             *other_file,
                       GFileMonitorEvent  event,
                       CtgFileWatch      *self)
{
  /* Any event: the check (one stat by path) tells the kinds of replacing
   * apart better than the events, which differ with the way it was done */
  if (!ctg_document_check_file (self->document))
    {
      g_file_monitor_cancel (self->monitor);
      g_signal_emit (self, signals[LOST], 0);
    }
}

static void
ctg_file_watch_dispose (GObject *object)
{
  CtgFileWatch *self = CTG_FILE_WATCH (object);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
    }
  g_clear_object (&self->monitor);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ctg_file_watch_parent_class)->dispose (object);
}

static void
ctg_file_watch_class_init (CtgFileWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ctg_file_watch_dispose;

  /**
   * CtgFileWatch::lost:
   *
   * The document's file is no longer at its path; the document is now
   * read-only (see ctg_document_get_read_only_reason()).
   */
  signals[LOST] = g_signal_new ("lost", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ctg_file_watch_init (CtgFileWatch *self)
{
}

/**
 * ctg_file_watch_new:
 * @document: an open convention
 *
 * Watches the file at @document's path, the one ctg_document_check_file()
 * checks.
 *
 * Returns: (transfer full): a watch, or one that never fires if the file
 *   cannot be watched (the check before each write still holds)
 */
CtgFileWatch *
ctg_file_watch_new (CtgDocument *document)
{
  CtgFileWatch *self = g_object_new (CTG_TYPE_FILE_WATCH, NULL);
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (document), self);

  self->document = g_object_ref (document);
  file = g_file_new_for_path (ctg_document_get_path (document));
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_monitor_changed_cb), self);
  return self;
}
