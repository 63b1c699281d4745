/* ctg-test-util.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "ctg-test-util.h"

#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-stdio.h>
#include <string.h>

static char *tmp_dir;

static void
remove_tmp_dir (void)
{
  if (tmp_dir == NULL)
    return;
  /* Files may be made read-only by a test: give the rights back first */
  {
    g_autofree char *command = g_strdup_printf ("chmod -R u+w '%s' 2>/dev/null; rm -rf '%s'", tmp_dir, tmp_dir);
    if (system (command) != 0)
      g_printerr ("could not remove %s\n", tmp_dir);
  }
  g_clear_pointer (&tmp_dir, g_free);
}

void
ctg_test_init (int    *argc,
               char ***argv)
{
  g_autoptr(GError) error = NULL;

  ctg_i18n_init ();

  g_test_init (argc, argv, NULL);

  tmp_dir = g_dir_make_tmp ("ctg-test-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_tmp_dir);
}

char *
ctg_test_tmp_path (const char *name)
{
  static guint counter;

  return g_strdup_printf ("%s/%u-%s", tmp_dir, ++counter, name);
}

char *
ctg_test_example_path (const char *slug)
{
  g_autofree char *name = g_strconcat (slug, ".ctg", NULL);

  return g_build_filename (g_getenv ("CTG_EXAMPLES_BUILDDIR"), name, NULL);
}

char *
ctg_test_read_file (const char *path,
                    gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

GBytes *
ctg_test_read_bytes (const char *path)
{
  gsize length;
  char *data = ctg_test_read_file (path, &length);

  return g_bytes_new_take (data, length);
}

/* Copies a built example to a fresh path: tests never touch the build's files */
char *
ctg_test_copy_example (const char *slug)
{
  g_autofree char *source = ctg_test_example_path (slug);
  g_autofree char *name = g_strconcat (slug, ".ctg", NULL);
  char *dest = ctg_test_tmp_path (name);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  data = ctg_test_read_file (source, &length);
  g_file_set_contents (dest, data, (gssize) length, &error);
  g_assert_no_error (error);
  return dest;
}

gboolean
ctg_test_files_equal (const char *a,
                      const char *b)
{
  gsize la, lb;
  g_autofree char *da = ctg_test_read_file (a, &la);
  g_autofree char *db = ctg_test_read_file (b, &lb);

  return la == lb && memcmp (da, db, la) == 0;
}

/**
 * ctg_test_run_cli:
 *
 * Runs the built ctg tool with the arguments and returns its exit status.
 */
static int
run_cli_valist (char       **env,
                char       **out,
                char       **err,
                const char  *first_arg,
                va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CTG_CLI"));
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  /* The callers run several commands in a row into the same strings */
  if (out != NULL)
    g_clear_pointer (out, g_free);
  if (err != NULL)
    g_clear_pointer (err, g_free);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);

  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return 128 + WTERMSIG (status);
}

int
ctg_test_run_cli (char       **out,
                  char       **err,
                  const char  *first_arg,
                  ...)
{
  va_list args;
  int status;

  va_start (args, first_arg);
  status = run_cli_valist (NULL, out, err, first_arg, args);
  va_end (args);
  return status;
}

/* ctg_test_run_cli() in French (fr_FR.UTF-8, which the caller checked) */
int
ctg_test_run_cli_french (char       **out,
                         char       **err,
                         const char  *first_arg,
                         ...)
{
  g_auto(GStrv) env = g_get_environ ();
  va_list args;
  int status;

  env = g_environ_setenv (env, "LC_ALL", "fr_FR.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "fr", TRUE);
  va_start (args, first_arg);
  status = run_cli_valist (env, out, err, first_arg, args);
  va_end (args);
  return status;
}

CtgDocument *
ctg_test_new_document (void)
{
  g_autofree char *path = ctg_test_tmp_path ("new.ctg");
  g_autoptr(GError) error = NULL;
  CtgDocument *doc = ctg_document_create (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* Runs the main loop for @ms milliseconds, for what a widget does on idle
 * or on the next frame */
void
ctg_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* A zip archive, as spreadsheets are; @lengths may be NULL for strings */
void
ctg_test_write_zip (const char         *path,
                    const char * const *names,
                    const char * const *contents,
                    const gsize        *lengths)
{
  g_autoptr(GError) error = NULL;
  GsfOutput *file = gsf_output_stdio_new (path, &error);
  GsfOutfile *zip;

  g_assert_no_error (error);
  zip = gsf_outfile_zip_new (file, &error);
  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      gsize length = lengths ? lengths[i] : strlen (contents[i]);
      GsfOutput *member = gsf_outfile_new_child (zip, names[i], FALSE);

      g_assert_true (gsf_output_write (member, length, (const guint8 *) contents[i]));
      g_assert_true (gsf_output_close (member));
      g_object_unref (member);
    }
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  g_object_unref (zip);
  g_assert_true (gsf_output_close (file));
  g_object_unref (file);
}

void
ctg_test_write_ods (const char *path,
                    const char *content)
{
  const char * const names[] = { "mimetype", "content.xml", NULL };
  const char * const contents[] = { "application/vnd.oasis.opendocument.spreadsheet", content, NULL };

  ctg_test_write_zip (path, names, contents, NULL);
}
