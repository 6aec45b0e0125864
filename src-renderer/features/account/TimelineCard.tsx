import { Badge, Button, Card, Center, Chip, EmptyState, Group, Loader, Stack, Text, Timeline, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../src-main/contract/models';
import { TimelineKind, type TimelineEvent } from '../../../src-main/contract/timeline';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatNumber, type Language } from '../../i18n';
import { timelineEn } from '../../i18n/features/timeline';
import { formatInstant, weekdayTimeIn } from '../../i18n/format';
import { useAccountStore } from '../../stores/account-store';
import { useUiStore, type Page } from '../../stores/ui-store';
import { CardTitle } from './CardTitle';
import { formatCalendarDate, formatMoney } from './account-format';
import { useTimeline } from './use-timeline';

const KIND_COLORS: Readonly<Record<TimelineKind, string>> = {
  interaction: 'gray',
  inquiry: 'blue',
  quote: 'violet',
  order: 'teal',
  complaint: 'red',
  payment: 'green',
};

type Status = keyof typeof timelineEn.status;
const isStatus = (status: string): status is Status => Object.hasOwn(timelineEn.status, status);

/** Where an event opens: a quote in its editor, an inquiry or a complaint on its page; orders and payments are on this page. */
const PAGE_OF: Partial<Record<TimelineKind, Page>> = { inquiry: 'inquiries', complaint: 'complaints' };

/** When it happened: an instant in my zone with the buyer's wall time beside it, a day as the locale writes it. */
function When({ at, account, myTimeZone, language }: { at: string; account: Account; myTimeZone: string | undefined; language: Language }) {
  const { t } = useTranslation();
  if (at.length === 10) return <Text size="xs" c="dimmed">{formatCalendarDate(at, language)}</Text>;
  const theirs = account.timeZone !== myTimeZone ? weekdayTimeIn(new Date(at), account.timeZone, language) : null;
  return (
    <Text size="xs" c="dimmed">
      {formatInstant(at, language, myTimeZone)}
      {theirs && ` · ${t('timeline.theirTime', { time: theirs })}`}
    </Text>
  );
}

function EventItem({ event, account }: { event: TimelineEvent; account: Account }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const setPage = useUiStore((state) => state.setPage);
  const openQuote = useUiStore((state) => state.openQuote);
  const myTimeZone = useAccountStore((state) => state.myTimeZone);
  const title = event.kind === 'payment' ? t('timeline.orderOf', { number: event.title || '—' }) : event.title || t('timeline.untitled');
  const target = event.kind === 'quote' ? () => openQuote(event.id) : PAGE_OF[event.kind] ? () => setPage(PAGE_OF[event.kind]!) : null;
  const heading = (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
      <Text size="sm" fw={500} truncate="end" data-testid="timeline-title">
        {title}
      </Text>
      <Badge size="xs" variant="light" color={KIND_COLORS[event.kind]} data-testid="timeline-status">
        {isStatus(event.status) ? t(`timeline.status.${event.status}`) : event.status}
      </Badge>
      {event.amount !== null && event.currency !== null && (
        <Text size="sm" data-testid="timeline-amount" style={{ whiteSpace: 'nowrap' }}>
          {formatMoney(event.amount, event.currency, language)}
        </Text>
      )}
    </Group>
  );
  return (
    <Stack gap={2} data-testid="timeline-event" data-kind={event.kind} data-id={event.id}>
      <Text size="xs" c={KIND_COLORS[event.kind]} fw={600} tt="uppercase">
        {t(`timeline.kinds.${event.kind}`)}
      </Text>
      {target ? (
        <UnstyledButton onClick={target} aria-label={`${t('timeline.open')}: ${t(`timeline.kinds.${event.kind}`)} ${title}`} data-testid="timeline-open" style={{ minWidth: 0 }}>
          {heading}
        </UnstyledButton>
      ) : (
        heading
      )}
      <When at={event.at} account={account} myTimeZone={myTimeZone} language={language} />
    </Stack>
  );
}

/**
 * The account's timeline: its contacts, inquiries, quotes, orders, complaints and payments in one list, newest
 * first, a page at a time, filtered by kind; a quote opens in the quote editor, an inquiry or complaint its page.
 */
export function TimelineCard({ account }: { account: Account }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const orders = useAccountStore((state) => state.orders.value);
  const timeline = useTimeline(account.id, orders);
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const shown = kinds.length === 0 ? timeline.events : timeline.events.filter((e) => kinds.includes(e.kind));
  const count = timeline.events.length;
  return (
    <Card withBorder padding="md" data-testid="account-timeline">
      <CardTitle
        right={
          count > 0 && (
            <Text size="sm" c="dimmed" data-testid="timeline-count">
              {t('timeline.count', { count, formatted: formatNumber(count, language) + (timeline.more ? '+' : '') })}
            </Text>
          )
        }
      >
        {t('timeline.title')}
      </CardTitle>
      <Chip.Group multiple value={kinds} onChange={(value) => setKinds(value as TimelineKind[])}>
        <Group gap={6} mb="sm" role="group" aria-label={t('timeline.filter')} data-testid="timeline-filter">
          {TimelineKind.options.map((kind) => (
            <Chip key={kind} value={kind} size="xs" color={KIND_COLORS[kind]} wrapperProps={{ 'data-testid': `timeline-filter-${kind}` }}>
              {t(`timeline.kinds.${kind}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {timeline.error && <ApiErrorAlert error={timeline.error} onRetry={timeline.events.length ? timeline.loadMore : timeline.reload} testId="timeline-error" />}
      {timeline.loading && count === 0 && (
        <Center py="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
      {!timeline.loading && !timeline.error && count === 0 && <EmptyState data-testid="timeline-empty" title={t('timeline.empty')} description={t('timeline.emptyHint')} />}
      {count > 0 && shown.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="timeline-empty-filtered">
          {t('timeline.emptyFiltered')}
        </Text>
      )}
      {shown.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2} aria-label={t('timeline.label')} data-testid="timeline-list">
          {shown.map((event) => (
            <Timeline.Item key={`${event.kind}:${event.id}`} color={KIND_COLORS[event.kind]}>
              <EventItem event={event} account={account} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {timeline.more && (
        <Group justify="center" mt="sm">
          <Button variant="subtle" size="xs" onClick={timeline.loadMore} loading={timeline.loading} data-testid="timeline-more">
            {t('timeline.more')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
