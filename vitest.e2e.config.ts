import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Browser tests: one built app on a free port with a fresh DATA_DIR, driven by Debian's chromium.
export default defineConfig({
  // 'server-only' throws outside Next's react-server build; tests import services directly.
  resolve: { alias: { '@': path.resolve(import.meta.dirname), 'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js') } },
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
