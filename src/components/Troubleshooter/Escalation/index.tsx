/**
 * The hand-off: a reference code to read over the phone, a summary in the worker's language to copy,
 * and a ready message to the employer (email or the phone's share sheet) or to support.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import useIsBrowser from '@docusaurus/useIsBrowser';
import { translate } from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import type { TroubleshooterContext } from '@site/src/troubleshooter/context';
import { encodeReferenceCode, referenceDataFor } from '@site/src/troubleshooter/reference-code';
import { useBrand } from '@site/src/utils/use-brand';
import { employerMessageBody, mailto, publicOrigin, type TypedContact } from './employer-message';
import { summaryLines } from './summary';
import styles from '../styles.module.css';

interface Props {
  context: TroubleshooterContext;
  kind: 'employer' | 'support';
  locale: Locale;
}

interface CopyBlockProps {
  label: string;
  text: string;
  name: string;
  /** The button's own words: two copy buttons on one screen must not share a name. */
  copyLabel: string;
  /** An editable text (the worker's own message) reports each change. */
  onChange?: (text: string) => void;
}

function CopyBlock({ label, text, name, copyLabel, onChange }: CopyBlockProps): ReactNode {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'select'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      // No clipboard permission (an old browser, an embedded view): select it for a manual copy.
      area.current?.focus();
      area.current?.select();
      setStatus('select');
    }
  };
  return (
    <div className={styles.copyBlock}>
      <label className={styles.label} htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        ref={area}
        className={styles.textarea}
        readOnly={!onChange}
        value={text}
        onChange={onChange ? (event) => onChange(event.target.value) : undefined}
        rows={Math.min(14, text.split('\n').length + 1)}
        data-copy={name}
      />
      <button
        type="button"
        className={clsx(styles.button, styles.secondary)}
        onClick={copy}
        data-action={`copy-${name}`}
      >
        {copyLabel}
      </button>
      <span className={styles.copyStatus} role="status">
        {status === 'copied'
          ? translate({ id: 'troubleshooter.copy.done', message: 'Copied.', description: 'After copying' })
          : status === 'select'
            ? translate({
                id: 'troubleshooter.copy.manual',
                message: 'Selected: copy it with your device’s copy command.',
                description: 'When automatic copying failed',
              })
            : ''}
      </span>
    </div>
  );
}

/** The contact the worker typed, when they typed one: their own details, for their own message. */
function typedContact(context: TroubleshooterContext): TypedContact | null {
  const value = context.contact.trim();
  if (!value) return null;
  const kind = context.check?.kind ?? (value.includes('@') ? 'email' : 'phone');
  return kind === 'phone' || kind === 'email' ? { kind, value } : null;
}

