import { describe, it, expect, beforeAll } from 'vitest';
import { getDb } from '@/db/client';
import { applications, policeUnits, subjects, websiteDomains, websites, type ApplicationStatus, type BusinessType, type WebsiteStatus } from '@/db/schema';
import { makeApplicant } from '@/lib/test/fixtures';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/policy';
import {
  attachmentDisposition,
  CSV_BOM,
  csvCell,
  dashboardStats,
  exportFilename,
  filedWebsitesCsvChunks,
  filedWebsitesCsvStream,
  formatDuration,
  resolveStatsScope,
} from './stats';
import type { StoredSubject } from '@/lib/subjects/types';
import type { WebsiteRecordData } from '@/lib/websites/types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 2026-03-10 12:00 Beijing (a Tuesday). */
const NOW = Date.UTC(2026, 2, 10, 4, 0);
/** An instant given as a Beijing wall-clock time. */
const bj = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h - 8, min);

const db = () => getDb();
let userId: number;
let seq = 0;

beforeAll(async () => {
  userId = (await makeApplicant('统计员')).id;
});

function makeUnit(name = `测试分局${++seq}网安大队`) {
  return db()
    .insert(policeUnits)
    .values({ name, code: String(900000 + ++seq), createdAt: NOW })
    .returning({ id: policeUnits.id, name: policeUnits.name })
    .get();
}

function makeSubject(unitId: number, over: Partial<typeof subjects.$inferInsert> = {}) {
  return db()
    .insert(subjects)
    .values({
      ownerId: userId,
      nature: '个人',
      name: '张伟',
      principalName: '张伟',
      principalIdType: '居民身份证',
      principalIdEnc: 'x',
      principalIdHmac: `h${++seq}`,
      principalIdMasked: '110*****34',
      principalPhoneEnc: 'x',
      principalPhoneHmac: `p${seq}`,
      principalPhoneMasked: '139****5678',
      jurisdictionCode: '110105',
      unitId,
      status: '有效',
      data: {} as StoredSubject,
      createdAt: NOW,
      updatedAt: NOW,
      ...over,
    })
    .returning({ id: subjects.id })
    .get().id;
}

type AppOver = {
  type?: BusinessType;
  status?: ApplicationStatus;
  queued?: boolean;
  queuedAt?: number;
  submittedAt?: number;
  claimedUntil?: number | null;
  decidedAt?: number | null;
  decided?: boolean;
};

function addApp(unitId: number, o: AppOver = {}) {
  const submittedAt = o.submittedAt ?? NOW - HOUR;
  db()
    .insert(applications)
    .values({
      code: `SQT${String(++seq).padStart(10, '0')}`,
      type: o.type ?? '新办网站',
      status: o.status ?? '待审核',
      applicantId: userId,
      unitId,
      queued: o.queued ?? true,
      payload: {},
      submittedAt,
      queuedAt: o.queuedAt ?? submittedAt,
      claimedBy: o.status === '审核中' ? userId : null,
      claimedUntil: o.claimedUntil ?? null,
      decidedBy: o.decided === false || o.decidedAt == null ? null : userId,
      decidedAt: o.decidedAt ?? null,
    })
    .run();
}

function addSite(unitId: number | null, subjectId: number, o: { name?: string; status?: WebsiteStatus; number?: string | null; domain?: string; filedAt?: number } = {}) {
  const digits = o.number === null ? null : `${String(++seq).padStart(14, '0')}`;
  const site = db()
    .insert(websites)
    .values({
      subjectId,
      name: o.name ?? '张伟摄影作品集',
      status: o.status ?? '已备案',
      filingDigits: digits,
      filingNumber: o.number === undefined ? (digits ? `京公网安备${digits}号` : null) : o.number,
      filingUnitId: unitId,
      filedAt: o.filedAt ?? bj(2026, 3, 1, 9, 5),
      data: {} as WebsiteRecordData,
      createdAt: NOW,
      updatedAt: NOW,
    })
    .returning({ id: websites.id })
    .get();
  if (o.domain) {
    db().insert(websiteDomains).values({ websiteId: site.id, unicode: `cdn.${o.domain}`, ascii: `cdn.${o.domain}`, registrable: o.domain, isPrimary: false }).run();
    db().insert(websiteDomains).values({ websiteId: site.id, unicode: `www.${o.domain}`, ascii: `www.${o.domain}`, registrable: o.domain, isPrimary: true }).run();
  }
  return site.id;
}

