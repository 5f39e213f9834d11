import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { appMeta, notifications, websiteChecks, websites } from '@/db/schema';
import { seedUnits, makeApplicant, personSubjectInput, websiteInput } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { createUnit } from '@/lib/units/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { decideApplication } from '@/lib/review/service';
import { filingSnippet } from '@/lib/public/snippet';
import type { Actor } from '@/lib/auth/policy';
import { processDeliveries } from '@/lib/notify/service';
import { addWorkingDays } from '@/lib/workdays';
import { beijingDate as beijingDateString, beijingDayNumber, beijingDayStartMs } from '@/lib/time';
import { submitNewWebsite } from './service';
import { MAX_BODY_BYTES, PRIVATE_ADDRESS_ERROR } from './liveness';
import {
  checkPlacementNow,
  decodePage,
  findPlacement,
  latestPlacement,
  placementDeadline,
  placementOutcome,
  PLACEMENT_RATE_LIMITED,
  PLACEMENT_REMINDER_EVENT,
  PLACEMENT_REMINDER_TITLE,
  recordPlacement,
  runDailyPlacementChecks,
} from './placement';

const NUMBER = '京公网安备11010502013462号';
const DIGITS = '11010502013462';
const BASE = 'http://beian.test';
const targets = { filingNumber: NUMBER, digits: DIGITS, baseUrl: BASE };

describe('findPlacement', () => {
  it('finds the snippet exactly as 复制备案编号HTML代码 gives it', () => {
    const html = `<html><body><footer>${filingSnippet({ number: NUMBER, digits: DIGITS, baseUrl: BASE })}</footer></body></html>`;
    expect(findPlacement(html, targets)).toEqual({ numberFound: true, linkFound: true });
  });

  it('number only: the text without a link, or a link to another site', () => {
    expect(findPlacement(`<p>${NUMBER}</p>`, targets)).toEqual({ numberFound: true, linkFound: false });
    expect(findPlacement(`<a href="https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${DIGITS}">${NUMBER}</a>`, targets)).toEqual({ numberFound: true, linkFound: false });
    // The 14 digits alone count as the number; a longer run of digits does not.
    expect(findPlacement(`<span>公安备案号 ${DIGITS}</span>`, targets).numberFound).toBe(true);
    expect(findPlacement(`<span>9${DIGITS}</span>`, targets).numberFound).toBe(false);
  });

  it('link only: the href is there, the number text is not', () => {
    expect(findPlacement(`<a href="${BASE}/query/${DIGITS}"><img src="${BASE}/badge.png" alt=""></a>`, targets)).toEqual({ numberFound: false, linkFound: true });
  });

  it('accepts http and https variants of the base, a trailing slash, a query, single quotes and no quotes', () => {
    for (const href of [
      `"https://beian.test/query/${DIGITS}"`,
      `"http://beian.test/query/${DIGITS}/"`,
      `'HTTP://BEIAN.TEST/query/${DIGITS}?from=footer'`,
      `//beian.test/query/${DIGITS}`,
      `" ${BASE}/query/${DIGITS} "`,
    ])
      expect(findPlacement(`<a target="_blank" href=${href}>备案</a>`, targets).linkFound, href).toBe(true);
    expect(findPlacement(`<a href="https://beian.test/query/${DIGITS}">x</a>`, { ...targets, baseUrl: 'https://beian.test/' }).linkFound).toBe(true);
    expect(findPlacement(`<a href="http://beian.test.evil.cn/query/${DIGITS}">x</a>`, targets).linkFound).toBe(false);
    expect(findPlacement(`<a href="http://beian.test/query/${DIGITS}0">x</a>`, targets).linkFound).toBe(false);
    expect(findPlacement(`<a href="/query/${DIGITS}">x</a>`, targets).linkFound).toBe(false);
    expect(findPlacement(`<link href="${BASE}/query/${DIGITS}">`, targets).linkFound).toBe(false);
  });

  it('tolerates entities, tags and whitespace inside the number and escaped links', () => {
    const html =
      `<a href="http:&#x2F;&#x2F;beian.test&#47;query&#x2F;${DIGITS}" rel="noreferrer">` +
      `&#20140;公网安备&nbsp;<b>1101 0502 0134 62</b>&#21495;</a>`;
    expect(findPlacement(html, targets)).toEqual({ numberFound: true, linkFound: true });
    expect(findPlacement(`<a href="${BASE}/query/${DIGITS}?a=1&amp;b=2">京公网安备\n  ${DIGITS}　号</a>`, targets)).toEqual({ numberFound: true, linkFound: true });
  });

  it('no match: another number, a commented-out snippet, an empty page, bad digits', () => {
    expect(findPlacement(`<p>京公网安备11010502099999号</p><a href="${BASE}/query/11010502099999">x</a>`, targets)).toEqual({ numberFound: false, linkFound: false });
    expect(findPlacement(`<!-- ${filingSnippet({ number: NUMBER, digits: DIGITS, baseUrl: BASE })} -->`, targets)).toEqual({ numberFound: false, linkFound: false });
    expect(findPlacement('', targets)).toEqual({ numberFound: false, linkFound: false });
    expect(findPlacement(`<p>${NUMBER}</p>`, { ...targets, digits: '.*' })).toEqual({ numberFound: false, linkFound: false });
    // A hostile page of unclosed tags is handled in linear time.
    const started = performance.now();
    expect(findPlacement('<a href'.repeat(150_000) + '<!--'.repeat(50_000), targets)).toEqual({ numberFound: false, linkFound: false });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('decodes GBK pages by Content-Type or <meta charset>', () => {
    const gbk = Buffer.from([0xbe, 0xa9]); // 京
    expect(decodePage(gbk, 'text/html; charset=GBK')).toBe('京');
    const meta = Buffer.concat([Buffer.from('<meta charset="gb2312">'), gbk]);
    expect(decodePage(meta, 'text/html')).toBe('<meta charset="gb2312">京');
    expect(decodePage(Buffer.from('公安'), 'text/html; charset=nonsense')).toBe('公安');
  });
});

// ---------------------------------------------------------------------------------------------
// Against a local HTTP server (127.0.0.1 only: no real network)

type Page = { status?: number; body?: string; redirect?: string; endless?: boolean; tail?: string };
const pages = new Map<string, Page>();
let server: http.Server;
let port: number;
let closedPort: number;

function listen(s: http.Server): Promise<number> {
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)));
}

