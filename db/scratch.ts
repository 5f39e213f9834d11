import 'server-only';
import path from 'node:path';
import Database from 'better-sqlite3';
import { dataDir } from '@/lib/config/env';

/**
 * DATA_DIR/scratch.db: state the workers of one instance share but nobody needs after a crash —
 * the public rate limit's token buckets. Apart from app.db so that a public query does not pay
 * for app.db's fsync (synchronous = FULL) on every request: here synchronous = OFF, and losing
 * the file only ever lets a client in sooner. Created on first use; not backed up.
 */
const SCHEMA = `CREATE TABLE IF NOT EXISTS rate_buckets (key TEXT PRIMARY KEY NOT NULL, tokens REAL NOT NULL, at INTEGER NOT NULL)`;

const globalForScratch: { __wlbaScratch?: { db: Database.Database; file: string } } = globalThis as object;

export function scratchDb(): Database.Database {
  const file = path.join(dataDir(), 'scratch.db');
  const held = globalForScratch.__wlbaScratch;
  if (held && held.file === file && held.db.open) return held.db;
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  globalForScratch.__wlbaScratch = { db, file };
  return db;
}

export function closeScratchDb(): void {
  globalForScratch.__wlbaScratch?.db.close();
  globalForScratch.__wlbaScratch = undefined;
}
