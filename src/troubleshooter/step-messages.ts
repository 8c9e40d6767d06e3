/**
 * The words of every step and answer, in English here and in French in i18n/fr/code.json (ids
 * `troubleshooter.step.<id>.*` and `troubleshooter.choice.<choice>`). Literal messages only: that is
 * what Docusaurus extracts and what the model-based tests check for both languages.
 */
import { translate } from '@docusaurus/Translate';
import type { RulePlaceholders } from '../../shared/rules-text';
import type { Choice, StepId } from './steps';

export interface StepText {
  /** The question or headline: the step's heading, focused and announced on arrival. */
  title: string;
  body: string;
  tips: string[];
}

/**
 * `rules`: the rules said in the page's language (`useRuleValues()`), for the
 * texts that state one ("the code works for {codeLifetime}"); titles state none.
 */
export function stepText(step: StepId, rules?: RulePlaceholders): StepText {
  switch (step) {
    case 'what-happens':
      return {
        title: translate({
          id: 'troubleshooter.step.what-happens.title',
          message: 'What happens when you try to log in?',
          description: 'Heading of the troubleshooter step "what-happens"',
        }),
        body: translate({
          id: 'troubleshooter.step.what-happens.body',
          message: 'Pick what is closest to your situation. We will go one question at a time.',
          description: 'Explanation under the heading of the troubleshooter step "what-happens"',
        }),
        tips: [],
      };
    case 'which-message':
      return {
        title: translate({
          id: 'troubleshooter.step.which-message.title',
          message: 'Which message does the app show?',
          description: 'Heading of the troubleshooter step "which-message"',
        }),
        body: translate({
          id: 'troubleshooter.step.which-message.body',
          message: 'Choose the one that looks most like what you see on screen.',
          description: 'Explanation under the heading of the troubleshooter step "which-message"',
        }),
        tips: [],
      };
    case 'how-to-log-in':
      return {
        title: translate({
          id: 'troubleshooter.step.how-to-log-in.title',
          message: 'How do you log in?',
          description: 'Heading of the troubleshooter step "how-to-log-in"',
        }),
        body: translate({
          id: 'troubleshooter.step.how-to-log-in.body',
          message:
            'Most workers log in with a code: by text message when their mobile number starts with +1, by email otherwise. Some employers use a password instead, with an email address or a username, or their company account (single sign-on).',
          description: 'Explanation under the heading of the troubleshooter step "how-to-log-in"',
        }),
        tips: [],
      };
    case 'no-account':
      return {
        title: translate({
          id: 'troubleshooter.step.no-account.title',
          message: 'Your employer creates your account',
          description: 'Heading of the troubleshooter step "no-account"',
        }),
        body: translate({
          id: 'troubleshooter.step.no-account.body',
          message:
            'Nobody signs up alone: your employer adds you to the app, and the first login code they send is your invitation. Until they do, there is no account to log in to.',
          description: 'Explanation under the heading of the troubleshooter step "no-account"',
        }),
        tips: [
          translate({
            id: 'troubleshooter.step.no-account.tip1',
            message:
              'Ask your employer whether they added you, and with which phone number or email address.',
            description: 'Tip 1 of the troubleshooter step "no-account"',
          }),
        ],
      };
    case 'wrong-details':
      return {
        title: translate({
          id: 'troubleshooter.step.wrong-details.title',
          message: 'Your details must match the ones your employer saved',
          description: 'Heading of the troubleshooter step "wrong-details"',
        }),
        body: translate({
          id: 'troubleshooter.step.wrong-details.body',
          message:
            'The app only recognizes the exact phone number or email address in the profile your employer made for you. One wrong digit or an old address is enough to block you.',
          description: 'Explanation under the heading of the troubleshooter step "wrong-details"',
        }),
        tips: [
          translate({
            id: 'troubleshooter.step.wrong-details.tip1',
            message: 'Try the phone number or email address you gave when you were hired.',
            description: 'Tip 1 of the troubleshooter step "wrong-details"',
          }),
          translate({
            id: 'troubleshooter.step.wrong-details.tip2',
            message: 'If you changed number or email address since, your employer must update your profile.',
            description: 'Tip 2 of the troubleshooter step "wrong-details"',
          }),
        ],
      };
    case 'type-dont-paste':
      return {
        title: translate({
          id: 'troubleshooter.step.type-dont-paste.title',
          message: 'Type your details instead of pasting them',
          description: 'Heading of the troubleshooter step "type-dont-paste"',
        }),
        body: translate({
          id: 'troubleshooter.step.type-dont-paste.body',
          message:
            'Copied text often carries a hidden space or character, and the app then cannot find you. Type your phone number or email address by hand, slowly, then try again.',
          description: 'Explanation under the heading of the troubleshooter step "type-dont-paste"',
        }),
        tips: [],
      };
    case 'sms-code':
      return {
        title: translate({
          id: 'troubleshooter.step.sms-code.title',
          message: 'Log in with a code by text message',
          description: 'Heading of the troubleshooter step "sms-code"',
        }),
        body: translate(
          {
            id: 'troubleshooter.step.sms-code.body',
            message:
              'Open the app and enter your mobile number. A text with a {codeDigits}-digit code arrives: type it in the app. The code works once, for {codeLifetime}.',
            description: 'Explanation under the heading of the troubleshooter step "sms-code"',
          },
          rules,
        ),
        tips: [],
      };
    case 'phone-not-north-american':
      return {
        title: translate({
          id: 'troubleshooter.step.phone-not-north-american.title',
          message: 'Text messages only reach +1 numbers',
          description: 'Heading of the troubleshooter step "phone-not-north-american"',
        }),
        body: translate({
          id: 'troubleshooter.step.phone-not-north-american.body',
          message:
            'A number outside North America cannot receive our text messages. You can still log in: choose email login, and your code arrives by email.',
          description: 'Explanation under the heading of the troubleshooter step "phone-not-north-american"',
        }),
        tips: [],
      };
    case 'email-login':
      return {
        title: translate({
          id: 'troubleshooter.step.email-login.title',
          message: 'Log in with a code by email',
          description: 'Heading of the troubleshooter step "email-login"',
        }),
        body: translate(
          {
            id: 'troubleshooter.step.email-login.body',
            message:
              'On the login screen, open the menu and choose "Email login". Enter the email address your employer has on file: a {codeDigits}-digit code arrives by email.',
            description: 'Explanation under the heading of the troubleshooter step "email-login"',
          },
          rules,
        ),
        tips: [
          translate({
            id: 'troubleshooter.step.email-login.tip1',
            message:
              'It must be the email address in your profile. If your employer does not have it, ask them to add it.',
            description: 'Tip 1 of the troubleshooter step "email-login"',
          }),
        ],
      };
    case 'code-not-received':
      return {
        title: translate({
          id: 'troubleshooter.step.code-not-received.title',
          message: 'Your code has not arrived yet',
          description: 'Heading of the troubleshooter step "code-not-received"',
        }),
        body: translate({
          id: 'troubleshooter.step.code-not-received.body',
          message:
            'A code can take a few minutes to arrive. Asking again right away does not help: each new code cancels the one before.',
          description: 'Explanation under the heading of the troubleshooter step "code-not-received"',
        }),
        tips: [
          translate({
            id: 'troubleshooter.step.code-not-received.tip1',
            message: 'Wait a few minutes before asking for another code.',
            description: 'Tip 1 of the troubleshooter step "code-not-received"',
          }),
          translate({
            id: 'troubleshooter.step.code-not-received.tip2',
            message: 'Always use the most recent code you received.',
            description: 'Tip 2 of the troubleshooter step "code-not-received"',
          }),
        ],
      };
    case 'sms-not-received':
      return {
        title: translate({
          id: 'troubleshooter.step.sms-not-received.title',
          message: 'No text message?',
          description: 'Heading of the troubleshooter step "sms-not-received"',
        }),
        body: translate({
          id: 'troubleshooter.step.sms-not-received.body',
          message:
            'Our text messages only reach +1 numbers, and only the number saved in your profile. If your phone has signal, one of these may be holding them back.',
          description: 'Explanation under the heading of the troubleshooter step "sms-not-received"',
        }),
        tips: [],
      };
    case 'check-spam':
      return {
        title: translate({
          id: 'troubleshooter.step.check-spam.title',
          message: 'Look in your spam or junk folder',
          description: 'Heading of the troubleshooter step "check-spam"',
        }),
        body: translate({
          id: 'troubleshooter.step.check-spam.body',
          message:
            'Login emails sometimes land in the spam or junk folder, especially with Outlook and Hotmail. Open that folder, and search your mailbox for "code".',
          description: 'Explanation under the heading of the troubleshooter step "check-spam"',
        }),
        tips: [],
      };
    case 'code-rejected':
      return {
        title: translate({
          id: 'troubleshooter.step.code-rejected.title',
          message: 'Your code is refused',
          description: 'Heading of the troubleshooter step "code-rejected"',
        }),
        body: translate(
          {
            id: 'troubleshooter.step.code-rejected.body',
            message:
              'A code works once, for {codeLifetime}. Asking for a new code cancels all the earlier ones: only the newest works. After {codeGuesses} wrong tries, a code stops working.',
            description: 'Explanation under the heading of the troubleshooter step "code-rejected"',
          },
          rules,
        ),
        tips: [
          translate(
            {
              id: 'troubleshooter.step.code-rejected.tip1',
              message: 'Type the {codeDigits} digits yourself rather than pasting them.',
              description: 'Tip 1 of the troubleshooter step "code-rejected"',
            },
            rules,
          ),
          translate({
            id: 'troubleshooter.step.code-rejected.tip2',
            message: 'Expired, or too many tries? Ask for a new code and use it right away.',
            description: 'Tip 2 of the troubleshooter step "code-rejected"',
          }),
          translate(
            {
              id: 'troubleshooter.step.code-rejected.tip3',
              message:
                'After {pauseAfterFailures} wrong codes in a row for the same phone number or email address, code checks pause for {firstPause}; each further {pauseAfterFailures} wrong codes pause them again, twice as long. After {failuresBeforeSupport}, only support can reopen them. Your account is not locked by this.',
              description: 'Tip 3 of the troubleshooter step "code-rejected"',
            },
            rules,
          ),
        ],
      };
    case 'forgot-password':
      return {
        title: translate({
          id: 'troubleshooter.step.forgot-password.title',
          message: 'Reset your password',
          description: 'Heading of the troubleshooter step "forgot-password"',
        }),
        body: translate(
          {
            id: 'troubleshooter.step.forgot-password.body',
            message:
              'On the login screen, choose "Forgot password". We email you a {codeDigits}-digit code or a link to choose a new password.',
            description: 'Explanation under the heading of the troubleshooter step "forgot-password"',
          },
          rules,
        ),
        tips: [],
      };
    case 'password-rules':
      return {
        title: translate({
          id: 'troubleshooter.step.password-rules.title',
          message: 'What a new password needs',
          description: 'Heading of the troubleshooter step "password-rules"',
        }),
        body: translate({
          id: 'troubleshooter.step.password-rules.body',
          message: 'If your new password is refused, check these three rules:',
          description: 'Explanation under the heading of the troubleshooter step "password-rules"',
        }),
        tips: [
          translate(
            {
              id: 'troubleshooter.step.password-rules.tip1',
              message: 'At least {passwordMinLength} characters.',
              description: 'Tip 1 of the troubleshooter step "password-rules"',
            },
            rules,
          ),
          translate({
            id: 'troubleshooter.step.password-rules.tip2',
            message: 'Not a common password such as "password123".',
            description: 'Tip 2 of the troubleshooter step "password-rules"',
          }),
          translate({
            id: 'troubleshooter.step.password-rules.tip3',
            message: 'Without your username or your email address in it.',
            description: 'Tip 3 of the troubleshooter step "password-rules"',
          }),
        ],
      };
    case 'no-work-email':
      return {
        title: translate({
          id: 'troubleshooter.step.no-work-email.title',
          message: 'No email in your profile?',
          description: 'Heading of the troubleshooter step "no-work-email"',
        }),
        body: translate({
          id: 'troubleshooter.step.no-work-email.body',
          message:
            'Without an email address, a reset cannot reach you. An administrator at your employer can give you a temporary access code instead.',
          description: 'Explanation under the heading of the troubleshooter step "no-work-email"',
        }),
        tips: [
          translate({
            id: 'troubleshooter.step.no-work-email.tip1',
            message: 'This is not possible when you work for several companies: support can help then.',
            description: 'Tip 1 of the troubleshooter step "no-work-email"',
          }),
        ],
      };
    case 'login-link':
      return {
        title: translate({
          id: 'troubleshooter.step.login-link.title',
          message: 'Log in with a one-time link',
          description: 'Heading of the troubleshooter step "login-link"',
        }),
        body: translate(
          {
            id: 'troubleshooter.step.login-link.body',
            message:
              'Instead of a password, get a link by email that logs you in once. It works for {linkLifetime}.',
            description: 'Explanation under the heading of the troubleshooter step "login-link"',
          },
          rules,
        ),
        tips: [],
      };
    case 'account-locked':
      return {
        title: translate({
          id: 'troubleshooter.step.account-locked.title',
          message: 'Your account is locked',
          description: 'Heading of the troubleshooter step "account-locked"',
        }),
        body: translate(
          {
            id: 'troubleshooter.step.account-locked.body',
            message:
              'After {lockAttempts} failed attempts the app locks the account, and it warns you one attempt before. It should then have emailed you an unlock link, which works for {linkLifetime}.',
            description: 'Explanation under the heading of the troubleshooter step "account-locked"',
          },
          rules,
        ),
        tips: [
          translate({
            id: 'troubleshooter.step.account-locked.tip1',
            message: 'No unlock email? Ask for it again here.',
            description: 'Tip 1 of the troubleshooter step "account-locked"',
          }),
          translate({
            id: 'troubleshooter.step.account-locked.tip2',
            message:
              'The account stays locked until you use that link or reset your password, or until support unlocks it. Some locks also end on their own at a set time: once we have checked your account, we show it here.',
            description: 'Tip 2 of the troubleshooter step "account-locked"',
          }),
          translate({
            id: 'troubleshooter.step.account-locked.tip3',
            message:
              'Forgot your password? Resetting it works even while the account is locked, and unlocks it.',
            description: 'Tip 3 of the troubleshooter step "account-locked"',
          }),
        ],
      };
    case 'confirmation-email':
      return {
        title: translate({
          id: 'troubleshooter.step.confirmation-email.title',
          message: 'Confirm your email address',
          description: 'Heading of the troubleshooter step "confirmation-email"',
        }),
        body: translate(
          {
            id: 'troubleshooter.step.confirmation-email.body',
            message:
              'Some accounts must confirm their email address before they log in: we email them a confirmation link that works for {confirmationLifetime}. Look in your spam folder too; you can ask for it again.',
            description: 'Explanation under the heading of the troubleshooter step "confirmation-email"',
          },
          rules,
        ),
        tips: [],
      };
    case 'already-confirmed':
      return {
        title: translate({
          id: 'troubleshooter.step.already-confirmed.title',
          message: 'Already confirmed? Just log in',
          description: 'Heading of the troubleshooter step "already-confirmed"',
        }),
        body: translate({
          id: 'troubleshooter.step.already-confirmed.body',
          message:
            '"Already confirmed" means there is nothing left to do: your email address is confirmed. Go back to the app and log in.',
          description: 'Explanation under the heading of the troubleshooter step "already-confirmed"',
        }),
        tips: [],
      };
    case 'email-already-used':
      return {
        title: translate({
          id: 'troubleshooter.step.email-already-used.title',
          message: '"Email not available"',
          description: 'Heading of the troubleshooter step "email-already-used"',
        }),
        body: translate({
          id: 'troubleshooter.step.email-already-used.body',
          message:
            'An account already uses this email address, most likely yours. There is no new account to create: reset the password of the one that exists.',
          description: 'Explanation under the heading of the troubleshooter step "email-already-used"',
        }),
        tips: [
          translate({
            id: 'troubleshooter.step.email-already-used.tip1',
            message:
              'Had two accounts that were merged? The closed one may still hold the address: support can release it.',
            description: 'Tip 1 of the troubleshooter step "email-already-used"',
          }),
        ],
      };
    case 'invalid-credentials':
      return {
        title: translate({
          id: 'troubleshooter.step.invalid-credentials.title',
          message: '"Invalid user or password"',
          description: 'Heading of the troubleshooter step "invalid-credentials"',
        }),
        body: translate({
          id: 'troubleshooter.step.invalid-credentials.body',
          message:
            'Either the identifier or the password is wrong. Some accounts log in with a username; the email then only receives messages.',
          description: 'Explanation under the heading of the troubleshooter step "invalid-credentials"',
        }),
        tips: [
          translate({
            id: 'troubleshooter.step.invalid-credentials.tip1',
            message: 'Your employer can tell you which email address is the primary one in your profile.',
            description: 'Tip 1 of the troubleshooter step "invalid-credentials"',
          }),
        ],
      };
    case 'username-login':
      return {
        title: translate({
          id: 'troubleshooter.step.username-login.title',
          message: 'You may log in with a username',
          description: 'Heading of the troubleshooter step "username-login"',
        }),
        body: translate({
          id: 'troubleshooter.step.username-login.body',
          message:
            'On some accounts, you type a username at login, not your email address. Your employer can tell you yours: it is in your profile.',
          description: 'Explanation under the heading of the troubleshooter step "username-login"',
        }),
        tips: [],
      };
    case 'account-deactivated':
      return {
        title: translate({
          id: 'troubleshooter.step.account-deactivated.title',
          message: 'Why was your account deactivated?',
          description: 'Heading of the troubleshooter step "account-deactivated"',
        }),
        body: translate({
          id: 'troubleshooter.step.account-deactivated.body',
          message: 'There are three usual reasons. Pick the one that fits, or let us check your account.',
          description: 'Explanation under the heading of the troubleshooter step "account-deactivated"',
        }),
        tips: [],
      };
    case 'deactivated-merged':
      return {
        title: translate({
          id: 'troubleshooter.step.deactivated-merged.title',
          message: 'Your accounts were merged',
          description: 'Heading of the troubleshooter step "deactivated-merged"',
        }),
        body: translate({
          id: 'troubleshooter.step.deactivated-merged.body',
          message:
            'Your information now lives in one account, and the other one, which you may be trying, no longer opens. Log in with the account that stayed. If the closed one still holds your email address, support can release it.',
          description: 'Explanation under the heading of the troubleshooter step "deactivated-merged"',
        }),
        tips: [],
      };
    case 'deactivated-removed':
      return {
        title: translate({
          id: 'troubleshooter.step.deactivated-removed.title',
          message: 'Your employer removed your access',
          description: 'Heading of the troubleshooter step "deactivated-removed"',
        }),
        body: translate({
          id: 'troubleshooter.step.deactivated-removed.body',
          message: 'Only your employer can give your access back. Ask them to reactivate your account.',
          description: 'Explanation under the heading of the troubleshooter step "deactivated-removed"',
        }),
        tips: [],
      };
    case 'deactivated-employer-left':
      return {
        title: translate({
          id: 'troubleshooter.step.deactivated-employer-left.title',
          message: 'Your employer no longer uses the app',
          description: 'Heading of the troubleshooter step "deactivated-employer-left"',
        }),
        body: translate({
          id: 'troubleshooter.step.deactivated-employer-left.body',
          message:
            'Your employer has stopped using the app, and the accounts it managed are closed. Nothing in the app can reopen them: support can tell you what is still possible, for example when another employer invites you.',
          description: 'Explanation under the heading of the troubleshooter step "deactivated-employer-left"',
        }),
        tips: [],
      };
    case 'single-sign-on':
      return {
        title: translate({
          id: 'troubleshooter.step.single-sign-on.title',
          message: 'Your company uses single sign-on',
          description: 'Heading of the troubleshooter step "single-sign-on"',
        }),
        body: translate({
          id: 'troubleshooter.step.single-sign-on.body',
          message:
            'You log in with your company account, on your company’s own login page. We cannot reset that password: your company’s IT department can.',
          description: 'Explanation under the heading of the troubleshooter step "single-sign-on"',
        }),
        tips: [],
      };
    case 'update-app':
      return {
        title: translate({
          id: 'troubleshooter.step.update-app.title',
          message: 'Update the app',
          description: 'Heading of the troubleshooter step "update-app"',
        }),
        body: translate({
          id: 'troubleshooter.step.update-app.body',
          message:
            'An old version of the app may no longer log in. Install the latest version from the App Store or Google Play, then try again.',
          description: 'Explanation under the heading of the troubleshooter step "update-app"',
        }),
        tips: [],
      };
    case 'password-login':
      return {
        title: translate({
          id: 'troubleshooter.step.password-login.title',
          message: 'Log in with your password',
          description: 'Heading of the troubleshooter step "password-login"',
        }),
        body: translate({
          id: 'troubleshooter.step.password-login.body',
          message:
            'Type your identifier, then your password. The identifier is your email address, or on some accounts a username: the email address then only receives messages.',
          description: 'Explanation under the heading of the troubleshooter step "password-login"',
        }),
        tips: [
          translate(
            {
              id: 'troubleshooter.step.password-login.tip1',
              message:
                'Not sure of your password? Reset it rather than guessing: after {lockAttempts} failed attempts, the account locks.',
              description: 'Tip 1 of the troubleshooter step "password-login"',
            },
            rules,
          ),
        ],
      };
    case 'phone-format':
      return {
        title: translate({
          id: 'troubleshooter.step.phone-format.title',
          message: 'Type your number the way the app reads it',
          description: 'Heading of the troubleshooter step "phone-format"',
        }),
        body: translate({
          id: 'troubleshooter.step.phone-format.body',
          message:
            'A North American number works with or without +1, with spaces or dashes: 514 555 0134. A number from another country starts with + and its country code, without the 0 it starts with at home: +33 6 12 34 56 78.',
          description: 'Explanation under the heading of the troubleshooter step "phone-format"',
        }),
        tips: [
          translate({
            id: 'troubleshooter.step.phone-format.tip1',
            message: 'Do not type the country code twice (+1 1 514…).',
            description: 'Tip 1 of the troubleshooter step "phone-format"',
          }),
          translate({
            id: 'troubleshooter.step.phone-format.tip2',
            message: 'A landline cannot receive text messages: use a mobile number, or log in by email.',
            description: 'Tip 2 of the troubleshooter step "phone-format"',
          }),
        ],
      };
    case 'texts-filtered':
      return {
        title: translate({
          id: 'troubleshooter.step.texts-filtered.title',
          message: 'Your phone may be hiding our texts',
          description: 'Heading of the troubleshooter step "texts-filtered"',
        }),
        body: translate({
          id: 'troubleshooter.step.texts-filtered.body',
          message:
            'Phones and carriers file texts from unknown senders in a separate list: look for a filtered, unknown senders or spam list in your messaging app.',
          description: 'Explanation under the heading of the troubleshooter step "texts-filtered"',
        }),
        tips: [
          translate({
            id: 'troubleshooter.step.texts-filtered.tip1',
            message:
              'Once replied STOP to one of our texts? Your carrier then holds them back: reply START to the same number to receive them again.',
            description: 'Tip 1 of the troubleshooter step "texts-filtered"',
          }),
          translate({
            id: 'troubleshooter.step.texts-filtered.tip2',
            message: 'Still nothing? Log in by email instead.',
            description: 'Tip 2 of the troubleshooter step "texts-filtered"',
          }),
        ],
      };
    case 'traveling':
      return {
        title: translate({
          id: 'troubleshooter.step.traveling.title',
          message: 'Abroad with your +1 number?',
          description: 'Heading of the troubleshooter step "traveling"',
        }),
        body: translate({
          id: 'troubleshooter.step.traveling.body',
          message:
            'Our texts reach your +1 number abroad only if your plan lets you receive texts while roaming, and they can arrive late. Wi-Fi alone does not bring them in.',
          description: 'Explanation under the heading of the troubleshooter step "traveling"',
        }),
        tips: [
          translate({
            id: 'troubleshooter.step.traveling.tip1',
            message: 'Until you are back, log in by email: it works from anywhere.',
            description: 'Tip 1 of the troubleshooter step "traveling"',
          }),
        ],
      };
    case 'new-phone':
      return {
        title: translate({
          id: 'troubleshooter.step.new-phone.title',
          message: 'New phone or new number?',
          description: 'Heading of the troubleshooter step "new-phone"',
        }),
        body: translate({
          id: 'troubleshooter.step.new-phone.body',
          message:
            'A new phone with the same number receives the codes as before: install the app and log in. A new number must first be saved in your profile by your employer: until then, codes go to the old one.',
          description: 'Explanation under the heading of the troubleshooter step "new-phone"',
        }),
        tips: [],
      };
    case 'link-expired':
      return {
        title: translate({
          id: 'troubleshooter.step.link-expired.title',
          message: 'The link says it has expired?',
          description: 'Heading of the troubleshooter step "link-expired"',
        }),
        body: translate({
          id: 'troubleshooter.step.link-expired.body',
          message:
            'Our links do nothing until you press the button on the page they open, so a mailbox that scans links before you see them cannot use them up. A link says it has expired when a newer one was sent since, when its time ran out, or when it was already used.',
          description: 'Explanation under the heading of the troubleshooter step "link-expired"',
        }),
        tips: [
          translate({
            id: 'troubleshooter.step.link-expired.tip1',
            message: 'Ask for a new link, and open only the newest email.',
            description: 'Tip 1 of the troubleshooter step "link-expired"',
          }),
          translate({
            id: 'troubleshooter.step.link-expired.tip2',
            message:
              'Reloaded the page, or your mail app cut the link? Open it again from the email, or copy the whole address into your browser.',
            description: 'Tip 2 of the troubleshooter step "link-expired"',
          }),
        ],
      };
    case 'invitation-expired':
      return {
        title: translate({
          id: 'troubleshooter.step.invitation-expired.title',
          message: 'Invitation missing or expired?',
          description: 'Heading of the troubleshooter step "invitation-expired"',
        }),
        body: translate(
          {
            id: 'troubleshooter.step.invitation-expired.body',
            message:
              'Your invitation is the first login code your employer sends you, and it expires like any code, after {codeLifetime}. You do not need a new invitation: ask for a code here with the phone number or email address your employer saved.',
            description: 'Explanation under the heading of the troubleshooter step "invitation-expired"',
          },
          rules,
        ),
        tips: [],
      };
    case 'unexpected-code':
      return {
        title: translate({
          id: 'troubleshooter.step.unexpected-code.title',
          message: 'A code you did not ask for?',
          description: 'Heading of the troubleshooter step "unexpected-code"',
        }),
        body: translate({
          id: 'troubleshooter.step.unexpected-code.body',
          message:
            'Someone typed your phone number or email address in the app, most often by mistake. Nobody can log in without the code: do not share it, and you can ignore the message.',
          description: 'Explanation under the heading of the troubleshooter step "unexpected-code"',
        }),
        tips: [
          translate({
            id: 'troubleshooter.step.unexpected-code.tip1',
            message: 'Codes keep coming? Tell support: the article says what to give them.',
            description: 'Tip 1 of the troubleshooter step "unexpected-code"',
          }),
        ],
      };
    case 'wrong-language':
      return {
        title: translate({
          id: 'troubleshooter.step.wrong-language.title',
          message: 'A message in the wrong language?',
          description: 'Heading of the troubleshooter step "wrong-language"',
        }),
        body: translate({
          id: 'troubleshooter.step.wrong-language.body',
          message:
            'Our messages use the language of the page you ask from. Switch between English and French at the top of this page, then ask again.',
          description: 'Explanation under the heading of the troubleshooter step "wrong-language"',
        }),
        tips: [
          translate({
            id: 'troubleshooter.step.wrong-language.tip1',
            message:
              'An invitation in the wrong language? Whoever sends it chooses its language: ask them to send it again in yours.',
            description: 'Tip 1 of the troubleshooter step "wrong-language"',
          }),
        ],
      };
    case 'enter-contact':
      return {
        title: translate({
          id: 'troubleshooter.step.enter-contact.title',
          message: 'Which phone number or email does your employer have?',
          description: 'Heading of the troubleshooter step "enter-contact"',
        }),
        body: translate({
          id: 'troubleshooter.step.enter-contact.body',
          message:
            'Type it by hand: pasted text can carry a hidden character. If an account uses it, we send a message there right away.',
          description: 'Explanation under the heading of the troubleshooter step "enter-contact"',
        }),
        tips: [],
      };
    case 'confirm-contact':
      return {
        title: translate({
          id: 'troubleshooter.step.confirm-contact.title',
          message: 'Check your email address',
          description: 'Heading of the troubleshooter step "confirm-contact"',
        }),
        body: translate({
          id: 'troubleshooter.step.confirm-contact.body',
          message: 'The address you typed looks like it has a typo.',
          description: 'Explanation under the heading of the troubleshooter step "confirm-contact"',
        }),
        tips: [],
      };
    case 'code-sent':
      return {
        title: translate({
          id: 'troubleshooter.step.code-sent.title',
          message: 'Check your messages',
          description: 'Heading of the troubleshooter step "code-sent"',
        }),
        body: translate({
          id: 'troubleshooter.step.code-sent.body',
          message:
            'If an account uses this contact, a message is on its way. We cannot tell from here what it will be: a login code, a link, or a message that explains what to do. It can take a few minutes.',
          description: 'Explanation under the heading of the troubleshooter step "code-sent"',
        }),
        tips: [
          translate({
            id: 'troubleshooter.step.code-sent.tip1',
            message: 'A code? Use it to log in to the app, or enter it below and we will check your account.',
            description: 'Tip 1 of the troubleshooter step "code-sent"',
          }),
          translate({
            id: 'troubleshooter.step.code-sent.tip2',
            message: 'A link or another message? It is your answer: tell us what it says.',
            description: 'Tip 2 of the troubleshooter step "code-sent"',
          }),
        ],
      };
    case 'link-sent':
      return {
        title: translate({
          id: 'troubleshooter.step.link-sent.title',
          message: 'Check your messages',
          description: 'Heading of the troubleshooter step "link-sent"',
        }),
        body: translate({
          id: 'troubleshooter.step.link-sent.body',
          message:
            'If an account uses this contact, a message is on its way: the one you asked for, or one that explains what to do instead. It can take a few minutes; look in your spam folder too.',
          description: 'Explanation under the heading of the troubleshooter step "link-sent"',
        }),
        tips: [],
      };
    case 'message-received':
      return {
        title: translate({
          id: 'troubleshooter.step.message-received.title',
          message: 'What does the message say?',
          description: 'Heading of the troubleshooter step "message-received"',
        }),
        body: translate({
          id: 'troubleshooter.step.message-received.body',
          message:
            'The message depends on the state of your account, so it tells you what comes next. Pick the words you see in it.',
          description: 'Explanation under the heading of the troubleshooter step "message-received"',
        }),
        tips: [],
      };
    case 'account-ok':
      return {
        title: translate({
          id: 'troubleshooter.step.account-ok.title',
          message: 'Your account is ready',
          description: 'Heading of the troubleshooter step "account-ok"',
        }),
        body: translate({
          id: 'troubleshooter.step.account-ok.body',
          message: 'We checked: nothing blocks your account. Here is how you log in.',
          description: 'Explanation under the heading of the troubleshooter step "account-ok"',
        }),
        tips: [],
      };
    case 'api-unreachable':
      return {
        title: translate({
          id: 'troubleshooter.step.api-unreachable.title',
          message: 'We cannot reach our service right now',
          description: 'Heading of the troubleshooter step "api-unreachable"',
        }),
        body: translate({
          id: 'troubleshooter.step.api-unreachable.body',
          message:
            'It is not you: our service is not answering, or your connection dropped. Meanwhile, this advice works without it:',
          description: 'Explanation under the heading of the troubleshooter step "api-unreachable"',
        }),
        tips: [
          translate({
            id: 'troubleshooter.step.api-unreachable.tip1',
            message: 'A code can take a few minutes: wait before asking for another.',
            description: 'Tip 1 of the troubleshooter step "api-unreachable"',
          }),
          translate({
            id: 'troubleshooter.step.api-unreachable.tip2',
            message: 'Look in your spam or junk folder.',
            description: 'Tip 2 of the troubleshooter step "api-unreachable"',
          }),
          translate({
            id: 'troubleshooter.step.api-unreachable.tip3',
            message: 'Type your phone number or email address by hand, without pasting.',
            description: 'Tip 3 of the troubleshooter step "api-unreachable"',
          }),
          translate({
            id: 'troubleshooter.step.api-unreachable.tip4',
            message: 'Use only the newest code you received.',
            description: 'Tip 4 of the troubleshooter step "api-unreachable"',
          }),
        ],
      };
    case 'escalate-employer':
      return {
        title: translate({
          id: 'troubleshooter.step.escalate-employer.title',
          message: 'Ask your employer',
          description: 'Heading of the troubleshooter step "escalate-employer"',
        }),
        body: translate({
          id: 'troubleshooter.step.escalate-employer.body',
          message: 'Only your employer can fix this. Send them the message below: it has what they need.',
          description: 'Explanation under the heading of the troubleshooter step "escalate-employer"',
        }),
        tips: [],
      };
    case 'escalate-support':
      return {
        title: translate({
          id: 'troubleshooter.step.escalate-support.title',
          message: 'Contact support',
          description: 'Heading of the troubleshooter step "escalate-support"',
        }),
        body: translate({
          id: 'troubleshooter.step.escalate-support.body',
          message:
            'Give support the reference code below: it tells them what you already tried, so you do not have to start over.',
          description: 'Explanation under the heading of the troubleshooter step "escalate-support"',
        }),
        tips: [],
      };
    case 'resolved':
      return {
        title: translate({
          id: 'troubleshooter.step.resolved.title',
          message: 'Great, it works!',
          description: 'Heading of the troubleshooter step "resolved"',
        }),
        body: translate({
          id: 'troubleshooter.step.resolved.body',
          message: 'Glad it works. If it happens again, this troubleshooter will be here.',
          description: 'Explanation under the heading of the troubleshooter step "resolved"',
        }),
        tips: [],
      };
  }
}

