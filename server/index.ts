import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, type Config } from './config';
import { createHttpServer, createMetricsServer } from './http/node-server';
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
  if (config.support.usingDevToken) {
    logger.warn(
      'SUPPORT_TOKENS is not set: the support tools accept the development token (README, "Support tools")',
    );
  }
  ensureSiteBuilt(config, logger);
  const runtime = await createRuntime(config, { logger });
  const server = await createHttpServer({ fetch: runtime.app.fetch, hostname: config.host });
  const url = (info: AddressInfo) =>
    `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`;
  server.listen(config.port, config.host, () => {
    logger.info(
      { url: url(server.address() as AddressInfo), env: config.appEnv, database: runtime.database.kind },
      'listening',
    );
  });
  const address = config.metrics.address;
  const metricsServer =
    address && runtime.ctx.metrics
      ? await createMetricsServer(runtime.ctx.metrics.registry, address.host)
      : null;
  metricsServer?.listen(address!.port, address!.host, () =>
    logger.info({ url: `${url(metricsServer.address() as AddressInfo)}/metrics` }, 'metrics listening'),
  );
  runtime.worker.start();
  // Channels' health is computed on a timer too: a change of state is logged even while nobody asks.
  runtime.status.start();

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    runtime.lifecycle.draining = true;
    const force = setTimeout(() => {
      logger.error('shutdown took too long: exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    // No new connections; requests being handled finish (Node also closes idle keep-alive sockets).
    metricsServer?.close();
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
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not start');
  process.exit(1);
});
