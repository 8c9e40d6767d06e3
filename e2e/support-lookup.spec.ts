import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { decodeReferenceCode } from '../src/troubleshooter/reference-code';
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
    reference: {
      field: 'Reference code',
      decode: 'Decode',
      facts: {
        contact: 'A +1 mobile number (text messages possible)',
        purpose: 'Login code',
        request: 'Accepted: sent if the contact is on file',
        sends: '1',
        verification: 'No code entered',
        account: 'Not known (no code was verified)',
        'login-method': 'Not known',
      },
      checksum: 'This code has a typo: its last character does not match the others.',
      missing: 'Characters are missing: this code has 18, a reference code has 19.',
      letterU: 'A reference code never contains “U”',
      language: 'English',
      version: 'This code comes from a version of the troubleshooter this page cannot read.',
      format: 'This is not a reference code: it has only digits and letters',
    },
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
    reference: {
      field: 'Code de référence',
      decode: 'Décoder',
      facts: {
        contact: 'Un numéro de cellulaire +1 (textos possibles)',
        purpose: 'Code de connexion',
        request: 'Acceptée\u00a0: message envoyé si la coordonnée est au dossier',
        sends: '1',
        verification: 'Aucun code saisi',
        account: 'Inconnu (aucun code n’a été vérifié)',
        'login-method': 'Inconnu',
      },
      checksum:
        'Ce code contient une faute de frappe\u00a0: son dernier caractère ne correspond pas aux autres.',
      missing: 'Il manque des caractères\u00a0: ce code en a 18, un code de référence en a 19.',
      letterU: 'Un code de référence ne contient jamais «\u00a0U\u00a0»',
      language: 'français',
      version:
        'Ce code vient d’une version de l’assistant de dépannage que cette page ne sait pas lire. Rechargez la page pour obtenir les derniers outils de soutien.',
      format: 'Ce n’est pas un code de référence\u00a0: il ne contient que des chiffres et des lettres',
    },
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

      // The scheme changes on a live page: no color transition caught half-way by the contrast check.
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

const actionText = {
  en: {
    messages: 'Recent messages',
    language: 'Language of the invitation',
    resend: 'Resend the invitation',
    resent: /^Invitation sent again by email to \S+@example\.com\.$/,
    auditResent: 'Invitation sent again by support',
    issue: 'Issue a temporary access code',
    issued: 'Temporary access code issued. Read it to the worker: it is shown only once.',
    auditIssued: 'Temporary access code issued by support',
    release: 'Release the email address',
    confirm: 'Confirm the release',
    yes: 'Yes, release it',
    released: 'Email address released: another account can use it now.',
    auditReleased: 'Email address released by support',
  },
  fr: {
    messages: 'Messages récents',
    language: 'Langue de l’invitation',
    resend: 'Renvoyer l’invitation',
    resent: /^Invitation renvoyée par courriel à \S+@example\.com\.$/,
    auditResent: 'Invitation renvoyée par le soutien',
    issue: 'Émettre un code d’accès temporaire',
    issued: 'Code d’accès temporaire émis. Lisez-le à la personne\u00a0: il ne s’affiche qu’une fois.',
    auditIssued: 'Code d’accès temporaire émis par le soutien',
    release: 'Libérer l’adresse courriel',
    confirm: 'Confirmer la libération',
    yes: 'Oui, la libérer',
    released: 'Adresse courriel libérée\u00a0: un autre compte peut maintenant l’utiliser.',
    auditReleased: 'Adresse courriel libérée par le soutien',
  },
} as const;

