import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, subjects } from '@/db/schema';
import { writeAudit } from '@/lib/audit/service';
import { dataDir } from '@/lib/config/env';
import Database from 'better-sqlite3';
import { closeDb, dbFile, dropStatisticsSamples, getDb, keepStatements, openDatabase, stableLimits } from './client';
import type { StoredSubject } from '@/lib/subjects/types';

const pragma = (name: string) => getDb().$client.pragma(name, { simple: true });

describe('getDb', () => {
  it('opens DATA_DIR/app.db once and migrates it', () => {
    const db = getDb();
    expect(getDb()).toBe(db);
    expect(dbFile()).toBe(path.join(dataDir(), 'app.db'));
    expect(fs.existsSync(dbFile())).toBe(true);
    const tables = (db.$client.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['users', 'audit_log', 'subjects', 'notifications', 'deliveries', 'verification_codes', 'login_throttle']));
  });

  it('uses the durability pragmas: WAL, synchronous FULL, foreign keys, busy timeout', () => {
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('synchronous')).toBe(2);
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('busy_timeout')).toBeGreaterThanOrEqual(1000);
  });

  it('openDatabase applies the same pragmas to any file', () => {
    const sqlite = openDatabase(path.join(dataDir(), 'other.db'));
    try {
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    } finally {
      sqlite.close();
    }
  });
});

describe('audit_log', () => {
  it('is append-only: UPDATE and DELETE are refused and the row stays as written', () => {
    writeAudit({ actorId: null, action: 'test.append_only', objectType: 'test', objectId: 1, after: { a: 1 }, ip: '198.51.100.1' });
    const db = getDb();
    const row = db.select().from(auditLog).where(eq(auditLog.action, 'test.append_only')).get()!;
    expect(row).toMatchObject({ objectType: 'test', objectId: '1', after: { a: 1 }, ip: '198.51.100.1' });

    expect(() => db.$client.prepare("update audit_log set action = 'tampered' where id = ?").run(row.id)).toThrowError('audit_log is append-only');
    expect(() => db.update(auditLog).set({ ip: null }).where(eq(auditLog.id, row.id)).run()).toThrowError('audit_log is append-only');
    expect(() => db.$client.prepare('delete from audit_log where id = ?').run(row.id)).toThrowError('audit_log is append-only');
    expect(() => db.delete(auditLog).run()).toThrowError('audit_log is append-only');

    expect(db.select().from(auditLog).where(eq(auditLog.id, row.id)).get()).toEqual(row);
  });

  it('accepts further inserts', () => {
    const before = getDb().select().from(auditLog).all().length;
    writeAudit({ actorId: 7, action: 'test.second', objectType: 'test' });
    expect(getDb().select().from(auditLog).all().length).toBe(before + 1);
  });
});

describe('foreign keys', () => {
  it('refuses a subject whose owner does not exist', () => {
    const now = Date.now();
    expect(() =>
      getDb()
        .insert(subjects)
        .values({
          ownerId: 424_242,
          nature: '个人',
          name: '张三',
          principalName: '张三',
          principalIdType: '居民身份证',
          principalIdEnc: 'enc',
          principalIdHmac: 'hmac',
          principalIdMasked: '110*************2X',
          principalPhoneEnc: 'enc',
          principalPhoneHmac: 'hmac',
          principalPhoneMasked: '139****5678',
          jurisdictionCode: '110105',
          status: '待审核',
          data: {} as StoredSubject,
          createdAt: now,
          updatedAt: now,
        })
        .run(),
    ).toThrowError(/FOREIGN KEY constraint failed/);
    expect(getDb().select().from(subjects).all()).toEqual([]);
  });
});

describe('keepStatements', () => {
  const fresh = () => {
    const file = path.join(dataDir(), `kept-${Math.random().toString(36).slice(2)}.db`);
    const db = openDatabase(file);
    db.exec('create table t (id integer primary key, v text); insert into t (v) values (\'a\'), (\'b\'), (\'c\');');
    return db;
  };

  it('hands the same statement out again for the same SQL, reset to plain object rows', () => {
    const db = fresh();
    const first = db.prepare('select id, v from t where id = ?');
    expect(first.raw().get(1)).toEqual([1, 'a']);
    const again = db.prepare('select id, v from t where id = ?');
    expect(again).toBe(first);
    expect(again.get(1)).toEqual({ id: 1, v: 'a' });
    expect(db.prepare('select v from t where id = ?').pluck().get(2)).toBe('b');
    expect(db.prepare('select v from t where id = ?').get(2)).toEqual({ v: 'b' });
    // Writers are kept too.
    expect(db.prepare('update t set v = ? where id = ?')).toBe(db.prepare('update t set v = ? where id = ?'));
    db.close();
  });

  it('never hands out a statement that is still being iterated', () => {
    const db = fresh();
    const seen: string[] = [];
    for (const r of db.prepare('select v from t order by id').iterate() as Iterable<{ v: string }>) {
      const inner = db.prepare('select v from t order by id').all() as { v: string }[];
      seen.push(`${r.v}:${inner.length}`);
    }
    expect(seen).toEqual(['a:3', 'b:3', 'c:3']);
    db.close();
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    const file = path.join(dataDir(), `kept-small-${Date.now()}.db`);
    const db = keepStatements(new Database(file), 2);
    const a = db.prepare('select 1');
    const b = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(a);
    db.prepare('select 3');
    // select 2 was the least recently used.
    expect(db.prepare('select 2')).not.toBe(b);
    expect(db.prepare('select 1')).not.toBe(a);
    db.close();
  });
});

