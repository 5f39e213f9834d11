/**
 * A small pool of worker threads that parse uploaded PDFs (SPEC §13: parsing a PDF never blocks
 * other requests). Each task has a time limit: a worker still busy when it runs out is terminated
 * (and replaced on demand), and the file is refused.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * What the worker found (see pdf-worker.mjs); 'timeout' and 'busy' come from the pool itself;
 * 'failed' is the worker's own failure (it could not start), not the file's.
 */
export type PdfCheck =
  | { ok: true; pages: number; end: number }
  | { ok: false; reason: 'broken' | 'active' | 'timeout' | 'busy' | 'failed'; detail?: string };

type Job = { id: number; bytes: Uint8Array; timeoutMs: number; resolve: (r: PdfCheck) => void };
type Slot = { worker: Worker; job: Job | null; timer: NodeJS.Timeout | null };

/** Default time limit of one PDF check. A well-formed 5 MB scan parses in well under 100 ms. */
export const DEFAULT_PDF_TIMEOUT_MS = 5_000;
/** Tasks waiting for a worker beyond this are refused at once (系统繁忙). */
const MAX_QUEUE = 16;

function positiveIntEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw == null || raw === '') return fallback;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

/** WLBA_PDF_TIMEOUT_MS: the time limit of one PDF check (default 5 s). */
export function pdfTimeoutMs(): number {
  return positiveIntEnv('WLBA_PDF_TIMEOUT_MS', DEFAULT_PDF_TIMEOUT_MS);
}

/**
 * The worker file, loaded by path at run time: the source tree's lib/pdf/pdf-worker.mjs (the
 * server runs from the project folder, like `next start` in scripts/start.mjs and the tests).
 */
function workerFile(): string {
  return path.join(process.cwd(), 'lib', 'pdf', 'pdf-worker.mjs');
}

export class PdfWorkerPool {
  private slots = new Set<Slot>();
  private idle: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;

  constructor(
    private readonly size: number,
    private readonly file: string = workerFile(),
  ) {}

  /** Parses `bytes` in a worker; never rejects. */
  check(bytes: Uint8Array, timeoutMs = pdfTimeoutMs()): Promise<PdfCheck> {
    if (this.queue.length >= MAX_QUEUE) return Promise.resolve({ ok: false, reason: 'busy' });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, bytes, timeoutMs, resolve });
      this.pump();
    });
  }

  /** Ends every worker (tests; a pool is otherwise kept for the life of the process). */
  async close(): Promise<void> {
    const all = [...this.slots];
    this.slots.clear();
    this.idle = [];
    for (const job of this.queue.splice(0)) job.resolve({ ok: false, reason: 'busy' });
    await Promise.all(all.map((s) => this.finish(s, { ok: false, reason: 'busy' }, true)));
  }

  /** How many workers are alive (tests: a timed-out worker is gone). */
  get workers(): number {
    return this.slots.size;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.idle.pop() ?? (this.slots.size < this.size ? this.spawn() : null);
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    // Loaded by path at run time, never bundled: see pdf-worker.mjs.
    const worker = new Worker(/* turbopackIgnore: true */ this.file, {
      // A decompression bomb ends the worker (and the task) instead of the server.
      resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, job: null, timer: null };
    worker.on('message', (msg: { id: number } & PdfCheck) => {
      if (slot.job && msg.id === slot.job.id) {
        const { id: _id, ...result } = msg;
        void this.finish(slot, result as PdfCheck, false);
      }
    });
    worker.on('error', (e: Error & { code?: string }) => {
      // Out of memory is the file's doing (a decompression bomb); anything else is ours.
      const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (!oom) console.error('[pdf] worker failed', e);
      void this.finish(slot, { ok: false, reason: oom ? 'broken' : 'failed', detail: String(e) }, true);
    });
    worker.on('exit', () => {
      if (this.slots.has(slot)) void this.finish(slot, { ok: false, reason: 'broken', detail: 'worker exited' }, true);
    });
    this.slots.add(slot);
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => void this.finish(slot, { ok: false, reason: 'timeout' }, true), job.timeoutMs);
    // A copy: the caller keeps its buffer, and the copy's memory moves to the worker.
    const copy = new Uint8Array(job.bytes);
    slot.worker.postMessage({ id: job.id, bytes: copy }, [copy.buffer]);
  }

  /** Answers the slot's task; a discarded worker is terminated, a kept one waits (unref'd) for the next. */
  private async finish(slot: Slot, result: PdfCheck, discard: boolean): Promise<void> {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const job = slot.job;
    slot.job = null;
    job?.resolve(result);
    if (discard) {
      this.slots.delete(slot);
      this.idle = this.idle.filter((s) => s !== slot);
      this.pump();
      await slot.worker.terminate().catch(() => undefined);
      return;
    }
    slot.worker.unref();
    this.idle.push(slot);
    this.pump();
  }
}

let shared: PdfWorkerPool | null = null;

/** The process's pool: WLBA_PDF_WORKERS workers (default 2, at most the number of CPUs). */
export function pdfPool(): PdfWorkerPool {
  shared ??= new PdfWorkerPool(positiveIntEnv('WLBA_PDF_WORKERS', Math.max(1, Math.min(2, os.availableParallelism()))));
  return shared;
}

/** Checks an uploaded PDF off the event loop, within the time limit. */
export function checkPdf(bytes: Uint8Array, timeoutMs?: number): Promise<PdfCheck> {
  return pdfPool().check(bytes, timeoutMs);
}
