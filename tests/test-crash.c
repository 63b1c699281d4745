/* test-crash.c: nothing acknowledged is lost when the editing process dies
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each run copies an example, forks a child that makes a stream of edits
 * through the core and, around each one, writes to a pipe what it is about
 * to do ("I ...") and that the core returned success ("A"). The parent
 * SIGKILLs the child at a random moment, then opens the file and checks it:
 * it must pass ctg_document_check() and be in the state made by every
 * acknowledged edit, or by those plus the one in flight, never a mixture.
 *
 * What this proves: a crash of the program (the process dies, the kernel
 * keeps what was written). It does not simulate a power cut.
 *
 * CTG_CRASH_RUNS and CTG_CRASH_SEED override the number of runs and the seed.
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ctg-test-util.h"

#define N_ACTIONS 4
#define STREAM_LENGTH 24

typedef struct
{
  GHashTable *values;     /* key -> value; steps:<a> holds the sorted step texts */
  GPtrArray  *undo;       /* of GHashTable: the values before each undoable edit */
  GPtrArray  *redo;
} Model;

typedef struct
{
  guint runs;
  guint damaged;
  guint lost;
  guint half_applied;
  guint killed_mid_stream;
  guint in_flight_committed;
  guint reader_reads;
  guint reader_crashed;
  guint failed_edits;
} Figures;

static gint64 action_ids[N_ACTIONS];
static char *example_data;
static gsize example_length;
static GHashTable *initial_values;

static GHashTable *
values_copy (GHashTable *values)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
  return copy;
}

static void
model_init (Model *m)
{
  m->values = values_copy (initial_values);
  m->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  m->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
}

static void
model_clear (Model *m)
{
  g_clear_pointer (&m->values, g_hash_table_unref);
  g_clear_pointer (&m->undo, g_ptr_array_unref);
  g_clear_pointer (&m->redo, g_ptr_array_unref);
}

static void
model_copy (Model *dest,
            Model *src)
{
  dest->values = values_copy (src->values);
  dest->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  dest->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  for (guint i = 0; i < src->undo->len; i++)
    g_ptr_array_add (dest->undo, values_copy (g_ptr_array_index (src->undo, i)));
  for (guint i = 0; i < src->redo->len; i++)
    g_ptr_array_add (dest->redo, values_copy (g_ptr_array_index (src->redo, i)));
}

static void
set_value (GHashTable *values,
           const char *field,
           guint       a,
           const char *value)
{
  g_hash_table_insert (values, g_strdup_printf ("%s:%u", field, a), g_strdup (value));
}

static GPtrArray *
split_steps (const char *joined)
{
  g_auto(GStrv) parts = g_strsplit (joined ? joined : "", "\n", -1);
  GPtrArray *steps = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i]; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (steps, g_strdup (parts[i]));
  return steps;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
join_steps (GPtrArray *steps)
{
  GString *s = g_string_new (NULL);

  g_ptr_array_sort (steps, compare_strings);
  for (guint i = 0; i < steps->len; i++)
    g_string_append_printf (s, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (steps, i));
  return g_string_free (s, FALSE);
}

/* Applies one operation, as written on the pipe: "S a k" sets notes, "G a k"
 * a group of three fields, "A a k" adds a step, "D a k" deletes the step
 * made by operation k, "U" undoes, "R" redoes. */
