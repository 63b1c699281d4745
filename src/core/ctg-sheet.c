/* ctg-sheet.c: reading a plan table from an .xlsx or .ods spreadsheet
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile-impl.h>
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-utils.h>
#include <math.h>
#include <string.h>

#include "ctg-plan-csv.h"
#include "ctg-plan-table-private.h"
#include "ctg-sheet-private.h"
#include "ctg-sheet.h"

static void
init_libraries (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      gsf_init ();
      xmlInitParser ();
      g_once_init_leave (&done, 1);
    }
}

void
_ctg_sheet_fail (CtgSheetReader *reader,
                 const char     *message)
{
  if (reader->error == NULL)
    g_set_error_literal (&reader->error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_BAD_CSV, message);
}

static void
fail_damaged (CtgSheetReader *reader)
{
  _ctg_sheet_fail (reader, _("The spreadsheet is damaged: it cannot be read."));
}

/* Members of the zip */

/* libgsf turns each member's MS-DOS date into a GDateTime and unrefs it
 * without looking: an impossible date (month 13, 31 February) in a damaged
 * zip's central directory is a GLib critical inside it. Such an archive is
 * refused before libgsf reads it. */
static gboolean
zip_dates_valid (const guint8 *data,
                 gsize         length)
{
  gsize eocd = 0;
  guint32 dir_offset;
  guint16 entries;
  gsize pos;

  if (length < 22)
    return TRUE;  /* libgsf refuses it itself */
  for (gsize i = length - 22; ; i--)
    {
      if (data[i] == 'P' && data[i + 1] == 'K' && data[i + 2] == 5 && data[i + 3] == 6)
        {
          eocd = i + 1;
          break;
        }
      if (i == 0 || length - i > 22 + 65535)
        return TRUE;
    }
  eocd--;
  entries = (guint16) (data[eocd + 10] | data[eocd + 11] << 8);
  dir_offset = (guint32) data[eocd + 16] | (guint32) data[eocd + 17] << 8 |
               (guint32) data[eocd + 18] << 16 | (guint32) data[eocd + 19] << 24;
  pos = dir_offset;
  for (guint n = 0; n < entries; n++)
    {
      guint16 time, date, name_len, extra_len, comment_len;

      if (pos > length || length - pos < 46 ||
          !(data[pos] == 'P' && data[pos + 1] == 'K' && data[pos + 2] == 1 && data[pos + 3] == 2))
        return TRUE;  /* a damaged directory: libgsf refuses it itself */
      time = (guint16) (data[pos + 12] | data[pos + 13] << 8);
      date = (guint16) (data[pos + 14] | data[pos + 15] << 8);
      if ((time != 0 || date != 0) &&
          (!g_date_valid_dmy (date & 0x1f, (date >> 5) & 0x0f, 1980 + (date >> 9)) ||
           (time >> 11) > 23 || ((time >> 5) & 0x3f) > 59 || (time & 0x1f) > 29))
        return FALSE;
      name_len = (guint16) (data[pos + 28] | data[pos + 29] << 8);
      extra_len = (guint16) (data[pos + 30] | data[pos + 31] << 8);
      comment_len = (guint16) (data[pos + 32] | data[pos + 33] << 8);
      pos += 46 + (gsize) name_len + extra_len + comment_len;
    }
  return TRUE;
}


/* libgsf's gsf_infile_child_by_name() logs a warning when a member is
 * damaged; a partner's damaged file is an error to report, not a warning */
static GsfInput *
child_by_name (CtgSheetReader *reader,
               GsfInfile      *dir,
               const char     *name)
{
  GsfInfileClass *klass = GSF_INFILE_CLASS (G_OBJECT_GET_CLASS (dir));
  GError *local_error = NULL;
  GsfInput *child;

  if (klass->child_by_name == NULL)
    return gsf_infile_child_by_name (dir, name);
  child = klass->child_by_name (dir, name, &local_error);
  if (local_error != NULL)
    {
      g_clear_object (&child);
      g_error_free (local_error);
      fail_damaged (reader);
    }
  return child;
}

