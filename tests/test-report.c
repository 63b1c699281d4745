/* test-report.c: the COPIL report, read back with poppler's tools
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "ctg-document-private.h"
#include "ctg-report-private.h"
#include "ctg-test-util.h"

static const char * const examples[] = { "baronnies", "creusot-montceau", "m2a", "valence-romans" };

/* Helpers */

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext != NULL && pdfinfo != NULL)
    return TRUE;
  g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
  return FALSE;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The text in drawing order, as a reader of the content stream sees it */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };

  return run (argv);
}

static char *
pdf_info (const char *pdf,
          const char *key)
{
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", pdf, NULL };
  g_autofree char *out = run (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *prefix = g_strconcat (key, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  return NULL;
}

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *pages = pdf_info (pdf, "Pages");

  g_assert_nonnull (pages);
  return (guint) atoi (pages);
}

/* Text compared on its letters: line breaks, spaces and the hyphens of
 * broken words do not count */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-' || c == 0x00AD || c == 0x2010 || c == 0x2011 || c == 0x2027)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* squeeze() of a literal, freed at the end of the test */
static const char *
squeeze_static (const char *text)
{
  static GPtrArray *kept;

  if (kept == NULL)
    kept = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (kept, squeeze (text));
  return g_ptr_array_index (kept, kept->len - 1);
}

/* Finds @needle in @haystack after @from; returns the end of it */
static const char *
find_after (const char *haystack,
            const char *from,
            const char *needle)
{
  g_autofree char *squeezed = squeeze (needle);
  const char *found;

  if (squeezed[0] == '\0')
    return from;
  found = strstr (from, squeezed);
  return found != NULL ? found + strlen (squeezed) : NULL;
}

static CtgReportOptions
options_for (CtgReportParts parts)
{
  CtgReportOptions options = CTG_REPORT_OPTIONS_INIT;

  g_date_set_dmy (&options.meeting_date, 15, G_DATE_MARCH, 2025);
  options.parts = parts;
  return options;
}

static char *
write_report (CtgDocument            *doc,
              const CtgReportOptions *options,
              const char             *name)
{
  g_autoptr(GError) error = NULL;
  char *pdf = ctg_test_tmp_path (name);

  g_assert_true (ctg_report_write_pdf (doc, options, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return pdf;
}

static CtgDocument *
open_example (const char *slug)
{
  g_autofree char *path = ctg_test_copy_example (slug);
  g_autoptr(GError) error = NULL;
  CtgDocument *doc = ctg_document_open (path, CTG_OPEN_FLAGS_READ_ONLY, &error);

  g_assert_no_error (error);
  return doc;
}

/* Every word's box, from pdftotext -bbox */
typedef struct
{
  double x0, y0, x1, y1;
  char  *text;
} Word;

typedef struct
{
  double  width, height;
  GArray *words;
} Page;

static void
page_clear (gpointer data)
{
  Page *page = data;

  for (guint i = 0; i < page->words->len; i++)
    g_free (g_array_index (page->words, Word, i).text);
  g_array_unref (page->words);
}

static GArray *
pdf_boxes (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *html = run (argv);
  g_autoptr(GRegex) page_re = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">", 0, 0, NULL);
  g_autoptr(GRegex) word_re = g_regex_new ("<word xMin=\"([0-9.-]+)\" yMin=\"([0-9.-]+)\" xMax=\"([0-9.-]+)\" yMax=\"([0-9.-]+)\">([^<]*)</word>",
                                           0, 0, NULL);
  GArray *pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_auto(GStrv) chunks = NULL;

  g_array_set_clear_func (pages, page_clear);
  chunks = g_regex_split (page_re, html, 0);
  /* The split keeps the captures: text, width, height, text, ... */
  for (guint i = 1; chunks[i] != NULL && chunks[i + 1] != NULL && chunks[i + 2] != NULL; i += 3)
    {
      Page page = { g_ascii_strtod (chunks[i], NULL), g_ascii_strtod (chunks[i + 1], NULL),
                    g_array_new (FALSE, FALSE, sizeof (Word)) };
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (word_re, chunks[i + 2], 0, &match);
      while (g_match_info_matches (match))
        {
          Word word;
          char *v[5];

          for (guint k = 0; k < 5; k++)
            v[k] = g_match_info_fetch (match, (int) k + 1);
          word.x0 = g_ascii_strtod (v[0], NULL);
          word.y0 = g_ascii_strtod (v[1], NULL);
          word.x1 = g_ascii_strtod (v[2], NULL);
          word.y1 = g_ascii_strtod (v[3], NULL);
          word.text = v[4];
          for (guint k = 0; k < 4; k++)
            g_free (v[k]);
          g_array_append_val (page.words, word);
          g_match_info_next (match, NULL);
        }
      g_array_append_val (pages, page);
    }
  return pages;
}

/* No word leaves the page's margins, and no two words overlap: nothing is
 * clipped or drawn over something else */
static void
assert_layout_clean (const char *pdf)
{
  g_autoptr(GArray) pages = pdf_boxes (pdf);

  g_assert_cmpuint (pages->len, ==, pdf_pages (pdf));
  for (guint p = 0; p < pages->len; p++)
    {
      Page *page = &g_array_index (pages, Page, p);

      g_assert_cmpuint (page->words->len, >, 0);
      for (guint i = 0; i < page->words->len; i++)
        {
          Word *a = &g_array_index (page->words, Word, i);

          if (a->x0 < 40 - 0.5 || a->x1 > page->width - 40 + 0.5 || a->y0 < 20 || a->y1 > page->height - 20)
            g_error ("page %u: “%s” at %.1f,%.1f–%.1f,%.1f is outside the margins of %.0f×%.0f",
                     p + 1, a->text, a->x0, a->y0, a->x1, a->y1, page->width, page->height);

          for (guint j = i + 1; j < page->words->len; j++)
            {
              Word *b = &g_array_index (page->words, Word, j);
              double w = MIN (a->x1, b->x1) - MAX (a->x0, b->x0);
              double h = MIN (a->y1, b->y1) - MAX (a->y0, b->y0);

              /* Touching boxes of neighbouring lines are fine */
              if (w > 1.0 && h > 0.35 * MIN (a->y1 - a->y0, b->y1 - b->y0))
                g_error ("page %u: “%s” and “%s” overlap (%.1f×%.1f)", p + 1, a->text, b->text, w, h);
            }
        }
    }
}

/* The report of each example holds every action's title, pilots and
 * échéance, in the plan's order */
static void
test_report_examples_in_order (void)
{
  if (!have_poppler ())
    return;

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(CtgDocument) doc = open_example (examples[e]);
      g_auto(CtgReportOptions) options = options_for (CTG_REPORT_PART_NONE);
      g_autofree char *pdf = write_report (doc, &options, "order.pdf");
      g_autofree char *text = pdf_text (pdf);
      g_autofree char *squeezed = squeeze (text);
      g_autoptr(GListModel) actions = ctg_document_list_actions (doc, 0);
      g_autoptr(GArray) axes = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
      const char *pos = squeezed;
      guint n_pilots = 0, n_echeances = 0;

      g_test_message ("%s: %u pages", examples[e], pdf_pages (pdf));

      /* The axes' sections, in order, after the cover */
      for (guint i = 0; i < axes->len; i++)
        {
          g_autofree char *title = ctg_document_dup_text (doc, CTG_ITEM_AXIS, g_array_index (axes, gint64, i), "title");
          const char *cover = find_after (squeezed, squeezed, title);

          g_assert_nonnull (cover);
        }

      for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
        {
          g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);
          GPtrArray *pilots = ctg_action_get_pilots (action);
          g_autofree char *echeance = ctg_date_format (ctg_action_get_echeance (action));
          const char *next;

          next = find_after (squeezed, pos, ctg_action_get_title (action));
          if (next == NULL)
            g_error ("%s: action %u “%s” is missing or out of order", examples[e], i + 1,
                     ctg_action_get_title (action));
          pos = next;

          for (guint k = 0; k < pilots->len; k++)
            {
              const CtgParticipant *pilot = g_ptr_array_index (pilots, k);

              next = find_after (squeezed, pos, pilot->name);
              if (next == NULL)
                g_error ("%s: pilot “%s” of action %u is missing", examples[e], pilot->name, i + 1);
              pos = next;
              n_pilots++;
            }

          if (echeance[0] != '\0')
            {
              next = find_after (squeezed, pos, echeance);
              if (next == NULL)
                g_error ("%s: échéance “%s” of action %u is missing", examples[e], echeance, i + 1);
              pos = next;
              n_echeances++;
            }
        }
      g_test_message ("%s: %u actions, %u pilots, %u échéances found in order", examples[e],
                      g_list_model_get_n_items (actions), n_pilots, n_echeances);
    }
}

