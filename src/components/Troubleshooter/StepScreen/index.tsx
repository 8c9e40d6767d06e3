/** One step on screen: progress, the question, its explanation, what the step needs, the answers. */
import type { ReactNode, RefObject } from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, { translate } from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import { FORM_EVENTS, type Operation, type TroubleshooterEvent } from '@site/src/troubleshooter/context';
import {
  troubleshooterMachine,
  type TroubleshooterSnapshot,
} from '@site/src/troubleshooter/troubleshooter.machine';
import { choiceLabel, stepText } from '@site/src/troubleshooter/step-messages';
import { useRuleValues } from '@site/src/utils/use-rules';
import {
  END_STEPS,
  STEPS_TO_END,
  articleFor,
  type Choice,
  type StepId,
} from '@site/src/troubleshooter/steps';
import type { PageNotice } from '..';
import AccountPanel from '../AccountPanel';
import CodeForm from '../CodeForm';
import ContactForm from '../ContactForm';
import Escalation from '../Escalation';
import Feedback from '@site/src/components/Feedback';
import { NoticeList } from '@site/src/components/ServiceNotice/NoticeList';
import RequestStatus from '../RequestStatus';
import styles from '../styles.module.css';

interface Props {
  snapshot: TroubleshooterSnapshot;
  step: StepId;
  busy: Operation | null;
  /** False while the page is server-rendered or hydrating: answers wait for the machine. */
  ready: boolean;
  send: (event: TroubleshooterEvent) => void;
  canGoBack: boolean;
  onBack: () => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
  pageNotice: PageNotice;
  locale: Locale;
}

const ACCOUNT_STEPS: StepId[] = [
  'account-ok',
  'account-locked',
  'confirmation-email',
  'username-login',
  'single-sign-on',
  'account-deactivated',
  'deactivated-merged',
  'deactivated-removed',
  'deactivated-employer-left',
];

/** The answers the current state accepts, in the machine's order. */
function choicesOf(snapshot: TroubleshooterSnapshot, step: StepId): Choice[] {
  const node = troubleshooterMachine().getStateNodeById(`troubleshooter.${step}`);
  return node.ownEvents
    .filter((type) => type.startsWith('user.') && !(FORM_EVENTS as readonly string[]).includes(type))
    .filter((type) => snapshot.can({ type } as TroubleshooterEvent))
    .map((type) => type.slice('user.'.length) as Choice);
}

function Notice({ snapshot, pageNotice }: { snapshot: TroubleshooterSnapshot; pageNotice: PageNotice }) {
  const { notice, trail } = snapshot.context;
  let text: string | null = null;
  if (pageNotice === 'restarted' && trail.length === 1) {
    text = translate({
      id: 'troubleshooter.notice.restarted',
      message: 'The troubleshooter changed since your last visit, so we started over.',
      description: 'Notice when a saved session from an older version was discarded',
    });
  } else if (notice === 'unknown-step') {
    text = translate({
      id: 'troubleshooter.notice.unknownStep',
      message: 'We could not find the step in your link, so we started at the beginning.',
      description: 'Notice when a link points to a step that does not exist',
    });
  } else if (notice === 'needs-details') {
    text = translate({
      id: 'troubleshooter.notice.needsDetails',
      message: 'The step in your link needs a few answers first, so we started here.',
      description: 'Notice when a link points to a step that needs earlier answers',
    });
  }
  return text ? (
    <p className={styles.notice} data-notice>
      {text}
    </p>
  ) : null;
}

/**
 * Where the worker is: the step's number and, before the end, the fewest answers still ahead (the
 * shortest path from here). No total: one would grow as the answers take a longer path, and a bar
 * would then move backwards.
 */
function Progress({ step, taken }: { step: StepId; taken: number }) {
  const left = STEPS_TO_END[step];
  const label =
    END_STEPS[step] !== undefined
      ? translate(
          {
            id: 'troubleshooter.progress.done',
            message: 'Step {current}: the end',
            description: 'Progress on a final step',
          },
          { current: taken },
        )
      : translate(
          {
            id: 'troubleshooter.progress.label',
            message: 'Step {current} · at least {left} more',
            description: 'Progress: the step number, and the fewest answers left before an end',
          },
          { current: taken, left },
        );
  return (
    <p className={styles.progress} data-progress={taken}>
      <span className={styles.progressLabel}>{label}</span>
    </p>
  );
}

