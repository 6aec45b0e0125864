/**
 * The board's keyboard model (pure): j/↓ next, k/↑ previous, Home/End first/last, x/Enter done, s snooze to the
 * buyer's next morning, r reschedule, o open what it is about, u or Ctrl/⌘+Z undo. Keys typed into a field or with other modifiers are
 * left to the browser.
 */
export type BoardCommand = 'next' | 'prev' | 'first' | 'last' | 'done' | 'snooze' | 'reschedule' | 'open' | 'undo';

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The tag name of the element the key went to (INPUT, TEXTAREA, SELECT, BUTTON, A…). */
  targetTag?: string;
  /** The target is contentEditable or a combobox/textbox by role. */
  targetEditable?: boolean;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Enter on these already activates them: the board must not also mark a task done. */
const ACTIVATING_TAGS = new Set(['BUTTON', 'A', 'SUMMARY']);

export function commandOf(press: KeyPress): BoardCommand | null {
  const tag = press.targetTag?.toUpperCase() ?? '';
  if (TYPING_TAGS.has(tag) || press.targetEditable === true) return null;
  if (press.altKey) return null;
  if (press.ctrlKey || press.metaKey) return press.key === 'z' || press.key === 'Z' ? 'undo' : null;
  switch (press.key) {
    case 'j':
    case 'ArrowDown':
      return 'next';
    case 'k':
    case 'ArrowUp':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'x':
      return 'done';
    case 'Enter':
      return ACTIVATING_TAGS.has(tag) ? null : 'done';
    case 's':
      return 'snooze';
    case 'r':
      return 'reschedule';
    case 'o':
      return 'open';
    case 'u':
      return 'undo';
    default:
      return null;
  }
}

/** The board position selected after a move; with nothing selected, "next" starts at the top and "prev" at the bottom. */
export function moveSelection(total: number, selected: number | null, command: 'next' | 'prev' | 'first' | 'last'): number | null {
  if (total === 0) return null;
  if (command === 'first') return 0;
  if (command === 'last') return total - 1;
  if (selected === null || selected < 0 || selected >= total) return command === 'next' ? 0 : total - 1;
  return command === 'next' ? Math.min(selected + 1, total - 1) : Math.max(selected - 1, 0);
}

/**
 * After the row at `position` leaves the board (done, snoozed away), the selection stays in place: the row that
 * takes its spot (the next one, at position + 1 before the removal), else the one above. Null when none is left.
 */
export function selectionAfterRemoval(total: number, position: number): number | null {
  if (position < 0 || position >= total) return null;
  if (position + 1 < total) return position + 1;
  return position > 0 ? position - 1 : null;
}
