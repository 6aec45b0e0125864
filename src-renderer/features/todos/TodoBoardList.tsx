import { Paper, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ListHeaderRow } from '../../components/ListHeaderRow';
import { selectedPosition, useTodosStore } from '../../stores/todos-store';
import { formatNumber } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { lineAt, lineCount, lineOf, TODO_GROUPS, type BoardLine, type GroupCounts, type TodoGroup } from './todo-groups';
import { lineStyle, TODO_GRID_COLUMNS, TODO_ROW_HEIGHT, TodoRow, TodoRowPlaceholder } from './TodoRow';

const columns = ['due', 'task', 'rule', 'actions'] as const;
/** A group's heading line (px). */
const HEADING_HEIGHT = 44;

interface TodoBoardListProps {
  groups: GroupCounts;
  thisYear: number;
}

/**
 * The board as one virtual table: a heading per group (overdue, today — the user's date —, upcoming), then its rows,
 * the priority channel first in each. Only the lines on screen (plus a few) are in the DOM, and their pages are read
 * with `todos.board` as they scroll into view, so 66,000 open to-dos scroll like six. The lines of each group sit in
 * their own rowgroup, named after the group.
 */
export function TodoBoardList({ groups, thisYear }: TodoBoardListProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useTodosStore((state) => state.rows);
  const selectedId = useTodosStore((state) => state.selectedId);
  const editingId = useTodosStore((state) => state.editingId);
  const ensureRange = useTodosStore((state) => state.ensureRange);
  const count = lineCount(groups);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (lineAt(groups, index)?.kind === 'heading' ? HEADING_HEIGHT : TODO_ROW_HEIGHT),
    overscan: 4,
    useFlushSync: false,
  });
  // The heights depend on which lines are headings: measured again when the groups change.
  useEffect(() => virtualizer.measure(), [groups, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const lines = useMemo(() => items.map((item) => ({ item, line: lineAt(groups, item.index) })), [items, groups]);
  const positions = lines.flatMap(({ line }) => (line?.kind === 'row' ? [line.position] : []));
  const first = positions[0] ?? 0;
  const last = positions[positions.length - 1] ?? 0;
  useEffect(() => {
    ensureRange(first, last);
  }, [first, last, ensureRange]);

  // The keyboard's selection is brought into view (the row may not be rendered yet: the list scrolls to its line).
  const selected = selectedPosition({ rows, selectedId });
  useEffect(() => {
    if (selected !== null) virtualizer.scrollToIndex(lineOf(groups, selected), { align: 'auto' });
    // Only when the selection moves (or its row first loads), not whenever the rows around it do.
  }, [selectedId, selected === null]);

  const byGroup = new Map<TodoGroup, typeof lines>();
  for (const entry of lines) {
    if (!entry.line) continue;
    const list = byGroup.get(entry.line.group) ?? [];
    list.push(entry);
    byGroup.set(entry.line.group, list);
  }

  const renderLine = (line: BoardLine, index: number, start: number) => {
    if (line.kind === 'heading') {
      return (
        <div role="row" key={`heading-${line.group}`} aria-rowindex={index + 2} style={{ ...lineStyle(start, HEADING_HEIGHT), display: 'flex', borderBottom: 'none' }}>
          <div role="columnheader" aria-colspan={columns.length}>
            <Title order={4} c={line.group === 'overdue' ? 'red.8' : undefined}>
              {t(`todos.groups.${line.group}`)} · {formatNumber(line.count, language)}
            </Title>
          </div>
        </div>
      );
    }
    const task = rows[line.position];
    if (!task) return <TodoRowPlaceholder key={`loading-${line.position}`} line={index + 2} start={start} />;
    return (
      <TodoRow
        key={task.id}
        task={task}
        overdue={line.group === 'overdue'}
        selected={task.id === selectedId}
        editing={task.id === editingId}
        thisYear={thisYear}
        line={index + 2}
        start={start}
      />
    );
  };

  return (
    <Paper
      withBorder
      role="table"
      aria-label={t('todos.title')}
      aria-rowcount={count + 1}
      data-testid="todo-list"
      style={{ flex: 1, minHeight: 240, display: 'flex', flexDirection: 'column', overflow: 'hidden' }}
    >
      <ListHeaderRow gridColumns={TODO_GRID_COLUMNS} labels={columns.map((column) => t(`todos.columns.${column}`))} />
      <div ref={scrollRef} data-testid="todo-scroll" style={{ flex: 1, minHeight: 0, overflow: 'auto', contain: 'strict' }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: 900 }}>
          {TODO_GROUPS.filter((group) => byGroup.has(group)).map((group) => (
            <div
              role="rowgroup"
              key={group}
              aria-label={t(`todos.groups.${group}`)}
              data-testid={`todo-group-${group}`}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%' }}
            >
              {byGroup.get(group)!.map(({ item, line }) => renderLine(line!, item.index, item.start))}
            </div>
          ))}
        </div>
      </div>
    </Paper>
  );
}
