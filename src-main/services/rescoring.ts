/**
 * Rescoring the book in the background (issue 14 item 1; issue 13 item 6): a full rescore runs in a process of its
 * own (src-main/workers/rescore.ts) with its own connection, so the thread that answers API calls never waits for
 * it — reads go on beside it (WAL). Its progress (phase, done, total) is kept here for `scores.job`; it can be
 * cancelled (the process is killed: its one transaction rolls back, the book is as before); a crash is reported
 * as a failed job and the app keeps running. One rescore per book at a time: asking again while one runs gives it.
 *
 * The process is Node's `fork` in the CLI and `tradebook serve`; the desktop passes Electron's utility process,
 * which has the same shape (src-main/main.ts). Under tsx or vitest the worker runs from its TypeScript source
 * through tsx's loader; in a bundle (dist/cli-…/, dist/main/) it is the rescore-worker.mjs built beside it.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { monotonicFactory } from 'ulid';
import type { ParsedInputOf } from '../contract';
import { AppError, type Result } from '../contract/errors';
import type { Language } from '../contract/messages';
import type { ScoreRunSummary } from '../contract/models';
import type { RescoreJob } from '../contract/rescoring';
import type { HostFacts } from '../domain/settings';
import type { Sqlite } from '../db/connection';
import type { ServiceContext } from './context';
import { staleScores, type RescoreProgress } from './scoring';

/** What the parent asks the worker (one message). */
export interface RescoreRequest {
  file: string;
  now: string;
  asOf?: string;
  host: HostFacts;
}

/** What the worker says back. */
export type RescoreReply =
  | ({ type: 'progress' } & RescoreProgress)
  | { type: 'done'; summary: ScoreRunSummary }
  | { type: 'failed'; code: string; message: string; params?: Record<string, unknown> };

