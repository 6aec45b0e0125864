import { ActionIcon, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useRef, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { draftTotal, emptyItem, formatMoney, lineAmount, type ItemDraft, type ItemField, type ItemProblem } from './quote-format';

const FIELDS: readonly ItemField[] = ['product', 'description', 'quantity', 'unit', 'unitPrice'];
const NUMERIC = new Set<ItemField>(['quantity', 'unitPrice']);

interface ItemsTableProps {
  items: ItemDraft[];
  onChange: (items: ItemDraft[]) => void;
  currency: string;
  /** Local problems by row and field. */
  problems: Record<number, Partial<Record<ItemField, ItemProblem>>>;
  /** The server's messages by row and field. */
  issues: Record<number, Partial<Record<ItemField, string>>>;
  /** A message for the table as a whole (no lines, the server's `items` issue). */
  error?: string | undefined;
}

/**
 * The quote's lines: product, spec, quantity, unit, unit price, the line total and the total. Tab moves through the
 * cells; Enter goes to the same cell of the line below, adding a line at the end.
 */
export function ItemsTable({ items, onChange, currency, problems, issues, error }: ItemsTableProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const tableRef = useRef<HTMLTableElement>(null);
  const code = currency.trim().toUpperCase();
  const shown = (amount: number) => (/^[A-Z]{3}$/.test(code) ? formatMoney(amount, code, language) : formatNumber(amount, language));

  // Focus moves at once (typing on must not land in the cell left); a line added or removed is rendered first.
  const focusCell = (row: number, field: ItemField) => tableRef.current?.querySelector<HTMLInputElement>(`[data-row="${row}"][data-field="${field}"]`)?.focus();
  const update = (index: number, patch: Partial<ItemDraft>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const addLine = (focusField: ItemField = 'product') => {
    flushSync(() => onChange([...items, emptyItem()]));
    focusCell(items.length, focusField);
  };
  const remove = (index: number) => {
    flushSync(() => onChange(items.filter((_, i) => i !== index)));
    focusCell(Math.max(0, Math.min(index, items.length - 2)), 'product');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, index: number, field: ItemField) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (index === items.length - 1) addLine(field);
    else focusCell(index + 1, field);
  };
  const message = (index: number, field: ItemField) => {
    const problem = problems[index]?.[field];
    return problem ? t(`quotes.validation.${problem}`) : issues[index]?.[field];
  };

  return (
    <Stack gap={6}>
      <Table.ScrollContainer minWidth={860}>
        <Table ref={tableRef} verticalSpacing={4} aria-label={t('quotes.items.label')} data-testid="quote-items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>#</Table.Th>
              <Table.Th w={200}>{t('quotes.items.product')}</Table.Th>
              <Table.Th>{t('quotes.items.description')}</Table.Th>
              <Table.Th w={100}>{t('quotes.items.quantity')}</Table.Th>
              <Table.Th w={90}>{t('quotes.items.unit')}</Table.Th>
              <Table.Th w={120}>{t('quotes.items.unitPrice')}</Table.Th>
              <Table.Th w={130} style={{ textAlign: 'right' }}>
                {t('quotes.items.amount')}
              </Table.Th>
              <Table.Th w={44} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item, index) => {
              const amount = lineAmount(item);
              return (
                <Table.Tr key={item.key} data-testid="quote-item-row" data-index={index}>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {index + 1}
                    </Text>
                  </Table.Td>
                  {FIELDS.map((field) => (
                    <Table.Td key={field} style={{ verticalAlign: 'top' }}>
                      <TextInput
                        size="xs"
                        value={item[field]}
                        inputMode={NUMERIC.has(field) ? 'decimal' : undefined}
                        aria-label={t('quotes.items.cellLabel', { field: t(`quotes.items.${field}`), line: index + 1 })}
                        onChange={(event) => update(index, { [field]: event.currentTarget.value })}
                        onKeyDown={(event) => onKeyDown(event, index, field)}
                        error={message(index, field)}
                        styles={NUMERIC.has(field) ? { input: { textAlign: 'right' } } : undefined}
                        data-row={index}
                        data-field={field}
                        data-testid={`quote-item-${field}`}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td style={{ textAlign: 'right', verticalAlign: 'top' }}>
                    <Text size="sm" pt={4} data-testid="quote-item-amount">
                      {amount === null ? t('common.none') : shown(amount)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      onClick={() => remove(index)}
                      aria-label={t('quotes.items.remove', { line: index + 1 })}
                      data-testid="quote-item-remove"
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Td colSpan={6} style={{ textAlign: 'right' }}>
                <Text size="sm" fw={600}>
                  {t('quotes.items.total')}
                </Text>
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                <Text size="sm" fw={700} data-testid="quote-items-total">
                  {shown(draftTotal(items))}
                </Text>
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {error && (
        <Text size="sm" c="red" role="alert" data-testid="quote-items-error">
          {error}
        </Text>
      )}
      <Group justify="space-between">
        <Button variant="light" size="xs" onClick={() => addLine()} data-testid="quote-item-add">
          {t('quotes.items.add')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('quotes.items.keys')}
        </Text>
      </Group>
    </Stack>
  );
}
