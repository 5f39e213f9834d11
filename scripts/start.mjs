// npm start: install if needed, build if needed, migrate + seed, print demo accounts, serve.
import { spawn } from 'node:child_process';
import { ensureInstalled, ensureBuilt, run, root } from './ensure.mjs';
import { withServerNodeArgs } from './node-args.mjs';

const port = process.env.PORT || '3000';
process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;
process.env.PUBLIC_BASE_URL ||= process.env.NEXTAUTH_URL;

ensureInstalled();
ensureBuilt();
// --conditions=react-server: services start with import 'server-only', which throws outside it.
run('npx', ['tsx', '--conditions=react-server', 'scripts/prepare.ts']);
console.log(`\n联网备案平台已启动：http://localhost:${port}\n`);
// scripts/server.mjs instead of `next start`: the client address comes from the socket (or, with
// WLBA_TRUST_PROXY=1, from the reverse proxy's X-Forwarded-For); with the Node.js options of
// scripts/node-args.mjs.
const server = spawn(process.execPath, [...withServerNodeArgs([]), 'scripts/server.mjs'], { cwd: root, stdio: 'inherit', env: { ...process.env, PORT: port } });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
