import { Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuoteDiff } from '../../../src-main/contract/quotes';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { formatDay, formatStagePart, formatStagePlan } from './quote-format';

type ValidityChange = QuoteDiff['validity'][number];
/** The fields `quotes.diff` compares a validity by (src-main/domain/quotes/diff.ts). */
type ValidityField = 'strategy' | 'days' | 'thresholdPercent' | 'seasonName' | 'seasonEndsOn' | 'validThrough' | 'stages';

/**
 * R7: how the validity changed between two versions, like the terms: each changed field from → to (the strategy by
 * name, days and the FX threshold as numbers, days as the page shows them), and for a stage plan the stages that went
 * (struck through, in red, like removed lines) and came.
 */
export function ValidityDiff({ changes }: { changes: QuoteDiff['validity'] }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const value = (field: ValidityChange['field'], v: string | number | null) => {
    if (v === null || v === '') return t('quotes.diff.empty');
    if (typeof v === 'number') return field === 'thresholdPercent' ? `${formatNumber(v, language)} %` : formatNumber(v, language);
    if (field === 'strategy') return t(`quotes.validity.strategy.${v as 'fixed'}`, { defaultValue: v });
    if (field === 'seasonEndsOn' || field === 'validThrough') return formatDay(v, language);
    if (field === 'stages') return formatStagePlan(v, language);
    return v;
  };
  return (
    <Stack gap={4} data-testid="quote-diff-validity">
      <Text size="sm" fw={600} mt="xs">
        {t('quotes.diff.validity')}
      </Text>
      {changes.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="quote-diff-validity-none">
          {t('quotes.diff.noValidityChanges')}
        </Text>
      ) : (
        <List size="sm" data-testid="quote-diff-validity-changes">
          {changes.map((change) => (
            <List.Item key={change.field} data-field={change.field}>
              {`${t(`quotes.diff.validityField.${change.field as ValidityField}`)}: ${value(change.field, change.from)} → ${value(change.field, change.to)}`}
              {change.field === 'stages' && change.parts && <StageParts parts={change.parts} language={language} />}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function StageParts({ parts, language }: { parts: { removed: string[]; added: string[] }; language: string }) {
  const { t } = useTranslation();
  if (parts.removed.length === 0 && parts.added.length === 0) return null;
  return (
    <Stack gap={2} mt={2}>
      {parts.removed.length > 0 && (
        <Group gap={6}>
          <Text size="xs" c="red" fw={600}>
            {t('quotes.diff.stagesRemoved', { count: parts.removed.length })}
          </Text>
          {parts.removed.map((part, index) => (
            <Text key={`${index}:${part}`} size="xs" c="red" fw={600} td="line-through" data-testid="quote-diff-stage-removed">
              {formatStagePart(part, language)}
            </Text>
          ))}
        </Group>
      )}
      {parts.added.length > 0 && (
        <Group gap={6}>
          <Text size="xs" c="teal" fw={600}>
            {t('quotes.diff.stagesAdded', { count: parts.added.length })}
          </Text>
          {parts.added.map((part, index) => (
            <Text key={`${index}:${part}`} size="xs" c="teal" data-testid="quote-diff-stage-added">
              {formatStagePart(part, language)}
            </Text>
          ))}
        </Group>
      )}
    </Stack>
  );
}
