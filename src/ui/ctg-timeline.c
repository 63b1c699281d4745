/* ctg-timeline.c: the actions as bars from start to échéance
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One widget draws every row with GtkSnapshot, and only the rows in view:
 * a convention of 10,000 actions costs what a screenful costs. Rows are
 * grouped by axis and objective; actions without any date come last.
 */

#define G_LOG_DOMAIN "ctg-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "ctg-editor-util.h"
#include "ctg-timeline-private.h"

static void ctg_timeline_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CtgTimeline, ctg_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, ctg_timeline_scrollable_init))

enum {
  PROP_0,
  PROP_ZOOM,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTION_ACTIVATED,
  TOAST,
  EDIT_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Rows */

CtgTimelineRow *
_ctg_timeline_visible_row (CtgTimeline *self,
                           int          index)
{
  if (index < 0 || (guint) index >= self->visible->len)
    return NULL;
  return &g_array_index (self->rows, CtgTimelineRow, g_array_index (self->visible, guint, index));
}

/* The visible row of @action_id's bar, or -1 where it is folded away */
static int
find_visible_action (CtgTimeline *self,
                     gint64       action_id)
{
  for (guint i = 0; i < self->visible->len; i++)
    {
      const CtgTimelineRow *row = _ctg_timeline_visible_row (self, (int) i);

      if (row->kind == CTG_TIMELINE_ROW_ACTION && row->id == action_id)
        return (int) i;
    }
  return -1;
}

static void
compute_visible (CtgTimeline *self)
{
  ctg_timeline_rows_fold (self->rows, self->collapsed, self->visible);

  self->focus = self->focus_action != 0 ? find_visible_action (self, self->focus_action) : -1;
}

/* An action's dates at the meeting drift is measured from */
typedef struct
{
  CtgDate start;
  CtgDate end;
} PastBar;

static void
clear_past (CtgTimeline *self)
{
  g_clear_pointer (&self->past, g_hash_table_unref);
  g_clear_pointer (&self->past_key, g_free);
}

static void
past_date (const char *iso,
           CtgDate    *date)
{
  if (iso == NULL || !ctg_date_parse (iso, date))
    memset (date, 0, sizeof *date);
}

/* The plan as it was at the meeting, every action's dates then: kept
 * across edits (an edit made now does not change the past), recomputed
 * from the journal (ctg-drift.c) when the meeting or the history before it
 * changes. At 10,000 actions the journal's reading is most of a rebuild */
static void
ensure_past (CtgTimeline *self)
{
  g_autofree char *since = self->drift_since ? g_strdup (self->drift_since)
                                             : ctg_drift_default_since (self->document);
  g_autofree char *key = since ? ctg_drift_history_key (self->document, since) : NULL;
  g_autoptr(CtgDrift) drift = NULL;
  g_autoptr(GHashTable) added = NULL;

  if (key == NULL)
    {
      clear_past (self);
      return;
    }
  if (self->past != NULL && g_strcmp0 (key, self->past_key) == 0)
    return;

  clear_past (self);
  drift = ctg_drift_compute (self->document, since);
  added = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < drift->items->len; i++)
    {
      CtgDriftItem *item = g_ptr_array_index (drift->items, i);

      if (item->kind == CTG_DRIFT_ADDED)
        g_hash_table_add (added, &item->action_id);
    }
  self->past = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < self->rows->len; i++)
    {
      CtgTimelineRow *row = &g_array_index (self->rows, CtgTimelineRow, i);
      g_autofree char *start_now = NULL;
      g_autofree char *end_now = NULL;
      const char *start_then, *end_then;
      PastBar *bar;

      if (row->kind != CTG_TIMELINE_ROW_ACTION || row->action == NULL || g_hash_table_contains (added, &row->id))
        continue;
      start_now = ctg_date_to_iso (ctg_action_get_start (row->action));
      end_now = ctg_date_to_iso (ctg_action_get_echeance (row->action));
      start_then = start_now;
      end_then = end_now;
      ctg_drift_get_past (drift, row->id, &start_then, &end_then);
      bar = g_new0 (PastBar, 1);
      past_date (start_then, &bar->start);
      past_date (end_then, &bar->end);
      g_hash_table_insert (self->past, g_memdup2 (&row->id, sizeof row->id), bar);
    }
  self->past_key = g_steal_pointer (&key);
}

static void
rebuild (CtgTimeline *self)
{
  self->dirty = FALSE;
  g_array_set_size (self->visible, 0);
  g_clear_pointer (&self->rows, g_array_unref);
  if (self->document == NULL)
    {
      clear_past (self);
      self->rows = g_array_new (FALSE, TRUE, sizeof (CtgTimelineRow));
      return;
    }
  self->rows = ctg_timeline_rows_build (self->document, self->today, &self->first_day, &self->n_days);
  ensure_past (self);
  compute_visible (self);
}

