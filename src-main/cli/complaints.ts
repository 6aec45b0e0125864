/**
 * `tradebook complaints …`: complaints from the command line (issue 12; R15 grades A/B/C).
 *   tradebook complaints add --account ID --grade A|B|C --subject T [--at TIME [--local]] [--order ID] [--description T]
 *   tradebook complaints respond ID [--at TIME [--local]] [--note TEXT]
 *   tradebook complaints resolve ID [--at TIME [--local]] [--resolution T]
 *   tradebook complaints list [--account ID] [--open] [--limit N]
 * `--at` as for inquiries (default now; `--local`: the account's wall time). `--json` prints the call's value;
 * without it one line per complaint: account, grade, subject, opened (buyer-local and UTC) and where it stands.
 */
import type { Command } from 'commander';
import type { Language } from '../contract/messages';
import type { Account, Complaint } from '../contract/models';
import { dispatch } from '../handlers/dispatch';
import type { ServiceContext } from '../services/context';
import { defined } from './args';
import { accountOfRecord, atOption, listCommand, localText, utcText, type InquiryCliHooks } from './inquiries';

const phrases = {
  en: {
    grade: (g: string) => `grade ${g}`,
    opened: 'opened',
    open: 'open, no response yet',
    responded: (at: string) => `responded ${at}`,
    resolved: (at: string) => `resolved ${at}`,
    none: 'No complaints.',
  },
  'zh-CN': {
    grade: (g: string) => `${g} 级`,
    opened: '登记',
    open: '未处理，尚未响应',
    responded: (at: string) => `已于 ${at} 响应`,
    resolved: (at: string) => `已于 ${at} 解决`,
    none: '没有投诉。',
  },
} as const;

/** One complaint for people, with its account's name and zone (null when the account cannot be read). */
export function complaintLine(c: Complaint, account: Pick<Account, 'name' | 'timeZone'> | null, lang: Language): string {
  const p = phrases[lang];
  const when = (at: string) => (account === null ? utcText(at) : `${localText(at, account.timeZone, lang)} (${utcText(at)})`);
  const state = c.resolvedAt !== null ? p.resolved(utcText(c.resolvedAt)) : c.respondedAt !== null ? p.responded(utcText(c.respondedAt)) : p.open;
  return [c.id, account?.name ?? c.accountId, p.grade(c.grade), c.subject, `${p.opened} ${when(c.openedAt)}`, state, ...(c.resolution ? [c.resolution] : [])].join('  ·  ');
}

export function registerComplaintCommands(program: Command, hooks: InquiryCliHooks): void {
  const print = async (ctx: ServiceContext, lang: Language, value: unknown) => {
    if (hooks.json()) return hooks.out(JSON.stringify(value));
    const complaints = (Array.isArray(value) ? value : [value]) as Complaint[];
    if (complaints.length === 0) return hooks.out(phrases[lang].none);
    const accounts = new Map<string, Account | null>();
    for (const id of new Set(complaints.map((c) => c.accountId))) {
      const account = await dispatch(ctx, 'accounts.get', { id }, lang);
      accounts.set(id, account.ok ? (account.value as Account) : null);
    }
    hooks.out(complaints.map((c) => complaintLine(c, accounts.get(c.accountId) ?? null, lang)).join('\n'));
  };
  const call = (ctx: ServiceContext, lang: Language, name: string, input: unknown) =>
    dispatch(ctx, name, input, lang).then((result) => (result.ok ? print(ctx, lang, result.value) : hooks.fail(result.error)));
  /** respond and resolve: the instant read in the zone of the complaint's account with --local. */
  const change = (name: 'complaints.respond' | 'complaints.resolve', id: string, o: { at?: string; local?: boolean }, extra: Record<string, unknown> = {}) =>
    hooks.withBook(false, async (ctx, lang) => {
      const at = await atOption(ctx, lang, o, () => accountOfRecord(ctx, lang, 'complaints.get', id));
      if (!at.ok) return hooks.fail(at.error);
      await call(ctx, lang, name, { id, at: at.value, ...extra });
    });

  const complaints = program.command('complaints').description('complaints graded A/B/C: respond within 2 h / 24 h / 48 h, remedy within 72 h (R15)');
  complaints
    .command('add')
    .requiredOption('--account <id>')
    .requiredOption('--grade <grade>', 'A, B or C')
    .requiredOption('--subject <text>')
    .option('--at <time>', 'when it was opened: an instant, or with --local a wall time in the account’s zone (default: now)')
    .option('--local', 'read --at as the buyer’s wall time YYYY-MM-DDTHH:MM')
    .option('--order <id>', 'the order it is about')
    .option('--description <text>')
    .action((o: { account: string; grade: string; subject: string; at?: string; local?: boolean; order?: string; description?: string }) =>
      hooks.withBook(false, async (ctx, lang) => {
        const at = await atOption(ctx, lang, o, async () => ({ ok: true, value: o.account }));
        if (!at.ok) return hooks.fail(at.error);
        await call(ctx, lang, 'complaints.add', defined({ accountId: o.account, orderId: o.order, grade: o.grade, subject: o.subject, description: o.description, openedAt: at.value }));
      }),
    );
  complaints
    .command('respond <id>')
    .description('record the first response')
    .option('--at <time>', 'when (default: now)')
    .option('--local', 'read --at as a wall time in the zone of the complaint’s account')
    .option('--note <text>', 'what the response told the buyer')
    .action((id: string, o: { at?: string; local?: boolean; note?: string }) => change('complaints.respond', id, o, o.note === undefined ? {} : { note: o.note }));
  complaints
    .command('resolve <id>')
    .description('record the resolution (also the response, when none was recorded)')
    .option('--at <time>', 'when (default: now)')
    .option('--local', 'read --at as a wall time in the zone of the complaint’s account')
    .option('--resolution <text>')
    .action((id: string, o: { at?: string; local?: boolean; resolution?: string }) => change('complaints.resolve', id, o, defined({ resolution: o.resolution })));
  listCommand(complaints, 'newest first', 'only those not resolved yet', hooks, (ctx, lang, input) => call(ctx, lang, 'complaints.list', input));
}