/* Pages, sizes, numbers and the PDF's properties */
static void
test_report_pages_and_metadata (void)
{
  g_autoptr(CtgDocument) doc = NULL;
  g_auto(CtgReportOptions) options = CTG_REPORT_OPTIONS_INIT;
  g_autoptr(CtgReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *sizes = NULL;
  g_autofree char *last = NULL;
  guint n_pages, landscape = 0;

  if (!have_poppler ())
    return;

  doc = open_example ("creusot-montceau");
  options = options_for (CTG_REPORT_PARTS_DEFAULT);
  pdf = ctg_test_tmp_path ("creusot.pdf");
  report = ctg_report_new (doc, &options, &error);
  g_assert_no_error (error);
  g_assert_true (ctg_report_save_pdf (report, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  n_pages = pdf_pages (pdf);
  g_assert_cmpuint (n_pages, ==, ctg_report_get_n_pages (report));
  g_assert_cmpuint (n_pages, >=, 6);

  /* Print draws the same pages, from the same drawing */
  {
    g_autoptr(GPtrArray) pages = ctg_report_render_pages (report, NULL, &error);
    CtgReportPage *first;
    cairo_surface_t *target;
    cairo_t *cr;

    g_assert_no_error (error);
    g_assert_cmpuint (pages->len, ==, n_pages);
    first = g_ptr_array_index (pages, 0);
    g_assert_cmpfloat_with_epsilon (first->width, 595.28, 1);
    g_assert_cmpfloat_with_epsilon (first->height, 841.89, 1);
    target = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 596, 842);
    cr = cairo_create (target);
    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_paint (cr);
    cairo_set_source (cr, first->pattern);
    cairo_paint (cr);
    cairo_destroy (cr);
    cairo_surface_flush (target);
    {
      /* The cover's ink: dark pixels where the title is */
      guint dark = 0;
      unsigned char *data = cairo_image_surface_get_data (target);
      int stride = cairo_image_surface_get_stride (target);

      for (int y = 0; y < 842; y++)
        for (int x = 0; x < 596; x++)
          dark += (data[y * stride + 4 * x + 1] < 128);
      g_assert_cmpuint (dark, >, 1000);
    }
    cairo_surface_destroy (target);
  }

  title = pdf_info (pdf, "Title");
  g_assert_cmpstr (title, ==, "Convention territoriale globale de services aux familles — "
                              "Communauté urbaine Creusot Montceau, bassin nord");
  creator = pdf_info (pdf, "Creator");
  g_assert_true (g_str_has_prefix (creator, "CTG Planner"));
  subject = pdf_info (pdf, "Subject");
  g_assert_nonnull (strstr (subject, "15 March 2025"));
  {
    g_autofree char *created = pdf_info (pdf, "CreationDate");
    g_assert_nonnull (created);
  }

  /* A4, the timeline in landscape */
  {
    g_autofree char *first = g_strdup_printf ("%u", n_pages);
    const char *argv[] = { "pdfinfo", "-f", "1", "-l", first, pdf, NULL };
    g_auto(GStrv) lines = NULL;

    sizes = run (argv);
    lines = g_strsplit (sizes, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      {
        if (!g_str_has_prefix (lines[i], "Page") || strstr (lines[i], "size:") == NULL)
          continue;
        g_assert_nonnull (strstr (lines[i], "(A4)"));
        if (strstr (lines[i], "841.89 x 595.27") != NULL)
          landscape++;
        else
          g_assert_nonnull (strstr (lines[i], "595.27"));
      }
    g_assert_cmpuint (landscape, >=, 1);
  }

  /* "Page 2 of N" on every page but the cover */
  text = pdf_text (pdf);
  for (guint p = 2; p <= n_pages; p++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", p, n_pages);

      g_assert_nonnull (strstr (text, number));
    }
  last = g_strdup_printf ("Page %u of %u", n_pages + 1, n_pages);
  g_assert_null (strstr (text, last));
  g_assert_null (strstr (text, "Page 1 of"));

  /* The cover's figures: 34 actions, all to start, 27 overdue in March 2025 */
  g_assert_nonnull (strstr (text, "34\nactions in the plan"));
  g_assert_nonnull (strstr (text, "27\noverdue actions"));
  g_assert_nonnull (strstr (text, "Steering committee (COPIL) of 15 March 2025"));
  g_assert_nonnull (strstr (text, "Period: 2022 – 31 December 2026"));
}

/* Decodes the PDF string at @p: (literal) or <hex UTF-16> */
static char *
pdf_string (const char *p)
{
  GString *bytes = g_string_new (NULL);

  if (*p == '(')
    {
      int depth = 1;

      for (p++; *p && depth > 0; p++)
        {
          if (*p == '\\' && p[1])
            {
              p++;
              if (*p >= '0' && *p <= '7')
                {
                  int v = 0;

                  for (int k = 0; k < 3 && *p >= '0' && *p <= '7'; k++, p++)
                    v = v * 8 + (*p - '0');
                  p--;
                  g_string_append_c (bytes, (char) v);
                }
              else
                g_string_append_c (bytes, *p == 'n' ? '\n' : *p == 'r' ? '\r' : *p == 't' ? '\t' : *p);
              continue;
            }
          if (*p == '(')
            depth++;
          else if (*p == ')' && --depth == 0)
            break;
          g_string_append_c (bytes, *p);
        }
    }
  else if (*p == '<')
    {
      for (p++; *p && *p != '>'; p += 2)
        {
          char hex[3] = { p[0], p[1], 0 };

          g_string_append_c (bytes, (char) strtol (hex, NULL, 16));
        }
    }

  if (bytes->len >= 2 && (guchar) bytes->str[0] == 0xFE && (guchar) bytes->str[1] == 0xFF)
    {
      char *utf8 = g_convert (bytes->str + 2, bytes->len - 2, "UTF-8", "UTF-16BE", NULL, NULL, NULL);

      g_string_free (bytes, TRUE);
      return utf8;
    }
  return g_string_free (bytes, FALSE);
}

/* memmem(): a PDF holds NUL bytes in its binary streams */
static const char *
find_bytes (const char *data,
            gsize       length,
            const char *from,
            const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = from; p + n <= data + length; p++)
    {
      p = memchr (p, needle[0], (gsize) (data + length - p));
      if (p == NULL || p + n > data + length)
        return NULL;
      if (memcmp (p, needle, n) == 0)
        return p;
    }
  return NULL;
}

/* The outline has an entry per axis, and the summary links to the axes */
static void
test_report_outline_and_links (void)
{
  g_autoptr(CtgDocument) doc = NULL;
  g_auto(CtgReportOptions) options = CTG_REPORT_OPTIONS_INIT;
  g_autoptr(GArray) axes = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *pdf = NULL;
  g_autofree char *data = NULL;
  g_autofree char *dests = NULL;
  gsize length;
  guint links = 0;

  if (!have_poppler ())
    return;

  doc = open_example ("baronnies");
  options = options_for (CTG_REPORT_PARTS_DEFAULT | CTG_REPORT_PART_FICHES);
  pdf = write_report (doc, &options, "outline.pdf");
  data = ctg_test_read_file (pdf, &length);

  /* cairo writes the outline uncompressed: collect its /Title strings */
  g_assert_nonnull (find_bytes (data, length, data, "/Outlines"));
  for (const char *p = data; (p = find_bytes (data, length, p, "/Title ")) != NULL; p++)
    g_ptr_array_add (titles, pdf_string (p + strlen ("/Title ")));
  for (const char *p = data; (p = find_bytes (data, length, p, "/Subtype /Link")) != NULL; p++)
    links++;

  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Summary", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Timeline", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Action sheets", g_str_equal, NULL));
  axes = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
  for (guint i = 0; i < axes->len; i++)
    {
      g_autofree char *title = ctg_document_dup_text (doc, CTG_ITEM_AXIS, g_array_index (axes, gint64, i), "title");
      g_autofree char *entry = g_strdup_printf ("%u. %s", i + 1, title);
      guint count = 0;

      /* Once for the axis' section, once over its action sheets */
      for (guint k = 0; k < titles->len; k++)
        count += g_str_equal (g_ptr_array_index (titles, k), entry);
      g_assert_cmpuint (count, ==, 2);
    }
  /* The metadata title is one more /Title */
  g_assert_cmpuint (titles->len, >=, 3 + 2 * axes->len + 84);

  /* Contents and summary link to each axis; the named destinations exist */
  g_assert_cmpuint (links, >=, 2 * axes->len);
  {
    const char *argv[] = { "pdfinfo", "-dests", pdf, NULL };

    dests = run (argv);
  }
  for (guint i = 0; i < axes->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("axis-%" G_GINT64_FORMAT, g_array_index (axes, gint64, i));

      g_assert_nonnull (strstr (dests, name));
    }
  g_assert_nonnull (strstr (dests, "summary"));
  g_assert_nonnull (strstr (dests, "timeline"));
}

/* A synthetic convention */

static gint64
add_action (CtgDocument *doc,
            gint64       objective,
            const char  *title,
            guint        n_pilots,
            const char  *start,
            const char  *echeance,
            const char  *status,
            const char  *progress)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pilots = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);
  gint64 id = ctg_document_add_item (doc, CTG_ITEM_ACTION, objective, title, &error);

  g_assert_no_error (error);
  for (guint k = 0; k < n_pilots; k++)
    {
      g_autofree char *name = g_strdup_printf ("Pilote%uAction%" G_GINT64_FORMAT, k + 1, id);

      g_ptr_array_add (pilots, ctg_participant_new (name, CTG_PARTICIPANT_PERSON, "chargée de mission"));
    }
  if (n_pilots > 0)
    g_assert_true (ctg_document_set_participants (doc, id, CTG_RELATION_PILOT, pilots, &error));
  if (start != NULL)
    g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, id, "start", start, &error));
  if (echeance != NULL)
    g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, id, "echeance", echeance, &error));
  if (status != NULL)
    g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, id, "status", status, &error));
  if (progress != NULL)
    g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, id, "progress", progress, &error));
  g_assert_no_error (error);
  return id;
}

