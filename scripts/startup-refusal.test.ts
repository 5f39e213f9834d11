import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
const dirs: string[] = [];
function tmpDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-startup-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** scripts/prepare.ts: what `npm start` runs before serving. */
function prepare(dataDir: string, seedDemo = '1') {
  return spawnSync(tsx, ['--conditions=react-server', 'scripts/prepare.ts'], { cwd: process.cwd(), env: { ...process.env, DATA_DIR: dataDir, SEED_DEMO: seedDemo }, encoding: 'utf8' });
}

describe('start-up refuses an existing but unusable app.db (SPEC §13)', () => {
  it('a zero-byte app.db stops the start with a Chinese reason and is not turned into a demo database', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'app.db');
    fs.writeFileSync(file, '');
    const r = prepare(dir);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`数据库文件 ${file} 存在但为空（0 字节）`);
    expect(r.stderr).toContain('系统拒绝启动');
    expect(r.stdout).not.toContain('已初始化演示数据');
    expect(fs.statSync(file).size).toBe(0);
  }, 60_000);

  it('a file that is not SQLite, and a SQLite file without tables, stop the start', () => {
    const junk = tmpDir();
    fs.writeFileSync(path.join(junk, 'app.db'), 'not a database '.repeat(300));
    const r1 = prepare(junk);
    expect(r1.status).not.toBe(0);
    expect(r1.stderr).toContain('不是 SQLite 数据库文件');

    const empty = tmpDir();
    const db = new Database(path.join(empty, 'app.db'));
    db.pragma('user_version = 7'); // a valid SQLite file with no tables
    db.close();
    expect(fs.statSync(path.join(empty, 'app.db')).size).toBeGreaterThan(0);
    const r2 = prepare(empty);
    expect(r2.status).not.toBe(0);
    expect(r2.stderr).toContain('是空数据库（没有任何数据表）');
    expect(r2.stdout).not.toContain('已初始化演示数据');
  }, 60_000);

  it('a missing app.db is a fresh install: the demo is built completely and no build file is left', () => {
    const dir = tmpDir();
    const r = prepare(dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('已初始化演示数据');
    expect(r.stdout).toContain('13800000001');
    expect(r.stdout).toContain('这是演示数据库');
    expect(fs.readdirSync(dir).filter((f) => f.includes('.init'))).toEqual([]);
    const db = new Database(path.join(dir, 'app.db'), { readonly: true });
    expect((db.prepare('select count(*) as n from users').get() as { n: number }).n).toBeGreaterThan(0);
    db.close();
    expect(fs.statSync(path.join(dir, 'uploads')).isDirectory()).toBe(true);
  }, 120_000);

  it('with SEED_DEMO=0 a fresh install is an empty database: no demo accounts, none printed, and a second start says so too', () => {
    const dir = tmpDir();
    for (const r of [prepare(dir, '0'), prepare(dir)]) {
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).not.toContain('13800000001');
      expect(r.stdout).not.toContain('演示');
      expect(r.stderr).toContain('还没有任何账号');
    }
    const db = new Database(path.join(dir, 'app.db'), { readonly: true });
    expect((db.prepare('select count(*) as n from users').get() as { n: number }).n).toBe(0);
    db.close();
  }, 120_000);

  it('npm run admin does not create a database in an empty folder', () => {
    const dir = tmpDir();
    const r = spawnSync(tsx, ['--conditions=react-server', 'scripts/admin.ts', 'create-unit', '--name', '测试单位', '--code', '110105'], {
      cwd: process.cwd(),
      env: { ...process.env, DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('中没有数据库 app.db');
    expect(fs.existsSync(path.join(dir, 'app.db'))).toBe(false);
  }, 60_000);
});
