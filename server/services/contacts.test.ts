import { describe, expect, it } from 'vitest';
import { getCountries, getCountryCallingCode, getExampleNumber } from 'libphonenumber-js';
import examples from 'libphonenumber-js/examples.mobile.json';
import { PHONE_COUNTRIES, PHONE_COUNTRY_CODES } from '../../shared/phone-countries';
import { checkContact, maskEmail, maskPhone, maskUsername, suggestDomain } from './contacts';

describe('checkContact', () => {
  it.each([
    ['+1 514 555 0101', '+15145550101', true],
    ['(514) 555-0101', '+15145550101', true],
    ['514.555.0101', '+15145550101', true],
    ['１ ５１４ ５５５ ０１０１', '+15145550101', true],
    ['  +1-438-555-0102\u200b ', '+14385550102', true],
    ['+33 6 39 98 01 23', '+33639980123', false],
  ])('reads the phone %j as %s (SMS: %s)', (input, normalized, smsEligible) => {
    expect(checkContact(input)).toEqual({ kind: 'phone', normalized, smsEligible, suggestion: null });
  });

  it.each([
    ['Camille.Dubois@Example.ORG', 'camille.dubois@example.org'],
    ['  sam.tremblay@example.org\t', 'sam.tremblay@example.org'],
    ['ｓａｍ@ｅｘａｍｐｌｅ.ｏｒｇ', 'sam@example.org'],
    ['jo+work@bücher.example', 'jo+work@xn--bcher-kva.example'],
  ])('normalizes the email %j to %s', (input, normalized) => {
    expect(checkContact(input)).toMatchObject({ kind: 'email', normalized, smsEligible: false });
  });

  it('suggests the likely domain of a mistyped email', () => {
    expect(checkContact('sam@gmial.com').suggestion).toBe('sam@gmail.com');
    expect(checkContact('sam@hotmail.con').suggestion).toBe('sam@hotmail.com');
    expect(checkContact('sam@videotron.ca').suggestion).toBeNull();
    expect(checkContact('sam@example.org').suggestion).toBeNull();
    expect(suggestDomain('yahooo.fr')).toBe('yahoo.fr');
  });

  it('recognizes usernames', () => {
    expect(checkContact('DLavoie')).toEqual({
      kind: 'username',
      normalized: 'dlavoie',
      smsEligible: false,
      suggestion: null,
    });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['a'.repeat(400), 'too-long'],
    ['sam@example.org\r\nBcc: x@example.com', 'control-characters'],
    ['sam@@example.org', 'email-format'],
    ['sam@example', 'email-format'],
    ['.sam@example.org', 'email-format'],
    ['sam@-example.org', 'email-format'],
    ['555-0100', 'phone-format'],
    ['+44 7700 900123', 'phone-format'],
    // A national number (trunk 0) cannot be North American: without a country, its code is needed.
    ['06 39 98 01 23', 'country-code'],
    ['12345', 'phone-format'],
    ['hello world', 'unrecognized'],
    ['ab', 'unrecognized'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(checkContact(input)).toEqual({
      kind: 'invalid',
      normalized: null,
      smsEligible: false,
      suggestion: null,
      reason,
    });
  });
});

describe('phone numbers in national formats', () => {
  const france = { kind: 'phone', normalized: '+33639980123', smsEligible: false, suggestion: null };

  it.each(['0033 6 39 98 01 23', '00 33 6 39 98 01 23', '+33 (0)6 39 98 01 23', '+33 06 39 98 01 23'])(
    'reads %j with its own country code, whatever country is chosen',
    (input) => {
      expect(checkContact(input)).toEqual(france);
      expect(checkContact(input, { country: 'NA' })).toEqual(france);
      expect(checkContact(input, { country: 'BE' })).toEqual(france);
    },
  );

  it('reads a national number in the chosen country', () => {
    expect(checkContact('06 39 98 01 23', { country: 'FR' })).toEqual(france);
    expect(checkContact('06.39.98.01.23', { country: 'FR' })).toEqual(france);
    expect(checkContact('612 34 56 78', { country: 'ES' })).toMatchObject({ normalized: '+34612345678' });
    expect(checkContact('06 39 98 01 23', { country: 'NA' })).toMatchObject({ reason: 'country-code' });
    expect(checkContact('06 39', { country: 'FR' })).toMatchObject({ reason: 'phone-format' });
  });

  it.each([
    '+1 514 555 0101',
    '1 514 555 0101',
    '(514) 555-0101',
    '514.555.0101',
    '5145550101',
    '011 1 514 555 0101',
  ])('reads the North American %j exactly as without a country, whatever country is chosen', (input) => {
    const alone = checkContact(input);
    expect(alone).toMatchObject({ kind: 'phone', normalized: '+15145550101', smsEligible: true });
    for (const country of PHONE_COUNTRY_CODES) expect(checkContact(input, { country })).toEqual(alone);
  });

  it('knows the calling code of every country of the selector', () => {
    for (const country of PHONE_COUNTRY_CODES) {
      expect(PHONE_COUNTRIES[country]).toBe(getCountryCallingCode(country === 'NA' ? 'US' : country));
    }
  });
});

describe('masks', () => {
  it('shows enough for the owner to recognize, not the whole value', () => {
    expect(maskEmail('dominique.lavoie@example.com')).toBe('d••••••e@example.com');
    expect(maskEmail('jo@example.com')).toBe('j•@example.com');
    expect(maskPhone('+15145550101')).toBe('+1 •••-•••-0101');
    expect(maskPhone('+33639980123')).toBe('+33 •••-•••-0123');
    expect(maskUsername('dlavoie')).toBe('d•••••e');
  });

  it('shows the country code of a number from any country', () => {
    for (const country of getCountries()) {
      const phone = getExampleNumber(country, examples)!;
      expect(maskPhone(phone.number)).toBe(`+${phone.countryCallingCode} •••-•••-${phone.number.slice(-4)}`);
    }
    expect(maskPhone('+80012345678')).toBe('+800 •••-•••-5678');
  });
});
