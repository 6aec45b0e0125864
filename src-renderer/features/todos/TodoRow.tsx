import { Badge, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Temporal } from 'temporal-polyfill';
import type { Todo } from '../../../src-main/contract/models';
import { formatInstant } from '../../i18n';
import { useTodosStore } from '../../stores/todos-store';
import { useUiStore } from '../../stores/ui-store';
import { zoneOf } from './todo-groups';

interface TodoRowProps {
  task: Todo;
  overdue: boolean;
}

/** A wall-clock time typed in the user's zone (datetime-local) as an instant; null when it does not parse. */
function instantOf(local: string, zone: string): string | null {
  try {
    return Temporal.PlainDateTime.from(local).toZonedDateTime(zone).toInstant().toString({ smallestUnit: 'second' });
  } catch {
    return null;
  }
}

/** Times, the rule and the buttons stay on one line; the task text wraps. */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

export function TodoRow({ task, overdue }: TodoRowProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const { done, snooze, reschedule } = useTodosStore();
  const [editing, setEditing] = useState(false);
  const [when, setWhen] = useState(task.dueMyLocal.slice(0, 16));
  const buyerZone = task.dueBuyerLocal === null ? null : zoneOf(task.dueBuyerLocal);
  const myZone = zoneOf(task.dueMyLocal) ?? undefined;
  const save = () => {
    const dueAt = myZone === undefined ? null : instantOf(when, myZone);
    if (dueAt !== null) void reschedule(task.id, dueAt);
    setEditing(false);
  };
  return (
    <Table.Tr data-testid="todo-row" data-overdue={overdue || undefined}>
      <Table.Td style={{ width: 250 }}>
        <Text size="sm" fw={600} c={overdue ? 'red' : undefined} style={NO_WRAP}>
          <time dateTime={task.dueUtc}>{formatInstant(task.dueUtc, language, myZone)}</time>
        </Text>
        <Text size="xs" c="dimmed" data-testid="todo-buyer-time" title={t('todos.columns.buyerTime')}>
          {buyerZone === null ? t('common.none') : `${t('todos.columns.buyerTime')}: ${formatInstant(task.dueUtc, language, buyerZone)} (${buyerZone})`}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={600}>
          {task.accountName ?? t('common.none')}
        </Text>
        <Text size="sm">{task.title}</Text>
      </Table.Td>
      <Table.Td style={NO_WRAP}>
        {task.rule ? (
          <Badge variant="outline" size="sm" miw={40} styles={{ label: { overflow: 'visible' } }}>
            {task.rule}
          </Badge>
        ) : (
          t('common.none')
        )}
      </Table.Td>
      <Table.Td style={NO_WRAP}>
        {editing ? (
          <Group gap="xs" wrap="nowrap">
            <TextInput type="datetime-local" size="xs" aria-label={t('todos.actions.rescheduleTo')} value={when} onChange={(event) => setWhen(event.currentTarget.value)} />
            <Button size="xs" onClick={save}>
              {t('todos.actions.save')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        ) : (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="light" onClick={() => void done(task.id)} data-testid="todo-done">
              {t('todos.actions.done')}
            </Button>
            <Button size="xs" variant="default" onClick={() => void snooze(task.id)} title={t('todos.actions.snoozeHint')}>
              {t('todos.actions.snooze')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setEditing(true)}>
              {t('todos.actions.reschedule')}
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
