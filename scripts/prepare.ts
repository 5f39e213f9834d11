/**
 * Applies migrations, seeds the demo data into a new database and prints the demo accounts.
 * Only a missing app.db is a fresh install (built completely under a temporary name, then put in
 * place); an existing app.db that is empty, unreadable or not SQLite stops the start, and so does
 * another running instance on the same DATA_DIR.
 */
import fs from 'node:fs';
import { getDb, dbFile, closeDb, createDatabase, DatabaseFileError } from '@/db/client';
import { isSeeded, seedDemo, demoAccountsTable } from '@/scripts/seed';
import { dataDir, secrets } from '@/lib/config/env';
import { uploadsDir } from '@/lib/files/service';
import { deferDeliveries } from '@/lib/notify/service';
import { filingsWithUnapprovedSubject } from '@/lib/review/integrity';
import { isDemoDatabase } from '@/lib/identity/verifier';
import { InstanceLockedError, lockHolder } from '@/lib/ops/instance-lock.mjs';

async function main() {
  const holder = lockHolder(dataDir());
  if (holder && holder.pid !== process.pid) throw new InstanceLockedError(dataDir(), holder);
  secrets();
  // The demo's notices are e-mailed and texted by the server once it runs, not by this script.
  deferDeliveries();
  const seed = process.env.SEED_DEMO !== '0';
  if (!fs.existsSync(dbFile())) {
    await createDatabase(seed ? seedDemo : undefined);
    if (seed) console.log(`已初始化演示数据：${dbFile()}`);
    else console.log(`已创建空数据库：${dbFile()}（请用 npm run admin -- create-user --role admin … 创建管理员）`);
  }
  getDb();
  if (!isSeeded()) console.warn(`数据库 ${dbFile()} 中还没有任何账号：请用 npm run admin -- create-user --role admin … 创建管理员。`);
  fs.mkdirSync(uploadsDir(), { recursive: true });
  // The table only for the demo database; there it is also a reminder that it is not for service.
  if (isDemoDatabase()) console.log(`${demoAccountsTable()}\n注意：这是演示数据库，演示账号的密码是公开的；正式上线请用 SEED_DEMO=0 在新的 DATA_DIR 中启动（见 README“上线前检查”）。`);
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
  if (e instanceof DatabaseFileError || e instanceof InstanceLockedError) console.error(`无法启动：${e.message}`);
  else console.error(e);
  process.exit(1);
});
