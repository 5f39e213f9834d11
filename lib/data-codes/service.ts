/**
 * 数据码 (SPEC §8.1): issued by a provider account that acts for a filed 服务商 or a directory
 * provider, through the 签发数据码 form or the API. The code is kept encrypted and found by its
 * HMAC; the subject's 证件号码 and the principal's phone only as HMAC (for matching accounts) and
 * encrypted inside the payload (for the drafts the bound applicant creates).
 */
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { dataCodes, filings, providerAccounts, providerDirectory } from '@/db/schema';
import { encryptPii, decryptPii, hmacPii } from '@/lib/pii/crypto';
import { maskIdNumber, maskPhone } from '@/lib/pii/mask';
import { writeAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/zod-errors';
import { CODE_VALID_MS, formatCode, generateCode, maskCode } from './code';
import { dataCodeSchema, type DataCodeData } from './schemas';
import type { IssuingProvider, StoredDataCode } from './types';

/** A 服务商 counts as filed while it holds its number. */
const FILED = ['已备案', '变更中', '注销中'];

export const NOT_LINKED = '本账号尚未关联服务商，不能签发数据码。请联系管理员在账号管理中关联服务商。';

/** The provider an account issues codes for (its name is filled in as 网络接入服务商), or null. */
export function issuingProvider(userId: number): IssuingProvider | null {
  const db = getDb();
  const link = db.select().from(providerAccounts).where(eq(providerAccounts.userId, userId)).get();
  if (!link) return null;
  if (link.filingId != null) {
    const f = db.select({ name: filings.name, status: filings.status, subjectId: filings.subjectId }).from(filings).where(eq(filings.id, link.filingId)).get();
    if (!f || !FILED.includes(f.status)) return null;
    // A filed 服务商 is in the provider directory by its 服务地区; the first entry gives 所属地区.
    const d = db.select({ regionCode: providerDirectory.regionCode }).from(providerDirectory).where(eq(providerDirectory.filingId, link.filingId)).get();
    return { name: f.name, scope: '境内', regionCode: d?.regionCode ?? null };
  }
  if (link.directoryId != null) {
    const d = db
      .select({ name: providerDirectory.name, scope: providerDirectory.scope, regionCode: providerDirectory.regionCode })
      .from(providerDirectory)
      .where(and(eq(providerDirectory.id, link.directoryId), isNull(providerDirectory.cancelledAt)))
      .get();
    return d ?? null;
  }
  return null;
}

export function sealDataCode(d: DataCodeData, provider?: IssuingProvider): StoredDataCode {
  const { certNumber, principalPhone, ...rest } = d.subject;
  return {
    subject: {
      ...rest,
      certNumberEnc: encryptPii(certNumber),
      certNumberMasked: maskIdNumber(certNumber),
      principalPhoneEnc: encryptPii(principalPhone),
      principalPhoneMasked: maskPhone(principalPhone),
    },
    websites: d.websites,
    ...(provider ? { provider } : {}),
  };
}

/** The full data, for the applicant who bound the code (drafts) — never for lists. */
export function openDataCode(stored: StoredDataCode): DataCodeData {
  const { certNumberEnc, principalPhoneEnc, certNumberMasked: _c, principalPhoneMasked: _p, ...rest } = stored.subject;
  void _c;
  void _p;
  return { subject: { ...rest, certNumber: decryptPii(certNumberEnc), principalPhone: decryptPii(principalPhoneEnc) }, websites: stored.websites };
}

export type IssuedCode = { id: number; code: string; display: string; expiresAt: number };

/**
 * 签发数据码: checks the input with the form's schema, draws a fresh code and stores it. Throws
 * AppError('invalid') with Chinese messages per field path, or 'forbidden' when the account acts
 * for no provider.
 */
export function issueDataCode(providerUserId: number, input: unknown, opts: { apiKeyId?: number | null; now?: number } = {}): IssuedCode {
  const now = opts.now ?? Date.now();
  const provider = issuingProvider(providerUserId);
  if (!provider) throw new AppError('forbidden', NOT_LINKED);
  const parsed = dataCodeSchema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid', '请检查填写的信息', fieldErrorsOf(parsed.error));
  const d = parsed.data;
  return getDb().transaction((tx) => {
    for (;;) {
      const code = generateCode();
      const codeHmac = hmacPii(`data-code:${code}`);
      if (tx.select({ id: dataCodes.id }).from(dataCodes).where(eq(dataCodes.codeHmac, codeHmac)).get()) continue; // 2^-80; still checked
      const expiresAt = now + CODE_VALID_MS;
      const row = tx
        .insert(dataCodes)
        .values({
          codeHmac,
          codeEnc: encryptPii(code),
          codeMasked: maskCode(code),
          providerUserId,
          providerName: provider.name,
          apiKeyId: opts.apiKeyId ?? null,
          subjectName: d.subject.name,
          websiteCount: d.websites.length,
          phoneHmac: hmacPii(d.subject.principalPhone),
          idHmac: hmacPii(d.subject.certNumber),
          payload: sealDataCode(d, provider),
          expiresAt,
          createdAt: now,
        })
        .returning({ id: dataCodes.id })
        .get();
      writeAudit(
        { actorId: providerUserId, action: 'data_code.issue', objectType: 'data_code', objectId: row.id, before: null, after: { subjectName: d.subject.name, websites: d.websites.length, via: opts.apiKeyId ? 'api' : 'form' } },
        tx,
      );
      return { id: row.id, code, display: formatCode(code), expiresAt };
    }
  });
}

/** The HMAC a code is found by. */
export const codeHmacOf = (code: string) => hmacPii(`data-code:${code}`);
