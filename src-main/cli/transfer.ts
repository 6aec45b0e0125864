/**
 * `tradebook import` and `tradebook export` (issue 11, item 4):
 *   tradebook import FILE [--map JSON] [--dry-run] [--country CC] [--encoding ENC] [--date-order dmy|mdy]
 *                         [--duplicates skip|attach|error] [--kind csv|xlsx|vcf] [--json]
 *   tradebook export --out FILE [--format csv|xlsx|vcf] [--entity accounts|contacts|orders] [--json]
 * An import with any row error writes nothing: the report goes to stdout (JSON with --json), one line to stderr,
 * exit 1. When stderr is a terminal a progress line is kept up to date there.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { renderMessage, type ApiError, type Result } from '../contract/errors';
import type { Language } from '../contract/messages';
import type { ExportResult, ImportReport } from '../contract/transfer';
import { dispatch, dispatchWith } from '../handlers/dispatch';
import type { ServiceContext } from '../services/context';
import { runImport, type ImportProgress } from '../services/import';
import { progressLine } from './progress-line';

export interface TransferCliHooks {
  withBook(create: boolean, work: (ctx: ServiceContext, lang: Language) => Promise<void>): Promise<void>;
  fail(error: ApiError): void;
  out(text: string): void;
  err(text: string): void;
  json(): boolean;
  /** Sets the exit code (1 for a refused import). */
  exitCode(code: number): void;
}

const words = {
  en: {
    read: (r: ImportReport) => `Read ${r.rows} rows from ${path.basename(r.file)} (${r.kind.toUpperCase()}${r.encoding ? `, ${r.encoding}` : ''}).`,
    imported: (r: ImportReport) =>
      `${r.dryRun ? 'Would import' : 'Imported'} ${r.imported.accounts} accounts, ${r.imported.contacts} contacts, ${r.imported.orders} orders; ${r.skipped} rows skipped as duplicates.`,
    refused: (r: ImportReport) => `Nothing was imported: ${r.errorCount} problem(s) in the file.`,
    row: 'row',
    duplicate: (field: string, value: string, where: string) => `duplicate ${field} “${value}” (${where})`,
    inRow: (n: number) => `row ${n}`,
    inBook: (id: string) => `in the book: ${id}`,
    more: (n: number) => `…and ${n} more`,
    exported: (r: ExportResult) => `Wrote ${r.rows} ${r.entity} to ${r.file}.`,
    progress: (p: ImportProgress) => `${p.phase === 'read' ? 'Checking' : 'Writing'} rows: ${p.done} / ${p.total}`,
  },
  'zh-CN': {
    read: (r: ImportReport) => `从 ${path.basename(r.file)} 读取了 ${r.rows} 行（${r.kind.toUpperCase()}${r.encoding ? `，${r.encoding}` : ''}）。`,
    imported: (r: ImportReport) =>
      `${r.dryRun ? '将导入' : '已导入'} ${r.imported.accounts} 个客户、${r.imported.contacts} 个联系人、${r.imported.orders} 个订单；${r.skipped} 行因重复被跳过。`,
    refused: (r: ImportReport) => `未导入任何内容：文件中有 ${r.errorCount} 个问题。`,
    row: '第',
    duplicate: (field: string, value: string, where: string) => `重复的 ${field}“${value}”（${where}）`,
    inRow: (n: number) => `第 ${n} 行`,
    inBook: (id: string) => `客户库中已有：${id}`,
    more: (n: number) => `……还有 ${n} 条`,
    exported: (r: ExportResult) => `已将 ${r.rows} 条 ${r.entity} 写入 ${r.file}。`,
    progress: (p: ImportProgress) => `${p.phase === 'read' ? '检查' : '写入'}：${p.done} / ${p.total}`,
  },
} as const;

const SHOWN = 20;

function reportLines(report: ImportReport, lang: Language): string[] {
  const w = words[lang];
  const lines = [w.read(report), report.written || report.dryRun ? w.imported(report) : w.refused(report)];
  const rowLabel = (row: number, column: string) => (lang === 'zh-CN' ? `第 ${row} 行，${column}：` : `row ${row}, ${column}: `);
  for (const e of report.errors.slice(0, SHOWN)) lines.push(`  ${rowLabel(e.row, e.column)}${e.reason}`);
  if (report.errorCount > SHOWN) lines.push(`  ${w.more(report.errorCount - SHOWN)}`);
  for (const d of report.duplicates.slice(0, SHOWN)) {
    const where = d.existingRow !== null ? w.inRow(d.existingRow) : w.inBook(d.existingId ?? '');
    lines.push(`  ${rowLabel(d.row, d.field)}${w.duplicate(d.field, d.value, where)}`);
  }
  if (report.duplicateCount > SHOWN) lines.push(`  ${w.more(report.duplicateCount - SHOWN)}`);
  return lines;
}

