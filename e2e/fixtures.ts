import { test as base, expect, type Page, type Response } from '@playwright/test';

export { expect };

interface Fixtures {
  /** Console messages a test expects (the 404 page logs its own 404): matched messages are not errors. */
  allowedConsoleErrors: RegExp[];
  /** Console errors and uncaught exceptions of the page; the test fails at the end if there is any. */
  consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = `${message.text()} (${message.location().url})`;
        if (!allowedConsoleErrors.some((pattern) => pattern.test(text))) errors.push(text);
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      await use(errors);
      expect(errors, 'console errors on the page').toEqual([]);
    },
    { auto: true },
  ],
});

/** Opens a page and waits until React has hydrated it (links and search work from then on). */
export async function gotoHydrated(page: Page, url: string): Promise<Response | null> {
  const response = await page.goto(url);
  await page.waitForSelector('html[data-has-hydrated="true"]', { state: 'attached' });
  return response;
}