static void
model_apply (Model      *m,
             const char *line)
{
  char op = line[0];
  guint a = 0, k = 0;

  if (op == 'U' || op == 'R')
    {
      GPtrArray *from = op == 'U' ? m->undo : m->redo;
      GPtrArray *to = op == 'U' ? m->redo : m->undo;

      g_assert_cmpuint (from->len, >, 0);
      g_ptr_array_add (to, m->values);
      m->values = g_ptr_array_steal_index (from, from->len - 1);
      return;
    }

  g_assert_cmpint (sscanf (line + 1, "%u %u", &a, &k), ==, 2);
  g_ptr_array_add (m->undo, values_copy (m->values));
  g_ptr_array_set_size (m->redo, 0);

  switch (op)
    {
    case 'S':
      {
        g_autofree char *notes = g_strdup_printf ("n%u", k);
        set_value (m->values, "notes", a, notes);
      }
      break;
    case 'G':
      {
        g_autofree char *title = g_strdup_printf ("T%u", k);
        g_autofree char *code = g_strdup_printf ("C%u", k);
        g_autofree char *progress = g_strdup_printf ("%u", k % 101);
        set_value (m->values, "title", a, title);
        set_value (m->values, "code", a, code);
        set_value (m->values, "progress", a, progress);
      }
      break;
    case 'A':
    case 'D':
      {
        g_autofree char *key = g_strdup_printf ("steps:%u", a);
        g_autoptr(GPtrArray) steps = split_steps (g_hash_table_lookup (m->values, key));
        g_autofree char *text = g_strdup_printf ("s%u", k);
        guint index;

        if (op == 'A')
          g_ptr_array_add (steps, g_steal_pointer (&text));
        else
          {
            g_assert_true (g_ptr_array_find_with_equal_func (steps, text, g_str_equal, &index));
            g_ptr_array_remove_index (steps, index);
          }
        g_hash_table_insert (m->values, g_steal_pointer (&key), join_steps (steps));
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The state of the file, in the model's terms */
static GHashTable *
read_values (CtgDocument *doc)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint a = 0; a < N_ACTIONS; a++)
    {
      gint64 id = action_ids[a];
      g_autoptr(GArray) step_ids = ctg_document_list_ids (doc, CTG_ITEM_STEP, id);
      g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *progress = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                   ctg_document_get_int (doc, CTG_ITEM_ACTION, id, "progress", -1));

      {
        g_autofree char *notes = ctg_document_dup_text (doc, CTG_ITEM_ACTION, id, "notes");
        g_autofree char *title = ctg_document_dup_text (doc, CTG_ITEM_ACTION, id, "title");
        g_autofree char *code = ctg_document_dup_text (doc, CTG_ITEM_ACTION, id, "code");

        set_value (values, "notes", a, notes);
        set_value (values, "title", a, title);
        set_value (values, "code", a, code);
        set_value (values, "progress", a, progress);
      }
      for (guint i = 0; i < step_ids->len; i++)
        g_ptr_array_add (steps, ctg_document_dup_text (doc, CTG_ITEM_STEP,
                                                       g_array_index (step_ids, gint64, i), "text"));
      g_hash_table_insert (values, g_strdup_printf ("steps:%u", a), join_steps (steps));
    }
  return values;
}

/* The child */

static void
say (int         fd,
     const char *line)
{
  gsize length = strlen (line);

  /* A pipe write of less than PIPE_BUF bytes is atomic */
  while (write (fd, line, length) < 0 && errno == EINTR)
    ;
}

static G_GNUC_NORETURN void
fail_child (int           fd,
            const GError *error)
{
  g_autofree char *line = g_strdup_printf ("F %s\n", error ? error->message : "?");

  say (fd, line);
  _exit (2);
}

static gint64
find_step (CtgDocument *doc,
           gint64       action_id,
           const char  *text)
{
  g_autoptr(GArray) ids = ctg_document_list_ids (doc, CTG_ITEM_STEP, action_id);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *t = ctg_document_dup_text (doc, CTG_ITEM_STEP, g_array_index (ids, gint64, i), "text");
      if (g_strcmp0 (t, text) == 0)
        return g_array_index (ids, gint64, i);
    }
  return 0;
}

/* One of the steps this stream made that is still there, or 0 */
static guint
pick_own_step (Model *m,
               guint  a,
               GRand *rand)
{
  g_autofree char *key = g_strdup_printf ("steps:%u", a);
  g_autoptr(GPtrArray) steps = split_steps (g_hash_table_lookup (m->values, key));
  g_autoptr(GArray) own = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < steps->len; i++)
    {
      const char *text = g_ptr_array_index (steps, i);
      char *end = NULL;
      guint64 k;

      if (text[0] != 's' || text[1] == '\0')
        continue;
      k = g_ascii_strtoull (text + 1, &end, 10);
      if (*end == '\0')
        {
          guint kk = (guint) k;
          g_array_append_val (own, kk);
        }
    }
  if (own->len == 0)
    return 0;
  return g_array_index (own, guint, g_rand_int_range (rand, 0, (gint32) own->len));
}

