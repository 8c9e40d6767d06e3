import { hc } from 'hono/client';
import type { AppType } from '@site/server/app';

/** The typed API client (same origin); only the server's type is imported. */
export const api = hc<AppType>('/');

export type ApiOutcome<T> =
  | { ok: true; data: T }
  | { ok: false; kind: 'error'; status: number; code: string; message: string }
  | { ok: false; kind: 'offline' };

/** Calls the API; network failures and answers that are not the error shape become `offline`. */
export async function call<T>(request: () => Promise<Response>): Promise<ApiOutcome<T>> {
  try {
    const response = await request();
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: body as T };
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    if (typeof error?.code === 'string' && typeof error.message === 'string') {
      return { ok: false, kind: 'error', status: response.status, code: error.code, message: error.message };
    }
    return { ok: false, kind: 'offline' };
  } catch {
    return { ok: false, kind: 'offline' };
  }
}
