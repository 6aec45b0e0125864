/**
 * Bench child for team sharing (bench/modules/sharing.ts): one phase per process so its peak RSS is its own.
 *   sharing.ts export BOOK OUT            full export → {ms, rss}
 *   sharing.ts merge BOOK FILE            merge (backup excluded) → {ms, rss, added, updated, unchanged}
 *   sharing.ts edit BOOK N                N account edits in one go (makes a delta)
 *   sharing.ts vacuum BOOK OUT            the same-run baseline: VACUUM INTO
 */
import { openBook } from '../../src-main/db/book';
import { hostFacts, systemClock, type ServiceContext } from '../../src-main/services/context';
import { exportShare } from '../../src-main/services/sharing/export';
import { mergeShare } from '../../src-main/services/sharing/merge';
import { updateAccount } from '../../src-main/services/accounts';

const [phase, bookFile, arg] = process.argv.slice(2) as [string, string, string];
const book = openBook(bookFile, { create: phase === 'merge' });
const ctx: ServiceContext = { book, now: systemClock, host: hostFacts() };
const rss = () => Math.round(process.resourceUsage().maxRSS / 1024);
const t0 = performance.now();
let extra: Record<string, unknown> = {};
if (phase === 'export') {
  extra = { total: (await exportShare(ctx, { out: arg })).total };
} else if (phase === 'since') {
  extra = { total: (await exportShare(ctx, { out: arg, since: new Date().toISOString().slice(0, 10) })).total };
} else if (phase === 'merge') {
  const r = await mergeShare(ctx, { file: arg, dryRun: false });
  extra = { added: r.added, updated: r.updated, unchanged: r.unchanged, conflicts: r.conflicts.length };
} else if (phase === 'edit') {
  const ids = book.sqlite.prepare('SELECT id FROM accounts WHERE deleted_at IS NULL ORDER BY random() LIMIT ?').pluck().all(Number(arg)) as string[];
  for (const [i, id] of ids.entries()) await updateAccount(ctx, { id, notes: `bench edit ${i}` });
} else if (phase === 'vacuum') {
  book.sqlite.prepare('VACUUM INTO ?').run(arg);
}
const ms = performance.now() - t0;
await book.close();
process.stdout.write(`${JSON.stringify({ ms: Math.round(ms), rss: rss(), ...extra })}\n`);
