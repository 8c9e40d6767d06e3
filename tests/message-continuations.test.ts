/**
 * Every message the API can send leads somewhere: rendered in both languages, for every variant
 * (each note of a login code, each login method, each deactivation reason, each channel), it ends
 * with a link to a troubleshooter step of its language, built from the configured base URL; the
 * troubleshooter's "What does the message say?" offers an answer that quotes its words, and that
 * answer opens the step the link opens. Every message also speaks the glossary's words, and starts
 * its sentences with a capital.
 */
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise } from 'xstate';
import { compileGlossary, findAvoidedWords, loadGlossary } from '../scripts/content-glossary';
import { loadConfig } from '../server/config';
import { DEACTIVATION_REASONS, type DeactivationReason } from '../server/db/schema';
import { continuationUrl } from '../server/messaging/continuations';
import { SMS_MAX_LENGTH } from '../server/messaging/sms-templates';
import {
  EMAIL_TEMPLATES,
  renderEmail,
  renderSms,
  SMS_TEMPLATES,
  type CodeNote,
  type MessageVars,
  type Template,
} from '../server/messaging/templates';
import { localizedUrl } from '../server/services/messages';
import type { Locale } from '../shared/locale';
import { MESSAGE_ANSWERS, quotedWords, type MessageKind } from '../src/troubleshooter/message-answers';
import { DEEP_LINK_FALLBACK, STEP_IDS, type StepId } from '../src/troubleshooter/steps';

vi.mock('@docusaurus/Translate', () => import('../src/components/Troubleshooter/Escalation/translate-mock'));
const { language } = await import('../src/components/Troubleshooter/Escalation/translate-mock');
const { choiceLabel } = await import('../src/troubleshooter/step-messages');
const { currentStep, troubleshooterMachine } = await import('../src/troubleshooter/troubleshooter.machine');

const BASE = 'https://help.example.com';
const config = loadConfig({});
const glossary = compileGlossary(loadGlossary(path.resolve(__dirname, '..')));

interface Case {
  template: Template;
  channel: 'email' | 'sms';
  locale: Locale;
  vars: MessageVars;
  label: string;
}

const varsFor = (locale: Locale, overrides: Partial<MessageVars> = {}): MessageVars => ({
  firstName: null,
  code: '482913',
  link: localizedUrl(BASE, locale, `/account/unlock#token=${'A'.repeat(43)}`),
  validSeconds: config.security.codeTtlSeconds,
  note: null,
  loginMethod: 'code',
  username: null,
  // No employer name: sentences that name the employer then say "Your employer".
  employerName: null,
  deactivationReason: null,
  hasEmailOnFile: true,
  host: new URL(BASE).hostname,
  helpCenterUrl: localizedUrl(BASE, locale, '/'),
  brand: config.brand,
  rules: config.security,
  ...overrides,
});

const NOTES: CodeNote[] = [null, 'invited', 'not-locked', 'no-password', 'already-confirmed'];

function everyMessage(): Case[] {
  const cases: Case[] = [];
  for (const locale of ['en', 'fr'] as const) {
    const add = (
      template: Template,
      channel: Case['channel'],
      overrides: Partial<MessageVars>,
      label: string,
    ) => cases.push({ template, channel, locale, vars: varsFor(locale, overrides), label });
    for (const channel of ['email', 'sms'] as const) {
      for (const note of NOTES) add('login-code', channel, { note }, `note ${note}`);
      add('login-code', channel, { loginMethod: 'password', username: 'dlavoie' }, 'username');
      add('login-code', channel, { loginMethod: 'sso', employerName: 'Harbourview Logistics' }, 'sso');
      for (const reason of DEACTIVATION_REASONS)
        add('deactivated', channel, { deactivationReason: reason }, reason);
    }
    for (const template of [
      'unlock-link',
      'confirmation-link',
      'password-reset-link',
      'login-link',
    ] as const) {
      add(template, 'email', {}, 'link');
    }
    add('sso-notice', 'email', {}, 'no employer name');
    add('no-account', 'email', {}, 'unknown address');
    for (const hasEmailOnFile of [true, false])
      add('locked-notice', 'sms', { hasEmailOnFile }, `email ${hasEmailOnFile}`);
  }
  return cases;
}

const CASES = everyMessage();
const kindOf = (c: Case): MessageKind =>
  c.template === 'deactivated'
    ? `deactivated:${c.vars.deactivationReason as DeactivationReason}`
    : c.template;
