/**
 * The troubleshooter: runs the machine, keeps each step in the browser's history (`?step=<id>`) and
 * in sessionStorage (back, forward and reload land on the right step with the right answers), moves
 * focus to each new question and announces it. The steps themselves are drawn by <StepScreen>.
 */
import '@site/src/i18n/troubleshooter';
import { startTransition, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useHistory, useLocation } from '@docusaurus/router';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { translate } from '@docusaurus/Translate';
import { createActor, getInitialSnapshot, type Actor } from 'xstate';
import type { Operation, TroubleshooterEvent } from '@site/src/troubleshooter/context';
import {
  SNAPSHOT_VERSION,
  currentStep,
  troubleshooterMachine,
  type TroubleshooterMachine,
  type TroubleshooterSnapshot,
} from '@site/src/troubleshooter/troubleshooter.machine';
import type { Locale } from '@site/shared/locale';
import { mergeSendLogs } from '@site/src/troubleshooter/send-log';
import {
  clearSession,
  historyIndex,
  readSession,
  writeSession,
  type StoredSession,
} from '@site/src/troubleshooter/session-store';
import { stepText } from '@site/src/troubleshooter/step-messages';
import { STEP_IDS, articleFor, type StepId } from '@site/src/troubleshooter/steps';
import { feedbackApi, newRunId } from '@site/src/api/feedback';
import Link from '@docusaurus/Link';
import { nextTask } from '@site/src/utils/next-task';
import StepScreen from './StepScreen';
import styles from './styles.module.css';

type TroubleshooterActor = Actor<TroubleshooterMachine>;
export type PageNotice = 'restarted' | null;

const BUSY: Record<string, Operation> = {
  'checking-contact': 'check',
  sending: 'send',
  verifying: 'verify',
  'refreshing-status': 'status',
};

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function persistedStep(entry: unknown): StepId | null {
  const value = (entry as { value?: unknown } | null)?.value;
  return typeof value === 'string' && (STEP_IDS as string[]).includes(value) ? (value as StepId) : null;
}

