import 'server-only';
import fs from 'node:fs';
import { checkDatabaseFile, dbFile, DatabaseFileError } from '@/db/client';
import { dataDir } from '@/lib/config/env';
import { uploadsDir } from '@/lib/files/service';
import { acquireInstanceLock, InstanceLockedError, SupervisorGoneError } from './instance-lock.mjs';

/**
 * Checks run when a server process starts (instrumentation register(), Node runtime), before it
 * answers anything: the instance lock of DATA_DIR (a second server on the same data is refused)
 * and an existing app.db that is empty, unreadable or not SQLite. A failed check prints the Chinese
 * reason and ends the process. Returns normally when the server may run.
 */
export function startupChecks(exit: (code: number) => never = process.exit): void {
  try {
    const dir = dataDir();
    acquireInstanceLock(dir);
    if (fs.existsSync(dbFile())) checkDatabaseFile(dbFile());
    fs.mkdirSync(uploadsDir(), { recursive: true });
  } catch (e) {
    if (e instanceof InstanceLockedError || e instanceof DatabaseFileError || e instanceof SupervisorGoneError) {
      console.error(`\n无法启动：${e.message}\n`);
      exit(1);
    }
    throw e;
  }
  // Next.js ends the process with process.exit on SIGTERM/SIGINT, which releases the lock ('exit');
  // a process killed outright leaves a stale lock that the next start takes over.
}
