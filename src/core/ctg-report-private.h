/* ctg-report-private.h: what the report's files share
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "ctg-drift.h"
#include "ctg-indicator-chart.h"
#include "ctg-report.h"

G_BEGIN_DECLS

/* The report's content, read from the document once by ctg_report_new():
 * rendering then touches no document and may run in any thread. */

typedef struct
{
  gint64          id;
  CtgSectionKind  kind;
  char           *title;
  char           *description;
} ReportSection;

typedef struct
{
  gint64      id;
  gint64      theme_id;
  gint64      enjeu_id;
  char       *code;
  char       *title;
  char       *description;
  GPtrArray  *actions;        /* CtgAction, borrowed from CtgReport.actions */
} ReportObjective;

/* Overall progress: the average of the actions' progress, done ones
 * counting as 100, abandoned ones and those without progress left out */
typedef struct
{
  guint   n_actions;
  guint   n_counted;
  guint   n_abandoned;
  guint   n_no_progress;
  guint   n_unrecorded;   /* no status recorded for the year (a year's roll-up) */
  double  sum;
} ReportProgress;

typedef struct
{
  gint64          id;
  guint           number;        /* its position in the whole plan, from 1 */
  char           *code;
  char           *title;
  char           *description;
  GPtrArray      *objectives;    /* ReportObjective */
  GPtrArray      *actions;       /* CtgAction, borrowed, in plan order */
  guint           counts[CTG_N_STATUSES];
  ReportProgress  progress;
  ReportProgress  bilan_progress; /* at the end of the annual review's year */
  char           *dest;          /* the PDF destination of its section */
} ReportAxis;

typedef struct
{
  char     *text;
  CtgDate   date;
  gboolean  done;
} ReportStep;

typedef struct
{
  char    *name;
  char    *target;
  GArray  *years;                /* guint */
  GPtrArray *values;             /* char *, one per year */
} ReportIndicator;

typedef struct
{
  GPtrArray *steps;              /* ReportStep */
  GPtrArray *indicators;         /* ReportIndicator */
} ReportFiche;

typedef struct
{
  char      *name;
  CtgLevel   level;
  char      *value;
  char      *comment;
  CtgIndicatorSeries *series;  /* its years, for the chart */
} ReportAssessment;

typedef struct
{
  char      *done;
  char      *difficulties;
  char      *next_steps;
  gboolean   has_status;
  CtgStatus  status;             /* at the end of the year */
  int        progress;           /* -1: none */
} ReportYearNote;

typedef struct
{
  CtgAction *action;             /* borrowed; NULL for a deleted action or other changes */
  char      *subject;            /* what changed, when there is no action */
  char      *what;               /* the change, in words */
  char      *time;               /* ISO 8601 time of the last change */
} ReportChange;

struct _CtgReport
{
  GObject            parent_instance;

  CtgReportParts     parts;
  GDate              meeting;
  GDateTime         *created;
  char              *since;      /* ISO date, or NULL */
  char              *source;     /* the convention's file, never to be written over */

  char              *title;
  char              *territory;
  char              *caf;
  CtgDate            period_start;
  CtgDate            period_end;
  guint              n_all_axes;

  GPtrArray         *actions;    /* CtgAction, owned: those of the chosen axes */
  GPtrArray         *axes;       /* ReportAxis, the chosen ones, in plan order */
  GHashTable        *sections;   /* id -> ReportSection */
  GHashTable        *objectives; /* id -> ReportObjective, borrowed from the axes */
  GHashTable        *fiches;     /* action id -> ReportFiche, when fiches are asked for */
  GPtrArray         *changes;    /* ReportChange, when changes are asked for */
  guint              n_changes;  /* how many journal entries they sum up */
  CtgDrift          *drift;      /* what slipped since, when changes are asked for */
  gboolean           has_codes;  /* whether any action has a code... */
  gboolean           has_pilots;
  gboolean           has_start;
  gboolean           has_echeance;
  gboolean           has_progress;
  ReportProgress     progress;
  guint              counts[CTG_N_STATUSES];

