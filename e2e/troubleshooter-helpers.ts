/** What the troubleshooter's end-to-end specs share: scripted API answers, opening a step, checking it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Page, Route } from '@playwright/test';
import type { AnyEventObject } from 'xstate';

import { CHECK_OUTCOMES, POLICY, SERVICE_OUTCOMES } from '../src/troubleshooter/test-model';
import { type StepId } from '../src/troubleshooter/steps';
import { expect, gotoHydrated } from './fixtures';

export const french = JSON.parse(
  readFileSync(path.join(__dirname, '../i18n/fr/code.json'), 'utf8'),
) as Record<string, { message: string }>;
export const LOCALES = [
  { locale: 'en', prefix: '' },
  { locale: 'fr', prefix: '/fr' },
] as const;

/** The HTTP answer that makes the page's API client resolve to `output` (an outcome of src/api/client.ts). */
export function fulfil(route: Route, output: Record<string, unknown>): Promise<void> {
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

export const ENDPOINT: Record<string, string> = {
  checkContact: '/api/v1/contact-checks',
  requestHelp: '/api/v1/help-requests',
  verifyCode: '/api/v1/code-verifications',
  fetchAccountStatus: '/api/v1/account-status',
};

export const STEP_EVENTS = '/api/v1/troubleshooter-events';
export const POLICY_PATH = '/api/v1/policy';

/**
 * Answers the page's `GET /api/v1/policy` (the rules the API enforces), or fails it like an API
 * that is away (`available: false`: the page must work without it); false for any other call.
 */
export function answerPolicy(route: Route, available = true): boolean {
  if (new URL(route.request().url()).pathname !== POLICY_PATH) return false;
  if (!available) void route.abort('failed');
  else void route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(POLICY) });
  return true;
}

export const SERVICE_STATUS_PATH = '/api/v1/service-status';

/**
 * Answers the page's `GET /api/v1/service-status` (all messages getting through, unless `status`
 * says otherwise); false for any other call. The troubleshooter asks it in the background.
 */
export function answerServiceStatus(route: Route, status: unknown = SERVICE_OUTCOMES.ok.data): boolean {
  if (new URL(route.request().url()).pathname !== SERVICE_STATUS_PATH) return false;
  void route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(status) });
  return true;
}

/** The anonymous step events the page sends (`POST /api/v1/troubleshooter-events`), as sent. */
export type StepEvent = Record<string, unknown>;

/** Accepts a step event like the API does (202), and keeps its body; false for any other call. */
export function acceptStepEvent(route: Route, events: StepEvent[] = []): boolean {
  if (new URL(route.request().url()).pathname !== STEP_EVENTS) return false;
  events.push(JSON.parse(route.request().postData() ?? '{}') as StepEvent);
  void route.fulfill({ status: 202, contentType: 'application/json', body: '{"status":"recorded"}' });
  return true;
}

/** Serves, in order, the API answers a path's done events stand for; records any surprise. */
export async function scriptApi(
  page: Page,
  answers: AnyEventObject[],
  events: StepEvent[],
): Promise<string[]> {
  const surprises: string[] = [];
  await page.route('**/api/**', async (route) => {
    if (acceptStepEvent(route, events)) return;
    // The graph's snapshots know no policy (its answer is not a sample event): neither does the page.
    if (answerPolicy(route, false) || answerServiceStatus(route)) return;
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

export const step = (page: Page) => page.locator('[data-step]');

export async function open(page: Page, url: string): Promise<void> {
  await gotoHydrated(page, url);
  await expect(page.locator('[data-ready="true"]')).toBeAttached();
}

/** The heading a step must show in this locale (English from the page itself, French from code.json). */
export async function expectStep(page: Page, id: StepId, locale: 'en' | 'fr'): Promise<void> {
  await expect(step(page)).toHaveAttribute('data-step', id);
  await expect(page).toHaveURL(new RegExp(`[?&]step=${id}(&|$)`));
  const heading = page.locator('#troubleshooter-question');
  if (locale === 'fr') await expect(heading).toHaveText(french[`troubleshooter.step.${id}.title`].message);
  else await expect(heading).not.toHaveText(french[`troubleshooter.step.${id}.title`].message);
}

// The API answers 4xx on purpose in some paths, or is made unreachable: the browser logs those.
export const apiErrors = [/Failed to load resource.*\/api\/v1\//, /Failed to load resource: net::ERR_FAILED/];

/** The scripted answers of a code request for a +1 phone. */
export const phoneCheck = CHECK_OUTCOMES.phone.data;
export const sent = { status: 'sent-if-on-file', retryAfterSeconds: 60, expiresInSeconds: 600 };

export async function requestCode(page: Page, prefix = ''): Promise<void> {
  await open(page, `${prefix}/troubleshoot?step=enter-contact`);
  await page.locator('input[name="contact"]').fill('514 555 0134');
  await page.locator('[data-event="user.submit-contact"]').click();
  await expect(step(page)).toHaveAttribute('data-step', 'code-sent');
}

/** A fake API for the behavior tests: contact check, help request, verification. */
export async function fakeApi(
  page: Page,
  verify: (body: Record<string, string>) => { status: number; body: unknown },
  events: StepEvent[] = [],
) {
  const requests: Array<{ path: string; body: Record<string, string> }> = [];
  await page.route('**/api/v1/**', async (route) => {
    if (acceptStepEvent(route, events) || answerPolicy(route) || answerServiceStatus(route)) return;
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
