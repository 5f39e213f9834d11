import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { dataDir } from '@/lib/config/env';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const globalForDb = globalThis as unknown as { __wlbaDb?: { db: DB; file: string } };

export function dbFile(): string {
  return path.join(dataDir(), 'app.db');
}

/** Opens the SQLite file with the durability pragmas of SPEC §13. */
export function openDatabase(file: string): Database.Database {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

export function migrationsFolder(): string {
  return path.join(process.cwd(), 'db', 'migrations');
}

/** The one database handle; migrations are applied when it is first opened. */
export function getDb(): DB {
  const file = dbFile();
  const cached = globalForDb.__wlbaDb;
  if (cached && cached.file === file) return cached.db;
  const sqlite = openDatabase(file);
  const db = drizzle(sqlite, { schema }) as DB;
  migrate(db, { migrationsFolder: migrationsFolder() });
  globalForDb.__wlbaDb = { db, file };
  return db;
}

/** Closes the handle (tests and scripts). */
export function closeDb(): void {
  const cached = globalForDb.__wlbaDb;
  if (cached) {
    cached.db.$client.close();
    globalForDb.__wlbaDb = undefined;
  }
}

export { schema };

/** The database or a transaction: what services need to read and write. */
export type Queryable = Pick<DB, 'select' | 'insert' | 'update' | 'delete'>;
