import AxeBuilder from '@axe-core/playwright';
import { expect, gotoHydrated, test } from './fixtures';
import { DEV_AGENT, LOCALES, scratchAccount, signIn } from './support-fixtures';

const text = {
  en: {
    token: 'Support token',
    submit: 'Sign in',
    signedIn: new RegExp(`Signed in as ${DEV_AGENT}`),
    wrongToken: 'This support token is not valid.',
    contact: 'Worker’s email address, phone number or username',
    lookUp: 'Look up',
    locked: 'Locked',
    active: 'Active',
    unlock: 'Unlock the account',
    unlocked: 'Account unlocked. The worker can log in again now.',
    auditUnlocked: 'Unlocked by support',
    several: 'Not possible: this worker belongs to several employers.',
    notFound: 'No account uses this email address, phone number or username.',
    signOut: 'Sign out',
  },
  fr: {
    token: 'Jeton de soutien',
    submit: 'Se connecter',
    signedIn: new RegExp(`Connecté en tant que ${DEV_AGENT}`),
    wrongToken: 'Ce jeton de soutien n’est pas valide.',
    contact: 'Adresse courriel, numéro de téléphone ou nom d’utilisateur de la personne',
    lookUp: 'Rechercher',
    locked: 'Verrouillé',
    active: 'Actif',
    unlock: 'Déverrouiller le compte',
    unlocked: 'Compte déverrouillé. La personne peut maintenant se reconnecter.',
    auditUnlocked: 'Déverrouillé par le soutien',
    several: 'Impossible\u00a0: cette personne travaille pour plusieurs employeurs.',
    notFound:
      'Aucun compte n’utilise cette adresse courriel, ce numéro de téléphone ou ce nom d’utilisateur.',
    signOut: 'Se déconnecter',
  },
} as const;

for (const { locale, prefix } of LOCALES) {
  const t = text[locale];
  const labels = {
    token: new RegExp(`^${t.token}$`),
    submit: new RegExp(`^${t.submit}$`),
    signedIn: t.signedIn,
  };

  test.describe(`support account lookup (${locale})`, () => {
    test.describe('with a wrong token', () => {
      // The browser logs the API's 401 itself.
      test.use({ allowedConsoleErrors: [/status of 401/] });

      test('refuses it and keeps nothing', async ({ page }) => {
        await gotoHydrated(page, `${prefix}/support/lookup`);
        await page.getByLabel(labels.token).fill('not-the-right-token-at-all-0000');
        await page.getByRole('button', { name: labels.submit }).click();
        await expect(page.getByRole('alert').filter({ hasText: t.wrongToken })).toBeVisible();
        expect(page.url()).not.toContain('not-the-right-token');
        expect(await page.evaluate(() => sessionStorage.getItem('support.session'))).toBeNull();
      });
    });

    test('signs in, finds an account, unlocks it and sees the change', async ({ page, request }) => {
      const account = await scratchAccount(request, 'locked');
      await signIn(page, `${prefix}/support/lookup`, labels);
      await page.getByLabel(t.contact).fill(`  ${account.email.toUpperCase()} `);
      await page.getByRole('button', { name: t.lookUp, exact: true }).click();
      const card = page.locator(`article[data-account-id="${account.id}"]`);
      await expect(card.getByRole('heading', { level: 2 })).toHaveText(account.name);
      await expect(card.locator('[data-status]')).toHaveText(t.locked);
      // Contacts are masked.
      await expect(card).not.toContainText(account.email);
      await expect(card).toContainText(`${account.email[0]}••••••`);

      await card.getByRole('button', { name: t.unlock }).click();
      await expect(card.getByRole('status').filter({ hasText: t.unlocked })).toBeVisible();
      await expect(card.locator('[data-status]')).toHaveText(t.active);
      await expect(card.getByRole('button', { name: t.unlock })).toHaveCount(0);
      const audit = card.locator('table').last();
      await expect(audit.getByRole('row').filter({ hasText: t.auditUnlocked })).toContainText(DEV_AGENT);

      // A reload keeps the session (this tab) and shows the account as it now is.
      await page.reload();
      await page.waitForSelector('html[data-has-hydrated="true"]', { state: 'attached' });
      await expect(page.getByText(t.signedIn)).toBeVisible();
      await page.getByLabel(t.contact).fill(account.email);
      await page.getByRole('button', { name: t.lookUp, exact: true }).click();
      await expect(page.locator(`article[data-account-id="${account.id}"] [data-status]`)).toHaveText(
        t.active,
      );

      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(
          violations.map(
            (v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          ),
        ).toEqual([]);
      }

      await page.getByRole('button', { name: t.signOut }).click();
      await expect(page.getByLabel(labels.token)).toBeVisible();
      expect(await page.evaluate(() => sessionStorage.getItem('support.session'))).toBeNull();
    });

    test.describe('refusals', () => {
      test.use({ allowedConsoleErrors: [/status of 404/] });

      test('says why a temporary access code is not possible, and when no account matches', async ({
        page,
        request,
      }) => {
        const account = await scratchAccount(request, 'several-employers');
        await signIn(page, `${prefix}/support/lookup`, labels);
        await page.getByLabel(t.contact).fill(account.email);
        await page.getByRole('button', { name: t.lookUp, exact: true }).click();
        const card = page.locator(`article[data-account-id="${account.id}"]`);
        await expect(card.locator('[data-refusal="several-employers"]')).toContainText(t.several);
        await page.getByLabel(t.contact).fill('nobody-at-all@example.com');
        await page.getByRole('button', { name: t.lookUp, exact: true }).click();
        await expect(page.getByRole('alert').filter({ hasText: t.notFound })).toBeVisible();
        await expect(card).toHaveCount(0);
      });
    });
  });
}
