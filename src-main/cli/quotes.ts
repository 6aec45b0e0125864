/**
 * `tradebook quotes …`: the quote's way through a deal from the command line (issue 12; README "Quotes"):
 *   add, revise, send, show, list, reconfirm (R7), diff (R8), win, analyse and lose (R9), lost-reasons (R9).
 * Without --json: lines for people, in --lang; with it, the call's value. Times are ISO instants, or with --local
 * wall times in the buyer's zone. Errors are one line on stderr (in --lang), exit code 1.
 * Without --json the diff reads as lines: the quote, each added (+), removed (−) and changed (~) line with what
 * changed, the terms, the validity, the total and the spec questions.
 */
import type { Command } from 'commander';
import type { ApiError } from '../contract/errors';
import type { Language } from '../contract/messages';
import type { Result } from '../contract/errors';
import type { Quote } from '../contract/models';
import type { LossAnalysis, LostReasonsReport, QuoteDiff } from '../contract/quotes';
import { dispatch } from '../handlers/dispatch';
import type { ServiceContext } from '../services/context';
import { defined, instantOption, num } from './args';
import { answersOf, collect, itemsOf, termsOf, validityOf, validityOptions, type QuoteTermOptions, type QuoteValidityOptions } from './quote-input';
import { lossAnalysisText, lostQuoteText, lostReasonsText } from './quote-loss';

export interface QuoteCliHooks {
  withBook(create: boolean, work: (ctx: ServiceContext, lang: Language) => Promise<void>): Promise<void>;
  fail(error: ApiError): void;
  out(text: string): void;
  json(): boolean;
}

type DiffItem = QuoteDiff['items']['added'][number];
type Change = QuoteDiff['items']['changed'][number]['changes'][number] | QuoteDiff['terms'][number] | QuoteDiff['validity'][number];

const phrases = {
  en: {
    head: (d: QuoteDiff) => `Quote ${d.number}, version ${d.from} → ${d.to} (${d.currency})`,
    lines: (d: QuoteDiff) =>
      `Lines: ${d.items.added.length} added, ${d.items.removed.length} removed, ${d.items.changed.length} changed, ${d.items.unchanged} unchanged`,
    fields: { description: 'spec', quantity: 'quantity', unit: 'unit', unitPrice: 'unit price', amount: 'amount', incoterm: 'Incoterm', paymentTerms: 'Payment terms', leadTimeDays: 'Lead time (days)', terms: 'Terms', note: 'Note',
      strategy: 'Validity', days: 'Valid days', thresholdPercent: 'FX threshold (%)', seasonName: 'Season', seasonEndsOn: 'Season ends', validThrough: 'Valid through', stages: 'Stages' },
    lost: (field: string, parts: string) => `${field} lost ${parts}`,
    gained: (field: string, parts: string) => `${field} gained ${parts}`,
    list: ', ',
    noTerms: 'Terms: unchanged',
    terms: 'Terms:',
    noValidity: 'Validity: unchanged',
    validity: 'Validity:',
    total: 'Total',
    coverage: (d: QuoteDiff) => {
      const { from, to } = d.questions.coverage;
      return `Spec questions answered: ${from.answered} of ${from.asked} → ${to.answered} of ${to.asked}`;
    },
    answered: 'Answered since',
    asked: 'Asked since',
    none: '(empty)',
  },
  'zh-CN': {
    head: (d: QuoteDiff) => `报价 ${d.number}，第 ${d.from} 版 → 第 ${d.to} 版（${d.currency}）`,
    lines: (d: QuoteDiff) => `明细：新增 ${d.items.added.length} 行，删除 ${d.items.removed.length} 行，修改 ${d.items.changed.length} 行，未变 ${d.items.unchanged} 行`,
    fields: { description: '规格', quantity: '数量', unit: '单位', unitPrice: '单价', amount: '金额', incoterm: '贸易术语', paymentTerms: '付款方式', leadTimeDays: '交期（天）', terms: '条款', note: '备注',
      strategy: '有效期方式', days: '有效天数', thresholdPercent: '汇率阈值（%）', seasonName: '季节', seasonEndsOn: '季节结束', validThrough: '有效至', stages: '阶段' },
    lost: (field: string, parts: string) => `${field}缺少 ${parts}`,
    gained: (field: string, parts: string) => `${field}新增 ${parts}`,
    list: '、',
    noTerms: '条款：未变',
    terms: '条款：',
    noValidity: '有效期：未变',
    validity: '有效期：',
    total: '总额',
    coverage: (d: QuoteDiff) => {
      const { from, to } = d.questions.coverage;
      return `规格问题已答：${from.asked} 个中 ${from.answered} 个 → ${to.asked} 个中 ${to.answered} 个`;
    },
    answered: '此后已答',
    asked: '此后新问',
    none: '（空）',
  },
} as const;

