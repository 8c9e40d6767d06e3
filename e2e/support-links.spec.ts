import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { STEP_IDS } from '../src/troubleshooter/steps';
import { expect, gotoHydrated, test } from './fixtures';
import { clipboard, LOCALES } from './support-fixtures';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const french = JSON.parse(readFileSync(path.join(__dirname, '../i18n/fr/code.json'), 'utf8')) as Record<
  string,
  { message: string }
>;

const text = {
  en: {
    filter: 'Filter by title, section id or step id',
    copyFrench: /^Copy the French link to: .*Check your spam/,
    copyEnglish: /^Copy the English link to: .*Check your spam/,
    copySection: 'Copy link to this section: Ask for the unlock email again',
    copied: 'Link copied',
    count: /^\d+ of \d+ links shown$/,
    none: 'Nothing matches this filter',
    copyOwn: /^Copy the English link to: /,
    copyOther: /^Copy the French link to: /,
    prefillEmail: 'By email (channel=email)',
    otherEmailField: 'Votre adresse courriel',
  },
  fr: {
    filter: 'Filtrer par titre, identifiant de section ou identifiant d’étape',
    copyFrench: /^Copier le lien en français vers\s: .*courriels indésirables/,
    copyEnglish: /^Copier le lien en anglais vers\s: .*courriels indésirables/,
    copySection: 'Copier le lien vers cette section\u00a0: Demandez de nouveau le courriel de déverrouillage',
    copied: 'Lien copié',
    count: /^\d+ liens affichés sur \d+$/,
    none: 'Rien ne correspond à ce filtre',
    copyOwn: /^Copier le lien en français vers\s: /,
    copyOther: /^Copier le lien en anglais vers\s: /,
    prefillEmail: 'Par courriel (channel=email)',
    otherEmailField: 'Your email address',
  },
} as const;

