/** Building a book for an end-to-end test with the services, before it is served. Not a test file. */
import type { HandlerName, InputOf, OutputOf } from '../../src-main/contract';
import { openBook } from '../../src-main/db/book';
import { call } from '../../src-main/handlers/dispatch';
import { hostFacts, systemClock, type ServiceContext } from '../../src-main/services/context';

/**
 * Opens (or creates) the book at `file`, runs `work` on it and closes it; `at` fixes the clock (a user in Shanghai),
 * else it is the system's.
 */
export async function withBook<T>(file: string, work: (ctx: ServiceContext) => Promise<T>, at?: string): Promise<T> {
  const book = openBook(file, { create: true });
  try {
    const clock = at === undefined ? { now: systemClock, host: hostFacts() } : { now: () => at, host: { timeZone: 'Asia/Shanghai', country: 'CN' } };
    return await work({ book, ...clock });
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
