import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { dataDir } from '@/lib/config/env';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const globalForDb: { __wlbaDb?: { db: DB; file: string } } = globalThis as object;

let fileIn: { dir: string; file: string } | null = null;

export function dbFile(): string {
  const dir = dataDir();
  if (fileIn?.dir !== dir) fileIn = { dir, file: path.join(dir, 'app.db') };
  return fileIn.file;
}

/** Opens the SQLite file with the durability pragmas of SPEC §13 (and its statements kept, see below). */
export function openDatabase(file: string): Database.Database {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return keepStatements(sqlite);
}

/**
 * Empties sqlite_stat4 (ANALYZE's samples of index values) and keeps sqlite_stat1 (its row
 * counts). With samples present, the SQLite that better-sqlite3 bundles (built with STAT4) plans a
 * statement for the values bound to it and compiles it again whenever a sampled column's parameter
 * is bound anew: on every run, as better-sqlite3 binds every parameter each time. The platform
 * never runs ANALYZE itself, but an operator may (the bench does, for its generated million rows),
 * and one ANALYZE made every query of every page parse and plan again (issue 17). Row counts
 * alone still steer the planner; run when the database is opened and after the bench's ANALYZE.
 */
export function dropStatisticsSamples(sqlite: Database.Database): void {
  const has = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'sqlite_stat4'").get();
  if (!has || !sqlite.prepare('select 1 from sqlite_stat4 limit 1').get()) return;
  // ANALYZE sqlite_schema reads the statistics again, here without the samples.
  sqlite.exec('delete from sqlite_stat4; analyze sqlite_schema');
}

/** Prepared statements a connection keeps, by SQL text. */
export const KEPT_STATEMENTS = 500;

/**
 * `LIMIT ?` written as `LIMIT (select ?)`. The SQLite that better-sqlite3 bundles (3.53) reads a
 * bound LIMIT value while planning and marks the statement to be compiled again whenever that
 * parameter is bound anew; better-sqlite3 binds every parameter on every run, so every run of a
 * statement with `LIMIT ?` (drizzle's `.limit(n)`, our own paged queries) parsed and planned it
 * again: 18–20 µs instead of 5–6 for 我的首页's 我的申请 query (issue 17). A subquery is not read
 * at planning time, so the plan is made once. Same rows; OFFSET is not affected.
 */
export function stableLimits(source: string): string {
  return source.replace(/\blimit\s+\?/gi, (m) => `${m.slice(0, -1)}(select ?)`);
}

/**
 * drizzle prepares every query anew on each run (sqlite3_prepare of the same SQL, again and
 * again: 2.6% of /my's CPU in a profile, issue 17). The connection keeps the last KEPT_STATEMENTS
 * by their SQL and hands them out again, reset to plain object rows (drizzle switches raw mode on
 * when it wants arrays; `pluck` / `expand` are switched off too). A statement still being iterated
 * is not handed out: the caller gets a fresh one. Every statement is prepared with stableLimits.
 */
export function keepStatements(sqlite: Database.Database, size = KEPT_STATEMENTS): Database.Database {
  const prepare = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let stmt = kept.get(source);
    if (stmt && !stmt.busy) {
      // Most recently used last.
      kept.delete(source);
      if (stmt.reader) stmt.raw(false).pluck(false).expand(false);
    } else {
      stmt = prepare(stableLimits(source));
      if (kept.has(source)) return stmt;
    }
    kept.set(source, stmt);
    if (kept.size > size) kept.delete(kept.keys().next().value!);
    return stmt;
  }) as typeof sqlite.prepare;
  return sqlite;
}

/**
 * A query drizzle builds once per connection and runs again with new `sql.placeholder` values:
 * for the queries every signed-in page runs (session, header). Building a drizzle query costs
 * about 50 µs of CPU, running a built one about 10 (issue 17's profile of /my).
 */
export function preparedQuery<Q>(build: (db: DB) => Q): () => Q {
  const built = new WeakMap<DB, Q>();
  return () => {
    const db = getDb();
    let q = built.get(db);
    if (!q) built.set(db, (q = build(db)));
    return q;
  };
}

export function migrationsFolder(): string {
  return path.join(process.cwd(), 'db', 'migrations');
}

/** Why an existing app.db cannot be used; the message says what to do, in Chinese. */
export class DatabaseFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(
      `数据库文件 ${file} ${problem}。为防止把已有数据当作全新安装（并写入带公开密码的演示账号），系统拒绝启动。` +
        `请从备份恢复（npm run restore -- 备份目录），或检查文件与 DATA_DIR 设置；只有确认是全新安装时，才可删除该文件后重新启动。`,
    );
    this.name = 'DatabaseFileError';
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Checks an existing app.db before it is used: a zero-byte, unreadable or non-SQLite file, or a
 * SQLite file without a single table, throws DatabaseFileError. Only a missing file is a fresh install.
 */
