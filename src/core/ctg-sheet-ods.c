/* ctg-sheet-ods.c: reading the sheets of an .ods spreadsheet (OpenDocument)
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ctg-sheet-private.h"

#define MAX_STYLES  65536
#define MAX_SPACES  1000

#define NS_TABLE  "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE  "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT   "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_NUMBER "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"

typedef struct
{
  guint  first;
  guint  count;
  char  *style;
} ColumnStyle;

typedef struct
{
  CtgSheetReader *reader;
  xmlTextReader  *xml;
  GHashTable     *date_styles;   /* data style name -> CtgDatePrecision */
  GHashTable     *cell_styles;   /* cell style name -> data style name */
  GHashTable     *hidden_tables; /* table style names that hide their sheet */
  GArray         *columns;       /* ColumnStyle of the sheet being read */
  char           *table_style;   /* the table style whose properties follow */
} Document;

static gboolean
is_element (xmlTextReader *xml,
            const char    *ns,
            const char    *name)
{
  return xmlTextReaderNodeType (xml) == XML_READER_TYPE_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (xml), name) == 0 &&
         g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (xml), ns) == 0;
}

static gboolean
is_end (xmlTextReader *xml,
        const char    *ns,
        const char    *name)
{
  return xmlTextReaderNodeType (xml) == XML_READER_TYPE_END_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (xml), name) == 0 &&
         g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (xml), ns) == 0;
}

/* A count such as table:number-columns-repeated, at least 1 */
static guint
count_attribute (xmlTextReader *xml,
                 const char    *name)
{
  g_autofree char *text = _ctg_sheet_attribute (xml, NS_TABLE, name);
  guint64 count;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT / 4, &count, NULL))
    return 1;
  return (guint) count;
}

/* Styles: which cells show a date without its day, which sheets are hidden */

static void
read_style (Document *doc,
            char    **date_style,
            guint    *precision_parts)
{
  xmlTextReader *xml = doc->xml;

  if (is_element (xml, NS_NUMBER, "date-style"))
    {
      g_free (*date_style);
      *date_style = _ctg_sheet_attribute (xml, NS_STYLE, "name");
      *precision_parts = 0;
      if (xmlTextReaderIsEmptyElement (xml))
        g_clear_pointer (date_style, g_free);
    }
  else if (*date_style != NULL && is_element (xml, NS_NUMBER, "day"))
    *precision_parts |= 4;
  else if (*date_style != NULL && is_element (xml, NS_NUMBER, "month"))
    *precision_parts |= 2;
  else if (*date_style != NULL && is_element (xml, NS_NUMBER, "year"))
    *precision_parts |= 1;
  else if (*date_style != NULL && is_end (xml, NS_NUMBER, "date-style"))
    {
      CtgDatePrecision precision = (*precision_parts & 4) || *precision_parts == 0
                                   ? CTG_DATE_PRECISION_DAY
                                   : (*precision_parts & 2) ? CTG_DATE_PRECISION_MONTH
                                   : CTG_DATE_PRECISION_YEAR;

      if (g_hash_table_size (doc->date_styles) < MAX_STYLES)
        g_hash_table_replace (doc->date_styles, g_steal_pointer (date_style), GINT_TO_POINTER (precision));
      g_clear_pointer (date_style, g_free);
    }
  else if (is_element (xml, NS_STYLE, "style"))
    {
      g_autofree char *name = _ctg_sheet_attribute (xml, NS_STYLE, "name");
      g_autofree char *family = _ctg_sheet_attribute (xml, NS_STYLE, "family");
      g_autofree char *data_style = _ctg_sheet_attribute (xml, NS_STYLE, "data-style-name");

      if (name != NULL && data_style != NULL && g_strcmp0 (family, "table-cell") == 0 &&
          g_hash_table_size (doc->cell_styles) < MAX_STYLES)
        g_hash_table_replace (doc->cell_styles, g_steal_pointer (&name), g_steal_pointer (&data_style));
      else if (name != NULL && g_strcmp0 (family, "table") == 0 && !xmlTextReaderIsEmptyElement (xml))
        {
          /* Its table-properties follow: remember the name until then */
          g_free (doc->table_style);
          doc->table_style = g_steal_pointer (&name);
        }
    }
  else if (is_element (xml, NS_STYLE, "table-properties"))
    {
      const char *name = doc->table_style;
      g_autofree char *display = _ctg_sheet_attribute (xml, NS_TABLE, "display");

      if (name != NULL && g_strcmp0 (display, "false") == 0 &&
          g_hash_table_size (doc->hidden_tables) < MAX_STYLES)
        g_hash_table_add (doc->hidden_tables, g_strdup (name));
    }
}

