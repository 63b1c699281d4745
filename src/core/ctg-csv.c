/* ctg-csv.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ctg-csv.h"
#include "ctg-error.h"

/* No spreadsheet cell of a plan comes near this; a larger one is an error,
 * not something to hold in memory. */
#define MAX_CELL_LENGTH (1024 * 1024)

/* A plan has a few hundred actions; far more rows or cells than this is a
 * wrong file, and holding them all would take gigabytes */
#define MAX_ROWS 200000
#define MAX_CELLS 1000

void
ctg_csv_row_free (CtgCsvRow *row)
{
  if (row == NULL)
    return;
  g_ptr_array_unref (row->cells);
  g_free (row);
}

static char
detect_separator (const char *data,
                  gsize       length)
{
  guint semicolons = 0, commas = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ';')
        semicolons++;
      else if (!quoted && c == ',')
        commas++;
      else if (!quoted && c == '\t')
        tabs++;
    }

  if (tabs > semicolons && tabs > commas)
    return '\t';
  if (commas > semicolons)
    return ',';
  return ';';
}

static void
add_problem (GPtrArray  *problems,
             guint       line,
             const char *message)
{
  /* Translators: a problem found in an imported file, as in "line 12: unclosed quote" */
  g_ptr_array_add (problems, g_strdup_printf (_("line %u: %s"), line, message));
}

/**
 * ctg_csv_parse:
 * @data: the file's bytes: UTF-8 with or without BOM
 * @separator: (out): the separator found on the header line: `;`, `,` or tab
 * @problems: (element-type utf8): where to add a message for each problem
 *
 * Reads RFC 4180 CSV: cells in double quotes may hold separators, line
 * breaks and doubled quotes; lines end in CRLF or LF. Blank lines are
 * skipped.
 *
 * Returns: (transfer full) (element-type CtgCsvRow): the rows, header
 *   included; check @problems before using them
 */
static gboolean
starts_like_formula (const char *cell)
{
  return cell[0] != '\0' && strchr ("=+-@\t\r", cell[0]) != NULL;
}

/* An apostrophe (or more) before what starts like a formula: the export
 * added the first one */
static gboolean
is_escaped_formula (const char *cell)
{
  if (cell[0] != '\'')
    return FALSE;
  while (*cell == '\'')
    cell++;
  return starts_like_formula (cell);
}

GPtrArray *
ctg_csv_parse (const char *data,
               gsize       length,
               char       *separator,
               GPtrArray  *problems)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_csv_row_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  CtgCsvRow *row = NULL;
  const char *end;
  const char *p;
  guint line = 1;
  char sep;

  /* An empty GBytes (an empty file) holds no data pointer at all, and
   * NULL + 0 is undefined behaviour */
  if (data == NULL)
    data = "";

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  {
    const char *bad = NULL;

    if (!g_utf8_validate_len (data, length, &bad))
      {
        guint bad_line = 1;

        for (const char *q = data; q < bad; q++)
          if (*q == '\n')
            bad_line++;
        add_problem (problems, bad_line,
                     _("the file is not in UTF-8; save it from your spreadsheet as “CSV UTF-8”"));
        return rows;
      }
  }

  sep = detect_separator (data, length);
  if (separator != NULL)
    *separator = sep;

  p = data;
  end = data + length;

  while (p < end)
    {
      gboolean quoted_cell = FALSE;
      gboolean too_long = FALSE;
      guint cell_line = line;

      if (row == NULL)
        {
          row = g_new0 (CtgCsvRow, 1);
          row->line = line;
          row->cells = g_ptr_array_new_with_free_func (g_free);
        }

      g_string_truncate (cell, 0);

      if (*p == '"')
        {
          quoted_cell = TRUE;
          p++;
          for (;;)
            {
              if (p >= end)
                {
                  add_problem (problems, cell_line, _("a quote opened here is never closed"));
                  ctg_csv_row_free (row);
                  return rows;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (cell, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              if (*p == '\n')
                line++;
              if (*p == '\r' && p + 1 < end && p[1] == '\n')
                {
                  /* Line breaks inside a cell are kept as LF */
                  p++;
                  continue;
                }
              if (cell->len < MAX_CELL_LENGTH)
                g_string_append_c (cell, *p);
              else
                too_long = TRUE;
              p++;
            }

          if (p < end && *p != sep && *p != '\n' && *p != '\r')
            {
              add_problem (problems, line, _("text after a closing quote; a quote inside a quoted cell must be doubled"));
              while (p < end && *p != sep && *p != '\n' && *p != '\r')
                p++;
            }
        }
      else
        {
          while (p < end && *p != sep && *p != '\n' && *p != '\r')
            {
              if (cell->len < MAX_CELL_LENGTH)
                g_string_append_c (cell, *p);
              else
                too_long = TRUE;
              p++;
            }
        }

      if (too_long)
        add_problem (problems, cell_line, _("a cell is longer than one million characters"));

      if (row->cells->len >= MAX_CELLS)
        {
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "a row has more than %u cell",
                                          "a row has more than %u cells", MAX_CELLS), MAX_CELLS);

          add_problem (problems, cell_line, message);
          ctg_csv_row_free (row);
          return rows;
        }
      /* The apostrophe the export puts before a would-be formula */
      if (is_escaped_formula (cell->str))
        g_string_erase (cell, 0, 1);
      g_ptr_array_add (row->cells, g_strndup (cell->str, cell->len));
      (void) quoted_cell;

      if (p < end && *p == sep)
        {
          p++;
          if (p >= end)
            g_ptr_array_add (row->cells, g_strdup (""));
          else
            continue;
        }

      /* End of the row */
      if (p < end && *p == '\r')
        p++;
      if (p < end && *p == '\n')
        p++;
      line++;

      if (row->cells->len == 1 && ((char *) g_ptr_array_index (row->cells, 0))[0] == '\0')
        ctg_csv_row_free (row);
      else if (rows->len >= MAX_ROWS)
        {
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the table has more than %u row",
                                          "the table has more than %u rows", MAX_ROWS), MAX_ROWS);

          add_problem (problems, row->line, message);
          ctg_csv_row_free (row);
          return rows;
        }
      else
        g_ptr_array_add (rows, row);
      row = NULL;
    }

  if (row != NULL)
    g_ptr_array_add (rows, row);

  return rows;
}

