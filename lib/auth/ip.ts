/**
 * The client address from X-Forwarded-For: Next.js fills it from the socket when absent,
 * and a reverse proxy appends the address it saw, so the rightmost entry is the trustworthy one.
 */
export function clientIpFrom(xff: string | string[] | null | undefined): string | null {
  const raw = Array.isArray(xff) ? xff.join(',') : xff;
  const last = raw?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
  return last || null;
}
