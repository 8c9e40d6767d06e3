import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import clsx from 'clsx';
import Translate, { translate } from '@docusaurus/Translate';
import { COMMENT_MAX, FEEDBACK_REASONS, type FeedbackReason } from '@site/shared/feedback';
import type { FeedbackInput } from '@site/src/api/feedback';
import { useLocale } from '@site/src/utils/use-locale';
import { reasonLabel } from './reason-label';
import styles from './styles.module.css';

/**
 * The API client loads with the first answer: it is most of this box's code, and most readers
 * never answer. A client that cannot load is an unreachable API.
 */
const sendFeedback = (input: FeedbackInput) =>
  import('@site/src/api/feedback').then(
    ({ feedbackApi }) => feedbackApi.send(input),
    () => ({ type: 'unreachable' as const }),
  );

interface Props {
  /** An article (doc id) or a troubleshooter end step (step id). */
  kind: 'article' | 'troubleshooter';
  target: string;
  className?: string;
  /** 2 under an article; 3 inside a troubleshooter step, whose question is the h2. */
  headingLevel?: 2 | 3;
}

type Stage = 'ask' | 'details' | 'thanks';
type Problem = null | 'too-long' | 'rate-limited' | 'unreachable' | 'rejected';

/**
 * "Was this helpful?": yes, or no with a few reasons and an optional comment (500 characters at
 * most), sent anonymously to `POST /api/v1/feedback`. For articles and the troubleshooter's end steps.
 */
export default function Feedback(props: Props): ReactNode {
  // Another page or step starts over.
  return <FeedbackBox key={`${props.kind}:${props.target}`} {...props} />;
}

