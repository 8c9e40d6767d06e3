import AxeBuilder from '@axe-core/playwright';
import { expect, gotoHydrated, test } from './fixtures';
import { LOCALES, navbarSearch, searchEvent, typeQuery } from './search-helpers';

/** Per language: a misspelling, a French query without accents, a synonym; each finds its article. */
const finds = {
  en: [
    { kind: 'misspelled', query: 'forgot pasword', article: 'forgot-password' },
    { kind: 'misspelled', query: 'acount lockd', article: 'account-locked' },
    { kind: 'synonym', query: 'account suspended', article: 'account-deactivated' },
    { kind: 'synonym', query: 'single signon', article: 'single-sign-on' },
  ],
  fr: [
    { kind: 'misspelled', query: 'compte verouillé', article: 'account-locked' },
    { kind: 'unaccented', query: 'compte desactive', article: 'account-deactivated' },
    { kind: 'unaccented', query: 'reinitialiser mot de passe', article: 'forgot-password' },
    { kind: 'synonym', query: 'compte suspendu', article: 'account-deactivated' },
    { kind: 'synonym', query: 'pas reçu de texto', article: 'code-not-received' },
  ],
} as const;

/** The six common problems, in the home page's order. */
const COMMON = [
  'code-not-received',
  'code-rejected',
  'email-login',
  'forgot-password',
  'account-locked',
  'invalid-credentials',
];

