import { Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Todo } from '../../../src-main/contract/models';
import { firstRows, TODO_GROUPS, type TodoGroup } from './todo-groups';
import { TodoRow } from './TodoRow';

const columns = ['due', 'task', 'rule', 'actions'] as const;

interface TodoTableProps {
  groups: Record<TodoGroup, readonly Todo[]>;
  selectedId: string | null;
  editingId: string | null;
  thisYear: number;
  /** How many rows to render (the first paint of a long board shows the top rows; the rest follows in a transition). */
  rowLimit?: number;
}

/** The board in three groups: overdue, today (the user's date), upcoming; the priority channel first in each. */
export function TodoTable({ groups, selectedId, editingId, thisYear, rowLimit = Infinity }: TodoTableProps) {
  const { t } = useTranslation();
  const shown = firstRows(groups, rowLimit);
  return (
    <Stack gap="md" data-testid="todo-list">
      {TODO_GROUPS.filter((group) => groups[group].length > 0).map((group) => (
        <Stack gap="xs" key={group} data-testid={`todo-group-${group}`}>
          <Title order={4} c={group === 'overdue' ? 'red' : undefined}>
            {t(`todos.groups.${group}`)} · {groups[group].length}
          </Title>
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
                {shown[group].map((task) => (
                  <TodoRow key={task.id} task={task} overdue={group === 'overdue'} selected={task.id === selectedId} editing={task.id === editingId} thisYear={thisYear} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ))}
    </Stack>
  );
}
