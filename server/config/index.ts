import * as z from 'zod';
import { bool, cleanedOf, int, list, parse, url, type Source } from './fields';
import { brandFrom, brandSchema, rulesFrom, rulesSchema, type Brand, type Rules } from './public';
import { serviceFrom, serviceProblems, serviceSchema, type ServiceHealthConfig } from './service';

export { ConfigError } from './fields';
export { loadBrand, loadRules, type Brand, type Rules } from './public';

/**
 * Every setting of the server, parsed once from the environment at start. Security numbers
 * default to the values of `SECURITY.md`; the public rules and the brand are in `./public.ts`.
 */

const DEV_SECRET = 'development-only-secret-do-not-use-in-production-0123456789';

/** The support agent of a development install when SUPPORT_TOKENS is not set (README, "Support tools"). */
export const DEV_SUPPORT_AGENT = { name: 'Dev Agent', token: 'dev-support-token-not-for-production' };

const SUPPORT_TOKEN_MIN = 24;

export interface SupportAgent {
  name: string;
  token: string;
}

/** `name:token,name2:token2`: each agent's name (shown in the audit log) and their token. */
function parseSupportTokens(value: string, problems: string[]): SupportAgent[] {
  const agents: SupportAgent[] = [];
  for (const entry of value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const separator = entry.indexOf(':');
    const name = separator > 0 ? entry.slice(0, separator).trim() : '';
    const token = separator > 0 ? entry.slice(separator + 1).trim() : '';
    if (!name || !token) {
      problems.push('SUPPORT_TOKENS entries must look like `agent name:token`, separated by commas');
      continue;
    }
    if (token.length < SUPPORT_TOKEN_MIN || /\s/.test(token)) {
      problems.push(
        `SUPPORT_TOKENS: the token of "${name}" must be at least ${SUPPORT_TOKEN_MIN} characters without spaces (e.g. \`openssl rand -base64 32\`)`,
      );
      continue;
    }
    if (agents.some((agent) => agent.name === name)) problems.push(`SUPPORT_TOKENS: "${name}" appears twice`);
    else if (agents.some((agent) => agent.token === token))
      problems.push(`SUPPORT_TOKENS: "${name}" has the same token as another agent`);
    else agents.push({ name, token });
  }
  return agents;
}

const serverSchema = z.object({
  APP_ENV: z
    .enum(['development', 'production'], { error: 'must be development or production' })
    .default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_BASE_URL: url('the address users open, e.g. https://help.example.com').optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PGLITE_THREAD: bool(true),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL')
    .optional(),
  SITE_DIR: z.string().min(1).default('./build'),
  SERVE_SITE: bool(true),
  SITE_BUILD: z.enum(['auto', 'never'], { error: 'must be auto or never' }).default('auto'),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  METRICS_ADDRESS: z
    .string()
    .regex(/^(\[[0-9a-f:.]+\]|[^:\s]+):\d{1,5}$/i, 'must be host:port, e.g. 127.0.0.1:9464')
    .optional(),
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters of random text').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Login Help <no-reply@example.com>'),
  SMS_PROVIDER: z
    .enum(['outbox', 'twilio', 'webhook'], { error: 'must be outbox, twilio or webhook' })
    .default('outbox'),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_API_URL: url('the Twilio API, e.g. https://api.twilio.com').default('https://api.twilio.com'),
  SMS_FROM: z.string().optional(),
  SMS_WEBHOOK_URL: url('SMS webhook').optional(),
  SMS_WEBHOOK_TOKEN: z.string().optional(),
  SMS_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters of random text').optional(),
  APP_LOGIN_URL: url('where a signed-in worker continues').optional(),
  TRUSTED_PROXIES: list,
  CORS_ORIGINS: list,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: bool(true).optional(),
  SESSION_TTL_SECONDS: int(900, 1),
  IP_WINDOW_SECONDS: int(300, 1),
  IP_SEND_LIMIT: int(30, 1),
  IP_VERIFY_LIMIT: int(60, 1),
  UNKNOWN_EMAIL_NOTICE_SECONDS: int(86_400),
  RESPONSE_FLOOR_MS: int(20),
  BODY_LIMIT_BYTES: int(8192, 256),
  WORKER_POLL_MS: int(500, 10),
  DELIVERY_MAX_ATTEMPTS: int(8, 1),
  DELIVERY_LEASE_SECONDS: int(120, 5),
  DELIVERY_BACKOFF_SECONDS: int(30, 1),
  SUPPORT_TOKENS: z.string().optional(),
  ACCESS_CODE_TTL_SECONDS: int(3600, 60),
  SUPPORT_AUTH_FAILURE_LIMIT: int(20, 1),
  IP_FEEDBACK_LIMIT: int(20, 1),
  IP_EVENT_LIMIT: int(300, 1),
  API_MAX_IN_FLIGHT: int(256, 1),
  HELP_QUEUE_MAX_LAG_SECONDS: int(15, 1),
});

