import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/locale';
import { createAnalyzer, fold, SYNONYMS, SYNONYM_MARK } from './analyzer';

/** The synonym term two texts share, if any: what makes one find the other. */
function sharedSynonym(locale: 'en' | 'fr', a: string, b: string): string | undefined {
  const analyzer = createAnalyzer(locale);
  const left = new Set(analyzer.terms(a).filter((term) => term.startsWith(SYNONYM_MARK)));
  return analyzer.terms(b).find((term) => left.has(term));
}

describe('fold', () => {
  it('drops accents, case and ligatures the way a phone keyboard does', () => {
    expect(fold('Désactivé, RÉINITIALISER, cœur, Ça')).toBe('desactive, reinitialiser, coeur, ca');
  });
});

describe('the analyzer', () => {
  it('stems, so plural and verb forms meet', () => {
    const en = createAnalyzer('en');
    expect(en.terms('codes')).toEqual(en.terms('code'));
    expect(en.terms('locked')).toEqual(en.terms('locking'));
    const fr = createAnalyzer('fr');
    expect(fr.terms('courriels')).toEqual(fr.terms('courriel'));
  });

  it('matches French without accents', () => {
    const fr = createAnalyzer('fr');
    expect(fr.terms('desactive')).toEqual(fr.terms('désactivé'));
    expect(fr.terms('reinitialiser')).toEqual(fr.terms('réinitialiser'));
  });

  it('leaves stop words out but matches phrases with them ("sign in" is not "sign up")', () => {
    const en = createAnalyzer('en');
    expect(en.terms('the my of')).toEqual([]);
    expect(sharedSynonym('en', 'sign in', 'log in')).toBeDefined();
    expect(sharedSynonym('en', 'sign up', 'log in')).toBeUndefined();
  });
});

describe('the synonym tables', () => {
  it.each([
    ['fr', 'suspendu', 'désactivé'],
    ['fr', 'texto', 'SMS'],
    ['fr', 'texto', 'message texte'],
    ['fr', 'courriel', 'email'],
    ['fr', 'courriel', 'e-mail'],
    ['fr', 'cellulaire', 'mobile'],
    ['fr', 'compte bloqué', 'compte verrouillé'],
    ['en', 'suspended', 'deactivated'],
    ['en', 'cell', 'mobile'],
    ['en', 'sign in', 'log in'],
    ['en', 'text message', 'SMS'],
    ['en', 'e-mail', 'email'],
  ] as const)('%s: "%s" finds "%s"', (locale, a, b) => {
    expect(sharedSynonym(locale, a, b)).toBeDefined();
    expect(sharedSynonym(locale, b, a)).toBeDefined();
  });

  it.each(LOCALES)(
    '%s: every group has two or more entries, each with a word the analyzer keeps',
    (locale) => {
      const analyzer = createAnalyzer(locale, []);
      for (const group of SYNONYMS[locale]) {
        expect(group.length, group.join(', ')).toBeGreaterThanOrEqual(2);
        for (const entry of group) expect(analyzer.terms(entry), entry).not.toEqual([]);
      }
    },
  );

  it.each(LOCALES)('%s: no entry is written twice (one meaning per word)', (locale) => {
    const seen = new Map<string, number>();
    const twice: string[] = [];
    SYNONYMS[locale].forEach((group, index) => {
      for (const entry of group) {
        const key = fold(entry)
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim();
        if (seen.has(key)) twice.push(`"${entry}" (groups ${seen.get(key)} and ${index})`);
        else seen.set(key, index);
      }
    });
    expect(twice).toEqual([]);
  });

  it('keeps different meanings apart: locked is not deactivated', () => {
    expect(sharedSynonym('en', 'locked', 'deactivated')).toBeUndefined();
    expect(sharedSynonym('fr', 'verrouillé', 'désactivé')).toBeUndefined();
  });
});
