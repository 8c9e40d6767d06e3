import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LOCALES } from '../../shared/locale';
import {
  ACCOUNT_STATES,
  CODE_LENGTH,
  CONTACT_KINDS,
  EXAMPLE_REFERENCE_CODE,
  LOGIN_METHODS,
  MAX_PATH,
  REQUEST_OUTCOMES,
  VERIFICATIONS,
  decodeReferenceCode,
  encodeReferenceCode,
  foreignCharacters,
  type ReferenceData,
} from './reference-code';
import { PURPOSES, STEP_IDS } from './steps';

/** When the agent decodes, in these tests. */
const NOW = new Date('2030-01-15T14:00:00.000Z');
const MINUTE = 60_000;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const referenceData: fc.Arbitrary<ReferenceData> = fc
  .record({
    path: fc.array(fc.constantFrom(...STEP_IDS), { minLength: 1, maxLength: MAX_PATH }),
    truncated: fc.boolean(),
    contact: fc.constantFrom(...CONTACT_KINDS),
    purpose: fc.constantFrom(null, ...PURPOSES),
    request: fc.constantFrom(...REQUEST_OUTCOMES),
    sends: fc.integer({ min: 0, max: 3 }),
    verification: fc.constantFrom(...VERIFICATIONS),
    account: fc.constantFrom(...ACCOUNT_STATES),
    loginMethod: fc.constantFrom(...LOGIN_METHODS),
    username: fc.boolean(),
    // Any minute of the last 90 days (the code's time reads back within 91 days).
    at: fc
      .integer({ min: 0, max: 90 * 24 * 60 })
      .map((ago) => new Date(NOW.getTime() - ago * MINUTE).toISOString()),
    locale: fc.constantFrom(...LOCALES),
  })
  .map((data) => data as ReferenceData);

const typical: ReferenceData = {
  path: [
    'what-happens',
    'code-not-received',
    'enter-contact',
    'code-sent',
    'account-locked',
    'escalate-support',
  ],
  truncated: false,
  contact: 'phone-sms',
  purpose: 'login-code',
  request: 'sent',
  sends: 1,
  verification: 'verified',
  account: 'locked',
  loginMethod: 'code',
  username: false,
  at: '2030-01-15T13:52:00.000Z',
  locale: 'fr',
};

