/**
 * The HTTP half of `npm run bench` (SPEC §13, issue 17): the product's pages against a bare
 * Next.js dynamic page of the same Next.js version, side by side in one run on this machine.
 *
 * - Control: a one-line dynamic page (`await connection()`, the time of the request) in a throw-away
 *   app built in a temporary folder with this project's own node_modules, served by `next start`.
 * - Product: the current build served by scripts/server.mjs (as `npm start`) on a demo database
 *   (scripts/prepare.ts) plus BENCH_HTTP_WEBSITES (default 50,000) generated filed websites, so a
 *   two-character name query fills its page of 10 results.
 * - Each page row runs the product with one worker, as the control runs one process; the mixed load
 *   then runs at one worker and at WEB_CONCURRENCY's default (one per core).
 * - Both servers stay up and each page row is run BENCH_HTTP_ROUNDS times right after a run of the
 *   control: its ratio is the median of those paired ratios (this machine's control moved by 2×
 *   within an hour, so a ratio of runs minutes apart meant little).
 * - A second control, the same bare app's /sized: a page of plain markup as big as /my, the ceiling
 *   of what rendering that much costs Next.js alone.
 *
 * CPU ms per request: the server's processes' user+system time (/proc) over the requests served;
 * peak RSS: the sum over those processes, sampled every 100 ms.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import type { DB } from '@/db/client';
import { freePort, generateFilings, querySamples } from './bench-public';
import { withServerNodeArgs } from './node-args.mjs';
import { childrenOf, procStat } from './proc';

export type LoadRow = { name: string; rps: number; p50: number; p99: number; non2xx: number; cpuMsPerReq: number; peakRssMb: number };
type Req = { path: string; cookie?: string };

const root = path.resolve(import.meta.dirname, '..');
const CONNECTIONS = 50;

/** Every process of the tree rooted at `pid` (the cluster's workers are its children). */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...childrenOf(out[i]));
  return out;
}

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const p of pids) {
    const f = procStat(p);
    if (f) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks * TICK_MS;
}
function rssMb(pids: number[]): number {
  let kb = 0;
  for (const p of pids) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      kb += m ? Number(m[1]) : 0;
    } catch {
      /* gone */
    }
  }
  return kb / 1024;
}

