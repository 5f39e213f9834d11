import { formatDate } from '@/lib/time';

/** Beijing calendar date of a publication ("2026-03-01"). */
export const publishedDate = (ms: number | null | undefined) => formatDate(ms);
