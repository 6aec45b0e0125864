import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadDuplicate } from '../../../src-main/contract/leads';
import { countryName } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';

/** The accounts the lead may already be, as the lead is typed; each can be compared field by field. */
export function DuplicatesPanel({ duplicates, onCompare }: { duplicates: LeadDuplicate[]; onCompare: (duplicate: LeadDuplicate) => void }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  // Always in the page, so a screen reader hears a match as it appears (aria-live).
  return (
    <div aria-live="polite" data-testid="lead-duplicates">
      {duplicates.length > 0 && (
        // The light orange's own text colours are too faint on its background (axe): a dark brown title, default buttons.
        <Alert color="orange" variant="light" title={t('leads.duplicates.found', { count: duplicates.length })} styles={{ title: { color: '#8a3b00' } }}>
          <Stack gap={6}>
            {duplicates.some((d) => d.conclusive) && <Text size="sm">{t('leads.duplicates.conclusive')}</Text>}
            {duplicates.map((d) => (
              <Group key={d.account.id} justify="space-between" wrap="nowrap" gap="sm" data-testid="lead-duplicate">
                <Text size="sm">
                  <Text span fw={600}>
                    {d.account.name}
                  </Text>
                  {' · '}
                  {countryName(d.account.country, language)}
                  {d.contact ? ` · ${d.contact.name}` : ''}
                  {' — '}
                  {d.reasons.map((r) => t(`leads.duplicates.reasons.${r}`)).join(', ')}
                </Text>
                <Button size="xs" variant="default" onClick={() => onCompare(d)} aria-label={t('leads.duplicates.compareLabel', { name: d.account.name })} data-testid="lead-compare">
                  {t('leads.duplicates.compare')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
    </div>
  );
}
