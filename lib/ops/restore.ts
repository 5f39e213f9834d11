import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkDatabaseFile, dbFile } from '@/db/client';
import { dataDir } from '@/lib/config/env';
import { uploadsDir } from '@/lib/files/service';
import { copyFileDurably, listUploads, secretsInEnvironment } from './backup';
import { acquireInstanceLock, InstanceLockedError, lockHolder, releaseInstanceLock } from './instance-lock.mjs';

export type RestoreResult = { dataDir: string; files: number; secrets: boolean; warnings: string[] };

/**
 * Restores a backup made by `npm run backup` into DATA_DIR. Refuses while a server runs on that
 * DATA_DIR (its instance lock), and refuses to replace an existing non-empty database unless
 * `force`. The instance lock is held while restoring, so no server starts on half-restored data.
 */
export function restore(from: string, opts: { force?: boolean } = {}): RestoreResult {
  const src = path.resolve(from);
  const srcDb = path.join(src, 'app.db');
  if (!fs.existsSync(srcDb)) throw new Error(`${src} 不是备份目录：其中没有 app.db`);
  checkDatabaseFile(srcDb);
  const check = new Database(srcDb, { readonly: true, fileMustExist: true });
  try {
    const ok = check.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new Error(`备份中的数据库未通过完整性检查：${String(ok)}`);
  } finally {
    check.close();
  }

  const dir = dataDir();
  const holder = lockHolder(dir);
  if (holder && holder.pid !== process.pid) throw new InstanceLockedError(dir, holder);
  const target = dbFile();
  if (fs.existsSync(target) && fs.statSync(target).size > 0 && !opts.force)
    throw new Error(`数据目录 ${dir} 中已有数据库 app.db。恢复会用备份替换其中的全部数据；确认无误后请加 --force 重新运行。`);

  acquireInstanceLock(dir);
  try {
    const warnings: string[] = [];
    // The database: copied next to app.db, then renamed over it; stale WAL files of the old one go first.
    const part = `${target}.${process.pid}.restore`;
    copyFileDurably(srcDb, part);
    for (const f of [`${target}-wal`, `${target}-shm`, `${target}-journal`]) fs.rmSync(f, { force: true });
    fs.renameSync(part, target);

    const to = uploadsDir();
    fs.mkdirSync(to, { recursive: true });
    let files = 0;
    for (const rel of listUploads(path.join(src, 'uploads'))) {
      const dst = path.join(to, rel);
      if (!fs.existsSync(dst) || fs.statSync(dst).size !== fs.statSync(path.join(src, 'uploads', rel)).size) copyFileDurably(path.join(src, 'uploads', rel), dst);
      files++;
    }

    let secrets = false;
    const srcSecrets = path.join(src, 'secrets.json');
    if (fs.existsSync(srcSecrets)) {
      copyFileDurably(srcSecrets, path.join(dir, 'secrets.json'));
      fs.chmodSync(path.join(dir, 'secrets.json'), 0o600);
      secrets = true;
    } else if (!secretsInEnvironment()) {
      warnings.push('备份中没有 secrets.json，而环境变量中也没有全部密钥：请用备份时的 NEXTAUTH_SECRET、PII_ENC_KEY、PII_HMAC_KEY、CODE_HMAC_KEY 启动，否则个人信息无法解密、所有人需重新登录。');
    }
    return { dataDir: dir, files, secrets, warnings };
  } finally {
    releaseInstanceLock();
  }
}