export default function Troubleshooter(): ReactNode {
  const { i18n } = useDocusaurusContext();
  const locale: Locale = i18n.currentLocale === 'fr' ? 'fr' : 'en';
  const history = useHistory();

  // Server rendering and hydration show the first question; the effect below then takes over.
  const [snapshot, setSnapshot] = useState<TroubleshooterSnapshot>(() =>
    getInitialSnapshot(troubleshooterMachine(), { locale }),
  );
  const [shown, setShown] = useState<TroubleshooterSnapshot>(snapshot);
  const [index, setIndex] = useState(0);
  const [ready, setReady] = useState(false);
  const [pageNotice, setPageNotice] = useState<PageNotice>(null);
  const [announcement, setAnnouncement] = useState('');

  const actorRef = useRef<TroubleshooterActor | null>(null);
  const indexRef = useRef(0);
  const stepRef = useRef<StepId | null>(null);
  const sessionRef = useRef<StoredSession>({
    version: SNAPSHOT_VERSION,
    entries: [],
    sendLog: { sends: 0, cooldowns: {} },
  });
  const ownNavigation = useRef(false);
  const focusPending = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pathnameRef = useRef('');
  /** The last step event sent, so a step is reported once per arrival. */
  const reportedRef = useRef<{ runId: string; step: StepId } | null>(null);

  /** Anonymous step event (drop-off reports): fire and forget, never in the way of the page. */
  const report = useCallback(
    (step: StepId) => {
      const session = sessionRef.current;
      session.runId ??= newRunId();
      const last = reportedRef.current;
      if (last && last.runId === session.runId && last.step === step) return;
      reportedRef.current = { runId: session.runId, step };
      try {
        feedbackApi.stepReached(session.runId, step, locale);
      } catch {
        // A lost event only makes a report a little less complete.
      }
    },
    [locale],
  );

  const navigate = useCallback(
    (step: StepId, position: number, mode: 'push' | 'replace') => {
      const params = new URLSearchParams(window.location.search);
      params.set('step', step);
      params.delete('channel');
      ownNavigation.current = true;
      const target = { pathname: pathnameRef.current, search: `?${params.toString()}`, hash: '' };
      if (mode === 'push') history.push(target, { troubleshooter: position });
      else history.replace(target, { troubleshooter: position });
      ownNavigation.current = false;
    },
    [history],
  );

  const save = useCallback((actor: TroubleshooterActor) => {
    const session = sessionRef.current;
    const persisted = actor.getPersistedSnapshot() as { context?: { sendLog?: StoredSession['sendLog'] } };
    session.entries[indexRef.current] = persisted;
    if (persisted.context?.sendLog) {
      session.sendLog = mergeSendLogs(session.sendLog, persisted.context.sendLog, Date.now());
    }
    writeSession(storage(), session);
  }, []);

  /** Runs `actor` from now on; `position` is its history entry. */
  const attach = useCallback(
    (actor: TroubleshooterActor, position: number, focus: boolean, arrived: boolean) => {
      actorRef.current?.stop();
      actorRef.current = actor;
      indexRef.current = position;
      stepRef.current = null;
      // What a restored actor emits while it starts is where the worker already was, not an arrival.
      let starting = true;
      actor.subscribe((next) => {
        if (actorRef.current !== actor) return;
        setSnapshot(next);
        if (next.context.contact) sessionRef.current.contact = next.context.contact;
        const step = currentStep(next);
        if (!step) return;
        setShown(next);
        if (stepRef.current !== null && step !== stepRef.current) {
          // A new step after an answer: a new history entry; the entries after it are gone.
          indexRef.current += 1;
          sessionRef.current.entries = sessionRef.current.entries.slice(0, indexRef.current);
          navigate(step, indexRef.current, 'push');
          setIndex(indexRef.current);
          focusPending.current = true;
        }
        stepRef.current = step;
        if (!starting) report(step);
        save(actor);
      });
      actor.start();
      starting = false;
      const first = actor.getSnapshot();
      stepRef.current = currentStep(first);
      if (stepRef.current && arrived) report(stepRef.current);
      else if (stepRef.current && sessionRef.current.runId) {
        // A reload of the same step: it was reported when the worker arrived.
        reportedRef.current = { runId: sessionRef.current.runId, step: stepRef.current };
      }
      setSnapshot(first);
      setShown(first);
      setIndex(position);
      focusPending.current = focus;
      save(actor);
    },
    [navigate, report, save],
  );

  /** Starts afresh from the URL (a deep link `?step=`, a support prefill `?channel=`) or the start. */
  const startFresh = useCallback(
    (search: string, focus: boolean, ignoreStep = false) => {
      const params = new URLSearchParams(search);
      const actor = createActor(troubleshooterMachine(), {
        input: { step: ignoreStep ? null : params.get('step'), channel: params.get('channel'), locale },
      });
      // A new run: a new anonymous id for its step events.
      sessionRef.current = {
        version: SNAPSHOT_VERSION,
        entries: [],
        sendLog: sessionRef.current.sendLog,
        runId: newRunId(),
      };
      attach(actor, 0, focus, true);
      navigate(stepRef.current ?? 'what-happens', 0, 'replace');
    },
    [attach, locale, navigate],
  );

  /** Restores the history entry `position`, or starts afresh when it cannot. */
  const restore = useCallback(
    (position: number, focus: boolean): boolean => {
      const entry = sessionRef.current.entries[position] as { context?: Record<string, unknown> } | undefined;
      if (!entry || !persistedStep(entry)) return false;
      // Whatever entry comes back, the cooldowns are the freshest known: no resend the API refuses.
      const { sendLog, contact } = sessionRef.current;
      const snapshotToRestore = {
        ...entry,
        context: { ...entry.context, sendLog, contact: entry.context?.contact || contact || '' },
      };
      try {
        attach(
          createActor(troubleshooterMachine(), { snapshot: snapshotToRestore as never, input: {} }),
          position,
          focus,
          // Back and forward are arrivals too (the run's last step changes); a reload is not.
          focus,
        );
        return true;
      } catch {
        return false;
      }
    },
    [attach],
  );

  /** Picks up where this tab left off (reload), or starts from the URL. Browser only, after hydration. */
  const boot = useCallback(() => {
    pathnameRef.current = window.location.pathname;
    const stored = readSession(storage(), SNAPSHOT_VERSION);
    const position = historyIndex(history.location.state);
    if (stored.status === 'ok') sessionRef.current = stored.session;
    const urlStep = new URLSearchParams(window.location.search).get('step');
    const restored =
      stored.status === 'ok' &&
      position !== null &&
      persistedStep(stored.session.entries[position]) === urlStep &&
      restore(position, false);
    if (!restored) {
      if (stored.status === 'stale') {
        clearSession(storage());
        setPageNotice('restarted');
      }
      startFresh(window.location.search, false, stored.status === 'stale');
    }
    setReady(true);
  }, [history, restore, startFresh]);

  useEffect(() => {
    // The URL, the history entry's state and sessionStorage exist only in the browser, after hydration:
    // reading them is synchronizing with an external system, what effects are for.
    // Booting waits for a task of its own, and what it renders is a transition, which React draws in
    // slices: the hydration that ends here, the boot and the page it redraws (the URL gets `?step=`)
    // were one task of about 55 ms on this machine, over 200 ms on a phone (CPU slowed 4×).
    let mounted = true;
    void nextTask().then(() => {
      if (mounted) startTransition(boot);
    });
    const unlisten = history.listen((location) => {
      if (ownNavigation.current || location.pathname !== pathnameRef.current) return;
      // Back, forward, or a link to the troubleshooter itself.
      const target = historyIndex(location.state);
      if (target === null || !restore(target, true)) startFresh(location.search, true);
    });
    return () => {
      mounted = false;
      unlisten();
      actorRef.current?.stop();
      actorRef.current = null;
    };
    // Runs once: the handlers it sets up read refs, not render-time values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const step = currentStep(shown) ?? 'what-happens';
  const title = stepText(step).title;

  // Focus waits for the router to show the new URL: Docusaurus moves focus to the top of the page on
  // every location change (its skip-to-content target), and this effect must run after that one.
  const location = useLocation();
  useEffect(() => {
    if (!focusPending.current || new URLSearchParams(location.search).get('step') !== step) return;
    focusPending.current = false;
    headingRef.current?.focus();
    setAnnouncement(title);
  }, [location, step, index, title]);

  const send = useCallback((event: TroubleshooterEvent) => {
    // Start over begins a new run: its step events get a new anonymous id.
    if (event.type === 'user.restart') sessionRef.current.runId = newRunId();
    actorRef.current?.send(event);
  }, []);
  const busy = typeof snapshot.value === 'string' ? (BUSY[snapshot.value] ?? null) : null;

  return (
    <div className={styles.app} data-ready={ready ? 'true' : 'false'}>
      <StepScreen
        snapshot={shown}
        step={step}
        busy={busy}
        ready={ready}
        send={send}
        canGoBack={index > 0}
        onBack={() => history.goBack()}
        headingRef={headingRef}
        pageNotice={pageNotice}
        locale={locale}
      />
      <div className={styles.visuallyHidden} role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      <noscript>
        <div className={styles.card}>
          <p>
            {translate({
              id: 'troubleshooter.noscript.intro',
              message: 'The troubleshooter needs JavaScript. These articles answer the same questions:',
              description: 'Shown instead of the troubleshooter when JavaScript is off',
            })}
          </p>
          <ul>
            {STEP_IDS.map((id) => [id, articleFor(id, 'login-code')] as const)
              .filter((pair): pair is readonly [StepId, string] => pair[1] !== null)
              .filter(([, link], position, all) => all.findIndex(([, other]) => other === link) === position)
              .map(([id, link]) => (
                <li key={id}>
                  <Link to={link}>{stepText(id).title}</Link>
                </li>
              ))}
          </ul>
        </div>
      </noscript>
    </div>
  );
}
