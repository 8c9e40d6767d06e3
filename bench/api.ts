/**
 * Section "api": the API under autocannon on loopback, as deployed (`npm start`, production mode, embedded
 * database), next to a bare Hono hello-world started by the bench as the baseline of this machine.
 *
 *   baseline         GET / on bench/hello-server.ts
 *   POST echo        POST /echo on the same bare server with the contact-check bodies (a reference, not a
 *                    target: what reading and answering JSON costs without the product)
 *   contact-checks   POST /api/v1/contact-checks, a rotating mix of emails, phones and usernames, en and fr;
 *                    measured in turn with the POST echo, in pairs of runs, the ratio being the pairs' median
 *   help-requests    POST /api/v1/help-requests, a new contact and a new client address (X-Forwarded-For,
 *                    the bench plays the trusted load balancer) for every request, so no per-contact or
 *                    per-client limit applies: what is measured is the work, not the 429s; and how far
 *                    behind the worker fell (its lag metric on /metrics), and how soon after it caught up
 *
 * Options: --api-duration=10 (seconds per target, split into the pairs for the two above)  --api-connections=50
 * Each target gets a 2-second warm-up first (not counted). Requests/s is the mean over the measured seconds.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { freePort, responseFloorMs, startAppServer, startServer, table, type AppServer } from './lib';
import { percentile } from '../server/testing/stats';
import { startCluster } from './postgres';
import type { BenchContext, Check, Section, SectionReport } from './types';

const WARMUP_S = 2;

/** Pairs of runs (POST echo, then contact-checks) the contact-check ratio is the median of. */
const RATIO_ROUNDS = 3;

/** Targets from the issue. */
export const TARGETS = {
  /** contact-checks against the bare POST echo (the same JSON in and out, without the product). */
  contactChecksRatio: 0.3,
  helpRequestsRps: 1000,
  helpRequestsP99Ms: 100,
  helpRequestsPostgresRps: 2000,
};

export interface Measure {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  total: number;
  ok: number;
  limited: number;
  /** Responses other than the expected status and 429, plus socket errors and timeouts. */
  errors: number;
  errorDetail: string;
  timeouts: number;
}

type Setup = (n: number) => { body?: string; headers?: Record<string, string> };

export function load(
  url: string,
  options: { method: 'GET' | 'POST'; path: string; connections: number; duration: number; setup?: Setup },
): Promise<autocannon.Result> {
  let n = 0;
  const request: autocannon.Request = {
    method: options.method,
    path: options.path,
    headers: { 'content-type': 'application/json' },
  };
  if (options.setup) {
    const setup = options.setup;
    request.setupRequest = (req) => {
      const extra = setup(n++);
      return { ...req, body: extra.body, headers: { ...req.headers, ...extra.headers } };
    };
  }
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: options.connections, duration: options.duration, requests: [request] },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

export function measure(name: string, result: autocannon.Result, expected: number): Measure {
  const stats = result.statusCodeStats ?? {};
  const count = (code: number) => stats[`${code}`]?.count ?? 0;
  const total = Object.values(stats).reduce((sum, s) => sum + (s?.count ?? 0), 0);
  const others = Object.entries(stats)
    .filter(([code]) => Number(code) !== expected && Number(code) !== 429)
    .map(([code, s]) => `${s?.count ?? 0}×${code}`);
  // autocannon counts timeouts among its errors.
  const socketErrors = result.errors - result.timeouts;
  if (socketErrors) others.push(`${socketErrors} socket errors`);
  if (result.timeouts) others.push(`${result.timeouts} timeouts (no answer in 10 s)`);
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total,
    ok: count(expected),
    limited: count(429),
    errors: total - count(expected) - count(429) + result.errors,
    errorDetail: others.join(', '),
    timeouts: result.timeouts,
  };
}

/** Inputs people type into the contact field, valid and not. */
const CONTACT_SAMPLES = [
  (n: number) => `worker${n}@example.org`,
  (n: number) => `Worker.${n}@Gmial.com`,
  (n: number) => `(514) 555-${String(n % 10000).padStart(4, '0')}`,
  (n: number) => `+33 6 12 ${String(n % 100).padStart(2, '0')} 34 56`,
  (n: number) => `user_${n}`,
  () => 'not a contact@@',
];

export const contactCheckBody = (n: number) => ({
  body: JSON.stringify({
    contact: CONTACT_SAMPLES[n % CONTACT_SAMPLES.length](n),
    locale: n % 2 ? 'fr' : 'en',
  }),
});

