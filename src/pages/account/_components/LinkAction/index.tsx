import { useCallback, useState, type ReactNode } from 'react';
import type { Outcome as ApiOutcome } from '@site/src/api/client';
import { BusyLabel, LinkFailed, MissingToken, Offline, WaitNotice } from '../Outcome';
import { useLinkToken } from '../use-link-token';

type State<T> =
  | { step: 'ready' }
  | { step: 'working' }
  | { step: 'done'; data: T }
  | { step: 'failed'; outcome: Exclude<ApiOutcome<T>, { type: 'ok' }> };

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
  redeem: (token: string) => Promise<ApiOutcome<T>>;
  renderDone: (data: T) => ReactNode;
  step: string;
  article: string;
}): ReactNode {
  const token = useLinkToken();
  const [state, setState] = useState<State<T>>({ step: 'ready' });
  const run = useCallback(async () => {
    if (!token) return;
    setState({ step: 'working' });
    const outcome = await redeem(token);
    setState(outcome.type === 'ok' ? { step: 'done', data: outcome.data } : { step: 'failed', outcome });
  }, [token, redeem]);

  if (token === null) return <MissingToken step={step} article={article} />;
  if (state.step === 'done') return renderDone(state.data);
  const failed = state.step === 'failed' ? state.outcome : null;
  return (
    <>
      <p>{intro}</p>
      {failed?.type === 'unreachable' && <Offline onRetry={run} />}
      {failed?.type === 'rate-limited' && <WaitNotice message={failed.message} onRetry={run} />}
      {failed?.type === 'refused' && <LinkFailed message={failed.message} step={step} article={article} />}
      {failed?.type !== 'refused' && failed?.type !== 'unreachable' && (
        <button
          type="button"
          className="button button--primary button--lg"
          onClick={run}
          disabled={token === undefined || state.step === 'working'}
          aria-busy={state.step === 'working'}
        >
          <BusyLabel busy={state.step === 'working'}>{action}</BusyLabel>
        </button>
      )}
    </>
  );
}
