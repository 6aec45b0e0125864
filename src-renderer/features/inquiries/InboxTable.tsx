import { Anchor, Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxRow } from '../../../src-main/contract/inquiries';
import { formatInstant, localTimeIn, weekdayTimeIn, type Language } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { inboxState } from './inquiry-format';
import { useDuration } from './use-duration';

interface InboxTableProps {
  rows: InboxRow[];
  now: Date;
  myTimeZone: string | undefined;
  onReply: (row: InboxRow) => void;
}

/** The inbox, least time left first; ↑/↓ move between rows, Enter opens the reply dialog of the row in focus. */
export function InboxTable({ rows, now, myTimeZone, onReply }: InboxTableProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const [selected, setSelected] = useState(0);
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const next = Math.max(0, Math.min(rows.length - 1, selected + (event.key === 'ArrowDown' ? 1 : -1)));
    setSelected(next);
    document.querySelector<HTMLElement>(`[data-testid="inbox-row"][data-index="${next}"]`)?.focus();
  };
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table highlightOnHover verticalSpacing={6} aria-label={t('inquiries.inbox.listLabel')} data-testid="inbox-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('inquiries.inbox.columns.account')}</Table.Th>
            <Table.Th w={130}>{t('inquiries.inbox.columns.source')}</Table.Th>
            <Table.Th w={170}>{t('inquiries.inbox.columns.received')}
              <Text size="xs" c="dimmed" fw={400}>
                {t('inquiries.inbox.theirTime')}
              </Text>
            </Table.Th>
            <Table.Th w={190}>{t('inquiries.inbox.columns.replyBy')}
              <Text size="xs" c="dimmed" fw={400}>
                {t('inquiries.inbox.theirTime')}
              </Text>
            </Table.Th>
            <Table.Th w={170}>{t('inquiries.inbox.columns.timeLeft')}</Table.Th>
            <Table.Th w={170}>{t('inquiries.inbox.columns.landsBestAt')}
              <Text size="xs" c="dimmed" fw={400}>
                {t('inquiries.inbox.theirTime')}
              </Text>
            </Table.Th>
            <Table.Th w={90}>{t('inquiries.inbox.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody onKeyDown={onKeyDown}>
          {rows.map((row, index) => (
            <InboxTableRow key={row.id} row={row} index={index} now={now} myTimeZone={myTimeZone} language={language} onReply={onReply} onFocus={() => setSelected(index)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface RowProps {
  row: InboxRow;
  index: number;
  now: Date;
  myTimeZone: string | undefined;
  language: Language;
  onReply: (row: InboxRow) => void;
  onFocus: () => void;
}

function InboxTableRow({ row, index, now, myTimeZone, language, onReply, onFocus }: RowProps) {
  const { t } = useTranslation();
  const duration = useDuration();
  const d = row.deadline;
  const zone = d.timeZone;
  const state = inboxState(row, now.getTime());
  const theirs = (instant: string) => weekdayTimeIn(new Date(instant), zone, language) ?? instant;
  const mine = (instant: string) => formatInstant(instant, language, myTimeZone);
  const stateText =
    state.kind === 'left'
      ? state.minutes < 1
        ? t('inquiries.inbox.lessThanMinute')
        : t('inquiries.inbox.left', { duration: duration(state.minutes) })
      : state.kind === 'overdue'
        ? t('inquiries.inbox.overdue', { duration: duration(state.minutes) })
        : t(state.met ? 'inquiries.inbox.repliedMet' : 'inquiries.inbox.repliedLate', { duration: duration(state.minutes) });
  const color = state.kind === 'overdue' || (state.kind === 'replied' && !state.met) ? 'red' : state.kind === 'left' && state.minutes < 60 ? 'var(--tb-text-warning)' : state.kind === 'replied' ? 'teal' : undefined;
  return (
    <Table.Tr
      tabIndex={0}
      onFocus={onFocus}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target === event.currentTarget && row.firstReplyAt === null) onReply(row);
      }}
      data-testid="inbox-row"
      data-index={index}
      data-inquiry-id={row.id}
      data-state={state.kind}
      data-minutes-left={row.firstReplyAt === null ? row.minutesLeft : undefined}
    >
      <Table.Td>
        <Stack gap={0}>
          <Group gap={6}>
            <Anchor component="button" type="button" size="sm" fw={600} onClick={() => useUiStore.getState().openAccount(row.accountId)} data-testid="inbox-account">
              {d.accountName}
            </Anchor>
            {row.priorityChannel && (
              <Tooltip label={t('inquiries.inbox.priorityHint')}>
                <Badge size="xs" color="grape" variant="light" data-testid="inbox-priority">
                  {t('inquiries.inbox.priority')}
                </Badge>
              </Tooltip>
            )}
          </Group>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {row.subject || t('inquiries.inbox.noSubject')}
            {row.products.length > 0 && ` · ${t('inquiries.inbox.products', { count: row.products.length, names: row.products.join(', ') })}`}
          </Text>
          <Text size="xs" c="dimmed" data-testid="inbox-their-now">
            {t('inquiries.inbox.theirNow', { time: localTimeIn(zone, now, language) ?? zone })}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t(`inquiries.sources.${row.source}`)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" data-testid="inbox-received">{theirs(row.receivedAt)}</Text>
        <Text size="xs" c="dimmed">
          {t('inquiries.inbox.yourTime')} · {mine(row.receivedAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" data-testid="inbox-reply-by">{theirs(d.replyBy)}</Text>
        <Tooltip label={t('inquiries.inbox.halvedHint')} disabled={!d.halved}>
          <Text size="xs" c="dimmed" data-testid="inbox-sla">
            {t(d.halved ? 'inquiries.inbox.slaHalved' : 'inquiries.inbox.sla', { hours: d.slaHours })} · {mine(d.replyBy)}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600} c={color} data-testid="inbox-time-left">
          {stateText}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" data-testid="inbox-lands-best">{theirs(d.landsBestAt)}</Text>
        <Text size="xs" c="dimmed">
          {t('inquiries.inbox.yourTime')} · {mine(d.landsBestAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        {row.firstReplyAt === null && (
          <Button size="compact-sm" variant="light" onClick={() => onReply(row)} aria-label={t('inquiries.inbox.replyLabel', { name: d.accountName })} data-testid="inbox-reply">
            {t('inquiries.inbox.reply')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