  guint              bilan_year;  /* the annual review's year, or 0 */
  GPtrArray         *assessments; /* ReportAssessment, one per indicator */
  GHashTable        *year_notes;  /* action id -> ReportYearNote */
  ReportProgress     bilan_progress; /* the whole convention's at the end of the year */

  guint              n_pages;    /* after saving */
  gboolean           one_thread; /* the measuring pass in one thread (tests) */
  const char        *family;     /* another font family than _ctg_report_font_family() (tests) */
};

/* The layout engine: ctg-report-writer.c
 *
 * The report is laid out twice with the same code: a first pass only
 * measures, to know the number of pages and where each section starts; the
 * second draws, with "Page 3 of 12" and the contents' page numbers right. */

typedef struct _Writer Writer;

typedef struct
{
  double r, g, b;
} ReportColor;

extern const ReportColor report_text;
extern const ReportColor report_secondary;
extern const ReportColor report_accent;
extern const ReportColor report_rule;
extern const ReportColor report_shade;
extern const ReportColor report_header_shade;
extern const ReportColor report_overdue;
extern const ReportColor report_status_colors[CTG_N_STATUSES];

/* FONT_TABLE first: the font of a TableColumn that names none */
typedef enum
{
  FONT_TABLE,
  FONT_TABLE_BOLD,
  FONT_BODY,
  FONT_BODY_BOLD,
  FONT_SMALL,
  FONT_SMALL_BOLD,
  FONT_TINY,
  FONT_TINY_BOLD,
  FONT_KICKER,
  FONT_H1,
  FONT_H2,
  FONT_H3,
  FONT_TITLE,
  FONT_SUBTITLE,
  FONT_FIGURE,
  N_FONTS
} FontId;

/* Which layouts of equal text are laid out once; such a layout is not to
 * be changed after */
typedef enum
{
  LAYOUT_SHARED,      /* equal short texts (dates, statuses, pilots) share one */
  LAYOUT_KEPT,        /* the drawing pass takes the measuring pass's */
  LAYOUT_KEPT_MARKUP, /* the same, of Pango markup, which sets its own colours and sizes */
} LayoutCache;

/* How a heading or a paragraph is set, as a style sheet names it; what a
 * style leaves out is 0 */
typedef struct
{
  FontId             font;
  const ReportColor *color;
  double             above;   /* the space above a heading, unless it starts the page */
  double             below;   /* the space below */
  double             keep;    /* a heading's: the height of what follows that stays on its page */
  double             indent;  /* a paragraph's, from the left margin */
} TextStyle;

/* The styles of more than one section */
extern const TextStyle report_part_title;
extern const TextStyle report_body;
extern const TextStyle report_body_secondary;
extern const TextStyle report_lead;
extern const TextStyle report_note;
extern const TextStyle report_footnote;

#define TABLE_MAX_COLUMNS 8

typedef enum
{
  CELL_TEXT,
  CELL_STATUS,
  CELL_PROGRESS,
} CellKind;

/* A column, as table_add_column() takes it with named fields: what it
 * leaves out is 0, a left-aligned text column in FONT_TABLE, each cell
 * with its own layout */
typedef struct
{
  const char     *header;        /* NULL: none */
  double          width;         /* 0: given by table_fit_columns() */
  FontId          font;
  PangoAlignment  align;
  CellKind        kind;
  gboolean        shared;        /* equal texts share one layout */
} TableColumn;

typedef struct
{
  PangoLayout  *layout;          /* NULL when empty */
  GArray       *lines;           /* LineBox, once the row has to be split */
  guint         first;           /* the first line still to draw */
  CtgStatus     status;
  int           progress;        /* -1: none */
  char         *link;            /* a destination to link to */
  ReportColor   color;
} TableCell;

typedef struct _TableRow TableRow;
typedef struct _Table Table;

