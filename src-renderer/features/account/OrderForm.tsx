import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../src-main/contract/models';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { useFocusFirstInvalid } from '../../hooks/use-validated-form';
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
  const formRef = useRef<HTMLFormElement>(null);

  useFocusFirstInvalid(formRef, form.attempt);

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
    <form ref={formRef} noValidate onSubmit={(event) => void form.submit(event)} data-testid="order-fields">
      <Stack gap="sm">
        {form.formError && <ApiErrorAlert error={form.formError} title={t('account.orderForm.errorTitle')} testId="order-form-error" />}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="sm">
          <TextInput required type="date" label={t('account.orderForm.orderedAt')} {...text('orderedAt')} />
          <TextInput data-autofocus required inputMode="decimal" label={t('account.orderForm.amount')} {...text('amount')} />
          <Select
            required
            searchable
            selectFirstOptionOnChange
            openOnFocus={false}
            autoSelectOnBlur
            allowDeselect={false}
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
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} data-testid="order-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} data-testid="order-submit">
            {t('account.orderForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
