import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepare, serverEnv, startServer, waitHealthy, type Server } from './ops-server';

/** One test server: its address and its own DATA_DIR. */
export type E2eServer = { baseURL: string; dataDir: string };

declare module 'vitest' {
  export interface ProvidedContext {
    /** One server per test worker (VITEST_POOL_ID 1 uses the first): e2e/helpers.ts picks its own. */
    servers: E2eServer[];
  }
}

const servers: Server[] = [];

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
  const dirs = [first];
  const teardown = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    if (process.env.KEEP_E2E_DATA !== '1') for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    prepare({ ...process.env, DATA_DIR: first });
    for (let i = 1; i < count; i++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-e2e-'));
      dirs.push(dir);
      fs.cpSync(first, dir, { recursive: true });
    }
    project.provide('servers', await Promise.all(dirs.map(serve)));
  } catch (e) {
    // Nothing half-started is left running, nothing left in /tmp.
    await teardown();
    throw e;
  }
  return teardown;
}

async function serve(dataDir: string): Promise<E2eServer> {
  // WLBA_TRUST_PROXY=1: the tests stand in for a reverse proxy, so a test can give itself a client
  // address of its own with X-Forwarded-For (e2e/public.e2e.ts); scripts/server.mjs covers the rest.
  const { port, baseURL, env } = await serverEnv(dataDir, { WLBA_TRUST_PROXY: '1' });
  const server = startServer(port, env);
  servers.push(server);
  await waitHealthy(baseURL, server);
  return { baseURL, dataDir };
}
