/**
 * Trade-fair capture on the 50k book (issue 13 item 1): `leads.duplicates` as the quick-add form asks it while a
 * lead is typed, for 200 leads drawn from the book — a contact's company with its last two letters dropped, the
 * person, their e-mail and phone (the worst case: every look-up at once) — and `leads.add`, a save with its
 * scheduler tick, for 20 new leads. Baseline in the same run: the FTS5 look-up of one e-mail, the cheapest thing
 * the duplicate check does.
 */
import { openBook } from '../../src-main/db/book';
import { dispatch } from '../../src-main/handlers/dispatch';
import { hostFacts, systemClock, type ServiceContext } from '../../src-main/services/context';
import { baseline, info, target, type BenchModule, type Row } from '../lib/types';
import { median, percentile, rng, round, timeSync } from '../lib/stats';

interface Lead {
  company: string;
  contact: string;
  email: string;
  phone: string;
  country: string;
}

function sampleLeads(ctx: ServiceContext, n: number): Lead[] {
  const rand = rng(20261207);
  const maxRow = (ctx.book.sqlite.prepare('SELECT max(rowid) FROM contacts').pluck().get() as number) || 1;
  const at = ctx.book.sqlite.prepare(
    `SELECT a.name AS company, a.country, c.name AS contact, c.emails, c.phones FROM contacts c JOIN accounts a ON a.id = c.account_id
     WHERE c.rowid >= ? ORDER BY c.rowid LIMIT 1`,
  );
  const out: Lead[] = [];
  for (let guard = 0; out.length < n && guard < n * 10; guard++) {
    const row = at.get(1 + Math.floor(rand() * maxRow)) as { company: string; country: string; contact: string; emails: string; phones: string } | undefined;
    if (!row) continue;
    const email = (JSON.parse(row.emails) as string[])[0];
    const phone = (JSON.parse(row.phones) as string[])[0];
    if (!email || !phone) continue;
    out.push({ company: row.company.slice(0, -2), contact: row.contact, email, phone, country: row.country });
  }
  return out;
}

export const leads: BenchModule = {
  name: 'leads',
  async run(ctx) {
    const book = openBook(ctx.bookFile);
    const svc: ServiceContext = { book, now: systemClock, host: hostFacts() };
    const rows: Row[] = [];
    try {
      const sample = sampleLeads(svc, 200);
      const ask = async (lead: Lead) => {
        const result = await dispatch(svc, 'leads.duplicates', lead);
        if (!result.ok) throw new Error(`leads.duplicates failed: ${result.error.message}`);
        return (result.value as unknown[]).length;
      };
      for (const lead of sample.slice(0, 20)) await ask(lead); // warm-up
      const times: number[] = [];
      let found = 0;
      for (const lead of sample) {
        const t0 = performance.now();
        if ((await ask(lead)) > 0) found++;
        times.push(performance.now() - t0);
      }
      const fts = book.sqlite.prepare('SELECT d.account_id FROM search_index JOIN search_docs d ON d.doc = search_index.rowid WHERE search_index MATCH ? LIMIT 40');
      const emailMatch = (email: string) => `emails : "${email.split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ')}"`;
      const raw = sample.map((lead) => median(timeSync(3, () => fts.all(emailMatch(lead.email)))));

      const saves: number[] = [];
      for (let i = 0; i < 21; i++) {
        const t0 = performance.now();
        const result = await dispatch(svc, 'leads.add', { company: `Bench Fair Lead ${i} GmbH`, contact: `Bench Person ${i}`, country: 'DE', phone: `030 55501${String(i).padStart(2, '0')}`, tags: ['Bench Messe'] });
        if (!result.ok) throw new Error(`leads.add failed: ${result.error.message}`);
        saves.push(performance.now() - t0);
      }
      const [first, ...rest] = saves;
      rows.push(
        target(`leads.duplicates p95 (${sample.length} leads, every field)`, round(percentile(times, 95)), 'ms', { max: 50 },
          'leads: dispatch(leads.duplicates {company, contact, email, phone, country}) in-process, warm; the quick-add form asks it 200 ms after typing pauses'),
        info('  leads.duplicates p50', round(percentile(times, 50)), 'ms'),
        info('  leads with a match (their own account)', `${found} / ${sample.length}`),
        baseline('  raw FTS5 look-up of one e-mail p50', round(percentile(raw, 50)), 'ms'),
        info('  leads.add first save (its tick)', round(first ?? NaN), 'ms'),
        target('leads.add p50 (20 saves, each with its scheduler tick)', round(percentile(rest, 50)), 'ms', { max: 200 }),
      );
    } finally {
      await book.close();
    }
    return rows;
  },
};
