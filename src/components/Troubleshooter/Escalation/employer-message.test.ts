import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { EmployerReason } from '../../../troubleshooter/steps';

vi.mock('@docusaurus/Translate', () => import('./translate-mock'));
const { language } = await import('./translate-mock');
const { EMPLOYER_MORE, EMPLOYER_SECTION, employerMessageBody, mailto, publicOrigin } =
  await import('./employer-message');

const ROOT = path.resolve(__dirname, '../../../..');
const GUIDE = 'https://help.example.com/docs/employers/worker-cannot-log-in';

describe('the message to the employer', () => {
  it('asks for what the worker needs, with the reference code and the guide’s section', () => {
    const { subject, body } = employerMessageBody({
      reason: 'invite',
      product: 'WorkforceApp',
      code: '7K2M-QX9T-4RB',
      guideUrl: GUIDE,
    });
    expect(subject).toBe('Please invite me to WorkforceApp');
    // The fix: the request names the details to look for (a line to fill in when none was typed).
    expect(body.split('\n\n')).toEqual([
      'Hello,',
      'I cannot log in to WorkforceApp: I do not think my account exists yet. Could you invite me?',
      'My phone number or email address:',
      'Reference code from the login help center: 7K2M-QX9T-4RB',
      `How to do it: ${GUIDE}#resend-invitation`,
      'See also: https://help.example.com/docs/employers/worker-login-status#invitation-status',
      'Thank you.',
    ]);
  });

  it('gives the employer the phone number or email address the worker typed, in their language', () => {
    const phone = employerMessageBody({
      reason: 'check-contact',
      product: 'App',
      code: 'X',
      guideUrl: GUIDE,
      contact: { kind: 'phone', value: '514 555 0134' },
    });
    expect(phone.body).toContain('\n\nMy phone number: 514 555 0134\n\n');
    // An email address to add: the email line, to complete when the worker typed their phone.
    const add = employerMessageBody({
      reason: 'add-email',
      product: 'App',
      code: 'X',
      guideUrl: GUIDE,
      contact: { kind: 'phone', value: '+33 6 12 34 56 78' },
    });
    expect(add.body).toContain('\n\nMy email address:\n\n');
    expect(add.body).not.toContain('+33');
    language.current = 'fr';
    try {
      const french = employerMessageBody({
        reason: 'invite',
        product: 'App',
        code: 'X',
        guideUrl: GUIDE,
        contact: { kind: 'email', value: 'sam@example.com' },
      });
      expect(french.body).toContain('Mon adresse courriel\u00a0: sam@example.com');
    } finally {
      language.current = 'en';
    }
  });

  it('links from the public origin, never from a local default in production', () => {
    expect(publicOrigin('https://help.example.com/', 'https://other.example.com')).toBe(
      'https://help.example.com',
    );
    expect(publicOrigin('http://localhost:3000', 'https://help.example.com')).toBe(
      'https://help.example.com',
    );
    expect(publicOrigin('http://localhost:3000', 'http://127.0.0.1:3000')).toBe('http://localhost:3000');
    expect(publicOrigin('http://localhost:3000', null)).toBe('http://localhost:3000');
  });

  it('points every reason at a section of the employers’ guide, in English and in French', () => {
    const reasons = Object.keys(EMPLOYER_SECTION) as EmployerReason[];
    expect(reasons.length).toBeGreaterThanOrEqual(8);
    for (const file of [
      'docs/employers/worker-cannot-log-in.mdx',
      'i18n/fr/docusaurus-plugin-content-docs/current/employers/worker-cannot-log-in.mdx',
    ]) {
      const guide = readFileSync(path.join(ROOT, file), 'utf8');
      expect(
        reasons.filter((reason) => !guide.includes(`{#${EMPLOYER_SECTION[reason]}}`)),
        file,
      ).toEqual([]);
    }
    for (const reason of reasons) {
      const { subject, body } = employerMessageBody({ reason, product: 'App', code: 'X', guideUrl: GUIDE });
      expect(subject, reason).toContain('App');
      expect(body, reason).toContain(`${GUIDE}#${EMPLOYER_SECTION[reason]}`);
    }
    // The other articles a message points to exist in both languages, with that section.
    for (const target of Object.values(EMPLOYER_MORE)) {
      const [page, section] = target.split('#');
      for (const root of ['docs', 'i18n/fr/docusaurus-plugin-content-docs/current']) {
        const article = readFileSync(path.join(ROOT, root, 'employers', `${page}.mdx`), 'utf8');
        expect(article, `${root}: ${target}`).toContain(`{#${section}}`);
      }
    }
  });

  it('opens the mail app with the whole message, encoded', () => {
    const link = mailto('', 'Sujet : accès', 'Bonjour,\n\nMerci & à bientôt');
    expect(link).toMatch(/^mailto:\?subject=/);
    const params = new URLSearchParams(link.slice('mailto:'.length));
    expect(params.get('subject')).toBe('Sujet : accès');
    expect(params.get('body')).toBe('Bonjour,\n\nMerci & à bientôt');
  });
});
