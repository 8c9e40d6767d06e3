import { expect, gotoHydrated, test } from './fixtures';
import { navbarSearch, searchEvent, typeQuery } from './search-helpers';
import { DEV_AGENT, signIn } from './support-fixtures';

const labels = {
  en: { token: /^Support token$/, submit: /^Sign in$/, signedIn: new RegExp(`Signed in as ${DEV_AGENT}`) },
  fr: {
    token: /^Jeton de soutien$/,
    submit: /^Se connecter$/,
    signedIn: new RegExp(`Connecté en tant que ${DEV_AGENT}`),
  },
};

/** A number written with the letters a–z alone (base 26). */
function letters(value: number): string {
  let text = '';
  for (let rest = value; rest > 0; rest = Math.floor(rest / 26))
    text = String.fromCharCode(97 + (rest % 26)) + text;
  return text;
}

for (const { locale, prefix } of [
  { locale: 'en', prefix: '' },
  { locale: 'fr', prefix: '/fr' },
] as const) {
  test(`a failed search appears in the support report, an email typed into search never (${locale})`, async ({
    page,
  }) => {
    // Unique per run, so earlier runs on the same database cannot make the test pass; letters only,
    // since the server stores a run of four digits as "[number]" (base 36 had "5800" in it one evening).
    const word = `zq${letters(Date.now())}`;
    const email = `${word}@example.org`;
    await gotoHydrated(page, `${prefix}/docs/workers/login/`);
    const field = navbarSearch(page);
    await typeQuery(page, field, `${word} xkcd`);
    const failed = await searchEvent(page, () => page.keyboard.press('Escape'));
    expect(failed).toMatchObject({ query: `${word} xkcd`, results: 0, opened: null, locale });

    await page.keyboard.press('Escape');
    await typeQuery(page, field, `${email} locked`);
    await searchEvent(page, () => page.keyboard.press('Escape'));

    await signIn(page, `${prefix}/support/reports`, labels[locale]);
    const section = page.locator(`[data-search-locale="${locale}"]`);
    const noResults = section.locator('table', { hasText: word }).first();
    await expect(noResults.getByRole('rowheader', { name: `${word} xkcd` })).toBeVisible();
    await expect(section.getByRole('rowheader', { name: '[email] locked' }).first()).toBeVisible();
    await expect(page.locator('body')).not.toContainText(email);
  });
}
