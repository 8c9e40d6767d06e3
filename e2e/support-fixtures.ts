import type { APIRequestContext, Page } from '@playwright/test';
import { expect, gotoHydrated } from './fixtures';

/** The development agent (README, "Support tools"): the e2e server runs without SUPPORT_TOKENS. */
export const DEV_TOKEN = 'dev-support-token-not-for-production';
export const DEV_AGENT = 'Dev Agent';

export const LOCALES = [
  { locale: 'en', prefix: '' },
  { locale: 'fr', prefix: '/fr' },
] as const;

/** Opens a support page and signs in with the development token through the form. */
export async function signIn(
  page: Page,
  url: string,
  labels: { token: RegExp; submit: RegExp; signedIn: RegExp },
) {
  await gotoHydrated(page, url);
  await page.getByLabel(labels.token).fill(DEV_TOKEN);
  await page.getByRole('button', { name: labels.submit }).click();
  await expect(page.getByText(labels.signedIn)).toBeVisible();
  // Never in the address bar, only in this tab's sessionStorage.
  expect(page.url()).not.toContain(DEV_TOKEN);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(DEV_TOKEN);
  expect(await page.evaluate(() => sessionStorage.getItem('support.session'))).toContain(DEV_TOKEN);
}

/** A fresh account in a given case (development API), so tests never change the shared demo accounts. */
export async function scratchAccount(
  request: APIRequestContext,
  kind: 'locked' | 'invited' | 'several-employers' | 'merged',
  /** The language of the worker's profile. */
  locale?: 'en' | 'fr',
): Promise<{ id: string; name: string; email: string }> {
  const response = await request.post('/api/dev/accounts', { data: { case: kind, locale } });
  expect(response.status()).toBe(201);
  return response.json();
}

/** What the clipboard holds (the context must grant clipboard-read). */
export async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}
