import { AppError } from '../contract/errors';
import type { Setting } from '../contract/models';
import { scoreParts, settingDefinitions, weightsSum } from '../domain/settings';
import type { ServiceContext } from './context';

function definitions(ctx: ServiceContext) {
  return settingDefinitions(ctx.host);
}

function definitionOf(ctx: ServiceContext, key: string) {
  const defs = definitions(ctx);
  const def = Object.hasOwn(defs, key) ? defs[key] : undefined;
  if (!def) throw new AppError('unknown_setting', { key });
  return def;
}

/** R11: the five value-score weights sum to 100, so they are read and set together under this key too. */
const SCORE_WEIGHTS = 'scoreWeights';
const weightKeys = scoreParts.map((part) => `${SCORE_WEIGHTS}.${part}`);

export async function getSetting(ctx: ServiceContext, key: string): Promise<Setting> {
  if (key === SCORE_WEIGHTS) {
    const parts = await Promise.all(weightKeys.map((k) => getSetting(ctx, k)));
    const value = Object.fromEntries(scoreParts.map((part, i) => [part, parts[i]!.value]));
    return { key, value, isDefault: parts.every((p) => p.isDefault) };
  }
  const def = definitionOf(ctx, key);
  const row = await ctx.book.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return { key, value: def.default, isDefault: true };
  return { key, value: JSON.parse(row.value) as unknown, isDefault: false };
}

/** A setting's value (stored or default), for services that need it. */
export async function settingValue<T>(ctx: ServiceContext, key: string): Promise<T> {
  return (await getSetting(ctx, key)).value as T;
}

/** Sets the five weights at once: `{purchase, margin, growth, strategic, reputation}`, each 0–100, summing to 100. */
async function setScoreWeights(ctx: ServiceContext, value: unknown): Promise<Setting> {
  const given = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const unknown = Object.keys(given).filter((k) => !(scoreParts as readonly string[]).includes(k));
  if (unknown.length > 0 || Object.keys(given).length !== scoreParts.length) {
    throw new AppError('invalid_setting', { key: SCORE_WEIGHTS, details: 'tb.score_weights' });
  }
  const weights = scoreParts.map((part, i) => {
    const parsed = definitionOf(ctx, weightKeys[i]!).schema.safeParse(given[part]);
    if (!parsed.success) throw new AppError('invalid_setting', { key: weightKeys[i]!, details: parsed.error.issues.map((issue) => issue.message).join('; ') });
    return parsed.data as number;
  });
  assertWeightsSum(weights);
  const stamp = ctx.now();
  await ctx.book.db.transaction().execute(async (trx) => {
    for (const [i, key] of weightKeys.entries()) {
      const json = JSON.stringify(weights[i]);
      await trx
        .insertInto('settings')
        .values({ key, value: json, updated_at: stamp })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: stamp }))
        .execute();
    }
  });
  return { key: SCORE_WEIGHTS, value: Object.fromEntries(scoreParts.map((part, i) => [part, weights[i]])), isDefault: false };
}

function assertWeightsSum(weights: number[]): void {
  const sum = weightsSum(weights);
  if (sum !== 100) throw new AppError('score_weights_sum', { sum });
}

export async function setSetting(ctx: ServiceContext, key: string, value: unknown): Promise<Setting> {
  if (key === SCORE_WEIGHTS) return setScoreWeights(ctx, value);
  const def = definitionOf(ctx, key);
  const parsed = def.schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('invalid_setting', { key, details: parsed.error.issues.map((issue) => issue.message).join('; ') });
  }
  if (weightKeys.includes(key)) {
    // One weight alone can only change to the value that keeps the five at 100 (that is, not at all): see setScoreWeights.
    const others = await Promise.all(weightKeys.filter((k) => k !== key).map((k) => settingValue<number>(ctx, k)));
    assertWeightsSum([parsed.data as number, ...others]);
  }
  if (key === 'baseCurrency') {
    const current = await settingValue<string>(ctx, 'baseCurrency');
    const hasOrders = await ctx.book.db.selectFrom('orders').select('id').limit(1).executeTakeFirst();
    if (hasOrders && parsed.data !== current) {
      throw new AppError('invalid_state', { state: 'base_currency_locked', currency: current });
    }
  }
  await ctx.book.db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(parsed.data), updated_at: ctx.now() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(parsed.data), updated_at: ctx.now() }))
    .execute();
  return { key, value: parsed.data, isDefault: false };
}

export async function listSettings(ctx: ServiceContext): Promise<Setting[]> {
  const rows = await ctx.book.db.selectFrom('settings').selectAll().execute();
  const stored = new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return Object.entries(definitions(ctx)).map(([key, def]) =>
    stored.has(key) ? { key, value: stored.get(key), isDefault: false } : { key, value: def.default, isDefault: true },
  );
}

/** At `init`: the user's own zone and country are the host's at that moment (PRODUCT, Defaults). */
export async function storeHostDefaults(ctx: ServiceContext): Promise<void> {
  for (const key of ['myTimeZone', 'myCountry'] as const) {
    const current = await getSetting(ctx, key);
    if (current.isDefault) await setSetting(ctx, key, current.value);
  }
}
