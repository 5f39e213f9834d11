/**
 * Migration 0008_filings on a database of the previous release: its 安全评估 rows survive the
 * rebuild of `assessments` (website kept, no filing), and the trigger keeps filing_keys.live with
 * the filing's status so the partial unique index allows one live filing per identifier.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';

function migratedFrom0007(fill: (db: Database.Database) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-filings-'));
  const all = path.join(process.cwd(), 'db', 'migrations');
  const before = path.join(dir, 'before');
  fs.cpSync(all, before, { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(before, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < '0008');
  fs.writeFileSync(path.join(before, 'meta', '_journal.json'), JSON.stringify(journal));
  const sqlite = new Database(path.join(dir, 'app.db'));
  migrate(drizzle(sqlite), { migrationsFolder: before });
  sqlite.pragma('foreign_keys = OFF');
  fill(sqlite);
  migrate(drizzle(sqlite), { migrationsFolder: all });
  return { sqlite, done: () => (sqlite.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

describe('migration 0008_filings', () => {
  it('keeps every 安全评估 of a website and lets one be about an APP instead', () => {
    const { sqlite, done } = migratedFrom0007((db) => {
      db.prepare("insert into assessments (id, subject_id, website_id, application_id, status, data, created_at) values (7, 3, 5, 11, '通过', '{}', 1)").run();
    });
    try {
      expect(sqlite.prepare('select id, subject_id as s, website_id as w, filing_id as f, application_id as a, status from assessments').all()).toEqual([{ id: 7, s: 3, w: 5, f: null, a: 11, status: '通过' }]);
      sqlite.prepare("insert into assessments (subject_id, filing_id, status, data, created_at) values (3, 9, '待审核', '{}', 2)").run();
      expect((sqlite.prepare('select count(*) as n from assessments').get() as { n: number }).n).toBe(2);
    } finally {
      done();
    }
  });

  it('frees an identifier when its filing is returned or cancelled, and refuses a second live one', () => {
    const { sqlite, done } = migratedFrom0007(() => {});
    try {
      sqlite.pragma('foreign_keys = OFF');
      const filing = (status: string) =>
        Number(sqlite.prepare("insert into filings (kind, subject_id, name, status, data, created_at, updated_at) values ('APP', 1, 'x', ?, '{}', 0, 0)").run(status).lastInsertRowid);
      const key = (filingId: number) => sqlite.prepare("insert into filing_keys (filing_id, kind, platform, ident, live) values (?, 'APP', '安卓', 'cn.example.app', 1)").run(filingId);
      const live = (id: number) => (sqlite.prepare('select live from filing_keys where filing_id = ?').get(id) as { live: number }).live;
      const a = filing('待审核');
      key(a);
      const b = filing('待审核');
      expect(() => key(b)).toThrow(/UNIQUE/);
      sqlite.prepare("update filings set status = '已退回' where id = ?").run(a);
      expect(live(a)).toBe(0);
      key(b);
      sqlite.prepare("update filings set status = '已备案' where id = ?").run(b);
      expect(live(b)).toBe(1);
      sqlite.prepare("update filings set status = '已注销' where id = ?").run(b);
      expect(live(b)).toBe(0);
    } finally {
      done();
    }
  });
});
