/** The pure parts of the import: header guesses, values, countries, company names, formula neutralisation. */
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src-main/domain/import/amounts';
import { normaliseCompanyName } from '../../src-main/domain/import/company-name';
import { countryCode } from '../../src-main/domain/import/country-names';
import { guessDateOrder, parseDate } from '../../src-main/domain/import/dates';
import { checkUtf8, chooseFamily, newTally, tallyLine } from '../../src-main/domain/import/encoding';
import { fieldValues } from '../../src-main/domain/import/fields';
import { neutraliseFormula, restoreNeutralised } from '../../src-main/domain/import/formula';
import { applyMap, guessMapping, uniqueHeaders } from '../../src-main/domain/import/headers';
import { validateRow } from '../../src-main/domain/import/validate-row';
import { normalisePhone, parseCurrency, parseEmail, parseLanguage, parseSource } from '../../src-main/domain/import/values';

const guess = (headers: string[]) => Object.fromEntries(headers.map((h, i) => [h, guessMapping(headers)[i]]));

describe('header guesses for common CRM exports', () => {
  it('HubSpot companies and contacts', () => {
    expect(guess(['Record ID', 'Company name', 'Country/Region', 'City', 'Phone Number', 'Company owner'])).toEqual({
      'Record ID': 'id', 'Company name': 'account.name', 'Country/Region': 'account.country', City: 'account.city', 'Phone Number': 'contact.phone', 'Company owner': 'account.owner',
    });
    expect(guess(['Record ID', 'First Name', 'Last Name', 'Email', 'Mobile Phone Number', 'Job Title', 'Company Name', 'Country/Region'])).toMatchObject({
      'First Name': 'contact.firstName', 'Last Name': 'contact.lastName', Email: 'contact.email', 'Mobile Phone Number': 'contact.phone', 'Job Title': 'contact.title', 'Company Name': 'account.name',
    });
  });
  it('Salesforce and Zoho accounts and contacts (an account id repeated on contact rows is not the row id)', () => {
    expect(guess(['Account ID', 'Account Name', 'Billing Country', 'Billing City', 'Account Owner', 'Account Source', 'Description'])).toEqual({
      'Account ID': 'id', 'Account Name': 'account.name', 'Billing Country': 'account.country', 'Billing City': 'account.city', 'Account Owner': 'account.owner',
      'Account Source': 'account.source', Description: 'account.notes',
    });
    expect(guess(['Contact ID', 'Account ID', 'Account Name', 'First Name', 'Last Name', 'Email', 'Phone', 'Mobile', 'Mailing Country', 'Lead Source'])).toEqual({
      'Contact ID': 'id', 'Account ID': null, 'Account Name': 'account.name', 'First Name': 'contact.firstName', 'Last Name': 'contact.lastName', Email: 'contact.email',
      Phone: 'contact.phone', Mobile: 'contact.phone', 'Mailing Country': 'account.country', 'Lead Source': 'account.source',
    });
  });
  it('Pipedrive persons and organizations', () => {
    expect(guess(['Person - Name', 'Person - Email', 'Person - Phone', 'Organization - Name', 'Organization - Country'])).toEqual({
      'Person - Name': 'contact.name', 'Person - Email': 'contact.email', 'Person - Phone': 'contact.phone', 'Organization - Name': 'account.name', 'Organization - Country': 'account.country',
    });
  });
  it('Chinese headers', () => {
    expect(guess(['公司名称', '国家', '联系人', '邮箱', '电话', '手机', '微信', '备注'])).toEqual({
      公司名称: 'account.name', 国家: 'account.country', 联系人: 'contact.name', 邮箱: 'contact.email', 电话: 'contact.phone', 手机: 'contact.phone', 微信: 'contact.wechat', 备注: 'account.notes',
    });
    expect(guess(['客户名称', '地区', '电子邮件', '订单号', '下单日期', '金额', '币种'])).toEqual({
      客户名称: 'account.name', 地区: 'account.country', 电子邮件: 'contact.email', 订单号: 'order.number', 下单日期: 'order.date', 金额: 'order.amount', 币种: 'order.currency',
    });
  });
  it('"Name" is the contact’s beside a company column, the company’s alone; "Currency" is the account’s without orders', () => {
    expect(guess(['Organization', 'Name'])).toEqual({ Organization: 'account.name', Name: 'contact.name' });
    expect(guess(['Name', 'Country', 'Currency'])).toEqual({ Name: 'account.name', Country: 'account.country', Currency: 'account.currency' });
    expect(guess(['Company', 'Date', 'Notes'])).toEqual({ Company: 'account.name', Date: null, Notes: 'account.notes' });
  });
  it('a single field goes to its first column; a user map overrides and frees the guess', () => {
    const headers = uniqueHeaders(['Company', 'Company', 'Land', '']);
    expect(headers).toEqual(['Company', 'Company (2)', 'Land', 'Column 4']);
    const guessed = guessMapping(headers);
    expect(guessed).toEqual(['account.name', null, null, null]);
    expect(applyMap(headers, guessed, { 'Company (2)': 'account.name', Land: 'account.country' })).toEqual([null, 'account.name', 'account.country', null]);
  });
});

