import { formatDuration } from './durations';
import type { Rules } from '../server/config/public';
import type { Locale } from './locale';

/**
 * Every rule a text may state, by the name articles and step texts use (`<Rule name="code-lifetime" />`),
 * with how it is said: a duration ("10 minutes", « 24 heures ») or a plain number.
 */
export const RULE_TEXTS = {
  'code-digits': (r: Rules) => r.codeDigits,
  'code-lifetime': (r: Rules) => ({ seconds: r.codeTtlSeconds }),
  'link-lifetime': (r: Rules) => ({ seconds: r.linkTtlSeconds }),
  'confirmation-lifetime': (r: Rules) => ({ seconds: r.confirmationTtlSeconds }),
  'code-guesses': (r: Rules) => r.codeMaxGuesses,
  'resend-interval': (r: Rules) => ({ seconds: r.resendIntervalSeconds }),
  'sends-per-hour': (r: Rules) => r.sendsPerHour,
  'sends-per-day': (r: Rules) => r.sendsPerDay,
  'pause-after-failures': (r: Rules) => r.failuresBeforeCooldown,
  'first-pause': (r: Rules) => ({ seconds: r.cooldownSeconds }),
  'failures-before-support': (r: Rules) => r.failuresHardCap,
  'password-min-length': (r: Rules) => r.passwordMinLength,
  'password-max-length': (r: Rules) => r.passwordMaxLength,
  'lock-attempts': (r: Rules) => r.loginLockAttempts,
  /** The failed attempt after which the app warns that one try is left. */
  'lock-warning-attempts': (r: Rules) => r.loginLockAttempts - 1,
} as const;

export type RuleName = keyof typeof RULE_TEXTS;

export const RULE_NAMES = Object.keys(RULE_TEXTS) as RuleName[];

export const isRuleName = (name: string): name is RuleName => Object.hasOwn(RULE_TEXTS, name);

/** A rule as a text says it, in `locale`: "10 minutes", « 24 heures », "6". */
export function ruleText(rules: Rules, name: RuleName, locale: Locale): string {
  const value = RULE_TEXTS[name](rules);
  return typeof value === 'number' ? String(value) : formatDuration(value.seconds, locale);
}

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : S;

/** Every rule as a `translate()` placeholder: Docusaurus fills `{\w+}` only, so `code-lifetime` is `{codeLifetime}`. */
export type RulePlaceholders = { [Name in RuleName as Camel<Name>]: string };

const camel = (name: string) => name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

/**
 * Every rule said in `locale`, as `translate()` placeholders: "The code works for {codeLifetime}."
 * with `translate({ message }, ruleValues(rules, locale))`.
 */
export function ruleValues(rules: Rules, locale: Locale): RulePlaceholders {
  return Object.fromEntries(
    RULE_NAMES.map((name) => [camel(name), ruleText(rules, name, locale)]),
  ) as RulePlaceholders;
}
