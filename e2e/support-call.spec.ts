/**
 * What an agent needs during a call, in both languages: every help request with its outcome, the
 * way out for a worker of two employers, phone numbers typed the French way, the reports' charts
 * with their tables, and pages that fit a 360 px screen.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, gotoHydrated, test } from './fixtures';
import { DEV_AGENT, LOCALES, scratchAccount, signIn } from './support-fixtures';

const text = {
  en: {
    labels: {
      token: /^Support token$/,
      submit: /^Sign in$/,
      signedIn: new RegExp(`Signed in as ${DEV_AGENT}`),
    },
    contact: 'Worker’s email address, phone number or username',
    country: 'Country of the phone number',
    lookUp: 'Look up',
    requests: 'Recent help requests',
    sent: 'Sent: Login code',
    coolingDown: 'Refused: asked again too soon (cool-down)',
    nextAt: /^\S+ at .+/,
    several: 'Not possible: this worker belongs to several employers',
    language: 'French (their profile)',
    sendHelp: 'Send it now',
    helpSent: /^One-time login link sent by email to \S+@example\.com\.$/,
    countryCode: 'add the country code (for example +33), or choose the country',
    found: 'Camille Dubois',
    troubleshooterCountry: 'Country of the phone number',
    periodFrom: 'From',
    show: 'Show',
    future: 'This period ends after today',
    funnelTable: 'Where workers leave the troubleshooter, per step',
    trendTable: 'Answers to “Was this helpful?” per week (from Monday)',
  },
  fr: {
    labels: {
      token: /^Jeton de soutien$/,
      submit: /^Se connecter$/,
      signedIn: new RegExp(`Connecté en tant que ${DEV_AGENT}`),
    },
    contact: 'Adresse courriel, numéro de téléphone ou nom d’utilisateur de la personne',
    country: 'Pays du numéro de téléphone',
    lookUp: 'Rechercher',
    requests: 'Demandes d’aide récentes',
    sent: 'Envoyée\u00a0: Code de connexion',
    coolingDown: 'Refusée\u00a0: redemandée trop tôt (délai d’attente)',
    nextAt: /^\S+ à .+/,
    several: 'Impossible\u00a0: cette personne travaille pour plusieurs employeurs',
    language: 'anglais (son profil)',
    sendHelp: 'L’envoyer maintenant',
    helpSent: /^Lien de connexion à usage unique envoyé par courriel à \S+@example\.com\.$/,
    countryCode: 'ajoutez l’indicatif du pays (par exemple +33) ou choisissez le pays',
    found: 'Camille Dubois',
    troubleshooterCountry: 'Pays du numéro de téléphone',
    periodFrom: 'Du',
    show: 'Afficher',
    future: 'Cette période se termine après aujourd’hui',
    funnelTable: 'Où les travailleurs quittent l’assistant de dépannage, par étape',
    trendTable: 'Réponses à «\u00a0Cela vous a-t-il été utile\u00a0?\u00a0» par semaine (à partir du lundi)',
  },
} as const;

async function lookUp(page: Page, contact: string, label: string, button: string) {
  await page.getByLabel(label).fill(contact);
  await page.getByRole('button', { name: button, exact: true }).click();
}

/** No horizontal scroll: the page is no wider than the screen. */
async function expectFits(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

for (const { locale, prefix } of LOCALES) {
  const t = text[locale];

  test.describe(`support during a call (${locale})`, () => {
    test('a worker refused by the cool-down appears with that outcome, and when they may ask again', async ({
      page,
      request,
    }) => {
      const account = await scratchAccount(request, 'invited');
      const ask = () =>
        request.post('/api/v1/help-requests', { data: { contact: account.email, purpose: 'login-code' } });
      expect((await ask()).status()).toBe(202);
      expect((await ask()).status()).toBe(429);
      await signIn(page, `${prefix}/support/lookup`, t.labels);
      await lookUp(page, account.email, t.contact, t.lookUp);
      const card = page.locator(`article[data-account-id="${account.id}"]`);
      const requests = card
        .locator('section')
        .filter({ has: page.getByRole('heading', { name: t.requests }) });
      const rows = requests.locator('tbody tr');
      await expect(rows).toHaveCount(2);
      await expect(rows.nth(0).locator('[data-result]')).toHaveText(t.coolingDown);
      await expect(rows.nth(1).locator('[data-result]')).toHaveAttribute('data-result', /^(queued|sent)$/);
      await expect(requests.locator('[data-next="email"]')).toHaveText(t.nextAt);
    });

    test('a worker of two employers gets a working login help: sent now, or its link in their language', async ({
      page,
      request,
    }) => {
      // The worker's language is not the agent's: what is sent and linked follows the worker.
      const other = locale === 'en' ? 'fr' : 'en';
      const account = await scratchAccount(request, 'several-employers', other);
      await signIn(page, `${prefix}/support/lookup`, t.labels);
      await lookUp(page, account.email, t.contact, t.lookUp);
      const card = page.locator(`article[data-account-id="${account.id}"]`);
      await expect(card.locator('[data-refusal="several-employers"]')).toContainText(t.several);
      await expect(card.locator('[data-language]')).toHaveText(t.language);
      const help = card.locator('[data-login-help="login-link"]');
      const link = await help.locator('[data-login-help-link]').getAttribute('href');
      expect(new URL(link!).pathname).toBe(`${other === 'fr' ? '/fr' : ''}/troubleshoot`);
      expect(new URL(link!).search).toBe('?step=login-link');

      await help.getByRole('button', { name: t.sendHelp }).click();
      await expect(card.getByRole('status').filter({ hasText: t.helpSent })).toBeVisible();
      const outbox = await (
        await request.get(`/api/dev/outbox?to=${encodeURIComponent(account.email)}`)
      ).json();
      expect(outbox.messages[0]).toMatchObject({ template: 'login-link', locale: other });

      // The link opens the troubleshooter on the step that sends that login link.
      const { pathname, search } = new URL(link!);
      await gotoHydrated(page, `${pathname}${search}`);
      await expect(page.locator('[data-step]')).toHaveAttribute('data-step', 'login-link');
      await expect(page.locator('html')).toHaveAttribute('lang', other === 'fr' ? 'fr' : 'en');
    });

    test.describe('phone numbers typed the French way', () => {
      test.use({ allowedConsoleErrors: [/status of 400/] });

      test('are found once the country is known, and the country code is asked for otherwise', async ({
        page,
      }) => {
        await signIn(page, `${prefix}/support/lookup`, t.labels);
        await lookUp(page, '06 39 98 01 23', t.contact, t.lookUp);
        await expect(page.getByRole('alert').filter({ hasText: t.countryCode })).toBeVisible();
        await page.getByLabel(t.country).selectOption('FR');
        await page.getByRole('button', { name: t.lookUp, exact: true }).click();
        await expect(page.locator('article[data-account-id] h2')).toHaveText(t.found);
        // With its international prefix, whatever the country chosen.
        await page.getByLabel(t.country).selectOption('NA');
        await lookUp(page, '0033 6 39 98 01 23', t.contact, t.lookUp);
        await expect(page.locator('article[data-account-id] h2')).toHaveText(t.found);
        await page.setViewportSize({ width: 360, height: 800 });
        await expectFits(page);
      });

      test('in the troubleshooter’s contact field too', async ({ page }) => {
        await gotoHydrated(page, `${prefix}/troubleshoot?step=enter-contact`);
        await expect(page.locator('[data-ready="true"]')).toBeAttached();
        await page.locator('input[name="contact"]').fill('06 39 98 01 23');
        await page.locator('[data-event="user.submit-contact"]').click();
        await expect(page.getByRole('alert').filter({ hasText: t.countryCode })).toBeVisible();
        await page.getByLabel(t.troubleshooterCountry).selectOption('FR');
        await page.locator('[data-event="user.submit-contact"]').click();
        // Found as a French number: no text messages, the troubleshooter says so.
        await expect(page.locator('[data-step]')).toHaveAttribute('data-step', 'phone-not-north-american');
      });
    });

    test.describe('reports', () => {
      test.use({ allowedConsoleErrors: [/status of 400/] });

      test('the funnel and the weekly trend, each with its table; the period in the address; no axe violation', async ({
        page,
      }) => {
        const today = new Date().toISOString().slice(0, 10);
        const from = new Date(Date.now() - 13 * 86_400_000).toISOString().slice(0, 10);
        await signIn(page, `${prefix}/support/reports?from=${from}&to=${today}`, t.labels);
        await expect(page.getByLabel(t.periodFrom, { exact: true })).toHaveValue(from);
        await expect(page.locator('[data-chart="trend"]')).toBeVisible();
        await expect(page.getByRole('table', { name: t.trendTable })).toBeVisible();
        await expect(page.locator('[data-table="trend"] tbody tr')).toHaveCount(
          await page.locator('[data-week]').count(),
        );
        // Other tests' runs make the funnel; it has a bar per row of its table.
        const funnel = page.locator('[data-chart="funnel"]');
        if (await funnel.count()) {
          const table = page.getByRole('table', { name: t.funnelTable });
          await expect(table).toBeVisible();
          expect(await funnel.locator('[data-step]').count()).toBe(await table.locator('tbody tr').count());
          await expect(funnel.locator('[data-ending]')).toHaveCount(4);
        }

        await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
          const { violations } = await new AxeBuilder({ page }).analyze();
          expect(
            violations.map(
              (v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            ),
          ).toEqual([]);
        }
        await page.setViewportSize({ width: 360, height: 800 });
        await expectFits(page);

        // A period after today is refused as such, and the address follows the period shown.
        const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
        await page.getByLabel(t.periodFrom, { exact: true }).fill(today);
        await page.getByLabel(locale === 'en' ? 'To' : 'Au', { exact: true }).fill(tomorrow);
        await page.getByRole('button', { name: t.show, exact: true }).click();
        await expect(page.getByRole('alert').filter({ hasText: t.future })).toBeVisible();
        expect(new URL(page.url()).search).toBe(`?from=${today}&to=${tomorrow}`);
      });
    });
  });
}
