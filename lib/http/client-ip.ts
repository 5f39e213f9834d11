/**
 * The client address of a request: the rightmost X-Forwarded-For entry.
 *
 * The header is trustworthy because the app is served by scripts/server.mjs, which overwrites it
 * with the socket's address for every request, unless WLBA_TRUST_PROXY=1 (the app listens only
 * for a reverse proxy that appends the address it saw, nginx: `$proxy_add_x_forwarded_for`); then
 * the proxy's header is kept and its last entry is the one the proxy added.
 */
export function clientIpFrom(xff: string | string[] | null | undefined): string | null {
  const raw = Array.isArray(xff) ? xff.join(',') : xff;
  const last = raw?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
  return last || null;
}

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

/** The one function every route, action, login and rate limit asks for the client's address. */
export function clientIp(headers: HeaderSource | null | undefined): string | null {
  if (!headers) return null;
  const xff = typeof headers.get === 'function' ? (headers as { get(n: string): string | null }).get('x-forwarded-for') : (headers as Record<string, string | string[] | undefined>)['x-forwarded-for'];
  return clientIpFrom(xff);
}
