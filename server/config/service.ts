import * as z from 'zod';
import { int } from './fields';
import { rulesSchema } from './public';

/**
 * When a channel (SMS, email) counts as `delayed` or `down`, and how long the public service status
 * is kept. The defaults and why they are what they are: server/README.md ("Service status").
 */

/** Unset: two minutes, or the down threshold when that is shorter. */
const DELAYED_AFTER_SECONDS = 120;

/** Unset: the code lifetime (the codes still alive; a code that waited that long is dead on arrival). */
const codeLifetimeByDefault = (min: number) => z.coerce.number().int().min(min).optional();

export const serviceSchema = z.object({
  SERVICE_WINDOW_SECONDS: codeLifetimeByDefault(60),
  SERVICE_MIN_RECIPIENTS: int(3, 1),
  SERVICE_DELAYED_PERCENT: int(20, 1, 100),
  SERVICE_DOWN_PERCENT: int(80, 1, 100),
  SERVICE_DELAYED_AFTER_SECONDS: z.coerce.number().int().min(1).optional(),
  SERVICE_DOWN_AFTER_SECONDS: codeLifetimeByDefault(1),
  SERVICE_STATUS_CACHE_SECONDS: int(30, 1, 300),
  RECEIPT_MAX_AGE_SECONDS: int(300, 30, 3600),
});

export interface ServiceHealthConfig {
  /** The recent messages the shares are computed over (queued in the last this many seconds; by default the code lifetime). */
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

/** The thresholds that contradict each other, said once per problem (values as the schemas parse them). */
export function serviceProblems(env: Record<string, string>): string[] {
  const parsed = serviceSchema.safeParse(env);
  const lifetime = rulesSchema.shape.CODE_TTL_SECONDS.safeParse(env.CODE_TTL_SECONDS);
  if (!parsed.success || !lifetime.success) return []; // the schemas report those
  const settings = serviceFrom(parsed.data, lifetime.data);
  const problems: string[] = [];
  if (settings.delayedPercent > settings.downPercent)
    problems.push('SERVICE_DELAYED_PERCENT must not be above SERVICE_DOWN_PERCENT');
  if (
    parsed.data.SERVICE_DELAYED_AFTER_SECONDS !== undefined &&
    settings.delayedAfterSeconds > settings.downAfterSeconds
  )
    problems.push(
      'SERVICE_DELAYED_AFTER_SECONDS must not be above SERVICE_DOWN_AFTER_SECONDS (by default CODE_TTL_SECONDS)',
    );
  return problems;
}

export function serviceFrom(env: ServiceEnv, codeTtlSeconds: number): ServiceHealthConfig {
  const downAfterSeconds = env.SERVICE_DOWN_AFTER_SECONDS ?? codeTtlSeconds;
  return {
    windowSeconds: env.SERVICE_WINDOW_SECONDS ?? codeTtlSeconds,
    minRecipients: env.SERVICE_MIN_RECIPIENTS,
    delayedPercent: env.SERVICE_DELAYED_PERCENT,
    downPercent: env.SERVICE_DOWN_PERCENT,
    delayedAfterSeconds:
      env.SERVICE_DELAYED_AFTER_SECONDS ?? Math.min(DELAYED_AFTER_SECONDS, downAfterSeconds),
    downAfterSeconds,
    cacheSeconds: env.SERVICE_STATUS_CACHE_SECONDS,
    receiptMaxAgeSeconds: env.RECEIPT_MAX_AGE_SECONDS,
  };
}
