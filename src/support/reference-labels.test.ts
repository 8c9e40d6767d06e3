import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  ACCOUNT_STATES,
  CONTACT_KINDS,
  LOGIN_METHODS,
  REQUEST_OUTCOMES,
  VERIFICATIONS,
  EXAMPLE_REFERENCE_CODE,
} from '../troubleshooter/reference-code';
import { PURPOSES } from '../troubleshooter/steps';

// translate() as the French build does it: the message of code.json, placeholders filled.
const french = JSON.parse(readFileSync(path.resolve(__dirname, '../../i18n/fr/code.json'), 'utf8')) as Record<
  string,
  { message: string }
>;
vi.mock('@docusaurus/Translate', () => ({
  translate: ({ id }: { id: string; message: string }, values: Record<string, string> = {}) =>
    (french[id]?.message ?? `MISSING ${id}`).replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? ''),
}));
const labels = await import('./reference-labels');

/** One label per value, in French, none missing and no two alike (the agent must tell them apart). */
function expectDistinct<T>(values: readonly T[], label: (value: T) => string): void {
  const texts = values.map(label);
  expect(texts.filter((text) => text.includes('MISSING') || text.trim() === '')).toEqual([]);
  expect(new Set(texts).size).toBe(values.length);
}

describe('what a reference code says, in the agent’s language', () => {
  it('names every value the codec can carry', () => {
    expectDistinct(CONTACT_KINDS, labels.referenceContactLabel);
    expectDistinct([null, ...PURPOSES], labels.referencePurposeLabel);
    expectDistinct(
      REQUEST_OUTCOMES.filter((outcome) => outcome !== 'unreachable'),
      labels.referenceRequestLabel,
    );
    expectDistinct(
      VERIFICATIONS.filter((outcome) => outcome !== 'unreachable'),
      labels.referenceVerificationLabel,
    );
    expectDistinct(ACCOUNT_STATES, labels.referenceAccountLabel);
    expectDistinct(LOGIN_METHODS, labels.referenceLoginMethodLabel);
    expect([0, 1, 2, 3].map(labels.referenceSendsLabel)).toEqual(['0', '1', '2', '3 ou plus']);
  });

  it('explains every decoding problem', () => {
    expectDistinct(['empty', 'format', 'checksum', 'version', 'content'] as const, labels.decodeProblemLabel);
    expect(labels.referenceAccountLabel('deactivated-merged')).toBe(
      'Désactivé\u00a0: fusionné avec un autre compte',
    );
    // What is really wrong: characters missing or extra, a letter a code never has.
    expect(labels.decodeProblemLabel('length', { length: 17, expected: 19 })).toMatch(
      /^Il manque des caractères\u00a0: ce code en a 17, un code de référence en a 19\./,
    );
    expect(labels.decodeProblemLabel('length', { length: 20, expected: 19 })).toMatch(
      /^Il y a des caractères en trop\u00a0: ce code en a 20/,
    );
    expect(labels.decodeProblemLabel('format', { characters: ['U'] })).toMatch(
      /^Un code de référence ne contient jamais «\u00a0U\u00a0»/,
    );
    expect(labels.decodeProblemLabel('format', { characters: ['?'] })).toContain(
      `par exemple ${EXAMPLE_REFERENCE_CODE}.`,
    );
  });
});
