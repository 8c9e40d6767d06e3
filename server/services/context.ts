import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Clock } from '../lib/clock';
import type { Keys } from '../lib/crypto';
import type { Metrics } from '../lib/metrics';
import type { AcceptResult, HelpRequestInput } from './help-request-types';

/** What every service needs: passed explicitly, so tests inject their own clock and database. */
export interface ServiceContext {
  db: Db;
  keys: Keys;
  clock: Clock;
  config: Config;
  logger: Logger;
  /** Wakes the background worker (new work was queued). */
  wake: () => void;
  /** Prometheus counters (absent in tests that build a context by hand). */
  metrics?: Metrics;
  /**
   * With PGlite in a thread of its own: the services that run there, next to it (see
   * server/jobs/database-thread.ts), so that their transactions never wait on this event loop.
   */
  databaseThread?: {
    acceptHelpRequests(inputs: HelpRequestInput[], now: Date): Promise<AcceptResult[]>;
  };
}
