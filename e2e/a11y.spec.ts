import AxeBuilder from '@axe-core/playwright';
import { expect, gotoHydrated, test } from './fixtures';

const pages = [
  '/',
  '/fr/',
  '/docs/workers/login/code-not-received',
  '/fr/docs/workers/login/account-locked',
  '/docs/employers/worker-cannot-log-in',
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility (${colorScheme} mode)`, () => {
    test.use({ colorScheme });

    for (const url of pages) {
      test(`${url} has no axe violations`, async ({ page }) => {
        await gotoHydrated(page, url);
        await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
        const { violations } = await new AxeBuilder({ page }).analyze();
        const summary = violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
        );
        expect(summary).toEqual([]);
      });
    }
  });
}
