/**
 * `tradebook inquiries …`: the inquiry inbox from the command line (issue 12; R1, R2, R4, R16).
 *   tradebook inquiries add --account ID --source SRC [--at TIME [--local]] [--contact ID] [--subject T] [--body T]
 *                           [--product P]… [--authenticity 1-5] [--urgency 1-5] [--value 1-5]
 *   tradebook inquiries reply ID [--at TIME [--local]]
 *   tradebook inquiries list [--account ID] [--open] [--limit N]
 *   tradebook inquiries stats [--from D] [--to D]
 * `--at` is an instant (default now); with `--local` a wall time `YYYY-MM-DDTHH:MM` in the account's zone (for a
 * reply, the zone of the inquiry's account). `--json` prints the call's value; without it an inbox line per inquiry
 * (account, source, received buyer-local and UTC, reply-by, SLA left, lands best at) or the statistics as a table.
 * `list` is the inbox (`inquiries.inbox`): least SLA time left first, overdue first; `--open` only the unanswered.
 * Errors are one line on stderr (in --lang), exit code 1.
 */
import type { Command } from 'commander';
import { Temporal } from 'temporal-polyfill';
import type { ApiError, Result } from '../contract/errors';
import type { InboxRow, InquiryDeadline, InquiryStats } from '../contract/inquiries';
import type { Language } from '../contract/messages';
import type { Inquiry } from '../contract/models';
import { dispatch } from '../handlers/dispatch';
import type { ServiceContext } from '../services/context';
import { defined, instantOption, optionalNum } from './args';

export interface InquiryCliHooks {
  withBook(create: boolean, work: (ctx: ServiceContext, lang: Language) => Promise<void>): Promise<void>;
  fail(error: ApiError): void;
  out(text: string): void;
  json(): boolean;
}

type Source = InquiryStats['sources'][number]['source'];

const phrases = {
  en: {
    sources: { website: 'website form', email: 'e-mail', marketplace: 'marketplace', fair: 'trade fair', referral: 'referral', phone: 'phone/WhatsApp', all: 'all sources' },
    received: 'received',
    replyBy: 'reply by',
    sla: (hours: string, halved: boolean) => `SLA ${hours} h${halved ? ', halved' : ''}`,
    left: (d: string) => `${d} left`,
    overdue: (d: string) => `overdue by ${d}`,
    repliedIn: (d: string) => `replied after ${d}`,
    met: 'within SLA',
    late: (d: string) => `${d} late`,
    landsBestAt: 'lands best at',
    priority: 'priority channel (R4)',
    none: 'No inquiries.',
    units: { d: ' d', h: ' h', min: ' min' },
    statsHead: (s: InquiryStats) => `First replies to inquiries received ${s.from} – ${s.to} (SLA judged as of ${s.asOf})`,
    columns: ['source', 'SLA', 'inquiries', 'replied', 'median', 'p90', 'within SLA'],
    dash: '–',
    comma: ', ',
  },
  'zh-CN': {
    sources: { website: '网站表单', email: '邮件', marketplace: 'B2B 平台', fair: '展会', referral: '转介绍', phone: '电话/WhatsApp', all: '全部来源' },
    received: '收到',
    replyBy: '回复期限',
    sla: (hours: string, halved: boolean) => `时限 ${hours} 小时${halved ? '（减半）' : ''}`,
    left: (d: string) => `还剩 ${d}`,
    overdue: (d: string) => `已超时 ${d}`,
    repliedIn: (d: string) => `${d}后回复`,
    met: '在时限内',
    late: (d: string) => `超时 ${d}`,
    landsBestAt: '最佳送达',
    priority: '优先通道（R4）',
    none: '没有询盘。',
    units: { d: ' 天', h: ' 小时', min: ' 分钟' },
    statsHead: (s: InquiryStats) => `询盘首次回复统计：收到日期 ${s.from} 至 ${s.to}（时限判断截至 ${s.asOf}）`,
    columns: ['来源', '时限', '询盘数', '已回复', '中位数', 'P90', '时限内占比'],
    dash: '–',
    comma: '，',
  },
} as const;

const MS_PER_MINUTE = 60_000;

/** A span of minutes for people: `3 d 4 h`, `4 h 12 min`, `12 min` (whole minutes; under one minute `0 min`). */
export function durationText(minutes: number, lang: Language): string {
  const u = phrases[lang].units;
  const total = Math.round(Math.abs(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  if (days > 0) return `${days}${u.d}${hours > 0 ? ` ${hours}${u.h}` : ''}`;
  if (hours > 0) return `${hours}${u.h}${mins > 0 ? ` ${mins}${u.min}` : ''}`;
  return `${mins}${u.min}`;
}

const clock = (t: { second: number }, text: string) => (t.second === 0 ? text.slice(0, 16) : text.slice(0, 19)).replace('T', ' ');

/** An instant as `2023-08-12 01:47 UTC` (seconds only when there are some). */
export function utcText(instant: string): string {
  const t = Temporal.Instant.from(instant).toZonedDateTimeISO('UTC');
  return `${clock(t, t.toPlainDateTime().toString())} UTC`;
}

/** An instant in a zone as `Sat 2023-08-12 03:47 Europe/Madrid` (周六 in Chinese). */
export function localText(instant: string, zone: string, lang: Language): string {
  const t = Temporal.Instant.from(instant).toZonedDateTimeISO(zone);
  const weekday = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: zone }).format(new Date(t.epochMilliseconds));
  return `${weekday} ${clock(t, t.toPlainDateTime().toString())} ${zone}`;
}

