/**
 * Starting the built app for the browser tests (scripts/prepare.ts, then scripts/server.mjs): the
 * server of each test worker (e2e/global-setup.ts) and the operations tests' extra servers, each
 * with their own DATA_DIR and environment.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { withServerNodeArgs } from '../scripts/node-args.mjs';

const root = path.resolve(import.meta.dirname, '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export function tmpDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-e2e-ops-'));
}

export async function serverEnv(dataDir: string, extra: Record<string, string> = {}) {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), NEXTAUTH_URL: baseURL, PUBLIC_BASE_URL: baseURL, WLBA_PLACEMENT_JOB: '0', ...extra };
  return { port, baseURL, env };
}

export function prepare(env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/prepare.ts'], { cwd: root, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`prepare failed: ${r.stderr}`);
}

export type Server = { proc: ChildProcess; log: () => string; exited: Promise<number | null>; stop: () => Promise<void> };

/** `nodeArgs`: the Node.js options, by default those npm start gives (scripts/node-args.mjs). */
export function startServer(port: number, env: NodeJS.ProcessEnv, nodeArgs = withServerNodeArgs([])): Server {
  const proc = spawn(process.execPath, [...nodeArgs, path.join(root, 'scripts/server.mjs')], { cwd: root, env: { ...env, PORT: String(port), WLBA_HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout?.on('data', (d) => (log += d));
  proc.stderr?.on('data', (d) => (log += d));
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return {
    proc,
    log: () => log,
    exited,
    stop: async () => {
      if (proc.exitCode == null) proc.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    },
  };
}

/** Waits until /api/health answers 200; throws with the server's output when it exits or takes too long. */
export async function waitHealthy(baseURL: string, server: Server, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline || server.proc.exitCode != null) throw new Error(`server did not start:\n${server.log()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
