/* ctg-drift-menu.c: the meetings drift can be measured from, as a menu
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The timeline's outlines and the dashboard's drift show the plan as it
 * was at a meeting: the last COPIL by default, or one the user picks. The
 * choice is the window's "drift-since" property (win.drift-since, "" for
 * the default); both places offer the same menu of it. */

#define G_LOG_DOMAIN "ctg-drift-menu"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ctg-drift-menu.h"

typedef struct
{
  char *iso;
  char *label;
} Choice;

static void
choice_clear (Choice *choice)
{
  g_free (choice->iso);
  g_free (choice->label);
}

static gint
compare_choices (gconstpointer a,
                 gconstpointer b)
{
  /* Latest first: the meeting wanted is most often a recent one */
  return strcmp (((const Choice *) b)->iso, ((const Choice *) a)->iso);
}

/**
 * _ctg_format_iso_day:
 *
 * Returns: (transfer full): an ISO day as it is read, "12 March 2025";
 *   text that is not a date as it is
 */
char *
_ctg_format_iso_day (const char *iso)
{
  CtgDate date;

  if (iso == NULL || !ctg_date_parse (iso, &date))
    return g_strdup (iso ? iso : "");
  return ctg_date_format (&date);
}

/* A meeting as the menu and the dashboard name it: its body (or its
 * title), its day, "Comité de pilotage, 26 septembre 2022" */
static char *
meeting_label (CtgDocument   *document,
               CtgItem       *meeting,
               const CtgDate *date)
{
  gint64 body_id = ctg_item_get_int (meeting, "body-id");
  g_autoptr(CtgItem) body = body_id ? ctg_document_get_item (document, CTG_ITEM_BODY, body_id) : NULL;
  const char *name = body ? ctg_item_get_text (body, "name") : NULL;
  const char *title = ctg_item_get_text (meeting, "title");
  g_autofree char *day = ctg_date_format (date);

  if (name == NULL || name[0] == '\0')
    name = title && title[0] ? title : _("Meeting");
  /* Translators: a meeting in the menu of drift: its body, its date */
  return g_strdup_printf (_("%s, %s"), name, day);
}

/**
 * _ctg_drift_since_find_meeting:
 * @iso: the day compared with, as _ctg_drift_since_effective() gives it
 *
 * Returns: the meeting held that day that the comparison names (a COPIL's
 *   first, if several were), or 0
 */
gint64
_ctg_drift_since_find_meeting (CtgDocument *document,
                               const char  *iso)
{
  g_autoptr(GArray) ids = NULL;
  gint64 found = 0;

  if (document == NULL || iso == NULL || iso[0] == '\0')
    return 0;
  ids = ctg_document_list_ids (document, CTG_ITEM_MEETING, 0);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(CtgItem) meeting = ctg_document_get_item (document, CTG_ITEM_MEETING, id);
      const char *text = meeting ? ctg_item_get_text (meeting, "date") : NULL;
      gint64 body_id = meeting ? ctg_item_get_int (meeting, "body-id") : 0;
      g_autoptr(CtgItem) body = body_id ? ctg_document_get_item (document, CTG_ITEM_BODY, body_id) : NULL;
      g_autofree char *day = NULL;
      CtgDate date;

      if (text == NULL || !ctg_date_parse (text, &date) || !ctg_date_is_set (&date))
        continue;
      day = ctg_date_to_iso (&date);
      if (g_strcmp0 (day, iso) != 0)
        continue;
      if (body != NULL && g_strcmp0 (ctg_item_get_text (body, "kind"), "copil") == 0)
        return id;
      if (found == 0)
        found = id;
    }
  return found;
}

/**
 * _ctg_drift_since_describe:
 * @iso: the day compared with, as _ctg_drift_since_effective() gives it
 *
 * Returns: (transfer full): the meeting held that day as the menu names
 *   it (_ctg_drift_since_find_meeting()), or the day alone
 */
char *
_ctg_drift_since_describe (CtgDocument *document,
                           const char  *iso)
{
  gint64 id = _ctg_drift_since_find_meeting (document, iso);
  g_autoptr(CtgItem) meeting = id != 0 ? ctg_document_get_item (document, CTG_ITEM_MEETING, id) : NULL;
  CtgDate date;

  if (meeting == NULL || !ctg_date_parse (ctg_item_get_text (meeting, "date"), &date))
    return _ctg_format_iso_day (iso);
  return meeting_label (document, meeting, &date);
}