const strategyNames = {
  en: { fixed: 'fixed days', fx: 'FX-sensitive', staged: 'staged', periodic: 'seasonal' },
  'zh-CN': { fixed: '固定天数', fx: '随汇率', staged: '分阶段', periodic: '按季节' },
} as const;

const number = (n: number, lang: Language) => new Intl.NumberFormat(lang, { maximumFractionDigits: 4 }).format(n);
const signed = (n: number, lang: Language) => `${n < 0 ? '−' : '+'}${number(Math.abs(n), lang)}`;

function changeText(c: Change, lang: Language): string {
  const p = phrases[lang];
  const field = p.fields[c.field as keyof (typeof phrases)['en']['fields']];
  if (c.parts && (c.parts.removed.length > 0 || c.parts.added.length > 0)) {
    return [
      ...(c.parts.removed.length ? [p.lost(field, c.parts.removed.join(p.list))] : []),
      ...(c.parts.added.length ? [p.gained(field, c.parts.added.join(p.list))] : []),
    ].join('; ');
  }
  const named = (v: string) => (c.field === 'strategy' ? (strategyNames[lang][v as keyof (typeof strategyNames)['en']] ?? v) : v);
  const shown = (v: string | number | null) => (v === null || v === '' ? p.none : typeof v === 'number' ? number(v, lang) : named(v));
  const percent = typeof c.percent === 'number' ? ` (${signed(c.percent, lang)} %)` : '';
  return `${field} ${shown(c.from)} → ${shown(c.to)}${percent}`;
}

const lineText = (i: DiffItem, lang: Language) => `${i.product}: ${number(i.quantity, lang)} ${i.unit} × ${number(i.unitPrice, lang)} = ${number(i.amount, lang)}`;

/** The diff as lines for people (the --json output is the call's value). */
export function quoteDiffText(d: QuoteDiff, lang: Language): string {
  const p = phrases[lang];
  const total = d.total;
  const percent = total.percent === null ? '' : `, ${signed(total.percent, lang)} %`;
  return [
    p.head(d),
    p.lines(d),
    ...d.items.removed.map((i) => `  − ${lineText(i, lang)}`),
    ...d.items.added.map((i) => `  + ${lineText(i, lang)}`),
    ...d.items.changed.map((c) => `  ~ ${c.product}: ${c.changes.map((x) => changeText(x, lang)).join('; ')}`),
    ...(d.terms.length === 0 ? [p.noTerms] : [p.terms, ...d.terms.map((t) => `  ${changeText(t, lang)}`)]),
    ...(d.validity.length === 0 ? [p.noValidity] : [p.validity, ...d.validity.map((v) => `  ${changeText(v, lang)}`)]),
    `${p.total}: ${number(total.from, lang)} → ${number(total.to, lang)} (${signed(total.change, lang)}${percent})`,
    p.coverage(d),
    ...d.questions.answeredSince.map((q) => `  ${p.answered}: ${q.question}`),
    ...d.questions.askedSince.map((q) => `  ${p.asked}: ${q.question}`),
  ].join('\n');
}