describe('reference codes', () => {
  it('decodes what it encodes, for any path and API results', () => {
    fc.assert(
      fc.property(referenceData, (data) => {
        expect(decodeReferenceCode(encodeReferenceCode(data), NOW)).toEqual({ ok: true, data });
      }),
    );
  });

  it('keeps its wire format: a code written down today still decodes later', () => {
    // Fixtures, not recomputations: if these fail the format changed and CODE_VERSION must move.
    expect(encodeReferenceCode(typical)).toBe('8JAK-BV7G-04MY-G4MR-002');
    expect(decodeReferenceCode('8JAK-BV7G-04MY-G4MR-002', NOW)).toEqual({ ok: true, data: typical });
    // A version-1 code (before codes carried their time and language) decodes as it did.
    expect(decodeReferenceCode('4JAK-AG4M-YG4M-R5')).toEqual({
      ok: true,
      data: { ...typical, at: null, locale: null },
    });
  });

  it('carries the minute it was made and its language, read back as the latest such minute', () => {
    const code = encodeReferenceCode(typical);
    expect(decodeReferenceCode(code, NOW)).toMatchObject({
      data: { at: '2030-01-15T13:52:00.000Z', locale: 'fr' },
    });
    // Decoded a week later: still the day it was made.
    const later = new Date(NOW.getTime() + 7 * 24 * 60 * MINUTE);
    expect(decodeReferenceCode(code, later)).toMatchObject({ data: { at: '2030-01-15T13:52:00.000Z' } });
    // A worker's clock a few minutes ahead of the agent's is not a code from three months ago.
    const ahead = encodeReferenceCode({ ...typical, at: '2030-01-15T14:05:00.000Z' });
    expect(decodeReferenceCode(ahead, NOW)).toMatchObject({ data: { at: '2030-01-15T14:05:00.000Z' } });
  });

  it('is short enough to read over the phone, in groups of four, and always as long', () => {
    const code = encodeReferenceCode(typical);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
    expect(code.replace(/-/g, '')).toHaveLength(CODE_LENGTH);
    expect(CODE_LENGTH).toBe(19);
    const shortest = encodeReferenceCode({ ...typical, path: ['what-happens'] });
    const longest = encodeReferenceCode({ ...typical, path: STEP_IDS.slice(0, MAX_PATH) });
    expect(shortest.replace(/-/g, '')).toHaveLength(CODE_LENGTH);
    expect(longest.replace(/-/g, '')).toHaveLength(CODE_LENGTH);
    // The decoder's example has the shape of a real code.
    expect(EXAMPLE_REFERENCE_CODE).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{3}$/);
    expect(decodeReferenceCode(EXAMPLE_REFERENCE_CODE).ok).toBe(true);
  });

  it('tells characters missing or extra from a typo', () => {
    fc.assert(
      fc.property(referenceData, fc.nat(), (data, seed) => {
        const code = encodeReferenceCode(data).replace(/-/g, '');
        const at = seed % code.length;
        expect(decodeReferenceCode(code.slice(0, at) + code.slice(at + 1))).toEqual({
          ok: false,
          reason: 'length',
          length: CODE_LENGTH - 1,
          expected: CODE_LENGTH,
        });
        expect(decodeReferenceCode(code.slice(0, at) + '7' + code.slice(at))).toMatchObject({
          reason: 'length',
          length: CODE_LENGTH + 1,
        });
      }),
      { numRuns: 100 },
    );
    expect(decodeReferenceCode('8JAK-AG9F-ZK23')).toMatchObject({ reason: 'length', length: 12 });
    // A typo in a version-1 code is still a typo.
    expect(decodeReferenceCode('4JAK-AG4M-YG4M-R6')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('names the characters that never appear in a code', () => {
    expect(foreignCharacters('8jak-ag9u-zk2?')).toEqual(['U', '?']);
    expect(foreignCharacters('8jak ag9f zk23 8jr4 znm')).toEqual([]);
  });

  it('uses only unambiguous characters', () => {
    fc.assert(
      fc.property(referenceData, (data) => {
        expect(encodeReferenceCode(data)).toMatch(/^[0-9A-HJKMNP-TV-Z-]+$/);
      }),
    );
  });

  it('accepts the code as a person types it: lower case, spaces, O for 0, I or L for 1', () => {
    const code = encodeReferenceCode({ ...typical, path: ['what-happens', 'no-account'] });
    const spoken = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(decodeReferenceCode(spoken)).toEqual(decodeReferenceCode(code));
    expect(decodeReferenceCode(spoken).ok).toBe(true);
  });

  it('rejects every code with one character mistyped', () => {
    fc.assert(
      fc.property(referenceData, (data) => {
        const code = encodeReferenceCode(data).replace(/-/g, '');
        for (let i = 0; i < code.length; i += 1) {
          for (const char of ALPHABET) {
            if (char === code[i]) continue;
            const typo = code.slice(0, i) + char + code.slice(i + 1);
            expect(decodeReferenceCode(typo)).toEqual({ ok: false, reason: 'checksum' });
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('rejects two neighbours swapped, except the one pair Luhn mod 32 cannot see (0 and Z)', () => {
    fc.assert(
      fc.property(referenceData, (data) => {
        const code = encodeReferenceCode(data).replace(/-/g, '');
        for (let i = 0; i + 1 < code.length; i += 1) {
          const [a, b] = [code[i], code[i + 1]];
          if (a === b || (a === '0' && b === 'Z') || (a === 'Z' && b === '0')) continue;
          const swapped = code.slice(0, i) + b + a + code.slice(i + 2);
          expect(decodeReferenceCode(swapped).ok).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('answers anything else with a reason, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (input) => {
        const result = decodeReferenceCode(input);
        if (result.ok) expect(encodeReferenceCode(result.data).replace(/-/g, '')).toBeTruthy();
        else expect(['format', 'checksum', 'version', 'content', 'length']).toContain(result.reason);
      }),
    );
    expect(decodeReferenceCode('')).toEqual({ ok: false, reason: 'format' });
    expect(decodeReferenceCode('HELLO-UUUU')).toEqual({ ok: false, reason: 'format' });
  });

  it('refuses a code from an unknown future version', () => {
    // Version 7 in the first three bits, then a valid check character.
    const body = [28, 0, 0, 0];
    let sum = 0;
    let factor = 2;
    for (let i = body.length - 1; i >= 0; i -= 1) {
      const addend = body[i] * factor;
      sum += Math.floor(addend / 32) + (addend % 32);
      factor = factor === 2 ? 1 : 2;
    }
    const code = [...body, (32 - (sum % 32)) % 32].map((value) => ALPHABET[value]).join('');
    expect(decodeReferenceCode(code)).toEqual({ ok: false, reason: 'version' });
  });
});
