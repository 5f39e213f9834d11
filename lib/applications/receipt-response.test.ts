import { describe, it, expect, beforeAll } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import { seedUnits, makeApplicant, personSubjectInput, websiteInput } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { decideApplication } from '@/lib/review/service';
import { receiptFilename } from '@/lib/applications/receipt-pdf';
import { pdftotext, squashPdfText } from '@/lib/pdf/poppler';
import { applicationReceiptResponse } from './receipt-response';

// The PDF itself is tested in lib/applications/receipt-pdf.test.ts; here, who gets it and how.
let owner: Actor;
let stranger: Actor;
let admin: Actor;
let chaoyangReviewer: Actor;
let officeReviewer: Actor;
const appOf = {} as Record<'新办网站', { id: number; code: string }>;

const applicant = (id: number): Actor => ({ id, role: 'applicant', unitId: null, phoneVerified: false });

beforeAll(async () => {
  const { office, chaoyang } = seedUnits();
  const a = await createUser({ role: 'admin', name: '王建国', phone: '13770008888', password: 'Secret#2026', phoneVerified: true });
  admin = { id: a.id, role: 'admin', unitId: null, phoneVerified: true };
  const r1 = await createUser({ role: 'reviewer', name: '赵磊', phone: '13770008887', password: 'Secret#2026', unitId: chaoyang.id, phoneVerified: true });
  chaoyangReviewer = { id: r1.id, role: 'reviewer', unitId: chaoyang.id, phoneVerified: true };
  const r2 = await createUser({ role: 'reviewer', name: '钱进', phone: '13770008886', password: 'Secret#2026', unitId: office.id, phoneVerified: true });
  officeReviewer = { id: r2.id, role: 'reviewer', unitId: office.id, phoneVerified: true };

  const u = await makeApplicant();
  owner = applicant(u.id);
  stranger = applicant((await makeApplicant('李娜')).id);

  // 新增主体 + 新办网站, approved through review.
  const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
  const w = submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { name: '张伟摄影作品集', domain: 'zhangwei-receipt.com.cn' }));
  appOf['新办网站'] = { id: w.applicationId, code: w.code };
  decideApplication(admin, s.applicationId, { decision: '通过' });
  decideApplication(admin, w.applicationId, { decision: '通过' });
});

describe('GET /api/applications/[id]/receipt', () => {
  const get = (actor: Actor | null, id: number | string) => applicationReceiptResponse(actor, String(id));

  it('answers the owner with the PDF named 申请回执-{申请编号}.pdf', async () => {
    const { id, code } = appOf['新办网站'];
    const res = await get(owner, id);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(`申请回执-${code}.pdf`)}`);
    expect(receiptFilename(code)).toBe(`申请回执-${code}.pdf`);
    expect(res.headers.get('X-Missing-Glyphs')).toBeNull();
    const text = squashPdfText(pdftotext(new Uint8Array(await res.arrayBuffer())));
    expect(text).toContain(`申请编号：${code}`);
  });

  it('lets the unit’s reviewers and admins have it, and is 404 for anyone else', async () => {
    const { id } = appOf['新办网站'];
    expect((await get(chaoyangReviewer, id)).status).toBe(200);
    expect((await get(admin, id)).status).toBe(200);
    for (const [who, actor] of [
      ['another applicant', stranger],
      ['a reviewer of another unit', officeReviewer],
      ['a provider', { id: stranger.id, role: 'provider', unitId: null, phoneVerified: false } as Actor],
    ] as const) {
      const res = await get(actor, id);
      expect(res.status, who).toBe(404);
      expect((await res.json()).error).toBe('申请不存在');
    }
    expect((await get(owner, 9_999_999)).status).toBe(404);
    expect((await get(owner, 'abc')).status).toBe(404);
    expect((await get(null, id)).status).toBe(401);
  });
});
