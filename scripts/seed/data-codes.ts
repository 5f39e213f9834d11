/**
 * Demo 数据码 (SPEC §8.1): the demo provider account 刘洋 acts for a 接入服务商 of the directory and
 * has issued one code for the demo applicant 陈静 (her phone and 证件号码), so she sees the pop-up on /my.
 */
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { providerDirectory } from '@/db/schema';
import { linkProviderAccount } from '@/lib/service-providers/accounts';
import { issueDataCode } from '@/lib/data-codes/service';
import { DEMO_ACCOUNTS } from './accounts';

export const DEMO_CODE_PROVIDER = '北京世纪互联宽带数据中心有限公司';

/** `ids`: the demo accounts' ids by phone. */
export function seedDataCodes(ids: Record<string, number>, now = Date.now()): void {
  const provider = ids['13800000004'];
  const entry = getDb()
    .select({ id: providerDirectory.id })
    .from(providerDirectory)
    .where(and(eq(providerDirectory.kind, '接入服务商'), eq(providerDirectory.name, DEMO_CODE_PROVIDER)))
    .get();
  if (!provider || !entry) return;
  linkProviderAccount(provider, { directoryId: entry.id }, ids['13800000001'] ?? null, now);
  const chen = DEMO_ACCOUNTS.find((a) => a.phone === '13800000006')!;
  issueDataCode(
    provider,
    {
      subject: { nature: '个人', name: chen.name, certType: '居民身份证', certNumber: 'idNumber' in chen ? chen.idNumber : '', principalName: chen.name, principalPhone: chen.phone },
      websites: [
        { name: '陈静的摄影博客', domain: 'www.chenjing-photo.cn', ip: '123.57.60.18', accessMethod: '云服务器' },
        { name: '陈静读书笔记', domain: 'www.chenjing-notes.cn', ip: '123.57.60.19', accessMethod: '云服务器' },
      ],
    },
    { now },
  );
}