async function readStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return Buffer.concat(parts);
}

describe('resolveStatsScope', () => {
  const reviewer = (unitId: number | null): Actor => ({ id: 1, role: 'reviewer', unitId, phoneVerified: true });
  const admin: Actor = { id: 2, role: 'admin', unitId: null, phoneVerified: true };
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof AppError) return e.code;
      throw e;
    }
    return 'ok';
  };

  it('keeps a reviewer to their own unit and lets an admin pick any unit or all', () => {
    const a = makeUnit();
    const b = makeUnit();
    expect(resolveStatsScope(reviewer(a.id))).toEqual({ unitId: a.id, unitName: a.name });
    expect(resolveStatsScope(reviewer(a.id), String(a.id))).toEqual({ unitId: a.id, unitName: a.name });
    expect(codeOf(() => resolveStatsScope(reviewer(a.id), String(b.id)))).toBe('forbidden');
    expect(codeOf(() => resolveStatsScope(reviewer(null)))).toBe('forbidden');
    expect(codeOf(() => resolveStatsScope({ id: 3, role: 'applicant', unitId: a.id, phoneVerified: true }))).toBe('forbidden');
    expect(codeOf(() => resolveStatsScope(null))).toBe('unauthenticated');
    expect(resolveStatsScope(admin)).toEqual({ unitId: null, unitName: '全部单位' });
    expect(resolveStatsScope(admin, '')).toEqual({ unitId: null, unitName: '全部单位' });
    expect(resolveStatsScope(admin, String(b.id))).toEqual({ unitId: b.id, unitName: b.name });
    expect(codeOf(() => resolveStatsScope(admin, '99999'))).toBe('not_found');
    expect(codeOf(() => resolveStatsScope(admin, '1 or 1=1'))).toBe('not_found');
  });
});

