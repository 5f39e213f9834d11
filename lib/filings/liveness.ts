/**
 * 注销应用市场 liveness check (SPEC §15.3: change and cancel "with the domain liveness check of
 * 注销网站"): does any 网址 still answer over HTTP or HTTPS? The same guarded probe as websites
 * (lib/websites/liveness.ts: public addresses only), stored in filing_checks for the reviewer.
 */
import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { filingChecks, filingKeys, filings } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { checkClosed, livenessView, type LivenessOptions } from '@/lib/websites/liveness';

/** Checks every 网址 of the filing and stores one row: ok = none answers any more. */
export async function recordFilingLiveness(filingId: number, opts: LivenessOptions = {}) {
  const db = getDb();
  if (!db.select({ id: filings.id }).from(filings).where(eq(filings.id, filingId)).get()) throw new AppError('not_found', '备案对象不存在');
  const hosts = db.select({ ident: filingKeys.ident }).from(filingKeys).where(and(eq(filingKeys.filingId, filingId), eq(filingKeys.platform, '网址'))).all();
  const { ok, results } = await checkClosed(
    hosts.map((h) => h.ident),
    opts,
  );
  const checkedAt = Date.now();
  db.insert(filingChecks).values({ filingId, kind: 'liveness', ok, detail: { results }, checkedAt }).run();
  return { filingId, ok, results, checkedAt };
}

/** Runs and stores the check; a failure of the check itself is stored too (not shown to be closed). */
export async function checkFilingClosed(filingId: number, opts?: LivenessOptions) {
  try {
    return await recordFilingLiveness(filingId, opts);
  } catch (e) {
    console.error('liveness check failed', filingId, e);
    try {
      getDb()
        .insert(filingChecks)
        .values({ filingId, kind: 'liveness', ok: false, detail: { error: '网址关闭状态检测失败，请人工核实', cause: e instanceof Error ? e.message : String(e) }, checkedAt: Date.now() })
        .run();
    } catch (e2) {
      console.error('liveness failure not stored', filingId, e2);
    }
    return null;
  }
}

/** The newest liveness check of a filing (for the reviewer), or null. */
export function latestFilingLiveness(filingId: number) {
  const row = getDb()
    .select({ ok: filingChecks.ok, detail: filingChecks.detail, checkedAt: filingChecks.checkedAt })
    .from(filingChecks)
    .where(and(eq(filingChecks.filingId, filingId), eq(filingChecks.kind, 'liveness')))
    .orderBy(desc(filingChecks.checkedAt), desc(filingChecks.id))
    .get();
  return row ? livenessView(row) : null;
}