const statusNames = {
  en: { draft: 'draft', sent: 'sent', won: 'won', lost: 'lost', expired: 'expired' },
  'zh-CN': { draft: '草稿', sent: '已发出', won: '已成交', lost: '已丢单', expired: '已过期' },
} as const;

/** One line per quote (add, revise, send, show, list, reconfirm), plus its open questions for `show`. */
export function quoteText(q: Quote, lang: Language, detail = false): string {
  const status = statusNames[lang][q.status as keyof (typeof statusNames)['en']] ?? q.status;
  const current = q.versions.find((v) => v.version === q.currentVersion);
  const total = current === undefined ? '' : ` ${q.currency} ${number(current.total, lang)}`;
  const valid = q.validity.fxFlag?.cutThrough ?? q.validity.validThrough;
  const { asked, answered } = q.specCoverage;
  const line =
    lang === 'zh-CN'
      ? `报价 ${q.number}（第 ${q.currentVersion} 版，${status}）${total}${valid === null ? '' : `，有效期至 ${valid}`}${asked > 0 ? `；规格问题已答 ${asked} 个中 ${answered} 个` : ''}  ${q.id}`
      : `Quote ${q.number} (v${q.currentVersion}, ${status})${total}${valid === null ? '' : `, valid through ${valid}`}${asked > 0 ? `; spec questions answered ${answered} of ${asked}` : ''}  ${q.id}`;
  if (!detail) return line;
  const open = q.questions.filter((x) => x.answer === null).map((x) => `  ? ${x.question}  ${x.id}`);
  const items = (current?.items ?? []).map((i) => `  ${lineText(i, lang)}${i.description ? ` [${i.description}]` : ''}`);
  return [line, ...items, ...open, ...(q.lost === null ? [] : [lostQuoteText(q, lang)])].join('\n');
}

type Options = Record<string, string | undefined> & { local?: boolean };

