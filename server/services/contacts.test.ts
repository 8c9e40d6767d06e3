import { describe, expect, it } from 'vitest';
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
    ['06 39 98 01 23', 'phone-format'],
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

describe('masks', () => {
  it('shows enough for the owner to recognize, not the whole value', () => {
    expect(maskEmail('dominique.lavoie@example.com')).toBe('d••••••e@example.com');
    expect(maskEmail('jo@example.com')).toBe('j•@example.com');
    expect(maskPhone('+15145550101')).toBe('+1 •••-•••-0101');
    expect(maskPhone('+33639980123')).toBe('+33 •••-•••-0123');
    expect(maskUsername('dlavoie')).toBe('d•••••e');
  });
});
