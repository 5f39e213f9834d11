import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkDatabaseFile, dbFile } from '@/db/client';
import { dataDir } from '@/lib/config/env';
import { uploadsDir } from '@/lib/files/service';

/** The secrets that are generated into DATA_DIR/secrets.json when the environment lacks them. */
export const SECRET_ENV = [
  ['authSecret', ['NEXTAUTH_SECRET', 'AUTH_SECRET']],
  ['piiEncKey', ['PII_ENC_KEY']],
  ['piiHmacKey', ['PII_HMAC_KEY']],
  ['codeHmacKey', ['CODE_HMAC_KEY']],
] as const;

/** Whether every key comes from the environment (then secrets.json is not needed, nor backed up). */
export function secretsInEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  return SECRET_ENV.every(([, names]) => names.some((n) => !!env[n]));
}

export type BackupResult = { dir: string; dbBytes: number; files: number; secrets: boolean };

/** Copies a file through a temporary name, fsyncs it and renames it into place. */
export function copyFileDurably(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const tmp = `${to}.${process.pid}.part`;
  fs.copyFileSync(from, tmp);
  const fd = fs.openSync(tmp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, to);
}

/** Every stored upload under `root` (relative paths), without the temporary files of uploads in progress. */
export function listUploads(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else if (e.isFile() && !e.name.startsWith('.') && !e.name.endsWith('.tmp') && !e.name.endsWith('.part')) out.push(r);
    }
  };
  if (fs.existsSync(root)) walk('');
  return out.sort();
}

/**
 * Online backup of DATA_DIR into `dest` (SPEC §13), safe while the server writes:
 *  1. dest/app.db — `VACUUM INTO` copies one consistent snapshot (one read transaction; in WAL mode
 *     writers go on meanwhile).
 *  2. dest/uploads/ — copied after the snapshot, so every file the snapshot refers to is there
 *     (uploads are content-addressed and never change once written; later ones are included too).
 *  3. dest/secrets.json — only when some key is not in the environment (without it the encrypted
 *     personal data of the backup cannot be read).
 * Refuses a `dest` that already holds a backup.
 */
export function backup(dest: string): BackupResult {
  const target = path.resolve(dest);
  const source = dbFile();
  if (!fs.existsSync(source)) throw new Error(`数据目录 ${dataDir()} 中没有数据库 app.db，没有可备份的内容（请检查 DATA_DIR）`);
  checkDatabaseFile(source);
  if (path.resolve(target) === path.resolve(dataDir()) || target.startsWith(path.resolve(dataDir()) + path.sep))
    throw new Error('备份目录不能位于数据目录之内');
  if (fs.existsSync(path.join(target, 'app.db'))) throw new Error(`备份目录 ${target} 中已有备份（app.db），请指定新的目录`);
  fs.mkdirSync(target, { recursive: true });

  const dbPart = path.join(target, `app.db.${process.pid}.part`);
  fs.rmSync(dbPart, { force: true });
  const src = new Database(source, { fileMustExist: true });
  try {
    src.pragma('busy_timeout = 10000');
    src.prepare('VACUUM INTO ?').run(dbPart);
  } finally {
    src.close();
  }
  const check = new Database(dbPart, { readonly: true });
  try {
    const ok = check.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new Error(`备份的数据库未通过完整性检查：${String(ok)}`);
  } finally {
    check.close();
  }
  const fd = fs.openSync(dbPart, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(dbPart, path.join(target, 'app.db'));
  const dbBytes = fs.statSync(path.join(target, 'app.db')).size;

  const from = uploadsDir();
  const to = path.join(target, 'uploads');
  fs.mkdirSync(to, { recursive: true });
  let files = 0;
  for (const rel of listUploads(from)) {
    const dst = path.join(to, rel);
    if (!fs.existsSync(dst)) copyFileDurably(path.join(from, rel), dst);
    files++;
  }

  let secrets = false;
  const secretsFile = path.join(dataDir(), 'secrets.json');
  if (!secretsInEnvironment() && fs.existsSync(secretsFile)) {
    copyFileDurably(secretsFile, path.join(target, 'secrets.json'));
    fs.chmodSync(path.join(target, 'secrets.json'), 0o600);
    secrets = true;
  }
  return { dir: target, dbBytes, files, secrets };
}
