import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, AccountTimes } from '../../../src-main/contract/models';
import { InquirySource } from '../../../src-main/contract/primitives';
import { api } from '../../api';
import { useNow } from '../../hooks/use-now';
import { countryName, localTimeIn, weekdayTimeIn } from '../../i18n';
import { useAccountStore } from '../../stores/account-store';
import { useUiStore } from '../../stores/ui-store';
import { CardPhoto } from './CardPhoto';
import { CardTitle } from './CardTitle';
import { languageName } from './account-format';

const isSource = (value: string): value is (typeof InquirySource.options)[number] => (InquirySource.options as readonly string[]).includes(value);

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

/** The buyer's date now (YYYY-MM-DD in their zone): a new day of theirs asks `accounts.times` again. */
function theirDate(zone: string, now: Date): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return '';
  }
}

/** `accounts.times` for the account, asked again when its next morning has come, their day changed or their zone did. */
function useAccountTimes(account: Account, now: Date): AccountTimes | null {
  const language = useUiStore((state) => state.language);
  const key = `${account.id}|${account.timeZone}|${account.country}|${theirDate(account.timeZone, now)}|${language}`;
  const [times, setTimes] = useState<{ key: string; value: AccountTimes } | null>(null);
  const current = times?.key === key ? times.value : null;
  const stale = current === null || Date.parse(current.nextMorning.utc) <= now.getTime();
  useEffect(() => {
    if (!stale) return;
    let live = true;
    void api.call('accounts.times', { id: account.id }).then((result) => {
      if (live && result.ok) setTimes({ key, value: result.value });
    });
    return () => {
      live = false;
    };
  }, [account.id, key, stale]);
  return current ?? (times && times.key.startsWith(`${account.id}|`) ? times.value : null);
}

/** "Mon 08:15 (your time 14:15)": the buyer's next business morning in their zone and, when it differs, the user's. */
function NextMorning({ account, times }: { account: Account; times: AccountTimes | null }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const myTimeZone = useAccountStore((state) => state.myTimeZone);
  const morning = times ? new Date(times.nextMorning.utc) : null;
  const theirs = morning && weekdayTimeIn(morning, account.timeZone, language);
  const yours = morning && myTimeZone && myTimeZone !== account.timeZone ? weekdayTimeIn(morning, myTimeZone, language, { instant: morning, timeZone: account.timeZone }) : null;
  const shown = theirs && yours ? t('account.details.nextMorningBoth', { theirs, yours }) : theirs;
  return <Field label={t('account.details.nextMorning')} value={shown} testId="account-next-morning" wide />;
}

/** Their time now, with a badge when their today is a weekend or a holiday (which one). */
function TheirNow({ account, now, times }: { account: Account; now: Date; times: AccountTimes | null }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const today = times?.today;
  const off = today && !today.business ? (today.holiday ? t('account.details.holiday', { name: today.holiday }) : t('account.details.weekend')) : null;
  return (
    <Field
      label={t('account.details.localTime')}
      value={
        <Group gap={6} wrap="nowrap" component="span">
          <span>{localTimeIn(account.timeZone, now, language)}</span>
          {off && (
            <Badge size="sm" variant="outline" color="orange.9" data-testid="account-day-off">
              {off}
            </Badge>
          )}
        </Group>
      }
      testId="account-local-time"
      wide
    />
  );
}

/** The account itself: where the buyer is, their time now and next business morning, how they buy, who owns them, the user's ratings. */
export function AccountDetailsCard({ account }: { account: Account }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const now = useNow();
  const times = useAccountTimes(account, now);
  const rating = (value: number) => t('account.details.rating', { value });
  return (
    <Card withBorder padding="md" h="100%" data-testid="account-details">
      <CardTitle>{t('account.details.title')}</CardTitle>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
          <Field label={t('account.details.country')} value={countryName(account.country, language)} testId="account-country" />
          <Field label={t('account.details.city')} value={account.city} />
          <TheirNow account={account} now={now} times={times} />
          <NextMorning account={account} times={times} />
          <Field label={t('account.details.timeZone')} value={account.timeZone} />
          <Field label={t('account.details.language')} value={account.language ? languageName(account.language, language) : null} />
          <Field label={t('account.details.currency')} value={account.currency} />
          <Field label={t('account.details.source')} value={account.source && isSource(account.source) ? t(`inquiries.sources.${account.source}`) : account.source} />
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
        {account.tags.length > 0 && (
          <div>
            <Text size="xs" c="dimmed">
              {t('account.details.tags')}
            </Text>
            <Group gap={6} mt={2} data-testid="account-tags">
              {account.tags.map((tag) => (
                <Badge key={tag} size="sm" variant="outline" color="gray.8">
                  {tag}
                </Badge>
              ))}
            </Group>
          </div>
        )}
        <CardPhoto account={account} />
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
