/**
 * The shapes every benchmark module shares. A module gets the run's context and returns rows; run.ts prints
 * them as one table and fails the run when a "target" row misses its bound.
 */

/** `target` rows pass or fail; `info` rows are facts (counts, sizes); `baseline` rows show how noisy the machine is. */
export type RowKind = 'target' | 'info' | 'baseline';

export interface Bound {
  /** The value must be ≤ max (when set). */
  max?: number;
  /** The value must be ≥ min (when set). */
  min?: number;
}

export interface Row {
  name: string;
  value: number | string;
  unit?: string;
  kind: RowKind;
  /** Required for `target` rows. */
  target?: Bound;
  /** A short remark printed after the table (e.g. what exactly was timed). */
  note?: string;
}

export interface BenchContext {
  /** The repository root (where package.json is). */
  root: string;
  /** bench/.work, recreated each run unless --keep-book. */
  workDir: string;
  /** The seeded book. */
  bookFile: string;
  /** Seed size asked for. */
  accounts: number;
  ordersPerAccount: number;
  /** Reuse an existing book in workDir instead of seeding it again (development only). */
  keepBook: boolean;
  /** Progress lines go to stderr so stdout stays the table. */
  log(message: string): void;
  /** Free-form diagnostics printed after the table (slowest queries, query plans…). */
  detail(section: string, lines: string[]): void;
}

export interface BenchModule {
  name: string;
  run(ctx: BenchContext): Promise<Row[]>;
}

export function target(name: string, value: number, unit: string, bound: Bound, note?: string): Row {
  return { name, value, unit, kind: 'target', target: bound, ...(note === undefined ? {} : { note }) };
}

export function info(name: string, value: number | string, unit = '', note?: string): Row {
  return { name, value, unit, kind: 'info', ...(note === undefined ? {} : { note }) };
}

export function baseline(name: string, value: number, unit: string, note?: string): Row {
  return { name, value, unit, kind: 'baseline', ...(note === undefined ? {} : { note }) };
}

export function passes(row: Row): boolean | null {
  if (row.kind !== 'target') return null;
  if (typeof row.value !== 'number' || !Number.isFinite(row.value) || row.target === undefined) return false;
  const { min, max } = row.target;
  return (min === undefined || row.value >= min) && (max === undefined || row.value <= max);
}
