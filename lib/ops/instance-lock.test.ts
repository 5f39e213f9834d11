import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireInstanceLock, InstanceLockedError, lockHolder, lockPath, releaseInstanceLock } from './instance-lock.mjs';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'wlba-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  releaseInstanceLock();
  delete process.env.WLBA_INSTANCE_LOCK_PID;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('instance lock of DATA_DIR', () => {
  it('is taken with this pid and start time, and released', () => {
    const dir = tmp();
    acquireInstanceLock(dir);
    const info = JSON.parse(fs.readFileSync(lockPath(dir), 'utf8'));
    expect(info.pid).toBe(process.pid);
    expect(Math.abs(info.startedAt - Date.now())).toBeLessThan(5_000);
    releaseInstanceLock();
    expect(fs.existsSync(lockPath(dir))).toBe(false);
  });

  it('a live holder refuses a second process with a Chinese message', async () => {
    const dir = tmp();
    const holder = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(lockPath(dir), JSON.stringify({ pid: holder.pid, startedAt: Date.now() }));
      expect(() => acquireInstanceLock(dir)).toThrow(InstanceLockedError);
      expect(() => acquireInstanceLock(dir)).toThrow(`已被另一个正在运行的联网备案平台实例使用（进程号 ${holder.pid}`);
      expect(lockHolder(dir)?.pid).toBe(holder.pid);
      // Workers of the same instance share it.
      process.env.WLBA_INSTANCE_LOCK_PID = String(holder.pid);
      expect(() => acquireInstanceLock(dir)).not.toThrow();
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('a worker never takes the lock itself: with its supervisor gone (lock released or held by another) it refuses to start', async () => {
    const dir = tmp();
    const supervisor = spawn('sleep', ['30']);
    try {
      process.env.WLBA_INSTANCE_LOCK_PID = String(supervisor.pid);
      // The supervisor already released the lock (it is stopping): the worker must not take it over.
      expect(() => acquireInstanceLock(dir)).toThrow('主进程已停止');
      expect(fs.existsSync(lockPath(dir))).toBe(false);
      // Another instance holds it: refused as before.
      const other = spawn('sleep', ['30']);
      try {
        fs.writeFileSync(lockPath(dir), JSON.stringify({ pid: other.pid, startedAt: Date.now() }));
        expect(() => acquireInstanceLock(dir)).toThrow(InstanceLockedError);
        expect(JSON.parse(fs.readFileSync(lockPath(dir), 'utf8')).pid).toBe(other.pid);
      } finally {
        other.kill('SIGKILL');
      }
    } finally {
      supervisor.kill('SIGKILL');
    }
  });

  it('a lock left by a dead process is stale and taken over', () => {
    const dir = tmp();
    const dead = spawnSync('sh', ['-c', 'echo $$']);
    const pid = Number(String(dead.stdout).trim());
    fs.writeFileSync(lockPath(dir), JSON.stringify({ pid, startedAt: Date.now() - 60_000 }));
    expect(lockHolder(dir)).toBeNull();
    acquireInstanceLock(dir);
    expect(JSON.parse(fs.readFileSync(lockPath(dir), 'utf8')).pid).toBe(process.pid);
  });
});
