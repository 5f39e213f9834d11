/**
 * Online backup of DATA_DIR (safe while the server runs):
 *   npm run backup -- <备份目录>
 * writes <备份目录>/app.db, <备份目录>/uploads/ and, when the keys are not in the environment, secrets.json.
 */
import { backup } from '@/lib/ops/backup';

const dest = process.argv[2];
if (!dest || dest.startsWith('-')) {
  console.error('用法：npm run backup -- <备份目录>');
  process.exit(2);
}
try {
  const r = backup(dest);
  console.log(`备份完成：${r.dir}`);
  console.log(`  数据库 app.db（${(r.dbBytes / 1024 / 1024).toFixed(1)} MB），上传文件 ${r.files} 个${r.secrets ? '，密钥 secrets.json（请妥善保管备份目录）' : '；密钥来自环境变量，未写入备份（恢复时请使用相同的环境变量）'}`);
} catch (e) {
  console.error(`备份失败：${(e as Error).message}`);
  process.exit(1);
}