void
_ctg_timeline_ensure_rows (CtgTimeline *self)
{
  if (self->dirty)
    rebuild (self);
}

/* Geometry */

/* The nearest whole pixel (round () without libm) */
double
_ctg_timeline_snap (double v)
{
  return v >= 0 ? (double) (gint64) (v + 0.5) : -(double) (gint64) (0.5 - v);
}

double
_ctg_timeline_label_width (CtgTimeline *self)
{
  return CLAMP (gtk_widget_get_width (GTK_WIDGET (self)) * 0.3, 160, 300);
}

double
_ctg_timeline_pixels_per_day (CtgTimeline *self)
{
  return ctg_timeline_zoom_pixels_per_day (self->zoom);
}

double
_ctg_timeline_day_to_x (CtgTimeline *self,
                        double       julian)
{
  return _ctg_timeline_label_width (self) + (julian - self->first_day) * _ctg_timeline_pixels_per_day (self)
         - gtk_adjustment_get_value (self->hadjustment);
}

double
_ctg_timeline_x_to_day (CtgTimeline *self,
                        double       x)
{
  return self->first_day + (x - _ctg_timeline_label_width (self) + gtk_adjustment_get_value (self->hadjustment))
                           / _ctg_timeline_pixels_per_day (self);
}

double
_ctg_timeline_row_y (CtgTimeline *self,
                     int          index)
{
  return HEADER_HEIGHT + index * ROW_HEIGHT - gtk_adjustment_get_value (self->vadjustment);
}

int
_ctg_timeline_row_at (CtgTimeline *self,
                      double       y)
{
  double offset = y - HEADER_HEIGHT + gtk_adjustment_get_value (self->vadjustment);
  int index;

  if (y < HEADER_HEIGHT || offset < 0)
    return -1;
  index = (int) (offset / ROW_HEIGHT);
  return (guint) index < self->visible->len ? index : -1;
}

static void
date_span (const CtgDate *start,
           const CtgDate *end,
           double        *first,
           double        *last)
{
  *first = ctg_date_first_julian (start);
  *last = ctg_date_last_julian (end) + 1;
}

void
_ctg_timeline_row_dates (CtgTimeline  *self,
                         int           index,
                         const CtgTimelineRow    *row,
                         const CtgDate **start,
                         const CtgDate **end)
{
  if (self->previewing && index == self->drag_row)
    {
      *start = &self->preview_start;
      *end = &self->preview_end;
    }
  else
    {
      *start = &row->start;
      *end = &row->end;
    }
}

gboolean
_ctg_timeline_bar_rect (CtgTimeline     *self,
                        int              index,
                        graphene_rect_t *rect)
{
  const CtgTimelineRow *row = _ctg_timeline_visible_row (self, index);
  const CtgDate *start, *end;
  double first, last, x0, x1;

  if (row == NULL || row->kind != CTG_TIMELINE_ROW_ACTION || !ctg_date_is_set (&row->start))
    return FALSE;
  _ctg_timeline_row_dates (self, index, row, &start, &end);
  date_span (start, end, &first, &last);
  /* Whole pixels, as the drawing fills */
  x0 = _ctg_timeline_snap (_ctg_timeline_day_to_x (self, first));
  x1 = MAX (_ctg_timeline_snap (_ctg_timeline_day_to_x (self, last)), x0 + 3);
  graphene_rect_init (rect, x0, _ctg_timeline_row_y (self, index) + (ROW_HEIGHT - BAR_HEIGHT) / 2.0, x1 - x0, BAR_HEIGHT);
  return TRUE;
}

static gboolean
same_date (const CtgDate *a,
           const CtgDate *b)
{
  return a->year == b->year && a->month == b->month && a->day == b->day;
}

/* The bar as it was at the meeting drift is measured from (ctg-drift.c),
 * a faint outline behind today's, where its dates changed since */
gboolean
_ctg_timeline_past_rect (CtgTimeline     *self,
                         int              index,
                         graphene_rect_t *rect)
{
  const CtgTimelineRow *row = _ctg_timeline_visible_row (self, index);
  const PastBar *past;
  gboolean has_start, has_end;
  double first, last, x0, x1;

  if (self->past == NULL || row == NULL || row->kind != CTG_TIMELINE_ROW_ACTION || row->action == NULL)
    return FALSE;
  past = g_hash_table_lookup (self->past, &row->id);
  if (past == NULL ||
      (same_date (&past->start, ctg_action_get_start (row->action)) &&
       same_date (&past->end, ctg_action_get_echeance (row->action))))
    return FALSE;
  has_start = ctg_date_is_set (&past->start);
  has_end = ctg_date_is_set (&past->end);
  if (!has_start && !has_end)
    return FALSE;
  date_span (has_start ? &past->start : &past->end, has_end ? &past->end : &past->start, &first, &last);
  x0 = _ctg_timeline_snap (_ctg_timeline_day_to_x (self, first));
  x1 = MAX (_ctg_timeline_snap (_ctg_timeline_day_to_x (self, last)), x0 + 3);
  graphene_rect_init (rect, x0, _ctg_timeline_row_y (self, index) + (ROW_HEIGHT - BAR_HEIGHT) / 2.0 - 2,
                      x1 - x0, BAR_HEIGHT + 4);
  return TRUE;
}

