/* ctg-report-layout.c: the report's text laid out, shared and kept
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Layouts for the report's writer: made, shared between equal short texts,
 * kept from the measuring pass for the drawing pass, and measured. */

#define G_LOG_DOMAIN "ctg-report"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <string.h>

#include "ctg-report-private.h"

/* The fonts: Cantarell is GNOME's own and on every GNOME desktop; DejaVu
 * Sans fills in the glyphs it lacks */
#define FAMILY "Cantarell, DejaVu Sans"

/* Whether fontconfig orders the same fonts, in the same order, for @weight
 * asked for as "Cantarell" alone as for FAMILY */
static gboolean
same_fallbacks (int weight)
{
  const char *lang = pango_language_to_string (pango_language_get_default ());
  FcFontSet *sorted[2] = { NULL, NULL };
  gboolean same;

  for (guint i = 0; i < 2; i++)
    {
      FcPattern *pattern = FcPatternCreate ();
      FcResult result;

      FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) "Cantarell");
      if (i == 0)
        FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) "DejaVu Sans");
      FcPatternAddInteger (pattern, FC_WEIGHT, weight);
      FcPatternAddInteger (pattern, FC_SLANT, FC_SLANT_ROMAN);
      FcPatternAddString (pattern, FC_LANG, (const FcChar8 *) lang);
      FcConfigSubstitute (NULL, pattern, FcMatchPattern);
      FcDefaultSubstitute (pattern);
      sorted[i] = FcFontSort (NULL, pattern, FcFalse, NULL, &result);
      FcPatternDestroy (pattern);
    }

  same = sorted[0] != NULL && sorted[1] != NULL && sorted[0]->nfont == sorted[1]->nfont;
  for (int j = 0; same && j < sorted[0]->nfont; j++)
    {
      FcChar8 *files[2] = { NULL, NULL };
      int indexes[2] = { -1, -1 };

      for (guint i = 0; i < 2; i++)
        {
          FcPatternGetString (sorted[i]->fonts[j], FC_FILE, 0, &files[i]);
          FcPatternGetInteger (sorted[i]->fonts[j], FC_INDEX, 0, &indexes[i]);
        }
      same = files[0] != NULL && files[1] != NULL &&
             strcmp ((const char *) files[0], (const char *) files[1]) == 0 && indexes[0] == indexes[1];
    }
  for (guint i = 0; i < 2; i++)
    g_clear_pointer (&sorted[i], FcFontSetDestroy);
  return same;
}

/**
 * _ctg_report_font_family:
 *
 * The report's font family, for its font descriptions: "Cantarell" alone
 * when fontconfig falls back from it to the same fonts in the same order
 * as from FAMILY (it does when DejaVu Sans comes first for sans-serif, as
 * on Debian), FAMILY otherwise. The same fonts then, but Pango computes each
 * font's metrics (it lays out a sample sentence) with the font's own family
 * and size: with the family alone that is the very font set the text uses,
 * rather than one more fontconfig substitution, sort and match per size
 * and weight (half of them: 36 M instructions, 8% of the 34-action
 * report).
 *
 * Returns: the family, for the life of the process
 */
const char *
_ctg_report_font_family (void)
{
  static gsize family = 0;

  if (g_once_init_enter (&family))
    {
      /* Here rather than in Pango's thread for it, which the first
       * layout would wait for anyway */
      FcInit ();
      g_once_init_leave (&family, (gsize) (same_fallbacks (FC_WEIGHT_REGULAR) && same_fallbacks (FC_WEIGHT_BOLD)
                                           ? "Cantarell" : FAMILY));
    }
  return (const char *) family;
}

static const char *
valid_text (const char  *text,
            char       **copy)
{
  *copy = NULL;
  if (text == NULL)
    return "";
  if (!g_utf8_validate (text, -1, NULL))
    text = *copy = g_utf8_make_valid (text, -1);
  return _ctg_report_break_long_words (text, copy);
}

/* @text, valid and escaped for Pango markup */
char *
writer_escape (const char *text)
{
  g_autofree char *copy = NULL;

  return g_markup_escape_text (valid_text (text, &copy), -1);
}

static PangoLayout *
new_layout (Writer         *w,
            FontId          font,
            double          width,
            PangoAlignment  align,
            const char     *text)
{
  PangoLayout *layout = pango_layout_new (w->context);
  g_autofree char *copy = NULL;

  pango_layout_set_font_description (layout, w->fonts[font]);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      /* Words longer than the column break anywhere: nothing overflows */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, valid_text (text, &copy), -1);
  _ctg_report_drop_unknown_symbols (layout);
  return layout;
}

/**
 * writer_layout:
 * @width: the width to wrap @text in, 0 for none
 *
 * Returns: (transfer full): @text laid out from the left, the caller's to
 *   change
 */
PangoLayout *
writer_layout (Writer     *w,
               FontId      font,
               double      width,
               const char *text)
{
  return new_layout (w, font, width, PANGO_ALIGN_LEFT, text);
}

/* The shared layouts kept, at most twice this (a few MB) */
#define SHARED_LAYOUTS 20000

/* Equal short texts (dates, statuses, pilots) are laid out once. The
 * layouts of the texts met recently are kept: when the table is full it
 * becomes the older one, and what the older one has is taken back when
 * asked for again. Emptying a full table instead made a 10,000-action
 * report lay the same statuses and dates out again after every 20,000
 * texts, and its drawing pass most of the measuring pass's. */
