/**
 * 备案号放置检查 (SPEC §10.3): is the 公安备案号 and its link to {PUBLIC_BASE_URL}/query/{digits}
 * on the website's home page? Checked on demand (立即检测, applicant and reviewer) and daily until
 * the 30-working-day deadline; the applicant is reminded through the notifier before it.
 *
 * The home page is read with the liveness check's fetcher (liveness.ts): public addresses only
 * (unless WLBA_ALLOW_PRIVATE_FETCH=1), 5 s, at most 3 redirects, at most 1 MB of body.
 */
import 'server-only';
import { and, desc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { appMeta, subjects, websiteChecks, websiteDomains, websites } from '@/db/schema';
import { canCheckPlacement, type Actor } from '@/lib/auth/policy';
import { publicBaseUrl } from '@/lib/config/env';
import { AppError } from '@/lib/errors';
import { notify } from '@/lib/notify/service';
import { addWorkingDays, workingDaysBetween } from '@/lib/workdays';
import { beijingDate, beijingDayNumber, beijingDayStartMs, beijingHour, DAY_MS } from '@/lib/time';
import { fetchHomePages, type LivenessOptions, type PageProbe } from './liveness';
import { isFilingDigits } from '@/lib/review/filing-number';

/** Working days, from approval, to put the number and icon on the home page (SPEC §4.4). */
export const PLACEMENT_DEADLINE_WORKING_DAYS = 30;
/** The daily check reminds the applicant when at most this many working days are left. */
export const PLACEMENT_REMIND_WITHIN_WORKING_DAYS = 5;
/** 立即检测 at most once a minute per website (any placement check counts). */
export const PLACEMENT_ON_DEMAND_INTERVAL_MS = 60_000;
/** Statuses of a filed website whose home page is checked. */
export const PLACEMENT_STATUSES = ['已备案', '变更中'] as const;
export const PLACEMENT_REMINDER_EVENT = 'website.placement-reminder';
export const PLACEMENT_REMINDER_TITLE = '请在网站首页放置公安联网备案号';
export const PLACEMENT_RATE_LIMITED = '每个网站每分钟只能检测一次，请稍后再试';
export const PLACEMENT_IN_PROGRESS = '该网站正在检测中，请稍候';

/** The end (Beijing time) of the 30th working day after filing. */
export function placementDeadline(filedAt: number | Date): Date {
  return addWorkingDays(filedAt, PLACEMENT_DEADLINE_WORKING_DAYS);
}

// ---------------------------------------------------------------------------------------------
// Finding the number and the link in a page (pure)

export type PlacementTargets = {
  /** The full 公安备案号, e.g. 京公网安备11010502013462号. */
  filingNumber: string;
  /** Its 14 digits. */
  digits: string;
  /** PUBLIC_BASE_URL of this platform. */
  baseUrl: string;
};

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  sol: '/',
  colon: ':',
  period: '.',
  quest: '?',
  equals: '=',
  num: '#',
  lowbar: '_',
  hyphen: '-',
};

/** Numeric and the common named character references (enough for numbers and URLs). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED_ENTITIES[e.toLowerCase()] ?? m;
  });
}

// \s covers NBSP, the ideographic space and the BOM; zero-width characters are added.
const SPACES = /[\s\u200b-\u200d\u2060]+/g;
// [^<>] keeps every scan inside one tag: a hostile page of unclosed '<' stays linear.
const ANCHOR_HREF = /<a\b[^<>]*?\shref\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)'|([^\s"'<>]+))/gi;

/** The page without comments (linear, even with an unclosed `<!--`). */
function withoutComments(html: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = html.indexOf('<!--', at);
    if (open < 0) return out + html.slice(at);
    out += html.slice(at, open);
    const close = html.indexOf('-->', open + 4);
    if (close < 0) return out;
    at = close + 3;
  }
}

