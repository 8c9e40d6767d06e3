/**
 * The troubleshooter page, driven like a worker would: every shortest path of the machine's graph,
 * in English and French, against the production build; the API answers each path needs are served
 * by `page.route` from the same graph (the real API has its own test at the end).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page, Route } from '@playwright/test';
import type { AnyEventObject } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { decodeReferenceCode } from '../src/troubleshooter/reference-code';
import {
  troubleshooterMachine,
  type TroubleshooterSnapshot,
} from '../src/troubleshooter/troubleshooter.machine';
import {
  CHECK_OUTCOMES,
  POLICY,
  eventsFor,
  sampleEvents,
  serializeForWalk,
  stepOf,
} from '../src/troubleshooter/test-model';
import { STEP_IDS, type StepId } from '../src/troubleshooter/steps';
import { expect, gotoHydrated, test } from './fixtures';

const french = JSON.parse(readFileSync(path.join(__dirname, '../i18n/fr/code.json'), 'utf8')) as Record<
  string,
  { message: string }
>;
const LOCALES = [
  { locale: 'en', prefix: '' },
  { locale: 'fr', prefix: '/fr' },
] as const;

// One shortest path per step: the graph's shortest paths (a step and what is being sent), keeping
// the shortest that ends on each step.
const shortest = new Map<
  StepId,
  { steps: Array<{ event: AnyEventObject; state: TroubleshooterSnapshot }> }
>();
for (const candidate of getShortestPaths(troubleshooterMachine, {
  events: eventsFor(sampleEvents()),
  serializeState: serializeForWalk,
} as never)) {
  const state = candidate.state as TroubleshooterSnapshot;
  const step = stepOf(state);
  if (!step || !state.hasTag('step')) continue;
  const known = shortest.get(step);
  if (!known || candidate.steps.length < known.steps.length) shortest.set(step, candidate as never);
}

/** The HTTP answer that makes the page's API client resolve to `output` (an outcome of src/api/client.ts). */
function fulfil(route: Route, output: Record<string, unknown>): Promise<void> {
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    route.fulfill({ status, contentType: 'application/json', headers, body: JSON.stringify(body) });
  switch (output.type) {
    case 'unreachable':
      return route.abort('failed');
    case 'rate-limited':
      return reply(
        429,
        { error: { code: 'rate-limited', message: output.message } },
        { 'Retry-After': String(output.retryAfterSeconds) },
      );
    case 'refused':
      return reply(Number(output.status), { error: { code: output.code, message: output.message } });
    default:
      return reply(Number(output.status), output.data);
  }
}

const ENDPOINT: Record<string, string> = {
  checkContact: '/api/v1/contact-checks',
  requestHelp: '/api/v1/help-requests',
  verifyCode: '/api/v1/code-verifications',
  fetchAccountStatus: '/api/v1/account-status',
};

const STEP_EVENTS = '/api/v1/troubleshooter-events';
const POLICY_PATH = '/api/v1/policy';

/**
 * Answers the page's `GET /api/v1/policy` (the rules the API enforces), or fails it like an API
 * that is away (`available: false`: the page must work without it); false for any other call.
 */
function answerPolicy(route: Route, available = true): boolean {
  if (new URL(route.request().url()).pathname !== POLICY_PATH) return false;
  if (!available) void route.abort('failed');
  else void route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(POLICY) });
  return true;
}

/** The anonymous step events the page sends (`POST /api/v1/troubleshooter-events`), as sent. */
type StepEvent = Record<string, unknown>;

/** Accepts a step event like the API does (202), and keeps its body; false for any other call. */
function acceptStepEvent(route: Route, events: StepEvent[] = []): boolean {
  if (new URL(route.request().url()).pathname !== STEP_EVENTS) return false;
  events.push(JSON.parse(route.request().postData() ?? '{}') as StepEvent);
  void route.fulfill({ status: 202, contentType: 'application/json', body: '{"status":"recorded"}' });
  return true;
}

