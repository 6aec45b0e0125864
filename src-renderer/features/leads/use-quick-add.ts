import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { ApiError } from '../../../src-main/contract/errors';
import type { LeadSaved } from '../../../src-main/contract/leads';
import { suggestZoneForCity } from '../../../src-main/domain/leads/city-zones';
import { splitIssues } from '../../hooks/use-validated-form';
import { useAccountsStore } from '../../stores/accounts-store';
import { useTodosStore } from '../../stores/todos-store';
import { useUiStore } from '../../stores/ui-store';
import { rememberTags } from './fair-tags';
import { base64Of, emptyLead, leadFields, leadProblems, photoCheck, toLeadInput, type LeadField, type LeadProblems, type LeadValues } from './lead-validation';
import { useLeadDuplicates } from './use-lead-duplicates';

/** Where the lead goes: a new account, or an account of the book with the fields whose lead value it takes. */
export interface LeadTarget {
  into: string;
  keep: { name?: 'lead' | 'book'; city?: 'lead' | 'book'; timeZone?: 'lead' | 'book' };
}

const isLeadField = (path: string): path is LeadField => (leadFields as readonly string[]).includes(path);

/**
 * The quick-add form's state: values, the zone suggested from country and city until the user picks one, checks
 * in the user's language before saving (the book's own schema), the book's refusals next to their fields, and the
 * accounts the lead may already be.
 */
export function useQuickAdd(initialTags: string[], onSaved: (saved: LeadSaved) => void) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const [values, setValues] = useState<LeadValues>(() => emptyLead(initialTags));
  const [problems, setProblems] = useState<LeadProblems>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const duplicates = useLeadDuplicates(values);

  const photoProblem = (file: File) => {
    const problem = photoCheck(file);
    return problem ? t(`leads.problems.${problem.key}`, { size: problem.size }) : null;
  };

  /** Sets some values and clears the messages of the fields changed; a new country or city re-suggests the zone. */
  const update = (patch: Partial<LeadValues>) => {
    setValues((current) => {
      const next = { ...current, ...patch };
      if (('country' in patch || 'city' in patch) && !next.zoneChosen) next.timeZone = next.country ? suggestZoneForCity(next.country, next.city) : null;
      return next;
    });
    const cleared = Object.keys(patch).filter(isLeadField);
    setProblems((current) => {
      const next = { ...current };
      for (const field of cleared) delete next[field];
      if (patch.company !== undefined || patch.contact !== undefined) delete next.company;
      return next;
    });
    setFormError(null);
  };

  const save = async (target?: LeadTarget) => {
    if (submitting) return;
    const local = leadProblems(values, language, photoProblem);
    setProblems(local);
    setFormError(null);
    if (Object.keys(local).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setSubmitting(true);
    const photo = values.photo ? { photo: { data: await base64Of(values.photo) } } : {};
    const result = await api.call('leads.add', { ...toLeadInput(values), ...photo, ...(target ? { into: target.into, keep: target.keep } : {}) });
    setSubmitting(false);
    if (result.ok) {
      rememberTags(values.tags);
      onSaved(result.value);
      showSavedLeadBehind();
      return;
    }
    const { fields, rest } = splitIssues(result.error, isLeadField);
    setProblems(fields);
    setFormError(rest ?? (Object.keys(fields).length === 0 ? result.error : null));
    setAttempt((n) => n + 1);
  };

  return { values, problems, formError, submitting, attempt, duplicates, update, save, photoProblem };
}

/**
 * What a saved lead changed shows on the page behind the dialog at once: the accounts list and the to-do board (its
 * first follow-up, scheduled by the same call) are read again when they have been loaded.
 */
function showSavedLeadBehind(): void {
  const accounts = useAccountsStore.getState();
  if (accounts.total !== null) void accounts.refresh();
  const todos = useTodosStore.getState();
  if (todos.board !== null) void todos.load();
}

export type QuickAddForm = ReturnType<typeof useQuickAdd>;