static G_GNUC_NORETURN void
run_child (const char *path,
           guint32     seed,
           int         fd)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  Model m;

  model_init (&m);
  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  if (doc == NULL)
    fail_child (fd, error);

  for (guint k = 1; k <= STREAM_LENGTH; k++)
    {
      guint a = (guint) g_rand_int_range (rand, 0, N_ACTIONS);
      gint64 id = action_ids[a];
      int r = g_rand_int_range (rand, 0, 100);
      g_autofree char *line = NULL;
      gboolean ok = TRUE;
      guint victim = 0;

      if (r >= 90 && m.redo->len == 0)
        r = 0;
      if (r >= 80 && r < 90 && m.undo->len == 0)
        r = 0;
      if (r >= 70 && r < 80 && (victim = pick_own_step (&m, a, rand)) == 0)
        r = 55;

      if (r < 30)
        line = g_strdup_printf ("S %u %u\n", a, k);
      else if (r < 55)
        line = g_strdup_printf ("G %u %u\n", a, k);
      else if (r < 70)
        line = g_strdup_printf ("A %u %u\n", a, k);
      else if (r < 80)
        line = g_strdup_printf ("D %u %u\n", a, victim);
      else if (r < 90)
        line = g_strdup ("U\n");
      else
        line = g_strdup ("R\n");

      {
        g_autofree char *intent = g_strconcat ("I ", line, NULL);
        say (fd, intent);
      }

      switch (line[0])
        {
        case 'S':
          {
            g_autofree char *notes = g_strdup_printf ("n%u", k);
            ok = ctg_document_set (doc, CTG_ITEM_ACTION, id, "notes", notes, &error);
          }
          break;
        case 'G':
          {
            g_autofree char *title = g_strdup_printf ("T%u", k);
            g_autofree char *code = g_strdup_printf ("C%u", k);
            g_autofree char *progress = g_strdup_printf ("%u", k % 101);

            ok = ctg_document_begin_group (doc, "Edit action", &error) &&
                 ctg_document_set (doc, CTG_ITEM_ACTION, id, "title", title, &error) &&
                 ctg_document_set (doc, CTG_ITEM_ACTION, id, "code", code, &error) &&
                 ctg_document_set (doc, CTG_ITEM_ACTION, id, "progress", progress, &error) &&
                 ctg_document_end_group (doc, &error);
          }
          break;
        case 'A':
          {
            g_autofree char *text = g_strdup_printf ("s%u", k);
            ok = ctg_document_add_item (doc, CTG_ITEM_STEP, id, text, &error) != 0;
          }
          break;
        case 'D':
          {
            g_autofree char *text = g_strdup_printf ("s%u", victim);
            gint64 step = find_step (doc, id, text);

            ok = step != 0 && ctg_document_delete (doc, CTG_ITEM_STEP, step, &error);
          }
          break;
        case 'U':
          ok = ctg_document_undo (doc, &error);
          break;
        case 'R':
          ok = ctg_document_redo (doc, &error);
          break;
        default:
          g_assert_not_reached ();
        }

      if (!ok)
        fail_child (fd, error);
      say (fd, "A\n");
      model_apply (&m, line);
    }

  say (fd, "E\n");
  model_clear (&m);
  g_clear_object (&doc);
  _exit (0);
}

/* A second process that keeps reading the file, read-only, until killed. It
 * reports each full pass ("O") and any group it sees half made ("X"). */
