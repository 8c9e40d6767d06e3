/**
 * Reference codes: what a worker reads to support over the phone when the troubleshooter hands off.
 * A code packs the last steps taken and what the API answered into a few characters of Crockford's
 * base 32 (no I, L, O or U: nothing to confuse), followed by a Luhn mod 32 check character that
 * catches any single mistyped character and nearly every swap of two neighbours.
 *
 * Layout, most significant bit first (version 2):
 *   version 3 · contact 3 · purpose 3 · request 3 · sends 2 · verification 2 · account 4 ·
 *   login method 2 · username 1 · language 1 · minute 17 · truncated 1 · 8 step slots of 6 bits
 *   (STEP_NUMBERS; 0 for an empty slot, after the steps)
 * then the check character: always 19 characters, so a code with characters missing or extra is
 * told from one with a typo. The minute is the time of the code modulo 2^17 minutes (91 days),
 * read back as the latest such minute before the decoding.
 *
 * Version 1 (no time, no language, a path length instead of fixed slots) still decodes:
 *   version 3 · contact 3 · purpose 3 · request 3 · sends 2 · verification 2 · account 4 ·
 *   login method 2 · username 1 · path length − 1: 3 · truncated 1 · steps 6 each, then zero bits
 *   up to a multiple of 5, then the check character.
 *
 * No XState here: the support lookup page decodes codes without loading the machine.
 */
import { LOCALES, type Locale } from '../../shared/locale';
import type { TroubleshooterContext } from './context';
import { PURPOSES, STEP_NUMBERS, type Purpose, type StepId } from './steps';

export const CODE_VERSION = 2;
export const MAX_PATH = 8;

const MINUTE_BITS = 17;
const MINUTE_MS = 60_000;
/** A worker's clock a little ahead of the agent's still reads as the same day. */
const CLOCK_SKEW_MINUTES = 10;
const HEADER_BITS = 3 + 3 + 3 + 3 + 2 + 2 + 4 + 2 + 1 + 1 + MINUTE_BITS + 1;
/** Every version-2 code, check character included. */
export const CODE_LENGTH = Math.ceil((HEADER_BITS + 6 * MAX_PATH) / 5) + 1;

/** The lengths a version-1 code can have (1 to 8 steps): a typo in one of those is still a typo. */
const V1_LENGTHS = new Set(
  Array.from({ length: MAX_PATH }, (_, index) => Math.ceil((27 + 6 * (index + 1)) / 5) + 1),
);

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const CONTACT_KINDS = ['none', 'phone-sms', 'phone-no-sms', 'email', 'username', 'invalid'] as const;
export const REQUEST_OUTCOMES = ['none', 'sent', 'rate-limited', 'unreachable', 'rejected'] as const;
export const VERIFICATIONS = ['none', 'verified', 'invalid', 'unreachable'] as const;
export const ACCOUNT_STATES = [
  'unknown',
  'active',
  'invited',
  'locked',
  'unconfirmed',
  'deactivated',
  'deactivated-merged',
  'deactivated-removed',
  'deactivated-employer-left',
] as const;
export const LOGIN_METHODS = ['unknown', 'code', 'password', 'sso'] as const;

export interface ReferenceData {
  /** The last steps taken, oldest first (at most MAX_PATH). */
  path: StepId[];
  /** True when earlier steps did not fit. */
  truncated: boolean;
  contact: (typeof CONTACT_KINDS)[number];
  purpose: Purpose | null;
  request: (typeof REQUEST_OUTCOMES)[number];
  /** Messages the API accepted to send, 3 meaning "3 or more". */
  sends: number;
  verification: (typeof VERIFICATIONS)[number];
  account: (typeof ACCOUNT_STATES)[number];
  loginMethod: (typeof LOGIN_METHODS)[number];
  username: boolean;
  /** When the code was made, to the minute (ISO); null in version-1 codes. */
  at: string | null;
  /** The language of the troubleshooter page; null in version-1 codes. */
  locale: Locale | null;
}

export type DecodeFailure =
  | { ok: false; reason: 'format' | 'checksum' | 'version' | 'content' }
  /** Characters missing (`length` below `expected`) or extra. */
  | { ok: false; reason: 'length'; length: number; expected: number };

export type DecodeResult = { ok: true; data: ReferenceData } | DecodeFailure;

const STEP_BY_NUMBER = new Map<number, StepId>(
  Object.entries(STEP_NUMBERS).map(([step, number]) => [number, step as StepId]),
);

class BitWriter {
  bits: number[] = [];
  write(value: number, width: number): void {
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** width) {
      throw new RangeError(`${value} does not fit in ${width} bits`);
    }
    for (let bit = width - 1; bit >= 0; bit -= 1) this.bits.push((value >> bit) & 1);
  }
}

class BitReader {
  position = 0;
  constructor(readonly bits: number[]) {}
  read(width: number): number {
    if (this.position + width > this.bits.length) throw new RangeError('out of bits');
    let value = 0;
    for (let i = 0; i < width; i += 1) value = value * 2 + this.bits[this.position++];
    return value;
  }
}

