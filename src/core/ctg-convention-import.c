/* ctg-convention-import.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-convention-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ctg-document-private.h"
#include "ctg-plan-csv.h"

/* The convention's own data in the readable form of data/examples/README.md */

static char *
get_string (GKeyFile   *key_file,
            const char *group,
            const char *key)
{
  char *value = g_key_file_get_string (key_file, group, key, NULL);

  return value ? value : g_strdup ("");
}

/* A key of a group and the field it sets */
typedef struct
{
  const char *key;
  const char *field;
} KeyField;

/* Sets the field of each of @keys (ending with a NULL key) the group has */
static gboolean
set_from_keys (CtgDocument     *doc,
               GKeyFile        *key_file,
               const char      *group,
               CtgItemKind      kind,
               gint64           id,
               const KeyField  *keys,
               GError         **error)
{
  for (guint k = 0; keys[k].key != NULL; k++)
    {
      g_autofree char *value = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!g_key_file_has_key (key_file, group, keys[k].key, NULL))
        continue;
      value = get_string (key_file, group, keys[k].key);
      if (!ctg_document_set (doc, kind, id, keys[k].field, value, &local_error))
        {
          /* Translators: [Group] Key: message, about a line of a .convention file */
          g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                       _("[%s] %s: %s"), group, keys[k].key, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
import_members (CtgDocument  *doc,
                GKeyFile     *key_file,
                const char   *group,
                gint64        body_id,
                GError      **error)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *key = g_strdup_printf ("Member%u", n);
      g_autofree char *value = NULL;
      g_auto(GStrv) parts = NULL;
      gint64 member;

      if (!g_key_file_has_key (key_file, group, key, NULL))
        return TRUE;

      value = get_string (key_file, group, key);
      parts = g_strsplit (value, "|", 3);
      member = ctg_document_add_member (doc, body_id, g_strstrip (parts[0]), error);
      if (member == 0)
        return FALSE;
      if (parts[1] != NULL && !ctg_document_set (doc, CTG_ITEM_MEMBER, member, "role", g_strstrip (parts[1]), error))
        return FALSE;
      if (parts[1] != NULL && parts[2] != NULL &&
          !ctg_document_set (doc, CTG_ITEM_MEMBER, member, "organisation", g_strstrip (parts[2]), error))
        return FALSE;
    }
}

static gboolean
import_groups (CtgDocument  *doc,
               GKeyFile     *key_file,
               GError      **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (key_file, NULL);

  for (guint i = 0; groups[i]; i++)
    {
      const char *group = groups[i];

      if (g_str_equal (group, "Convention"))
        {
          static const KeyField keys[] = {
            { "Title", "title" }, { "Territory", "territory" }, { "CAF", "caf" },
            { "Start", "period_start" }, { "End", "period_end" }, { "Signed", "signed_on" },
            { "Description", "description" }, { NULL },
          };

          if (!set_from_keys (doc, key_file, group, CTG_ITEM_CONVENTION, 1, keys, error))
            return FALSE;
        }
      else if (g_str_has_prefix (group, "Signatory "))
        {
          g_autofree char *organisation = get_string (key_file, group, "Organisation");
          gint64 id = ctg_document_add_signatory (doc, organisation, error);

          if (id == 0 ||
              !set_from_keys (doc, key_file, group, CTG_ITEM_SIGNATORY, id,
                              (KeyField[]) { { "Representative", "representative" }, { "Role", "role" }, { NULL } },
                              error))
            return FALSE;
        }
      else if (g_str_has_prefix (group, "Body "))
        {
          g_autofree char *name = get_string (key_file, group, "Name");
          g_autofree char *kind = get_string (key_file, group, "Kind");
          gint64 id = ctg_document_add_body (doc, name, kind[0] ? kind : "other", error);

          if (id == 0 ||
              !set_from_keys (doc, key_file, group, CTG_ITEM_BODY, id,
                              (KeyField[]) { { "Description", "description" }, { NULL } }, error) ||
              !import_members (doc, key_file, group, id, error))
            return FALSE;
        }
      else if (g_str_has_prefix (group, "Meeting "))
        {
          g_autofree char *body = get_string (key_file, group, "Body");
          g_autofree char *date = get_string (key_file, group, "Date");
          g_autofree char *title = get_string (key_file, group, "Title");
          gint64 body_id = body[0] ? ctg_document_find_child (doc, CTG_ITEM_BODY, 0, "name", body, NULL) : 0;
          gint64 id;

          if (body[0] != '\0' && body_id == 0)
            {
              g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                           _("[%s] Body: no governance body is named “%s”"), group, body);
              return FALSE;
            }
          id = ctg_document_add_meeting (doc, body_id, date, title, error);
          if (id == 0 ||
              !set_from_keys (doc, key_file, group, CTG_ITEM_MEETING, id,
                              (KeyField[]) { { "Notes", "notes" }, { NULL } }, error))
            return FALSE;
        }
      else if (g_str_has_prefix (group, "Axis "))
        {
          g_autofree char *title = get_string (key_file, group, "Title");
          gint64 id = ctg_document_find_child (doc, CTG_ITEM_AXIS, 0, "title", title, NULL);

          if (id == 0)
            {
              g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_INVALID_VALUE,
                           _("[%s] Title: the plan has no axis “%s”"), group, title);
              return FALSE;
            }
          if (!set_from_keys (doc, key_file, group, CTG_ITEM_AXIS, id,
                              (KeyField[]) { { "Code", "code" }, { "Description", "description" }, { NULL } },
                              error))
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * ctg_document_import_convention:
 * @key_file: the convention in the form of `data/examples/NAME.convention`
 *
 * Sets the convention's title, territory, period and description, and adds
 * its signatories, governance bodies with their members, meetings, and the
 * descriptions of axes already in the plan. All or nothing.
 */
gboolean
ctg_document_import_convention (CtgDocument  *self,
                                GKeyFile     *key_file,
                                GError      **error)
{
  gboolean creating;
  gboolean ok;

  g_return_val_if_fail (CTG_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (key_file != NULL, FALSE);

  /* Filling a convention never edited is its creation, not an edit to undo */
  creating = !ctg_document_can_undo (self) && !ctg_document_can_redo (self);

  if (!_ctg_document_begin (self, N_("Import convention"), error))
    return FALSE;
  if (creating)
    _ctg_document_suspend_journal (self);
  ok = import_groups (self, key_file, error);
  if (creating)
    _ctg_document_resume_journal (self);
  return _ctg_document_end (self, ok, ok ? error : NULL) && ok;
}
