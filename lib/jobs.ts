import { processDeliveries } from '@/lib/notify/service';
import { purgeOldDrafts } from '@/lib/drafts/service';

let started = false;

const DAY_MS = 24 * 60 * 60_000;

/**
 * Background work of the server process: retries e-mail and SMS deliveries every
 * 30 seconds, and deletes drafts not saved for 30 days once shortly after start
 * and then daily (系统只保留 30 天内的草稿信息).
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
}
