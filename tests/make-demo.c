/* make-demo.c: fills a copy of an example with plausible follow-up data
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The valence-romans example, the largest, gives no dates, statuses or
 * pilots: the source document has none. The screenshots of the timeline and
 * the dashboard need some, so this tool sets them, deterministically,
 * through the core API as a user would, relative to today's date:
 *
 *   make-demo COPY.ctg
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ctg-core.h"

static const char * const pilots[] = {
  "Caf de la Drôme", "Valence Romans Agglo", "CCAS de Valence", "Centres sociaux",
  "RPE", "PMI", "Ville de Romans-sur-Isère", "Éducation nationale",
};

static void
check (gboolean   ok,
       GError   **error)
{
  if (!ok)
    g_error ("%s", *error ? (*error)->message : "failed");
}

static void
set_text (CtgDocument *document,
          gint64       id,
          const char  *field,
          const char  *value)
{
  g_autoptr(GError) error = NULL;

  check (ctg_document_set (document, CTG_ITEM_ACTION, id, field, value, &error), &error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtgDocument) document = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  gint64 axis = -1;
  guint n;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("Usage: make-demo COPY.ctg\n");
      return 2;
    }
  document = ctg_document_open (argv[1], CTG_OPEN_FLAGS_NONE, &error);
  check (document != NULL, &error);
  actions = ctg_document_list_actions (document, 0);
  n = g_list_model_get_n_items (actions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtgAction) action = g_list_model_get_item (actions, i);
      gint64 id = ctg_action_get_id (action);
      guint h = (i * 2654435761u) >> 7;
      int start = year - 4 + (int) (h % 5);
      int length = 1 + (int) ((h >> 3) % 3);
      int end = start + length - 1;
      g_autofree char *start_text = NULL;
      g_autofree char *end_text = NULL;
      g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) ctg_participant_free);
      const char *status;
      const char *progress = NULL;

      if (ctg_action_get_axis_id (action) != axis)
        {
          g_autofree char *title = NULL;

          if (axis != -1)
            check (ctg_document_end_group (document, &error), &error);
          axis = ctg_action_get_axis_id (action);
          title = g_strdup_printf ("Point d’étape : axe %" G_GINT64_FORMAT, axis);
          check (ctg_document_begin_group (document, title, &error), &error);
        }

      /* Most dates are years, as in the conventions; some months and days */
      switch (h % 6)
        {
        case 0:
          start_text = g_strdup_printf ("%04d-%02u", start, 1 + (h >> 5) % 12);
          end_text = g_strdup_printf ("%04d-%02u", end + 1, 1 + (h >> 9) % 12);
          break;
        case 1:
          start_text = g_strdup_printf ("%04d-%02u-%02u", start, 1 + (h >> 5) % 12, 1 + (h >> 9) % 28);
          end_text = g_strdup_printf ("%04d-%02u-%02u", end + 1, 1 + (h >> 11) % 12, 1 + (h >> 13) % 28);
          break;
        default:
          start_text = g_strdup_printf ("%04d", start);
          end_text = g_strdup_printf ("%04d", end);
          break;
        }
      if (h % 11 == 3)
        g_clear_pointer (&start_text, g_free);
      if (h % 17 == 5)
        {
          g_clear_pointer (&start_text, g_free);
          g_clear_pointer (&end_text, g_free);
        }

      if (end < year - 1)
        status = h % 7 == 0 ? "in-progress" : h % 13 == 0 ? "abandoned" : "done";
      else if (end < year)
        status = (const char *[]) { "postponed", "todo", "in-progress", "done" }[(h >> 2) % 4];
      else if (start <= year)
        status = (h >> 4) % 5 == 0 ? "postponed" : "in-progress";
      else
        status = "todo";
      if (g_str_equal (status, "done"))
        progress = "100";
      else if (g_str_equal (status, "in-progress"))
        progress = (const char *[]) { "20", "40", "50", "60", "75" }[h % 5];

      if (start_text && end_text)
        {
          set_text (document, id, "start", NULL);
          set_text (document, id, "echeance", end_text);
          set_text (document, id, "start", start_text);
        }
      else if (end_text)
        set_text (document, id, "echeance", end_text);
      set_text (document, id, "status", status);
      if (progress != NULL)
        set_text (document, id, "progress", progress);

      g_ptr_array_add (people, ctg_participant_new (pilots[h % G_N_ELEMENTS (pilots)], CTG_PARTICIPANT_ORGANISATION, ""));
      if (h % 3 == 0)
        g_ptr_array_add (people, ctg_participant_new (pilots[(h >> 4) % G_N_ELEMENTS (pilots)],
                                                      CTG_PARTICIPANT_ORGANISATION, ""));
      if (people->len == 2 && g_str_equal (((CtgParticipant *) people->pdata[0])->name,
                                           ((CtgParticipant *) people->pdata[1])->name))
        g_ptr_array_remove_index (people, 1);
      check (ctg_document_set_participants (document, id, CTG_RELATION_PILOT, people, &error), &error);
    }
  check (ctg_document_end_group (document, &error), &error);

  /* Two COPIL before today, one after */
  {
    g_autofree char *a = g_strdup_printf ("%04d-11-18", year - 1);
    g_autofree char *b = g_strdup_printf ("%04d-%02d-%02d", g_date_time_get_year (now),
                                          MAX (g_date_time_get_month (now) - 3, 1), 12);
    g_autofree char *c = g_strdup_printf ("%04d-01-22", year + 1);

    check (ctg_document_add_meeting (document, 0, a, "COPIL annuel", &error) != 0, &error);
    check (ctg_document_add_meeting (document, 0, b, "COTECH de suivi", &error) != 0, &error);
    check (ctg_document_add_meeting (document, 0, c, "COPIL annuel", &error) != 0, &error);
  }

  ctg_document_close (document);
  return 0;
}