const envSchema = serverSchema
  .extend(rulesSchema.shape)
  .extend(brandSchema.shape)
  .extend(serviceSchema.shape);

/** Rules that depend on several variables, checked on the raw values so every problem is reported at once. */
function crossChecks(env: Record<string, string>): string[] {
  const problems: string[] = [];
  const production = env.APP_ENV === 'production';
  if (production && !env.SECRET_KEY) {
    problems.push(
      'SECRET_KEY is required in production (32+ random characters, e.g. `openssl rand -base64 48`)',
    );
  }
  if (production && !env.PUBLIC_BASE_URL) {
    problems.push(
      'PUBLIC_BASE_URL is required in production: links in messages are built from it, never from the Host header',
    );
  }
  if (env.SMS_PROVIDER === 'twilio') {
    for (const name of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'SMS_FROM']) {
      if (!env[name]) problems.push(`${name} is required when SMS_PROVIDER=twilio`);
    }
  }
  if (env.SMS_PROVIDER === 'webhook' && !env.SMS_WEBHOOK_URL) {
    problems.push('SMS_WEBHOOK_URL is required when SMS_PROVIDER=webhook');
  }
  if (env.SUPPORT_TOKENS) parseSupportTokens(env.SUPPORT_TOKENS, problems);
  return [...problems, ...serviceProblems(env)];
}

export type Env = z.input<typeof envSchema>;

export interface SecurityConfig extends Rules {
  sessionTtlSeconds: number;
  ipWindowSeconds: number;
  ipSendLimit: number;
  ipVerifyLimit: number;
  unknownEmailNoticeSeconds: number;
  responseFloorMs: number;
  bodyLimitBytes: number;
}

export type SmsConfig =
  | { provider: 'outbox' }
  | { provider: 'twilio'; accountSid: string; authToken: string; from: string; apiUrl: string }
  /** `secret`: the key of the receipts' signatures (`SMS_WEBHOOK_SECRET`); without it none is accepted. */
  | { provider: 'webhook'; url: string; token: string | null; secret: string | null };

export interface Config {
  appEnv: 'development' | 'production';
  isProduction: boolean;
  brand: Brand;
  /** The public rules (also inside `security`, which the services read). */
  rules: Rules;
  host: string;
  port: number;
  publicBaseUrl: string;
  dataDir: string;
  /** The embedded database runs in a thread of its own (off the event loop); `false` in the same one. */
  pgliteThread: boolean;
  databaseUrl: string | null;
  siteDir: string;
  serveSite: boolean;
  /** `auto`: `npm start` builds the site when it is missing or older than its sources. */
  siteBuild: 'auto' | 'never';
  metrics: {
    /** When set, `/metrics` on the public port needs `Authorization: Bearer <token>`. */
    token: string | null;
    /** An address of their own for the scraper (`METRICS_ADDRESS`), e.g. 127.0.0.1:9464. */
    address: { host: string; port: number } | null;
    /**
     * Whether the public port answers `/metrics`: with a token, or open in development only
     * (the counters of sent messages tell known contacts from unknown ones).
     */
    onPublicPort: boolean;
  };
  secretKey: string;
  usingDevSecret: boolean;
  smtpUrl: string | null;
  mailFrom: string;
  sms: SmsConfig;
  appLoginUrl: string | null;
  trustedProxies: string[];
  corsOrigins: string[];
  logLevel: string;
  seedDemo: boolean;
  security: SecurityConfig;
  worker: { pollMs: number; maxAttempts: number; leaseSeconds: number; backoffSeconds: number };
  /** When a channel counts as delayed or down, and how long the public service status is kept. */
  service: ServiceHealthConfig;
  /** Keep message bodies after delivery (the development outbox shows them). */
  keepSentPayloads: boolean;
  support: {
    /** Empty in production without SUPPORT_TOKENS: the support tools then refuse everyone. */
    agents: SupportAgent[];
    usingDevToken: boolean;
    accessCodeTtlSeconds: number;
    /** Failed sign-ins per client address and window before a 429. */
    authFailureLimit: number;
  };
  feedback: { ipLimit: number; eventIpLimit: number };
  /** API requests one instance handles at once; more get a quick `503 overloaded`. */
  maxInFlight: number;
  /**
   * How far behind the worker may fall on the help-request queue (seconds its oldest request has
   * waited) before new help requests get a quick `503 overloaded`: a 202 means the message leaves
   * within about that time, well before the worker is offered to ask again.
   */
  maxQueueLagSeconds: number;
}

