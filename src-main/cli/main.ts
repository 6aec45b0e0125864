/**
 * `tradebook`: the command-line interface over the API map. Every command becomes one `dispatch` call; stdout
 * carries only the result (JSON with --json), errors are one line on stderr in --lang and exit code 1.
 */
import fs from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { AppError, renderMessage, type ApiError, type Result } from '../contract/errors';
import type { Language } from '../contract/messages';
import type { BookInfo } from '../contract/models';
import { openBook, type Book } from '../db/book';
import { dispatch, dispatchWith, toApiError } from '../handlers/dispatch';
import { seedBook } from '../services/seed';
import { progressLine } from './progress-line';
import { hostFacts, systemClock, type ServiceContext } from '../services/context';
import { calendarOverrides } from '../services/calendar';
import { storeHostDefaults } from '../services/settings';
import { parseSettingText } from '../domain/settings';
import { defined, num } from './args';
import { defaultBookPath } from './paths';
import { formatHuman } from './format';
import { serve } from './serve';
import { registerBackupCommands } from './backups';
import { registerComplaintCommands } from './complaints';
import { registerInquiryCommands } from './inquiries';
import { registerLeadCommands } from './leads';
import { registerQuoteCommands } from './quotes';
import { registerReceivablesCommands } from './receivables';
import { registerScheduleCommands } from './schedule';
import { registerSharingCommands } from './sharing';
import { registerScoreCommands } from './score';
import { registerTransferCommands } from './transfer';
import { registerTimeCommands } from './time';

interface GlobalOptions {
  db?: string;
  json?: boolean;
  lang: Language;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('tradebook');
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();

  const fail = (error: ApiError) => {
    const { json } = globals();
    if (json) io.out(JSON.stringify({ ok: false, error }));
    io.err(error.message);
    exitCode = 1;
  };

  const withBook = async (create: boolean, work: (ctx: ServiceContext, lang: Language) => Promise<void>, migrate = true) => {
    const { lang } = globals();
    const file = globals().db ?? defaultBookPath(io.env);
    let book: Book;
    try {
      book = openBook(file, { create, migrate });
    } catch (error) {
      fail(toApiError(error, lang));
      return;
    }
    try {
      await work({ book, now: systemClock, host: hostFacts() }, lang);
    } finally {
      await book.close();
    }
  };

  const show = (result: Result<unknown>, human?: (value: unknown) => string) => {
    if (!result.ok) return fail(result.error);
    const { json } = globals();
    io.out(json ? JSON.stringify(result.value) : (human ?? formatHuman)(result.value));
  };

  const run = (name: string, input: () => unknown, create = false) =>
    withBook(create, async (ctx, lang) => show(await dispatch(ctx, name, input(), lang)));

