import * as z from 'zod';
import { int } from './fields';

/**
 * When a channel (SMS, email) counts as `delayed` or `down`, and how long the public service status
 * is kept. The defaults and why they are what they are: server/README.md ("Service status").
 */
export const serviceSchema = z.object({
  SERVICE_WINDOW_SECONDS: int(600, 60),
  SERVICE_MIN_RECIPIENTS: int(3, 1),
  SERVICE_DELAYED_PERCENT: int(20, 1, 100),
  SERVICE_DOWN_PERCENT: int(80, 1, 100),
  SERVICE_DELAYED_AFTER_SECONDS: int(120, 1),
  SERVICE_DOWN_AFTER_SECONDS: int(600, 1),
  SERVICE_STATUS_CACHE_SECONDS: int(30, 1, 300),
  RECEIPT_MAX_AGE_SECONDS: int(300, 30, 3600),
});

export interface ServiceHealthConfig {
  /** The recent messages the shares are computed over (queued in the last this many seconds). */
  windowSeconds: number;
  /** Fewer distinct recipients than this in the window: the shares say nothing (one bad number). */
  minRecipients: number;
  /** Share of recipients (percent) whose messages retry, failed or were not delivered: delayed… */
  delayedPercent: number;
  /** …and down. */
  downPercent: number;
  /** A message due and not yet attempted for this long: delayed… */
  delayedAfterSeconds: number;
  /** …and down (by default the code lifetime: a code that waited this long is dead on arrival). */
  downAfterSeconds: number;
  /** How long one computed status is served (and cached by browsers and proxies). */
  cacheSeconds: number;
  /** A webhook receipt whose signed timestamp is older (or further ahead) than this is refused. */
  receiptMaxAgeSeconds: number;
}

export type ServiceEnv = z.output<typeof serviceSchema>;

/** The thresholds that contradict each other, said once per problem. */
export function serviceProblems(env: Record<string, string>): string[] {
  const problems: string[] = [];
  const number = (name: string, fallback: number) => (env[name] === undefined ? fallback : Number(env[name]));
  if (number('SERVICE_DELAYED_PERCENT', 20) > number('SERVICE_DOWN_PERCENT', 80))
    problems.push('SERVICE_DELAYED_PERCENT must not be above SERVICE_DOWN_PERCENT');
  if (number('SERVICE_DELAYED_AFTER_SECONDS', 120) > number('SERVICE_DOWN_AFTER_SECONDS', 600))
    problems.push('SERVICE_DELAYED_AFTER_SECONDS must not be above SERVICE_DOWN_AFTER_SECONDS');
  return problems;
}

export function serviceFrom(env: ServiceEnv): ServiceHealthConfig {
  return {
    windowSeconds: env.SERVICE_WINDOW_SECONDS,
    minRecipients: env.SERVICE_MIN_RECIPIENTS,
    delayedPercent: env.SERVICE_DELAYED_PERCENT,
    downPercent: env.SERVICE_DOWN_PERCENT,
    delayedAfterSeconds: env.SERVICE_DELAYED_AFTER_SECONDS,
    downAfterSeconds: env.SERVICE_DOWN_AFTER_SECONDS,
    cacheSeconds: env.SERVICE_STATUS_CACHE_SECONDS,
    receiptMaxAgeSeconds: env.RECEIPT_MAX_AGE_SECONDS,
  };
}
