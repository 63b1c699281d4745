/* ctg-sheet-xlsx.c: reading the sheets of an .xlsx workbook (Office Open XML)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ctg-sheet-private.h"

#define MAX_STYLES 65536

typedef enum
{
  FORMAT_NONE,
  FORMAT_PERCENT,
  FORMAT_DATE_YEAR,
  FORMAT_DATE_MONTH,
  FORMAT_DATE_DAY,
} Format;

typedef struct
{
  CtgSheetReader *reader;
  gboolean        date1904;
  GArray         *formats;        /* Format, by style index */
  GString        *strings;        /* shared strings, each ended by a NUL */
  GArray         *offsets;        /* guint32 offset of each in strings */
} Workbook;

static const char * const relationship_namespaces[] = {
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
};

static gboolean
is_element (xmlTextReader *xml,
            const char    *name)
{
  return xmlTextReaderNodeType (xml) == XML_READER_TYPE_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (xml), name) == 0;
}

static gboolean
is_end (xmlTextReader *xml,
        const char    *name)
{
  return xmlTextReaderNodeType (xml) == XML_READER_TYPE_END_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (xml), name) == 0;
}

static gboolean
is_text (xmlTextReader *xml)
{
  int type = xmlTextReaderNodeType (xml);

  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
         type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_CDATA;
}

/* Number formats: which cells hold a date or a percentage */

static Format
classify_code (const char *code)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  gboolean day, month, year;

  /* Quoted text, escaped characters and [colours, conditions] are not codes */
  for (const char *p = code; *p; p++)
    {
      if (*p == '"')
        {
          while (p[1] && p[1] != '"')
            p++;
          if (p[1])
            p++;
        }
      else if (*p == '\\' || *p == '_' || *p == '*')
        {
          if (p[1])
            p++;
        }
      else if (*p == '[')
        {
          while (p[1] && p[1] != ']')
            p++;
          if (p[1])
            p++;
        }
      else
        g_string_append_c (plain, g_ascii_tolower (*p));
    }

  if (strchr (plain->str, '%') != NULL)
    return FORMAT_PERCENT;
  day = strchr (plain->str, 'd') != NULL;
  month = strchr (plain->str, 'm') != NULL;
  year = strchr (plain->str, 'y') != NULL;
  if (!day && !year)
    return FORMAT_NONE;   /* a time, or a number */
  if (day)
    return FORMAT_DATE_DAY;
  return month ? FORMAT_DATE_MONTH : FORMAT_DATE_YEAR;
}

