/**
 * `tradebook score`: account scores from the command line (issue 7).
 *   tradebook score [--as-of D]                       rescore the book, print a summary
 *   tradebook score --json [--as-of D] [--account ID] rescore, print the scores: a JSON array, one object per account
 *   tradebook score --account ID --explain [--as-of D] [--lang zh-CN]   the reasoning in words (nothing written)
 * Bad input (an unknown account, an --as-of that is not a date) is one line on stderr, exit 1, nothing written:
 * every input is checked before the rescore writes.
 */
import type { Command } from 'commander';
import type { ApiError, Result } from '../contract/errors';
import type { Language } from '../contract/messages';
import type { AccountScoreView, ScoreExplanation, ScoreRunSummary } from '../contract/models';
import { dispatch } from '../handlers/dispatch';
import type { ServiceContext } from '../services/context';

export interface ScoreCliHooks {
  withBook(create: boolean, work: (ctx: ServiceContext, lang: Language) => Promise<void>): Promise<void>;
  fail(error: ApiError): void;
  out(text: string): void;
  json(): boolean;
}

/** Rows per page when printing every account's scores. */
const PAGE = 5000;

const phrases = {
  en: {
    scored: (s: ScoreRunSummary, n: (v: number) => string) =>
      `Scored ${n(s.accounts)} accounts as of ${s.asOf} in ${s.seconds} s (${n(s.withOrders)} with orders).`,
    tiers: 'Tiers',
    quadrants: 'Quadrants',
    loyalty: 'Loyalty',
    churn: (s: ScoreRunSummary, n: (v: number) => string) => `Churn warnings: ${n(s.churnWarnings)}; quarterly health reviews recorded: ${n(s.healthReviews)}.`,
    rebuilt: 'The monthly order aggregates were rebuilt first (orders had changed without them).',
    names: {
      new: 'new',
      dormant: 'dormant',
      VIP: 'VIP',
      potential: 'potential',
      general: 'general',
      strategic: 'strategic',
      maintain: 'maintain',
      declining: 'declining',
    } as Record<string, string>,
  },
  'zh-CN': {
    scored: (s: ScoreRunSummary, n: (v: number) => string) =>
      `已评分 ${n(s.accounts)} 个客户（截至 ${s.asOf}，用时 ${s.seconds} 秒；其中 ${n(s.withOrders)} 个有订单）。`,
    tiers: '客户等级',
    quadrants: '象限',
    loyalty: '忠诚度',
    churn: (s: ScoreRunSummary, n: (v: number) => string) => `流失预警：${n(s.churnWarnings)} 个；记录季度健康检查：${n(s.healthReviews)} 个。`,
    rebuilt: '已先重建月度订单汇总（订单有过未同步的改动）。',
    names: {
      new: '新客户',
      dormant: '沉睡客户',
      VIP: 'VIP',
      potential: '潜力客户',
      general: '一般客户',
      strategic: '战略客户',
      maintain: '维持客户',
      declining: '衰退客户',
    } as Record<string, string>,
  },
} as const;

/** The summary of a rescore, in words. */
export function summaryLines(summary: ScoreRunSummary, lang: Language): string[] {
  const p = phrases[lang];
  const format = new Intl.NumberFormat(lang);
  const n = (v: number) => format.format(v);
  const counts = (values: Record<string, number>) =>
    Object.entries(values)
      .map(([k, v]) => `${p.names[k] ?? k} ${n(v)}`)
      .join(' · ');
  const colon = lang === 'zh-CN' ? '：' : ': ';
  return [
    p.scored(summary, n),
    `${p.tiers}${colon}${counts(summary.tiers)}`,
    `${p.quadrants}${colon}${counts(summary.quadrants)}`,
    `${p.loyalty}${colon}${counts(summary.loyalty)}`,
    p.churn(summary, n),
    ...(summary.rebuiltAggregates ? [p.rebuilt] : []),
  ];
}

interface ScoreOptions {
  asOf?: string;
  account?: string;
  explain?: boolean;
}

export function registerScoreCommands(program: Command, hooks: ScoreCliHooks): void {
  program
    .command('score')
    .description('score the accounts (RFM, value, quadrant, loyalty, health, churn) and print a summary, the scores, or why')
    .option('--as-of <date>', 'score as of this day (YYYY-MM-DD), from the data up to it (default: today)')
    .option('--account <id>', 'only this account')
    .option('--explain', 'print the reasoning behind the account\'s scores in words (with --account)')
    .action((o: ScoreOptions) =>
      hooks.withBook(false, async (ctx, lang) => {
        const ok = <T>(result: Result<unknown>): T | undefined => {
          if (result.ok) return result.value as T;
          hooks.fail(result.error);
          return undefined;
        };
        const asOf = o.asOf === undefined ? {} : { asOf: o.asOf };

        if (o.explain) {
          const explanation = ok<ScoreExplanation>(await dispatch(ctx, 'scores.explain', { accountId: o.account ?? '', ...asOf }, lang));
          if (!explanation) return;
          hooks.out(hooks.json() ? JSON.stringify(explanation) : explanation.lines.join('\n'));
          return;
        }

        // Check what can be checked before anything is written: the account, then the date (with the run itself).
        if (o.account !== undefined && !ok(await dispatch(ctx, 'accounts.get', { id: o.account }, lang))) return;
        const summary = ok<ScoreRunSummary>(await dispatch(ctx, 'scores.run', asOf, lang));
        if (!summary) return;
        if (!hooks.json()) {
          if (o.account === undefined) {
            hooks.out(summaryLines(summary, lang).join('\n'));
            return;
          }
        }
        // The scores as one JSON array, printed a page at a time (a book may have 50,000 accounts).
        const one = o.account === undefined ? {} : { accountId: o.account };
        let first = true;
        hooks.out('[');
        for (let offset = 0; ; offset += PAGE) {
          const page = ok<AccountScoreView[]>(await dispatch(ctx, 'scores.list', { asOf: summary.asOf, ...one, limit: PAGE, offset }, lang));
          if (!page) return;
          for (const view of page) {
            hooks.out(`${first ? '' : ','}${JSON.stringify(view)}`);
            first = false;
          }
          if (page.length < PAGE) break;
        }
        hooks.out(']');
      }),
    );
}
