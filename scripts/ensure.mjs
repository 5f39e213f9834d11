// Shared by `npm start` and `npm test`: install when missing, build when missing or stale.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`\n命令失败：${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
}

export function ensureInstalled() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const native = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  const stale = !fs.existsSync(marker) || !fs.existsSync(native) || (fs.existsSync(lock) && fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs);
  if (stale) {
    console.log('正在安装依赖（首次安装需编译 better-sqlite3，约需两分钟）…');
    run('npm', ['install', '--no-audit', '--no-fund']);
  }
}

const BUILD_INPUTS = ['app', 'components', 'lib', 'db', 'public', 'proxy.ts', 'instrumentation.ts', 'next.config.mjs', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json'];

function sourceHash() {
  const h = crypto.createHash('sha256');
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p).sort()) if (!e.endsWith('.test.ts')) walk(path.join(p, e));
    } else {
      h.update(path.relative(root, p));
      h.update(fs.readFileSync(p));
    }
  };
  for (const i of BUILD_INPUTS) walk(path.join(root, i));
  return h.digest('hex');
}

export function ensureBuilt() {
  const stamp = path.join(root, '.next', 'source-hash');
  const hash = sourceHash();
  const fresh = fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash;
  if (fresh) return;
  console.log('正在构建应用（next build）…');
  run('npx', ['next', 'build']);
  fs.writeFileSync(stamp, hash);
}