/** host[:port] and path (no trailing slash) of an absolute or protocol-relative http(s) URL. */
function urlParts(raw: string): { host: string; path: string } | null {
  const s = raw.replace(/[\t\n\r]/g, '').trim();
  if (!/^(https?:)?\/\//i.test(s)) return null;
  try {
    const u = new URL(s.startsWith('//') ? `http:${s}` : s);
    return { host: u.host.toLowerCase(), path: u.pathname.replace(/\/+$/, '') };
  } catch {
    return null;
  }
}

/**
 * Is the number (the full 公安备案号 or its 14 digits) in the page's text, and is there an
 * `<a href>` to {baseUrl}/query/{digits} (http or https, trailing slash, query or fragment allowed)?
 * Comments do not count; tags, entities and whitespace inside the number are tolerated.
 */
export function findPlacement(html: string, t: PlacementTargets): { numberFound: boolean; linkFound: boolean } {
  if (!isFilingDigits(t.digits)) return { numberFound: false, linkFound: false };
  const visible = withoutComments(html);
  const text = decodeEntities(visible.replace(/<[^<>]*>/g, ' '));
  const spaced = text.replace(SPACES, ' ');
  const compact = text.replace(SPACES, '');
  const number = t.filingNumber.replace(SPACES, '');
  const digits = new RegExp(`(?<!\\d)${t.digits}(?!\\d)`);
  const numberFound = (number.length > 0 && compact.includes(number)) || digits.test(spaced) || digits.test(compact);

  const base = urlParts(t.baseUrl);
  let linkFound = false;
  if (base) {
    const target = `${base.path}/query/${t.digits}`;
    for (const m of visible.matchAll(ANCHOR_HREF)) {
      const href = urlParts(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
      if (href && href.host === base.host && href.path === target) {
        linkFound = true;
        break;
      }
    }
  }
  return { numberFound, linkFound };
}

/** The page's text: charset from Content-Type, else a <meta> in the first 2 KB, else UTF-8 (GBK pages are common). */
export function decodePage(body: Buffer, contentType?: string | null): string {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const head = body.subarray(0, 2048).toString('latin1');
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  for (const label of [fromHeader, fromMeta, 'utf-8']) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(body);
    } catch {
      // An unknown label: try the next source.
    }
  }
  return body.toString('utf8');
}

// ---------------------------------------------------------------------------------------------
// Checking and storing

export type PlacementPage = {
  /** The home page was read (2xx). */
  ok: boolean;
  status?: number;
  error?: string;
  ms: number;
  /** Where the page was finally read from, after redirects. */
  url?: string;
  truncated?: boolean;
  numberFound: boolean;
  linkFound: boolean;
};

export type PlacementTrigger = 'manual' | 'daily';

export type PlacementDetail = {
  trigger: PlacementTrigger;
  host: string | null;
  number: string;
  link: string;
  http: PlacementPage | null;
  https: PlacementPage | null;
  numberFound: boolean;
  linkFound: boolean;
  /** The check itself could not run (no domain). */
  error?: string;
  /** The daily check sent the reminder. */
  reminded?: boolean;
};

export type PlacementRecord = { id: number; websiteId: number; ok: boolean; checkedAt: number; detail: PlacementDetail };

export type PlacementOptions = LivenessOptions & {
  /** Clock of the check (checkedAt); tests and the daily job pass theirs. */
  now?: number;
  /** Defaults to PUBLIC_BASE_URL. */
  baseUrl?: string;
  trigger?: PlacementTrigger;
};

function toPage(p: PageProbe, targets: PlacementTargets): PlacementPage {
  const base = { status: p.status, ms: p.ms, url: p.url, truncated: p.truncated || undefined };
  const read = p.ok && !p.error && p.body !== undefined && p.status !== undefined && p.status >= 200 && p.status < 300;
  if (!read) return { ...base, ok: false, error: p.error ?? (p.status ? `返回状态码${p.status}` : '无法访问'), numberFound: false, linkFound: false };
  return { ...base, ok: true, ...findPlacement(decodePage(p.body!, p.contentType), targets) };
}

type Target = { id: number; name: string; filingNumber: string | null; filingDigits: string | null; host: string | null };