static Hit
hit_test (CtgTimeline *self,
          double       x,
          double       y,
          int         *index)
{
  graphene_rect_t rect;
  double grip;

  *index = _ctg_timeline_row_at (self, y);
  if (*index < 0)
    return HIT_NONE;
  if (x < _ctg_timeline_label_width (self))
    return HIT_LABEL;
  if (!_ctg_timeline_bar_rect (self, *index, &rect))
    return HIT_NONE;
  grip = MIN (END_GRIP, rect.size.width / 3);
  if (x < rect.origin.x - 2 || x > rect.origin.x + rect.size.width + 2)
    return HIT_NONE;
  if (x <= rect.origin.x + grip)
    return HIT_START;
  if (x >= rect.origin.x + rect.size.width - grip)
    return HIT_END;
  return HIT_BAR;
}

static void
configure_adjustments (CtgTimeline *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double content_w = self->n_days * _ctg_timeline_pixels_per_day (self) + 40;
  double page_w = MAX (width - _ctg_timeline_label_width (self), 1);
  double content_h = HEADER_HEIGHT + (double) self->visible->len * ROW_HEIGHT + BOTTOM_PADDING;

  gtk_adjustment_configure (self->hadjustment,
                            CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, MAX (content_w - page_w, 0)),
                            0, MAX (content_w, page_w), page_w * 0.1, page_w * 0.9, page_w);
  gtk_adjustment_configure (self->vadjustment,
                            CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (content_h - height, 0)),
                            0, MAX (content_h, height), ROW_HEIGHT * 3, height * 0.9, height);
}

/* Text */

static char *
describe_dates (const CtgTimelineRow *row)
{
  return ctg_date_format_span (ctg_action_get_start (row->action), ctg_action_get_echeance (row->action));
}

static char *
describe_row (const CtgTimelineRow *row)
{
  g_autofree char *dates = NULL;
  g_autofree char *title = NULL;

  if (row->kind != CTG_TIMELINE_ROW_ACTION)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u action", "%s, %u actions", row->n_children),
                            row->title, row->n_children);

  dates = describe_dates (row);
  /* A title written as a sentence loses its full stop before the comma:
   * "… d'insertion, de 2024 à 2025", not "… d'insertion., de 2024" */
  title = g_strdup (ctg_action_get_title (row->action));
  g_strchomp (title);
  while (g_str_has_suffix (title, ".") && !g_str_has_suffix (title, "..."))
    title[strlen (title) - 1] = '\0';
  if (row->overdue)
    /* Translators: an action in the timeline: title, dates, status */
    return g_strdup_printf (_("%s, %s, %s, overdue"), title, dates,
                            ctg_status_to_label (ctg_action_get_status (row->action)));
  return g_strdup_printf (_("%s, %s, %s"), title, dates,
                          ctg_status_to_label (ctg_action_get_status (row->action)));
}

static void
update_accessible (CtgTimeline *self)
{
  const CtgTimelineRow *row = _ctg_timeline_visible_row (self, self->focus);
  g_autofree char *description = row ? describe_row (row) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : _("No action focused"),
                                  -1);
  /* GTK 4.8 has no getter for accessible properties: the tests read it here */
  g_object_set_data_full (G_OBJECT (self), "ctg-accessible-description", g_steal_pointer (&description), g_free);
}

/* Focus and scrolling */

static void
scroll_to_row (CtgTimeline *self,
               int          index)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double top = HEADER_HEIGHT + index * ROW_HEIGHT;
  double value = gtk_adjustment_get_value (self->vadjustment);
  graphene_rect_t rect;

  if (top - HEADER_HEIGHT < value)
    gtk_adjustment_set_value (self->vadjustment, top - HEADER_HEIGHT);
  else if (top + ROW_HEIGHT > value + height)
    gtk_adjustment_set_value (self->vadjustment, top + ROW_HEIGHT - height);

  if (_ctg_timeline_bar_rect (self, index, &rect))
    {
      double lw = _ctg_timeline_label_width (self);
      double width = gtk_widget_get_width (GTK_WIDGET (self));
      double h = gtk_adjustment_get_value (self->hadjustment);

      if (rect.origin.x < lw + 12)
        gtk_adjustment_set_value (self->hadjustment, h - (lw + 12 - rect.origin.x));
      else if (rect.origin.x + MIN (rect.size.width, width - lw - 24) > width - 12)
        gtk_adjustment_set_value (self->hadjustment,
                                  h + rect.origin.x + MIN (rect.size.width, width - lw - 24) - width + 12);
    }
}

