/** Applies migrations, seeds the demo data into an empty database and prints the demo accounts. */
import { getDb, dbFile, closeDb } from '@/db/client';
import { isSeeded, seedDemo, demoAccountsTable } from '@/db/seed';
import { secrets } from '@/lib/config/env';
import { filingsWithUnapprovedSubject } from '@/lib/review/integrity';

async function main() {
  secrets();
  getDb();
  const fresh = !isSeeded();
  if (fresh && process.env.SEED_DEMO !== '0') {
    await seedDemo();
    console.log(`已初始化演示数据：${dbFile()}`);
  }
  if (process.env.SEED_DEMO !== '0') console.log(demoAccountsTable());
  warnUnapprovedFilings();
  closeDb();
}

/** Websites filed before SPEC §6.3 was enforced although their subject was never approved. */
function warnUnapprovedFilings() {
  const rows = filingsWithUnapprovedSubject();
  if (rows.length === 0) return;
  console.warn(`\n数据检查：${rows.length} 个网站已备案，但其开办主体从未审核通过（管理后台“数据检查”中也会列出，请核查）：`);
  for (const r of rows) console.warn(`  ${r.filingNumber}  ${r.websiteName}（网站状态：${r.websiteStatus}）  主体：${r.subjectName}（${r.subjectStatus}）`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
