/* ctg-sheet-write.c: a sheet for partners to fill, in .xlsx and .ods
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <unistd.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-stdio.h>
#include <libxml/xmlwriter.h>
#include <xlsxwriter.h>

#include "ctg-document-private.h"
#include "ctg-plan-table-private.h"
#include "ctg-sheet-private.h"
#include "ctg-sheet.h"

/* The sheet's columns after the identifier, and their widths in characters */
static const struct {
  CtgPlanColumn column;
  double        width;
} fill_columns[] = {
  { COL_AXIS, 24 }, { COL_THEME, 18 }, { COL_ENJEU, 24 }, { COL_OBJECTIVE, 30 },
  { COL_CODE, 8 }, { COL_TITLE, 40 }, { COL_DESCRIPTION, 36 }, { COL_PILOTS, 26 },
  { COL_PARTNERS, 26 }, { COL_START, 11 }, { COL_ECHEANCE, 11 }, { COL_STATUS, 13 },
  { COL_PROGRESS, 11 }, { COL_MEANS, 26 }, { COL_NOTES, 36 }, { COL_INDICATORS, 48 },
};

#define N_FILL (G_N_ELEMENTS (fill_columns) + 1)
#define ID_WIDTH 11
/* Rows under the plan where new actions can be written, with the lists */
#define EXTRA_ROWS 200

/* The sheets' names and the instructions are for French partners, like the
 * plan table's header: they are not translated with the interface */
#define PLAN_SHEET "Plan d’actions"
#define HELP_SHEET "Instructions"
#define ID_HEADER "identifiant"

static const char * const instructions[] = {
  "Comment remplir ce tableau",
  "",
  "Chaque ligne de la feuille « " PLAN_SHEET " » est une action de la convention.",
  "Vous pouvez modifier le statut, l’avancement, les pilotes, les partenaires, le début, l’échéance, les moyens, les indicateurs et les notes.",
  "Le statut se choisit dans la liste : à lancer, en cours, réalisée, reportée, abandonnée.",
  "L’avancement est un pourcentage, de 0 % à 100 %.",
  "Les dates sont des dates (15/03/2025), ou un mois (03/2025) ou une année (2025).",
  "Plusieurs pilotes ou partenaires : un par ligne dans la cellule (Alt+Entrée), ou séparés par « / ».",
  "Indicateurs : un par ligne, « nom | type : résultat | unité : places | base : 10 (2021) | cible : 1 234,5 (2026) | 2024=1 100 (commentaire) ».",
  "Ne modifiez pas la colonne « " ID_HEADER " » : elle relie chaque ligne à son action.",
  "Pour proposer une nouvelle action, ajoutez une ligne sans identifiant, avec au moins l’axe et l’action.",
  "Supprimer une ligne ne supprime pas l’action : signalez-le plutôt dans les notes.",
  "Enregistrez le fichier dans le même format et renvoyez-le ; il sera relu avec CTG Planner.",
};

typedef enum
{
  FILL_TEXT,
  FILL_NUMBER,
  FILL_PERCENT,
  FILL_DATE,
} FillKind;

typedef struct
{
  FillKind  kind;
  char     *text;
  double    number;
  CtgDate   date;
} FillCell;

typedef struct
{
  char      *identity;   /* the convention's creation stamp */
  char      *title;
  GStrv      pilots;
  GArray    *cells;      /* FillCell, N_FILL per row */
  guint      n_rows;
} FillSheet;

static void
fill_cell_clear (FillCell *cell)
{
  g_free (cell->text);
}

static void
fill_sheet_free (FillSheet *sheet)
{
  g_free (sheet->identity);
  g_free (sheet->title);
  g_strfreev (sheet->pilots);
  g_array_unref (sheet->cells);
  g_free (sheet);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FillSheet, fill_sheet_free)

/**
 * _ctg_sheet_identity:
 *
 * What identifies a convention in the sheets sent out: its creation stamp,
 * which no other file shares, even a copy's edits keep it.
 */
char *
_ctg_sheet_identity (CtgDocument *doc)
{
  return ctg_document_dup_text (doc, CTG_ITEM_CONVENTION, 1, "created");
}