/** Parses the environment once; throws a {@link ConfigError} listing every problem. */
export function loadConfig(source: Source = process.env): Config {
  const cleaned = cleanedOf(source);
  const env = parse(envSchema, cleaned, crossChecks(cleaned));
  const isProduction = env.APP_ENV === 'production';
  const publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  const sms: SmsConfig =
    env.SMS_PROVIDER === 'twilio'
      ? {
          provider: 'twilio',
          accountSid: env.TWILIO_ACCOUNT_SID!,
          authToken: env.TWILIO_AUTH_TOKEN!,
          from: env.SMS_FROM!,
          apiUrl: env.TWILIO_API_URL.replace(/\/+$/, ''),
        }
      : env.SMS_PROVIDER === 'webhook'
        ? {
            provider: 'webhook',
            url: env.SMS_WEBHOOK_URL!,
            token: env.SMS_WEBHOOK_TOKEN ?? null,
            secret: env.SMS_WEBHOOK_SECRET ?? null,
          }
        : { provider: 'outbox' };
  return {
    appEnv: env.APP_ENV,
    isProduction,
    brand: brandFrom(env),
    rules: rulesFrom(env),
    host: env.HOST,
    port: env.PORT,
    publicBaseUrl,
    dataDir: env.DATA_DIR,
    pgliteThread: env.PGLITE_THREAD,
    databaseUrl: env.DATABASE_URL ?? null,
    siteDir: env.SITE_DIR,
    serveSite: env.SERVE_SITE,
    siteBuild: env.SITE_BUILD,
    metrics: {
      token: env.METRICS_TOKEN ?? null,
      address: env.METRICS_ADDRESS
        ? {
            host: env.METRICS_ADDRESS.slice(0, env.METRICS_ADDRESS.lastIndexOf(':')).replace(/^\[|\]$/g, ''),
            port: Number(env.METRICS_ADDRESS.slice(env.METRICS_ADDRESS.lastIndexOf(':') + 1)),
          }
        : null,
      onPublicPort: Boolean(env.METRICS_TOKEN) || !isProduction,
    },
    secretKey: env.SECRET_KEY ?? DEV_SECRET,
    usingDevSecret: !env.SECRET_KEY,
    smtpUrl: env.SMTP_URL ?? null,
    mailFrom: env.MAIL_FROM,
    sms,
    appLoginUrl: env.APP_LOGIN_URL ?? null,
    trustedProxies: env.TRUSTED_PROXIES,
    corsOrigins: env.CORS_ORIGINS.map((origin) => origin.replace(/\/+$/, '')),
    logLevel: env.LOG_LEVEL,
    seedDemo: env.SEED_DEMO ?? !isProduction,
    security: {
      ...rulesFrom(env),
      sessionTtlSeconds: env.SESSION_TTL_SECONDS,
      ipWindowSeconds: env.IP_WINDOW_SECONDS,
      ipSendLimit: env.IP_SEND_LIMIT,
      ipVerifyLimit: env.IP_VERIFY_LIMIT,
      unknownEmailNoticeSeconds: env.UNKNOWN_EMAIL_NOTICE_SECONDS,
      responseFloorMs: env.RESPONSE_FLOOR_MS,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
    },
    worker: {
      pollMs: env.WORKER_POLL_MS,
      maxAttempts: env.DELIVERY_MAX_ATTEMPTS,
      leaseSeconds: env.DELIVERY_LEASE_SECONDS,
      backoffSeconds: env.DELIVERY_BACKOFF_SECONDS,
    },
    service: serviceFrom(env, env.CODE_TTL_SECONDS),
    keepSentPayloads: !isProduction,
    support: {
      agents: env.SUPPORT_TOKENS
        ? parseSupportTokens(env.SUPPORT_TOKENS, [])
        : isProduction
          ? []
          : [DEV_SUPPORT_AGENT],
      usingDevToken: !env.SUPPORT_TOKENS && !isProduction,
      accessCodeTtlSeconds: env.ACCESS_CODE_TTL_SECONDS,
      authFailureLimit: env.SUPPORT_AUTH_FAILURE_LIMIT,
    },
    feedback: { ipLimit: env.IP_FEEDBACK_LIMIT, eventIpLimit: env.IP_EVENT_LIMIT },
    maxInFlight: env.API_MAX_IN_FLIGHT,
    maxQueueLagSeconds: env.HELP_QUEUE_MAX_LAG_SECONDS,
  };
}
