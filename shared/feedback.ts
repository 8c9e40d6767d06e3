/** "Was this helpful?": the answers the API stores and the form offers. */

/** Why a page did not help (the "no" answer's choices). */
export const FEEDBACK_REASONS = [
  'not-my-problem',
  'unclear',
  'did-not-work',
  'out-of-date',
  'other',
] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

/** The longest comment a "no" answer may carry, in characters. */
export const COMMENT_MAX = 500;