function FeedbackBox({ kind, target, className, headingLevel = 2 }: Props): ReactNode {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const locale = useLocale();
  const headingId = useId();
  const commentId = useId();
  const countId = useId();
  const [stage, setStage] = useState<Stage>('ask');
  const [sending, setSending] = useState(false);
  const [reasons, setReasons] = useState<FeedbackReason[]>([]);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [problemMessage, setProblemMessage] = useState('');
  const detailsRef = useRef<HTMLFieldSetElement>(null);
  const thanksRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (stage === 'details') detailsRef.current?.querySelector('input')?.focus();
    if (stage === 'thanks') thanksRef.current?.focus();
  }, [stage]);

  const length = [...comment.trim()].length;
  const left = COMMENT_MAX - length;

  async function send(helpful: boolean) {
    if (!helpful && left < 0) {
      setProblem('too-long');
      return;
    }
    setSending(true);
    setProblem(null);
    const outcome = await sendFeedback({
      kind,
      target,
      helpful,
      reasons: helpful ? [] : reasons,
      comment: helpful ? null : comment.trim() || null,
      locale,
    });
    setSending(false);
    if (outcome.type === 'ok') {
      setStage('thanks');
      return;
    }
    if (outcome.type === 'rate-limited') {
      setProblem('rate-limited');
      setProblemMessage(outcome.message);
    } else if (outcome.type === 'refused') {
      setProblem(outcome.code === 'comment-too-long' ? 'too-long' : 'rejected');
      setProblemMessage(outcome.message);
    } else {
      setProblem('unreachable');
    }
  }

  function submitDetails(event: FormEvent) {
    event.preventDefault();
    void send(false);
  }

  const problemText =
    problem === 'too-long'
      ? translate(
          {
            id: 'feedback.error.tooLong',
            message: 'Your comment is too long: shorten it to {max} characters.',
            description: 'Feedback: the comment is over the limit',
          },
          { max: COMMENT_MAX },
        )
      : problem === 'unreachable'
        ? translate({
            id: 'feedback.error.unreachable',
            message:
              'Your answer could not be sent: the help center cannot be reached. Try again in a moment.',
            description: 'Feedback: the API cannot be reached',
          })
        : problem
          ? problemMessage ||
            translate({
              id: 'feedback.error.generic',
              message: 'Your answer could not be sent. Try again in a moment.',
              description: 'Feedback: the API refused the answer without a message',
            })
          : '';

  return (
    <section className={clsx(styles.feedback, className)} aria-labelledby={headingId} data-feedback={kind}>
      <Heading id={headingId} className={styles.title}>
        {kind === 'article' ? (
          <Translate id="feedback.title.article" description="Heading of the feedback box under an article">
            Was this article helpful?
          </Translate>
        ) : (
          <Translate
            id="feedback.title.troubleshooter"
            description="Heading of the feedback box on a troubleshooter end step"
          >
            Was this helpful?
          </Translate>
        )}
      </Heading>

      {stage === 'ask' && (
        <div className={styles.answers}>
          <button
            type="button"
            className="button button--outline button--primary"
            disabled={sending}
            onClick={() => void send(true)}
          >
            <Translate id="feedback.answer.yes" description="Feedback: the page helped">
              Yes
            </Translate>
          </button>
          <button
            type="button"
            className="button button--outline button--primary"
            disabled={sending}
            onClick={() => {
              setProblem(null);
              setStage('details');
            }}
          >
            <Translate id="feedback.answer.no" description="Feedback: the page did not help">
              No
            </Translate>
          </button>
        </div>
      )}

      {stage === 'details' && (
        <form onSubmit={submitDetails} className={styles.details} noValidate>
          <fieldset ref={detailsRef} className={styles.fieldset}>
            <legend className={styles.legend}>
              <Translate
                id="feedback.reasons.legend"
                description="Feedback: legend of the reasons checkboxes"
              >
                What went wrong? Choose all that apply.
              </Translate>
            </legend>
            {FEEDBACK_REASONS.map((reason) => (
              <label key={reason} className={styles.reason}>
                <input
                  type="checkbox"
                  name="reason"
                  value={reason}
                  checked={reasons.includes(reason)}
                  onChange={(event) =>
                    setReasons((current) =>
                      event.target.checked ? [...current, reason] : current.filter((item) => item !== reason),
                    )
                  }
                />{' '}
                {reasonLabel(reason)}
              </label>
            ))}
          </fieldset>
          <label htmlFor={commentId} className={styles.commentLabel}>
            <Translate id="feedback.comment.label" description="Feedback: label of the optional comment">
              Anything to add? (optional)
            </Translate>
          </label>
          <p className={styles.hint} id={`${commentId}-hint`}>
            <Translate id="feedback.comment.privacy" description="Feedback: warning under the comment field">
              Your answer is anonymous: do not write your email address, phone number or a code.
            </Translate>
          </p>
          <textarea
            id={commentId}
            className={styles.comment}
            value={comment}
            rows={3}
            maxLength={COMMENT_MAX * 2}
            aria-describedby={`${commentId}-hint ${countId}`}
            aria-invalid={left < 0 || undefined}
            onChange={(event) => setComment(event.target.value)}
          />
          <p id={countId} className={clsx(styles.count, left < 0 && styles.over)} aria-live="polite">
            {left >= 0
              ? translate(
                  {
                    id: 'feedback.comment.left',
                    message: '{count} characters left',
                    description: 'Feedback: characters left in the comment',
                  },
                  { count: left },
                )
              : translate(
                  {
                    id: 'feedback.comment.over',
                    message: '{count} characters too many',
                    description: 'Feedback: characters over the comment limit',
                  },
                  { count: -left },
                )}
          </p>
          <div className={styles.answers}>
            <button type="submit" className="button button--primary" disabled={sending}>
              <Translate id="feedback.submit" description="Feedback: send the reasons and comment">
                Send
              </Translate>
            </button>
          </div>
        </form>
      )}

      {stage === 'thanks' && (
        <p ref={thanksRef} tabIndex={-1} className={styles.thanks}>
          <Translate id="feedback.thanks" description="Feedback: shown after the answer was sent">
            Thank you! Your answer helps us improve this help.
          </Translate>
        </p>
      )}

      <p role="alert" className={styles.problem}>
        {problemText}
      </p>
    </section>
  );
}
