/**
 * The development outbox as the mailbox page reads it: `GET /api/dev/outbox`, typed by its route
 * (the route is mounted only in development, so it is not part of AppType), and the pure helpers
 * that show a message as its recipient would see it.
 */
import { hc } from 'hono/client';
import type { devOutboxRoutes } from '@site/server/routes/dev-outbox';
import type { Locale } from '@site/shared/locale';
import { call, type OkData } from '../../../api/client';

const outbox = hc<ReturnType<typeof devOutboxRoutes>>('/api/dev/outbox');

export const fetchOutbox = (to: string, locale: Locale, signal?: AbortSignal) =>
  call((options) => outbox.index.$get({ query: to ? { to } : {} }, options), { locale, signal });

export type OutboxMessage = OkData<Awaited<ReturnType<typeof fetchOutbox>>>['messages'][number];

/**
 * An email's HTML for a sandboxed `<iframe srcdoc>`: its links open in a new tab (the sandbox lets
 * only popups out, and no script in), as they would from a mail app.
 */
export function emailDocument(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (head) => `${head}${base}`)
    : `${base}${html}`;
}

/** An SMS as text and links, the way a phone shows it: its web addresses are tappable. */
export function smsParts(text: string): Array<{ text: string } | { link: string }> {
  return text
    .split(/(https?:\/\/[^\s]+)/)
    .filter((part) => part !== '')
    .map((part) => (/^https?:\/\//.test(part) ? { link: part } : { text: part }));
}
