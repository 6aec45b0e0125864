/**
 * 0018_todo-board (STYLE: every migration has its own test): a book made by migrations 0001–0017 with open, done and
 * deleted tasks is migrated to 18 — every task kept as it was, and the board's reads (a due-time range in due, id
 * order, filtered by rule and account) now come from the widened index with no sort step.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src-main/db/connection';
import { migrate, schemaVersion } from '../../src-main/db/migrator';
import { removeDir, tempDir } from './temp-book';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

const T = '2025-06-02T08:00:00Z';
const A = '01JNA0000000000000000000A1';

describe('0018_todo-board', () => {
  it('from 17 to 18: tasks kept; the board reads a page in order straight from the index', () => {
    const dir = tempDir('tradebook-migration-0018-');
    dirs.push(dir);
    const file = path.join(dir, 'book.db');
    const db = openSqlite(file);
    migrate(db, { file, target: 17 });
    db.prepare('INSERT INTO accounts (id, name, country, time_zone, priority_channel, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)').run(A, 'Nguyễn Trading', 'VN', 'Asia/Ho_Chi_Minh', T, T);
    const task = db.prepare(
      'INSERT INTO tasks (id, account_id, kind, rule, title, due_at, status, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    task.run('01JNT0000000000000000000T1', A, 'reply', 'R1', 'Reply', '2025-06-02T09:00:00Z', 'open', T, T, null);
    task.run('01JNT0000000000000000000T2', null, 'follow_up', 'R5', 'Festival', '2025-06-03T09:00:00Z', 'done', T, T, null);
    task.run('01JNT0000000000000000000T3', A, 'follow_up', 'R13', 'Gone', '2025-06-04T09:00:00Z', 'open', T, T, T);
    const before = db.prepare('SELECT * FROM tasks ORDER BY id').all();

    migrate(db, { file, appVersion: 'test', target: 18 });
    expect(schemaVersion(db)).toBe(18);
    expect(db.prepare('SELECT * FROM tasks ORDER BY id').all()).toEqual(before);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'tasks_open_by_due'").pluck().get()).toMatch(/\(status, due_at, id, rule, account_id, deleted_at\)/);
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT t.id FROM tasks t WHERE t.status = 'open' AND t.deleted_at IS NULL AND t.due_at >= ? AND t.due_at < ? AND t.rule = ? ORDER BY t.due_at, t.id LIMIT 100 OFFSET 500",
      )
      .all('', '~', 'R1') as { detail: string }[];
    expect(plan.map((step) => step.detail)).toEqual(['SEARCH t USING COVERING INDEX tasks_open_by_due (status=? AND due_at>? AND due_at<?)']);
    expect(db.prepare('SELECT id FROM accounts WHERE priority_channel = 1').pluck().all()).toEqual([A]);
    // The rules on the board: one seek per rule through the (status, rule) index.
    const seek = db.prepare("EXPLAIN QUERY PLAN SELECT min(t.rule) FROM tasks t WHERE t.status = 'open' AND t.deleted_at IS NULL AND t.rule > ?").all('R1') as { detail: string }[];
    expect(seek.map((step) => step.detail)).toEqual(['SEARCH t USING COVERING INDEX tasks_open_by_rule (status=? AND rule>?)']);
    db.close();
  });
});
