import { z } from 'zod';
import { contract, isHandlerName, type HandlerName, type OutputOf, type ParsedInputOf } from '../contract';
import { AppError, renderMessage, type ApiError, type Result } from '../contract/errors';
import { fieldMessages, type Language } from '../contract/messages';
import { mapSqliteError } from '../db/connection';
import type { ServiceContext } from '../services/context';
import { handlers } from './index';

const zodLocales = { en: z.locales.en, 'zh-CN': z.locales.zhCN } as const;

function fieldMessage(language: Language, message: string): string {
  const table = fieldMessages[language] as Record<string, string>;
  return table[message] ?? message;
}

export function toApiError(error: unknown, language: Language): ApiError {
  const mapped = mapSqliteError(error);
  if (mapped instanceof AppError) return { code: mapped.code, message: renderMessage(language, mapped.code, mapped.params) };
  const details = mapped instanceof Error ? mapped.message : String(mapped);
  return { code: 'internal', message: renderMessage(language, 'internal', { details }) };
}

export function invalidInput(issues: z.core.$ZodIssue[], language: Language): ApiError {
  const shown = issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: fieldMessage(language, issue.message),
  }));
  const details = shown.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return { code: 'invalid_input', message: renderMessage(language, 'invalid_input', { details }), issues: shown };
}

/**
 * The one way into the services: checks the name and the input against the contract, runs the handler and
 * turns every failure into `{ ok: false, error: { code, message } }` in the user's language. Never throws.
 */
export async function dispatch(
  ctx: ServiceContext,
  name: unknown,
  rawInput: unknown,
  requestedLanguage: Language = 'en',
): Promise<Result<unknown>> {
  const language: Language = Object.hasOwn(zodLocales, requestedLanguage) ? requestedLanguage : 'en';
  if (typeof name !== 'string' || !isHandlerName(name)) {
    const shown = typeof name === 'string' ? name.slice(0, 100) : typeof name;
    return { ok: false, error: { code: 'unknown_handler', message: renderMessage(language, 'unknown_handler', { name: shown }) } };
  }
  const handler = handlers[name] as (ctx: ServiceContext, input: unknown, language: Language) => Promise<unknown> | unknown;
  return dispatchWith(ctx, name, rawInput, language, (input) => handler(ctx, input, language));
}

/**
 * `dispatch` for one call run by `work` instead of its handler: the same input check, messages and error mapping
 * (the CLI's long calls, which pass a progress line to the service).
 */
export async function dispatchWith<K extends HandlerName>(
  ctx: ServiceContext,
  name: K,
  rawInput: unknown,
  requestedLanguage: Language,
  work: (input: ParsedInputOf<K>) => Promise<unknown> | unknown,
): Promise<Result<unknown>> {
  const language: Language = Object.hasOwn(zodLocales, requestedLanguage) ? requestedLanguage : 'en';
  z.config(zodLocales[language]());
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error.issues, language) };
  try {
    return { ok: true, value: await work(parsed.data as ParsedInputOf<K>) };
  } catch (error) {
    return { ok: false, error: toApiError(bookError(error, ctx), language) };
  }
}

/**
 * A SQLite error named for the book it came from: a write refused because the book was opened read-only as damaged
 * (issue 15) says so, with the problem the check found; other errors name the book's path.
 */
function bookError(error: unknown, ctx: ServiceContext): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const book = ctx.book as Partial<ServiceContext['book']> | undefined;
  if (code === 'SQLITE_READONLY' && book?.damage) return new AppError('book_damaged', { path: book.file ?? '', problem: book.damage });
  return mapSqliteError(error, book?.file);
}

/** Typed call for in-process users (tests, services composing calls). */
export async function call<K extends HandlerName>(
  ctx: ServiceContext,
  name: K,
  input: z.input<(typeof contract)[K]['input']>,
  language: Language = 'en',
): Promise<Result<OutputOf<K>>> {
  return (await dispatch(ctx, name, input, language)) as Result<OutputOf<K>>;
}