  program
    .description('Tradebook: the customer book for export sales, from the command line')
    .option('--db <path>', 'the book file (env TRADEBOOK_DB; default in the user data directory)')
    .option('--json', 'print the result as JSON')
    .addOption(new Option('--lang <language>', 'language of messages').choices(['en', 'zh-CN']).default('en'))
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: () => undefined });

  program
    .command('init')
    .description('create the book (or upgrade it) and record your time zone and country')
    .action(() =>
      withBook(true, async (ctx, lang) => {
        // A damaged book is not "initialised" over: it is open for reading only (issue 15).
        if (ctx.book.damage !== null) return fail(toApiError(new AppError('book_damaged', { path: ctx.book.file, problem: ctx.book.damage }), lang));
        // Nor is a read-only one: init records settings, and this user cannot write the book.
        if (ctx.book.readOnly) return fail(toApiError(new AppError('book_readonly', { path: ctx.book.file }), lang));
        await storeHostDefaults(ctx);
        const info = await dispatch(ctx, 'book.info', {}, lang);
        show(info);
        // A book in a cloud-sync folder opens, but the user is told why that is risky (on stderr: stdout stays the result).
        if (info.ok) for (const warning of (info.value as BookInfo).warnings ?? []) io.err(warning.message);
      }),
    );

  program
    .command('check')
    .description('verify the book: integrity, foreign keys, search index')
    .action(() =>
      withBook(false, async (ctx, lang) => {
        const result = await dispatch(ctx, 'book.check', {}, lang);
        show(result);
        if (result.ok && !(result.value as { ok: boolean }).ok) exitCode = 1;
      }, false),
    );

  program
    .command('seed')
    .description('fill the book with realistic, deterministic sample data')
    .requiredOption('--accounts <n>', 'number of accounts')
    .option('--orders-per-account <m>', 'average orders per account', '20')
    .option('--seed <s>', 'random seed', '1')
    .option('--as-of <date>', 'the day the sample ends', '2025-06-30')
    .action((o: { accounts: string; ordersPerAccount: string; seed: string; asOf: string }) =>
      withBook(true, async (ctx, lang) => {
        // As `call book.seed`, with a progress line on a terminal's stderr (issue 13 item 6).
        const line = progressLine();
        const words = (done: number, total: number) =>
          lang === 'zh-CN' ? `生成示例数据：${done.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')} 个客户` : `Seeding: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} accounts`;
        const raw = { accounts: num(o.accounts), ordersPerAccount: num(o.ordersPerAccount), seed: num(o.seed), asOf: o.asOf };
        const result = await dispatchWith(ctx, 'book.seed', raw, lang, (input) =>
          seedBook(ctx, input, { onProgress: (done, total) => line.show(words(done, total), done === total) }),
        ).finally(() => line.clear());
        show(result);
      }),
    );

  const accounts = program.command('accounts').description('the buyers');
  accounts
    .command('add')
    .requiredOption('--name <name>')
    .requiredOption('--country <cc>', 'ISO country code, e.g. ES')
    .option('--zone <iana>', 'IANA time zone (suggested from the country when omitted)')
    .option('--city <city>')
    .option('--language <tag>')
    .option('--currency <code>')
    .option('--source <source>')
    .option('--owner <owner>')
    .option('--notes <text>')
    .action((o: Record<string, string | undefined>) =>
      run('accounts.add', () =>
        defined({
          name: o.name,
          country: o.country,
          timeZone: o.zone,
          city: o.city,
          language: o.language,
          currency: o.currency,
          source: o.source,
          owner: o.owner,
          notes: o.notes,
        }),
      ),
    );
  accounts
    .command('get <id>')
    .action((id: string) => run('accounts.get', () => ({ id })));
  accounts
    .command('list')
    .option('--limit <n>', 'at most this many', '100')
    .option('--offset <n>', 'skip this many', '0')
    .option('--query <text>', 'search names, contacts, e-mails and notes')
    .option('--country <cc>')
    .option('--owner <owner>')
    .action((o: Record<string, string | undefined>) =>
      run('accounts.list', () =>
        defined({ limit: num(o.limit ?? '100'), offset: num(o.offset ?? '0'), query: o.query, country: o.country, owner: o.owner }),
      ),
    );

  const orders = program.command('orders').description('orders, converted to the base currency when stored');
  orders
    .command('add')
    .requiredOption('--account <id>')
    .requiredOption('--at <date>', 'order date YYYY-MM-DD')
    .requiredOption('--amount <n>')
    .requiredOption('--currency <code>')
    .option('--cost <n>')
    .option('--quantity <q>')
    .option('--unit <unit>')
    .option('--due <date>', 'payment due')
    .option('--paid <date>')
    .option('--shipped <date>')
    .option('--delivered <date>')
    .option('--number <text>')
    .action((o: Record<string, string | undefined>) =>
      run('orders.add', () =>
        defined({
          accountId: o.account,
          orderedAt: o.at,
          amount: o.amount === undefined ? undefined : num(o.amount),
          currency: o.currency,
          cost: o.cost === undefined ? undefined : num(o.cost),
          quantity: o.quantity === undefined ? undefined : num(o.quantity),
          unit: o.unit,
          dueOn: o.due,
          paidOn: o.paid,
          shippedOn: o.shipped,
          deliveredOn: o.delivered,
          number: o.number,
        }),
      ),
    );
  orders
    .command('list')
    .requiredOption('--account <id>')
    .option('--limit <n>', 'at most this many', '100')
    .action((o: { account: string; limit: string }) => run('orders.list', () => ({ accountId: o.account, limit: num(o.limit) })));

  const fx = program.command('fx').description('exchange rates: base units per foreign unit');
  fx.command('add')
    .requiredOption('--date <date>')
    .requiredOption('--currency <code>')
    .requiredOption('--rate <rate>')
    .action((o: { date: string; currency: string; rate: string }) =>
      run('fx.add', () => ({ date: o.date, currency: o.currency, rate: num(o.rate) })),
    );
  fx.command('list')
    .option('--currency <code>')
    .option('--limit <n>', 'at most this many', '100')
    .action((o: { currency?: string; limit: string }) => run('fx.list', () => defined({ currency: o.currency, limit: num(o.limit) })));

  const settings = program.command('settings').description('settings (keys in the README)');
  // PRODUCT: `tradebook settings get KEY` prints {"key":…,"value":…}, with or without --json.
  const keyValue = (name: 'settings.get' | 'settings.set', input: () => unknown) =>
    withBook(false, async (ctx, lang) => {
      const result = await dispatch(ctx, name, input(), lang);
      if (!result.ok) return fail(result.error);
      const { key, value } = result.value as { key: string; value: unknown };
      io.out(JSON.stringify({ key, value }));
    });
  settings.command('get <key>').action((key: string) => keyValue('settings.get', () => ({ key })));
  settings.command('set <key> <value>').action((key: string, value: string) => keyValue('settings.set', () => ({ key, value: parseSettingText(value) })));
  settings.command('list').action(() => run('settings.list', () => ({})));

  program
    .command('serve')
    .description('web mode: serve the app and the API on 127.0.0.1 with a per-run token')
    .option('--port <n>', 'port (0 picks a free one)', '0')
    .option('--no-open', 'do not open a browser')
    .action(async (o: { port: string; open: boolean }) => {
      const port = num(o.port);
      if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) {
        fail({ code: 'invalid_input', message: renderMessage(globals().lang, 'invalid_input', { details: `--port ${o.port}` }) });
        return;
      }
      try {
        await serve({ file: globals().db ?? defaultBookPath(io.env), port, open: o.open, out: io.out, err: io.err, lang: globals().lang, env: io.env });
      } catch (error) {
        fail(toApiError(error, globals().lang));
      }
    });

  program
    .command('call <handler>')
    .description('run any call of the API map with a JSON input')
    .option('--input <json>', 'the input as JSON', '{}')
    .action((handler: string, o: { input: string }) =>
      withBook(false, async (ctx, lang) => {
        let input: unknown;
        try {
          input = JSON.parse(o.input);
        } catch (error) {
          fail({ code: 'invalid_json', message: renderMessage(lang, 'invalid_json', { details: (error as Error).message }) });
          return;
        }
        show(await dispatch(ctx, handler, input, lang));
      }),
    );

  // The time commands need no book, but use the user's own holidays and workdays when the book exists.
  registerTimeCommands(program, io, fail, () => globals().lang, async () => {
    const file = globals().db ?? defaultBookPath(io.env);
    if (!fs.existsSync(file)) return [];
    const book = openBook(file, { migrate: false });
    try {
      return await calendarOverrides(book.db);
    } finally {
      await book.close();
    }
  });
  registerQuoteCommands(program, { withBook: (create, work) => withBook(create, work), fail, out: io.out, json: () => globals().json === true });
  registerInquiryCommands(program, { withBook: (create, work) => withBook(create, work), fail, out: io.out, json: () => globals().json === true });
  registerComplaintCommands(program, { withBook: (create, work) => withBook(create, work), fail, out: io.out, json: () => globals().json === true });
  registerLeadCommands(program, { withBook: (create, work) => withBook(create, work), fail, out: io.out, json: () => globals().json === true });
  registerReceivablesCommands(program, { withBook: (create, work) => withBook(create, work), fail, out: io.out, json: () => globals().json === true });
  registerScheduleCommands(program, { withBook: (create, work) => withBook(create, work), show, fail, out: io.out });
  registerScoreCommands(program, { withBook: (create, work) => withBook(create, work), fail, out: io.out, json: () => globals().json === true });
  registerTransferCommands(program, { withBook: (create, work) => withBook(create, work), fail, out: io.out, err: io.err, json: () => globals().json === true, exitCode: (code) => (exitCode = code) });
  registerSharingCommands(program, accounts, {
    run: (name, input, human) => withBook(false, async (ctx, lang) => show(await dispatch(ctx, name, input(), lang), human)),
    lang: () => globals().lang,
    usage: (details) => fail({ code: 'cli_usage', message: renderMessage(globals().lang, 'cli_usage', { details }) }),
  });
  registerBackupCommands(program, { withBook: (create, work) => withBook(create, work), fail, out: io.out, json: () => globals().json === true, lang: () => globals().lang, bookFile: () => globals().db ?? defaultBookPath(io.env) });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      const lang: Language = argv.includes('zh-CN') ? 'zh-CN' : 'en';
      const details = error.message.replace(/^error:\s*/i, '');
      fail({ code: 'cli_usage', message: renderMessage(lang, 'cli_usage', { details }) });
      return 1;
    }
    fail(toApiError(error, globals().lang ?? 'en'));
    return 1;
  }
  return exitCode;
}