static FillSheet *
fill_sheet_new (CtgDocument *doc)
{
  g_autoptr(FillSheet) sheet = g_new0 (FillSheet, 1);
  g_autoptr(GListModel) actions = ctg_document_list_actions (doc, 0);

  sheet->identity = _ctg_sheet_identity (doc);
  sheet->title = ctg_document_dup_text (doc, CTG_ITEM_CONVENTION, 1, "title");
  sheet->pilots = ctg_document_list_participant_names (doc);
  sheet->cells = g_array_new (FALSE, TRUE, sizeof (FillCell));
  g_array_set_clear_func (sheet->cells, (GDestroyNotify) fill_cell_clear);
  sheet->n_rows = g_list_model_get_n_items (actions);

  for (guint i = 0; i < sheet->n_rows; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);
      g_auto(GStrv) cells = _ctg_plan_action_cells (doc, action);
      FillCell id = { FILL_NUMBER, NULL, (double) ctg_action_get_id (action), { 0 } };

      g_array_append_val (sheet->cells, id);
      for (guint c = 0; c < G_N_ELEMENTS (fill_columns); c++)
        {
          CtgPlanColumn column = fill_columns[c].column;
          FillCell cell = { FILL_TEXT, g_strdup (cells[column]), 0, { 0 } };

          if (column == COL_PROGRESS && ctg_action_get_progress (action) >= 0)
            {
              cell.kind = FILL_PERCENT;
              cell.number = ctg_action_get_progress (action) / 100.0;
            }
          else if ((column == COL_START || column == COL_ECHEANCE) && cells[column][0] != '\0')
            {
              cell.date = *(column == COL_START ? ctg_action_get_start (action)
                                                : ctg_action_get_echeance (action));
              /* A year alone is a number: typed over, 2025 in a cell formatted
               * as a date's year would be day 2025 of 1900, shown as 1905 */
              if (ctg_date_precision (&cell.date) == CTG_DATE_PRECISION_YEAR)
                {
                  cell.kind = FILL_NUMBER;
                  cell.number = cell.date.year;
                }
              else
                cell.kind = FILL_DATE;
            }
          g_array_append_val (sheet->cells, cell);
        }
    }
  return g_steal_pointer (&sheet);
}

static int
status_column (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (fill_columns); c++)
    if (fill_columns[c].column == COL_STATUS)
      return (int) c + 1;
  g_assert_not_reached ();
}

static int
pilots_column (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (fill_columns); c++)
    if (fill_columns[c].column == COL_PILOTS)
      return (int) c + 1;
  g_assert_not_reached ();
}

static const char * const status_labels[] = {
  "à lancer", "en cours", "réalisée", "reportée", "abandonnée", NULL,
};

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
               _("Could not write “%s”: %s"), display, reason);
  return FALSE;
}

/* Syncs @tmp_path and renames it to @path; removes it on failure */
static gboolean
rename_into_place (const char  *tmp_path,
                   const char  *path,
                   GError     **error)
{
  if (_ctg_file_rename_durably (tmp_path, path, TRUE))
    return TRUE;
  return set_write_error (error, path, g_strerror (errno));
}

/* .xlsx, with libxlsxwriter */

/* Dates and figures sit at the top of their cell, level with wrapped text */
static lxw_format *
add_number_format (lxw_workbook *book,
                   const char   *number_format)
{
  lxw_format *format = workbook_add_format (book);

  format_set_num_format (format, number_format);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  return format;
}