/**
 * ctg_csv_append_cell:
 *
 * Appends @cell to @out, quoted when it holds the separator, a quote or a
 * line break (or starts or ends with a space, which spreadsheets trim).
 */
void
ctg_csv_append_cell (GString    *out,
                     const char *cell,
                     char        separator)
{
  g_autofree char *escaped = NULL;
  gsize len;

  /* A spreadsheet runs a cell starting with = + - @ (or a tab or CR before
   * them) as a formula: =HYPERLINK(...) becomes a live link. Written after
   * an apostrophe it shows as text (OWASP's advice); the import takes
   * exactly that apostrophe off, so the round trip is byte for byte. */
  if (starts_like_formula (cell) || is_escaped_formula (cell))
    cell = escaped = g_strconcat ("'", cell, NULL);
  len = strlen (cell);

  if (strchr (cell, separator) == NULL && strpbrk (cell, "\"\r\n") == NULL &&
      (len == 0 || (cell[0] != ' ' && cell[len - 1] != ' ')))
    {
      g_string_append (out, cell);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = cell; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * ctg_csv_read_file:
 * @path: a plan table
 *
 * Reads @path, at most %CTG_CSV_MAX_FILE_BYTES of it: a pipe, a device
 * (/dev/zero) or a huge file is refused once past the limit, never read
 * whole first.
 *
 * Returns: (transfer full): the bytes (a NUL follows them), or %NULL with
 *   @error
 */
GBytes *
ctg_csv_read_file (const char  *path,
                   GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GString) data = g_string_new (NULL);
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CTG_DOCUMENT_ERROR,
                   saved_errno == ENOENT ? CTG_DOCUMENT_ERROR_NOT_FOUND : CTG_DOCUMENT_ERROR_FAILED,
                   _("“%s” cannot be read: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  for (;;)
    {
      gsize before = data->len;
      gssize n;

      g_string_set_size (data, before + 65536);
      n = read (fd, data->str + before, 65536);
      if (n < 0 && errno == EINTR)
        {
          g_string_set_size (data, before);
          continue;
        }
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                       _("“%s” cannot be read: %s"), display, g_strerror (saved_errno));
          return NULL;
        }
      g_string_set_size (data, before + (gsize) n);
      if (n == 0)
        break;
      if (data->len > CTG_CSV_MAX_FILE_BYTES)
        {
          close (fd);
          g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_BAD_CSV,
                       _("“%s” is larger than %u MB: it is not a plan table."),
                       display, CTG_CSV_MAX_FILE_BYTES / (1024 * 1024));
          return NULL;
        }
    }
  close (fd);
  return g_string_free_to_bytes (g_steal_pointer (&data));
}
