/** The contract between bench/index.ts and each section module (bench/api.ts, bench/assets.ts, ...). */

/** One figure compared with its target. */
export interface Check {
  /** What is measured, e.g. `article fr · JS br`. */
  label: string;
  /** The measured value, formatted. */
  actual: string;
  /** The target, formatted, e.g. `≤ 150 KiB`. */
  target: string;
  pass: boolean;
}

export interface SectionReport {
  /** Report lines (tables, notes), printed as they are. */
  lines: string[];
  checks: Check[];
  /** Measurements that were planned but not made (time budget, a failed run), with the reason. */
  notRun?: string[];
}

export interface BenchContext {
  /** Repository root. */
  root: string;
  /** Command-line options after `--`: `--name=value` (or `--name` alone, value `true`). */
  options: ReadonlyMap<string, string>;
  /** Progress for the person waiting; goes to stderr, not into the report. */
  progress(message: string): void;
}

export interface Section {
  run(context: BenchContext): Promise<SectionReport>;
}
