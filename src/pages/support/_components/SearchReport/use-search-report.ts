import { useEffect, useState } from 'react';
import type { Locale } from '@site/shared/locale';
import { api, call, type OkData } from '@site/src/api/client';
import { isUnauthorized } from '@site/src/support/api';
import type { Period } from '@site/src/support/report-period';

const fetchSearchReport = (token: string, locale: Locale, { from, to }: Period) =>
  call((options) => api.v1.support['search-report'].$get({ query: { from, to } }, options), {
    locale,
    token,
  });

/** The search report as the server's route answers it. */
export type SearchReport = OkData<Awaited<ReturnType<typeof fetchSearchReport>>>;

/**
 * The search report of the period asked for, loaded again with every new request (as the page's
 * other report). A 401 signs the agent out; other failures leave `failed` set.
 */
export function useSearchReport(
  token: string,
  locale: Locale,
  request: Period,
  onUnauthorized: () => void,
): { report: SearchReport | null; failed: boolean } {
  const [result, setResult] = useState<{ request: Period; report: SearchReport | null } | null>(null);
  useEffect(() => {
    let cancelled = false;
    void fetchSearchReport(token, locale, request).then((outcome) => {
      if (cancelled) return;
      if (isUnauthorized(outcome)) onUnauthorized();
      else setResult({ request, report: outcome.type === 'ok' ? outcome.data : null });
    });
    return () => {
      cancelled = true;
    };
  }, [token, locale, request, onUnauthorized]);
  const current = result?.request === request ? result : null;
  return { report: current?.report ?? null, failed: current !== null && current.report === null };
}
