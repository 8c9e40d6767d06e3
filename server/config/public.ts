import * as z from 'zod';
import { cleanedOf, int, parse, text, type Source } from './fields';

/**
 * The rules workers are told and the server enforces: the articles, the troubleshooter and the
 * messages show these numbers, read from here (at build time for the site, through
 * `GET /api/v1/policy` in the browser). Parsed alone by {@link loadRules} so a site build needs
 * none of the server's secrets.
 */
export const rulesSchema = z.object({
  CODE_DIGITS: int(6, 6, 10),
  CODE_TTL_SECONDS: int(600, 1),
  LINK_TTL_SECONDS: int(1800, 1),
  CONFIRMATION_TTL_SECONDS: int(86_400, 1),
  CODE_MAX_GUESSES: int(5, 1),
  FAILURES_BEFORE_COOLDOWN: int(10, 1),
  COOLDOWN_SECONDS: int(900, 1),
  FAILURES_HARD_CAP: int(100, 1),
  RESEND_INTERVAL_SECONDS: int(60),
  SENDS_PER_HOUR: int(5, 1),
  SENDS_PER_DAY: int(10, 1),
  PASSWORD_MIN_LENGTH: int(10, 8),
  PASSWORD_MAX_LENGTH: int(128, 64, 1024),
  /** Failed password logins after which the app locks an account (the app warns one attempt before). */
  LOGIN_LOCK_ATTEMPTS: int(10, 2),
});

/** The brand: every default is a neutral placeholder; a deployment sets its own at build and start. */
export const brandSchema = z.object({
  BRAND_PRODUCT_NAME: text('WorkforceApp'),
  BRAND_HELP_CENTER_NAME: z.string().trim().min(1).optional(),
  BRAND_HELP_CENTER_NAME_FR: z.string().trim().min(1).optional(),
  BRAND_SUPPORT_EMAIL: z.email({ error: 'must be an email address' }).default('support@example.com'),
  BRAND_SUPPORT_PHONE: z.string().trim().default(''),
  BRAND_EMPLOYER_WORD_EN: text('employer'),
  BRAND_EMPLOYER_WORD_FR: text('employeur'),
});

/** The public rules (SECURITY.md's numbers): what a worker may be told, as the server enforces it. */
export interface Rules {
  codeDigits: number;
  codeTtlSeconds: number;
  /** Unlock, password-reset and one-time login links. */
  linkTtlSeconds: number;
  confirmationTtlSeconds: number;
  codeMaxGuesses: number;
  /** Consecutive wrong codes for one contact before its code checks pause. */
  failuresBeforeCooldown: number;
  /** The first pause; each further one doubles. */
  cooldownSeconds: number;
  /** Consecutive wrong codes after which only support can reopen the contact's code checks. */
  failuresHardCap: number;
  resendIntervalSeconds: number;
  sendsPerHour: number;
  sendsPerDay: number;
  passwordMinLength: number;
  passwordMaxLength: number;
  loginLockAttempts: number;
}

export interface Brand {
  /** The name of the app workers log in to. */
  productName: string;
  /** The name of this help center (English; the site title of `/`). */
  helpCenterName: string;
  /** The name of this help center in French (the site title of `/fr/`). */
  helpCenterNameFr: string;
  /** Where workers and employers reach support. */
  supportEmail: string;
  /** Optional support phone, shown only when set. */
  supportPhone: string;
  /** How the organization that invites workers is called ("employer", "agency"...). */
  employerWord: { en: string; fr: string };
}

export type RulesEnv = z.output<typeof rulesSchema>;
export type BrandEnv = z.output<typeof brandSchema>;

export function rulesFrom(env: RulesEnv): Rules {
  return {
    codeDigits: env.CODE_DIGITS,
    codeTtlSeconds: env.CODE_TTL_SECONDS,
    linkTtlSeconds: env.LINK_TTL_SECONDS,
    confirmationTtlSeconds: env.CONFIRMATION_TTL_SECONDS,
    codeMaxGuesses: env.CODE_MAX_GUESSES,
    failuresBeforeCooldown: env.FAILURES_BEFORE_COOLDOWN,
    cooldownSeconds: env.COOLDOWN_SECONDS,
    failuresHardCap: env.FAILURES_HARD_CAP,
    resendIntervalSeconds: env.RESEND_INTERVAL_SECONDS,
    sendsPerHour: env.SENDS_PER_HOUR,
    sendsPerDay: env.SENDS_PER_DAY,
    passwordMinLength: env.PASSWORD_MIN_LENGTH,
    passwordMaxLength: env.PASSWORD_MAX_LENGTH,
    loginLockAttempts: env.LOGIN_LOCK_ATTEMPTS,
  };
}

export function brandFrom(env: BrandEnv): Brand {
  const helpCenterName = env.BRAND_HELP_CENTER_NAME ?? 'Login Help Center';
  return {
    productName: env.BRAND_PRODUCT_NAME,
    helpCenterName,
    // A deployment that names its help center in English only keeps that name in French too.
    helpCenterNameFr:
      env.BRAND_HELP_CENTER_NAME_FR ?? env.BRAND_HELP_CENTER_NAME ?? 'Centre d’aide à la connexion',
    supportEmail: env.BRAND_SUPPORT_EMAIL,
    supportPhone: env.BRAND_SUPPORT_PHONE,
    employerWord: { en: env.BRAND_EMPLOYER_WORD_EN, fr: env.BRAND_EMPLOYER_WORD_FR },
  };
}

/** The public rules alone, as the site build reads them (same variables and defaults as the server). */
export function loadRules(source: Source = process.env): Rules {
  return rulesFrom(parse(rulesSchema, cleanedOf(source)));
}

/** The brand alone, as the site build reads it. */
export function loadBrand(source: Source = process.env): Brand {
  return brandFrom(parse(brandSchema, cleanedOf(source)));
}