static void
focus_row (CtgTimeline *self,
           int          index,
           gboolean     scroll)
{
  const CtgTimelineRow *row;

  if (index < 0 || (guint) index >= self->visible->len)
    return;
  self->focus = index;
  row = _ctg_timeline_visible_row (self, index);
  self->focus_action = row->kind == CTG_TIMELINE_ROW_ACTION ? row->id : 0;
  if (scroll)
    scroll_to_row (self, index);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_focus_row (CtgTimeline *self,
               int          index)
{
  focus_row (self, index, TRUE);
}

static void
toggle_group (CtgTimeline *self,
              int          index)
{
  const CtgTimelineRow *row = _ctg_timeline_visible_row (self, index);
  g_autofree char *key = row ? ctg_timeline_row_group_key (row) : NULL;
  guint row_index;

  if (key == NULL)
    return;
  row_index = g_array_index (self->visible, guint, index);
  if (!g_hash_table_remove (self->collapsed, key))
    g_hash_table_add (self->collapsed, g_steal_pointer (&key));
  compute_visible (self);
  for (guint i = 0; i < self->visible->len; i++)
    if (g_array_index (self->visible, guint, i) == row_index)
      self->focus = (int) i;
  configure_adjustments (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_zoom_at (CtgTimeline     *self,
             CtgTimelineZoom  zoom,
             double           anchor_x)
{
  double day;

  zoom = CLAMP ((int) zoom, CTG_TIMELINE_ZOOM_YEARS, CTG_TIMELINE_ZOOM_MONTHS);
  if (zoom == self->zoom)
    return;
  anchor_x = MAX (anchor_x, _ctg_timeline_label_width (self));
  day = _ctg_timeline_x_to_day (self, anchor_x);
  self->zoom = zoom;
  configure_adjustments (self);
  gtk_adjustment_set_value (self->hadjustment,
                            (day - self->first_day) * _ctg_timeline_pixels_per_day (self) - (anchor_x - _ctg_timeline_label_width (self)));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Editing */

static gboolean
set_date (CtgTimeline   *self,
          gint64         id,
          const char    *field,
          const CtgDate *date,
          GError       **error)
{
  g_autofree char *iso = ctg_date_to_iso (date);

  return ctg_document_set (self->document, CTG_ITEM_ACTION, id, field, iso, error);
}

gboolean
_ctg_timeline_same_date (const CtgDate *a,
                         const CtgDate *b)
{
  return a->year == b->year && a->month == b->month && a->day == b->day;
}

/* Both dates in one undo step, in the order that keeps start before échéance
 * at every moment: the core checks each field against the other. */
static void
commit_dates (CtgTimeline   *self,
              const CtgTimelineRow     *row,
              const CtgDate *start,
              const CtgDate *end)
{
  const CtgDate *old_start = ctg_action_get_start (row->action);
  const CtgDate *old_end = ctg_action_get_echeance (row->action);
  gboolean change_start = ctg_date_is_set (old_start) ? !_ctg_timeline_same_date (old_start, start)
                                                      : !_ctg_timeline_same_date (&row->start, start);
  gboolean change_end = ctg_date_is_set (old_end) ? !_ctg_timeline_same_date (old_end, end) : !_ctg_timeline_same_date (&row->end, end);
  gint64 id = row->id;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) new_last = NULL;
  g_autoptr(GDate) old_last = NULL;
  g_autofree char *title = g_strdup (ctg_action_get_title (row->action));
  gboolean later;

  /* A missing date stays missing when the bar moves as a whole */
  if (!ctg_date_is_set (old_start) && change_end && change_start && self->drag_hit != HIT_START)
    change_start = FALSE;
  if (!ctg_date_is_set (old_end) && change_start && change_end && self->drag_hit != HIT_END)
    change_end = FALSE;
  if (!change_start && !change_end)
    return;

  new_last = ctg_date_last_day (end);
  old_last = ctg_date_last_day (&row->end);
  later = g_date_compare (new_last, old_last) > 0;

  if (!ctg_document_begin_group (self->document, N_("Change the dates"), &error))
    goto failed;
  if (later)
    {
      if ((change_end && !set_date (self, id, "echeance", end, &error)) ||
          (change_start && !set_date (self, id, "start", start, &error)))
        goto cancel;
    }
  else
    {
      if ((change_start && !set_date (self, id, "start", start, &error)) ||
          (change_end && !set_date (self, id, "echeance", end, &error)))
        goto cancel;
    }
  if (!ctg_document_end_group (self->document, &error))
    goto failed;

  {
    /* Translators: shown after moving a bar in the timeline */
    g_autofree char *message = g_strdup_printf (_("Dates of “%s” changed"), title);
    g_signal_emit (self, signals[TOAST], 0, message);
  }
  return;

cancel:
  ctg_document_cancel_group (self->document);
failed:
  g_signal_emit (self, signals[EDIT_FAILED], 0, error->message);
}

static gboolean
shifted_dates (CtgTimeline *self,
               const CtgTimelineRow   *row,
               Hit          hit,
               int          units,
               CtgDate     *start,
               CtgDate     *end)
{
  *start = row->start;
  *end = row->end;
  if (hit == HIT_BAR || hit == HIT_START)
    if (!ctg_timeline_shift_date (&row->start, FALSE, self->zoom, units, start))
      return FALSE;
  if (hit == HIT_BAR || hit == HIT_END)
    if (!ctg_timeline_shift_date (&row->end, TRUE, self->zoom, units, end))
      return FALSE;
  return TRUE;
}

static gboolean
writable (CtgTimeline *self)
{
  return self->document != NULL && !ctg_document_is_read_only (self->document);
}

static void
activate_row (CtgTimeline *self,
              int          index)
{
  const CtgTimelineRow *row = _ctg_timeline_visible_row (self, index);

  if (row == NULL)
    return;
  if (row->kind == CTG_TIMELINE_ROW_ACTION)
    g_signal_emit (self, signals[ACTION_ACTIVATED], 0, row->id);
  else
    toggle_group (self, index);
}

/* Events */

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  CtgTimeline    *self)
{
  _ctg_timeline_ensure_rows (self);
  self->drag_hit = hit_test (self, x, y, &self->drag_row);
  self->drag_x = x;
  self->drag_y = y;
  self->dragging = FALSE;
  self->previewing = FALSE;
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  /* Not scrolled: the bar must stay under the pointer */
  if (self->drag_row >= 0 && y >= HEADER_HEIGHT)
    focus_row (self, self->drag_row, FALSE);
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          dx,
                   double          dy,
                   CtgTimeline    *self)
{
  const CtgTimelineRow *row = _ctg_timeline_visible_row (self, self->drag_row);
  double unit;
  int units;

  if (row == NULL || self->drag_hit < HIT_BAR || !writable (self))
    return;
  if (!self->dragging && ABS (dx) < DRAG_THRESHOLD)
    return;
  if (!self->dragging)
    {
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }

  unit = ctg_timeline_zoom_unit_days (self->zoom) * _ctg_timeline_pixels_per_day (self);
  units = (int) (dx / unit + (dx >= 0 ? 0.5 : -0.5));
  self->previewing = shifted_dates (self, row, self->drag_hit, units, &self->preview_start, &self->preview_end);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                CtgTimeline    *self)
{
  const CtgTimelineRow *row = _ctg_timeline_visible_row (self, self->drag_row);

  if (row == NULL)
    return;

  if (self->dragging)
    {
      CtgDate start = self->preview_start, end = self->preview_end;
      gboolean previewing = self->previewing;

      self->dragging = FALSE;
      self->previewing = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      if (previewing)
        commit_dates (self, row, &start, &end);
      return;
    }

  if (ABS (dx) >= DRAG_THRESHOLD || ABS (dy) >= DRAG_THRESHOLD)
    return;
  if (row->kind != CTG_TIMELINE_ROW_ACTION || self->drag_hit != HIT_NONE)
    activate_row (self, self->drag_row);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              CtgTimeline              *self)
{
  int index;
  Hit hit;

  self->pointer_x = x;
  if (self->dragging)
    return;
  hit = hit_test (self, x, y, &index);
  if (!writable (self) && hit >= HIT_BAR)
    hit = HIT_LABEL;
  switch (hit)
    {
    case HIT_START:
    case HIT_END:
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "ew-resize");
      break;
    case HIT_BAR:
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
      break;
    case HIT_LABEL:
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
      break;
    case HIT_NONE:
    default:
      gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
      break;
    }
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              CtgTimeline              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  /* Plain scrolling is the scrolled window's */
  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return FALSE;
  set_zoom_at (self, self->zoom + (dy < 0 ? 1 : -1), self->pointer_x);
  return TRUE;
}

static void
on_zoom_begin_cb (GtkGesture       *gesture,
                  GdkEventSequence *sequence,
                  CtgTimeline      *self)
{
  self->zoom_scale = 1;
}

static void
on_zoom_scale_changed_cb (GtkGestureZoom *gesture,
                          double          scale,
                          CtgTimeline    *self)
{
  double x, y;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  if (scale / self->zoom_scale > 1.6)
    {
      set_zoom_at (self, self->zoom + 1, x);
      self->zoom_scale = scale;
    }
  else if (scale / self->zoom_scale < 0.625)
    {
      set_zoom_at (self, self->zoom - 1, x);
      self->zoom_scale = scale;
    }
}

static void
move_focused (CtgTimeline *self,
              Hit          what,
              int          units)
{
  const CtgTimelineRow *row = _ctg_timeline_visible_row (self, self->focus);
  CtgDate start, end;

  if (row == NULL || row->kind != CTG_TIMELINE_ROW_ACTION || !ctg_date_is_set (&row->start))
    return;
  if (!writable (self))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (!shifted_dates (self, row, what, units, &start, &end))
    return;
  self->drag_hit = what;
  commit_dates (self, row, &start, &end);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   CtgTimeline           *self)
{
  const CtgTimelineRow *row;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  _ctg_timeline_ensure_rows (self);
  row = _ctg_timeline_visible_row (self, self->focus);

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      set_focus_row (self, self->focus < 0 ? 0 : MAX (self->focus - 1, 0));
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      set_focus_row (self, self->focus < 0 ? 0 : MIN (self->focus + 1, (int) self->visible->len - 1));
      return TRUE;
    case GDK_KEY_Home:
      set_focus_row (self, 0);
      return TRUE;
    case GDK_KEY_End:
      set_focus_row (self, (int) self->visible->len - 1);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_Page_Down:
      {
        int page = MAX ((gtk_widget_get_height (GTK_WIDGET (self)) - HEADER_HEIGHT) / ROW_HEIGHT - 1, 1);
        int target = self->focus + (keyval == GDK_KEY_Page_Up ? -page : page);
        set_focus_row (self, CLAMP (target, 0, (int) self->visible->len - 1));
        return TRUE;
      }
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      {
        int units = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1;

        if (row == NULL)
          return FALSE;
        if (row->kind != CTG_TIMELINE_ROW_ACTION)
          {
            /* Left folds a group, Right unfolds it */
            if (ctg_timeline_row_is_folded (row, self->collapsed) == (units > 0))
              toggle_group (self, self->focus);
            return TRUE;
          }
        move_focused (self, shift ? HIT_END : HIT_BAR, units);
        return TRUE;
      }
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      activate_row (self, self->focus);
      return row != NULL;
    default:
      return FALSE;
    }
}

