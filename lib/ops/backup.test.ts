import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
const dirs: string[] = [];
const tmp = (p: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), p));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

// The keys live in DATA_DIR/secrets.json (as in a development install), so the backup must carry them.
const baseEnv = () => {
  const env = { ...process.env };
  for (const k of ['NEXTAUTH_SECRET', 'AUTH_SECRET', 'PII_ENC_KEY', 'PII_HMAC_KEY', 'CODE_HMAC_KEY']) delete env[k];
  return env;
};

function run(script: string, args: string[], dataDir: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(tsx, ['--conditions=react-server', script, ...args], { cwd: process.cwd(), env: { ...baseEnv(), DATA_DIR: dataDir } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

type Ack = { app: number; files: number[]; at: number };

/** Starts the writer; acks are collected as they are printed. */
function startWriter(dataDir: string) {
  const acks: Ack[] = [];
  const p: ChildProcess = spawn(tsx, ['--conditions=react-server', 'lib/test/submit-worker.ts', '400'], { cwd: process.cwd(), env: { ...baseEnv(), DATA_DIR: dataDir }, stdio: ['pipe', 'pipe', 'pipe'] });
  let buf = '';
  let err = '';
  p.stdout!.on('data', (d) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      acks.push({ ...JSON.parse(buf.slice(0, i)), at: Date.now() });
      buf = buf.slice(i + 1);
    }
  });
  p.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => p.on('exit', r));
  return { acks, stop: () => (p.stdin!.end(), exited), stderr: () => err };
}

const waitFor = async (cond: () => boolean, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

type FileRow = { id: number; sha256: string; thumb_sha256: string | null };
const blob = (dataDir: string, sha: string) => path.join(dataDir, 'uploads', sha.slice(0, 2), sha);

describe('npm run backup / npm run restore (SPEC §13)', () => {
  it('a backup taken while applications are being submitted restores every acknowledged application and file byte for byte', async () => {
    const src = tmp('wlba-src-');
    const backupDir = path.join(tmp('wlba-bak-'), 'daily');
    const fresh = tmp('wlba-fresh-');

    const writer = startWriter(src);
    await waitFor(() => writer.acks.length >= 5);
    const startedAt = Date.now();
    const before = writer.acks.length;
    const b = await run('scripts/backup.ts', [backupDir], src);
    const finishedAt = Date.now();
    // It really ran under load: the writer kept acknowledging while the backup ran.
    await waitFor(() => writer.acks.length >= before + 2);
    expect(await writer.stop()).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toContain('备份完成');
    expect(writer.acks.filter((a) => a.at > startedAt && a.at < finishedAt).length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(backupDir, 'secrets.json'))).toBe(true);

    const r = await run('scripts/restore.ts', [backupDir], fresh);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('恢复完成');

    const acked = writer.acks.filter((a) => a.at <= startedAt);
    expect(acked.length).toBeGreaterThanOrEqual(5);
    const db = new Database(path.join(fresh, 'app.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const apps = new Set((db.prepare('select id from applications').all() as { id: number }[]).map((x) => x.id));
      for (const a of acked) expect(apps.has(a.app), `application ${a.app}`).toBe(true);
      // Every file row of the snapshot (acknowledged or not) has its blobs, identical to the originals.
      const rows = db.prepare('select id, sha256, thumb_sha256 from files').all() as FileRow[];
      const ids = new Set(rows.map((f) => f.id));
      for (const a of acked) for (const f of a.files) expect(ids.has(f), `file ${f}`).toBe(true);
      for (const f of rows)
        for (const sha of [f.sha256, f.thumb_sha256].filter((s): s is string => !!s)) {
          expect(fs.existsSync(blob(fresh, sha)), `blob ${sha}`).toBe(true);
          expect(fs.readFileSync(blob(fresh, sha)).equals(fs.readFileSync(blob(src, sha)))).toBe(true);
        }
      expect(rows.length).toBeGreaterThanOrEqual(acked.length * 3);
    } finally {
      db.close();
    }
    // The restored data is readable with the restored keys: the personal data decrypts.
    const check = spawnSync(tsx, ['--conditions=react-server', '-e', `import('./lib/users/service.ts').then(async (m) => { const { getDb } = await import('./db/client.ts'); const { users } = await import('./db/schema/index.ts'); const u = getDb().select().from(users).limit(1).get(); const { decryptPii } = await import('./lib/pii/crypto.ts'); console.log(decryptPii(u.phoneEnc)); })`], {
      cwd: process.cwd(),
      env: { ...baseEnv(), DATA_DIR: fresh },
      encoding: 'utf8',
    });
    expect(check.stdout.trim(), check.stderr).toMatch(/^1\d{10}$/);
  }, 180_000);

  it('restore refuses a data folder with a running instance, and an existing database without --force', async () => {
    const src = tmp('wlba-src2-');
    const writer = startWriter(src);
    await waitFor(() => writer.acks.length >= 1);
    await writer.stop();
    const backupDir = path.join(tmp('wlba-bak2-'), 'b');
    expect((await run('scripts/backup.ts', [backupDir], src)).code).toBe(0);
    // A second backup into the same folder is refused rather than mixed.
    const again = await run('scripts/backup.ts', [backupDir], src);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('中已有备份');

    // The source folder has a database: refused without --force.
    const noForce = await run('scripts/restore.ts', [backupDir], src);
    expect(noForce.code).not.toBe(0);
    expect(noForce.stderr).toContain('已有数据库 app.db');
    expect(noForce.stderr).toContain('--force');

    // A server (here: a live process holding the instance lock) runs on the target: refused even with --force.
    const target = tmp('wlba-live-');
    const server = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(path.join(target, 'instance.lock'), JSON.stringify({ pid: server.pid, startedAt: Date.now() }));
      const live = await run('scripts/restore.ts', [backupDir, '--force'], target);
      expect(live.code).not.toBe(0);
      expect(live.stderr).toContain('已被另一个正在运行的联网备案平台实例使用');
      expect(fs.existsSync(path.join(target, 'app.db'))).toBe(false);
    } finally {
      server.kill('SIGKILL');
    }
    const forced = await run('scripts/restore.ts', [backupDir, '--force'], src);
    expect(forced.code, forced.stderr).toBe(0);
  }, 180_000);
});
