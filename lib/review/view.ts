/**
 * Read-only helpers for the reviewer's pages (/review, /review/[id]): nothing here changes data
 * or decides who may see what — the callers got the applications from lib/review/service first.
 */
import 'server-only';
import { inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, files, users } from '@/db/schema';
import { SUBJECT_FIELD_LABELS } from '@/lib/subjects/labels';
import { CONTACT_FILE_LABELS, CONTACT_TITLES, WEBSITE_CANCEL_LABELS } from '@/lib/websites/labels';
import { namingHints, type NamingHint } from '@/lib/websites/naming';

/** Beijing calendar date (办理时限 is the end of a working day, the time adds nothing). */
export { formatDate } from '@/lib/time';

/** 审核时间 and 审核人 of decided applications (the 已办 list). */
export function decidedInfo(ids: number[]): Map<number, { decidedAt: number | null; decider: string | null }> {
  if (!ids.length) return new Map();
  const db = getDb();
  const rows = db
    .select({ id: applications.id, decidedAt: applications.decidedAt, decidedBy: applications.decidedBy })
    .from(applications)
    .where(inArray(applications.id, ids))
    .all();
  const deciderIds = [...new Set(rows.map((r) => r.decidedBy).filter((v): v is number => !!v))];
  const names = new Map(
    deciderIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, deciderIds)).all().map((u) => [u.id, u.name] as const) : [],
  );
  return new Map(rows.map((r) => [r.id, { decidedAt: r.decidedAt, decider: r.decidedBy ? (names.get(r.decidedBy) ?? null) : null }]));
}

export type AttachedFile = { id: number; label: string; kind: 'image' | 'pdf'; name: string };

const CONTACT_LABELS: Record<string, string> = CONTACT_TITLES;
const FILE_LABELS: Record<string, string> = CONTACT_FILE_LABELS;

const asId = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^\d{1,16}$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
};

/** What the upload at `path` (keys from the payload's root) is, for its caption. */
function fileLabel(path: (string | number)[], parent: Record<string, unknown>): string | null {
  const key = String(path.at(-1));
  const contact = path.find((p) => typeof p === 'string' && p in CONTACT_LABELS) as string | undefined;
  if (contact && key in FILE_LABELS) return `${CONTACT_LABELS[contact]}${FILE_LABELS[key]}`;
  if (path.includes('controlledItems') && typeof parent.item === 'string') return `${parent.item}资质证明`;
  if (path.includes('permits') && typeof parent.item === 'string') return `${parent.item}许可证件`;
  if (key === 'attachmentFileId') return WEBSITE_CANCEL_LABELS.attachmentFileId;
  if (key in SUBJECT_FIELD_LABELS) return SUBJECT_FIELD_LABELS[key as keyof typeof SUBJECT_FIELD_LABELS];
  return null;
}

/**
 * Every upload a submitted payload refers to (keys ending in `FileId` / `fileId`, and the
 * 域名证书 map), captioned, with its kind: the reviewer sees them all in one place.
 */
export function applicationFiles(payload: Record<string, unknown>): AttachedFile[] {
  const found: { id: number; label: string | null }[] = [];
  const visit = (value: unknown, path: (string | number)[], depth: number) => {
    if (depth > 8 || found.length > 100 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, i], depth + 1));
      return;
    }
    const obj = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'domainCertificates' && v && typeof v === 'object' && !Array.isArray(v)) {
        for (const [domain, id] of Object.entries(v as Record<string, unknown>)) {
          const n = asId(id);
          if (n) found.push({ id: n, label: `域名证书（${domain}）` });
        }
      } else if (/fileid$/i.test(k)) {
        const n = asId(v);
        if (n) found.push({ id: n, label: fileLabel([...path, k], obj) });
      } else if (v && typeof v === 'object') visit(v, [...path, k], depth + 1);
    }
  };
  visit(payload, [], 0);
  const ids = [...new Set(found.map((f) => f.id))];
  if (!ids.length) return [];
  const rows = new Map(
    getDb()
      .select({ id: files.id, kind: files.kind, name: files.originalName })
      .from(files)
      .where(inArray(files.id, ids))
      .all()
      .map((r) => [r.id, r] as const),
  );
  const seen = new Set<number>();
  const out: AttachedFile[] = [];
  for (const f of found) {
    const row = rows.get(f.id);
    if (!row || seen.has(f.id)) continue;
    seen.add(f.id);
    out.push({ id: f.id, kind: row.kind, name: row.name, label: f.label ?? row.name });
  }
  return out;
}

type BasicLike = {
  name?: unknown;
  domains?: { domain?: unknown }[];
  interactive?: unknown;
  permitsNeeded?: unknown;
  permits?: { item?: unknown }[];
};

/**
 * The naming rules checked against a 新办网站 / 变更网站 payload, with its subject as context
 * (national level: the subject's approved 是否中央/国家级单位, lib/subjects/rules namingSubjectOf).
 * Null when the payload holds no website.
 */
export function websiteNamingHints(payload: Record<string, unknown>, subject: { nature: '个人' | '单位'; unitType?: string | null; nationalLevel?: boolean } | null): NamingHint[] | null {
  const website = payload.website as { basic?: BasicLike } | undefined;
  const b = website?.basic;
  if (!b || typeof b !== 'object' || typeof b.name !== 'string') return null;
  return namingHints({
    name: b.name,
    domains: (Array.isArray(b.domains) ? b.domains : []).map((d) => (typeof d?.domain === 'string' ? d.domain : '')).filter(Boolean),
    subject: { nature: subject?.nature ?? '个人', unitType: subject?.unitType ?? undefined, nationalLevel: subject?.nationalLevel ?? false },
    permits: b.permitsNeeded === '是' && Array.isArray(b.permits) ? b.permits.map((p) => String(p?.item ?? '')).filter(Boolean) : [],
    interactive: b.interactive === '是',
  });
}
