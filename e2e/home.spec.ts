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
    });
  });
}
