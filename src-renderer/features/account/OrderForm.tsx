import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../src-main/contract/models';
import { DialogForm, searchablePick } from '../../components/DialogForm';
import { FormDialog } from '../../components/FormDialog';
import { currencyOptions } from './account-format';
import { orderDateFields, type OrderFormField } from './order-validation';
import { useOrderForm } from './use-order-form';

interface OrderFormProps {
  opened: boolean;
  accountId: string;
  /** The order date offered: the user's today. */
  today: string;
  /** The account's currency, else the book's base currency. */
  defaultCurrency: string | null;
  baseCurrency: string;
  onClose: () => void;
  onAdded: (order: Order) => void;
}

/** The add-order dialog: Esc closes it, focus starts in Amount, Enter submits; every opening starts empty. */
export function OrderForm({ opened, onClose, ...fields }: OrderFormProps) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={onClose} title={t('account.orderForm.title')} testId="order-form">
      <OrderFields onCancel={onClose} {...fields} />
    </FormDialog>
  );
}

function OrderFields({ accountId, today, defaultCurrency, baseCurrency, onCancel, onAdded }: Omit<OrderFormProps, 'opened' | 'onClose'> & { onCancel: () => void }) {
  const { t } = useTranslation();
  const currencies = useMemo(() => currencyOptions([defaultCurrency ?? '', baseCurrency, 'USD', 'EUR', 'CNY']), [defaultCurrency, baseCurrency]);
  const form = useOrderForm({ accountId, today, defaultCurrency: defaultCurrency ?? baseCurrency, currencies, onAdded });

  const errorOf = (field: OrderFormField): string | undefined => {
    const problem = form.problems[field];
    if (problem) return t(`account.orderForm.validation.${problem.key}`, { max: problem.max });
    return form.serverIssues[field];
  };
  const text = (field: Exclude<OrderFormField, 'currency'>) => ({
    value: form.values[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => form.setField(field, event.currentTarget.value),
    error: errorOf(field),
    errorProps: { 'data-testid': `order-error-${field}` },
    'data-testid': `order-${field}`,
  });

  return (
    <DialogForm form={form} errorTitle={t('account.orderForm.errorTitle')} submitLabel={t('account.orderForm.submit')} onCancel={onCancel} testId="order">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="sm">
        <TextInput required type="date" label={t('account.orderForm.orderedAt')} {...text('orderedAt')} />
        <TextInput data-autofocus required inputMode="decimal" label={t('account.orderForm.amount')} {...text('amount')} />
        <Select
          {...searchablePick}
          label={t('account.orderForm.currency')}
          nothingFoundMessage={t('account.orderForm.currencyNothingFound')}
          data={currencies}
          value={form.values.currency}
          onChange={(currency) => form.setField('currency', currency)}
          maxDropdownHeight={240}
          limit={50}
          error={errorOf('currency')}
          errorProps={{ 'data-testid': 'order-error-currency' }}
          data-testid="order-currency"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="sm">
        <TextInput inputMode="decimal" label={t('account.orderForm.cost')} placeholder={t('account.orderForm.costDescription')} {...text('cost')} />
        <TextInput inputMode="decimal" label={t('account.orderForm.quantity')} {...text('quantity')} />
        <TextInput label={t('account.orderForm.unit')} placeholder={t('account.orderForm.unitPlaceholder')} {...text('unit')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing="sm">
        {orderDateFields.map((field) => (
          <TextInput key={field} type="date" label={t(`account.orderForm.${field}`)} {...text(field)} />
        ))}
      </SimpleGrid>
    </DialogForm>
  );
}
