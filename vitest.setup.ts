import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Each test file gets its own DATA_DIR: a fresh SQLite file, migrated on first use.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-test-'));
process.env.DATA_DIR = dir;
process.env.PUBLIC_BASE_URL = 'http://beian.test';

afterAll(async () => {
  const { closeDb } = await import('./db/client');
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});
