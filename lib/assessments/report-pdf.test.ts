import { describe, it, expect, beforeAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { getDb } from '@/db/client';
import { websites } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { RARE, MIXED, USER_LINES, SITUATION, REPORT_DATE as DATE } from '@/lib/test/report-text';
import { seedUnits, makeApplicant, orgSubjectInput, websiteInput, applicantActor as applicant } from '@/lib/test/fixtures';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { maskIdNumber } from '@/lib/pii/mask';
import { pdftotext, rasterizePage, pixelDiff, squashPdfText } from '@/lib/pdf/poppler';
import { buildAssessmentReport, loadReportTarget, chineseDate, type AssessmentReportPdfInput } from './report-pdf';


let owner: Actor;
let orgCertNumber: string;
let siteId: number;
let filedSiteId: number;


beforeAll(async () => {
  seedUnits();
  const u = await makeApplicant();
  owner = applicant(u.id);
  const input = await orgSubjectInput(u.id);
  orgCertNumber = input.orgCertNumber!;
  const s = submitNewSubject(u.id, { data: input });
  siteId = submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { name: '云帆科技官网', domain: 'yunfan-report.com.cn', interactive: true })).websiteId;
  filedSiteId = submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { name: '云帆科技社区', domain: 'yunfan-bbs.com.cn', interactive: true })).websiteId;
  getDb().update(websites).set({ status: '已备案', filingDigits: '11010502000777', filingNumber: '京公网安备11010502000777号', filedAt: DATE }).where(eq(websites.id, filedSiteId)).run();
});

function reportInput(websiteId: number, situation = SITUATION, over: Partial<AssessmentReportPdfInput> = {}): AssessmentReportPdfInput {
  return {
    ...loadReportTarget(owner.id, websiteId),
    report: { situation, methods: ['自行评估', '渗透测试', '其他'], methodOther: '安全基线核查' },
    date: DATE,
    ...over,
  };
}

const pageCount = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPageCount();

describe('buildAssessmentReport', () => {
  it('renders every line the user typed — rare characters and Latin mixed in — over two pages, line breaks kept', async () => {
    const pdf = await buildAssessmentReport(reportInput(siteId));
    expect(pdf.missing).toEqual([]);
    expect(await pageCount(pdf.bytes)).toBeGreaterThanOrEqual(2);

    const raw = pdftotext(pdf.bytes);
    const text = squashPdfText(raw);
    // The whole 开展评估情况, in order, across the page break (page footers left out).
    expect(text).toContain(squashPdfText(SITUATION));
    for (const line of USER_LINES.filter(Boolean)) expect(text, `渲染结果缺少：${line}`).toContain(squashPdfText(line));
    for (const c of RARE) expect(raw).toContain(c);
    expect(raw).toContain('Nginx 1.24');
    expect(raw).toContain('MySQL 8.0');

    // Each typed line starts a drawn line of its own (a break is never swallowed by wrapping)…
    for (const line of USER_LINES.filter(Boolean)) {
      expect(pdf.lines.some((l) => l.length > 1 && line.startsWith(l)), `未另起一行：${line}`).toBe(true);
    }
    // …and the short ones come out of poppler as whole lines.
    const rawLines = raw.split('\n').map((l) => squashPdfText(l));
    for (const line of [USER_LINES[1], USER_LINES[4], USER_LINES[5], USER_LINES[6]]) expect(rawLines).toContain(squashPdfText(line));
  });

  it('identifies the subject (证件号码 masked only) and the website, with methods, date and the signature and seal boxes', async () => {
    const pdf = await buildAssessmentReport(reportInput(filedSiteId, '已完成自评估。'));
    const text = squashPdfText(pdftotext(pdf.bytes));
    for (const s of [
      '网站安全自评估报告',
      '开办主体名称：北京云帆网络科技有限公司',
      '主体性质：单位（企业单位）',
      '证件类型：统一社会信用代码证',
      `证件号码：${maskIdNumber(orgCertNumber)}`,
      '评估对象类型：网站',
      '网站名称：云帆科技社区',
      '网站域名：www.yunfan-bbs.com.cn',
      '公安备案号：京公网安备11010502000777号',
      '交互类型：交互式',
      '三、开展评估情况已完成自评估。',
      '四、评估方法自行评估、渗透测试、其他：安全基线核查',
      `报告日期：${chineseDate(DATE)}`,
      '负责人签字：',
      '单位盖章：',
      '日期：年月日',
    ])
      expect(text, `缺少：${s}`).toContain(squashPdfText(s));
    expect(chineseDate(DATE)).toBe('2026年5月12日');
    expect(text).not.toContain(orgCertNumber);
    // No 公安备案号 row for a website that has none.
    expect(squashPdfText(pdftotext((await buildAssessmentReport(reportInput(siteId, '已完成自评估。'))).bytes))).not.toContain('公安备案号');
  });

  it('keeps a one-page report under 100 KB', async () => {
    const pdf = await buildAssessmentReport(reportInput(siteId, `本次评估覆盖网站全部功能。${MIXED}`));
    expect(await pageCount(pdf.bytes)).toBe(1);
    expect(pdf.bytes.byteLength).toBeLessThan(100 * 1024);
  });

  it('reports 𠮷 (not in Noto Sans SC) as missing and draws it as the font’s .notdef box, never dropping it', async () => {
    const withChar = await buildAssessmentReport(reportInput(siteId, '吉祥的𠮷字\n第二行'));
    const without = await buildAssessmentReport(reportInput(siteId, '吉祥的字\n第二行'));
    expect(withChar.missing).toEqual(['𠮷']);
    expect(withChar.lines).toContain('吉祥的𠮷字');
    // Something is drawn where 𠮷 is: the pages differ.
    expect(pixelDiff(rasterizePage(withChar.bytes), rasterizePage(without.bytes)).differing).toBeGreaterThan(20);
  });
});

describe('glyphs: page 1 rendered with the subset font equals the rendering with the full font', () => {
  const TOLERANCE = 0.0001; // share of pixels allowed to differ (anti-aliasing noise); in practice 0

  it('has every glyph of the subset (rare characters, Latin, punctuation and the .notdef box)', async () => {
    const input = reportInput(siteId, `${SITUATION}\n缺字𠮷`);
    const subset = await buildAssessmentReport(input);
    const full = await buildAssessmentReport({ ...input, font: { embed: 'full' } });
    expect(full.lines).toEqual(subset.lines);
    expect(full.bytes.byteLength).toBeGreaterThan(1024 * 1024); // really the whole TTF
    const d = pixelDiff(rasterizePage(subset.bytes), rasterizePage(full.bytes));
    expect(d.differing / d.total).toBeLessThanOrEqual(TOLERANCE);
  }, 60_000);

  it('has teeth: a subset that leaves out one character renders differently', async () => {
    const input = reportInput(siteId, SITUATION);
    const broken = await buildAssessmentReport({ ...input, font: { omit: '龘' } });
    const full = await buildAssessmentReport({ ...input, font: { embed: 'full' } });
    expect(broken.missing).toEqual(['龘']);
    const d = pixelDiff(rasterizePage(broken.bytes), rasterizePage(full.bytes));
    expect(d.differing / d.total).toBeGreaterThan(TOLERANCE);
    expect(d.differing).toBeGreaterThan(20);
  }, 60_000);
});
