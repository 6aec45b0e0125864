/**
 * The scheduler (issue 6): one idempotent `tick(ctx, now)` turns the book's records into tasks that know their
 * rule, their source record and a dedupe key, and counts only what this run changed.
 *
 * How a tick finds its work (set-based, so that a tick with nothing due stays fast):
 * - a source record is looked at when it changed since the previous tick (its `updated_at`, a wall-clock stamp,
 *   at or after the stored watermark), or on a rebuild — the first tick, a change of the rule settings or of the
 *   calendar overrides, or `rebuild: true`;
 * - for each such record the rule computes the tasks it wants; they are created (unless due more than
 *   `scheduleHorizonDays` before now), moved (due changed; never a task the user snoozed or rescheduled), or
 *   closed as done when the source is resolved (inquiry replied, quote answered or closed, message answered,
 *   complaint responded/resolved);
 * - a record dated after `now` (an inquiry received later) is left for a later tick;
 * - open tasks whose due instant has passed are marked overdue once (`details.overdueAt`); overdue complaint
 *   tasks (R15) are escalated (`details.escalated`).
 * Everything happens in one transaction: a tick that fails (an inquiry answered before it was received) writes
 * nothing.
 */
import { Temporal } from 'temporal-polyfill';
import type { ScheduleRun } from '../../contract/models';
import type { Sqlite } from '../../db/connection';
import { occurrencesBetween } from '../../domain/schedule/festivals';
import type { ServiceContext } from '../context';
import { churnVerdict, CHURN_ALL, CHURN_CHANGED, type ChurnRow } from './churn';
import { complaintVerdict, COMPLAINTS, type ComplaintRow } from './complaints';
import { greetingVerdict, GREETING_LOOKAHEAD_DAYS, GREETINGS, GREETINGS_CHANGED, type GreetingRow } from './greetings';
import { healthVerdict, HEALTH, HEALTH_CHANGED, type HealthRow } from './health';
import { grantPriorityChannels, inquiryVerdict, INQUIRIES, type InquiryRow } from './inquiries';
import { formatMs, instantMs, MS_PER_DAY } from './instants';
import { leadVerdict, LEADS_CHANGED, LEADS_REBUILD, type LeadRow } from './leads';
import { messageVerdict, MESSAGES, type MessageRow } from './messages';
import { orderVerdict, ORDERS_CHANGED, ORDERS_RECENT, type OrderRow } from './orders';
import { flagFxMoves, FX_QUOTES, FX_QUOTES_CHANGED, quoteVerdict, QUOTES_CHANGED, QUOTES_REBUILD, type FxQuoteRow, type QuoteRow } from './quotes';
import { receivableVerdict, RECEIVABLES_ALL, RECEIVABLES_CHANGED, type ReceivableRow } from './receivables';
import { Reconciler } from './reconciler';
import { loadSchedulerSetup } from './setup';
import { WITH_TASKS } from './source-queries';
import { readState, writeState } from './state';

export interface TickOptions {
  /** Recompute every schedule, not only what changed since the previous tick. */
  rebuild?: boolean;
}

