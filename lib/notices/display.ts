import { formatDateTime } from '@/lib/utils';

/** Beijing calendar date of a publication ("2026-03-01"). */
export const publishedDate = (ms: number | null | undefined) => formatDateTime(ms).slice(0, 10);
