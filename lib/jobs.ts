import 'server-only';
import { processDeliveries } from '@/lib/notify/service';
import { purgeOldDrafts } from '@/lib/drafts/service';
import { sendInterviewReminders } from '@/lib/review/reminders';
import { ensureDueDates } from '@/lib/review/due';
import { runDailyPlacementChecks } from '@/lib/websites/placement';
import { sweepOrphanFiles } from '@/lib/files/orphans';
import { claimJobSlot, slotOf } from '@/lib/ops/job-claims';
import { pruneRateBuckets } from '@/lib/public/rate-limit';
import { sendUnfiledOverdueNotices } from '@/lib/imports/unfiled';

let started = false;

const DAY_MS = 24 * 60 * 60_000;
const HOUR_MS = 3_600_000;
const DELIVERY_MS = 30_000;

/** Whether this worker runs job `name` now: the first to claim the current slot does. */
const mine = (name: string, everyMs: number) => {
  const now = Date.now();
  return claimJobSlot(name, slotOf(now, everyMs), now);
};

/**
 * Background work of the server process: retries e-mail and SMS deliveries every
 * 30 seconds, deletes drafts not saved for 30 days once shortly after start and then
 * daily (系统只保留 30 天内的草稿信息), hourly sends 面审 reminders and refreshes due dates,
 * hourly deletes uploads left unattached for 24 hours, and hourly offers the daily 备案号放置检查
 * a turn (it runs once a Beijing day, from 09:00).
 *
 * Every worker of an instance (WEB_CONCURRENCY) runs these timers; each run first claims its time
 * slot in SQLite (lib/ops/job-claims.ts), so a job runs once per schedule, not once per worker.
 */
export function startBackgroundJobs(): void {
  if (started) return;
  started = true;

  const deliveries = () => {
    try {
      if (!mine('deliveries', DELIVERY_MS)) return;
    } catch (e) {
      return console.error('[jobs] deliveries', e);
    }
    processDeliveries().catch((e) => console.error('[jobs] deliveries', e));
  };
  setInterval(deliveries, DELIVERY_MS).unref();
  setTimeout(deliveries, 2_000).unref();

  const drafts = () => {
    try {
      if (!mine('drafts', DAY_MS)) return;
      const n = purgeOldDrafts();
      if (n > 0) console.info(`[jobs] purged ${n} old drafts`);
    } catch (e) {
      console.error('[jobs] drafts', e);
    }
  };
  setTimeout(drafts, 10_000).unref();
  setInterval(drafts, DAY_MS).unref();

  // 未备案网站 past their deadline: the one-time 已逾期 notice to the applicant (SPEC §8.2);
  // hourly, so it follows the deadline within the hour (each row is noticed once).
  const unfiledOverdue = () => {
    try {
      if (!mine('unfiled-overdue', HOUR_MS)) return;
      const n = sendUnfiledOverdueNotices();
      if (n > 0) console.info(`[jobs] sent ${n} 未备案网站 overdue notices`);
    } catch (e) {
      console.error('[jobs] unfiled overdue', e);
    }
  };
  setTimeout(unfiledOverdue, 40_000).unref();
  setInterval(unfiledOverdue, HOUR_MS).unref();

  // 面审/实地检查 reminders the day before; due dates follow a changed holiday calendar.
  const hourly = () => {
    try {
      if (!mine('hourly', HOUR_MS)) return;
      const n = sendInterviewReminders();
      if (n > 0) console.info(`[jobs] sent ${n} interview reminders`);
      ensureDueDates();
      pruneRateBuckets();
    } catch (e) {
      console.error('[jobs] hourly', e);
    }
  };
  setTimeout(hourly, 20_000).unref();
  setInterval(hourly, HOUR_MS).unref();

  // Uploads never attached to a record are deleted 24 hours after their upload (SPEC §13).
  const orphans = () => {
    try {
      if (!mine('orphans', HOUR_MS)) return;
      const r = sweepOrphanFiles();
      if (r.files > 0 || r.blobs > 0) console.info(`[jobs] deleted ${r.files} unattached files (${r.blobs} blobs, ${r.bytes} bytes)`);
    } catch (e) {
      console.error('[jobs] orphan files', e);
    }
  };
  setTimeout(orphans, 30_000).unref();
  setInterval(orphans, HOUR_MS).unref();

  // 备案号放置检查 (SPEC §10.3): fetches home pages, so one run at a time and never overlapping.
  // WLBA_PLACEMENT_JOB=0 turns the daily run off (the browser tests: no fetches of the demo domains).
  if (process.env.WLBA_PLACEMENT_JOB === '0') return;
  let placementRunning = false;
  const placement = () => {
    if (placementRunning) return;
    try {
      if (!mine('placement', HOUR_MS)) return;
    } catch (e) {
      return console.error('[jobs] placement', e);
    }
    placementRunning = true;
    runDailyPlacementChecks()
      .then((r) => {
        if (r.checked > 0 || r.failed > 0) console.info(`[jobs] placement: checked ${r.checked}, reminded ${r.reminded}, failed ${r.failed}${r.complete ? '' : ' (more next hour)'}`);
      })
      .catch((e) => console.error('[jobs] placement', e))
      .finally(() => {
        placementRunning = false;
      });
  };
  setTimeout(placement, 60_000).unref();
  setInterval(placement, HOUR_MS).unref();
}