static gboolean
export_xlsx (CtgDocument  *self,
             const char   *path,
             GError      **error)
{
  g_autoptr(FillSheet) sheet = NULL;
  /* Rows are written in order: each is flushed to a temporary file at once */
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
  lxw_workbook *book;
  lxw_worksheet *plan, *help, *ids;
  lxw_format *header, *wrap, *day, *month, *year, *percent, *title;
  lxw_data_validation status = { 0 };
  lxw_data_validation pilots = { 0 };
  g_autofree char *pilots_range = NULL;
  guint n_pilots;
  lxw_error result;
  g_autofree char *tmp_path = NULL;
  int fd;

  /* The caller asked before replacing a file; an open convention is never
   * replaced (its writer would go on writing to a deleted file) */
  if (!ctg_document_check_replaceable (path, ctg_document_get_path (self), TRUE, error))
    return FALSE;
  /* libxlsxwriter writes the zip at @path itself: written beside and
   * renamed into place, a failed export leaves the previous file whole */
  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    return set_write_error (error, path, g_strerror (errno));
  close (fd);

  sheet = fill_sheet_new (self);
  book = workbook_new_opt (tmp_path, &options);
  if (book == NULL)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      return set_write_error (error, path, g_strerror (saved_errno));
    }

  plan = workbook_add_worksheet (book, PLAN_SHEET);
  help = workbook_add_worksheet (book, HELP_SHEET);
  ids = workbook_add_worksheet (book, "ctg");

  header = workbook_add_format (book);
  format_set_bold (header);
  format_set_bg_color (header, 0xDDE6F0);
  format_set_text_wrap (header);
  wrap = workbook_add_format (book);
  format_set_text_wrap (wrap);
  format_set_align (wrap, LXW_ALIGN_VERTICAL_TOP);
  day = add_number_format (book, "dd/mm/yyyy");
  month = add_number_format (book, "mm/yyyy");
  year = add_number_format (book, "yyyy");
  percent = add_number_format (book, "0 %");
  title = workbook_add_format (book);
  format_set_bold (title);
  format_set_font_size (title, 14);

  /* The plan */
  worksheet_write_string (plan, 0, 0, ID_HEADER, header);
  worksheet_set_column (plan, 0, 0, ID_WIDTH, NULL);
  for (guint c = 0; c < G_N_ELEMENTS (fill_columns); c++)
    {
      worksheet_write_string (plan, 0, (lxw_col_t) (c + 1), _ctg_plan_column_header (fill_columns[c].column), header);
      worksheet_set_column (plan, (lxw_col_t) (c + 1), (lxw_col_t) (c + 1), fill_columns[c].width, wrap);
    }
  worksheet_freeze_panes (plan, 1, 0);

  for (guint r = 0; r < sheet->n_rows; r++)
    for (guint c = 0; c < N_FILL; c++)
      {
        const FillCell *cell = &g_array_index (sheet->cells, FillCell, r * N_FILL + c);
        lxw_row_t row = (lxw_row_t) (r + 1);

        switch (cell->kind)
          {
          case FILL_NUMBER:
            worksheet_write_number (plan, row, (lxw_col_t) c, cell->number, wrap);
            break;
          case FILL_PERCENT:
            worksheet_write_number (plan, row, (lxw_col_t) c, cell->number, percent);
            break;
          case FILL_DATE:
            {
              CtgDatePrecision precision = ctg_date_precision (&cell->date);
              lxw_datetime date = { (int) cell->date.year, MAX (cell->date.month, 1),
                                    MAX (cell->date.day, 1), 0, 0, 0 };

              worksheet_write_datetime (plan, row, (lxw_col_t) c, &date,
                                        precision == CTG_DATE_PRECISION_DAY ? day
                                        : precision == CTG_DATE_PRECISION_MONTH ? month : year);
            }
            break;
          case FILL_TEXT:
          default:
            /* Always a string, never a formula, even if it starts with “=” */
            if (cell->text[0] != '\0')
              worksheet_write_string (plan, row, (lxw_col_t) c, cell->text, wrap);
            break;
          }
      }

  status.validate = LXW_VALIDATION_TYPE_LIST;
  status.value_list = (char **) status_labels;
  status.ignore_blank = LXW_VALIDATION_ON;
  status.error_title = "Statut";
  status.error_message = "Choisissez un statut dans la liste.";
  worksheet_data_validation_range (plan, 1, (lxw_col_t) status_column (),
                                   (lxw_row_t) (sheet->n_rows + EXTRA_ROWS), (lxw_col_t) status_column (),
                                   &status);

  /* The pilots: a list to choose from, but several or new ones are allowed */
  n_pilots = sheet->pilots ? g_strv_length (sheet->pilots) : 0;
  if (n_pilots > 0)
    {
      pilots_range = g_strdup_printf ("=ctg!$D$1:$D$%u", n_pilots);
      pilots.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      pilots.value_formula = pilots_range;
      pilots.ignore_blank = LXW_VALIDATION_ON;
      pilots.show_error = LXW_VALIDATION_OFF;
      worksheet_data_validation_range (plan, 1, (lxw_col_t) pilots_column (),
                                       (lxw_row_t) (sheet->n_rows + EXTRA_ROWS), (lxw_col_t) pilots_column (),
                                       &pilots);
    }

  /* The instructions */
  worksheet_set_column (help, 0, 0, 110, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (instructions); i++)
    if (instructions[i][0] != '\0')
      worksheet_write_string (help, (lxw_row_t) i, 0, instructions[i], i == 0 ? title : NULL);

  /* Which convention the sheet belongs to, and the lists, out of sight */
  worksheet_write_string (ids, 0, 0, "convention", NULL);
  worksheet_write_string (ids, 0, 1, sheet->identity, NULL);
  worksheet_write_string (ids, 1, 0, "titre", NULL);
  if (sheet->title[0] != '\0')
    worksheet_write_string (ids, 1, 1, sheet->title, NULL);
  for (guint i = 0; i < n_pilots; i++)
    worksheet_write_string (ids, (lxw_row_t) i, 3, sheet->pilots[i], NULL);
  worksheet_hide (ids);
  worksheet_activate (plan);

  result = workbook_close (book);
  if (result != LXW_NO_ERROR)
    {
      g_unlink (tmp_path);
      return set_write_error (error, path, lxw_strerror (result));
    }
  return rename_into_place (tmp_path, path, error);
}

