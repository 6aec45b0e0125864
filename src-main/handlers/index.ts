/** The contract implemented over the services: one entry per call, tied to the contract by the type checker. */
import type { HandlerName, OutputOf, ParsedInputOf } from '../contract';
import type { Language } from '../contract/messages';
import { accountTimes } from '../services/account-times';
import * as accounts from '../services/accounts';
import * as book from '../services/book';
import * as calendar from '../services/calendar';
import * as contacts from '../services/contacts';
import type { ServiceContext } from '../services/context';
import * as inquiries from '../services/inquiries';
import * as money from '../services/money';
import { jobProgress } from '../services/progress';
import * as quotes from '../services/quotes';
import * as scheduler from '../services/scheduler';
import { scoreSummary } from '../services/score-summary';
import { scoreHistory } from '../services/score-history';
import * as scoring from '../services/scoring';
import { seedBook } from '../services/seed';
import * as settings from '../services/settings';
import * as tasks from '../services/tasks';
import * as todos from '../services/todos';
import { backupsHandlers } from './backups';
import { inquiriesHandlers } from './inquiries';
import { leadsHandlers } from './leads';
import { todoBoardHandlers } from './todo-board';
import { rescoringHandlers } from './rescoring';
import { contactsHandlers } from './contacts';
import { dashboardHandlers } from './dashboard';
import { quotesHandlers } from './quotes';
import { receivablesHandlers } from './receivables';
import { timelineHandlers } from './timeline';
import { sharingHandlers } from './sharing';
import { transferHandlers } from './transfer';

/** A handler gets the context, the checked input and the request's language (for texts it renders, like score reasons). */
export type Handlers = {
  [K in HandlerName]: (ctx: ServiceContext, input: ParsedInputOf<K>, language: Language) => Promise<OutputOf<K>> | OutputOf<K>;
};

export const handlers: Handlers = {
  'book.info': (ctx, _input, language) => book.bookInfo(ctx, language),
  'book.check': (ctx) => book.checkBook(ctx),
  'book.seed': (ctx, input) => seedBook(ctx, input),

  'accounts.add': (ctx, input) => accounts.addAccount(ctx, input),
  'accounts.get': (ctx, input) => accounts.getAccount(ctx, input.id),
  'accounts.list': (ctx, input) => accounts.listAccounts(ctx, input),
  'accounts.count': (ctx, input) => accounts.countAccounts(ctx, input),
  'accounts.times': (ctx, input, language) => accountTimes(ctx, input, language),
  'accounts.update': (ctx, input) => accounts.updateAccount(ctx, input),

  'contacts.add': (ctx, input) => contacts.addContact(ctx, input),
  'contacts.list': (ctx, input) => contacts.listContacts(ctx, input.accountId),
  'interactions.add': (ctx, input) => contacts.addInteraction(ctx, input),
  'interactions.list': (ctx, input) => contacts.listInteractions(ctx, input),

  'inquiries.add': (ctx, input) => inquiries.addInquiry(ctx, input),
  'inquiries.reply': (ctx, input) => inquiries.replyInquiry(ctx, input),
  'inquiries.list': (ctx, input) => inquiries.listInquiries(ctx, input),

  'quotes.add': (ctx, input) => quotes.addQuote(ctx, input),
  'quotes.revise': (ctx, input) => quotes.reviseQuote(ctx, input),
  'quotes.send': (ctx, input) => quotes.sendQuote(ctx, input),
  'quotes.get': (ctx, input) => quotes.getQuote(ctx, input.id),
  'quotes.reconfirm': (ctx, input) => quotes.reconfirmQuote(ctx, input.id),
  'quotes.list': (ctx, input) => quotes.listQuotes(ctx, input),

  'orders.add': (ctx, input) => money.addOrder(ctx, input),
  'orders.list': (ctx, input) => money.listOrders(ctx, input),

  'complaints.add': (ctx, input) => inquiries.addComplaint(ctx, input),
  'complaints.respond': (ctx, input) => inquiries.respondComplaint(ctx, input),
  'complaints.resolve': (ctx, input) => inquiries.resolveComplaint(ctx, input),
  'complaints.list': (ctx, input) => inquiries.listComplaints(ctx, input),

  'fx.add': (ctx, input) => money.addFxRate(ctx, input),
  'fx.list': (ctx, input) => money.listFxRates(ctx, input),

  'settings.get': (ctx, input) => settings.getSetting(ctx, input.key),
  'settings.set': (ctx, input) => settings.setSetting(ctx, input.key, input.value),
  'settings.list': (ctx) => settings.listSettings(ctx),

  'scores.run': (ctx, input) => scoring.runScores(ctx, input),
  'scores.list': (ctx, input, language) => scoring.listScores(ctx, input, language),
  'scores.explain': (ctx, input, language) => scoring.explainScore(ctx, input, language),
  'scores.summary': (ctx, input, language) => scoreSummary(ctx, input, language),
  'scores.history': (ctx, input) => scoreHistory(ctx, input),

  'calendar.overrides.add': (ctx, input) => calendar.addCalendarOverride(ctx, input),
  'calendar.overrides.list': (ctx, input) => calendar.listCalendarOverrides(ctx, input),
  'calendar.overrides.remove': (ctx, input) => calendar.removeCalendarOverride(ctx, input.id),
  'calendar.year': (ctx, input, language) => calendar.yearCalendarOf(ctx, input.country, input.year, language),

  'tasks.list': (ctx, input) => tasks.listTasks(ctx, input),

  'schedule.run': (ctx, input) => scheduler.tick(ctx, input.now, { rebuild: input.rebuild }),
  'todos.list': (ctx, input) => todos.listTodos(ctx, input),
  'tasks.done': (ctx, input) => todos.completeTask(ctx, input),
  'tasks.snooze': (ctx, input) => todos.snoozeTask(ctx, input),
  'tasks.reschedule': (ctx, input) => todos.rescheduleTask(ctx, input),
  'tasks.reopen': (ctx, input) => todos.reopenTask(ctx, input),

  ...sharingHandlers,
  ...transferHandlers,
  'progress.get': (_ctx, input) => jobProgress(input.job),
  ...backupsHandlers,
  ...quotesHandlers,
  ...inquiriesHandlers,
  ...receivablesHandlers,
  ...timelineHandlers,
  ...leadsHandlers,
  ...todoBoardHandlers,
  ...rescoringHandlers,
  ...contactsHandlers,
  ...dashboardHandlers,
};
