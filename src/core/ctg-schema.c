/* ctg-schema.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ctg-error.h"
#include "ctg-schema.h"

/* migrations[i] brings a file from version i to version i + 1. Never edit a
 * released entry: opened files are checked against exactly this SQL. */
static const char * const migrations[CTG_SCHEMA_VERSION] = {
  /* 0 -> 1 */
  "CREATE TABLE convention ("
  " id INTEGER PRIMARY KEY CHECK (id = 1),"
  " title TEXT NOT NULL DEFAULT '',"
  " territory TEXT NOT NULL DEFAULT '',"
  " caf TEXT NOT NULL DEFAULT '',"
  " period_start TEXT,"
  " period_end TEXT,"
  " signed_on TEXT,"
  " description TEXT NOT NULL DEFAULT '',"
  " created TEXT NOT NULL,"
  " modified TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE signatory ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " position INTEGER NOT NULL,"
  " organisation TEXT NOT NULL DEFAULT '',"
  " representative TEXT NOT NULL DEFAULT '',"
  " role TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE TABLE body ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " position INTEGER NOT NULL,"
  " name TEXT NOT NULL DEFAULT '',"
  " kind TEXT NOT NULL DEFAULT 'other'"
  "  CHECK (kind IN ('copil', 'cotech', 'strategic', 'thematic', 'other')),"
  " description TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE TABLE member ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " body_id INTEGER NOT NULL REFERENCES body (id),"
  " position INTEGER NOT NULL,"
  " name TEXT NOT NULL DEFAULT '',"
  " role TEXT NOT NULL DEFAULT '',"
  " organisation TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE TABLE meeting ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " body_id INTEGER REFERENCES body (id),"
  " position INTEGER NOT NULL,"
  " date TEXT,"
  " title TEXT NOT NULL DEFAULT '',"
  " notes TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE TABLE axis ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " position INTEGER NOT NULL,"
  " code TEXT NOT NULL DEFAULT '',"
  " title TEXT NOT NULL DEFAULT '',"
  " description TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE TABLE section ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " axis_id INTEGER NOT NULL REFERENCES axis (id),"
  " kind TEXT NOT NULL CHECK (kind IN ('theme', 'enjeu')),"
  " position INTEGER NOT NULL,"
  " title TEXT NOT NULL DEFAULT '',"
  " description TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE TABLE objective ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " axis_id INTEGER NOT NULL REFERENCES axis (id),"
  " theme_id INTEGER REFERENCES section (id),"
  " enjeu_id INTEGER REFERENCES section (id),"
  " position INTEGER NOT NULL,"
  " code TEXT NOT NULL DEFAULT '',"
  " title TEXT NOT NULL DEFAULT '',"
  " description TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE TABLE action ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " objective_id INTEGER NOT NULL REFERENCES objective (id),"
  " position INTEGER NOT NULL,"
  " code TEXT NOT NULL DEFAULT '',"
  " title TEXT NOT NULL DEFAULT '',"
  " description TEXT NOT NULL DEFAULT '',"
  " start TEXT,"
  " echeance TEXT,"
  " status TEXT NOT NULL DEFAULT 'todo'"
  "  CHECK (status IN ('todo', 'in-progress', 'done', 'postponed', 'abandoned')),"
  " progress INTEGER CHECK (progress BETWEEN 0 AND 100),"
  " means TEXT NOT NULL DEFAULT '',"
  " notes TEXT NOT NULL DEFAULT '',"
  " created TEXT NOT NULL,"
  " modified TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE participant ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " action_id INTEGER NOT NULL REFERENCES action (id),"
  " relation TEXT NOT NULL CHECK (relation IN ('pilot', 'partner')),"
  " position INTEGER NOT NULL,"
  " name TEXT NOT NULL,"
  " kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),"
  " role TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE TABLE step ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " action_id INTEGER NOT NULL REFERENCES action (id),"
  " position INTEGER NOT NULL,"
  " text TEXT NOT NULL DEFAULT '',"
  " date TEXT,"
  " done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1))"
  ") STRICT;"
  "CREATE TABLE indicator ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " action_id INTEGER NOT NULL REFERENCES action (id),"
  " position INTEGER NOT NULL,"
  " name TEXT NOT NULL DEFAULT '',"
  " target TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE TABLE indicator_value ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " indicator_id INTEGER NOT NULL REFERENCES indicator (id),"
  " year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),"
  " value TEXT NOT NULL DEFAULT '',"
  " UNIQUE (indicator_id, year)"
  ") STRICT;"
  "CREATE TABLE txn ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " time TEXT NOT NULL,"
  " label TEXT NOT NULL DEFAULT '',"
  " undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))"
  ") STRICT;"
  "CREATE TABLE journal ("
  " id INTEGER PRIMARY KEY,"
  " txn_id INTEGER NOT NULL REFERENCES txn (id) ON DELETE CASCADE,"
  " tbl TEXT NOT NULL,"
  " row_id INTEGER NOT NULL,"
  " op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),"
  " field TEXT,"
  " old ANY,"
  " new ANY"
  ") STRICT;"
  "CREATE INDEX member_body ON member (body_id);"
  "CREATE INDEX meeting_body ON meeting (body_id);"
  "CREATE INDEX section_axis ON section (axis_id);"
  "CREATE INDEX objective_axis ON objective (axis_id);"
  "CREATE INDEX objective_theme ON objective (theme_id);"
  "CREATE INDEX objective_enjeu ON objective (enjeu_id);"
  "CREATE INDEX action_objective ON action (objective_id);"
  "CREATE INDEX participant_action ON participant (action_id);"
  "CREATE INDEX participant_name ON participant (name);"
  "CREATE INDEX step_action ON step (action_id);"
  "CREATE INDEX indicator_action ON indicator (action_id);"
  "CREATE INDEX indicator_value_indicator ON indicator_value (indicator_id);"
  "CREATE INDEX journal_txn ON journal (txn_id);"
  "CREATE INDEX txn_time ON txn (time);",

  /* 1 -> 2: the annual evaluation. The participant table is rebuilt to
   * allow référents (a CHECK cannot be altered in place); its ids and its
   * AUTOINCREMENT counter are kept, since the journal refers to them. */
  "ALTER TABLE action ADD COLUMN continuous INTEGER NOT NULL DEFAULT 0"
  " CHECK (continuous IN (0, 1));"
  "ALTER TABLE action ADD COLUMN budget INTEGER CHECK (budget >= 0);"
  "ALTER TABLE action ADD COLUMN budget_year INTEGER"
  " CHECK (budget_year BETWEEN 1900 AND 2200);"
  "CREATE TABLE participant_v2 ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " action_id INTEGER NOT NULL REFERENCES action (id),"
  " relation TEXT NOT NULL CHECK (relation IN ('pilot', 'partner', 'referent')),"
  " position INTEGER NOT NULL,"
  " name TEXT NOT NULL,"
  " kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),"
  " role TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "INSERT INTO participant_v2 (id, action_id, relation, position, name, kind, role)"
  " SELECT id, action_id, relation, position, name, kind, role FROM participant;"
  "DELETE FROM sqlite_sequence WHERE name = 'participant_v2';"
  "INSERT INTO sqlite_sequence (name, seq)"
  " SELECT 'participant_v2', seq FROM sqlite_sequence WHERE name = 'participant';"
  "DROP TABLE participant;"
  "ALTER TABLE participant_v2 RENAME TO participant;"
  "CREATE INDEX participant_action ON participant (action_id);"
  "CREATE INDEX participant_name ON participant (name);"
  "CREATE TABLE action_year ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " action_id INTEGER NOT NULL REFERENCES action (id),"
  " year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),"
  " done TEXT NOT NULL DEFAULT '',"
  " difficulties TEXT NOT NULL DEFAULT '',"
  " next_steps TEXT NOT NULL DEFAULT '',"
  " status TEXT"
  "  CHECK (status IN ('todo', 'in-progress', 'done', 'postponed', 'abandoned')),"
  " progress INTEGER CHECK (progress BETWEEN 0 AND 100),"
  " UNIQUE (action_id, year)"
  ") STRICT;"
  "CREATE TABLE funding ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " action_id INTEGER NOT NULL REFERENCES action (id),"
  " position INTEGER NOT NULL,"
  " funder TEXT NOT NULL DEFAULT 'other'"
  "  CHECK (funder IN ('caf', 'commune', 'departement', 'etat', 'other')),"
  " name TEXT NOT NULL DEFAULT '',"
  " amount INTEGER CHECK (amount >= 0)"
  ") STRICT;"
  "CREATE TABLE evaluation_indicator ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " position INTEGER NOT NULL,"
  " name TEXT NOT NULL DEFAULT '',"
  " description TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE TABLE evaluation_assessment ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " indicator_id INTEGER NOT NULL REFERENCES evaluation_indicator (id),"
  " year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),"
  " level TEXT"
  "  CHECK (level IN ('not-met', 'partly-met', 'met', 'exceeded')),"
  " value TEXT NOT NULL DEFAULT '',"
  " comment TEXT NOT NULL DEFAULT '',"
  " UNIQUE (indicator_id, year)"
  ") STRICT;"
  "CREATE INDEX action_year_action ON action_year (action_id);"
  "CREATE INDEX funding_action ON funding (action_id);"
  "CREATE INDEX evaluation_assessment_indicator ON evaluation_assessment (indicator_id);",
};

