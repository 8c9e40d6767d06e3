import { LINK_CONTRACT, LOCALES, localizedPath } from '../src/link-contract';
import { formatDay } from '../shared/dates';
import { COMPILE_HINT } from '../src/plugins/compile-hints';
import { expect, gotoHydrated, test } from './fixtures';

// One browser page per locale walks the whole contract: the pages share the HTTP cache, which keeps
// this fast, and soft assertions still report every page that fails.
for (const locale of LOCALES) {
  test(`every link-contract page answers 200 with lang="${locale}"`, async ({ page }) => {
    test.setTimeout(120_000);
    for (const path of LINK_CONTRACT) {
      const url = localizedPath(path, locale);
      await test.step(url, async () => {
        const response = await gotoHydrated(page, url);
        expect.soft(response?.status(), `${url} status`).toBe(200);
        await expect.soft(page.locator('html'), `${url} lang`).toHaveAttribute('lang', locale);
        await expect.soft(page.locator('h1').first(), `${url} heading`).toBeVisible();
      });
    }
  });
}

test.describe('404 page', () => {
  // The browser logs the 404 of the document itself.
  test.use({ allowedConsoleErrors: [/status of 404/] });

  test('is translated and points to help, in English', async ({ page }) => {
    const response = await gotoHydrated(page, '/docs/workers/login/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page Not Found');
    await expect(page.getByRole('main').getByRole('link', { name: /troubleshooter/i })).toHaveAttribute(
      'href',
      '/troubleshoot',
    );
  });

  test('is translated and points to help, in French', async ({ page }) => {
    await gotoHydrated(page, '/fr/404.html');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
    await expect(
      page.getByRole('main').getByRole('link', { name: /assistant de dépannage/i }),
    ).toHaveAttribute('href', '/fr/troubleshoot');
  });

  test('is the French one for a missing French page', async ({ page }) => {
    test.fail(
      process.env.E2E_SERVER === 'static',
      '`docusaurus serve` answers every miss with the English build/404.html; the app server must use build/fr/404.html under /fr/',
    );
    const response = await gotoHydrated(page, '/fr/docs/workers/login/no-such-page');
    expect(response?.status()).toBe(404);
    // Read once: after hydration the language cannot change any more.
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  });
});

test.describe('article pages', () => {
  test('declare their alternates in both languages', async ({ page }) => {
    await gotoHydrated(page, '/fr/docs/workers/login/account-locked');
    const alternates = page.locator('head link[rel="alternate"][hreflang]');
    const byLang = Object.fromEntries(
      await alternates.evaluateAll((links) =>
        links.map((link) => [link.getAttribute('hreflang'), new URL(link.getAttribute('href')!).pathname]),
      ),
    );
    expect(byLang).toEqual({
      en: '/docs/workers/login/account-locked',
      fr: '/fr/docs/workers/login/account-locked',
      'x-default': '/docs/workers/login/account-locked',
    });
  });

  test('show breadcrumbs, the last-updated date and the workers sidebar, translated', async ({ page }) => {
    await gotoHydrated(page, '/fr/docs/workers/login/code-not-received');
    const breadcrumbs = page.getByRole('navigation', { name: 'Fil d’Ariane' });
    await expect(breadcrumbs.getByRole('link', { name: 'Accueil' })).toHaveAttribute('href', '/fr/');
    await expect(breadcrumbs).toContainText('Codes de connexion');
    // The date of the last change, in French words, the same day as the machine-readable one.
    const updated = page.locator('.theme-last-updated time');
    const iso = await updated.getAttribute('datetime');
    expect(iso).toMatch(/^\d{4}-\d\d-\d\dT/);
    await expect(page.locator('.theme-last-updated')).toHaveText(
      `Dernière mise à jour le ${formatDay(iso!, 'fr')}`,
    );
    await expect(updated).toHaveText(
      /^\d{1,2}\u00a0(janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.)\u00a0\d{4}$/,
    );
    const sidebar = page.getByRole('navigation', { name: 'Articles d’aide' });
    await expect(sidebar).toContainText('Je n’arrive pas à me connecter');
    await expect(sidebar).not.toContainText('Aider votre personnel');
  });

  test('for employers have their own sidebar', async ({ page }) => {
    await gotoHydrated(page, '/docs/employers/worker-cannot-log-in');
    const sidebar = page.getByRole('navigation', { name: 'Docs sidebar' });
    await expect(sidebar).toContainText('Helping your workers');
    await expect(sidebar).not.toContainText('Login codes');
    const iso = await page.locator('.theme-last-updated time').getAttribute('datetime');
    await expect(page.locator('.theme-last-updated')).toHaveText(`Last updated on ${formatDay(iso!, 'en')}`);
    await expect(page.locator('.theme-last-updated time')).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test('move the article list into the menu, and back beside the article on a wider screen', async ({
      page,
    }) => {
      await gotoHydrated(page, '/fr/docs/workers/login/code-not-received');
      // The phone layout comes after hydration: the desktop sidebar leaves, the menu's drawer holds the list.
      await expect(page.locator('.theme-doc-sidebar-container nav')).toHaveCount(0);
      await page.getByRole('button', { name: 'Ouvrir/fermer la barre de navigation' }).click();
      const menu = page.locator('.navbar-sidebar');
      await expect(menu.getByRole('button', { name: '← Retour au menu principal' })).toBeVisible();
      await expect(menu.getByRole('link', { name: 'Le code n’arrive pas' })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await menu.getByRole('link', { name: 'Code refusé ou expiré' }).click();
      await expect(page).toHaveURL('/fr/docs/workers/login/code-rejected');
      await expect(menu).toBeHidden();

      await page.setViewportSize({ width: 1280, height: 800 });
      await expect(page.getByRole('navigation', { name: 'Articles d’aide' })).toBeVisible();
      await expect(page.locator('.table-of-contents').first()).toBeVisible();
    });

    test('fetch ahead the files of the links in view, each file once', async ({ page }) => {
      await gotoHydrated(page, '/docs/workers/login/code-not-received');
      // Prefetching waits for idle time: some files come, and none is asked for twice.
      await expect.poll(() => page.locator('link[rel="prefetch"]').count()).toBeGreaterThan(3);
      const files = await page
        .locator('link[rel="prefetch"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
      expect(
        files.every((file) => /^\/assets\/js\/[\w~-]+\.[0-9a-f]+\.js$/.test(file)),
        files.join(', '),
      ).toBe(true);
      expect(new Set(files).size).toBe(files.length);
      // A link of the menu still opens its article.
      await page.getByRole('button', { name: 'Toggle navigation bar' }).click();
      await page.locator('.navbar-sidebar').getByRole('link', { name: 'Code refused or expired' }).click();
      await expect(page).toHaveURL('/docs/workers/login/code-rejected');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    });
  });
});

test('the startup bundle asks the browser to compile it while it downloads', async ({ page, request }) => {
  await page.goto('/docs/workers/login/code-not-received');
  const sources = await page
    .locator('script[src]')
    .evaluateAll((scripts) => scripts.map((s) => s.getAttribute('src')!));
  const startup = sources.find((src) => /\/main\.[0-9a-f]+\.js$/.test(src));
  expect(startup, `scripts: ${sources.join(', ')}`).toBeDefined();
  const body = await (await request.get(startup!)).text();
  expect(body.split('\n', 1)[0]).toBe(COMPILE_HINT);
  // The other scripts are compiled lazily, as usual.
  for (const src of sources.filter((s) => s !== startup))
    expect((await (await request.get(src)).text()).startsWith(COMPILE_HINT), src).toBe(false);
});
