import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Result } from '../../../src-main/contract/errors';
import type { Quote } from '../../../src-main/contract/models';
import { useValidatedForm } from '../../hooks/use-validated-form';
import {
  itemIssueAt,
  itemProblems,
  itemsInput,
  parseNumber,
  type ItemDraft,
  type ItemField,
  type ItemInput,
  type QuestionDraft,
  type TermsDraft,
  type ValidityField,
} from './quote-format';
import type { TermsField } from './TermsFields';

/** What both quote forms edit: the lines, the terms (flat: they are top-level fields of the calls), new questions and answers. */
export interface QuoteFormValues extends TermsDraft {
  items: ItemDraft[];
  questions: QuestionDraft[];
  answers: Record<string, string>;
}

const TERMS: readonly TermsField[] = ['incoterm', 'paymentTerms', 'leadTimeDays', 'terms', 'note'];
const VALIDITY_FIELDS: readonly string[] = ['days', 'thresholdPercent', 'stages', 'seasonName', 'seasonEndsOn'];

interface QuoteFormOptions<F extends string, V extends QuoteFormValues & Record<F, unknown>> {
  initial: () => V;
  /** The call's top-level fields the form shows messages beside. */
  fields: readonly F[];
  /** Checks of the form's own fields (beyond lines and terms), as messages. */
  validate?: (values: V) => Partial<Record<F, string>>;
  send: (values: V, items: ItemInput[]) => Promise<Result<Quote>>;
  onDone: (quote: Quote) => void;
}

/**
 * A quote form over useValidatedForm: local checks of the lines and terms first; then the call, whose refusal keeps
 * every value as typed and puts each of its messages where it belongs — a line's cell (`items.1.unitPrice`, mapped
 * back past the blank lines left out), a validity field, a term, or the form's Alert.
 */
export function useQuoteForm<F extends string, V extends QuoteFormValues & Record<F, unknown>>({ initial, fields, validate, send, onDone }: QuoteFormOptions<F, V>) {
  const { t } = useTranslation();
  const [issues, setIssues] = useState<NonNullable<ApiError['issues']>>([]);
  const [rowOf, setRowOf] = useState<number[]>([]);
  const isField = (path: string): path is F => (fields as readonly string[]).includes(path);
  const form = useValidatedForm<F, V, string, Quote>({
    initial,
    isField,
    validate: (v) => {
      const problems: Partial<Record<F, string>> = { ...validate?.(v) };
      const { items } = itemsInput(v.items);
      const set = (field: string, message: string) => {
        if (isField(field)) problems[field] = message;
      };
      if (items.length === 0) set('items', t('quotes.validation.noItems'));
      else if (Object.keys(itemProblems(v.items)).length > 0) set('items', t('quotes.validation.itemsInvalid'));
      const lead = v.leadTimeDays.trim();
      const leadDays = parseNumber(lead);
      if (lead && (leadDays === null || !Number.isInteger(leadDays) || leadDays < 0)) set('leadTimeDays', t('quotes.validation.wholeDaysZero'));
      return problems;
    },
    send: async (v) => {
      const sent = itemsInput(v.items);
      setRowOf(sent.rowOf);
      const result = await send(v, sent.items);
      setIssues(result.ok ? [] : (result.error.issues ?? []));
      return result;
    },
    onDone,
  });

  const attempted = form.attempt > 0;
  const message = (field: F) => form.problems[field] ?? form.serverIssues[field];
  const cellIssues: Record<number, Partial<Record<ItemField, string>>> = {};
  const validityIssues: Partial<Record<ValidityField | 'strategy', string>> = {};
  for (const issue of issues) {
    const cell = itemIssueAt(issue.path, rowOf);
    if (cell) (cellIssues[cell.row] ??= {})[cell.field] ??= issue.message;
    const [head, sub] = issue.path.split('.');
    if (head === 'validity') {
      const key = sub && VALIDITY_FIELDS.includes(sub) ? (sub as ValidityField) : 'strategy';
      validityIssues[key] ??= issue.message;
    }
  }
  const itemsIssue = issues.find((i) => i.path === 'items')?.message;

  return {
    form,
    message,
    /** Lines: the local problems (once a save was tried, then live), the server's by cell, and the table's message. */
    items: {
      problems: attempted ? itemProblems(form.values.items) : {},
      issues: cellIssues,
      error: isField('items') ? ((form.problems as Partial<Record<string, string>>).items ?? itemsIssue) : undefined,
      onChange: (items: ItemDraft[]) => {
        setIssues((current) => current.filter((i) => !i.path.startsWith('items')));
        form.update({ items } as Partial<V>, fields.filter((f) => f === 'items'));
      },
    },
    validityIssues,
    clearValidityIssues: () => setIssues((current) => current.filter((i) => !i.path.startsWith('validity'))),
    terms: {
      value: form.values as TermsDraft,
      errors: Object.fromEntries(TERMS.map((f) => [f, isField(f) ? message(f) : undefined])) as Partial<Record<TermsField, string>>,
      onChange: (patch: Partial<TermsDraft>, cleared: TermsField[]) => form.update(patch as Partial<V>, (cleared as string[]).filter(isField)),
    },
  };
}
