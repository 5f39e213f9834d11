/**
 * Every exported server action is a public POST endpoint (SPEC §13): whatever a forged request
 * sends — nothing, null, a string, 100,001-character values, lists where objects belong — it
 * answers a Chinese error and never crashes. The modules are found on disk, so a new action is
 * swept without editing this file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect, beforeAll, vi } from 'vitest';
import type { z } from 'zod';
import { GENERIC_ERROR } from '@/lib/errors';
import type { CurrentUser } from '@/lib/auth/session';

// The session cookie is next-auth's business (and tested with it); here the signed-in user is given.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user, requirePage: async () => session.user }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('next/server', async (orig) => ({ ...(await orig<object>()), after: () => {} }));

import { MALFORMED_INPUT, schemaOfAction } from './actions';
import { createUser } from '@/lib/users/service';
import { makeApplicant, orgSubjectInput, seedUnits, websiteInput } from '@/lib/test/fixtures';
import { getDb } from '@/db/client';

const ROOT = path.resolve(import.meta.dirname, '..');
const LONG = 'x'.repeat(100_001);
const HAN = /\p{Script=Han}/u;

/** Modules whose first statement is 'use server', under app/ and lib/. */
function serverModules(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(p);
      } else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) {
        const head = fs.readFileSync(p, 'utf8').replace(/^(\s|\/\/.*\n|\/\*[\s\S]*?\*\/)*/, '');
        if (/^['"]use server['"]/.test(head)) out.push(p);
      }
    }
  };
  walk(path.join(ROOT, 'app'));
  walk(path.join(ROOT, 'lib'));
  return out.sort();
}

// Owned by the accounts work (the login redirect): not a defineAction; swept once it is.
// postLoginPath answers a path, not an ActionResult; any input (an object, a number, null) falls back
// to the role's home through safeCallbackPath (lib/auth/callback-url.test.ts).
const NOT_SWEPT = new Set(['lib/auth/actions.ts#postLoginPath']);

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; options?: z.ZodType[] };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * A payload shaped like the schema with every leaf replaced: `leaf` for values, and lists /
 * records too when `deep` is false (a string where a list or an object belongs).
 */
function hostile(schema: z.ZodType, leaf: unknown, deep: boolean, depth = 0): unknown {
  const def = defOf(schema);
  if (depth > 8) return leaf;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return hostile(def.innerType!, leaf, deep, depth);
    case 'pipe':
      return hostile(def.in!, leaf, deep, depth);
    case 'union':
      return hostile(def.options![0]!, leaf, deep, depth);
    case 'object':
      return Object.fromEntries(Object.entries(def.shape!).map(([k, v]) => [k, hostile(v, leaf, deep, depth + 1)]));
    case 'array':
      return deep ? [hostile(def.element!, leaf, deep, depth + 1)] : leaf;
    case 'record':
      return deep ? { [String(leaf).slice(0, 1000)]: leaf } : leaf;
    default:
      return leaf;
  }
}

type Action = (raw: unknown) => Promise<{ ok: boolean; formError?: string; fieldErrors?: Record<string, string> }>;
type Found = { id: string; action: Action; schema: z.ZodType | undefined };

let found: Found[] = [];
let users: CurrentUser[] = [];

beforeAll(async () => {
  seedUnits();
  const applicant = await makeApplicant();
  const admin = await createUser({ role: 'admin', name: '王建国', phone: '13770008888', password: 'Secret#2026', phoneVerified: true });
  users = [
    { id: applicant.id, role: 'applicant', unitId: null, name: applicant.name, phoneVerified: true, emailVerified: true },
    { id: admin.id, role: 'admin', unitId: null, name: '王建国', phoneVerified: true, emailVerified: false },
    { id: 999_999, role: 'provider', unitId: null, name: '服务商', phoneVerified: true, emailVerified: false },
  ];
  for (const file of serverModules()) {
    const mod = (await import(file)) as Record<string, unknown>;
    const rel = path.relative(ROOT, file);
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== 'function' || NOT_SWEPT.has(`${rel}#${name}`)) continue;
      found.push({ id: `${rel}#${name}`, action: value as Action, schema: schemaOfAction(value) });
    }
  }
  found = found.sort((a, b) => a.id.localeCompare(b.id));
}, 120_000);

/** A result a person can read: ok, or a refusal in Chinese with Chinese field errors, never the crash message. */
function problemsOf(r: Awaited<ReturnType<Action>>): string[] {
  if (typeof r !== 'object' || r === null) return [`answered ${String(r)}`];
  if (r.ok) return [];
  const out: string[] = [];
  if (!HAN.test(r.formError ?? '')) out.push(`formError ${JSON.stringify(r.formError)}`);
  if (r.formError === GENERIC_ERROR) out.push('crashed (系统繁忙)');
  for (const [field, message] of Object.entries(r.fieldErrors ?? {})) if (!HAN.test(message)) out.push(`${field}: ${JSON.stringify(message).slice(0, 120)}`);
  return out;
}

