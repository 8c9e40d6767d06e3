/**
 * Where the troubleshooter keeps its place for the tab: one persisted machine snapshot per history
 * entry (so the browser's back and forward buttons and a reload land on the right step with the
 * right answers), under a version number. A store written by an older version of the machine is
 * thrown away: the worker starts over cleanly rather than in a state the machine no longer knows.
 */
import type { SendLog } from './send-log';

const KEY = 'troubleshooter';

export interface StoredSession {
  version: number;
  /** Persisted snapshots (JSON), one per troubleshooter history entry. */
  entries: unknown[];
  /** The freshest resend cooldowns, applied to whatever entry is restored. */
  sendLog: SendLog;
  /** The last contact typed, to prefill the field of an earlier entry. */
  contact?: string;
  /** The anonymous id of this run in the step events (a reload keeps it; Start over makes a new one). */
  runId?: string;
}

export type ReadResult = { status: 'none' } | { status: 'stale' } | { status: 'ok'; session: StoredSession };

/** The store, or why there is none: `stale` when an older version wrote it (or it is unreadable). */
export function readSession(storage: Storage | null, version: number): ReadResult {
  let raw: string | null;
  try {
    raw = storage?.getItem(KEY) ?? null;
  } catch {
    return { status: 'none' };
  }
  if (raw === null) return { status: 'none' };
  try {
    const value = JSON.parse(raw) as Partial<StoredSession>;
    if (value?.version !== version || !Array.isArray(value.entries) || typeof value.sendLog !== 'object') {
      return { status: 'stale' };
    }
    return { status: 'ok', session: value as StoredSession };
  } catch {
    return { status: 'stale' };
  }
}

export function writeSession(storage: Storage | null, session: StoredSession): void {
  try {
    storage?.setItem(KEY, JSON.stringify(session));
  } catch {
    // Private mode or a full quota: the troubleshooter still works, a reload just starts over.
  }
}

export function clearSession(storage: Storage | null): void {
  try {
    storage?.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}

/** The history entry's position in the troubleshooter, as stored in `history.state`. */
export function historyIndex(state: unknown): number | null {
  if (typeof state !== 'object' || state === null) return null;
  const value = (state as { troubleshooter?: unknown }).troubleshooter;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}