function loadTarget(websiteId: number): Target | undefined {
  const db = getDb();
  const w = db
    .select({ id: websites.id, name: websites.name, filingNumber: websites.filingNumber, filingDigits: websites.filingDigits })
    .from(websites)
    .where(eq(websites.id, websiteId))
    .get();
  if (!w) return undefined;
  // 主域名; a website without one marked falls back to its first domain.
  const d = db
    .select({ ascii: websiteDomains.ascii })
    .from(websiteDomains)
    .where(eq(websiteDomains.websiteId, websiteId))
    .orderBy(desc(websiteDomains.isPrimary), websiteDomains.id)
    .get();
  return { ...w, host: d?.ascii ?? null };
}

/**
 * Reads http://{主域名}/ and https://{主域名}/ and stores one `website_checks` row (kind
 * 'placement'): ok = the number and the link were both found.
 */
export async function recordPlacement(websiteId: number, opts: PlacementOptions = {}): Promise<PlacementRecord> {
  const w = loadTarget(websiteId);
  if (!w) throw new AppError('not_found', '网站不存在');
  if (!w.filingNumber || !w.filingDigits) throw new AppError('conflict', '网站尚未备案，无需检测备案号放置');
  const baseUrl = (opts.baseUrl ?? publicBaseUrl()).replace(/\/+$/, '');
  const targets: PlacementTargets = { filingNumber: w.filingNumber, digits: w.filingDigits, baseUrl };
  const detail: PlacementDetail = {
    trigger: opts.trigger ?? 'manual',
    host: w.host,
    number: w.filingNumber,
    link: `${baseUrl}/query/${w.filingDigits}`,
    http: null,
    https: null,
    numberFound: false,
    linkFound: false,
  };
  if (!w.host) detail.error = '网站没有主域名';
  else {
    const pages = await fetchHomePages(w.host, opts);
    detail.host = pages.host;
    detail.http = toPage(pages.http, targets);
    detail.https = toPage(pages.https, targets);
    detail.numberFound = detail.http.numberFound || detail.https.numberFound;
    detail.linkFound = detail.http.linkFound || detail.https.linkFound;
  }
  const ok = detail.numberFound && detail.linkFound;
  const checkedAt = opts.now ?? Date.now();
  const row = getDb()
    .insert(websiteChecks)
    .values({ websiteId, kind: 'placement', ok, detail, checkedAt })
    .returning({ id: websiteChecks.id })
    .get();
  return { id: row.id, websiteId, ok, checkedAt, detail };
}

/** The newest placement check of a website, or null. */
export function latestPlacement(websiteId: number): Omit<PlacementRecord, 'websiteId'> | null {
  const row = getDb()
    .select({ id: websiteChecks.id, ok: websiteChecks.ok, detail: websiteChecks.detail, checkedAt: websiteChecks.checkedAt })
    .from(websiteChecks)
    .where(and(eq(websiteChecks.websiteId, websiteId), eq(websiteChecks.kind, 'placement')))
    .orderBy(desc(websiteChecks.checkedAt), desc(websiteChecks.id))
    .get();
  if (!row) return null;
  const d = row.detail as Partial<PlacementDetail>;
  const detail: PlacementDetail = {
    trigger: d.trigger === 'daily' ? 'daily' : 'manual',
    host: d.host ?? null,
    number: d.number ?? '',
    link: d.link ?? '',
    http: d.http ?? null,
    https: d.https ?? null,
    numberFound: !!d.numberFound,
    linkFound: !!d.linkFound,
    ...(d.error ? { error: d.error } : {}),
    ...(d.reminded ? { reminded: true } : {}),
  };
  return { id: row.id, ok: row.ok, checkedAt: row.checkedAt, detail };
}

export type PlacementOutcome = { tone: 'success' | 'warning' | 'destructive'; text: string };

/** The result as the card shows it. */
export function placementOutcome(check: { ok: boolean; detail: PlacementDetail }): PlacementOutcome {
  const { detail: d } = check;
  if (check.ok) return { tone: 'success', text: '已在首页检测到备案号和链接' };
  const pages = [
    ['HTTP', d.http],
    ['HTTPS', d.https],
  ] as const;
  if (d.error) return { tone: 'destructive', text: `无法访问：${d.error}` };
  if (!pages.some(([, p]) => p?.ok)) {
    const failed = pages.filter(([, p]) => p).map(([scheme, p]) => [scheme, p!.error ?? '无法访问'] as const);
    const errors = new Set(failed.map(([, e]) => e));
    const reason = errors.size <= 1 ? (failed[0]?.[1] ?? '无法访问') : failed.map(([scheme, e]) => `${scheme}：${e}`).join('；');
    return { tone: 'destructive', text: `无法访问：${reason}` };
  }
  if (!d.numberFound) return { tone: 'warning', text: '未检测到备案号' };
  return { tone: 'warning', text: '未检测到查询链接' };
}

