export const LOCK_NAME: string;
export type LockInfo = { pid: number; startedAt: number; host?: string };
export function lockPath(dir: string): string;
export function readLock(dir: string): LockInfo | null;
export function pidAlive(pid: number): boolean;
export function lockHolder(dir: string): LockInfo | null;
export class InstanceLockedError extends Error {
  readonly dir: string;
  readonly holder: LockInfo;
  constructor(dir: string, holder: LockInfo);
}
/** A worker whose supervisor no longer holds the lock (it is stopping). */
export class SupervisorGoneError extends Error {
  constructor(dir: string);
}
export function acquireInstanceLock(dir: string, now?: number): void;
export function releaseInstanceLock(): void;