interface ImportFlags {
  map?: string;
  dryRun?: boolean;
  country?: string;
  encoding?: string;
  dateOrder?: string;
  duplicates?: string;
  kind?: string;
}

/** The import with a progress line on the terminal: checked against the contract as `dispatch` does. */
async function importWithProgress(ctx: ServiceContext, raw: unknown, lang: Language): Promise<Result<ImportReport>> {
  const line = progressLine();
  const show = (p: ImportProgress) => line.show(words[lang].progress(p), p.done === p.total);
  return (await dispatchWith(ctx, 'import.run', raw, lang, (input) => runImport(ctx, input, { language: lang, onProgress: show })).finally(() =>
    line.clear(),
  )) as Result<ImportReport>;
}

export function registerTransferCommands(program: Command, hooks: TransferCliHooks): void {
  program
    .command('import <file>')
    .description('import accounts, contacts and orders from a CSV, XLSX or vCard file (all or nothing)')
    .option('--map <json>', 'column → field, e.g. \'{"Firma":"account.name","Notiz":null}\' (null ignores a column)')
    .option('--dry-run', 'check everything and report, write nothing')
    .option('--country <cc>', 'the country of rows that have none')
    .option('--encoding <name>', 'the file’s encoding when the guess is wrong (utf-8, gb18030, utf-16le, windows-1252…)')
    .option('--date-order <order>', 'how to read 03/04/2025: dmy (default) or mdy')
    .option('--duplicates <mode>', 'skip (default), attach (add new contacts and orders to existing accounts) or error')
    .option('--kind <kind>', 'csv, xlsx or vcf (default: from the file)')
    .action((file: string, o: ImportFlags) =>
      hooks.withBook(false, async (ctx, lang) => {
        let map: unknown;
        if (o.map !== undefined) {
          try {
            map = JSON.parse(o.map);
          } catch (error) {
            hooks.fail({ code: 'invalid_json', message: renderMessage(lang, 'invalid_json', { details: (error as Error).message }) });
            return;
          }
        }
        const input = Object.fromEntries(
          Object.entries({ file, map, dryRun: o.dryRun === true, defaultCountry: o.country, encoding: o.encoding, dateOrder: o.dateOrder, duplicates: o.duplicates, kind: o.kind })
            .filter(([, v]) => v !== undefined),
        );
        const result = process.stderr.isTTY ? await importWithProgress(ctx, input, lang) : ((await dispatch(ctx, 'import.run', input, lang)) as Result<ImportReport>);
        if (!result.ok) return hooks.fail(result.error);
        const report = result.value;
        hooks.out(hooks.json() ? JSON.stringify(report) : reportLines(report, lang).join('\n'));
        if (report.errorCount > 0) {
          hooks.err(words[lang].refused(report));
          hooks.exitCode(1);
        }
      }),
    );

  program
    .command('export')
    .description('export accounts, contacts or orders to CSV or XLSX, or contacts to vCard')
    .requiredOption('--out <file>', 'the file to write')
    .option('--format <format>', 'csv, xlsx or vcf (default: from the file name)')
    .option('--entity <entity>', 'accounts (default), contacts or orders (vcf: contacts)')
    .action((o: { out: string; format?: string; entity?: string }) =>
      hooks.withBook(false, async (ctx, lang) => {
        const ext = path.extname(o.out).toLowerCase();
        const format = o.format ?? (ext === '.xlsx' ? 'xlsx' : ext === '.vcf' ? 'vcf' : 'csv');
        const input = Object.fromEntries(Object.entries({ out: o.out, format, entity: o.entity }).filter(([, v]) => v !== undefined));
        const result = (await dispatch(ctx, 'export.run', input, lang)) as Result<ExportResult>;
        if (!result.ok) return hooks.fail(result.error);
        hooks.out(hooks.json() ? JSON.stringify(result.value) : words[lang].exported(result.value));
      }),
    );
}