let units: ReturnType<typeof seedUnits>;
let reviewer: Actor;
let otherReviewer: Actor;
let admin: Actor;

beforeAll(async () => {
  units = seedUnits();
  const haidian = createUnit({ name: '海淀分局网安大队', code: '110108' }, null);
  const r = await createUser({ role: 'reviewer', name: '李明', phone: '13771110001', password: 'Secret#2026', unitId: units.chaoyang.id, phoneVerified: true });
  reviewer = { id: r.id, role: 'reviewer', unitId: units.chaoyang.id, phoneVerified: true };
  const o = await createUser({ role: 'reviewer', name: '周洁', phone: '13771110002', password: 'Secret#2026', unitId: haidian.id, phoneVerified: true });
  otherReviewer = { id: o.id, role: 'reviewer', unitId: haidian.id, phoneVerified: true };
  const a = await createUser({ role: 'admin', name: '王建国', phone: '13771110003', password: 'Secret#2026', phoneVerified: true });
  admin = { id: a.id, role: 'admin', unitId: null, phoneVerified: true };

  server = http.createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const page = pages.get(`${host}${req.url}`) ?? pages.get(host);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<h1>Not Found</h1>');
      return;
    }
    if (page.redirect && req.url === '/') {
      res.writeHead(302, { location: page.redirect });
      res.end();
      return;
    }
    res.writeHead(page.status ?? 200, { 'content-type': 'text/html; charset=utf-8' });
    if (page.endless) {
      // More than 1 MB of filler, then the snippet: the check must stop before it.
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (!res.destroyed && sent < MAX_BODY_BYTES + 256 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (!res.destroyed) res.end(page.tail ?? '');
      };
      pump();
      return;
    }
    res.end(page.body ?? '');
  });
  port = await listen(server);
  const tmp = http.createServer();
  closedPort = await listen(tmp);
  await new Promise((r) => tmp.close(r));
});

afterAll(async () => {
  // Let the reminders' e-mail/SMS deliveries finish before the database closes.
  await processDeliveries();
  await processDeliveries();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

afterEach(() => {
  delete process.env.WLBA_ALLOW_PRIVATE_FETCH;
});

const toLocal = async () => [{ address: '127.0.0.1', family: 4 }];
const local = () => ({ lookup: toLocal, ports: { http: port, https: closedPort } });
const db = () => getDb();
let seq = 0;

/** A filed website (subject and website approved by the 朝阳 reviewer) on `www.{domain}`. */
async function filedWebsite() {
  const u = await makeApplicant();
  const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id, { principalPhone: `1357${String(++seq).padStart(7, '0')}` }) });
  const domain = `place${seq}.com.cn`;
  const w = submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { domain }));
  decideApplication(reviewer, s.applicationId, { decision: '通过' });
  decideApplication(reviewer, w.applicationId, { decision: '通过' });
  const row = db().select().from(websites).where(eq(websites.id, w.websiteId)).get()!;
  expect(row.status).toBe('已备案');
  const owner: Actor = { id: u.id, role: 'applicant', unitId: null, phoneVerified: true };
  const snippet = filingSnippet({ number: row.filingNumber!, digits: row.filingDigits!, baseUrl: BASE });
  return { owner, websiteId: w.websiteId, host: `www.${domain}`, number: row.filingNumber!, digits: row.filingDigits!, snippet };
}

