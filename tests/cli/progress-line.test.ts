/**
 * The progress line of long commands (issue 13 item 6: "the seed prints progress on stderr"; issue 14: "a progress
 * line on stderr when it is a TTY, nothing on stdout"): on a terminal it is rewritten in place at most every 100 ms,
 * the last state always shown and the line cleared at the end; in a pipe nothing is written. And the seed reports
 * its accounts as it writes them, from 0 to all of them.
 */
import { describe, expect, it } from 'vitest';
import { call } from '../../src-main/handlers/dispatch';
import { progressLine } from '../../src-main/cli/progress-line';
import { seedBook } from '../../src-main/services/seed';
import { contract } from '../../src-main/contract';
import { openTestBook, valueOf } from '../db/temp-book';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe('progress line', () => {
  it('on a terminal: in place, at most every 100 ms, the final state always, cleared at the end', () => {
    const { stream, written } = fakeStream(true);
    let now = 1000;
    const line = progressLine(stream, () => now);
    line.show('1 / 10');
    now += 50;
    line.show('2 / 10'); // too soon: skipped
    now += 60;
    line.show('3 / 10');
    now += 1;
    line.show('10 / 10', true);
    line.clear();
    expect(written).toEqual(['\r1 / 10\u001b[K', '\r3 / 10\u001b[K', '\r10 / 10\u001b[K', '\r\u001b[K']);
  });

  it('in a pipe or a log: nothing at all', () => {
    const { stream, written } = fakeStream(false);
    const line = progressLine(stream);
    line.show('1 / 10', true);
    line.clear();
    expect(written).toEqual([]);
  });

  it('the seed reports its accounts from 0 to all, in order, and the book is the same as without a listener', async () => {
    const listened = openTestBook();
    const plain = openTestBook();
    try {
      const seen: [number, number][] = [];
      const input = contract['book.seed'].input.parse({ accounts: 250, ordersPerAccount: 2, seed: 5 });
      const summary = await seedBook(listened.ctx, input, { onProgress: (done, total) => seen.push([done, total]) });
      expect(seen[0]).toEqual([0, 250]);
      expect(seen.at(-1)).toEqual([250, 250]);
      expect(seen.every(([, total]) => total === 250)).toBe(true);
      expect(seen.every(([done], i) => i === 0 || done > seen[i - 1]![0])).toBe(true);
      expect(seen.length).toBeGreaterThan(50);
      const other = valueOf(await call(plain.ctx, 'book.seed', { accounts: 250, ordersPerAccount: 2, seed: 5 }));
      expect({ ...other, seconds: 0 }).toEqual({ ...summary, seconds: 0 });
    } finally {
      await listened.close();
      await plain.close();
    }
  });
});