static G_GNUC_NORETURN void
run_reader (const char *path,
            int         fd)
{
  g_autoptr(CtgDocument) doc = NULL;

  for (;;)
    {
      gboolean complete = TRUE;

      /* Busy, or a journal left by the killed writer: try again */
      if (doc == NULL)
        doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, NULL);
      if (doc == NULL)
        {
          g_usleep (200);
          continue;
        }

      for (guint a = 0; a < N_ACTIONS; a++)
        {
          /* One row, one statement: a snapshot of one moment */
          g_autoptr(CtgAction) action = ctg_document_get_action (doc, action_ids[a]);
          const char *title = action ? ctg_action_get_title (action) : NULL;
          const char *code = action ? ctg_action_get_code (action) : NULL;
          gboolean title_ours = title && title[0] == 'T' && g_ascii_isdigit (title[1]);
          gboolean code_ours = code && code[0] == 'C' && g_ascii_isdigit (code[1]);

          /* NULL: the read was refused (busy), not a wrong answer */
          if (action == NULL)
            complete = FALSE;
          else if (title_ours != code_ours || (title_ours && !g_str_equal (title + 1, code + 1)))
            say (fd, "X\n");
        }
      if (complete)
        say (fd, "O\n");
      /* Let the writer in between passes, as a person reading would */
      g_usleep (500);
    }
}

/* The parent */

static guint
count_differences (GHashTable *state,
                   GHashTable *expected,
                   GHashTable *other,
                   guint      *matching_other)
{
  GHashTableIter iter;
  gpointer key, value;
  guint differences = 0;

  *matching_other = 0;
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *found = g_hash_table_lookup (state, key);

      if (g_strcmp0 (found, value) == 0)
        continue;
      if (other != NULL && g_strcmp0 (found, g_hash_table_lookup (other, key)) == 0)
        (*matching_other)++;
      else
        {
          differences++;
          g_test_message ("%s: found “%s”, expected “%s”", (char *) key, found, (char *) value);
        }
    }
  return differences;
}