const placementRows = (websiteId: number) =>
  db()
    .select()
    .from(websiteChecks)
    .where(and(eq(websiteChecks.websiteId, websiteId), eq(websiteChecks.kind, 'placement')))
    .all();

describe('recordPlacement', () => {
  it('finds the snippet on the home page and stores an ok placement row', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const site = await filedWebsite();
    pages.set(site.host, { body: `<html><body><h1>摄影</h1><footer>${site.snippet}</footer></body></html>` });
    const asked: string[] = [];
    const r = await recordPlacement(site.websiteId, {
      ports: { http: port, https: closedPort },
      lookup: async (h) => {
        asked.push(h);
        return toLocal();
      },
    });
    expect(asked).toEqual([site.host]);
    expect(r.ok).toBe(true);
    expect(r.detail).toMatchObject({
      trigger: 'manual',
      host: site.host,
      number: site.number,
      link: `${BASE}/query/${site.digits}`,
      numberFound: true,
      linkFound: true,
      http: { ok: true, status: 200, numberFound: true, linkFound: true },
      https: { ok: false, error: '连接被拒绝', numberFound: false, linkFound: false },
    });
    const rows = placementRows(site.websiteId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'placement', ok: true, checkedAt: r.checkedAt });
    const latest = latestPlacement(site.websiteId)!;
    expect(latest).toMatchObject({ ok: true, checkedAt: r.checkedAt });
    expect(placementOutcome(latest).text).toBe('已在首页检测到备案号和链接');
  });

  it('a home page without the snippet: not ok, number and link missing', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const site = await filedWebsite();
    pages.set(site.host, { body: '<html><body>欢迎光临</body></html>' });
    const r = await recordPlacement(site.websiteId, local());
    expect(r).toMatchObject({ ok: false, detail: { numberFound: false, linkFound: false, http: { ok: true, status: 200 } } });
    expect(placementOutcome(r).text).toBe('未检测到备案号');

    pages.set(site.host, { body: `<footer>${site.number}</footer>` });
    const numberOnly = await recordPlacement(site.websiteId, local());
    expect(numberOnly).toMatchObject({ ok: false, detail: { numberFound: true, linkFound: false } });
    expect(placementOutcome(numberOnly).text).toBe('未检测到查询链接');
    expect(latestPlacement(site.websiteId)!.id).toBe(numberOnly.id);
  });

  it('follows a redirect to the real home page', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const site = await filedWebsite();
    pages.set(site.host, { redirect: '/index.html' });
    pages.set(`${site.host}/index.html`, { body: `<footer>${site.snippet}</footer>` });
    const r = await recordPlacement(site.websiteId, local());
    expect(r.ok).toBe(true);
    expect(r.detail.http).toMatchObject({ ok: true, status: 200, url: `http://${site.host}:${port}/index.html` });
  });

  it('reads at most 1 MB: a snippet after 1 MB of filler is not found', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const site = await filedWebsite();
    pages.set(site.host, { endless: true, tail: site.snippet });
    const r = await recordPlacement(site.websiteId, local());
    expect(r.detail.http).toMatchObject({ ok: true, status: 200, truncated: true, numberFound: false, linkFound: false });
    expect(r.ok).toBe(false);
  });

  it('an error page is not a home page: 无法访问 with the status', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const site = await filedWebsite();
    pages.set(site.host, { status: 500, body: site.snippet });
    const r = await recordPlacement(site.websiteId, local());
    expect(r.detail.http).toMatchObject({ ok: false, status: 500, error: '返回状态码500' });
    expect(placementOutcome(r).text).toBe('无法访问：HTTP：返回状态码500；HTTPS：连接被拒绝');
  });

  it('refuses a private address when WLBA_ALLOW_PRIVATE_FETCH is off', async () => {
    const site = await filedWebsite();
    pages.set(site.host, { body: `<footer>${site.snippet}</footer>` });
    const r = await recordPlacement(site.websiteId, { lookup: toLocal, ports: { http: port, https: port } });
    expect(r).toMatchObject({ ok: false, detail: { http: { ok: false, error: PRIVATE_ADDRESS_ERROR }, https: { ok: false, error: PRIVATE_ADDRESS_ERROR } } });
    expect(placementOutcome(r).text).toBe(`无法访问：${PRIVATE_ADDRESS_ERROR}`);
  });

  it('refuses an unknown or unfiled website', async () => {
    await expect(recordPlacement(999_999)).rejects.toThrow('网站不存在');
    const u = await makeApplicant();
    const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id, { principalPhone: '13579990001' }) });
    const w = submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id));
    await expect(recordPlacement(w.websiteId)).rejects.toThrow('网站尚未备案');
  });
});

