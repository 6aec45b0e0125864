import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { healthIndicators } from '../../../src-main/domain/health-indicators';
import { scoreParts, weightsSum } from '../../../src-main/domain/settings';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { indicatorLabel } from '../account/indicator-label';
import { NumberSetting } from './SettingFields';
import { SectionCard } from './SettingsSection';
import { useSettingsSection } from './use-settings-section';

/** R11's five value-score weights (summing to 100, saved together) and R13's twelve health weights. */
export function WeightsSection() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const sumOf = (value: (key: string) => unknown) => weightsSum(scoreParts.map((part) => value(`scoreWeights.${part}`)).map((w) => (typeof w === 'number' ? w : 0)));
  const section = useSettingsSection((value) => {
    const total = sumOf(value);
    if (total === 100) return {};
    const problem = t('settings.fields.scoreWeightsOff', { sum: formatNumber(total, language) });
    return Object.fromEntries(scoreParts.map((part) => [`scoreWeights.${part}`, problem]));
  });
  const sum = sumOf(section.value);
  return (
    <SectionCard id="weights" title={t('settings.sections.weights')} section={section}>
      <Text fw={500} size="sm">
        {t('settings.fields.scoreWeights')}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        {scoreParts.map((part) => (
          <NumberSetting key={part} section={section} setting={`scoreWeights.${part}`} label={t(`account.scores.parts.${part}`)} min={0} max={100} />
        ))}
      </SimpleGrid>
      <Text size="sm" c={sum === 100 ? 'dimmed' : 'red.8'} data-testid="settings-weights-sum" aria-live="polite">
        {t('settings.fields.scoreWeightsSum', { sum: formatNumber(sum, language) })}
      </Text>
      <Text fw={500} size="sm" mt="sm">
        {t('settings.fields.healthWeights')}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {healthIndicators.map((indicator) => (
          <NumberSetting key={indicator} section={section} setting={`healthWeights.${indicator}`} label={indicatorLabel(t, indicator)} min={0} max={100} />
        ))}
      </SimpleGrid>
    </SectionCard>
  );
}