gboolean
ctg_document_export_xlsx (CtgDocument  *self,
                          const char   *path,
                          GError      **error)
{
  locale_t current, c_numeric;
  gboolean ok;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  /* libxlsxwriter 1.1.4 writes numbers with the C library's printf: under a
   * French locale a progress of 40 % would be <v>0,4</v>, which Excel
   * reports as a damaged file and the update refuses. Only the numbers
   * are switched to C, in this thread: the messages stay translated. */
  current = duplocale (uselocale ((locale_t) 0));
  c_numeric = current != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", current) : (locale_t) 0;
  if (c_numeric == (locale_t) 0)
    {
      if (current != (locale_t) 0)
        freelocale (current);
      return set_write_error (error, path, g_strerror (errno));
    }
  current = uselocale (c_numeric);
  ok = export_xlsx (self, path, error);
  uselocale (current);
  freelocale (c_numeric);
  return ok;
}

/* .ods, with libgsf and libxml2's writer */

#define NS_ATTRS \
  "xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0", \
  "xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0", \
  "xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0", \
  "xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0", \
  "xmlns:number", "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0", \
  "xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0", \
  "xmlns:config", "urn:oasis:names:tc:opendocument:xmlns:config:1.0", \
  "xmlns:of", "urn:oasis:names:tc:opendocument:xmlns:of:1.2", \
  "office:version", "1.3"

static void
start (xmlTextWriter *w,
       const char    *name,
       ...) G_GNUC_NULL_TERMINATED;

/* An element with its attributes, as name, value pairs */
static void
start (xmlTextWriter *w,
       const char    *name,
       ...)
{
  va_list args;
  const char *attr;

  xmlTextWriterStartElement (w, (const xmlChar *) name);
  va_start (args, name);
  while ((attr = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      xmlTextWriterWriteAttribute (w, (const xmlChar *) attr, (const xmlChar *) value);
    }
  va_end (args);
}

static void
end (xmlTextWriter *w)
{
  xmlTextWriterEndElement (w);
}

/* Each line of a cell is a paragraph */
static void
write_paragraphs (xmlTextWriter *w,
                  const char    *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      start (w, "text:p", NULL);
      xmlTextWriterWriteString (w, (const xmlChar *) lines[i]);
      end (w);
    }
}

