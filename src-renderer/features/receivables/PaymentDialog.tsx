import { SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Receivable } from '../../../src-main/contract/receivables';
import { DialogForm } from '../../components/DialogForm';
import { FormDialog } from '../../components/FormDialog';
import { useValidatedForm } from '../../hooks/use-validated-form';
import { useUiStore } from '../../stores/ui-store';
import { formatMoney } from '../account/account-format';
import { isRealDate, parseAmount } from '../account/order-validation';
import { orderLabel, useReceivablesStore } from './receivables-store';

interface PaymentDialogProps {
  /** The open order paid against; null: closed. */
  row: Receivable | null;
  /** The user's today (the list's as-of day): the date offered. */
  today: string;
  onClose: () => void;
}

const FIELDS = ['amount', 'paidOn'] as const;
type PaymentField = (typeof FIELDS)[number];
const isField = (path: string): path is PaymentField => (FIELDS as readonly string[]).includes(path);

/** Records a payment against one order: amount (the outstanding amount offered) and date; Enter records, Esc cancels. */
export function PaymentDialog({ row, today, onClose }: PaymentDialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={row !== null} onClose={onClose} title={row ? t('receivables.dialog.title', { order: orderLabel(row) }) : ''} testId="payment-dialog">
      {row && <PaymentForm row={row} today={today} onClose={onClose} />}
    </FormDialog>
  );
}

function PaymentForm({ row, today, onClose }: { row: Receivable; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const recordPayment = useReceivablesStore((state) => state.recordPayment);
  const outstanding = formatMoney(row.outstanding, row.currency, language);
  const form = useValidatedForm({
    initial: { amount: String(row.outstanding), paidOn: today },
    isField,
    validate: (values) => {
      const problems: Partial<Record<PaymentField, string>> = {};
      const amount = parseAmount(values.amount);
      if (!Number.isFinite(amount) || amount <= 0) problems.amount = t('receivables.dialog.invalid.amount');
      if (!isRealDate(values.paidOn)) problems.paidOn = t('receivables.dialog.invalid.paidOn');
      return problems;
    },
    send: (values) => recordPayment(row, parseAmount(values.amount), values.paidOn),
    onDone: onClose,
  });
  const errorOf = (field: PaymentField) => form.problems[field] ?? form.serverIssues[field];

  return (
    <DialogForm form={form} errorTitle={t('receivables.dialog.errorTitle')} submitLabel={t('receivables.dialog.submit')} onCancel={onClose} testId="payment">
      <Text size="sm" data-testid="payment-summary">
        {t('receivables.dialog.summary', { name: row.accountName, outstanding })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        <TextInput
          data-autofocus
          required
          inputMode="decimal"
          label={t('receivables.dialog.amount', { currency: row.currency })}
          description={t('receivables.dialog.amountDescription', { outstanding })}
          value={form.values.amount}
          onChange={(event) => form.update({ amount: event.currentTarget.value }, ['amount'])}
          onFocus={(event) => event.currentTarget.select()}
          error={errorOf('amount')}
          errorProps={{ 'data-testid': 'payment-error-amount' }}
          data-testid="payment-amount"
        />
        <TextInput
          required
          type="date"
          max={today}
          label={t('receivables.dialog.paidOn')}
          value={form.values.paidOn}
          onChange={(event) => form.update({ paidOn: event.currentTarget.value }, ['paidOn'])}
          error={errorOf('paidOn')}
          errorProps={{ 'data-testid': 'payment-error-paidOn' }}
          data-testid="payment-paidOn"
        />
      </SimpleGrid>
    </DialogForm>
  );
}
