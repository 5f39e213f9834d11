import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { config } from '@/proxy';
import { HSTS, PAGE_HEADERS_SET } from '@/lib/security/headers.mjs';
import { applySignedInPageHeaders } from './page-headers.mjs';

/** A request as node:http gives it to scripts/server.mjs, and the response it would answer with. */
function exchange(url: string, headers: Record<string, string>) {
  const req = new IncomingMessage(new Socket());
  req.url = url;
  req.headers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  req.rawHeaders = Object.entries(headers).flat();
  const res = new ServerResponse(req);
  const sent = {
    get: (name: string) => res.getHeader(name),
    has: (name: string) => res.hasHeader(name),
    get size() {
      return res.getHeaderNames().length;
    },
  };
  return { req, res, sent };
}
const nonceOf = (csp: unknown) => /'nonce-([^']+)'/.exec(String(csp ?? ''))?.[1];
const signedIn = { Cookie: 'theme=1; next-auth.session-token=abc.def' };

describe('a signed-in page gets its CSP and HSTS from scripts/server.mjs, without proxy.ts (issue 17)', () => {
  it('gives /my, /review, /admin and /provider with a session cookie a fresh nonce in the request and the response, marked for the proxy to skip', () => {
    const seen = new Set<string>();
    for (const url of ['/my', '/my/websites/3?tab=1', '/review', '/admin/users', '/provider']) {
      const { req, res, sent } = exchange(url, { ...signedIn, 'Content-Security-Policy': "script-src 'nonce-forged'", [PAGE_HEADERS_SET]: 'x' });
      expect(applySignedInPageHeaders(req, res, false), url).toBe(true);
      const nonce = nonceOf(sent.get('content-security-policy'));
      expect(nonce, url).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      seen.add(nonce!);
      // Next.js reads the nonce from the request: the client's CSP is replaced, in both header lists.
      expect(req.headers['content-security-policy']).toBe(sent.get('content-security-policy'));
      expect(req.headers[PAGE_HEADERS_SET]).toBe('1');
      expect(req.rawHeaders.filter((h) => /^content-security-policy$/i.test(h))).toHaveLength(1);
      expect(req.rawHeaders.join('\n')).not.toContain('forged');
      expect(sent.has('strict-transport-security')).toBe(false);
    }
    expect(seen.size).toBe(5);
    const { req, res, sent } = exchange('/my', { cookie: '__Secure-next-auth.session-token=abc' });
    expect(applySignedInPageHeaders(req, res, true)).toBe(true);
    expect(sent.get('strict-transport-security')).toBe(HSTS);
  });

  it('leaves public pages and signed-out visitors to proxy.ts, dropping a marker the client sent', () => {
    for (const [url, headers] of [
      ['/query?q=云帆', signedIn],
      ['/', signedIn],
      ['/myself', signedIn],
      ['/my/websites?x=1', {}],
      ['/my/websites', { cookie: 'xnext-auth.session-token=1; next-auth.session-token.0=2' }],
    ] as const) {
      const { req, res, sent } = exchange(url, { ...headers, [PAGE_HEADERS_SET]: '1' });
      expect(applySignedInPageHeaders(req, res, true), url).toBe(false);
      expect(req.headers[PAGE_HEADERS_SET], url).toBeUndefined();
      expect(req.rawHeaders.map((h) => h.toLowerCase()), url).not.toContain(PAGE_HEADERS_SET);
      expect(sent.size, url).toBe(0);
    }
  });

  it("is the marker proxy.ts's matcher skips, on the private areas only", () => {
    const [pages, privateAreas] = config.matcher as [string, { source: string; missing: { type: string; key: string }[] }];
    expect(privateAreas.missing).toEqual([{ type: 'header', key: PAGE_HEADERS_SET }]);
    expect(privateAreas.source).toBe('/(my|review|admin|provider)/:path*');
    // Every other path (but Next.js's files) goes through the proxy whatever the request carries.
    const other = new RegExp(`^${pages}$`);
    for (const path of ['/', '/query', '/login', '/myself', '/api/public/filings', '/badge.png']) expect(other.test(path), path).toBe(true);
    for (const path of ['/my', '/my/websites', '/review/3', '/admin', '/provider/codes', '/_next/static/x.js']) expect(other.test(path), path).toBe(false);
  });
});
