import { Alert, Anchor, Button, Center, Checkbox, CloseButton, EmptyState, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useNow } from '../../hooks/use-now';
import { formatNumber, type Language } from '../../i18n';
import { selectedPosition, useTodosStore, type LastAction } from '../../stores/todos-store';
import { useUiStore } from '../../stores/ui-store';
import { formatDue } from './todo-format';
import { zoneOf } from './todo-groups';
import { commandOf, moveSelection, selectionAfterRemoval } from './todo-keys';
import { openTodoSource } from './todo-source';
import { TodoBoardList } from './TodoBoardList';

/** How long the Undo notice stays after done, snooze or reschedule. */
const UNDO_MS = 10_000;

/** The to-do board (`todos.list`): overdue, today and upcoming, each with the buyer's local time and the user's. */
export function TodosPage() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const board = useTodosStore((state) => state.board);
  const error = useTodosStore((state) => state.error);
  const load = useTodosStore((state) => state.load);
  const summary = useTodosStore((state) => state.summary);
  const showSummary = useTodosStore((state) => state.showSummary);
  const [refreshing, setRefreshing] = useState(false);
  const refresh = () => {
    setRefreshing(true);
    void load().finally(() => setRefreshing(false));
  };

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" align="center">
        <Group gap="md" align="baseline">
          <Title order={2}>{t('todos.title')}</Title>
          {board && (
            <Text c="dimmed" size="sm" data-testid="todo-count" data-count={board.open}>
              {t('todos.count', { count: board.open, formatted: formatNumber(board.open, language) })}
            </Text>
          )}
        </Group>
        <Group gap="sm">
          <NotificationsSwitch />
          <Button variant="default" onClick={refresh} loading={refreshing}>
            {t('todos.refresh')}
          </Button>
        </Group>
      </Group>
      {summary && (
        <Alert variant="light" withCloseButton closeButtonLabel={t('common.close')} onClose={() => showSummary(null)} data-testid="todo-summary">
          {summary}
        </Alert>
      )}
      {error && <ApiErrorAlert error={error} onRetry={() => void load()} testId="todo-error" />}
      <TodosContent />
      <UndoNotice />
    </Stack>
  );
}

function TodosContent() {
  const { t } = useTranslation();
  const board = useTodosStore((state) => state.board);
  const error = useTodosStore((state) => state.error);
  const filter = useTodosStore((state) => state.filter);
  const setFilter = useTodosStore((state) => state.setFilter);
  const load = useTodosStore((state) => state.load);
  const now = useNow();

  // Every minute the board is cut again at the new now: a to-do that fell due moves to overdue, midnight starts a new today.
  const minute = now.getTime();
  useEffect(() => {
    if (useTodosStore.getState().board !== null) void load();
  }, [minute, load]);

  useBoardKeys(board?.total ?? 0);

  if (board === null) {
    return error ? null : (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (board.open === 0) {
    return <EmptyState data-testid="todo-empty" title={t('todos.empty.title')} description={t('todos.empty.description')} />;
  }
  const filtered = filter.rule !== null || filter.overdueOnly;
  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group gap="md" align="end">
        <Select
          label={t('todos.filters.rule')}
          size="xs"
          w={160}
          data={[{ value: '', label: t('todos.filters.allRules') }, ...board.rules.map((rule) => ({ value: rule, label: rule }))]}
          value={filter.rule ?? ''}
          onChange={(value) => setFilter({ rule: value ? value : null })}
          allowDeselect={false}
          data-testid="todo-filter-rule"
        />
        <Checkbox
          label={t('todos.filters.overdueOnly')}
          checked={filter.overdueOnly}
          onChange={(event) => setFilter({ overdueOnly: event.currentTarget.checked })}
          data-testid="todo-filter-overdue"
          mb={4}
        />
        {filtered && (
          <Text size="sm" c="dimmed" mb={4} data-testid="todo-shown">
            {t('todos.filters.shown', { shown: board.total })} ·{' '}
            <Anchor component="button" size="sm" onClick={() => setFilter({ rule: null, overdueOnly: false })}>
              {t('todos.filters.clear')}
            </Anchor>
          </Text>
        )}
        <Text size="xs" c="dimmed" mb={6} ml="auto" data-testid="todo-keys-hint">
          {t('todos.keys')}
        </Text>
      </Group>
      {board.total === 0 ? (
        <Text c="dimmed" data-testid="todo-no-matches">
          {t('todos.filters.noMatches')}
        </Text>
      ) : (
        <TodoBoardList groups={board.groups} thisYear={now.getFullYear()} />
      )}
    </Stack>
  );
}

/** j/k/arrows move, x/Enter done, s snooze, r reschedule, o open, u or Ctrl+Z undo (see todo-keys.ts). */
function useBoardKeys(total: number): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const command = commandOf({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        targetTag: target?.tagName,
        targetEditable: target !== null && (target.isContentEditable || target.getAttribute('role') === 'combobox'),
      });
      if (command === null) return;
      // An open dialog or menu (Mantine portals) keeps its keys.
      const popups = document.querySelectorAll<HTMLElement>('[role="dialog"], [role="listbox"]');
      if ([...popups].some((popup) => popup.offsetParent !== null)) return;
      const store = useTodosStore.getState();
      if (store.editingId !== null && command !== 'undo') return;
      const position = selectedPosition(store);
      const selected = position === null ? null : store.selectedId;
      switch (command) {
        case 'next':
        case 'prev':
        case 'first':
        case 'last':
          void store.selectAt(moveSelection(total, position, command));
          break;
        case 'done':
        case 'snooze': {
          if (selected === null || position === null) return;
          // The row leaves (done) or moves away (the notice says where): the selection stays in place for the next one.
          const next = selectionAfterRemoval(total, position);
          store.select(next === null ? null : (store.rows[next]?.id ?? null));
          void (command === 'done' ? store.done(selected) : store.snooze(selected));
          break;
        }
        case 'reschedule':
          if (selected === null) return;
          store.setEditing(selected);
          break;
        case 'open': {
          const task = position === null ? undefined : store.rows[position];
          if (!task) return;
          openTodoSource(task);
          break;
        }
        case 'undo':
          if (store.lastAction === null) return;
          void store.undo();
          break;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [total]);
}

