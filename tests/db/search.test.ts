/** PRODUCT, Search: Chinese names by any part, Latin by prefix and without accents; through the API on a real book. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src-main/db/connection';
import { migrate } from '../../src-main/db/migrator';
import { toSearchDocument, toSearchQuery } from '../../src-main/domain/search-text';
import { call } from '../../src-main/handlers/dispatch';
import { openTestBook, valueOf, type TestBook } from './temp-book';

let tb: TestBook;
const id = { huaqiang: '', valvulas: '', seoul: '', plain: '' };

async function names(query: string, extra: { country?: string } = {}): Promise<string[]> {
  const accounts = valueOf(await call(tb.ctx, 'accounts.list', { query, ...extra }));
  const count = valueOf(await call(tb.ctx, 'accounts.count', { query }));
  if (extra.country === undefined) expect(count, `count for ${query}`).toBe(accounts.length);
  return accounts.map((a) => a.name);
}

beforeAll(async () => {
  tb = openTestBook();
  const ctx = tb.ctx;
  id.huaqiang = valueOf(await call(ctx, 'accounts.add', { name: '深圳华强电子有限公司', country: 'CN', notes: '广交会认识，需要CE证书' })).id;
  id.valvulas = valueOf(await call(ctx, 'accounts.add', { name: 'Válvulas Ibéricas S.L.', country: 'ES', notes: 'Met at Canton Fair; pays by L/C' })).id;
  id.seoul = valueOf(await call(ctx, 'accounts.add', { name: '서울무역상사', country: 'KR' })).id;
  id.plain = valueOf(await call(ctx, 'accounts.add', { name: 'Hamburg Hardware GmbH', country: 'DE' })).id;
  valueOf(
    await call(ctx, 'contacts.add', {
      accountId: id.valvulas,
      name: 'María López',
      emails: ['maria.lopez@valvulas-ibericas.es'],
      notes: 'Prefers WhatsApp',
    }),
  );
  valueOf(await call(ctx, 'contacts.add', { accountId: id.huaqiang, name: '王小明', emails: ['wang@hq-elec.cn'] }));
});

afterAll(async () => {
  await tb.close();
});

describe('Search: through accounts.list / accounts.count on a real book', () => {
  it('Search: "华强" finds 深圳华强电子有限公司 (any part of a Chinese name)', async () => {
    expect(await names('华强')).toEqual(['深圳华强电子有限公司']);
  });

  it('Search: one character ("强") and the start ("深圳华") find it too, and so do the end and the whole name', async () => {
    expect(await names('强')).toEqual(['深圳华强电子有限公司']);
    expect(await names('深圳华')).toEqual(['深圳华强电子有限公司']);
    expect(await names('公司')).toEqual(['深圳华强电子有限公司']);
    expect(await names('司')).toEqual(['深圳华强电子有限公司']);
    expect(await names('深圳华强电子有限公司')).toEqual(['深圳华强电子有限公司']);
  });

  it('Search: characters that are not adjacent in the name do not match as a phrase', async () => {
    expect(await names('深华')).toEqual([]);
    expect(await names('华电')).toEqual([]);
  });

  it('Search: "valv", "VALVULAS", "válv" and "ibéricas" find Válvulas Ibéricas S.L. (prefix, accent- and case-insensitive)', async () => {
    for (const query of ['valv', 'VALVULAS', 'válv', 'Valvulas', 'ibéricas', 'IBERIC', 'valvulas iber']) {
      expect(await names(query), query).toEqual(['Válvulas Ibéricas S.L.']);
    }
  });

  it('Search: Korean names are found by any part', async () => {
    expect(await names('무역')).toEqual(['서울무역상사']);
    expect(await names('상')).toEqual(['서울무역상사']);
  });

  it("Search: a contact's e-mail prefix and a contact's name find the account", async () => {
    expect(await names('maria.lopez')).toEqual(['Válvulas Ibéricas S.L.']);
    expect(await names('maria.lop')).toEqual(['Válvulas Ibéricas S.L.']);
    expect(await names('hq-elec')).toEqual(['深圳华强电子有限公司']);
    expect(await names('María López')).toEqual(['Válvulas Ibéricas S.L.']);
    expect(await names('lopez')).toEqual(['Válvulas Ibéricas S.L.']);
    expect(await names('小明')).toEqual(['深圳华强电子有限公司']);
  });

  it('Search: notes of the account and of its contacts are searched', async () => {
    expect(await names('canton')).toEqual(['Válvulas Ibéricas S.L.']);
    expect(await names('交会')).toEqual(['深圳华强电子有限公司']);
    expect(await names('证书')).toEqual(['深圳华强电子有限公司']);
    expect(await names('whatsapp')).toEqual(['Válvulas Ibéricas S.L.']);
  });

  it('Search: terms are combined with AND across name, contacts and notes', async () => {
    expect(await names('valvulas maria canton')).toEqual(['Válvulas Ibéricas S.L.']);
    expect(await names('valvulas zebra')).toEqual([]);
    expect(await names('华强', { country: 'ES' })).toEqual([]);
    expect(await names('华强', { country: 'CN' })).toEqual(['深圳华强电子有限公司']);
  });

  it('Search: an unrelated word finds nothing', async () => {
    expect(await names('zebra')).toEqual([]);
    expect(await names('北京')).toEqual([]);
    expect(await names('madrid')).toEqual([]);
  });

  it('Search: FTS5 syntax in the query is treated as text, never as an error', async () => {
    for (const query of ['a" OR b*', 'NEAR(valv ibericas)', 'names:valv', '"', 'valv*', '-valv']) {
      const result = await call(tb.ctx, 'accounts.list', { query });
      expect(result.ok, query).toBe(true);
    }
    expect(await names('valv*')).toEqual(['Válvulas Ibéricas S.L.']);
    expect(await names('-valv')).toEqual(['Válvulas Ibéricas S.L.']);
    expect(await names('names:valv')).toEqual([]);
  });

  it('Search: renaming an account re-indexes it (old name gone, new name found)', async () => {
    valueOf(await call(tb.ctx, 'accounts.update', { id: id.plain, name: 'Bremen Armaturen GmbH', notes: 'Messe 2025' }));
    expect(await names('hamburg')).toEqual([]);
    expect(await names('armatur')).toEqual(['Bremen Armaturen GmbH']);
    expect(await names('messe')).toEqual(['Bremen Armaturen GmbH']);
  });
});

describe('Search: property over a real FTS5 index', () => {
  it('Search: every contiguous part of a Chinese name finds it, and a part of no name finds nothing', () => {
    const db = openSqlite(':memory:');
    migrate(db, { file: ':memory:' });
    const insertDoc = db.prepare('INSERT INTO search_index (rowid, names, emails, notes) VALUES (?, ?, ?, ?)');
    const find = db.prepare('SELECT rowid AS doc FROM search_index WHERE search_index MATCH ?');
    const alphabet = [...'深圳华强电子有限公司宁波义乌金鼎阀门'];
    try {
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 10 }),
          fc.nat(),
          fc.nat(),
          (chars, a, b) => {
            db.exec('DELETE FROM search_index');
            const name = chars.join('');
            insertDoc.run(1, toSearchDocument(`${name} Trading Co.`), '', '');
            const start = a % chars.length;
            const end = start + 1 + (b % (chars.length - start));
            const part = chars.slice(start, end).join('');
            expect(find.all(toSearchQuery(part)!), `${part} in ${name}`).toEqual([{ doc: 1 }]);
            // A character that is not in the name finds nothing.
            const absent = alphabet.find((c) => !chars.includes(c));
            if (absent !== undefined) expect(find.all(toSearchQuery(absent)!)).toEqual([]);
          },
        ),
        { seed: 42, numRuns: 300 },
      );
    } finally {
      db.close();
    }
  });
});
