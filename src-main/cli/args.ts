/**
 * What every CLI noun needs to turn its options into a call's input: numbers, dropped empty options, and instants
 * given as buyer-local wall times (`--at 2025-06-02T09:00 --local`, read in the account's zone).
 */
import { Temporal } from 'temporal-polyfill';
import { renderMessage, type Result } from '../contract/errors';
import type { Language } from '../contract/messages';
import type { Account } from '../contract/models';
import { dispatch } from '../handlers/dispatch';
import type { ServiceContext } from '../services/context';

/** Text that looks like a number becomes one; anything else stays text, for the contract to reject. */
export function num(text: string): number | string {
  return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text.trim()) ? Number(text) : text;
}

/** `num` for an option that may be absent. */
export function optionalNum(text: string | undefined): number | string | undefined {
  return text === undefined ? undefined : num(text);
}

export function defined<T extends Record<string, unknown>>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A wall time `YYYY-MM-DDTHH:MM[:SS]` read in a zone, as an ISO instant; a time the clocks skip moves forward. */
export function wallTimeToInstant(text: string, zone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/.test(text.trim())) return null;
  try {
    const wall = Temporal.PlainDateTime.from(text.trim().replace(' ', 'T'));
    return wall.toZonedDateTime(zone, { disambiguation: 'compatible' }).toInstant().toString({ smallestUnit: 'second' });
  } catch {
    return null;
  }
}

/**
 * The instant an `--at` option names: as given (an ISO instant, checked by the contract), or with `--local` a wall
 * time in the zone of the account `accountOf()` names (looked up through the API, so an unknown account is the
 * usual not-found error). Not a wall time with --local: an `invalid_input` error naming the option and the zone.
 */
export async function instantOption(
  ctx: ServiceContext,
  lang: Language,
  at: string | undefined,
  local: boolean | undefined,
  accountOf: () => Promise<Result<string>>,
): Promise<Result<string | undefined>> {
  if (at === undefined || local !== true) return { ok: true, value: at };
  const account = await accountOf();
  if (!account.ok) return account;
  const result = await dispatch(ctx, 'accounts.get', { id: account.value }, lang);
  if (!result.ok) return result;
  const zone = (result.value as Account).timeZone;
  const instant = wallTimeToInstant(at, zone);
  if (instant === null) return { ok: false, error: { code: 'invalid_input', message: renderMessage(lang, 'invalid_input', { details: `--at ${at} --local (${zone})` }) } };
  return { ok: true, value: instant };
}