export function registerQuoteCommands(program: Command, hooks: QuoteCliHooks): void {
  const quotes = program.command('quotes').description('quotes: make, revise, send, compare (R8), win or lose (R9)');
  /** One call; `input` may refuse first (a usage error), the value is printed by `human` without --json. */
  const call = <T>(name: string, input: (ctx: ServiceContext, lang: Language) => Promise<Result<unknown>>, human: (value: T, lang: Language) => string) =>
    hooks.withBook(false, async (ctx, lang) => {
      const prepared = await input(ctx, lang);
      if (!prepared.ok) return hooks.fail(prepared.error);
      const result = await dispatch(ctx, name, prepared.value, lang);
      if (!result.ok) return hooks.fail(result.error);
      hooks.out(hooks.json() ? JSON.stringify(result.value) : human(result.value as T, lang));
    });
  const ok = (value: unknown): Result<unknown> => ({ ok: true, value });
  /** The account of a quote, for --local (through the API: an unknown quote is the usual not-found error). */
  const accountOfQuote = (ctx: ServiceContext, lang: Language, id: string) => async (): Promise<Result<string>> => {
    const quote = await dispatch(ctx, 'quotes.get', { id }, lang);
    return quote.ok ? { ok: true, value: (quote.value as Quote).accountId } : quote;
  };
  const atOf = async (ctx: ServiceContext, lang: Language, id: string, o: Options): Promise<Result<string>> => {
    const at = await instantOption(ctx, lang, o.at, o.local, accountOfQuote(ctx, lang, id));
    return at.ok ? { ok: true, value: at.value ?? ctx.now() } : at;
  };
  const termOptions = (command: Command) =>
    command
      .option('--item <product|spec|qty|unit|price>', 'a line of the quote (repeatable)', collect)
      .option('--items <file.json>', 'the lines as a JSON array of {product, description, quantity, unit, unitPrice}')
      .option('--incoterm <term>', 'e.g. FOB, CIF')
      .option('--payment-terms <text>', 'e.g. "30 % deposit, 70 % before shipment"')
      .option('--lead-time <days>', 'lead time in days')
      .option('--terms <text>')
      .option('--note <text>')
      .option('--question <text>', "a spec question the buyer asked (repeatable)", collect);

  validityOptions(termOptions(
    quotes
      .command('add')
      .description('a new quote (version 1); from an inquiry with --inquiry')
      .requiredOption('--account <id>')
      .option('--inquiry <id>', 'the inquiry it answers')
      .option('--number <text>', 'default: Q-YYYY-NNNN')
      .requiredOption('--currency <code>')
      .requiredOption('--date <date>', 'quote date YYYY-MM-DD'),
  )).action((o: QuoteTermOptions & QuoteValidityOptions & Options) =>
    call<Quote>(
      'quotes.add',
      async (_ctx, lang) => {
        const items = itemsOf(o, lang);
        if (!items.ok) return items;
        const validity = validityOf(o, lang);
        if (!validity.ok) return validity;
        return ok(defined({ accountId: o.account, inquiryId: o.inquiry, number: o.number, currency: o.currency, quoteDate: o.date, validity: validity.value, items: items.value, ...termsOf(o) }));
      },
      (q, lang) => quoteText(q, lang),
    ),
  );

  validityOptions(termOptions(
    quotes
      .command('revise <id>')
      .description('a new version (every version is kept, R8); without --item/--items the lines of the current version are kept, without a validity option its validity')
      .option('--answer <questionId|answer>', 'answer a spec question (repeatable)', collect),
  )).action((id: string, o: QuoteTermOptions & QuoteValidityOptions & Options & { answer?: string[] }) =>
    call<Quote>(
      'quotes.revise',
      async (ctx, lang) => {
        const given = itemsOf(o, lang);
        if (!given.ok) return given;
        const answers = answersOf(o.answer, lang);
        if (!answers.ok) return answers;
        const validity = validityOf(o, lang, true);
        if (!validity.ok) return validity;
        let items = given.value;
        if (items === undefined) {
          const quote = await dispatch(ctx, 'quotes.get', { id }, lang);
          if (!quote.ok) return quote;
          const q = quote.value as Quote;
          const current = q.versions.find((v) => v.version === q.currentVersion);
          items = (current?.items ?? []).map((i) => defined({ product: i.product, description: i.description || undefined, quantity: i.quantity, unit: i.unit, unitPrice: i.unitPrice }));
        }
        return ok(defined({ id, items, validity: validity.value, answers: answers.value, ...termsOf(o) }));
      },
      (q, lang) => quoteText(q, lang),
    ),
  );

  quotes
    .command('send <id>')
    .description('mark the current version sent (R8: unanswered spec questions need --confirm-unanswered)')
    .option('--at <time>', 'when it went out (default now)')
    .option('--local', "--at is a wall time in the buyer's zone")
    .option('--confirm-unanswered', 'send although spec questions are unanswered')
    .action((id: string, o: Options & { confirmUnanswered?: boolean }) =>
      call<Quote>(
        'quotes.send',
        async (ctx, lang) => {
          const at = await atOf(ctx, lang, id, o);
          return at.ok ? ok(defined({ id, at: at.value, confirmUnanswered: o.confirmUnanswered })) : at;
        },
        (q, lang) => quoteText(q, lang),
      ),
    );

  quotes.command('show <id>').description('a quote: its lines, open questions and, if lost, why').action((id: string) =>
    call<Quote>('quotes.get', async () => ok({ id }), (q, lang) => quoteText(q, lang, true)),
  );
  quotes
    .command('list')
    .option('--account <id>')
    .option('--status <status>', 'draft, sent, won, lost or expired')
    .option('--limit <n>', 'at most this many', '100')
    .action((o: Options) =>
      call<Quote[]>(
        'quotes.list',
        async () => ok(defined({ accountId: o.account, status: o.status, limit: num(o.limit ?? '100') })),
        (list, lang) => list.map((q) => quoteText(q, lang)).join('\n'),
      ),
    );
  quotes.command('reconfirm <id>').description('R7: re-confirm an FX-sensitive quote flagged for a currency move').action((id: string) =>
    call<Quote>('quotes.reconfirm', async () => ok({ id }), (q, lang) => quoteText(q, lang)),
  );

  quotes
    .command('diff <id>')
    .description('what changed between two versions of a quote (default: the version before the current one → the current one)')
    .option('--from <n>', 'the earlier version')
    .option('--to <n>', 'the later version')
    .action((id: string, o: { from?: string; to?: string }) =>
      call<QuoteDiff>('quotes.diff', async () => ok(defined({ id, from: o.from === undefined ? undefined : num(o.from), to: o.to === undefined ? undefined : num(o.to) })), quoteDiffText),
    );

  const timed = (command: Command) => command.option('--at <time>', 'when (default now)').option('--local', "--at is a wall time in the buyer's zone");
  timed(quotes.command('win <id>').description('mark the quote won')).action((id: string, o: Options) =>
    call<Quote>(
      'quotes.win',
      async (ctx, lang) => {
        const at = await atOf(ctx, lang, id, o);
        return at.ok ? ok({ id, at: at.value }) : at;
      },
      lostQuoteText,
    ),
  );
  timed(quotes.command('analyse <id>').description('R9: what the book knows before the quote is marked lost (writes nothing)')).action((id: string, o: Options) =>
    call<LossAnalysis>(
      'quotes.lossAnalysis',
      async (ctx, lang) => {
        const at = await atOf(ctx, lang, id, o);
        return at.ok ? ok({ id, at: at.value }) : at;
      },
      lossAnalysisText,
    ),
  );
  timed(
    quotes
      .command('lose <id>')
      .description("R9: mark the quote lost with a reason; the proposed recovery to-do is accepted unless --no-recovery")
      .requiredOption('--reason <reason>', 'price, spec_gap, certification, lead_time, payment_terms, fx, competitor, no_reply or other')
      .option('--note <text>')
      .option('--no-recovery', 'no recovery to-do')
      .option('--recovery-action <action>', 'call, requote, answer_questions or send_certificates (default: as proposed for the reason)')
      .option('--recovery-due <time>', "when the recovery to-do is due (default: the buyer's morning, as proposed); with --local a wall time")
      .option('--recovery-note <text>'),
  ).action((id: string, o: Options & { recovery: boolean }) =>
    call<Quote>(
      'quotes.lose',
      async (ctx, lang) => {
        const at = await atOf(ctx, lang, id, o);
        if (!at.ok) return at;
        const base = defined({ id, at: at.value, reason: o.reason, note: o.note });
        if (!o.recovery) return ok({ ...base, recovery: null });
        const analysis = await dispatch(ctx, 'quotes.lossAnalysis', { id, at: at.value }, lang);
        if (!analysis.ok) return analysis;
        const proposal = (analysis.value as LossAnalysis).recovery[o.reason as keyof LossAnalysis['recovery']];
        // An unknown reason has no proposal: the contract names it in its error.
        if (proposal === undefined) return ok({ ...base, recovery: null });
        const due = await instantOption(ctx, lang, o.recoveryDue, o.local, accountOfQuote(ctx, lang, id));
        if (!due.ok) return due;
        return ok({ ...base, recovery: defined({ action: o.recoveryAction ?? proposal.action, dueAt: due.value ?? proposal.dueAt, note: o.recoveryNote }) });
      },
      lostQuoteText,
    ),
  );
  quotes
    .command('lost-reasons')
    .description('R9: lost quotes by reason and by month, with the facts that came with each reason')
    .option('--from <date>', 'first day (default: 12 months before --to)')
    .option('--to <date>', 'last day (default: today)')
    .action((o: Options) => call<LostReasonsReport>('quotes.lostReasons', async () => ok(defined({ from: o.from, to: o.to })), lostReasonsText));
}
