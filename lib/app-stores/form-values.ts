/**
 * 02 应用市场基本信息 as the wizard holds it (网址 and 域名证书 as the website wizard holds them), and
 * how it maps to the schema (lib/app-stores/schemas.ts), to drafts and back from a stored 应用市场. Pure.
 */
import type { AppStoreBasicData, AppStoreBasicInput } from './schemas';
import { fileId, list, obj, region, scope, text, type Scope } from '@/lib/forms/draft-values';
import { emptyServiceValues, serviceFileIds, serviceInput, serviceValuesOf, type ServiceFormValues } from '@/lib/forms/service-values';
import { registrableDomains } from '@/lib/websites/domains';

export type AppStoreFormBasic = {
  name: string;
  domains: { domain: string; primary: boolean }[];
  /** One 域名证书 per registrable domain, kept when a domain is edited away (as the website wizard). */
  certificates: { registrable: string; fileId: number | null }[];
  ipRanges: { start: string; end: string }[];
  accessScope: Scope;
  accessRegion: string;
  accessName: string;
  appCount: string;
  reviewMechanism: string;
} & ServiceFormValues;

export function emptyAppStoreBasic(): AppStoreFormBasic {
  return {
    name: '',
    domains: [{ domain: '', primary: true }],
    certificates: [],
    ipRanges: [{ start: '', end: '' }],
    accessScope: '境内',
    accessRegion: '',
    accessName: '',
    appCount: '',
    reviewMechanism: '',
    ...emptyServiceValues(),
  };
}

export function appStoreBasicOf(src: unknown): AppStoreFormBasic {
  const b = obj(src);
  const e = emptyAppStoreBasic();
  const domains = list(b.domains).map((x) => ({ domain: text(obj(x).domain, 253), primary: obj(x).primary === true }));
  if (!domains.length) domains.push(...e.domains);
  const firstPrimary = domains.findIndex((x) => x.primary);
  domains.forEach((x, i) => (x.primary = i === (firstPrimary < 0 ? 0 : firstPrimary)));
  const certs = Array.isArray(b.certificates)
    ? list(b.certificates, 40).map(obj)
    : Object.entries(obj(b.domainCertificates)).map(([registrable, f]) => ({ registrable, fileId: f }));
  const ipRanges = list(b.ipRanges).map((x) => ({ start: text(obj(x).start, 64), end: text(obj(x).end, 64) }));
  return {
    name: text(b.name, 50),
    domains,
    certificates: certs.filter((c) => typeof c.registrable === 'string' && c.registrable.length <= 253).map((c) => ({ registrable: c.registrable as string, fileId: fileId(c.fileId) })),
    ipRanges: ipRanges.length ? ipRanges : e.ipRanges,
    accessScope: scope(b.accessScope),
    accessRegion: region(b.accessRegion),
    accessName: text(b.accessName, 100),
    appCount: text(b.appCount, 12),
    reviewMechanism: text(b.reviewMechanism, 500),
    ...serviceValuesOf(b),
  };
}

export function appStoreBasicInput(b: AppStoreFormBasic): AppStoreBasicInput {
  const regs = registrableDomains(b.domains.map((d) => d.domain));
  return {
    name: b.name,
    domains: b.domains.map((d) => ({ domain: d.domain, primary: d.primary })),
    domainCertificates: Object.fromEntries(regs.map((r) => [r, b.certificates.find((c) => c.registrable === r)?.fileId ?? null])),
    ipRanges: b.ipRanges,
    accessScope: b.accessScope,
    accessRegion: b.accessScope === '境内' ? b.accessRegion : '',
    accessName: b.accessName,
    appCount: b.appCount,
    reviewMechanism: b.reviewMechanism,
    ...serviceInput(b),
  } as AppStoreBasicInput;
}

export function appStoreBasicFileIds(b: AppStoreFormBasic): number[] {
  return [...b.certificates.map((c) => c.fileId), ...serviceFileIds(b)].filter((f): f is number => !!f);
}

export function appStoreBasicFromStored(b: AppStoreBasicData): AppStoreFormBasic {
  return appStoreBasicOf(b);
}

/** Server paths → form paths: a missing certificate goes to its upload, list errors to `.root`. */
export function appStoreFormPath(p: string, b?: AppStoreFormBasic): string {
  const certPrefix = 'basic.domainCertificates.';
  if (p.startsWith(certPrefix)) {
    const i = b?.certificates.findIndex((c) => c.registrable === p.slice(certPrefix.length)) ?? -1;
    return i >= 0 ? `basic.certificates.${i}.fileId` : 'basic.domains.root';
  }
  if (['basic.domains', 'basic.ipRanges', 'basic.controlledItems', 'basic.permits', 'basic.domainCertificates'].includes(p)) return p === 'basic.domainCertificates' ? 'basic.domains.root' : `${p}.root`;
  return p;
}