static Format
classify_builtin (guint64 id)
{
  if (id == 9 || id == 10)
    return FORMAT_PERCENT;
  if (id == 17)
    return FORMAT_DATE_MONTH;
  if ((id >= 14 && id <= 16) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return FORMAT_DATE_DAY;
  return FORMAT_NONE;
}

static void
read_styles (Workbook *book)
{
  CtgSheetReader *reader = book->reader;
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  xmlTextReader *xml = _ctg_sheet_open_xml (reader, "xl/styles.xml");
  gboolean in_cell_xfs = FALSE;

  if (xml == NULL)
    return;

  while (_ctg_sheet_next (reader, xml))
    {
      if (is_element (xml, "numFmt"))
        {
          g_autofree char *id = _ctg_sheet_attribute (xml, NULL, "numFmtId");
          g_autofree char *code = _ctg_sheet_attribute (xml, NULL, "formatCode");
          guint64 number;

          if (id != NULL && code != NULL && g_hash_table_size (codes) < MAX_STYLES &&
              g_ascii_string_to_unsigned (id, 10, 0, G_MAXUINT, &number, NULL))
            g_hash_table_insert (codes, GUINT_TO_POINTER ((guint) number), g_steal_pointer (&code));
        }
      else if (is_element (xml, "cellXfs") && !xmlTextReaderIsEmptyElement (xml))
        in_cell_xfs = TRUE;
      else if (is_end (xml, "cellXfs"))
        in_cell_xfs = FALSE;
      else if (in_cell_xfs && is_element (xml, "xf") && book->formats->len < MAX_STYLES)
        {
          g_autofree char *id = _ctg_sheet_attribute (xml, NULL, "numFmtId");
          guint64 number = 0;
          Format format = FORMAT_NONE;

          if (id != NULL && g_ascii_string_to_unsigned (id, 10, 0, G_MAXUINT, &number, NULL))
            {
              const char *code = g_hash_table_lookup (codes, GUINT_TO_POINTER ((guint) number));

              format = code != NULL ? classify_code (code) : classify_builtin (number);
            }
          g_array_append_val (book->formats, format);
        }
    }
  xmlFreeTextReader (xml);
}

/* Shared strings: the text of every <si>, rich text runs joined, phonetic
 * guides (<rPh>) left out */

static void
read_shared_strings (Workbook *book)
{
  CtgSheetReader *reader = book->reader;
  xmlTextReader *xml = _ctg_sheet_open_xml (reader, "xl/sharedStrings.xml");
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean in_t = FALSE, in_phonetic = FALSE, in_si = FALSE;

  if (xml == NULL)
    return;

  while (_ctg_sheet_next (reader, xml))
    {
      if (is_element (xml, "si") && !xmlTextReaderIsEmptyElement (xml))
        {
          in_si = TRUE;
          g_string_truncate (text, 0);
        }
      else if (is_element (xml, "si") || is_end (xml, "si"))
        {
          guint32 offset = (guint32) book->strings->len;

          if (book->offsets->len >= CTG_SHEET_MAX_STRINGS)
            {
              _ctg_sheet_fail (reader, _("The spreadsheet has too many different texts: it was not read."));
              break;
            }
          g_array_append_val (book->offsets, offset);
          g_string_append_len (book->strings, text->str, (gssize) text->len + 1);
          g_string_truncate (text, 0);
          in_si = FALSE;
        }
      else if (is_element (xml, "rPh") && !xmlTextReaderIsEmptyElement (xml))
        in_phonetic = TRUE;
      else if (is_end (xml, "rPh"))
        in_phonetic = FALSE;
      else if (is_element (xml, "t") && !xmlTextReaderIsEmptyElement (xml))
        in_t = TRUE;
      else if (is_end (xml, "t"))
        in_t = FALSE;
      else if (in_si && in_t && !in_phonetic && is_text (xml))
        {
          if (!_ctg_sheet_append_text (reader, text, (const char *) xmlTextReaderConstValue (xml)))
            break;
        }
    }
  xmlFreeTextReader (xml);
}

static const char *
shared_string (Workbook   *book,
               const char *index)
{
  guint64 i;

  if (index == NULL || !g_ascii_string_to_unsigned (index, 10, 0, G_MAXUINT, &i, NULL) ||
      i >= book->offsets->len)
    return NULL;
  return book->strings->str + g_array_index (book->offsets, guint32, i);
}

/* Cells */

/* "B12" to column 1, row 12; FALSE if not a reference */
static gboolean
parse_reference (const char *ref,
                 guint      *column,
                 guint      *row)
{
  guint64 c = 0, r = 0;
  const char *p = ref;

  if (!g_ascii_isalpha (*p))
    return FALSE;
  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (guint64) (g_ascii_toupper (*p) - 'A' + 1);
      if (c > G_MAXUINT / 2)
        return FALSE;
    }
  if (!g_ascii_string_to_unsigned (p, 10, 1, G_MAXUINT / 2, &r, NULL))
    return FALSE;
  *column = (guint) c - 1;
  *row = (guint) r;
  return TRUE;
}

static gboolean
parse_range (const char    *ref,
             CtgSheetRange *range)
{
  g_auto(GStrv) ends = ref ? g_strsplit (ref, ":", 3) : NULL;

  if (ends == NULL || ends[0] == NULL || ends[1] == NULL || ends[2] != NULL)
    return FALSE;
  return parse_reference (ends[0], &range->first_column, &range->first_row) &&
         parse_reference (ends[1], &range->last_column, &range->last_row);
}

static char *
date_from_serial (Workbook *book,
                  double    serial,
                  Format    format)
{
  g_autoptr(GDate) date = NULL;
  guint days;

  /* 9999-12-31 is the last day spreadsheets know */
  if (serial < 1 || serial >= 2958466)
    return _ctg_sheet_format_number (serial, FALSE);

  days = (guint) serial;
  if (book->date1904)
    date = g_date_new_dmy (1, 1, 1904);
  else if (days >= 61)
    date = g_date_new_dmy (30, 12, 1899);
  else
    /* Before March 1900, serials count from 1900-01-01 = 1; serial 60 is
     * the 29 February 1900 that Lotus 1-2-3 believed in */
    date = g_date_new_dmy (31, 12, 1899);
  g_date_add_days (date, days);

  return _ctg_sheet_format_date (date, format == FORMAT_DATE_YEAR ? CTG_DATE_PRECISION_YEAR
                                       : format == FORMAT_DATE_MONTH ? CTG_DATE_PRECISION_MONTH
                                       : CTG_DATE_PRECISION_DAY);
}

