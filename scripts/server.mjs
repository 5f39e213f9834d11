// Serves the built app (instead of `next start`) so the client address comes from the socket:
// Next.js gives route handlers, server actions and proxy.ts only the request headers, so this
// server rewrites X-Forwarded-For before Next.js sees the request (scripts/client-address.mjs).
// A signed-in user's page gets its CSP and HSTS here, without proxy.ts (scripts/page-headers.mjs).
//   PORT (default 3000), WLBA_HOST (default all interfaces), WLBA_TRUST_PROXY=1 behind a reverse proxy.
//   WEB_CONCURRENCY: how many worker processes serve (default: the number of cores). With more
//   than one, this process only supervises: it takes the DATA_DIR instance lock for all of them
//   (a second instance is still refused), starts the workers on the one port (node:cluster shares
//   the listening socket) and starts a new one when one dies. Workers share everything through
//   SQLite: numbers, sessions, the public rate limit, and the claims that run each scheduled job
//   once (lib/ops/job-claims.ts).
//   Node.js options: scripts/node-args.mjs (npm start passes them; workers get them in any case).
import cluster from 'node:cluster';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { applyClientAddress, trustProxy } from './client-address.mjs';
import { coalesceWrites } from './coalesce-writes.mjs';
import { withServerNodeArgs } from './node-args.mjs';
import { applySignedInPageHeaders } from './page-headers.mjs';
import { acquireInstanceLock, InstanceLockedError } from '../lib/ops/instance-lock.mjs';
import { pageCacheKey, pageStore, recordPage } from '../lib/public/page-cache.mjs';
import { hstsEnabled } from '../lib/security/headers.mjs';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT || 3000);
const hostname = process.env.WLBA_HOST || undefined;
process.env.NODE_ENV = 'production';

/** WEB_CONCURRENCY, else one worker per core. */
export function workerCount(env = process.env, cores = os.availableParallelism()) {
  const n = Number(env.WEB_CONCURRENCY);
  return Number.isInteger(n) && n >= 1 ? n : Math.max(1, cores);
}

const workers = workerCount();
/** A worker ending with code 1 within this time of its start refused to start. */
const REFUSAL_WINDOW_MS = 60_000;

if (workers > 1 && cluster.isPrimary) {
  const dataDir = path.resolve(process.env.DATA_DIR || './data');
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    acquireInstanceLock(dataDir);
  } catch (e) {
    if (e instanceof InstanceLockedError) {
      console.error(`\n无法启动：${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  // Workers accept the lock file naming this process as their own (lib/ops/instance-lock.mjs).
  const env = { WLBA_INSTANCE_LOCK_PID: String(process.pid) };
  let stopping = false;
  let ready = 0;
  const startedAt = new Map();
  // Workers run with the server's Node.js options (scripts/node-args.mjs) however this process was started.
  cluster.setupPrimary({ execArgv: withServerNodeArgs(process.execArgv) });
  const fork = () => {
    const w = cluster.fork(env);
    startedAt.set(w.id, Date.now());
  };
  for (let i = 0; i < workers; i++) fork();
  cluster.on('message', (_w, msg) => {
    if (msg === 'wlba:ready' && ++ready === workers) console.log(`> ${workers} 个工作进程已就绪：http://${hostname ?? 'localhost'}:${port}`);
  });
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    // Exit code 1 soon after its start is a start-up refusal (lib/ops/startup.ts: an unusable
    // app.db …), which every new worker would repeat: stop the whole instance instead of looping.
    if (code === 1 && Date.now() - (startedAt.get(w.id) ?? 0) < REFUSAL_WINDOW_MS) {
      console.error('工作进程启动失败，服务停止。');
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.kill('SIGTERM');
      process.exit(1);
    }
    console.error(`工作进程 ${w.process.pid} 已退出（${signal ?? code}），正在重新启动`);
    fork();
  });
  // The supervisor ends after its workers (each exits at once on SIGTERM, at most 5 s): whoever
  // waits for it (a service manager, a restart) then finds the DATA_DIR no longer in use.
  for (const sig of ['SIGINT', 'SIGTERM'])
    process.on(sig, () => {
      // A second Ctrl-C does not wait.
      if (stopping) process.exit(0);
      stopping = true;
      const live = Object.values(cluster.workers ?? {}).filter((w) => w != null);
      const gone = live.map((w) => new Promise((resolve) => (w.isDead() ? resolve(null) : w.once('exit', resolve))));
      for (const w of live) w.kill('SIGTERM');
      Promise.race([Promise.all(gone), new Promise((resolve) => setTimeout(resolve, 5_000))]).then(() => process.exit(0));
    });
} else {
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: root, port, hostname: hostname ?? 'localhost' });
  const handle = app.getRequestHandler();
  await app.prepare();
  const trusted = trustProxy();
  const https = hstsEnabled();
  const server = http.createServer((req, res) => {
    applyClientAddress(req, trusted);
    if (!applySignedInPageHeaders(req, res, https)) keepAnonymousPage(req, res);
    coalesceWrites(res);
    handle(req, res);
  });
  server.listen(port, hostname, () => {
    if (cluster.isWorker) process.send?.('wlba:ready');
    else console.log(`> Ready on http://${hostname ?? 'localhost'}:${port}${trusted ? '（WLBA_TRUST_PROXY=1：客户端地址取自反向代理的 X-Forwarded-For）' : ''}`);
  });
  /**
   * The shared page cache (lib/public/page-cache.mjs): an anonymous public page is recorded as it
   * goes out (rendered uncompressed when not cached yet) and kept if proxy.ts marked it, which
   * answers from the cache next time (compressed as usual).
   */
  function keepAnonymousPage(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const key = pageCacheKey(req.method ?? 'GET', url.pathname, url.search, { get: (h) => req.headers[h] });
    if (!key) return;
    // Kept only uncompressed (proxy.ts puts a fresh nonce into it); a cached page is compressed as usual.
    if (!pageStore().entries.has(key)) delete req.headers['accept-encoding'];
    recordPage(res);
  }
  // Like `next start`: exit at once (process 'exit' handlers still run).
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
  // A worker whose supervisor is gone (even by kill -9) stops too, freeing the port and the data.
  if (cluster.isWorker) process.on('disconnect', () => process.exit(0));
}