export const api: Section = {
  async run(context: BenchContext): Promise<SectionReport> {
    const duration = Math.max(1, Number(context.options.get('api-duration') ?? 10) || 10);
    const connections = Math.max(1, Number(context.options.get('api-connections') ?? 50) || 50);
    const floorMs = responseFloorMs();
    const run = randomBytes(3).toString('hex');
    const measures: Measure[] = [];
    const lines: string[] = [];
    const lagLines: string[] = [];
    const busyLines: string[] = [];
    const ratioLines: string[] = [];

    context.progress('api: starting the hello-world baseline');
    const port = await freePort();
    const hello = await startServer({
      command: path.join(context.root, 'node_modules', '.bin', 'tsx'),
      args: [path.join(context.root, 'bench', 'hello-server.ts')],
      cwd: context.root,
      env: { PORT: String(port) },
      readyUrl: `http://127.0.0.1:${port}/`,
      timeoutMs: 30_000,
      description: 'hello-world',
    });
    let server: AppServer | null = null;
    let ratio: number;
    try {
      try {
        const target = { method: 'GET' as const, path: '/', connections };
        await load(hello.url, { ...target, duration: WARMUP_S });
        context.progress(`api: baseline, ${duration} s`);
        measures.push(measure('baseline (hello-world)', await load(hello.url, { ...target, duration }), 200));

        context.progress('api: starting npm start');
        const app = (server = await startAppServer(context.root));
        // The ratio's two sides, in turn: the same bare server echoing the contact-check bodies (JSON
        // in, JSON out; not a target), then the product's contact checks, RATIO_ROUNDS times. Each
        // pair is measured within seconds, so a stretch of this machine running faster or slower
        // weighs on both sides of a pair; the ratio judged is the pairs' median.
        const echo = { method: 'POST' as const, path: '/echo', connections, setup: contactCheckBody };
        const checks = { ...echo, path: '/api/v1/contact-checks' };
        await load(hello.url, { ...echo, duration: WARMUP_S });
        await load(app.url, { ...checks, duration: WARMUP_S });
        const round = Math.max(1, Math.ceil(duration / RATIO_ROUNDS));
        const echoes: Measure[] = [];
        const checked: Measure[] = [];
        const busy: LoopsBusy[] = [];
        for (let i = 1; i <= RATIO_ROUNDS; i++) {
          context.progress(
            `api: POST echo then contact-checks, ${round} s each, round ${i} of ${RATIO_ROUNDS}`,
          );
          echoes.push(
            measure('hello-world POST echo', await load(hello.url, { ...echo, duration: round }), 200),
          );
          const [result, loops] = await watchBusy(app, () => load(app.url, { ...checks, duration: round }));
          checked.push(measure('contact-checks', result, 200));
          busy.push(loops);
        }
        const ratios = checked.map((m, i) => m.rps / echoes[i].rps);
        ratio = percentile(ratios, 50);
        measures.push(combined(echoes), combined(checked));
        busyLines.push(busyLine('contact-checks', sumBusy(busy), measures[measures.length - 1].total));
        ratioLines.push(
          `contact-checks vs POST echo, ${RATIO_ROUNDS} alternated rounds of ${round} s: ` +
            checked
              .map(
                (m, i) =>
                  `${ratios[i].toFixed(2)}× (${Math.round(m.rps)}/s vs ${Math.round(echoes[i].rps)}/s)`,
              )
              .join(', ') +
            `; median ${ratio.toFixed(2)}×.`,
        );
      } finally {
        await hello.stop();
      }

      const embedded = await measureHelpRequests(
        server,
        connections,
        duration,
        run,
        'help-requests',
        context,
      );
      measures.push(embedded);
      lines.push(`Server: ${server.description}.`);
      lagLines.push(lagLine('help-requests', embedded.lag));
      busyLines.push(busyLine('help-requests', embedded.busy, embedded.total));
    } finally {
      await server?.stop();
    }

    context.progress('api: starting a throwaway PostgreSQL cluster');
    const cluster = await startCluster();
    let postgres: Measure | null = null;
    if ('unavailable' in cluster) {
      lines.push(`help-requests on PostgreSQL not measured: ${cluster.unavailable}.`);
    } else {
      try {
        const pgServer = await startAppServer(context.root, { DATABASE_URL: cluster.url });
        try {
          const measured = await measureHelpRequests(
            pgServer,
            connections,
            duration,
            run,
            'help-requests (PostgreSQL)',
            context,
          );
          postgres = measured;
          measures.push(measured);
          lagLines.push(lagLine('help-requests (PostgreSQL)', measured.lag));
          busyLines.push(busyLine('help-requests (PostgreSQL)', measured.busy, measured.total));
          lines.push(`PostgreSQL: ${cluster.version}, a throwaway cluster on loopback, default durability.`);
        } finally {
          await pgServer.stop();
        }
      } finally {
        await cluster.stop();
      }
    }

    const baseline = measures[0].rps;
    const echoRps = measures[1].rps;
    const rows = measures.map((m) => [
      m.name,
      String(connections),
      Math.round(m.rps).toString(),
      m.p50.toFixed(0),
      m.p99.toFixed(0),
      baseline ? (m.rps / baseline).toFixed(2) : '-',
      echoRps ? (m.rps / echoRps).toFixed(2) : '-',
      String(m.ok),
      String(m.limited),
      m.errors ? `${m.errors} (${m.errorDetail})` : '0',
    ]);
    lines.push(
      `autocannon on loopback, ${connections} connections, ${duration} s per target after a ${WARMUP_S} s warm-up; ` +
        'load generator and server share this machine.',
      '',
      ...table(
        ['target', 'conns', 'req/s', 'p50 ms', 'p99 ms', '× base', '× echo', 'ok', '429', 'errors'],
        rows,
      ),
      ...ratioLines,
      '',
      ...(floorMs > 0
        ? [
            `help-requests waits for its uniform response floor (RESPONSE_FLOOR_MS, ${floorMs} ms) before answering,`,
            `by design: its p50 cannot go below it, and ${connections} connections cap it at ` +
              `${Math.round((connections * 1000) / floorMs)} req/s.`,
          ]
        : ['help-requests runs without a response floor (RESPONSE_FLOOR_MS=0).']),
      'A 202 means the request is committed to the queue; the worker turns it into a message:',
      ...lagLines,
      'How busy the server was during each run (an event loop at 100% is the bound of its run; on',
      'PostgreSQL the database is a process of its own):',
      ...busyLines,
    );

    const [, echo, contactChecks, helpRequests] = measures;
    const result: Check[] = [
      {
        label: 'contact-checks · req/s vs bare POST echo (median of alternated pairs)',
        actual: `${ratio.toFixed(2)}× (${Math.round(contactChecks.rps)}/s vs ${Math.round(echo.rps)}/s on average)`,
        target: `≥ ${TARGETS.contactChecksRatio}×`,
        pass: ratio >= TARGETS.contactChecksRatio,
      },
      {
        label: 'help-requests (embedded) · req/s',
        actual: String(Math.round(helpRequests.rps)),
        target: `≥ ${TARGETS.helpRequestsRps}`,
        pass: helpRequests.rps >= TARGETS.helpRequestsRps,
      },
      {
        label: 'help-requests (embedded) · p99',
        actual: `${helpRequests.p99} ms`,
        target: `< ${TARGETS.helpRequestsP99Ms} ms`,
        pass: helpRequests.p99 < TARGETS.helpRequestsP99Ms,
      },
      {
        label: 'help-requests (embedded) · unanswered in 10 s',
        actual: String(helpRequests.timeouts),
        target: '0',
        pass: helpRequests.timeouts === 0,
      },
      ...(postgres
        ? [
            {
              label: 'help-requests (PostgreSQL) · req/s',
              actual: String(Math.round(postgres.rps)),
              target: `≥ ${TARGETS.helpRequestsPostgresRps}`,
              pass: postgres.rps >= TARGETS.helpRequestsPostgresRps,
            },
          ]
        : []),
      ...measures.map((m) => ({
        label: `${m.name} · error responses`,
        actual: m.errors ? `${m.errors} (${m.errorDetail})` : '0',
        target: '0 (429s allowed)',
        pass: m.errors === 0,
      })),
    ];
    return { lines, checks: result };
  },
};

