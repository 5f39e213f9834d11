// The shared page cache of anonymous public pages (issue 17): `/`, `/query?…` and `/query/{备案号}`
// as a visitor without a session sees them, and the public look-up API `/api/public/filings?…`,
// rendered once per change of app.db and reused.
//
// Plain JS so that both halves can use it: scripts/server.mjs stores what Next.js rendered (it sees
// the bytes going out), proxy.ts answers from it (after the public rate limit, with a fresh CSP
// nonce). Both run in the same process and meet on globalThis.
//
// Freshness: an entry records app.db's PRAGMA data_version (read on a connection of its own,
// which never writes, so every commit of any worker or process changes it) at the start of the
// request that rendered it, and is used only while that is still the version, and for at most
// MAX_AGE_MS (pages show relative times: 待审核 for N days …). The rate limit's buckets live in
// scratch.db, so look-ups do not invalidate the cache.
import path from 'node:path';
import Database from 'better-sqlite3';

/** Paths whose anonymous answer is the same for every visitor. */
const CACHEABLE_PATH = /^\/(query(\/[^/]+)?|api\/public\/filings)?$/;
/** What is kept: pages and the look-up API's JSON. */
const CACHEABLE_TYPE = /^(text\/html|application\/json)/;
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;
/** Requests of the client router (RSC payloads, prefetches) get a different body. */
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action'];

export const MAX_AGE_MS = 60_000;
export const MAX_ENTRIES = 500;
export const MAX_BYTES = 48 * 1024 * 1024;
/**
 * Set by proxy.ts on a cacheable miss: the data version the page is rendered at and its cache key
 * (URI-encoded); read and removed by server.mjs.
 */
export const VERSION_HEADER = 'x-wlba-page-version';
export const KEY_HEADER = 'x-wlba-page-key';
/** On a response from the cache (for operators and tests): `X-Page-Cache: hit`. */
export const CACHE_STATUS_HEADER = 'x-page-cache';
/** Response headers not replayed on a hit: per response, or set afresh. */
const NOT_REPLAYED = new Set(['set-cookie', 'content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date', 'content-security-policy', 'strict-transport-security', VERSION_HEADER, KEY_HEADER, CACHE_STATUS_HEADER]);

/**
 * The cache key of a request whose page may come from the cache, else null: a GET of a
 * cacheable path, by a visitor without a session, from the browser's address bar (not the
 * client router). `headers.get(name)` gives a header or null/undefined.
 */
export function pageCacheKey(method, pathname, search, headers) {
  if (method !== 'GET' || !CACHEABLE_PATH.test(pathname)) return null;
  if (SESSION_COOKIE.test(headers.get('cookie') ?? '')) return null;
  if (ROUTER_HEADERS.some((h) => headers.get(h) != null)) return null;
  if (/(?:^|[?&])_rsc=/.test(search)) return null;
  return pathname + search;
}

const STORE = Symbol.for('wlba.pageCache');

/** The process's cache: entries in least-recently-used order. */
export function pageStore() {
  const g = globalThis;
  g[STORE] ??= { entries: new Map(), bytes: 0, reader: null };
  return g[STORE];
}

/**
 * app.db's data version, on a read-only connection of its own (opened on first use); null when it
 * cannot be read (then nothing is cached or served from the cache).
 */
export function dataVersion(dataDir) {
  const store = pageStore();
  const file = path.join(dataDir, 'app.db');
  try {
    if (!store.reader || store.reader.file !== file || !store.reader.db.open) {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      store.reader = { file, db, stmt: db.prepare('PRAGMA data_version').pluck() };
    }
    return Number(store.reader.stmt.get());
  } catch {
    store.reader?.db.close();
    store.reader = null;
    return null;
  }
}

/** The entry for `key` if it was rendered at `version` less than MAX_AGE_MS ago; a stale one is dropped. */
export function freshPage(key, version, now = Date.now()) {
  const store = pageStore();
  const e = store.entries.get(key);
  if (!e) return null;
  if (e.version !== version || now - e.at >= MAX_AGE_MS) {
    drop(store, key, e);
    return null;
  }
  // Most recently used last.
  store.entries.delete(key);
  store.entries.set(key, e);
  return e;
}