export function checkDatabaseFile(file: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw new DatabaseFileError(file, `无法访问（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
  }
  if (!st.isFile()) throw new DatabaseFileError(file, '不是普通文件');
  if (st.size === 0) throw new DatabaseFileError(file, '存在但为空（0 字节），可能是磁盘已满、复制中断或误操作造成的');
  const head = Buffer.alloc(SQLITE_HEADER.length);
  try {
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, head, 0, head.length, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    throw new DatabaseFileError(file, `无法读取（${(e as NodeJS.ErrnoException).code ?? String(e)}），请检查文件权限`);
  }
  if (!head.equals(SQLITE_HEADER)) throw new DatabaseFileError(file, '不是 SQLite 数据库文件（文件头不符，可能已损坏或被其他文件覆盖）');
}

/** Throws DatabaseFileError when the opened database is unreadable or has no tables at all. */
function checkOpenedDatabase(file: string, sqlite: Database.Database): void {
  let tables: number;
  try {
    tables = (sqlite.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number }).n;
  } catch (e) {
    throw new DatabaseFileError(file, `无法读取（${(e as Error).message}），可能已损坏`);
  }
  if (tables === 0) throw new DatabaseFileError(file, '是空数据库（没有任何数据表）');
}

function removeWithSidecars(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* not every platform can fsync a directory */
  }
}

/**
 * Publishes a fully built database file as app.db: hard-links it into place (fails when
 * app.db appeared meanwhile — the other one wins) and removes the build file. So app.db
 * exists only complete: a crash while building leaves no app.db, and the next start builds again.
 */
function publish(init: string, file: string): boolean {
  try {
    fs.linkSync(init, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    removeWithSidecars(init);
    fsyncDir(path.dirname(file));
  }
}

function closeForPublish(sqlite: Database.Database): void {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
}

/**
 * Builds a new app.db (migrated, then filled by `populate`, e.g. the demo data) under a temporary
 * name and publishes it only when complete. Returns false when app.db already exists.
 * While `populate` runs, getDb() returns the database being built.
 */
export async function createDatabase(populate?: () => Promise<void> | void): Promise<boolean> {
  const file = dbFile();
  if (fs.existsSync(file)) return false;
  closeDb();
  const init = `${file}.${process.pid}.init`;
  removeWithSidecars(init);
  const sqlite = openDatabase(init);
  try {
    const db = drizzle(sqlite, { schema }) as DB;
    migrate(db, { migrationsFolder: migrationsFolder() });
    globalForDb.__wlbaDb = { db, file };
    await populate?.();
  } catch (e) {
    globalForDb.__wlbaDb = undefined;
    sqlite.close();
    removeWithSidecars(init);
    throw e;
  }
  globalForDb.__wlbaDb = undefined;
  closeForPublish(sqlite);
  return publish(init, file);
}

/** The one database handle; migrations are applied when it is first opened. */
export function getDb(): DB {
  const file = dbFile();
  const cached = globalForDb.__wlbaDb;
  if (cached && cached.file === file) return cached.db;
  if (!fs.existsSync(file)) {
    // A fresh install: build the empty, migrated database under a temporary name first.
    const init = `${file}.${process.pid}.init`;
    removeWithSidecars(init);
    const building = openDatabase(init);
    try {
      migrate(drizzle(building, { schema }), { migrationsFolder: migrationsFolder() });
    } catch (e) {
      building.close();
      removeWithSidecars(init);
      throw e;
    }
    closeForPublish(building);
    publish(init, file);
  } else {
    checkDatabaseFile(file);
  }
  let sqlite: Database.Database | undefined;
  try {
    sqlite = openDatabase(file);
    checkOpenedDatabase(file, sqlite);
  } catch (e) {
    sqlite?.close();
    if (e instanceof DatabaseFileError) throw e;
    throw new DatabaseFileError(file, `无法打开（${(e as Error).message}）`);
  }
  const db = immediateTransactions(drizzle(sqlite, { schema }) as DB);
  migrate(db, { migrationsFolder: migrationsFolder() });
  dropStatisticsSamples(sqlite);
  globalForDb.__wlbaDb = { db, file };
  return db;
}

/**
 * Every transaction takes the write lock when it begins (BEGIN IMMEDIATE) unless it asks
 * otherwise. With several workers on one file (WEB_CONCURRENCY), a deferred transaction that
 * reads and then writes fails at once with SQLITE_BUSY when another process committed in between
 * — busy_timeout cannot help a read lock that must be upgraded — while an immediate one waits its
 * turn. (Savepoints inside a transaction are unaffected.)
 */
function immediateTransactions(db: DB): DB {
  const begin = db.transaction.bind(db);
  db.transaction = ((fn, config) => begin(fn, { behavior: 'immediate', ...config })) as DB['transaction'];
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

/**
 * The database or a transaction: what services need to read and write. The one type for a
 * `tx` parameter (a service that writes in its caller's transaction takes a Tx, default getDb()).
 */
export type Tx = Pick<DB, 'select' | 'insert' | 'update' | 'delete'>;
