/**
 * 0012_task-states (STYLE: every migration has its own test): a book made by migrations 0001–0011 with to-dos in
 * every state is migrated to 12 — the tasks are unchanged, and each one the user closed (done, not by its source) or
 * moved (snoozed, rescheduled) gets its shared state by key, stamped from the task's updated_at and the book's site;
 * open, source-closed, dismissed, keyless and deleted tasks get none.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src-main/db/connection';
import { migrate, schemaVersion } from '../../src-main/db/migrator';
import { parseStamp } from '../../src-main/domain/sharing/hlc';
import { removeDir, tempDir } from './temp-book';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

const T = '2025-06-02T08:00:00Z';
type Task = [id: string, key: string | null, status: string, snoozed: string | null, doneAt: string | null, details: string, updated: string, deleted: string | null];
const TASKS: Task[] = [
  ['01JTASK0000000000000000001', 'R1:inquiry:01JINQ00000000000000000001', 'done', null, '2025-06-02T09:30:00Z', '{}', '2025-06-02T09:30:00Z', null],
  ['01JTASK0000000000000000002', 'R6:order:01JORD00000000000000000001:shipped', 'open', '2025-06-05T07:00:00Z', null, '{}', '2025-06-03T10:00:00Z', null],
  ['01JTASK0000000000000000003', 'R2:quote:01JQUO00000000000000000001', 'done', null, '2025-06-04T00:00:00Z', '{"closedBy":"source"}', '2025-06-04T00:00:00Z', null],
  ['01JTASK0000000000000000004', 'R7:quote:01JQUO00000000000000000001:3', 'open', null, null, '{}', T, null],
  ['01JTASK0000000000000000005', 'R14:account:01JACC00000000000000000001:2025-05-01:call', 'dismissed', null, '2025-06-04T00:00:00Z', '{"closedBy":"source"}', T, null],
  ['01JTASK0000000000000000006', null, 'done', null, T, '{}', T, null],
  ['01JTASK0000000000000000007', 'R1:inquiry:01JINQ00000000000000000002', 'done', null, T, '{}', T, '2025-06-03T00:00:00Z'],
];

describe('0012_task-states', () => {
  it('from 11 to 12: tasks kept; done-by-user and moved tasks get a stamped state by key, the rest none', () => {
    const dir = tempDir('tradebook-migration-0012-');
    dirs.push(dir);
    const file = path.join(dir, 'book.db');
    const db = openSqlite(file);
    migrate(db, { file, target: 11 });
    const insert = db.prepare(
      `INSERT INTO tasks (id, kind, rule, dedupe_key, title, details, due_at, status, snoozed_until, done_at, created_at, updated_at, deleted_at)
       VALUES (?, 'follow_up', 'R1', ?, 'A to-do', ?, '2025-06-02T07:00:00Z', ?, ?, ?, ?, ?, ?)`,
    );
    for (const [id, key, status, snoozed, doneAt, details, updated, deleted] of TASKS) insert.run(id, key, details, status, snoozed, doneAt, T, updated, deleted);
    const before = db.prepare('SELECT * FROM tasks ORDER BY id').all();

    migrate(db, { file, target: 12, appVersion: 'test' });
    expect(schemaVersion(db)).toBe(12);
    expect(db.prepare('SELECT * FROM tasks ORDER BY id').all()).toEqual(before);
    const site = (db.prepare('SELECT site FROM sync_sites WHERE self = 1').get() as { site: string }).site;
    const states = db.prepare('SELECT * FROM task_states ORDER BY id').all() as Record<string, string | null>[];
    expect(states.map((s) => ({ id: s.id, status: s.status, done_at: s.done_at, due_at: s.due_at, snoozed_until: s.snoozed_until }))).toEqual([
      { id: 'R1:inquiry:01JINQ00000000000000000001', status: 'done', done_at: '2025-06-02T09:30:00Z', due_at: '2025-06-02T07:00:00Z', snoozed_until: null },
      { id: 'R6:order:01JORD00000000000000000001:shipped', status: 'open', done_at: null, due_at: '2025-06-02T07:00:00Z', snoozed_until: '2025-06-05T07:00:00Z' },
    ]);
    for (const state of states) {
      const stamp = parseStamp(state.row_stamp!);
      expect(stamp.site).toBe(site);
      expect(stamp.ms).toBe(Date.parse(state.updated_at!));
      expect(state.last_stamp).toBe(state.row_stamp);
      expect(state.field_stamps).toBe('{}');
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
