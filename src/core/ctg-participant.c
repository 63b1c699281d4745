/* ctg-participant.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-participant"

#include "config.h"

#include <string.h>

#include "ctg-participant.h"
#include "ctg-status.h"

G_DEFINE_BOXED_TYPE (CtgParticipant, ctg_participant, ctg_participant_copy, ctg_participant_free)

CtgParticipant *
ctg_participant_new (const char         *name,
                     CtgParticipantKind  kind,
                     const char         *role)
{
  CtgParticipant *self = g_new0 (CtgParticipant, 1);

  self->name = g_strdup (name ? name : "");
  self->kind = kind;
  self->role = g_strdup (role ? role : "");
  return self;
}

CtgParticipant *
ctg_participant_copy (const CtgParticipant *self)
{
  return ctg_participant_new (self->name, self->kind, self->role);
}

void
ctg_participant_free (CtgParticipant *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->role);
  g_free (self);
}

gboolean
ctg_participant_equal (const CtgParticipant *a,
                       const CtgParticipant *b)
{
  return g_str_equal (a->name, b->name) && a->kind == b->kind && g_str_equal (a->role, b->role);
}

static gboolean
word_is_capitalized (const char *word)
{
  gunichar first = g_utf8_get_char (word);
  gboolean has_lower = FALSE;

  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      has_lower = TRUE;

  return g_unichar_isupper (first) && has_lower;
}

/**
 * ctg_participant_guess_kind:
 *
 * People are written "Prénom NOM" in CTG documents ("Jean-Luc CRUCIFIX"):
 * two to four words, the first capitalized, the last in capitals. Anything
 * else ("Caf", "RPE", "Conseil départemental") is an organisation.
 */
CtgParticipantKind
ctg_participant_guess_kind (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name, " \t", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; words[i]; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, words[i]);

  if (kept->len < 2 || kept->len > 4)
    return CTG_PARTICIPANT_ORGANISATION;

  if (word_is_capitalized (g_ptr_array_index (kept, 0)) &&
      ctg_text_is_capitals (g_ptr_array_index (kept, kept->len - 1), 2))
    return CTG_PARTICIPANT_PERSON;

  return CTG_PARTICIPANT_ORGANISATION;
}

/**
 * ctg_participant_parse:
 * @text: "Name", "Name (role)", optionally ending in "[person]" or
 *   "[organisation]" when the kind is not the one guessed from the name
 *
 * Returns: (transfer full) (nullable): the participant, %NULL for a blank text
 */
CtgParticipant *
ctg_participant_parse (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  CtgParticipantKind kind;
  gboolean kind_given = FALSE;
  char *role = NULL;
  gsize len;

  len = strlen (copy);
  if (g_str_has_suffix (copy, "[person]") || g_str_has_suffix (copy, "[personne]"))
    {
      kind = CTG_PARTICIPANT_PERSON;
      kind_given = TRUE;
      *strrchr (copy, '[') = '\0';
    }
  else if (g_str_has_suffix (copy, "[organisation]") || g_str_has_suffix (copy, "[organization]"))
    {
      kind = CTG_PARTICIPANT_ORGANISATION;
      kind_given = TRUE;
      *strrchr (copy, '[') = '\0';
    }
  g_strstrip (copy);
  len = strlen (copy);

  if (len == 0)
    return NULL;

  /* "Name (role)": the role is what the last balanced parenthesis holds */
  if (copy[len - 1] == ')')
    {
      int depth = 0;

      for (char *p = copy + len - 1; p > copy; p--)
        {
          if (*p == ')')
            depth++;
          else if (*p == '(' && --depth == 0)
            {
              *p = '\0';
              copy[len - 1] = '\0';
              role = p + 1;
              break;
            }
        }
      g_strstrip (copy);
      if (copy[0] == '\0')
        {
          /* "(Caf)" alone is a name, not a role */
          g_autofree char *whole = g_strstrip (g_strdup (text));
          return ctg_participant_new (whole, ctg_participant_guess_kind (whole), NULL);
        }
    }

  if (!kind_given)
    kind = ctg_participant_guess_kind (copy);

  return ctg_participant_new (copy, kind, role ? g_strstrip (role) : NULL);
}

