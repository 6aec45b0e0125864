/** Building a book for an end-to-end test with the services, before it is served. Not a test file. */
import type { HandlerName, InputOf, OutputOf } from '../../src-main/contract';
import { openBook } from '../../src-main/db/book';
import { call } from '../../src-main/handlers/dispatch';
import { hostFacts, systemClock, type ServiceContext } from '../../src-main/services/context';

/** Opens (or creates) the book at `file`, runs `work` on it and closes it. */
export async function withBook<T>(file: string, work: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const book = openBook(file, { create: true });
  try {
    return await work({ book, now: systemClock, host: hostFacts() });
  } finally {
    await book.close();
  }
}

/** One call that must succeed. */
export async function must<K extends HandlerName>(ctx: ServiceContext, name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = await call(ctx, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}