// ---------------------------------------------------------------------------------------------
// 立即检测

const inFlight = new Set<number>();

/**
 * 立即检测 by the owner, a reviewer of the website's unit or an admin (anyone else: 不存在), at
 * most once a minute per website.
 */
export async function checkPlacementNow(actor: Actor, websiteId: number, opts: PlacementOptions = {}): Promise<PlacementRecord> {
  const db = getDb();
  const site = db
    .select({ ownerId: subjects.ownerId, subjectUnitId: subjects.unitId, filingUnitId: websites.filingUnitId, status: websites.status, filingNumber: websites.filingNumber })
    .from(websites)
    .innerJoin(subjects, eq(subjects.id, websites.subjectId))
    .where(eq(websites.id, websiteId))
    .get();
  if (!site || !canCheckPlacement(actor, { ownerId: site.ownerId, unitIds: [site.subjectUnitId, site.filingUnitId] })) throw new AppError('not_found', '网站不存在');
  if (!site.filingNumber || !(PLACEMENT_STATUSES as readonly string[]).includes(site.status)) throw new AppError('conflict', '只有已备案的网站需要检测备案号放置');
  if (inFlight.has(websiteId)) throw new AppError('rate_limited', PLACEMENT_IN_PROGRESS);
  const now = opts.now ?? Date.now();
  const last = latestPlacement(websiteId);
  if (last && now - last.checkedAt < PLACEMENT_ON_DEMAND_INTERVAL_MS && now >= last.checkedAt) throw new AppError('rate_limited', PLACEMENT_RATE_LIMITED);
  inFlight.add(websiteId);
  try {
    return await recordPlacement(websiteId, { ...opts, now, trigger: 'manual' });
  } finally {
    inFlight.delete(websiteId);
  }
}

// ---------------------------------------------------------------------------------------------
// The daily check and the reminder

const DAILY_META_KEY = 'placement.daily';
/** SMS at night is unwelcome: the daily pass starts from 09:00 Beijing time. */
export const PLACEMENT_DAILY_FROM_HOUR = 9;
// 30 working days never span more than about 45 calendar days (the longest holidays included).
const CANDIDATE_WINDOW_MS = 70 * DAY_MS;

export type DailyPlacementOptions = LivenessOptions & {
  now?: number;
  baseUrl?: string;
  /** Websites checked in one run (default 200); the rest wait for the next (hourly) run. */
  limit?: number;
  /** Websites checked at the same time (default 4). */
  concurrency?: number;
};

export type DailyPlacementResult = { checked: number; reminded: number; failed: number; complete: boolean; skipped?: 'done-today' | 'too-early' };

function reminderBody(w: { name: string; number: string; deadline: string; link: string }, outcome: PlacementOutcome): string {
  return (
    `您的网站“${w.name}”（${w.number}）首页${outcome.text.startsWith('无法访问') ? `暂时${outcome.text}` : outcome.text}。` +
    `请于${w.deadline}前在网站首页底部显著位置放置公安联网备案号及图标，并链接到 ${w.link}。` +
    `可在“我的网站”详情页点击“复制备案编号HTML代码”，将代码粘贴到网站首页底部。`
  );
}

