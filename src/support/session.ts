import { useCallback, useEffect, useState } from 'react';
import { useLocale } from '@site/src/utils/use-locale';
import { isUnauthorized, supportApi } from './api';

/**
 * The agent's support token lives in sessionStorage only: gone when the tab closes, never in a
 * URL, a cookie or localStorage. Each support page checks it with the API before showing anything.
 */
const KEY = 'support.session';

interface Stored {
  token: string;
  agent: string;
}

function read(): Stored | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<Stored>) : null;
    return parsed && typeof parsed.token === 'string' && typeof parsed.agent === 'string'
      ? { token: parsed.token, agent: parsed.agent }
      : null;
  } catch {
    return null;
  }
}

function write(value: Stored | null): void {
  try {
    if (value) window.sessionStorage.setItem(KEY, JSON.stringify(value));
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // Storage disabled: the agent signs in again on the next page.
  }
}

export type SignInResult = 'ok' | 'wrong-token' | 'rate-limited' | 'unreachable';

export type SupportSession =
  | { state: 'checking' }
  | { state: 'signed-out'; expired: boolean; signIn: (token: string) => Promise<SignInResult> }
  | { state: 'signed-in'; agent: string; token: string; signOut: () => void; expire: () => void };

/** The agent's session: checked against the API on arrival, dropped on a 401 or on sign-out. */
export function useSupportSession(): SupportSession {
  const locale = useLocale();
  const [stored, setStored] = useState<Stored | null>(null);
  const [state, setState] = useState<'checking' | 'signed-out' | 'signed-in'>('checking');
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const check = async () => {
      const saved = read();
      const outcome = saved ? await supportApi.session(saved.token, locale) : null;
      if (cancelled) return;
      if (!saved || !outcome) {
        setState('signed-out');
      } else if (outcome.type === 'ok') {
        setStored({ token: saved.token, agent: outcome.data.agent });
        setState('signed-in');
      } else if (isUnauthorized(outcome)) {
        write(null);
        setExpired(true);
        setState('signed-out');
      } else {
        // The API is down or busy: keep the token, let the page say so on its first call.
        setStored(saved);
        setState('signed-in');
      }
    };
    void check();
    return () => {
      cancelled = true;
    };
  }, [locale]);

  const signIn = useCallback(
    async (token: string): Promise<SignInResult> => {
      const outcome = await supportApi.session(token.trim(), locale);
      if (outcome.type === 'ok') {
        const value = { token: token.trim(), agent: outcome.data.agent };
        write(value);
        setStored(value);
        setExpired(false);
        setState('signed-in');
        return 'ok';
      }
      if (outcome.type === 'refused') return 'wrong-token';
      if (outcome.type === 'rate-limited') return 'rate-limited';
      return 'unreachable';
    },
    [locale],
  );
  const signOut = useCallback(() => {
    write(null);
    setStored(null);
    setExpired(false);
    setState('signed-out');
  }, []);
  const expire = useCallback(() => {
    write(null);
    setStored(null);
    setExpired(true);
    setState('signed-out');
  }, []);

  if (state === 'checking') return { state };
  if (state === 'signed-in' && stored)
    return { state, agent: stored.agent, token: stored.token, signOut, expire };
  return { state: 'signed-out', expired, signIn };
}
