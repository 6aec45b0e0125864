/**
 * `tradebook receivables …` and `tradebook payments …`: receivables (回款) from the command line (issue 12).
 *   tradebook receivables list [--account ID] [--bucket B] [--as-of YYYY-MM-DD] [--limit N]
 *   tradebook payments add ORDER --amount N [--on YYYY-MM-DD] [--note T]
 *   tradebook payments list ORDER
 *   tradebook payments delete ID
 * `--json` prints the call's value; without it the aged list prints its buckets in the base currency, the overdue
 * accounts and one line per open order (most days late first).
 */
import type { Command } from 'commander';
import type { Language } from '../contract/messages';
import type { Payment, ReceivablesReport } from '../contract/receivables';
import type { AgingBucket } from '../domain/receivables/aging';
import { dispatch } from '../handlers/dispatch';
import type { ServiceContext } from '../services/context';
import { defined, optionalNum } from './args';
import type { InquiryCliHooks } from './inquiries';

const phrases = {
  en: {
    buckets: { not_due: 'not yet due', days_1_30: '1–30 days', days_31_60: '31–60 days', days_61_90: '61–90 days', days_over_90: 'over 90 days', no_due_date: 'no due date' },
    title: (asOf: string, base: string) => `Receivables as of ${asOf} (${base})`,
    total: 'total',
    overdue: 'overdue',
    orders: (n: number) => (n === 1 ? '1 order' : `${n} orders`),
    late: (d: number) => (d === 1 ? '1 day late' : `${d} days late`),
    dueIn: (d: number) => (d === 0 ? 'due today' : d === 1 ? 'due tomorrow' : `due in ${d} days`),
    noDue: 'no due date',
    of: (open: string, amount: string) => `${open} open of ${amount}`,
    none: 'Nothing is owed.',
    noPayments: 'No payments.',
    paid: 'paid',
    deleted: 'deleted',
  },
  'zh-CN': {
    buckets: { not_due: '未到期', days_1_30: '逾期 1–30 天', days_31_60: '逾期 31–60 天', days_61_90: '逾期 61–90 天', days_over_90: '逾期 90 天以上', no_due_date: '无到期日' },
    title: (asOf: string, base: string) => `应收账款（截至 ${asOf}，${base}）`,
    total: '合计',
    overdue: '已逾期',
    orders: (n: number) => `${n} 笔订单`,
    late: (d: number) => `逾期 ${d} 天`,
    dueIn: (d: number) => (d === 0 ? '今天到期' : `${d} 天后到期`),
    noDue: '无到期日',
    of: (open: string, amount: string) => `未收 ${open} / 共 ${amount}`,
    none: '没有应收款项。',
    noPayments: '没有收款记录。',
    paid: '收款',
    deleted: '已删除',
  },
} as const;

function money(amount: number, currency: string, lang: Language): string {
  return `${new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)} ${currency}`;
}

/** The aged list for people. */
export function receivablesText(report: ReceivablesReport, lang: Language): string {
  const p = phrases[lang];
  if (report.total.count === 0) return p.none;
  const lines = [p.title(report.asOf, report.baseCurrency)];
  for (const b of report.buckets) lines.push(`  ${p.buckets[b.bucket as AgingBucket].padEnd(14)} ${money(b.outstandingBase, report.baseCurrency, lang).padStart(20)}  ${p.orders(b.count)}`);
  lines.push(`  ${p.total.padEnd(14)} ${money(report.total.outstandingBase, report.baseCurrency, lang).padStart(20)}  ${p.overdue} ${money(report.total.overdueBase, report.baseCurrency, lang)}`);
  if (report.overdueByAccount.length > 0) {
    lines.push('', `${p.overdue}:`);
    for (const a of report.overdueByAccount) lines.push(`  ${a.accountName}  ·  ${money(a.overdueBase, report.baseCurrency, lang)}  ·  ${p.orders(a.count)}  ·  ${p.late(a.maxDaysOverdue)}`);
  }
  if (report.rows.length > 0) lines.push('');
  for (const r of report.rows) {
    const when = r.daysOverdue === null ? p.noDue : r.daysOverdue > 0 ? `${p.late(r.daysOverdue)} (${r.dueOn})` : `${p.dueIn(-r.daysOverdue)} (${r.dueOn})`;
    lines.push([r.orderId, r.accountName, r.number ?? r.orderedOn, p.of(money(r.outstanding, r.currency, lang), money(r.amount, r.currency, lang)), when].join('  ·  '));
  }
  return lines.join('\n');
}

function paymentLine(payment: Payment, lang: Language): string {
  return [payment.id, payment.orderId, `${phrases[lang].paid} ${payment.paidOn}`, money(payment.amount, payment.currency, lang), ...(payment.note ? [payment.note] : [])].join('  ·  ');
}

export function registerReceivablesCommands(program: Command, hooks: InquiryCliHooks): void {
  const call = (ctx: ServiceContext, lang: Language, name: string, input: unknown, text: (value: unknown) => string) =>
    dispatch(ctx, name, input, lang).then((result) => {
      if (!result.ok) return hooks.fail(result.error);
      hooks.out(hooks.json() ? JSON.stringify(result.value) : text(result.value));
    });
  const payments = (lang: Language) => (value: unknown) => {
    const list = (Array.isArray(value) ? value : [value]) as Payment[];
    return list.length === 0 ? phrases[lang].noPayments : list.map((pm) => paymentLine(pm, lang)).join('\n');
  };

  program
    .command('receivables')
    .description('receivables (回款): what orders still owe, aged by days late')
    .command('list')
    .description('the aged list: not yet due, 1–30, 31–60, 61–90, over 90 days; the overdue accounts; the open orders')
    .option('--account <id>', 'one account only')
    .option('--bucket <bucket>', 'only the orders of one bucket: not_due, days_1_30, days_31_60, days_61_90, days_over_90, no_due_date')
    .option('--as-of <date>', 'count days late as of this day (default: today)')
    .option('--limit <n>', 'at most this many orders', '100')
    .action((o: { account?: string; bucket?: string; asOf?: string; limit: string }) =>
      hooks.withBook(false, (ctx, lang) =>
        call(ctx, lang, 'receivables.list', defined({ accountId: o.account, bucket: o.bucket, asOf: o.asOf, limit: optionalNum(o.limit) }), (v) =>
          receivablesText(v as ReceivablesReport, lang),
        ),
      ),
    );

  const noun = program.command('payments').description('payments received against orders (full or partial)');
  noun
    .command('add <order>')
    .description('record a payment; more than the order still owes is refused')
    .requiredOption('--amount <n>', "in the order's currency")
    .option('--on <date>', 'the day it was received (default: today)')
    .option('--note <text>')
    .action((order: string, o: { amount: string; on?: string; note?: string }) =>
      hooks.withBook(false, (ctx, lang) =>
        call(ctx, lang, 'payments.add', defined({ orderId: order, amount: optionalNum(o.amount), paidOn: o.on, note: o.note }), payments(lang)),
      ),
    );
  noun
    .command('list <order>')
    .description("an order's payments, oldest first")
    .action((order: string) => hooks.withBook(false, (ctx, lang) => call(ctx, lang, 'payments.list', { orderId: order }, payments(lang))));
  noun
    .command('delete <id>')
    .description('delete a payment recorded by mistake')
    .action((id: string) =>
      hooks.withBook(false, (ctx, lang) => call(ctx, lang, 'payments.delete', { id }, (v) => `${phrases[lang].deleted}: ${paymentLine(v as Payment, lang)}`)),
    );
}
