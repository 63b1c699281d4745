/* ctg-report-text.c: texts of the COPIL report made readable: an axis's
 * description as the seeds write it, symbols no font has
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-report"

#include "config.h"

#include "ctg-report-private.h"

/* @text without its pictographs (So), their joiners, variation selectors
 * and skin tones, and the space one leaves behind */
static char *
drop_symbols (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_OTHER_SYMBOL || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) ||
          (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F))
        {
          /* "🎯 Title" is "Title", "Title 👶" is "Title" */
          if (out->len > 0 && out->str[out->len - 1] == ' ' && g_unichar_isspace (g_utf8_get_char (g_utf8_next_char (p))))
            g_string_truncate (out, out->len - 1);
          else if (out->len == 0 && g_unichar_isspace (g_utf8_get_char (g_utf8_next_char (p))))
            p = g_utf8_next_char (p);
          continue;
        }
      g_string_append_unichar (out, c);
    }
  return g_strchomp (g_string_free (out, FALSE));
}

/**
 * _ctg_report_drop_unknown_symbols:
 *
 * A symbol no installed font has (an emoji without an emoji font) would
 * print as a box with its code in it: it goes from @layout, the words stay.
 */
void
_ctg_report_drop_unknown_symbols (PangoLayout *layout)
{
  g_autofree char *plain = NULL;

  if (pango_layout_get_unknown_glyphs_count (layout) == 0)
    return;
  plain = drop_symbols (pango_layout_get_text (layout));
  pango_layout_set_text (layout, plain, -1);
}

/* A key figure's line: "14 111 enfants de moins de 6 ans" is "14 111" and
 * the rest */
static gboolean
split_key_figure (const char  *line,
                  char       **figure,
                  char       **label)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^([+-]?\\s?[0-9][0-9\\s\u00a0\u202f.,]*(?:\\s?(?:%|€|euros))?)\\s+(\\S.*)$",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match (regex, line, 0, &match))
    return FALSE;
  *figure = g_strstrip (g_match_info_fetch (match, 1));
  *label = g_match_info_fetch (match, 2);
  return TRUE;
}

/* The "CHIFFRES CLÉS" heading, and the headings in capitals */
static const TextStyle figures_heading = { FONT_SMALL_BOLD, &report_accent, .above = 4, .below = 4, .keep = 40 };
static const TextStyle subheading = { FONT_SMALL_BOLD, &report_text, .above = 4, .below = 3, .keep = 30 };

/* An axis's description as the seeds write it (Valence Romans): a
 * "CHIFFRES CLÉS" block of figures, headings in capitals, paragraphs and
 * "- " lists. The figures become a table, figure then what it counts, the
 * headings headings; the rest stays text. */
void
_ctg_report_write_description (Writer     *w,
                               const char *description)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean figures = FALSE;
  gboolean in_table = FALSE;
  Table t;
  TableRow row = { 0 };

  if (description == NULL || description[0] == '\0')
    return;

  lines = g_strsplit (description, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autofree char *folded = ctg_text_fold (line);
      g_autofree char *figure = NULL;
      g_autofree char *label = NULL;

      if (g_str_equal (g_strstrip (folded), "chiffres cles"))
        {
          if (text->len > 0)
            writer_paragraph (w, text->str, &report_lead);
          g_string_truncate (text, 0);
          writer_heading (w, line, &figures_heading, NULL);
          figures = TRUE;
          continue;
        }

      if (figures && split_key_figure (line, &figure, &label))
        {
          if (!in_table)
            {
              table_init (&t, w->left, line);
              table_add_column (&t, &(TableColumn) { .width = 90, .font = FONT_TABLE_BOLD,
                                                     .align = PANGO_ALIGN_RIGHT });
              table_add_column (&t, &(TableColumn) { 0 });
              table_fit_column (w, &t, 1);
              in_table = TRUE;
            }
          row_set_text (w, &t, &row, 0, figure, &report_accent);
          row_set_text (w, &t, &row, 1, label, NULL);
          table_add_row (w, &t, &row);
          continue;
        }
      figures = FALSE;
      if (in_table)
        {
          table_end (w, &t);
          w->y += 6;
          in_table = FALSE;
        }

      /* A heading in capitals, "UNE DIVERSITÉ DE JEUNESSES À PRENDRE EN COMPTE" */
      if (ctg_text_is_capitals (line, 4))
        {
          if (text->len > 0)
            writer_paragraph (w, text->str, &report_lead);
          g_string_truncate (text, 0);
          writer_heading (w, line, &subheading, NULL);
          continue;
        }

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* A list as the seeds write it, "- item", with bullets */
      if (g_str_has_prefix (line, "- "))
        g_string_append_printf (text, "•\u00a0%s", line + 2);
      else
        g_string_append (text, line);
    }
  if (in_table)
    table_end (w, &t);
  if (text->len > 0)
    writer_paragraph (w, text->str, &report_note);
  w->y += 12;
}

