/**
 * The troubleshooter page, driven like a worker would: every shortest path of the machine's graph,
 * in English and French, against the production build; the API answers each path needs are served
 * by `page.route` from the same graph (the real API has its own test at the end).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Route } from '@playwright/test';
import type { AnyEventObject } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { AccountView } from '../src/troubleshooter/api-client';
import { troubleshooterMachine, type TroubleshooterSnapshot } from '../src/troubleshooter/troubleshooter.machine';
import { eventsFor, sampleEvents, serializeForWalk, stepOf } from '../src/troubleshooter/test-model';
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
const shortest = new Map<StepId, { steps: Array<{ event: AnyEventObject; state: TroubleshooterSnapshot }> }>();
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

/** The API response the page must get for the machine to receive `output` from actor `id`. */
function fulfil(route: Route, id: string, output: Record<string, unknown>): Promise<void> {
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    route.fulfill({ status, contentType: 'application/json', headers, body: JSON.stringify(body) });
  const refusal = (code: string, message: string) => ({ error: { code, message } });
  switch (output.type) {
    case 'unreachable':
      return route.abort('failed');
    case 'rate-limited':
      return reply(429, refusal('rate-limited', 'Too many requests.'), {
        'Retry-After': String(output.retryAfterSeconds),
      });
    case 'rejected':
      return reply(400, refusal(String(output.code), String(output.message)));
    case 'invalid':
      return reply(400, refusal('invalid-or-expired-code', 'Invalid or expired code.'));
    case 'expired':
      return reply(401, refusal('unauthorized', 'Session expired.'));
    default:
  }
  const apiAccount = (account: AccountView) => ({
    ...account,
    emailConfirmed: account.status !== 'unconfirmed',
    locked: account.status === 'locked',
  });
  switch (id) {
    case 'checkContact':
      return reply(200, output.check);
    case 'requestHelp':
      return reply(202, {
        status: 'sent-if-on-file',
        retryAfterSeconds: output.retryAfterSeconds,
        expiresInSeconds: output.expiresInSeconds,
      });
    case 'verifyCode':
      return reply(200, {
        sessionToken: output.sessionToken,
        expiresInSeconds: 900,
        account: apiAccount(output.account as AccountView),
      });
    default:
      return reply(200, { account: apiAccount(output.account as AccountView), expiresInSeconds: 900 });
  }
}

const ENDPOINT: Record<string, string> = {
  checkContact: '/api/v1/contact-checks',
  requestHelp: '/api/v1/help-requests',
  verifyCode: '/api/v1/code-verifications',
  fetchAccountStatus: '/api/v1/account-status',
};

/** Serves, in order, the API answers a path's done events stand for; records any surprise. */
async function scriptApi(page: Page, answers: AnyEventObject[]): Promise<string[]> {
  const surprises: string[] = [];
  await page.route('**/api/**', async (route) => {
    const next = answers.shift();
    const url = new URL(route.request().url()).pathname;
    const id = next?.type.replace('xstate.done.actor.', '') ?? '';
    if (!next || ENDPOINT[id] !== url) {
      surprises.push(`${route.request().method()} ${url} (expected ${next ? ENDPOINT[id] : 'no call'})`);
      return route.abort('failed');
    }
    return fulfil(route, id, next.output as Record<string, unknown>);
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

  for (const { locale, prefix } of LOCALES) {
    for (const [target, { steps }] of shortest) {
      test(`${locale}: ${target} (${steps.length - 1} events)`, async ({ page }) => {
        const answers = steps.map((s) => s.event).filter((event) => event.type.startsWith('xstate.done.actor.'));
        const surprises = await scriptApi(page, answers);
        for (const [index, { event, state }] of steps.entries()) {
          const type = event.type;
          if (type === 'xstate.init') {
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
      });
    }
  }
});
