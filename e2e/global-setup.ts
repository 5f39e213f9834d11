import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { withServerNodeArgs } from '../scripts/node-args.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    dataDir: string;
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

let server: ChildProcess | undefined;
let dataDir = '';

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '..');
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('应用尚未构建：请通过 npm test 运行（会自动构建）');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-e2e-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  // WLBA_TRUST_PROXY=1: the tests stand in for a reverse proxy, so a test can give itself a client
  // address of its own with X-Forwarded-For (e2e/public.e2e.ts); scripts/server.mjs covers the rest.
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), WLBA_HOST: '127.0.0.1', NEXTAUTH_URL: baseURL, PUBLIC_BASE_URL: baseURL, WLBA_PLACEMENT_JOB: '0', WLBA_TRUST_PROXY: '1' };
  const prep = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/prepare.ts'], { cwd: root, env, encoding: 'utf8' });
  if (prep.status !== 0) throw new Error(`prepare failed: ${prep.stderr}`);
  server = spawn(process.execPath, [...withServerNodeArgs([]), path.join(root, 'scripts/server.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout?.on('data', (d) => (log += d));
  server.stderr?.on('data', (d) => (log += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline || server.exitCode != null) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('baseURL', baseURL);
  project.provide('dataDir', dataDir);
  return async () => {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    if (process.env.KEEP_E2E_DATA !== '1') fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