static GsfInput *
open_member (CtgSheetReader *reader,
             const char     *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", 16);
  g_autoptr(GsfInput) current = NULL;

  if (reader->zip == NULL)
    return NULL;
  current = g_object_ref (GSF_INPUT (reader->zip));
  for (guint i = 0; parts[i] != NULL; i++)
    {
      GsfInput *child;

      if (!GSF_IS_INFILE (current))
        return NULL;
      child = child_by_name (reader, GSF_INFILE (current), parts[i]);
      g_object_unref (current);
      current = child;
      if (current == NULL)
        return NULL;
    }
  return g_steal_pointer (&current);
}

gboolean
_ctg_sheet_has_member (CtgSheetReader *reader,
                       const char     *path)
{
  g_autoptr(GsfInput) input = open_member (reader, path);

  return input != NULL;
}

typedef struct
{
  CtgSheetReader *reader;
  GsfInput       *input;
  gboolean        started;
  char            tail[16];
  gsize           tail_len;
} XmlSource;

static gboolean
contains (const char *haystack,
          gsize       length,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (haystack[i] == needle[0] && memcmp (haystack + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* No DTD: a spreadsheet's XML never needs one, and entities declared there
 * are how a small file expands to gigabytes ("billion laughs") */
static gboolean
has_dtd (XmlSource  *source,
         const char *buffer,
         gsize       length)
{
  static const char * const markers[] = { "<!DOCTYPE", "<!ENTITY" };
  g_autofree char *joined = g_malloc (source->tail_len + length);
  gsize n = source->tail_len + length;

  memcpy (joined, source->tail, source->tail_len);
  memcpy (joined + source->tail_len, buffer, length);

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (contains (joined, n, markers[i]))
      return TRUE;

  source->tail_len = MIN (n, sizeof source->tail - 1);
  memcpy (source->tail, joined + n - source->tail_len, source->tail_len);
  return FALSE;
}

static int
read_xml (void *context,
          char *buffer,
          int   length)
{
  XmlSource *source = context;
  CtgSheetReader *reader = source->reader;
  gsf_off_t remaining = gsf_input_remaining (source->input);
  gsize n = MIN ((gsize) MAX (length, 0), (gsize) MAX (remaining, 0));

  if (reader->error != NULL)
    return -1;
  if (n == 0)
    return 0;

  if (reader->total_read + n > CTG_SHEET_MAX_TOTAL_BYTES)
    {
      _ctg_sheet_fail (reader, _("The spreadsheet is too large once uncompressed: it was not read."));
      return -1;
    }
  if (gsf_input_read (source->input, n, (guint8 *) buffer) == NULL)
    {
      fail_damaged (reader);
      return -1;
    }
  reader->total_read += n;

  /* Only UTF-8: another encoding could hide a DTD from the check below */
  if (!source->started)
    {
      source->started = TRUE;
      for (gsize i = 0; i < MIN (n, (gsize) 4); i++)
        if (buffer[i] == '\0' || (guchar) buffer[i] == 0xfe || (guchar) buffer[i] == 0xff)
          {
            fail_damaged (reader);
            return -1;
          }
    }

  if (has_dtd (source, buffer, n))
    {
      _ctg_sheet_fail (reader, _("The spreadsheet holds a document type declaration, which CTG Planner "
                                 "refuses for safety: it was not read."));
      return -1;
    }
  return (int) n;
}

static int
close_xml (void *context)
{
  XmlSource *source = context;

  g_clear_object (&source->input);
  g_free (source);
  return 0;
}

static void
ignore_xml_error (void        *data,
                  const xmlError *error)
{
  /* The reader's return value says the file is damaged; libxml2's own
   * message would only go to stderr */
}

/**
 * _ctg_sheet_open_xml:
 * @path: the member's path in the zip, as "xl/workbook.xml"
 *
 * Returns: (nullable): a streaming reader of the member, without network
 *   access, entity expansion or DTD; %NULL if the member is missing or too
 *   large (then @reader's error says why, if it matters)
 */
xmlTextReader *
_ctg_sheet_open_xml (CtgSheetReader *reader,
                     const char     *path)
{
  g_autoptr(GsfInput) input = open_member (reader, path);
  XmlSource *source;
  xmlTextReader *xml;

  if (input == NULL || reader->error != NULL)
    return NULL;

  if (gsf_input_size (input) > CTG_SHEET_MAX_MEMBER_BYTES ||
      reader->total_read + (gsize) gsf_input_size (input) > CTG_SHEET_MAX_TOTAL_BYTES)
    {
      _ctg_sheet_fail (reader, _("The spreadsheet is too large once uncompressed: it was not read."));
      return NULL;
    }

  source = g_new0 (XmlSource, 1);
  source->reader = reader;
  source->input = g_steal_pointer (&input);
  xml = xmlReaderForIO (read_xml, close_xml, source, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
  if (xml == NULL)
    {
      close_xml (source);
      fail_damaged (reader);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (xml, (xmlStructuredErrorFunc) ignore_xml_error, NULL);
  return xml;
}

/* Returns FALSE at the end of the member, or if it is damaged */
gboolean
_ctg_sheet_next (CtgSheetReader *reader,
                 xmlTextReader  *xml)
{
  int ret;

  if (reader->error != NULL)
    return FALSE;
  ret = xmlTextReaderRead (xml);
  if (ret < 0)
    fail_damaged (reader);
  return ret == 1 && reader->error == NULL;
}

/* The attribute @name of the current element, %NULL where it has none:
 * with @ns, the one in that namespace (ODF); without, @name as written,
 * prefix included (OOXML) */
char *
_ctg_sheet_attribute (xmlTextReader *xml,
                      const char    *ns,
                      const char    *name)
{
  xmlChar *value = ns != NULL
    ? xmlTextReaderGetAttributeNs (xml, (const xmlChar *) name, (const xmlChar *) ns)
    : xmlTextReaderGetAttribute (xml, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* The table of a sheet */

void
_ctg_sheet_begin (CtgSheetReader *reader)
{
  g_clear_pointer (&reader->rows, g_ptr_array_unref);
  g_clear_pointer (&reader->merges, g_array_unref);
  reader->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_csv_row_free);
  reader->merges = g_array_new (FALSE, FALSE, sizeof (CtgSheetRange));
  reader->n_cells = 0;
}

/* Repeated rows and merged cells multiply what a small file holds */
static gboolean
count_cell (CtgSheetReader *reader)
{
  if (++reader->n_cells <= CTG_SHEET_MAX_CELLS)
    return TRUE;
  _ctg_sheet_fail (reader, _("The sheet has too many cells: it was not read."));
  return FALSE;
}

static void
fail_too_many_rows (CtgSheetReader *reader)
{
  g_autofree char *message =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The sheet has more than %u row: it was not read.",
                                  "The sheet has more than %u rows: it was not read.",
                                  CTG_SHEET_MAX_ROWS), CTG_SHEET_MAX_ROWS);

  _ctg_sheet_fail (reader, message);
}

/* Rows come in order, as both formats store them; @row from 1, @column from 0 */
void
_ctg_sheet_set_cell (CtgSheetReader *reader,
                     guint           row,
                     guint           column,
                     const char     *text)
{
  CtgCsvRow *last;

  if (reader->error != NULL || text == NULL || text[0] == '\0')
    return;

  if (column >= CTG_SHEET_MAX_COLUMNS)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The row %u has more than %u column: it was not read.",
                                      "The row %u has more than %u columns: it was not read.",
                                      CTG_SHEET_MAX_COLUMNS), row, CTG_SHEET_MAX_COLUMNS);
      _ctg_sheet_fail (reader, message);
      return;
    }

  last = reader->rows->len > 0 ? g_ptr_array_index (reader->rows, reader->rows->len - 1) : NULL;
  if (last != NULL && row < last->line)
    {
      fail_damaged (reader);
      return;
    }
  if (last == NULL || row > last->line)
    {
      if (reader->rows->len >= CTG_SHEET_MAX_ROWS)
        {
          fail_too_many_rows (reader);
          return;
        }
      last = g_new0 (CtgCsvRow, 1);
      last->line = row;
      last->cells = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (reader->rows, last);
    }

  if (!count_cell (reader))
    return;
  while (last->cells->len <= column)
    g_ptr_array_add (last->cells, g_strdup (""));
  g_free (g_ptr_array_index (last->cells, column));
  g_ptr_array_index (last->cells, column) = g_strdup (text);
}

void
_ctg_sheet_add_merge (CtgSheetReader      *reader,
                      const CtgSheetRange *range)
{
  if (reader->error != NULL || range->first_row == 0 ||
      range->last_row < range->first_row || range->last_column < range->first_column)
    return;
  if (reader->merges->len >= CTG_SHEET_MAX_MERGES)
    {
      _ctg_sheet_fail (reader, _("The sheet has too many merged cells: it was not read."));
      return;
    }
  g_array_append_val (reader->merges, *range);
}

static guint
find_row (GPtrArray *rows,
          guint      line)
{
  guint low = 0, high = rows->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (((CtgCsvRow *) g_ptr_array_index (rows, mid))->line < line)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/* An axis written once over many merged rows applies to each of them */
static void
apply_merges (CtgSheetReader *reader)
{
  guint64 work = 0;

  for (guint m = 0; m < reader->merges->len && reader->error == NULL; m++)
    {
      const CtgSheetRange *range = &g_array_index (reader->merges, CtgSheetRange, m);
      guint first = find_row (reader->rows, range->first_row);
      guint last_column = MIN (range->last_column, CTG_SHEET_MAX_COLUMNS - 1);
      CtgCsvRow *origin;
      const char *value;

      if (first >= reader->rows->len)
        continue;
      origin = g_ptr_array_index (reader->rows, first);
      if (origin->line != range->first_row || range->first_column >= origin->cells->len)
        continue;
      value = g_ptr_array_index (origin->cells, range->first_column);

      for (guint r = first + 1; r < reader->rows->len; r++)
        {
          CtgCsvRow *row = g_ptr_array_index (reader->rows, r);

          if (row->line > range->last_row)
            break;
          for (guint c = range->first_column; c <= last_column; c++)
            {
              if (++work > CTG_SHEET_MAX_MERGE_WORK)
                {
                  _ctg_sheet_fail (reader, _("The sheet has too many merged cells: it was not read."));
                  return;
                }
              while (row->cells->len <= c)
                g_ptr_array_add (row->cells, g_strdup (""));
              if (((char *) g_ptr_array_index (row->cells, c))[0] == '\0')
                {
                  if (!count_cell (reader))
                    return;
                  g_free (g_ptr_array_index (row->cells, c));
                  g_ptr_array_index (row->cells, c) = g_strdup (value);
                }
            }
        }
    }
}

gboolean
_ctg_sheet_append_text (CtgSheetReader *reader,
                        GString        *text,
                        const char     *more)
{
  gsize length = strlen (more);

  if (text->len + length > CTG_SHEET_MAX_CELL_LENGTH)
    {
      _ctg_sheet_fail (reader, _("A cell is longer than one million characters: the sheet was not read."));
      return FALSE;
    }
  g_string_append_len (text, more, (gssize) length);
  return TRUE;
}

/* Choosing the sheet */

gboolean
_ctg_sheet_want (CtgSheetReader *reader,
                 const char     *name,
                 gboolean        hidden)
{
  if (reader->names->len < CTG_SHEET_MAX_SHEETS)
    g_ptr_array_add (reader->names, g_strdup (name));
  if (reader->wanted != NULL)
    return g_str_equal (name, reader->wanted);
  return !hidden;
}

/* After a sheet was read: TRUE if it is the one, and reading stops */
gboolean
_ctg_sheet_take (CtgSheetReader *reader,
                 const char     *name)
{
  if (reader->error != NULL)
    return TRUE;

  apply_merges (reader);

  if (reader->wanted != NULL || _ctg_plan_table_has_header (reader->rows))
    {
      reader->chosen = g_strdup (name);
      reader->chosen_rows = g_steal_pointer (&reader->rows);
      return TRUE;
    }
  /* Without a header anywhere, the error is about the first sheet with cells */
  if (reader->fallback == NULL && reader->rows->len > 0)
    {
      reader->fallback = g_strdup (name);
      reader->fallback_rows = g_steal_pointer (&reader->rows);
    }
  return FALSE;
}

/* Formats */

static const guint8 cfb_magic[8] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

/* An Office 97 compound file: an .xls, or an .xlsx protected by a password
 * (which is an encrypted package inside such a file) */
static void
refuse_compound_file (GBytes  *bytes,
                      GError **error)
{
  g_autoptr(GsfInput) input = gsf_input_memory_new (g_bytes_get_data (bytes, NULL),
                                                    (gsf_off_t) g_bytes_get_size (bytes), FALSE);
  g_autoptr(GsfInfile) ole = gsf_infile_msole_new (input, NULL);
  g_autoptr(GsfInput) encrypted = ole ? gsf_infile_child_by_name (ole, "EncryptedPackage") : NULL;

  if (encrypted != NULL)
    g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_BAD_CSV,
                         _("The spreadsheet is protected by a password. Open it in your spreadsheet "
                           "application, remove the password, save it and import it again."));
  else
    g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_BAD_CSV,
                         _("This is an old Excel file (.xls), which CTG Planner cannot read. "
                           "Save it as .xlsx, .ods or .csv in your spreadsheet application and "
                           "import that."));
}

