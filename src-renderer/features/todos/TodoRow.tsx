import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../src-main/contract/models';
import { formatInstant } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';

interface TodoRowProps {
  task: Task;
  now: Date;
}

export function TodoRow({ task, now }: TodoRowProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const overdue = new Date(task.dueAt).getTime() < now.getTime();
  return (
    <Table.Tr data-testid="todo-row" data-overdue={overdue || undefined}>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" c={overdue ? 'red' : undefined}>
            <time dateTime={task.dueAt}>{formatInstant(task.dueAt, language)}</time>
          </Text>
          {overdue && (
            <Badge color="red" variant="light" size="sm">
              {t('todos.overdue')}
            </Badge>
          )}
        </Group>
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
    </Table.Tr>
  );
}
