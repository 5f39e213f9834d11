// npm test: install if needed, unit + integration tests, then browser tests against the built app.
import fs from 'node:fs';
import { ensureInstalled, ensureBuilt, run } from './ensure.mjs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
ensureInstalled();
if (!fs.existsSync(chromium)) {
  console.error(`未找到浏览器 ${chromium}，无法运行浏览器测试。\n请先安装 Debian 的 chromium：apt-get update && apt-get install -y chromium`);
  process.exit(1);
}
run('npx', ['vitest', 'run']);
ensureBuilt();
run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts']);
