/**
 * 公共查询 of APP and 小程序 (SPEC §15.5): by name, by identifier (包名 / 小程序ID) or by 联网备案号,
 * 10 a page, each with its total, one kind at a time (an APP search never returns a 小程序).
 *
 * Names as websites' (lib/public/search.ts): three characters or more through the kind's FTS5
 * trigram table, one or two through `filing_name_grams` with the totals of `filing_gram_counts`
 * (migration 0009). Identifiers are an exact, case-insensitive look-up of filing_keys (kind, ident)
 * (migration 0008; idents are stored in lower case). Numbers through filings.filing_digits. Every
 * path is an index look-up. Cancelled filings are found and shown as 已注销, as websites are.
 */
import 'server-only';
import { getDb } from '@/db/client';
import type { FilingKind } from '@/db/schema';
import { normalizeFilingNumber } from '@/lib/review/filing-number';
import { stripHidden } from '@/lib/validation/text';
import { PACKAGE_MAX } from '@/lib/validation/app-identifiers';
import { normalizeDomainQuery } from '@/lib/websites/domains';
import { isValidLicenceNumber, normalizeLicenceNumber } from '@/lib/validation/telecom-licence';
import { COUNT_CAP, MAX_PAGES, MAX_QUERY_LENGTH, PAGE_SIZE, SEARCH_MESSAGES, ftsPhrase, normalizeNameQuery } from './search';
import { loadPublicObjectFilings, objectFilingIdByDigits, type PublicObjectFiling } from './object-filings';
import type { ObjectSearchType } from './query-kinds';

export const OBJECT_SEARCH_MESSAGES = {
  ...SEARCH_MESSAGES,
  package: '请输入正确的包名，如 com.example.app',
  appId: '请输入正确的小程序ID，如 wx1234567890abcdef',
  domain: '请输入正确的网址，如 www.example.com',
  licence: '请输入正确的增值电信业务经营许可证编号，如 B1-20180001 或 京B2-20201234',
} as const;

/** The FTS5 trigram table of each kind's names (migrations 0009, 0010). */
const NAME_FTS: { readonly [K in FilingKind]: string } = {
  APP: 'filing_app_name_fts',
  小程序: 'filing_mini_program_name_fts',
  应用市场: 'filing_app_store_name_fts',
  服务商: 'filing_provider_name_fts',
};

const PACKAGE = /^[a-z][\w]*(\.[a-z][\w]*)+$/;
const APP_ID = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

const ascii = (q: string) => q.normalize('NFKC').toLowerCase();
const matching = (re: RegExp) => (q: string) => (re.test(ascii(q)) ? [ascii(q)] : null);

/**
 * A typed identifier as filing_keys may hold it (lower case), or null when it cannot be one: 包名
 * (reverse DNS, SPEC §15.1), 小程序ID (what any platform issues), 网址 (a domain in ASCII, with and
 * without `www.` as the website search treats it), 许可证编号.
 */
const IDENT: { readonly [K in FilingKind]: { normalize: (q: string) => string[] | null; message: string } } = {
  APP: { normalize: matching(PACKAGE), message: OBJECT_SEARCH_MESSAGES.package },
  小程序: { normalize: matching(APP_ID), message: OBJECT_SEARCH_MESSAGES.appId },
  应用市场: {
    normalize: (q) => {
      const host = normalizeDomainQuery(q)?.ascii;
      return host ? [host, `www.${host}`] : null;
    },
    message: OBJECT_SEARCH_MESSAGES.domain,
  },
  服务商: { normalize: (q) => (isValidLicenceNumber(q) ? [normalizeLicenceNumber(q).toLowerCase()] : null), message: OBJECT_SEARCH_MESSAGES.licence },
};

export type ObjectSearchOutcome =
  | {
      ok: true;
      kind: FilingKind;
      type: ObjectSearchType;
      query: string;
      items: PublicObjectFiling[];
      /** Exact, or COUNT_CAP with `totalCapped` when a name of 3+ characters matches more. */
      total: number;
      totalCapped: boolean;
      page: number;
      pageCount: number;
    }
  | { ok: false; kind: FilingKind; type: ObjectSearchType; query: string; message: string };

type Page = { ids: number[]; total: number; capped?: boolean };

