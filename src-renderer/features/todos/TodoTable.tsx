import { Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Todo } from '../../../src-main/contract/models';
import { useNow } from '../../hooks/use-now';
import { groupTodos, TODO_GROUPS } from './todo-groups';
import { TodoRow } from './TodoRow';

const columns = ['due', 'task', 'rule', 'actions'] as const;

/** The board in three groups: overdue, today (the user's date), upcoming. */
export function TodoTable({ tasks }: { tasks: readonly Todo[] }) {
  const { t } = useTranslation();
  const now = useNow();
  const groups = groupTodos(tasks, now);
  return (
    <Stack gap="md" data-testid="todo-list">
      {TODO_GROUPS.filter((group) => groups[group].length > 0).map((group) => (
        <Stack gap="xs" key={group} data-testid={`todo-group-${group}`}>
          <Title order={4}>{t(`todos.groups.${group}`)}</Title>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover aria-label={t(`todos.groups.${group}`)}>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((column) => (
                    <Table.Th key={column} style={{ whiteSpace: 'nowrap' }}>
                      {t(`todos.columns.${column}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {groups[group].map((task) => (
                  <TodoRow key={task.id} task={task} overdue={group === 'overdue'} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ))}
    </Stack>
  );
}