/** A process running the worker: what Node's ChildProcess and Electron's UtilityProcess both offer. */
export interface WorkerProcess {
  postMessage(message: RescoreRequest): void;
  onMessage(listener: (message: RescoreReply) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

/** The worker's script and the Node options it needs. */
export interface WorkerEntry {
  file: string;
  execArgv: string[];
}

export type LaunchWorker = (entry: WorkerEntry) => WorkerProcess;

/** The worker beside this module: its TypeScript source (through tsx's loader) or the bundle's rescore-worker.mjs. */
export function rescoreWorkerEntry(): WorkerEntry {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const tsx = path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/loader.mjs');
    return { file: path.join(path.dirname(here), '../workers/rescore.ts'), execArgv: ['--import', pathToFileURL(tsx).href] };
  }
  return { file: path.join(path.dirname(here), 'rescore-worker.mjs'), execArgv: [] };
}

/** Node's child process as a worker process (the CLI, `serve`, tests). */
export const forkWorker: LaunchWorker = (entry) => {
  const child = fork(entry.file, [], { execArgv: entry.execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'], serialization: 'advanced' });
  return {
    postMessage: (message) => child.send(message),
    onMessage: (listener) => child.on('message', (message) => listener(message as RescoreReply)),
    onExit: (listener) => child.on('exit', (code, signal) => listener(code, signal)),
    kill: () => child.kill('SIGKILL'),
  };
};

let launcher: LaunchWorker = forkWorker;

/** The desktop's main process passes Electron's utility process here. */
export function useWorkerLauncher(launch: LaunchWorker): void {
  launcher = launch;
}

interface Running {
  job: RescoreJob;
  process: WorkerProcess | null;
  finished: Promise<RescoreJob>;
  listeners: ((job: RescoreJob) => void)[];
}

/** The latest rescore of each book (by file), running or finished. */
const byBook = new Map<string, Running>();
const jobId = monotonicFactory();

function finish(running: Running, change: Partial<RescoreJob>): void {
  if (running.job.state !== 'running') return;
  running.job = { ...running.job, ...change, finishedAt: new Date().toISOString() };
  running.process = null;
  for (const listener of running.listeners.splice(0)) listener(running.job);
}

/** Starts a full rescore in the background (or gives the one running). `reason`: why it was started. */
export function startRescore(ctx: ServiceContext, input: { asOf?: string; reason?: RescoreJob['reason'] } = {}): RescoreJob {
  const file = ctx.book.file;
  const current = byBook.get(file);
  if (current?.job.state === 'running') return current.job;
  if (ctx.book.readOnly) throw new AppError('book_readonly', { path: file });
  const job: RescoreJob = {
    id: jobId(),
    state: 'running',
    reason: input.reason ?? 'asked',
    phase: 'read',
    done: 0,
    total: 0,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    summary: null,
    error: null,
  };
  const running: Running = { job, process: null, finished: Promise.resolve(job), listeners: [] };
  running.finished = new Promise((resolve) => running.listeners.push(resolve));
  byBook.set(file, running);
  const child = launcher(rescoreWorkerEntry());
  running.process = child;
  child.onMessage((message) => {
    if (running.job.state !== 'running') return;
    if (message.type === 'progress') running.job = { ...running.job, phase: message.phase, done: message.done, total: message.total };
    else if (message.type === 'done') finish(running, { state: 'done', phase: 'write', done: message.summary.accounts, total: message.summary.accounts, summary: message.summary });
    else finish(running, { state: 'failed', error: { code: message.code, message: message.message } });
  });
  child.onExit((code, signal) => {
    finish(running, { state: 'failed', error: { code: 'worker_crashed', message: `the rescore stopped (${signal ?? `exit ${code}`}) before it was done; nothing was changed` } });
  });
  child.postMessage({ file, now: ctx.now(), ...(input.asOf ? { asOf: input.asOf } : {}), host: ctx.host });
  return job;
}

/** The book's latest rescore (running or finished); null when none ran since the app started. */
export function rescoreJob(ctx: ServiceContext): RescoreJob | null {
  return byBook.get(ctx.book.file)?.job ?? null;
}

/** Stops the running rescore: its transaction is rolled back, nothing is changed. */
export function cancelRescore(ctx: ServiceContext): RescoreJob | null {
  const running = byBook.get(ctx.book.file);
  if (!running) return null;
  if (running.job.state === 'running') {
    const child = running.process;
    finish(running, { state: 'cancelled' });
    child?.kill();
  }
  return running.job;
}

/** Resolves when the book's rescore settles (at once when none runs). */
export function rescoreSettled(ctx: ServiceContext): Promise<RescoreJob | null> {
  const running = byBook.get(ctx.book.file);
  return running ? running.finished : Promise.resolve(null);
}

/**
 * Whether the book wants a full rescore without anyone asking: it has accounts and was never scored (freshly
 * seeded or imported, or made by an older version), or what scores are read from moved book-wide (a merge, an
 * import, a seed: `markScoresStale`) and has settled for `settleMs`.
 */
export function rescoreWanted(db: Sqlite, now: string, settleMs: number): RescoreJob['reason'] | null {
  const accounts = db.prepare('SELECT EXISTS (SELECT 1 FROM accounts WHERE deleted_at IS NULL)').pluck().get() === 1;
  const scored = db.prepare('SELECT EXISTS (SELECT 1 FROM score_snapshots)').pluck().get() === 1;
  if (accounts && !scored) return 'first';
  const stale = staleScores(db);
  return stale !== null && Date.parse(stale.since) <= Date.parse(now) - settleMs ? 'stale' : null;
}

/** Starts the background rescore when the book wants one (see rescoreWanted) and none runs. */
export function rescoreIfWanted(ctx: ServiceContext, settleMs: number): RescoreJob | null {
  if (ctx.book.readOnly || rescoreJob(ctx)?.state === 'running') return null;
  const reason = rescoreWanted(ctx.book.sqlite, ctx.now(), settleMs);
  return reason === null ? null : startRescore(ctx, { reason });
}

export async function startRescoreCall(ctx: ServiceContext, input: ParsedInputOf<'scores.start'>): Promise<RescoreJob> {
  return startRescore(ctx, input.asOf ? { asOf: input.asOf } : {});
}

/** Calls after which every score may have moved: the background rescore starts as soon as they answer. */
const RESCORE_AFTER = new Set(['book.seed', 'import.run', 'share.merge', 'backups.restore', 'accounts.merge']);

type Dispatch = (ctx: ServiceContext, name: unknown, input: unknown, language?: Language) => Promise<Result<unknown>>;

/**
 * The app's dispatcher with the background rescore behind it: after a seed, an import, a merge or a restore that
 * succeeded, the book is rescored in the background (the page shows the progress) rather than at the next tick.
 */
export function withRescoreAfter(dispatch: Dispatch): Dispatch {
  return async (ctx, name, input, language) => {
    const result = await dispatch(ctx, name, input, language);
    if (result.ok && typeof name === 'string' && RESCORE_AFTER.has(name) && (input as { dryRun?: boolean } | null)?.dryRun !== true) {
      try {
        rescoreIfWanted(ctx, 0);
      } catch {
        // The call itself succeeded; the ticker asks again after its next tick.
      }
    }
    return result;
  };
}
