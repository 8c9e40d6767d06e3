import { useEffect, useState } from 'react';
import { fetchPolicy, type Policy } from '@site/src/api/worker-help';
import { useLocale } from '@site/src/utils/use-locale';

/**
 * The rules the API enforces (`GET /api/v1/policy`), for a form that checks the obvious ones before
 * sending; null until it answers, or when it cannot be reached (the server's answer decides then).
 */
export function usePolicy(): Policy | null {
  const locale = useLocale();
  const [policy, setPolicy] = useState<Policy | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchPolicy({ locale }, controller.signal).then(
      (outcome) => {
        if (outcome.type === 'ok') setPolicy(outcome.data);
      },
      // Aborted: the page went away.
      () => undefined,
    );
    return () => controller.abort();
  }, [locale]);
  return policy;
}