static PangoLayout *
shared (Writer         *w,
        FontId          font,
        double          width,
        PangoAlignment  align,
        const char     *text)
{
  g_autofree char *key = g_strdup_printf ("%d\x1f%d\x1f%d\x1f%s", font, report_round (width * 64), align, text);
  PangoLayout *layout = g_hash_table_lookup (w->shared, key);
  gpointer old_key;

  if (layout != NULL)
    return g_object_ref (layout);

  if (w->shared_old != NULL && g_hash_table_steal_extended (w->shared_old, key, &old_key, (gpointer *) &layout))
    g_free (old_key);
  else
    layout = new_layout (w, font, width, align, text);

  if (g_hash_table_size (w->shared) >= SHARED_LAYOUTS)
    {
      g_clear_pointer (&w->shared_old, g_hash_table_unref);
      w->shared_old = g_steal_pointer (&w->shared);
      w->shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
    }
  /* The table holds its own reference, the caller gets one */
  g_hash_table_insert (w->shared, g_steal_pointer (&key), g_object_ref (layout));
  return layout;
}

/* The text of the layouts kept from the measuring pass for the drawing
 * pass, at most: a laid-out text takes some 50 times its length in memory
 * (glyphs, clusters, break attributes), so this keeps about 75 MB, all of
 * a report of 3,000 actions. Past it the drawing pass lays the rest out
 * again. */
#define KEPT_TEXT_BUDGET (1536 * 1024)

static PangoLayout *
new_markup_layout (Writer         *w,
                   FontId          font,
                   double          width,
                   PangoAlignment  align,
                   const char     *markup)
{
  PangoLayout *layout = new_layout (w, font, width, align, "");

  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

/* Counts @length more bytes of text kept, if that stays within the
 * budget, which two writers measuring in two threads share */
static gboolean
count_kept (Writer *w,
            gsize   length)
{
  gsize *total = w->kept_total != NULL ? w->kept_total : &w->kept_bytes;
  gsize kept;

  do
    {
      kept = (gsize) g_atomic_pointer_get ((gpointer *) total);
      if (kept + length > KEPT_TEXT_BUDGET)
        return FALSE;
    }
  while (!g_atomic_pointer_compare_and_exchange ((gpointer *) total, (gpointer) kept, (gpointer) (kept + length)));
  return TRUE;
}

/* Both passes ask for the same layouts in the same order: the drawing pass
 * takes the one the measuring pass made, already shaped and broken into
 * lines, instead of shaping the text a second time. Each is taken once (a
 * text asked for twice in a pass is made again the second time), so a
 * caller never shares it. */
static PangoLayout *
kept (Writer         *w,
      FontId          font,
      double          width,
      PangoAlignment  align,
      const char     *text,
      gboolean        markup)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;
  gsize length = strlen (text);

  if (length == 0 || w->kept == NULL)
    return markup ? new_markup_layout (w, font, width, align, text) : new_layout (w, font, width, align, text);

  key = g_strdup_printf ("%c%d\x1f%d\x1f%d\x1f%s", markup ? 'm' : 't', font, report_round (width * 64),
                         align, text);
  if (w->drawing)
    {
      gpointer stolen_key, value;

      if (g_hash_table_steal_extended (w->kept, key, &stolen_key, &value))
        {
          g_free (stolen_key);
          return value;
        }
    }

  layout = markup ? new_markup_layout (w, font, width, align, text) : new_layout (w, font, width, align, text);
  if (!w->drawing && !g_hash_table_contains (w->kept, key) && count_kept (w, length))
    g_hash_table_insert (w->kept, g_steal_pointer (&key), g_object_ref (layout));
  return layout;
}

/**
 * writer_cached_layout:
 *
 * Like writer_layout(), for a layout that is not changed after: laid out
 * once for equal texts as @cache says.
 */
PangoLayout *
writer_cached_layout (Writer         *w,
                      LayoutCache     cache,
                      FontId          font,
                      double          width,
                      PangoAlignment  align,
                      const char     *text)
{
  if (cache == LAYOUT_SHARED)
    return shared (w, font, width, align, text);
  return kept (w, font, width, align, text != NULL ? text : "", cache == LAYOUT_KEPT_MARKUP);
}

/* A small label above a title, in capitals and spaced out */
PangoLayout *
writer_kicker_layout (Writer     *w,
                      double      width,
                      const char *text)
{
  g_autofree char *upper = g_utf8_strup (text, -1);
  PangoLayout *layout = writer_layout (w, FONT_KICKER, width, upper);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int) (0.6 * PANGO_SCALE)));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

/**
 * writer_date_text:
 *
 * Returns: (transfer none): @date as ctg_date_format() writes it, kept:
 *   formatting a date looks the time zone up each time
 */
const char *
writer_date_text (Writer        *w,
                  const CtgDate *date)
{
  gpointer key = GUINT_TO_POINTER (((guint) date->year << 16) | ((guint) date->month << 8) | date->day);
  char *text = g_hash_table_lookup (w->dates, key);

  if (text == NULL)
    {
      text = ctg_date_format (date);
      g_hash_table_insert (w->dates, key, text);
    }
  return text;
}

double
layout_height (PangoLayout *layout)
{
  int width, height;

  if (layout == NULL)
    return 0;
  pango_layout_get_size (layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  if (layout == NULL)
    return 0;
  pango_layout_get_extents (layout, NULL, &logical);
  return (double) (logical.x + logical.width) / PANGO_SCALE;
}

double
writer_text_width (Writer     *w,
                   FontId      font,
                   const char *text)
{
  g_autoptr(PangoLayout) layout = writer_cached_layout (w, LAYOUT_SHARED, font, 0, PANGO_ALIGN_LEFT, text);

  return layout_width (layout);
}

/* The widest word of @text: a column narrower than that breaks a word */
double
writer_word_width (Writer     *w,
                   FontId      font,
                   const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      widest = MAX (widest, writer_text_width (w, font, words[i]));
  return widest;
}