static char *
words (const char *stem,
       guint       n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%s%u", i > 0 ? " " : "", stem, i);
  return g_string_free (text, FALSE);
}

/* Writes a text longer than an edit takes (see ctg-document-fields.c), as a
 * file from elsewhere may hold it: the report must still lay it out */
static void
set_beyond_limits (CtgDocument *doc,
                   const char  *table,
                   gint64       id,
                   const char  *column,
                   const char  *value)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2", table, column);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (doc->db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* Long texts wrap, a row longer than a page splits, nothing is clipped */
static void
test_report_long_cells (void)
{
  g_autoptr(CtgDocument) doc = ctg_test_new_document ();
  g_auto(CtgReportOptions) options = options_for (CTG_REPORT_PARTS_DEFAULT | CTG_REPORT_PART_FICHES);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *giant = words ("géant", 1500);
  g_autofree char *long_title = words ("long", 120);
  g_autofree char *no_space = NULL;
  const char *pos;
  gint64 axis, objective, forty;

  if (!have_poppler ())
    return;

  no_space = g_strnfill (300, 'x');
  memcpy (no_space, "SANSESPACE", 10);

  g_assert_true (ctg_document_set (doc, CTG_ITEM_CONVENTION, 1, "title", "Convention aux cellules longues", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_CONVENTION, 1, "period_start", "2022", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_CONVENTION, 1, "period_end", "2026", &error));
  axis = ctg_document_add_item (doc, CTG_ITEM_AXIS, 0, "Un axe", &error);
  objective = ctg_document_add_objective (doc, axis, 0, 0, "Un objectif", &error);
  g_assert_no_error (error);

  /* Absurd lengths everywhere else too: nothing may run off a page */
  {
    g_autofree char *territory = words ("territoire", 150);
    g_autofree char *axis_title = words ("axe", 700);
    g_autofree char *objective_title = words ("objectif", 700);
    g_autofree char *description = words ("description", 1200);
    g_autofree char *code = words ("CODE", 80);
    gint64 axis2, objective2, action;

    set_beyond_limits (doc, "convention", 1, "territory", territory);
    axis2 = ctg_document_add_item (doc, CTG_ITEM_AXIS, 0, "axe", &error);
    set_beyond_limits (doc, "axis", axis2, "title", axis_title);
    g_assert_true (ctg_document_set (doc, CTG_ITEM_AXIS, axis2, "description", description, &error));
    objective2 = ctg_document_add_objective (doc, axis2, 0, 0, "objectif", &error);
    set_beyond_limits (doc, "objective", objective2, "title", objective_title);
    action = add_action (doc, objective2, "Action au code démesuré", 1, "2024", "2025", NULL, NULL);
    set_beyond_limits (doc, "action", action, "code", code);
    g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, action, "description", description, &error));
    g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, action, "notes", description, &error));
    ctg_document_add_item (doc, CTG_ITEM_STEP, action, description, &error);
    g_assert_no_error (error);
  }

  add_action (doc, objective, "Action courte avant", 1, "2023", "2025-06", "en cours", "40");
  g_ptr_array_add (titles, g_strdup ("Action courte avant"));
  forty = add_action (doc, objective, long_title, 40, "2022-03", "2024", NULL, NULL);
  g_ptr_array_add (titles, g_strdup (long_title));
  add_action (doc, objective, no_space, 2, NULL, "2026", NULL, NULL);
  g_ptr_array_add (titles, g_strdup (no_space));
  /* Taller than a page at the width of its column */
  set_beyond_limits (doc, "action", add_action (doc, objective, "géant", 3, "2024", "2025", "réalisée", NULL),
                     "title", giant);
  g_ptr_array_add (titles, g_strdup (giant));
  add_action (doc, objective, "Action courte après", 1, NULL, NULL, "abandonnée", NULL);
  g_ptr_array_add (titles, g_strdup ("Action courte après"));

  pdf = write_report (doc, &options, "long.pdf");
  assert_layout_clean (pdf);

  text = pdf_text (pdf);
  squeezed = squeeze (text);
  /* In the axis' table, then on the timeline, then on the sheets */
  for (guint pass = 0; pass < 3; pass++)
    {
      pos = squeezed;
      for (guint i = 0; i < titles->len; i++)
        {
          /* A split title has the page's footer and header in between: look
           * for each of its words in turn */
          g_auto(GStrv) title_words = g_strsplit (g_ptr_array_index (titles, i), " ", -1);

          for (guint k = 0; title_words[k] != NULL; k++)
            {
              const char *next = find_after (squeezed, pos, title_words[k]);

              if (next == NULL)
                g_error ("word %u of title %u is missing", k, i + 1);
              pos = next;
            }
        }
    }
  /* 40 pilots in one cell */
  {
    g_autofree char *last = g_strdup_printf ("Pilote40Action%" G_GINT64_FORMAT, forty);

    g_assert_nonnull (strstr (squeezed, last));
  }
  g_assert_cmpuint (pdf_pages (pdf), >=, 8);
}