describe('dates in the three formats and more', () => {
  it.each([
    ['2025-03-31', '2025-03-31'], ['31/03/2025', '2025-03-31'], ['2025年3月31日', '2025-03-31'], ['2025-03-31 14:05:00', '2025-03-31'],
    ['2025-03-31T23:30:00Z', '2025-03-31'], ['31.03.2025', '2025-03-31'], ['2025/3/31', '2025-03-31'], ['20250331', '2025-03-31'], ['31 Mar 2025', '2025-03-31'],
    ['March 31, 2025', '2025-03-31'], ['2025 年 3 月 31 日', '2025-03-31'], ['1/4/2025', '2025-04-01'],
  ])('%s → %s', (text, date) => expect(parseDate(text)).toEqual({ ok: true, date }));
  it('refuses impossible dates and says when a date only reads month first', () => {
    expect(parseDate('2025-02-30')).toEqual({ ok: false, code: 'import_date_invalid' });
    expect(parseDate('31/31/2025')).toEqual({ ok: false, code: 'import_date_invalid' });
    expect(parseDate('soon')).toEqual({ ok: false, code: 'import_date_invalid' });
    expect(parseDate('03/31/2025')).toEqual({ ok: false, code: 'import_date_order' });
    expect(parseDate('03/31/2025', 'mdy')).toEqual({ ok: true, date: '2025-03-31' });
    expect(parseDate('45747', 'dmy', true)).toEqual({ ok: true, date: '2025-03-31' });
    expect(parseDate('45747')).toEqual({ ok: false, code: 'import_date_invalid' });
  });
  it('guesses the day order of a column', () => {
    expect(guessDateOrder(['01/02/2025', '31/03/2025'])).toBe('dmy');
    expect(guessDateOrder(['01/02/2025', '03/31/2025'])).toBe('mdy');
    expect(guessDateOrder(['13/01/2025', '01/13/2025'])).toBeNull();
  });
});