/** Serves, in order, the API answers a path's done events stand for; records any surprise. */
async function scriptApi(page: Page, answers: AnyEventObject[], events: StepEvent[]): Promise<string[]> {
  const surprises: string[] = [];
  await page.route('**/api/**', async (route) => {
    if (acceptStepEvent(route, events)) return;
    // The graph's snapshots know no policy (its answer is not a sample event): neither does the page.
    if (answerPolicy(route, false)) return;
    const next = answers.shift();
    const url = new URL(route.request().url()).pathname;
    const id = next?.type.replace('xstate.done.actor.', '') ?? '';
    if (!next || ENDPOINT[id] !== url) {
      surprises.push(`${route.request().method()} ${url} (expected ${next ? ENDPOINT[id] : 'no call'})`);
      return route.abort('failed');
    }
    return fulfil(route, next.output as Record<string, unknown>);
  });
  return surprises;
}

const step = (page: Page) => page.locator('[data-step]');

async function open(page: Page, url: string): Promise<void> {
  await gotoHydrated(page, url);
  await expect(page.locator('[data-ready="true"]')).toBeAttached();
}

/** The heading a step must show in this locale (English from the page itself, French from code.json). */
async function expectStep(page: Page, id: StepId, locale: 'en' | 'fr'): Promise<void> {
  await expect(step(page)).toHaveAttribute('data-step', id);
  await expect(page).toHaveURL(new RegExp(`[?&]step=${id}(&|$)`));
  const heading = page.locator('#troubleshooter-question');
  if (locale === 'fr') await expect(heading).toHaveText(french[`troubleshooter.step.${id}.title`].message);
  else await expect(heading).not.toHaveText(french[`troubleshooter.step.${id}.title`].message);
}

// The API answers 4xx on purpose in some paths, or is made unreachable: the browser logs those.
const apiErrors = [/Failed to load resource.*\/api\/v1\//, /Failed to load resource: net::ERR_FAILED/];

test.describe('every shortest path of the troubleshooter', () => {
  // A list is a fixture value only inside the [value, options] tuple.
  test.use({ allowedConsoleErrors: [apiErrors, { option: true }] as never });

  test('covers every step', () => {
    expect(STEP_IDS.filter((id) => !shortest.has(id))).toEqual([]);
  });

  // Batches of paths share one browser page (and its cache): much faster on a small machine. Each path
  // starts from a fresh tab state (sessionStorage cleared, new history entry, its own API script).
  const BATCH = 7;
  const paths = [...shortest.entries()];
  for (const { locale, prefix } of LOCALES) {
    for (let first = 0; first < paths.length; first += BATCH) {
      const batch = paths.slice(first, first + BATCH);
      test(`${locale}: ${batch.map(([target]) => target).join(', ')}`, async ({ page }) => {
        test.setTimeout(20_000 * batch.length);
        for (const [target, { steps }] of batch) {
          await test.step(`${target} (${steps.length - 1} events)`, async () => {
            await walk(page, steps, locale, prefix);
          });
        }
      });
    }
  }
});

async function walk(
  page: Page,
  steps: Array<{ event: AnyEventObject; state: TroubleshooterSnapshot }>,
  locale: 'en' | 'fr',
  prefix: string,
): Promise<void> {
  await page.unrouteAll({ behavior: 'wait' });
  const answers = steps.map((s) => s.event).filter((event) => event.type.startsWith('xstate.done.actor.'));
  const events: StepEvent[] = [];
  const surprises = await scriptApi(page, answers, events);
  for (const [index, { event, state }] of steps.entries()) {
    const type = event.type;
    if (type === 'xstate.init') {
      await page.evaluate(() => sessionStorage.clear()).catch(() => undefined);
      await open(page, `${prefix}/troubleshoot`);
    } else if (type === 'user.submit-contact') {
      await page.locator('input[name="contact"]').fill(String(event.contact));
      await page.locator('[data-event="user.submit-contact"]').click();
    } else if (type === 'user.submit-code') {
      await page.locator('input[name="code"]').fill(String(event.code));
      await page.locator('[data-event="user.submit-code"]').click();
    } else if (type.startsWith('user.')) {
      await page.locator(`[data-event="${type}"]`).click();
    }
    // Busy states pass by themselves as the scripted API answers.
    if (!state.hasTag('step')) continue;
    await expectStep(page, stepOf(state)!, locale);
    if (index > 0 && steps[index - 1].state.value !== state.value) {
      await expect(page.locator('#troubleshooter-question')).toBeFocused();
    }
  }
  expect(surprises).toEqual([]);
  expect(answers).toEqual([]);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  // One anonymous event per step reached, in order, all of one run, and nothing else in them.
  const reached = steps
    .filter(({ state }) => state.hasTag('step'))
    .map(({ state }) => stepOf(state))
    .filter((id, position, all) => position === 0 || all[position - 1] !== id);
  await expect.poll(() => events.map((event) => event.step)).toEqual(reached);
  const runId = events[0].runId;
  expect(runId).toMatch(/^[0-9a-f]{32}$/);
  for (const event of events) expect(event).toEqual({ runId, step: event.step, locale });
}

/** The scripted answers of a code request for a +1 phone. */
const phoneCheck = CHECK_OUTCOMES.phone.data;
const sent = { status: 'sent-if-on-file', retryAfterSeconds: 60, expiresInSeconds: 600 };

async function requestCode(page: Page, prefix = ''): Promise<void> {
  await open(page, `${prefix}/troubleshoot?step=enter-contact`);
  await page.locator('input[name="contact"]').fill('514 555 0134');
  await page.locator('[data-event="user.submit-contact"]').click();
  await expect(step(page)).toHaveAttribute('data-step', 'code-sent');
}

/** A fake API for the behaviour tests: contact check, help request, verification. */
async function fakeApi(
  page: Page,
  verify: (body: Record<string, string>) => { status: number; body: unknown },
  events: StepEvent[] = [],
) {
  const requests: Array<{ path: string; body: Record<string, string> }> = [];
  await page.route('**/api/v1/**', async (route) => {
    if (acceptStepEvent(route, events) || answerPolicy(route)) return;
    const url = new URL(route.request().url()).pathname;
    const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, string>;
    requests.push({ path: url, body });
    const reply = (status: number, json: unknown) =>
      route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(json) });
    if (url.endsWith('/contact-checks')) return reply(200, phoneCheck);
    if (url.endsWith('/help-requests')) return reply(202, sent);
    if (url.endsWith('/code-verifications')) {
      const answer = verify(body);
      return reply(answer.status, answer.body);
    }
    return route.abort('failed');
  });
  return requests;
}

