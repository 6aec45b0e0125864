/** `TRADEBOOK_SHARE_PHASES=1` prints how long each phase of an export or merge took, on stderr (for profiling). */
const ON = process.env.TRADEBOOK_SHARE_PHASES === '1';

export function sharePhase<T>(label: string, work: () => T): T {
  if (!ON) return work();
  const t0 = performance.now();
  const out = work();
  process.stderr.write(`share phase ${label}: ${Math.round(performance.now() - t0)} ms\n`);
  return out;
}
