import { domainToASCII } from 'node:url';
import {
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js';
import { NORTH_AMERICA, type PhoneCountry } from '../../shared/phone-countries';

export type ContactKind = 'email' | 'phone' | 'username';

export const INVALID_REASONS = [
  'empty',
  'too-long',
  'control-characters',
  'email-format',
  'phone-format',
  'country-code',
  'unrecognized',
] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

export type ContactCheck =
  | { kind: ContactKind; normalized: string; smsEligible: boolean; suggestion: string | null }
  | { kind: 'invalid'; normalized: null; smsEligible: false; suggestion: null; reason: InvalidReason };

export type ValidContact = Extract<ContactCheck, { kind: ContactKind }>;

const MAX_INPUT = 320;
// Zero-width and BOM characters pasted along with a contact are dropped; other control characters
// (CR, LF, NUL...) make the input invalid.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const PHONE_LIKE = /^\+?[\d\s().\-/]+$/;
const USERNAME = /^(?=.*[a-z])[a-z0-9][a-z0-9._-]{2,63}$/;
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

const invalid = (reason: InvalidReason): ContactCheck => ({
  kind: 'invalid',
  normalized: null,
  smsEligible: false,
  suggestion: null,
  reason,
});

export interface CheckOptions {
  /** The country chosen for a number typed without its country code (North America by default). */
  country?: PhoneCountry;
}

/**
 * What the input alone says about a contact: NFKC, trimmed; emails lowercased, phones to E.164
 * (see {@link checkPhone}). Never touches the database.
 */
export function checkContact(raw: string, options: CheckOptions = {}): ContactCheck {
  if (raw.length > MAX_INPUT * 4) return invalid('too-long');
  const value = raw.normalize('NFKC').replace(INVISIBLE, '').trim();
  if (!value) return invalid('empty');
  if (value.length > MAX_INPUT) return invalid('too-long');
  if (CONTROL.test(value)) return invalid('control-characters');
  if (value.includes('@')) return checkEmail(value);
  if (PHONE_LIKE.test(value)) return checkPhone(value, options.country ?? NORTH_AMERICA);
  const username = value.toLowerCase();
  if (USERNAME.test(username))
    return { kind: 'username', normalized: username, smsEligible: false, suggestion: null };
  return invalid('unrecognized');
}

/** libphonenumber's region for a country of the selector (North America reads as the US plan). */
const regionOf = (country: PhoneCountry): CountryCode => (country === NORTH_AMERICA ? 'US' : country);

/**
 * A phone number to E.164. Whatever reads as a North American number stays one, whatever country
 * was chosen (most workers have `+1` numbers). With a `+` or a leading `00` (the international
 * prefix outside North America) a number carries its country code. Otherwise it is read in the
 * chosen country; without one, a leading `0` (a national trunk prefix, which no North American
 * number has) says the country code is needed.
 */
function checkPhone(value: string, country: PhoneCountry): ContactCheck {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return invalid('phone-format');
  // No valid North American number starts with 00: reading it as `+` changes none of them.
  const international = value.replace(/^00/, '+');
  let phone = parsePhoneNumberFromString(international, 'US');
  // Validity is asked once per reading: for a +1 number it means finding which of the ~25 North
  // American plans the number belongs to.
  let valid = phone?.isValid() ?? false;
  if (!valid && !international.startsWith('+')) {
    if (country !== NORTH_AMERICA) {
      phone = parsePhoneNumberFromString(international, regionOf(country));
      valid = phone?.isValid() ?? false;
    } else if (international.startsWith('0')) return invalid('country-code');
  }
  if (!phone || !valid) return invalid('phone-format');
  return {
    kind: 'phone',
    normalized: phone.number,
    smsEligible: phone.countryCallingCode === '1',
    suggestion: null,
  };
}

function checkEmail(value: string): ContactCheck {
  const lower = value.toLowerCase();
  const at = lower.lastIndexOf('@');
  const local = lower.slice(0, at);
  const domainInput = lower.slice(at + 1);
  if (!local || local.length > 64 || !LOCAL_PART.test(local)) return invalid('email-format');
  const domain = domainInput.endsWith('.') ? '' : domainToASCII(domainInput);
  const labels = domain.split('.');
  if (
    !domain ||
    domain.length > 253 ||
    labels.length < 2 ||
    !labels.every((label) => LABEL.test(label)) ||
    !/^([a-z]{2,63}|xn--[a-z0-9-]+)$/.test(labels[labels.length - 1])
  ) {
    return invalid('email-format');
  }
  const normalized = `${local}@${domain}`;
  if (normalized.length > 254) return invalid('email-format');
  const fixed = suggestDomain(domain);
  return { kind: 'email', normalized, smsEligible: false, suggestion: fixed ? `${local}@${fixed}` : null };
}

const COMMON_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'hotmail.fr',
  'hotmail.ca',
  'outlook.com',
  'outlook.fr',
  'live.com',
  'live.ca',
  'live.fr',
  'msn.com',
  'yahoo.com',
  'yahoo.ca',
  'yahoo.fr',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'videotron.ca',
  'sympatico.ca',
  'bell.net',
  'rogers.com',
  'shaw.ca',
  'telus.net',
  'orange.fr',
  'free.fr',
  'sfr.fr',
  'laposte.net',
  'wanadoo.fr',
  'gmx.com',
  'gmx.fr',
];

