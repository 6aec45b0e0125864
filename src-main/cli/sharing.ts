/**
 * Team sharing from the command line (issue 11):
 *   tradebook share export --out FILE [--since YYYY-MM-DD | --full] [--json]
 *   tradebook share merge FILE [--dry-run] [--json]   → {added, updated, unchanged, conflicts:[…]}
 *   tradebook accounts merge ID --into ID | remove ID | pool | claim ID --owner NAME
 * Every command is one `dispatch` call: its input is checked by the contract, errors are one line on stderr.
 */
import type { Command } from 'commander';
import type { Language } from '../contract/messages';
import type { ShareMergeReport } from '../contract/sharing';

export interface SharingCliHooks {
  run(name: string, input: () => unknown, human?: (value: unknown) => string): Promise<void>;
  lang(): Language;
  usage(details: string): void;
}

const words = {
  en: {
    dry: 'Dry run — nothing was changed. ',
    counts: (r: ShareMergeReport) => `${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged`,
    conflicts: (n: number) => (n === 1 ? '1 conflict' : `${n} conflicts`),
    kept: { mine: 'kept yours', theirs: 'took theirs' },
    backup: 'Backup before the merge:',
    exported: (n: number, file: string) => `${n === 1 ? '1 record' : `${n} records`} written to ${file}`,
  },
  'zh-CN': {
    dry: '试运行——未做任何改动。',
    counts: (r: ShareMergeReport) => `新增 ${r.added} 条，更新 ${r.updated} 条，未变 ${r.unchanged} 条`,
    conflicts: (n: number) => `${n} 处冲突`,
    kept: { mine: '保留了您的', theirs: '采用了对方的' },
    backup: '合并前的备份：',
    exported: (n: number, file: string) => `已将 ${n} 条记录写入 ${file}`,
  },
} as const;

export function mergeReportText(report: ShareMergeReport, language: Language): string {
  const w = words[language];
  const lines = [`${report.dryRun ? w.dry : ''}${w.counts(report)}; ${w.conflicts(report.conflicts.length + report.moreConflicts)}.`];
  for (const c of report.conflicts.slice(0, 50)) {
    lines.push(`  ${c.table} ${c.id} ${c.field}: ${JSON.stringify(c.mine)} ↔ ${JSON.stringify(c.theirs)} (${w.kept[c.kept]})`);
  }
  if (report.backup) lines.push(`${w.backup} ${report.backup}`);
  return lines.join('\n');
}

export function registerSharingCommands(program: Command, accounts: Command, hooks: SharingCliHooks): void {
  const share = program.command('share').description('share the book with colleagues by file');
  share
    .command('export')
    .description('write the whole book, or the changes since a day, to one share file')
    .requiredOption('--out <file>', 'the share file to write')
    .option('--since <date>', 'only records changed on or after this day (YYYY-MM-DD, your time zone)')
    .option('--full', 'the whole book (the default)')
    .action((o: { out: string; since?: string; full?: boolean }) => {
      if (o.full && o.since !== undefined) return hooks.usage('--full and --since exclude each other');
      return hooks.run(
        'share.export',
        () => ({ out: o.out, ...(o.since === undefined ? {} : { since: o.since }) }),
        (v) => {
          const s = v as { total: number; file: string };
          return words[hooks.lang()].exported(s.total, s.file);
        },
      );
    });
  share
    .command('merge <file>')
    .description("merge a colleague's share file into the book (a backup is made first)")
    .option('--dry-run', 'show what would change, change nothing')
    .action((file: string, o: { dryRun?: boolean }) =>
      hooks.run('share.merge', () => ({ file, dryRun: o.dryRun === true }), (v) => mergeReportText(v as ShareMergeReport, hooks.lang())),
    );

  accounts
    .command('merge <id>')
    .description('merge a duplicate account into another: its records move there')
    .requiredOption('--into <id>', 'the account that stays')
    .action((id: string, o: { into: string }) => hooks.run('accounts.merge', () => ({ id, into: o.into })));
  accounts
    .command('remove <id>')
    .description('remove an account (kept as a tombstone so colleagues’ books remove it too)')
    .action((id: string) => hooks.run('accounts.remove', () => ({ id })));
  accounts
    .command('pool')
    .description('the public pool (公海): accounts not followed up for poolDays days, claimable by anyone')
    .option('--limit <n>', 'at most this many', '100')
    .option('--offset <n>', 'skip this many', '0')
    .action((o: { limit: string; offset: string }) => hooks.run('accounts.pool', () => ({ limit: Number(o.limit), offset: Number(o.offset) })));
  accounts
    .command('claim <id>')
    .description('take an account from the public pool')
    .requiredOption('--owner <name>', 'the new owner')
    .action((id: string, o: { owner: string }) => hooks.run('accounts.claim', () => ({ id, owner: o.owner })));
}