/**
 * ctg_sheet_detect:
 *
 * Tells a spreadsheet from a CSV file by its content, not its name.
 */
CtgSheetFormat
ctg_sheet_detect (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    return CTG_SHEET_FORMAT_ZIP;
  if (length >= 4 && (memcmp (data, "PK\x05\x06", 4) == 0 || memcmp (data, "PK\x07\x08", 4) == 0))
    return CTG_SHEET_FORMAT_ZIP;
  if (length >= sizeof cfb_magic && memcmp (data, cfb_magic, sizeof cfb_magic) == 0)
    return CTG_SHEET_FORMAT_COMPOUND;
  return CTG_SHEET_FORMAT_CSV;
}

static void
ignore_print (const char *text)
{
}

static void
reader_clear (CtgSheetReader *reader)
{
  g_clear_object (&reader->zip);
  g_clear_error (&reader->error);
  g_clear_pointer (&reader->chosen, g_free);
  g_clear_pointer (&reader->chosen_rows, g_ptr_array_unref);
  g_clear_pointer (&reader->fallback, g_free);
  g_clear_pointer (&reader->fallback_rows, g_ptr_array_unref);
  g_clear_pointer (&reader->names, g_ptr_array_unref);
  g_clear_pointer (&reader->rows, g_ptr_array_unref);
  g_clear_pointer (&reader->merges, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CtgSheetReader, reader_clear)

/**
 * ctg_sheet_read:
 * @bytes: an .xlsx or .ods file's bytes
 * @sheet: (nullable): the sheet to read; %NULL for the first visible sheet
 *   with a plan's header
 * @sheet_name: (out) (optional): the name of the sheet read
 *
 * Reads a sheet into a table of text cells, as a spreadsheet shows them:
 * numbers, percentages ×100, dates as "2024-03-15" (or "2024-03", "2024"
 * when the cell shows no day), shared and rich text, merged cells repeated
 * over the rows they cover, the cached value of formulas. Empty rows are
 * left out; each row's line is its number in the sheet.
 *
 * Returns: (transfer full) (element-type CtgCsvRow): the rows
 */
GPtrArray *
ctg_sheet_read (GBytes      *bytes,
                const char  *sheet,
                char       **sheet_name,
                GError     **error)
{
  g_auto(CtgSheetReader) reader = { 0 };
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  g_autoptr(GsfInput) input = NULL;
  GError *zip_error = NULL;
  GPrintFunc previous_printerr;

  init_libraries ();

  switch (ctg_sheet_detect (bytes))
    {
    case CTG_SHEET_FORMAT_COMPOUND:
      refuse_compound_file (bytes, error);
      return NULL;
    case CTG_SHEET_FORMAT_CSV:
      g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_BAD_CSV,
                           _("The file is not a spreadsheet (.xlsx or .ods)."));
      return NULL;
    case CTG_SHEET_FORMAT_ZIP:
    default:
      break;
    }

  /* libgsf prints "Header is 0x…" on stderr for a damaged zip member */
  previous_printerr = g_set_printerr_handler (ignore_print);

  input = gsf_input_memory_new (data, (gsf_off_t) length, FALSE);
  if (zip_dates_valid (data, length))
    reader.zip = gsf_infile_zip_new (input, &zip_error);
  if (reader.zip == NULL)
    {
      g_set_printerr_handler (previous_printerr);
      g_clear_error (&zip_error);
      g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_BAD_CSV,
                           _("The spreadsheet is damaged: it cannot be read."));
      return NULL;
    }
  reader.wanted = sheet;
  reader.names = g_ptr_array_new_with_free_func (g_free);

  if (_ctg_sheet_has_member (&reader, "xl/workbook.xml"))
    _ctg_sheet_read_xlsx (&reader);
  else if (_ctg_sheet_has_member (&reader, "content.xml"))
    _ctg_sheet_read_ods (&reader);
  else
    _ctg_sheet_fail (&reader, _("The file is a zip archive but not a spreadsheet (.xlsx or .ods)."));
  g_set_printerr_handler (previous_printerr);

  if (reader.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&reader.error));
      return NULL;
    }

  if (reader.chosen_rows == NULL && sheet != NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < reader.names->len; i++)
        g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "", (char *) g_ptr_array_index (reader.names, i));
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_BAD_CSV,
                   _("The spreadsheet has no sheet named “%s”; its sheets are %s."), sheet, names->str);
      return NULL;
    }

  if (reader.chosen_rows == NULL)
    {
      reader.chosen = g_steal_pointer (&reader.fallback);
      reader.chosen_rows = g_steal_pointer (&reader.fallback_rows);
    }
  if (reader.chosen_rows == NULL)
    {
      reader.chosen = g_strdup (reader.names->len > 0 ? g_ptr_array_index (reader.names, 0) : "");
      reader.chosen_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_csv_row_free);
    }

  if (sheet_name != NULL)
    *sheet_name = g_steal_pointer (&reader.chosen);
  return g_steal_pointer (&reader.chosen_rows);
}

