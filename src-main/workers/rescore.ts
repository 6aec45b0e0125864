/**
 * A full rescore in its own process (issue 14 item 1): started by services/rescoring.ts with `fork` (the app's
 * utility process in the desktop), it opens the book on its own connection — WAL: the app keeps reading while it
 * works — runs `rescoreBook` and reports progress and the result over the IPC channel. The parent asks with one
 * message; a kill (cancel) rolls the rescore's one transaction back, so the book is as before or fully rescored.
 */
import { AppError } from '../contract/errors';
import { openBook } from '../db/book';
import type { HostFacts } from '../domain/settings';
import { rescoreBook } from '../services/scoring';
import type { RescoreReply, RescoreRequest } from '../services/rescoring';

/** Electron's utility process talks over its parent port; a Node child over the IPC channel of `fork`. */
interface ParentPort {
  postMessage(message: unknown): void;
  once(event: 'message', listener: (event: { data: RescoreRequest }) => void): void;
}
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

function send(message: RescoreReply): Promise<void> {
  if (parentPort) {
    parentPort.postMessage(message);
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    // A parent gone (the CLI's `call scores.start` returned) leaves the rescore to finish on its own.
    process.send(message, undefined, {}, () => resolve());
  });
}

function onRequest(listener: (request: RescoreRequest) => void): void {
  if (parentPort) parentPort.once('message', (event) => listener(event.data));
  else process.once('message', (request: RescoreRequest) => listener(request));
}

async function run(request: RescoreRequest): Promise<void> {
  // The parent opened (and upgraded, and checked) the book: no migration or damage check again here.
  const book = openBook(request.file, { migrate: false });
  try {
    const crashAt = Number(process.env.TRADEBOOK_RESCORE_CRASH_AT ?? NaN);
    const summary = rescoreBook(book.sqlite, request.host as HostFacts, request.now, request.asOf, (progress) => {
      // Tests make the process die mid-rescore, as a crash would (no reply, no cleanup).
      if (progress.phase !== 'read' && progress.done >= crashAt) process.kill(process.pid, 'SIGKILL');
      void send({ type: 'progress', ...progress });
    });
    await send({ type: 'done', summary });
  } finally {
    await book.close();
  }
}

onRequest((request) => {
  run(request)
    .catch(async (error: unknown) => {
      const known = error instanceof AppError;
      await send({ type: 'failed', code: known ? error.code : 'internal', message: error instanceof Error ? error.message : String(error), ...(known ? { params: error.params } : {}) });
    })
    .finally(() => process.exit(0));
});
