import { test } from './fixtures';

// The shared fixture must turn a console error into a failure, or "no console errors" proves nothing.
test('a page that logs a console error fails its test', async ({ page }) => {
  test.fail();
  await page.evaluate(() => console.error('boom'));
});

test('an uncaught exception fails its test', async ({ page }) => {
  test.fail();
  await page.evaluate(() =>
    setTimeout(() => {
      throw new Error('boom');
    }, 0),
  );
  await page.waitForTimeout(100);
});
