/** Legacy filings (SPEC §8.3) for tests, sealed with the real PII helpers (no import code needed). */
import { getDb } from '@/db/client';
import { legacyFilings } from '@/db/schema';
import { encryptPii, hmacPii } from '@/lib/pii/crypto';
import { maskIdNumber, maskPhone } from '@/lib/pii/mask';
import { formatFilingNumber } from '@/lib/review/filing-number';

let seq = 0;

export type LegacyOver = {
  unitCode?: string;
  seq?: number;
  name?: string;
  domain?: string;
  subjectName?: string;
  certType?: string;
  certNumber?: string;
  phone?: string;
  filedOn?: string;
  importedAt?: number;
};

/** One unclaimed legacy row; the old number is `{unitCode}02{seq}` (default 110105, seq from 900001). */
export function insertLegacyFiling(over: LegacyOver = {}) {
  seq++;
  const n = formatFilingNumber(over.unitCode ?? '110105', over.seq ?? 900_000 + seq, '02');
  const cert = over.certNumber ?? `91110105LEGACY${String(seq).padStart(4, '0')}`;
  const phone = over.phone ?? `1360000${String(seq).padStart(4, '0')}`;
  const domain = over.domain ?? `www.legacy-${seq}.com.cn`;
  return getDb()
    .insert(legacyFilings)
    .values({
      oldDigits: n.digits,
      oldNumber: n.number,
      name: over.name ?? `旧备案网站${seq}`,
      domain,
      domainAscii: domain.toLowerCase(),
      subjectName: over.subjectName ?? '北京旧站科技有限公司',
      certType: over.certType ?? '统一社会信用代码证',
      certNumberHmac: hmacPii(cert),
      certNumberMasked: maskIdNumber(cert),
      principalPhoneEnc: encryptPii(phone),
      principalPhoneHmac: hmacPii(phone),
      principalPhoneMasked: maskPhone(phone),
      filedOn: over.filedOn ?? '2015-06-01',
      importedAt: over.importedAt ?? Date.now(),
    })
    .returning()
    .get();
}
