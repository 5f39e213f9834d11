import { processDeliveries } from '@/lib/notify/service';

let started = false;

/** Retries e-mail and SMS deliveries every 30 seconds. */
export function startBackgroundJobs(): void {
  if (started) return;
  started = true;
  const tick = () => processDeliveries().catch((e) => console.error('[jobs] deliveries', e));
  setInterval(tick, 30_000).unref();
  setTimeout(tick, 2_000).unref();
}