static CtgDocument *
make_convention (guint n_actions)
{
  CtgDocument *doc = ctg_test_new_document ();
  g_autoptr(GError) error = NULL;
  static const char * const statuses[] = { "à lancer", "en cours", "réalisée", "reportée", "abandonnée" };
  gint64 axis = 0, theme = 0, objective = 0;

  g_assert_true (ctg_document_begin_group (doc, "Test", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_CONVENTION, 1, "title", "Convention synthétique", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_CONVENTION, 1, "territory", "Territoire d'essai", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_CONVENTION, 1, "period_start", "2022-01", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_CONVENTION, 1, "period_end", "2026-12-31", &error));
  for (guint i = 0; i < n_actions; i++)
    {
      g_autofree char *title = g_strdup_printf ("Action numéro %u : développer l'accueil des familles "
                                                "et coordonner les partenaires du territoire%s", i + 1,
                                                i % 7 == 0 ? " avec une description plus longue qui prend "
                                                             "plusieurs lignes dans la colonne de l'action" : "");
      g_autofree char *start = g_strdup_printf ("%u-%02u", 2022 + i % 4, 1 + i % 12);
      g_autofree char *echeance = g_strdup_printf ("%u", 2023 + i % 4);
      g_autofree char *progress = g_strdup_printf ("%u", (i * 7) % 101);
      gint64 id;

      if (i % 100 == 0)
        {
          g_autofree char *axis_title = g_strdup_printf ("Axe %u de la convention", i / 100 + 1);

          axis = ctg_document_add_item (doc, CTG_ITEM_AXIS, 0, axis_title, &error);
          theme = ctg_document_add_section (doc, axis, CTG_SECTION_THEME, "Petite enfance", &error);
        }
      if (i % 10 == 0)
        {
          g_autofree char *objective_title = g_strdup_printf ("Objectif %u", i / 10 + 1);

          objective = ctg_document_add_objective (doc, axis, theme, 0, objective_title, &error);
        }
      g_assert_no_error (error);
      id = add_action (doc, objective, title, 1 + i % 3, i % 5 == 4 ? NULL : start,
                       i % 9 == 8 ? NULL : echeance, statuses[i % 5], i % 3 == 0 ? progress : NULL);
      if (i % 4 == 0)
        {
          ctg_document_add_item (doc, CTG_ITEM_STEP, id, "Réunir les partenaires", &error);
          ctg_document_add_item (doc, CTG_ITEM_INDICATOR, id, "Nombre de familles accompagnées", &error);
          g_assert_no_error (error);
        }
    }
  g_assert_true (ctg_document_end_group (doc, &error));
  g_assert_no_error (error);
  return doc;
}

/* 500 actions: every title is there, in order, and nothing is clipped */
static void
test_report_many_actions (void)
{
  g_autoptr(CtgDocument) doc = NULL;
  g_auto(CtgReportOptions) options = options_for (CTG_REPORT_PARTS_DEFAULT | CTG_REPORT_PART_FICHES);
  g_autoptr(GListModel) actions = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  const char *pos;
  guint n_pages;

  if (!have_poppler ())
    return;

  doc = make_convention (500);
  g_timer_start (timer);
  pdf = write_report (doc, &options, "many.pdf");
  g_test_message ("500 actions with their sheets: %.2f s", g_timer_elapsed (timer, NULL));

  n_pages = pdf_pages (pdf);
  /* The cover, the summary, 5 axes, the timeline and one sheet each */
  g_assert_cmpuint (n_pages, >, 500 + 5 + 2);
  assert_layout_clean (pdf);

  text = pdf_text (pdf);
  squeezed = squeeze (text);
  actions = ctg_document_list_actions (doc, 0);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 500);
  pos = squeezed;
  for (guint i = 0; i < 500; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);
      g_autofree char *pilots = ctg_action_dup_pilots_text (action);
      g_auto(GStrv) names = g_strsplit (pilots, ", ", -1);

      pos = find_after (squeezed, pos, ctg_action_get_title (action));
      if (pos == NULL)
        g_error ("action %u is missing from its axis' table", i + 1);
      for (guint k = 0; names[k] != NULL; k++)
        g_assert_nonnull ((pos = find_after (squeezed, pos, names[k])));
    }
  /* 24 action rows per portrait page at most: the tables went on */
  g_assert_nonnull (strstr (text, "Axis 1 · Axe 1 de la convention (continued)"));
  g_assert_nonnull (strstr (text, "Timeline (continued)"));
}

