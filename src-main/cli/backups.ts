/**
 * `tradebook backup|backups|restore`: backups from the command line (issue 11, item 5).
 *   tradebook backup [--json]          back the book up now (reason manual), then rotate the folder
 *   tradebook backups list [--json]    the book's backups, newest first
 *   tradebook restore FILE [--json]    check FILE like an incoming file, back the book up, then put FILE in its place
 * Errors are one line on stderr (in --lang), exit code 1; a refused restore leaves the book unchanged.
 */
import type { Command } from 'commander';
import type { ApiError, Result } from '../contract/errors';
import type { BackupEntry } from '../contract/backups';
import type { Language } from '../contract/messages';
import { dispatch, toApiError } from '../handlers/dispatch';
import type { ServiceContext } from '../services/context';
import { restoreBook, type RestoreResult } from '../services/restore';

export interface BackupCliHooks {
  withBook(create: boolean, work: (ctx: ServiceContext, lang: Language) => Promise<void>): Promise<void>;
  fail(error: ApiError): void;
  out(text: string): void;
  json(): boolean;
  lang(): Language;
  /** The book's path: `--db`, else TRADEBOOK_DB, else the default in the user data directory. */
  bookFile(): string;
}

export function formatBytes(bytes: number, lang: Language): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

const phrases = {
  en: {
    made: (e: BackupEntry, size: string) => `Backed up the book to ${e.file} (${size}).`,
    none: 'There are no backups of this book yet: “tradebook backup” makes one.',
    reasons: { daily: 'daily', manual: 'manual', migration: 'before upgrade', import: 'before import', merge: 'before merge', restore: 'before restore' },
    restored: (r: RestoreResult) =>
      `Restored ${r.book} from ${r.restoredFrom}: schema ${r.backupSchemaVersion}` +
      (r.schemaVersion !== r.backupSchemaVersion ? ` (upgraded to ${r.schemaVersion})` : '') +
      `, ${r.accounts} accounts.`,
    previous: (file: string) => `The book as it was is kept at ${file}.`,
    damaged: (file: string) => `The damaged book was moved to ${file}.`,
  },
  'zh-CN': {
    made: (e: BackupEntry, size: string) => `已将客户库备份到 ${e.file}（${size}）。`,
    none: '此客户库还没有备份：运行“tradebook backup”即可创建。',
    reasons: { daily: '每日', manual: '手动', migration: '升级前', import: '导入前', merge: '合并前', restore: '恢复前' },
    restored: (r: RestoreResult) =>
      `已从 ${r.restoredFrom} 恢复 ${r.book}：架构 ${r.backupSchemaVersion}` +
      (r.schemaVersion !== r.backupSchemaVersion ? `（已升级到 ${r.schemaVersion}）` : '') +
      `，${r.accounts} 个客户。`,
    previous: (file: string) => `恢复前的客户库保存在 ${file}。`,
    damaged: (file: string) => `已损坏的客户库已移到 ${file}。`,
  },
} as const;

/** One line per backup: when, why, how big, where. */
export function backupLines(entries: readonly BackupEntry[], lang: Language): string[] {
  const p = phrases[lang];
  if (entries.length === 0) return [p.none];
  return entries.map((e) => `${e.takenAt}  ${p.reasons[e.reason].padEnd(lang === 'en' ? 14 : 4)}  ${formatBytes(e.bytes, lang).padStart(9)}  ${e.file}`);
}

export function registerBackupCommands(program: Command, hooks: BackupCliHooks): void {
  const call = <T>(name: 'backups.create' | 'backups.list', human: (value: T, lang: Language) => string) =>
    hooks.withBook(false, async (ctx, lang) => {
      const result = (await dispatch(ctx, name, {}, lang)) as Result<T>;
      if (!result.ok) return hooks.fail(result.error);
      hooks.out(hooks.json() ? JSON.stringify(result.value) : human(result.value, lang));
    });

  program
    .command('backup')
    .description('back the book up now into its backups folder (rotated: 7 daily, 4 weekly)')
    .action(() => call<BackupEntry>('backups.create', (entry, lang) => phrases[lang].made(entry, formatBytes(entry.bytes, lang))));

  program
    .command('backups')
    .description('the book\'s backups')
    .command('list')
    .description('list the book\'s backups, newest first')
    .action(() => call<BackupEntry[]>('backups.list', (entries, lang) => backupLines(entries, lang).join('\n')));

  program
    .command('restore <file>')
    .description('replace the book with a backup file, after checking it and backing up the book as it is')
    .action(async (file: string) => {
      const lang = hooks.lang();
      let result: RestoreResult;
      try {
        result = await restoreBook(hooks.bookFile(), file);
      } catch (error) {
        hooks.fail(toApiError(error, lang));
        return;
      }
      if (hooks.json()) return hooks.out(JSON.stringify(result));
      const p = phrases[lang];
      hooks.out(
        [p.restored(result), ...(result.previous ? [p.previous(result.previous.file)] : []), ...(result.damaged ? [p.damaged(result.damaged)] : [])].join(
          '\n',
        ),
      );
    });
}