function Details({
  snapshot,
  step,
  busy,
  ready,
  send,
  locale,
}: Omit<Props, 'canGoBack' | 'onBack' | 'headingRef' | 'pageNotice'>) {
  const { context } = snapshot;
  switch (step) {
    case 'enter-contact':
      return <ContactForm context={context} busy={busy} ready={ready} send={send} />;
    case 'confirm-contact':
      return (
        <p className={styles.callout}>
          {translate(
            {
              id: 'troubleshooter.confirm.question',
              message: 'You typed {typed}. Did you mean {suggestion}?',
              description: 'Offers the fix of an email typo',
            },
            { typed: context.contact, suggestion: context.check?.suggestion ?? '' },
          )}
        </p>
      );
    case 'phone-not-north-american':
      return context.check?.kind === 'phone' && !context.check.smsEligible && context.check.masked ? (
        <p className={styles.callout}>
          {translate(
            {
              id: 'troubleshooter.phone.foreign',
              message: 'The number you entered, {contact}, is outside North America.',
              description: 'Shown when the contact check found a non +1 phone number',
            },
            { contact: context.check.masked },
          )}
        </p>
      ) : null;
    case 'code-sent':
      return (
        <>
          <RequestStatus context={context} busy={busy} ready={ready} send={send} locale={locale} />
          <CodeForm context={context} busy={busy} ready={ready} send={send} />
        </>
      );
    case 'link-sent':
      return <RequestStatus context={context} busy={busy} ready={ready} send={send} locale={locale} />;
    case 'api-unreachable':
      return (
        <p>
          <button
            type="button"
            className={clsx(styles.button, styles.primary)}
            onClick={() => send({ type: 'user.retry' })}
            disabled={!ready || busy !== null}
            data-event="user.retry"
          >
            {busy
              ? translate({
                  id: 'troubleshooter.retry.busy',
                  message: 'Trying again…',
                  description: 'Retry in progress',
                })
              : translate({
                  id: 'troubleshooter.retry.label',
                  message: 'Try again',
                  description: 'Button to retry the request that failed',
                })}
          </button>
        </p>
      );
    case 'escalate-employer':
    case 'escalate-support':
      return (
        <Escalation
          context={context}
          kind={step === 'escalate-employer' ? 'employer' : 'support'}
          locale={locale}
        />
      );
    default:
      return null;
  }
}

export default function StepScreen(props: Props): ReactNode {
  const { snapshot, step, busy, ready, send, canGoBack, onBack, headingRef, pageNotice, locale } = props;
  const text = stepText(step, useRuleValues());
  const choices = choicesOf(snapshot, step);
  const article = articleFor(step, snapshot.context.purpose);
  const endKind = END_STEPS[step];
  const { trail, account } = snapshot.context;
  // Nothing to start over at the first question.
  const canRestart = trail.length > 1 || step !== 'what-happens';
  return (
    <section
      className={styles.card}
      aria-labelledby="troubleshooter-question"
      aria-busy={busy !== null}
      data-step={step}
    >
      <Progress step={step} taken={Math.max(1, trail.length)} />
      <Notice snapshot={snapshot} pageNotice={pageNotice} />
      {/* Before the question: when messages are slow, that is the first thing to know. */}
      <div aria-live="polite" data-service-notices>
        <NoticeList notices={snapshot.context.service?.notices ?? []} locale={locale} />
      </div>
      <h2 id="troubleshooter-question" className={styles.question} ref={headingRef} tabIndex={-1}>
        {text.title}
      </h2>
      <p className={styles.body}>{text.body}</p>
      {text.tips.length > 0 && (
        <ul className={styles.tips}>
          {text.tips.map((tip) => (
            <li key={tip}>{tip}</li>
          ))}
        </ul>
      )}
      {account && ACCOUNT_STEPS.includes(step) && <AccountPanel account={account} locale={locale} />}
      <Details snapshot={snapshot} step={step} busy={busy} ready={ready} send={send} locale={locale} />
      {choices.length > 0 && (
        <div
          className={styles.choices}
          role="group"
          aria-label={translate({
            id: 'troubleshooter.choices.label',
            message: 'Your answer',
            description: 'Accessible name of the group of answer buttons',
          })}
        >
          {choices.map((choice) => (
            <button
              key={choice}
              type="button"
              className={clsx(styles.button, styles.choice)}
              onClick={() => send({ type: `user.${choice}` })}
              disabled={!ready || busy !== null}
              data-event={`user.${choice}`}
            >
              {choiceLabel(choice)}
            </button>
          ))}
        </div>
      )}
      {article && (
        <p className={clsx(styles.article, endKind === 'article' && styles.articleEnd)}>
          <Link to={article} data-article-link>
            {endKind === 'article' ? (
              <Translate
                id="troubleshooter.article.end"
                description="Link from a final step to its article section"
              >
                Read what you can do next
              </Translate>
            ) : (
              <Translate
                id="troubleshooter.article.more"
                description="Link from a step to its article section"
              >
                Read more in the help article
              </Translate>
            )}
          </Link>
        </p>
      )}
      {endKind && (
        <Feedback kind="troubleshooter" target={step} headingLevel={3} className={styles.feedback} />
      )}
      {(canGoBack || canRestart) && (
        <nav
          className={styles.nav}
          aria-label={translate({
            id: 'troubleshooter.nav.label',
            message: 'Troubleshooter navigation',
            description: 'Accessible name of the Back / Start over navigation',
          })}
        >
          {canGoBack && (
            <button
              type="button"
              className={clsx(styles.button, styles.secondary)}
              onClick={onBack}
              data-nav="back"
            >
              <Translate id="troubleshooter.nav.back" description="Button to go back one step">
                Back
              </Translate>
            </button>
          )}
          {canRestart && (
            <button
              type="button"
              className={clsx(styles.button, styles.secondary)}
              onClick={() => send({ type: 'user.restart' })}
              disabled={!ready}
              data-nav="restart"
            >
              <Translate
                id="troubleshooter.nav.restart"
                description="Button to start the troubleshooter over"
              >
                Start over
              </Translate>
            </button>
          )}
        </nav>
      )}
    </section>
  );
}
