/* ctg-schema.c
 *
 * Copyright 2026 The CTG Planner authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ctg-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ctg-document-private.h"
#include "ctg-error.h"
#include "ctg-number.h"
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

  /* 2 -> 3: stable identity, for merging two copies of one convention
   * (docs/merge.md). Every row gets a uuid that copies keep; transactions
   * too. A transaction undone then replaced by a new edit is kept as
   * "dropped" instead of deleted, so that a copy can still be taken back to
   * where it parted from another. The history lists the states the file
   * went through. The values are filled by _ctg_schema_fill_identities(). */
  "ALTER TABLE convention ADD COLUMN lineage TEXT;"
  "ALTER TABLE convention ADD COLUMN uuid TEXT;"
  "ALTER TABLE signatory ADD COLUMN uuid TEXT;"
  "ALTER TABLE body ADD COLUMN uuid TEXT;"
  "ALTER TABLE member ADD COLUMN uuid TEXT;"
  "ALTER TABLE meeting ADD COLUMN uuid TEXT;"
  "ALTER TABLE axis ADD COLUMN uuid TEXT;"
  "ALTER TABLE section ADD COLUMN uuid TEXT;"
  "ALTER TABLE objective ADD COLUMN uuid TEXT;"
  "ALTER TABLE action ADD COLUMN uuid TEXT;"
  "ALTER TABLE participant ADD COLUMN uuid TEXT;"
  "ALTER TABLE step ADD COLUMN uuid TEXT;"
  "ALTER TABLE indicator ADD COLUMN uuid TEXT;"
  "ALTER TABLE indicator_value ADD COLUMN uuid TEXT;"
  "ALTER TABLE action_year ADD COLUMN uuid TEXT;"
  "ALTER TABLE funding ADD COLUMN uuid TEXT;"
  "ALTER TABLE evaluation_indicator ADD COLUMN uuid TEXT;"
  "ALTER TABLE evaluation_assessment ADD COLUMN uuid TEXT;"
  "ALTER TABLE txn ADD COLUMN uuid TEXT;"
  "ALTER TABLE txn ADD COLUMN dropped INTEGER NOT NULL DEFAULT 0 CHECK (dropped IN (0, 1));"
  "CREATE UNIQUE INDEX convention_uuid ON convention (uuid);"
  "CREATE UNIQUE INDEX signatory_uuid ON signatory (uuid);"
  "CREATE UNIQUE INDEX body_uuid ON body (uuid);"
  "CREATE UNIQUE INDEX member_uuid ON member (uuid);"
  "CREATE UNIQUE INDEX meeting_uuid ON meeting (uuid);"
  "CREATE UNIQUE INDEX axis_uuid ON axis (uuid);"
  "CREATE UNIQUE INDEX section_uuid ON section (uuid);"
  "CREATE UNIQUE INDEX objective_uuid ON objective (uuid);"
  "CREATE UNIQUE INDEX action_uuid ON action (uuid);"
  "CREATE UNIQUE INDEX participant_uuid ON participant (uuid);"
  "CREATE UNIQUE INDEX step_uuid ON step (uuid);"
  "CREATE UNIQUE INDEX indicator_uuid ON indicator (uuid);"
  "CREATE UNIQUE INDEX indicator_value_uuid ON indicator_value (uuid);"
  "CREATE UNIQUE INDEX action_year_uuid ON action_year (uuid);"
  "CREATE UNIQUE INDEX funding_uuid ON funding (uuid);"
  "CREATE UNIQUE INDEX evaluation_indicator_uuid ON evaluation_indicator (uuid);"
  "CREATE UNIQUE INDEX evaluation_assessment_uuid ON evaluation_assessment (uuid);"
  "CREATE UNIQUE INDEX txn_uuid ON txn (uuid);"
  "CREATE TABLE history ("
  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
  " state TEXT NOT NULL UNIQUE,"
  " op TEXT NOT NULL CHECK (op IN ('init', 'do', 'undo', 'redo', 'known')),"
  " txn_uuid TEXT"
  ") STRICT;",

  /* 3 -> 4: indicators as measures. Numbers are stored plain ("1234.5",
   * ctg_number_to_plain()) in TEXT columns, like the values before them;
   * the free-text target stays for what is not a number. The values
   * already typed are sorted by _ctg_schema_measure_indicators(). */
  "ALTER TABLE indicator ADD COLUMN kind TEXT CHECK (kind IN ('result', 'means'));"
  "ALTER TABLE indicator ADD COLUMN unit TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE indicator ADD COLUMN baseline TEXT;"
  "ALTER TABLE indicator ADD COLUMN baseline_year INTEGER"
  " CHECK (baseline_year BETWEEN 1900 AND 2200);"
  "ALTER TABLE indicator ADD COLUMN target_value TEXT;"
  "ALTER TABLE indicator ADD COLUMN target_year INTEGER"
  " CHECK (target_year BETWEEN 1900 AND 2200);"
  "ALTER TABLE indicator_value ADD COLUMN comment TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE evaluation_indicator ADD COLUMN kind TEXT CHECK (kind IN ('result', 'means'));"
  "ALTER TABLE evaluation_indicator ADD COLUMN unit TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE evaluation_indicator ADD COLUMN baseline TEXT;"
  "ALTER TABLE evaluation_indicator ADD COLUMN baseline_year INTEGER"
  " CHECK (baseline_year BETWEEN 1900 AND 2200);"
  "ALTER TABLE evaluation_indicator ADD COLUMN target_value TEXT;"
  "ALTER TABLE evaluation_indicator ADD COLUMN target_year INTEGER"
  " CHECK (target_year BETWEEN 1900 AND 2200);"
  "ALTER TABLE evaluation_assessment ADD COLUMN measure TEXT;",
};