static CtgDatePrecision
date_precision (Document   *doc,
                const char *cell_style,
                guint       column)
{
  const char *data_style;

  if (cell_style == NULL)
    {
      for (guint i = 0; i < doc->columns->len; i++)
        {
          const ColumnStyle *range = &g_array_index (doc->columns, ColumnStyle, i);

          if (column >= range->first && column - range->first < range->count)
            {
              cell_style = range->style;
              break;
            }
        }
    }
  data_style = cell_style ? g_hash_table_lookup (doc->cell_styles, cell_style) : NULL;
  if (data_style != NULL && g_hash_table_contains (doc->date_styles, data_style))
    return GPOINTER_TO_INT (g_hash_table_lookup (doc->date_styles, data_style));
  return CTG_DATE_PRECISION_DAY;
}

static void
column_style_clear (ColumnStyle *range)
{
  g_free (range->style);
}

/* Cells */

static char *
cell_value (Document   *doc,
            const char *type,
            const char *style,
            guint       column)
{
  xmlTextReader *xml = doc->xml;

  if (g_strcmp0 (type, "float") == 0 || g_strcmp0 (type, "currency") == 0 ||
      g_strcmp0 (type, "percentage") == 0)
    {
      g_autofree char *value = _ctg_sheet_attribute (xml, NS_OFFICE, "value");
      char *end = NULL;
      double number = value ? g_ascii_strtod (value, &end) : 0;

      if (value == NULL || end == value || *end != '\0')
        return NULL;
      return _ctg_sheet_format_number (number, g_str_equal (type, "percentage"));
    }
  if (g_strcmp0 (type, "date") == 0)
    {
      g_autofree char *value = _ctg_sheet_attribute (xml, NS_OFFICE, "date-value");
      g_autofree char *day = value ? g_strndup (value, 10) : NULL;
      CtgDate date;
      CtgDatePrecision precision;

      if (day == NULL || !ctg_date_parse (day, &date) || !ctg_date_is_set (&date))
        return NULL;
      precision = date_precision (doc, style, column);
      if (precision == CTG_DATE_PRECISION_YEAR)
        date.month = date.day = 0;
      else if (precision == CTG_DATE_PRECISION_MONTH)
        date.day = 0;
      return ctg_date_to_iso (&date);
    }
  if (g_strcmp0 (type, "boolean") == 0)
    {
      g_autofree char *value = _ctg_sheet_attribute (xml, NS_OFFICE, "boolean-value");

      return g_strdup (g_strcmp0 (value, "true") == 0 ? "1" : "0");
    }
  if (g_strcmp0 (type, "string") == 0)
    {
      /* A formula's text is in office:string-value, shown text in <text:p> */
      char *value = _ctg_sheet_attribute (xml, NS_OFFICE, "string-value");

      if (value != NULL)
        return value;
    }
  return NULL;   /* the text of the paragraphs, read next */
}

typedef struct
{
  char    *value;     /* from the attributes, or NULL to use the text */
  guint    repeated;
  gboolean has_text;
  GString *text;
} Cell;