static char *
cell_text (Workbook   *book,
           const char *type,
           const char *style,
           GString    *value)
{
  Format format = FORMAT_NONE;
  guint64 index;

  if (style != NULL && g_ascii_string_to_unsigned (style, 10, 0, G_MAXUINT, &index, NULL) &&
      index < book->formats->len)
    format = g_array_index (book->formats, Format, index);

  if (g_strcmp0 (type, "s") == 0)
    return g_strdup (shared_string (book, value->str));
  if (g_strcmp0 (type, "b") == 0)
    return g_strdup (g_str_equal (value->str, "1") ? "1" : "0");
  if (g_strcmp0 (type, "d") == 0)
    {
      /* An ISO 8601 date, as Strict OOXML writes them */
      CtgDate date;
      g_autofree char *day = g_strndup (value->str, 10);

      if (!ctg_date_parse (day, &date))
        return g_strdup (value->str);
      if (format == FORMAT_DATE_YEAR)
        date.month = date.day = 0;
      else if (format == FORMAT_DATE_MONTH)
        date.day = 0;
      return ctg_date_to_iso (&date);
    }
  if (type == NULL || g_strcmp0 (type, "n") == 0)
    {
      char *end = NULL;
      double number = g_ascii_strtod (value->str, &end);

      if (value->len == 0 || end == NULL || *end != '\0')
        return g_strdup (value->str);
      if (format >= FORMAT_DATE_YEAR)
        return date_from_serial (book, number, format);
      return _ctg_sheet_format_number (number, format == FORMAT_PERCENT);
    }
  /* "str" (a formula's text), "inlineStr", "e" (an error such as #N/A) */
  return g_strdup (value->str);
}

static void
read_worksheet (Workbook   *book,
                const char *path)
{
  CtgSheetReader *reader = book->reader;
  xmlTextReader *xml = _ctg_sheet_open_xml (reader, path);
  g_autoptr(GString) value = g_string_new (NULL);
  g_autofree char *type = NULL;
  g_autofree char *style = NULL;
  guint row = 0, column = 0;
  gboolean in_cell = FALSE, in_value = FALSE, in_phonetic = FALSE;

  if (xml == NULL)
    {
      if (reader->error == NULL)
        _ctg_sheet_fail (reader, _("The spreadsheet is damaged: a sheet is missing."));
      return;
    }

  while (_ctg_sheet_next (reader, xml))
    {
      if (is_element (xml, "row"))
        {
          g_autofree char *r = _ctg_sheet_attribute (xml, NULL, "r");
          guint64 number;

          if (r != NULL && g_ascii_string_to_unsigned (r, 10, 1, G_MAXUINT / 2, &number, NULL))
            row = (guint) number;
          else
            row++;
          column = 0;
        }
      else if (is_element (xml, "c"))
        {
          g_autofree char *ref = _ctg_sheet_attribute (xml, NULL, "r");
          guint ref_column, ref_row;

          /* Without a reference, a cell follows the previous one */
          if (ref != NULL && parse_reference (ref, &ref_column, &ref_row))
            {
              column = ref_column;
              row = ref_row;
            }

          g_free (type);
          g_free (style);
          type = _ctg_sheet_attribute (xml, NULL, "t");
          style = _ctg_sheet_attribute (xml, NULL, "s");
          g_string_truncate (value, 0);
          in_cell = !xmlTextReaderIsEmptyElement (xml);
          if (!in_cell)
            column++;
        }
      else if (in_cell && is_end (xml, "c"))
        {
          g_autofree char *text = cell_text (book, type, style, value);

          if (row > 0)
            _ctg_sheet_set_cell (reader, row, column, text);
          in_cell = FALSE;
          column++;
        }
      else if (in_cell && (is_element (xml, "v") || is_element (xml, "t")) &&
               !xmlTextReaderIsEmptyElement (xml))
        in_value = TRUE;
      else if (in_cell && (is_end (xml, "v") || is_end (xml, "t")))
        in_value = FALSE;
      else if (in_cell && is_element (xml, "rPh") && !xmlTextReaderIsEmptyElement (xml))
        in_phonetic = TRUE;
      else if (in_cell && is_end (xml, "rPh"))
        in_phonetic = FALSE;
      else if (in_value && !in_phonetic && is_text (xml))
        {
          if (!_ctg_sheet_append_text (reader, value, (const char *) xmlTextReaderConstValue (xml)))
            break;
        }
      else if (is_element (xml, "mergeCell"))
        {
          g_autofree char *ref = _ctg_sheet_attribute (xml, NULL, "ref");
          CtgSheetRange range;

          if (parse_range (ref, &range))
            _ctg_sheet_add_merge (reader, &range);
        }
    }
  xmlFreeTextReader (xml);
}

