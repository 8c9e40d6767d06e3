import { performance } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics of one running server (one registry per runtime: tests start many). Labels are
 * route patterns (`/api/v1/help-requests`), never raw paths: a path may hold a token or an id.
 */
export interface Metrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  duration: Histogram<'method' | 'route'>;
  rateLimited: Counter<'route'>;
  deliveries: Counter<'channel' | 'outcome'>;
  workerPasses: Counter;
  receipts: Counter<'provider' | 'outcome'>;
  channelState: Gauge<'channel' | 'state'>;
  helpQueueLag: Gauge;
  /**
   * Counts the busy time of another event loop under `thread` from now on: `busyMs` is its
   * cumulative active time, e.g. a worker thread's `performance.eventLoopUtilization().active`.
   */
  watchEventLoop(thread: string, busyMs: () => number): void;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  // Each watched event loop: how to read its cumulative active time, and what was counted of it.
  const loops = new Map<string, { busyMs: () => number; counted: number }>();
  const watchEventLoop = (thread: string, busyMs: () => number) =>
    loops.set(thread, { busyMs, counted: busyMs() });
  watchEventLoop('main', () => performance.eventLoopUtilization().active);
  new Counter({
    name: 'event_loop_busy_seconds_total',
    help: 'Time each event loop spent running code rather than waiting for work, by thread: main (pages and the API), database (the embedded database and the worker, when PGlite runs in its own thread). Its rate is how busy the thread is: at 1, that thread is the bound',
    labelNames: ['thread'] as const,
    registers: [registry],
    collect() {
      for (const [thread, loop] of loops) {
        // A thread that has ended reads 0: what it counted stays.
        const busy = Math.max(loop.busyMs(), loop.counted);
        this.inc({ thread }, (busy - loop.counted) / 1000);
        loop.counted = busy;
      }
    },
  });
  return {
    watchEventLoop,
    registry,
    requests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request (to the response headers), by method and route pattern',
      labelNames: ['method', 'route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'http_rate_limited_total',
      help: 'Requests refused with 429 (cool-downs and limits), by route pattern',
      labelNames: ['route'] as const,
      registers: [registry],
    }),
    deliveries: new Counter({
      name: 'deliveries_total',
      help: 'Messages handed to a provider: sent, retry (will be tried again) or failed (given up)',
      labelNames: ['channel', 'outcome'] as const,
      registers: [registry],
    }),
    workerPasses: new Counter({
      name: 'worker_passes_total',
      help: 'Completed passes of the background worker (help requests, deliveries, purges)',
      registers: [registry],
    }),
    receipts: new Counter({
      name: 'sms_receipts_total',
      help: 'Delivery receipts from the SMS provider: delivered, undelivered, failed, unchanged (repeated or out of order), unknown-message, or refused (bad signature)',
      labelNames: ['provider', 'outcome'] as const,
      registers: [registry],
    }),
    channelState: new Gauge({
      name: 'channel_state',
      help: 'Health of each message channel as the service status tells workers: 1 for its current state (ok, delayed, down), 0 for the others',
      labelNames: ['channel', 'state'] as const,
      registers: [registry],
    }),
    helpQueueLag: new Gauge({
      name: 'help_request_queue_lag_seconds',
      help: 'How far behind the worker is: how long the oldest queued help request had waited at its last pass (0 once the queue is empty)',
      registers: [registry],
    }),
  };
}
