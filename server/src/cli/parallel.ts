import * as os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { RequirementReport } from '../core/index.js';
import type { FileReport } from './report.js';

/** What one checked file gives back (the report in the documented JSON shape, and the coverage for text). */
export interface Checked {
  report: FileReport;
  coverage: RequirementReport[];
  /** Problems of the `.avvrc.json` that applies, reported with the first file it applies to. */
  configProblems?: string[];
}

/** What a worker needs: its files, and how to check each (the caller's options, plain data). */
export interface WorkerJob {
  files: string[];
  cwd: string;
  locale: string;
  options: unknown;
}

/** Below this many files a single thread is faster than starting workers (each loads the knowledge). */
export const PARALLEL_THRESHOLD = 40;

/**
 * Checks files on worker threads, one per available core (at most `jobs`), each with its own share of the
 * files; results come back in the order of `files`. `script` is the CLI's own entry file, which runs
 * {@link serveWorker} when it is started as a worker.
 */
export async function checkInWorkers(script: string, files: string[], cwd: string, locale: string, options: unknown, jobs = os.availableParallelism()): Promise<Checked[]> {
  const n = Math.max(1, Math.min(jobs, Math.ceil(files.length / 10)));
  const shares: string[][] = Array.from({ length: n }, () => []);
  files.forEach((f, i) => shares[i % n]!.push(f));
  const parts = await Promise.all(shares.map((share) => new Promise<Checked[]>((resolve, reject) => {
    const job: WorkerJob = { files: share, cwd, locale, options };
    const worker = new Worker(script, { workerData: job });
    worker.once('message', (m: Checked[]) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`worker exited with code ${code}`)); });
  })));
  // undo the round-robin split
  const out: Checked[] = [];
  files.forEach((_, i) => out.push(parts[i % n]![Math.floor(i / n)]!));
  return out;
}

/** In a worker thread started by {@link checkInWorkers}: checks the job's files and posts the results. */
export function serveWorker(check: (job: WorkerJob) => Checked[]): boolean {
  if (isMainThread || !parentPort) return false;
  parentPort.postMessage(check(workerData as WorkerJob));
  return true;
}
