/**
 * Every message the API can send, and the answer of "What does the message say?" that names it in
 * the message's own words (the answer's label quotes them). tests/message-continuations.test.ts
 * renders every message in both languages and checks the quote is in it.
 */
import type { DeactivationReason } from '../../server/db/schema';
import type { Template } from '../../server/messaging/templates';
import type { Choice } from './steps';

/** A message as the worker tells it apart: its template, and for a deactivated account, why. */
export type MessageKind = Exclude<Template, 'deactivated'> | `deactivated:${DeactivationReason}`;

export const MESSAGE_ANSWERS = {
  'login-code': 'got-code',
  'unlock-link': 'got-unlock-link',
  'locked-notice': 'got-unlock-link',
  'confirmation-link': 'got-confirmation-link',
  'password-reset-link': 'got-reset-link',
  'login-link': 'got-login-link',
  'sso-notice': 'got-sso',
  'no-account': 'got-no-account',
  'deactivated:merged': 'got-merged',
  'deactivated:removed-by-employer': 'got-removed',
  'deactivated:employer-left': 'got-closed',
} as const satisfies Record<MessageKind, Choice>;

/** The words an answer quotes: what is between “ ” or « », without the ellipses around a fragment. */
export function quotedWords(label: string): string[] {
  return [...label.matchAll(/[“«]\u00a0?([^”»]+?)\u00a0?[”»]/g)].map((match) =>
    match[1].replace(/^…\s*|\s*…$/g, '').trim(),
  );
}