/** The common mailbox domain the input most likely meant, when it is one or two typos away. */
export function suggestDomain(domain: string): string | null {
  const known = suggestions.get(domain);
  if (known !== undefined) return known;
  const found = nearestCommonDomain(domain);
  // Domains repeat (most people use a handful): remember the answers, within a bound.
  if (suggestions.size >= SUGGESTION_CACHE_SIZE) suggestions.clear();
  suggestions.set(domain, found);
  return found;
}

const SUGGESTION_CACHE_SIZE = 5000;
const suggestions = new Map<string, string | null>();

function nearestCommonDomain(domain: string): string | null {
  if (COMMON_DOMAINS.includes(domain)) return null;
  const allowed = domain.length <= 6 ? 1 : 2;
  let best: string | null = null;
  let bestDistance = allowed + 1;
  for (const candidate of COMMON_DOMAINS) {
    const distance = editDistance(domain, candidate, bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

// Three rows of the distance matrix, reused across calls (domains are at most 253 characters).
const rows = [new Int32Array(256), new Int32Array(256), new Int32Array(256)];

/**
 * Optimal string alignment distance (insertions, deletions, substitutions, transpositions), or
 * `max + 1` as soon as it is known to exceed `max`.
 */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length >= rows[0].length) return max + 1;
  let before = rows[0]; // row i - 2
  let previous = rows[1]; // row i - 1
  let current = rows[2]; // row i
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length], max + 1);
}

/**
 * The mailbox an address reaches: `sam+anything@example.org` is `sam@example.org` for most mail
 * providers, so a limit per mailbox counts every tagged variant together.
 */
export function mailboxOf(email: string): string {
  const at = email.lastIndexOf('@');
  const plus = email.indexOf('+');
  return plus > 0 && plus < at ? `${email.slice(0, plus)}${email.slice(at)}` : email;
}

const BULLET = '•';

/** `c•••••s@example.com`: enough for its owner to recognize, not enough to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const shown =
    local.length <= 2
      ? local[0]
      : `${local[0]}${BULLET.repeat(Math.min(local.length - 2, 6))}${local.at(-1)}`;
  return `${shown}${local.length <= 2 ? BULLET : ''}@${email.slice(at + 1)}`;
}

/** The countries' calling codes (prefix-free: 1 to 3 digits). */
const CALLING_CODES = new Set(getCountries().map((country) => getCountryCallingCode(country)));

/**
 * The country calling code an E.164 number starts with, read from the table of codes: no need to
 * parse the number again and find its country, which for a +1 number costs as much as checking it
 * did. The few non-geographic numbers (`+800`...) are read by libphonenumber.
 */
function callingCodeOf(e164: string): string | null {
  if (!e164.startsWith('+')) return null;
  for (let length = 1; length <= 3; length++) {
    const code = e164.slice(1, 1 + length);
    if (CALLING_CODES.has(code)) return code;
  }
  return parsePhoneNumberFromString(e164)?.countryCallingCode ?? null;
}

/** `+1 •••-•••-0101`: the country code and the last digits. */
export function maskPhone(e164: string): string {
  const callingCode = callingCodeOf(e164);
  const code = callingCode ? `+${callingCode}` : e164.slice(0, 2);
  return `${code} ${BULLET.repeat(3)}-${BULLET.repeat(3)}-${e164.slice(-4)}`;
}

export function maskUsername(username: string): string {
  if (username.length <= 2) return `${username[0]}${BULLET}`;
  return `${username[0]}${BULLET.repeat(Math.min(username.length - 2, 6))}${username.at(-1)}`;
}

export function maskContact(kind: ContactKind, value: string): string {
  return kind === 'email' ? maskEmail(value) : kind === 'phone' ? maskPhone(value) : maskUsername(value);
}