describe('stableLimits', () => {
  it('writes a bound LIMIT as a subquery, as drizzle and our own paged queries write it', () => {
    expect(stableLimits('select "id" from "applications" where "applicant_id" = ? order by "id" desc limit ?')).toBe(
      'select "id" from "applications" where "applicant_id" = ? order by "id" desc limit (select ?)',
    );
    expect(stableLimits('SELECT rowid FROM public_name_fts WHERE public_name_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?')).toBe(
      'SELECT rowid FROM public_name_fts WHERE public_name_fts MATCH ? ORDER BY rowid DESC LIMIT (select ?) OFFSET ?',
    );
    expect(stableLimits('select count(*) from (select 1 from t where v = ? limit ?) limit ?')).toBe('select count(*) from (select 1 from t where v = ? limit (select ?)) limit (select ?)');
  });

  it('leaves literal limits, offsets and names that only end in "limit" alone', () => {
    for (const sql of ['select * from t limit 10', 'select * from t limit 10 offset ?', 'select rate_limit ? from t', 'select nolimit from t where x = ?']) expect(stableLimits(sql)).toBe(sql);
  });

  it('is how a kept statement is prepared, and a new LIMIT bound to it still counts', () => {
    const file = path.join(dataDir(), `limits-${Date.now()}.db`);
    const db = openDatabase(file);
    db.exec("create table t (id integer primary key, v text); insert into t (v) values ('a'), ('b'), ('c'), ('d');");
    const stmt = db.prepare('select v from t order by id limit ? offset ?');
    expect(stmt.source).toBe('select v from t order by id limit (select ?) offset ?');
    const page = (limit: number, offset: number) => (db.prepare('select v from t order by id limit ? offset ?').pluck().all(limit, offset) as string[]).join('');
    expect(page(1, 0)).toBe('a');
    expect(page(3, 0)).toBe('abc');
    expect(page(2, 2)).toBe('cd');
    expect(page(-1, 1)).toBe('bcd');
    expect(db.prepare('select v from t order by id limit ? offset ?')).toBe(stmt);
    db.close();
  });
});

describe('dropStatisticsSamples', () => {
  const analyzed = (db: Database.Database) => {
    db.exec('create table if not exists s (id integer primary key, k integer, v text); create index if not exists s_k on s (k);');
    db.transaction(() => {
      const ins = db.prepare('insert into s (k, v) values (?, ?)');
      for (let i = 0; i < 2000; i++) ins.run(i % 7 === 0 ? 0 : i, `v${i}`);
    })();
    db.exec('ANALYZE');
  };
  const count = (db: Database.Database, table: string) => db.prepare(`select count(*) from ${table}`).pluck().get() as number;

  it('empties sqlite_stat4 and keeps sqlite_stat1 (row counts still steer the plan)', () => {
    const db = openDatabase(path.join(dataDir(), `stat-${Date.now()}.db`));
    analyzed(db);
    // This SQLite samples index values (STAT4): the premise of the function.
    expect(count(db, 'sqlite_stat4')).toBeGreaterThan(0);
    const stat1 = count(db, 'sqlite_stat1');
    dropStatisticsSamples(db);
    expect(count(db, 'sqlite_stat4')).toBe(0);
    expect(count(db, 'sqlite_stat1')).toBe(stat1);
    const plan = (db.prepare('explain query plan select v from s where k = ?').all(5) as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan).toContain('USING INDEX s_k');
    dropStatisticsSamples(db); // nothing left to drop
    db.close();
  });

  it('runs when the platform opens app.db, so an operator\'s ANALYZE leaves no samples behind', () => {
    getDb();
    closeDb();
    const raw = new Database(dbFile());
    analyzed(raw);
    expect(count(raw, 'sqlite_stat4')).toBeGreaterThan(0);
    raw.close();
    const db = getDb().$client;
    expect(count(db, 'sqlite_stat4')).toBe(0);
    expect(count(db, 'sqlite_stat1')).toBeGreaterThan(0);
  });
});
