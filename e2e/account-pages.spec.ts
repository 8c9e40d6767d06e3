import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

// The pages that emailed links open, driven in both languages against the real API (`npm start`:
// E2E_SERVER=app). Tokens come from the development outbox, as a worker's email would carry them.
test.skip(process.env.E2E_SERVER !== 'app', 'needs the API: run with E2E_SERVER=app');

interface OutboxMessage {
  template: string;
  links: string[];
}

async function linkFor(
  request: APIRequestContext,
  contact: string,
  purpose: string,
  locale: string,
): Promise<string> {
  const asked = await request.post('/api/v1/help-requests', { data: { contact, purpose, locale } });
  expect(asked.status()).toBe(202);
  let link: string | undefined;
  await expect
    .poll(async () => {
      const outbox = await request.get(`/api/dev/outbox?to=${encodeURIComponent(contact)}&limit=1`);
      const [message] = ((await outbox.json()) as { messages: OutboxMessage[] }).messages;
      link = message?.links[0];
      return link;
    })
    .toBeTruthy();
  return new URL(link!).pathname + new URL(link!).hash;
}

async function open(page: Page, url: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (message) => {
    // The browser logs the API's 4xx answers the page expects and handles.
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector('html[data-has-hydrated="true"]', { state: 'attached' });
  return errors;
}

test('a one-time login link logs in once, then says it is used (English)', async ({ page, request }) => {
  const url = await linkFor(request, 'alex.martin@example.com', 'login-link', 'en');
  expect(url).toMatch(/^\/account\/login-link#token=/);
  const errors = await open(page, url);
  // The token leaves the address bar at once.
  expect(new URL(page.url()).hash).toBe('');
  await page.getByRole('button', { name: 'Log me in' }).click();
  await expect(page.getByRole('heading', { name: 'You are logged in' })).toBeFocused();
  await expect(page.getByText('Next time, log in with')).toBeVisible();
  // A fresh load (the same address with only a new fragment would not reload the page).
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector('html[data-has-hydrated="true"]', { state: 'attached' });
  await page.getByRole('button', { name: 'Log me in' }).click();
  await expect(page.getByRole('heading', { name: 'This link did not work' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute(
    'href',
    '/troubleshoot?step=login-link',
  );
  expect(errors).toEqual([]);
});

test('a reset link applies the password rules, then changes the password (French)', async ({
  page,
  request,
}) => {
  const url = await linkFor(request, 'dlavoie', 'password-reset', 'fr');
  expect(url).toMatch(/^\/fr\/account\/reset-password#token=/);
  const errors = await open(page, url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const password = page.getByLabel('Nouveau mot de passe');
  const again = page.getByLabel('Entrez-le de nouveau');
  await password.fill('court');
  await again.fill('court');
  await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
  await expect(
    page.getByText('Votre mot de passe doit compter au moins 10\u00a0caractères.').first(),
  ).toBeVisible();
  await password.fill('motdepasse2030');
  await again.fill('motdepasse2030');
  await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
  await expect(
    page.getByText('Ce mot de passe est trop courant et facile à deviner. Choisissez-en un autre.'),
  ).toBeVisible();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await password.fill('tambour mauve 91');
  await again.fill('tambour mauve 91');
  await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
  await expect(page.getByRole('heading', { name: 'Votre mot de passe est changé' })).toBeFocused();
  expect(errors).toEqual([]);
});

for (const [path, button, locale] of [
  ['/account/unlock', 'Unlock my account', 'en'],
  ['/fr/account/confirm-email', 'Confirmer mon adresse courriel', 'fr'],
] as const) {
  test(`${path} with an unknown token says so, in ${locale}`, async ({ page }) => {
    const errors = await open(page, `${path}#token=${'A'.repeat(43)}`);
    await page.getByRole('button', { name: button }).click();
    await expect(page.getByRole('alert')).toContainText(
      locale === 'fr' ? 'Ce lien n’est pas valide' : 'This link is not valid',
    );
    expect(errors).toEqual([]);
  });
}

test('a page opened without its token explains what to do', async ({ page }) => {
  const errors = await open(page, '/fr/account/unlock');
  await expect(page.getByRole('heading', { name: 'Ce lien est incomplet' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Demander un nouveau lien' })).toHaveAttribute(
    'href',
    '/fr/troubleshoot?step=account-locked',
  );
  expect(errors).toEqual([]);
});