/** Sends the reminder for today's daily check, at most once per website and Beijing day. */
function remind(record: PlacementRecord, site: { name: string; ownerId: number; deadline: Date }, now: number): boolean {
  const dayStart = beijingDayStartMs(beijingDayNumber(now));
  return getDb().transaction((tx) => {
    const already = tx
      .select({ id: websiteChecks.id })
      .from(websiteChecks)
      .where(
        and(
          eq(websiteChecks.websiteId, record.websiteId),
          eq(websiteChecks.kind, 'placement'),
          gte(websiteChecks.checkedAt, dayStart),
          sql`${websiteChecks.checkedAt} < ${dayStart + DAY_MS}`,
          sql`json_extract(${websiteChecks.detail}, '$.reminded') = 1`,
        ),
      )
      .get();
    if (already) return false;
    const body = reminderBody({ name: site.name, number: record.detail.number, deadline: beijingDate(site.deadline), link: record.detail.link }, placementOutcome(record));
    notify(site.ownerId, { type: PLACEMENT_REMINDER_EVENT, title: PLACEMENT_REMINDER_TITLE, body, link: `/my/websites/${record.websiteId}` }, tx);
    tx.update(websiteChecks)
      .set({ detail: { ...record.detail, reminded: true } })
      .where(eq(websiteChecks.id, record.id))
      .run();
    return true;
  });
}

/**
 * Once a Beijing day (from 09:00): every filed website (已备案/变更中) before its deadline whose
 * newest placement check is not ok is checked again; when the number or link is still missing and
 * at most 5 working days are left, the owner is reminded (at most once a day). Bounded: `limit`
 * websites a run, `concurrency` at a time; a website that fails is logged and the rest go on. A
 * run that did not reach every website leaves the day open, so the next run continues.
 */
export async function runDailyPlacementChecks(opts: DailyPlacementOptions = {}): Promise<DailyPlacementResult> {
  const now = opts.now ?? Date.now();
  const today = beijingDate(now);
  const db = getDb();
  if (db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, DAILY_META_KEY)).get()?.value === today)
    return { checked: 0, reminded: 0, failed: 0, complete: true, skipped: 'done-today' };
  const hour = beijingHour(now);
  if (hour < PLACEMENT_DAILY_FROM_HOUR) return { checked: 0, reminded: 0, failed: 0, complete: false, skipped: 'too-early' };

  const dayStart = beijingDayStartMs(beijingDayNumber(now));
  const latestOk = sql`(select c.ok from ${websiteChecks} c where c.website_id = ${websites.id} and c.kind = 'placement' order by c.checked_at desc, c.id desc limit 1)`;
  const dailyToday = sql`exists (select 1 from ${websiteChecks} c where c.website_id = ${websites.id} and c.kind = 'placement' and c.checked_at >= ${dayStart} and c.checked_at < ${dayStart + DAY_MS} and json_extract(c.detail, '$.trigger') = 'daily')`;
  const rows = db
    .select({ id: websites.id, name: websites.name, filedAt: websites.filedAt, ownerId: subjects.ownerId })
    .from(websites)
    .innerJoin(subjects, eq(subjects.id, websites.subjectId))
    .where(
      and(
        inArray(websites.status, [...PLACEMENT_STATUSES]),
        isNotNull(websites.filingDigits),
        gte(websites.filedAt, now - CANDIDATE_WINDOW_MS),
        sql`${websites.filedAt} <= ${now}`,
        sql`coalesce(${latestOk}, 0) = 0`,
        sql`not ${dailyToday}`,
      ),
    )
    .orderBy(websites.filedAt, websites.id)
    .all();
  const due = rows.map((r) => ({ ...r, deadline: placementDeadline(r.filedAt!) })).filter((r) => now <= r.deadline.getTime());

  const limit = Math.max(1, opts.limit ?? 200);
  const batch = due.slice(0, limit);
  const result: DailyPlacementResult = { checked: 0, reminded: 0, failed: 0, complete: due.length <= limit };
  let next = 0;
  const worker = async () => {
    while (next < batch.length) {
      const site = batch[next++];
      try {
        const record = await recordPlacement(site.id, { ...opts, now, trigger: 'daily' });
        result.checked++;
        if (!record.ok && workingDaysBetween(now, site.deadline) <= PLACEMENT_REMIND_WITHIN_WORKING_DAYS && remind(record, site, now)) result.reminded++;
      } catch (e) {
        result.failed++;
        console.error('[placement] daily check failed', site.id, e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 4, batch.length)) }, worker));
  if (result.complete) db.insert(appMeta).values({ key: DAILY_META_KEY, value: today }).onConflictDoUpdate({ target: appMeta.key, set: { value: today } }).run();
  return result;
}
