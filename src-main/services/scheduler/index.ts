/**
 * The scheduler (issue 6): `tick` (tick.ts) turns the book's records into tasks, one file per rule family for what
 * each rule wants (inquiries, quotes, messages, complaints, orders, churn, health, greetings), the reconciler that
 * applies it to the tasks table, and the scheduler's setup and state. These are the names the rest of the app uses.
 */
export { awayCounts, dueBetween } from './due-tasks';
export { loadSchedulerSetup, type SchedulerSetup } from './setup';
export { noteTaskMoved, SCHEDULER_STATE_KEY } from './state';
export { tick, type TickOptions } from './tick';
export { renderTaskTitle } from './titles';
