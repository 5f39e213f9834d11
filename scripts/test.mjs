// npm test: install if needed, lint, unit + integration tests, then browser tests against the built app.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureInstalled, ensureBuilt, root } from './ensure.mjs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
ensureInstalled();
if (!fs.existsSync(chromium)) {
  console.error(`未找到浏览器 ${chromium}，无法运行浏览器测试。\n请先安装 Debian 的 chromium：apt-get update && apt-get install -y chromium`);
  process.exit(1);
}

// The linter first: a broken import boundary (STYLE.md) fails the run like a failing test.
const lint = spawnSync('npx', ['eslint', '.'], { cwd: root, stdio: 'inherit' });
if (lint.status !== 0) {
  console.error('\nESLint 检查未通过（npm run lint），请先修正上面列出的问题。');
  process.exit(1);
}
console.log('ESLint 检查通过。');

const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-reports-'));
function vitest(name, extra) {
  const out = path.join(reports, `${name}.json`);
  const r = spawnSync('npx', ['vitest', 'run', ...extra, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], { cwd: root, stdio: 'inherit' });
  const json = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : { numPassedTests: 0, numFailedTests: 0 };
  return { ok: r.status === 0, passed: json.numPassedTests, failed: json.numFailedTests + (r.status !== 0 && json.numFailedTests === 0 ? 1 : 0) };
}

const unit = vitest('unit', []);
let e2e = { ok: false, passed: 0, failed: 0 };
if (unit.ok) {
  ensureBuilt();
  e2e = vitest('e2e', ['--config', 'vitest.e2e.config.ts']);
}
fs.rmSync(reports, { recursive: true, force: true });
console.log(`\nunit+integration: ${unit.passed} passed, ${unit.failed} failed; browser: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`Tests: ${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed} failed`);
process.exit(unit.ok && e2e.ok ? 0 : 1);
