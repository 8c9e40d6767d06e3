/**
 * The troubleshooter page, driven like a worker would: every shortest path of the machine's graph,
 * in English and French, against the production build; the API answers each path needs are served
 * by `page.route` from the same graph.
 */

import type { Page } from '@playwright/test';
import type { AnyEventObject } from 'xstate';
import { getShortestPaths } from 'xstate/graph';

import {
  troubleshooterMachine,
  type TroubleshooterSnapshot,
} from '../src/troubleshooter/troubleshooter.machine';
import { eventsFor, sampleEvents, serializeForWalk, stepOf } from '../src/troubleshooter/test-model';
import { STEP_IDS, type StepId } from '../src/troubleshooter/steps';
import { expect, test } from './fixtures';

import { apiErrors, expectStep, LOCALES, open, scriptApi, type StepEvent } from './troubleshooter-helpers';

// One shortest path per step: the graph's shortest paths (a step and what is being sent), keeping
// the shortest that ends on each step.
const shortest = new Map<
  StepId,
  { steps: Array<{ event: AnyEventObject; state: TroubleshooterSnapshot }> }
>();
for (const candidate of getShortestPaths(troubleshooterMachine(), {
  events: eventsFor(sampleEvents()),
  serializeState: serializeForWalk,
} as never)) {
  const state = candidate.state as TroubleshooterSnapshot;
  const step = stepOf(state);
  if (!step || !state.hasTag('step')) continue;
  const known = shortest.get(step);
  if (!known || candidate.steps.length < known.steps.length) shortest.set(step, candidate as never);
}

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
