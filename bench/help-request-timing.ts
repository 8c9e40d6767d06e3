import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { loadConfig } from '../server/config';
import { accounts } from '../server/db/schema';
import { createRuntime } from '../server/runtime';
import { percentile } from '../server/testing/stats';

const N = 200;

export interface TimingResult {
  floorMs: number;
  known: number[];
  unknown: number[];
}

/**
 * Help-request latency for contacts on file vs unknown ones, over real HTTP on loopback against a
 * PGlite database in a temporary folder, with the delivery worker running: N requests of each,
 * interleaved in random order, sequentially (latency, not throughput).
 */
export async function measureHelpRequests(floorMs: number): Promise<TimingResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-'));
  const config = loadConfig({
    APP_ENV: 'development',
    LOG_LEVEL: 'silent',
    SERVE_SITE: 'false',
    DATA_DIR: dataDir,
    IP_SEND_LIMIT: '1000000',
    RESPONSE_FLOOR_MS: String(floorMs),
    SECRET_KEY: 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
  });
  const runtime = await createRuntime(config);
  await runtime.ctx.db.insert(accounts).values(
    Array.from({ length: N + 50 }, (_, i) => ({
      name: `Bench ${i}`,
      email: `known-${i}@example.com`,
      status: 'active' as const,
      emailConfirmed: true,
    })),
  );
  runtime.worker.start();
  const http = serve({ fetch: runtime.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((resolve) => http.once('listening', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/v1/help-requests`;
  const time = async (contact: string) => {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contact, purpose: 'login-code' }),
    });
    await response.arrayBuffer();
    if (response.status !== 202) throw new Error(`unexpected ${response.status}`);
    return performance.now() - started;
  };
  try {
    for (let i = 0; i < 50; i++) {
      await time(`known-${N + i}@example.com`);
      await time(`warm-${i}@example.net`);
    }
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < N; i++) {
      if (Math.random() < 0.5) {
        known.push(await time(`known-${i}@example.com`));
        unknown.push(await time(`unknown-${i}@example.net`));
      } else {
        unknown.push(await time(`unknown-${i}@example.net`));
        known.push(await time(`known-${i}@example.com`));
      }
    }
    return { floorMs, known, unknown };
  } finally {
    await new Promise((resolve) => http.close(resolve));
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatTiming(result: TimingResult): string {
  const gap = (q: number) => Math.abs(percentile(result.known, q) - percentile(result.unknown, q));
  const row = (label: string, values: number[]) =>
    `  ${label.padEnd(8)} p50 ${percentile(values, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(
      values,
      95,
    )
      .toFixed(2)
      .padStart(7)} ms   p99 ${percentile(values, 99).toFixed(2).padStart(7)} ms`;
  return [
    `help-requests, ${N} known + ${N} unknown contacts, floor ${result.floorMs} ms:`,
    row('known', result.known),
    row('unknown', result.unknown),
    `  gap   p50 ${gap(50).toFixed(2).padStart(7)} ms   p95 ${gap(95).toFixed(2).padStart(7)} ms`,
  ].join('\n');
}