const bothTimes = (instant: string, zone: string, lang: Language) => `${localText(instant, zone, lang)} (${utcText(instant)})`;
const minutesBetween = (from: string, to: string) => (Temporal.Instant.from(to).epochMilliseconds - Temporal.Instant.from(from).epochMilliseconds) / MS_PER_MINUTE;
const hoursText = (hours: number, lang: Language) => new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(hours);

/** The inbox line of one inquiry as of `now`. */
export function inboxLine(inquiry: Pick<Inquiry, 'id' | 'source'>, d: InquiryDeadline, now: string, lang: Language): string {
  const p = phrases[lang];
  const source = (p.sources as Record<string, string>)[inquiry.source] ?? inquiry.source;
  let state: string;
  if (d.firstReplyAt !== null) {
    const late = minutesBetween(d.replyBy, d.firstReplyAt);
    state = `${p.repliedIn(durationText(minutesBetween(d.receivedAt, d.firstReplyAt), lang))}${p.comma}${d.sla === 'met' ? p.met : p.late(durationText(late, lang))}`;
  } else {
    const left = minutesBetween(now, d.replyBy);
    state = left >= 0 ? p.left(durationText(left, lang)) : p.overdue(durationText(left, lang));
  }
  return [
    inquiry.id,
    d.accountName,
    source,
    `${p.received} ${bothTimes(d.receivedAt, d.timeZone, lang)}`,
    `${p.replyBy} ${bothTimes(d.replyBy, d.timeZone, lang)}${p.comma}${p.sla(hoursText(d.slaHours, lang), d.halved)}`,
    state,
    `${p.landsBestAt} ${bothTimes(d.landsBestAt, d.timeZone, lang)}`,
  ].join('  ·  ');
}

/** The inbox line of one `inquiries.inbox` row, with the account's priority channel (R4) when it has it. */
export function inboxRowLine(row: InboxRow, now: string, lang: Language): string {
  const line = inboxLine(row, row.deadline, now, lang);
  return row.priorityChannel ? `${line}  ·  ${phrases[lang].priority}` : line;
}

/** Display width: CJK and full-width characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return w;
}

/** Rows of cells as aligned columns (the first column left-aligned, the others right-aligned). */
export function tableText(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => width(r[c]!))));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell + ' '.repeat(widths[c]! - width(cell)) : ' '.repeat(widths[c]! - width(cell)) + cell)).join('  ').trimEnd())
    .join('\n');
}

/** R1 statistics as a table, one row per source and one for all. */
export function statsText(s: InquiryStats, lang: Language): string {
  const p = phrases[lang];
  const minutes = (m: number | null) => (m === null ? p.dash : durationText(m, lang));
  const share = (x: number | null) => (x === null ? p.dash : `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(x * 100)} %`);
  const row = (r: InquiryStats['all']) => [
    p.sources[r.source as Source],
    r.slaHours === null ? '' : `${hoursText(r.slaHours, lang)}${p.units.h}`,
    String(r.count),
    String(r.replied),
    minutes(r.medianMinutes),
    minutes(r.p90Minutes),
    share(r.withinSlaShare),
  ];
  return [p.statsHead(s), tableText([[...p.columns], ...s.sources.map(row), row(s.all)])].join('\n');
}

/** An `--at` option as an instant: as given, read in the account's zone with `--local`, or now when omitted. */
export async function atOption(
  ctx: ServiceContext,
  lang: Language,
  o: { at?: string; local?: boolean },
  accountOf: () => Promise<Result<string>>,
): Promise<Result<string>> {
  const at = await instantOption(ctx, lang, o.at, o.local, accountOf);
  return at.ok ? { ok: true, value: at.value ?? ctx.now() } : at;
}

