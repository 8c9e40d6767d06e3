/**
 * The six problems workers meet most, in the home page's order (its "Most common problems"
 * cards, which read this list): what a search that finds nothing offers instead of an empty
 * page, with the troubleshooter.
 */
export const COMMON_PROBLEMS = [
  'workers/login/code-not-received',
  'workers/login/code-rejected',
  'workers/login/email-login',
  'workers/login/forgot-password',
  'workers/login/account-locked',
  'workers/login/invalid-credentials',
] as const;

/** Where "answer a few questions" goes. */
export const TROUBLESHOOTER_PATH = '/troubleshoot';