static void
write_text_cell (xmlTextWriter *w,
                 const char    *text,
                 const char    *style,
                 const char    *validation)
{
  start (w, "table:table-cell", NULL);
  if (style != NULL)
    xmlTextWriterWriteAttribute (w, (const xmlChar *) "table:style-name", (const xmlChar *) style);
  if (validation != NULL)
    xmlTextWriterWriteAttribute (w, (const xmlChar *) "table:content-validation-name", (const xmlChar *) validation);
  if (text[0] != '\0')
    {
      xmlTextWriterWriteAttribute (w, (const xmlChar *) "office:value-type", (const xmlChar *) "string");
      write_paragraphs (w, text);
    }
  end (w);
}

static void
write_date_style (xmlTextWriter *w,
                  const char    *name,
                  gboolean       with_day,
                  gboolean       with_month)
{
  start (w, "number:date-style", "style:name", name, NULL);
  if (with_day)
    {
      start (w, "number:day", "number:style", "long", NULL); end (w);
      start (w, "number:text", NULL); xmlTextWriterWriteString (w, (const xmlChar *) "/"); end (w);
    }
  if (with_month)
    {
      start (w, "number:month", "number:style", "long", NULL); end (w);
      start (w, "number:text", NULL); xmlTextWriterWriteString (w, (const xmlChar *) "/"); end (w);
    }
  start (w, "number:year", "number:style", "long", NULL); end (w);
  end (w);
}

static void
write_styles (xmlTextWriter *w)
{
  start (w, "office:automatic-styles", NULL);

  /* The identifier's column is co0, the others co1… */
  for (guint c = 0; c <= G_N_ELEMENTS (fill_columns); c++)
    {
      g_autofree char *name = g_strdup_printf ("co%u", c);
      char width[G_ASCII_DTOSTR_BUF_SIZE + 2];

      /* Always with a point, whatever the locale: “2,20cm” is no length */
      g_ascii_formatd (width, sizeof width - 2, "%.2f", (c == 0 ? ID_WIDTH : fill_columns[c - 1].width) * 0.2);
      strcat (width, "cm");
      start (w, "style:style", "style:name", name, "style:family", "table-column", NULL);
      start (w, "style:table-column-properties", "style:column-width", width, NULL); end (w);
      end (w);
    }

  write_date_style (w, "Nday", TRUE, TRUE);
  write_date_style (w, "Nmonth", FALSE, TRUE);
  write_date_style (w, "Nyear", FALSE, FALSE);
  start (w, "number:percentage-style", "style:name", "Npct", NULL);
  start (w, "number:number", "number:decimal-places", "0", "number:min-integer-digits", "1", NULL); end (w);
  start (w, "number:text", NULL); xmlTextWriterWriteString (w, (const xmlChar *) " %"); end (w);
  end (w);

  start (w, "style:style", "style:name", "ceday", "style:family", "table-cell", "style:data-style-name", "Nday", NULL); end (w);
  start (w, "style:style", "style:name", "cemonth", "style:family", "table-cell", "style:data-style-name", "Nmonth", NULL); end (w);
  start (w, "style:style", "style:name", "ceyear", "style:family", "table-cell", "style:data-style-name", "Nyear", NULL); end (w);
  start (w, "style:style", "style:name", "cepct", "style:family", "table-cell", "style:data-style-name", "Npct", NULL); end (w);
  start (w, "style:style", "style:name", "cehead", "style:family", "table-cell", NULL);
  start (w, "style:table-cell-properties", "fo:background-color", "#dde6f0", NULL); end (w);
  start (w, "style:text-properties", "fo:font-weight", "bold", NULL); end (w);
  end (w);
  start (w, "style:style", "style:name", "cewrap", "style:family", "table-cell", NULL);
  start (w, "style:table-cell-properties", "fo:wrap-option", "wrap", "style:vertical-align", "top", NULL); end (w);
  end (w);
  start (w, "style:style", "style:name", "cetitle", "style:family", "table-cell", NULL);
  start (w, "style:text-properties", "fo:font-weight", "bold", "fo:font-size", "14pt", NULL); end (w);
  end (w);
  start (w, "style:style", "style:name", "coh", "style:family", "table-column", NULL);
  start (w, "style:table-column-properties", "style:column-width", "22cm", NULL); end (w);
  end (w);
  start (w, "style:style", "style:name", "tavisible", "style:family", "table", NULL);
  start (w, "style:table-properties", "table:display", "true", NULL); end (w);
  end (w);
  start (w, "style:style", "style:name", "tahidden", "style:family", "table", NULL);
  start (w, "style:table-properties", "table:display", "false", NULL); end (w);
  end (w);

  end (w);
}

