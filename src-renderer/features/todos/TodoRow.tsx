import { Anchor, Badge, Button, Group, Text, TextInput, Tooltip } from '@mantine/core';
import { memo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Todo } from '../../../src-main/contract/models';
import { LoadingBar } from '../../components/LoadingBar';
import { localTimeIn } from '../../i18n';
import { useTodosStore } from '../../stores/todos-store';
import { useUiStore } from '../../stores/ui-store';
import { wallToInstant } from '../../time/wall-time';
import { formatDue } from './todo-format';
import { zoneOf } from './todo-groups';
import { openTodoSource, placeOf } from './todo-source';

interface TodoRowProps {
  task: Todo;
  overdue: boolean;
  selected: boolean;
  editing: boolean;
  /** The user's current year: due times in other years show theirs. */
  thisYear: number;
  /** Its line in the virtual list (aria-rowindex) and where the line starts (px). */
  line: number;
  start: number;
}

/** Times, the rule and the buttons stay on one line; the task text takes at most two lines. */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;
const CELL: CSSProperties = { minWidth: 0 };

/** Column widths shared by the board's header and its rows: due, task, rule, actions. */
export const TODO_GRID_COLUMNS = '220px minmax(260px, 1fr) 100px 350px';
/** Every row has this height (px), so the virtualizer needs no measuring. */
export const TODO_ROW_HEIGHT = 76;

/** A line of the board at its place in the virtual list. */
export function lineStyle(start: number, height: number): CSSProperties {
  return {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height,
    transform: `translateY(${start}px)`,
    display: 'grid',
    gridTemplateColumns: TODO_GRID_COLUMNS,
    alignItems: 'center',
    columnGap: 'var(--mantine-spacing-md)',
    padding: '0 var(--mantine-spacing-md)',
    borderBottom: '1px solid var(--mantine-color-gray-2)',
  };
}

/** A row whose page is still being read. */
export const TodoRowPlaceholder = memo(function TodoRowPlaceholder({ line, start }: { line: number; start: number }) {
  return (
    <div role="row" aria-rowindex={line} data-testid="todo-row-loading" style={lineStyle(start, TODO_ROW_HEIGHT)}>
      {[0, 1, 2, 3].map((cell) => (
        <div role="cell" key={cell}>
          <LoadingBar width={cell === 1 ? '70%' : '50%'} />
        </div>
      ))}
    </div>
  );
});

/** One row; memoised, so moving the selection or removing a row re-renders only the rows that changed. */
export const TodoRow = memo(function TodoRow({ task, overdue, selected, editing, thisYear, line, start }: TodoRowProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const done = useTodosStore((state) => state.done);
  const snooze = useTodosStore((state) => state.snooze);
  const select = useTodosStore((state) => state.select);
  const setEditing = useTodosStore((state) => state.setEditing);
  const buyerZone = task.dueBuyerLocal === null ? null : zoneOf(task.dueBuyerLocal);
  const myZone = zoneOf(task.dueMyLocal) ?? 'UTC';
  const place = placeOf(task);
  /** The snooze button's hint, with the buyer's time at the moment the user looks. */
  const snoozeHint = () => {
    const theirNow = buyerZone === null ? null : localTimeIn(buyerZone, new Date(), language);
    return `${theirNow === null ? t('todos.actions.snoozeHint') : t('todos.actions.snoozeHintNow', { now: theirNow })} (s)`;
  };
  const showHint = (event: { currentTarget: HTMLElement }) => {
    event.currentTarget.title = snoozeHint();
  };

  return (
    <div
      role="row"
      aria-rowindex={line}
      data-testid="todo-row"
      data-id={task.id}
      data-overdue={overdue || undefined}
      data-selected={selected || undefined}
      aria-selected={selected}
      onClick={() => select(task.id)}
      style={{
        ...lineStyle(start, TODO_ROW_HEIGHT),
        ...(selected ? { outline: '2px solid var(--mantine-color-blue-7)', outlineOffset: -2, background: 'var(--mantine-color-blue-0)' } : {}),
      }}
    >
      <div role="cell" style={CELL}>
        <Text size="sm" fw={600} c={overdue ? 'red' : undefined} style={NO_WRAP} data-testid="todo-my-time">
          <time dateTime={task.dueUtc}>{formatDue(task.dueUtc, language, myZone, thisYear)}</time>
        </Text>
        <Text size="xs" c="dimmed" data-testid="todo-buyer-time" title={t('todos.columns.buyerTime')}>
          {buyerZone === null ? t('common.none') : `${formatDue(task.dueUtc, language, buyerZone, thisYear)} ${t('todos.theirTime')} · ${buyerZone}`}
        </Text>
      </div>
      <div role="cell" style={CELL}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600} truncate="end">
            {task.accountName ?? t('common.none')}
          </Text>
          {task.priorityChannel && (
            <Tooltip label={t('todos.priorityHint')}>
              <Badge color="orange" size="xs" variant="filled" data-testid="todo-priority">
                {t('todos.priority')}
              </Badge>
            </Tooltip>
          )}
        </Group>
        {place === null ? (
          <Text size="sm" lineClamp={2} title={task.title}>
            {task.title}
          </Text>
        ) : (
          <Anchor
            component="button"
            type="button"
            size="sm"
            c="inherit"
            ta="left"
            lineClamp={2}
            onClick={(event) => {
              event.stopPropagation();
              openTodoSource(task);
            }}
            title={`${t(`todos.open.${place}`)} (o)`}
            data-testid="todo-open"
            data-place={place}
          >
            {task.title}
          </Anchor>
        )}
      </div>
      <div role="cell" style={NO_WRAP}>
        {task.rule ? (
          <Badge variant="outline" size="sm" miw={40} styles={{ label: { overflow: 'visible' } }}>
            {task.rule}
          </Badge>
        ) : (
          t('common.none')
        )}
      </div>
      <div role="cell" style={NO_WRAP}>
        {editing ? (
          <RescheduleForm task={task} myZone={myZone} onCancel={() => setEditing(null)} />
        ) : (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="light" onClick={() => void done(task.id)} data-testid="todo-done" title="x">
              {t('todos.actions.done')}
            </Button>
            <Button size="xs" variant="default" onClick={() => void snooze(task.id)} title={`${t('todos.actions.snoozeHint')} (s)`} onMouseEnter={showHint} onFocus={showHint} data-testid="todo-snooze">
              {t('todos.actions.snooze')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setEditing(task.id)} data-testid="todo-reschedule" title="r">
              {t('todos.actions.reschedule')}
            </Button>
          </Group>
        )}
      </div>
    </div>
  );
});

/** A date-time in the user's own zone (native datetime-local until @mantine/dates is installed); Enter saves, Esc cancels. */
function RescheduleForm({ task, myZone, onCancel }: { task: Todo; myZone: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const reschedule = useTodosStore((state) => state.reschedule);
  const [when, setWhen] = useState(task.dueMyLocal.slice(0, 16));
  const dueAt = wallToInstant(when, myZone);
  const save = () => {
    if (dueAt !== null) void reschedule(task.id, dueAt);
  };
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <TextInput
        type="datetime-local"
        size="xs"
        autoFocus
        required
        aria-label={`${t('todos.actions.rescheduleTo')} (${myZone})`}
        value={when}
        error={dueAt === null}
        onChange={(event) => setWhen(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onCancel();
          }
        }}
        data-testid="todo-reschedule-input"
      />
      <Button size="xs" type="submit" disabled={dueAt === null} data-testid="todo-reschedule-save">
        {t('todos.actions.save')}
      </Button>
      <Button size="xs" variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}
