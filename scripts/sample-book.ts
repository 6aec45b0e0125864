/** A small seeded book with a year of weekly rescores (so quarterly health reviews exist), for the account-page tests. */
import { openBook } from '../src-main/db/book';
import { call } from '../src-main/handlers/dispatch';
import type { ServiceContext } from '../src-main/services/context';

const DAY_MS = 86_400_000;

/** A buyer whose name is far wider than the page: the header must cut it and show it whole in the tooltip. */
export const LONG_NAME =
  'Compañía Internacional de Válvulas, Bombas y Accesorios Industriales para la Minería del Norte de Chile y Perú S.A. (División de Importaciones)';

/**
 * Seeds `accounts` accounts (seed 3, as of 2025-06-30) plus one with a very long name, and rescores the book every
 * 7 days over the year before.
 */
export async function seedScoredBook(file: string, accounts = 30): Promise<void> {
  const book = openBook(file, { create: true });
  const ctx: ServiceContext = { book, now: () => '2025-06-30T10:00:00Z', host: { timeZone: 'Asia/Shanghai', country: 'CN' } };
  try {
    const seeded = await call(ctx, 'book.seed', { accounts, seed: 3, asOf: '2025-06-30' });
    if (!seeded.ok) throw new Error(seeded.error.message);
    const long = await call(ctx, 'accounts.add', { name: LONG_NAME, country: 'CL', city: 'Antofagasta', currency: 'CNY' });
    if (!long.ok) throw new Error(long.error.message);
    for (const orderedAt of ['2024-09-12', '2025-01-20', '2025-05-06']) {
      const order = await call(ctx, 'orders.add', { accountId: long.value.id, orderedAt, amount: 88_000, currency: 'CNY', cost: 70_000 });
      if (!order.ok) throw new Error(order.error.message);
    }
    for (let ms = Date.parse('2024-07-01T00:00:00Z'); ms <= Date.parse('2025-06-30T00:00:00Z'); ms += 7 * DAY_MS) {
      const asOf = new Date(ms).toISOString().slice(0, 10);
      const run = await call(ctx, 'scores.run', { asOf });
      if (!run.ok) throw new Error(run.error.message);
    }
    const last = await call(ctx, 'scores.run', { asOf: '2025-06-30' });
    if (!last.ok) throw new Error(last.error.message);
  } finally {
    await book.close();
  }
}