for (const { locale, prefix } of LOCALES) {
  const t = { ...text[locale], ...actionText[locale] };
  const labels = {
    token: new RegExp(`^${t.token}$`),
    submit: new RegExp(`^${t.submit}$`),
    signedIn: t.signedIn,
  };

  test(`resends an invitation in the worker's language, issues an access code, releases a merged email (${locale})`, async ({
    page,
    request,
  }) => {
    const [invited, locked, merged] = await Promise.all([
      scratchAccount(request, 'invited'),
      scratchAccount(request, 'locked'),
      scratchAccount(request, 'merged'),
    ]);
    await signIn(page, `${prefix}/support/lookup`, labels);
    const open = async (account: { id: string; email: string }) => {
      await page.getByLabel(t.contact).fill(account.email);
      await page.getByRole('button', { name: t.lookUp, exact: true }).click();
      const card = page.locator(`article[data-account-id="${account.id}"]`);
      await expect(card).toBeVisible();
      return card;
    };
    const audited = (card: Locator, action: string) =>
      expect(card.locator('table').last().getByRole('row').filter({ hasText: action })).toContainText(
        DEV_AGENT,
      );

    // The invitation in the other language than the agent's: the message queued says so.
    const other = locale === 'en' ? 'fr' : 'en';
    let card = await open(invited);
    await card.getByLabel(t.language).selectOption(other);
    await card.getByRole('button', { name: t.resend }).click();
    await expect(card.getByRole('status').filter({ hasText: t.resent })).toBeVisible();
    const messages = card.locator('section').filter({ has: page.getByRole('heading', { name: t.messages }) });
    await expect(messages.locator('tbody tr').first()).toContainText(`, ${other})`);
    await audited(card, t.auditResent);

    card = await open(locked);
    await card.getByRole('button', { name: t.issue }).click();
    await expect(card.getByRole('status').filter({ hasText: t.issued })).toBeVisible();
    await expect(card.locator('[data-access-code]')).toHaveText(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await audited(card, t.auditIssued);

    card = await open(merged);
    await card.getByRole('button', { name: t.release }).click();
    const confirm = card.getByRole('group', { name: t.confirm });
    await expect(confirm).toContainText(`${merged.email[0]}••••••`);
    await confirm.getByRole('button', { name: t.yes }).click();
    await expect(card.getByRole('status').filter({ hasText: t.released })).toBeVisible();
    await expect(card.getByRole('button', { name: t.release })).toHaveCount(0);
    await audited(card, t.auditReleased);
  });
}

/** Walks the real troubleshooter (and API) to its hand-off screen; the questions it showed, in order. */
async function handOff(
  page: Page,
  prefix: string,
  phone: string,
): Promise<{ code: string; titles: string[] }> {
  const question = page.locator('#troubleshooter-question');
  const titles: string[] = [];
  const answer = async (event: string, next: string) => {
    titles.push((await question.textContent()) ?? '');
    await page.locator(`[data-event="${event}"]`).click();
    await expect(page.locator('[data-step]')).toHaveAttribute('data-step', next);
  };
  await gotoHydrated(page, `${prefix}/troubleshoot`);
  await expect(page.locator('[data-ready="true"]')).toBeAttached();
  await answer('user.check-my-account', 'enter-contact');
  await page.locator('input[name="contact"]').fill(phone);
  await answer('user.submit-contact', 'code-sent');
  await answer('user.no-code', 'sms-not-received');
  await answer('user.still-stuck', 'wrong-details');
  await answer('user.tell-employer', 'escalate-employer');
  titles.push((await question.textContent()) ?? '');
  const code = await page.locator('[data-reference-code]').getAttribute('data-reference-code');
  return { code: code ?? '', titles };
}

for (const { locale, prefix } of LOCALES) {
  const t = text[locale].reference;

  test(`decodes a reference code from the troubleshooter's hand-off, without signing in (${locale})`, async ({
    page,
  }) => {
    // A number no account has: the API accepts the request all the same ("sent if on file").
    const { code, titles } = await handOff(page, prefix, locale === 'en' ? '514 555 0181' : '514 555 0182');
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);

    await gotoHydrated(page, `${prefix}/support/lookup`);
    const field = page.getByLabel(t.field, { exact: true });
    // As an agent types what they hear: lower case, spaces for dashes.
    await field.fill(` ${code.toLowerCase().replace(/-/g, ' ')} `);
    await page.getByRole('button', { name: t.decode, exact: true }).click();
    const result = page.locator(`[data-reference="${code}"]`);
    await expect(result.getByRole('heading', { level: 3 })).toContainText(code);
    const steps = result.locator('[data-steps] > li');
    await expect(steps).toHaveCount(6);
    expect(await steps.evaluateAll((items) => items.map((item) => item.getAttribute('data-step')))).toEqual([
      'what-happens',
      'enter-contact',
      'code-sent',
      'sms-not-received',
      'wrong-details',
      'escalate-employer',
    ]);
    // Each step by the question the worker saw, in the agent's language.
    for (const [position, title] of titles.entries()) await expect(steps.nth(position)).toContainText(title);
    for (const [fact, value] of Object.entries(t.facts)) {
      await expect(result.locator(`[data-fact="${fact}"] dd`)).toHaveText(value);
    }
    // When the worker was on the hand-off screen (to the minute), and in which language.
    await expect(result.locator('[data-fact="language"] dd')).toHaveText(t.language);
    const day = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'medium' }).format(
      new Date(),
    );
    await expect(result.locator('[data-fact="time"] dd')).toContainText(day);
    await expect(page.getByRole('alert').filter({ hasText: /./ })).toHaveCount(0);

    const { violations } = await new AxeBuilder({ page }).include('main').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
      [],
    );

    // One wrong character: the check character catches it, and the result goes away.
    const raw = code.replace(/-/g, '');
    const typo = `${raw.slice(0, 2)}${raw[2] === '7' ? '8' : '7'}${raw.slice(3)}`;
    expect(decodeReferenceCode(typo)).toEqual({ ok: false, reason: 'checksum' });
    await field.fill(typo);
    await page.getByRole('button', { name: t.decode, exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: t.checksum })).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(result).toHaveCount(0);

    // A character missing is not a typo; a U is never in a code.
    await field.fill(raw.slice(0, -1));
    await page.getByRole('button', { name: t.decode, exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: t.missing })).toBeVisible();
    await field.fill(`${raw.slice(0, 5)}U${raw.slice(6)}`);
    await page.getByRole('button', { name: t.decode, exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: t.letterU })).toBeVisible();

    // A well-formed code of a version this page does not know (version 7, valid check character).
    expect(decodeReferenceCode('W000-4')).toEqual({ ok: false, reason: 'version' });
    await field.fill('w000-4');
    await page.getByRole('button', { name: t.decode, exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: t.version })).toBeVisible();

    await field.fill('hello?');
    await page.getByRole('button', { name: t.decode, exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: t.format })).toBeVisible();
    await expect(field).toBeFocused();
  });
}