/** The account of a record, looked up by its `*.get` call (an unknown id is the call's not-found error). */
export async function accountOfRecord(ctx: ServiceContext, lang: Language, call: 'inquiries.get' | 'complaints.get', id: string): Promise<Result<string>> {
  const record = await dispatch(ctx, call, { id }, lang);
  return record.ok ? { ok: true, value: (record.value as { accountId: string }).accountId } : record;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `NOUN list [--account ID] [--open] [--limit N]`: the list call's input, handed to `run`. */
export function listCommand(
  noun: Command,
  description: string,
  openHelp: string,
  hooks: InquiryCliHooks,
  run: (ctx: ServiceContext, lang: Language, input: Record<string, unknown>) => Promise<void>,
): void {
  noun
    .command('list')
    .description(description)
    .option('--account <id>')
    .option('--open', openHelp)
    .option('--limit <n>', 'at most this many', '100')
    .action((o: { account?: string; open?: boolean; limit: string }) =>
      hooks.withBook(false, (ctx, lang) => run(ctx, lang, defined({ accountId: o.account, open: o.open, limit: optionalNum(o.limit) }))),
    );
}

export function registerInquiryCommands(program: Command, hooks: InquiryCliHooks): void {
  /** Prints inquiries: the value as JSON, or an inbox line each (their deadlines asked for in one more call). */
  const printInquiries = async (ctx: ServiceContext, lang: Language, value: unknown) => {
    if (hooks.json()) return hooks.out(JSON.stringify(value));
    const inquiries = (Array.isArray(value) ? value : [value]) as Inquiry[];
    if (inquiries.length === 0) return hooks.out(phrases[lang].none);
    const deadlines = await dispatch(ctx, 'inquiries.deadlines', { ids: inquiries.map((i) => i.id) }, lang);
    if (!deadlines.ok) return hooks.fail(deadlines.error);
    const now = ctx.now();
    hooks.out(inquiries.map((inquiry, k) => inboxLine(inquiry, (deadlines.value as InquiryDeadline[])[k]!, now, lang)).join('\n'));
  };
  const call = (ctx: ServiceContext, lang: Language, name: string, input: unknown) =>
    dispatch(ctx, name, input, lang).then((result) => (result.ok ? printInquiries(ctx, lang, result.value) : hooks.fail(result.error)));

  const inquiries = program.command('inquiries').description('the inquiry inbox: reply deadlines (R1) and response statistics');
  inquiries
    .command('add')
    .description('log a new inquiry; its reply deadline follows from the source (slaHours.<source>), R4 and R16')
    .requiredOption('--account <id>')
    .requiredOption('--source <source>', 'website, email, marketplace, fair, referral or phone')
    .option('--at <time>', 'when it was received: an instant, or with --local a wall time in the account’s zone (default: now)')
    .option('--local', 'read --at as the buyer’s wall time YYYY-MM-DDTHH:MM')
    .option('--contact <id>')
    .option('--subject <text>')
    .option('--body <text>')
    .option('--product <name>', 'a product asked for (repeatable)', collect)
    .option('--authenticity <1-5>')
    .option('--urgency <1-5>', 'R16: 4 or more halves the SLA')
    .option('--value <1-5>')
    .action((o: { account: string; source: string; at?: string; local?: boolean; contact?: string; subject?: string; body?: string; product?: string[]; authenticity?: string; urgency?: string; value?: string }) =>
      hooks.withBook(false, async (ctx, lang) => {
        const at = await atOption(ctx, lang, o, async () => ({ ok: true, value: o.account }));
        if (!at.ok) return hooks.fail(at.error);
        const input = defined({
          accountId: o.account,
          contactId: o.contact,
          source: o.source,
          receivedAt: at.value,
          subject: o.subject,
          body: o.body,
          products: o.product,
          authenticity: optionalNum(o.authenticity),
          urgency: optionalNum(o.urgency),
          value: optionalNum(o.value),
        });
        await call(ctx, lang, 'inquiries.add', input);
      }),
    );
  inquiries
    .command('reply <id>')
    .description('record the first reply to an inquiry')
    .option('--at <time>', 'when the reply went out (default: now)')
    .option('--local', 'read --at as a wall time in the zone of the inquiry’s account')
    .action((id: string, o: { at?: string; local?: boolean }) =>
      hooks.withBook(false, async (ctx, lang) => {
        const at = await atOption(ctx, lang, o, () => accountOfRecord(ctx, lang, 'inquiries.get', id));
        if (!at.ok) return hooks.fail(at.error);
        await call(ctx, lang, 'inquiries.reply', { id, at: at.value });
      }),
    );
  listCommand(inquiries, 'the inbox, least SLA time left first (overdue first)', 'only those not replied to yet', hooks, async (ctx, lang, input) => {
    // The CLI's `list` without --open keeps showing the replied ones too (the call's default is open only).
    const result = await dispatch(ctx, 'inquiries.inbox', { ...input, open: input.open === true }, lang);
    if (!result.ok) return hooks.fail(result.error);
    if (hooks.json()) return hooks.out(JSON.stringify(result.value));
    const rows = result.value as InboxRow[];
    if (rows.length === 0) return hooks.out(phrases[lang].none);
    hooks.out(rows.map((row) => inboxRowLine(row, ctx.now(), lang)).join('\n'));
  });
  inquiries
    .command('stats')
    .description('R1: first-reply times per source (median, p90, share within SLA) over a period of received dates')
    .option('--from <date>', 'first day received, YYYY-MM-DD (default: 89 days before --to)')
    .option('--to <date>', 'last day received (default: today in myTimeZone)')
    .action((o: { from?: string; to?: string }) =>
      hooks.withBook(false, async (ctx, lang) => {
        const result = await dispatch(ctx, 'inquiries.stats', defined({ from: o.from, to: o.to }), lang);
        if (!result.ok) return hooks.fail(result.error);
        hooks.out(hooks.json() ? JSON.stringify(result.value) : statsText(result.value as InquiryStats, lang));
      }),
    );
}