for (const { locale, prefix, label } of LOCALES) {
  test.describe(`search (${locale})`, () => {
    for (const { kind, query, article } of finds[locale]) {
      test(`a ${kind} query, "${query}", finds ${article} from the navbar`, async ({ page }) => {
        await gotoHydrated(page, `${prefix}/docs/workers/login/`);
        const list = await typeQuery(page, navbarSearch(page), query);
        const href = `${prefix}/docs/workers/login/${article}`;
        const options = list.getByRole('option');
        const top3 = await options.evaluateAll((items) =>
          items.slice(0, 3).map((item) => item.getAttribute('data-href')?.split('#')[0]),
        );
        expect(top3).toContain(href);
        await list.locator(`[data-href^="${href}"]`).first().click();
        await expect(page).toHaveURL(new RegExp(`${href}(#[a-z-]+)?$`));
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
      });
    }

    test('the field is labelled and server-rendered at its final size; the engine loads on first focus', async ({
      page,
    }) => {
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(request.url());
      });
      const response = await page.goto(`${prefix}/docs/workers/login/sms-code`);
      // In the HTML as served, before any script ran.
      expect(await response!.text()).toMatch(/<input[^>]*class="?navbar__search-input/);
      await page.waitForSelector('html[data-has-hydrated="true"]', { state: 'attached' });
      const field = navbarSearch(page);
      await expect(field).toHaveAccessibleName(label);
      await expect(field).toHaveAttribute('placeholder', label);
      const before = await field.boundingBox();
      await page.waitForLoadState('networkidle');
      const loaded = scripts.length;
      await field.focus();
      await expect.poll(() => scripts.length).toBeGreaterThan(loaded);
      expect(await field.boundingBox()).toEqual(before);
    });

    test('what is typed while the search downloads stays in the same focused field and is searched', async ({
      page,
    }) => {
      await gotoHydrated(page, `${prefix}/docs/workers/login/`);
      await page.waitForLoadState('networkidle');
      // Every script asked for from now on (the results' code, the engine) waits until the query is typed.
      let release!: () => void;
      const typed = new Promise<void>((resolve) => (release = resolve));
      const held: string[] = [];
      await page.route('**/assets/js/*.js', async (route) => {
        held.push(route.request().url());
        await typed;
        await route.continue();
      });
      const field = navbarSearch(page);
      const element = await field.elementHandle();
      await field.click();
      await field.pressSequentially(finds[locale][0].query, { delay: 20 });
      expect(held.length).toBeGreaterThan(0);
      release();
      const list = page.getByRole('listbox');
      await expect(list.getByRole('option').first()).toBeVisible();
      await expect(field).toHaveValue(finds[locale][0].query);
      await expect(field).toHaveAttribute('aria-expanded', 'true');
      // The very element the reader typed in, still focused: a phone's keyboard would have stayed up.
      expect(await element!.evaluate((node) => node.isConnected && node === document.activeElement)).toBe(
        true,
      );
      const hrefs = await list
        .getByRole('option')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-href')?.split('#')[0]));
      expect(hrefs).toContain(`${prefix}/docs/workers/login/${finds[locale][0].article}`);
    });

    test('with no result, offers the six common problems and the troubleshooter', async ({ page }) => {
      await gotoHydrated(page, `${prefix}/`);
      const list = await typeQuery(page, navbarSearch(page), 'zzqx wvvk');
      const hrefs = await list
        .getByRole('option')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-href')));
      expect(hrefs).toEqual([
        ...COMMON.map((slug) => `${prefix}/docs/workers/login/${slug}`),
        `${prefix}/troubleshoot`,
      ]);
      await expect(page.locator('.navbar [role="status"]')).toContainText(
        locale === 'en' ? 'No article matches “zzqx wvvk”.' : 'Aucun article ne correspond à « zzqx wvvk ».',
      );
    });

    test('works with the keyboard only, and announces the number of results', async ({ page }) => {
      await gotoHydrated(page, `${prefix}/docs/workers/login/sms-code`);
      const field = navbarSearch(page);
      await page.keyboard.press('/');
      await expect(field).toBeFocused();
      await page.keyboard.type(locale === 'en' ? 'locked' : 'verrouillé');
      await expect(field).toHaveAttribute('aria-expanded', 'true');
      await expect(page.locator('.navbar [role="status"]')).toHaveText(
        locale === 'en' ? /^(One result|\d+ results)$/ : /^(Un résultat|\d+ résultats)$/,
      );
      // Escape closes the list, a second one empties the field.
      await page.keyboard.press('Escape');
      await expect(field).toHaveAttribute('aria-expanded', 'false');
      await page.keyboard.press('Escape');
      await expect(field).toHaveValue('');
      await field.blur();
      await page.keyboard.press('ControlOrMeta+k');
      await expect(field).toBeFocused();
      await page.keyboard.type(locale === 'en' ? 'locked' : 'verrouillé');
      await page.keyboard.press('ArrowDown');
      const first = page.getByRole('listbox').getByRole('option').first();
      await expect(first).toHaveAttribute('aria-selected', 'true');
      await expect(field).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${prefix}/docs/workers/login/account-locked`));
    });

    test('Enter with no option chosen opens the search page, which lists the results', async ({ page }) => {
      await gotoHydrated(page, `${prefix}/`);
      const field = navbarSearch(page);
      await field.click();
      await field.pressSequentially(locale === 'en' ? 'code expired' : 'code expiré');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${prefix}/search\\?q=code`));
      const main = page.getByRole('main');
      await expect(main.getByRole('searchbox')).toHaveAccessibleName(label);
      await expect(
        main.locator(`ol a[href^="${prefix}/docs/workers/login/code-rejected"]`).first(),
      ).toBeVisible();
      await expect(main.getByRole('status')).toHaveText(
        locale === 'en' ? /^(One result|\d+ results)$/ : /^(Un résultat|\d+ résultats)$/,
      );
    });

    test('the search page reads its query from the URL and offers the common problems when nothing matches', async ({
      page,
    }) => {
      await gotoHydrated(page, `${prefix}/search?q=zzqx`);
      const main = page.getByRole('main');
      await expect(main.getByRole('searchbox')).toHaveValue('zzqx');
      const suggestions = main.getByRole('region');
      await expect(suggestions.getByRole('link')).toHaveCount(7);
      await expect(suggestions.getByRole('link').last()).toHaveAttribute('href', `${prefix}/troubleshoot`);
    });

    test('has no axe violations with the results open, found or not', async ({ page }) => {
      await gotoHydrated(page, `${prefix}/docs/workers/login/`);
      for (const query of ['code', 'zzqx']) {
        await navbarSearch(page).fill('');
        await typeQuery(page, navbarSearch(page), query);
        const { violations } = await new AxeBuilder({ page }).include('.navbar').analyze();
        expect(
          violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([]);
      }
    });

    test('reports the search and the article opened', async ({ page }) => {
      await gotoHydrated(page, `${prefix}/`);
      const query = locale === 'en' ? 'account locked' : 'compte verrouillé';
      const list = await typeQuery(page, navbarSearch(page), query);
      const event = await searchEvent(page, () =>
        list.locator(`[data-href^="${prefix}/docs/workers/login/account-locked"]`).first().click(),
      );
      expect(event).toMatchObject({ query, opened: 'workers/login/account-locked', locale });
      expect(event.results).toBeGreaterThan(0);
    });
  });
}

test('the home page search field finds an article (en)', async ({ page }) => {
  await gotoHydrated(page, '/');
  const field = page.getByRole('search').locator('input');
  await expect(field).toHaveAccessibleName('Search');
  const list = await typeQuery(page, field, 'code');
  await list.locator('[data-href^="/docs/workers/login/code-not-received"]').first().click();
  await expect(page).toHaveURL(/\/docs\/workers\/login\/code-not-received/);
});
