import { describe, expect, it } from 'vitest';
import { phoneCountryOrder, withCountryCode } from './phone-countries';

describe('the phone country of a contact field', () => {
  it('writes a national number with the chosen country’s code, and leaves the rest as typed', () => {
    expect(withCountryCode('06 39 98 01 23', 'FR')).toBe('+33 06 39 98 01 23');
    expect(withCountryCode(' ０６ ３９ ９８ ０１ ２３ ', 'FR')).toBe('+33 06 39 98 01 23');
    // North American numbers, international ones and emails go exactly as typed, whatever the country.
    for (const typed of [
      '514 555 0101',
      '(514) 555-0101',
      '1 514 555 0101',
      '+33 6 39 98 01 23',
      '0033 6 39 98 01 23',
      '011 33 6 39 98 01 23',
      'camille@example.org',
    ])
      expect(withCountryCode(typed, 'FR')).toBe(typed);
    expect(withCountryCode('06 39 98 01 23', 'NA')).toBe('06 39 98 01 23');
  });

  it('lists North America first in both languages, France next in French', () => {
    const name = (country: string) => country;
    expect(phoneCountryOrder('en', name).slice(0, 2)).toEqual(['NA', 'BE']);
    expect(phoneCountryOrder('fr', name).slice(0, 3)).toEqual(['NA', 'FR', 'BE']);
  });
});
