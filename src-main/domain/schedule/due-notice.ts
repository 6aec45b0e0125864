/**
 * The body of a "due now" notification (pure; the desktop's main process and the web page's board both use it): the
 * first few to-dos as "Account: title", then how many more of `count`.
 */
export function dueNoticeBody(first: readonly { title: string; accountName: string | null }[], count: number, more: (count: number) => string, shown = 3): string {
  const lines = first.slice(0, shown).map((task) => (task.accountName ? `${task.accountName}: ${task.title}` : task.title));
  if (count > lines.length) lines.push(more(count - lines.length));
  return lines.join('\n');
}