/** One scheduler tick at `now` (an instant `YYYY-MM-DDTHH:MM:SSZ`): what it created, moved or closed, and marked overdue. */
export async function tick(ctx: ServiceContext, now: string, options: TickOptions = {}): Promise<ScheduleRun> {
  const setup = await loadSchedulerSetup(ctx);
  const stamp = ctx.now();
  const sqlite = ctx.book.sqlite;
  const run = sqlite.transaction((): ScheduleRun => {
    const state = readState(sqlite);
    const rebuild = options.rebuild === true || state === null || state.fingerprint !== setup.fingerprint;
    const watermark = state?.watermark ?? '';
    const nowMs = instantMs(now);
    const floorMs = nowMs - setup.settings.scheduleHorizonDays * MS_PER_DAY;
    const reconciler = new Reconciler(sqlite, nowMs, floorMs, stamp, setup.language);
    const { settings, calendar } = setup;
    const recent = formatMs(floorMs - 180 * MS_PER_DAY);
    const select = <T>(all: string, changed: string): T[] =>
      (rebuild ? sqlite.prepare(all).all({ recent }) : sqlite.prepare(changed).all({ w: watermark })) as T[];

    // R4 before R1: the third inquiry of a quick run already gets the priority channel's SLA.
    const inquiries = select<InquiryRow>(
      `${INQUIRIES} WHERE i.id IN (
         SELECT id FROM inquiries WHERE first_reply_at IS NULL AND status = 'open' AND deleted_at IS NULL AND received_at >= @recent
         UNION ALL SELECT id FROM inquiries WHERE first_reply_at < received_at
         UNION ALL ${WITH_TASKS('inquiries')})
       ORDER BY i.received_at`,
      `${INQUIRIES} WHERE i.updated_at >= @w ORDER BY i.received_at`,
    );
    reconciler.counts.updated += grantPriorityChannels(sqlite, inquiries, now, stamp, () => ctx.book.clock.next());
    for (const row of inquiries) reconciler.apply(inquiryVerdict(calendar, settings, row));

    // R7 FX cut: flag the FX-sensitive quotes whose currency moved past their threshold (all of them on a rebuild, a
    // new day or new rates; else the quotes that changed) before the quotes are looked at.
    const today = Temporal.Instant.from(now).toZonedDateTimeISO(setup.myTimeZone).toPlainDate();
    const fxDay = today.toString();
    const fxPass = rebuild || state.fxDay !== fxDay || sqlite.prepare('SELECT 1 FROM fx_rates WHERE updated_at >= ? LIMIT 1').get(watermark) !== undefined;
    const fxQuotes = sqlite.prepare(fxPass ? FX_QUOTES : FX_QUOTES_CHANGED).all({ base: setup.baseCurrency, today: fxDay, ...(fxPass ? {} : { w: watermark }) }) as FxQuoteRow[];
    reconciler.counts.updated += flagFxMoves(sqlite, calendar, fxQuotes, nowMs, now, stamp);

    for (const row of select<QuoteRow>(QUOTES_REBUILD, QUOTES_CHANGED)) reconciler.apply(quoteVerdict(calendar, settings, row, setup.baseCurrency));
    const messages = select<MessageRow>(
      `${MESSAGES} AND x.id IN (
         SELECT id FROM interactions WHERE direction = 'out' AND awaits_reply = 1 AND answered_at IS NULL AND deleted_at IS NULL AND occurred_at >= @recent
         UNION ALL ${WITH_TASKS('interactions')})`,
      `${MESSAGES} AND x.updated_at >= @w`,
    );
    for (const row of messages) reconciler.apply(messageVerdict(calendar, settings, row));
    // R2 for leads met at a fair: the first follow-up at the buyer's next morning.
    for (const row of select<LeadRow>(LEADS_REBUILD, LEADS_CHANGED)) reconciler.apply(leadVerdict(calendar, settings, row));
    const complaints = select<ComplaintRow>(
      `${COMPLAINTS} WHERE c.id IN (
         SELECT id FROM complaints WHERE resolved_at IS NULL AND deleted_at IS NULL AND opened_at >= @recent
         UNION ALL ${WITH_TASKS('complaints')})`,
      `${COMPLAINTS} WHERE c.updated_at >= @w`,
    );
    for (const row of complaints) reconciler.apply(complaintVerdict(calendar, settings, row));

    // R6: touch points after orders, by the account's tier. A full rescore (new tiers) looks at every recent order.
    // (The full rescore stores its bounds in scoring_state under 'bounds': its stamp and bounds tell one rescore from the next.)
    const scoredAt = (sqlite.prepare("SELECT updated_at || ' ' || value AS v FROM scoring_state WHERE key = 'bounds'").get() as { v: string } | undefined)?.v ?? '';
    const rescored = state !== null && scoredAt !== state.scoredAt;
    const reach = Math.max(0, ...Object.values(settings.touchPoints).flatMap((plan) => plan.map((p) => p.days)));
    const recentDay = formatMs(floorMs - (reach + 1) * MS_PER_DAY).slice(0, 10);
    const orders = (
      rebuild || rescored ? sqlite.prepare(ORDERS_RECENT).all({ recentDay }) : sqlite.prepare(ORDERS_CHANGED).all({ w: watermark, recentDay })
    ) as OrderRow[];
    for (const row of orders) reconciler.apply(orderVerdict(calendar, settings, row, floorMs));
    // Receivables: payment reminders of the open orders (their payments recorded since the watermark, too).
    const receivables = (
      rebuild ? sqlite.prepare(RECEIVABLES_ALL).all({ recentDay: recent.slice(0, 10) }) : sqlite.prepare(RECEIVABLES_CHANGED).all({ w: watermark })
    ) as ReceivableRow[];
    for (const row of receivables) reconciler.apply(receivableVerdict(calendar, settings, row, floorMs));

    // R14: the recovery plan of a churn warning — every warning after a rebuild or a full rescore, else the accounts
    // that changed or were rescored with a new order.
    const churn = (rebuild || rescored ? sqlite.prepare(CHURN_ALL).all() : sqlite.prepare(CHURN_CHANGED).all({ w: watermark })) as ChurnRow[];
    for (const row of churn) reconciler.apply(churnVerdict(calendar, settings, row));

    // R13: a full pass when a review slips more than the horizon into the past; else the accounts that changed.
    const window = { today: today.toString(), cutoff: today.subtract({ months: 24 }).toString() };
    const healthPass = rebuild || (state.healthPassAt !== null && state.healthPassAt <= now);
    const accounts = (healthPass ? sqlite.prepare(HEALTH).all(window) : sqlite.prepare(HEALTH_CHANGED).all({ ...window, w: watermark })) as HealthRow[];
    let earliestReview = Number.POSITIVE_INFINITY;
    for (const row of accounts) {
      const verdict = healthVerdict(calendar, settings, row, floorMs);
      for (const want of verdict.wanted ?? []) earliestReview = Math.min(earliestReview, want.dueMs);
      reconciler.apply(verdict);
    }
    const horizonMs = setup.settings.scheduleHorizonDays * MS_PER_DAY;
    const passAt = Number.isFinite(earliestReview) ? formatMs(earliestReview + horizonMs + 1000) : null;
    const healthPassAt = healthPass ? passAt : [state?.healthPassAt ?? null, passAt].filter((t): t is string => t !== null).sort()[0] ?? null;

    // R5: greetings for festivals starting within the next 5 weeks (or up to the horizon ago); a full pass over the
    // accounts of their countries when that set of festivals changes, else the accounts that changed.
    const active = occurrencesBetween(Math.floor(floorMs / MS_PER_DAY), Math.floor(nowMs / MS_PER_DAY) + GREETING_LOOKAHEAD_DAYS);
    const festivals = active.map((o) => `${o.festival.id}:${o.year}`).join(',');
    if (active.length > 0) {
      const countries = JSON.stringify([...new Set(active.flatMap((o) => o.festival.countries))]);
      const fullPass = rebuild || state.festivals !== festivals;
      const rows = (fullPass ? sqlite.prepare(GREETINGS).all({ countries }) : sqlite.prepare(GREETINGS_CHANGED).all({ countries, w: watermark })) as GreetingRow[];
      for (const row of rows) reconciler.apply(greetingVerdict(calendar, settings, row, active));
    }

    // Only tasks that can have become overdue since the last tick are scanned: due since the latest `now` seen,
    // or created/moved (here or by a snooze) to an earlier instant. The first tick scans them all.
    const since = [state?.overdueMarkedTo ?? '', state?.overdueFrom ?? null, reconciler.earliestTouched]
      .filter((t): t is string => t !== null)
      .sort()[0]!;
    reconciler.counts.overdue += markOverdue(sqlite, since, now, stamp);
    const next = reconciler.pendingSince !== null && reconciler.pendingSince < stamp ? reconciler.pendingSince : stamp;
    const overdueMarkedTo = state !== null && state.overdueMarkedTo > now ? state.overdueMarkedTo : now;
    writeState(sqlite, { fingerprint: setup.fingerprint, watermark: next, healthPassAt, overdueMarkedTo, overdueFrom: null, festivals, fxDay, scoredAt }, stamp);
    return { ...reconciler.counts };
  });
  // A rebuild writes up to hundreds of thousands of index entries: a larger page cache for its duration.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  if (options.rebuild === true) sqlite.pragma('cache_size = -131072');
  try {
    return run();
  } finally {
    if (options.rebuild === true) sqlite.pragma(`cache_size = ${Math.trunc(cacheSize)}`);
  }
}

/** Open tasks whose due instant has passed are marked overdue once; complaint tasks (R15) escalate. */
function markOverdue(sqlite: Sqlite, since: string, now: string, stamp: string): number {
  return sqlite
    .prepare(
      `UPDATE tasks SET details = CASE WHEN rule = 'R15' THEN json_set(details, '$.overdueAt', @now, '$.escalated', json('true'))
                                       ELSE json_set(details, '$.overdueAt', @now) END,
                        updated_at = @stamp
       WHERE status = 'open' AND deleted_at IS NULL AND due_at >= @since AND due_at < @now AND json_extract(details, '$.overdueAt') IS NULL`,
    )
    .run({ since, now, stamp }).changes;
}
