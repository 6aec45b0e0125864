/**
 * Issue 15, "hostile books": every kind of bad book file a user can point Tradebook at — random bytes, a truncated
 * book, a book with a page overwritten in the middle, another program's SQLite file, a book from a newer Tradebook,
 * a read-only file, a book in a read-only folder, a directory — met by every class of command: a read
 * (`accounts list`), a write (`accounts add`), `check`, `init` and `serve`. Each gets its exact outcome (the error
 * code, or the work done), a message that names the file, and the folder is left exactly as it was: the book
 * byte-identical and no -wal, -shm, .lock or .verified file left behind.
 *
 * The real CLI in a subprocess on real files. File permissions do not bind root, so when the tests run as root the
 * read-only cases run the CLI as `nobody`, owner of the book, for whom they do.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBook } from '../../src-main/db/book';
import { openSqlite } from '../../src-main/db/connection';
import { latestSchemaVersion, migrate } from '../../src-main/db/migrator';
import { call } from '../../src-main/handlers/dispatch';
import { bin, root, runTradebook, type Run, type RunAs } from '../cli/run-cli';
import { damageOrders, removeDir, tempDir, valueOf } from './temp-book';

const ROOT = process.getuid?.() === 0;
const NOBODY: RunAs = { uid: 65534, gid: 65534 };
const dirs: string[] = [];
let pristine = '';

beforeAll(async () => {
  const dir = tempDir('tradebook-hostile-base-');
  dirs.push(dir);
  pristine = path.join(dir, 'book.db');
  const ctx = { book: openBook(pristine, { create: true }), now: () => '2025-06-30T10:00:00Z', host: { timeZone: 'Asia/Shanghai', country: 'CN' } };
  valueOf(await call(ctx, 'book.seed', { accounts: 40, seed: 5, asOf: '2025-06-30' }));
  await ctx.book.close();
});

afterAll(() => {
  for (const dir of dirs) {
    fs.chmodSync(dir, 0o755);
    removeDir(dir);
  }
});

type CommandClass = 'read' | 'write' | 'check' | 'init' | 'serve';
/** What a command does with the book: its work (`done`), `check` finding damage, or refusing with an error code. */
type Outcome = 'done' | 'damage found' | `refused: ${string}`;

interface Fixture {
  /** Makes the bad book in `dir` and returns the path given to `--db`. */
  make(dir: string): string;
  /** Runs the CLI as the book's owner (read-only cases). */
  owned?: boolean;
  /** Applied after make: the file's and the folder's modes. */
  modes?: { file: number; dir: number };
  outcomes: Record<CommandClass, Outcome>;
}

const copyOfBook = (dir: string) => {
  const file = path.join(dir, 'book.db');
  fs.copyFileSync(pristine, file);
  return file;
};

/** Bytes that are the same on every run (a SHA-256 chain), so a failure can be replayed. */
function fixedNoise(size: number): Buffer {
  const blocks: Buffer[] = [];
  let block = crypto.createHash('sha256').update('tradebook hostile books').digest();
  for (let n = 0; n < size; n += block.length) {
    blocks.push(block);
    block = crypto.createHash('sha256').update(block).digest();
  }
  return Buffer.concat(blocks).subarray(0, size);
}

const everyClass = (outcome: Outcome): Record<CommandClass, Outcome> => ({ read: outcome, write: outcome, check: outcome, init: outcome, serve: outcome });
const readOnly: Record<CommandClass, Outcome> = { read: 'done', write: 'refused: book_readonly', check: 'done', init: 'refused: book_readonly', serve: 'done' };