/**
 * Runs of one target of equal length as one row: counts summed, req/s their mean, p50 the median
 * (nearest rank) of the runs' p50, p99 the highest of their p99.
 */
function combined(runs: readonly Measure[]): Measure {
  const sum = (pick: (m: Measure) => number) => runs.reduce((total, m) => total + pick(m), 0);
  return {
    name: runs[0].name,
    rps: sum((m) => m.rps) / runs.length,
    p50: percentile(
      runs.map((m) => m.p50),
      50,
    ),
    p99: Math.max(...runs.map((m) => m.p99)),
    total: sum((m) => m.total),
    ok: sum((m) => m.ok),
    limited: sum((m) => m.limited),
    errors: sum((m) => m.errors),
    errorDetail: runs
      .map((m) => m.errorDetail)
      .filter(Boolean)
      .join('; '),
    timeouts: sum((m) => m.timeouts),
  };
}

/**
 * Help requests for new contacts from new client addresses (X-Forwarded-For, the bench plays the
 * trusted load balancer), so no per-contact or per-client limit applies: the work is measured.
 */
export function helpRequestLoad(run: string, offset: number) {
  return (i: number) => {
    const n = offset + i;
    // Half emails, half +1 mobiles (an SMS each); all unknown, as most mistyped contacts are.
    const contact =
      n % 2
        ? `w${n}.${run}@example.org`
        : `+1 514 ${200 + (Math.floor(n / 10000) % 800)} ${String(n % 10000).padStart(4, '0')}`;
    return {
      body: JSON.stringify({ contact, purpose: 'login-code', locale: n % 3 ? 'en' : 'fr' }),
      headers: { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
    };
  };
}

/**
 * How far behind the worker fell during a help-request run, and how soon after the run its lag was
 * back to 0 (a pass that emptied the queue).
 */
export interface WorkerLag {
  maxSeconds: number;
  caughtUpAfterSeconds: number;
}

const LAG_METRIC = 'help_request_queue_lag_seconds';

/** Polls the worker's lag every `everyMs` until `stop` is called; returns the largest value seen. */
function watchLag(server: AppServer, everyMs = 250): () => Promise<number> {
  let max = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      max = Math.max(max, await server.metric(LAG_METRIC));
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    running = false;
    await done;
    return max;
  };
}