export default function Escalation({ context, kind, locale }: Props): ReactNode {
  const brand = useBrand();
  // The moment of the hand-off, fixed: a re-render a minute later must not change the code.
  const [madeAt] = useState(() => new Date());
  const code = encodeReferenceCode(referenceDataFor(context, madeAt));
  const spelled = code
    .split('')
    .map((char) => (char === '-' ? ',' : char))
    .join(' ');
  const summary = summaryLines(context, {
    code,
    product: brand.productName,
    locale,
    now: madeAt,
  }).join('\n');
  const { siteConfig } = useDocusaurusContext();
  const isBrowser = useIsBrowser();
  const guidePath = useBaseUrl('/docs/employers/worker-cannot-log-in');
  const guideUrl = `${publicOrigin(siteConfig.url, isBrowser ? window.location.origin : null)}${guidePath}`;
  // Known only in the browser: the server render and hydration leave the button out.
  const canShare = isBrowser && typeof navigator.share === 'function';
  const message = employerMessageBody({
    reason: context.employerReason ?? 'general',
    product: brand.productName,
    code,
    guideUrl,
    contact: typedContact(context),
  });
  // The message is the worker's: they may complete or reword it before sending it. An edit belongs
  // to the message it was made on (the link changes once the page knows its own origin).
  const [edited, setEdited] = useState<{ of: string; text: string } | null>(null);
  const body = edited?.of === message.body ? edited.text : message.body;
  const setBody = (text: string) => setEdited({ of: message.body, text });

  const supportSubject = translate(
    {
      id: 'troubleshooter.support.subject',
      message: 'Login help: reference {code}',
      description: 'Email subject to support',
    },
    { code },
  );

  return (
    <div className={styles.escalation}>
      <div className={styles.reference}>
        <p className={styles.referenceLabel} id="troubleshooter-reference">
          {translate({
            id: 'troubleshooter.reference.label',
            message: 'Your reference code',
            description: 'Label of the reference code',
          })}
        </p>
        <p
          className={styles.referenceCode}
          aria-labelledby="troubleshooter-reference"
          data-reference-code={code}
        >
          <span aria-hidden="true">{code}</span>
          <span className={styles.visuallyHidden}>{spelled}</span>
        </p>
        <p className={styles.hint}>
          {kind === 'employer'
            ? translate({
                id: 'troubleshooter.reference.hintEmployer',
                message: 'It is in the message below. If your employer calls support, they can read it out.',
                description: 'Explains the reference code (employer hand-off)',
              })
            : translate({
                id: 'troubleshooter.reference.hintSupport',
                message:
                  'Read it out on the phone or paste it in your message: support will see what you already tried.',
                description: 'Explains the reference code (support hand-off)',
              })}
        </p>
      </div>
      {kind === 'employer' ? (
        <>
          <CopyBlock
            label={translate({
              id: 'troubleshooter.employer.messageLabel',
              message: 'Message to your employer (you can change it)',
              description: 'Label of the ready message, which the worker may edit',
            })}
            text={body}
            onChange={setBody}
            name="employer-message"
            copyLabel={translate({
              id: 'troubleshooter.copy.message',
              message: 'Copy the message',
              description: 'Button that copies the message to the employer',
            })}
          />
          <p className={styles.actions}>
            <Link
              className={clsx(styles.button, styles.primary)}
              href={mailto('', message.subject, body)}
              data-action="email-employer"
            >
              {translate({
                id: 'troubleshooter.employer.email',
                message: 'Send it by email',
                description: 'Opens the mail app with the message',
              })}
            </Link>
            {canShare && (
              <button
                type="button"
                className={clsx(styles.button, styles.secondary)}
                onClick={() => navigator.share({ title: message.subject, text: body }).catch(() => undefined)}
                data-action="share"
              >
                {translate({
                  id: 'troubleshooter.employer.share',
                  message: 'Share…',
                  description: 'Opens the phone share sheet with the message',
                })}
              </button>
            )}
          </p>
        </>
      ) : (
        <p className={styles.actions}>
          <Link
            className={clsx(styles.button, styles.primary)}
            href={mailto(brand.supportEmail, supportSubject, summary)}
            data-action="email-support"
          >
            {translate({
              id: 'troubleshooter.support.email',
              message: 'Email support',
              description: 'Opens the mail app to support with the summary',
            })}
          </Link>
          {brand.supportPhone && (
            <Link
              className={clsx(styles.button, styles.secondary)}
              href={`tel:${brand.supportPhone.replace(/[^\d+]/g, '')}`}
            >
              {translate(
                { id: 'troubleshooter.support.call', message: 'Call {phone}', description: 'Calls support' },
                { phone: brand.supportPhone },
              )}
            </Link>
          )}
        </p>
      )}
      <CopyBlock
        label={translate({
          id: 'troubleshooter.summary.label',
          message: 'Summary of what you tried',
          description: 'Label of the summary to copy',
        })}
        text={summary}
        name="summary"
        copyLabel={translate({
          id: 'troubleshooter.copy.summary',
          message: 'Copy the summary',
          description: 'Button that copies the summary of what the worker tried',
        })}
      />
    </div>
  );
}
