/**
 * When messages are slow, workers are told: a server of its own (the production build, the demo
 * accounts) sends its text messages to a local fake Twilio, whose signed delivery receipts make
 * SMS delayed and then recover; support publishes a notice that shows, expires, and stays in the
 * audit log. Both languages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startFakeTwilio, type FakeTwilio } from '../server/testing/fake-twilio';
import { freePort, startServerProcess, type ServerProcess } from '../server/testing/processes';
import { expect, gotoHydrated, test } from './fixtures';
import { DEV_AGENT, signIn } from './support-fixtures';
import { french } from './troubleshooter-helpers';

test.describe.configure({ mode: 'serial', timeout: 90_000 });

const LOCALES = [
  { locale: 'en', prefix: '' },
  { locale: 'fr', prefix: '/fr' },
] as const;

const SMS_DELAYED = {
  en: 'Text messages are slow right now: some codes arrive late or not at all. Do not ask again: each new code cancels the last one. You can also log in by email.',
  fr: french['serviceNotice.sms.delayed'].message,
};
const USE_EMAIL = { en: 'Log in by email instead', fr: french['troubleshooter.choice.use-email'].message };

let twilio: FakeTwilio;
let app: ServerProcess;
let dataDir: string;
const UNREACHABLE = ['+15145550101', '+14385550102'];
const REACHED = '+15145550104';
/** The Twilio id of the code sent to a phone. */
const sidOf = (to: string) => twilio.messages.find((message) => message.to === to)!.sid;

test.beforeAll(async () => {
  twilio = await startFakeTwilio();
  const port = await freePort();
  dataDir = mkdtempSync(path.join(tmpdir(), 'help-center-status-'));
  app = startServerProcess(port, {
    NODE_ENV: 'production',
    SERVE_SITE: 'true',
    SITE_BUILD: 'never',
    SEED_DEMO: 'true',
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    SMS_PROVIDER: 'twilio',
    TWILIO_API_URL: twilio.url,
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    SMS_FROM: '+15145550000',
    // A status a second old at most: the test does not wait out the usual 30 seconds.
    SERVICE_STATUS_CACHE_SECONDS: '1',
  });
  await app.healthy();
});

