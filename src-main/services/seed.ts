/**
 * A realistic, deterministic sample book: accounts across 30+ countries and zones, three years of orders
 * shaped as growing, stable, U-shaped (the seeds' 8–10 → 12–15 → 5–7 t/month), declining, new and dormant,
 * with contacts, interactions, inquiries, quotes, complaints and payments on time and late. The same seed
 * and as-of date give the same book whatever day it is. Written with prepared statements in one
 * transaction: 50,000 accounts / 1,000,000 orders in well under a minute.
 */
import type { Faker } from '@faker-js/faker';
import type { ParsedInputOf } from '../contract';
import type { SeedSummary } from '../contract/models';
import { markScoresStale } from './scoring';
import { accountMonthsInserter, monthRowsOf, storeCurrentWatermark, type MonthOrder } from '../db/account-months';
import { idFactory } from '../db/ids';
import { accountSearchDocument, type SearchableContact } from '../domain/search-text';
import { mainZoneByCountry } from '../domain/main-zones';
import type { ServiceContext } from './context';
import { stampLiteral } from '../db/change-stamps';
import { formatStamp } from '../domain/sharing/hlc';
import { settingValue } from './settings';

interface Market {
  country: string;
  weight: number;
  locale: string;
  currency: string;
  language: string;
  cities: string[];
  zone?: string;
}

