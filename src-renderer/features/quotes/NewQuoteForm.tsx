import { Autocomplete, Box, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountListItem, Inquiry } from '../../../src-main/contract/models';
import { api } from '../../api';
import { DialogForm } from '../../components/DialogForm';
import { formatInstant } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { AccountSelect, asListItem } from '../../components/AccountSelect';
import { ItemsTable } from './ItemsTable';
import { QuestionsPanel } from './QuestionsPanel';
import {
  addDaysTo,
  emptyItem,
  emptyTerms,
  emptyValidity,
  questionsInput,
  termsInput,
  todayIn,
  validityInput,
  validityProblems,
  type ValidityDraft,
} from './quote-format';
import { useQuotesStore } from './quotes-store';
import { TermsFields } from './TermsFields';
import { useQuoteForm, type QuoteFormValues } from './use-quote-form';
import { ValidityFields } from './ValidityFields';

const FIELDS = ['accountId', 'inquiryId', 'number', 'currency', 'quoteDate', 'validity', 'items', 'incoterm', 'paymentTerms', 'leadTimeDays', 'terms', 'note', 'questions'] as const;
type Field = (typeof FIELDS)[number];
/** Suggestions only: any ISO 4217 code may be typed; the server says when one is not. */
const CURRENCIES = ['USD', 'EUR', 'CNY', 'GBP', 'JPY', 'AED', 'SAR', 'AUD', 'CAD', 'HKD', 'SGD', 'INR', 'RUB', 'BRL', 'MXN', 'KRW', 'TRY', 'ZAR'];

interface NewValues extends QuoteFormValues {
  accountId: AccountListItem | null;
  inquiryId: string | null;
  number: string;
  currency: string;
  quoteDate: string;
  validity: ValidityDraft;
}

