/* ctg-timeline-draw.c: the timeline's bars, labels and grid
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the rows in view are drawn, their labels shaped once and kept
 * between frames.
 */

#define G_LOG_DOMAIN "ctg-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-timeline-private.h"

/* Drawing */

static void
lookup_colors (CtgTimeline *self)
{
  static const struct { const char *name; const char *fallback; } names[N_COLORS] = {
    [COLOR_FG] = { "view_fg_color", "#000000cc" },
    [COLOR_BG] = { "view_bg_color", "#ffffff" },
    [COLOR_ACCENT] = { "accent_bg_color", "#3584e4" },
    [COLOR_SUCCESS] = { "success_bg_color", "#26a269" },
    [COLOR_WARNING] = { "warning_bg_color", "#e5a50a" },
    [COLOR_ERROR] = { "error_color", "#c01c28" },
    [COLOR_HEADER_BG] = { "headerbar_bg_color", "#ebebeb" },
  };
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  for (guint i = 0; i < N_COLORS; i++)
    if (!gtk_style_context_lookup_color (context, names[i].name, &self->colors[i]))
      gdk_rgba_parse (&self->colors[i], names[i].fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  GdkRGBA out = *color;

  out.alpha *= alpha;
  return out;
}

static GdkRGBA
status_color (CtgTimeline *self,
              CtgStatus    status)
{
  switch (status)
    {
    case CTG_STATUS_IN_PROGRESS:
      return self->colors[COLOR_ACCENT];
    case CTG_STATUS_DONE:
      return self->colors[COLOR_SUCCESS];
    case CTG_STATUS_POSTPONED:
      return self->colors[COLOR_WARNING];
    case CTG_STATUS_ABANDONED:
      return with_alpha (&self->colors[COLOR_FG], 0.18);
    case CTG_STATUS_TODO:
    default:
      return with_alpha (&self->colors[COLOR_FG], 0.38);
    }
}

/* On whole pixels: a rectangle with fractional edges (dates make x
 * fractional) is antialiased, which costs the cairo renderer more than a
 * plain fill, and the grid lines come out sharp instead of blurred over two
 * pixels */
static void
fill (GtkSnapshot   *snapshot,
      const GdkRGBA *color,
      double         x,
      double         y,
      double         w,
      double         h)
{
  double x0 = _ctg_timeline_snap (x), y0 = _ctg_timeline_snap (y);
  double x1 = MAX (_ctg_timeline_snap (x + w), x0 + (w > 0 ? 1 : 0));
  double y1 = MAX (_ctg_timeline_snap (y + h), y0 + (h > 0 ? 1 : 0));

  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
}

/* Shaping every label again on each frame was most of the timeline's own
 * time when scrolling (HarfBuzz, under pango_layout_get_pixel_size): the
 * layouts of recent frames are kept, keyed by what they show. Two
 * generations, so that a full cache is not emptied at once; the layouts
 * follow font changes themselves (PangoContext serial). */
static PangoLayout *
text_layout (CtgTimeline *self,
             const char  *text,
             double       width,
             gboolean     bold,
             gboolean     small)
{
  int pango_width = width > 0 ? (int) (width * PANGO_SCALE) : -1;
  g_autofree char *key = g_strdup_printf ("%d%d%d:%s", bold, small, pango_width, text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);
  g_autoptr(PangoAttrList) attrs = NULL;

  if (layout != NULL)
    return layout;

  if (g_hash_table_size (self->layouts) >= LAYOUT_CACHE)
    {
      g_hash_table_unref (self->old_layouts);
      self->old_layouts = g_steal_pointer (&self->layouts);
      self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
    }

  if (g_hash_table_steal_extended (self->old_layouts, key, NULL, (gpointer *) &layout))
    {
      g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
      return layout;
    }

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  attrs = pango_attr_list_new ();
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (small)
    pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_width (layout, pango_width);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
  return layout;
}

static void
draw_text (CtgTimeline   *self,
           GtkSnapshot   *snapshot,
           const char    *text,
           double         x,
           double         y,
           double         width,
           gboolean       bold,
           gboolean       small,
           const GdkRGBA *color)
{
  PangoLayout *layout = text_layout (self, text, width, bold, small);
  int text_height;

  pango_layout_get_pixel_size (layout, NULL, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) (y - text_height / 2.0)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* An end given only as a year (or a month) fades out over part of that
 * period: the bar says "some time in 2024", not "1 January 2024". */
static double
fade_width (CtgTimeline   *self,
            const CtgDate *date,
            double         bar_width)
{
  switch (ctg_date_precision (date))
    {
    case CTG_DATE_PRECISION_YEAR:
      return MIN (365 * _ctg_timeline_pixels_per_day (self) * 0.3, bar_width / 3);
    case CTG_DATE_PRECISION_MONTH:
      return MIN (30 * _ctg_timeline_pixels_per_day (self) * 0.5, bar_width / 4);
    case CTG_DATE_PRECISION_DAY:
    case CTG_DATE_PRECISION_NONE:
    default:
      return 0;
    }
}

static void
draw_bar (CtgTimeline *self,
          GtkSnapshot *snapshot,
          int          index,
          const CtgTimelineRow   *row,
          double       today_x)
{
  graphene_rect_t rect;
  const CtgDate *start, *end;
  CtgStatus status = ctg_action_get_status (row->action);
  GdkRGBA color = status_color (self, status);
  GdkRGBA clear = with_alpha (&color, 0);
  double x, w, y, h, fade_start, fade_end, body_x0, body_x1;
  gboolean no_start = !ctg_date_is_set (ctg_action_get_start (row->action));
  gboolean no_end = !ctg_date_is_set (ctg_action_get_echeance (row->action));

  if (!_ctg_timeline_bar_rect (self, index, &rect))
    return;
  _ctg_timeline_row_dates (self, index, row, &start, &end);
  x = rect.origin.x, y = rect.origin.y, w = rect.size.width, h = rect.size.height;

  /* Overdue: a red line from the échéance to today */
  if (row->overdue && today_x > x + w)
    {
      GdkRGBA red = with_alpha (&self->colors[COLOR_ERROR], 0.35);
      fill (snapshot, &red, x + w, y + h / 2 - 0.5, today_x - x - w, 1);
    }

  fade_start = no_start ? MIN (w / 2, 24) : fade_width (self, start, w);
  fade_end = no_end ? MIN (w / 2, 24) : fade_width (self, end, w);

  /* The body between the fades, on whole pixels like the bar */
  body_x0 = _ctg_timeline_snap (x + fade_start);
  body_x1 = MAX (_ctg_timeline_snap (x + w - fade_end), body_x0);
  if (body_x0 > x)
    gtk_snapshot_append_linear_gradient (snapshot, &GRAPHENE_RECT_INIT (x, y, body_x0 - x, h),
                                         &GRAPHENE_POINT_INIT (x, y), &GRAPHENE_POINT_INIT (body_x0, y),
                                         (GskColorStop[]) { { 0, clear }, { 1, color } }, 2);
  if (body_x1 > body_x0)
    {
      /* Rounded where it does not fade. A border as thick as the body is
       * a filled rounded rectangle drawn as one path; a rounded clip around
       * a fill cost the cairo renderer a mask per node, 40% of its frame */
      float r = (float) MIN (4, MIN (body_x1 - body_x0, h) / 2);
      graphene_size_t round = { r, r }, square = { 0, 0 };
      float half_w = (float) (body_x1 - body_x0) / 2, half_h = (float) h / 2;
      GskRoundedRect body;

      gsk_rounded_rect_init (&body, &GRAPHENE_RECT_INIT (body_x0, y, body_x1 - body_x0, h),
                             body_x0 > x ? &square : &round, body_x1 < x + w ? &square : &round,
                             body_x1 < x + w ? &square : &round, body_x0 > x ? &square : &round);
      gtk_snapshot_append_border (snapshot, &body, (float[]) { half_h, half_w, half_h, half_w },
                                  (GdkRGBA[]) { color, color, color, color });
    }
  if (x + w > body_x1)
    gtk_snapshot_append_linear_gradient (snapshot, &GRAPHENE_RECT_INIT (body_x1, y, x + w - body_x1, h),
                                         &GRAPHENE_POINT_INIT (body_x1, y), &GRAPHENE_POINT_INIT (x + w, y),
                                         (GskColorStop[]) { { 0, color }, { 1, clear } }, 2);
  if (status == CTG_STATUS_ABANDONED)
    {
      GdkRGBA line = with_alpha (&self->colors[COLOR_FG], 0.5);
      fill (snapshot, &line, x, y + h / 2 - 0.5, w, 1);
    }

  /* A day-precision end gets a solid cap, so that it reads as exact */
  {
    GdkRGBA cap = with_alpha (&self->colors[COLOR_FG], 0.55);

    if (!no_start && ctg_date_precision (start) == CTG_DATE_PRECISION_DAY)
      fill (snapshot, &cap, x, y - 2, 2, h + 4);
    if (!no_end && ctg_date_precision (end) == CTG_DATE_PRECISION_DAY)
      fill (snapshot, &cap, x + w - 2, y - 2, 2, h + 4);
  }

  if (row->overdue)
    {
      GskRoundedRect outline;
      const GdkRGBA *red = &self->colors[COLOR_ERROR];

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x - 1, y - 1, w + 2, h + 2), 5);
      gtk_snapshot_append_border (snapshot, &outline, (float[]) { 2, 2, 2, 2 },
                                  (GdkRGBA[]) { *red, *red, *red, *red });
    }

  if (index == self->focus && gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      GskRoundedRect outline;
      const GdkRGBA *accent = &self->colors[COLOR_ACCENT];

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x - 4, y - 4, w + 8, h + 8), 7);
      gtk_snapshot_append_border (snapshot, &outline, (float[]) { 2, 2, 2, 2 },
                                  (GdkRGBA[]) { *accent, *accent, *accent, *accent });
    }

  /* The dates being set, while dragging or on the focused bar */
  if ((self->previewing && index == self->drag_row) || index == self->focus)
    {
      g_autofree char *a = ctg_date_format (start);
      g_autofree char *b = ctg_date_format (end);
      g_autofree char *text = _ctg_timeline_same_date (start, end) ? g_strdup (a) : g_strdup_printf ("%s – %s", a, b);
      GdkRGBA dim = with_alpha (&self->colors[COLOR_FG], 0.75);

      draw_text (self, snapshot, text, x + w + 8, y + h / 2, -1, FALSE, TRUE, &dim);
    }
}