/* Cell values */

char *
_ctg_sheet_format_number (double   value,
                          gboolean percent)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return g_strdup ("");
  if (percent)
    value *= 100;
  /* 0.58 × 100 is 57.99999999999999: what the sheet shows is 58 */
  if (fabs (value) < 1e15 && fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%.0f", round (value) + 0.0);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

char *
_ctg_sheet_format_date (GDate            *date,
                        CtgDatePrecision  precision)
{
  CtgDate out = { g_date_get_year (date), g_date_get_month (date), g_date_get_day (date) };

  if (precision == CTG_DATE_PRECISION_YEAR)
    out.month = out.day = 0;
  else if (precision == CTG_DATE_PRECISION_MONTH)
    out.day = 0;
  return ctg_date_to_iso (&out);
}

/**
 * ctg_document_import_plan:
 * @bytes: a plan table: an .xlsx or .ods spreadsheet, or CSV, told apart by
 *   their content
 * @sheet: (nullable): the sheet to read in a spreadsheet
 *
 * Imports a plan table as ctg_document_import_table() does.
 */
gboolean
ctg_document_import_plan (CtgDocument  *self,
                          GBytes       *bytes,
                          const char   *sheet,
                          GPtrArray    *warnings,
                          GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  if (ctg_sheet_detect (bytes) == CTG_SHEET_FORMAT_CSV)
    return ctg_document_import_csv (self, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    warnings, error);

  rows = ctg_sheet_read (bytes, sheet, &name, error);
  if (rows == NULL)
    return FALSE;
  return ctg_document_import_table (self, name, rows, warnings, error);
}
