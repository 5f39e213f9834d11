// Plain JavaScript (types in instance-lock.d.mts): scripts/server.mjs takes the lock for its workers.
import fs from 'node:fs';
import path from 'node:path';

/**
 * One server per DATA_DIR (SPEC §13): two servers on one SQLite file and one uploads folder
 * fight over the write lock (系统繁忙) and run every background job twice. The lock is the
 * file DATA_DIR/instance.lock, created with O_EXCL, holding the owner's pid and start time;
 * a lock whose pid is no longer alive is stale and taken over.
 *
 * Workers of one instance (WEB_CONCURRENCY, scripts/server.mjs) share the lock: the primary takes it and
 * starts its workers with WLBA_INSTANCE_LOCK_PID=<its pid>; a process whose lock file names
 * that pid accepts it as its own.
 */
export const LOCK_NAME = 'instance.lock';

/** @typedef {{ pid: number; startedAt: number; host?: string }} LockInfo */

export function lockPath(dir) {
  return path.join(dir, LOCK_NAME);
}

/** The lock's owner, or null when there is no lock file or it cannot be read. */
export function readLock(dir) {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dir), 'utf8'));
    return Number.isInteger(info.pid) && info.pid > 0 ? info : null;
  } catch {
    return null;
  }
}

export function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return e.code === 'EPERM';
  }
}

/** The live process holding the lock of this data folder, or null (no lock, or a stale one). */
export function lockHolder(dir) {
  const info = readLock(dir);
  if (!info) return null;
  if (info.pid === process.pid) return info;
  return pidAlive(info.pid) ? info : null;
}

/** A worker whose supervisor no longer holds the data folder's lock (it is stopping): the worker does not start. */
export class SupervisorGoneError extends Error {
  constructor(dir) {
    super(`主进程已停止，数据目录 ${dir} 的工作进程不再启动。`);
    this.name = 'SupervisorGoneError';
  }
}

export class InstanceLockedError extends Error {
  constructor(dir, holder) {
    super(
      `数据目录 ${dir} 已被另一个正在运行的联网备案平台实例使用（进程号 ${holder.pid}，启动于 ${new Date(holder.startedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}）。` +
        `同一数据目录只能运行一个实例：请先停止该实例，或为本实例设置另一个 DATA_DIR。` +
        `如确认该进程已不存在，可删除 ${lockPath(dir)} 后重试。`,
    );
    this.name = 'InstanceLockedError';
    this.dir = dir;
    this.holder = holder;
  }
}

/** @type {string | null} */
let held = null;

/**
 * Takes the instance lock of `dir` for this process; throws InstanceLockedError when a live
 * process holds it. Released by releaseInstanceLock and, best effort, at process exit.
 */
export function acquireInstanceLock(dir, now = Date.now()) {
  const file = lockPath(dir);
  if (held === file) return;
  const shared = Number(process.env.WLBA_INSTANCE_LOCK_PID);
  if (Number.isInteger(shared) && shared > 0) {
    // A worker of a supervisor (scripts/server.mjs) runs under the supervisor's lock and never takes
    // one itself: a supervisor that already released it is stopping, and a worker that took the lock
    // over then would outlive it holding the data folder.
    const info = readLock(dir);
    if (info && info.pid === shared) return;
    if (info && pidAlive(info.pid)) throw new InstanceLockedError(dir, info);
    throw new SupervisorGoneError(dir);
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd;
    try {
      fd = fs.openSync(file, 'wx', 0o644);
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const info = readLock(dir);
      if (info && Number.isInteger(shared) && shared > 0 && info.pid === shared) return; // a worker of the holder
      if (info && info.pid !== process.pid && pidAlive(info.pid)) throw new InstanceLockedError(dir, info);
      if (!info) {
        // Being written right now by another starting process, or garbage: look again shortly.
        const st = fs.statSync(file, { throwIfNoEntry: false });
        if (!st) continue;
        if (attempt < 2 && Date.now() - st.mtimeMs < 2_000) {
          sleepSync(200);
          continue;
        }
      }
      // Stale (its process is gone, or it names this very pid after a container restart): take it over.
      fs.rmSync(file, { force: true });
      continue;
    }
    try {
      const info = { pid: process.pid, startedAt: now };
      fs.writeSync(fd, JSON.stringify(info));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    held = file;
    process.once('exit', () => releaseInstanceLock());
    return;
  }
  const info = readLock(dir);
  if (info) throw new InstanceLockedError(dir, info);
  throw new Error(`无法创建实例锁文件 ${file}`);
}

/** Removes the lock when this process holds it. */
export function releaseInstanceLock() {
  if (!held) return;
  const file = held;
  held = null;
  try {
    const info = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (info.pid === process.pid) fs.rmSync(file, { force: true });
  } catch {
    /* already gone */
  }
}

function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