/* Where the bar was at the last meeting: a faint outline behind it */
static void
draw_past_outline (CtgTimeline *self,
                   GtkSnapshot *snapshot,
                   int          index)
{
  graphene_rect_t rect;
  GskRoundedRect outline;
  GdkRGBA faint;

  if (!_ctg_timeline_past_rect (self, index, &rect))
    return;
  faint = with_alpha (&self->colors[COLOR_FG], 0.4);
  gsk_rounded_rect_init_from_rect (&outline, &rect, 5);
  gtk_snapshot_append_border (snapshot, &outline, (float[]) { 1.5, 1.5, 1.5, 1.5 },
                              (GdkRGBA[]) { faint, faint, faint, faint });
}

static void
draw_grid (CtgTimeline *self,
           GtkSnapshot *snapshot,
           double       top,
           double       bottom,
           gboolean     labels)
{
  double lw = _ctg_timeline_label_width (self);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  GDate date;
  guint year, month;
  GdkRGBA strong = with_alpha (&self->colors[COLOR_FG], 0.16);
  GdkRGBA faint = with_alpha (&self->colors[COLOR_FG], 0.06);
  GdkRGBA text = with_alpha (&self->colors[COLOR_FG], 0.8);
  GdkRGBA dim = with_alpha (&self->colors[COLOR_FG], 0.55);
  int step = self->zoom == CTG_TIMELINE_ZOOM_MONTHS ? 1 : 3;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) MAX (_ctg_timeline_x_to_day (self, lw), self->first_day));
  year = g_date_get_year (&date);
  month = 1;

  while (TRUE)
    {
      double x;
      gboolean year_start = month == 1;

      g_date_set_dmy (&date, 1, month, year);
      x = _ctg_timeline_day_to_x (self, g_date_get_julian (&date));
      if (x > width || g_date_get_julian (&date) >= self->first_day + self->n_days)
        break;

      if (!labels)
        {
          if (year_start)
            fill (snapshot, &strong, x, top, 1, bottom - top);
          else if (self->zoom != CTG_TIMELINE_ZOOM_YEARS || month % 3 == 1)
            fill (snapshot, &faint, x, top, 1, bottom - top);
        }
      else
        {
          if (year_start)
            {
              g_autofree char *number = g_strdup_printf ("%u", year);
              GDate next;
              double next_x, number_x;
              int number_width;

              /* A year begun left of the scale keeps its number in sight,
               * until the next year's number pushes it out; one with no
               * room left goes, rather than show half under the labels */
              g_date_clear (&next, 1);
              g_date_set_dmy (&next, 1, 1, year + 1);
              next_x = _ctg_timeline_day_to_x (self, g_date_get_julian (&next));
              pango_layout_get_pixel_size (text_layout (self, number, -1, TRUE, FALSE), &number_width, NULL);
              fill (snapshot, &strong, x, 0, 1, HEADER_HEIGHT);
              number_x = MIN (MAX (x + 6, lw + 6), next_x - number_width - 12);
              if (number_x >= lw + 6 || x >= lw)
                draw_text (self, snapshot, number, number_x, 13, -1, TRUE, FALSE, &text);
            }
          if (self->zoom == CTG_TIMELINE_ZOOM_MONTHS)
            {
              g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, 1, 0, 0, 0);
              /* Translators: a short month name in the timeline's scale; see strftime(3) */
              g_autofree char *name = g_date_time_format (dt, C_("timeline", "%b"));

              fill (snapshot, &faint, x, 26, 1, HEADER_HEIGHT - 26);
              draw_text (self, snapshot, name, x + 4, 35, -1, FALSE, TRUE, &dim);
            }
          else if ((month - 1) % 3 == 0)
            {
              /* Translators: a quarter of the year in the timeline's scale: T1 in French */
              g_autofree char *name = g_strdup_printf (_("Q%u"), (month - 1) / 3 + 1);

              fill (snapshot, &faint, x, 26, 1, HEADER_HEIGHT - 26);
              draw_text (self, snapshot, name, x + 4, 35, -1, FALSE, TRUE, &dim);
            }
        }

      month += self->zoom == CTG_TIMELINE_ZOOM_YEARS && !labels ? step : 1;
      if (self->zoom == CTG_TIMELINE_ZOOM_YEARS && labels)
        month += 2;
      if (month > 12)
        month = 1, year++;
    }
}