/** Luhn mod N over base-32 digit values: the check digit that makes the weighted sum a multiple of 32. */
function luhnCheck(values: number[]): number {
  let sum = 0;
  let factor = 2;
  for (let i = values.length - 1; i >= 0; i -= 1) {
    const addend = values[i] * factor;
    sum += Math.floor(addend / 32) + (addend % 32);
    factor = factor === 2 ? 1 : 2;
  }
  return (32 - (sum % 32)) % 32;
}

function index<T>(list: readonly T[], value: T): number {
  const at = list.indexOf(value);
  if (at < 0) throw new RangeError(`unknown value ${String(value)}`);
  return at;
}

/** Groups of four for reading aloud: "7K2M-QX9T-4RBA-2C6D-H1V". */
export function formatReferenceCode(raw: string): string {
  return raw.match(/.{1,4}/g)?.join('-') ?? raw;
}

const toValues = (bits: number[]) => {
  const values: number[] = [];
  for (let i = 0; i < bits.length; i += 5) {
    values.push(bits.slice(i, i + 5).reduce((acc, bit) => acc * 2 + bit, 0));
  }
  return values;
};

/** Encodes a run; `data.at` is the time it is made (now when null) and `data.locale` its language. */
export function encodeReferenceCode(data: ReferenceData): string {
  const path = data.path.slice(-MAX_PATH);
  if (path.length === 0) throw new RangeError('a reference code needs at least one step');
  const minute = Math.floor((data.at ? Date.parse(data.at) : Date.now()) / MINUTE_MS) % 2 ** MINUTE_BITS;
  const writer = new BitWriter();
  writer.write(CODE_VERSION, 3);
  writer.write(index(CONTACT_KINDS, data.contact), 3);
  writer.write(data.purpose === null ? 0 : index(PURPOSES, data.purpose) + 1, 3);
  writer.write(index(REQUEST_OUTCOMES, data.request), 3);
  writer.write(Math.min(3, Math.max(0, Math.floor(data.sends))), 2);
  writer.write(index(VERIFICATIONS, data.verification), 2);
  writer.write(index(ACCOUNT_STATES, data.account), 4);
  writer.write(index(LOGIN_METHODS, data.loginMethod), 2);
  writer.write(data.username ? 1 : 0, 1);
  writer.write(index(LOCALES, data.locale ?? 'en'), 1);
  writer.write(minute, MINUTE_BITS);
  writer.write(data.truncated || data.path.length > MAX_PATH ? 1 : 0, 1);
  for (let slot = 0; slot < MAX_PATH; slot += 1) writer.write(path[slot] ? STEP_NUMBERS[path[slot]] : 0, 6);
  while (writer.bits.length % 5 !== 0) writer.bits.push(0);
  const values = toValues(writer.bits);
  values.push(luhnCheck(values));
  return formatReferenceCode(values.map((value) => ALPHABET[value]).join(''));
}

