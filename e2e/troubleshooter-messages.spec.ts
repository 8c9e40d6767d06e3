/**
 * "Check my account" on the real API, in English and French, for the accounts whose message is the
 * answer: a merged, a removed and a locked account. The worker reads the message (in the outbox,
 * as the mailbox shows it), picks the answer in its words, and reaches the right end. The message's
 * own link opens the same step.
 */
import type { APIRequestContext, Page } from '@playwright/test';

import { quotedWords } from '../src/troubleshooter/message-answers';
import { expect, gotoHydrated, test } from './fixtures';
import { expectStep, french, LOCALES, open } from './troubleshooter-helpers';

test.skip(
  process.env.E2E_SERVER !== 'app',
  'needs the API: `npm start` serves it (E2E_SERVER=app, the default)',
);

interface Sent {
  template: string;
  channel: string;
  subject: string | null;
  text: string | null;
  html: string | null;
  links: string[];
}

/** The newest message about `to` once it is in the outbox. */
async function newestMessage(request: APIRequestContext, to: string): Promise<Sent> {
  let message: Sent | undefined;
  await expect(async () => {
    const response = await request.get(`/api/dev/outbox?to=${encodeURIComponent(to)}`);
    expect(response.status()).toBe(200);
    message = ((await response.json()) as { messages: Sent[] }).messages[0];
    expect(message?.text).toBeTruthy();
  }).toPass({ timeout: 15_000 });
  return message!;
}

async function scratchAccount(request: APIRequestContext, kind: 'merged' | 'locked'): Promise<string> {
  const response = await request.post('/api/dev/accounts', { data: { case: kind } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { email: string }).email;
}

const plain = (text: string) =>
  text
    .replace(/[’']/g, "'")
    .replace(/[\u00a0\u202f]/g, ' ')
    .toLowerCase();

/** "Check my account" with `contact`, then the message that came back. */
async function checkMyAccount(
  page: Page,
  prefix: string,
  contact: string,
  locale: 'en' | 'fr',
): Promise<Sent> {
  await open(page, `${prefix}/troubleshoot`);
  await page.locator('[data-event="user.check-my-account"]').click();
  await page.locator('input[name="contact"]').fill(contact);
  await page.locator('[data-event="user.submit-contact"]').click();
  await expectStep(page, 'code-sent', locale);
  return newestMessage(page.request, contact);
}

/** Says what the message says: the answer whose quoted words are in it. */
async function answerWithItsWords(page: Page, message: Sent, choice: string, locale: 'en' | 'fr') {
  await page.locator('[data-event="user.other-message"]').click();
  await expectStep(page, 'message-received', locale);
  const button = page.locator(`[data-event="user.${choice}"]`);
  const label = (await button.textContent()) ?? '';
  if (locale === 'fr') expect(label).toBe(french[`troubleshooter.choice.${choice}`].message);
  const quotes = quotedWords(label);
  expect(quotes.length).toBeGreaterThan(0);
  for (const quote of quotes)
    expect(plain(`${message.subject ?? ''}\n${message.text}`)).toContain(plain(quote));
  await button.click();
}

/** The step the message's last link opens (the link of its language, from the configured base URL). */
function linkedStep(message: Sent, prefix: string): string | null {
  const last =
    (message.text ?? '')
      .split('\n')
      .filter((line) => line.startsWith('http'))
      .at(-1) ?? '';
  const url = new URL(last);
  expect(url.pathname).toBe(`${prefix}/troubleshoot`);
  return url.searchParams.get('step');
}

for (const { locale, prefix } of LOCALES) {
  test.describe(`${locale}: check my account, then the message's words`, () => {
    test('a merged account: support releases the email address', async ({ page }) => {
      const email = await scratchAccount(page.request, 'merged');
      const message = await checkMyAccount(page, prefix, email, locale);
      expect(message.template).toBe('deactivated');
      expect(linkedStep(message, prefix)).toBe('deactivated-merged');
      await answerWithItsWords(page, message, 'got-merged', locale);
      await expectStep(page, 'deactivated-merged', locale);
      await page.locator('[data-event="user.ask-release"]').click();
      await expectStep(page, 'escalate-support', locale);
      await expect(page.locator('[data-reference-code]')).toBeVisible();
    });

    test('a removed account: the employer reactivates it, asked with the contact typed', async ({ page }) => {
      // The same demo account, by email in English and by text message in French.
      const contact = locale === 'en' ? 'taylor.nguyen@example.com' : '438 555 0105';
      const message = await checkMyAccount(page, prefix, contact, locale);
      expect(message.template).toBe('deactivated');
      expect(message.channel).toBe(locale === 'en' ? 'email' : 'sms');
      expect(linkedStep(message, prefix)).toBe('deactivated-removed');
      await answerWithItsWords(page, message, 'got-removed', locale);
      await expectStep(page, 'deactivated-removed', locale);
      await page.locator('[data-event="user.ask-reactivate"]').click();
      await expectStep(page, 'escalate-employer', locale);
      await expect(page.locator('[data-copy="employer-message"]')).toContainText(contact);
    });

    test('a locked account: the unlock email, its link, and it works', async ({ page, context }) => {
      const email = await scratchAccount(page.request, 'locked');
      const message = await checkMyAccount(page, prefix, email, locale);
      expect(message.template).toBe('unlock-link');
      expect(linkedStep(message, prefix)).toBe('account-locked');
      await answerWithItsWords(page, message, 'got-unlock-link', locale);
      await expectStep(page, 'account-locked', locale);
      // The worker opens the unlock link of the email, presses the button, and comes back.
      const unlock = await context.newPage();
      await gotoHydrated(unlock, message.links[0]);
      await unlock.locator('main button.button--primary').click();
      await expect(unlock.getByRole('heading', { level: 2 }).first()).toHaveText(
        locale === 'fr' ? french['account.unlock.done.title'].message : 'Your account is unlocked',
      );
      await unlock.close();
      await page.locator('[data-event="user.works"]').click();
      await expectStep(page, 'resolved', locale);
    });

    test('the mailbox shows that message as the worker would see it', async ({ page }) => {
      const email = await scratchAccount(page.request, 'locked');
      await checkMyAccount(page, prefix, email, locale);
      await gotoHydrated(page, `${prefix}/dev/mailbox`);
      await page.locator('input[name="to"]').fill(email);
      await page.locator('[data-action="filter"]').click();
      const shown = page.locator('[data-message="unlock-link"]').first();
      await expect(shown).toBeVisible();
      const frame = shown.locator('iframe');
      await expect(frame).toHaveAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox');
      const body = page.frameLocator('[data-message="unlock-link"] iframe').first();
      await expect(body.locator('a').first()).toHaveAttribute('href', /\/account\/unlock#token=/);
      await expect(body.locator(`a[href*="${prefix}/troubleshoot?step=account-locked"]`)).toBeVisible();
    });
  });
}

test('an SMS in the mailbox reads as on a phone, its link tappable', async ({ page }) => {
  // The demo account whose employer left the platform, by text message (no other test sends to it).
  await checkMyAccount(page, '/fr', '514 555 0106', 'fr');
  await gotoHydrated(page, '/fr/dev/mailbox');
  await page.locator('input[name="to"]').fill('514 555 0106');
  await page.locator('[data-action="filter"]').click();
  const sms = page.locator('[data-channel="sms"]').first();
  await expect(sms).toContainText('ce compte est fermé');
  await expect(sms.locator('a[href$="/fr/troubleshoot?step=deactivated-employer-left"]')).toHaveAttribute(
    'target',
    '_blank',
  );
});