const MARKETS: Market[] = [
  { country: 'US', weight: 10, locale: 'EN_US', currency: 'USD', language: 'en', cities: ['Houston', 'Chicago', 'Los Angeles', 'Miami'] },
  { country: 'US', weight: 3, locale: 'EN_US', currency: 'USD', language: 'en', cities: ['Los Angeles', 'Seattle'], zone: 'America/Los_Angeles' },
  { country: 'CA', weight: 3, locale: 'EN_CA', currency: 'CAD', language: 'en', cities: ['Toronto', 'Montreal'] },
  { country: 'MX', weight: 3, locale: 'ES_MX', currency: 'USD', language: 'es', cities: ['Monterrey', 'Guadalajara'] },
  { country: 'BR', weight: 4, locale: 'PT_BR', currency: 'USD', language: 'pt', cities: ['São Paulo', 'Curitiba'] },
  { country: 'CL', weight: 2, locale: 'ES', currency: 'USD', language: 'es', cities: ['Santiago', 'Valparaíso'] },
  { country: 'AR', weight: 1, locale: 'ES', currency: 'USD', language: 'es', cities: ['Buenos Aires', 'Rosario'] },
  { country: 'ES', weight: 5, locale: 'ES', currency: 'EUR', language: 'es', cities: ['Madrid', 'Valencia', 'Bilbao', 'Sevilla'] },
  { country: 'DE', weight: 6, locale: 'DE', currency: 'EUR', language: 'de', cities: ['Hamburg', 'Düsseldorf', 'München'] },
  { country: 'FR', weight: 4, locale: 'FR', currency: 'EUR', language: 'fr', cities: ['Lyon', 'Paris', 'Lille'] },
  { country: 'IT', weight: 4, locale: 'IT', currency: 'EUR', language: 'it', cities: ['Milano', 'Torino', 'Bologna'] },
  { country: 'NL', weight: 2, locale: 'NL', currency: 'EUR', language: 'nl', cities: ['Rotterdam', 'Eindhoven'] },
  { country: 'PL', weight: 2, locale: 'PL', currency: 'EUR', language: 'pl', cities: ['Warszawa', 'Gdańsk'] },
  { country: 'GB', weight: 4, locale: 'EN_GB', currency: 'GBP', language: 'en', cities: ['London', 'Manchester', 'Leeds'] },
  { country: 'TR', weight: 3, locale: 'TR', currency: 'USD', language: 'tr', cities: ['İstanbul', 'İzmir'] },
  { country: 'RU', weight: 2, locale: 'RU', currency: 'CNY', language: 'ru', cities: ['Москва', 'Новосибирск'] },
  { country: 'SA', weight: 4, locale: 'AR', currency: 'USD', language: 'ar', cities: ['Riyadh', 'Jeddah', 'Dammam'] },
  { country: 'AE', weight: 5, locale: 'AR', currency: 'USD', language: 'ar', cities: ['Dubai', 'Sharjah', 'Abu Dhabi'] },
  { country: 'EG', weight: 2, locale: 'AR', currency: 'USD', language: 'ar', cities: ['Cairo', 'Alexandria'] },
  { country: 'KW', weight: 1, locale: 'AR', currency: 'USD', language: 'ar', cities: ['Kuwait City'] },
  { country: 'QA', weight: 1, locale: 'AR', currency: 'USD', language: 'ar', cities: ['Doha'] },
  { country: 'IR', weight: 1, locale: 'FA', currency: 'USD', language: 'fa', cities: ['Tehran'] },
  { country: 'IN', weight: 6, locale: 'EN_IN', currency: 'USD', language: 'en', cities: ['Mumbai', 'Chennai', 'Delhi', 'Pune'] },
  { country: 'PK', weight: 2, locale: 'UR', currency: 'USD', language: 'ur', cities: ['Karachi', 'Lahore'] },
  { country: 'BD', weight: 2, locale: 'EN_IN', currency: 'USD', language: 'bn', cities: ['Dhaka', 'Chattogram'] },
  { country: 'NP', weight: 1, locale: 'NE', currency: 'USD', language: 'ne', cities: ['Kathmandu'] },
  { country: 'CN', weight: 6, locale: 'ZH_CN', currency: 'CNY', language: 'zh', cities: ['深圳', '宁波', '义乌', '广州', '苏州'] },
  { country: 'HK', weight: 2, locale: 'ZH_TW', currency: 'USD', language: 'zh', cities: ['Hong Kong'] },
  { country: 'TW', weight: 1, locale: 'ZH_TW', currency: 'USD', language: 'zh', cities: ['台北', '台中'] },
  { country: 'JP', weight: 3, locale: 'JA', currency: 'JPY', language: 'ja', cities: ['大阪', '東京', '名古屋'] },
  { country: 'KR', weight: 2, locale: 'KO', currency: 'USD', language: 'ko', cities: ['서울', '부산'] },
  { country: 'VN', weight: 2, locale: 'VI', currency: 'USD', language: 'vi', cities: ['Hồ Chí Minh', 'Hà Nội'] },
  { country: 'ID', weight: 2, locale: 'ID_ID', currency: 'USD', language: 'id', cities: ['Jakarta', 'Surabaya'] },
  { country: 'TH', weight: 1, locale: 'TH', currency: 'USD', language: 'th', cities: ['Bangkok'] },
  { country: 'AU', weight: 3, locale: 'EN_AU', currency: 'AUD', language: 'en', cities: ['Sydney', 'Melbourne', 'Brisbane'] },
  { country: 'NZ', weight: 1, locale: 'EN_AU', currency: 'USD', language: 'en', cities: ['Auckland'] },
  { country: 'NG', weight: 2, locale: 'EN_NG', currency: 'USD', language: 'en', cities: ['Lagos'] },
  { country: 'ZA', weight: 1, locale: 'EN_ZA', currency: 'USD', language: 'en', cities: ['Johannesburg', 'Durban'] },
];

/** CNY per unit at the start of the sample; the seed walks them day by day. */
const FX_START: Record<string, number> = { USD: 7.1, EUR: 7.75, GBP: 9.05, JPY: 0.049, AUD: 4.7, CAD: 5.2 };

const PRODUCTS = [
  ['Ball valve DN50', 'pcs', 38],
  ['Gate valve DN100', 'pcs', 120],
  ['Stainless steel coil 304', 't', 2100],
  ['Galvanized steel sheet', 't', 820],
  ['LED panel light 60x60', 'pcs', 9.5],
  ['Solar inverter 5 kW', 'pcs', 420],
  ['PVC pipe 110 mm', 'm', 2.4],
  ['Copper cable 4 mm²', 'm', 1.1],
  ['Cotton T-shirt', 'pcs', 2.8],
  ['Ceramic floor tile 60x60', 'm²', 6.2],
] as const;