static void
read_table (Document   *doc,
            const char *name)
{
  CtgSheetReader *reader = doc->reader;
  xmlTextReader *xml = doc->xml;
  Cell cell = { NULL, 1, FALSE, g_string_new (NULL) };
  guint row = 0, column = 0, rows_repeated = 1, paragraphs = 0;
  gboolean in_cell = FALSE, have = FALSE;

  g_array_set_size (doc->columns, 0);

  while (have || _ctg_sheet_next (reader, xml))
    {
      have = FALSE;

      if (is_end (xml, NS_TABLE, "table"))
        break;

      if (is_element (xml, NS_TABLE, "table-column"))
        {
          ColumnStyle range = { 0, count_attribute (xml, "number-columns-repeated"),
                                _ctg_sheet_attribute (xml, NS_TABLE, "default-cell-style-name") };
          const ColumnStyle *last = doc->columns->len > 0
                                    ? &g_array_index (doc->columns, ColumnStyle, doc->columns->len - 1) : NULL;

          range.first = last ? MIN (last->first + last->count, G_MAXUINT / 2) : 0;
          if (doc->columns->len < CTG_SHEET_MAX_COLUMNS)
            g_array_append_val (doc->columns, range);
          else
            g_free (range.style);
        }
      else if (is_element (xml, NS_TABLE, "table-row"))
        {
          row = MIN (row + 1, G_MAXUINT / 2);
          column = 0;
          rows_repeated = count_attribute (xml, "number-rows-repeated");
          if (xmlTextReaderIsEmptyElement (xml))
            row = MIN (row + rows_repeated - 1, G_MAXUINT / 2);
        }
      else if (is_end (xml, NS_TABLE, "table-row"))
        {
          CtgCsvRow *last = reader->rows->len > 0
                            ? g_ptr_array_index (reader->rows, reader->rows->len - 1) : NULL;

          /* A row with cells, repeated: each copy is a row of the plan */
          if (last != NULL && last->line == row && rows_repeated > 1)
            {
              g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

              for (guint c = 0; c < last->cells->len; c++)
                g_ptr_array_add (cells, g_strdup (g_ptr_array_index (last->cells, c)));
              for (guint r = 1; r < rows_repeated && reader->error == NULL; r++)
                for (guint c = 0; c < cells->len; c++)
                  _ctg_sheet_set_cell (reader, row + r, c, g_ptr_array_index (cells, c));
            }
          row = MIN (row + rows_repeated - 1, G_MAXUINT / 2);
        }
      else if (is_element (xml, NS_TABLE, "table-cell") || is_element (xml, NS_TABLE, "covered-table-cell"))
        {
          g_autofree char *type = _ctg_sheet_attribute (xml, NS_OFFICE, "value-type");
          g_autofree char *style = _ctg_sheet_attribute (xml, NS_TABLE, "style-name");
          guint rows_spanned = count_attribute (xml, "number-rows-spanned");
          guint columns_spanned = count_attribute (xml, "number-columns-spanned");

          g_free (cell.value);
          cell.value = cell_value (doc, type, style, column);
          cell.repeated = count_attribute (xml, "number-columns-repeated");
          cell.has_text = FALSE;
          g_string_truncate (cell.text, 0);
          paragraphs = 0;

          if (rows_spanned > 1 || columns_spanned > 1)
            {
              CtgSheetRange range = { row, MIN (row + rows_spanned - 1, G_MAXUINT / 2),
                                      column, MIN (column + columns_spanned - 1, G_MAXUINT / 2) };

              _ctg_sheet_add_merge (reader, &range);
            }

          in_cell = !xmlTextReaderIsEmptyElement (xml);
          if (!in_cell)
            {
              for (guint i = 0; cell.value != NULL && i < cell.repeated &&
                                column + i < CTG_SHEET_MAX_COLUMNS + 1; i++)
                _ctg_sheet_set_cell (reader, row, column + i, cell.value);
              column = MIN (column + cell.repeated, G_MAXUINT / 2);
            }
        }
      else if (in_cell && (is_end (xml, NS_TABLE, "table-cell") || is_end (xml, NS_TABLE, "covered-table-cell")))
        {
          const char *value = cell.value ? cell.value : cell.text->str;

          for (guint i = 0; value[0] != '\0' && i < cell.repeated &&
                            column + i < CTG_SHEET_MAX_COLUMNS + 1; i++)
            _ctg_sheet_set_cell (reader, row, column + i, value);
          column = MIN (column + cell.repeated, G_MAXUINT / 2);
          in_cell = FALSE;
        }
      else if (in_cell && is_element (xml, NS_OFFICE, "annotation") && !xmlTextReaderIsEmptyElement (xml))
        {
          /* A comment is not the cell's value */
          int ret = xmlTextReaderNext (xml);

          if (ret < 0)
            _ctg_sheet_fail (reader, _("The spreadsheet is damaged: it cannot be read."));
          have = ret == 1;
        }
      else if (in_cell && is_element (xml, NS_TEXT, "p"))
        {
          if (paragraphs++ > 0)
            _ctg_sheet_append_text (reader, cell.text, "\n");
        }
      else if (in_cell && is_element (xml, NS_TEXT, "s"))
        {
          g_autofree char *count = _ctg_sheet_attribute (xml, NS_TEXT, "c");
          guint64 n = 1;

          if (count != NULL)
            g_ascii_string_to_unsigned (count, 10, 1, MAX_SPACES, &n, NULL);
          for (guint64 i = 0; i < n; i++)
            _ctg_sheet_append_text (reader, cell.text, " ");
        }
      else if (in_cell && is_element (xml, NS_TEXT, "tab"))
        _ctg_sheet_append_text (reader, cell.text, "\t");
      else if (in_cell && is_element (xml, NS_TEXT, "line-break"))
        _ctg_sheet_append_text (reader, cell.text, "\n");
      else if (in_cell && (xmlTextReaderNodeType (xml) == XML_READER_TYPE_TEXT ||
                           xmlTextReaderNodeType (xml) == XML_READER_TYPE_SIGNIFICANT_WHITESPACE))
        _ctg_sheet_append_text (reader, cell.text, (const char *) xmlTextReaderConstValue (xml));
    }

  g_free (cell.value);
  g_string_free (cell.text, TRUE);
}

