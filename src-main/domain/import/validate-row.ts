/**
 * One row of an imported file checked and turned into the account, contact and order it describes — or into the
 * problems that keep it out, each with its column and a reason code (rendered in the user's language by the
 * service). Pure: the book (duplicates, FX rates) is looked at by the service.
 */
import { FACT_DATE_MIN, factDateMax, isCleanText } from '../../contract/primitives';
import { suggestedZone } from '../countries';
import { resolveTimeZone } from '../zones';
import { parseAmount } from './amounts';
import { normaliseCompanyName } from './company-name';
import { countryCode } from './country-names';
import { parseDate, type DateOrder } from './dates';
import type { CellValue, FieldValues, ImportField } from './fields';
import { restoreNeutralised } from './formula';
import { emailKey, normalisePhone, parseCurrency, parseEmail, parseLanguage, parseSource, splitList, type InquirySourceName } from './values';

export type RowErrorCode =
  | 'import_company_missing'
  | 'import_country_missing'
  | 'import_country_unknown'
  | 'import_zone_unknown'
  | 'import_currency_unknown'
  | 'import_currency_missing'
  | 'import_currency_conflict'
  | 'import_date_invalid'
  | 'import_date_order'
  | 'import_amount_invalid'
  | 'import_amount_negative'
  | 'import_number_invalid'
  | 'import_email_invalid'
  | 'import_phone_invalid'
  | 'import_source_unknown'
  | 'import_language_unknown'
  | 'import_text_too_long'
  | 'import_text_invalid'
  | 'import_date_range'
  | 'import_amount_zero'
  | 'import_due_before_order'
  | 'import_order_field_missing'
  | 'import_quantity_unit'
  | 'import_row_length'
  | 'import_quote_open'
  | 'import_quote_malformed'
  | 'import_encoding'
  | 'import_company_conflict'
  | 'import_duplicate_book'
  | 'import_duplicate_row'
  | 'import_card_invalid'
  | 'fx_missing';

export interface RowProblem {
  row: number;
  column: string;
  code: RowErrorCode;
  params: Record<string, string | number>;
}

export interface ImportedAccount {
  name: string;
  country: string;
  timeZone: string;
  city: string | null;
  language: string | null;
  currency: string | null;
  source: InquirySourceName | null;
  owner: string | null;
  notes: string;
}

export interface ImportedContact {
  name: string;
  title: string | null;
  emails: string[];
  phones: string[];
  whatsapp: string | null;
  wechat: string | null;
  notes: string;
}

export interface ImportedOrder {
  number: string | null;
  orderedAt: string;
  amount: number;
  currency: string;
  cost: number | null;
  quantity: number | null;
  unit: string | null;
  dueOn: string | null;
  paidOn: string | null;
  shippedOn: string | null;
  deliveredOn: string | null;
}

/** A valid row: what it adds, and the keys its duplicates are found by. */
export interface ImportedRow {
  row: number;
  /** The source system's record id, if the file has one. */
  id: string | null;
  companyKey: string;
  account: ImportedAccount;
  contact: ImportedContact | null;
  order: ImportedOrder | null;
}

export interface RowOptions {
  /** The country of rows without one (ISO code). */
  defaultCountry?: string | undefined;
  dateOrder: DateOrder;
  /** XLSX: a number in a date column is Excel's day number. */
  excelSerials: boolean;
}

/** Company names and countries repeat row after row: each distinct one is worked out once (a bounded cache). */
function cached<T>(work: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      if (cache.size >= 20_000) cache.clear();
      value = work(text);
      cache.set(text, value);
    }
    return value as T;
  };
}
const companyKeyOf = cached(normaliseCompanyName);
const countryOf = cached(countryCode);

const LIMITS = { name: 200, short: 200, notes: 20_000, wechat: 100, number: 60, unit: 20, language: 35 } as const;