/* Fails an upgrade, saying why */
static gboolean
upgrade_failed (GError     **error,
                const char  *reason)
{
  g_set_error (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
               _("The file could not be upgraded to the current format: %s"), reason);
  return FALSE;
}

static gboolean
exec_upgrade (sqlite3     *db,
              const char  *sql,
              GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;
  upgrade_failed (error, message);
  sqlite3_free (message);
  return FALSE;
}

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

  g_return_val_if_fail (from_version >= 0 && from_version <= CTG_SCHEMA_VERSION, FALSE);

  for (int v = from_version; v < CTG_SCHEMA_VERSION; v++)
    if (!exec_upgrade (db, migrations[v], error))
      return FALSE;

  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                 CTG_APPLICATION_ID, CTG_SCHEMA_VERSION);
  return exec_upgrade (db, set_version, error);
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
/* What the migrations make for @version, worked out once per process */
static GHashTable *
expected_schema (int version)
{
  static GHashTable *cache[CTG_SCHEMA_VERSION + 1];
  static GMutex lock;
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  sqlite3 *reference = NULL;

  if (cache[version] != NULL)
    return g_hash_table_ref (cache[version]);

  if (sqlite3_open_v2 (":memory:", &reference,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      sqlite3_close (reference);
      return NULL;
    }
  for (int v = 0; v < version; v++)
    sqlite3_exec (reference, migrations[v], NULL, NULL, NULL);
  cache[version] = read_schema (reference);
  sqlite3_close (reference);
  return g_hash_table_ref (cache[version]);
}

gboolean
_ctg_schema_verify (sqlite3  *db,
                    int       version,
                    GError  **error)
{
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) actual = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (version >= 0 && version <= CTG_SCHEMA_VERSION, FALSE);

  expected = expected_schema (version);
  if (expected == NULL)
    {
      g_set_error_literal (error, CTG_DOCUMENT_ERROR, CTG_DOCUMENT_ERROR_FAILED,
                           _("Not enough memory to open the file"));
      return FALSE;
    }
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

/* Every table of the convention's own data: from v3 on each has a uuid */
const char * const _ctg_schema_user_tables[] = {
  "convention", "signatory", "body", "member", "meeting", "axis", "section",
  "objective", "action", "participant", "step", "indicator", "indicator_value",
  "action_year", "funding", "evaluation_indicator", "evaluation_assessment",
  NULL
};

static char *
uuid_from_checksum (GChecksum *checksum)
{
  guint8 digest[32];
  gsize length = sizeof digest;

  g_checksum_get_digest (checksum, digest, &length);
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* A uuid both copies of one file compute alike: the rows of a file
 * upgraded from v2 must have the same identity in every copy, even
 * copies upgraded separately. */
char *
_ctg_schema_derived_uuid (const char *lineage,
              const char *what,
              gint64      id,
              const char *extra)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *text = g_strdup_printf ("%s\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%s",
                                           lineage ? lineage : "", what, id, extra ? extra : "");

  g_checksum_update (checksum, (const guchar *) text, -1);
  return uuid_from_checksum (checksum);
}

static gboolean
exec_bound (sqlite3     *db,
            const char  *sql,
            const char  *text,
            gint64       id)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

/* What the file holds, as one digest: two copies upgraded separately
 * share their first state only if they held the same convention */
static void
digest_content (sqlite3   *db,
                GChecksum *checksum)
{
  for (guint t = 0; _ctg_schema_user_tables[t]; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", _ctg_schema_user_tables[t]);
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        continue;
      g_checksum_update (checksum, (const guchar *) sql, -1);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            char type = '0' + sqlite3_column_type (stmt, c);

            g_checksum_update (checksum, (const guchar *) &type, 1);
            if (sqlite3_column_type (stmt, c) != SQLITE_NULL)
              g_checksum_update (checksum, sqlite3_column_text (stmt, c), sqlite3_column_bytes (stmt, c));
            g_checksum_update (checksum, (const guchar *) "\x1f", 1);
          }
      sqlite3_finalize (stmt);
    }
}

