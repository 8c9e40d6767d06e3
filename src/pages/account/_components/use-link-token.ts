import { useSyncExternalStore } from 'react';

const TOKEN = /^#token=([A-Za-z0-9_-]{20,200})$/;

let captured: { path: string; token: string | null } | null = null;

// Reads the token once per page and removes it from the address bar and history right away,
// so it is not bookmarked, synced or shown over a shoulder. Idempotent: React may call it often.
function snapshot(): string | null {
  const path = window.location.pathname;
  const match = TOKEN.exec(window.location.hash);
  if (match) {
    captured = { path, token: match[1] };
    window.history.replaceState(window.history.state, '', path + window.location.search);
  } else if (!captured || captured.path !== path) {
    captured = { path, token: null };
  }
  return captured.token;
}

const subscribe = () => () => {};

/**
 * The token of an emailed link, read from the URL fragment (which browsers never send to a
 * server). `undefined` while the page is prerendered or hydrating, `null` when there is none.
 */
export function useLinkToken(): string | null | undefined {
  return useSyncExternalStore(subscribe, snapshot, () => undefined);
}
