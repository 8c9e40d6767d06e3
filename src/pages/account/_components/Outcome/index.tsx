import { useEffect, useRef, type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';

/** A result that takes the focus when it appears, so screen readers and keyboards follow. */
export function Outcome({
  tone,
  title,
  children,
}: {
  tone: 'success' | 'danger' | 'warning';
  title: ReactNode;
  children?: ReactNode;
}): ReactNode {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className={`alert alert--${tone} margin-vert--md`} role={tone === 'success' ? 'status' : 'alert'}>
      <h2 ref={heading} tabIndex={-1} className="margin-bottom--sm">
        {title}
      </h2>
      {children}
    </div>
  );
}

/** What to do when a link does not work: ask for a new one (the troubleshooter step), or read the article. */
export function NewLinkHelp({ step, article }: { step: string; article: string }): ReactNode {
  return (
    <ul>
      <li>
        <Link to={`/troubleshoot?step=${step}`}>
          <Translate id="account.common.askNewLink" description="Link to ask for a new emailed link">
            Ask for a new link
          </Translate>
        </Link>
      </li>
      <li>
        <Link to={article}>
          <Translate id="account.common.readArticle" description="Link to the help article about this link">
            Read the help article
          </Translate>
        </Link>
      </li>
    </ul>
  );
}

/** The page was opened without a usable token in its address. */
export function MissingToken({ step, article }: { step: string; article: string }): ReactNode {
  return (
    <Outcome
      tone="warning"
      title={
        <Translate id="account.common.missingToken.title" description="Heading when the link has no token">
          This link is incomplete
        </Translate>
      }
    >
      <p>
        <Translate id="account.common.missingToken.body" description="What to do when the link has no token">
          Open the link from your email again; if your email app cut it, copy the whole address into your
          browser. If it still does not work, ask for a new one.
        </Translate>
      </p>
      <NewLinkHelp step={step} article={article} />
    </Outcome>
  );
}

/** The server could not be reached. */
export function Offline({ onRetry }: { onRetry: () => void }): ReactNode {
  return (
    <Outcome
      tone="danger"
      title={
        <Translate id="account.common.offline.title" description="Heading when the API cannot be reached">
          We could not reach the server
        </Translate>
      }
    >
      <p>
        <Translate id="account.common.offline.body" description="What to do when the API cannot be reached">
          Check your connection, then try again. Your link still works as long as it has not expired.
        </Translate>
      </p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        <Translate id="account.common.retry" description="Button to try the request again">
          Try again
        </Translate>
      </button>
    </Outcome>
  );
}

/** The link was refused (used, expired, unknown): the server's words, then how to get a new one. */
export function LinkFailed({
  message,
  step,
  article,
}: {
  message: string;
  step: string;
  article: string;
}): ReactNode {
  return (
    <Outcome
      tone="danger"
      title={
        <Translate id="account.common.failed.title" description="Heading when the link did not work">
          This link did not work
        </Translate>
      }
    >
      <p>{message}</p>
      <NewLinkHelp step={step} article={article} />
    </Outcome>
  );
}

/** Too many attempts from here: the server says how long to wait. */
export function WaitNotice({ message, onRetry }: { message: string; onRetry?: () => void }): ReactNode {
  return (
    <Outcome
      tone="warning"
      title={
        <Translate id="account.common.wait.title" description="Heading when too many attempts were made">
          Please wait a moment
        </Translate>
      }
    >
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          <Translate id="account.common.retry" description="Button to try the request again">
            Try again
          </Translate>
        </button>
      )}
    </Outcome>
  );
}

/** The label of a submit button, which says when the request runs. */
export function BusyLabel({ busy, children }: { busy: boolean; children: ReactNode }): ReactNode {
  return busy ? (
    <Translate id="account.common.working" description="Button label while the request runs">
      Just a moment…
    </Translate>
  ) : (
    children
  );
}
