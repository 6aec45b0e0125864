import { Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TermsDraft } from './quote-format';

export type TermsField = keyof TermsDraft;

interface TermsFieldsProps {
  value: TermsDraft;
  onChange: (patch: Partial<TermsDraft>, cleared: TermsField[]) => void;
  /** Messages by field: local problems first, then the server's. */
  errors: Partial<Record<TermsField, string>>;
}

/** The version's terms: incoterm, payment terms, lead time in days, the terms text and a note. */
export function TermsFields({ value: v, onChange, errors }: TermsFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="quote-terms">
      <Group align="flex-start" grow>
        <TextInput
          label={t('quotes.terms.incoterm')}
          placeholder={t('quotes.terms.incotermPlaceholder')}
          maxLength={20}
          value={v.incoterm}
          onChange={(event) => onChange({ incoterm: event.currentTarget.value }, ['incoterm'])}
          error={errors.incoterm}
          data-testid="quote-incoterm"
        />
        <TextInput
          label={t('quotes.terms.paymentTerms')}
          placeholder={t('quotes.terms.paymentTermsPlaceholder')}
          maxLength={200}
          value={v.paymentTerms}
          onChange={(event) => onChange({ paymentTerms: event.currentTarget.value }, ['paymentTerms'])}
          error={errors.paymentTerms}
          data-testid="quote-payment-terms"
        />
        <TextInput
          inputMode="numeric"
          label={t('quotes.terms.leadTimeDays')}
          value={v.leadTimeDays}
          onChange={(event) => onChange({ leadTimeDays: event.currentTarget.value }, ['leadTimeDays'])}
          error={errors.leadTimeDays}
          data-testid="quote-lead-time"
        />
      </Group>
      <Textarea
        autosize
        minRows={2}
        maxRows={8}
        label={t('quotes.terms.terms')}
        value={v.terms}
        onChange={(event) => onChange({ terms: event.currentTarget.value }, ['terms'])}
        error={errors.terms}
        data-testid="quote-terms-text"
      />
      <Textarea
        autosize
        minRows={1}
        maxRows={6}
        label={t('quotes.terms.note')}
        value={v.note}
        onChange={(event) => onChange({ note: event.currentTarget.value }, ['note'])}
        error={errors.note}
        data-testid="quote-note"
      />
    </Stack>
  );
}