static void
write_validations (xmlTextWriter *w,
                   FillSheet     *sheet)
{
  g_autoptr(GString) list = g_string_new ("of:cell-content-is-in-list(");
  g_autofree char *base = g_strdup_printf ("'%s'.A1", PLAN_SHEET);
  guint n_pilots = sheet->pilots ? g_strv_length (sheet->pilots) : 0;

  for (guint i = 0; status_labels[i]; i++)
    g_string_append_printf (list, "%s\"%s\"", i > 0 ? ";" : "", status_labels[i]);
  g_string_append_c (list, ')');

  start (w, "table:content-validations", NULL);
  start (w, "table:content-validation", "table:name", "status", "table:condition", list->str,
         "table:allow-empty-cell", "true", "table:display-list", "unsorted",
         "table:base-cell-address", base, NULL);
  start (w, "table:error-message", "table:title", "Statut", "table:display", "true",
         "table:message-type", "stop", NULL);
  write_paragraphs (w, "Choisissez un statut dans la liste.");
  end (w);
  end (w);
  if (n_pilots > 0)
    {
      g_autofree char *pilots = g_strdup_printf ("of:cell-content-is-in-list([$ctg.$D$1:.$D$%u])", n_pilots);

      start (w, "table:content-validation", "table:name", "pilots", "table:condition", pilots,
             "table:allow-empty-cell", "true", "table:display-list", "sort-ascending",
             "table:base-cell-address", base, NULL);
      start (w, "table:error-message", "table:display", "false", NULL); end (w);
      end (w);
    }
  end (w);
}