function describeAction(action: LastAction, t: TFunction, language: Language): string {
  const { after } = action;
  const mine = formatDue(after.dueUtc, language, zoneOf(after.dueMyLocal) ?? 'UTC');
  if (action.kind === 'done') return t('todos.undo.done', { title: action.before.title });
  if (action.kind === 'snoozed') {
    const buyerZone = after.dueBuyerLocal === null ? null : zoneOf(after.dueBuyerLocal);
    const buyer = buyerZone === null ? mine : `${formatDue(after.dueUtc, language, buyerZone)} (${buyerZone})`;
    return t('todos.undo.snoozed', { buyer, mine });
  }
  return t('todos.undo.rescheduled', { mine });
}

/** "Done: …  [Undo]" for a few seconds after each action; u or Ctrl+Z does the same. */
function UndoNotice() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const lastAction = useTodosStore((state) => state.lastAction);
  const undo = useTodosStore((state) => state.undo);
  const dismiss = useTodosStore((state) => state.dismissLastAction);
  useEffect(() => {
    if (lastAction === null) return;
    const timer = setTimeout(() => {
      if (useTodosStore.getState().lastAction === lastAction) dismiss();
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [lastAction, dismiss]);
  if (lastAction === null) return null;
  return (
    <Paper
      shadow="md"
      withBorder
      p="sm"
      role="status"
      data-testid="todo-undo-notice"
      data-kind={lastAction.kind}
      style={{ position: 'fixed', bottom: 24, right: 24, zIndex: 300, maxWidth: 'min(560px, 80vw)' }}
    >
      <Group gap="sm" wrap="nowrap">
        <Text size="sm">{describeAction(lastAction, t, language)}</Text>
        <Button size="xs" variant="light" onClick={() => void undo()} data-testid="todo-undo" style={{ flexShrink: 0 }}>
          {t('todos.actions.undo')}
        </Button>
        <CloseButton size="sm" aria-label={t('common.close')} onClick={dismiss} />
      </Group>
    </Paper>
  );
}

/**
 * Permission for desktop notifications is asked from this button, never on load. The desktop app's notifications
 * come from its main process (no permission to ask).
 */
function NotificationsSwitch() {
  const { t } = useTranslation();
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState<NotificationPermission>(supported ? Notification.permission : 'denied');
  const desktop = api.transport() === 'ipc';
  if (!supported && !desktop) return null;
  if (desktop || permission === 'granted') {
    return (
      <Text size="sm" c="dimmed" data-testid="todo-notify-on">
        {t('todos.notify.enabled')}
      </Text>
    );
  }
  if (permission === 'denied') {
    return (
      <Text size="sm" c="dimmed" data-testid="todo-notify-blocked">
        {t('todos.notify.blocked')}
      </Text>
    );
  }
  return (
    <Button variant="light" data-testid="todo-notify-enable" onClick={() => void Notification.requestPermission().then(setPermission)}>
      {t('todos.notify.enable')}
    </Button>
  );
}
