/** The anonymous feedback endpoints: "Was this helpful?" and the troubleshooter's step events. */
import type { FeedbackReason } from '@site/shared/feedback';
import type { Locale } from '@site/shared/locale';
import { api, call } from './client';

export interface FeedbackInput {
  kind: 'article' | 'troubleshooter';
  target: string;
  helpful: boolean;
  reasons?: FeedbackReason[];
  comment?: string | null;
  locale: Locale;
}

export const feedbackApi = {
  send: (input: FeedbackInput) =>
    call((options) => api.v1.feedback.$post({ json: input }, options), { locale: input.locale }),
  /** Fire and forget: a lost event only makes a report a little less complete. */
  stepReached: (runId: string, step: string, locale: Locale): void => {
    // keepalive: the last step before the worker closes the tab is the one the drop-off report needs.
    void call(
      (options) => api.v1['troubleshooter-events'].$post({ json: { runId, step, locale } }, options),
      {
        locale,
        keepalive: true,
      },
    ).catch(() => undefined);
  },
};

/** A random id for one troubleshooter run (never tied to a person). */
export function newRunId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
