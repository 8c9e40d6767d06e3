import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

import type { Rules } from '../config';

export type PasswordProblem = 'too-short' | 'too-long' | 'too-common' | 'contains-identity';

const COMMON = new Set(
  readFileSync(path.join(path.dirname(__filename), 'common-passwords.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#')),
);

const SEQUENCES = [
  '0123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'azertyuiop',
];

function isSequence(text: string): boolean {
  const reversed = [...text].reverse().join('');
  return SEQUENCES.some(
    (sequence) => (sequence + sequence).includes(text) || (sequence + sequence).includes(reversed),
  );
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  // "Password2024!", "!!soleil1234", "lkjhgfdsa0": a common word or a keyboard run, decorated.
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (COMMON.has(lower) || COMMON.has(core)) return true;
  if (new Set(lower).size <= 3) return true;
  return isSequence(lower) || (core.length >= 6 && isSequence(core));
}

export type PasswordRules = Pick<Rules, 'passwordMinLength' | 'passwordMaxLength'>;

/**
 * The password rules: at least `passwordMinLength` characters (10 by default), at most
 * `passwordMaxLength` (128), not a common password, and not containing the username or the email
 * (or its local part).
 */
export function checkPassword(
  password: string,
  identity: { username?: string | null; email?: string | null },
  rules: PasswordRules,
): PasswordProblem | null {
  const normalized = password.normalize('NFKC');
  const length = [...normalized].length;
  if (length < rules.passwordMinLength) return 'too-short';
  if (length > rules.passwordMaxLength) return 'too-long';
  const lower = normalized.toLowerCase();
  const identifiers = [identity.username, identity.email, identity.email?.split('@')[0]]
    .filter((value): value is string => Boolean(value) && value!.length >= 3)
    .map((value) => value.toLowerCase());
  if (identifiers.some((value) => lower.includes(value))) return 'contains-identity';
  if (isCommon(normalized)) return 'too-common';
  return null;
}

const SCRYPT = { N: 16_384, r: 8, p: 1, keyLength: 32 };

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFKC'), salt, SCRYPT.keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** scrypt with a random salt, encoded `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = encoded.split('$');
  if (scheme !== 'scrypt') return false;
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  const expected = Buffer.from(hash, 'base64url');
  return key.length === expected.length && timingSafeEqual(key, expected);
}
