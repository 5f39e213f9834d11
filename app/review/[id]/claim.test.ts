/**
 * A GET never writes (issue 13): rendering the decision page leaves the application as it is;
 * the page claims it through claimApplicationAction once shown, and an application waiting for
 * its 新增主体 (only 退回 is possible) is not claimed.
 */
import { describe, it, expect, beforeAll, vi } from 'vitest';
import type { CurrentUser } from '@/lib/auth/session';

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user, requirePage: async () => session.user }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('next/server', async (orig) => ({ ...(await orig<object>()), after: () => {} }));

import { createUser } from '@/lib/users/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { decideApplication } from '@/lib/review/service';
import { applicationRow as row, makeApplicant, personSubjectInput, seedUnits, websiteInput } from '@/lib/test/fixtures';
import { claimApplicationAction } from '@/lib/review/actions';
import ReviewApplicationPage from './page';

const render = (id: number) => ReviewApplicationPage({ params: Promise.resolve({ id: String(id) }) });

let reviewer: CurrentUser;
let seq = 0;

async function bundle() {
  const u = await makeApplicant();
  const s = submitNewSubject(u.id, { data: await personSubjectInput(u.id, { principalPhone: `1356${String(++seq).padStart(7, '0')}` }) });
  const w = submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { domain: `claim${seq}.com.cn` }));
  return { subjectAppId: s.applicationId, websiteAppId: w.applicationId };
}

beforeAll(async () => {
  const units = seedUnits();
  const { id } = await createUser({ role: 'reviewer', name: '李明', phone: '13770001234', password: 'Secret#2026', unitId: units.chaoyang.id, phoneVerified: true });
  reviewer = { id, role: 'reviewer', unitId: units.chaoyang.id, phoneVerified: true, name: '李明', emailVerified: false };
  session.user = reviewer;
});

describe('the decision page claims through an action, never while rendering', () => {
  it('rendering the page does not change the application', async () => {
    const b = await bundle();
    const before = row(b.subjectAppId);
    await render(b.subjectAppId);
    await render(b.subjectAppId);
    expect(row(b.subjectAppId)).toEqual(before);
    expect(before).toMatchObject({ status: '待审核', claimedBy: null, claimedUntil: null });
  });

  it('claimApplicationAction claims it for the reviewer', async () => {
    const b = await bundle();
    const res = await claimApplicationAction({ id: b.subjectAppId });
    expect(res).toMatchObject({ ok: true, data: { mine: true, claimedBy: reviewer.id } });
    expect(row(b.subjectAppId)).toMatchObject({ status: '审核中', claimedBy: reviewer.id });
    expect(row(b.subjectAppId).claimedUntil).toBeGreaterThan(Date.now());
  });

  it('does not claim a website application waiting for its bundled 新增主体; 退回 still works', async () => {
    const b = await bundle();
    const before = row(b.websiteAppId);
    const res = await claimApplicationAction({ id: b.websiteAppId });
    expect(res).toMatchObject({ ok: true, data: { mine: false, claimedBy: null } });
    expect(row(b.websiteAppId)).toEqual(before);
    decideApplication(reviewer, b.websiteAppId, { decision: '退回', reason: '网站名称不规范' });
    expect(row(b.websiteAppId)).toMatchObject({ status: '退回', decidedBy: reviewer.id });
  });

  it('claims the website once its subject is decided', async () => {
    const b = await bundle();
    decideApplication(reviewer, b.subjectAppId, { decision: '通过' });
    expect(await claimApplicationAction({ id: b.websiteAppId })).toMatchObject({ ok: true, data: { mine: true } });
    expect(row(b.websiteAppId)).toMatchObject({ status: '审核中', claimedBy: reviewer.id });
  });
});
