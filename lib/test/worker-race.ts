/**
 * One "worker" of lib/ops/multi-worker.test.ts: a separate process on the test's DATA_DIR doing
 * what a server worker does, as fast as it can, and printing what it got as JSON.
 *   number <unitId> <n>        allocate n filing numbers, each in its own approving transaction
 *   job <firstSlot> <n>        try to run job 'race' in each of n slots (60-second slots)
 *   rate <key> <n> <limit> <t> hit the shared public rate limit n times at time t
 * Run with: tsx --conditions=react-server lib/test/worker-race.ts …
 */
import { getDb } from '@/db/client';
import { allocateFilingNumber } from '@/lib/review/filing-number';
import { runOncePerSlot } from '@/lib/ops/job-claims';
import { SharedRateLimiter } from '@/lib/public/rate-limit';

const [mode, a, b, c, d] = process.argv.slice(2);
const out: unknown[] = [];
// Both workers start together: wait for the go file the test writes, then race.
const go = process.env.RACE_GO_AT ? Number(process.env.RACE_GO_AT) : 0;
while (Date.now() < go) {
  /* spin until the common start */
}
if (mode === 'number') {
  const db = getDb();
  for (let i = 0; i < Number(b); i++) out.push(db.transaction((tx) => allocateFilingNumber(tx, Number(a), '02').digits));
} else if (mode === 'job') {
  for (let slot = Number(a); slot < Number(a) + Number(b); slot++) runOncePerSlot('race', 60_000, () => out.push(slot), slot * 60_000 + 1);
} else if (mode === 'rate') {
  const limiter = new SharedRateLimiter(Number(c), 60_000, () => Number(d));
  for (let i = 0; i < Number(b); i++) out.push(limiter.hit(a).ok);
}
console.log(JSON.stringify(out));
