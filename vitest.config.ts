import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // 'server-only' throws outside Next's react-server build; tests import services directly.
  resolve: { alias: { '@': path.resolve(import.meta.dirname), 'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js') } },
  test: {
    environment: 'node',
    include: ['{app,components,lib,db,scripts}/**/*.test.{ts,tsx}'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 20_000,
  },
});
