import type { Locator, Page } from '@playwright/test';
import { expect, gotoHydrated, test } from './fixtures';

/** The article's title as the search index knows it (its h1), read from the article itself. */
async function articleTitle(page: Page, url: string): Promise<string> {
  await gotoHydrated(page, url);
  return (await page.locator('article h1').first().innerText()).trim();
}

/** Types a query in a search field and returns the suggestion list. */
async function search(page: Page, input: Locator, query: string): Promise<Locator> {
  await input.click();
  await input.pressSequentially(query, { delay: 30 });
  const suggestions = page.locator('[role="listbox"]').filter({ visible: true });
  await expect(suggestions.locator('[role="option"]').first()).toBeVisible();
  return suggestions;
}

const cases = [
  { locale: 'en', query: 'code', start: '/', article: '/docs/workers/login/code-not-received' },
  { locale: 'fr', query: 'verrouillé', start: '/fr/', article: '/fr/docs/workers/login/account-locked' },
] as const;

for (const { locale, query, start, article } of cases) {
  test(`"${query}" finds ${article} from the navbar (${locale})`, async ({ page }) => {
    const title = await articleTitle(page, article);
    await gotoHydrated(page, start);
    const suggestions = await search(page, page.locator('.navbar .navbar__search-input'), query);
    await suggestions.locator('[role="option"]', { hasText: title }).first().click();
    await expect(page).toHaveURL(new RegExp(`^[^?#]*${article}([?#].*)?$`));
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
  });

  test(`"${query}" lists ${article} on the search page (${locale})`, async ({ page }) => {
    const title = await articleTitle(page, article);
    const searchPage = locale === 'en' ? '/search' : '/fr/search';
    await gotoHydrated(page, `${searchPage}?q=${encodeURIComponent(query)}`);
    // The plugin's search page has no <main>: each result is an <article>.
    const result = page.locator('article a', { hasText: title }).first();
    await expect(result).toHaveAttribute('href', new RegExp(`^${article}([?#].*)?$`));
    await expect(page.getByRole('main').getByRole('searchbox')).toHaveAccessibleName(
      locale === 'en' ? 'Search' : 'Rechercher',
    );
  });
}

test('the home page search field finds an article (en)', async ({ page }) => {
  const title = await articleTitle(page, '/docs/workers/login/code-not-received');
  await gotoHydrated(page, '/');
  const field = page.getByRole('search').locator('input');
  await expect(field).toHaveAccessibleName('Search');
  const suggestions = await search(page, field, 'code');
  await suggestions.locator('[role="option"]', { hasText: title }).first().click();
  await expect(page).toHaveURL(/\/docs\/workers\/login\/code-not-received/);
});

test('the search field is labelled in French (fr)', async ({ page }) => {
  await gotoHydrated(page, '/fr/');
  await expect(page.locator('.navbar .navbar__search-input')).toHaveAccessibleName('Rechercher');
  await expect(page.locator('.navbar .navbar__search-input')).toHaveAttribute('placeholder', 'Rechercher');
});