static void
on_focus_changed_cb (CtgTimeline *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self)) && self->focus < 0 && self->visible->len > 0)
    set_focus_row (self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_query_tooltip_cb (GtkWidget   *widget,
                     int          x,
                     int          y,
                     gboolean     keyboard,
                     GtkTooltip  *tooltip,
                     CtgTimeline *self)
{
  int index = keyboard ? self->focus : _ctg_timeline_row_at (self, y);
  const CtgTimelineRow *row = _ctg_timeline_visible_row (self, index);
  g_autofree char *text = NULL;
  graphene_rect_t rect;

  if (row == NULL || self->dragging)
    return FALSE;
  text = describe_row (row);
  gtk_tooltip_set_text (tooltip, text);
  if (_ctg_timeline_bar_rect (self, index, &rect))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) rect.origin.x, (int) rect.origin.y,
                                                         (int) rect.size.width, (int) rect.size.height });
  return TRUE;
}

/* A change while the page was hidden gave the scrollbars a new range that
 * GTK 4.8 does not allocate when the page shows again (the queued
 * allocation does not travel up from a hidden widget): the scrolled window
 * is allocated again once shown */
static void
on_map_cb (CtgTimeline *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);

  if (scroller != NULL)
    gtk_widget_queue_resize (scroller);
}

