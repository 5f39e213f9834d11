/**
 * Several workers on one DATA_DIR (WEB_CONCURRENCY, issue 17): two real processes race on the
 * same SQLite files — filing numbers stay unique and consecutive, a scheduled job runs once per
 * slot, and the public rate limit is one budget, not one per worker.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedUnits } from '@/lib/test/fixtures';
import { getDb } from '@/db/client';
import { scratchDb } from '@/db/scratch';

const root = process.cwd();

function worker(args: string[], goAt: number): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'lib/test/worker-race.ts', ...args], {
      cwd: root,
      env: { ...process.env, RACE_GO_AT: String(goAt) },
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as unknown[]) : reject(new Error(`worker failed (${code}): ${err}`))));
  });
}

/** Both workers load, then start at the same moment (a few seconds ahead: tsx takes a while to start). */
const race = (a: string[], b: string[]) => {
  const goAt = Date.now() + 4_000;
  return Promise.all([worker(a, goAt), worker(b, goAt)]);
};

let unitId = 0;
beforeAll(() => {
  unitId = seedUnits().chaoyang.id;
  getDb(); // migrated before the workers open it
  scratchDb();
});

describe('two workers on one DATA_DIR', () => {
  it('never hand out a filing number twice, and the numbers stay consecutive', async () => {
    const [a, b] = (await race(['number', String(unitId), '150'], ['number', String(unitId), '150'])) as string[][];
    const all = [...a, ...b];
    expect(new Set(all).size).toBe(300);
    const seqs = all.map((d) => Number(d.slice(8))).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    // Both really raced: each got some of the numbers.
    expect(a.length).toBe(150);
    expect(b.length).toBe(150);
  }, 60_000);

  it('run a scheduled job once per slot, whichever worker gets there first', async () => {
    const [a, b] = (await race(['job', '1000', '200'], ['job', '1000', '200'])) as number[][];
    expect([...a, ...b].sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => 1000 + i));
    expect(a.filter((s) => b.includes(s))).toEqual([]);
  }, 60_000);

  it('share one public rate limit: 30 a minute in all, not 30 each', async () => {
    const t = Date.now();
    const [a, b] = (await race(['rate', '203.0.113.50', '40', '30', String(t)], ['rate', '203.0.113.50', '40', '30', String(t)])) as boolean[][];
    expect([...a, ...b].filter(Boolean)).toHaveLength(30);
  }, 60_000);
});
