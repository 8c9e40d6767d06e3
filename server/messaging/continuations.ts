import type { DeactivationReason } from '../db/schema';
import type { Template } from './templates';

/**
 * Where each message goes on from: the troubleshooter step (`troubleshoot?step=<id>`, relative to
 * the help center of the message's language) that takes the worker from what the message says to
 * the next thing to do. Every message ends with this link; tests/message-continuations.test.ts
 * checks each one opens a step of the troubleshooter that a deep link may open.
 */
const CONTINUATION: Record<Exclude<Template, 'deactivated'>, string> = {
  // The code works, or it is refused: that step explains why and sends a new one.
  'login-code': 'code-rejected',
  'unlock-link': 'account-locked',
  'locked-notice': 'account-locked',
  'confirmation-link': 'confirmation-email',
  'password-reset-link': 'forgot-password',
  'login-link': 'login-link',
  'sso-notice': 'single-sign-on',
  'no-account': 'no-account',
};

const DEACTIVATED: Record<DeactivationReason, string> = {
  merged: 'deactivated-merged',
  'removed-by-employer': 'deactivated-removed',
  'employer-left': 'deactivated-employer-left',
};

/** The step a message continues on. */
export function continuationStep(template: Template, reason: DeactivationReason | null = null): string {
  if (template !== 'deactivated') return CONTINUATION[template];
  return reason ? DEACTIVATED[reason] : 'account-deactivated';
}

/** The link a message ends with: `helpCenterUrl` is the help center's home in the message's language. */
export function continuationUrl(
  helpCenterUrl: string,
  template: Template,
  reason: DeactivationReason | null = null,
): string {
  return new URL(`troubleshoot?step=${continuationStep(template, reason)}`, helpCenterUrl).href;
}