static void
on_document_changed_cb (CtgDocument *document,
                        CtgTimeline *self)
{
  self->dirty = TRUE;
  self->previewing = FALSE;
  /* Not gtk_widget_queue_allocate(): in GTK 4.8 it stops at an ancestor
   * still marked as having a child to allocate, and the next frame then
   * drew the timeline with no allocation ("Trying to snapshot CtgTimeline
   * without a current allocation", one test run in five) */
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Where a zoom from the buttons or the keys keeps its place: today when
 * it is in view (from Années to Mois a COPIL wants now, not the middle of
 * the convention), else the middle of the view */
static double
zoom_anchor (CtgTimeline *self)
{
  double lw = _ctg_timeline_label_width (self);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double today_x = _ctg_timeline_day_to_x (self, g_date_get_julian (self->today));

  if (today_x >= lw && today_x <= width)
    return today_x;
  return lw + (width - lw) / 2;
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CtgTimeline *self = CTG_TIMELINE (widget);

  if (g_str_equal (action_name, "timeline.zoom-in"))
    set_zoom_at (self, self->zoom + 1, zoom_anchor (self));
  else
    set_zoom_at (self, self->zoom - 1, zoom_anchor (self));
}

/* GtkScrollable */

static void
on_adjustment_changed_cb (CtgTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (CtgTimeline    *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_changed_cb, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_adjustment_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
ctg_timeline_scrollable_init (GtkScrollableInterface *iface)
{
}

/* GtkWidget */

static void
ctg_timeline_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  CtgTimeline *self = CTG_TIMELINE (widget);

  _ctg_timeline_ensure_rows (self);
  configure_adjustments (self);
  if (!self->scrolled_once && self->document != NULL && width > 1)
    {
      self->scrolled_once = TRUE;
      ctg_timeline_scroll_to_today (self);
    }
}

static void
ctg_timeline_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CtgTimeline *self = CTG_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_int (value, self->zoom);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ctg_timeline_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CtgTimeline *self = CTG_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      ctg_timeline_set_zoom (self, g_value_get_int (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ctg_timeline_dispose (GObject *object)
{
  CtgTimeline *self = CTG_TIMELINE (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->old_layouts, g_hash_table_unref);

  G_OBJECT_CLASS (ctg_timeline_parent_class)->dispose (object);
}

static void
ctg_timeline_finalize (GObject *object)
{
  CtgTimeline *self = CTG_TIMELINE (object);

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->visible, g_array_unref);
  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->today, g_date_free);
  clear_past (self);
  g_clear_pointer (&self->drift_since, g_free);

  G_OBJECT_CLASS (ctg_timeline_parent_class)->finalize (object);
}

static void
ctg_timeline_class_init (CtgTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ctg_timeline_get_property;
  object_class->set_property = ctg_timeline_set_property;
  object_class->dispose = ctg_timeline_dispose;
  object_class->finalize = ctg_timeline_finalize;
  widget_class->size_allocate = ctg_timeline_size_allocate;
  widget_class->snapshot = _ctg_timeline_snapshot;

  properties[PROP_ZOOM] =
    g_param_spec_int ("zoom", NULL, NULL,
                      CTG_TIMELINE_ZOOM_YEARS, CTG_TIMELINE_ZOOM_MONTHS, CTG_TIMELINE_ZOOM_YEARS,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * CtgTimeline::action-activated:
   * @action_id: the action clicked, or activated with Enter
   */
  signals[ACTION_ACTIVATED] =
    g_signal_new ("action-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * CtgTimeline::toast:
   * @message: what was just changed, for an undo toast
   */
  signals[TOAST] = _ctg_toast_signal_new (G_TYPE_FROM_CLASS (klass));
  /**
   * CtgTimeline::edit-failed:
   * @message: why the dates could not be changed; nothing was changed
   */
  signals[EDIT_FAILED] =
    g_signal_new ("edit-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ctg_timeline_init (CtgTimeline *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->rows = g_array_new (FALSE, TRUE, sizeof (CtgTimelineRow));
  self->visible = g_array_new (FALSE, FALSE, sizeof (guint));
  self->collapsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->today = g_date_new ();
  g_date_set_time_t (self->today, time (NULL));
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->old_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->focus = -1;
  self->drag_row = -1;
  self->zoom = CTG_TIMELINE_ZOOM_YEARS;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  /* A scrolled window shows it: its size says nothing of the rows, so that
   * measuring (which a GtkStack does for hidden pages too) never reads the
   * document */
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, HEADER_HEIGHT + ROW_HEIGHT * 3);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect (self, "notify::has-focus", G_CALLBACK (on_focus_changed_cb), NULL);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline of the actions"),
                                  -1);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

/* Public API */

GtkWidget *
ctg_timeline_new (void)
{
  return g_object_new (CTG_TYPE_TIMELINE, NULL);
}

void
ctg_timeline_set_document (CtgTimeline *self,
                           CtgDocument *document)
{
  g_return_if_fail (CTG_IS_TIMELINE (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect (document, "changed", G_CALLBACK (on_document_changed_cb), self);
  g_hash_table_remove_all (self->collapsed);
  clear_past (self);
  self->focus = -1;
  self->focus_action = 0;
  self->scrolled_once = FALSE;
  self->dirty = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

CtgTimelineZoom
ctg_timeline_get_zoom (CtgTimeline *self)
{
  g_return_val_if_fail (CTG_IS_TIMELINE (self), CTG_TIMELINE_ZOOM_YEARS);

  return self->zoom;
}

void
ctg_timeline_set_zoom (CtgTimeline     *self,
                       CtgTimelineZoom  zoom)
{
  g_return_if_fail (CTG_IS_TIMELINE (self));

  set_zoom_at (self, zoom, zoom_anchor (self));
}

/**
 * ctg_timeline_scroll_to_today:
 *
 * Scrolls sideways so that today sits at three quarters of the view: a
 * COPIL looks back more than ahead.
 */
void
ctg_timeline_scroll_to_today (CtgTimeline *self)
{
  double lw, page;

  g_return_if_fail (CTG_IS_TIMELINE (self));

  _ctg_timeline_ensure_rows (self);
  lw = _ctg_timeline_label_width (self);
  page = gtk_widget_get_width (GTK_WIDGET (self)) - lw;
  gtk_adjustment_set_value (self->hadjustment,
                            (g_date_get_julian (self->today) - self->first_day) * _ctg_timeline_pixels_per_day (self)
                            - page * 3 / 4);
}

gint64
ctg_timeline_get_focused_action (CtgTimeline *self)
{
  g_return_val_if_fail (CTG_IS_TIMELINE (self), 0);

  return self->focus >= 0 ? self->focus_action : 0;
}

/**
 * ctg_timeline_focus_action:
 *
 * Focuses the bar of @action_id, unfolding its group, and scrolls it into
 * view.
 *
 * Returns: whether the action is in the timeline
 */
gboolean
ctg_timeline_focus_action (CtgTimeline *self,
                           gint64       action_id)
{
  g_return_val_if_fail (CTG_IS_TIMELINE (self), FALSE);

  _ctg_timeline_ensure_rows (self);
  for (guint i = 0; i < self->rows->len; i++)
    {
      CtgTimelineRow *row = &g_array_index (self->rows, CtgTimelineRow, i);

      if (row->kind == CTG_TIMELINE_ROW_ACTION && row->id == action_id)
        {
          g_autofree char *axis = g_strdup_printf ("a%" G_GINT64_FORMAT, ctg_action_get_axis_id (row->action));
          g_autofree char *objective = g_strdup_printf ("o%" G_GINT64_FORMAT,
                                                        ctg_action_get_objective_id (row->action));

          g_hash_table_remove (self->collapsed, axis);
          g_hash_table_remove (self->collapsed, objective);
          g_hash_table_remove (self->collapsed, "u");
          self->focus_action = action_id;
          compute_visible (self);
          configure_adjustments (self);
          set_focus_row (self, self->focus);
          return TRUE;
        }
    }
  return FALSE;
}

typedef gboolean (*RowRectFunc) (CtgTimeline     *self,
                                 int              index,
                                 graphene_rect_t *rect);

static gboolean
action_rect (CtgTimeline     *self,
             gint64           action_id,
             RowRectFunc      row_rect,
             graphene_rect_t *bounds)
{
  int index;

  _ctg_timeline_ensure_rows (self);
  index = find_visible_action (self, action_id);
  return index >= 0 && row_rect (self, index, bounds);
}

/**
 * ctg_timeline_get_bar_bounds:
 * @bounds: (out): where the bar of @action_id is drawn, in widget coordinates
 *
 * Returns: whether the action has a bar
 */
gboolean
ctg_timeline_get_bar_bounds (CtgTimeline     *self,
                             gint64           action_id,
                             graphene_rect_t *bounds)
{
  g_return_val_if_fail (CTG_IS_TIMELINE (self), FALSE);

  return action_rect (self, action_id, _ctg_timeline_bar_rect, bounds);
}

/**
 * ctg_timeline_get_n_rows:
 *
 * Returns: how many rows are shown, headers included
 */
guint
ctg_timeline_get_n_rows (CtgTimeline *self)
{
  g_return_val_if_fail (CTG_IS_TIMELINE (self), 0);

  _ctg_timeline_ensure_rows (self);
  return self->visible->len;
}

/**
 * ctg_timeline_get_past_bounds:
 *
 * Returns: whether @action_id's bar has an outline of where it was at the
 *   last meeting, and where, in the widget's coordinates
 */
gboolean
ctg_timeline_get_past_bounds (CtgTimeline     *self,
                              gint64           action_id,
                              graphene_rect_t *bounds)
{
  g_return_val_if_fail (CTG_IS_TIMELINE (self), FALSE);

  return action_rect (self, action_id, _ctg_timeline_past_rect, bounds);
}

/**
 * ctg_timeline_set_drift_since:
 * @since: (nullable): the day of the meeting, ISO; %NULL for the last
 *   COPIL before today (ctg_drift_default_since())
 *
 * Which meeting the outlines show the plan of.
 */
void
ctg_timeline_set_drift_since (CtgTimeline *self,
                              const char  *since)
{
  g_return_if_fail (CTG_IS_TIMELINE (self));

  if (since != NULL && since[0] == '\0')
    since = NULL;
  if (g_strcmp0 (since, self->drift_since) == 0)
    return;
  g_free (self->drift_since);
  self->drift_since = g_strdup (since);
  /* The rows stay, only the outlines change (queued as in
   * on_document_changed_cb) */
  self->dirty = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
