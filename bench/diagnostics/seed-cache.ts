/**
 * Not part of `npm run bench`: runs the real seedBook in-process on a fresh book, optionally after a PRAGMA,
 * to show the effect of SQLite's page cache on the seed (one ~1M-row transaction).
 *
 *   npx tsx bench/diagnostics/seed-cache.ts                          # as the CLI does it (default cache_size)
 *   npx tsx bench/diagnostics/seed-cache.ts "cache_size = -262144"   # 256 MB page cache
 */
import fs from 'node:fs';
import path from 'node:path';
import { openBook } from '../../src-main/db/book';
import { seedBook } from '../../src-main/services/seed';
import { hostFacts, systemClock } from '../../src-main/services/context';

const pragmas = (process.argv[2] ?? '').split(';').map((p) => p.trim()).filter(Boolean);
const file = path.resolve('bench/.work/diag-seed.db');
const remove = () => {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
};
remove();
const book = openBook(file, { create: true });
try {
  for (const p of pragmas) book.sqlite.pragma(p);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const summary = await seedBook({ book, now: systemClock, host: hostFacts() }, { accounts: 50_000, ordersPerAccount: 21.6, seed: 1, asOf: '2025-06-30' });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  console.log(JSON.stringify({
    pragmas, orders: summary.orders, wallS: Math.round(wall * 10) / 10,
    userS: Math.round(cpu.user / 1e5) / 10, systemS: Math.round(cpu.system / 1e5) / 10,
    cacheSize: book.sqlite.pragma('cache_size', { simple: true }),
  }));
} finally {
  await book.close();
  remove();
}
