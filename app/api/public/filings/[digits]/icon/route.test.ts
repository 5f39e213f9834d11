import { describe, it, expect, beforeAll } from 'vitest';
import { NextRequest } from 'next/server';
import { seedUnits, makeApplicant, personSubjectInput, appInput, websiteInput } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { getFilingView, submitNewFiling } from '@/lib/filings/service';
import { decideApplication } from '@/lib/review/service';
import { policeCancel } from '@/lib/review/police-cancel';
import { GET } from './route';

let admin: { id: number; role: 'admin'; unitId: null; phoneVerified: true };
let app: { filingId: number; digits: string };
let websiteDigits: string;
let pendingFilingId: number;
let ownerId: number;

beforeAll(async () => {
  seedUnits();
  const a = await createUser({ role: 'admin', name: '王建国', phone: '13770006666', password: 'Secret#2026', phoneVerified: true });
  admin = { id: a.id, role: 'admin', unitId: null, phoneVerified: true };
  const u = await makeApplicant();
  ownerId = u.id;
  const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id) });
  const f = submitNewFiling(u.id, s.subjectId, 'APP', await appInput(u.id));
  const w = submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { domain: 'icon-site.com.cn' }));
  const pending = submitNewFiling(u.id, s.subjectId, 'APP', await appInput(u.id, { name: '张伟相册' }));
  pendingFilingId = pending.filingId;
  decideApplication(admin, s.applicationId, { decision: '通过' });
  app = { filingId: f.filingId, digits: decideApplication(admin, f.applicationId, { decision: '通过' }).filingNumber!.slice(5, 19) };
  websiteDigits = decideApplication(admin, w.applicationId, { decision: '通过' }).filingNumber!.slice(5, 19);
});

const call = (digits: string, headers: Record<string, string> = {}) =>
  GET(new NextRequest(`http://localhost/api/public/filings/${digits}/icon`, { headers }), { params: Promise.resolve({ digits }) });

describe('GET /api/public/filings/{digits}/icon', () => {
  it('serves a filed APP’s icon as a cacheable JPEG thumbnail, 304 when unchanged', async () => {
    const res = await call(app.digits);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/jpeg');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=3600');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([bytes[0], bytes[1], bytes[2]]).toEqual([0xff, 0xd8, 0xff]);
    expect(Number(res.headers.get('Content-Length'))).toBe(bytes.length);
    const etag = res.headers.get('ETag')!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect((await call(app.digits, { 'if-none-match': etag })).status).toBe(304);
  });

  it('answers 404 for a website’s number, an unknown or malformed one, an unfiled APP and a cancelled one', async () => {
    expect((await call(websiteDigits)).status).toBe(404);
    expect((await call('11010503999999')).status).toBe(404);
    expect((await call('abc')).status).toBe(404);
    const pending = getFilingView(ownerId, 'APP', pendingFilingId);
    expect(pending.status).toBe('待审核');
    expect(pending.filingNumber).toBeNull();
    expect((await call(app.digits)).status).toBe(200);
    policeCancel(admin, { object: 'filing', id: app.filingId }, { reason: '违法违规', detail: '' });
    const res = await call(app.digits);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: '未查询到图标' });
  });
});
