/**
 * 是否中央/国家级单位 (SPEC §11.3) through the real services: the 单位 form asks it, only an
 * approved (有效) subject declared 是 may use 中国, 中华, 国家, 人民… in a website name, and the
 * reviewer of the unit may correct the declaration (audited), another unit's reviewer may not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, subjects } from '@/db/schema';
import { makeApplicant, orgSubjectInput, seedUnits, websiteInput } from '@/lib/test/fixtures';
import { createUser } from '@/lib/users/service';
import { createUnit } from '@/lib/units/service';
import { submitNewSubject } from '@/lib/subjects/service';
import { submitNewWebsite } from '@/lib/websites/service';
import { decideApplication } from '@/lib/review/service';
import { isAppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/policy';
import { subjectSchema } from './schemas';
import { correctNationalLevel, declaredNationalLevel } from './national-level';
import { isNationalLevelForNaming } from './rules';

let reviewer: Actor;
let otherReviewer: Actor;
let n = 0;

beforeAll(async () => {
  const units = seedUnits();
  const haidian = createUnit({ name: '海淀分局网安大队', code: '110108' }, null);
  const r = await createUser({ role: 'reviewer', name: '李明', phone: '13566668001', password: 'Secret#2026', unitId: units.chaoyang.id, phoneVerified: true });
  reviewer = { id: r.id, role: 'reviewer', unitId: units.chaoyang.id, phoneVerified: true };
  const o = await createUser({ role: 'reviewer', name: '赵磊', phone: '13566668002', password: 'Secret#2026', unitId: haidian.id, phoneVerified: true });
  otherReviewer = { id: o.id, role: 'reviewer', unitId: haidian.id, phoneVerified: true };
});

/** A 单位 subject (朝阳) with a first website bundled: `name` for that website. */
async function orgWithWebsite(nationalLevel: '是' | '否', name = `书局阅读${++n}站`) {
  const u = await makeApplicant('钱立群');
  const s = submitNewSubject(u.id, { data: await orgSubjectInput(u.id, { nationalLevel, orgName: `中华书局有限公司第${++n}分部`, officeRegion: '110105' }) });
  const w = submitNewWebsite(u.id, s.subjectId, await websiteInput(u.id, { name, domain: `shuju${++n}.com.cn` }));
  return { user: u, subjectId: s.subjectId, subjectAppId: s.applicationId, websiteAppId: w.applicationId };
}

async function fileZhonghua(userId: number, subjectId: number) {
  try {
    submitNewWebsite(userId, subjectId, await websiteInput(userId, { name: '中华书局官网', domain: `zhonghua${++n}.com.cn` }));
    return 'accepted';
  } catch (e) {
    if (isAppError(e)) return e.fieldErrors?.['basic.name'] ?? e.message;
    throw e;
  }
}

describe('the 单位 form asks 是否中央/国家级单位', () => {
  it('is required of 政府机构, 事业单位, 社会团体 and 企业单位, not of 国防军队 or a 个人', async () => {
    const u = await makeApplicant();
    const base = await orgSubjectInput(u.id);
    const missing = subjectSchema.safeParse({ ...base, nationalLevel: undefined });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues.find((i) => i.path[0] === 'nationalLevel')?.message).toBe('请选择是否中央/国家级单位');
    expect(subjectSchema.safeParse({ ...base, unitType: '国防军队', orgCertType: '军队代号', orgCertNumber: 'JD123456', nationalLevel: undefined }).error?.issues.some((i) => i.path[0] === 'nationalLevel') ?? false).toBe(false);
    expect(isNationalLevelForNaming({ nature: '个人', unitType: null, status: '有效', nationalLevel: '是' })).toBe(false);
  });
});

describe('中华书局官网 and the national-level rule', () => {
  it('flag 否: refused even when the subject is 有效', async () => {
    const o = await orgWithWebsite('否');
    decideApplication(reviewer, o.subjectAppId, { decision: '通过' });
    decideApplication(reviewer, o.websiteAppId, { decision: '通过' });
    expect(await fileZhonghua(o.user.id, o.subjectId)).toContain('国家级');
  });

  it('flag 是 but the subject not yet 有效: refused (the first website bundled with it)', async () => {
    const u = await makeApplicant('钱立群');
    const s = submitNewSubject(u.id, { data: await orgSubjectInput(u.id, { nationalLevel: '是', orgName: '中华书局有限公司', officeRegion: '110105' }) });
    expect(getDb().select().from(subjects).where(eq(subjects.id, s.subjectId)).get()!.status).toBe('待审核');
    expect(await fileZhonghua(u.id, s.subjectId)).toContain('国家级');
  });

  it('flag 是 and 有效: accepted', async () => {
    const o = await orgWithWebsite('是');
    decideApplication(reviewer, o.subjectAppId, { decision: '通过' });
    decideApplication(reviewer, o.websiteAppId, { decision: '通过' });
    expect(await fileZhonghua(o.user.id, o.subjectId)).toBe('accepted');
  });
});

describe('the reviewer corrects the declaration', () => {
  it('sees it on the 新增主体, corrects 是 → 否 (audited; the approved subject is then refused); another unit cannot', async () => {
    const o = await orgWithWebsite('是');
    const app = () => getDb().query.applications.findFirst({ where: (a, { eq: e }) => e(a.id, o.subjectAppId) });
    expect(declaredNationalLevel('新增主体', (await app())!.payload)).toBe('是');

    expect(() => correctNationalLevel(otherReviewer, o.subjectAppId, '否')).toThrow('申请不存在或不属于本单位');
    expect(correctNationalLevel(reviewer, o.subjectAppId, '否')).toEqual({ nationalLevel: '否' });
    expect(declaredNationalLevel('新增主体', (await app())!.payload)).toBe('否');
    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.action, 'subject.national_level.correct'), eq(auditLog.objectId, String(o.subjectAppId)))).all();
    expect(audit).toHaveLength(1);
    expect(audit[0].actorId).toBe(reviewer.id);

    decideApplication(reviewer, o.subjectAppId, { decision: '通过' });
    decideApplication(reviewer, o.websiteAppId, { decision: '通过' });
    expect((getDb().select().from(subjects).where(eq(subjects.id, o.subjectId)).get()!.data as { nationalLevel?: string }).nationalLevel).toBe('否');
    expect(await fileZhonghua(o.user.id, o.subjectId)).toContain('国家级');
    // Decided: no more corrections.
    expect(() => correctNationalLevel(reviewer, o.subjectAppId, '是')).toThrow('该申请已办结，不能更正');
  });
});
