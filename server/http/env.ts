import type { HttpBindings } from '@hono/node-server';
import type { Logger } from 'pino';
import type { Database } from '../db/client';
import type { Worker } from '../messaging/worker';
import type { ServiceContext } from '../services/context';

export type AppEnv = {
  // Absent under `app.request()` in tests: code reading it copes.
  Bindings: Partial<HttpBindings>;
  Variables: {
    requestId: string;
    language: string;
    clientAddress: string;
    logger: Logger;
  };
};

export interface AppDeps {
  ctx: ServiceContext;
  database: Database;
  worker: Worker;
}