async function waitFor(url: string, child: ChildProcess, what: string) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode != null) throw new Error(`${what} exited (${child.exitCode})`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not answer ${url}`);
}

/**
 * The second control (issue 17's finding): the same bare app's /sized, a dynamic page of plain
 * server markup as big as /my (about 38 KB with its RSC data: a greeting and six cards of three
 * rows) with no database, no session and no client component. It shows what rendering a page of
 * that size costs Next.js alone, the ceiling for /my and /review.
 */
const SIZED_PAGE = `import { connection } from 'next/server';

function Row({ i }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span className="min-w-0">
        <span className="font-medium">北京云帆网络科技有限公司 网站 {i}</span>
        <span className="ml-2 break-all text-muted-foreground">www.yunfan-{i}.cn</span>
        <span className="block text-xs text-muted-foreground">京公网安备11010502000{i}号</span>
      </span>
      <span className="flex items-center gap-3">
        <span className="inline-flex items-center rounded-md border px-2 py-0.5 text-xs font-medium">已备案</span>
        <a href={\`/my/websites/\${i}\`} className="text-primary hover:underline">详情<span className="sr-only">：网站 {i}</span></a>
      </span>
    </li>
  );
}

export default async function Page() {
  await connection();
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">您好，张伟 {new Date().toISOString()}</h1>
      {Array.from({ length: 6 }, (_, c) => (
        <section key={c} className="bg-card text-card-foreground flex flex-col gap-4 rounded-xl border py-5 shadow-sm min-w-0" role="region">
          <div className="flex items-center justify-between px-6">
            <h2 className="leading-none font-semibold">卡片 {c}</h2>
            <a href="/my/x" className="text-sm text-primary hover:underline">更多</a>
          </div>
          <ul className="divide-y px-6 text-sm">{Array.from({ length: 3 }, (_, i) => <Row key={i} i={c * 10 + i} />)}</ul>
        </section>
      ))}
    </div>
  );
}
`;

/** The bare control app (/ and /sized), built once per run in a temporary folder. */
export function buildControl(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-bare-next-'));
  fs.mkdirSync(path.join(dir, 'app'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bare-next', private: true }));
  fs.writeFileSync(path.join(dir, 'next.config.mjs'), 'export default { turbopack: { root: import.meta.dirname } };\n');
  fs.writeFileSync(path.join(dir, 'app', 'layout.jsx'), 'export default function RootLayout({ children }) {\n  return <html lang="zh-CN"><body>{children}</body></html>;\n}\n');
  fs.writeFileSync(
    path.join(dir, 'app', 'page.jsx'),
    "import { connection } from 'next/server';\n\nexport default async function Page() {\n  await connection();\n  return <p>{new Date().toISOString()}</p>;\n}\n",
  );
  fs.mkdirSync(path.join(dir, 'app', 'sized'));
  fs.writeFileSync(path.join(dir, 'app', 'sized', 'page.jsx'), SIZED_PAGE);
  // The project's own Next.js, React and their dependencies: a copy of node_modules by hard links.
  spawnSync('cp', ['-al', path.join(root, 'node_modules'), path.join(dir, 'node_modules')]);
  const r = spawnSync(process.execPath, [path.join(dir, 'node_modules/next/dist/bin/next'), 'build'], { cwd: dir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bare Next.js build failed:\n${r.stdout}\n${r.stderr}`);
  return dir;
}

export async function startControl(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(dir, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url, child, 'next start (control)');
  return { url, child };
}

/** A demo database (migrations, demo accounts and data) with `websites` more filed websites. */
export function prepareDemo(websites: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-bench-http-'));
  const env = { ...process.env, DATA_DIR: dir };
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/prepare.ts'], { cwd: root, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`prepare failed: ${r.stderr}`);
  const raw = new Database(path.join(dir, 'app.db'));
  raw.pragma('journal_mode = WAL');
  const gen = generateFilings({ $client: raw } as unknown as DB, websites);
  const digits = raw.prepare("select filing_digits from websites where status = '已备案' and filing_digits is not null order by random() limit 200").pluck().all() as string[];
  raw.close();
  return { dir, samples: querySamples(gen), digits };
}

/** With npm start's Node.js options (scripts/node-args.mjs) and `nodeArgs`, e.g. ['--cpu-prof', '--cpu-prof-dir=…'] to profile a one-worker server. */
export async function startProduct(dataDir: string, workers: number, nodeArgs: string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...withServerNodeArgs(nodeArgs), path.join(root, 'scripts', 'server.mjs')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'production', WLBA_PUBLIC_RATE_LIMIT: '0', PORT: String(port), WLBA_HOST: '127.0.0.1', WEB_CONCURRENCY: String(workers), WLBA_PLACEMENT_JOB: '0' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/health`, child, 'scripts/server.mjs');
  return { url, child };
}

export async function stop(child: ChildProcess) {
  if (child.exitCode != null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await done;
}

/** Signs in through next-auth's credentials endpoint, as the login form does; returns the Cookie header. */
export async function signIn(url: string, identifier: string, password: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: new URLSearchParams({ identifier, password, csrfToken, json: 'true' }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith('session-token'))) throw new Error(`sign-in of ${identifier} failed (${res.status})`);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** autocannon at 50 connections over `reqs` in turn; p50/p99 from every response, CPU and RSS of `pid`'s tree. */
export async function load(url: string, name: string, reqs: Req[], seconds: number, pid: number): Promise<LoadRow> {
  let i = 0;
  const times: number[] = [];
  const pids = processTree(pid);
  let peak = rssMb(pids);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pids))), 100);
  const cpu0 = cpuMs(pids);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => {
              const r = reqs[i++ % reqs.length];
              return { ...req, path: r.path, headers: { ...req.headers, ...(r.cookie ? { cookie: r.cookie } : {}) } };
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
  clearInterval(sampler);
  const cpu = cpuMs(pids) - cpu0;
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN;
  const served = result.requests.total || 1;
  return { name, rps: result.requests.average, p50: q(0.5), p99: q(0.99), non2xx: result.non2xx + result.errors, cpuMsPerReq: cpu / served, peakRssMb: peak };
}

/**
 * The mix of a working day (MIX_STATEMENT, printed with the table): every 20 requests are 4 首页,
 * 5 公共查询 with results, 3 备案详情, 2 /my, 2 /my/websites, 1 /my/applications, 2 /review and
 * 1 /review/dashboard.
 */
export function mixedRequests(p: { names: string[]; digits: string[]; applicant: string; reviewer: string }): Req[] {
  const plan: [number, (k: number) => Req][] = [
    [4, () => ({ path: '/' })],
    [5, (k) => ({ path: `/query?type=name&q=${encodeURIComponent(p.names[k % p.names.length])}` })],
    [3, (k) => ({ path: `/query/${p.digits[k % p.digits.length]}` })],
    [2, () => ({ path: '/my', cookie: p.applicant })],
    [2, () => ({ path: '/my/websites', cookie: p.applicant })],
    [1, () => ({ path: '/my/applications', cookie: p.applicant })],
    [2, () => ({ path: '/review', cookie: p.reviewer })],
    [1, () => ({ path: '/review/dashboard', cookie: p.reviewer })],
  ];
  const out: Req[] = [];
  for (let round = 0; round < 50; round++) for (const [n, f] of plan) for (let j = 0; j < n; j++) out.push(f(round * 7 + j));
  return out;
}

export const MIX_STATEMENT = '60% 公共（首页 20%、查询结果页 25%、备案详情 15%），25% 申请人（/my 10%、/my/websites 10%、/my/applications 5%），15% 民警（/review 10%、/review/dashboard 5%）';

/** The middle item by `key` (the upper one of an even count). */
function median<T>(items: T[], key: (t: T) => number): T {
  return [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)];
}

export type HttpBench = { rows: (LoadRow & { target?: number; ratio?: number })[]; mixed: LoadRow[]; workers: number; websites: number; rounds: number };

/** Every HTTP row of the bench, in one run: the control, the pages at one worker, the mix at 1 and N workers. */
export async function runHttpBench(seconds: number): Promise<HttpBench> {
  const websites = Number(process.env.BENCH_HTTP_WEBSITES) || 50_000;
  console.log('构建对照页（临时目录中的空白 Next.js 动态页面）…');
  const bare = buildControl();
  console.log(`准备演示数据库并生成 ${websites.toLocaleString()} 个已备案网站…`);
  const demo = prepareDemo(websites);
  const names = demo.samples.name2;
  const rows: HttpBench['rows'] = [];
  const mixed: LoadRow[] = [];
  const workers = Math.max(1, os.availableParallelism());
  const rounds = Math.max(1, Number(process.env.BENCH_HTTP_ROUNDS) || 3);
  try {
    // Both stay up (an idle server costs nothing): each row is measured in turn with the control
    // just before it, `rounds` times, so a ratio compares two runs a few seconds apart. The control
    // on this machine moved between 220 and 480 requests a second within one hour.
    const control = await startControl(bare);
    const one = await startProduct(demo.dir, 1);
    const pid = one.child.pid!;
    try {
      await load(control.url, 'warm-up', [{ path: '/' }], 3, control.child.pid!);
      await load(control.url, 'warm-up', [{ path: '/sized' }], 3, control.child.pid!);
      const controls: LoadRow[] = [];
      const paired = async (name: string, target: number | undefined, run: () => Promise<LoadRow>) => {
        const pairs: { r: LoadRow; ratio: number }[] = [];
        for (let i = 0; i < rounds; i++) {
          const c = await load(control.url, '对照：空白 Next.js 动态页（next start）', [{ path: '/' }], seconds, control.child.pid!);
          controls.push(c);
          const r = await run();
          pairs.push({ r, ratio: r.rps / c.rps });
        }
        const mid = median(pairs, (p) => p.ratio);
        rows.push({ ...mid.r, name, target, ratio: mid.ratio });
      };
      await paired('参照：同一对照应用中与 /my 同样大小（约 38 KB）的纯标记动态页，无数据库、无会话', undefined, () => load(control.url, 'sized', [{ path: '/sized' }], seconds, control.child.pid!));
      const applicant = await signIn(one.url, '13800000003', 'Demo@2026');
      const reviewer = await signIn(one.url, '13800000002', 'Demo@2026');
      const page = async (name: string, reqs: Req[], target: number) => {
        await load(one.url, 'warm-up', reqs.slice(0, 20), 2, pid);
        await paired(name, target, () => load(one.url, name, reqs, seconds, pid));
      };
      await page('/ 首页', [{ path: '/' }], 0.8);
      await page('/query 网站名称 2个字（10条结果）', names.map((q) => ({ path: `/query?type=name&q=${encodeURIComponent(q)}` })), 0.8);
      await page('/query/{备案号} 备案详情', demo.digits.map((d) => ({ path: `/query/${d}` })), 0.8);
      await page('/my 申请人首页', [{ path: '/my', cookie: applicant }], 0.5);
      await page('/review 审核队列', [{ path: '/review', cookie: reviewer }], 0.5);
      await page('/api/public/filings 名称查询', names.map((q) => ({ path: `/api/public/filings?name=${encodeURIComponent(q)}` })), 1);
      rows.unshift({ ...median(controls, (c) => c.rps), name: '对照：空白 Next.js 动态页（next start）（各轮中位数）' });
      const mix = mixedRequests({ names, digits: demo.digits, applicant, reviewer });
      await load(one.url, 'warm-up', mix, 3, pid);
      mixed.push(await load(one.url, '混合负载 1 个工作进程', mix, seconds, pid));
    } finally {
      await stop(one.child);
      await stop(control.child);
    }
    const many = await startProduct(demo.dir, workers);
    try {
      const applicant = await signIn(many.url, '13800000003', 'Demo@2026');
      const reviewer = await signIn(many.url, '13800000002', 'Demo@2026');
      const mix = mixedRequests({ names, digits: demo.digits, applicant, reviewer });
      await load(many.url, 'warm-up', mix, 3, many.child.pid!);
      mixed.push(await load(many.url, `混合负载 ${workers} 个工作进程（WEB_CONCURRENCY 默认）`, mix, seconds, many.child.pid!));
    } finally {
      await stop(many.child);
    }
  } finally {
    fs.rmSync(bare, { recursive: true, force: true });
    fs.rmSync(demo.dir, { recursive: true, force: true });
  }
  return { rows, mixed, workers, websites, rounds };
}

export function printHttpBench(b: HttpBench) {
  const n = (x: number, d = 0) => x.toFixed(d);
  console.log(`\n| HTTP（${CONNECTIONS} 并发，autocannon；页面各行 1 个工作进程，与对照页同为 1 个进程） | 请求/秒 | p50 ms | p99 ms | CPU ms/请求 | 峰值 RSS MB | 非2xx/错误 | 与对照页之比（目标） |`);
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of b.rows)
    console.log(
      `| ${r.name} | ${n(r.rps)} | ${n(r.p50)} | ${n(r.p99)} | ${n(r.cpuMsPerReq, 1)} | ${n(r.peakRssMb)} | ${r.non2xx} | ${r.ratio == null ? '—' : r.target == null ? `${r.ratio.toFixed(2)}（参照）` : `${r.ratio.toFixed(2)}（≥ ${r.target}）${r.ratio >= r.target ? '达标' : '未达标'}`} |`,
    );
  for (const r of b.mixed) console.log(`| ${r.name} | ${n(r.rps)} | ${n(r.p50)} | ${n(r.p99)} | ${n(r.cpuMsPerReq, 1)} | ${n(r.peakRssMb)} | ${r.non2xx} | — |`);
  if (b.mixed.length === 2) console.log(`\n混合负载：${MIX_STATEMENT}；${b.workers} 个工作进程 / 1 个 = ${(b.mixed[1].rps / b.mixed[0].rps).toFixed(2)} 倍。`);
  console.log(`比值：每行测 ${b.rounds} 轮，每轮紧接在一次对照页之后，取各轮比值的中位数（该行其余各列取自这一轮）。`);
}
