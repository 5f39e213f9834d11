/**
 * SPEC §15.5: one filing sequence per (unit, object type). The sequences of 网站 (02) and APP (03)
 * of one unit, and of two units, do not share numbers; a database from before keeps the websites'
 * sequence where it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { seedUnits } from '@/lib/test/fixtures';
import { allocateFilingNumber } from './filing-number';

const take = (unitId: number, mark: string) => getDb().transaction((tx) => allocateFilingNumber(tx, unitId, mark).number);

describe('allocateFilingNumber', () => {
  let office: { id: number };
  let chaoyang: { id: number };
  beforeAll(() => ({ office, chaoyang } = seedUnits()));

  it('counts each object type of each unit on its own', () => {
    expect(take(chaoyang.id, '02')).toBe('京公网安备11010502000001号');
    expect(take(chaoyang.id, '02')).toBe('京公网安备11010502000002号');
    expect(take(chaoyang.id, '03')).toBe('京公网安备11010503000001号');
    expect(take(chaoyang.id, '04')).toBe('京公网安备11010504000001号');
    expect(take(office.id, '03')).toBe('京公网安备11000003000001号');
    expect(take(chaoyang.id, '03')).toBe('京公网安备11010503000002号');
    expect(take(chaoyang.id, '02')).toBe('京公网安备11010502000003号');
  });

  it('gives a number back when the approving transaction rolls back', () => {
    expect(take(chaoyang.id, '05')).toBe('京公网安备11010505000001号');
    expect(() =>
      getDb().transaction((tx) => {
        allocateFilingNumber(tx, chaoyang.id, '05');
        throw new Error('审核失败');
      }),
    ).toThrow('审核失败');
    expect(take(chaoyang.id, '05')).toBe('京公网安备11010505000002号');
  });
});

describe('migration 0007_filing_sequences', () => {
  it('carries each unit’s website sequence over as its 02 sequence', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-seq-'));
    const all = path.join(process.cwd(), 'db', 'migrations');
    // The migrations up to 0006, as a database of the previous release has them.
    const before = path.join(dir, 'before');
    fs.cpSync(all, before, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(before, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag < '0007');
    fs.writeFileSync(path.join(before, 'meta', '_journal.json'), JSON.stringify(journal));

    const sqlite = new Database(path.join(dir, 'app.db'));
    try {
      migrate(drizzle(sqlite), { migrationsFolder: before });
      const unit = (code: string, seq: number) =>
        Number(sqlite.prepare('insert into police_units (name, code, is_default, filing_seq, created_at) values (?, ?, 0, ?, 0)').run(`单位${code}`, code, seq).lastInsertRowid);
      const used = unit('110105', 41);
      const unused = unit('110101', 0);

      migrate(drizzle(sqlite), { migrationsFolder: all });
      expect(sqlite.prepare('select unit_id as unitId, mark, seq from filing_sequences order by unit_id').all()).toEqual([{ unitId: used, mark: '02', seq: 41 }]);
      const columns = (sqlite.prepare('pragma table_info(police_units)').all() as { name: string }[]).map((c) => c.name);
      expect(columns).not.toContain('filing_seq');
      expect(unused).toBeGreaterThan(used);
    } finally {
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