const FIXTURES: Record<string, Fixture> = {
  'random bytes': {
    make: (dir) => {
      const file = path.join(dir, 'book.db');
      fs.writeFileSync(file, fixedNoise(64 * 1024));
      return file;
    },
    outcomes: everyClass('refused: not_a_book'),
  },
  'a truncated book': {
    make: (dir) => {
      const file = copyOfBook(dir);
      fs.truncateSync(file, Math.floor(fs.statSync(file).size * 0.45) + 123);
      return file;
    },
    // Its schema pages are gone: it cannot be opened at all, not even by `check`, which says so.
    outcomes: everyClass('refused: book_corrupt'),
  },
  'a page overwritten in the middle': {
    make: (dir) => {
      const file = copyOfBook(dir);
      damageOrders(file);
      return file;
    },
    // Reading the accounts still works (their pages are sound): the user can get their data out.
    outcomes: { read: 'done', write: 'refused: book_damaged', check: 'damage found', init: 'refused: book_damaged', serve: 'refused: book_damaged' },
  },
  "another program's SQLite file": {
    make: (dir) => {
      const file = path.join(dir, 'book.db');
      const db = new Database(file);
      db.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, caption TEXT); INSERT INTO photos (caption) VALUES ('Canton Fair, booth 11.2');");
      db.close();
      return file;
    },
    outcomes: everyClass('refused: not_a_book'),
  },
  'a book from a newer Tradebook': {
    make: (dir) => {
      const file = copyOfBook(dir);
      const db = new Database(file);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at, app_version) VALUES (?, 'future', '2027-01-01T00:00:00Z', '9.0.0')").run(latestSchemaVersion() + 1);
      db.close();
      return file;
    },
    outcomes: everyClass('refused: book_newer'),
  },
  'a read-only file': { make: copyOfBook, owned: true, modes: { file: 0o444, dir: 0o755 }, outcomes: readOnly },
  // The file itself is writable; its folder is not, so SQLite cannot make the -wal and -shm files it needs.
  'a book in a read-only folder': { make: copyOfBook, owned: true, modes: { file: 0o644, dir: 0o555 }, outcomes: readOnly },
  'a directory': {
    make: (dir) => {
      const file = path.join(dir, 'book.db');
      fs.mkdirSync(file);
      return file;
    },
    outcomes: everyClass('refused: not_a_book'),
  },
};

/** The folder as it is: each entry's name and, for a file, its SHA-256. */
function folderState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    state[name] = fs.statSync(full).isDirectory() ? 'dir' : crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
  }
  return state;
}

interface Prepared {
  dir: string;
  file: string;
  as: RunAs | undefined;
}

function prepare(name: string, fixture: Fixture): Prepared {
  const dir = tempDir('tradebook-hostile-');
  dirs.push(dir);
  const file = fixture.make(dir);
  let as: RunAs | undefined;
  if (fixture.owned && ROOT) {
    fs.chownSync(dir, NOBODY.uid, NOBODY.gid);
    fs.chownSync(file, NOBODY.uid, NOBODY.gid);
    as = NOBODY;
  }
  if (fixture.modes) {
    fs.chmodSync(file, fixture.modes.file);
    fs.chmodSync(dir, fixture.modes.dir);
  }
  expect(fs.existsSync(file), name).toBe(true);
  return { dir, file, as };
}

const COMMANDS: Record<Exclude<CommandClass, 'serve'>, string[]> = {
  read: ['accounts', 'list', '--limit', '3'],
  write: ['accounts', 'add', '--name', 'Nueva Óptica S.L.', '--country', 'ES'],
  check: ['check'],
  init: ['init'],
};

/** The outcome of a CLI run with --json: the error's code, `check` finding damage, or the work done. */
function outcomeOf(run: Run): Outcome {
  const last = run.stdout.trim().split('\n').pop() ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(last);
  } catch {
    throw new Error(`not JSON (status ${run.status}): ${run.stdout}\n${run.stderr}`);
  }
  const error = (parsed as { ok?: boolean; error?: { code: string } }).error;
  if (error) {
    expect(run.status).toBe(1);
    return `refused: ${error.code}`;
  }
  if ((parsed as { ok?: unknown }).ok === false) {
    expect(run.status).toBe(1);
    return 'damage found';
  }
  expect(run.status, run.stderr).toBe(0);
  return 'done';
}

interface ServeRun {
  outcome: Outcome;
  stderr: string;
  /** For a server that started: what a read and a write over HTTP gave. */
  calls?: { read: unknown; write: unknown };
}

async function post(url: string, token: string, name: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const response = await fetch(new URL('/api/call', url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, input }),
  });
  return (await response.json()) as { ok: boolean };
}