void
_ctg_timeline_snapshot (GtkWidget   *widget,
                                     GtkSnapshot *snapshot)
{
  CtgTimeline *self = CTG_TIMELINE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double lw = _ctg_timeline_label_width (self);
  double today_x;
  int first, last;
  GdkRGBA line = with_alpha (&self->colors[COLOR_FG], 0.15);
  GdkRGBA band = with_alpha (&self->colors[COLOR_FG], 0.045);
  GdkRGBA focus_band = with_alpha (&self->colors[COLOR_ACCENT], 0.12);

  _ctg_timeline_ensure_rows (self);
  lookup_colors (self);
  line = with_alpha (&self->colors[COLOR_FG], 0.15);
  band = with_alpha (&self->colors[COLOR_FG], 0.045);
  focus_band = with_alpha (&self->colors[COLOR_ACCENT], 0.12);

  first = MAX (_ctg_timeline_row_at (self, HEADER_HEIGHT), 0);
  last = _ctg_timeline_row_at (self, height - 1);
  if (last < 0)
    last = (int) self->visible->len - 1;
  today_x = _ctg_timeline_day_to_x (self, g_date_get_julian (self->today) + 0.5);

  /* CtgTimelineRow bands, across the whole width */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT, width, height - HEADER_HEIGHT));
  for (int i = first; i <= last && self->visible->len > 0; i++)
    {
      const CtgTimelineRow *row = _ctg_timeline_visible_row (self, i);
      double y = _ctg_timeline_row_y (self, i);

      if (row->kind != CTG_TIMELINE_ROW_ACTION)
        fill (snapshot, &band, 0, y, width, ROW_HEIGHT);
      if (i == self->focus)
        fill (snapshot, &focus_band, 0, y, width, ROW_HEIGHT);
    }
  gtk_snapshot_pop (snapshot);

  /* The time area */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (lw, HEADER_HEIGHT, width - lw, height - HEADER_HEIGHT));
  draw_grid (self, snapshot, HEADER_HEIGHT, height, FALSE);
  for (int i = first; i <= last && self->visible->len > 0; i++)
    {
      const CtgTimelineRow *row = _ctg_timeline_visible_row (self, i);

      if (row->kind == CTG_TIMELINE_ROW_ACTION)
        draw_past_outline (self, snapshot, i);
      if (row->kind == CTG_TIMELINE_ROW_ACTION && ctg_date_is_set (&row->start))
        draw_bar (self, snapshot, i, row, today_x);
      else if (row->kind == CTG_TIMELINE_ROW_ACTION)
        {
          GdkRGBA dim = with_alpha (&self->colors[COLOR_FG], 0.5);
          draw_text (self, snapshot, _("No start or échéance"), lw + 12, _ctg_timeline_row_y (self, i) + ROW_HEIGHT / 2.0,
                     -1, FALSE, TRUE, &dim);
        }
    }
  fill (snapshot, &self->colors[COLOR_ERROR], today_x - 1, HEADER_HEIGHT, 2, height - HEADER_HEIGHT);
  gtk_snapshot_pop (snapshot);

  /* The labels, which stay put when scrolling sideways */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT, lw, height - HEADER_HEIGHT));
  for (int i = first; i <= last && self->visible->len > 0; i++)
    {
      const CtgTimelineRow *row = _ctg_timeline_visible_row (self, i);
      double y = _ctg_timeline_row_y (self, i) + ROW_HEIGHT / 2.0;

      if (row->kind == CTG_TIMELINE_ROW_ACTION)
        {
          GdkRGBA color = row->overdue ? self->colors[COLOR_ERROR] : with_alpha (&self->colors[COLOR_FG], 0.9);
          const char *code = ctg_action_get_code (row->action);
          g_autofree char *text = code && code[0] ? g_strdup_printf ("%s %s", code, ctg_action_get_title (row->action))
                                                  : g_strdup (ctg_action_get_title (row->action));

          draw_text (self, snapshot, text, 36, y, lw - 44, FALSE, FALSE, &color);
        }
      else
        {
          gboolean collapsed = ctg_timeline_row_is_folded (row, self->collapsed);
          double indent = row->kind == CTG_TIMELINE_ROW_OBJECTIVE ? 20 : 6;
          g_autofree char *text = g_strdup_printf ("%s %s", collapsed ? "▸" : "▾", row->title);
          g_autofree char *count = g_strdup_printf ("%u", row->n_children);
          GdkRGBA color = with_alpha (&self->colors[COLOR_FG], row->kind == CTG_TIMELINE_ROW_OBJECTIVE ? 0.75 : 0.95);

          draw_text (self, snapshot, text, indent, y, lw - indent - 36, row->kind != CTG_TIMELINE_ROW_OBJECTIVE, FALSE, &color);
          color = with_alpha (&self->colors[COLOR_FG], 0.5);
          draw_text (self, snapshot, count, lw - 30, y, -1, FALSE, TRUE, &color);
        }
    }
  gtk_snapshot_pop (snapshot);
  fill (snapshot, &line, lw - 1, 0, 1, height);

  /* The scale, always on top */
  fill (snapshot, &self->colors[COLOR_BG], 0, 0, width, HEADER_HEIGHT);
  {
    GdkRGBA shade = with_alpha (&self->colors[COLOR_FG], 0.03);
    GdkRGBA dim = with_alpha (&self->colors[COLOR_FG], 0.6);

    fill (snapshot, &shade, 0, 0, width, HEADER_HEIGHT);
    draw_text (self, snapshot, _("Actions"), 12, HEADER_HEIGHT / 2.0, -1, TRUE, FALSE, &dim);
  }
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (lw, 0, width - lw, HEADER_HEIGHT));
  draw_grid (self, snapshot, 0, HEADER_HEIGHT, TRUE);
  if (today_x >= lw && today_x <= width)
    {
      GdkRGBA red = self->colors[COLOR_ERROR];
      GskRoundedRect pill;
      double text_w;
      int pw;

      pango_layout_get_pixel_size (text_layout (self, _("Today"), -1, TRUE, TRUE), &pw, NULL);
      text_w = pw + 12;
      gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (today_x - text_w / 2, 27, text_w, 16), 8);
      gtk_snapshot_push_rounded_clip (snapshot, &pill);
      fill (snapshot, &red, today_x - text_w / 2, 27, text_w, 16);
      gtk_snapshot_pop (snapshot);
      {
        GdkRGBA white = { 1, 1, 1, 1 };
        draw_text (self, snapshot, _("Today"), today_x - text_w / 2 + 6, 35, -1, TRUE, TRUE, &white);
      }
    }
  gtk_snapshot_pop (snapshot);
  fill (snapshot, &line, 0, HEADER_HEIGHT - 1, width, 1);

  if (self->visible->len == 0)
    {
      GdkRGBA dim = with_alpha (&self->colors[COLOR_FG], 0.55);
      draw_text (self, snapshot, _("No actions yet"), 12, HEADER_HEIGHT + ROW_HEIGHT, -1, FALSE, FALSE, &dim);
    }
}
