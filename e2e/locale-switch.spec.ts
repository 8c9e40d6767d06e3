import type { Page } from '@playwright/test';
import { expect, gotoHydrated, test } from './fixtures';

/** The id of a section of the current article (not the first, to be sure the hash matters). */
async function sectionId(page: Page): Promise<string> {
  const ids = await page
    .locator('.theme-doc-markdown h2[id], .theme-doc-markdown h3[id]')
    .evaluateAll((els) => els.map((el) => el.id));
  expect(ids.length, 'the article has sections with ids').toBeGreaterThan(0);
  return ids[ids.length - 1];
}

async function switchLocale(page: Page, from: string, to: string): Promise<void> {
  await page.locator('.navbar').getByRole('button', { name: from }).hover();
  await page.locator('.navbar').getByRole('link', { name: to, exact: true }).click();
}

test('keeps the article and the section from English to French', async ({ page }) => {
  await gotoHydrated(page, '/docs/workers/login/account-locked');
  const id = await sectionId(page);
  await gotoHydrated(page, `/docs/workers/login/account-locked#${id}`);
  await switchLocale(page, 'English', 'Français');
  await expect(page).toHaveURL(`/fr/docs/workers/login/account-locked#${id}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('keeps the article and the section from French to English', async ({ page }) => {
  await gotoHydrated(page, '/fr/docs/workers/login/code-not-received');
  const id = await sectionId(page);
  await gotoHydrated(page, `/fr/docs/workers/login/code-not-received#${id}`);
  await switchLocale(page, 'Français', 'English');
  await expect(page).toHaveURL(`/docs/workers/login/code-not-received#${id}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('keeps a section reached by clicking its link on the page', async ({ page }) => {
  await gotoHydrated(page, '/docs/workers/login/forgot-password');
  const id = await sectionId(page);
  // The heading's own anchor link changes the hash without a page load.
  await page.locator(`article [id="${id}"] a.hash-link`).click();
  await expect(page).toHaveURL(`/docs/workers/login/forgot-password#${id}`);
  await switchLocale(page, 'English', 'Français');
  await expect(page).toHaveURL(`/fr/docs/workers/login/forgot-password#${id}`);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('keeps the page and the section from the menu', async ({ page }) => {
    await gotoHydrated(page, '/#home-contact');
    await page.getByRole('button', { name: 'Toggle navigation bar' }).click();
    const menu = page.locator('.navbar-sidebar');
    await menu.getByRole('button', { name: 'Languages' }).click();
    await menu.getByRole('link', { name: 'Français', exact: true }).click();
    await expect(page).toHaveURL('/fr/#home-contact');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });
});