describe('amounts with thousands separators', () => {
  it.each([
    ['1,234.56', 1234.56], ['1.234,56', 1234.56], ['1 234,56', 1234.56], ['1\u00a0234,56', 1234.56], ['1\u202f234,56', 1234.56], ["1'234.56", 1234.56],
    ['1234.5', 1234.5], ['1234,5', 1234.5], ['1,234', 1234], ['1.234', 1234], ['0,500', 0.5], ['12,34,567.89', 1234567.89], ['1,234,567', 1234567], ['1.234.567', 1234567],
    ['1 234 567,8', 1234567.8], ['12500', 12500], ['1.5E+3', 1500],
  ])('%s → %d', (text, value) => expect(parseAmount(text)).toMatchObject({ ok: true, value }));
  it('reads the currency around an amount when it is certain', () => {
    expect(parseAmount('USD 1,200.00')).toEqual({ ok: true, value: 1200, currency: 'USD' });
    expect(parseAmount('1.200,00 €')).toEqual({ ok: true, value: 1200, currency: 'EUR' });
    expect(parseAmount('8,000元')).toEqual({ ok: true, value: 8000, currency: 'CNY' });
    expect(parseAmount('RMB 8000')).toEqual({ ok: true, value: 8000, currency: 'CNY' });
    expect(parseAmount('$1,200')).toEqual({ ok: true, value: 1200, currency: null });
  });
  it('refuses what is not an amount, and negative amounts', () => {
    for (const bad of ['1,23,4', '1.234.56,7,8', '12a', 'abc', '1,2345,678', '', '1..5', '1 23,5']) expect(parseAmount(bad)).toMatchObject({ ok: false, code: 'import_amount_invalid' });
    expect(parseAmount('-5')).toEqual({ ok: false, code: 'import_amount_negative' });
    expect(parseAmount('(1,200.00)')).toEqual({ ok: false, code: 'import_amount_negative' });
  });
});

describe('countries by code and by English or Chinese name', () => {
  it.each([
    ['ES', 'ES'], ['es', 'ES'], ['Spain', 'ES'], ['España', 'ES'], ['西班牙', 'ES'], ['Germany', 'DE'], ['德国', 'DE'], ['德國', 'DE'], ['Deutschland', 'DE'],
    ['United States', 'US'], ['USA', 'US'], ['美国', 'US'], ['UK', 'GB'], ['United Kingdom', 'GB'], ['英国', 'GB'], ['UAE', 'AE'], ['阿联酋', 'AE'],
    ['United Arab Emirates', 'AE'], ['China', 'CN'], ['中国', 'CN'], ['Hong Kong', 'HK'], ['香港', 'HK'], ['South Korea', 'KR'], ['韩国', 'KR'], ['Turkey', 'TR'],
    ['Türkiye', 'TR'], ['Côte d’Ivoire', 'CI'], ['Ivory Coast', 'CI'], ['Viet Nam', 'VN'], ['the Netherlands', 'NL'], ['Saudi Arabia', 'SA'], ['沙特阿拉伯', 'SA'],
    ['Russia', 'RU'], ['俄罗斯', 'RU'], ['India', 'IN'], ['印度', 'IN'], ['Brazil', 'BR'], ['巴西', 'BR'], ['Mexico', 'MX'], ['墨西哥', 'MX'],
  ])('%s → %s', (name, code) => expect(countryCode(name)).toBe(code));
  it('unknown names are null, to be reported', () => {
    for (const name of ['Narnia', '火星', 'XX', 'Europe']) expect(countryCode(name)).toBeNull();
  });
});

describe('company names normalised for duplicates', () => {
  it('one company whatever its case, accents, punctuation or legal form', () => {
    const same = (a: string, b: string) => expect(normaliseCompanyName(a)).toBe(normaliseCompanyName(b));
    same('Válvulas Ibéricas, S.L.', 'VALVULAS IBERICAS SL');
    same('Acme Trading Co., Ltd.', 'acme trading');
    same('Müller GmbH & Co. KG', 'Muller');
    same('Hernández S.A. de C.V.', 'HERNANDEZ');
    same('Polska Stal Sp. z o.o.', 'polska stal');
    same('Big Buyer LLC', 'Big Buyer, Inc.');
    same('深圳华强电子有限公司', '深圳华强电子');
    same('华强电子股份有限公司', '华强电子');
    same('株式会社トヨタ', 'トヨタ株式会社');
  });
  it('different companies stay different', () => {
    expect(normaliseCompanyName('Johnson & Johnson')).not.toBe(normaliseCompanyName('Johnson'));
    expect(normaliseCompanyName('Alpha Ltd')).not.toBe(normaliseCompanyName('Alpine Ltd'));
  });
});

