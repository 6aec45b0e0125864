/** Machine baselines (load, CPU, disk), measured in the same run so readers can judge how noisy the box was. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { baseline, type BenchModule } from '../lib/types';
import { median, round, timeSync } from '../lib/stats';

function cpuLoop(): number {
  // A fixed amount of integer work; the JIT cannot drop it because the result is used.
  let a = 1;
  for (let i = 0; i < 30_000_000; i++) a = (Math.imul(a ^ (a >>> 13), 0x5bd1e995) + i) | 0;
  return a;
}

/** `when` labels the rows: the run measures the machine at its start and again at its end. */
export function machine(when: 'start' | 'end'): BenchModule {
  return {
    name: `machine-${when}`,
    async run(ctx) {
      let sink = 0;
      const cpu = median(timeSync(5, () => (sink ^= cpuLoop())));
      ctx.log(`machine: cpu checksum ${sink}`);

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

      const [load1] = os.loadavg();
      return [
        baseline(`[${when}] load average, 1 min (${os.cpus().length} CPUs)`, round(load1 ?? NaN), ''),
        baseline(`[${when}] CPU: 30M-step JS integer loop (median of 5)`, round(cpu), 'ms'),
        baseline(`[${when}] disk: write 64 MB + fsync (median of 3)`, round(disk), 'ms'),
        baseline(`[${when}] disk: 4 KB write + fsync (median of 20)`, round(fsync), 'ms'),
      ];
    },
  };
}
