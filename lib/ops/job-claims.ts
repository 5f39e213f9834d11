import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

/**
 * Scheduled jobs run once per schedule, not once per worker (SPEC §13, issue 17): every worker
 * of an instance runs the same timers, and the first to reach a time slot claims it in SQLite
 * (table job_runs); the others skip that slot. A slot is `floor(now / everyMs)`, so a job every
 * 30 seconds has one slot per 30-second window, a daily job one per day (UTC).
 */
export const slotOf = (now: number, everyMs: number) => Math.floor(now / everyMs);

/** Claims `slot` of job `name` for this process: true for exactly one caller per slot. */
export function claimJobSlot(name: string, slot: number, now = Date.now()): boolean {
  const res = getDb().run(
    sql`INSERT INTO job_runs (name, slot, claimed_at, pid) VALUES (${name}, ${slot}, ${now}, ${process.pid})
        ON CONFLICT(name) DO UPDATE SET slot = excluded.slot, claimed_at = excluded.claimed_at, pid = excluded.pid
        WHERE job_runs.slot < excluded.slot`,
  );
  return res.changes === 1;
}

/** Runs `fn` when this process claims the current slot of `name`; says whether it ran. */
export function runOncePerSlot(name: string, everyMs: number, fn: () => void, now = Date.now()): boolean {
  if (!claimJobSlot(name, slotOf(now, everyMs), now)) return false;
  fn();
  return true;
}
