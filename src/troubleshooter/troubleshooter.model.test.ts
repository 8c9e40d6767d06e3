/**
 * Model-based tests: the machine's graph (xstate/graph) proves every step is reachable, every journey
 * ends in "resolved", an article or an escalation, and every step speaks English and French.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, waitFor, type AnyEventObject } from 'xstate';
import { TestModel, getShortestPaths, getSimplePaths } from 'xstate/graph';
import type { PolicyOutcome } from '../api/worker-help';
import { currentStep, troubleshooterMachine, type TroubleshooterSnapshot } from './troubleshooter.machine';
import { POLICY_OUTCOMES, eventsFor, sampleEvents, serializeForGraph, stepOf } from './test-model';
import {
  CHOICES,
  END_STEPS,
  PURPOSES,
  STEPS_TO_END,
  STEP_ARTICLES,
  STEP_IDS,
  articleFor,
  type StepId,
} from './steps';

const translations = vi.hoisted(() => new Map<string, string>());
vi.mock('@docusaurus/Translate', () => ({
  translate: ({ id, message }: { id: string; message: string }) => {
    translations.set(id, message);
    return message;
  },
}));
const { stepText, choiceLabel } = await import('./step-messages');

const ROOT = path.resolve(__dirname, '../..');
const traversal = {
  events: eventsFor(sampleEvents({ errors: true })),
  serializeState: serializeForGraph,
} as const;
// The casts: xstate/graph types its options for the machine's own events, and ours include the
// actors' done events, which it does not list.
const shortestPaths = getShortestPaths(troubleshooterMachine(), traversal as never);

describe('the troubleshooter graph', () => {
  it('reaches every step from the start', () => {
    const reached = new Set(shortestPaths.map((p) => stepOf(p.state as TroubleshooterSnapshot)));
    expect(STEP_IDS.filter((step) => !reached.has(step))).toEqual([]);
    expect(STEP_IDS.length).toBeGreaterThanOrEqual(39);
  });

  it('keeps every step id the articles link to (the deep-link contract)', () => {
    const contract = [
      'what-happens', 'no-account', 'wrong-details', 'type-dont-paste', 'sms-code', 'phone-not-north-american',
      'email-login', 'code-not-received', 'check-spam', 'code-rejected', 'forgot-password', 'password-rules',
      'no-work-email', 'login-link', 'account-locked', 'confirmation-email', 'already-confirmed',
      'email-already-used', 'invalid-credentials', 'username-login', 'account-deactivated', 'single-sign-on',
      'update-app',
    ]; // prettier-ignore
    const states = Object.keys(troubleshooterMachine().root.states);
    expect(contract.filter((id) => !states.includes(id))).toEqual([]);
    const linked = new Set<string>();
    for (const file of articleFiles()) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\/troubleshoot\?step=([a-z0-9-]+)/g))
        linked.add(match[1]);
    }
    expect([...linked].filter((id) => !STEP_IDS.includes(id as StepId))).toEqual([]);
  });

  // Journeys are built from "one answer" segments: the simple paths from a step to the next step,
  // through the machine's busy states and every answer the API can give.
  const next = new Map<StepId, Set<StepId>>();
  for (const path of shortestPaths) {
    const from = path.state as TroubleshooterSnapshot;
    const step = stepOf(from);
    if (!step || !from.hasTag('step')) continue;
    const key = serializeForGraph(from);
    const segments = getSimplePaths(troubleshooterMachine(), {
      ...traversal,
      fromState: from,
      stopWhen: (snapshot: TroubleshooterSnapshot) =>
        serializeForGraph(snapshot) !== key && currentStep(snapshot) !== null,
    } as never);
    const targets = next.get(step) ?? new Set<StepId>();
    for (const segment of segments) {
      const to = currentStep(segment.state as TroubleshooterSnapshot);
      if (to && serializeForGraph(segment.state as TroubleshooterSnapshot) !== key) targets.add(to);
    }
    next.set(step, targets);
  }

  it('ends every journey in resolved, an article or an escalation', () => {
    const deadEnds = STEP_IDS.filter((step) => (next.get(step)?.size ?? 0) === 0);
    expect(deadEnds.sort()).toEqual(Object.keys(END_STEPS).sort());
    // An end is final: nothing but "start over" leads on from it.
    for (const end of Object.keys(END_STEPS) as StepId[]) expect([...(next.get(end) ?? [])]).toEqual([]);
    // And no loop traps the worker: from every step an end can be reached.
    const canEnd = new Set<StepId>(Object.keys(END_STEPS) as StepId[]);
    for (let changed = true; changed;) {
      changed = false;
      for (const [step, targets] of next) {
        if (!canEnd.has(step) && [...targets].some((target) => canEnd.has(target))) {
          canEnd.add(step);
          changed = true;
        }
      }
    }
    expect(STEP_IDS.filter((step) => !canEnd.has(step))).toEqual([]);
    expect(new Set(Object.values(END_STEPS))).toEqual(new Set(['resolved', 'article', 'escalation']));
  });

  it('knows how many answers are left from each step (the progress bar)', () => {
    const distance = new Map<StepId, number>();
    for (const end of Object.keys(END_STEPS) as StepId[]) distance.set(end, 0);
    for (let changed = true; changed;) {
      changed = false;
      for (const [step, targets] of next) {
        const best = Math.min(...[...targets].map((target) => (distance.get(target) ?? Infinity) + 1));
        if (best < (distance.get(step) ?? Infinity)) {
          distance.set(step, best);
          changed = true;
        }
      }
    }
    expect(Object.fromEntries(STEP_IDS.map((step) => [step, distance.get(step)]))).toEqual(STEPS_TO_END);
  });

  it('replays every shortest path on a live actor, API answers included', async () => {
    // createTestModel() refuses machines that invoke actors; TestModel is the same model without that check.
    const model = new TestModel(troubleshooterMachine(), traversal as never);
    const paths = model.getShortestPaths();
    expect(paths.length).toBeGreaterThan(STEP_IDS.length);
    for (const testPath of paths) {
      let pending: ((output: unknown) => void) | null = null;
      let fail: ((error: unknown) => void) | null = null;
      const deferred = <Output, Input>() =>
        fromPromise<Output, Input>(
          () =>
            new Promise<Output>((resolve, reject) => {
              pending = (output) => resolve(output as Output);
              fail = reject;
            }),
        );
      const actor = createActor(
        troubleshooterMachine().provide({
          actors: {
            // The graph's snapshots know no policy (its answer is not one of the sample events).
            fetchPolicy: fromPromise(async (): Promise<PolicyOutcome> => POLICY_OUTCOMES.unreachable),
            checkContact: deferred(),
            requestHelp: deferred(),
            verifyCode: deferred(),
            fetchAccountStatus: deferred(),
          },
        }),
        { input: {} },
      );
      // The graph's answers of the API become the resolution (or rejection) of the pending call.
      const execute = async ({ event, state }: { event: AnyEventObject; state: TroubleshooterSnapshot }) => {
        if (event.type === 'xstate.init') actor.start();
        else if (event.type.startsWith('xstate.done.actor.')) pending!(event.output);
        else if (event.type.startsWith('xstate.error.actor.')) fail!(event.error);
        else actor.send(event as never);
        const expected = serializeForGraph(state);
        await waitFor(actor, (snapshot) => serializeForGraph(snapshot) === expected, { timeout: 2000 });
      };
      await testPath.test({
        events: Object.fromEntries(
          [...new Set(testPath.steps.map((step) => step.event.type))].map((type) => [type, execute]),
        ),
        states: {
          '*': (expected) => {
            expect(actor.getSnapshot().value).toEqual(expected.value);
            expect(serializeForGraph(actor.getSnapshot())).toBe(serializeForGraph(expected));
          },
        },
      });
      actor.stop();
    }
  });

  it('lists as answers only what the machine accepts, and every answer is used', () => {
    const used = new Set<string>();
    for (const state of Object.values(troubleshooterMachine().root.states)) {
      for (const descriptor of state.ownEvents) if (descriptor.startsWith('user.')) used.add(descriptor);
    }
    const forms = ['user.restart', 'user.submit-contact', 'user.submit-code', 'user.resend', 'user.retry'];
    const answers = [...used]
      .filter((type) => !forms.includes(type))
      .map((type) => type.slice('user.'.length));
    expect(answers.filter((answer) => !(CHOICES as readonly string[]).includes(answer))).toEqual([]);
    expect(CHOICES.filter((choice) => !answers.includes(choice))).toEqual([]);
  });
});

describe('the troubleshooter texts', () => {
  const french = JSON.parse(readFileSync(path.join(ROOT, 'i18n/fr/code.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;

  it('gives every step a title and an explanation in English and French', () => {
    for (const step of STEP_IDS) {
      const text = stepText(step);
      expect(text.title, step).not.toBe('');
      expect(text.body, step).not.toBe('');
    }
    for (const choice of CHOICES) expect(choiceLabel(choice), choice).not.toBe('');
    const ids = [...translations.keys()];
    expect(ids.length).toBeGreaterThan(STEP_IDS.length * 2 + CHOICES.length);
    for (const step of STEP_IDS) {
      expect(ids).toContain(`troubleshooter.step.${step}.title`);
      expect(ids).toContain(`troubleshooter.step.${step}.body`);
    }
    const missing = ids.filter((id) => !french[id]?.message);
    expect(missing).toEqual([]);
  });

  it('has every UI string of the troubleshooter in French, with the same placeholders', () => {
    const used = new Map<string, string>(translations);
    for (const file of sourceFiles()) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/id(?:=|:\s*)["'](troubleshooter\.[^"']+)["']/g)) {
        if (!used.has(match[1])) used.set(match[1], '');
      }
    }
    expect(used.size).toBeGreaterThan(200);
    expect([...used.keys()].filter((id) => !french[id]?.message)).toEqual([]);
    for (const [id, english] of translations) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(french[id].message), id).toEqual(placeholders(english));
    }
  });

  it('writes French with its typography: no-break spaces before ; : ? ! and inside « »', () => {
    const problems: string[] = [];
    for (const [id, { message }] of Object.entries(french)) {
      if (!id.startsWith('troubleshooter.')) continue;
      const text = message.replace(/\{\w+\}/g, 'X').replace(/\d:\d/g, '');
      if (/[^\u00a0\u202f][;:?!]/.test(text) && !/^[;:?!]/.test(text)) problems.push(id);
      if (/«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»/.test(text)) problems.push(id);
      if (/'/.test(text)) problems.push(`${id} (straight apostrophe)`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the troubleshooter links to the articles', () => {
  it('points every step at a section that exists in English and in French', () => {
    const links = new Set<string>();
    for (const step of STEP_IDS) for (const purpose of PURPOSES) links.add(articleFor(step, purpose) ?? '');
    links.delete('');
    expect(
      STEP_IDS.filter((step) => step !== 'resolved' && step !== 'link-sent' && !STEP_ARTICLES[step]),
    ).toEqual([]);
    const broken: string[] = [];
    for (const link of links) {
      const [page, anchor] = link.split('#');
      const relative = page.replace(/^\/docs\//, '').replace(/\/$/, '/index');
      for (const root of ['docs', 'i18n/fr/docusaurus-plugin-content-docs/current']) {
        const file = path.join(ROOT, root, `${relative}.mdx`);
        let source: string;
        try {
          source = readFileSync(file, 'utf8');
        } catch {
          broken.push(`${root}: ${link} (no page)`);
          continue;
        }
        if (!anchor || !source.includes(`{#${anchor}}`)) broken.push(`${root}: ${link}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

function walk(dir: string, match: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full, match) : match.test(entry.name) ? [full] : [];
  });
}

function articleFiles(): string[] {
  return [
    ...walk(path.join(ROOT, 'docs'), /\.mdx?$/),
    ...walk(path.join(ROOT, 'i18n/fr/docusaurus-plugin-content-docs/current'), /\.mdx?$/),
  ];
}

function sourceFiles(): string[] {
  return [
    ...walk(path.join(ROOT, 'src/troubleshooter'), /\.tsx?$/),
    ...walk(path.join(ROOT, 'src/components/Troubleshooter'), /\.tsx?$/),
    path.join(ROOT, 'src/pages/troubleshoot.tsx'),
  ].filter((file) => !file.endsWith('.test.ts'));
}
