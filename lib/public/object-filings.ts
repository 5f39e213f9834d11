/**
 * APP and 小程序 filings as the public sees them (SPEC §15.5): on /query/{digits}, in the 公共查询
 * results of 查询类型 APP / 小程序 and in GET /api/public/filings?type=app|mini-program. The
 * registry's public fields, a person's name masked, a cancelled number shown as 已注销. Only
 * filings that were ever given a number are public.
 */
import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { filings, policeUnits, subjects, type FilingKind } from '@/db/schema';
import { maskName } from '@/lib/pii/mask';
import { isFilingDigits } from '@/lib/review/filing-number';
import { withSpec } from '@/lib/filings/kinds';
import { appStoreDomains, miniProgramPlatformText } from '@/lib/filings/display';
import type { StoredFiling } from '@/lib/filings/types';

/** One identifier as filed: an APP's 包名 on a 运行平台, a 小程序's 小程序ID on its 所属平台. */
export type PublicIdent = { platform: string; ident: string };

export type PublicObjectFiling = {
  kind: FilingKind;
  digits: string;
  filingNumber: string;
  name: string;
  /** 运行平台 / 所属平台 as shown. */
  platforms: string;
  /** 包名 per 运行平台 / the 小程序ID, as filed (the form's spelling). */
  idents: PublicIdent[];
  subjectName: string;
  filedAt: number | null;
  unitName: string | null;
  /** 已备案 (also while a change or cancellation is under review) or 已注销. */
  status: '已备案' | '已注销';
  /** Whether /api/public/filings/{digits}/icon serves an icon: a filed object's, never a cancelled one's. */
  hasIcon: boolean;
};

/** The identifiers as filed (the form's spelling), each with its platform or what it is. */
function identsOf(data: StoredFiling): PublicIdent[] {
  switch (data.kind) {
    case 'APP':
      return data.basic.platforms.map((p) => ({ platform: p.platform, ident: p.packageName }));
    case '小程序':
      return [{ platform: miniProgramPlatformText(data.basic), ident: data.basic.appId }];
    case '应用市场':
      return appStoreDomains(data.basic).map((d) => ({ platform: '网址', ident: d }));
    case '服务商':
      return [{ platform: '增值电信业务经营许可证编号', ident: data.basic.licenceNumber }];
  }
}

const SELECTION = { f: filings, subjectName: subjects.name, nature: subjects.nature, unitName: policeUnits.name };

type Row = { f: typeof filings.$inferSelect; subjectName: string; nature: string; unitName: string | null };

function toPublic(r: Row): PublicObjectFiling | null {
  if (!r.f.filingDigits || !r.f.filingNumber) return null;
  const status = r.f.status === '已注销' ? '已注销' : '已备案';
  return {
    kind: r.f.kind,
    digits: r.f.filingDigits,
    filingNumber: r.f.filingNumber,
    name: r.f.name,
    platforms: withSpec(r.f.data, (spec, b) => spec.platformText(b)),
    idents: identsOf(r.f.data),
    subjectName: r.nature === '个人' ? maskName(r.subjectName) : r.subjectName,
    filedAt: r.f.filedAt,
    unitName: r.unitName,
    status,
    hasIcon: status === '已备案' && !!withSpec(r.f.data, (spec, b) => spec.iconFileId(b)),
  };
}

function query() {
  return getDb()
    .select(SELECTION)
    .from(filings)
    .innerJoin(subjects, eq(subjects.id, filings.subjectId))
    .leftJoin(policeUnits, eq(policeUnits.id, filings.filingUnitId));
}

export function getPublicObjectFiling(digits: string): PublicObjectFiling | null {
  if (!isFilingDigits(digits)) return null;
  const r = query().where(eq(filings.filingDigits, digits)).get();
  return r ? toPublic(r) : null;
}

/** The public view of these filings, in the order of `ids`; ids without a number are left out. */
export function loadPublicObjectFilings(ids: number[]): PublicObjectFiling[] {
  if (ids.length === 0) return [];
  const byId = new Map(query().where(inArray(filings.id, ids)).all().map((r) => [r.f.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    const p = r ? toPublic(r) : null;
    return p ? [p] : [];
  });
}

/** The filing id behind 14 digits if it is of this kind and was given that number. */
export function objectFilingIdByDigits(kind: FilingKind, digits: string): number | null {
  if (!isFilingDigits(digits)) return null;
  const row = getDb().select({ id: filings.id, kind: filings.kind }).from(filings).where(eq(filings.filingDigits, digits)).get();
  return row && row.kind === kind ? row.id : null;
}

/**
 * The stored file id of the icon of a filed APP or 小程序 (the public icon route serves its
 * thumbnail): null for an unknown number, a filing never numbered, or a cancelled one.
 */
export function publicIconFileId(digits: string): number | null {
  if (!isFilingDigits(digits)) return null;
  const r = getDb().select({ status: filings.status, data: filings.data }).from(filings).where(eq(filings.filingDigits, digits)).get();
  if (!r || r.status === '已注销') return null;
  return withSpec(r.data, (spec, b) => spec.iconFileId(b));
}
