import AxeBuilder from '@axe-core/playwright';
import { expect, gotoHydrated, test } from './fixtures';
import { DEV_AGENT, LOCALES, signIn } from './support-fixtures';

const text = {
  en: {
    article: 'update-app',
    question: 'Was this article helpful?',
    no: 'No',
    reason: 'It does not match what I see in the app',
    comment: 'Anything to add? (optional)',
    send: 'Send',
    thanks: 'Thank you! Your answer helps us improve this help.',
    left: /^\d+ characters left$/,
    over: '1 characters too many',
    labels: {
      token: /^Support token$/,
      submit: /^Sign in$/,
      signedIn: new RegExp(`Signed in as ${DEV_AGENT}`),
    },
    ratio: '0 of 1 helpful (0%)',
    reasonCount: 'It does not match what I see in the app · 1',
  },
  fr: {
    article: 'single-sign-on',
    question: 'Cet article vous a-t-il aidé\u00a0?',
    no: 'Non',
    reason: 'Cela ne correspond pas à ce que je vois dans l’application',
    comment: 'Autre chose à ajouter\u00a0? (facultatif)',
    send: 'Envoyer',
    thanks: 'Merci\u00a0! Votre réponse nous aide à améliorer cette aide.',
    left: /^\d+ caractères restants$/,
    over: '1 caractères en trop',
    labels: {
      token: /^Jeton de soutien$/,
      submit: /^Se connecter$/,
      signedIn: new RegExp(`Connecté en tant que ${DEV_AGENT}`),
    },
    // French agrees with the helpful count: « 0 sur 1 utile », « 2 sur 3 utiles ».
    ratio: '0 sur 1 utile (0\u00a0%)',
    reasonCount: 'Cela ne correspond pas à ce que je vois dans l’application · 1',
  },
} as const;

for (const { locale, prefix } of LOCALES) {
  const t = text[locale];

  test(`feedback on an article shows in the report (${locale})`, async ({ page }) => {
    const comment = `e2e ${locale} ${Date.now()}: the menu has another name now`;
    await gotoHydrated(page, `${prefix}/docs/workers/login/${t.article}`);
    const box = page.getByRole('region', { name: t.question });
    await box.getByRole('button', { name: t.no, exact: true }).click();
    // The first reason gets the focus.
    await expect(box.getByRole('checkbox').first()).toBeFocused();
    await box.getByRole('checkbox', { name: t.reason }).check();
    const field = box.getByLabel(t.comment);
    await field.fill('x'.repeat(501));
    await expect(box.getByText(t.over)).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await field.fill(comment);
    await expect(box.getByText(t.left)).toBeVisible();

    const { violations } = await new AxeBuilder({ page }).include('[data-feedback]').analyze();
    expect(violations.map((v) => v.id)).toEqual([]);

    await box.getByRole('button', { name: t.send }).click();
    await expect(box.getByText(t.thanks)).toBeFocused();

    await signIn(page, `${prefix}/support/reports`, t.labels);
    const row = page.locator(`tr[data-target="workers/login/${t.article}"]`);
    await expect(row.locator(`td[data-locale="${locale}"]`)).toContainText(t.ratio);
    await expect(row.locator(`td[data-locale="${locale}"]`)).toContainText(t.reasonCount);
    await expect(page.getByText(comment)).toBeVisible();

    const report = await new AxeBuilder({ page }).analyze();
    expect(
      report.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
}

// A different end step per language: the answers of one test never show in the other's row.
const troubleshooter = {
  en: {
    path: ['user.uses-sso'],
    reached: ['what-happens', 'single-sign-on'],
    step: 'single-sign-on',
    question: 'Was this helpful?',
    yes: 'Yes',
    ratio: '1 of 1 helpful (100%)',
    labels: text.en.labels,
  },
  fr: {
    path: ['user.no-account', 'user.ask-employer'],
    reached: ['what-happens', 'no-account', 'escalate-employer'],
    step: 'escalate-employer',
    question: 'Cela vous a-t-il aidé\u00a0?',
    yes: 'Oui',
    ratio: '1 sur 1 utile (100\u00a0%)',
    labels: text.fr.labels,
  },
} as const;

for (const { locale, prefix } of LOCALES) {
  const t = troubleshooter[locale];

  test(`feedback on a troubleshooter end step, and the run's steps, show in the report (${locale})`, async ({
    page,
  }) => {
    const sent: Array<Record<string, unknown>> = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/troubleshooter-events')) sent.push(request.postDataJSON());
    });
    await gotoHydrated(page, `${prefix}/troubleshoot`);
    await expect(page.locator('[data-ready="true"]')).toBeAttached();
    // No "Was this helpful?" on a question: only on the steps that end the journey.
    await expect(page.getByRole('region', { name: t.question })).toHaveCount(0);
    for (const event of t.path) await page.locator(`[data-event="${event}"]`).click();
    await expect(page.locator('[data-step]')).toHaveAttribute('data-step', t.step);
    const title = (await page.locator('#troubleshooter-question').textContent()) ?? '';

    const box = page.getByRole('region', { name: t.question });
    await expect(box.getByRole('heading', { level: 3 })).toHaveText(t.question);
    await box.getByRole('button', { name: t.yes, exact: true }).click();
    await expect(box.getByText(text[locale].thanks)).toBeFocused();
    const { violations } = await new AxeBuilder({ page }).include('main').analyze();
    expect(violations.map((v) => v.id)).toEqual([]);

    // One anonymous event per step, all of one run, with nothing about the worker in them.
    await expect.poll(() => sent.map((event) => event.step)).toEqual(t.reached);
    expect(new Set(sent.map((event) => event.runId)).size).toBe(1);
    for (const event of sent) expect(Object.keys(event).sort()).toEqual(['locale', 'runId', 'step']);

    await signIn(page, `${prefix}/support/reports`, t.labels);
    const answers = page.locator(`tr[data-target="${t.step}"]`);
    await expect(answers).toContainText(title);
    await expect(answers.locator(`td[data-locale="${locale}"]`)).toContainText(t.ratio);
    const dropOff = page.locator(`tr[data-step="${t.step}"]`);
    await expect(dropOff.locator('th')).toContainText(title);
    // The run stopped there (other tests' runs may have too).
    const [reached, stopped] = await dropOff.locator('td').allTextContents();
    expect(Number(reached)).toBeGreaterThanOrEqual(1);
    expect(Number(stopped)).toBeGreaterThanOrEqual(1);
  });
}
