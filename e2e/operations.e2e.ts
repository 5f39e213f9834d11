import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseURL, dataDir } from './helpers';
import { prepare, serverEnv, startServer, tmpDataDir, waitHealthy, type Server } from './ops-server';
import { childrenOf, procStat } from '../scripts/proc';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Starts a server and waits for it to end by itself, poking /api/health meanwhile; never answers 200. */
async function refusedStart(env: NodeJS.ProcessEnv, port: number, url: string): Promise<{ code: number | null; log: string; answered: boolean }> {
  const server: Server = startServer(port, env);
  let answered = false;
  const deadline = Date.now() + 90_000;
  try {
    while (server.proc.exitCode == null && Date.now() < deadline) {
      try {
        if ((await fetch(`${url}/api/health`)).ok) answered = true;
      } catch {
        /* not listening */
      }
      await Promise.race([server.exited, new Promise((r) => setTimeout(r, 500))]);
    }
    return { code: server.proc.exitCode, log: server.log(), answered };
  } finally {
    await server.stop();
  }
}

describe('start-up refusals (SPEC §13)', () => {
  it('a second server on the DATA_DIR of a running one is refused with a Chinese message; the first keeps serving', async () => {
    const lock = JSON.parse(fs.readFileSync(path.join(dataDir(), 'instance.lock'), 'utf8'));
    const { port, baseURL: url, env } = await serverEnv(dataDir());
    const r = await refusedStart(env, port, url);
    expect(r.code, r.log).not.toBe(0);
    expect(r.code, r.log).not.toBeNull();
    expect(r.answered).toBe(false);
    expect(r.log).toContain('无法启动');
    expect(r.log).toContain('已被另一个正在运行的联网备案平台实例使用');
    // The running server and its lock are untouched.
    expect(JSON.parse(fs.readFileSync(path.join(dataDir(), 'instance.lock'), 'utf8'))).toEqual(lock);
    expect((await fetch(`${baseURL()}/api/health`)).status).toBe(200);
  }, 120_000);

  it('a server on a DATA_DIR whose app.db is zero bytes refuses to start', async () => {
    const dir = tmpDataDir();
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'app.db'), '');
    const { port, baseURL: url, env } = await serverEnv(dir);
    const r = await refusedStart(env, port, url);
    expect(r.code, r.log).not.toBe(0);
    expect(r.code, r.log).not.toBeNull();
    expect(r.answered).toBe(false);
    expect(r.log).toContain('存在但为空（0 字节）');
    expect(fs.statSync(path.join(dir, 'app.db')).size).toBe(0);
    expect(fs.existsSync(path.join(dir, 'instance.lock'))).toBe(false);
  }, 120_000);
});

/** Still running (a zombie waiting to be reaped has ended). */
function running(pid: number): boolean {
  const state = procStat(pid)?.[0];
  return state != null && state !== 'Z';
}

describe('stopping (SPEC §13, issue 17)', () => {
  it('a server of two workers runs them with its Node.js options, and ends after both of them, leaving its DATA_DIR unlocked', async () => {
    const dir = tmpDataDir();
    dirs.push(dir);
    const { port, baseURL: url, env } = await serverEnv(dir, { WEB_CONCURRENCY: '2' });
    prepare(env);
    // Started without scripts/node-args.mjs's options, as `node scripts/server.mjs` would be.
    const server = startServer(port, env, []);
    try {
      await waitHealthy(url, server);
      const workers = childrenOf(server.proc.pid!);
      expect(workers).toHaveLength(2);
      expect(workers.every(running)).toBe(true);
      for (const pid of workers) expect(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')).toContain('--max-semi-space-size=64');
      server.proc.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      // The moment the supervisor is gone, so are its workers: a restart cannot meet them.
      expect(workers.filter(running)).toEqual([]);
      expect(fs.existsSync(path.join(dir, 'instance.lock'))).toBe(false);
    } finally {
      await server.stop();
    }
  }, 180_000);
});