/** Accepts what a person types or hears: any case, spaces and dashes, O for 0, I or L for 1. */
export function normalizeReferenceCode(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** The characters of a typed code that never appear in one (after I, L and O are read as 1 and 0). */
export function foreignCharacters(input: string): string[] {
  return [...new Set([...normalizeReferenceCode(input)].filter((char) => !ALPHABET.includes(char)))];
}

/** The latest minute before `now` (give or take the skew) that is `minute` modulo 2^17. */
function minuteBefore(minute: number, now: Date): string {
  const period = 2 ** MINUTE_BITS;
  const latest = Math.floor(now.getTime() / MINUTE_MS) + CLOCK_SKEW_MINUTES;
  const at = latest - ((((latest - minute) % period) + period) % period);
  return new Date(at * MINUTE_MS).toISOString();
}

type Fields = Omit<ReferenceData, 'path' | 'truncated' | 'at' | 'locale'>;

/** The fields both versions start with, or null when one names nothing. */
function readFields(reader: BitReader): Fields | null {
  const contact = CONTACT_KINDS[reader.read(3)];
  const purposeIndex = reader.read(3);
  const request = REQUEST_OUTCOMES[reader.read(3)];
  const sends = reader.read(2);
  const verification = VERIFICATIONS[reader.read(2)];
  const account = ACCOUNT_STATES[reader.read(4)];
  const loginMethod = LOGIN_METHODS[reader.read(2)];
  const username = reader.read(1) === 1;
  const purpose = purposeIndex === 0 ? null : (PURPOSES[purposeIndex - 1] ?? undefined);
  if (!contact || purpose === undefined || !request || !verification || !account || !loginMethod) return null;
  return { contact, purpose, request, sends, verification, account, loginMethod, username };
}

function decodeV1(reader: BitReader, bits: number[], fields: Fields): DecodeResult {
  const length = reader.read(3) + 1;
  const truncated = reader.read(1) === 1;
  const path: StepId[] = [];
  for (let i = 0; i < length; i += 1) {
    const step = STEP_BY_NUMBER.get(reader.read(6));
    if (!step) return { ok: false, reason: 'content' };
    path.push(step);
  }
  const padding = bits.length - reader.position;
  if (padding >= 5 || bits.slice(reader.position).some((bit) => bit !== 0))
    return { ok: false, reason: 'content' };
  return { ok: true, data: { path, truncated, ...fields, at: null, locale: null } };
}

function decodeV2(reader: BitReader, bits: number[], fields: Fields, now: Date): DecodeResult {
  const locale = LOCALES[reader.read(1)];
  const at = minuteBefore(reader.read(MINUTE_BITS), now);
  const truncated = reader.read(1) === 1;
  const path: StepId[] = [];
  let ended = false;
  for (let slot = 0; slot < MAX_PATH; slot += 1) {
    const number = reader.read(6);
    if (number === 0) {
      ended = true;
      continue;
    }
    const step = STEP_BY_NUMBER.get(number);
    // A step after an empty slot, or one that does not exist, cannot come from the encoder.
    if (!step || ended) return { ok: false, reason: 'content' };
    path.push(step);
  }
  if (path.length === 0 || bits.slice(reader.position).some((bit) => bit !== 0))
    return { ok: false, reason: 'content' };
  return { ok: true, data: { path, truncated, ...fields, at, locale } };
}

/** Decodes a code as typed; `now` places its minute in time (the latest matching one before now). */
export function decodeReferenceCode(input: string, now: Date = new Date()): DecodeResult {
  const code = normalizeReferenceCode(input);
  if (code.length < 2 || code.length > 40 || [...code].some((char) => !ALPHABET.includes(char))) {
    return { ok: false, reason: 'format' };
  }
  const values = [...code].map((char) => ALPHABET.indexOf(char));
  const body = values.slice(0, -1);
  const version = values[0] >> 2;
  const wrongLength = { ok: false, reason: 'length', length: code.length, expected: CODE_LENGTH } as const;
  if (luhnCheck(body) !== values[values.length - 1]) {
    // Same length as a real code: a character is wrong. Any other: some are missing or extra.
    if (code.length === CODE_LENGTH || (version === 1 && V1_LENGTHS.has(code.length)))
      return { ok: false, reason: 'checksum' };
    return wrongLength;
  }
  const bits = body.flatMap((value) => [4, 3, 2, 1, 0].map((shift) => (value >> shift) & 1));
  const reader = new BitReader(bits);
  try {
    const read = reader.read(3);
    if (read !== 1 && read !== CODE_VERSION) return { ok: false, reason: 'version' };
    if (read === CODE_VERSION && code.length !== CODE_LENGTH) return wrongLength;
    const fields = readFields(reader);
    if (!fields) return { ok: false, reason: 'content' };
    return read === 1 ? decodeV1(reader, bits, fields) : decodeV2(reader, bits, fields, now);
  } catch {
    return { ok: false, reason: 'format' };
  }
}

/** What a reference code says about the troubleshooter's current run, made at `now`. */
export function referenceDataFor(context: TroubleshooterContext, now: Date = new Date()): ReferenceData {
  const check = context.check;
  const contact: ReferenceData['contact'] = !check
    ? 'none'
    : check.kind === 'phone'
      ? check.smsEligible
        ? 'phone-sms'
        : 'phone-no-sms'
      : check.kind;
  const account = context.account;
  let accountState: ReferenceData['account'] = 'unknown';
  if (account) {
    accountState = account.status;
    if (account.status === 'deactivated' && account.deactivationReason) {
      accountState =
        account.deactivationReason === 'merged'
          ? 'deactivated-merged'
          : account.deactivationReason === 'removed-by-employer'
            ? 'deactivated-removed'
            : 'deactivated-employer-left';
    }
  }
  return {
    path: context.trail.slice(-MAX_PATH),
    truncated: context.trail.length > MAX_PATH,
    contact,
    purpose: context.requestOutcome === 'none' && !check ? null : context.purpose,
    request: context.requestOutcome,
    sends: context.sendLog.sends,
    verification: context.verification,
    account: accountState,
    loginMethod: account?.loginMethod ?? 'unknown',
    username: account?.loginWith?.kind === 'username',
    at: new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS).toISOString(),
    locale: context.locale,
  };
}

/** The example the decoder's hint gives: the shape of a real code. */
export const EXAMPLE_REFERENCE_CODE = encodeReferenceCode({
  path: ['what-happens', 'code-not-received', 'enter-contact', 'code-sent', 'escalate-support'],
  truncated: false,
  contact: 'phone-sms',
  purpose: 'login-code',
  request: 'sent',
  sends: 1,
  verification: 'none',
  account: 'unknown',
  loginMethod: 'unknown',
  username: false,
  at: '2030-01-15T14:00:00.000Z',
  locale: 'en',
});