/** Checks one row; `record` is null when there is any problem. */
export function validateRow(row: number, values: FieldValues, options: RowOptions): { record: ImportedRow | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (cell: CellValue | string, code: RowErrorCode, params: Record<string, string | number> = {}) =>
    problems.push({ row, column: typeof cell === 'string' ? cell : cell.column, code, params });
  const first = (field: ImportField): CellValue | undefined => {
    const cell = values[field]?.[0];
    return cell ? { column: cell.column, value: restoreNeutralised(cell.value) } : undefined;
  };
  const all = (field: ImportField): CellValue[] => (values[field] ?? []).map((c) => ({ column: c.column, value: restoreNeutralised(c.value) }));
  const text = (field: ImportField, max: number): string | null => {
    const cell = first(field);
    if (!cell) return null;
    if (cell.value.length > max) problem(cell, 'import_text_too_long', { max });
    // The same rule as typed input (issue 15): no control characters (a long text keeps tabs and line breaks), no broken characters.
    if (!isCleanText(cell.value, max > LIMITS.short)) problem(cell, 'import_text_invalid');
    return cell.value;
  };
  const date = (field: ImportField): string | null => {
    const cell = first(field);
    if (!cell) return null;
    const parsed = parseDate(cell.value, options.dateOrder, options.excelSerials);
    if (parsed.ok && parsed.date >= FACT_DATE_MIN && parsed.date <= factDateMax()) return parsed.date;
    if (parsed.ok) problem(cell, 'import_date_range', { value: cell.value });
    else problem(cell, parsed.code, { value: cell.value });
    return null;
  };
  const amount = (field: ImportField): { value: number; currency: string | null } | null => {
    const cell = first(field);
    if (!cell) return null;
    const parsed = parseAmount(cell.value);
    if (parsed.ok) return parsed;
    problem(cell, field === 'order.quantity' ? 'import_number_invalid' : parsed.code, { value: cell.value });
    return null;
  };

  // The account.
  const nameCell = first('account.name');
  const name = text('account.name', LIMITS.name);
  if (!nameCell) problem('account.name', 'import_company_missing');
  const countryCell = first('account.country');
  let country: string | null = null;
  if (countryCell) {
    country = countryOf(countryCell.value);
    if (!country) problem(countryCell, 'import_country_unknown', { value: countryCell.value });
  } else if (options.defaultCountry) country = options.defaultCountry;
  else problem('account.country', 'import_country_missing');
  const zoneCell = first('account.timeZone');
  let timeZone = country ? suggestedZone(country) : null;
  if (zoneCell) {
    timeZone = resolveTimeZone(zoneCell.value);
    if (!timeZone) problem(zoneCell, 'import_zone_unknown', { value: zoneCell.value });
  }
  const accountCurrencyCell = first('account.currency');
  const accountCurrency = accountCurrencyCell ? parseCurrency(accountCurrencyCell.value) : null;
  if (accountCurrencyCell && !accountCurrency) problem(accountCurrencyCell, 'import_currency_unknown', { value: accountCurrencyCell.value });
  const sourceCell = first('account.source');
  const source = sourceCell ? parseSource(sourceCell.value) : null;
  if (sourceCell && !source) problem(sourceCell, 'import_source_unknown', { value: sourceCell.value });
  const languageCell = first('account.language');
  const language = languageCell ? parseLanguage(languageCell.value) : null;
  if (languageCell && (!language || language.length > LIMITS.language)) problem(languageCell, 'import_language_unknown', { value: languageCell.value });
  const account: ImportedAccount = {
    name: name ?? '',
    country: country ?? '',
    timeZone: timeZone ?? '',
    city: text('account.city', LIMITS.short),
    language,
    currency: accountCurrency,
    source,
    owner: text('account.owner', LIMITS.short),
    notes: text('account.notes', LIMITS.notes) ?? '',
  };

  // The contact: any contact field makes one.
  let contact: ImportedContact | null = null;
  if (Object.keys(values).some((f) => f.startsWith('contact.'))) {
    const emails: string[] = [];
    for (const cell of all('contact.email')) {
      for (const part of splitList(cell.value)) {
        const email = parseEmail(part);
        if (email) {
          if (!emails.some((e) => emailKey(e) === emailKey(email))) emails.push(email);
        } else problem(cell, 'import_email_invalid', { value: part });
      }
    }
    const phones: string[] = [];
    for (const cell of all('contact.phone')) {
      for (const part of splitList(cell.value)) {
        const phone = normalisePhone(part, country);
        if (phone) {
          if (!phones.includes(phone)) phones.push(phone);
        } else problem(cell, 'import_phone_invalid', { value: part });
      }
    }
    const whatsappCell = first('contact.whatsapp');
    const whatsapp = whatsappCell ? normalisePhone(whatsappCell.value, country) : null;
    if (whatsappCell && !whatsapp) problem(whatsappCell, 'import_phone_invalid', { value: whatsappCell.value });
    const given = [text('contact.firstName', LIMITS.name), text('contact.lastName', LIMITS.name)].filter((v): v is string => v !== null);
    const fullName = text('contact.name', LIMITS.name) ?? (given.length > 0 ? given.join(' ') : null);
    // A contact without a name is called by its e-mail address, or by the company (an account's own phone line).
    const contactName = (fullName ?? emails[0] ?? name ?? '').slice(0, LIMITS.name);
    contact = {
      name: contactName,
      title: text('contact.title', LIMITS.short),
      emails,
      phones,
      whatsapp,
      wechat: text('contact.wechat', LIMITS.wechat),
      notes: text('contact.notes', LIMITS.notes) ?? '',
    };
  }

  // The order: any order field makes one; it needs a date, an amount and a currency.
  let order: ImportedOrder | null = null;
  if (Object.keys(values).some((f) => f.startsWith('order.'))) {
    const orderedAt = date('order.date');
    if (!first('order.date')) problem('order.date', 'import_order_field_missing', { field: 'order.date' });
    const total = amount('order.amount');
    if (!first('order.amount')) problem('order.amount', 'import_order_field_missing', { field: 'order.amount' });
    // As typed orders (issue 15): an order is for something; a free sample is an interaction, not an order of 0.
    else if (total?.value === 0) problem(first('order.amount')!, 'import_amount_zero', { value: first('order.amount')!.value });
    const cost = amount('order.cost');
    const currencyCell = first('order.currency');
    let currency: string | null = null;
    if (currencyCell) {
      currency = parseCurrency(currencyCell.value);
      if (!currency) problem(currencyCell, 'import_currency_unknown', { value: currencyCell.value });
    }
    // "USD 1,200" names its currency; "$1,200" does not (USD, CAD, AUD…).
    const amountCell = first('order.amount');
    const named = total?.currency ? parseCurrency(total.currency) : null;
    if (amountCell && total?.currency && !named) problem(amountCell, 'import_currency_unknown', { value: total.currency });
    else if (amountCell && named && currency && named !== currency) problem(amountCell, 'import_currency_conflict', { value: named, currency });
    currency ??= named ?? accountCurrency;
    if (!currency && !currencyCell && !total?.currency) problem('order.currency', 'import_currency_missing');
    const quantityCell = first('order.quantity');
    const quantity = amount('order.quantity');
    if (quantityCell && quantity && quantity.value <= 0) problem(quantityCell, 'import_number_invalid', { value: quantityCell.value });
    const unit = text('order.unit', LIMITS.unit);
    if (quantity && unit === null) problem(quantityCell ?? 'order.quantity', 'import_quantity_unit');
    if (!quantityCell && unit !== null) problem(first('order.unit') ?? 'order.unit', 'import_quantity_unit');
    const dueOn = date('order.dueOn');
    if (dueOn !== null && orderedAt !== null && dueOn < orderedAt) problem(first('order.dueOn')!, 'import_due_before_order', { value: dueOn, date: orderedAt });
    order = {
      number: text('order.number', LIMITS.number),
      orderedAt: orderedAt ?? '',
      amount: total?.value ?? 0,
      currency: currency ?? '',
      cost: cost?.value ?? null,
      quantity: quantity?.value ?? null,
      unit,
      dueOn,
      paidOn: date('order.paidOn'),
      shippedOn: date('order.shippedOn'),
      deliveredOn: date('order.deliveredOn'),
    };
  }

  const idCell = first('id');
  if (problems.length > 0) return { record: null, problems };
  return {
    record: { row, id: idCell?.value ?? null, companyKey: companyKeyOf(account.name), account, contact, order },
    problems,
  };
}