const render = (c: Case) => {
  if (c.channel === 'sms') return { all: renderSms(c.template, c.locale, c.vars), html: null };
  const email = renderEmail(c.template, c.locale, c.vars);
  return { all: `${email.subject}\n\n${email.text}`, html: email.html, text: email.text };
};
/** What a reader compares: any apostrophe, any space, any case. */
const plain = (text: string) =>
  text
    .replace(/[’']/g, "'")
    .replace(/[\u00a0\u202f]/g, ' ')
    .toLowerCase();
const name = (c: Case) => `${c.template} by ${c.channel} in ${c.locale} (${c.label})`;

describe('every message the API sends', () => {
  it('is walked here: each template of each channel', () => {
    const walked = (channel: Case['channel']) =>
      [...new Set(CASES.filter((c) => c.channel === channel).map((c) => c.template))].sort();
    expect(walked('email')).toEqual([...EMAIL_TEMPLATES].sort());
    expect(walked('sms')).toEqual([...SMS_TEMPLATES].sort());
  });

  it.each(CASES.map((c) => [name(c), c] as const))(
    '%s ends with the link to its troubleshooter step, in its language',
    (_, c) => {
      const url = continuationUrl(c.vars.helpCenterUrl, c.template, c.vars.deactivationReason ?? null);
      const prefix = `${BASE}${c.locale === 'fr' ? '/fr' : ''}/troubleshoot?step=`;
      expect(url.startsWith(prefix), url).toBe(true);
      const step = url.slice(prefix.length) as StepId;
      expect(STEP_IDS).toContain(step);
      // The link opens that step itself, not the start.
      expect(DEEP_LINK_FALLBACK[step]).toBeUndefined();
      const { all, html, text } = render(c);
      if (c.channel === 'email') {
        expect(text!.split('\n').at(-1)).toBe(url);
        expect(html).toContain(`<a href="${url}">`);
      } else {
        // The WebOTP line of a code must come last; the link is the line before it.
        const lines = all.split('\n').filter(Boolean);
        expect(lines.at(c.template === 'login-code' ? -2 : -1)).toBe(url);
        expect(all.length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
      }
    },
  );

  it.each(CASES.map((c) => [name(c), c] as const))(
    '%s is answered in its own words by "What does the message say?"',
    (_, c) => {
      const choice = MESSAGE_ANSWERS[kindOf(c)];
      language.current = c.locale;
      try {
        const quotes = quotedWords(choiceLabel(choice));
        expect(quotes.length, choice).toBeGreaterThan(0);
        for (const quote of quotes) expect(plain(render(c).all)).toContain(plain(quote));
      } finally {
        language.current = 'en';
      }
    },
  );

  it('leads, by that answer, to the step its link opens (a code goes to the code form)', () => {
    const machine = troubleshooterMachine().provide({
      actors: { fetchPolicy: fromPromise(async () => ({ type: 'unreachable' as const })) },
    });
    for (const c of CASES.filter((each) => each.locale === 'en')) {
      const actor = createActor(machine, { input: { step: 'message-received' } }).start();
      actor.send({ type: `user.${MESSAGE_ANSWERS[kindOf(c)]}` });
      const reached = currentStep(actor.getSnapshot());
      actor.stop();
      const linked = new URL(
        continuationUrl(BASE + '/', c.template, c.vars.deactivationReason ?? null),
      ).searchParams.get('step');
      // A code's answer asks for the contact to check the code; its link helps when the code is refused.
      if (c.template === 'login-code')
        expect([reached, linked], name(c)).toEqual(['enter-contact', 'code-rejected']);
      else expect(reached, name(c)).toBe(linked);
    }
  });

  it.each(CASES.map((c) => [name(c), c] as const))(
    '%s speaks the glossary’s words, sentences capitalized',
    (_, c) => {
      const { all } = render(c);
      const prose = all
        .split('\n')
        .filter((line) => line && !/^https?:\/\//.test(line) && !line.startsWith('@'))
        .join('\n');
      expect(findAvoidedWords(prose, c.locale, glossary).map((f) => f.found)).toEqual([]);
      const blocks = c.channel === 'email' ? prose.split('\n') : [prose];
      for (const block of blocks) {
        expect(block, 'starts with a capital').toMatch(/^[\p{Lu}\d]/u);
        expect(block, 'every sentence starts with a capital').not.toMatch(/[.!?][\s\u00a0]+\p{Ll}/u);
      }
    },
  );
});
