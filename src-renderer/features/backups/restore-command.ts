/** A path as one shell word: left bare when it is plain, else in single quotes (POSIX) or double quotes (Windows). */
export function shellWord(path: string, windows: boolean): string {
  if (/^[\w./:@%+=,-]+$/.test(path)) return path;
  if (windows) return `"${path.replace(/"/g, '""')}"`;
  return `'${path.replace(/'/g, `'\\''`)}'`;
}

/** The command that puts `backup` back in place of `book` (restore is CLI-only: it replaces the open book). */
export function restoreCommand(book: string | null, backup: string, windows: boolean): string {
  const db = book ? ` --db ${shellWord(book, windows)}` : '';
  return `tradebook${db} restore ${shellWord(backup, windows)}`;
}
