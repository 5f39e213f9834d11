import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Browser tests: the built app on a free port with a fresh DATA_DIR, driven by Debian's chromium.
// Files run side by side, one per core, at least 2 (most of a test's time is spent waiting for a
// page: on 2 cores the suite went from 920 s one file at a time to 565 s) and at most 4, each
// worker with a server and DATA_DIR of its own (e2e/global-setup.ts). E2E_WORKERS=1 runs them one
// after another.
const workers = Number(process.env.E2E_WORKERS) || Math.min(4, Math.max(2, os.availableParallelism()));

export default defineConfig({
  // 'server-only' throws outside Next's react-server build; tests import services directly.
  resolve: { alias: { '@': path.resolve(import.meta.dirname), 'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js') } },
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    maxWorkers: workers,
    fileParallelism: workers > 1,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