describe('checkPlacementNow (立即检测)', () => {
  it('lets the owner, the unit reviewer and admins check; others get 网站不存在', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const site = await filedWebsite();
    pages.set(site.host, { body: site.snippet });
    const stranger = await makeApplicant('陈静');
    const strangerActor: Actor = { id: stranger.id, role: 'applicant', unitId: null, phoneVerified: true };
    await expect(checkPlacementNow(strangerActor, site.websiteId, local())).rejects.toThrow('网站不存在');
    await expect(checkPlacementNow(otherReviewer, site.websiteId, local())).rejects.toThrow('网站不存在');
    const t0 = Date.now();
    expect((await checkPlacementNow(site.owner, site.websiteId, { ...local(), now: t0 })).ok).toBe(true);
    expect((await checkPlacementNow(reviewer, site.websiteId, { ...local(), now: t0 + 61_000 })).ok).toBe(true);
    expect((await checkPlacementNow(admin, site.websiteId, { ...local(), now: t0 + 122_000 })).ok).toBe(true);
    expect(placementRows(site.websiteId).map((r) => (r.detail as { trigger: string }).trigger)).toEqual(['manual', 'manual', 'manual']);
  });

  it('allows one check a minute per website', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const site = await filedWebsite();
    pages.set(site.host, { body: '' });
    const t0 = Date.now();
    await checkPlacementNow(site.owner, site.websiteId, { ...local(), now: t0 });
    await expect(checkPlacementNow(site.owner, site.websiteId, { ...local(), now: t0 + 30_000 })).rejects.toThrow(PLACEMENT_RATE_LIMITED);
    await expect(checkPlacementNow(reviewer, site.websiteId, { ...local(), now: t0 + 59_000 })).rejects.toThrow(PLACEMENT_RATE_LIMITED);
    await checkPlacementNow(site.owner, site.websiteId, { ...local(), now: t0 + 60_000 });
    expect(placementRows(site.websiteId)).toHaveLength(2);
  });
});

