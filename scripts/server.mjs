// Serves the built app (instead of `next start`) so the client address comes from the socket:
// Next.js gives route handlers, server actions and proxy.ts only the request headers, so this
// server rewrites X-Forwarded-For before Next.js sees the request (scripts/client-address.mjs).
//   PORT (default 3000), WLBA_HOST (default all interfaces), WLBA_TRUST_PROXY=1 behind a reverse proxy.
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { applyClientAddress, trustProxy } from './client-address.mjs';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT || 3000);
const hostname = process.env.WLBA_HOST || undefined;
process.env.NODE_ENV = 'production';

const app = next({ dev: false, dir: root, port, hostname: hostname ?? 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();
const trusted = trustProxy();
const server = http.createServer((req, res) => {
  applyClientAddress(req, trusted);
  handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`> Ready on http://${hostname ?? 'localhost'}:${port}${trusted ? '（WLBA_TRUST_PROXY=1：客户端地址取自反向代理的 X-Forwarded-For）' : ''}`);
});
// Like `next start`: exit at once (process 'exit' handlers still run).
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
