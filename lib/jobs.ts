import 'server-only';
import { processDeliveries } from '@/lib/notify/service';
import { purgeOldDrafts } from '@/lib/drafts/service';
import { sendInterviewReminders } from '@/lib/review/reminders';
import { ensureDueDates } from '@/lib/review/due';
import { runDailyPlacementChecks } from '@/lib/websites/placement';
import { sweepOrphanFiles } from '@/lib/files/orphans';
import { sendUnfiledOverdueNotices } from '@/lib/imports/unfiled';

let started = false;

const DAY_MS = 24 * 60 * 60_000;

/**
 * Background work of the server process: retries e-mail and SMS deliveries every
 * 30 seconds, deletes drafts not saved for 30 days once shortly after start and then
 * daily (系统只保留 30 天内的草稿信息), hourly sends 面审 reminders and refreshes due dates,
 * hourly deletes uploads left unattached for 24 hours, and hourly offers the daily 备案号放置检查
 * a turn (it runs once a Beijing day, from 09:00).
 */
export function startBackgroundJobs(): void {
  if (started) return;
  started = true;

  const deliveries = () => processDeliveries().catch((e) => console.error('[jobs] deliveries', e));
  setInterval(deliveries, 30_000).unref();
  setTimeout(deliveries, 2_000).unref();

  const drafts = () => {
    try {
      const n = purgeOldDrafts();
      if (n > 0) console.info(`[jobs] purged ${n} old drafts`);
    } catch (e) {
      console.error('[jobs] drafts', e);
    }
  };
  setTimeout(drafts, 10_000).unref();
  setInterval(drafts, DAY_MS).unref();

  // 未备案网站 past their deadline: the one-time 已逾期 notice to the applicant (SPEC §8.2).
  const unfiledOverdue = () => {
    try {
      const n = sendUnfiledOverdueNotices();
      if (n > 0) console.info(`[jobs] sent ${n} 未备案网站 overdue notices`);
    } catch (e) {
      console.error('[jobs] unfiled overdue', e);
    }
  };
  setTimeout(unfiledOverdue, 40_000).unref();
  setInterval(unfiledOverdue, DAY_MS).unref();

  // 面审/实地检查 reminders the day before; due dates follow a changed holiday calendar.
  const hourly = () => {
    try {
      const n = sendInterviewReminders();
      if (n > 0) console.info(`[jobs] sent ${n} interview reminders`);
      ensureDueDates();
    } catch (e) {
      console.error('[jobs] hourly', e);
    }
  };
  setTimeout(hourly, 20_000).unref();
  setInterval(hourly, 3_600_000).unref();

  // Uploads never attached to a record are deleted 24 hours after their upload (SPEC §13).
  const orphans = () => {
    try {
      const r = sweepOrphanFiles();
      if (r.files > 0 || r.blobs > 0) console.info(`[jobs] deleted ${r.files} unattached files (${r.blobs} blobs, ${r.bytes} bytes)`);
    } catch (e) {
      console.error('[jobs] orphan files', e);
    }
  };
  setTimeout(orphans, 30_000).unref();
  setInterval(orphans, 3_600_000).unref();

  // 备案号放置检查 (SPEC §10.3): fetches home pages, so one run at a time and never overlapping.
  // WLBA_PLACEMENT_JOB=0 turns the daily run off (the browser tests: no fetches of the demo domains).
  if (process.env.WLBA_PLACEMENT_JOB === '0') return;
  let placementRunning = false;
  const placement = () => {
    if (placementRunning) return;
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
  setInterval(placement, 3_600_000).unref();
}
