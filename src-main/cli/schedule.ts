/**
 * `tradebook schedule|todos|ics|tasks …`: the scheduler from the command line. `schedule --now ISO` runs one tick
 * and prints what it changed (`{"created","updated","overdue"}`); `todos` lists the board; `ics --out FILE` writes
 * the open to-dos as an iCalendar file (written to a temp file, then renamed: a failed export leaves nothing).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import ical from 'ical-generator';
import { renderMessage, type ApiError, type Result } from '../contract/errors';
import type { Language } from '../contract/messages';
import type { Todo } from '../contract/models';
import { dispatch } from '../handlers/dispatch';
import type { ServiceContext } from '../services/context';
import { defined, num } from './args';

export interface ScheduleCliHooks {
  withBook(create: boolean, work: (ctx: ServiceContext, lang: Language) => Promise<void>): Promise<void>;
  show(result: Result<unknown>): void;
  fail(error: ApiError): void;
  out(text: string): void;
}

/** How long an exported to-do lasts in a calendar. */
const EVENT_MINUTES = 15;

/** The iCalendar text of to-dos: one event per task at its due instant (UTC), titled as on the board. */
export function todosToIcs(todos: readonly Todo[]): string {
  const calendar = ical({ name: 'Tradebook', prodId: { company: 'Tradebook', product: 'Tradebook', language: 'EN' } });
  for (const todo of todos) {
    const start = new Date(todo.dueUtc);
    calendar.createEvent({
      id: `${todo.id}@tradebook`,
      start,
      end: new Date(start.getTime() + EVENT_MINUTES * 60_000),
      stamp: start,
      summary: todo.title,
      description: [todo.rule ?? '', todo.accountName ?? '', todo.dueBuyerLocal ?? '', todo.dueMyLocal].filter((s) => s !== '').join('\n'),
    });
  }
  return calendar.toString();
}

export function registerScheduleCommands(program: Command, hooks: ScheduleCliHooks): void {
  const run = (name: string, input: () => unknown) =>
    hooks.withBook(false, async (ctx, lang) => hooks.show(await dispatch(ctx, name, input(), lang)));

  program
    .command('schedule')
    .description('run one scheduler tick: create, move and close to-dos, mark the overdue ones')
    .option('--now <instant>', 'the instant of the tick, ISO-8601 (default: now)')
    .option('--rebuild', 'recompute every schedule, not only what changed')
    .action((o: { now?: string; rebuild?: boolean }) =>
      hooks.withBook(false, async (ctx, lang) => hooks.show(await dispatch(ctx, 'schedule.run', defined({ now: o.now ?? ctx.now(), rebuild: o.rebuild }), lang))),
    );

  program
    .command('todos')
    .description('the to-do board, sorted by due instant (buyer-local and your local time)')
    .option('--at <instant>', 'overdue means due before this instant (default: now)')
    .option('--status <status>', 'open, overdue or done (default: open and overdue)')
    .option('--limit <n>', 'at most this many', '1000')
    .action((o: { at?: string; status?: string; limit: string }) => run('todos.list', () => defined({ at: o.at, status: o.status, limit: num(o.limit) })));

  program
    .command('ics')
    .description('export the open to-dos as an iCalendar (.ics) file')
    .requiredOption('--out <file>', 'the .ics file to write')
    .option('--at <instant>', 'overdue means due before this instant (default: now)')
    .action((o: { out: string; at?: string }) =>
      hooks.withBook(false, async (ctx, lang) => {
        const result = await dispatch(ctx, 'todos.list', defined({ at: o.at, limit: 10_000 }), lang);
        if (!result.ok) return hooks.fail(result.error);
        const todos = result.value as Todo[];
        const file = path.resolve(o.out);
        const temp = `${file}.${process.pid}.tmp`;
        try {
          fs.writeFileSync(temp, todosToIcs(todos), { flag: 'wx' });
          fs.renameSync(temp, file);
        } catch (error) {
          fs.rmSync(temp, { force: true });
          const details = error instanceof Error ? error.message : String(error);
          return hooks.fail({ code: 'book_readonly', message: renderMessage(lang, 'book_readonly', { path: file }) + (details ? ` (${details})` : '') });
        }
        hooks.out(JSON.stringify({ out: file, events: todos.length }));
      }),
    );

  const tasks = program.command('tasks').description('act on one to-do');
  tasks
    .command('done <id>')
    .option('--at <instant>', 'when it was done (default: now)')
    .action((id: string, o: { at?: string }) => hooks.withBook(false, async (ctx, lang) => hooks.show(await dispatch(ctx, 'tasks.done', { id, at: o.at ?? ctx.now() }, lang))));
  tasks
    .command('snooze <id>')
    .option('--until <instant>', "an instant, or buyer-morning: the buyer's next business morning (default)")
    .action((id: string, o: { until?: string }) => run('tasks.snooze', () => defined({ id, until: o.until })));
  tasks
    .command('reschedule <id>')
    .requiredOption('--due <instant>', 'the new due instant')
    .action((id: string, o: { due: string }) => run('tasks.reschedule', () => ({ id, dueAt: o.due })));
}
