import { useEffect, useState } from 'react';
import { translate } from '@docusaurus/Translate';
import type { Locale } from '@site/shared/locale';
import { isUnauthorized, supportApi, type SupportReport } from './api';
import type { Period } from './report-period';

interface Result {
  request: Period;
  report: SupportReport | null;
  problem: string;
}

/**
 * The report of the period asked for, loaded again whenever a new request object comes (asking
 * for the same days again reloads them). A 401 signs the agent out; other failures become `problem`.
 */
export function useReport(
  token: string,
  locale: Locale,
  request: Period,
  onUnauthorized: () => void,
): { loading: boolean; report: SupportReport | null; problem: string } {
  const [result, setResult] = useState<Result | null>(null);

  useEffect(() => {
    let cancelled = false;
    void supportApi.report(token, locale, request.from, request.to).then((outcome) => {
      if (cancelled) return;
      if (isUnauthorized(outcome)) {
        onUnauthorized();
        return;
      }
      setResult({
        request,
        report: outcome.type === 'ok' ? outcome.data : null,
        problem:
          outcome.type === 'ok'
            ? ''
            : outcome.type === 'unreachable'
              ? translate({
                  id: 'support.reports.unreachable',
                  message: 'The help center API cannot be reached. Try again in a moment.',
                  description: 'Reports: the API is down',
                })
              : outcome.message,
      });
    });
    return () => {
      cancelled = true;
    };
  }, [token, locale, request, onUnauthorized]);

  // Until the answer to this very request arrives, the previous report (if any) is not this one.
  return {
    loading: result?.request !== request,
    report: result?.report ?? null,
    problem: result?.problem ?? '',
  };
}
