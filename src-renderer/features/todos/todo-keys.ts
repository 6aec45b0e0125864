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

/** The row selected after a move; with nothing selected, "next" starts at the top and "prev" at the bottom. */
export function moveSelection(ids: readonly string[], selected: string | null, command: 'next' | 'prev' | 'first' | 'last'): string | null {
  if (ids.length === 0) return null;
  if (command === 'first') return ids[0]!;
  if (command === 'last') return ids[ids.length - 1]!;
  const index = selected === null ? -1 : ids.indexOf(selected);
  if (index === -1) return command === 'next' ? ids[0]! : ids[ids.length - 1]!;
  const next = command === 'next' ? Math.min(index + 1, ids.length - 1) : Math.max(index - 1, 0);
  return ids[next]!;
}

/** After a row leaves the board (done, snoozed away), the selection stays in place: the row that took its spot, else the one above. */
export function selectionAfterRemoval(idsBefore: readonly string[], removed: string): string | null {
  const index = idsBefore.indexOf(removed);
  if (index === -1) return null;
  return idsBefore[index + 1] ?? idsBefore[index - 1] ?? null;
}
