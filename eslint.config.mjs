// ESLint (flat config): Next's recommended rules plus the import boundaries of STYLE.md —
// dependencies point down only: app/ → components/ → lib/ → db/.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const RULE = '@typescript-eslint/no-restricted-imports';

/** '@/app/…' and '../../app/…' alike. */
const layer = (name, message) => ({ group: [`@/${name}`, `@/${name}/*`], message });
const relative = (name, message) => ({ regex: `^(\\.\\./)+${name}(/|$)`, message });

const NO_APP = 'app/ 只放路由与页面：把共用的代码移到 lib/ 或 components/（server actions 在 lib/<domain>/actions.ts）。';
const NO_COMPONENTS = 'lib/ 不依赖界面组件：把共用的逻辑移到 lib/。';
const NO_NEXT_LINK = '链接用 @/components/ui/link 的 Link：浏览器中就是 next/link，服务器上直接画同样的 <a>（见该文件）。';
const NO_DB = '页面和组件不直接访问数据库：调用 lib/ 的服务（db/schema 只可 import type）。';

/** app/ and components/ link through components/ui/link, the one place next/link is used. */
const noNextLink = { name: 'next/link', message: NO_NEXT_LINK };

/**
 * app/ and components/: no '@/db/client' (getDb) or other db module; '@/db/schema' for types only
 * (`import type { Role }` is fine, tables and the enum arrays come through lib/).
 */
const noDb = {
  paths: [
    { name: '@/db', message: NO_DB },
    { name: '@/db/schema', allowTypeImports: true, message: NO_DB },
  ],
  patterns: [{ group: ['@/db/*', '!@/db/schema'], message: NO_DB }, relative('db', NO_DB)],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `_name` marks a value left out on purpose (a destructured field dropped, an unused argument).
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Uploaded images are served by authenticated route handlers (/api/files/…, checked per
      // request) and a notice's images are any address: next/image's optimizer fits neither.
      '@next/next/no-img-element': 'off',
    },
  },
  {
    // Pages are Server Components (none is 'use client'): they render once per request, so reading
    // the clock there is the request time, not an impure re-render.
    files: ['app/**/page.tsx'],
    rules: { 'react-hooks/purity': 'off' },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: { [RULE]: ['error', { paths: [...noDb.paths, noNextLink], patterns: noDb.patterns }] },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: { [RULE]: ['error', { paths: [...noDb.paths, noNextLink], patterns: [...noDb.patterns, layer('app', NO_APP), relative('app', NO_APP)] }] },
  },
  {
    files: ['lib/**/*.{ts,tsx,mts,mjs}'],
    rules: {
      [RULE]: ['error', { patterns: [layer('app', NO_APP), relative('app', NO_APP), layer('components', NO_COMPONENTS), relative('components', NO_COMPONENTS)] }],
    },
  },
  {
    files: ['components/ui/link.tsx'],
    rules: { [RULE]: 'off' },
  },
  // Tests reach across the layers on purpose (they assert the stored rows).
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**'],
    rules: { [RULE]: 'off' },
  },
  globalIgnores(['.next/**', 'out/**', 'build/**', 'next-env.d.ts', 'node_modules/**', 'data/**', 'public/**', 'db/migrations/**', 'coverage/**']),
]);
