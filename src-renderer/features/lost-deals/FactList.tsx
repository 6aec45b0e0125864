import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LossFact } from '../../../src-main/contract/models';
import { useUiStore } from '../../stores/ui-store';
import { factMessage, formatAmount } from './lost-deals-format';

/** A fact's sentence in the UI language, with its numbers. */
export function useFactText(): (fact: LossFact) => string {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  return (fact) => {
    const message = factMessage(fact, language);
    const days = message.days === undefined ? {} : { days: t('lostDeals.days', { count: message.days, formatted: formatAmount(message.days, language) }) };
    return t(`lostDeals.fact.${message.key}`, { ...message.values, ...days });
  };
}

/** R9: what the book knows about a quote before it is marked lost, each fact with its number. */
export function FactList({ facts, label }: { facts: readonly LossFact[]; label: string }) {
  const { t } = useTranslation();
  const factText = useFactText();
  if (facts.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="lose-quote-no-facts">
        {t('lostDeals.dialog.noFacts')}
      </Text>
    );
  }
  return (
    <List size="sm" spacing={2} aria-label={label} data-testid="lose-quote-facts">
      {facts.map((fact) => (
        <List.Item key={fact.id} data-testid="lose-quote-fact" data-fact={fact.id}>
          {factText(fact)}
        </List.Item>
      ))}
    </List>
  );
}
