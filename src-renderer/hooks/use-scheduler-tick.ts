/**
 * Runs the scheduler from the app (issue 6): one `schedule.run` at start, every minute of wall-clock time, and when
 * the window comes back (visible again, focused: resume or unlock). When the previous tick is more than 5 minutes
 * old (the laptop slept) and the tick found work, one summary — an in-app notice and, where the user allowed it, one
 * system notification (Web Notifications; Electron shows them as native notifications) — never one per task.
 * Otherwise the to-dos that fell due since the previous tick get one batched "due now" notification.
 * In the desktop app the main process's ticker shows both as Electron notifications (src-main/main.ts; the window
 * is denied the notification permission): there the window shows only its in-app notice. Time comes from the page's clock (`Date`, `setInterval`), so tests
 * move it with Playwright's `page.clock`.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { dueBody, noticeFor, summaryKey, TICK_MS } from '../features/todos/todo-notices';
import { nowInstant, useTodosStore } from '../stores/todos-store';

/** One system notification, when the user allowed them; `tag` makes a newer one replace the older. */
function notify(title: string, body: string, tag: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    new Notification(title, { body, tag });
  } catch {
    // Some platforms only allow notifications from a service worker: the in-app notice and the board remain.
  }
}

export function useSchedulerTick(): void {
  const { t } = useTranslation();
  useEffect(() => {
    let last: number | null = null;
    let running = false;
    const run = async () => {
      if (running) return;
      running = true;
      const nowMs = Date.now();
      const previous = last;
      last = nowMs;
      const result = await api.call('schedule.run', { now: nowInstant() });
      running = false;
      if (!result.ok) return;
      const { created, updated, overdue } = result.value;
      const store = useTodosStore.getState();
      if (store.board === null || created + updated + overdue > 0) await store.load();
      if (previous === null) return;
      const fellDue = await api.call('todos.list', { dueAfter: new Date(previous).toISOString(), at: new Date(nowMs).toISOString(), limit: 1000 });
      const newlyDue = fellDue.ok ? fellDue.value : [];
      const notice = noticeFor(nowMs - previous, result.value, newlyDue);
      if (notice?.kind === 'summary') {
        const wording = summaryKey(notice.created, notice.overdue);
        const text = t(`todos.${wording.key}`, { created: notice.created, overdue: notice.overdue, count: wording.count });
        useTodosStore.getState().showSummary(text);
        if (api.transport() === 'http') notify(t('todos.title'), text, 'tradebook-summary');
      } else if (notice?.kind === 'due' && api.transport() === 'http') {
        const body = dueBody(notice.tasks, (count) => t('todos.notify.more', { count }));
        notify(t('todos.notify.due', { count: notice.tasks.length }), body, 'tradebook-due');
      }
    };
    void run();
    const timer = setInterval(() => void run(), TICK_MS);
    const onBack = () => {
      if (document.visibilityState === 'visible') void run();
    };
    document.addEventListener('visibilitychange', onBack);
    window.addEventListener('focus', onBack);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onBack);
      window.removeEventListener('focus', onBack);
    };
  }, [t]);
}