describe('every exported server action', () => {
  it('is found and goes through defineAction (so it checks permission and parses its input)', () => {
    expect(found.length).toBeGreaterThan(40);
    expect(found.filter((f) => !f.schema).map((f) => f.id)).toEqual([]);
  });

  it('answers {}, null, a string, a list and hostile values in Chinese, for every role, and never throws', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const reachedValidation = new Set<string>();
    const problems: string[] = [];
    for (const { id, action, schema } of found) {
      const accepts = (v: unknown) => !!schema?.safeParse(v).success;
      const inputs: [string, unknown][] = [
        ['{}', {}],
        ['null', null],
        ['undefined', undefined],
        ["'x'", 'x'],
        ['[]', []],
        ['42', 42],
        ['long strings', schema ? hostile(schema, LONG, true) : { LONG }],
        ['strings for lists', schema ? hostile(schema, LONG, false) : { LONG }],
        ['numbers everywhere', schema ? hostile(schema, 12345, true) : {}],
        ['null everywhere', schema ? hostile(schema, null, true) : {}],
      ];
      for (const user of [null, ...users]) {
        session.user = user;
        for (const [what, input] of inputs) {
          const label = `${id} as ${user?.role ?? 'anonymous'} with ${what}`;
          let r: Awaited<ReturnType<Action>>;
          try {
            r = await action(input);
          } catch (e) {
            problems.push(`${label}: threw ${String(e)}`);
            continue;
          }
          for (const p of problemsOf(r)) problems.push(`${label}: ${p}`);
          const refusedByPolicy = !r.ok && (r.formError === '您没有权限执行此操作' || r.formError === '登录已过期，请重新登录');
          if (!refusedByPolicy) reachedValidation.add(id);
          // Only an input the schema itself accepts may go through; never a non-object.
          if (r.ok && !accepts(input)) problems.push(`${label}: accepted`);
          if (r.ok && (typeof input !== 'object' || input === null || Array.isArray(input))) problems.push(`${label}: accepted a non-object`);
        }
      }
    }
    expect(problems).toEqual([]);
    // Every action was reached past its permission check by at least one role.
    expect(found.map((f) => f.id).filter((id) => !reachedValidation.has(id))).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  }, 300_000);
});

describe('length and character limits reach the action', () => {
  const applicantUser = () => users.find((u) => u.role === 'applicant')!;
  const count = (table: string) => getDb().$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

  it('refuses a 100,001-character 主办单位名称 on the field, and stores nothing', async () => {
    const { submitNewSubjectAction } = await import('@/lib/subjects/actions');
    session.user = applicantUser();
    const before = count('applications');
    const data = await orgSubjectInput(session.user.id, { orgName: '北京云帆网络科技有限公司'.repeat(8334).slice(0, 100_001) });
    const r = await submitNewSubjectAction({ data, sameAsAccount: false, draftId: null, resubmitOf: null });
    expect(r).toMatchObject({ ok: false, fieldErrors: { 'data.orgName': '主办单位名称不能超过100个字' } });
    expect(count('applications')).toBe(before);
    // 100 characters still go through.
    const ok = await submitNewSubjectAction({ data: { ...data, orgName: `北京${'云'.repeat(92)}科技有限公司` }, sameAsAccount: false, draftId: null, resubmitOf: null });
    expect(ok).toMatchObject({ ok: true });
  });

  it('refuses hidden characters in 主办单位名称 and 网站名称 on the field', async () => {
    const { submitNewSubjectAction } = await import('@/lib/subjects/actions');
    const { submitNewWebsiteAction } = await import('@/lib/websites/actions');
    session.user = applicantUser();
    const data = await orgSubjectInput(session.user.id, { orgName: '北京云帆\u202E司公限有技科' });
    const r = await submitNewSubjectAction({ data, sameAsAccount: false, draftId: null, resubmitOf: null });
    expect(r).toMatchObject({ ok: false, fieldErrors: { 'data.orgName': '主办单位名称不能包含改变文字方向的控制字符' } });
    const w = await websiteInput(session.user.id, { name: '云帆\u200B摄影' });
    const rw = await submitNewWebsiteAction({ subjectId: 1, data: w, draftId: null });
    expect(rw).toMatchObject({ ok: false, fieldErrors: { 'data.basic.name': '网站名称不能包含零宽字符等不可见字符' } });
    const long = await submitNewWebsiteAction({ subjectId: 1, data: await websiteInput(session.user.id, { name: '站'.repeat(100_001) }), draftId: null });
    expect(long).toMatchObject({ ok: false, fieldErrors: { 'data.basic.name': '网站名称不能超过50个字' } });
  });

  it('answers submitNewWebsiteAction({}) and (null) with Chinese validation errors', async () => {
    const { submitNewWebsiteAction } = await import('@/lib/websites/actions');
    session.user = applicantUser();
    const call = submitNewWebsiteAction as (raw: unknown) => ReturnType<typeof submitNewWebsiteAction>;
    expect(await call({})).toEqual({
      ok: false,
      formError: '请检查填写的内容',
      fieldErrors: { subjectId: '请填写主体', data: '请填写提交内容', draftId: '请填写草稿' },
    });
    expect(await call(null)).toEqual({ ok: false, formError: MALFORMED_INPUT });
    expect(await call('x')).toEqual({ ok: false, formError: MALFORMED_INPUT });
    const r = await call({ subjectId: 1, draftId: null, data: { basic: { domains: 'x', controlled: '是', controlledItems: 'x', permitsNeeded: '是', permits: 7 } } });
    expect(r).toMatchObject({
      ok: false,
      fieldErrors: {
        'data.basic.name': '请填写网站名称',
        'data.basic.domains': '请填写网站域名',
        'data.basic.controlledItems': '请选择涉及的管制物品',
        'data.basic.permits': '请选择相关前置许可',
        'data.contacts': '请填写网站负责人信息',
      },
    });
  });
});
