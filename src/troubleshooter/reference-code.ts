/**
 * Reference codes: what a worker reads to support over the phone when the troubleshooter hands off.
 * A code packs the last steps taken and what the API answered into a few characters of Crockford's
 * base 32 (no I, L, O or U: nothing to confuse), followed by a Luhn mod 32 check character that
 * catches any single mistyped character and nearly every swap of two neighbours.
 *
 * Layout, most significant bit first (version 1):
 *   version 3 · contact 3 · purpose 3 · request 3 · sends 2 · verification 2 · account 4 ·
 *   login method 2 · username 1 · path length − 1: 3 · truncated 1 · steps 6 each (STEP_NUMBERS)
 * then zero bits up to a multiple of 5, then the check character.
 *
 * No XState here: the support lookup page decodes codes without loading the machine.
 */
import type { TroubleshooterContext } from './context';
import { PURPOSES, STEP_NUMBERS, type Purpose, type StepId } from './steps';

export const CODE_VERSION = 1;
export const MAX_PATH = 8;

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
}

export type DecodeResult =
  { ok: true; data: ReferenceData } | { ok: false; reason: 'format' | 'checksum' | 'version' | 'content' };

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

/** Groups of four for reading aloud: "7K2M-QX9T-4RB". */
export function formatReferenceCode(raw: string): string {
  return raw.match(/.{1,4}/g)?.join('-') ?? raw;
}

export function encodeReferenceCode(data: ReferenceData): string {
  const path = data.path.slice(-MAX_PATH);
  if (path.length === 0) throw new RangeError('a reference code needs at least one step');
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
  writer.write(path.length - 1, 3);
  writer.write(data.truncated || data.path.length > MAX_PATH ? 1 : 0, 1);
  for (const step of path) writer.write(STEP_NUMBERS[step], 6);
  while (writer.bits.length % 5 !== 0) writer.bits.push(0);
  const values: number[] = [];
  for (let i = 0; i < writer.bits.length; i += 5) {
    values.push(writer.bits.slice(i, i + 5).reduce((acc, bit) => acc * 2 + bit, 0));
  }
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

export function decodeReferenceCode(input: string): DecodeResult {
  const code = normalizeReferenceCode(input);
  if (code.length < 2 || code.length > 40 || [...code].some((char) => !ALPHABET.includes(char))) {
    return { ok: false, reason: 'format' };
  }
  const values = [...code].map((char) => ALPHABET.indexOf(char));
  const body = values.slice(0, -1);
  if (luhnCheck(body) !== values[values.length - 1]) return { ok: false, reason: 'checksum' };
  const bits = body.flatMap((value) => [4, 3, 2, 1, 0].map((shift) => (value >> shift) & 1));
  const reader = new BitReader(bits);
  try {
    if (reader.read(3) !== CODE_VERSION) return { ok: false, reason: 'version' };
    const contact = CONTACT_KINDS[reader.read(3)];
    const purposeIndex = reader.read(3);
    const request = REQUEST_OUTCOMES[reader.read(3)];
    const sends = reader.read(2);
    const verification = VERIFICATIONS[reader.read(2)];
    const account = ACCOUNT_STATES[reader.read(4)];
    const loginMethod = LOGIN_METHODS[reader.read(2)];
    const username = reader.read(1) === 1;
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
    const purpose = purposeIndex === 0 ? null : (PURPOSES[purposeIndex - 1] ?? undefined);
    if (!contact || purpose === undefined || !request || !verification || !account || !loginMethod) {
      return { ok: false, reason: 'content' };
    }
    return {
      ok: true,
      data: {
        path,
        truncated,
        contact,
        purpose,
        request,
        sends,
        verification,
        account,
        loginMethod,
        username,
      },
    };
  } catch {
    return { ok: false, reason: 'format' };
  }
}

/** What a reference code says about the troubleshooter's current run. */
export function referenceDataFor(context: TroubleshooterContext): ReferenceData {
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
  };
}