/** The label of an answer button. */
export function choiceLabel(choice: Choice): string {
  switch (choice) {
    case 'works':
      return translate({
        id: 'troubleshooter.choice.works',
        message: 'It works now',
        description: 'Troubleshooter answer button "works"',
      });
    case 'still-stuck':
      return translate({
        id: 'troubleshooter.choice.still-stuck',
        message: 'It still does not work',
        description: 'Troubleshooter answer button "still-stuck"',
      });
    case 'waiting-for-code':
      return translate({
        id: 'troubleshooter.choice.waiting-for-code',
        message: 'My login code does not arrive',
        description: 'Troubleshooter answer button "waiting-for-code"',
      });
    case 'code-refused':
      return translate({
        id: 'troubleshooter.choice.code-refused',
        message: 'My code is refused or expired',
        description: 'Troubleshooter answer button "code-refused"',
      });
    case 'error-message':
      return translate({
        id: 'troubleshooter.choice.error-message',
        message: 'I see an error message',
        description: 'Troubleshooter answer button "error-message"',
      });
    case 'forgot-password':
      return translate({
        id: 'troubleshooter.choice.forgot-password',
        message: 'I forgot my password',
        description: 'Troubleshooter answer button "forgot-password"',
      });
    case 'no-account':
      return translate({
        id: 'troubleshooter.choice.no-account',
        message: 'I never got an invitation',
        description: 'Troubleshooter answer button "no-account"',
      });
    case 'how-to-log-in':
      return translate({
        id: 'troubleshooter.choice.how-to-log-in',
        message: 'I do not know how to log in',
        description: 'Troubleshooter answer button "how-to-log-in"',
      });
    case 'uses-sso':
      return translate({
        id: 'troubleshooter.choice.uses-sso',
        message: 'My company uses single sign-on',
        description: 'Troubleshooter answer button "uses-sso"',
      });
    case 'check-my-account':
      return translate({
        id: 'troubleshooter.choice.check-my-account',
        message: 'I am not sure: check my account',
        description: 'Troubleshooter answer button "check-my-account"',
      });
    case 'msg-locked':
      return translate({
        id: 'troubleshooter.choice.msg-locked',
        message: '"Account locked"',
        description: 'Troubleshooter answer button "msg-locked"',
      });
    case 'msg-invalid':
      return translate({
        id: 'troubleshooter.choice.msg-invalid',
        message: '"Invalid user or password"',
        description: 'Troubleshooter answer button "msg-invalid"',
      });
    case 'msg-email-taken':
      return translate({
        id: 'troubleshooter.choice.msg-email-taken',
        message: '"Email not available"',
        description: 'Troubleshooter answer button "msg-email-taken"',
      });
    case 'msg-deactivated':
      return translate({
        id: 'troubleshooter.choice.msg-deactivated',
        message: '"Account deactivated"',
        description: 'Troubleshooter answer button "msg-deactivated"',
      });
    case 'msg-confirm-email':
      return translate({
        id: 'troubleshooter.choice.msg-confirm-email',
        message: '"Please confirm your email"',
        description: 'Troubleshooter answer button "msg-confirm-email"',
      });
    case 'msg-update-app':
      return translate({
        id: 'troubleshooter.choice.msg-update-app',
        message: '"Please update the app"',
        description: 'Troubleshooter answer button "msg-update-app"',
      });
    case 'msg-other':
      return translate({
        id: 'troubleshooter.choice.msg-other',
        message: 'Another message',
        description: 'Troubleshooter answer button "msg-other"',
      });
    case 'phone-plus-one':
      return translate({
        id: 'troubleshooter.choice.phone-plus-one',
        message: 'My mobile number starts with +1',
        description: 'Troubleshooter answer button "phone-plus-one"',
      });
    case 'phone-other':
      return translate({
        id: 'troubleshooter.choice.phone-other',
        message: 'My mobile number is from another country',
        description: 'Troubleshooter answer button "phone-other"',
      });
    case 'no-phone':
      return translate({
        id: 'troubleshooter.choice.no-phone',
        message: 'I have no mobile phone',
        description: 'Troubleshooter answer button "no-phone"',
      });
    case 'invited-already':
      return translate({
        id: 'troubleshooter.choice.invited-already',
        message: 'My employer says I am invited',
        description: 'Troubleshooter answer button "invited-already"',
      });
    case 'ask-employer':
      return translate({
        id: 'troubleshooter.choice.ask-employer',
        message: 'Ask my employer to invite me',
        description: 'Troubleshooter answer button "ask-employer"',
      });
    case 'check-contact':
      return translate({
        id: 'troubleshooter.choice.check-contact',
        message: 'Check the phone number or email address I use',
        description: 'Troubleshooter answer button "check-contact"',
      });
    case 'details-correct':
      return translate({
        id: 'troubleshooter.choice.details-correct',
        message: 'My details are right',
        description: 'Troubleshooter answer button "details-correct"',
      });
    case 'tell-employer':
      return translate({
        id: 'troubleshooter.choice.tell-employer',
        message: 'Ask my employer to check my details',
        description: 'Troubleshooter answer button "tell-employer"',
      });
    case 'send-code':
      return translate({
        id: 'troubleshooter.choice.send-code',
        message: 'Send me a login code',
        description: 'Troubleshooter answer button "send-code"',
      });
    case 'no-code':
      return translate({
        id: 'troubleshooter.choice.no-code',
        message: 'Nothing arrived',
        description: 'Troubleshooter answer button "no-code"',
      });
    case 'not-plus-one':
      return translate({
        id: 'troubleshooter.choice.not-plus-one',
        message: 'My number does not start with +1',
        description: 'Troubleshooter answer button "not-plus-one"',
      });
    case 'use-email':
      return translate({
        id: 'troubleshooter.choice.use-email',
        message: 'Log in by email instead',
        description: 'Troubleshooter answer button "use-email"',
      });
    case 'no-email-on-profile':
      return translate({
        id: 'troubleshooter.choice.no-email-on-profile',
        message: 'My employer does not have my email address',
        description: 'Troubleshooter answer button "no-email-on-profile"',
      });
    case 'by-email':
      return translate({
        id: 'troubleshooter.choice.by-email',
        message: 'I am waiting for an email',
        description: 'Troubleshooter answer button "by-email"',
      });
    case 'by-text':
      return translate({
        id: 'troubleshooter.choice.by-text',
        message: 'I am waiting for a text message',
        description: 'Troubleshooter answer button "by-text"',
      });
    case 'send-reset':
      return translate({
        id: 'troubleshooter.choice.send-reset',
        message: 'Send me the reset email',
        description: 'Troubleshooter answer button "send-reset"',
      });
    case 'password-rules':
      return translate({
        id: 'troubleshooter.choice.password-rules',
        message: 'My new password is refused',
        description: 'Troubleshooter answer button "password-rules"',
      });
    case 'no-work-email':
      return translate({
        id: 'troubleshooter.choice.no-work-email',
        message: 'I have no email address in my profile',
        description: 'Troubleshooter answer button "no-work-email"',
      });
    case 'login-link':
      return translate({
        id: 'troubleshooter.choice.login-link',
        message: 'Log in with a one-time login link instead',
        description: 'Troubleshooter answer button "login-link"',
      });
    case 'ask-access-code':
      return translate({
        id: 'troubleshooter.choice.ask-access-code',
        message: 'Ask my employer for a temporary access code',
        description: 'Troubleshooter answer button "ask-access-code"',
      });
    case 'several-companies':
      return translate({
        id: 'troubleshooter.choice.several-companies',
        message: 'I work for several companies',
        description: 'Troubleshooter answer button "several-companies"',
      });
    case 'send-link':
      return translate({
        id: 'troubleshooter.choice.send-link',
        message: 'Send me a login link',
        description: 'Troubleshooter answer button "send-link"',
      });
    case 'send-unlock':
      return translate({
        id: 'troubleshooter.choice.send-unlock',
        message: 'Send the unlock email again',
        description: 'Troubleshooter answer button "send-unlock"',
      });
    case 'send-confirmation':
      return translate({
        id: 'troubleshooter.choice.send-confirmation',
        message: 'Send the confirmation email again',
        description: 'Troubleshooter answer button "send-confirmation"',
      });
    case 'says-confirmed':
      return translate({
        id: 'troubleshooter.choice.says-confirmed',
        message: 'It says "already confirmed"',
        description: 'Troubleshooter answer button "says-confirmed"',
      });
    case 'reset-password':
      return translate({
        id: 'troubleshooter.choice.reset-password',
        message: 'Reset my password',
        description: 'Troubleshooter answer button "reset-password"',
      });
    case 'was-merged':
      return translate({
        id: 'troubleshooter.choice.was-merged',
        message: 'I had two accounts that were merged',
        description: 'Troubleshooter answer button "was-merged"',
      });
    case 'username':
      return translate({
        id: 'troubleshooter.choice.username',
        message: 'I may have a username',
        description: 'Troubleshooter answer button "username"',
      });
    case 'ask-primary-email':
      return translate({
        id: 'troubleshooter.choice.ask-primary-email',
        message: 'Ask my employer which email is the primary one',
        description: 'Troubleshooter answer button "ask-primary-email"',
      });
    case 'dont-know-username':
      return translate({
        id: 'troubleshooter.choice.dont-know-username',
        message: 'I do not know my username',
        description: 'Troubleshooter answer button "dont-know-username"',
      });
    case 'reason-merged':
      return translate({
        id: 'troubleshooter.choice.reason-merged',
        message: 'I had two accounts',
        description: 'Troubleshooter answer button "reason-merged"',
      });
    case 'reason-removed':
      return translate({
        id: 'troubleshooter.choice.reason-removed',
        message: 'I left, or my employer removed me',
        description: 'Troubleshooter answer button "reason-removed"',
      });
    case 'reason-employer-left':
      return translate({
        id: 'troubleshooter.choice.reason-employer-left',
        message: 'My employer stopped using the app',
        description: 'Troubleshooter answer button "reason-employer-left"',
      });
    case 'ask-release':
      return translate({
        id: 'troubleshooter.choice.ask-release',
        message: 'Ask support to release my email address',
        description: 'Troubleshooter answer button "ask-release"',
      });
    case 'ask-reactivate':
      return translate({
        id: 'troubleshooter.choice.ask-reactivate',
        message: 'Ask my employer to reactivate me',
        description: 'Troubleshooter answer button "ask-reactivate"',
      });
    case 'use-suggestion':
      return translate({
        id: 'troubleshooter.choice.use-suggestion',
        message: 'Yes, use the corrected address',
        description: 'Troubleshooter answer button "use-suggestion"',
      });
    case 'keep-contact':
      return translate({
        id: 'troubleshooter.choice.keep-contact',
        message: 'No, keep what I typed',
        description: 'Troubleshooter answer button "keep-contact"',
      });
    case 'other-message':
      return translate({
        id: 'troubleshooter.choice.other-message',
        message: 'I got something else: a link or a message',
        description: 'Troubleshooter answer button "other-message"',
      });
    case 'change-contact':
      return translate({
        id: 'troubleshooter.choice.change-contact',
        message: 'Use another phone number or email address',
        description: 'Troubleshooter answer button "change-contact"',
      });
    case 'got-code':
      return translate({
        id: 'troubleshooter.choice.got-code',
        message: '“…login code…”',
        description: 'Troubleshooter answer button "got-code"',
      });
    case 'got-unlock-link':
      return translate({
        id: 'troubleshooter.choice.got-unlock-link',
        message: '“Your account is locked…”',
        description: 'Troubleshooter answer button "got-unlock-link"',
      });
    case 'got-confirmation-link':
      return translate({
        id: 'troubleshooter.choice.got-confirmation-link',
        message: '“Confirm your email address…”',
        description: 'Troubleshooter answer button "got-confirmation-link"',
      });
    case 'got-no-account':
      return translate({
        id: 'troubleshooter.choice.got-no-account',
        message: '“…no account uses it…”',
        description: 'Troubleshooter answer button "got-no-account"',
      });
    case 'got-reset-link':
      return translate({
        id: 'troubleshooter.choice.got-reset-link',
        message: '“Choose a new password…”',
        description: 'Troubleshooter answer button "got-reset-link"',
      });
    case 'got-login-link':
      return translate({
        id: 'troubleshooter.choice.got-login-link',
        message: '“Log in without a password…”',
        description: 'Troubleshooter answer button "got-login-link"',
      });
    case 'got-sso':
      return translate({
        id: 'troubleshooter.choice.got-sso',
        message: '“…uses single sign-on…”',
        description: 'Troubleshooter answer button "got-sso"',
      });
    case 'got-merged':
      return translate({
        id: 'troubleshooter.choice.got-merged',
        message: '“…merged with another…”',
        description: 'Troubleshooter answer button "got-merged"',
      });
    case 'got-removed':
      return translate({
        id: 'troubleshooter.choice.got-removed',
        message: '“…removed by your employer…”',
        description: 'Troubleshooter answer button "got-removed"',
      });
    case 'got-closed':
      return translate({
        id: 'troubleshooter.choice.got-closed',
        message: '“…account is closed…”',
        description: 'Troubleshooter answer button "got-closed"',
      });
    case 'wrong-language':
      return translate({
        id: 'troubleshooter.choice.wrong-language',
        message: 'It is in the wrong language',
        description: 'Troubleshooter answer button "wrong-language"',
      });
    case 'uses-password':
      return translate({
        id: 'troubleshooter.choice.uses-password',
        message: 'I log in with a password',
        description: 'Troubleshooter answer button "uses-password"',
      });
    case 'phone-format':
      return translate({
        id: 'troubleshooter.choice.phone-format',
        message: 'Check how I typed my number',
        description: 'Troubleshooter answer button "phone-format"',
      });
    case 'traveling':
      return translate({
        id: 'troubleshooter.choice.traveling',
        message: 'I am abroad with my +1 number',
        description: 'Troubleshooter answer button "traveling"',
      });
    case 'texts-filtered':
      return translate({
        id: 'troubleshooter.choice.texts-filtered',
        message: 'My phone may be filtering texts',
        description: 'Troubleshooter answer button "texts-filtered"',
      });
    case 'new-phone':
      return translate({
        id: 'troubleshooter.choice.new-phone',
        message: 'I changed phone or number',
        description: 'Troubleshooter answer button "new-phone"',
      });
    case 'link-expired':
      return translate({
        id: 'troubleshooter.choice.link-expired',
        message: 'The link says it has expired',
        description: 'Troubleshooter answer button "link-expired"',
      });
    case 'ask-new-link':
      return translate({
        id: 'troubleshooter.choice.ask-new-link',
        message: 'Send me a new link',
        description: 'Troubleshooter answer button "ask-new-link"',
      });
    case 'invitation-expired':
      return translate({
        id: 'troubleshooter.choice.invitation-expired',
        message: 'My invitation expired or never came',
        description: 'Troubleshooter answer button "invitation-expired"',
      });
    case 'unexpected-code':
      return translate({
        id: 'troubleshooter.choice.unexpected-code',
        message: 'I got a code I did not ask for',
        description: 'Troubleshooter answer button "unexpected-code"',
      });
    case 'refresh-status':
      return translate({
        id: 'troubleshooter.choice.refresh-status',
        message: 'Check my account again',
        description: 'Troubleshooter answer button "refresh-status"',
      });
    case 'contact-employer':
      return translate({
        id: 'troubleshooter.choice.contact-employer',
        message: 'Contact my employer',
        description: 'Troubleshooter answer button "contact-employer"',
      });
    case 'contact-support':
      return translate({
        id: 'troubleshooter.choice.contact-support',
        message: 'Contact support',
        description: 'Troubleshooter answer button "contact-support"',
      });
  }
}