describe('contacts: e-mail, phone (E.164 in the row’s country), source, language, currency', () => {
  it('phones', () => {
    expect(normalisePhone('030 1234567', 'DE')).toBe('+49301234567');
    expect(normalisePhone('+34 912 345 678', 'CN')).toBe('+34912345678');
    expect(normalisePhone('0034 912 345 678', null)).toBe('+34912345678');
    expect(normalisePhone('138 1234 5678', 'CN')).toBe('+8613812345678');
    expect(normalisePhone('tel:+1-212-555-0100', null)).toBe('+12125550100');
    expect(normalisePhone('12', 'DE')).toBeNull();
    expect(normalisePhone('call me', 'DE')).toBeNull();
  });
  it('e-mails', () => {
    expect(parseEmail('Ana <ana@example.com>')).toBe('ana@example.com');
    expect(parseEmail('mailto:li@hq.cn')).toBe('li@hq.cn');
    expect(parseEmail('not-an-email')).toBeNull();
  });
  it('sources, languages and currencies', () => {
    expect(parseSource('Trade Show')).toBe('fair');
    expect(parseSource('阿里巴巴')).toBe('marketplace');
    expect(parseSource('Referrals')).toBe('referral');
    expect(parseSource('carrier pigeon')).toBeNull();
    expect(parseLanguage('Spanish')).toBe('es');
    expect(parseLanguage('西班牙语')).toBe('es');
    expect(parseLanguage('pt_BR')).toBe('pt-BR');
    expect(parseCurrency('rmb')).toBe('CNY');
    expect(parseCurrency('美元')).toBe('USD');
    expect(parseCurrency('eur')).toBe('EUR');
    expect(parseCurrency('XYZ')).toBeNull();
  });
});

describe('row validation', () => {
  const headers = ['Company', 'Country', 'Email', 'Amount', 'Date', 'Currency', 'Source'];
  const mapping = guessMapping(headers);
  const check = (cells: string[], options: Partial<Parameters<typeof validateRow>[2]> = {}) =>
    validateRow(7, fieldValues(headers, mapping, cells), { dateOrder: 'dmy', excelSerials: false, ...options });

  it('a good row becomes an account, a contact and an order', () => {
    const { record, problems } = check(['Acme Ltd', 'Spain', 'a@acme.es', '1.234,56', '31/03/2025', 'eur', 'Trade show']);
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      row: 7, companyKey: 'acme',
      account: { name: 'Acme Ltd', country: 'ES', timeZone: 'Europe/Madrid', source: 'fair' },
      contact: { name: 'a@acme.es', emails: ['a@acme.es'] },
      order: { orderedAt: '2025-03-31', amount: 1234.56, currency: 'EUR' },
    });
  });
  it('every problem is named with its column and reason', () => {
    const { record, problems } = check(['', 'Narnia', 'nope', '-3', '2025-02-30', 'ZZZ', 'pigeon']);
    expect(record).toBeNull();
    expect(problems.map((p) => [p.column, p.code])).toEqual([
      ['account.name', 'import_company_missing'], ['Country', 'import_country_unknown'], ['Source', 'import_source_unknown'], ['Email', 'import_email_invalid'],
      ['Date', 'import_date_invalid'], ['Amount', 'import_amount_negative'], ['Currency', 'import_currency_unknown'],
    ]);
  });
  it('a default country fills rows without one; an order needs a date, an amount and a currency', () => {
    const { record } = check(['Acme', '', '', '', '', '', ''], { defaultCountry: 'DE' });
    expect(record?.account.country).toBe('DE');
    const { problems } = check(['Acme', 'DE', '', '100', '', '', '']);
    expect(problems.map((p) => p.code)).toEqual(['import_order_field_missing', 'import_currency_missing']);
  });
  it('issue 15: the typed-input rules hold for imported rows — control or broken characters, dates outside 1990 … ten years ahead, an order of 0, a due date before the order', () => {
    const codes = (cells: string[], more: { headers: string[]; values: string[] } = { headers: [], values: [] }) => {
      const all = [...headers, ...more.headers];
      return validateRow(7, fieldValues(all, guessMapping(all), [...cells, ...more.values]), { dateOrder: 'dmy', excelSerials: false }).problems.map((p) => [p.column, p.code]);
    };
    expect(codes(['Acme\u0000 Ltd', 'Spain', '', '', '', '', ''])).toEqual([['Company', 'import_text_invalid']]);
    expect(codes(['Acme \uD800Ltd', 'Spain', '', '', '', '', ''])).toEqual([['Company', 'import_text_invalid']]);
    expect(codes(['Acme', 'Spain', '', '100', '31/12/1989', 'EUR', ''])).toEqual([['Date', 'import_date_range']]);
    expect(codes(['Acme', 'Spain', '', '100', '31/12/2090', 'EUR', ''])).toEqual([['Date', 'import_date_range']]);
    expect(codes(['Acme', 'Spain', '', '0', '01/06/2025', 'EUR', ''])).toEqual([['Amount', 'import_amount_zero']]);
    expect(codes(['Acme', 'Spain', '', '100', '10/06/2025', 'EUR', ''], { headers: ['Due date'], values: ['09/06/2025'] })).toEqual([['Due date', 'import_due_before_order']]);
    // Next to each rule, good input still goes in: line breaks and tabs in notes, the first day, a due date on the order day.
    expect(codes(['Acme', 'Spain', '', '0.01', '01/01/1990', 'EUR', ''], { headers: ['Notes', 'Due date'], values: ['Line 1\n\tLine 2', '01/01/1990'] })).toEqual([]);
  });
});

