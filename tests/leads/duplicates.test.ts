/**
 * Trade-fair capture (issue 13 item 1), the pure side: which accounts of the book a lead being typed may already be,
 * and why (domain/leads/duplicates.ts). The service's side — reading the candidates from a real book — is in
 * leads.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isConclusive,
  matchLead,
  personKey,
  rankDuplicates,
  similarity,
  type KnownAccount,
  type KnownContact,
  type LeadKeys,
} from '../../src-main/domain/leads/duplicates';

const lead = (keys: Partial<LeadKeys>): LeadKeys => ({ company: null, contact: null, email: null, phone: null, ...keys });
const contact = (id: string, name: string, emails: string[] = [], phones: string[] = []): KnownContact => ({ id, name, emails, phones });
const account = (id: string, name: string, contacts: KnownContact[] = []): KnownAccount => ({ id, name, contacts });

const valvulas = account('A1', 'Válvulas Ibéricas, S.L.', [
  contact('C1', 'María López', ['Maria.Lopez@Valvulas-Ibericas.es'], ['+34912345678']),
  contact('C2', 'Jorge Ruiz', ['jorge@valvulas-ibericas.es'], ['+34612345678']),
]);

describe('matchLead: conclusive reasons', () => {
  it('the same e-mail in another case is the same buyer, about the contact that has it', () => {
    const match = matchLead(lead({ email: 'maria.lopez@valvulas-ibericas.ES' }), valvulas);
    expect(match).toMatchObject({ accountId: 'A1', contactId: 'C1', reasons: ['email'] });
    expect(isConclusive(match!)).toBe(true);
  });

  it('the same phone in E.164 is the same buyer, about the contact that has it', () => {
    const match = matchLead(lead({ phone: '+34612345678' }), valvulas);
    expect(match).toMatchObject({ accountId: 'A1', contactId: 'C2', reasons: ['phone'] });
    expect(isConclusive(match!)).toBe(true);
    // Another number that merely shares the last digits is not.
    expect(matchLead(lead({ phone: '+33612345678' }), valvulas)).toBeNull();
  });

  it('the same company with another legal form, case, accents and punctuation is the same buyer', () => {
    const match = matchLead(lead({ company: 'VALVULAS IBERICAS SL' }), valvulas);
    expect(match).toMatchObject({ accountId: 'A1', contactId: null, reasons: ['company'] });
    expect(isConclusive(match!)).toBe(true);
    expect(matchLead(lead({ company: 'Valvulas Ibericas' }), valvulas)?.reasons).toEqual(['company']);
    expect(matchLead(lead({ company: 'Müller GmbH & Co. KG' }), account('A2', 'MULLER'))?.reasons).toEqual(['company']);
  });

  it('every reason found is given, strongest first, and the contact is the one of the strongest', () => {
    // The e-mail is María's, the name is nearly Jorge's (listed before her here): the match is about María.
    const book = account('A1', 'Válvulas Ibéricas, S.L.', [contact('C2', 'Jorge Ruiz', [], ['+34612345678']), contact('C1', 'María López', ['maria.lopez@valvulas-ibericas.es'])]);
    const match = matchLead(lead({ company: 'Valvulas Ibericas SA', contact: 'Jorge Ruis', email: 'maria.lopez@valvulas-ibericas.es', phone: '+34612345678' }), book);
    expect(match?.reasons).toEqual(['email', 'phone', 'company', 'similar_name']);
    expect(match?.contactId).toBe('C1');
  });
});

describe('matchLead: suggestive reasons', () => {
  it('a company one letter off is similar, not the same', () => {
    const match = matchLead(lead({ company: 'Valvulas Ibericaz S.L.' }), valvulas);
    expect(match).toMatchObject({ accountId: 'A1', reasons: ['similar_company'] });
    expect(isConclusive(match!)).toBe(false);
    expect(matchLead(lead({ company: 'Valvlas Ibericas' }), valvulas)?.reasons).toEqual(['similar_company']);
  });

  it('"Sato, Kenji" and "Kenji Sato", "Jonas Weber" and "Jonas Webber" are similar names', () => {
    const book = account('A3', 'Nippon Fittings KK', [contact('C3', 'Sato, Kenji'), contact('C4', 'Jonas Webber')]);
    const kenji = matchLead(lead({ contact: 'Kenji Sato' }), book);
    expect(kenji).toMatchObject({ accountId: 'A3', contactId: 'C3', reasons: ['similar_name'] });
    expect(isConclusive(kenji!)).toBe(false);
    expect(matchLead(lead({ contact: 'Jonas Weber' }), book)).toMatchObject({ contactId: 'C4', reasons: ['similar_name'] });
    expect(matchLead(lead({ contact: 'JÖNAS  webber' }), book)).toMatchObject({ contactId: 'C4', reasons: ['similar_name'] });
    expect(personKey('Sato, Kenji')).toBe(personKey('kenji SATO'));
  });

  it('short names (under 4 characters) are matched only when they are the same', () => {
    expect(matchLead(lead({ company: 'ACE' }), account('A4', 'ACME'))).toBeNull();
    expect(matchLead(lead({ company: 'ABD' }), account('A4', 'ABC Ltd'))).toBeNull();
    expect(matchLead(lead({ company: 'ABC GmbH' }), account('A4', 'ABC Ltd'))?.reasons).toEqual(['company']);
    const wu = account('A5', 'Wu Trading', [contact('C5', 'Bo')]);
    expect(matchLead(lead({ contact: 'Bob' }), wu)).toBeNull();
    expect(matchLead(lead({ contact: 'bo' }), wu)?.reasons).toEqual(['similar_name']);
  });

  it('nothing in common is no match; empty keys match nothing', () => {
    expect(matchLead(lead({ company: 'Nordic Pumps AB', contact: 'Lars Berg', email: 'lars@nordicpumps.se', phone: '+46812345678' }), valvulas)).toBeNull();
    expect(matchLead(lead({}), valvulas)).toBeNull();
    expect(matchLead(lead({ company: 'S.L.' }), account('A6', 'GmbH'))).toBeNull();
  });
});

describe('rankDuplicates', () => {
  const book = [
    account('B9', 'Iberica Valves', [contact('C9', 'Maria Lopes')]), // similar name only
    account('B1', 'Valvulas Ibericaz', []), // similar company
    account('B5', 'Valvulas Ibericas SA', []), // same company
    account('B2', 'Other', [contact('C2', 'X', ['maria@valvulas.es'])]), // same e-mail
    account('B3', 'Nothing Alike', [contact('C3', 'Lars Berg')]),
    account('B4', 'Valvulas Ibericas', [contact('C4', 'María López')]), // same company and a similar name
  ];
  const keys = lead({ company: 'Válvulas Ibéricas', contact: 'Maria Lopez', email: 'MARIA@valvulas.es' });

  it('conclusive matches come first, then by strength, ties by id; unmatched accounts are left out', () => {
    const ranked = rankDuplicates(keys, book, 10);
    expect(ranked.map((m) => [m.accountId, m.reasons])).toEqual([
      ['B4', ['company', 'similar_name']],
      ['B2', ['email']],
      ['B5', ['company']],
      ['B1', ['similar_company']],
      ['B9', ['similar_name']],
    ]);
    expect(ranked.map(isConclusive)).toEqual([true, true, true, false, false]);
  });

  it('at most `limit`, five by default', () => {
    expect(rankDuplicates(keys, book, 2).map((m) => m.accountId)).toEqual(['B4', 'B2']);
    expect(rankDuplicates(keys, book)).toHaveLength(5);
    expect(rankDuplicates(keys, [...book, account('B0', 'Valvulas Ibericas')])).toHaveLength(5);
    expect(rankDuplicates(keys, [])).toEqual([]);
  });
});

describe('properties', () => {
  const name = fc.oneof(
    fc.string({ maxLength: 24 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom('Válvulas Ibéricas, S.L.', 'VALVULAS IBERICAS SL', 'Kenji Sato', 'Sato, Kenji', '深圳华强电子有限公司', '𠀀𠀁 Trading', 'x'),
  );

  it('similarity is symmetric and between 0 and 1, and 1 for the same text', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const s = similarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(similarity(b, a)).toBe(s);
        expect(similarity(a, a)).toBe(1);
      }),
      { seed: 13, numRuns: 400 },
    );
  });

  it('a lead always matches an account of its own name and contact; conclusive matches always rank first', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ]{4,10}$/);
    fc.assert(
      fc.property(word, word, fc.array(fc.tuple(word, word), { maxLength: 6 }), (company, person, others) => {
        const keys = lead({ company, contact: person });
        const same = matchLead(keys, account('A0', company, [contact('C0', person)]));
        expect(same?.reasons).toEqual(['company', 'similar_name']);
        const ranked = rankDuplicates(keys, others.map(([c, p], i) => account(`A${i + 1}`, c, [contact(`C${i + 1}`, p)])), 10);
        const flags = ranked.map(isConclusive);
        expect(flags).toEqual([...flags].sort((x, y) => Number(y) - Number(x)));
      }),
      { seed: 21, numRuns: 200 },
    );
  });
});
