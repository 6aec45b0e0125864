/**
 * Runs the scheduler from the app (issue 6): one `schedule.run` at start, every minute of wall-clock time, and when
 * the window comes back (visible again, focused: resume or unlock). When the previous tick is more than 5 minutes
 * old (the laptop slept) and the tick found work, one summary — an in-app notice and, where the user allowed it, one
 * system notification (Web Notifications; Electron shows them as native notifications) — never one per task.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useTodosStore } from '../stores/todos-store';

const TICK_MS = 60_000;
const JUMP_MS = 5 * 60_000;

export function useSchedulerTick(): void {
  const { t } = useTranslation();
  useEffect(() => {
    let last: number | null = null;
    let running = false;
    const run = async () => {
      if (running) return;
      running = true;
      const now = new Date();
      const gap = last === null ? 0 : now.getTime() - last;
      last = now.getTime();
      const result = await api.call('schedule.run', { now: now.toISOString().replace(/\.\d{3}Z$/, 'Z') });
      running = false;
      if (!result.ok) return;
      const { created, updated, overdue } = result.value;
      if (created + updated + overdue === 0) return;
      const store = useTodosStore.getState();
      if (store.tasks !== null) void store.load();
      if (gap > JUMP_MS && created + overdue > 0) {
        const text = t('todos.summary', { created, overdue });
        store.showSummary(text);
        if (typeof Notification !== 'undefined' && Notification.permission === 'granted') new Notification(t('todos.title'), { body: text });
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
