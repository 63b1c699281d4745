/* ctg-convention-import.c: a new convention from a plan table and the
 * convention's own data
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-convention-import"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ctg-document-private.h"
#include "ctg-plan-csv.h"
#include "ctg-sheet.h"

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
      member = ctg_document_add_item (doc, CTG_ITEM_MEMBER, body_id, g_strstrip (parts[0]), error);
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
          gint64 id = ctg_document_add_item (doc, CTG_ITEM_SIGNATORY, 0, organisation, error);

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

/* Errors about the temporary file name the file the user asked for */
static void
name_target (GError     **error,
             const char  *tmp_path,
             const char  *path)
{
  g_autofree char *tmp_display = g_filename_display_basename (tmp_path);
  g_autofree char *display = g_filename_display_basename (path);
  g_auto(GStrv) parts = NULL;

  if (error == NULL || *error == NULL)
    return;
  parts = g_strsplit ((*error)->message, tmp_display, -1);
  g_free ((*error)->message);
  (*error)->message = g_strjoinv (display, parts);
}

/**
 * ctg_document_create_from_plan:
 * @path: the convention file to create
 * @source: the plan and the convention's data to import
 * @replace: whether a file at @path may be replaced: the user said so
 * @warnings: (nullable) (element-type utf8): where to add what the import
 *   passed over
 *
 * Creates a convention from an imported plan: `ctg import` and the app's
 * "Import a Plan Table" both come here. An existing @path is refused unless
 * @replace, and always when it is @source's file or a convention open for
 * editing (see ctg_document_check_replaceable()). The convention is built
 * beside @path under a hidden temporary name, synced and renamed into
 * place: a failure leaves neither a file at @path nor the temporary nor its
 * journal, and a crash leaves @path as it was.
 *
 * Returns: %TRUE once @path holds the new convention, closed
 */
gboolean
ctg_document_create_from_plan (const char           *path,
                               const CtgPlanSource  *source,
                               gboolean              replace,
                               GPtrArray            *warnings,
                               GError              **error)
{
  g_autoptr(CtgDocument) doc = NULL;
  g_autofree char *tmp_path = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (source != NULL && source->table != NULL, FALSE);

  if (!ctg_document_check_replaceable (path, source->file, replace, error))
    return FALSE;

  tmp_path = _ctg_file_temporary_path (path);
  doc = ctg_document_create (tmp_path, error);
  if (doc == NULL)
    {
      name_target (error, tmp_path, path);
      return FALSE;
    }

  ok = ctg_document_import_plan (doc, source->table, source->sheet, warnings, error) &&
       (source->convention == NULL || ctg_document_import_convention (doc, source->convention, error));
  ctg_document_close (doc);

  if (ok && !_ctg_file_rename_durably (tmp_path, path, replace))
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_basename (path);

      g_set_error (error, CTG_DOCUMENT_ERROR,
                   saved_errno == ENOSPC || saved_errno == EDQUOT ? CTG_DOCUMENT_ERROR_DISK_FULL
                   : saved_errno == EACCES || saved_errno == EROFS ? CTG_DOCUMENT_ERROR_READ_ONLY
                   : CTG_DOCUMENT_ERROR_FAILED,
                   saved_errno == EEXIST ? _("“%s” already exists.") : _("“%s” could not be created: %s"),
                   display, g_strerror (saved_errno));
      ok = FALSE;
    }

  /* A journal only stays behind when SQLite could not finish a rollback */
  if (!ok)
    {
      g_autofree char *journal = g_strconcat (tmp_path, "-journal", NULL);

      g_unlink (tmp_path);
      g_unlink (journal);
    }
  return ok;
}
