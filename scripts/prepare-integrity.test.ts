import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

/** Runs scripts/prepare.ts (what `npm start` runs before serving) against a DATA_DIR. */
function prepare(dataDir: string) {
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  return spawnSync(tsx, ['--conditions=react-server', 'scripts/prepare.ts'], { cwd: process.cwd(), env: { ...process.env, DATA_DIR: dataDir, SEED_DEMO: '1' }, encoding: 'utf8' });
}

describe('start-up data check (SPEC §6.3)', () => {
  it('lists filed websites whose subject was never approved, and is silent when there are none', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-prepare-'));
    try {
      const first = prepare(dir);
      expect(first.status, first.stderr).toBe(0);
      expect(first.stderr).not.toContain('数据检查');

      // Data as the old code could leave it: a filed website under a subject still 待审核.
      const db = new Database(path.join(dir, 'app.db'));
      const w = db.prepare(`select w.id, w.name, w.filing_number as n, s.id as sid from websites w join subjects s on s.id = w.subject_id where w.status = '已备案' order by w.id limit 1`).get() as { id: number; name: string; n: string; sid: number };
      db.prepare(`update subjects set status = '待审核' where id = ?`).run(w.sid);
      db.close();

      const second = prepare(dir);
      expect(second.status, second.stderr).toBe(0);
      expect(second.stderr).toContain('数据检查：');
      expect(second.stderr).toContain(`${w.n}  ${w.name}（网站状态：已备案）`);
      expect(second.stderr).toContain('（待审核）');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
