import AxeBuilder from '@axe-core/playwright';
import { expect, gotoHydrated, test } from './fixtures';

const pages = [
  '/',
  '/fr/',
  '/docs/workers/login/code-not-received',
  '/fr/docs/workers/login/account-locked',
  '/docs/employers/worker-cannot-log-in',
  '/fr/search?q=verrouill%C3%A9',
];

// All rules axe runs by default (WCAG 2.x A and AA, best practices), in both color schemes since
// contrast differs. One browser page per scheme visits every page (shared cache); soft assertions
// report each page's violations.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`no axe violations in ${colorScheme} mode`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    for (const url of pages) {
      await test.step(url, async () => {
        await gotoHydrated(page, url);
        await expect.soft(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
        const { violations } = await new AxeBuilder({ page }).analyze();
        const summary = violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
        );
        expect.soft(summary, url).toEqual([]);
      });
    }
  });
}
