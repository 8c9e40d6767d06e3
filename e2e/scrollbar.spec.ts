import { expect, gotoHydrated, test } from './fixtures';

// The troubleshooter is always at least a window tall (its footer starts below the fold).
const PAGES = ['/', '/fr/', '/docs/workers/login/code-not-received', '/fr/docs/workers/login/account-locked'];

// A desktop browser's scrollbar takes its width from the page. Chrome can paint a page before its
// HTML has all arrived, while it is still shorter than the window: without room kept for the
// scrollbar, the content then jumps sideways when the rest arrives (a layout shift Lighthouse saw
// on the home page, 0.003).
test('pages keep their content in place whether or not the window has a scrollbar', async ({
  playwright,
}, testInfo) => {
  // Playwright hides scrollbars by default: this browser shows them, as a desktop one does.
  const browser = await playwright.chromium.launch({
    ...testInfo.project.use.launchOptions,
    ignoreDefaultArgs: ['--hide-scrollbars'],
  });
  try {
    const place = async (path: string, height: number) => {
      const page = await browser.newPage({
        viewport: { width: 1350, height },
        baseURL: testInfo.project.use.baseURL,
      });
      try {
        await gotoHydrated(page, path);
        return await page.evaluate(() => ({
          overflows: document.documentElement.scrollHeight > window.innerHeight,
          scrollbar: window.innerWidth - document.documentElement.clientWidth,
          left: document.querySelector('main h1, main h2')!.getBoundingClientRect().left,
        }));
      } finally {
        await page.close();
      }
    };
    for (const path of PAGES) {
      const scrolled = await place(path, 480);
      const whole = await place(path, 8000);
      // The page is taller than the short window and fits the tall one, and scrollbars take room here.
      expect(scrolled.overflows && !whole.overflows, path).toBe(true);
      expect(scrolled.scrollbar, path).toBeGreaterThan(0);
      expect(whole.left, path).toBe(scrolled.left);
    }
  } finally {
    await browser.close();
  }
});