const TRAJECTORIES = ['growing', 'stable', 'ushape', 'declining', 'new', 'dormant', 'none'] as const;
type Trajectory = (typeof TRAJECTORIES)[number];
const TRAJECTORY_WEIGHTS: Record<Trajectory, number> = { growing: 18, stable: 30, ushape: 10, declining: 14, new: 8, dormant: 10, none: 10 };

const CN_PREFIX = ['华强', '宏达', '金鼎', '恒信', '鑫源', '东方', '海天', '瑞丰', '中联', '远航', '德信', '长城'];
const CN_TRADE = ['电子', '机械', '五金', '贸易', '建材', '光电', '阀门', '纺织'];
const TRADE_WORDS = ['Industrial', 'Trading', 'Import', 'Supply', 'Tech', 'Group', 'Hardware'];
/** A word's first five letters, lower case: "Supply" and "Supplies" are one word to a reader. */
const wordStem = (word: string) => word.toLowerCase().replace(/[^\p{L}]/gu, '').slice(0, 5);
const SUFFIX: Record<string, string[]> = {
  es: ['S.L.', 'S.A.', 'Industrial S.L.'],
  de: ['GmbH', 'GmbH & Co. KG', 'AG'],
  fr: ['SARL', 'SAS'],
  it: ['S.r.l.', 'S.p.A.'],
  pt: ['Ltda.', 'S.A.'],
  nl: ['B.V.'],
  pl: ['Sp. z o.o.'],
  tr: ['Ltd. Şti.', 'A.Ş.'],
  ar: ['Trading LLC', 'General Trading', 'Est.'],
  en: ['Ltd', 'Inc.', 'Trading Co.', 'Supplies Ltd', 'Pvt Ltd'],
  ja: ['株式会社'],
  ko: ['Co., Ltd.'],
};

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoInstant = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export interface SeedOptions {
  /** Accounts written so far, about every hundredth of them and at the end (the CLI's progress line). */
  onProgress?: (done: number, total: number) => void;
}