describe('runDailyPlacementChecks', () => {
  /** 10:00 Beijing time on the Beijing day of `at`. */
  const tenOClock = (at: number | Date) => beijingDayStartMs(beijingDayNumber(at)) + 10 * 3_600_000;
  const reminders = (userId: number) =>
    db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.event, PLACEMENT_REMINDER_EVENT)))
      .all();

  /** A filed website whose filing time is moved to `filedAt` (months apart per test, all before today). */
  async function filedOn(filedAt: number) {
    const site = await filedWebsite();
    db().update(websites).set({ filedAt }).where(eq(websites.id, site.websiteId)).run();
    return site;
  }

  it('reminds the owner when the number is missing within 5 working days of the deadline, once a day', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const filedAt = Date.parse('2026-03-02T10:00:00+08:00');
    const site = await filedOn(filedAt);
    pages.set(site.host, { body: '<html>尚未放置</html>' });
    const deadline = placementDeadline(filedAt);
    expect(deadline.getTime()).toBe(addWorkingDays(filedAt, 30).getTime());

    // 10 working days left: checked daily, no reminder yet.
    const early = tenOClock(addWorkingDays(filedAt, 20));
    expect(await runDailyPlacementChecks({ ...local(), now: early })).toMatchObject({ checked: 1, reminded: 0, failed: 0, complete: true });
    expect(reminders(site.owner.id)).toHaveLength(0);

    // 3 working days left: reminded.
    const now = tenOClock(addWorkingDays(filedAt, 27));
    expect(await runDailyPlacementChecks({ ...local(), now })).toMatchObject({ checked: 1, reminded: 1, complete: true });
    const [notice] = reminders(site.owner.id);
    expect(notice).toMatchObject({ title: PLACEMENT_REMINDER_TITLE, link: `/my/websites/${site.websiteId}` });
    expect(notice.body).toContain(site.number);
    expect(notice.body).toContain(beijingDateString(deadline));
    expect(notice.body).toContain('复制备案编号HTML代码');
    expect(notice.body).toContain(`${BASE}/query/${site.digits}`);
    expect(notice.body).toContain('未检测到备案号');
    const stored = latestPlacement(site.websiteId)!;
    expect(stored.detail).toMatchObject({ trigger: 'daily', reminded: true });

    // Later the same day: the run is done for today; even without that mark the website is not checked twice.
    expect(await runDailyPlacementChecks({ ...local(), now: now + 3 * 3_600_000 })).toMatchObject({ checked: 0, skipped: 'done-today' });
    db().delete(appMeta).where(eq(appMeta.key, 'placement.daily')).run();
    expect(await runDailyPlacementChecks({ ...local(), now: now + 4 * 3_600_000 })).toMatchObject({ checked: 0, reminded: 0 });
    expect(reminders(site.owner.id)).toHaveLength(1);

    // The next working day: reminded again.
    expect(await runDailyPlacementChecks({ ...local(), now: tenOClock(addWorkingDays(filedAt, 28)) })).toMatchObject({ checked: 1, reminded: 1 });
    expect(reminders(site.owner.id)).toHaveLength(2);
  });

  it('does not remind when the snippet is present, and stops checking once it was found', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const filedAt = Date.parse('2026-06-01T10:00:00+08:00');
    const site = await filedOn(filedAt);
    pages.set(site.host, { body: `<footer>${site.snippet}</footer>` });
    expect(await runDailyPlacementChecks({ ...local(), now: tenOClock(addWorkingDays(filedAt, 28)) })).toMatchObject({ checked: 1, reminded: 0 });
    expect(latestPlacement(site.websiteId)).toMatchObject({ ok: true, detail: { trigger: 'daily' } });
    expect(await runDailyPlacementChecks({ ...local(), now: tenOClock(addWorkingDays(filedAt, 29)) })).toMatchObject({ checked: 0, reminded: 0 });
    expect(placementRows(site.websiteId)).toHaveLength(1);
    expect(reminders(site.owner.id)).toHaveLength(0);
  });

  it('stops after the deadline, waits for 09:00, and reminds when the site cannot be reached', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const filedAt = Date.parse('2026-09-01T10:00:00+08:00');
    const site = await filedOn(filedAt);
    pages.delete(site.host);
    const lastDay = tenOClock(placementDeadline(filedAt));
    // Before 09:00 nothing runs.
    expect(await runDailyPlacementChecks({ ...local(), now: lastDay - 3 * 3_600_000 })).toMatchObject({ checked: 0, skipped: 'too-early' });
    // The deadline day itself is still before the deadline; the site is unreachable (HTTP 404, HTTPS refused).
    expect(await runDailyPlacementChecks({ ...local(), ports: { http: closedPort, https: closedPort }, now: lastDay })).toMatchObject({ checked: 1, reminded: 1 });
    expect(reminders(site.owner.id)[0].body).toContain('暂时无法访问：连接被拒绝');
    // After the deadline: neither checked nor reminded.
    const after = tenOClock(addWorkingDays(filedAt, 31));
    expect(await runDailyPlacementChecks({ ...local(), now: after })).toMatchObject({ checked: 0, reminded: 0, complete: true });
    expect(placementRows(site.websiteId)).toHaveLength(1);
    expect(reminders(site.owner.id)).toHaveLength(1);
  });

  it('is bounded: a limit leaves the day open for the next run, a failing website does not stop the rest', async () => {
    process.env.WLBA_ALLOW_PRIVATE_FETCH = '1';
    const filedAt = Date.parse('2026-07-01T10:00:00+08:00');
    const a = await filedOn(filedAt);
    const b = await filedOn(filedAt);
    pages.set(a.host, { body: '' });
    pages.set(b.host, { body: '' });
    const now = tenOClock(addWorkingDays(filedAt, 10));
    const first = await runDailyPlacementChecks({ ...local(), now, limit: 1 });
    expect(first).toMatchObject({ checked: 1, complete: false });
    const failing = await runDailyPlacementChecks({
      ports: local().ports,
      now: now + 3_600_000,
      lookup: async () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
      },
    });
    // An unresolvable name is a result (无法访问), not a failure of the run.
    expect(failing).toMatchObject({ checked: 1, failed: 0, complete: true });
    expect(placementRows(a.websiteId).length + placementRows(b.websiteId).length).toBe(2);
    expect(await runDailyPlacementChecks({ ...local(), now: now + 2 * 3_600_000 })).toMatchObject({ skipped: 'done-today' });
  });
});
