import { expect, gotoHydrated, test } from './fixtures';

const problems = [
  'code-not-received',
  'code-rejected',
  'email-login',
  'forgot-password',
  'account-locked',
  'invalid-credentials',
];

for (const { locale, prefix } of [
  { locale: 'en', prefix: '' },
  { locale: 'fr', prefix: '/fr' },
] as const) {
  test.describe(`home page (${locale})`, () => {
    test('links the six common problems, the troubleshooter, support and employers', async ({ page }) => {
      await gotoHydrated(page, `${prefix}/`);
      const cards = page.locator('#home-problems ~ ul').getByRole('link');
      await expect(cards).toHaveCount(6);
      expect(await cards.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(
        problems.map((slug) => `${prefix}/docs/workers/login/${slug}`),
      );
      await expect(page.locator(`main a[href="${prefix}/troubleshoot"]`).first()).toBeVisible();
      await expect(page.locator('main a[href^="mailto:"]')).toHaveText('support@example.com');
      await expect(
        page.locator(`main a[href="${prefix}/docs/employers/worker-cannot-log-in"]`),
      ).toBeVisible();
    });

    test.describe('on a 360 px phone', () => {
      test.use({ viewport: { width: 360, height: 740 } });

      test('has no horizontal scroll and a full-width search field', async ({ page }) => {
        await gotoHydrated(page, `${prefix}/`);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
        const field = await page.getByRole('search').locator('input').boundingBox();
        expect(field?.width).toBeGreaterThan(300);
      });

      test('shows the whole site name in the navbar, clear of the search button', async ({
        page,
      }, testInfo) => {
        await gotoHydrated(page, `${prefix}/`);
        const title = page.locator('.navbar__inner .navbar__brand .navbar__title');
        await expect(title).toBeVisible();
        // Nothing cut: the text fits its box (no ellipsis), and the box fits the screen.
        const fits = await title.evaluate(
          (el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight,
        );
        expect(fits).toBe(true);
        const box = (await title.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(360);
        const search = await page.locator('.navbar .navbar__items--right').boundingBox();
        if (search) expect(box.x + box.width).toBeLessThanOrEqual(search.x + 1);
        const navbar = (await page.locator('.navbar').boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(navbar.y + navbar.height);
        await testInfo.attach(`navbar-${locale}-360.png`, {
          body: await page.locator('.navbar').screenshot(),
          contentType: 'image/png',
        });
      });
    });
  });
}
