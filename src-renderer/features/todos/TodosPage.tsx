import { Alert, Button, Center, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatNumber } from '../../i18n';
import { useTodosStore } from '../../stores/todos-store';
import { useUiStore } from '../../stores/ui-store';
import { TodoTable } from './TodoTable';

/** The to-do board (`todos.list`): overdue, today and upcoming, each with the buyer's local time and the user's. */
export function TodosPage() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const tasks = useTodosStore((state) => state.tasks);
  const loading = useTodosStore((state) => state.loading);
  const error = useTodosStore((state) => state.error);
  const load = useTodosStore((state) => state.load);
  const summary = useTodosStore((state) => state.summary);
  const showSummary = useTodosStore((state) => state.showSummary);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
      <Group justify="space-between" align="center">
        <Group gap="md" align="baseline">
          <Title order={2}>{t('todos.title')}</Title>
          {tasks && (
            <Text c="dimmed" size="sm" data-testid="todo-count" data-count={tasks.length}>
              {t('todos.count', { count: tasks.length, formatted: formatNumber(tasks.length, language) })}
            </Text>
          )}
        </Group>
        <Button variant="default" onClick={() => void load()} loading={loading && tasks !== null}>
          {t('todos.refresh')}
        </Button>
      </Group>
      {summary && (
        <Alert variant="light" withCloseButton closeButtonLabel={t('common.close')} onClose={() => showSummary(null)} data-testid="todo-summary">
          {summary}
        </Alert>
      )}
      {error && <ApiErrorAlert error={error} onRetry={() => void load()} testId="todo-error" />}
      <TodosContent />
    </Stack>
  );
}

function TodosContent() {
  const { t } = useTranslation();
  const tasks = useTodosStore((state) => state.tasks);
  const error = useTodosStore((state) => state.error);
  if (tasks === null) {
    return error ? null : (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (tasks.length === 0) {
    return <EmptyState data-testid="todo-empty" title={t('todos.empty.title')} description={t('todos.empty.description')} />;
  }
  return <TodoTable tasks={tasks} />;
}
