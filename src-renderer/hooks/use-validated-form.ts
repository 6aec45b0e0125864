import { useEffect, useState, type FormEvent, type RefObject } from 'react';
import type { ApiError, Result } from '../../src-main/contract/errors';

export type ServerIssues<F extends string> = Partial<Record<F, string>>;

/** Splits an `invalid_input` error into per-field messages; anything not tied to a field stays for the form's Alert. */
export function splitIssues<F extends string>(
  error: ApiError,
  isField: (path: string) => path is F,
): { fields: ServerIssues<F>; rest: ApiError | null } {
  if (error.code !== 'invalid_input' || !error.issues?.length) return { fields: {}, rest: error };
  const fields: ServerIssues<F> = {};
  let unmatched = false;
  for (const issue of error.issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (isField(field)) fields[field] ??= issue.message;
    else unmatched = true;
  }
  return { fields, rest: unmatched ? error : null };
}

interface ValidatedFormOptions<F extends string, V, P, T> {
  initial: V | (() => V);
  isField: (path: string) => path is F;
  /** Local checks: a problem per field, none when the values may be sent. */
  validate: (values: V) => Partial<Record<F, P>>;
  send: (values: V) => Promise<Result<T>>;
  onDone: (value: T) => void;
}

/**
 * State and submit logic of a dialog form: local checks first, then the call. A refusal (a field the server
 * rejects, anything else) keeps every value as typed; per-field messages go beside their fields, the rest to the
 * form's Alert. `attempt` counts failed attempts, for moving focus to the first field with a message.
 */
export function useValidatedForm<F extends string, V extends Record<F, unknown>, P, T>({
  initial,
  isField,
  validate,
  send,
  onDone,
}: ValidatedFormOptions<F, V, P, T>) {
  const [values, setValues] = useState<V>(initial);
  const [problems, setProblems] = useState<Partial<Record<F, P>>>({});
  const [serverIssues, setServerIssues] = useState<ServerIssues<F>>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);

  /** Sets some values and clears the messages of the given fields. */
  const update = (patch: Partial<V>, cleared: readonly F[]) => {
    setValues((current) => ({ ...current, ...patch }));
    const none = Object.fromEntries(cleared.map((f) => [f, undefined]));
    setProblems((current) => ({ ...current, ...none }));
    setServerIssues((current) => ({ ...current, ...none }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const local = validate(values);
    setProblems(local);
    setServerIssues({});
    setFormError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(local).length > 0) return;
    setSubmitting(true);
    const result = await send(values);
    setSubmitting(false);
    if (result.ok) {
      onDone(result.value);
      return;
    }
    const { fields, rest } = splitIssues(result.error, isField);
    setServerIssues(fields);
    setFormError(rest);
    setAttempt((n) => n + 1);
  };

  return { values, problems, serverIssues, formError, submitting, attempt, update, submit };
}

/** After a failed attempt, moves focus to the first field with a message. */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>, attempt: number): void {
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [formRef, attempt]);
}
