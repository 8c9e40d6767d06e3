import { describe, expect, it } from 'vitest';
import { loadRules } from '../config';
import { checkPassword, hashPassword, verifyPassword } from './passwords';

const rules = loadRules({});

const identity = { username: 'dlavoie', email: 'dominique.lavoie@example.com' };

describe('password rules', () => {
  it.each([
    ['short1!', 'too-short'],
    ['é'.repeat(9), 'too-short'],
    ['x'.repeat(129), 'too-long'],
    ['password123', 'too-common'],
    ['Password2030!', 'too-common'],
    ['!!MotDePasse99', 'too-common'],
    ['qwertyuiop', 'too-common'],
    ['1234567890', 'too-common'],
    ['aaaaaaaaaaaa', 'too-common'],
    ['abababababab', 'too-common'],
    ['lkjhgfdsa0', 'too-common'],
    ['my-dlavoie-pass', 'contains-identity'],
    ['Dominique.Lavoie#7', 'contains-identity'],
    ['dominique.lavoie@example.com', 'contains-identity'],
  ])('refuses %j as %s', (password, problem) => {
    expect(checkPassword(password, identity, rules)).toBe(problem);
  });

  it.each(['correct horse battery', 'Lakeside-demo-2030', 'mauve-tambour-91', 'éléphant rose'])(
    'accepts %j',
    (password) => {
      expect(checkPassword(password, identity, rules)).toBeNull();
    },
  );

  it('follows the configured lengths', () => {
    const longer = loadRules({ PASSWORD_MIN_LENGTH: '14', PASSWORD_MAX_LENGTH: '64' });
    expect(checkPassword('mauve-tamb-1', identity, longer)).toBe('too-short');
    expect(checkPassword('mauve-tambour-91-rose', identity, longer)).toBeNull();
    expect(checkPassword('m'.repeat(30) + '-tambour-'.repeat(5), identity, longer)).toBe('too-long');
  });
});

describe('password hashing', () => {
  it('verifies the right password only, with a random salt', async () => {
    const first = await hashPassword('mauve-tambour-91');
    const second = await hashPassword('mauve-tambour-91');
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('mauve-tambour-91', first)).toBe(true);
    expect(await verifyPassword('mauve-tambour-92', first)).toBe(false);
  });
});
