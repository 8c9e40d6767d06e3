// The embedded database in a thread of its own: PGlite (Postgres compiled to WebAssembly) runs
// every statement on the thread that owns it, so here it never holds up the event loop that
// serves pages and answers requests. The main thread talks to it through server/db/pglite-remote.ts.
//
// Messages in: { id, type: 'query', sql, params, rowMode, tx? } | { id, type: 'exec', sql, tx? }
//            | { id, type: 'begin' } | { id, type: 'end', tx, commit } | { id, type: 'close' }
//            | { id, type: 'services-start', config } | { id, type: 'accept', inputs, now }
//            | { id, type: 'jobs-start' } | { type: 'jobs-wake' } | { id, type: 'jobs-run' }
//            | { id, type: 'jobs-stop' }
// Messages out: { id, result } | { id, error: { message, ...fields } } | { metric, labels, value }
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';

// Dates and intervals stay text (drizzle maps them itself), set once for the instance.
const parsers = {
  [types.TIMESTAMP]: (value) => value,
  [types.TIMESTAMPTZ]: (value) => value,
  [types.INTERVAL]: (value) => value,
  [types.DATE]: (value) => value,
};

const db = new PGlite({ ...(workerData.dataDir ? { dataDir: workerData.dataDir } : {}), parsers });
/** Open transactions: their PGlite transaction object, and how to end them. */
const transactions = new Map();
let nextTransaction = 1;
/**
 * The services that run here (server/jobs/database-thread.ts), once the main thread has started
 * them with its configuration (`services-start`): accepting help requests, the background worker.
 */
let services = null;
const started = () => services ?? Promise.reject(new Error('the services are not started'));

const serialize = (error) => {
  const fields = { message: error instanceof Error ? error.message : String(error) };
  if (error && typeof error === 'object') {
    for (const [key, value] of Object.entries(error)) {
      if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
    }
  }
  return fields;
};

const reply = (id, result) => parentPort.postMessage({ id, result });
const fail = (id, error) => parentPort.postMessage({ id, error: serialize(error) });
const target = (tx) => (tx === undefined ? db : transactions.get(tx)?.client);

/** A rollback asked for by the main thread: PGlite rolls back when the callback throws. */
class Rollback extends Error {}

async function handle(message) {
  const { id, type } = message;
  try {
    if (type === 'query') {
      const client = target(message.tx);
      if (!client) throw new Error('unknown transaction');
      const { rows, fields, affectedRows } = await client.query(message.sql, message.params, {
        rowMode: message.rowMode,
      });
      reply(id, { rows, fields: fields.map(({ name, dataTypeID }) => ({ name, dataTypeID })), affectedRows });
    } else if (type === 'exec') {
      const client = target(message.tx);
      if (!client) throw new Error('unknown transaction');
      await client.exec(message.sql);
      reply(id, null);
    } else if (type === 'begin') {
      const tx = nextTransaction++;
      const entry = { client: null, end: null, finished: null };
      const ended = new Promise((resolve) => (entry.end = resolve));
      transactions.set(tx, entry);
      // PGlite starts it once no other transaction holds the database; `begin` is answered then.
      entry.finished = db
        .transaction(async (client) => {
          entry.client = client;
          reply(id, tx);
          const { commit } = await ended;
          if (!commit) throw new Rollback();
        })
        .then(
          () => null,
          (error) => {
            // It could not even begin: the main thread is still waiting for its answer.
            if (!entry.client) fail(id, error);
            return error instanceof Rollback ? null : error;
          },
        )
        .finally(() => transactions.delete(tx));
    } else if (type === 'end') {
      const open = transactions.get(message.tx);
      if (!open) throw new Error('unknown transaction');
      const finished = open.finished;
      open.end({ commit: message.commit });
      const error = await finished;
      if (error) fail(id, error);
      else reply(id, null);
    } else if (type === 'services-start') {
      services ??= import('tsx/esm/api')
        // TypeScript, loaded through tsx (a runtime dependency: `npm start` runs with it).
        .then(({ tsImport }) => tsImport('../jobs/database-thread.ts', import.meta.url))
        .then(({ startDatabaseThreadServices }) =>
          startDatabaseThreadServices(db, message.config, (metric, labels, value) =>
            parentPort.postMessage({ metric, labels, value }),
          ),
        );
      await services;
      reply(id, null);
    } else if (type === 'accept') {
      reply(id, await (await started()).acceptHelpRequests(message.inputs, message.now));
    } else if (type === 'jobs-start') {
      (await started()).startJobs();
      reply(id, null);
    } else if (type === 'jobs-wake') {
      (await services)?.wake();
    } else if (type === 'jobs-run') {
      reply(id, await (await started()).runOnce());
    } else if (type === 'jobs-stop') {
      await (await services)?.stopJobs();
      reply(id, null);
    } else if (type === 'close') {
      await db.close();
      reply(id, null);
    } else {
      throw new Error(`unknown message ${type}`);
    }
  } catch (error) {
    fail(id, error);
  }
}

parentPort.on('message', (message) => void handle(message));
db.waitReady.then(
  () => parentPort.postMessage({ ready: true }),
  (error) => parentPort.postMessage({ ready: false, error: serialize(error) }),
);