/** Waits (bounded) until the worker's lag is 0 (a pass emptied the queue); the seconds it took. */
async function untilCaughtUp(server: AppServer, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  while ((await server.metric(LAG_METRIC)) > 0 && performance.now() - started < timeoutMs)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return (performance.now() - started) / 1000;
}

const BUSY_METRIC = 'event_loop_busy_seconds_total';

/** How busy each of the server's event loops was during a run: a share of its time, and per request. */
export interface LoopsBusy {
  seconds: number;
  threads: { thread: string; busySeconds: number }[];
}

/** Reads the server's busy time of each event loop (main, and database when PGlite has its thread). */
async function busyNow(server: AppServer): Promise<Map<string, number>> {
  const busy = new Map<string, number>();
  for (const thread of ['main', 'database']) {
    const value = await server.metric(`${BUSY_METRIC}{thread="${thread}"}`).catch(() => null);
    if (value !== null) busy.set(thread, value);
  }
  return busy;
}

/** Runs `work`, and says how busy each event loop of the server was meanwhile. */
async function watchBusy<T>(server: AppServer, work: () => Promise<T>): Promise<[T, LoopsBusy]> {
  const before = await busyNow(server);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const after = await busyNow(server);
  const threads = [...after].map(([thread, value]) => ({
    thread,
    busySeconds: value - (before.get(thread) ?? 0),
  }));
  return [result, { seconds, threads }];
}

/** Several watched runs as one: their time and each loop's busy time added up. */
function sumBusy(runs: readonly LoopsBusy[]): LoopsBusy {
  const threads = new Map<string, number>();
  for (const run of runs)
    for (const { thread, busySeconds } of run.threads)
      threads.set(thread, (threads.get(thread) ?? 0) + busySeconds);
  return {
    seconds: runs.reduce((total, run) => total + run.seconds, 0),
    threads: [...threads].map(([thread, busySeconds]) => ({ thread, busySeconds })),
  };
}

/** The busy line of a run: which loop bounds it (at 100% of its time, a loop is the bound). */
export function busyLine(name: string, busy: LoopsBusy, requests: number): string {
  const parts = busy.threads.map(({ thread, busySeconds }) => {
    const share = Math.round((100 * busySeconds) / busy.seconds);
    const perRequest = requests ? `${Math.round((busySeconds * 1e6) / requests)} µs per request` : '-';
    return `${thread === 'main' ? 'main event loop' : `${thread} thread`} ${share}% (${perRequest})`;
  });
  return `${name}: busy ${parts.join(', ')} (${BUSY_METRIC}).`;
}

async function measureHelpRequests(
  server: AppServer,
  connections: number,
  duration: number,
  run: string,
  name: string,
  context: BenchContext,
): Promise<Measure & { lag: WorkerLag; busy: LoopsBusy }> {
  const help = { method: 'POST' as const, path: '/api/v1/help-requests', connections };
  await load(server.url, { ...help, duration: WARMUP_S, setup: helpRequestLoad(run, 0) });
  await untilCaughtUp(server);
  context.progress(`api: ${name}, ${duration} s`);
  const stopWatching = watchLag(server);
  // The measured run uses contacts and addresses the warm-up did not.
  const [result, busy] = await watchBusy(server, () =>
    load(server.url, { ...help, duration, setup: helpRequestLoad(run, 1_000_000) }),
  );
  const maxSeconds = await stopWatching();
  const caughtUpAfterSeconds = await untilCaughtUp(server);
  return { ...measure(name, result, 202), lag: { maxSeconds, caughtUpAfterSeconds }, busy };
}

/** The worker's side of a help-request run, in words. */
function lagLine(name: string, lag: WorkerLag): string {
  return `${name}: the worker was at most ${lag.maxSeconds.toFixed(1)} s behind the accepted requests (${LAG_METRIC}, read every 250 ms), and caught up (a pass emptied the queue) ${lag.caughtUpAfterSeconds.toFixed(1)} s after the run.`;
}
