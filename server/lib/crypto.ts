import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  randomInt,
  timingSafeEqual,
} from 'node:crypto';

/** Keys derived from the one server secret, each for one use. */
export interface Keys {
  hmac: Buffer;
  encryption: Buffer;
}

/** Derives the HMAC and encryption keys from `SECRET_KEY`. */
export function deriveKeys(secret: string): Keys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'login-help-center', info, 32));
  return { hmac: derive('hmac-v1'), encryption: derive('outbox-encryption-v1') };
}

function hmac(keys: Keys, ...parts: string[]): string {
  // A separator that cannot appear in a normalized contact, a purpose or a code.
  return createHmac('sha256', keys.hmac).update(parts.join('\u0000')).digest('base64url');
}

/** A stable, non-reversible key for a normalized contact (rate limits, lookups, logs). */
export function contactKey(keys: Keys, normalizedContact: string): string {
  return hmac(keys, 'contact', normalizedContact);
}

/** A key for a client address (rate limits), so addresses are not stored in clear. */
export function clientKey(keys: Keys, address: string): string {
  return hmac(keys, 'client', address);
}

/** HMAC-SHA256(secret, purpose ‖ contact ‖ code): what is stored for a code. */
export function codeHash(keys: Keys, purpose: string, normalizedContact: string, code: string): string {
  return hmac(keys, purpose, normalizedContact, code);
}

/** What is stored for a link or session token (the page that redeems it only knows the token). */
export function tokenHash(keys: Keys, purpose: string, token: string): string {
  return hmac(keys, purpose, token);
}

/** Constant-time comparison of two hashes. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A numeric code from `crypto.randomInt`, zero-padded. */
export function randomCode(digits: number): string {
  return randomInt(0, 10 ** digits)
    .toString()
    .padStart(digits, '0');
}

/** 32 random bytes, base64url (43 characters). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** AES-256-GCM; the output is `iv.tag.ciphertext` in base64url. */
export function encrypt(keys: Keys, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
}

export function decrypt(keys: Keys, sealed: string): string {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
