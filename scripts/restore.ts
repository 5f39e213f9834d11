/**
 * Restores a backup into DATA_DIR (the server must be stopped):
 *   npm run restore -- <备份目录> [--force]
 * --force replaces an existing database.
 */
import { restore } from '@/lib/ops/restore';

const args = process.argv.slice(2);
const force = args.includes('--force');
const from = args.find((a) => !a.startsWith('-'));
if (!from) {
  console.error('用法：npm run restore -- <备份目录> [--force]');
  process.exit(2);
}
try {
  const r = restore(from, { force });
  console.log(`恢复完成：${r.dataDir}（上传文件 ${r.files} 个${r.secrets ? '，已恢复 secrets.json' : ''}）。现在可以启动服务。`);
  for (const w of r.warnings) console.warn(`注意：${w}`);
} catch (e) {
  console.error(`恢复失败：${(e as Error).message}`);
  process.exit(1);
}