static void
write_content (xmlTextWriter *w,
               FillSheet     *sheet)
{
  guint n_pilots = sheet->pilots ? g_strv_length (sheet->pilots) : 0;
  int status = status_column (), pilots = pilots_column ();

  start (w, "office:document-content", NS_ATTRS, NULL);
  write_styles (w);
  start (w, "office:body", NULL);
  start (w, "office:spreadsheet", NULL);
  write_validations (w, sheet);

  /* The plan */
  start (w, "table:table", "table:name", PLAN_SHEET, "table:style-name", "tavisible", NULL);
  for (guint c = 0; c < N_FILL; c++)
    {
      g_autofree char *name = g_strdup_printf ("co%u", c);

      start (w, "table:table-column", "table:style-name", name,
             "table:default-cell-style-name", c > 0 ? "cewrap" : "Default", NULL);
      end (w);
    }
  start (w, "table:table-header-rows", NULL);
  start (w, "table:table-row", NULL);
  write_text_cell (w, ID_HEADER, "cehead", NULL);
  for (guint c = 0; c < G_N_ELEMENTS (fill_columns); c++)
    write_text_cell (w, _ctg_plan_column_header (fill_columns[c].column), "cehead", NULL);
  end (w);
  end (w);

  for (guint r = 0; r < sheet->n_rows; r++)
    {
      start (w, "table:table-row", NULL);
      for (guint c = 0; c < N_FILL; c++)
        {
          const FillCell *cell = &g_array_index (sheet->cells, FillCell, r * N_FILL + c);
          const char *validation = (int) c == status ? "status"
                                   : (int) c == pilots && n_pilots > 0 ? "pilots" : NULL;
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          switch (cell->kind)
            {
            case FILL_NUMBER:
            case FILL_PERCENT:
              g_ascii_formatd (number, sizeof number, "%.15g", cell->number);
              start (w, "table:table-cell",
                     "office:value-type", cell->kind == FILL_NUMBER ? "float" : "percentage",
                     "office:value", number, NULL);
              if (cell->kind == FILL_PERCENT)
                xmlTextWriterWriteAttribute (w, (const xmlChar *) "table:style-name", (const xmlChar *) "cepct");
              {
                g_autofree char *shown = cell->kind == FILL_NUMBER
                                         ? g_strdup (number)
                                         : g_strdup_printf ("%.0f %%", cell->number * 100);
                write_paragraphs (w, shown);
              }
              end (w);
              break;
            case FILL_DATE:
              {
                CtgDatePrecision precision = ctg_date_precision (&cell->date);
                g_autofree char *value = g_strdup_printf ("%04u-%02u-%02u", cell->date.year,
                                                          MAX (cell->date.month, 1), MAX (cell->date.day, 1));
                g_autofree char *shown = ctg_date_format (&cell->date);

                start (w, "table:table-cell", "office:value-type", "date", "office:date-value", value,
                       "table:style-name", precision == CTG_DATE_PRECISION_DAY ? "ceday"
                                           : precision == CTG_DATE_PRECISION_MONTH ? "cemonth" : "ceyear",
                       NULL);
                write_paragraphs (w, shown);
                end (w);
              }
              break;
            case FILL_TEXT:
            default:
              write_text_cell (w, cell->text, NULL, validation);
              break;
            }
        }
      end (w);
    }

  /* Room for new actions, with the lists */
  {
    g_autofree char *repeat = g_strdup_printf ("%u", EXTRA_ROWS);

    start (w, "table:table-row", "table:number-rows-repeated", repeat, NULL);
    for (guint c = 0; c < N_FILL; c++)
      write_text_cell (w, "", NULL, (int) c == status ? "status"
                                    : (int) c == pilots && n_pilots > 0 ? "pilots" : NULL);
    end (w);
  }
  end (w);

  /* The instructions */
  start (w, "table:table", "table:name", HELP_SHEET, "table:style-name", "tavisible", NULL);
  start (w, "table:table-column", "table:style-name", "coh", NULL); end (w);
  for (guint i = 0; i < G_N_ELEMENTS (instructions); i++)
    {
      start (w, "table:table-row", NULL);
      write_text_cell (w, instructions[i], i == 0 ? "cetitle" : NULL, NULL);
      end (w);
    }
  end (w);

  /* Which convention the sheet belongs to, and the lists, out of sight */
  start (w, "table:table", "table:name", "ctg", "table:style-name", "tahidden", NULL);
  for (guint i = 0; i < MAX (n_pilots, 2); i++)
    {
      start (w, "table:table-row", NULL);
      write_text_cell (w, i == 0 ? "convention" : i == 1 ? "titre" : "", NULL, NULL);
      write_text_cell (w, i == 0 ? sheet->identity : i == 1 ? sheet->title : "", NULL, NULL);
      write_text_cell (w, "", NULL, NULL);
      write_text_cell (w, i < n_pilots ? sheet->pilots[i] : "", NULL, NULL);
      end (w);
    }
}

/* The header stays in view while scrolling: LibreOffice keeps that in the
 * view settings */
static void
write_settings (xmlTextWriter *w,
                FillSheet     *sheet)
{
  static const char * const items[][3] = {
    { "VerticalSplitMode", "short", "2" },
    { "VerticalSplitPosition", "int", "1" },
    { "ActiveSplitRange", "short", "2" },
    { "PositionTop", "int", "0" },
    { "PositionBottom", "int", "1" },
  };

  start (w, "office:document-settings", NS_ATTRS, NULL);
  start (w, "office:settings", NULL);
  start (w, "config:config-item-set", "config:name", "ooo:view-settings", NULL);
  start (w, "config:config-item-map-indexed", "config:name", "Views", NULL);
  start (w, "config:config-item-map-entry", NULL);
  start (w, "config:config-item", "config:name", "ViewId", "config:type", "string", NULL);
  xmlTextWriterWriteString (w, (const xmlChar *) "view1");
  end (w);
  start (w, "config:config-item", "config:name", "ActiveTable", "config:type", "string", NULL);
  xmlTextWriterWriteString (w, (const xmlChar *) PLAN_SHEET);
  end (w);
  start (w, "config:config-item-map-named", "config:name", "Tables", NULL);
  start (w, "config:config-item-map-entry", "config:name", PLAN_SHEET, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      start (w, "config:config-item", "config:name", items[i][0], "config:type", items[i][1], NULL);
      xmlTextWriterWriteString (w, (const xmlChar *) items[i][2]);
      end (w);
    }
}