function drop(store, key, e) {
  store.entries.delete(key);
  store.bytes -= sizeOf(e.html);
}

/** What a page takes in memory: V8 keeps a string with Chinese text at two bytes a character. */
const sizeOf = (html) => html.length * 2;

/**
 * Keeps a rendered page: its HTML, the nonce Next.js put on its scripts, the headers to replay.
 * Oldest entries go first when the cache is over MAX_ENTRIES or MAX_BYTES.
 */
export function storePage(key, page) {
  const store = pageStore();
  const old = store.entries.get(key);
  if (old) drop(store, key, old);
  const headers = Object.entries(page.headers)
    .filter(([k, v]) => v != null && !NOT_REPLAYED.has(k.toLowerCase()))
    .map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]);
  const entry = { html: page.html, nonce: page.nonce, headers, version: page.version, at: page.at ?? Date.now() };
  store.entries.set(key, entry);
  store.bytes += sizeOf(entry.html);
  for (const [k, e] of store.entries) {
    if (store.entries.size <= MAX_ENTRIES && store.bytes <= MAX_BYTES) break;
    drop(store, k, e);
  }
}

/** The page's HTML with its scripts' nonce replaced by this response's own. */
export function withNonce(entry, nonce) {
  return entry.nonce ? entry.html.replaceAll(entry.nonce, nonce) : entry.html;
}

/** The script nonce of a page's CSP header, or null. */
export function nonceOfCsp(csp) {
  return /'nonce-([^']+)'/.exec(csp ?? '')?.[1] ?? null;
}

/** Empties the cache (tests). */
export function clearPageCache() {
  const store = pageStore();
  store.entries.clear();
  store.bytes = 0;
}

/**
 * scripts/server.mjs: records the HTML of a response proxy.ts marked cacheable (VERSION_HEADER,
 * KEY_HEADER) as it goes out, and stores it if it ends as a complete 200 HTML page or JSON answer
 * without cookies (not when the visitor went away half-way).
 */
export function recordPage(res) {
  const chunks = [];
  let mark;
  let size = 0;
  let ok = true;
  const write = res.write;
  const end = res.end;
  const writeHead = res.writeHead;
  // The marks, read once (before the headers go out) and taken off the response.
  const marked = () => {
    if (mark !== undefined) return mark;
    const v = res.getHeader(VERSION_HEADER);
    const k = res.getHeader(KEY_HEADER);
    mark = v != null && k != null ? { version: Number(v), key: decodeURIComponent(String(k)) } : null;
    if (!res.headersSent) {
      res.removeHeader(VERSION_HEADER);
      res.removeHeader(KEY_HEADER);
    }
    return mark;
  };
  const take = (chunk, encoding) => {
    if (!ok || chunk == null || typeof chunk === 'function') return;
    if (!marked()) return void (ok = false);
    const b = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk);
    size += b.length;
    if (size > 2 * 1024 * 1024) ok = false;
    else chunks.push(b);
  };
  res.writeHead = function (...args) {
    marked();
    return writeHead.apply(this, args);
  };
  res.write = function (chunk, encoding, cb) {
    take(chunk, encoding);
    return write.call(this, chunk, encoding, cb);
  };
  res.end = function (chunk, encoding, cb) {
    take(chunk, encoding);
    const m = marked();
    const headers = res.getHeaders();
    if (ok && m && !res.destroyed && res.statusCode === 200 && !headers['set-cookie'] && !headers['content-encoding'] && CACHEABLE_TYPE.test(String(headers['content-type'] ?? ''))) {
      const nonce = nonceOfCsp(String(headers['content-security-policy'] ?? ''));
      storePage(m.key, { html: Buffer.concat(chunks).toString('utf8'), nonce, headers, version: m.version });
    }
    return end.call(this, chunk, encoding, cb);
  };
}