export async function seedBook(ctx: ServiceContext, input: ParsedInputOf<'book.seed'>, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const fakerModule = await import('@faker-js/faker');
  const fakers = fakerModule as unknown as Record<string, Faker>;
  const base = await settingValue<string>(ctx, 'baseCurrency');
  const rnd = mulberry32(input.seed * 2654435761 + 1);
  const nextId = idFactory(mulberry32(input.seed + 7));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const weighted = <T>(items: readonly T[], weight: (t: T) => number): T => {
    const total = items.reduce((s, t) => s + weight(t), 0);
    let r = rnd() * total;
    for (const item of items) if ((r -= weight(item)) < 0) return item;
    return items[items.length - 1]!;
  };
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  for (const locale of new Set(MARKETS.map((m) => m.locale))) fakers[`faker${locale}`]!.seed(input.seed);

  const asOfMs = Date.parse(`${input.asOf}T00:00:00Z`);
  const startMs = asOfMs - 3 * 365 * DAY_MS;
  const db = ctx.book.sqlite;

  // Daily FX rates (base units per foreign unit) as a random walk; stored and used for conversion.
  const rates = new Map<string, number[]>();
  const days = Math.round((asOfMs - startMs) / DAY_MS) + 1;
  const cnyPerBase = base === 'CNY' ? 1 : (FX_START[base] ?? 1);
  for (const [currency, start] of Object.entries({ CNY: 1, ...FX_START })) {
    if (currency === base) continue;
    const series: number[] = [];
    let value = start;
    for (let d = 0; d < days; d++) {
      if (currency !== 'CNY') value *= 1 + gauss() * 0.003;
      series.push(Number((value / cnyPerBase).toPrecision(6)));
    }
    rates.set(currency, series);
  }
  const rateOn = (currency: string, ms: number) => (currency === base ? 1 : rates.get(currency)![Math.round((ms - startMs) / DAY_MS)]!);

  const stamp = isoInstant(asOfMs);
  // Every seeded row carries one change stamp of this book at the sample's last instant (a checked stamp, so safe as
  // a literal in the statements): the sample reads as made then, and later edits are "changes since" it.
  const rowStamp = stampLiteral(formatStamp({ ms: Math.min(asOfMs, Date.now()), counter: 0, site: ctx.book.clock.site }));
  const insert = {
    fx: db.prepare(
      `INSERT OR IGNORE INTO fx_rates (id, currency, base_currency, rate_date, rate, created_at, updated_at, row_stamp, last_stamp)
       VALUES (?, ?, ?, ?, ?, ?, ?, ${rowStamp}, ${rowStamp})`,
    ),
    account: db.prepare(
      `INSERT INTO accounts (id, name, country, time_zone, city, language, currency, source, owner, strategic_fit, reputation,
        priority_channel, notes, created_at, updated_at, row_stamp, last_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ${rowStamp}, ${rowStamp})`,
    ),
    contact: db.prepare(
      `INSERT INTO contacts (id, account_id, name, title, emails, phones, whatsapp, wechat, is_primary, created_at, updated_at, row_stamp, last_stamp)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${rowStamp}, ${rowStamp})`,
    ),
    interaction: db.prepare(
      `INSERT INTO interactions (id, account_id, contact_id, kind, direction, occurred_at, subject, awaits_reply, answered_at, created_at, updated_at, row_stamp, last_stamp)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${rowStamp}, ${rowStamp})`,
    ),
    inquiry: db.prepare(
      `INSERT INTO inquiries (id, account_id, contact_id, source, received_at, subject, products, authenticity, urgency, value,
        first_reply_at, status, created_at, updated_at, row_stamp, last_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${rowStamp}, ${rowStamp})`,
    ),
    quote: db.prepare(
      `INSERT INTO quotes (id, account_id, inquiry_id, number, currency, quote_date, status, current_version, validity_strategy,
        valid_days, fx_threshold_percent, fx_rate_at_quote, season_name, season_ends_on, valid_through, sent_at, closed_at,
        lost_reason, created_at, updated_at, row_stamp, last_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${rowStamp}, ${rowStamp})`,
    ),
    version: db.prepare(
      `INSERT INTO quote_versions (id, quote_id, version, incoterm, payment_terms, lead_time_days, total, created_at, updated_at, row_stamp, last_stamp)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ${rowStamp}, ${rowStamp})`,
    ),
    item: db.prepare(
      `INSERT INTO quote_items (id, quote_version_id, position, product, quantity, unit, unit_price, created_at, updated_at, row_stamp, last_stamp)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ${rowStamp}, ${rowStamp})`,
    ),
    question: db.prepare(
      `INSERT INTO quote_questions (id, quote_id, question, answer, asked_at, answered_at, created_at, updated_at, row_stamp, last_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ${rowStamp}, ${rowStamp})`,
    ),
    order: db.prepare(
      `INSERT INTO orders (id, account_id, ordered_at, amount, currency, fx_rate, amount_base, cost, cost_base, quantity, unit,
        due_on, paid_on, shipped_on, delivered_on, created_at, updated_at, row_stamp, last_stamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${rowStamp}, ${rowStamp})`,
    ),
    line: db.prepare(
      `INSERT INTO order_lines (id, order_id, position, product, quantity, unit, unit_price, amount, created_at, updated_at, row_stamp, last_stamp)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${rowStamp}, ${rowStamp})`,
    ),
    complaint: db.prepare(
      `INSERT INTO complaints (id, account_id, grade, subject, opened_at, responded_at, resolved_at, created_at, updated_at, row_stamp, last_stamp)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ${rowStamp}, ${rowStamp})`,
    ),
    doc: db.prepare('INSERT INTO search_docs (account_id, name) VALUES (?, ?)'),
    months: accountMonthsInserter(db),
    search: db.prepare('INSERT INTO search_index (rowid, names, emails, notes) VALUES (?, ?, ?, ?)'),
  };

  const counts = { accounts: 0, contacts: 0, orders: 0, inquiries: 0, quotes: 0, complaints: 0, fxRates: 0 };
  const owners = ['Lily', 'Kevin', 'Anna', 'Leo'];
  const sources = ['website', 'email', 'marketplace', 'fair', 'referral', 'phone'] as const;

  const companyName = (market: Market, faker: Faker): string => {
    if (market.country === 'CN' || market.country === 'TW') {
      return `${pick(market.cities)}${pick(CN_PREFIX)}${pick(CN_TRADE)}${market.country === 'CN' ? '有限公司' : '股份有限公司'}`;
    }
    const suffixes = SUFFIX[market.language] ?? SUFFIX.en!;
    const core = rnd() < 0.5 ? faker.person.lastName() : faker.company.name().split(/[ ,]/)[0]!;
    // The same draws as always (a seed's book stays the same), but a trade word the name already has is passed over
    // for the next one: no "Trading Trading Co.", no "Supply Supplies Ltd" (issue 13).
    const first = Math.floor(rnd() * TRADE_WORDS.length);
    const suffix = pick(suffixes);
    const taken = new Set([core, ...suffix.split(/\s+/)].map(wordStem));
    const trade = [...TRADE_WORDS.slice(first), ...TRADE_WORDS.slice(0, first)].find((w) => !taken.has(wordStem(w))) ?? '';
    return [core, trade, suffix].filter((part) => part !== '').join(' ');
  };

  const write = db.transaction(() => {
    for (const [currency, series] of rates) {
      series.forEach((rate, d) => {
        insert.fx.run(nextId(startMs + d * DAY_MS), currency, base, isoDate(startMs + d * DAY_MS), rate, stamp, stamp);
        counts.fxRates++;
      });
    }
    const step = Math.max(1, Math.floor(input.accounts / 100));
    for (let a = 0; a < input.accounts; a++) {
      if (options.onProgress && a % step === 0) options.onProgress(a, input.accounts);
      const market = weighted(MARKETS, (m) => m.weight);
      const faker = fakers[`faker${market.locale}`]!;
      const trajectory = weighted(TRAJECTORIES, (t) => TRAJECTORY_WEIGHTS[t]);
      const createdMs =
        trajectory === 'new' ? asOfMs - between(90, 150) * DAY_MS : startMs - between(0, 400) * DAY_MS;
      const accountId = nextId(createdMs);
      const name = companyName(market, faker);
      const zone = market.zone ?? mainZoneByCountry[market.country]!;
      const created = isoInstant(createdMs);
      const notes = rnd() < 0.3 ? pick(['Met at Canton Fair', 'Prefers WhatsApp', 'Needs CE certificate', 'Pays by L/C', '广交会认识']) : '';
      insert.account.run(
        accountId, name, market.country, zone, pick(market.cities), market.language, market.currency,
        pick(sources), pick(owners), 1 + Math.floor(rnd() * 5), 1 + Math.floor(rnd() * 5), notes, created, created,
      );
      counts.accounts++;

      // Contacts: one to three people; e-mails on the company's domain.
      const domain = `${name.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '').slice(0, 14) || `buyer${a}`}.example.com`;
      const contactIds: string[] = [];
      const people: SearchableContact[] = [];
      const nContacts = 1 + Math.floor(rnd() * 3);
      for (let c = 0; c < nContacts; c++) {
        const person = faker.person.fullName();
        const email = `${faker.person.firstName().toLowerCase().normalize('NFD').replace(/[^a-z]/g, '') || 'info'}${c}@${domain}`;
        const id = nextId(createdMs);
        // Drawn in the order they always were (title, phone, WhatsApp): the same seed gives the same book.
        const title = pick(['Purchasing Manager', 'CEO', 'Buyer', 'Engineer', 'Import Manager']);
        const phone = `+${Math.floor(between(10, 99))} ${Math.floor(between(100000000, 999999999))}`;
        const whatsapp = rnd() < 0.5 ? `+${Math.floor(between(10, 99))}${Math.floor(between(100000000, 999999999))}` : null;
        insert.contact.run(
          id, accountId, person, title,
          JSON.stringify([email]), JSON.stringify([phone]),
          whatsapp,
          market.country === 'CN' ? `wx_${Math.floor(rnd() * 1e8)}` : null, c === 0 ? 1 : 0, created, created,
        );
        contactIds.push(id);
        people.push({ name: person, emails: [email], notes: '', phones: whatsapp ? [phone, whatsapp] : [phone] });
        counts.contacts++;
      }
      const doc = insert.doc.run(accountId, name).lastInsertRowid;
      const text = accountSearchDocument({ name, notes }, people);
      insert.search.run(doc, text.names, text.emails, text.notes);

      // Orders along the account's trajectory.
      if (trajectory !== 'none') {
        const mean = input.ordersPerAccount * (trajectory === 'new' ? 0.15 : trajectory === 'dormant' ? 0.5 : 1.2);
        const n = Math.max(1, Math.round(mean * between(0.5, 1.5)));
        const product = pick(PRODUCTS);
        const unit = trajectory === 'ushape' ? 't' : product[1];
        const unitPrice = (trajectory === 'ushape' ? 2100 : product[2]) * between(0.8, 1.2);
        const size = Math.exp(gauss() * 0.8) * (trajectory === 'ushape' ? 4 : unit === 't' ? 6 : 2000 / product[2]);
        const withQuantity = trajectory === 'ushape' || rnd() < 0.6;
        const lo = trajectory === 'new' ? asOfMs - 85 * DAY_MS : startMs;
        const hi = trajectory === 'dormant' ? asOfMs - between(380, 700) * DAY_MS : asOfMs;
        const intensity = (t: number): number => {
          switch (trajectory) {
            case 'growing': return 0.25 + t;
            case 'declining': return 1.25 - t;
            case 'ushape': return t < 0.5 ? 9 : t < 0.86 ? 13.5 : 6;
            default: return 1;
          }
        };
        const orderDates: number[] = [];
        const peak = trajectory === 'ushape' ? 13.5 : 1.25;
        while (orderDates.length < n) {
          const t = rnd();
          if (rnd() * peak <= intensity(t)) orderDates.push(lo + t * (hi - lo));
        }
        orderDates.sort((x, y) => x - y);
        const currency = rnd() < 0.85 ? market.currency : 'USD';
        const monthOrders: MonthOrder[] = [];
        for (const ms of orderDates) {
          const day = Math.floor(ms / DAY_MS) * DAY_MS;
          const t = (day - startMs) / (asOfMs - startMs);
          const quantity = Math.max(1, Math.round(size * (trajectory === 'ushape' ? intensity(t) / 9 : 1) * between(0.7, 1.3) * 10) / 10);
          const amount = Math.round(quantity * unitPrice * 100) / 100;
          const rate = rateOn(currency, day);
          const cost = rnd() < 0.8 ? Math.round(amount * between(0.62, 0.9) * 100) / 100 : null;
          const dueMs = day + pick([30, 45, 60]) * DAY_MS;
          const payRoll = rnd();
          const paidMs = payRoll < 0.78 ? dueMs - Math.floor(rnd() * 20) * DAY_MS : payRoll < 0.95 ? dueMs + Math.ceil(rnd() * 60) * DAY_MS : null;
          const shippedMs = day + Math.floor(between(10, 40)) * DAY_MS;
          const deliveredMs = shippedMs + Math.floor(between(15, 35)) * DAY_MS;
          const orderId = nextId(day);
          const orderStamp = isoInstant(day + 10 * 3_600_000);
          const amountBase = Math.round(amount * rate * 100) / 100;
          const costBase = cost === null ? null : Math.round(cost * rate * 100) / 100;
          const paidOn = paidMs !== null && paidMs <= asOfMs ? isoDate(paidMs) : null;
          insert.order.run(
            orderId, accountId, isoDate(day), amount, currency, rate, amountBase, cost, costBase,
            withQuantity ? quantity : null, withQuantity ? unit : null, isoDate(dueMs), paidOn,
            shippedMs <= asOfMs ? isoDate(shippedMs) : null, deliveredMs <= asOfMs ? isoDate(deliveredMs) : null,
            orderStamp, orderStamp,
          );
          monthOrders.push({
            orderedAt: isoDate(day), amountBase, costBase, quantity: withQuantity ? quantity : null, unit: withQuantity ? unit : null,
            dueOn: isoDate(dueMs), paidOn,
          });
          if (rnd() < 0.2) insert.line.run(nextId(day), orderId, 1, product[0], quantity, unit, unitPrice, amount, orderStamp, orderStamp);
          counts.orders++;
        }
        insert.months(monthRowsOf(accountId, monthOrders));
      }

      // Inquiries over the last two years; most answered, a few recent ones still open.
      const nInquiries = Math.floor(rnd() * (trajectory === 'new' ? 4 : 3));
      for (let q = 0; q < nInquiries; q++) {
        const receivedMs = asOfMs - Math.floor(rnd() * 730 * DAY_MS);
        const open = asOfMs - receivedMs < 3 * DAY_MS || rnd() < 0.03;
        const replyMs = receivedMs + Math.exp(between(Math.log(5 * 60_000), Math.log(3 * DAY_MS)));
        const inquiryId = nextId(receivedMs);
        insert.inquiry.run(
          inquiryId, accountId, pick(contactIds), pick(sources), isoInstant(receivedMs), `RFQ: ${pick(PRODUCTS)[0]}`,
          JSON.stringify([pick(PRODUCTS)[0]]), 1 + Math.floor(rnd() * 5), 1 + Math.floor(rnd() * 5), 1 + Math.floor(rnd() * 5),
          open || replyMs > asOfMs ? null : isoInstant(replyMs), open || replyMs > asOfMs ? 'open' : 'replied',
          isoInstant(receivedMs), isoInstant(receivedMs),
        );
        counts.inquiries++;
        insert.interaction.run(
          nextId(receivedMs), accountId, pick(contactIds), 'email', 'in', isoInstant(receivedMs), 'Inquiry', 0, null,
          isoInstant(receivedMs), isoInstant(receivedMs),
        );

        if (!open && rnd() < 0.6) {
          const quoteMs = Math.min(asOfMs, replyMs + DAY_MS);
          const quoteDate = isoDate(quoteMs);
          const strategy = weighted(['fixed', 'fx', 'staged', 'periodic'] as const, (s) => (s === 'fixed' ? 5 : s === 'fx' ? 3 : 1));
          const validDays = pick([15, 30, 45]);
          const validThrough = strategy === 'periodic' ? isoDate(quoteMs + 90 * DAY_MS) : isoDate(quoteMs + validDays * DAY_MS);
          const quoteCurrency = market.currency;
          const status = quoteMs > asOfMs - 20 * DAY_MS ? 'sent' : weighted(['won', 'lost', 'expired'] as const, (s) => (s === 'won' ? 4 : 3));
          const quoteId = nextId(quoteMs);
          const versions = 1 + Math.floor(rnd() * 3);
          const [item, itemUnit, price] = pick(PRODUCTS);
          const qty = Math.round(between(1, 50) * 10) / 10;
          insert.quote.run(
            quoteId, accountId, inquiryId, `Q${quoteDate.slice(0, 4)}-${String(counts.quotes + 1).padStart(5, '0')}`, quoteCurrency,
            quoteDate, status, versions, strategy, strategy === 'fixed' || strategy === 'fx' ? validDays : null,
            strategy === 'fx' ? 3 : null, strategy === 'fx' ? rateOn(quoteCurrency, Math.floor(quoteMs / DAY_MS) * DAY_MS) : null,
            strategy === 'periodic' ? 'Season price list' : null, strategy === 'periodic' ? validThrough : null, validThrough,
            isoInstant(quoteMs), status === 'sent' ? null : isoInstant(quoteMs + 10 * DAY_MS),
            status === 'lost' ? pick(['price', 'lead_time', 'competitor', 'spec_gap', 'no_reply']) : null,
            isoInstant(quoteMs), isoInstant(quoteMs),
          );
          for (let v = 1; v <= versions; v++) {
            const versionId = nextId(quoteMs);
            const unitPrice = Math.round(price * (1.1 - v * 0.03) * 100) / 100;
            insert.version.run(versionId, quoteId, v, pick(['FOB', 'CIF', 'EXW', 'DDP']), pick(['30% T/T, 70% B/L', 'L/C at sight']),
              pick([15, 30, 45]), Math.round(qty * unitPrice * 100) / 100, isoInstant(quoteMs), isoInstant(quoteMs));
            insert.item.run(nextId(quoteMs), versionId, 1, item, qty, itemUnit, unitPrice, isoInstant(quoteMs), isoInstant(quoteMs));
          }
          const asked = Math.floor(rnd() * 4);
          for (let k = 0; k < asked; k++) {
            const answered = rnd() < 0.7;
            insert.question.run(nextId(quoteMs), quoteId, pick(['Pressure rating?', 'Material certificate?', 'Packing?', 'MOQ?', 'Warranty?']),
              answered ? 'See attached datasheet' : null, isoInstant(quoteMs), answered ? isoInstant(quoteMs) : null, isoInstant(quoteMs), isoInstant(quoteMs));
          }
          counts.quotes++;
        }
      }

      // Outgoing follow-ups, some still awaiting an answer.
      if (rnd() < 0.5) {
        const sentMs = asOfMs - Math.floor(rnd() * 60 * DAY_MS);
        insert.interaction.run(nextId(sentMs), accountId, pick(contactIds), 'email', 'out', isoInstant(sentMs), 'Follow-up on our offer',
          1, rnd() < 0.5 ? isoInstant(sentMs + DAY_MS) : null, isoInstant(sentMs), isoInstant(sentMs));
      }

      if (rnd() < 0.06) {
        const openedMs = asOfMs - Math.floor(rnd() * 365 * DAY_MS);
        const grade = weighted(['A', 'B', 'C'] as const, (g) => (g === 'A' ? 1 : g === 'B' ? 3 : 4));
        const respondedMs = openedMs + between(0.5, 40) * 3_600_000;
        const resolvedMs = respondedMs + between(2, 120) * 3_600_000;
        insert.complaint.run(nextId(openedMs), accountId, grade, pick(['Damaged packaging', 'Late shipment', 'Wrong size', 'Quality below sample']),
          isoInstant(openedMs), respondedMs <= asOfMs ? isoInstant(respondedMs) : null,
          resolvedMs <= asOfMs && rnd() < 0.85 ? isoInstant(resolvedMs) : null, isoInstant(openedMs), isoInstant(openedMs));
        counts.complaints++;
      }
    }
    options.onProgress?.(input.accounts, input.accounts);
    // Scoring's per-account monthly aggregates are written with each account's orders (migrations/0008).
    storeCurrentWatermark(db, stamp);
    // The app scores the new accounts in the background (services/rescoring.ts).
    markScoresStale(db, ctx.now());
  });
  // One transaction of ~1M rows: with the default 16 MB page cache SQLite spills pages to the WAL and reads them
  // back (measured: 3.9M page writes vs 0.57M with 256 MB; the 50k/1M seed goes from ~50 s to ~36 s).
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  try {
    write.immediate();
  } finally {
    db.pragma(`cache_size = ${cacheBefore}`);
  }
  return { ...counts, seconds: Math.round((performance.now() - started) / 10) / 100 };
}
