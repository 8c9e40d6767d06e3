import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { DEACTIVATION_REASONS } from '../db/schema';
import {
  EMAIL_TEMPLATES,
  frenchTypography,
  renderEmail,
  renderSms,
  SMS_TEMPLATES,
  type MessageVars,
} from './templates';

const GSM7 =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

const vars: MessageVars = {
  firstName: 'Dominique',
  code: '012345',
  link: 'https://help.example.com/fr/account/unlock#token=' + 'A'.repeat(43),
  validSeconds: 600,
  note: null,
  loginMethod: 'code',
  username: null,
  employerName: 'Harbourview Logistics',
  deactivationReason: 'employer-left',
  hasEmailOnFile: true,
  // A long host: the WebOTP line must still fit.
  host: 'help.workforce-app-staging.example.com',
  helpCenterUrl: 'https://help.example.com/',
  brand: loadConfig({}).brand,
  rules: loadConfig({}).security,
};

describe('SMS', () => {
  for (const template of SMS_TEMPLATES) {
    for (const locale of ['en', 'fr'] as const) {
      for (const reason of DEACTIVATION_REASONS) {
        it(`${template} (${locale}, ${reason}) fits one GSM-7 segment`, () => {
          for (const hasEmailOnFile of [true, false]) {
            const text = renderSms(template, locale, { ...vars, deactivationReason: reason, hasEmailOnFile });
            expect([...text].filter((ch) => !GSM7.includes(ch))).toEqual([]);
            expect(text.length).toBeLessThanOrEqual(160);
          }
        });
      }
    }
  }

  it('stays one segment with a long brand and host: the link gives way, never the words or the WebOTP line', () => {
    const long = {
      ...vars,
      brand: { ...vars.brand, productName: 'Workforce Scheduling Pro' },
      helpCenterUrl: 'https://help.workforce-app-staging.example.com/fr/',
    };
    for (const template of SMS_TEMPLATES) {
      for (const locale of ['en', 'fr'] as const) {
        const text = renderSms(template, locale, long);
        expect(text.length, `${template} ${locale}`).toBeLessThanOrEqual(160);
        expect(text.startsWith('Workforce Scheduling Pro')).toBe(true);
      }
    }
    expect(renderSms('login-code', 'en', long).split('\n').at(-1)).toBe(
      '@help.workforce-app-staging.example.com #012345',
    );
    // With the usual host, the link is there, before the WebOTP line.
    expect(renderSms('login-code', 'fr', { ...vars, host: 'help.example.com' })).toBe(
      'WorkforceApp : votre code de connexion est 012345, valide 10 min.\nhttps://help.example.com/troubleshoot?step=code-rejected\n\n@help.example.com #012345',
    );
  });

  it('ends a code message with the WebOTP line', () => {
    for (const locale of ['en', 'fr'] as const) {
      const lines = renderSms('login-code', locale, vars).split('\n');
      expect(lines.at(-1)).toBe('@help.workforce-app-staging.example.com #012345');
    }
  });
});

describe('emails', () => {
  for (const template of EMAIL_TEMPLATES) {
    it(`${template} exists in English and French, as text and HTML`, () => {
      const en = renderEmail(template, 'en', vars);
      const fr = renderEmail(template, 'fr', vars);
      expect(en.subject).not.toBe(fr.subject);
      for (const email of [en, fr]) {
        expect(email.subject.length).toBeGreaterThan(5);
        expect(email.html).toContain('<html lang=');
        expect(email.text).toContain('Dominique');
      }
      // French typography: no plain space before high punctuation.
      expect(fr.text).not.toMatch(/ [:;?!]/);
      expect(fr.subject).not.toMatch(/ [:;?!]/);
    });
  }

  it('puts the code or the link in both parts and escapes HTML', () => {
    const code = renderEmail('login-code', 'en', vars);
    expect(code.text).toContain('012345');
    expect(code.html).toContain('012345');
    const link = renderEmail('unlock-link', 'fr', vars);
    expect(link.text).toContain(vars.link);
    expect(link.html).toContain(`href="${vars.link}"`);
    const hostile = renderEmail('login-code', 'en', { ...vars, firstName: '<script>' });
    expect(hostile.html).not.toContain('<script>');
    expect(hostile.html).toContain('&lt;script&gt;');
  });

  it('tells how to log in: username, password, single sign-on', () => {
    expect(
      renderEmail('login-code', 'en', { ...vars, loginMethod: 'password', username: 'dlavoie' }).text,
    ).toContain('your username "dlavoie"');
    expect(renderEmail('login-code', 'fr', { ...vars, loginMethod: 'sso' }).text).toContain(
      'authentification unique',
    );
    expect(renderEmail('deactivated', 'en', { ...vars, deactivationReason: 'merged' }).text).toContain(
      'release it',
    );
  });

  it('names the employer, or says "Your employer" with a capital where a sentence starts with it', () => {
    const none = { ...vars, employerName: null };
    expect(
      renderEmail('deactivated', 'en', { ...none, deactivationReason: 'removed-by-employer' }).text,
    ).toContain('\n\nYour access to this account was removed by your employer.');
    expect(renderEmail('sso-notice', 'fr', none).text).toContain(
      '\n\nVotre employeur utilise l’authentification unique',
    );
    expect(renderEmail('login-code', 'en', { ...vars, note: 'invited' }).text).toContain(
      'Harbourview Logistics invited you',
    );
  });

  it('tells a merged or closed account to write to support, a removed one to ask the employer', () => {
    for (const locale of ['en', 'fr'] as const) {
      for (const channel of ['email', 'sms'] as const) {
        const say = (reason: 'merged' | 'removed-by-employer' | 'employer-left') => {
          const v = { ...vars, deactivationReason: reason };
          return channel === 'sms'
            ? renderSms('deactivated', locale, v)
            : renderEmail('deactivated', locale, v).text;
        };
        const support = locale === 'fr' ? /soutien/ : /support/;
        expect(say('merged')).toMatch(support);
        expect(say('employer-left')).toMatch(support);
        expect(say('removed-by-employer')).not.toMatch(support);
      }
    }
  });
});

describe('frenchTypography', () => {
  it('puts a no-break space before high punctuation and inside guillemets, never in URLs', () => {
    expect(frenchTypography('Code : 1 ; ok ? oui ! « mot »')).toBe(
      'Code\u00a0: 1\u00a0; ok\u00a0? oui\u00a0! «\u00a0mot\u00a0»',
    );
    expect(frenchTypography('https://help.example.com/fr')).toBe('https://help.example.com/fr');
  });
});
