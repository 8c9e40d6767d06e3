/**
 * The steps that only ask: each answer leads to another step, sets what will be sent, or hands off
 * to the employer or support. No API call starts here (those steps are in the machine).
 */
import { purpose, step, toEmployer, toSupport } from './step-state';

export const QUESTION_STEPS = {
  ...step('what-happens', {
    on: {
      'user.waiting-for-code': 'code-not-received',
      'user.code-refused': 'code-rejected',
      'user.error-message': 'which-message',
      'user.forgot-password': 'forgot-password',
      'user.no-account': 'no-account',
      'user.how-to-log-in': 'how-to-log-in',
      'user.uses-sso': 'single-sign-on',
      'user.unexpected-code': 'unexpected-code',
      'user.check-my-account': { target: 'enter-contact', actions: purpose('login-code') },
    },
  }),
  ...step('which-message', {
    on: {
      'user.msg-locked': 'account-locked',
      'user.msg-invalid': 'invalid-credentials',
      'user.msg-email-taken': 'email-already-used',
      'user.msg-deactivated': 'account-deactivated',
      'user.msg-confirm-email': 'confirmation-email',
      'user.msg-update-app': 'update-app',
      'user.msg-other': { target: 'enter-contact', actions: purpose('login-code') },
    },
  }),
  // Not everyone logs in with a code: a password (email or username) and single sign-on too.
  ...step('how-to-log-in', {
    on: {
      'user.phone-plus-one': 'sms-code',
      'user.phone-other': 'phone-not-north-american',
      'user.no-phone': 'email-login',
      'user.uses-password': 'password-login',
      'user.uses-sso': 'single-sign-on',
      'user.check-my-account': { target: 'enter-contact', actions: purpose('login-code') },
    },
  }),
  ...step('password-login', {
    on: {
      'user.works': 'resolved',
      'user.username': 'username-login',
      'user.forgot-password': 'forgot-password',
      'user.still-stuck': 'invalid-credentials',
    },
  }),
  ...step('no-account', {
    on: {
      'user.ask-employer': toEmployer('invite'),
      'user.invitation-expired': 'invitation-expired',
      'user.invited-already': 'wrong-details',
    },
  }),
  // The invitation is the first login code: a new code does what a new invitation would.
  ...step('invitation-expired', {
    on: {
      'user.send-code': { target: 'enter-contact', actions: purpose('login-code') },
      'user.works': 'resolved',
      'user.ask-employer': toEmployer('invite'),
    },
  }),
  ...step('wrong-details', {
    on: {
      'user.check-contact': { target: 'enter-contact', actions: purpose('login-code') },
      'user.details-correct': 'type-dont-paste',
      'user.new-phone': 'new-phone',
      'user.tell-employer': toEmployer('check-contact'),
    },
  }),
  ...step('type-dont-paste', {
    on: {
      'user.works': 'resolved',
      'user.still-stuck': toEmployer('check-contact'),
    },
  }),
  ...step('sms-code', {
    on: {
      'user.send-code': { target: 'enter-contact', actions: purpose('login-code', 'sms') },
      'user.works': 'resolved',
      'user.no-code': 'code-not-received',
      'user.not-plus-one': 'phone-not-north-american',
    },
  }),
  ...step('phone-not-north-american', {
    on: {
      'user.use-email': { target: 'email-login', actions: purpose('login-code', 'email') },
    },
  }),
  ...step('email-login', {
    on: {
      'user.send-code': { target: 'enter-contact', actions: purpose('login-code', 'email') },
      'user.works': 'resolved',
      'user.no-code': 'check-spam',
      'user.no-email-on-profile': toEmployer('add-email'),
    },
  }),
  ...step('code-not-received', {
    on: {
      // While texts are slow or not getting through (the service status says so): email first.
      'user.use-email': {
        guard: 'smsTrouble',
        target: 'email-login',
        actions: purpose('login-code', 'email'),
      },
      'user.works': 'resolved',
      'user.by-email': 'check-spam',
      'user.by-text': 'sms-not-received',
      'user.send-code': { target: 'enter-contact', actions: purpose('login-code') },
    },
  }),
  ...step('sms-not-received', {
    on: {
      'user.phone-format': 'phone-format',
      'user.texts-filtered': 'texts-filtered',
      'user.traveling': 'traveling',
      'user.new-phone': 'new-phone',
      'user.not-plus-one': 'phone-not-north-american',
      'user.send-code': { target: 'enter-contact', actions: purpose('login-code', 'sms') },
      'user.still-stuck': 'wrong-details',
    },
  }),
  ...step('phone-format', {
    on: {
      'user.send-code': { target: 'enter-contact', actions: purpose('login-code', 'sms') },
      'user.use-email': { target: 'email-login', actions: purpose('login-code', 'email') },
      'user.works': 'resolved',
    },
  }),
  ...step('texts-filtered', {
    on: {
      'user.send-code': { target: 'enter-contact', actions: purpose('login-code', 'sms') },
      'user.use-email': { target: 'email-login', actions: purpose('login-code', 'email') },
      'user.works': 'resolved',
      'user.still-stuck': 'wrong-details',
    },
  }),
  ...step('traveling', {
    on: {
      'user.use-email': { target: 'email-login', actions: purpose('login-code', 'email') },
      'user.works': 'resolved',
      'user.still-stuck': 'texts-filtered',
    },
  }),
  // Only the employer can put a new number in the profile; a new phone with the same number needs nothing.
  ...step('new-phone', {
    on: {
      'user.tell-employer': toEmployer('check-contact'),
      'user.use-email': { target: 'email-login', actions: purpose('login-code', 'email') },
      'user.works': 'resolved',
    },
  }),
  ...step('check-spam', {
    on: {
      'user.works': 'resolved',
      'user.send-code': { target: 'enter-contact', actions: purpose('login-code', 'email') },
      'user.still-stuck': 'wrong-details',
    },
  }),
  ...step('code-rejected', {
    on: {
      'user.works': 'resolved',
      'user.send-code': { target: 'enter-contact', actions: purpose('login-code') },
      'user.still-stuck': 'type-dont-paste',
      'user.contact-support': toSupport('still-stuck'),
    },
  }),
  ...step('forgot-password', {
    on: {
      'user.send-reset': { target: 'enter-contact', actions: purpose('password-reset') },
      'user.password-rules': 'password-rules',
      'user.no-work-email': 'no-work-email',
      'user.login-link': 'login-link',
      'user.uses-sso': 'single-sign-on',
      'user.works': 'resolved',
    },
  }),
  ...step('password-rules', {
    on: {
      'user.works': 'resolved',
      'user.still-stuck': toSupport('password-refused'),
    },
  }),
  ...step('no-work-email', {
    on: {
      'user.ask-access-code': toEmployer('access-code'),
      'user.several-companies': toSupport('several-companies'),
    },
  }),
  ...step('login-link', {
    on: {
      'user.send-link': { target: 'enter-contact', actions: purpose('login-link') },
      'user.works': 'resolved',
      'user.still-stuck': 'forgot-password',
    },
  }),
  ...step('account-locked', {
    on: {
      'user.send-unlock': { target: 'enter-contact', actions: purpose('unlock') },
      'user.forgot-password': 'forgot-password',
      'user.refresh-status': { guard: 'hasSession', target: 'refreshing-status' },
      'user.works': 'resolved',
      'user.still-stuck': toSupport('locked'),
    },
  }),
  ...step('confirmation-email', {
    on: {
      'user.send-confirmation': { target: 'enter-contact', actions: purpose('confirmation') },
      'user.says-confirmed': 'already-confirmed',
      'user.works': 'resolved',
    },
  }),
  ...step('already-confirmed', {
    on: {
      'user.works': 'resolved',
      'user.still-stuck': 'invalid-credentials',
    },
  }),
  ...step('email-already-used', {
    on: {
      'user.reset-password': 'forgot-password',
      'user.was-merged': 'deactivated-merged',
      'user.still-stuck': toSupport('email-taken'),
    },
  }),
  ...step('invalid-credentials', {
    on: {
      'user.username': 'username-login',
      'user.reset-password': 'forgot-password',
      'user.check-my-account': { target: 'enter-contact', actions: purpose('login-code') },
      'user.ask-primary-email': toEmployer('primary-email'),
    },
  }),
  ...step('username-login', {
    on: {
      'user.works': 'resolved',
      'user.reset-password': 'forgot-password',
      'user.dont-know-username': toEmployer('username'),
    },
  }),
  ...step('account-deactivated', {
    on: {
      'user.reason-merged': 'deactivated-merged',
      'user.reason-removed': 'deactivated-removed',
      'user.reason-employer-left': 'deactivated-employer-left',
      'user.check-my-account': { target: 'enter-contact', actions: purpose('login-code') },
    },
  }),
  ...step('deactivated-merged', {
    on: {
      'user.works': 'resolved',
      'user.ask-release': toSupport('release-email'),
    },
  }),
  ...step('deactivated-removed', {
    on: {
      'user.ask-reactivate': toEmployer('reactivate'),
    },
  }),
  // Ends here: nothing in the app can reopen it; the article says what the worker can do.
  ...step('deactivated-employer-left'),
  // Ends here: only the company's IT can help with its single sign-on.
  ...step('single-sign-on'),
  // Some mailboxes open links to scan them: a one-time link is used up before the worker's tap.
  ...step('link-expired', {
    on: {
      'user.ask-new-link': { guard: 'hasLinkRequest', target: 'before-send' },
      'user.works': 'resolved',
      'user.still-stuck': toSupport('still-stuck'),
    },
  }),
  // The message says what it is; its answer here opens the step that goes on from it (the link at its end).
  ...step('message-received', {
    on: {
      'user.got-code': [
        { guard: 'hasCodeRequest', target: 'code-sent' },
        { target: 'enter-contact', actions: purpose('login-code') },
      ],
      'user.got-unlock-link': 'account-locked',
      'user.got-confirmation-link': 'confirmation-email',
      'user.got-reset-link': 'forgot-password',
      'user.got-login-link': 'login-link',
      'user.got-sso': 'single-sign-on',
      'user.got-no-account': 'no-account',
      'user.got-merged': 'deactivated-merged',
      'user.got-removed': 'deactivated-removed',
      'user.got-closed': 'deactivated-employer-left',
      'user.wrong-language': 'wrong-language',
    },
  }),
  // Ends here: nobody can log in without the code; the article says when to tell support.
  ...step('unexpected-code'),
  // Ends here: the worker switches the page's language and asks again.
  ...step('wrong-language'),
  ...step('update-app', {
    on: {
      'user.works': 'resolved',
      'user.still-stuck': toSupport('update-app'),
    },
  }),
};
