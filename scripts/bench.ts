/**
 * npm run bench: builds a throw-away database in a temp DATA_DIR and measures, in process, the
 * queries whose speed SPEC §13 sets targets for. Prints one table (p50/p95/p99 in ms).
 *
 * Review queue: 100,000 pending applications in one unit (plus 20,000 in another), first page
 * and other pages of /review's query (listQueue) with its total count. Target: first page ≤ 10 ms p95.
 * Totals without filters come from the trigger-kept queue_counts; filtered ones are counted.
 *
 * 公共查询: 1,000,000 filed websites (BENCH_WEBSITES to change) in the same database; searchFilings
 * in process for each query type (target ≤ 5 ms p95 each, totals included); then 1,000,000 filed
 * APPs and 1,000,000 filed 小程序 (BENCH_APPS, BENCH_MINI_PROGRAMS) and searchObjectFilings by
 * name (1, 2, 3, 5 characters), 包名 / 小程序ID and number, same target.
 *
 * Over HTTP (scripts/bench-http.ts): a bare Next.js dynamic page of the same version, built in a
 * temporary folder, against /, /query (10 results), /query/{digits}, /my, /review and
 * /api/public/filings (targets 0.8×, 0.5×, 1×), and a mixed load at one worker and at one per core.
 * Each page row runs BENCH_HTTP_ROUNDS (default 3) times, each time right after a run of the
 * control; its ratio is the median of those paired ratios. BENCH_HTTP_SECONDS (default 6) sets each
 * HTTP run's length; BENCH_HTTP=0 skips the HTTP part, BENCH_ONLY=http runs only it.
 *
 * PDFs: the one-page 自评估报告 and a 申请回执 (scripts/bench-pdf.ts), target < 300 ms each.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

async function httpPart() {
  const { ensureBuilt } = await import('./ensure.mjs');
  ensureBuilt();
  const { runHttpBench } = await import('./bench-http');
  return runHttpBench(Number(process.env.BENCH_HTTP_SECONDS) || 6);
}
if (process.env.BENCH_ONLY === 'http') {
  const { printHttpBench } = await import('./bench-http');
  printHttpBench(await httpPart());
  process.exit(0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-bench-'));
process.env.DATA_DIR = dir;

const { getDb, closeDb } = await import('@/db/client');
const { createUnit } = await import('@/lib/units/service');
const { listQueue } = await import('@/lib/review/service');
const { ensureDueDates } = await import('@/lib/review/due');
const { searchFilings } = await import('@/lib/public/search');
const { searchObjectFilings } = await import('@/lib/public/object-search');
const { generateFilings, generateObjectFilings, nameSamples, querySamples } = await import('./bench-public');
const { printHttpBench } = await import('./bench-http');

type Row = { name: string; p50: number; p95: number; p99: number; target?: number };

function measure(name: string, fn: () => unknown, runs = 300, target?: number): Row {
  for (let i = 0; i < 20; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { name, p50: q(0.5), p95: q(0.95), p99: q(0.99), target };
}

function seedQueue(perUnit: [number, number][]) {
  const db = getDb();
  const raw = db.$client;
  const now = Date.now();
  raw
    .prepare(
      "insert into users (role, name, phone_enc, phone_hmac, phone_masked, password_hash, status, session_version, created_at, updated_at) values ('applicant', '基准', 'x', 'bench', '138****0000', 'x', 'active', 1, ?, ?)",
    )
    .run(now, now);
  const insert = raw.prepare(
    "insert into applications (code, type, status, applicant_id, unit_id, queued, payload, submitted_at, queued_at) values (?, ?, '待审核', 1, ?, 1, '{}', ?, ?)",
  );
  const types = ['新增主体', '新办网站', '变更网站', '注销网站', '变更主体', '安全评估'];
  let n = 0;
  raw.transaction(() => {
    for (const [unitId, count] of perUnit)
      for (let i = 0; i < count; i++) {
        const at = now - Math.floor(Math.random() * 60 * 86_400_000);
        insert.run(`SQ20261123${String(++n).padStart(6, '0')}`, types[n % types.length], unitId, at, at);
      }
  })();
  const t = performance.now();
  ensureDueDates({ force: true });
  return performance.now() - t;
}

const units = [createUnit({ name: '北京市公安局网安总队', code: '110000', isDefault: true }, null), createUnit({ name: '朝阳分局网安大队', code: '110105' }, null)];
const t0 = performance.now();
const dueMs = seedQueue([
  [units[1].id, 100_000],
  [units[0].id, 20_000],
]);
const seedMs = performance.now() - t0;
const reviewer = { id: 1, role: 'reviewer' as const, unitId: units[1].id, phoneVerified: true };
const admin = { id: 1, role: 'admin' as const, unitId: null, phoneVerified: true };

const rows: Row[] = [
  measure('审核队列 第1页（10万待办，含总数）', () => listQueue(reviewer, {}), 300, 10),
  measure('审核队列 第50页', () => listQueue(reviewer, { page: 50 }), 100),
  measure('审核队列 按业务类型', () => listQueue(reviewer, { type: '新办网站' }), 100),
  measure('审核队列 仅看超期', () => listQueue(reviewer, { overdue: true }), 100),
  measure('审核队列 管理员（全部单位12万）', () => listQueue(admin, {}), 100),
  measure('审核队列 申请编号查询', () => listQueue(reviewer, { q: 'SQ20261123050000' }), 100),
];

const websitesCount = Number(process.env.BENCH_WEBSITES) || 1_000_000;
console.log(`\n生成 ${websitesCount.toLocaleString()} 个已备案网站及其开办主体…`);
const gen = generateFilings(getDb(), websitesCount);
const samples = querySamples(gen);
const cycle = <T>(list: T[]) => {
  let i = 0;
  return () => list[i++ % list.length];
};
const publicRuns: [string, 'name' | 'domain' | 'code', string[]][] = [
  ['公共查询 网站名称 1个字', 'name', samples.name1],
  ['公共查询 网站名称 2个字', 'name', samples.name2],
  ['公共查询 网站名称 3个字', 'name', samples.name3],
  ['公共查询 网站名称 5个字', 'name', samples.name5],
  ['公共查询 网站域名（主机、上级域名、子域名）', 'domain', samples.domain],
  ['公共查询 联网备案号（带/不带前缀）', 'code', samples.code],
];
let found = 0;
for (const [name, type, list] of publicRuns) {
  // Warm: every sample once (a running server's page cache holds the hot index pages).
  for (const v of list) searchFilings(type, v);
  const next = cycle(list);
  rows.push(
    measure(`${name}（第1页10条，含总数）`, () => {
      const r = searchFilings(type, next());
      if (r.ok && r.total > 0) found++;
    }, 1000, 5),
  );
}

// 查询类型 APP / 小程序 (SPEC §15.5): as many filed APPs and 小程序 (BENCH_APPS, BENCH_MINI_PROGRAMS), same targets.
const appsCount = Number(process.env.BENCH_APPS ?? 1_000_000);
const minisCount = Number(process.env.BENCH_MINI_PROGRAMS ?? 1_000_000);
console.log(`生成 ${appsCount.toLocaleString()} 个已备案APP、${minisCount.toLocaleString()} 个已备案小程序…`);
const objects = generateObjectFilings(getDb(), appsCount, minisCount);
const objectRuns: [string, 'APP' | '小程序', 'name' | 'ident' | 'code', string[]][] = [
  ['公共查询 APP名称 1个字', 'APP', 'name', nameSamples(objects.appNames, 1, 11)],
  ['公共查询 APP名称 2个字', 'APP', 'name', nameSamples(objects.appNames, 2, 12)],
  ['公共查询 APP名称 3个字', 'APP', 'name', nameSamples(objects.appNames, 3, 13)],
  ['公共查询 APP名称 5个字', 'APP', 'name', nameSamples(objects.appNames, 5, 14)],
  ['公共查询 APP包名（不区分大小写）', 'APP', 'ident', objects.packages],
  ['公共查询 APP联网备案号', 'APP', 'code', objects.appNumbers],
  ['公共查询 小程序名称 1个字', '小程序', 'name', nameSamples(objects.miniNames, 1, 21)],
  ['公共查询 小程序名称 2个字', '小程序', 'name', nameSamples(objects.miniNames, 2, 22)],
  ['公共查询 小程序名称 3个字', '小程序', 'name', nameSamples(objects.miniNames, 3, 23)],
  ['公共查询 小程序ID（不区分大小写）', '小程序', 'ident', objects.appIds],
];
for (const [name, kind, type, list] of objectRuns) {
  if (list.length === 0) continue;
  for (const v of list) searchObjectFilings(kind, type, v);
  const next = cycle(list);
  rows.push(
    measure(`${name}（第1页10条，含总数）`, () => {
      const r = searchObjectFilings(kind, type, next());
      if (r.ok && r.total > 0) found++;
    }, 1000, 5),
  );
}

const dbFileMb = fs.statSync(path.join(dir, 'app.db')).size / 1024 / 1024;
closeDb();

// PDFs with Chinese text (自评估报告, 申请回执): built from literal data, after warm-up.
const { benchPdf } = await import('./bench-pdf');
rows.push(...(await benchPdf()));

const httpBench = process.env.BENCH_HTTP !== '0' ? await httpPart() : null;

const fmt = (n: number) => n.toFixed(2).padStart(8);
console.log(`\n数据准备：12万条待办 ${(seedMs / 1000).toFixed(1)} s（其中计算办理时限 ${(dueMs / 1000).toFixed(1)} s）；`);
console.log(`${websitesCount.toLocaleString()} 个已备案网站 ${(gen.ms / 1000).toFixed(1)} s（其中建名称索引 ${(gen.indexMs / 1000).toFixed(1)} s）；`);
console.log(`${appsCount.toLocaleString()} 个已备案APP 与 ${minisCount.toLocaleString()} 个已备案小程序 ${(objects.ms / 1000).toFixed(1)} s（其中建名称索引 ${(objects.indexMs / 1000).toFixed(1)} s）；数据库 ${dbFileMb.toFixed(0)} MB；公共查询样本命中 ${found} 次\n`);
console.log(`| 查询（进程内） | p50 ms | p95 ms | p99 ms | 目标 p95 |`);
console.log(`|---|---:|---:|---:|---|`);
for (const r of rows)
  console.log(`| ${r.name} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.target ? `≤ ${r.target} ms ${r.p95 <= r.target ? '达标' : '未达标'}` : '—'} |`);

if (httpBench) printHttpBench(httpBench);

fs.rmSync(dir, { recursive: true, force: true });
