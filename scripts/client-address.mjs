// The client address for the app: see scripts/server.mjs and lib/http/client-ip.ts.

/** WLBA_TRUST_PROXY=1: the app is reached only through a reverse proxy that sets X-Forwarded-For. */
export function trustProxy(env = process.env) {
  return env.WLBA_TRUST_PROXY === '1';
}

/** The socket's address, IPv4-mapped IPv6 (::ffff:1.2.3.4) written as IPv4. */
export function socketAddress(req) {
  const a = req.socket?.remoteAddress ?? '';
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
}

/**
 * Rewrites the request's address headers before Next.js sees them. Without a trusted proxy,
 * whatever the client sent in X-Forwarded-For / X-Real-IP / Forwarded is replaced by the socket's
 * address, so a client cannot pick the address the rate limits and login locks count. With
 * WLBA_TRUST_PROXY=1 the proxy's X-Forwarded-For is kept (lib/http/client-ip.ts takes its last entry,
 * the one the proxy appended); a request without one gets the socket's address.
 */
export function applyClientAddress(req, trusted = trustProxy()) {
  const socket = socketAddress(req);
  const h = req.headers;
  if (trusted && typeof h['x-forwarded-for'] === 'string' && h['x-forwarded-for'].trim()) return;
  rewriteHeaders(req, ['forwarded'], [
    ['X-Forwarded-For', socket],
    ['X-Real-IP', socket],
  ]);
}

/**
 * Drops the request headers named in `drop` and sets those of `set` (replacing what the client
 * sent), in the parsed headers and in the raw header list Node keeps next to them, which some
 * readers use.
 */
export function rewriteHeaders(req, drop, set) {
  const gone = new Set([...drop, ...set.map(([name]) => name)].map((n) => n.toLowerCase()));
  for (const name of gone) delete req.headers[name];
  for (const [name, value] of set) req.headers[name.toLowerCase()] = value;
  if (Array.isArray(req.rawHeaders)) {
    const raw = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) if (!gone.has(req.rawHeaders[i].toLowerCase())) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
    for (const [name, value] of set) raw.push(name, value);
    req.rawHeaders.length = 0;
    req.rawHeaders.push(...raw);
  }
}
