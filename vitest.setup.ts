import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Each test file gets its own DATA_DIR: a fresh SQLite file, migrated on first use.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-test-'));
process.env.DATA_DIR = dir;
process.env.PUBLIC_BASE_URL = 'http://beian.test';
// Tests pass people through the embedded 国家网络身份认证 sandbox; lib/identity/verifier.test.ts covers it off.
process.env.WLBA_IDENTITY_SANDBOX ??= '1';

afterAll(async () => {
  // A notice's delivery runs just after it (lib/notify/service.ts): let it end before the folder goes.
  const { deliveriesSettled } = await import('./lib/notify/service');
  await deliveriesSettled();
  const { closeDb } = await import('./db/client');
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});