/* Dates and numbers in French under a French locale */
static void
test_report_french (void)
{
  g_autofree char *path = ctg_test_copy_example ("creusot-montceau");
  g_autofree char *pdf = ctg_test_tmp_path ("french.pdf");
  g_autofree char *text = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!have_poppler ())
    return;
  if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("the fr_FR.UTF-8 locale is not generated");
      return;
    }
  setlocale (LC_ALL, saved);

  /* One action with a progress, so that a percentage is printed */
  {
    g_autoptr(CtgDocument) doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);

    g_assert_no_error (error);
    g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 1, "progress", "40", &error));
  }

  /* In a process of its own: GLib decides once per process whether to translate */
  env = g_environ_setenv (env, "LC_ALL", "fr_FR.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "fr", TRUE);
  g_spawn_sync (NULL,
                (char *[]) { (char *) g_getenv ("CTG_CLI"), "export", path, "--pdf", pdf,
                             "--meeting", "15/03/2025", NULL },
                env, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  text = pdf_text (pdf);
  /* The meeting and the period, months in French */
  g_assert_nonnull (strstr (text, "15 mars 2025"));
  g_assert_nonnull (strstr (text, "31 décembre 2026"));
  g_assert_null (strstr (text, "March"));
  g_assert_null (strstr (text, "December"));
  /* The labels in French (pdftotext -raw drops the narrow space of "40 %") */
  g_assert_nonnull (strstr (text, "Synthèse"));
  g_assert_nonnull (strstr (text, "Page 2 sur"));
  g_assert_null (strstr (text, "Summary"));
  /* 40 % on one action, the 33 others à lancer at 0 % */
  g_assert_nonnull (strstr (text, "1%\navancement global, sur 34 actions"));
}

/* Options: some axes only, the changes since a date, bad options */
static void
test_report_options (void)
{
  g_autoptr(CtgDocument) doc = NULL;
  g_auto(CtgReportOptions) options = CTG_REPORT_OPTIONS_INIT;
  g_autoptr(GArray) axes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pilots = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);
  g_autoptr(GPtrArray) journal = NULL;
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  GDate meeting;
  g_autofree char *axis1 = NULL;
  g_autofree char *axis2 = NULL;
  gint64 other = 123456;

  if (!have_poppler ())
    return;

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  axes = ctg_document_list_ids (doc, CTG_ITEM_AXIS, 0);
  axis1 = ctg_document_dup_text (doc, CTG_ITEM_AXIS, g_array_index (axes, gint64, 0), "title");
  axis2 = ctg_document_dup_text (doc, CTG_ITEM_AXIS, g_array_index (axes, gint64, 1), "title");

  /* Changes to an action of axis 2 */
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 8, "status", "en cours", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 8, "progress", "35", &error));
  g_ptr_array_add (pilots, ctg_participant_new ("Relais Petite Enfance", CTG_PARTICIPANT_ORGANISATION, NULL));
  g_assert_true (ctg_document_set_participants (doc, 8, CTG_RELATION_PILOT, pilots, &error));
  ctg_document_add_item (doc, CTG_ITEM_STEP, 8, "Recenser les assistantes maternelles", &error);
  g_assert_no_error (error);

  /* The days of these edits as the journal dated them (UTC), not the
   * clock's: read before the edits, a run across midnight (a slow machine,
   * valgrind) had them on the day after "today", so after the meeting
   * and in "since tomorrow" */
  journal = ctg_document_list_changes (doc, NULL, 8);
  g_assert_cmpuint (journal->len, >, 0);
  for (guint i = 0; i < journal->len; i++)
    {
      const char *time = ((CtgChange *) g_ptr_array_index (journal, i))->time;

      if (first_day == NULL || strncmp (time, first_day, 10) < 0)
        {
          g_free (first_day);
          first_day = g_strndup (time, 10);
        }
      if (last_day == NULL || strncmp (time, last_day, 10) > 0)
        {
          g_free (last_day);
          last_day = g_strndup (time, 10);
        }
    }

  options = options_for (CTG_REPORT_PART_SUMMARY);
  options.axes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (options.axes, g_array_index (axes, gint64, 1));

  /* For the meeting of 15 March 2025, since 1 October 2024: today's
   * changes came after that meeting, so they are not in its report */
  options.changes_since = g_strdup ("2024-10-01");
  pdf = write_report (doc, &options, "past-meeting.pdf");
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "No change to the plan has been recorded since"));
  g_assert_null (strstr (text, "Pilot added"));
  g_assert_nonnull (strstr (text, "Changes from 1 October 2024 to 15 March 2025"));
  g_clear_pointer (&pdf, g_free);
  g_clear_pointer (&text, g_free);

  /* For a meeting on the day of the edits, since the day they began, they are */
  {
    guint year, month, day;

    g_autoptr(GDateTime) noon = NULL;
    g_autofree char *epoch = NULL;

    g_assert_cmpint (sscanf (last_day, "%4u-%2u-%2u", &year, &month, &day), ==, 3);
    g_date_clear (&meeting, 1);
    g_date_set_dmy (&meeting, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    /* The report made on the meeting's day: it calls a meeting before the
     * day it is made a past one ("Changes from … to …"), which a run
     * across midnight made it */
    noon = g_date_time_new_utc ((int) year, (int) month, (int) day, 12, 0, 0);
    epoch = g_strdup_printf ("%" G_GINT64_FORMAT, g_date_time_to_unix (noon));
    g_setenv ("SOURCE_DATE_EPOCH", epoch, TRUE);
  }
  options.meeting_date = meeting;
  g_free (options.changes_since);
  options.changes_since = g_strdup (first_day);

  pdf = write_report (doc, &options, "options.pdf");
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, axis2));
  g_assert_null (strstr (text, axis1));
  g_assert_null (strstr (text, "Timeline"));
  g_assert_nonnull (strstr (text, "Changes since"));
  g_assert_nonnull (strstr (text, "Status: To start → In progress"));
  g_assert_nonnull (strstr (text, "Progress: — → 35%"));
  g_assert_nonnull (strstr (text, "Pilot added: Relais Petite Enfance"));
  g_assert_nonnull (strstr (text, "Step added: “Recenser les assistantes maternelles”"));
  /* 3 actions in axis 2, counted on the cover */
  g_assert_nonnull (strstr (text, "3\nactions in the plan"));

  /* Nothing changed since the day after */
  {
    GDate tomorrow = meeting;
    g_autofree char *since = NULL;

    g_date_add_days (&tomorrow, 1);
    since = g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (&tomorrow), g_date_get_month (&tomorrow),
                             g_date_get_year (&tomorrow));
    g_autofree char *pdf2 = NULL;
    g_autofree char *text2 = NULL;

    g_free (options.changes_since);
    options.changes_since = g_steal_pointer (&since);
    pdf2 = write_report (doc, &options, "nothing.pdf");
    text2 = pdf_text (pdf2);
    g_assert_nonnull (strstr (text2, "No change to the plan has been recorded since"));
  }
  g_unsetenv ("SOURCE_DATE_EPOCH");

  /* Refused options */
  g_free (options.changes_since);
  options.changes_since = g_strdup ("mardi");
  g_assert_false (ctg_report_write_pdf (doc, &options, pdf, NULL, NULL, NULL, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_clear_pointer (&options.changes_since, g_free);
  g_array_index (options.axes, gint64, 0) = other;
  g_assert_null (ctg_report_new (doc, &options, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NO_SUCH_ITEM);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, fraction);
}

static void
cancel_midway (double   fraction,
               gpointer user_data)
{
  if (fraction > 0.3)
    g_cancellable_cancel (user_data);
}

/* Failures never leave half a PDF; cancelling stops; progress goes up */
static void
test_report_failures (void)
{
  g_autoptr(CtgDocument) doc = open_example ("valence-romans");
  g_autoptr(CtgReport) report = ctg_report_new (doc, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = ctg_test_tmp_path ("out");
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "folder.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) listing = NULL;
  gsize length;

  g_assert_nonnull (report);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);

  /* Progress, up to 1 */
  g_assert_true (ctg_report_save_pdf (report, pdf, NULL, on_progress, seen, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, >=, 10);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
  before = ctg_test_read_file (pdf, &length);
  g_assert_true (g_str_has_prefix (before, "%PDF-1.5"));

  /* A folder that is not there */
  g_assert_false (ctg_report_save_pdf (report, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "folder.pdf"));
  g_clear_error (&error);

  /* Cancelled before, and half-way */
  g_cancellable_cancel (cancellable);
  g_assert_false (ctg_report_save_pdf (report, pdf, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_cancellable_reset (cancellable);
  g_assert_false (ctg_report_save_pdf (report, pdf, cancellable, cancel_midway, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* A write that fails part-way (as on a full disk): the file size limit
   * makes write() fail with EFBIG instead of ENOSPC, the same path */
  {
    struct rlimit saved, small;
    void (*old_handler) (int) = signal (SIGXFSZ, SIG_IGN);

    g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
    small = saved;
    small.rlim_cur = 20000;
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
    g_assert_false (ctg_report_save_pdf (report, pdf, NULL, NULL, NULL, &error));
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
    signal (SIGXFSZ, old_handler);
    g_assert_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED);
    g_assert_nonnull (strstr (error->message, "report.pdf"));
    g_clear_error (&error);
  }

  /* The first report is still there, whole, and nothing else */
  after = ctg_test_read_file (pdf, NULL);
  g_assert_cmpmem (before, length, after, length);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "report.pdf");
  g_assert_null (g_dir_read_name (listing));
}

static gpointer
save_in_thread (gpointer data)
{
  CtgReport *report = data;
  g_autofree char *pdf = ctg_test_tmp_path ("thread.pdf");
  g_autoptr(GError) error = NULL;

  if (!ctg_report_save_pdf (report, pdf, NULL, NULL, NULL, &error))
    return g_strdup (error->message);
  return NULL;
}

/* Read in the document's thread, drawn in another, as the app does */
static void
test_report_thread (void)
{
  g_autoptr(CtgDocument) doc = open_example ("baronnies");
  g_auto(CtgReportOptions) options = options_for (CTG_REPORT_PARTS_DEFAULT | CTG_REPORT_PART_FICHES);
  g_autoptr(CtgReport) report = ctg_report_new (doc, &options, NULL);
  GThread *threads[2];

  g_assert_nonnull (report);
  /* The document can go: the report holds what it needs */
  g_clear_object (&doc);
  threads[0] = g_thread_new ("report-1", save_in_thread, report);
  threads[1] = g_thread_new ("report-2", save_in_thread, report);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *message = g_thread_join (threads[i]);

      g_assert_null (message);
    }
  g_assert_cmpuint (ctg_report_get_n_pages (report), >, 84);
}

/* The same report twice, byte for byte, with a fixed creation date */
static void
test_report_reproducible (void)
{
  g_autoptr(CtgDocument) doc = open_example ("m2a");
  g_auto(CtgReportOptions) options = options_for (CTG_REPORT_PARTS_DEFAULT | CTG_REPORT_PART_FICHES);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_setenv ("SOURCE_DATE_EPOCH", "1741996800", TRUE);
  a = write_report (doc, &options, "a.pdf");
  b = write_report (doc, &options, "b.pdf");
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_assert_true (ctg_test_files_equal (a, b));
}

/* The summary and the timeline measured in a thread of their own give the
 * same PDF, byte for byte, as the whole report measured in one: the same
 * pages, page numbers and contents; with the changes after the summary
 * (then measured with it), with the sheets after the timeline */
static void
test_report_measured_apart (void)
{
  g_auto(CtgReportOptions) options = options_for (CTG_REPORT_PARTS_DEFAULT | CTG_REPORT_PART_FICHES);

  g_setenv ("SOURCE_DATE_EPOCH", "1741996800", TRUE);
  for (guint i = 0; i < 2 * G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(CtgDocument) doc = open_example (examples[i / 2]);
      g_autoptr(CtgReport) one = NULL;
      g_autoptr(CtgReport) two = NULL;
      g_autofree char *one_pdf = ctg_test_tmp_path ("one-thread.pdf");
      g_autofree char *two_pdf = ctg_test_tmp_path ("two-threads.pdf");
      g_autoptr(GError) error = NULL;

      g_free (options.changes_since);
      options.changes_since = g_strdup (i % 2 ? "2000-01-01" : NULL);
      one = ctg_report_new (doc, &options, NULL);
      two = ctg_report_new (doc, &options, NULL);
      one->one_thread = TRUE;
      g_assert_true (ctg_report_save_pdf (one, one_pdf, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (ctg_report_save_pdf (two, two_pdf, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (ctg_report_get_n_pages (one), ==, ctg_report_get_n_pages (two));
      g_assert_true (ctg_test_files_equal (one_pdf, two_pdf));
    }
  g_unsetenv ("SOURCE_DATE_EPOCH");
}

/* The report asks for "Cantarell" alone when fontconfig falls back from it
 * to the same fonts as from "Cantarell, DejaVu Sans" (fewer font sets):
 * the same PDF, byte for byte, with text that neither font has */
static void
test_report_font_family (void)
{
  g_autofree char *path = ctg_test_copy_example ("valence-romans");
  g_autoptr(CtgDocument) doc = NULL;
  g_auto(CtgReportOptions) options = options_for (CTG_REPORT_PARTS_DEFAULT | CTG_REPORT_PART_FICHES);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgReport) chosen = NULL;
  g_autoptr(CtgReport) both = NULL;
  g_autofree char *chosen_pdf = ctg_test_tmp_path ("family-chosen.pdf");
  g_autofree char *both_pdf = ctg_test_tmp_path ("family-both.pdf");
  const char *family = _ctg_report_font_family ();

  g_assert_true (g_str_equal (family, "Cantarell") || g_str_equal (family, "Cantarell, DejaVu Sans"));
  if (!g_str_equal (family, "Cantarell"))
    {
      g_test_skip ("fontconfig falls back from Cantarell to other fonts here");
      return;
    }

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  /* Greek, arrows and maths (Cantarell), a rule and a card suit (DejaVu
   * Sans: its fallbacks), Han, an emoji and a symbol no font has (the fonts
   * after them, or none) */
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 1, "title",
                                   "Ω ≥ 3 → ── ♠ coopérations 中文 🎯 \U0001F8B0 fin", &error));
  g_assert_no_error (error);

  g_setenv ("SOURCE_DATE_EPOCH", "1741996800", TRUE);
  chosen = ctg_report_new (doc, &options, NULL);
  both = ctg_report_new (doc, &options, NULL);
  both->family = "Cantarell, DejaVu Sans";
  g_assert_true (ctg_report_save_pdf (chosen, chosen_pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ctg_report_save_pdf (both, both_pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_assert_true (ctg_test_files_equal (chosen_pdf, both_pdf));
}

/* ctg export --pdf */
static void
test_report_cli (void)
{
  g_autofree char *example = ctg_test_copy_example ("creusot-montceau");
  g_autofree char *pdf = ctg_test_tmp_path ("cli.pdf");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!have_poppler ())
    return;

  g_assert_cmpint (ctg_test_run_cli (&out, &err, "export", example, "--pdf", pdf, "--meeting", "15/03/2025",
                                     "--axis", "2", "--fiches", "--no-timeline", "--changes-since", "2025-01-01",
                                     "--csv", "-", NULL), ==, 0);
  /* The CSV still goes out with it */
  g_assert_true (g_str_has_prefix (out, "axe;thématique;enjeu;objectif;code;action"));
  data = ctg_test_read_file (pdf, &length);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  /* The cover, the summary, the changes, axis 2 and its 13 sheets */
  g_assert_cmpuint (pdf_pages (pdf), >=, 1 + 1 + 1 + 1 + 13);
  {
    g_autofree char *text = pdf_text (pdf);

    g_assert_nonnull (strstr (text, "Renforcer la dynamique inclusive"));
    g_assert_null (strstr (text, "Favoriser un meilleur maillage territorial"));
    g_assert_null (strstr (text, "Timeline"));
  }

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "export", example, "--force", "--pdf", pdf, "--meeting", "mars", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "“mars” is not a day"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "export", example, "--force", "--pdf", pdf, "--axis", "9", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "There is no axis 9"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "export", example, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--pdf OUT.pdf"));
}

/* The annual review ("Bilan annuel"): the indicators with the year's
 * assessment, the roll-up per axis, the funding per axis and per funder,
 * and each action's note for that year under its axis */
static void
test_report_bilan (void)
{
  g_autofree char *path = ctg_test_copy_example ("valence-romans");
  g_autoptr(CtgDocument) doc = NULL;
  g_auto(CtgReportOptions) options = CTG_REPORT_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) indicators = NULL;
  g_autoptr(GPtrArray) funding = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *plain_pdf = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *cli_pdf = ctg_test_tmp_path ("bilan-cli.pdf");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *at;

  if (!have_poppler ())
    return;

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  indicators = ctg_document_list_ids (doc, CTG_ITEM_EVALUATION_INDICATOR, 0);
  g_assert_true (ctg_document_set_assessment (doc, g_array_index (indicators, gint64, 0), 2025, "level", "partly met", &error));
  g_assert_true (ctg_document_set_assessment (doc, g_array_index (indicators, gint64, 0), 2025, "value", "31 fiches engagées", &error));
  g_assert_true (ctg_document_set_assessment (doc, g_array_index (indicators, gint64, 1), 2025, "comment", "Deux communes à relancer", &error));
  /* Another year's assessment stays out */
  g_assert_true (ctg_document_set_assessment (doc, g_array_index (indicators, gint64, 2), 2024, "value", "Valeur de 2024", &error));

  /* Axis 1: actions 1 (60 %) and 2 (réalisée); axis 3: action 80 */
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 1, "progress", "60", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 2, "status", "réalisée", &error));
  g_assert_true (ctg_document_set_action_year (doc, 1, 2025, "done", "Extension de douze places", &error));
  g_assert_true (ctg_document_set_action_year (doc, 1, 2025, "difficulties", "Recrutement difficile", &error));
  g_assert_true (ctg_document_set_action_year (doc, 1, 2025, "next_steps", "Étude des besoins au nord", &error));
  g_assert_true (ctg_document_set_action_year (doc, 1, 2025, "progress", "60", &error));
  /* Where action 2 stood at the end of 2025: en cours at 30 %, although it
   * is réalisée today */
  g_assert_true (ctg_document_set_action_year (doc, 2, 2025, "status", "en cours", &error));
  g_assert_true (ctg_document_set_action_year (doc, 2, 2025, "progress", "30", &error));
  g_assert_true (ctg_document_set_action_year (doc, 80, 2025, "done", "Guide des loisirs distribué", &error));
  g_assert_true (ctg_document_set_action_year (doc, 80, 2024, "done", "Note de 2024", &error));

  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 1, "budget", "120000", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 1, "budget_year", "2025", &error));
  funding = ctg_funding_list_parse ("Caf: 80000 / Commune (Valence): 30000 / État", &error);
  g_assert_true (ctg_document_set_funding (doc, 1, funding, &error));
  g_clear_pointer (&funding, g_ptr_array_unref);
  /* A budget for 2024 is not in the 2025 review */
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 2, "budget", "999", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 2, "budget_year", "2024", &error));
  funding = ctg_funding_list_parse ("Caf: 999", &error);
  g_assert_true (ctg_document_set_funding (doc, 2, funding, &error));
  g_assert_no_error (error);

  options = options_for (CTG_REPORT_PART_NONE);
  plain_pdf = write_report (doc, &options, "no-bilan.pdf");
  plain = pdf_text (plain_pdf);
  g_assert_null (strstr (plain, "Annual review"));

  options.bilan_year = 2025;
  pdf = write_report (doc, &options, "bilan.pdf");
  raw = pdf_text (pdf);
  text = squeeze (raw);

  /* The contents list it, before its page's heading (it was missing) */
  at = find_after (text, text, "Contents");
  g_assert_nonnull (at);
  at = find_after (text, at, "Annual review 2025");
  g_assert_nonnull (at);
  at = find_after (text, at, "Annual review 2025");
  g_assert_nonnull (at);
  at = find_after (text, at, "Evaluation indicators");
  g_assert_nonnull (at);
  /* The examples are built in French: their indicators have French names */
  at = find_after (text, at, "Réalisation ou non des fiches actions");
  g_assert_nonnull (at);
  at = find_after (text, at, "Partly met");
  g_assert_nonnull (at);
  at = find_after (text, at, "31 fiches engagées");
  g_assert_nonnull (at);
  at = find_after (text, at, "Deux communes à relancer");
  g_assert_nonnull (at);
  g_assert_null (strstr (text, "Valeurde2024"));
  g_assert_nonnull (strstr (text, "Notassessed"));

  /* Roll-up at the end of 2025, not today (today axis 1 is (60 + 100 +
   * 0 × 38) / 40 = 4 %): action 1 at 60 % (a progress recorded alone),
   * action 2 en cours at 30 %: 45 % over 2; the 217 others have nothing
   * recorded for 2025 and are left out, and the page says so */
  at = find_after (text, at, "Progress per axis");
  g_assert_nonnull (at);
  /* The rule told as the figures apply it */
  at = find_after (text, at, "Where the actions stood at the end of 2025, as recorded in their follow-up for "
                   "that year: the average progress, done ones counting as 100 % and those to start with "
                   "no progress as 0 %; abandoned actions, those under way with no progress entered and "
                   "those with no status recorded for the year are left out.");
  g_assert_nonnull (at);
  at = find_after (text, at, "1. Petite enfance 45% 2 38");
  g_assert_nonnull (at);
  at = find_after (text, at, "Whole convention 45% 2 217");
  g_assert_nonnull (at);
  at = find_after (text, at, "217 of 219 actions have no status recorded for the end of 2025 and are left out");
  g_assert_nonnull (at);
  g_assert_null (strstr (text, squeeze_static ("Petite enfance 4% 40 0")));

  /* Funding: axis 1 and the total, the 2024 budget left out */
  at = find_after (text, at, "Funding");
  g_assert_nonnull (at);
  at = find_after (text, at, "1. Petite enfance 120\u202F000\u00A0€ 80\u202F000\u00A0€ 30\u202F000\u00A0€");
  g_assert_nonnull (at);
  at = find_after (text, at, "Total 120\u202F000\u00A0€ 80\u202F000\u00A0€ 30\u202F000\u00A0€");
  g_assert_nonnull (at);
  g_assert_null (strstr (text, "999"));

  /* The notes, under their axes, and how many actions have none */
  at = find_after (text, at, "Follow-up of the actions in 2025");
  g_assert_nonnull (at);
  at = find_after (text, at, "1. Petite enfance");
  g_assert_nonnull (at);
  at = find_after (text, at, "Extension de douze places");
  g_assert_nonnull (at);
  at = find_after (text, at, "Recrutement difficile");
  g_assert_nonnull (at);
  at = find_after (text, at, "Étude des besoins au nord");
  g_assert_nonnull (at);
  at = find_after (text, at, "3. Jeunesse");
  g_assert_nonnull (at);
  at = find_after (text, at, "Guide des loisirs distribué");
  g_assert_nonnull (at);
  /* Action 2's status and progress alone are no note: counted above, not
   * listed (Record Statuses gives every action such a row) */
  at = find_after (text, at, "217 actions have no follow-up note for 2025.");
  g_assert_nonnull (at);
  g_assert_null (strstr (text, "Notede2024"));
  g_assert_cmpuint (pdf_pages (pdf), ==, pdf_pages (plain_pdf) + 2);

  /* From the command line */
  g_clear_object (&doc);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "export", path, "--pdf", cli_pdf, "--bilan", "2025", NULL), ==, 0);
  {
    g_autofree char *cli_text = pdf_text (cli_pdf);
    g_assert_nonnull (strstr (cli_text, "Annual review 2025"));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctg_test_run_cli (&out, &err, "export", path, "--force", "--pdf", cli_pdf, "--bilan", "25", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "is not a year"));
}

