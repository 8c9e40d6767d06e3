/**
 * The troubleshooter's ends and edges, in English and French: the hand-off with its reference
 * code, what article pages load, a whole path on the real API, accessibility.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';

import { decodeReferenceCode } from '../src/troubleshooter/reference-code';

import { expect, gotoHydrated, test } from './fixtures';

import { apiErrors, expectStep, LOCALES, open, step, fakeApi, requestCode } from './troubleshooter-helpers';

/** The scripted answers of a code request for a +1 phone. */
test.describe('escalation', () => {
  for (const { locale, prefix } of LOCALES) {
    test(`${locale}: a reference code that decodes to the path, a summary and a ready message`, async ({
      page,
      context,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await open(page, `${prefix}/troubleshoot`);
      await page.locator('[data-event="user.no-account"]').click();
      await page.locator('[data-event="user.invited-already"]').click();
      await page.locator('[data-event="user.tell-employer"]').click();
      await expectStep(page, 'escalate-employer', locale);
      const code = await page.locator('[data-reference-code]').getAttribute('data-reference-code');
      const decoded = decodeReferenceCode(code ?? '');
      expect(decoded.ok && decoded.data.path).toEqual([
        'what-happens',
        'no-account',
        'wrong-details',
        'escalate-employer',
      ]);
      const summary = page.locator('[data-copy="summary"]');
      await expect(summary).toContainText(code ?? '');
      await expect(summary).toContainText(locale === 'fr' ? 'Code de référence' : 'Reference code');
      const message = page.locator('[data-copy="employer-message"]');
      await expect(message).toContainText(locale === 'fr' ? 'Pourriez-vous vérifier' : 'Could you check');
      await expect(message).toContainText(
        `${prefix}/docs/employers/worker-cannot-log-in#check-contact-details`,
      );
      const mail = await page.locator('[data-action="email-employer"]').getAttribute('href');
      expect(mail).toMatch(/^mailto:\?subject=.+&body=.+/);
      expect(decodeURIComponent(mail!.split('&body=')[1])).toBe(await message.inputValue());
      await page.locator('[data-action="copy-summary"]').click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await summary.inputValue());
    });
  }
});

test('article pages do not load XState; the troubleshooter does', async ({ page }) => {
  // The build's chunks that carry XState (its runtime's own event names are the marker).
  const assets = path.join(__dirname, '../build/assets/js');
  const xstateChunks = readdirSync(assets).filter((file) =>
    /xstate\.done\.actor|xstate\.init/.test(readFileSync(path.join(assets, file), 'utf8')),
  );
  expect(xstateChunks.length).toBeGreaterThan(0);
  const loaded: string[] = [];
  page.on('request', (request) => loaded.push(new URL(request.url()).pathname.split('/').pop() ?? ''));
  await gotoHydrated(page, '/docs/workers/login/code-not-received');
  // The navbar's troubleshooter link prefetches that page's own chunk on hover: it must stay light.
  await page.getByRole('navigation').getByRole('link', { name: 'Troubleshooter' }).first().hover();
  await page.waitForLoadState('networkidle');
  expect(loaded.filter((file) => xstateChunks.includes(file))).toEqual([]);
  loaded.length = 0;
  await open(page, '/troubleshoot');
  expect(loaded.filter((file) => xstateChunks.includes(file)).length).toBeGreaterThan(0);
});

test.describe('with the real API', () => {
  test.skip(
    process.env.E2E_SERVER !== 'app',
    'needs the API: `npm start` serves it (E2E_SERVER=app, the default)',
  );

  const cases = [
    {
      locale: 'en',
      prefix: '',
      contact: '438 555 0107',
      outboxTo: '+14385550107',
      step: 'single-sign-on',
      sees: ['Maple Ridge Health', 'Your company account (single sign-on)'],
    },
    {
      locale: 'fr',
      prefix: '/fr',
      contact: 'dominique.lavoie@example.com',
      outboxTo: 'dominique.lavoie@example.com',
      step: 'username-login',
      sees: ['Lakeside Staffing', 'Le nom d’utilisateur'],
    },
  ] as const;

  for (const c of cases) {
    test(`${c.locale}: request a code, read it from the outbox, enter it, get the advice for this account`, async ({
      page,
    }) => {
      await open(page, `${c.prefix}/troubleshoot`);
      await page.locator('[data-event="user.check-my-account"]').click();
      await page.locator('input[name="contact"]').fill(c.contact);
      await page.locator('[data-event="user.submit-contact"]').click();
      await expectStep(page, 'code-sent', c.locale);
      let code = '';
      await expect(async () => {
        const response = await page.request.get(`/api/dev/outbox?to=${encodeURIComponent(c.outboxTo)}`);
        expect(response.status()).toBe(200);
        const { messages } = (await response.json()) as { messages: Array<{ codes: string[] }> };
        code = messages.find((m) => m.codes.length > 0)?.codes[0] ?? '';
        expect(code).toMatch(/^\d{6}$/);
      }).toPass({ timeout: 15_000 });
      // Typed the way people paste it: with a space in the middle.
      await page.locator('input[name="code"]').fill(`${code.slice(0, 3)} ${code.slice(3)}`);
      await page.locator('[data-event="user.submit-code"]').click();
      await expectStep(page, c.step, c.locale);
      for (const text of c.sees) await expect(page.locator('[data-account]')).toContainText(text);
    });
  }
});

test.describe('accessibility', () => {
  test.use({ allowedConsoleErrors: [apiErrors, { option: true }] as never });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no axe violations on the question, code and hand-off screens (${colorScheme})`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await fakeApi(page, () => ({
        status: 400,
        body: { error: { code: 'invalid-or-expired-code', message: 'No.' } },
      }));
      const check = async (label: string) => {
        const { violations } = await new AxeBuilder({ page }).include('main').analyze();
        expect
          .soft(
            violations.map(
              (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
            ),
            label,
          )
          .toEqual([]);
      };
      await open(page, '/fr/troubleshoot');
      await check('start');
      await requestCode(page);
      await page.locator('input[name="code"]').fill('000000');
      await page.locator('[data-event="user.submit-code"]').click();
      await expect(page.locator('[role="alert"]')).toBeVisible();
      await check('code with an error');
      await open(page, '/troubleshoot?step=no-account');
      await page.locator('[data-event="user.ask-employer"]').click();
      await expect(step(page)).toHaveAttribute('data-step', 'escalate-employer');
      await check('escalation');
    });
  }
});