describe('formula injection: neutraliseFormula', () => {
  it('prefixes an apostrophe to cells starting with = + - @ tab or CR, and only those', () => {
    for (const bad of ['=1+1', '+34 912 345 678', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil","x")']) {
      expect(neutraliseFormula(bad)).toBe(`'${bad}`);
      expect(restoreNeutralised(neutraliseFormula(bad))).toBe(bad);
    }
    for (const fine of ['Acme', '', "'quoted", 'a=b', ' =x', '1-2']) expect(neutraliseFormula(fine)).toBe(fine);
    expect(restoreNeutralised("'Acme")).toBe("'Acme");
  });
});

describe('encoding facts', () => {
  const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
  it('checks UTF-8 strictly', () => {
    expect(checkUtf8(bytes('abc'), 0, 3).kind).toBe('ascii');
    const cjk = bytes('华强电子');
    expect(checkUtf8(cjk, 0, cjk.length)).toEqual({ kind: 'utf8', longSequences: 4 });
    const gbk = new Uint8Array([0xbb, 0xaa, 0xc7, 0xbf]);
    expect(checkUtf8(gbk, 0, gbk.length).kind).toBe('invalid');
    expect(checkUtf8(new Uint8Array([0xe4, 0xb8]), 0, 2).kind).toBe('invalid');
    expect(checkUtf8(new Uint8Array([0xc0, 0x80]), 0, 2).kind).toBe('invalid');
  });
  it('the larger group wins; the other lines are suspect', () => {
    const t = newTally();
    tallyLine(t, 1, { kind: 'ascii', longSequences: 0 });
    tallyLine(t, 2, { kind: 'utf8', longSequences: 4 });
    tallyLine(t, 3, { kind: 'utf8', longSequences: 4 });
    tallyLine(t, 4, { kind: 'invalid', longSequences: 0 });
    expect(chooseFamily(t)).toEqual({ family: 'utf8', suspectLines: [4] });
    tallyLine(t, 5, { kind: 'invalid', longSequences: 0 });
    tallyLine(t, 6, { kind: 'invalid', longSequences: 0 });
    expect(chooseFamily(t)).toEqual({ family: 'legacy', suspectLines: [2, 3] });
  });
});