test.afterAll(async () => {
  await app?.kill();
  await twilio?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const smsState = async () =>
  (
    (await (await fetch(`${app.base}/api/v1/service-status`)).json()) as {
      channels: { sms: { state: string } };
    }
  ).channels.sms.state;

/** The notices support published that the public service status still gives. */
const supportNotices = async () =>
  (
    (await (await fetch(`${app.base}/api/v1/service-status`)).json()) as {
      notices: { source: string }[];
    }
  ).notices.filter((notice) => notice.source === 'support').length;

/** Opens a page and waits for its service status to have been asked and answered. */
async function openAsked(page: Page, url: string) {
  const asked = page.waitForResponse((response) => response.url().endsWith('/api/v1/service-status'));
  await gotoHydrated(page, url);
  await asked;
}

test('while most texts come back undelivered, SMS is delayed and every page says so', async ({ page }) => {
  for (const contact of [...UNREACHABLE, REACHED]) {
    const response = await fetch(`${app.base}/api/v1/help-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contact, purpose: 'login-code' }),
    });
    expect(response.status).toBe(202);
  }
  await expect.poll(() => twilio.messages.length).toBe(3);
  // The carriers: two phones unreachable, one reached.
  for (const to of UNREACHABLE)
    expect((await twilio.receipt(sidOf(to), 'undelivered', { errorCode: '30003' })).status).toBe(200);
  expect((await twilio.receipt(sidOf(REACHED), 'delivered')).status).toBe(200);
  await expect.poll(smsState).toBe('delayed');

  for (const { locale, prefix } of LOCALES) {
    await gotoHydrated(page, `${app.base}${prefix}/`);
    const home = page.locator('[data-service-notices] [data-service-notice="sms"]');
    await expect(home).toHaveText(SMS_DELAYED[locale]);
    await expect(page.locator('[data-service-notices]')).toHaveAttribute('aria-live', 'polite');

    await gotoHydrated(page, `${app.base}${prefix}/docs/workers/login/code-not-received`);
    await expect(page.locator('article [data-service-notice="sms"]')).toHaveText(SMS_DELAYED[locale]);

    await gotoHydrated(page, `${app.base}${prefix}/troubleshoot?step=code-not-received`);
    const card = page.locator('[data-step="code-not-received"]');
    const notice = card.locator('[data-service-notice="sms"]');
    await expect(notice).toHaveText(SMS_DELAYED[locale]);
    // Said first: before the question.
    expect(
      await notice.evaluate((element) =>
        Boolean(
          element.compareDocumentPosition(document.querySelector('#troubleshooter-question')!) &
          Node.DOCUMENT_POSITION_FOLLOWING,
        ),
      ),
    ).toBe(true);
    await card.getByRole('button', { name: USE_EMAIL[locale] }).click();
    await expect(page.locator('[data-step]')).toHaveAttribute('data-step', 'email-login');
  }
  await gotoHydrated(page, `${app.base}/`);
  await expect(page.locator('[data-service-notice="sms"]')).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('[data-service-notices]').analyze();
  expect(axe.violations).toEqual([]);

  // Support's lookup: the message's receipt, with the provider's reason in the agent's words.
  await signIn(page, `${app.base}/support/lookup`, {
    token: /Support token/,
    submit: /Sign in/,
    signedIn: new RegExp(`Signed in as ${DEV_AGENT}`),
  });
  await page.getByLabel('Worker’s email address, phone number or username').fill(UNREACHABLE[0]);
  await page.getByRole('button', { name: 'Look up', exact: true }).click();
  await expect(page.locator('[data-delivery="undelivered"]')).toContainText(
    'Not delivered: the phone was unreachable (off or out of coverage)',
  );
});

test('once the texts are delivered, the notice is gone and takes no room', async ({ page }) => {
  for (const to of UNREACHABLE) expect((await twilio.receipt(sidOf(to), 'delivered')).status).toBe(200);
  await expect.poll(smsState).toBe('ok');

  for (const { locale, prefix } of LOCALES) {
    await openAsked(page, `${app.base}${prefix}/`);
    const region = page.locator('[data-service-notices]');
    await expect(region).toBeEmpty();
    expect((await region.boundingBox())?.height ?? 0).toBe(0);

    await openAsked(page, `${app.base}${prefix}/troubleshoot?step=code-not-received`);
    const card = page.locator('[data-step="code-not-received"]');
    await expect(card.locator('[data-service-notices]')).toBeEmpty();
    await expect(card.getByRole('button', { name: USE_EMAIL[locale] })).toHaveCount(0);
  }
});

test('a notice from support is shown in both languages, expires by itself, and is in the audit log', async ({
  page,
}) => {
  const text = {
    en: 'Our text message provider has an outage: log in by email for now.',
    fr: 'Notre fournisseur de textos est en panne\u00a0: connectez-vous par courriel pour l’instant.',
  };
  await signIn(page, `${app.base}/support/notices`, {
    token: /Support token/,
    submit: /Sign in/,
    signedIn: new RegExp(`Signed in as ${DEV_AGENT}`),
  });
  await page.getByLabel('About').selectOption('sms');
  await page.getByLabel('In English').fill(text.en);
  await page.getByLabel('In French').fill(text.fr);
  // In 20 seconds, in the browser's own time zone (the field is local time).
  const until = await page.evaluate(() => {
    const date = new Date(Date.now() + 20_000);
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  });
  await page.getByLabel(/Shown until/).fill(until);
  await page.getByRole('button', { name: 'Publish the notice' }).click();
  await expect(page.getByText('Published: workers see it now')).toBeVisible();
  await expect(page.locator('[data-active-notice] [data-service-notice="sms"]')).toHaveText(text.en);
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations).toEqual([]);

  const worker = await page.context().newPage();
  for (const { locale, prefix } of LOCALES) {
    await gotoHydrated(worker, `${app.base}${prefix}/`);
    await expect(worker.locator('[data-service-notice="sms"][data-source="support"]')).toHaveText(
      text[locale],
    );
  }
  // Its end passes: gone, without anyone ending it — from the status the pages read (counting on a
  // page right after its status arrived could count before the notice is drawn), then on the page.
  await expect.poll(supportNotices, { timeout: 40_000, intervals: [2_000] }).toBe(0);
  await openAsked(worker, `${app.base}/`);
  await expect(worker.locator('[data-service-notices] [data-service-notice]')).toHaveCount(0);
  await worker.close();

  await gotoHydrated(page, `${app.base}/support/notices`);
  await expect(page.locator('[data-active-notice="none"]')).toBeVisible();
  await expect(page.locator('[data-notice-state="expired"]')).toHaveText('Expired');
  const published = page.locator('[data-audit-action="support.notice-published"]');
  await expect(published).toContainText('Notice for workers published');
  await expect(published).toContainText(text.en);
  await expect(published.locator('xpath=ancestor::tr')).toContainText(DEV_AGENT);
});
