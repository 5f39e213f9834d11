import 'server-only';
import fs from 'node:fs';
import { getDb } from '@/db/client';
import { uploadsDir } from '@/lib/files/service';

export type Health = {
  status: 'ok' | 'error';
  database: 'ok' | 'readonly' | 'unreachable';
  uploads: 'ok' | 'missing' | 'not_writable';
  /** What is wrong, in Chinese; absent when everything is fine. */
  reason?: string;
};

/**
 * Whether this server can do its work: the database opens and accepts writes (a write in a
 * transaction that is rolled back — SQLite silently opens a write-protected file read-only, and
 * then every login fails), and the uploads folder exists and is writable.
 */
export function checkHealth(): Health {
  const reasons: string[] = [];
  let database: Health['database'] = 'ok';
  try {
    const sqlite = getDb().$client;
    if (!sqlite.inTransaction) {
      // Never wait for a busy writer here: busy means another connection is writing, so writes work.
      const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
      sqlite.pragma('busy_timeout = 0');
      try {
        sqlite.exec('BEGIN IMMEDIATE');
        sqlite.exec('DELETE FROM deliveries WHERE 0');
      } catch (e) {
        const code = (e as { code?: string }).code ?? '';
        if (code !== 'SQLITE_BUSY' && code !== 'SQLITE_LOCKED') throw e;
      } finally {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        sqlite.pragma(`busy_timeout = ${Number(timeout) || 5000}`);
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_READONLY')) {
      database = 'readonly';
      reasons.push('数据库只读，无法写入（请检查数据库文件、数据目录的权限和磁盘状态）');
    } else {
      database = 'unreachable';
      reasons.push(`数据库无法使用：${(e as Error).message}`);
    }
  }
  let uploads: Health['uploads'] = 'ok';
  const dir = uploadsDir();
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    uploads = 'missing';
    reasons.push(`上传文件目录 ${dir} 不存在（数据目录可能未正确挂载）`);
  } else {
    try {
      fs.accessSync(dir, fs.constants.W_OK);
    } catch {
      uploads = 'not_writable';
      reasons.push(`上传文件目录 ${dir} 不可写入`);
    }
  }
  if (reasons.length === 0) return { status: 'ok', database, uploads };
  return { status: 'error', database, uploads, reason: reasons.join('；') };
}