static char *
read_all (int fd)
{
  GString *s = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  while ((n = read (fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        break;
      g_string_append_len (s, buffer, n);
    }
  return g_string_free (s, FALSE);
}

static void
write_example (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, example_data, (gssize) example_length, &error);
  g_assert_no_error (error);
}

/* One run; @delay_us < 0 lets the child finish. Returns the child's time. */
static gint64
run_once (const char *path,
          guint32     seed,
          gint64      delay_us,
          gboolean    with_reader,
          Figures    *figures)
{
  int pipe_fd[2], reader_pipe[2] = { -1, -1 };
  pid_t child, reader = -1;
  g_autofree char *report = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) state = NULL;
  g_autofree char *in_flight = NULL;
  Model acked, with_in_flight;
  gint64 start;
  int status;

  write_example (path);

  if (with_reader)
    {
      g_assert_cmpint (pipe (reader_pipe), ==, 0);
      reader = fork ();
      g_assert_cmpint (reader, >=, 0);
      if (reader == 0)
        {
          close (reader_pipe[0]);
          run_reader (path, reader_pipe[1]);
        }
      close (reader_pipe[1]);
    }

  g_assert_cmpint (pipe (pipe_fd), ==, 0);
  start = g_get_monotonic_time ();
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      close (pipe_fd[0]);
      if (reader_pipe[0] >= 0)
        close (reader_pipe[0]);
      run_child (path, seed, pipe_fd[1]);
    }
  close (pipe_fd[1]);

  if (delay_us >= 0)
    {
      g_usleep ((gulong) delay_us);
      kill (child, SIGKILL);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  start = g_get_monotonic_time () - start;
  report = read_all (pipe_fd[0]);
  close (pipe_fd[0]);

  if (with_reader)
    {
      g_autofree char *reads = NULL;
      int reader_status;

      kill (reader, SIGKILL);
      g_assert_cmpint (waitpid (reader, &reader_status, 0), ==, reader);
      if (!WIFSIGNALED (reader_status) || WTERMSIG (reader_status) != SIGKILL)
        figures->reader_crashed++;
      reads = read_all (reader_pipe[0]);
      close (reader_pipe[0]);
      for (const char *c = reads; *c; c++)
        {
          if (*c == 'O')
            figures->reader_reads++;
          else if (*c == 'X')
            figures->half_applied++;
        }
    }

  if (delay_us < 0 && !(WIFEXITED (status) && WEXITSTATUS (status) == 0))
    g_test_message ("child: %s", report);

  /* Replay what the child said into two models: the acknowledged edits,
   * and those plus the one in flight */
  model_init (&acked);
  lines = g_strsplit (report, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "I "))
        {
          g_free (in_flight);
          in_flight = g_strdup (line + 2);
        }
      else if (g_str_equal (line, "A"))
        {
          g_assert_nonnull (in_flight);
          model_apply (&acked, in_flight);
          g_clear_pointer (&in_flight, g_free);
        }
      else if (line[0] == 'F')
        {
          g_test_message ("seed %u: the child's edit failed: %s", seed, line);
          figures->failed_edits++;
        }
      else if (g_str_equal (line, "E"))
        ;
      else if (line[0] != '\0')
        {
          /* Killed in the middle of writing a line: nothing was done yet */
          g_clear_pointer (&in_flight, g_free);
        }
    }
  if (!g_str_has_suffix (report, "E\n"))
    figures->killed_mid_stream++;

  model_copy (&with_in_flight, &acked);
  if (in_flight != NULL)
    model_apply (&with_in_flight, in_flight);

  figures->runs++;
  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  if (doc == NULL || !ctg_document_check (doc, &error))
    {
      g_test_message ("seed %u: damaged: %s", seed, error ? error->message : "?");
      figures->damaged++;
    }
  else
    {
      guint lost, from_in_flight, extra;

      state = read_values (doc);
      lost = count_differences (state, acked.values, in_flight ? with_in_flight.values : NULL,
                                &from_in_flight);
      if (lost > 0)
        {
          g_test_message ("seed %u: %u acknowledged values lost", seed, lost);
          figures->lost += lost;
        }
      else if (from_in_flight > 0)
        {
          /* The in-flight edit was committed before the kill: all of it must be */
          if (count_differences (state, with_in_flight.values, NULL, &extra) > 0)
            {
              g_test_message ("seed %u: edit “%s” half applied", seed, in_flight);
              figures->half_applied++;
            }
          else
            figures->in_flight_committed++;
        }
    }

  model_clear (&acked);
  model_clear (&with_in_flight);
  return start;
}

