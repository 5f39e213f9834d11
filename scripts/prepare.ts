/** Applies migrations, seeds the demo data into an empty database and prints the demo accounts. */
import { getDb, dbFile, closeDb } from '@/db/client';
import { isSeeded, seedDemo, demoAccountsTable } from '@/db/seed';
import { secrets } from '@/lib/config/env';

async function main() {
  secrets();
  getDb();
  const fresh = !isSeeded();
  if (fresh && process.env.SEED_DEMO !== '0') {
    await seedDemo();
    console.log(`已初始化演示数据：${dbFile()}`);
  }
  if (process.env.SEED_DEMO !== '0') console.log(demoAccountsTable());
  closeDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
