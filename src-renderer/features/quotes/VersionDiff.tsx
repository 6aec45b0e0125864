import { Badge, Card, Center, Group, List, Loader, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-main/contract/errors';
import type { Quote } from '../../../src-main/contract/models';
import type { QuoteDiff } from '../../../src-main/contract/quotes';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { formatMoney } from './quote-format';
import { useQuotesStore } from './quotes-store';
import { ValidityDiff } from './ValidityDiff';

type DiffItem = QuoteDiff['items']['added'][number];
type Change = QuoteDiff['items']['changed'][number]['changes'][number] | QuoteDiff['terms'][number];
type ChangeField = 'description' | 'quantity' | 'unit' | 'unitPrice' | 'amount' | 'incoterm' | 'paymentTerms' | 'leadTimeDays' | 'terms' | 'note';

/**
 * R8: two versions side by side — lines removed (struck through, in red: a 7th version that silently dropped three
 * certifications must show them), added and changed with the fields that changed; the total, the terms, the validity
 * (R7), and the questions answered in between with the spec coverage at each version.
 */
export function VersionDiff({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const diffOf = useQuotesStore((state) => state.diff);
  const current = quote.currentVersion;
  const [from, setFrom] = useState(Math.max(1, current - 1));
  const [to, setTo] = useState(current);
  const [diff, setDiff] = useState<QuoteDiff | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  // A new version on screen: compare the one before it with it again.
  const [shownVersion, setShownVersion] = useState(current);
  if (shownVersion !== current) {
    setShownVersion(current);
    setFrom(Math.max(1, current - 1));
    setTo(current);
  }

  useEffect(() => {
    let live = true;
    setDiff(null);
    setError(null);
    void diffOf(quote.id, from, to).then((result) => {
      if (!live) return;
      if (result.ok) setDiff(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [diffOf, quote.id, quote.updatedAt, from, to, attempt]);

  const versions = quote.versions.map((v) => ({ value: String(v.version), label: t('quotes.version', { version: v.version }) }));
  return (
    <Card withBorder padding="md" data-testid="quote-diff">
      <Stack gap="sm">
        <Group gap="sm" align="flex-end">
          <Text fw={600} mr="auto">
            {t('quotes.diff.label')}
          </Text>
          <Select w={110} label={t('quotes.diff.from')} data={versions} value={String(from)} allowDeselect={false} onChange={(value) => value && setFrom(Number(value))} data-testid="quote-diff-from" />
          <Select w={110} label={t('quotes.diff.to')} data={versions} value={String(to)} allowDeselect={false} onChange={(value) => value && setTo(Number(value))} data-testid="quote-diff-to" />
        </Group>
        {error && <ApiErrorAlert error={error} title={t('quotes.diff.error')} onRetry={() => setAttempt((n) => n + 1)} testId="quote-diff-error" />}
        {!error && !diff && (
          <Center py="md">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        )}
        {diff && <DiffBody diff={diff} />}
      </Stack>
    </Card>
  );
}

function DiffBody({ diff }: { diff: QuoteDiff }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const money = (amount: number) => formatMoney(amount, diff.currency, language);
  const { added, removed, changed, unchanged } = diff.items;
  const percent = (p: number | null | undefined) => (p === null || p === undefined ? '' : ` (${p > 0 ? '+' : ''}${formatNumber(p, language)} %)`);
  const value = (field: Change['field'], v: string | number | null) => {
    if (v === null || v === '') return t('quotes.diff.empty');
    if (typeof v === 'number') return field === 'unitPrice' || field === 'amount' ? money(v) : field === 'leadTimeDays' ? t('quotes.diff.days', { count: v }) : formatNumber(v, language);
    return v;
  };
  const changeText = (c: Change) => `${t(`quotes.diff.field.${c.field as ChangeField}`)}: ${value(c.field, c.from)} → ${value(c.field, c.to)}${percent(c.percent)}`;
  const same = diff.from === diff.to;

  return (
    <Stack gap="sm" data-testid="quote-diff-body" data-from={diff.from} data-to={diff.to}>
      {same && (
        <Text size="sm" c="dimmed">
          {t('quotes.diff.same')}
        </Text>
      )}
      <Group gap="xs" data-testid="quote-diff-summary">
        {removed.length > 0 && (
          <Badge color="red" variant="filled" data-testid="quote-diff-removed-count">
            {t('quotes.diff.removed', { count: removed.length })}
          </Badge>
        )}
        {added.length > 0 && (
          <Badge color="teal" variant="light" data-testid="quote-diff-added-count">
            {t('quotes.diff.added', { count: added.length })}
          </Badge>
        )}
        {changed.length > 0 && (
          <Badge color="yellow" variant="light" data-testid="quote-diff-changed-count">
            {t('quotes.diff.changed', { count: changed.length })}
          </Badge>
        )}
        <Badge color="gray" variant="light">
          {t('quotes.diff.unchanged', { count: unchanged })}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('quotes.diff.currency', { currency: diff.currency })}
        </Text>
      </Group>

      {(removed.length > 0 || added.length > 0 || changed.length > 0) && (
        <Table withColumnBorders verticalSpacing={6} layout="fixed" aria-label={t('quotes.diff.linesLabel', { from: diff.from, to: diff.to })} data-testid="quote-diff-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('quotes.version', { version: diff.from })}</Table.Th>
              <Table.Th>{t('quotes.version', { version: diff.to })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {removed.map((item) => (
              <Table.Tr key={`r${item.position}`} bg="var(--mantine-color-red-light)" data-testid="quote-diff-removed" data-product={item.product}>
                <Table.Td style={{ borderLeft: '4px solid var(--mantine-color-red-filled)' }}>
                  <ItemCell item={item} money={money} struck badge={<Badge size="xs" color="red" variant="filled">{t('quotes.diff.removedBadge')}</Badge>} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="red" fw={600}>
                    {t('quotes.diff.absent')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
            {changed.map((c) => (
              <Table.Tr key={`c${c.from.position}-${c.to.position}`} data-testid="quote-diff-changed" data-product={c.product}>
                <Table.Td>
                  <ItemCell item={c.from} money={money} />
                </Table.Td>
                <Table.Td bg="var(--mantine-color-yellow-light)">
                  <ItemCell item={c.to} money={money} badge={<Badge size="xs" color="yellow">{t('quotes.diff.changedBadge')}</Badge>} />
                  <List size="xs" mt={4} data-testid="quote-diff-changes">
                    {c.changes.map((change) => (
                      <List.Item key={change.field} data-field={change.field}>
                        {changeText(change)}
                        <Parts parts={change.parts} />
                      </List.Item>
                    ))}
                  </List>
                </Table.Td>
              </Table.Tr>
            ))}
            {added.map((item) => (
              <Table.Tr key={`a${item.position}`} data-testid="quote-diff-added" data-product={item.product}>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {t('quotes.diff.absent')}
                  </Text>
                </Table.Td>
                <Table.Td bg="var(--mantine-color-teal-light)" style={{ borderRight: '4px solid var(--mantine-color-teal-filled)' }}>
                  <ItemCell item={item} money={money} badge={<Badge size="xs" color="teal">{t('quotes.diff.addedBadge')}</Badge>} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('quotes.diff.total')}
          </Text>
          <Text size="sm" data-testid="quote-diff-total" c={diff.total.change < 0 ? 'red' : diff.total.change > 0 ? 'teal' : undefined}>
            {money(diff.total.from)} → {money(diff.total.to)}
            {diff.total.change !== 0 && ` (${diff.total.change > 0 ? '+' : '−'}${money(Math.abs(diff.total.change))}${diff.total.percent === null ? '' : `, ${diff.total.percent > 0 ? '+' : ''}${formatNumber(diff.total.percent, language)} %`})`}
          </Text>
          <Text size="sm" fw={600} mt="xs">
            {t('quotes.diff.terms')}
          </Text>
          {diff.terms.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('quotes.diff.noTermChanges')}
            </Text>
          ) : (
            <List size="sm" data-testid="quote-diff-terms">
              {diff.terms.map((change) => (
                <List.Item key={change.field} data-field={change.field}>
                  {changeText(change)}
                  <Parts parts={change.parts} />
                </List.Item>
              ))}
            </List>
          )}
          <ValidityDiff changes={diff.validity} />
        </Stack>
        <Stack gap={4} data-testid="quote-diff-questions">
          <Text size="sm" fw={600}>
            {t('quotes.diff.questions')}
          </Text>
          <Text size="sm">
            {t('quotes.diff.coverage', {
              from: t('quotes.questions.coverage', { count: diff.questions.coverage.from.asked, answered: diff.questions.coverage.from.answered }),
              to: t('quotes.questions.coverage', { count: diff.questions.coverage.to.asked, answered: diff.questions.coverage.to.answered }),
            })}
          </Text>
          {diff.questions.answeredSince.length > 0 && (
            <>
              <Text size="sm" c="teal">
                {t('quotes.diff.answeredSince', { count: diff.questions.answeredSince.length })}
              </Text>
              <List size="xs">
                {diff.questions.answeredSince.map((q) => (
                  <List.Item key={q.id}>
                    {q.question} — {q.answer}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          {diff.questions.askedSince.length > 0 && (
            <>
              <Text size="sm" c="var(--tb-text-warning)">
                {t('quotes.diff.askedSince', { count: diff.questions.askedSince.length })}
              </Text>
              <List size="xs">
                {diff.questions.askedSince.map((q) => (
                  <List.Item key={q.id}>{q.question}</List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

function ItemCell({ item, money, struck, badge }: { item: DiffItem; money: (n: number) => string; struck?: boolean; badge?: ReactNode }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  return (
    <Stack gap={2} style={struck ? { textDecoration: 'line-through', textDecorationColor: 'var(--mantine-color-red-filled)' } : undefined}>
      <Group gap={6}>
        <Text size="sm" fw={600} data-testid="quote-diff-product">
          {item.product}
        </Text>
        {badge}
      </Group>
      {item.description && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {item.description}
        </Text>
      )}
      <Text size="xs">
        {t('quotes.diff.line', { quantity: formatNumber(item.quantity, language), unit: item.unit, price: money(item.unitPrice), amount: money(item.amount) })}
      </Text>
    </Stack>
  );
}

function Parts({ parts }: { parts: { removed: string[]; added: string[] } | undefined }) {
  const { t } = useTranslation();
  if (!parts || (parts.removed.length === 0 && parts.added.length === 0)) return null;
  return (
    <Stack gap={0} mt={2}>
      {parts.removed.length > 0 && (
        <Text size="xs" c="red" fw={600} data-testid="quote-diff-parts-removed">
          {t('quotes.diff.partsRemoved', { parts: parts.removed.join(' · ') })}
        </Text>
      )}
      {parts.added.length > 0 && (
        <Text size="xs" c="teal" data-testid="quote-diff-parts-added">
          {t('quotes.diff.partsAdded', { parts: parts.added.join(' · ') })}
        </Text>
      )}
    </Stack>
  );
}