/** "New quote": the account (and one of its open inquiries), number, currency, date, validity (R7), lines, terms, questions (R8). */
export function NewQuoteForm() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const { add, cancelNew, myTimeZone } = useQuotesStore();
  const zone = myTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [inquiries, setInquiries] = useState<Inquiry[]>([]);
  const rootRef = useRef<HTMLDivElement>(null);

  const { form, message, items, validityIssues, clearValidityIssues, terms } = useQuoteForm<Field, NewValues & Record<Field, unknown>>({
    initial: () => ({
      accountId: null,
      inquiryId: null,
      number: '',
      currency: 'USD',
      quoteDate: todayIn(zone, Date.now()),
      validity: emptyValidity(),
      items: [emptyItem()],
      questions: [],
      answers: {},
      ...emptyTerms(),
    }),
    fields: FIELDS,
    validate: (v) => {
      const problems: Partial<Record<Field, string>> = {};
      if (!v.accountId) problems.accountId = t('quotes.validation.required');
      if (!v.currency.trim()) problems.currency = t('quotes.validation.required');
      if (addDaysTo(v.quoteDate, 0) === null) problems.quoteDate = t('quotes.validation.date');
      if (Object.keys(validityProblems(v.validity)).length > 0) problems.validity = t('quotes.validation.validity');
      return problems;
    },
    send: (v, lines) =>
      add({
        accountId: v.accountId!.id,
        ...(v.inquiryId ? { inquiryId: v.inquiryId } : {}),
        ...(v.number.trim() ? { number: v.number.trim() } : {}),
        currency: v.currency.trim(),
        quoteDate: v.quoteDate,
        validity: validityInput(v.validity),
        ...(questionsInput(v.questions).length ? { questions: questionsInput(v.questions) } : {}),
        items: lines,
        ...termsInput(v),
      }),
    onDone: () => undefined, // the store opens the new quote in the editor
  });
  const { values: v, update } = form;
  const accountId = v.accountId?.id;

  useEffect(() => {
    rootRef.current?.querySelector<HTMLInputElement>('[data-testid="quote-account"]')?.focus();
  }, []);
  useEffect(() => {
    let current = true;
    setInquiries([]);
    if (!accountId) return;
    void api.call('inquiries.list', { accountId, open: true, limit: 50 }).then((result) => {
      if (current && result.ok) setInquiries(result.value);
    });
    return () => {
      current = false;
    };
  }, [accountId]);

  const pickAccount = (account: AccountListItem | null) =>
    update({ accountId: account, inquiryId: null, ...(account?.currency ? { currency: account.currency } : {}) }, ['accountId', 'inquiryId', 'currency']);
  /** Created from an inquiry: its products become the first lines while none are typed. */
  const pickInquiry = (id: string | null) => {
    const inquiry = inquiries.find((i) => i.id === id);
    const untouched = v.items.every((item) => !item.product && !item.quantity && !item.unitPrice);
    const lines = inquiry && untouched && inquiry.products.length > 0 ? inquiry.products.map((product) => ({ ...emptyItem(), product })) : null;
    update({ inquiryId: id, ...(lines ? { items: lines } : {}) }, ['inquiryId']);
  };
  const inquiryLabel = (i: Inquiry) => `${i.subject || i.products.join(', ') || t('quotes.form.inquiryNoSubject')} · ${formatInstant(i.receivedAt, language, zone)}`;
  const validityMessages = validityProblems(v.validity);

  return (
    // A block that scrolls around the column: inside a scrolling flex column the cards would shrink to fit.
    <Box ref={rootRef} style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} data-testid="quote-new">
      <Stack gap="md">
        <Group justify="space-between" align="baseline">
          <Title order={2}>{t('quotes.form.title')}</Title>
          <Button variant="subtle" onClick={cancelNew} data-testid="quote-new-back">
            {t('quotes.editor.back')}
          </Button>
        </Group>
        <DialogForm form={form} errorTitle={t('quotes.form.error')} submitLabel={t('quotes.form.submit')} onCancel={cancelNew} testId="quote-form">
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Group align="flex-start" grow>
                <AccountSelect
                  value={v.accountId}
                  onChange={pickAccount}
                  pick={asListItem}
                  label={t('inquiries.form.account')}
                  placeholder={t('inquiries.form.accountPlaceholder')}
                  nothingFound={t('inquiries.form.accountNothingFound')}
                  error={message('accountId')}
                  testId="quote-account"
                />
                <Select
                  clearable
                  label={t('quotes.form.inquiry')}
                  placeholder={accountId ? (inquiries.length ? t('quotes.form.inquiryPlaceholder') : t('quotes.form.inquiryNone')) : t('quotes.form.inquiryPickAccount')}
                  disabled={!accountId || inquiries.length === 0}
                  data={inquiries.map((i) => ({ value: i.id, label: inquiryLabel(i) }))}
                  value={v.inquiryId}
                  onChange={pickInquiry}
                  error={message('inquiryId')}
                  data-testid="quote-inquiry"
                />
              </Group>
              <Group align="flex-start" grow>
                <TextInput
                  label={t('quotes.form.number')}
                  placeholder={t('quotes.form.numberPlaceholder')}
                  maxLength={60}
                  value={v.number}
                  onChange={(event) => update({ number: event.currentTarget.value }, ['number'])}
                  error={message('number')}
                  data-testid="quote-number"
                />
                <Autocomplete
                  required
                  label={t('quotes.form.currency')}
                  data={CURRENCIES}
                  maxLength={3}
                  value={v.currency}
                  onChange={(currency) => update({ currency: currency.toUpperCase() }, ['currency'])}
                  error={message('currency')}
                  data-testid="quote-currency"
                />
                <TextInput
                  required
                  type="date"
                  label={t('quotes.form.quoteDate')}
                  value={v.quoteDate}
                  onChange={(event) => update({ quoteDate: event.currentTarget.value }, ['quoteDate'])}
                  error={message('quoteDate')}
                  data-testid="quote-date"
                />
              </Group>
              <ValidityFields
                value={v.validity}
                onChange={(validity) => {
                  clearValidityIssues();
                  update({ validity }, ['validity']);
                }}
                quoteDate={v.quoteDate}
                zone={v.accountId?.timeZone}
                problems={form.attempt > 0 ? validityMessages : {}}
                issues={validityIssues}
              />
            </Stack>
          </Card>
          <Card withBorder padding="md">
            <Stack gap="xs">
              <Text fw={600}>{t('quotes.items.label')}</Text>
              <ItemsTable items={v.items} onChange={items.onChange} currency={v.currency} problems={items.problems} issues={items.issues} error={items.error} />
            </Stack>
          </Card>
          <Card withBorder padding="md">
            <Stack gap="xs">
              <Text fw={600}>{t('quotes.terms.label')}</Text>
              <TermsFields value={terms.value} onChange={terms.onChange} errors={terms.errors} />
            </Stack>
          </Card>
          <Card withBorder padding="md">
            <QuestionsPanel
              asked={[]}
              answers={{}}
              onAnswers={() => undefined}
              added={v.questions}
              onAdded={(questions) => update({ questions }, ['questions'])}
              editable
              error={message('questions')}
            />
          </Card>
        </DialogForm>
      </Stack>
    </Box>
  );
}