/** `tradebook serve` on the book: refused (it exits with the error), or started, called once to read and once to write, and stopped. */
async function serveOutcome(prepared: Prepared): Promise<ServeRun> {
  const child = spawn(process.execPath, [bin, '--db', prepared.file, '--json', 'serve', '--port', '0'], {
    cwd: root,
    env: { ...process.env, CI: '1', TRADEBOOK_BUSY_MS: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(prepared.as ?? {}),
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const line = await new Promise<string | null>((resolve) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    void exited.then(() => resolve(null));
  });
  if (line === null) return { outcome: 'refused: (no output)', stderr };
  const printed = JSON.parse(line) as { url?: string; token?: string; ok?: boolean; error?: { code: string } };
  if (printed.error) {
    expect(await exited).toBe(1);
    return { outcome: `refused: ${printed.error.code}`, stderr };
  }
  const read = await post(printed.url!, printed.token!, 'accounts.list', { limit: 3 });
  const write = await post(printed.url!, printed.token!, 'accounts.add', { name: 'Nueva Óptica S.L.', country: 'ES' });
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  return { outcome: 'done', stderr, calls: { read, write } };
}

describe('hostile books: every bad file × every command class (issue 15)', () => {
  for (const [name, fixture] of Object.entries(FIXTURES)) {
    it(`${name}: ${Object.entries(fixture.outcomes)
      .map(([c, o]) => `${c} ${o}`)
      .join(', ')}; the folder is left exactly as it was`, async () => {
      const prepared = prepare(name, fixture);
      const before = folderState(prepared.dir);
      const seen: Partial<Record<CommandClass, Outcome>> = {};
      for (const [cls, args] of Object.entries(COMMANDS) as [Exclude<CommandClass, 'serve'>, string[]][]) {
        const run = await runTradebook(['--db', prepared.file, '--json', ...args], {}, prepared.as);
        seen[cls] = outcomeOf(run);
        // Every refusal names the file, so the user knows which book is meant.
        if (seen[cls].startsWith('refused')) expect(run.stderr, `${cls}: ${run.stderr}`).toContain(prepared.file);
        if (cls === 'read' && seen.read === 'done') expect((JSON.parse(run.stdout) as unknown[]).length).toBe(3);
        expect(folderState(prepared.dir), `${cls} left the folder changed`).toEqual(before);
      }
      const served = await serveOutcome(prepared);
      seen.serve = served.outcome;
      if (served.outcome.startsWith('refused')) expect(served.stderr).toContain(prepared.file);
      if (served.calls) {
        expect(served.calls.read).toMatchObject({ ok: true });
        expect((served.calls.read as { value: unknown[] }).value).toHaveLength(3);
        expect(served.calls.write).toMatchObject({ ok: false, error: { code: 'book_readonly' } });
        expect((served.calls.write as { error: { message: string } }).error.message).toContain(prepared.file);
      }
      expect(seen).toEqual(fixture.outcomes);
      expect(folderState(prepared.dir), 'serve left the folder changed').toEqual(before);
    });
  }
});

describe('a read-only book, in the user’s language (issue 15)', () => {
  it('a write says the book is read-only, names it and says what to do, in zh-CN and en; nothing is written', async () => {
    const prepared = prepare('a read-only file', FIXTURES['a read-only file']!);
    const before = folderState(prepared.dir);
    const en = await runTradebook(['--db', prepared.file, 'accounts', 'add', '--name', 'Nueva Óptica S.L.', '--country', 'ES'], {}, prepared.as);
    expect(en.status).toBe(1);
    expect(en.stderr).toContain(`${prepared.file} is read-only`);
    expect(en.stderr).toContain('nothing was written');
    const zh = await runTradebook(['--db', prepared.file, '--lang', 'zh-CN', 'accounts', 'add', '--name', 'Nueva Óptica S.L.', '--country', 'ES'], {}, prepared.as);
    expect(zh.status).toBe(1);
    expect(zh.stderr).toContain(`${prepared.file} 是只读的`);
    // `check` finds nothing wrong with a sound read-only book, and says so.
    const check = await runTradebook(['--db', prepared.file, '--json', 'check'], {}, prepared.as);
    expect(check.status, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, integrity: 'ok', accounts: 40 });
    expect(folderState(prepared.dir)).toEqual(before);
  });

  it('a read-only book made by an older Tradebook is refused with what to do (it cannot be upgraded in place)', async () => {
    const dir = tempDir('tradebook-hostile-old-');
    dirs.push(dir);
    const file = path.join(dir, 'book.db');
    const db = openSqlite(file, { create: true });
    migrate(db, { file, target: latestSchemaVersion() - 1 });
    db.close();
    let as: RunAs | undefined;
    if (ROOT) {
      fs.chownSync(dir, NOBODY.uid, NOBODY.gid);
      fs.chownSync(file, NOBODY.uid, NOBODY.gid);
      as = NOBODY;
    }
    fs.chmodSync(file, 0o444);
    const before = folderState(dir);
    const run = await runTradebook(['--db', file, '--json', 'accounts', 'list'], {}, as);
    expect(outcomeOf(run)).toBe('refused: book_readonly_old');
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain(`schema ${latestSchemaVersion() - 1}`);
    expect(folderState(dir)).toEqual(before);
  });
});
