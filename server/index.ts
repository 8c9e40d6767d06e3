import { serve } from '@hono/node-server';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger, createRuntime } from './runtime';
import { ensureSiteBuilt } from './site-build';

// The entry point of `npm start`: parse the configuration, build the site if missing, open and
// migrate the database, then serve the site and the API on one port, with the delivery worker.

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const logger = createLogger(config);

async function main(): Promise<void> {
  if (config.usingDevSecret) {
    logger.warn('SECRET_KEY is not set: using the development secret (never do this in production)');
  }
  ensureSiteBuilt(config, logger);
  const runtime = await createRuntime(config, { logger });
  const server = serve({ fetch: runtime.app.fetch, hostname: config.host, port: config.port }, (info) => {
    logger.info(
      {
        url: `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`,
        env: config.appEnv,
        database: runtime.database.kind,
      },
      'listening',
    );
  });
  // Slow or lying clients (a Content-Length never sent in full) are cut off.
  server.setTimeout?.(30_000);
  Object.assign(server, { requestTimeout: 15_000, headersTimeout: 10_000 });
  runtime.worker.start();

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('shutdown took too long: exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close(async () => {
      try {
        await runtime.close();
        logger.info('stopped');
        process.exit(0);
      } catch (error) {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      }
    });
    // Idle keep-alive connections would hold close() open.
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
});
