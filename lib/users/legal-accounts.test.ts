import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { legalAccounts, users } from '@/db/schema';
import { setSmsAdapter, type SmsAdapter } from '@/lib/notify/channels';
import { decryptPii, hmacPii } from '@/lib/pii/crypto';
import { authenticate } from '@/lib/auth/login';
import { requestAccountCode } from '@/lib/auth/account-codes';
import { fieldErrorsOf } from '@/lib/zod-errors';
import { submitNewSubject } from '@/lib/subjects/service';
import { registerLegalSchema } from './schemas';
import { legalAccountOf, registerLegalAccount } from './accounts';
import { createUser } from './service';

const sms: { phone: string; text: string }[] = [];
const adapter: SmsAdapter = { send: async (phone, text) => void sms.push({ phone, text }) };
beforeAll(() => {
  getDb();
  setSmsAdapter(adapter);
});

/** GB 32100: the 17 characters and their check character. */
function withUsccCheck(first17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = first17.split('').reduce((acc, c, i) => acc + alphabet.indexOf(c) * w[i]!, 0);
  return first17 + alphabet.charAt((31 - (sum % 31)) % 31);
}
function withIdCheck(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

let seq = 0;
const freshPhone = () => `136${String(70_000_000 + ++seq * 4_441).slice(-8)}`;
const freshUscc = () => withUsccCheck(`9111010${String(5_000_000_000 + ++seq).slice(-10)}`);
const codeSentTo = (phone: string) =>
  vi.waitFor(() => {
    const m = sms.filter((s) => s.phone === phone).at(-1)?.text.match(/验证码为 (\d{6})/);
    if (!m) throw new Error(`no code for ${phone}`);
    return m[1]!;
  });

const input = (over: Record<string, unknown> = {}) => ({
  legalType: '企业法人',
  orgName: '北京云栖数据科技有限公司',
  creditCode: freshUscc(),
  repIdType: '居民身份证',
  repName: '陈立新',
  repIdNumber: withIdCheck('11010819750412231'),
  validFrom: '2020-05-01',
  validTo: '9999-12-31',
  phone: freshPhone(),
  smsCode: '123456',
  password: 'Legal#2026',
  confirmPassword: 'Legal#2026',
  agree: true,
  ...over,
});

async function answer(p: Promise<unknown>): Promise<unknown> {
  try {
    return await p;
  } catch (e) {
    const err = e as { message: string; fieldErrors?: Record<string, string> };
    return { message: err.message, fieldErrors: err.fieldErrors };
  }
}

describe('法人注册 (seed 003)', () => {
  it('the form refuses on their fields: a wrong 统一社会信用代码, 王先生 as 法定代表人, an end before the start, two passwords', () => {
    const r = registerLegalSchema.safeParse(input({ creditCode: '91110105MA01ABCD1X', repName: '王先生', validFrom: '2020-05-01', validTo: '2019-05-01', confirmPassword: 'Other#2026', legalType: '公司' }));
    expect(r.success).toBe(false);
    const fe = fieldErrorsOf(r.error!);
    expect(Object.keys(fe).sort()).toEqual(['confirmPassword', 'creditCode', 'legalType', 'repName', 'validTo']);
    expect(fe.validTo).toMatch(/证件/);
    expect(fe.repName).toMatch(/法定代表人姓名|真实姓名|姓名/);
    expect(registerLegalSchema.safeParse(input({ validTo: '2030-05-01' })).success).toBe(true);
  });

  it('with the right 手机验证码 creates the organisation account and its 法定代表人 at once; it logs in by 统一社会信用代码 or phone', async () => {
    const v = registerLegalSchema.parse(input());
    await requestAccountCode('register', v.phone, null);
    const { id } = await registerLegalAccount({ ...v, smsCode: await codeSentTo(v.phone) }, null);
    const u = getDb().select().from(users).where(eq(users.id, id)).get()!;
    expect(u).toMatchObject({ role: 'applicant', name: '北京云栖数据科技有限公司', idType: '统一社会信用代码' });
    expect(u.phoneVerifiedAt).not.toBeNull();
    const legal = getDb().select().from(legalAccounts).where(eq(legalAccounts.userId, id)).get()!;
    expect(legal).toMatchObject({ legalType: '企业法人', repName: '陈立新', repIdType: '居民身份证', validFrom: '2020-05-01', validTo: null });
    // The 法定代表人's 证件号码 is stored encrypted, with a masked copy.
    expect(legal.repIdNumberEnc).not.toContain(v.repIdNumber);
    expect(decryptPii(legal.repIdNumberEnc)).toBe(v.repIdNumber);
    expect(legal.repIdNumberMasked).toMatch(/^110\*+\d{2}$/);

    expect((await authenticate(v.creditCode.toLowerCase(), 'Legal#2026', null)).id).toBe(id);
    expect((await authenticate(v.phone, 'Legal#2026', null)).id).toBe(id);
    expect(legalAccountOf(id)).toMatchObject({ orgName: '北京云栖数据科技有限公司', creditCode: v.creditCode, repName: '陈立新', legalType: '企业法人' });
  });

  it('a 统一社会信用代码 already registered is refused on its field, and nothing is written', async () => {
    const first = registerLegalSchema.parse(input());
    await requestAccountCode('register', first.phone, null);
    await registerLegalAccount({ ...first, smsCode: await codeSentTo(first.phone) }, null);

    const again = registerLegalSchema.parse(input({ creditCode: first.creditCode }));
    await requestAccountCode('register', again.phone, null);
    const before = getDb().select().from(legalAccounts).all().length;
    expect(await answer(registerLegalAccount({ ...again, smsCode: await codeSentTo(again.phone) }, null))).toEqual({
      message: '该统一社会信用代码已注册',
      fieldErrors: { creditCode: '该统一社会信用代码已注册' },
    });
    expect(getDb().select().from(users).where(eq(users.phoneHmac, hmacPii(again.phone))).get()).toBeUndefined();
    expect(getDb().select().from(legalAccounts).all()).toHaveLength(before);
  });

  it('a 个人 account has no 法人 data; a 法人 account cannot copy itself into 负责人信息', async () => {
    const { id: person } = await createUser({ role: 'applicant', name: '刘晓光', phone: freshPhone(), password: 'Secret#2026' });
    expect(legalAccountOf(person)).toBeNull();

    const v = registerLegalSchema.parse(input());
    await requestAccountCode('register', v.phone, null);
    const { id } = await registerLegalAccount({ ...v, smsCode: await codeSentTo(v.phone) }, null);
    const data = { nature: '个人', principalName: '', principalIdType: '居民身份证', principalIdNumber: '', principalPhone: '' } as never;
    expect(await answer(Promise.resolve().then(() => submitNewSubject(id, { data, sameAsAccount: true })))).toMatchObject({ fieldErrors: { principalName: '法人账号请填写负责人信息' } });
  });
});
