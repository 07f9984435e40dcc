/**
 * Whether an opened database still has Ferry's tables and their columns. Someone who drops
 * `audit_head` (or any table) must get "damaged", once, when the database is opened, and never a
 * program error ("no such table") from whichever statement first needs it. What to expect is
 * derived from the migrations themselves, so it never drifts from them.
 */
import { DatabaseSync } from 'node:sqlite';
import { FerryError } from '../../shared/errors.ts';
import { START_AFRESH } from './create-database.ts';
import type { Migration } from './migrations.ts';

type Schema = Map<string, Set<string>>;

const expected = new WeakMap<readonly Migration[], Map<number, Schema>>();

/** Every table (but SQLite's own) and the names of its columns. */
function readSchema(db: DatabaseSync): Schema {
  const schema: Schema = new Map();
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").all() as { name: string }[];
  for (const { name } of tables) {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[];
    schema.set(name, new Set(columns.map((c) => c.name)));
  }
  return schema;
}

/** The schema `migrations` up to `version` make, built once in memory. */
function schemaAt(migrations: readonly Migration[], version: number): Schema {
  let byVersion = expected.get(migrations);
  if (!byVersion) expected.set(migrations, (byVersion = new Map()));
  let schema = byVersion.get(version);
  if (!schema) {
    const scratch = new DatabaseSync(':memory:');
    try {
      for (const m of migrations) if (m.version <= version) scratch.exec(m.sql);
      schema = readSchema(scratch);
    } finally {
      scratch.close();
    }
    byVersion.set(version, schema);
  }
  return schema;
}

/**
 * Throws DATA_DIR_UNUSABLE (reason "damaged") when a table or column that `migrations` up to
 * `version` create is missing from `db`. Extra tables and columns are left alone.
 */
export function checkSchema(db: DatabaseSync, migrations: readonly Migration[], version: number, file: string): void {
  const actual = readSchema(db);
  for (const [table, columns] of schemaAt(migrations, version)) {
    const found = actual.get(table);
    const missing = found ? [...columns].find((c) => !found.has(c)) : undefined;
    if (found && missing === undefined) continue;
    const what = found ? `column "${missing}" of table "${table}" is missing` : `Ferry’s table "${table}" is missing`;
    throw new FerryError('DATA_DIR_UNUSABLE', `${file} is damaged: ${what}. ${START_AFRESH}`, {
      file, reason: 'damaged', table, ...(missing !== undefined ? { column: missing } : {}),
    });
  }
}
