import { AppError } from '../contract/errors';
import type { Setting } from '../contract/models';
import { settingDefinitions } from '../domain/settings';
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

export async function getSetting(ctx: ServiceContext, key: string): Promise<Setting> {
  const def = definitionOf(ctx, key);
  const row = await ctx.book.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return { key, value: def.default, isDefault: true };
  return { key, value: JSON.parse(row.value) as unknown, isDefault: false };
}

/** A setting's value (stored or default), for services that need it. */
export async function settingValue<T>(ctx: ServiceContext, key: string): Promise<T> {
  return (await getSetting(ctx, key)).value as T;
}

export async function setSetting(ctx: ServiceContext, key: string, value: unknown): Promise<Setting> {
  const def = definitionOf(ctx, key);
  const parsed = def.schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('invalid_setting', { key, details: parsed.error.issues.map((issue) => issue.message).join('; ') });
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
