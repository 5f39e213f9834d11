import { describe, it, expect, beforeAll } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import { SITUATION, REPORT_DATE as DATE } from '@/lib/test/report-text';
import { seedUnits, makeApplicant, orgSubjectInput, personSubjectInput, websiteInput, applicantActor as applicant } from '@/lib/test/fixtures';
import { setCurrentSubject, submitNewSubject } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { pdftotext, squashPdfText } from '@/lib/pdf/poppler';
import { assessmentReportResponse } from './report-response';

// The PDF itself is tested in lib/assessments/report-pdf.test.ts; here, the request and who may make it.

let owner: Actor;
let stranger: Actor;
let siteId: number;
let otherSubjectSiteId: number;
let strangerSiteId: number;


beforeAll(async () => {
  seedUnits();
  const u = await makeApplicant();
  owner = applicant(u.id);
  const s = submitNewSubject(u.id, { data: await orgSubjectInput(u.id) });
  siteId = submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { name: '云帆科技官网', domain: 'yunfan-report.com.cn', interactive: true })).websiteId;
  // A second subject of the same user: its websites are not the current subject's.
  const other = submitNewSubject(u.id, { data: await personSubjectInput(u.id, { principalName: '张伟' }) });
  otherSubjectSiteId = submitNewWebsite(u.id, other.subjectId, await websiteInput(u.id, { domain: 'zhangwei-report.cn' })).websiteId;
  setCurrentSubject(u.id, s.subjectId);

  const v = await makeApplicant('李娜');
  stranger = applicant(v.id);
  const vs = submitNewSubject(v.id, { data: await personSubjectInput(v.id, { principalName: '李娜' }) });
  strangerSiteId = submitNewWebsite(v.id, vs.subjectId, await websiteInput(v.id, { name: '李娜摄影作品集', domain: 'lina-report.cn' })).websiteId;
});

describe('POST /api/assessments/report', () => {
  const post = (actor: Actor | null, body: unknown) =>
    assessmentReportResponse(
      actor,
      new Request('http://localhost/api/assessments/report', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
      DATE,
    );
  const valid = (websiteId: number | string, situation = SITUATION) => ({ targetType: '网站', websiteId, situation, methods: ['自行评估', '代码审计'], methodOther: '' });

  it('answers the PDF as an attachment named 自评估报告.pdf', async () => {
    const res = await post(owner, valid(String(siteId)));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('自评估报告.pdf')}`);
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename\*=UTF-8''%E8%87%AA/);
    expect(res.headers.get('Cache-Control')).toContain('no-store');
    expect(res.headers.get('X-Missing-Glyphs')).toBeNull();
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Number(res.headers.get('Content-Length'))).toBe(bytes.byteLength);
    const text = squashPdfText(pdftotext(bytes));
    expect(text).toContain(squashPdfText(SITUATION));
    expect(text).toContain('自行评估、代码审计');
    expect(text).toContain('云帆科技官网');
  });

  it('names the characters the font lacks in X-Missing-Glyphs', async () => {
    const res = await post(owner, valid(siteId, '吉祥的𠮷字'));
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Missing-Glyphs')).toBe(encodeURIComponent('𠮷'));
    expect(decodeURIComponent(res.headers.get('X-Missing-Glyphs')!)).toBe('𠮷');
  });

  it('refuses bad input with Chinese messages on the fields', async () => {
    const res = await post(owner, { targetType: '网站', websiteId: siteId, situation: '  ', methods: [] });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.fieldErrors).toMatchObject({ situation: '请填写开展评估情况', methods: '请至少选择一种评估方法' });
    expect(body.error).toBe('请填写开展评估情况');

    const other = await post(owner, { ...valid(siteId), methods: ['其他'] });
    expect(other.status).toBe(400);
    expect((await other.json()).fieldErrors).toEqual({ methodOther: '请填写其他评估方法' });

    const noSite = await post(owner, { ...valid(''), websiteId: '' });
    expect(noSite.status).toBe(400);
    expect((await noSite.json()).fieldErrors.websiteId).toBe('请选择评估对象');

    const garbage = await post(owner, '{not json');
    expect(garbage.status).toBe(400);
    expect((await garbage.json()).error).toBe('请求内容格式不正确');
  });

  it('answers a wrong content type with 415, a body over 64 KB with 413 and malformed JSON with 400, all in Chinese', async () => {
    const raw = (init: RequestInit) => assessmentReportResponse(owner, new Request('http://localhost/api/assessments/report', { method: 'POST', ...init }), DATE);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const res = await raw({ headers: type ? { 'Content-Type': type } : {}, body: JSON.stringify(valid(siteId)) });
      expect(res.status, type).toBe(415);
      expect(await res.json()).toEqual({ error: '请求内容须为JSON格式' });
    }
    expect((await raw({ headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(valid(siteId)) })).status).toBe(200);

    const huge = JSON.stringify(valid(siteId, '评'.repeat(100_001)));
    const big = await raw({ headers: { 'Content-Type': 'application/json' }, body: huge });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ error: '请求内容过大，不能超过64KB' });
    // Without a Content-Length (a stream), the limit still holds.
    const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(huge)), c.close()) });
    const streamed = await raw({ headers: { 'Content-Type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);

    for (const body of ['null', '"x"', '[]', '42']) {
      const res = await post(owner, body);
      expect(res.status, body).toBe(400);
      expect((await res.json()).error, body).toBe('请求内容格式不正确');
    }
    const wrong = await post(owner, { targetType: 7, websiteId: {}, situation: 42, methods: 'x', methodOther: [] });
    expect(wrong.status).toBe(400);
    const { error, fieldErrors } = await wrong.json();
    expect(error).toMatch(/\p{Script=Han}/u);
    expect(Object.keys(fieldErrors).sort()).toEqual(['methodOther', 'methods', 'situation', 'targetType', 'websiteId']);
    for (const [field, message] of Object.entries(fieldErrors)) expect(message, field).toMatch(/^[^A-Za-z]*$/);
    expect(fieldErrors.situation).toBe('开展评估情况格式不正确');
    const tooLong = await post(owner, valid(siteId, '评'.repeat(5001)));
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).fieldErrors.situation).toBe('开展评估情况不能超过5000个字');
  });

  it('is 404 for a website that is not one of the current subject’s', async () => {
    for (const id of [strangerSiteId, otherSubjectSiteId, 999_999]) {
      const res = await post(owner, valid(id));
      expect(res.status, `website ${id}`).toBe(404);
      expect((await res.json()).error).toBe('评估对象网站不存在');
    }
    // The stranger cannot have the owner's either.
    expect((await post(stranger, valid(siteId))).status).toBe(404);
  });

  it('is for signed-in applicants only', async () => {
    const none = await post(null, valid(siteId));
    expect(none.status).toBe(401);
    expect((await none.json()).error).toBe('请先登录');
    const reviewer = await post({ id: owner.id, role: 'reviewer', unitId: 1, phoneVerified: true }, valid(siteId));
    expect(reviewer.status).toBe(403);
    expect((await reviewer.json()).error).toBe('您没有权限执行此操作');
  });
});