/* Draws what a row holds besides text (a timeline bar) in the band from
 * @y, @height high; @first is whether it is the row's first part */
typedef void (*TableDecorateFunc) (Writer   *w,
                                   Table    *t,
                                   TableRow *row,
                                   double    y,
                                   double    height,
                                   gboolean  first);

/* The same for the header (the timeline's years), on each page */
typedef void (*TableDecorateHeaderFunc) (Writer *w,
                                         Table  *t,
                                         double  y,
                                         double  height);

struct _TableRow
{
  TableCell    cells[TABLE_MAX_COLUMNS];
  gboolean     span;             /* one cell across the table: a group row */
  gboolean     strong;           /* a total row: a rule above */
  gboolean     shaded;
  ReportColor  shade;
  double       pad_top;          /* more room above, for group rows */
  gboolean     no_rule;          /* no rule below */
  double       min_height;
  TableDecorateFunc decorate;
  gpointer     data;
  gboolean     started;
};

typedef enum
{
  GROUP_THEME,
  GROUP_ENJEU,
  GROUP_OBJECTIVE,
} GroupKind;

struct _Table
{
  guint         n_columns;
  TableColumn   columns[TABLE_MAX_COLUMNS];
  double        x;
  double        width;
  char         *continued;       /* above the header on the following pages */
  double        header_min_height;
  TableDecorateHeaderFunc decorate_header;
  gpointer      data;

  /* Internal */
  gboolean      header_on_page;
  guint         rows_on_page;
  guint         n_rows;
  GPtrArray    *pending;         /* TableRow: group rows waiting for the row they head */
};

/* The sections a writer writes: all of them, or in the measuring pass in
 * two threads, the summary and the timeline (apart) and the others (main) */
typedef enum
{
  WRITER_ALL,
  WRITER_MAIN,
  WRITER_APART,
} WriterRole;

struct _Writer
{
  CtgReport             *report;
  cairo_surface_t       *surface;
  cairo_t               *cr;
  PangoFontMap          *font_map;
  PangoContext          *context;
  PangoFontDescription  *fonts[N_FONTS];
  GHashTable            *shared;       /* key -> PangoLayout, the recent ones */
  GHashTable            *shared_old;   /* the ones before, or NULL */
  GHashTable            *anchors;      /* destination -> page, from the first pass */

  gboolean               drawing;
  guint                  page;         /* the current page, from 1 */
  guint                  n_pages;      /* known in the drawing pass */
  gboolean               landscape;
  gboolean               decorated;    /* running header and footer */
  double                 page_width;
  double                 page_height;
  double                 left;
  double                 right;
  double                 top;
  double                 bottom;
  double                 y;
  gboolean               fresh;        /* nothing on the page yet */

  GCancellable          *cancellable;
  gboolean               cancelled;
  CtgReportProgressFunc  progress;
  gpointer               progress_data;
  double                 units;
  double                 total_units;
  double                 pass_start;
  double                 pass_span;
  double                 reported;

  double                 widths[8];    /* the action tables' measured columns */
  GHashTable            *dates;        /* packed CtgDate -> its text */
  PangoLayout           *running[2][3];/* per orientation: title, meeting, territory */
  GHashTable            *kept;         /* key -> PangoLayout, from the first pass */
  gsize                  kept_bytes;   /* their text, to bound their memory */
  gsize                 *kept_total;   /* another writer's kept_bytes, shared, or NULL */
  GPtrArray             *pages;        /* CtgReportPage, when drawing on a recording surface */
  WriterRole             role;         /* the sections it writes */
  guint                  apart_at[2];  /* the pages before the summary and the timeline */
  gboolean               apart_on_fresh; /* a section apart would have started on such a page */
};

typedef struct
{
  double top;
  double bottom;
  double baseline;
  double x;
} LineBox;

void          writer_init            (Writer            *w,
                                      CtgReport         *report,
                                      cairo_surface_t   *surface);