for (const { locale, prefix } of LOCALES) {
  const t = text[locale];

  test.describe(`support link builder (${locale})`, () => {
    test('is not for search engines and lists every article with its sections', async ({ page }) => {
      await gotoHydrated(page, `${prefix}/support/links`);
      await expect(page.locator('head meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
      await expect(page.locator('[data-row="article:workers/login/account-locked"]')).toBeVisible();
      await expect(
        page.locator('[data-row="section:workers/login/account-locked#unlock-email"]'),
      ).toBeVisible();
      await expect(page.locator('[data-row="article:employers/worker-cannot-log-in"]')).toBeVisible();
      const sitemap = await (await page.request.get('/sitemap.xml')).text();
      expect(sitemap).not.toContain('/support/');
    });

    test('filters, copies a section link in the other language, and the link opens that section', async ({
      page,
    }) => {
      await gotoHydrated(page, `${prefix}/support/links`);
      const status = page.getByRole('status').filter({ hasText: t.count });
      const before = await status.textContent();
      await page.getByLabel(t.filter).fill('check-spam');
      await expect(status).not.toHaveText(before!);
      const row = page.locator('[data-row="section:workers/login/code-not-received#check-spam"]');
      await expect(row).toBeVisible();
      await expect(page.locator('[data-row="article:workers/login/account-locked"]')).toHaveCount(0);

      // The link in the language the page is NOT in: agents answer customers of both languages.
      const other = locale === 'en' ? 'fr' : 'en';
      await row.getByRole('button', { name: other === 'fr' ? t.copyFrench : t.copyEnglish }).click();
      await expect(row.getByRole('status').filter({ hasText: t.copied })).toHaveCount(1);
      const copied = await clipboard(page);
      const origin = new URL(page.url()).origin;
      expect(copied).toBe(
        `${origin}${other === 'fr' ? '/fr' : ''}/docs/workers/login/code-not-received#check-spam`,
      );

      await gotoHydrated(page, copied);
      await expect(page.locator('html')).toHaveAttribute('lang', other);
      const heading = page.locator('h2#check-spam');
      await expect(heading).toBeVisible();
      await expect(heading).toBeInViewport();

      await gotoHydrated(page, `${prefix}/support/links`);
      await page.getByLabel(t.filter).fill('zzz-nothing-like-this');
      await expect(page.getByText(t.none)).toBeVisible();
    });

    test('lists every troubleshooter step; a copied step link opens the troubleshooter on that question', async ({
      page,
    }) => {
      await gotoHydrated(page, `${prefix}/support/links`);
      const steps = page.locator('[data-row^="step:"]');
      await expect(steps).toHaveCount(STEP_IDS.length);
      await page.getByLabel(t.filter).fill('check-spam');
      const row = page.locator('[data-row="step:check-spam"]');
      await expect(row).toBeVisible();
      const title = (await row.locator('th > span').first().textContent()) ?? '';
      if (locale === 'fr') expect(title).toBe(french['troubleshooter.step.check-spam.title'].message);
      await row.getByRole('button', { name: t.copyOwn }).click();
      const copied = await clipboard(page);
      expect(copied).toBe(`${new URL(page.url()).origin}${prefix}/troubleshoot?step=check-spam`);

      await gotoHydrated(page, copied);
      await expect(page.locator('[data-ready="true"]')).toBeAttached();
      await expect(page.locator('[data-step]')).toHaveAttribute('data-step', 'check-spam');
      await expect(page.locator('#troubleshooter-question')).toHaveText(title);
      await expect(page.locator('[data-notice]')).toHaveCount(0);
    });

    test('the support pages do not load XState', async ({ page }) => {
      // The build's chunks that carry XState (its runtime's own event names are the marker).
      const assets = path.join(__dirname, '../build/assets/js');
      const xstateChunks = readdirSync(assets).filter((file) =>
        /xstate\.done\.actor|xstate\.init/.test(readFileSync(path.join(assets, file), 'utf8')),
      );
      expect(xstateChunks.length).toBeGreaterThan(0);
      const loaded: string[] = [];
      page.on('request', (request) => loaded.push(new URL(request.url()).pathname.split('/').pop() ?? ''));
      for (const url of [
        `${prefix}/support/links`,
        `${prefix}/support/lookup`,
        `${prefix}/support/reports`,
      ]) {
        await gotoHydrated(page, url);
        await page.waitForLoadState('networkidle');
      }
      expect(loaded.length).toBeGreaterThan(3);
      expect(loaded.filter((file) => xstateChunks.includes(file))).toEqual([]);
    });

    test('a step link with the channel prefill opens the contact step asking for an email', async ({
      page,
    }) => {
      await gotoHydrated(page, `${prefix}/support/links`);
      await page.getByLabel(t.prefillEmail).check();
      await page.getByLabel(t.filter).fill('enter-contact');
      const row = page.locator('[data-row="step:enter-contact"]');
      // The other language: the worker may not read the agent's.
      await row.getByRole('button', { name: t.copyOther }).click();
      const copied = await clipboard(page);
      const other = locale === 'en' ? '/fr' : '';
      expect(copied).toBe(
        `${new URL(page.url()).origin}${other}/troubleshoot?step=enter-contact&channel=email`,
      );

      await gotoHydrated(page, copied);
      await expect(page.locator('[data-ready="true"]')).toBeAttached();
      await expect(page.locator('[data-step]')).toHaveAttribute('data-step', 'enter-contact');
      const field = page.getByLabel(t.otherEmailField, { exact: true });
      await expect(field).toHaveAttribute('inputmode', 'email');
      await expect(field).toHaveAttribute('autocomplete', 'email');
      // The prefill only preselects: it leaves the address bar once used.
      await expect(page).not.toHaveURL(/channel=/);
    });

    test('every article heading has a "copy link to this section" button that says it copied', async ({
      page,
    }) => {
      await gotoHydrated(page, `${prefix}/docs/workers/login/account-locked`);
      const headings = page.locator('.theme-doc-markdown :is(h2, h3, h4)[id]');
      const buttons = page.locator('.theme-doc-markdown :is(h2, h3, h4)[id] > button[data-section-id]');
      await expect(buttons).toHaveCount(await headings.count());
      const button = page.getByRole('button', { name: t.copySection });
      await button.focus();
      await expect(button).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('status').filter({ hasText: t.copied })).toHaveCount(1);
      const copied = await clipboard(page);
      expect(new URL(copied).pathname + new URL(copied).hash).toBe(
        `${prefix}/docs/workers/login/account-locked#request-unlock-again`,
      );
      await gotoHydrated(page, copied);
      await expect(page.locator('h2#request-unlock-again')).toBeInViewport();
    });

    test('fits a 360 px screen without scrolling sideways', async ({ page }, testInfo) => {
      await page.setViewportSize({ width: 360, height: 800 });
      await gotoHydrated(page, `${prefix}/support/links`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      await page.screenshot({
        path: testInfo.outputPath(`support-links-360-${locale}.png`),
        fullPage: false,
      });
      expect(width).toBeLessThanOrEqual(360);
    });

    test('has no axe violations, in light and dark mode', async ({ page }) => {
      // axe on all ~150 rows takes too long on a small machine: the structure is the same for a few.
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await gotoHydrated(page, `${prefix}/support/links`);
        await page.getByLabel(t.filter).fill('locked');
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(
          violations.map(
            (v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          ),
        ).toEqual([]);
      }
    });
  });
}