function byName(kind: FilingKind, q: string, offset: number): Page {
  const db = getDb().$client;
  if ([...q].length <= 2) {
    const count = db.prepare('SELECT n FROM filing_gram_counts WHERE kind = ? AND gram = ?').pluck().get(kind, q) as number | undefined;
    if (!count) return { ids: [], total: 0 };
    const ids = db
      .prepare('SELECT filing_id FROM filing_name_grams WHERE kind = ? AND gram = ? ORDER BY filing_id DESC LIMIT ? OFFSET ?')
      .pluck()
      .all(kind, q, PAGE_SIZE, offset) as number[];
    return { ids, total: count };
  }
  const fts = NAME_FTS[kind];
  const phrase = ftsPhrase(q);
  // Counted up to the cap, as for websites: a common trigram would otherwise read a large part of the index.
  const counted = db
    .prepare(`SELECT count(*) FROM (SELECT 1 FROM ${fts} WHERE ${fts} MATCH ? LIMIT ?)`)
    .pluck()
    .get(phrase, COUNT_CAP + 1) as number;
  if (counted === 0) return { ids: [], total: 0 };
  const capped = counted > COUNT_CAP;
  const ids = db
    .prepare(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?`)
    .pluck()
    .all(phrase, PAGE_SIZE, offset) as number[];
  return { ids, total: capped ? COUNT_CAP : counted, capped };
}

/** At most this many filings for one identifier (one live filing each, plus cancelled ones and platforms). */
const IDENT_LIMIT = 1000;

function byIdent(kind: FilingKind, idents: string[], offset: number): Page {
  const all = getDb()
    .$client.prepare(
      `SELECT DISTINCT k.filing_id FROM filing_keys k JOIN filings f ON f.id = k.filing_id
       WHERE k.kind = ? AND k.ident IN (${idents.map(() => '?').join(', ')}) AND f.filing_digits IS NOT NULL ORDER BY k.filing_id DESC LIMIT ${IDENT_LIMIT}`,
    )
    .pluck()
    .all(kind, ...idents) as number[];
  return { ids: all.slice(offset, offset + PAGE_SIZE), total: all.length };
}

export function searchObjectFilings(kind: FilingKind, type: ObjectSearchType, rawQuery: string, page = 1): ObjectSearchOutcome {
  // A NUL or other hidden character is dropped, never an error (as for websites).
  const query = stripHidden(rawQuery).trim();
  const refuse = (message: string): ObjectSearchOutcome => ({ ok: false, kind, type, query, message });
  if (!query) return refuse(OBJECT_SEARCH_MESSAGES.empty);
  // A 包名 may be up to 255 characters (SPEC §15.1); names and numbers are shorter.
  if ([...query].length > (type === 'ident' ? PACKAGE_MAX : MAX_QUERY_LENGTH)) return refuse(type === 'ident' ? `查询内容不能超过${PACKAGE_MAX}个字符` : OBJECT_SEARCH_MESSAGES.tooLong);
  const pageNo = Math.min(Math.max(1, Math.trunc(page) || 1), MAX_PAGES);
  const offset = (pageNo - 1) * PAGE_SIZE;

  let result: Page;
  if (type === 'code') {
    const digits = normalizeFilingNumber(query);
    if (!digits) return refuse(OBJECT_SEARCH_MESSAGES.code);
    const id = objectFilingIdByDigits(kind, digits);
    result = { ids: id === null || offset > 0 ? [] : [id], total: id === null ? 0 : 1 };
  } else if (type === 'ident') {
    // Identifiers are matched as filing_keys keeps them: full-width folded, lower case, domains in ASCII.
    const idents = IDENT[kind].normalize(query);
    if (!idents) return refuse(IDENT[kind].message);
    result = byIdent(kind, idents, offset);
  } else {
    const q = normalizeNameQuery(query);
    if (!q) return refuse(OBJECT_SEARCH_MESSAGES.empty);
    result = byName(kind, q, offset);
  }
  const pageCount = Math.min(MAX_PAGES, Math.ceil(result.total / PAGE_SIZE));
  return { ok: true, kind, type, query, items: loadPublicObjectFilings(result.ids), total: result.total, totalCapped: !!result.capped, page: pageNo, pageCount };
}
