/**
 * `tradebook score` as a user runs it (`node bin/tradebook.js` in a subprocess, on a seeded book in a temp dir):
 * a summary, the scores as a JSON array in the shape, the reasoning in words in both languages, and bad input
 * as one line on stderr with exit code 1 and nothing written.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountScoreView } from '../../src-main/contract/models';
import { removeDir, tempDir } from '../db/temp-book';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin', 'tradebook.js');
let dir: string;
let db: string;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function tradebook(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--db', db, ...args], { cwd: root, env: { ...process.env, TRADEBOOK_BUSY_MS: undefined } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function ok(run: Run): Run {
  if (run.status !== 0) throw new Error(`exit ${run.status}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  return run;
}

/** Every row of the score tables, to prove that a refused command wrote nothing. */
function scoreRows(): string {
  const book = new Database(db, { readonly: true });
  try {
    return JSON.stringify(['score_snapshots', 'health_reviews', 'scoring_state'].map((t) => book.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()));
  } finally {
    book.close();
  }
}

function expectOneLineError(run: Run, pattern: RegExp): void {
  expect(run.status, run.stdout + run.stderr).toBe(1);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

let accountId: string;

beforeAll(async () => {
  dir = tempDir('tradebook-score-cli-');
  db = path.join(dir, 'book.db');
  ok(await tradebook(['init']));
  ok(await tradebook(['seed', '--accounts', '120', '--seed', '3']));
  ok(await tradebook(['settings', 'set', 'myTimeZone', 'UTC']));
  const list = JSON.parse(ok(await tradebook(['accounts', 'list', '--limit', '1', '--json'])).stdout) as { id: string }[];
  accountId = list[0]!.id;
}, 120_000);

afterAll(() => {
  removeDir(dir);
});

describe('tradebook score', () => {
  it('plain `score` rescores and prints a summary; --lang zh-CN prints it in Chinese', async () => {
    const run = ok(await tradebook(['score', '--as-of', '2025-06-30']));
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Scored 120 accounts as of 2025-06-30 in [\d.]+ s \(\d+ with orders\)\.$/);
    expect(lines[1]).toMatch(/^Tiers: new \d+ · dormant \d+ · VIP \d+ · potential \d+ · general \d+$/);
    expect(lines[4]).toMatch(/^Churn warnings: \d+; quarterly health reviews recorded: \d+\.$/);
    const zh = ok(await tradebook(['--lang', 'zh-CN', 'score', '--as-of', '2025-06-30']));
    expect(zh.stdout).toMatch(/^已评分 120 个客户（截至 2025-06-30/);
  });

  it('score --json [--as-of D] prints an array, one object per account, in the issue\'s shape', async () => {
    const run = ok(await tradebook(['score', '--json', '--as-of', '2025-06-30']));
    const scores = JSON.parse(run.stdout) as AccountScoreView[];
    expect(scores).toHaveLength(120);
    for (const s of scores) {
      expect(Object.keys(s)).toEqual(['accountId', 'asOf', 'rfm', 'value', 'quadrant', 'loyalty', 'health', 'churn', 'inquiries']);
      expect(Object.keys(s.value.parts)).toEqual(['purchase', 'margin', 'growth', 'strategic', 'reputation']);
      expect(s.health.indicators).toHaveLength(12);
      expect(Object.keys(s.health.indicators[0]!)).toEqual(['name', 'score', 'weight', 'reason']);
      expect(typeof s.churn.warning).toBe('boolean');
      expect(s.churn.reason.length).toBeGreaterThan(0);
    }
    expect(scores.some((s) => s.rfm?.tier === 'VIP')).toBe(true);
  });

  it('score --account ID --explain [--lang zh-CN] prints the reasoning in words and writes nothing', async () => {
    const before = scoreRows();
    const en = ok(await tradebook(['score', '--account', accountId, '--explain', '--as-of', '2025-06-30']));
    expect(en.stdout).toContain(`Account ${accountId}, scores as of 2025-06-30`);
    expect(en.stdout).toMatch(/Health \d+: weighted mean of the twelve indicators/);
    const zh = ok(await tradebook(['score', '--account', accountId, '--explain', '--lang', 'zh-CN', '--as-of', '2025-06-30']));
    expect(zh.stdout).toContain(`客户 ${accountId}，截至 2025-06-30 的评分`);
    expect(zh.stdout).toMatch(/健康度 \d+：十二项指标的加权平均/);
    // A day without a snapshot is computed on the spot, exactly, and not stored.
    ok(await tradebook(['score', '--account', accountId, '--explain', '--as-of', '2025-01-31']));
    expect(scoreRows()).toBe(before);
  });

  it('bad input — an unknown account, an --as-of that is not a date — is one line on stderr, exit 1, nothing written', async () => {
    const before = scoreRows();
    expectOneLineError(await tradebook(['score', '--account', '01ARZ3NDEKTSV4RRFFQ69G5FAV', '--json']), /^No account with id 01ARZ3NDEKTSV4RRFFQ69G5FAV\.$/);
    expectOneLineError(await tradebook(['score', '--as-of', '2025-02-30']), /^Invalid input: asOf: expected a real date YYYY-MM-DD$/);
    expectOneLineError(await tradebook(['score', '--as-of', 'yesterday', '--lang', 'zh-CN']), /^输入无效：asOf: 需要有效日期 YYYY-MM-DD$/);
    expectOneLineError(await tradebook(['score', '--account', 'nope', '--explain']), /^Invalid input: accountId: /);
    expectOneLineError(await tradebook(['score', '--account', '01ARZ3NDEKTSV4RRFFQ69G5FAV', '--explain', '--lang', 'zh-CN']), /^找不到 id 为 01ARZ3NDEKTSV4RRFFQ69G5FAV 的客户。$/);
    expect(scoreRows()).toBe(before);
  });
});
