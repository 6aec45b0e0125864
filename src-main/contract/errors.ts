import { entityNames, errorMessages, fieldMessages, stateMessages } from './messages';
import type { EntityName, ErrorCode, Language, StateCode } from './messages';

export type ErrorParams = Record<string, string | number>;

/** An error the user can act on; the code is stable, the message is rendered in the user's language. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(renderMessage('en', code, params));
    this.name = 'AppError';
  }
}

export function notFound(entity: EntityName, id: string): AppError {
  return new AppError('not_found', { entity, id });
}

export function invalidState(state: StateCode, params: ErrorParams = {}): AppError {
  return new AppError('invalid_state', { ...params, state });
}

function fill(template: string, params: ErrorParams): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ''));
}

/** Field-check keys (tb.date…) inside a detail text, in the user's language. */
function localiseKeys(language: Language, text: string): string {
  const table = fieldMessages[language] as Record<string, string>;
  return text.replace(/tb\.[a-z_]+/g, (key) => table[key] ?? key);
}

export function renderMessage(language: Language, code: ErrorCode, params: ErrorParams): string {
  const shown: ErrorParams = {};
  for (const [key, value] of Object.entries(params)) shown[key] = typeof value === 'string' ? localiseKeys(language, value) : value;
  if (code === 'not_found' && typeof params.entity === 'string' && params.entity in entityNames[language]) {
    shown.entity = entityNames[language][params.entity as EntityName];
  }
  if (code === 'invalid_state' && typeof params.state === 'string' && params.state in stateMessages[language]) {
    shown.details = fill(stateMessages[language][params.state as StateCode], params);
  }
  return fill(errorMessages[language][code], shown);
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Where the input was wrong, for forms that show the message next to the field. */
  issues?: { path: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