/* The cover's headline: the actions à lancer count 0 % (baronnies was
 * "100 %" over the 3 done of 84), and a figure that stands on less than half
 * of the actions says so next to it, in the figure's own size */
static void
test_report_rollup_cover (void)
{
  g_autoptr(CtgDocument) doc = open_example ("baronnies");
  g_autofree char *path = ctg_test_copy_example ("creusot-montceau");
  g_auto(CtgReportOptions) options = options_for (CTG_REPORT_PART_NONE);
  g_autofree char *pdf = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (!have_poppler ())
    return;

  pdf = write_report (doc, &options, "rollup-baronnies.pdf");
  raw = pdf_text (pdf);
  text = squeeze (raw);
  g_assert_null (strstr (text, "100%overallprogress"));
  g_assert_nonnull (strstr (text, "4%overallprogress,over74actions"));
  g_assert_null (strstr (text, "of84actions"));
  g_clear_object (&doc);
  g_clear_pointer (&pdf, g_free);
  g_clear_pointer (&raw, g_free);
  g_clear_pointer (&text, g_free);

  /* All under way, one with a figure: 40 % over 1 of them */
  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  actions = ctg_document_list_actions (doc, 0);
  n = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);

      g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, ctg_action_get_id (action), "status", "en cours", &error));
    }
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 1, "progress", "40", &error));
  g_assert_no_error (error);
  pdf = write_report (doc, &options, "rollup-partial.pdf");
  raw = pdf_text (pdf);
  text = squeeze (raw);
  {
    g_autofree char *expected = g_strdup_printf ("40%%over1of%uactionsoverallprogress", n);

    g_assert_nonnull (strstr (text, expected));
  }
  /* In the figure's type size: "of" as tall as "40" */
  {
    g_autoptr(GArray) pages = pdf_boxes (pdf);
    Page *cover = &g_array_index (pages, Page, 0);
    double figure = 0, note = 0;

    for (guint i = 0; i < cover->words->len; i++)
      {
        Word *w = &g_array_index (cover->words, Word, i);

        if (figure == 0 && g_str_has_prefix (w->text, "40"))
          figure = w->y1 - w->y0;
        else if (figure > 0 && note == 0 && g_str_equal (w->text, "of"))
          note = w->y1 - w->y0;
      }
    g_assert_cmpfloat (figure, >, 0);
    g_assert_cmpfloat_with_epsilon (note, figure, 0.5);
  }
  assert_layout_clean (pdf);
}