describe('dashboardStats', () => {
  it('counts open applications by status and type, with overdue, for the unit only', () => {
    const a = makeUnit();
    const b = makeUnit();
    // Queued 30 days ago: long past 5 working days. Queued an hour ago: due next week.
    addApp(a.id, { type: '新办网站', status: '待审核', submittedAt: NOW - 30 * DAY });
    addApp(a.id, { type: '新办网站', status: '待审核' });
    addApp(a.id, { type: '变更网站', status: '审核中', claimedUntil: NOW + 10 * 60_000 });
    // A claim that ran out shows as 待审核, as in the queue.
    addApp(a.id, { type: '变更网站', status: '审核中', claimedUntil: NOW - 60_000, submittedAt: NOW - 20 * DAY });
    addApp(a.id, { type: '新办网站', status: '待面审' });
    addApp(a.id, { type: '安全评估', status: '待审核', submittedAt: NOW - 30 * DAY });
    // Not open: held back, decided, revoked.
    addApp(a.id, { type: '新增主体', status: '待审核', queued: false, submittedAt: NOW - 30 * DAY });
    addApp(a.id, { type: '新办网站', status: '通过', decidedAt: NOW - HOUR });
    addApp(a.id, { type: '新办网站', status: '已撤销', submittedAt: NOW - 30 * DAY });
    // Another unit.
    addApp(b.id, { type: '注销网站', status: '待审核', submittedAt: NOW - 30 * DAY });

    const s = dashboardStats({ unitId: a.id }, NOW);
    expect(s.open.total).toBe(6);
    expect(s.open.byStatus).toEqual({ 待审核: 4, 审核中: 1, 待面审: 1 });
    expect(s.open.overdue).toBe(3);
    expect(s.open.byType['新办网站']).toEqual({ total: 3, overdue: 1, 待审核: 2, 审核中: 0, 待面审: 1 });
    expect(s.open.byType['变更网站']).toEqual({ total: 2, overdue: 1, 待审核: 1, 审核中: 1, 待面审: 0 });
    expect(s.open.byType['安全评估']).toMatchObject({ total: 1, overdue: 1 });
    expect(s.open.byType['新增主体'].total).toBe(0);
    expect(s.open.byType['注销网站'].total).toBe(0);

    expect(dashboardStats({ unitId: b.id }, NOW).open).toMatchObject({ total: 1, overdue: 1, byStatus: { 待审核: 1, 审核中: 0, 待面审: 0 } });
    const all = dashboardStats({ unitId: null }, NOW).open;
    expect(all.total).toBeGreaterThanOrEqual(7);
    expect(all.byType['注销网站'].total).toBeGreaterThanOrEqual(1);
  });

  it('buckets 通过 and 退回 by Beijing day over the last 30 days', () => {
    const a = makeUnit();
    const b = makeUnit();
    addApp(a.id, { status: '通过', decidedAt: bj(2026, 3, 9, 23, 30) }); // late on the 9th (15:30 UTC)
    addApp(a.id, { status: '通过', decidedAt: bj(2026, 3, 10, 0, 30) }); // early on the 10th (16:30 UTC on the 9th)
    addApp(a.id, { status: '退回', decidedAt: bj(2026, 3, 10, 9, 0) });
    addApp(a.id, { status: '退回', decidedAt: bj(2026, 2, 9, 0, 0) }); // first day of the window
    addApp(a.id, { status: '通过', decidedAt: bj(2026, 2, 8, 23, 59) }); // just before it
    addApp(a.id, { status: '退回', decidedAt: bj(2026, 3, 8, 10, 0), decided: false }); // no reviewer: not a decision
    addApp(a.id, { status: '已撤销', decidedAt: bj(2026, 3, 8, 10, 0) });
    addApp(b.id, { status: '通过', decidedAt: bj(2026, 3, 9, 12, 0) });

    const { decisions } = dashboardStats({ unitId: a.id }, NOW);
    expect(decisions).toHaveLength(30);
    expect(decisions[0]).toEqual({ day: '2026-02-09', approved: 0, returned: 1 });
    expect(decisions.at(-1)).toEqual({ day: '2026-03-10', approved: 1, returned: 1 });
    expect(decisions.at(-2)).toEqual({ day: '2026-03-09', approved: 1, returned: 0 });
    expect(decisions.at(-3)).toEqual({ day: '2026-03-08', approved: 0, returned: 0 });
    const total = decisions.reduce((s, d) => s + d.approved + d.returned, 0);
    expect(total).toBe(4);
  });

  it('takes the median time from submission to decision over the last 90 days', () => {
    const a = makeUnit();
    expect(dashboardStats({ unitId: a.id }, NOW).medianDecisionMs).toBeNull();
    const decided = (hours: number, at = NOW - 2 * DAY, status: ApplicationStatus = '通过') =>
      addApp(a.id, { status, submittedAt: at - hours * HOUR, decidedAt: at });
    decided(1);
    decided(24, NOW - 3 * DAY, '退回');
    decided(48);
    decided(120);
    decided(1000, NOW - 100 * DAY); // outside the window
    addApp(a.id, { status: '待审核', submittedAt: NOW - 200 * HOUR });
    let s = dashboardStats({ unitId: a.id }, NOW);
    expect(s.decidedInWindow).toBe(4);
    expect(s.medianDecisionMs).toBe(36 * HOUR);
    expect(formatDuration(s.medianDecisionMs!)).toBe('1.5 天');
    decided(30);
    s = dashboardStats({ unitId: a.id }, NOW);
    expect(s.medianDecisionMs).toBe(30 * HOUR);
  });

  it('counts the unit’s filed websites, cancelled ones apart', () => {
    const a = makeUnit();
    const b = makeUnit();
    const subj = makeSubject(a.id);
    for (const status of ['已备案', '已备案', '变更中', '注销中', '已注销', '待审核', '已退回'] as const) addSite(a.id, subj, { status });
    addSite(b.id, subj);
    const s = dashboardStats({ unitId: a.id }, NOW);
    expect(s.filedWebsites).toBe(4);
    expect(s.cancelledWebsites).toBe(1);
    expect(dashboardStats({ unitId: b.id }, NOW).filedWebsites).toBe(1);
  });
});

