import { describe, expect, it } from 'vitest';
import { acceptedLocale } from './middleware';

describe('acceptedLocale', () => {
  it('takes the language of ours the header prefers, by weight then order', () => {
    expect(acceptedLocale('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(acceptedLocale('en-US,en;q=0.9,fr;q=0.8')).toBe('en');
    expect(acceptedLocale('de-DE, fr;q=0.5, en;q=0.7')).toBe('en');
    expect(acceptedLocale('en;q=0.2, FR_ca;q=0.3')).toBe('fr');
    expect(acceptedLocale('fr, en')).toBe('fr');
  });

  it('ignores what it cannot use: refused (q=0), other languages, nothing', () => {
    expect(acceptedLocale('fr;q=0, en;q=0.1')).toBe('en');
    expect(acceptedLocale('fr;q=0')).toBeNull();
    expect(acceptedLocale('de, es;q=0.9, *;q=0.1')).toBeNull();
    expect(acceptedLocale('')).toBeNull();
    expect(acceptedLocale(undefined)).toBeNull();
    expect(acceptedLocale(';;;,,,q=')).toBeNull();
  });
});