/**
 * _ctg_schema_fill_identities:
 * @db: a database at the current version, inside a transaction
 * @creating: whether it is a new convention (a new lineage), or one
 *   upgraded from an older version (a lineage derived from its creation)
 *
 * Gives a uuid to every row and transaction that has none yet, a lineage
 * to the convention and a first state to the history. What it gives a file
 * upgraded from v2 is computed from the file alone, so copies upgraded
 * separately agree.
 */
gboolean
_ctg_schema_fill_identities (sqlite3   *db,
                             gboolean   creating,
                             GError   **error)
{
  g_autofree char *lineage = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean has_history = FALSE;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, "SELECT lineage, created FROM convention WHERE id = 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        lineage = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      else if (creating)
        lineage = _ctg_uuid_new ();
      else
        lineage = _ctg_schema_derived_uuid ("ctg-lineage", "created", 0, (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (lineage != NULL)
    ok = exec_bound (db, "UPDATE convention SET lineage = ?1 WHERE id = ?2 AND lineage IS NULL", lineage, 1);

  for (guint t = 0; ok && _ctg_schema_user_tables[t]; t++)
    {
      const char *table = _ctg_schema_user_tables[t];
      g_autofree char *select = g_strdup_printf ("SELECT id FROM %s WHERE uuid IS NULL", table);
      g_autofree char *update = g_strdup_printf ("UPDATE %s SET uuid = ?1 WHERE id = ?2", table);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (sqlite3_prepare_v2 (db, select, -1, &stmt, NULL) != SQLITE_OK)
        ok = FALSE;
      while (ok && sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
        }
      sqlite3_finalize (stmt);
      stmt = NULL;
      for (guint i = 0; ok && i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);
          g_autofree char *uuid = _ctg_schema_derived_uuid (lineage, table, id, NULL);

          ok = exec_bound (db, update, uuid, id);
        }
    }

  if (ok && sqlite3_prepare_v2 (db, "SELECT id, time || label FROM txn WHERE uuid IS NULL", -1, &stmt, NULL) == SQLITE_OK)
    {
      g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
          g_ptr_array_add (uuids, _ctg_schema_derived_uuid (lineage, "txn", id, (const char *) sqlite3_column_text (stmt, 1)));
        }
      sqlite3_finalize (stmt);
      stmt = NULL;
      for (guint i = 0; ok && i < ids->len; i++)
        ok = exec_bound (db, "UPDATE txn SET uuid = ?1 WHERE id = ?2",
                         g_ptr_array_index (uuids, i), g_array_index (ids, gint64, i));
    }

  if (ok && sqlite3_prepare_v2 (db, "SELECT 1 FROM history LIMIT 1", -1, &stmt, NULL) == SQLITE_OK)
    has_history = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  if (ok && !has_history && lineage != NULL)
    {
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
      g_autofree char *state = NULL;

      g_checksum_update (checksum, (const guchar *) lineage, -1);
      if (creating)
        {
          g_autofree char *random = _ctg_uuid_new ();
          g_checksum_update (checksum, (const guchar *) random, -1);
        }
      else
        digest_content (db, checksum);
      state = uuid_from_checksum (checksum);
      ok = exec_bound (db, "INSERT INTO history (state, op) SELECT ?1, 'init' WHERE ?2 = 0", state, 0);
    }

  if (!ok)
    return upgrade_failed (error, sqlite3_errmsg (db));
  return TRUE;
}

