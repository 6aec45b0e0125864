import { ActionIcon, Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../src-main/contract/models';
import { useUiStore } from '../../stores/ui-store';
import {
  VALIDITY_STRATEGIES,
  draftValidThrough,
  emptyStage,
  formatDay,
  type ValidityDraft,
  type ValidityField,
  type ValidityProblem,
  type ValidityStrategy,
} from './quote-format';

interface ValidityFieldsProps {
  value: ValidityDraft;
  onChange: (value: ValidityDraft, cleared: ValidityField[]) => void;
  quoteDate: string;
  /** The buyer's zone, where the last valid day ends (unknown until an account is chosen). */
  zone: string | undefined;
  problems: Partial<Record<ValidityField, ValidityProblem>>;
  /** The server's messages (`validity.days` → days; anything else about validity under `stages`/the strategy). */
  issues: Partial<Record<ValidityField | 'strategy', string>>;
  /** A closed quote's validity, shown but not to be changed. */
  disabled?: boolean;
}

const isStrategy = (value: string): value is ValidityStrategy => (VALIDITY_STRATEGIES as readonly string[]).includes(value);

/** R7: the validity strategy and its own fields — days; days and an FX threshold; stages with their days; a season. */
export function ValidityFields({ value: v, onChange, quoteDate, zone, problems, issues, disabled }: ValidityFieldsProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const set = (patch: Partial<ValidityDraft>, cleared: ValidityField[]) => onChange({ ...v, ...patch }, cleared);
  const message = (field: ValidityField) => {
    const problem = problems[field];
    return problem ? t(`quotes.validation.${problem}`) : issues[field];
  };
  const through = draftValidThrough(v, quoteDate);
  return (
    <Stack gap="xs" data-testid="quote-validity">
      <Text size="sm" fw={500} id="quote-validity-strategy">
        {t('quotes.validity.label')}
      </Text>
      <SegmentedControl
        aria-labelledby="quote-validity-strategy"
        disabled={disabled}
        value={v.strategy}
        onChange={(strategy) => isStrategy(strategy) && set({ strategy }, ['days', 'thresholdPercent', 'stages', 'seasonName', 'seasonEndsOn'])}
        data={VALIDITY_STRATEGIES.map((s) => ({ value: s, label: t(`quotes.validity.strategy.${s}`) }))}
        data-testid="quote-validity-strategy"
      />
      <Text size="xs" c="dimmed">
        {t(`quotes.validity.hint.${v.strategy}`)}
      </Text>
      {issues.strategy && (
        <Text size="sm" c="red" data-testid="quote-validity-error">
          {issues.strategy}
        </Text>
      )}
      {(v.strategy === 'fixed' || v.strategy === 'fx') && (
        <Group align="flex-start" grow>
          <TextInput
            required
            inputMode="numeric"
            label={t('quotes.validity.days')}
            value={v.days}
            onChange={(event) => set({ days: event.currentTarget.value }, ['days'])}
            error={message('days')}
            data-testid="quote-validity-days"
          />
          {v.strategy === 'fx' && (
            <TextInput
              inputMode="decimal"
              label={t('quotes.validity.thresholdPercent')}
              placeholder={t('quotes.validity.thresholdPlaceholder')}
              rightSection="%"
              value={v.thresholdPercent}
              onChange={(event) => set({ thresholdPercent: event.currentTarget.value }, ['thresholdPercent'])}
              error={message('thresholdPercent')}
              data-testid="quote-validity-threshold"
            />
          )}
        </Group>
      )}
      {v.strategy === 'staged' && (
        <Stack gap={6}>
          {v.stages.map((stage, index) => (
            <Group key={stage.key} align="flex-end" gap="xs" data-testid="quote-stage-row">
              <TextInput
                style={{ flex: 1 }}
                label={index === 0 ? t('quotes.validity.stageName') : undefined}
                aria-label={t('quotes.validity.stageNameOf', { index: index + 1 })}
                placeholder={t('quotes.validity.stagePlaceholder')}
                value={stage.name}
                onChange={(event) => set({ stages: v.stages.map((s, i) => (i === index ? { ...s, name: event.currentTarget.value } : s)) }, ['stages'])}
                data-testid="quote-stage-name"
              />
              <TextInput
                type="date"
                label={index === 0 ? t('quotes.validity.stageValidThrough') : undefined}
                aria-label={t('quotes.validity.stageValidThroughOf', { index: index + 1 })}
                value={stage.validThrough}
                onChange={(event) => set({ stages: v.stages.map((s, i) => (i === index ? { ...s, validThrough: event.currentTarget.value } : s)) }, ['stages'])}
                data-testid="quote-stage-date"
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mb={6}
                disabled={v.stages.length === 1}
                onClick={() => set({ stages: v.stages.filter((_, i) => i !== index) }, ['stages'])}
                aria-label={t('quotes.validity.removeStage', { index: index + 1 })}
                data-testid="quote-stage-remove"
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          {message('stages') && (
            <Text size="sm" c="red" data-testid="quote-stages-error">
              {message('stages')}
            </Text>
          )}
          <Group>
            <Button variant="light" size="xs" onClick={() => set({ stages: [...v.stages, emptyStage()] }, ['stages'])} data-testid="quote-stage-add">
              {t('quotes.validity.addStage')}
            </Button>
          </Group>
        </Stack>
      )}
      {v.strategy === 'periodic' && (
        <Group align="flex-start" grow>
          <TextInput
            required
            label={t('quotes.validity.seasonName')}
            placeholder={t('quotes.validity.seasonPlaceholder')}
            value={v.seasonName}
            onChange={(event) => set({ seasonName: event.currentTarget.value }, ['seasonName'])}
            error={message('seasonName')}
            data-testid="quote-validity-season"
          />
          <TextInput
            required
            type="date"
            label={t('quotes.validity.seasonEndsOn')}
            value={v.seasonEndsOn}
            onChange={(event) => set({ seasonEndsOn: event.currentTarget.value }, ['seasonEndsOn'])}
            error={message('seasonEndsOn')}
            data-testid="quote-validity-season-ends"
          />
        </Group>
      )}
      {issues.strategy && (
        <Text size="sm" c="red" data-testid="quote-validity-error">
          {issues.strategy}
        </Text>
      )}
      {through && (
        <Text size="sm" c="dimmed" data-testid="quote-validity-preview">
          {zone ? t('quotes.validity.preview', { date: formatDay(through, language), zone }) : t('quotes.validity.previewNoZone', { date: formatDay(through, language) })}
        </Text>
      )}
    </Stack>
  );
}

/** An existing quote's validity in words (the current version's: a new version may change it, R7). */
export function ValiditySummary({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const v = quote.validity;
  const day = (d: string | null) => (d ? formatDay(d, language) : t('common.none'));
  const text =
    v.strategy === 'fixed'
      ? t('quotes.validity.summary.fixed', { count: v.days ?? 0, date: day(v.validThrough) })
      : v.strategy === 'fx'
        ? t('quotes.validity.summary.fx', { count: v.days ?? 0, threshold: v.thresholdPercent ?? 0, date: day(v.validThrough) })
        : v.strategy === 'staged'
          ? t('quotes.validity.summary.staged', { stages: quote.stages.map((s) => `${s.name} ${day(s.validThrough)}${s.completedAt ? ' ✓' : ''}`).join(' · ') })
          : t('quotes.validity.summary.periodic', { season: v.seasonName ?? '', date: day(v.seasonEndsOn) });
  return (
    <Stack gap={2}>
      <Text size="sm" data-testid="quote-validity-summary">
        {text}
      </Text>
      {v.fxFlag && (
        <Text size="sm" c="var(--tb-text-warning)" fw={600} data-testid="quote-fx-flag">
          {t('quotes.validity.fxFlag', { percent: v.fxFlag.movedPercent, date: day(v.fxFlag.cutThrough) })}
        </Text>
      )}
    </Stack>
  );
}