void          writer_clear           (Writer            *w);
void          writer_reset           (Writer            *w,
                                      gboolean           drawing);
gboolean      writer_tick            (Writer            *w);
void          writer_start_page      (Writer            *w,
                                      gboolean           landscape,
                                      gboolean           decorated);
void          writer_section_page    (Writer            *w,
                                      gboolean           landscape);
void          writer_finish          (Writer            *w);
void          writer_ensure          (Writer            *w,
                                      double             height);
double        writer_width           (Writer            *w);
void          writer_note_anchor     (Writer            *w,
                                      const char        *dest);
int           writer_add_outline     (Writer            *w,
                                      int                parent,
                                      const char        *title,
                                      const char        *dest,
                                      gboolean           open);

const char   *_ctg_report_font_family (void);
char         *writer_escape          (const char        *text);
PangoLayout  *writer_layout          (Writer            *w,
                                      FontId             font,
                                      double             width,
                                      const char        *text);
PangoLayout  *writer_cached_layout   (Writer            *w,
                                      LayoutCache        cache,
                                      FontId             font,
                                      double             width,
                                      PangoAlignment     align,
                                      const char        *text);
PangoLayout  *writer_kicker_layout   (Writer            *w,
                                      double             width,
                                      const char        *text);
const char   *writer_date_text       (Writer            *w,
                                      const CtgDate     *date);
double        layout_height          (PangoLayout       *layout);
double        layout_width           (PangoLayout       *layout);
double        writer_text_width      (Writer            *w,
                                      FontId             font,
                                      const char        *text);
double        writer_word_width      (Writer            *w,
                                      FontId             font,
                                      const char        *text);
void          writer_set_color       (Writer            *w,
                                      const ReportColor *color);
char         *report_color_to_markup (const ReportColor *color);
void          writer_show            (Writer            *w,
                                      PangoLayout       *layout,
                                      double             x,
                                      double             y,
                                      const ReportColor *color);
void          writer_fill_rect       (Writer            *w,
                                      double             x,
                                      double             y,
                                      double             width,
                                      double             height,
                                      const ReportColor *color);
void          writer_line            (Writer            *w,
                                      double             x0,
                                      double             y0,
                                      double             x1,
                                      double             y1,
                                      double             line_width,
                                      const ReportColor *color);

void          writer_paragraph       (Writer            *w,
                                      const char        *text,
                                      const TextStyle   *style);
void          writer_heading         (Writer            *w,
                                      const char        *text,
                                      const TextStyle   *style,
                                      const char        *dest);
void          writer_kicker          (Writer            *w,
                                      const char        *text,
                                      const ReportColor *color,
                                      double             keep);
void          writer_contents_entry  (Writer            *w,
                                      const char        *title,
                                      const char        *dest);
void          writer_status_legend   (Writer            *w,
                                      const guint        counts[CTG_N_STATUSES],
                                      double             bar_height,
                                      FontId             font);

void          table_init             (Table             *t,
                                      double             x,
                                      const char        *continued);
void          table_add_column       (Table             *t,
                                      const TableColumn *column);
void          table_fit_columns      (Writer            *w,
                                      Table             *t,
                                      const guint       *flexible,
                                      const double      *weights,
                                      guint              n_flexible);
void          table_fit_column       (Writer            *w,
                                      Table             *t,
                                      guint              flexible);
double        table_header_min_width (Writer            *w,
                                      const char        *header);
void          row_set_text           (Writer            *w,
                                      Table             *t,
                                      TableRow          *row,
                                      guint              column,
                                      const char        *text,
                                      const ReportColor *color);
void          row_set_markup         (Writer            *w,
                                      Table             *t,
                                      TableRow          *row,
                                      guint              column,
                                      const char        *markup);
void          row_set_status         (Writer            *w,
                                      Table             *t,
                                      TableRow          *row,
                                      guint              column,
                                      CtgStatus          status);
