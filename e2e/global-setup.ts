import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { withServerNodeArgs } from '../scripts/node-args.mjs';

/** One test server: its address and its own DATA_DIR. */
export type E2eServer = { baseURL: string; dataDir: string };

declare module 'vitest' {
  export interface ProvidedContext {
    /** One server per test worker (VITEST_POOL_ID 1 uses the first): e2e/helpers.ts picks its own. */
    servers: E2eServer[];
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

const servers: { proc: ChildProcess; dataDir: string }[] = [];

/**
 * The demo is prepared once and copied, then every test worker gets a server of its own on its own
 * copy: files running side by side never see each other's accounts, queue or outbox, as if they
 * ran one after another on one server.
 */
export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '..');
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('应用尚未构建：请通过 npm test 运行（会自动构建）');
  const count = Math.max(1, project.config.maxWorkers);
  const first = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-e2e-'));
  const prep = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/prepare.ts'], { cwd: root, env: { ...process.env, DATA_DIR: first }, encoding: 'utf8' });
  if (prep.status !== 0) throw new Error(`prepare failed: ${prep.stderr}`);
  const dirs = [first];
  for (let i = 1; i < count; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-e2e-'));
    fs.cpSync(first, dir, { recursive: true });
    dirs.push(dir);
  }
  const teardown = async () => {
    for (const s of servers) s.proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    if (process.env.KEEP_E2E_DATA !== '1') for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    project.provide('servers', await Promise.all(dirs.map((dir) => startServer(root, dir))));
  } catch (e) {
    // One that did not start: the others stop too, and nothing is left in /tmp.
    await teardown();
    throw e;
  }
  return teardown;
}

async function startServer(root: string, dataDir: string): Promise<E2eServer> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  // WLBA_TRUST_PROXY=1: the tests stand in for a reverse proxy, so a test can give itself a client
  // address of its own with X-Forwarded-For (e2e/public.e2e.ts); scripts/server.mjs covers the rest.
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), WLBA_HOST: '127.0.0.1', NEXTAUTH_URL: baseURL, PUBLIC_BASE_URL: baseURL, WLBA_PLACEMENT_JOB: '0', WLBA_TRUST_PROXY: '1' };
  const proc = spawn(process.execPath, [...withServerNodeArgs([]), path.join(root, 'scripts/server.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  servers.push({ proc, dataDir });
  let log = '';
  proc.stdout?.on('data', (d) => (log += d));
  proc.stderr?.on('data', (d) => (log += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline || proc.exitCode != null) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseURL, dataDir };
}