static void
write_manifest (xmlTextWriter *w,
                FillSheet     *sheet)
{
  const char *files[] = { "content.xml", "settings.xml" };

  start (w, "manifest:manifest", "xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
         "manifest:version", "1.3", NULL);
  start (w, "manifest:file-entry", "manifest:full-path", "/", "manifest:version", "1.3",
         "manifest:media-type", "application/vnd.oasis.opendocument.spreadsheet", NULL);
  end (w);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      start (w, "manifest:file-entry", "manifest:full-path", files[i], "manifest:media-type", "text/xml", NULL);
      end (w);
    }
}

/* Writes a member's root element; write_member() closes what it leaves open */
typedef void (*WriteFunc) (xmlTextWriter *w, FillSheet *sheet);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)

typedef struct
{
  GsfOutput *member;
  gboolean   failed;
} MemberSink;

static int
write_to_member (void       *context,
                 const char *buffer,
                 int         length)
{
  MemberSink *sink = context;

  if (!gsf_output_write (sink->member, (size_t) length, (const guint8 *) buffer))
    {
      sink->failed = TRUE;
      return -1;
    }
  return length;
}

static int
close_member (void *context)
{
  return 0;
}

/* Streamed into the zip as it is written: a large plan is never held whole */
static gboolean
write_member (GsfOutfile  *zip,
              const char  *name,
              WriteFunc    func,
              FillSheet   *sheet)
{
  g_autoptr(GsfOutput) member = gsf_outfile_new_child (zip, name, FALSE);
  MemberSink sink = { member, FALSE };
  xmlOutputBuffer *buffer = xmlOutputBufferCreateIO (write_to_member, close_member, &sink, NULL);
  xmlTextWriter *w = buffer ? xmlNewTextWriter (buffer) : NULL;

  if (w == NULL)
    {
      if (buffer != NULL)
        xmlOutputBufferClose (buffer);
      gsf_output_close (member);
      return FALSE;
    }
  xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL);
  func (w, sheet);
  /* Closes every element still open */
  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);
  return gsf_output_close (member) && !sink.failed;
}

gboolean
ctg_document_export_ods (CtgDocument  *self,
                         const char   *path,
                         GError      **error)
{
  static const char mimetype[] = "application/vnd.oasis.opendocument.spreadsheet";
  g_autoptr(FillSheet) sheet = NULL;
  g_autoptr(GsfOutput) file = NULL;
  g_autoptr(GsfOutfile) zip = NULL;
  g_autoptr(GsfOutput) first = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);

  /* GsfOutputStdio writes beside @path and renames on close */
  if (!ctg_document_check_replaceable (path, ctg_document_get_path (self), TRUE, error))
    return FALSE;
  sheet = fill_sheet_new (self);
  file = gsf_output_stdio_new (path, &local_error);
  if (file == NULL)
    return set_write_error (error, path, local_error->message);
  zip = gsf_outfile_zip_new (file, &local_error);
  if (zip == NULL)
    return set_write_error (error, path, local_error->message);

  /* The mimetype first and stored, so that it can be recognised by its
   * first bytes */
  first = gsf_outfile_new_child_full (zip, "mimetype", FALSE, "compression-level", GSF_ZIP_STORED, NULL);
  ok = gsf_output_write (first, sizeof mimetype - 1, (const guint8 *) mimetype) && gsf_output_close (first);
  ok = ok && write_member (zip, "content.xml", write_content, sheet);
  ok = ok && write_member (zip, "settings.xml", write_settings, sheet);
  if (ok)
    {
      g_autoptr(GsfOutput) meta_inf = gsf_outfile_new_child (zip, "META-INF", TRUE);

      ok = write_member (GSF_OUTFILE (meta_inf), "manifest.xml", write_manifest, sheet) &&
           gsf_output_close (meta_inf);
    }
  ok = gsf_output_close (GSF_OUTPUT (zip)) && ok;
  ok = gsf_output_close (file) && ok;
  if (!ok)
    {
      g_unlink (path);
      return set_write_error (error, path, _("the disk may be full"));
    }
  return TRUE;
}