void          row_set_progress       (Writer            *w,
                                      Table             *t,
                                      TableRow          *row,
                                      guint              column,
                                      int                progress);
void          row_set_link           (TableRow          *row,
                                      guint              column,
                                      const char        *dest);
void          table_row_clear        (TableRow          *row);
double        table_row_height       (Table             *t,
                                      TableRow          *row);
double        table_header_height    (Writer            *w,
                                      Table             *t);
void          table_add_row          (Writer            *w,
                                      Table             *t,
                                      TableRow          *row);
void          table_add_group        (Writer            *w,
                                      Table             *t,
                                      GroupKind          kind,
                                      const char        *label,
                                      const char        *text,
                                      const char        *description);
void          table_end              (Writer            *w,
                                      Table             *t);

/* Rendering and the sections: ctg-report-render.c */
void          _ctg_report_write_document (Writer        *w);
gboolean      _ctg_report_render     (CtgReport              *report,
                                      cairo_surface_t        *surface,
                                      GCancellable           *cancellable,
                                      CtgReportProgressFunc   progress,
                                      gpointer                user_data,
                                      guint                  *n_pages,
                                      GError                **error);

/* The timeline: ctg-report-timeline.c */
gboolean      _ctg_report_has_dates  (CtgReport         *report);
gboolean      _ctg_report_has_timeline (CtgReport       *report);
void          _ctg_report_timeline   (Writer            *w);
#define CTG_REPORT_TIMELINE_DEST "timeline"

/* The measuring pass, the summary and the timeline apart: ctg-report-measure.c */
gboolean      _ctg_report_summary_apart (CtgReport      *report);
void          _ctg_report_measure    (Writer            *w);
void          _ctg_report_note_apart (Writer            *w,
                                      guint              which);
double        text_height_bound      (const char        *text,
                                      double             size,
                                      double             width);

/* Rounding without libm, for the non-negative lengths and percents here */
static inline int
report_round (double x)
{
  return x >= 0 ? (int) (x + 0.5) : -(int) (-x + 0.5);
}

static inline double
report_ceil (double x)
{
  double i = (double) (gint64) x;

  return i < x ? i + 1 : i;
}

static inline double
report_floor (double x)
{
  double i = (double) (gint64) x;

  return i > x ? i - 1 : i;
}

/* The annual review: ctg-report-bilan.c */
void    _ctg_report_read_bilan         (CtgReport           *self,
                                        CtgDocument         *doc);
void    _ctg_report_clear_bilan        (CtgReport           *self);
void    _ctg_report_bilan              (Writer              *w);
char   *_ctg_report_bilan_heading      (CtgReport           *self);
#define CTG_REPORT_BILAN_DEST "bilan"

/* Reading the journal: ctg-report-changes.c */
void    _ctg_report_read_changes       (CtgReport           *self,
                                        CtgDocument         *doc,
                                        gboolean             all_axes);

/* Drift since the date of the changes: ctg-report-drift.c */
void    _ctg_report_read_drift         (CtgReport           *self,
                                        CtgDocument         *doc);
void    _ctg_report_drift              (Writer              *w);
char   *_ctg_report_action_title       (CtgAction           *action);

/* ctg-report-text.c */
void    _ctg_report_drop_unknown_symbols (PangoLayout       *layout);
void    _ctg_report_write_description  (Writer              *w,
                                        const char          *description);

/* Formatting shared by the sections */
char   *_ctg_report_format_percent     (int                  percent);
char   *_ctg_report_format_count       (guint                n);
char   *_ctg_report_format_gdate       (const GDate         *date);
double  _ctg_report_progress_value     (const ReportProgress *progress);
void    _ctg_report_progress_from_summary (ReportProgress         *progress,
                                          const CtgProgressSummary *summary);
int     _ctg_report_compare_echeance   (CtgAction           *a,
                                        CtgAction           *b);

const char *
_ctg_report_break_long_words (const char  *valid,
                              char       **copy);

G_END_DECLS
