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
  h['x-forwarded-for'] = socket;
  h['x-real-ip'] = socket;
  delete h.forwarded;
  // The raw header list too: Node keeps it next to the parsed object and some readers use it.
  if (Array.isArray(req.rawHeaders)) {
    const raw = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i].toLowerCase();
      if (name === 'x-forwarded-for' || name === 'x-real-ip' || name === 'forwarded') continue;
      raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
    }
    raw.push('X-Forwarded-For', socket, 'X-Real-IP', socket);
    req.rawHeaders.length = 0;
    req.rawHeaders.push(...raw);
  }
}