/* --bilan YEAR with no follow-up note: a line after the funding, not a
 * landscape page for one sentence. The statuses recorded for the year are
 * no notes: they do not make a table of every action */
static void
test_report_bilan_no_notes (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autoptr(CtgDocument) doc = NULL;
  g_auto(CtgReportOptions) options = options_for (CTG_REPORT_PART_SUMMARY);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *raw = NULL;
  g_autoptr(GArray) pages = NULL;

  if (!have_poppler ())
    return;

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (ctg_document_record_year_end (doc, 2025, &error));
  g_assert_no_error (error);
  options.bilan_year = 2025;
  pdf = write_report (doc, &options, "bilan-no-notes.pdf");
  raw = pdf_text (pdf);
  g_assert_nonnull (strstr (raw, "No action has a follow-up note for 2025."));
  pages = pdf_boxes (pdf);
  for (guint i = 0; i < pages->len; i++)
    {
      Page *page = &g_array_index (pages, Page, i);

      g_assert_cmpfloat (page->width, <, page->height);
    }
  assert_layout_clean (pdf);
}

/* An action sheet (--fiches) holds all the action says: référents, budget,
 * funders, continuous */
static void
test_report_fiche_fields (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autoptr(CtgDocument) doc = NULL;
  g_auto(CtgReportOptions) options = options_for (CTG_REPORT_PART_FICHES);
  g_autoptr(GPtrArray) referents = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);
  g_autoptr(GPtrArray) funding = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;

  if (!have_poppler ())
    return;

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_ptr_array_add (referents, ctg_participant_new ("Julie MARTIN", CTG_PARTICIPANT_PERSON, "CSC Lavoisier"));
  g_assert_true (ctg_document_set_participants (doc, 1, CTG_RELATION_REFERENT, referents, &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 1, "budget", "12000", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 1, "budget_year", "2025", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 1, "continuous", "1", &error));
  funding = ctg_funding_list_parse ("Caf: 8000 / Commune (Mulhouse): 4000", &error);
  g_assert_true (ctg_document_set_funding (doc, 1, funding, &error));
  g_assert_no_error (error);

  pdf = write_report (doc, &options, "fiche-fields.pdf");
  raw = pdf_text (pdf);
  text = squeeze (raw);
  g_assert_nonnull (strstr (text, squeeze_static ("Référents Julie MARTIN")));
  g_assert_nonnull (strstr (text, squeeze_static ("Budget 12 000 € (2025)")));
  g_assert_nonnull (strstr (text, squeeze_static ("Funders Caf: 8 000 €, Commune (Mulhouse): 4 000 €")));
  g_assert_nonnull (strstr (text, squeeze_static ("Continuous Yes: continuous improvement")));
  assert_layout_clean (pdf);
}

