/** Machine baselines (CPU, disk), measured in the same run so readers can judge how noisy the box was. */
import fs from 'node:fs';
import path from 'node:path';
import { baseline, type BenchModule, type Row } from '../lib/types';
import { median, round, timeSync } from '../lib/stats';

function cpuLoop(): number {
  // A fixed amount of integer work; the JIT cannot drop it because the result is used.
  let a = 1;
  for (let i = 0; i < 30_000_000; i++) a = (Math.imul(a ^ (a >>> 13), 0x5bd1e995) + i) | 0;
  return a;
}

export const machine: BenchModule = {
  name: 'machine',
  async run(ctx) {
    let sink = 0;
    const cpu = median(timeSync(5, () => (sink ^= cpuLoop())));

    const file = path.join(ctx.workDir, 'disk-probe.bin');
    const chunk = Buffer.alloc(1 << 20, 7);
    const disk = median(
      timeSync(3, () => {
        const fd = fs.openSync(file, 'w');
        for (let i = 0; i < 64; i++) fs.writeSync(fd, chunk);
        fs.fsyncSync(fd);
        fs.closeSync(fd);
      }),
    );
    const small = Buffer.alloc(4096, 1);
    const fd = fs.openSync(file, 'w');
    const fsync = median(
      timeSync(20, () => {
        fs.writeSync(fd, small);
        fs.fsyncSync(fd);
      }),
    );
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });

    ctx.log(`machine: cpu checksum ${sink}`);
    const rows: Row[] = [
      baseline('CPU: 30M-step JS integer loop (median of 5)', round(cpu), 'ms'),
      baseline('disk: write 64 MB + fsync (median of 3)', round(disk), 'ms'),
      baseline('disk: 4 KB write + fsync (median of 20)', round(fsync), 'ms'),
    ];
    return rows;
  },
};
