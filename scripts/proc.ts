// Reading Linux's /proc: the bench's process tree and CPU time, the browser tests' worker checks.
import fs from 'node:fs';

/** /proc/<pid>/stat's fields after the command name: [0] the state, [1] the parent, [11]/[12] user/system ticks …; null once the process is gone. */
export function procStat(pid: number | string): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** The processes whose parent is `pid`. */
export function childrenOf(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e) && Number(procStat(e)?.[1]) === pid)
    .map(Number);
}