/**
 * ctg_participant_to_string:
 *
 * The inverse of ctg_participant_parse().
 */
char *
ctg_participant_to_string (const CtgParticipant *self)
{
  GString *out = g_string_new (self->name);

  if (self->role[0] != '\0')
    g_string_append_printf (out, " (%s)", self->role);

  if (ctg_participant_guess_kind (self->name) != self->kind)
    g_string_append (out, self->kind == CTG_PARTICIPANT_PERSON ? " [person]" : " [organisation]");

  return g_string_free (out, FALSE);
}

const char *
ctg_participant_kind_to_key (CtgParticipantKind kind)
{
  return kind == CTG_PARTICIPANT_PERSON ? "person" : "organisation";
}

/* The inverse of ctg_participant_kind_to_key(), an organisation unless
 * @key says a person */
CtgParticipantKind
ctg_participant_kind_from_key (const char *key)
{
  return g_strcmp0 (key, "person") == 0 ? CTG_PARTICIPANT_PERSON : CTG_PARTICIPANT_ORGANISATION;
}

const char *
ctg_relation_to_key (CtgRelation relation)
{
  switch (relation)
    {
    case CTG_RELATION_PILOT: return "pilot";
    case CTG_RELATION_PARTNER: return "partner";
    case CTG_RELATION_REFERENT: return "referent";
    default: g_return_val_if_reached (NULL);
    }
}

/* The inverse of ctg_relation_to_key(), a partner for any other @key */
CtgRelation
ctg_relation_from_key (const char *key)
{
  return g_strcmp0 (key, "pilot") == 0 ? CTG_RELATION_PILOT
         : g_strcmp0 (key, "referent") == 0 ? CTG_RELATION_REFERENT
         : CTG_RELATION_PARTNER;
}

typedef struct
{
  char *name;
  char *key;
} SortedName;

static int
compare_sorted_names (gconstpointer a,
                      gconstpointer b)
{
  const SortedName *na = a;
  const SortedName *nb = b;

  return strcmp (na->key, nb->key);
}

/**
 * ctg_participant_names_for_choice:
 * @names: names as they were typed, the most used first
 *
 * The names to offer in a choice of pilots: one per person or organisation
 * whatever its case or accents ("communes" and "Communes" are the same
 * pilot; the most used spelling is kept), in the order of the user's
 * language ("Éducation nationale" among the E), with g_utf8_collate_key()
 * on the names without accents, then on the names.
 *
 * Returns: (transfer full): the names
 */
GStrv
ctg_participant_names_for_choice (const char * const *names)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (SortedName));
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv result;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      char *folded = ctg_text_fold (names[i]);
      g_autofree char *folded_key = NULL;
      g_autofree char *name_key = NULL;
      SortedName entry;

      if (g_hash_table_contains (seen, folded))
        {
          g_free (folded);
          continue;
        }
      g_hash_table_add (seen, folded);
      folded_key = g_utf8_collate_key (folded, -1);
      name_key = g_utf8_collate_key (names[i], -1);
      entry.name = g_strdup (names[i]);
      /* The accent-free name first, the name itself to part ties; no
       * collation key holds a NUL */
      entry.key = g_strconcat (folded_key, "\001", name_key, NULL);
      g_array_append_val (sorted, entry);
    }
  g_array_sort (sorted, compare_sorted_names);
  for (guint i = 0; i < sorted->len; i++)
    {
      SortedName *entry = &g_array_index (sorted, SortedName, i);

      g_strv_builder_add (builder, entry->name);
      g_free (entry->name);
      g_free (entry->key);
    }
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}
