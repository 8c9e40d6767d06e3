import type { HttpBindings } from '@hono/node-server';
import type { Database } from '../db/client';
import type { BackgroundWorker } from '../jobs/remote-worker';
import type { ServiceContext } from '../services/context';
import type { ServiceStatus } from '../services/service-status';
import type { Admission } from './middleware';

export type AppEnv = {
  // Absent under `app.request()` in tests: code reading it copes.
  Bindings: Partial<HttpBindings>;
  Variables: {
    requestId: string;
    clientAddress: string;
    /** The support agent a valid support token names (support routes only). */
    agent?: string;
  };
};

/** Set while the process shuts down: not ready, and connections close after their answer. */
export interface Lifecycle {
  draining: boolean;
}

export interface AppDeps {
  ctx: ServiceContext;
  database: Database;
  worker: BackgroundWorker;
  lifecycle: Lifecycle;
  admission: Admission;
  /** The public service status (channels' health and notices), computed once for every reader. */
  status: ServiceStatus;
}