/* Valence Romans opens each axis with "CHIFFRES CLÉS": the figures laid
 * out as a table, figure then what it counts, not forty raw lines */
static void
test_report_key_figures (void)
{
  g_autoptr(CtgDocument) doc = open_example ("valence-romans");
  g_auto(CtgReportOptions) options = options_for (CTG_REPORT_PART_NONE);
  g_autofree char *pdf = NULL;
  g_autoptr(GArray) pages = NULL;
  double diminution = -1, enfants = -1;

  if (!have_poppler ())
    return;

  pdf = write_report (doc, &options, "key-figures.pdf");
  pages = pdf_boxes (pdf);
  for (guint p = 0; p < pages->len && enfants < 0; p++)
    {
      Page *page = &g_array_index (pages, Page, p);

      for (guint i = 0; i + 1 < page->words->len; i++)
        {
          Word *a = &g_array_index (page->words, Word, i);
          Word *b = &g_array_index (page->words, Word, i + 1);

          /* "12 % diminution du nombre de naissances depuis 2013" and
           * "14 111 enfants de moins de 6 ans": the labels line up */
          if (diminution < 0 && g_str_equal (b->text, "diminution") && g_str_has_prefix (a->text, "%"))
            diminution = b->x0;
          else if (diminution >= 0 && g_str_equal (a->text, "111") && g_str_equal (b->text, "enfants"))
            {
              enfants = b->x0;
              break;
            }
        }
    }
  g_assert_cmpfloat (diminution, >, 0);
  g_assert_cmpfloat (enfants, >, 0);
  g_assert_cmpfloat_with_epsilon (diminution, enfants, 0.5);
  assert_layout_clean (pdf);
}

/* An emoji in a title never prints as a box: drawn from the emoji font
 * when there is one (fonts-noto-color-emoji, build-aux/deps.sh), else left
 * out, as is a symbol no font has */
static void
test_report_emoji (void)
{
  g_autofree char *path = ctg_test_copy_example ("m2a");
  g_autoptr(CtgDocument) doc = NULL;
  g_auto(CtgReportOptions) options = options_for (CTG_REPORT_PART_NONE);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GArray) pages = NULL;
  double gap = -1;

  if (!have_poppler ())
    return;

  doc = ctg_document_open (path, CTG_OPEN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  /* U+1F8B0, an arrow of Unicode 13 that no font here has */
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 1, "title", "Structurer \U0001F8B0 les coopérations", &error));
  g_assert_true (ctg_document_set (doc, CTG_ITEM_ACTION, 2, "title", "🎯 Coordonner les actions", &error));
  g_assert_no_error (error);
  pdf = write_report (doc, &options, "emoji.pdf");

  /* No box between the words: one space */
  pages = pdf_boxes (pdf);
  for (guint p = 0; p < pages->len && gap < 0; p++)
    {
      Page *page = &g_array_index (pages, Page, p);

      for (guint i = 0; i + 1 < page->words->len; i++)
        {
          Word *a = &g_array_index (page->words, Word, i);
          Word *b = &g_array_index (page->words, Word, i + 1);

          if (g_str_equal (a->text, "Structurer") && g_str_equal (b->text, "les"))
            {
              gap = b->x0 - a->x1;
              break;
            }
        }
    }
  g_assert_cmpfloat (gap, >, 0);
  g_assert_cmpfloat (gap, <, 4);

  /* With an emoji font, the emoji is drawn (an image, it is in colour) */
  {
    const char *fc[] = { "fc-list", ":family=Noto Color Emoji", "family", NULL };
    const char *images[] = { "pdfimages", "-list", pdf, NULL };
    g_autofree char *fonts = run (fc);

    if (fonts[0] != '\0')
      {
        g_autofree char *list = run (images);

        g_assert_nonnull (strstr (list, " image "));
      }
  }
}

/* Issue 19: a word far longer than a line gets break opportunities, so
 * Pango lays it out in linear time (100,000 characters: 11.8 s before) */
static void
test_report_long_word (void)
{
  g_autofree char *word = g_strnfill (1200, 'x');
  g_autofree char *copy = NULL;
  g_autofree char *plain_copy = NULL;
  const char *broken = _ctg_report_break_long_words (word, &copy);
  const char *plain = _ctg_report_break_long_words ("Une phrase aux mots ordinaires", &plain_copy);
  guint breaks = 0;

  for (const char *p = broken; (p = strstr (p, "\u200b")) != NULL; p++)
    breaks++;
  g_assert_cmpuint (breaks, ==, 2);
  g_assert_cmpuint (strlen (broken), ==, 1200 + 2 * strlen ("\u200b"));
  g_assert_cmpstr (plain, ==, "Une phrase aux mots ordinaires");
  g_assert_null (plain_copy);
}

/* A fixed column never breaks a word of its header: fitting the table
 * widens it, and the flexible column has what is left */
static void
test_report_table_header_words (void)
{
  g_autoptr(CtgDocument) doc = open_example ("m2a");
  CtgReportOptions options = options_for (CTG_REPORT_PARTS_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgReport) report = ctg_report_new (doc, &options, &error);
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  const char *header = "Intercommunalités concernées";
  Writer w;
  Table t;
  double word;

  g_assert_no_error (error);
  writer_init (&w, report, surface);
  writer_start_page (&w, FALSE, FALSE);
  word = table_header_min_width (&w, header);
  g_assert_cmpfloat (word, >, 20);

  table_init (&t, w.left, NULL);
  table_add_column (&t, &(TableColumn) { 0 });
  table_add_column (&t, &(TableColumn) { .header = header, .width = 20 });
  table_fit_column (&w, &t, 0);
  g_assert_cmpfloat (t.columns[1].width, >=, word);
  g_assert_cmpfloat (t.columns[0].width, ==, report_floor (writer_width (&w) - t.columns[1].width));
  g_assert_cmpfloat (t.width, ==, t.columns[0].width + t.columns[1].width);

  table_end (&w, &t);
  writer_clear (&w);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  ctg_test_init (&argc, &argv);

  g_test_add_func ("/report/examples/in-order", test_report_examples_in_order);
  g_test_add_func ("/report/pages-and-metadata", test_report_pages_and_metadata);
  g_test_add_func ("/report/outline-and-links", test_report_outline_and_links);
  g_test_add_func ("/report/long-word", test_report_long_word);
  g_test_add_func ("/report/long-cells", test_report_long_cells);
  g_test_add_func ("/report/many-actions", test_report_many_actions);
  g_test_add_func ("/report/french", test_report_french);
  g_test_add_func ("/report/rollup-cover", test_report_rollup_cover);
  g_test_add_func ("/report/options", test_report_options);
  g_test_add_func ("/report/failures", test_report_failures);
  g_test_add_func ("/report/reproducible", test_report_reproducible);
  g_test_add_func ("/report/thread", test_report_thread);
  g_test_add_func ("/report/measured-apart", test_report_measured_apart);
  g_test_add_func ("/report/font-family", test_report_font_family);
  g_test_add_func ("/report/cli", test_report_cli);
  g_test_add_func ("/report/bilan", test_report_bilan);
  g_test_add_func ("/report/emoji", test_report_emoji);
  g_test_add_func ("/report/key-figures", test_report_key_figures);
  g_test_add_func ("/report/fiche-fields", test_report_fiche_fields);
  g_test_add_func ("/report/bilan-no-notes", test_report_bilan_no_notes);
  g_test_add_func ("/report/table/header-words", test_report_table_header_words);

  return g_test_run ();
}
