/**
 * Migration 0009_public_filing_search on a database of the previous release: APPs and 小程序 that
 * were already given a number (cancelled ones included) are indexed by name, each kind apart;
 * unnumbered ones are not; the triggers then keep the index with numbering, renames and deletes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';

function migratedFrom(tag: string, fill: (db: Database.Database) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-public-filings-'));
  const all = path.join(process.cwd(), 'db', 'migrations');
  const before = path.join(dir, 'before');
  fs.cpSync(all, before, { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(before, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < tag);
  fs.writeFileSync(path.join(before, 'meta', '_journal.json'), JSON.stringify(journal));
  const sqlite = new Database(path.join(dir, 'app.db'));
  migrate(drizzle(sqlite), { migrationsFolder: before });
  sqlite.pragma('foreign_keys = OFF');
  fill(sqlite);
  migrate(drizzle(sqlite), { migrationsFolder: all });
  return { sqlite, done: () => (sqlite.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

const insert = (db: Database.Database, id: number, kind: string, name: string, status: string, digits: string | null) =>
  db
    .prepare("insert into filings (id, kind, subject_id, name, status, filing_digits, filing_number, data, created_at, updated_at) values (?, ?, 1, ?, ?, ?, ?, '{}', 0, 0)")
    .run(id, kind, name, status, digits, digits ? `京公网安备${digits}号` : null);

describe('migration 0009_public_filing_search', () => {
  it('indexes the numbered APPs and 小程序 already there, each kind apart, and keeps the index after', () => {
    const { sqlite, done } = migratedFrom('0009', (db) => {
      insert(db, 1, 'APP', '星河Photo相机', '已备案', '11010503000001');
      insert(db, 2, '小程序', '星河相机预约', '已备案', '11010504000001');
      insert(db, 3, 'APP', '星河相机待审', '待审核', null);
      insert(db, 4, 'APP', '星河旧相机', '已注销', '11010503000002');
    });
    try {
      const fts = (table: string, q: string) => sqlite.prepare(`select rowid from ${table} where ${table} match ? order by rowid`).pluck().all(`"${q}"`);
      const grams = (kind: string, g: string) => sqlite.prepare('select filing_id from filing_name_grams where kind = ? and gram = ? order by filing_id').pluck().all(kind, g);
      const count = (kind: string, g: string) => sqlite.prepare('select n from filing_gram_counts where kind = ? and gram = ?').pluck().get(kind, g) ?? 0;

      expect(fts('filing_app_name_fts', '相机')).toEqual([]); // two characters: the grams serve them
      expect(fts('filing_app_name_fts', '星河p')).toEqual([1]);
      expect(fts('filing_app_name_fts', '旧相机')).toEqual([4]);
      expect(fts('filing_mini_program_name_fts', '相机预')).toEqual([2]);
      expect(fts('filing_app_name_fts', '相机预')).toEqual([]);
      expect(grams('APP', '相机')).toEqual([1, 4]);
      expect(grams('小程序', '相机')).toEqual([2]);
      expect(grams('APP', 'ph')).toEqual([1]); // lower case, as queries are
      expect([count('APP', '星'), count('小程序', '星'), count('APP', '待')]).toEqual([2, 1, 0]);

      // Numbering the pending one indexes it; a rename moves it; a delete drops it.
      sqlite.prepare("update filings set status = '已备案', filing_digits = '11010503000003' where id = 3").run();
      expect(grams('APP', '待审')).toEqual([3]);
      expect(count('APP', '星')).toBe(3);
      sqlite.prepare("update filings set name = '月光相机' where id = 3").run();
      expect(grams('APP', '待审')).toEqual([]);
      expect(fts('filing_app_name_fts', '月光相')).toEqual([3]);
      expect([count('APP', '星'), count('APP', '月')]).toEqual([2, 1]);
      sqlite.prepare('delete from filings where id = 3').run();
      expect(fts('filing_app_name_fts', '月光相')).toEqual([]);
      expect(count('APP', '月')).toBe(0);
      // A status change alone (注销) keeps the number public.
      sqlite.prepare("update filings set status = '已注销' where id = 1").run();
      expect(fts('filing_app_name_fts', '星河p')).toEqual([1]);
    } finally {
      done();
    }
  });
});

describe('migration 0010_store_provider_search', () => {
  it('indexes numbered 应用市场 and 服务商 in their own tables, and the triggers keep all four kinds', () => {
    const { sqlite, done } = migratedFrom('0010', (db) => {
      insert(db, 1, '应用市场', '星河应用商店', '已备案', '11010505000001');
      insert(db, 2, '服务商', '星河云计算有限公司', '已备案', '11010506000001');
      insert(db, 3, 'APP', '星河相机', '已备案', '11010503000001');
    });
    try {
      const fts = (table: string, q: string) => sqlite.prepare(`select rowid from ${table} where ${table} match ? order by rowid`).pluck().all(`"${q}"`);
      expect(fts('filing_app_store_name_fts', '应用商')).toEqual([1]);
      expect(fts('filing_provider_name_fts', '云计算')).toEqual([2]);
      expect(fts('filing_app_name_fts', '星河相')).toEqual([3]);
      expect(fts('filing_app_store_name_fts', '星河相')).toEqual([]);
      // After the migration: numbering a new 服务商 and renaming the store reach their tables.
      insert(sqlite, 4, '服务商', '月光数据中心', '待审核', null);
      sqlite.prepare("update filings set status = '已备案', filing_digits = '11010506000002' where id = 4").run();
      expect(fts('filing_provider_name_fts', '数据中')).toEqual([4]);
      sqlite.prepare("update filings set name = '星河软件市场' where id = 1").run();
      expect(fts('filing_app_store_name_fts', '应用商')).toEqual([]);
      expect(fts('filing_app_store_name_fts', '软件市')).toEqual([1]);
      expect(sqlite.prepare("select n from filing_gram_counts where kind = '服务商' and gram = '月'").pluck().get()).toBe(1);
    } finally {
      done();
    }
  });
});