/* Runs each statement of @sql (";"-separated) with ?1 the row, ?2 the
 * plain number and ?3 its unit */
static gboolean
exec_for_row (sqlite3    *db,
              const char *sql,
              gint64      id,
              const char *plain,
              const char *unit)
{
  const char *tail = sql;

  while (tail != NULL && *tail != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      gboolean ok;

      if (sqlite3_prepare_v2 (db, tail, -1, &stmt, &tail) != SQLITE_OK)
        return FALSE;
      if (stmt == NULL)
        break;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_bind_parameter_count (stmt) >= 2)
        sqlite3_bind_text (stmt, 2, plain, -1, SQLITE_TRANSIENT);
      if (sqlite3_bind_parameter_count (stmt) >= 3)
        sqlite3_bind_text (stmt, 3, unit ? unit : "", -1, SQLITE_TRANSIENT);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      sqlite3_finalize (stmt);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Runs @if_number on the rows of @select ("SELECT id, text") whose text
 * reads as a number, @if_text (nullable) on the others */
static gboolean
rewrite_rows (sqlite3    *db,
              const char *select,
              const char *if_number,
              const char *if_text)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) plains = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, select, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gboolean has_value = FALSE;
      double value = 0;
      char *unit = NULL;

      if (!ctg_number_parse ((const char *) sqlite3_column_text (stmt, 1), &has_value, &value, &unit, NULL))
        has_value = FALSE;
      g_array_append_val (ids, id);
      g_ptr_array_add (plains, has_value ? ctg_number_to_plain (value) : NULL);
      g_ptr_array_add (units, unit);
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; ok && i < ids->len; i++)
    {
      const char *plain = g_ptr_array_index (plains, i);
      const char *sql = plain ? if_number : if_text;

      if (sql != NULL)
        ok = exec_for_row (db, sql, g_array_index (ids, gint64, i), plain, g_ptr_array_index (units, i));
    }
  return ok;
}

/**
 * _ctg_schema_measure_indicators:
 * @db: a file just migrated from before v4, inside the migration's transaction
 *
 * Sorts what users typed as free text before indicators were measures: a
 * target or a yearly value that reads as a number ("1 234,5", "12 %")
 * becomes that number, its unit given to the indicator when it had none;
 * any other text is kept as it was, a target as the text target, a value
 * as the year's comment. Nothing typed is lost.
 */
gboolean
_ctg_schema_measure_indicators (sqlite3  *db,
                                GError  **error)
{
  gboolean ok =
    rewrite_rows (db, "SELECT id, target FROM indicator WHERE target <> ''",
                  "UPDATE indicator SET target_value = ?2, target = '',"
                  " unit = CASE WHEN unit = '' THEN ?3 ELSE unit END WHERE id = ?1",
                  NULL) &&
    rewrite_rows (db, "SELECT id, value FROM indicator_value WHERE value <> ''",
                  "UPDATE indicator SET unit = ?3 WHERE unit = '' AND ?3 <> '' AND id ="
                  " (SELECT indicator_id FROM indicator_value WHERE id = ?1);"
                  "UPDATE indicator_value SET value = ?2 WHERE id = ?1",
                  "UPDATE indicator_value SET comment = value, value = '' WHERE id = ?1") &&
    rewrite_rows (db, "SELECT id, value FROM evaluation_assessment WHERE value <> ''",
                  "UPDATE evaluation_assessment SET measure = ?2 WHERE id = ?1",
                  NULL);

  if (!ok)
    return upgrade_failed (error, sqlite3_errmsg (db));
  return TRUE;
}
