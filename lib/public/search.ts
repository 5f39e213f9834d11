/**
 * 公共查询 (SPEC §10.2, §13): by 网站名称, 网站域名 or 联网备案号, 10 a page, each with its total.
 *
 * Names of three characters or more go through the FTS5 trigram index; one- and two-character
 * names, which trigrams cannot serve, through `public_name_grams` and the totals kept in
 * `public_gram_counts` (migration 0005). Domains match the host typed or any parent of it down to
 * the registrable domain, and `www.` + the host. Every path is an index look-up.
 */
import 'server-only';
import { getDb } from '@/db/client';
import { normalizeDomainQuery, parseDomain } from '@/lib/websites/domains';
import { normalizeFilingNumber } from '@/lib/review/filing-number';
import { getPublicLegacyFiling, legacyByDomains, legacyByName, loadPublicFilings, websiteIdByDigits, type PublicFiling, type PublicLegacyFiling } from './filings';
import { stripHidden } from '@/lib/validation/text';

export const SEARCH_TYPES = ['name', 'domain', 'code'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const PAGE_SIZE = 10;
/** Deeper pages are not served: a query this broad should be narrowed. */
export const MAX_PAGES = 50;
export const MAX_QUERY_LENGTH = 100;

export const SEARCH_MESSAGES = {
  empty: '请输入查询内容',
  tooLong: `查询内容不能超过${MAX_QUERY_LENGTH}个字符`,
  domain: '请输入正确的网站域名，如 www.example.com',
  code: '请输入正确的联网备案号：14位数字，可带“公网安备”前缀和“号”',
} as const;

export type SearchOutcome =
  | {
      ok: true;
      type: SearchType;
      query: string;
      items: PublicFiling[];
      /** Unclaimed filings of the previous system that match (待认领, SPEC §8.3), first page only, at most 10. */
      legacy: PublicLegacyFiling[];
      /** Exact, or COUNT_CAP with `totalCapped` when a name of 3+ characters matches more (only 50 pages are served). */
      total: number;
      totalCapped: boolean;
      page: number;
      pageCount: number;
    }
  | { ok: false; type: SearchType; query: string; message: string };

/**
 * The query as matched: control and invisible characters dropped (FTS5 fails on a NUL inside a
 * phrase), NFKC (full-width Latin and digits), trimmed, spaces collapsed, ASCII lower case.
 */
export function normalizeNameQuery(input: string): string {
  return stripHidden(input.normalize('NFKC'))
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** An FTS5 phrase: the whole text in double quotes, inner quotes doubled (no operators). */
export function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

type Page = { ids: number[]; total: number; capped?: boolean };

/** Trigram matches are counted up to here: every page that is served, and one more to tell "more". */
export const COUNT_CAP = MAX_PAGES * PAGE_SIZE;

function byName(q: string, offset: number): Page {
  const db = getDb().$client;
  if ([...q].length <= 2) {
    const count = db.prepare('SELECT n FROM public_gram_counts WHERE gram = ?').pluck().get(q) as number | undefined;
    if (!count) return { ids: [], total: 0 };
    const ids = db
      .prepare('SELECT website_id FROM public_name_grams WHERE gram = ? ORDER BY website_id DESC LIMIT ? OFFSET ?')
      .pluck()
      .all(q, PAGE_SIZE, offset) as number[];
    return { ids, total: count };
  }
  const phrase = ftsPhrase(q);
  // A common trigram matches a large part of the index; counting all of it would take as long as reading it.
  const counted = db
    .prepare('SELECT count(*) FROM (SELECT 1 FROM public_name_fts WHERE public_name_fts MATCH ? LIMIT ?)')
    .pluck()
    .get(phrase, COUNT_CAP + 1) as number;
  if (counted === 0) return { ids: [], total: 0 };
  const capped = counted > COUNT_CAP;
  const total = capped ? COUNT_CAP : counted;
  const ids = db
    .prepare('SELECT rowid FROM public_name_fts WHERE public_name_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?')
    .pluck()
    .all(phrase, PAGE_SIZE, offset) as number[];
  return { ids, total, capped };
}

export type DomainQuery = {
  /** ASCII hosts to match exactly: the host typed, its parents down to the registrable domain, www. + the host. */
  hosts: string[];
  /** Set when the registrable domain itself was typed: every filed host under it matches too. */
  registrable: string | null;
};

export function domainQuery(input: string): DomainQuery | null {
  const q = normalizeDomainQuery(input);
  if (!q) return null;
  const parsed = parseDomain(q.ascii);
  if (!parsed.ok) return null;
  const hosts = [q.ascii, `www.${q.ascii}`];
  let host = q.ascii;
  while (host.length > parsed.registrable.length && host.includes('.')) {
    host = host.slice(host.indexOf('.') + 1);
    hosts.push(host);
  }
  return { hosts: [...new Set(hosts)], registrable: q.ascii === parsed.registrable ? parsed.registrable : null };
}

/** At most this many websites for one domain query (a registrable domain with more hosts is unheard of). */
const DOMAIN_LIMIT = 1000;

function byDomain({ hosts, registrable }: DomainQuery, offset: number): Page {
  const marks = hosts.map(() => '?').join(',');
  const where = registrable ? `(d.ascii IN (${marks}) OR d.registrable = ?)` : `d.ascii IN (${marks})`;
  const params: string[] = registrable ? [...hosts, registrable] : hosts;
  const all = getDb()
    .$client.prepare(
      `SELECT DISTINCT d.website_id FROM website_domains d JOIN websites w ON w.id = d.website_id
       WHERE ${where} AND w.filing_digits IS NOT NULL ORDER BY d.website_id DESC LIMIT ${DOMAIN_LIMIT}`,
    )
    .pluck()
    .all(...params) as number[];
  return { ids: all.slice(offset, offset + PAGE_SIZE), total: all.length };
}

export function searchFilings(type: SearchType, rawQuery: string, page = 1): SearchOutcome {
  // A NUL or other hidden character (typed, pasted or forged in the URL) is dropped, never an error.
  const query = stripHidden(rawQuery).trim();
  if (!query) return { ok: false, type, query, message: SEARCH_MESSAGES.empty };
  if ([...query].length > MAX_QUERY_LENGTH) return { ok: false, type, query, message: SEARCH_MESSAGES.tooLong };
  const pageNo = Math.min(Math.max(1, Math.trunc(page) || 1), MAX_PAGES);
  const offset = (pageNo - 1) * PAGE_SIZE;

  let result: Page;
  let legacy: PublicLegacyFiling[] = [];
  if (type === 'code') {
    const digits = normalizeFilingNumber(query);
    if (!digits) return { ok: false, type, query, message: SEARCH_MESSAGES.code };
    const id = websiteIdByDigits(digits);
    result = { ids: id === null || offset > 0 ? [] : [id], total: id === null ? 0 : 1 };
    const old = id === null && offset === 0 ? getPublicLegacyFiling(digits) : null;
    if (old) legacy = [old];
  } else if (type === 'domain') {
    const dq = domainQuery(query);
    if (!dq) return { ok: false, type, query, message: SEARCH_MESSAGES.domain };
    result = byDomain(dq, offset);
    if (offset === 0) legacy = legacyByDomains(dq.hosts);
  } else {
    const q = normalizeNameQuery(query);
    if (!q) return { ok: false, type, query, message: SEARCH_MESSAGES.empty };
    result = byName(q, offset);
    if (offset === 0) legacy = legacyByName(q);
  }
  const pageCount = Math.min(MAX_PAGES, Math.ceil(result.total / PAGE_SIZE));
  return { ok: true, type, query, items: loadPublicFilings(result.ids), legacy, total: result.total, totalCapped: !!result.capped, page: pageNo, pageCount };
}