test.describe('troubleshooter behaviour', () => {
  test.use({ allowedConsoleErrors: [apiErrors, { option: true }] as never });

  for (const { locale, prefix } of LOCALES) {
    test(`${locale}: a deep link opens its step; an unknown one opens the start with a notice`, async ({
      page,
    }) => {
      await open(page, `${prefix}/troubleshoot?step=check-spam`);
      await expectStep(page, 'check-spam', locale);
      await open(page, `${prefix}/troubleshoot?step=no-such-step`);
      await expectStep(page, 'what-happens', locale);
      await expect(page.locator('[data-notice]')).toBeVisible();
      await open(page, `${prefix}/troubleshoot?step=code-sent`);
      await expectStep(page, 'enter-contact', locale);
      await expect(page.locator('[data-notice]')).toBeVisible();
    });

    test(`${locale}: end steps link their article section in the page's language`, async ({ page }) => {
      await open(page, `${prefix}/troubleshoot?step=single-sign-on`);
      const link = page.locator('[data-article-link]');
      await expect(link).toHaveAttribute('href', `${prefix}/docs/workers/login/single-sign-on#contact-it`);
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${prefix}/docs/workers/login/single-sign-on#contact-it$`));
      await expect(page.locator('#contact-it')).toBeVisible();
    });
  }

  test('the browser back and forward buttons walk the steps; the page Back button too', async ({ page }) => {
    const sent: StepEvent[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === STEP_EVENTS) sent.push(request.postDataJSON() as StepEvent);
    });
    await open(page, '/troubleshoot');
    await page.locator('[data-event="user.error-message"]').click();
    await page.locator('[data-event="user.msg-locked"]').click();
    await page.locator('[data-event="user.forgot-password"]').click();
    await expect(step(page)).toHaveAttribute('data-step', 'forgot-password');
    await page.goBack();
    await expect(step(page)).toHaveAttribute('data-step', 'account-locked');
    await expect(page.locator('#troubleshooter-question')).toBeFocused();
    await page.goBack();
    await expect(step(page)).toHaveAttribute('data-step', 'which-message');
    await page.goForward();
    await expect(step(page)).toHaveAttribute('data-step', 'account-locked');
    await page.locator('[data-nav="back"]').click();
    await expect(step(page)).toHaveAttribute('data-step', 'which-message');
    await expect(page).toHaveURL(/step=which-message/);
    await page.locator('[data-nav="restart"]').click();
    await expect(step(page)).toHaveAttribute('data-step', 'what-happens');
    await expect(page.locator('[data-nav="restart"]')).toHaveCount(0);
    // Every arrival is a step event (the drop-off report sees where the worker really stopped);
    // Start over begins a new run with a new anonymous id.
    await expect.poll(() => sent.length).toBe(9);
    const runs = [...new Set(sent.map((event) => event.runId))];
    expect(runs).toHaveLength(2);
    expect(sent.filter((event) => event.runId === runs[0]).map((event) => event.step)).toEqual([
      'what-happens',
      'which-message',
      'account-locked',
      'forgot-password',
      'account-locked',
      'which-message',
      'account-locked',
      'which-message',
    ]);
    expect(sent.filter((event) => event.runId === runs[1]).map((event) => event.step)).toEqual([
      'what-happens',
    ]);
    // Starting over is a step too: back returns to where the worker was.
    await page.goBack();
    await expect(step(page)).toHaveAttribute('data-step', 'which-message');
  });

  test('a reload restores the step and its answers, countdowns included', async ({ page }) => {
    const events: StepEvent[] = [];
    await fakeApi(
      page,
      () => ({
        status: 400,
        body: { error: { code: 'invalid-or-expired-code', message: 'No.' } },
      }),
      events,
    );
    await requestCode(page);
    await expect(page.locator('[data-countdown="resend"]')).toBeVisible();
    await page.reload();
    await expect(page.locator('[data-ready="true"]')).toBeAttached();
    await expect(step(page)).toHaveAttribute('data-step', 'code-sent');
    // As the server's contact check masked it.
    await expect(page.locator('[data-request="sent"]')).toContainText('+1 •••-•••-0134');
    await expect(page.locator('[data-countdown="expires"]')).toBeVisible();
    await expect(page.locator('[data-countdown="resend"]')).toBeVisible();
    await expect(page.locator('[data-event="user.resend"]')).toHaveCount(0);
    await page.goBack();
    await expect(step(page)).toHaveAttribute('data-step', 'enter-contact');
    await expect(page.locator('input[name="contact"]')).toHaveValue('514 555 0134');
    // Still the same run: the reload sent no event of its own, going back did.
    await expect
      .poll(() => events.map((event) => event.step))
      .toEqual(['enter-contact', 'code-sent', 'enter-contact']);
    expect(new Set(events.map((event) => event.runId)).size).toBe(1);
  });

  test('a session saved by an older version starts over cleanly, with a notice', async ({ page }) => {
    await open(page, '/troubleshoot');
    await page.locator('[data-event="user.no-account"]').click();
    await expect(step(page)).toHaveAttribute('data-step', 'no-account');
    await page.evaluate(() => {
      const saved = JSON.parse(sessionStorage.getItem('troubleshooter') ?? '{}');
      sessionStorage.setItem('troubleshooter', JSON.stringify({ ...saved, version: -1 }));
    });
    await page.reload();
    await expect(page.locator('[data-ready="true"]')).toBeAttached();
    await expect(step(page)).toHaveAttribute('data-step', 'what-happens');
    await expect(page).toHaveURL(/step=what-happens/);
    await expect(page.locator('[data-notice]')).toBeVisible();
  });

  test('the code field takes a pasted code with spaces, counts wrong tries, and says so in the live region', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const requests = await fakeApi(page, () => ({
      status: 400,
      body: { error: { code: 'invalid-or-expired-code', message: 'Invalid or expired code.' } },
    }));
    await requestCode(page);
    const field = page.locator('input[name="code"]');
    await expect(field).toHaveAttribute('autocomplete', 'one-time-code');
    await expect(field).toHaveAttribute('inputmode', 'numeric');
    // A real paste, as from a text message copied with its spaces.
    await page.evaluate(() => navigator.clipboard.writeText(' 123 456 '));
    await field.focus();
    await page.keyboard.press('ControlOrMeta+V');
    await expect(field).toHaveValue(' 123 456 ');
    await page.locator('[data-event="user.submit-code"]').click();
    await expect(page.locator('[role="alert"]')).toContainText('4');
    expect(requests.find((r) => r.path.endsWith('/code-verifications'))?.body).toMatchObject({
      contact: '+15145550134',
      code: '123456',
    });
    await expect(page.locator('#troubleshooter-question')).toHaveText(/./);
    await expect(field).toHaveValue('');
  });

  test('the resend button appears only when the API would accept it', async ({ page }) => {
    await page.clock.install();
    const requests = await fakeApi(page, () => ({ status: 400, body: {} }));
    await requestCode(page);
    const wait = page.locator('[data-countdown="resend"]');
    await expect(wait).toContainText(/1:00|0:59/);
    await expect(page.locator('[data-event="user.resend"]')).toHaveCount(0);
    await page.clock.fastForward('00:30');
    await expect(wait).toContainText(/0:30|0:29/);
    await expect(page.locator('[data-countdown="expires"]')).toContainText(/9:30|9:29/);
    await page.clock.fastForward('00:31');
    await expect(page.locator('[data-event="user.resend"]')).toBeVisible();
    await expect(page.locator('[role="status"]').filter({ hasText: /./ }).first()).toBeAttached();
    await page.locator('[data-event="user.resend"]').click();
    await expect(wait).toBeVisible();
    expect(requests.filter((r) => r.path.endsWith('/help-requests'))).toHaveLength(2);
  });

  test('works with the keyboard alone; focus follows the question and the live region announces it', async ({
    page,
  }) => {
    await fakeApi(page, () => ({ status: 400, body: {} }));
    await open(page, '/troubleshoot');
    // The way keyboard users skip the navbar: the first Tab reaches "skip to main content".
    // (Tabbing through the search field instead loads its index, and the search plugin then takes
    // focus back when the index arrives, wherever the user went meanwhile: a plugin issue.)
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveAttribute('href', '#__docusaurus_skipToContent_fallback');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.locator('[data-event="user.waiting-for-code"]')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(step(page)).toHaveAttribute('data-step', 'code-not-received');
    const heading = page.locator('#troubleshooter-question');
    await expect(heading).toBeFocused();
    await expect(page.locator('[role="status"][aria-live="polite"]').first()).toHaveText(
      (await heading.textContent()) ?? '',
    );
    // From the question, Tab reaches the answers in order.
    await page.keyboard.press('Tab');
    await expect(page.locator('[data-event="user.works"]')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.locator('[data-event="user.send-code"]')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(step(page)).toHaveAttribute('data-step', 'enter-contact');
    await page.keyboard.press('Tab');
    await expect(page.locator('input[name="contact"]')).toBeFocused();
    await page.keyboard.type('514 555 0134');
    await page.keyboard.press('Enter');
    await expect(step(page)).toHaveAttribute('data-step', 'code-sent');
    await expect(heading).toBeFocused();
  });

  test('an unreachable API gets an honest message and the advice that works without it', async ({ page }) => {
    let calls = 0;
    await page.route('**/api/v1/**', async (route) => {
      if (acceptStepEvent(route) || answerPolicy(route)) return;
      calls += 1;
      if (calls === 1) return route.abort('failed');
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify(phoneCheck),
      });
    });
    await open(page, '/troubleshoot?step=enter-contact');
    await page.locator('input[name="contact"]').fill('514 555 0134');
    await page.locator('[data-event="user.submit-contact"]').click();
    await expect(step(page)).toHaveAttribute('data-step', 'api-unreachable');
    await expect(page.locator('[data-step] li')).toHaveCount(4);
    await page.unroute('**/api/v1/**');
    await fakeApi(page, () => ({ status: 400, body: {} }));
    await page.locator('[data-event="user.retry"]').click();
    await expect(step(page)).toHaveAttribute('data-step', 'code-sent');
  });
});

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
