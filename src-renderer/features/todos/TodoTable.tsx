import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../src-main/contract/models';
import { useNow } from '../../hooks/use-now';
import { TodoRow } from './TodoRow';

const columns = ['due', 'account', 'rule', 'task'] as const;

export function TodoTable({ tasks }: { tasks: readonly Task[] }) {
  const { t } = useTranslation();
  const now = useNow();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover aria-label={t('todos.listLabel')} data-testid="todo-list">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column}>{t(`todos.columns.${column}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <TodoRow key={task.id} task={task} now={now} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
