import { describe, expect, it, vi } from 'vitest';
import type { ServiceNotice } from '../../api/service-status';

vi.mock('@docusaurus/Translate', () => ({
  translate: ({ message }: { message: string }, values: Record<string, string> = {}) =>
    message.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`),
}));
const { noticeText } = await import('./notice-text');

const automatic = (notice: Partial<ServiceNotice>): ServiceNotice => ({
  source: 'automatic',
  channel: 'sms',
  state: 'delayed',
  waitSeconds: null,
  text: null,
  until: null,
  ...notice,
});

describe('what a service notice says', () => {
  it('tells how long a text may take, not to ask again, and the other way to log in', () => {
    expect(noticeText(automatic({ waitSeconds: 300 }), 'en')).toBe(
      'Text messages are slow right now: a code can take up to 5 minutes to arrive. Do not ask again: each new code cancels the last one. You can also log in by email.',
    );
    expect(noticeText(automatic({ waitSeconds: 60 }), 'en')).toContain('up to 1 minute to arrive');
    expect(noticeText(automatic({}), 'en')).toMatch(
      /^Text messages are slow right now: some codes arrive late/,
    );
    expect(noticeText(automatic({ state: 'down' }), 'en')).toMatch(/^Text messages are not getting through/);
  });

  it('says emails the same way, offering texts when they are down', () => {
    expect(noticeText(automatic({ channel: 'email', waitSeconds: 120 }), 'en')).toMatch(
      /^Emails are slow right now: a message can take up to 2 minutes/,
    );
    expect(noticeText(automatic({ channel: 'email', state: 'down' }), 'en')).toContain(
      'by text message instead',
    );
  });

  it('gives support’s own words in the page’s language', () => {
    const support = automatic({ source: 'support', state: null, text: { en: 'Outage.', fr: 'Panne.' } });
    expect(noticeText(support, 'en')).toBe('Outage.');
    expect(noticeText(support, 'fr')).toBe('Panne.');
  });
});
