/**
 * `tradebook quotes …`: quotes from the command line (issue 12; today `diff`, R8).
 *   tradebook quotes diff ID [--from N] [--to N] [--json]   what changed between two versions (default: the last two)
 * Without --json the diff reads as lines: the quote, each added (+), removed (−) and changed (~) line with what
 * changed, the terms, the total and the spec questions. Errors are one line on stderr (in --lang), exit code 1.
 */
import type { Command } from 'commander';
import type { ApiError } from '../contract/errors';
import type { Language } from '../contract/messages';
import type { QuoteDiff } from '../contract/quotes';
import { dispatch } from '../handlers/dispatch';
import type { ServiceContext } from '../services/context';

export interface QuoteCliHooks {
  withBook(create: boolean, work: (ctx: ServiceContext, lang: Language) => Promise<void>): Promise<void>;
  fail(error: ApiError): void;
  out(text: string): void;
  json(): boolean;
}

type DiffItem = QuoteDiff['items']['added'][number];
type Change = QuoteDiff['items']['changed'][number]['changes'][number] | QuoteDiff['terms'][number];

const phrases = {
  en: {
    head: (d: QuoteDiff) => `Quote ${d.number}, version ${d.from} → ${d.to} (${d.currency})`,
    lines: (d: QuoteDiff) =>
      `Lines: ${d.items.added.length} added, ${d.items.removed.length} removed, ${d.items.changed.length} changed, ${d.items.unchanged} unchanged`,
    fields: { description: 'spec', quantity: 'quantity', unit: 'unit', unitPrice: 'unit price', amount: 'amount', incoterm: 'Incoterm', paymentTerms: 'Payment terms', leadTimeDays: 'Lead time (days)', terms: 'Terms', note: 'Note' },
    lost: (field: string, parts: string) => `${field} lost ${parts}`,
    gained: (field: string, parts: string) => `${field} gained ${parts}`,
    list: ', ',
    noTerms: 'Terms: unchanged',
    terms: 'Terms:',
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
    fields: { description: '规格', quantity: '数量', unit: '单位', unitPrice: '单价', amount: '金额', incoterm: '贸易术语', paymentTerms: '付款方式', leadTimeDays: '交期（天）', terms: '条款', note: '备注' },
    lost: (field: string, parts: string) => `${field}缺少 ${parts}`,
    gained: (field: string, parts: string) => `${field}新增 ${parts}`,
    list: '、',
    noTerms: '条款：未变',
    terms: '条款：',
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
  const shown = (v: string | number | null) => (v === null || v === '' ? p.none : typeof v === 'number' ? number(v, lang) : v);
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
    `${p.total}: ${number(total.from, lang)} → ${number(total.to, lang)} (${signed(total.change, lang)}${percent})`,
    p.coverage(d),
    ...d.questions.answeredSince.map((q) => `  ${p.answered}: ${q.question}`),
    ...d.questions.askedSince.map((q) => `  ${p.asked}: ${q.question}`),
  ].join('\n');
}

export function registerQuoteCommands(program: Command, hooks: QuoteCliHooks): void {
  const quotes = program.command('quotes').description('quotes: compare versions (R8)');
  quotes
    .command('diff <id>')
    .description('what changed between two versions of a quote (default: the version before the current one → the current one)')
    .option('--from <n>', 'the earlier version')
    .option('--to <n>', 'the later version')
    .action((id: string, o: { from?: string; to?: string }) =>
      hooks.withBook(false, async (ctx, lang) => {
        const version = (text: string | undefined) => (text === undefined ? undefined : /^\d+$/.test(text) ? Number(text) : text);
        const input = Object.fromEntries(Object.entries({ id, from: version(o.from), to: version(o.to) }).filter(([, v]) => v !== undefined));
        const result = await dispatch(ctx, 'quotes.diff', input, lang);
        if (!result.ok) return hooks.fail(result.error);
        hooks.out(hooks.json() ? JSON.stringify(result.value) : quoteDiffText(result.value as QuoteDiff, lang));
      }),
    );
}
