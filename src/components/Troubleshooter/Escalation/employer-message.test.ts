import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { EmployerReason } from '../../../troubleshooter/steps';

vi.mock('@docusaurus/Translate', () => import('./translate-mock'));
const { EMPLOYER_SECTION, employerMessageBody, mailto } = await import('./employer-message');

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
    expect(body.split('\n\n')).toEqual([
      'Hello,',
      'I cannot log in to WorkforceApp: I do not think my account exists yet. Could you invite me, with my phone number or email address?',
      'Reference code from the login help center: 7K2M-QX9T-4RB',
      `How to do it: ${GUIDE}#resend-invitation`,
      'Thank you.',
    ]);
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
  });

  it('opens the mail app with the whole message, encoded', () => {
    const link = mailto('', 'Sujet : accès', 'Bonjour,\n\nMerci & à bientôt');
    expect(link).toMatch(/^mailto:\?subject=/);
    const params = new URLSearchParams(link.slice('mailto:'.length));
    expect(params.get('subject')).toBe('Sujet : accès');
    expect(params.get('body')).toBe('Bonjour,\n\nMerci & à bientôt');
  });
});
