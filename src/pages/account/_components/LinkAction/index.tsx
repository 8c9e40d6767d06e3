import { useCallback, useState, type ReactNode } from 'react';
import Translate from '@docusaurus/Translate';
import { call, type ApiOutcome } from '../api';
import { MissingToken, NewLinkHelp, Offline, Outcome } from '../Outcome';
import { useLinkToken } from '../useLinkToken';

type State<T> =
  | { step: 'ready' }
  | { step: 'working' }
  | { step: 'done'; data: T }
  | { step: 'failed'; outcome: Exclude<ApiOutcome<T>, { ok: true }> };

/**
 * A page that redeems an emailed link with one button press (never on load: mail scanners that
 * open links must not use them up), then shows the result.
 */
export default function LinkAction<T>({
  intro,
  action,
  redeem,
  renderDone,
  step,
  article,
}: {
  intro: ReactNode;
  action: ReactNode;
  redeem: (token: string) => Promise<Response>;
  renderDone: (data: T) => ReactNode;
  step: string;
  article: string;
}): ReactNode {
  const token = useLinkToken();
  const [state, setState] = useState<State<T>>({ step: 'ready' });
  const run = useCallback(async () => {
    if (!token) return;
    setState({ step: 'working' });
    const outcome = await call<T>(() => redeem(token));
    setState(outcome.ok ? { step: 'done', data: outcome.data } : { step: 'failed', outcome });
  }, [token, redeem]);

  if (token === null) return <MissingToken step={step} article={article} />;
  if (state.step === 'done') return renderDone(state.data);
  const failed = state.step === 'failed' ? state.outcome : null;
  return (
    <>
      <p>{intro}</p>
      {failed?.kind === 'offline' && <Offline onRetry={run} />}
      {failed?.kind === 'error' && failed.status === 429 && (
        <Outcome
          tone="warning"
          title={
            <Translate id="account.common.wait.title" description="Heading when too many attempts were made">
              Please wait a moment
            </Translate>
          }
        >
          <p>{failed.message}</p>
          <button type="button" className="button button--secondary" onClick={run}>
            <Translate id="account.common.retry" description="Button to try the request again">
              Try again
            </Translate>
          </button>
        </Outcome>
      )}
      {failed?.kind === 'error' && failed.status !== 429 && (
        <Outcome
          tone="danger"
          title={
            <Translate id="account.common.failed.title" description="Heading when the link did not work">
              This link did not work
            </Translate>
          }
        >
          <p>{failed.message}</p>
          <NewLinkHelp step={step} article={article} />
        </Outcome>
      )}
      {failed?.kind !== 'error' && failed?.kind !== 'offline' && (
        <button
          type="button"
          className="button button--primary button--lg"
          onClick={run}
          disabled={token === undefined || state.step === 'working'}
          aria-busy={state.step === 'working'}
        >
          {state.step === 'working' ? (
            <Translate id="account.common.working" description="Button label while the request runs">
              Just a moment…
            </Translate>
          ) : (
            action
          )}
        </button>
      )}
    </>
  );
}