/* The workbook: its sheets in order, and where each is */

static GHashTable *
read_relationships (CtgSheetReader *reader)
{
  GHashTable *targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  xmlTextReader *xml = _ctg_sheet_open_xml (reader, "xl/_rels/workbook.xml.rels");

  if (xml == NULL)
    return targets;
  while (_ctg_sheet_next (reader, xml))
    {
      if (is_element (xml, "Relationship") && g_hash_table_size (targets) < CTG_SHEET_MAX_SHEETS * 4)
        {
          char *id = _ctg_sheet_attribute (xml, NULL, "Id");
          char *target = _ctg_sheet_attribute (xml, NULL, "Target");

          if (id != NULL && target != NULL)
            g_hash_table_replace (targets, id, target);
          else
            {
              g_free (id);
              g_free (target);
            }
        }
    }
  xmlFreeTextReader (xml);
  return targets;
}

static char *
sheet_relationship (xmlTextReader *xml)
{
  for (guint i = 0; i < G_N_ELEMENTS (relationship_namespaces); i++)
    {
      char *id = _ctg_sheet_attribute (xml, relationship_namespaces[i], "id");

      if (id != NULL)
        return id;
    }
  return NULL;
}

/* "worksheets/sheet1.xml" is relative to xl/; "/xl/worksheets/sheet1.xml" absolute */
static char *
member_path (const char *target)
{
  if (target[0] == '/')
    return g_strdup (target + 1);
  return g_strconcat ("xl/", target, NULL);
}

void
_ctg_sheet_read_xlsx (CtgSheetReader *reader)
{
  Workbook book = { reader, FALSE, NULL, NULL, NULL };
  g_autoptr(GHashTable) targets = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) hidden = g_array_new (FALSE, FALSE, sizeof (gboolean));
  gboolean styles_read = FALSE;
  xmlTextReader *xml;

  targets = read_relationships (reader);

  xml = _ctg_sheet_open_xml (reader, "xl/workbook.xml");
  if (xml == NULL)
    return;
  while (_ctg_sheet_next (reader, xml))
    {
      if (is_element (xml, "workbookPr"))
        {
          g_autofree char *date1904 = _ctg_sheet_attribute (xml, NULL, "date1904");

          book.date1904 = g_strcmp0 (date1904, "1") == 0 || g_strcmp0 (date1904, "true") == 0;
        }
      else if (is_element (xml, "sheet") && names->len < CTG_SHEET_MAX_SHEETS)
        {
          g_autofree char *name = _ctg_sheet_attribute (xml, NULL, "name");
          g_autofree char *state = _ctg_sheet_attribute (xml, NULL, "state");
          g_autofree char *id = sheet_relationship (xml);
          const char *target = id ? g_hash_table_lookup (targets, id) : NULL;
          gboolean is_hidden = state != NULL && !g_str_equal (state, "visible");

          if (name == NULL || target == NULL)
            continue;
          g_ptr_array_add (names, g_steal_pointer (&name));
          g_ptr_array_add (paths, member_path (target));
          g_array_append_val (hidden, is_hidden);
        }
    }
  xmlFreeTextReader (xml);

  book.formats = g_array_new (FALSE, FALSE, sizeof (Format));
  book.strings = g_string_new (NULL);
  book.offsets = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint i = 0; reader->error == NULL && i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (!_ctg_sheet_want (reader, name, g_array_index (hidden, gboolean, i)))
        continue;

      /* Styles and texts only once a sheet is to be read */
      if (!styles_read)
        {
          read_styles (&book);
          read_shared_strings (&book);
          styles_read = TRUE;
        }

      _ctg_sheet_begin (reader);
      read_worksheet (&book, g_ptr_array_index (paths, i));
      if (_ctg_sheet_take (reader, name))
        break;
    }

  g_array_unref (book.formats);
  g_string_free (book.strings, TRUE);
  g_array_unref (book.offsets);
}