describe('formatDuration', () => {
  it('reads in minutes, hours or days', () => {
    expect(formatDuration(20_000)).toBe('不足 1 分钟');
    expect(formatDuration(45 * 60_000)).toBe('45 分钟');
    expect(formatDuration(6.5 * HOUR)).toBe('6.5 小时');
    expect(formatDuration(36 * HOUR)).toBe('1.5 天');
    expect(formatDuration(2 * DAY)).toBe('2 天');
  });
});

describe('CSV export', () => {
  it('escapes commas, quotes, newlines and formula prefixes', () => {
    expect(csvCell('普通文本')).toBe('普通文本');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('a-b')).toBe('a-b');
    expect(csvCell(null)).toBe('');
  });

  it('streams the unit’s filings with a BOM, header and every row, in batches', async () => {
    const a = makeUnit('朝阳分局网安大队（测试）');
    const b = makeUnit();
    const person = makeSubject(a.id, { name: '李雷' });
    const org = makeSubject(a.id, { nature: '单位', unitType: '企业单位', name: '北京云帆网络科技有限公司' });
    addSite(a.id, person, { name: '李雷的博客, 第二版', domain: 'lilei.cn', number: '京公网安备11010502000001号', filedAt: bj(2026, 3, 1, 9, 5) });
    addSite(a.id, org, { name: '=cmd|calc', domain: 'yunfan.com.cn' });
    addSite(a.id, org, { name: '云帆"官网"\n新版', status: '已注销' });
    addSite(a.id, org, { name: '变更中的网站', status: '变更中' });
    addSite(a.id, org, { name: '未备案的网站', status: '待审核', number: null });
    addSite(b.id, person, { name: '别的单位的网站' });

    const bytes = await readStream(filedWebsitesCsvStream({ unitId: a.id }, 2));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes); // drops the BOM
    expect(text.startsWith('公安备案号,网站名称,主域名,开办主体,主体性质,备案时间,审核单位,状态\r\n')).toBe(true);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe('京公网安备11010502000001号,"李雷的博客, 第二版",www.lilei.cn,李雷,个人,2026-03-01 09:05,朝阳分局网安大队（测试）,已备案');
    expect(lines[2]).toMatch(/^京公网安备\d{14}号,'=cmd\|calc,www\.yunfan\.com\.cn,北京云帆网络科技有限公司,单位（企业单位）,/);
    expect(lines[3]).toContain(',"云帆""官网""\n新版",,北京云帆网络科技有限公司,');
    expect(lines[3].endsWith(',已注销')).toBe(true);
    expect(lines[4].endsWith(',变更中')).toBe(true);
    expect(text).not.toContain('未备案的网站');
    expect(text).not.toContain('别的单位的网站');

    // One piece for the header, then one per batch of two rows.
    expect([...filedWebsitesCsvChunks({ unitId: a.id }, 2)]).toHaveLength(3);
    expect([...filedWebsitesCsvChunks({ unitId: a.id }, 3)]).toHaveLength(3);
    // Admins exporting every unit get both units' rows.
    const everything = [...filedWebsitesCsvChunks({ unitId: null })].join('');
    expect(everything).toContain('别的单位的网站');
    expect(everything.startsWith(CSV_BOM)).toBe(true);
  });

  it('names the file after the unit and the Beijing date, RFC 5987 encoded', () => {
    // 2026-03-09 16:30 UTC is already the 10th in Beijing.
    const { name, fallback } = exportFilename('朝阳分局网安大队', Date.UTC(2026, 2, 9, 16, 30));
    expect(name).toBe('备案网站-朝阳分局网安大队-20260310.csv');
    expect(fallback).toBe('filings-20260310.csv');
    expect(exportFilename('a/b:c', NOW).name).toBe('备案网站-a_b_c-20260310.csv');
    expect(attachmentDisposition(name, fallback)).toBe(
      "attachment; filename=\"filings-20260310.csv\"; filename*=UTF-8''%E5%A4%87%E6%A1%88%E7%BD%91%E7%AB%99-%E6%9C%9D%E9%98%B3%E5%88%86%E5%B1%80%E7%BD%91%E5%AE%89%E5%A4%A7%E9%98%9F-20260310.csv",
    );
    expect(attachmentDisposition("it's (1).csv")).toBe(`attachment; filename="it's (1).csv"; filename*=UTF-8''it%27s%20%281%29.csv`);
  });
});
