/** Per-account upload quota (SPEC §13): what one account may upload over a rolling 24 hours. */

export const UPLOAD_QUOTA_WINDOW_MS = 24 * 60 * 60_000;
export const DEFAULT_UPLOAD_QUOTA_MB = 200;
const MB = 1024 * 1024;

/** WLBA_UPLOAD_QUOTA_MB (default 200): megabytes per account over a rolling 24 hours. */
export function uploadQuotaBytes(env: Record<string, string | undefined> = process.env): number {
  const raw = env.WLBA_UPLOAD_QUOTA_MB;
  const n = raw == null || raw.trim() === '' ? NaN : Number(raw);
  return (Number.isFinite(n) && n > 0 ? n : DEFAULT_UPLOAD_QUOTA_MB) * MB;
}

const mb = (bytes: number) => `${Number((bytes / MB).toFixed(1))} MB`;

/** The Chinese error when `incoming` more bytes would exceed the quota, or null. */
export function uploadQuotaError(usedBytes: number, incomingBytes: number, quotaBytes: number): string | null {
  if (usedBytes + incomingBytes <= quotaBytes) return null;
  return `每个账号 24 小时内最多上传 ${mb(quotaBytes)} 文件，您已上传 ${mb(usedBytes)}，请稍后再试`;
}
