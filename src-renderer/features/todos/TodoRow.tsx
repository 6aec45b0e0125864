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
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" c={overdue ? 'red' : undefined}>
            <time dateTime={task.dueUtc}>{formatInstant(task.dueUtc, language, myZone)}</time>
          </Text>
          {overdue && (
            <Badge color="red" variant="light" size="sm">
              {t('todos.overdue')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" data-testid="todo-buyer-time">
          {buyerZone === null ? t('common.none') : `${formatInstant(task.dueUtc, language, buyerZone)} (${buyerZone})`}
        </Text>
      </Table.Td>
      <Table.Td>{task.accountName ?? t('common.none')}</Table.Td>
      <Table.Td>
        {task.rule ? (
          <Badge variant="outline" size="sm">
            {task.rule}
          </Badge>
        ) : (
          t('common.none')
        )}
      </Table.Td>
      <Table.Td>{task.title}</Table.Td>
      <Table.Td>
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