/**
 * _ctg_drift_since_meeting_day:
 * @id: a meeting
 *
 * Returns: (transfer full) (nullable): the day @id is held, ISO, as the
 *   window's choice names it; %NULL if it is gone or has no day
 */
char *
_ctg_drift_since_meeting_day (CtgDocument *document,
                              gint64       id)
{
  g_autoptr(CtgItem) meeting = NULL;
  const char *text;
  CtgDate date;

  /* A deleted row's item lives on while a widget holds it */
  if (id == 0 || !ctg_document_has_item (document, CTG_ITEM_MEETING, id))
    return NULL;
  meeting = ctg_document_get_item (document, CTG_ITEM_MEETING, id);
  text = meeting ? ctg_item_get_text (meeting, "date") : NULL;
  if (text == NULL || !ctg_date_parse (text, &date) || !ctg_date_is_set (&date))
    return NULL;
  return ctg_date_to_iso (&date);
}

/**
 * _ctg_drift_since_effective:
 * @chosen: (nullable): the window's choice, "" or %NULL for the default
 *
 * Returns: (transfer full) (nullable): the day drift is measured from
 */
char *
_ctg_drift_since_effective (CtgDocument *document,
                            const char  *chosen)
{
  if (chosen != NULL && chosen[0] != '\0')
    return g_strdup (chosen);
  return document ? ctg_drift_default_since (document) : NULL;
}

/**
 * _ctg_drift_menu_new:
 *
 * Returns: (transfer full): the last COPIL, then each meeting held until
 *   today, latest first, as radio items of win.drift-since
 */
GMenuModel *
_ctg_drift_menu_new (CtgDocument *document)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) meetings = g_menu_new ();
  g_autoptr(GArray) choices = g_array_new (FALSE, TRUE, sizeof (Choice));
  g_autoptr(GArray) ids = ctg_document_list_ids (document, CTG_ITEM_MEETING, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *fallback = ctg_drift_default_since (document);
  g_autofree char *first = NULL;
  g_autoptr(GMenuItem) item = NULL;

  g_array_set_clear_func (choices, (GDestroyNotify) choice_clear);
  if (fallback != NULL)
    {
      g_autofree char *day = _ctg_format_iso_day (fallback);

      /* Translators: the default meeting drift is measured from, with its date */
      first = g_strdup_printf (_("The Last COPIL (%s)"), day);
    }
  item = g_menu_item_new (first ? first : _("The Last COPIL"), NULL);
  g_menu_item_set_action_and_target (item, "win.drift-since", "s", "");
  g_menu_append_item (menu, item);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CtgItem) meeting = ctg_document_get_item (document, CTG_ITEM_MEETING, g_array_index (ids, gint64, i));
      const char *text = meeting ? ctg_item_get_text (meeting, "date") : NULL;
      Choice choice;
      CtgDate date;

      if (text == NULL || !ctg_date_parse (text, &date))
        continue;
      choice.iso = ctg_date_to_iso (&date);
      if (strcmp (choice.iso, today) > 0)
        {
          g_free (choice.iso);
          continue;
        }
      choice.label = meeting_label (document, meeting, &date);
      g_array_append_val (choices, choice);
    }
  g_array_sort (choices, compare_choices);
  for (guint i = 0; i < choices->len; i++)
    {
      const Choice *choice = &g_array_index (choices, Choice, i);
      g_autoptr(GMenuItem) meeting = g_menu_item_new (choice->label, NULL);

      g_menu_item_set_action_and_target (meeting, "win.drift-since", "s", choice->iso);
      g_menu_append_item (meetings, meeting);
    }
  if (choices->len > 0)
    g_menu_append_section (menu, _("Meetings"), G_MENU_MODEL (meetings));
  return G_MENU_MODEL (menu);
}

/**
 * _ctg_drift_menu_button_fill:
 *
 * Gives @button the menu of @document's meetings as they are now: called
 * as the menu opens, so meetings added since are there.
 */
void
_ctg_drift_menu_button_fill (GtkMenuButton *button,
                             CtgDocument   *document)
{
  g_autoptr(GMenuModel) model = NULL;

  if (document == NULL)
    return;
  model = _ctg_drift_menu_new (document);
  gtk_menu_button_set_menu_model (button, model);
}