/* LibreOffice keeps the data styles of named cell styles in styles.xml */
static void
read_common_styles (Document *doc)
{
  g_autofree char *date_style = NULL;
  guint precision_parts = 0;
  xmlTextReader *content = doc->xml;

  doc->xml = _ctg_sheet_open_xml (doc->reader, "styles.xml");
  if (doc->xml != NULL)
    {
      while (_ctg_sheet_next (doc->reader, doc->xml))
        read_style (doc, &date_style, &precision_parts);
      xmlFreeTextReader (doc->xml);
    }
  doc->xml = content;
}

void
_ctg_sheet_read_ods (CtgSheetReader *reader)
{
  Document doc = { reader, NULL, NULL, NULL, NULL, NULL, NULL };
  g_autofree char *date_style = NULL;
  guint precision_parts = 0;
  gboolean in_styles = FALSE, have = FALSE;

  doc.date_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc.cell_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  doc.hidden_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc.columns = g_array_new (FALSE, FALSE, sizeof (ColumnStyle));
  g_array_set_clear_func (doc.columns, (GDestroyNotify) column_style_clear);
  read_common_styles (&doc);
  g_clear_pointer (&doc.table_style, g_free);

  doc.xml = _ctg_sheet_open_xml (reader, "content.xml");

  while (doc.xml != NULL && (have || _ctg_sheet_next (reader, doc.xml)))
    {
      have = FALSE;

      if (is_element (doc.xml, NS_OFFICE, "automatic-styles"))
        in_styles = !xmlTextReaderIsEmptyElement (doc.xml);
      else if (is_end (doc.xml, NS_OFFICE, "automatic-styles"))
        in_styles = FALSE;
      else if (in_styles)
        read_style (&doc, &date_style, &precision_parts);
      else if (is_element (doc.xml, NS_TABLE, "table"))
        {
          g_autofree char *name = _ctg_sheet_attribute (doc.xml, NS_TABLE, "name");
          g_autofree char *style = _ctg_sheet_attribute (doc.xml, NS_TABLE, "style-name");
          gboolean hidden = style != NULL && g_hash_table_contains (doc.hidden_tables, style);

          if (name == NULL)
            name = g_strdup ("");
          if (xmlTextReaderIsEmptyElement (doc.xml))
            continue;
          if (!_ctg_sheet_want (reader, name, hidden))
            {
              int ret = xmlTextReaderNext (doc.xml);

              if (ret < 0)
                _ctg_sheet_fail (reader, _("The spreadsheet is damaged: it cannot be read."));
              have = ret == 1;
              continue;
            }
          _ctg_sheet_begin (reader);
          read_table (&doc, name);
          if (_ctg_sheet_take (reader, name))
            break;
        }
    }

  g_clear_pointer (&doc.xml, xmlFreeTextReader);
  g_hash_table_unref (doc.date_styles);
  g_hash_table_unref (doc.cell_styles);
  g_hash_table_unref (doc.hidden_tables);
  g_array_unref (doc.columns);
  g_free (doc.table_style);
}