static void
load_example (void)
{
  g_autofree char *source = ctg_test_example_path ("m2a");
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actions = NULL;

  if (example_data != NULL)
    return;

  example_data = ctg_test_read_file (source, &example_length);
  doc = ctg_document_open (source, CTG_OPEN_FLAGS_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (ctg_document_can_undo (doc));
  actions = ctg_document_list_actions (doc, 0);
  g_assert_cmpuint (g_list_model_get_n_items (actions), >=, N_ACTIONS);
  for (guint a = 0; a < N_ACTIONS; a++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, a);
      action_ids[a] = ctg_action_get_id (action);
    }
  initial_values = read_values (doc);
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value && *value ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

static void
crash_runs (gboolean with_reader)
{
  g_autofree char *path = ctg_test_tmp_path ("crash.ctg");
  guint runs = env_uint ("CTG_CRASH_RUNS", 1000);
  guint32 seed = env_uint ("CTG_CRASH_SEED", (guint) (g_get_real_time () % G_MAXUINT32));
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Figures figures = { 0 };
  gint64 duration = 0;
  gint64 start = g_get_monotonic_time ();

  load_example ();

  /* How long a whole stream takes here (the shortest of five), to spread
   * the kills over it: the shortest, not the median, so that on a loaded
   * machine (a sanitizer build, other jobs) the kills still land inside the
   * streams rather than after them */
  {
    gint64 durations[5];

    for (guint i = 0; i < G_N_ELEMENTS (durations); i++)
      durations[i] = run_once (path, seed, -1, with_reader, &figures);
    for (guint i = 0; i < G_N_ELEMENTS (durations); i++)
      for (guint j = i + 1; j < G_N_ELEMENTS (durations); j++)
        if (durations[j] < durations[i])
          {
            gint64 t = durations[i];
            durations[i] = durations[j];
            durations[j] = t;
          }
    duration = durations[0];
  }
  g_assert_cmpuint (figures.failed_edits, ==, 0);
  g_assert_cmpuint (figures.killed_mid_stream, ==, 0);
  figures = (Figures) { 0 };

  for (guint i = 0; i < runs; i++)
    run_once (path, seed + i, g_rand_int_range (rand, 0, (gint32) MIN (duration, G_MAXINT32)),
              with_reader, &figures);

  g_print ("# crash%s: seed=%u runs=%u damaged=%u lost=%u half-applied=%u "
           "(killed mid-stream=%u, in-flight edit committed=%u, stream=%" G_GINT64_FORMAT " ms, "
           "total=%" G_GINT64_FORMAT " s",
           with_reader ? " with reader" : "", seed, figures.runs, figures.damaged,
           figures.lost, figures.half_applied, figures.killed_mid_stream,
           figures.in_flight_committed, duration / 1000,
           (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
  if (with_reader)
    g_print (", reader passes=%u, reader crashed=%u", figures.reader_reads, figures.reader_crashed);
  g_print (")\n");

  g_assert_cmpuint (figures.runs, ==, runs);
  g_assert_cmpuint (figures.failed_edits, ==, 0);
  g_assert_cmpuint (figures.damaged, ==, 0);
  g_assert_cmpuint (figures.lost, ==, 0);
  g_assert_cmpuint (figures.half_applied, ==, 0);
  g_assert_cmpuint (figures.reader_crashed, ==, 0);
  /* The kills must land inside the streams, or this proves nothing */
  g_assert_cmpuint (figures.killed_mid_stream * 2, >=, runs);
  if (with_reader)
    g_assert_cmpuint (figures.reader_reads, >, 0);
}

static void
test_crash_alone (void)
{
  crash_runs (FALSE);
}

static void
test_crash_with_reader (void)
{
  crash_runs (TRUE);
}

/* The model itself: a test that cannot fail is no test */
static void
test_crash_model (void)
{
  g_autofree char *path = ctg_test_tmp_path ("model.ctg");
  g_autoptr(CtgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) state = NULL;
  Model m;
  guint other;

  load_example ();
  write_example (path);
  model_init (&m);
  model_apply (&m, "G 1 7");
  model_apply (&m, "A 2 8");
  model_apply (&m, "U");

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  state = read_values (doc);
  g_assert_cmpuint (count_differences (state, initial_values, NULL, &other), ==, 0);
  g_assert_cmpuint (count_differences (state, m.values, NULL, &other), ==, 3);

  /* Half a group, as a bug would leave it, is seen */
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, action_ids[1], "title", "T7", &error));
  g_clear_pointer (&state, g_hash_table_unref);
  state = read_values (doc);
  g_assert_cmpuint (count_differences (state, m.values, NULL, &other), ==, 2);
  g_assert_cmpuint (count_differences (state, initial_values, m.values, &other), ==, 0);
  g_assert_cmpuint (other, ==, 1);
  model_clear (&m);
}

int
main (int   argc,
      char *argv[])
{
  /* A SIGKILL leaves the kernel's page cache as it was, so what is tested
   * here does not depend on the disk: in memory, the runs do not wait for
   * fsync() and a busy disk does not skew the timing of the kills. */
  if (g_getenv ("CTG_CRASH_TMPDIR") != NULL)
    g_setenv ("TMPDIR", g_getenv ("CTG_CRASH_TMPDIR"), TRUE);
  else if (access ("/dev/shm", W_OK) == 0)
    g_setenv ("TMPDIR", "/dev/shm", TRUE);

  ctg_test_init (&argc, &argv);

  g_test_add_func ("/crash/model", test_crash_model);
  g_test_add_func ("/crash/sigkill", test_crash_alone);
  g_test_add_func ("/crash/sigkill-with-reader", test_crash_with_reader);

  return g_test_run ();
}
