import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TroubleshooterContext } from '../../../troubleshooter/context';
import {
  CHECK_OUTCOMES,
  SEND_OUTCOMES,
  VERIFY_OUTCOMES,
  startScripted,
} from '../../../troubleshooter/test-model';
import { language } from './translate-mock';

vi.mock('@docusaurus/Translate', () => import('./translate-mock'));
const { summaryLines } = await import('./summary');

afterEach(() => {
  language.current = 'en';
});

const NOW = new Date('2030-03-04T15:30:00Z');

/** A worker who checked their phone, got a code, verified it and still cannot log in. */
async function verifiedRun(): Promise<TroubleshooterContext> {
  const { actor, settle } = startScripted(
    { check: [CHECK_OUTCOMES.phone], send: [SEND_OUTCOMES.sent], verify: [VERIFY_OUTCOMES.active] },
    { step: 'enter-contact' },
  );
  actor.send({ type: 'user.submit-contact', contact: '514 555 0134' });
  await settle();
  actor.send({ type: 'user.submit-code', code: '123456' });
  await settle();
  actor.send({ type: 'user.still-stuck' });
  return actor.getSnapshot().context;
}

const summary = (context: TroubleshooterContext, locale: 'en' | 'fr' = 'en') =>
  summaryLines(context, { code: '7K2M-QX9T-4RB', product: 'WorkforceApp', locale, now: NOW });

describe('the hand-off summary', () => {
  it('says what the worker tried, the contact as the server masked it, and the account found', async () => {
    const lines = summary(await verifiedRun());
    expect(lines[0]).toBe('Login help summary (WorkforceApp)');
    expect(lines[1]).toBe('Reference code: 7K2M-QX9T-4RB');
    expect(lines[2]).toMatch(/^Date: .*2030/);
    expect(lines.slice(3)).toEqual([
      'Steps taken: Which phone number or email does your employer have? → Check your messages → Your account is ready → Contact support',
      'Contact checked: +1 •••-•••-0134 (can receive text messages)',
      'Requested: login code, sent if an account uses this contact',
      'Code checked: yes',
      'Account: Active',
      'Logs in with: A code by text message to your +1 number',
      'Employer: Northwind Staffing',
    ]);
    expect(lines.join('\n')).not.toContain('5145550134');
  });

  it('names no contact when none was checked (the API could not be reached)', async () => {
    const { actor, settle } = startScripted(
      { check: [CHECK_OUTCOMES.unreachable] },
      { step: 'enter-contact' },
    );
    actor.send({ type: 'user.submit-contact', contact: '514 555 0134' });
    await settle();
    actor.send({ type: 'user.contact-support' });
    const lines = summary(actor.getSnapshot().context);
    expect(lines.some((line) => line.startsWith('Contact checked'))).toBe(false);
    expect(lines.join('\n')).not.toMatch(/555|0134/);
  });

  it('tells a refused request, a refused code and an outage apart', async () => {
    const run = await verifiedRun();
    expect(summary({ ...run, requestOutcome: 'rejected' })).toContain(
      'Requested: login code, refused by the service',
    );
    expect(summary({ ...run, verification: 'invalid', account: null })).toContain('Code checked: refused');
    expect(summary({ ...run, verification: 'unreachable', account: null })).toContain(
      'Code checked: the service could not be reached',
    );
  });

  it('speaks the worker’s language', async () => {
    language.current = 'fr';
    const lines = summary(await verifiedRun(), 'fr');
    expect(lines[1]).toBe('Code de référence\u00a0: 7K2M-QX9T-4RB');
    expect(lines.join('\n')).not.toContain('<missing');
    expect(lines.find((line) => line.includes('•••'))).toContain('+1 •••-•••-0134');
  });
});
