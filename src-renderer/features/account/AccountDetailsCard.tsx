import { Badge, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../src-main/contract/models';
import { useNow } from '../../hooks/use-now';
import { countryName, localTimeIn } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { CardTitle } from './CardTitle';
import { languageName } from './account-format';

/** One labelled value; long values are cut with an ellipsis and shown whole in the tooltip. */
export function Field({ label, value, testId, wide = false }: { label: string; value: ReactNode; testId?: string; wide?: boolean }) {
  const { t } = useTranslation();
  const shown = value === null || value === undefined || value === '' ? t('common.none') : value;
  return (
    <div style={{ minWidth: 0, gridColumn: wide ? '1 / -1' : undefined }}>
      <Text size="xs" c="dimmed" truncate="end">
        {label}
      </Text>
      <Text size="sm" fw={500} truncate="end" title={typeof shown === 'string' ? shown : undefined} data-testid={testId}>
        {shown}
      </Text>
    </div>
  );
}

/** The account itself: where the buyer is and their time now, how they buy, who owns them, the user's ratings. */
export function AccountDetailsCard({ account }: { account: Account }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const now = useNow();
  const rating = (value: number) => t('account.details.rating', { value });
  return (
    <Card withBorder padding="md" h="100%" data-testid="account-details">
      <CardTitle>{t('account.details.title')}</CardTitle>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
          <Field label={t('account.details.country')} value={countryName(account.country, language)} testId="account-country" />
          <Field label={t('account.details.city')} value={account.city} />
          <Field label={t('account.details.localTime')} value={localTimeIn(account.timeZone, now, language)} testId="account-local-time" wide />
          <Field label={t('account.details.timeZone')} value={account.timeZone} />
          <Field label={t('account.details.language')} value={account.language ? languageName(account.language, language) : null} />
          <Field label={t('account.details.currency')} value={account.currency} />
          <Field label={t('account.details.source')} value={account.source} />
          <Field label={t('account.details.owner')} value={account.owner} />
          <Field label={t('account.details.strategicFit')} value={rating(account.strategicFit)} />
          <Field label={t('account.details.reputation')} value={rating(account.reputation)} />
          <Field
            label={t('account.details.priorityChannel')}
            value={
              <Badge size="sm" variant="light" color={account.priorityChannel ? 'orange' : 'gray'}>
                {account.priorityChannel ? t('account.details.yes') : t('account.details.no')}
              </Badge>
            }
          />
        </SimpleGrid>
        <div>
          <Text size="xs" c="dimmed">
            {t('account.details.notes')}
          </Text>
          <Text size="sm" lineClamp={4} title={account.notes || undefined} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="account-notes">
            {account.notes || t('common.none')}
          </Text>
        </div>
      </Stack>
    </Card>
  );
}
