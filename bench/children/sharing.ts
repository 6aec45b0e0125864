/**
 * Bench child for team sharing (bench/modules/sharing.ts): one phase per process so its peak RSS is its own.
 *   sharing.ts export BOOK OUT            full export → {ms, rss}
 *   sharing.ts merge BOOK FILE            merge (backup excluded) → {ms, rss, added, updated, unchanged}
 *   sharing.ts edit BOOK N                N account edits in one go (makes a delta)
 *   sharing.ts vacuum BOOK OUT            the same-run baseline: VACUUM INTO
 *   sharing.ts csv OUT N                  writes a deterministic N-row CSV of accounts and their contacts (not timed)
 *   sharing.ts import BOOK FILE           runImport of that CSV → {ms, rss, rows, errors, accounts, contacts}
 */
import fs from 'node:fs';
import { openBook } from '../../src-main/db/book';
import { hostFacts, systemClock, type ServiceContext } from '../../src-main/services/context';
import { exportShare } from '../../src-main/services/sharing/export';
import { mergeShare } from '../../src-main/services/sharing/merge';
import { updateAccount } from '../../src-main/services/accounts';
import { runImport } from '../../src-main/services/import';
import { rng } from '../lib/stats';

const [phase, bookFile, arg] = process.argv.slice(2) as [string, string, string];

/**
 * A CRM export of people with their companies, one person a row, the way a HubSpot or Salesforce export looks:
 * ~2.5 people per company on average (1–6, a company's rows not always adjacent), countries by name, code and in
 * Chinese, cities, titles, one or two e-mails, phones in assorted formats, some notes, some blank cells, a few
 * company names repeated with another legal suffix. The same file every run (seeded PRNG).
 */
function writeCsv(file: string, rows: number): void {
  const random = rng(20_111);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const countries = [
    ['Spain', 'Madrid'], ['DE', 'Hamburg'], ['德国', 'München'], ['United States', 'Chicago'], ['中国', '深圳'], ['FR', 'Lyon'], ['Brazil', 'São Paulo'],
    ['India', 'Mumbai'], ['United Arab Emirates', 'Dubai'], ['Japan', '大阪'], ['GB', 'Leeds'], ['Italy', 'Milano'], ['Mexico', 'Monterrey'], ['Turkey', 'İzmir'],
  ] as const;
  const words = ['Global', 'Pacific', 'Nordic', 'Sun', 'Blue', 'Golden', 'Delta', 'Prime', 'Atlas', 'Orient', 'Silk', 'Harbor', 'Union', 'Apex', 'Star'];
  const trades = ['Trading', 'Imports', 'Textiles', 'Machinery', 'Foods', 'Logistics', 'Home', 'Electronics', 'Furniture', 'Chemicals'];
  const suffixes = ['Ltd', 'GmbH', 'S.L.', 'Inc.', 'LLC', 'S.A.', 'Co., Ltd.', '有限公司', 'SARL', 'Pvt Ltd'];
  const first = ['Ana', 'Luis', 'Marta', 'Jonas', 'Lea', 'Wei', 'Li', 'Priya', 'Arjun', 'Omar', 'Yuki', 'Emma', 'Noah', 'Sofia', 'Mehmet', 'Chloé'];
  const last = ['García', 'Müller', 'Smith', 'Wang', 'Zhang', 'Martin', 'Silva', 'Patel', 'Khan', 'Suzuki', 'Rossi', 'Yılmaz', 'López', 'Brown'];
  const titles = ['Purchasing Manager', 'CEO', 'Buyer', 'Head of Sourcing', '采购经理', 'Owner', '', 'Import Director'];
  const sources = ['Trade fair', 'Website', 'Referral', 'Alibaba', '', 'Phone'];
  const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const fd = fs.openSync(file, 'w');
  const lines = ['\ufeffRecord ID,Company name,Country/Region,City,First Name,Last Name,Job Title,Email,Phone Number,Lead Source,Notes'];
  let company = 0;
  let left = 0;
  let current = { name: '', country: 0 };
  for (let i = 0; i < rows; i++) {
    if (left === 0) {
      company++;
      left = 1 + Math.floor(random() * random() * 6);
      const name = `${pick(words)} ${pick(trades)} ${company}`;
      current = { name: random() < 0.03 ? `${name} ${pick(suffixes)}` : `${name} ${suffixes[company % suffixes.length]!}`, country: Math.floor(random() * countries.length) };
    }
    left--;
    const [country, city] = countries[current.country]!;
    const f = pick(first);
    const l = pick(last);
    const domain = `c${company}.example`;
    const email = random() < 0.9 ? `${f.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${i}@${domain}${random() < 0.1 ? `; sales${i}@${domain}` : ''}` : '';
    const digits = String(100_000_000 + ((i * 7919) % 899_999_999));
    const phone = random() < 0.2 ? '' : random() < 0.5 ? `+44 20 ${digits.slice(0, 4)} ${digits.slice(4, 8)}` : `+86 ${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
    const notes = random() < 0.15 ? `Met at ${pick(['Canton Fair', 'Ambiente', 'SIAL', 'the showroom'])}, asked for samples, "urgent"` : '';
    lines.push([`R${i + 1}`, current.name, country, random() < 0.7 ? city : '', f, l, pick(titles), email, phone, pick(sources), notes].map(cell).join(','));
    if (lines.length >= 5000) {
      fs.writeSync(fd, `${lines.join('\n')}\n`);
      lines.length = 0;
    }
  }
  fs.writeSync(fd, `${lines.join('\n')}\n`);
  fs.closeSync(fd);
}

if (phase === 'csv') {
  writeCsv(bookFile, Number(arg));
  process.stdout.write(`${JSON.stringify({ ms: 0, rss: 0, bytes: fs.statSync(bookFile).size })}\n`);
  process.exit(0);
}

const book = openBook(bookFile, { create: phase === 'merge' || phase === 'import' });
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
} else if (phase === 'import') {
  const r = await runImport(ctx, { file: arg, dryRun: false } as Parameters<typeof runImport>[1]);
  extra = { rows: r.rows, errors: r.errorCount, written: r.written, imported: r.imported, skipped: r.skipped, duplicates: r.duplicateCount };
} else if (phase === 'vacuum') {
  book.sqlite.prepare('VACUUM INTO ?').run(arg);
}
const ms = performance.now() - t0;
await book.close();
process.stdout.write(`${JSON.stringify({ ms: Math.round(ms), rss: rss(), ...extra })}\n`);