/**
 * _ctg_schema_migrate:
 * @db: a database inside a transaction
 * @from_version: its current user_version
 *
 * Runs every migration from @from_version to %CTG_SCHEMA_VERSION and sets
 * user_version. The caller owns the transaction, so a failure leaves the
 * file as it was.
 */
gboolean
_ctg_schema_migrate (sqlite3  *db,
                     int       from_version,
                     GError  **error)
{
  g_autofree char *set_version = NULL;
  char *message = NULL;

  g_return_val_if_fail (from_version >= 0 && from_version <= CTG_SCHEMA_VERSION, FALSE);

  for (int v = from_version; v < CTG_SCHEMA_VERSION; v++)
    {
      if (sqlite3_exec (db, migrations[v], NULL, NULL, &message) != SQLITE_OK)
        {
          g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                       _("The file could not be upgraded to the current format: %s"),
                       message);
          sqlite3_free (message);
          return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                 CTG_APPLICATION_ID, CTG_SCHEMA_VERSION);
  if (sqlite3_exec (db, set_version, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                   _("The file could not be upgraded to the current format: %s"),
                   message);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static GHashTable *
read_schema (sqlite3 *db)
{
  GHashTable *schema = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT type, name, tbl_name, sql FROM main.sqlite_schema"
                          " ORDER BY type, name",
                          -1, &stmt, NULL) != SQLITE_OK)
    return schema;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *row = g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s",
                                   (const char *) sqlite3_column_text (stmt, 0),
                                   (const char *) sqlite3_column_text (stmt, 1),
                                   (const char *) sqlite3_column_text (stmt, 2),
                                   sqlite3_column_type (stmt, 3) == SQLITE_NULL
                                     ? "" : (const char *) sqlite3_column_text (stmt, 3));
      g_hash_table_add (schema, row);
    }

  sqlite3_finalize (stmt);
  return schema;
}

/**
 * _ctg_schema_verify:
 * @db: an opened file
 * @version: its user_version
 *
 * Checks that the file holds exactly the tables and indexes CTG Planner made
 * for @version: no extra trigger, view, column or index from elsewhere, since
 * a file can come from anyone.
 */
gboolean
_ctg_schema_verify (sqlite3  *db,
                    int       version,
                    GError  **error)
{
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) actual = NULL;
  sqlite3 *reference = NULL;
  GHashTableIter iter;
  gpointer key;

  if (sqlite3_open_v2 (":memory:", &reference,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      sqlite3_close (reference);
      g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                           _("Not enough memory to open the file"));
      return FALSE;
    }

  for (int v = 0; v < version; v++)
    sqlite3_exec (reference, migrations[v], NULL, NULL, NULL);

  expected = read_schema (reference);
  sqlite3_close (reference);
  actual = read_schema (db);

  if (g_hash_table_size (expected) != g_hash_table_size (actual))
    goto mismatch;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (actual, key))
      goto mismatch;

  return TRUE;

mismatch:
  g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_DAMAGED,
                       _("The file has been altered outside CTG Planner: its structure "
                         "is not that of a convention, so it is not opened for safety."));
  return FALSE;
}
