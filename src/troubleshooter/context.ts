/**
 * What the troubleshooter remembers between steps (the machine's context), its events and inputs.
 * Plain types and data: the pure bookkeeping (bookkeeping.ts), the reference codes and the screens
 * read them without the machine.
 */
import type { Locale } from '../../shared/locale';
import type {
  AccountView,
  Channel,
  CheckOutcome,
  ContactCheck,
  HelpRequestOutcome,
  Policy,
  StatusOutcome,
  VerifyOutcome,
} from '../api/worker-help';
import type { ServiceStatus } from '../api/service-status';
import type { SendLog } from './send-log';
import type { ChoiceEventType, EmployerReason, Purpose, StepId, SupportReason } from './steps';

export interface TroubleshooterInput {
  /** The `?step=` of a deep link, as found in the URL (validated here). */
  step?: string | null;
  /** Optional prefill from a support link: `?channel=email`. */
  channel?: string | null;
  locale?: Locale;
}

export type FormError =
  | 'empty-contact'
  | 'invalid-contact'
  | 'username-contact'
  | 'rejected-contact'
  | 'contact-rate-limited'
  | 'session-expired'
  | 'code-format'
  | 'code-invalid'
  | 'code-dead'
  | 'code-rate-limited'
  /** Too many wrong codes in a row for this contact: only support can reopen its code checks. */
  | 'code-blocked';

/** The step each error is shown on: an error never follows the worker to another step. */
export const ERROR_STEP: Record<FormError, StepId> = {
  'empty-contact': 'enter-contact',
  'invalid-contact': 'enter-contact',
  'username-contact': 'enter-contact',
  'rejected-contact': 'enter-contact',
  'contact-rate-limited': 'enter-contact',
  'session-expired': 'enter-contact',
  'code-format': 'code-sent',
  'code-invalid': 'code-sent',
  'code-dead': 'code-sent',
  'code-rate-limited': 'code-sent',
  'code-blocked': 'code-sent',
};

export type Notice = 'unknown-step' | 'needs-details';

/** The last thing we asked the API to send, as the countdowns need it. */
export interface RequestRecord {
  contact: string;
  /** The contact as the server's contact check shows it; null when no check described it. */
  masked: string | null;
  purpose: Purpose;
  /** `rate-limited`: nothing was sent now (a recent send or a 429): use the newest message. */
  outcome: 'sent' | 'rate-limited';
  at: number;
  expiresAt: number | null;
}

export type Operation = 'check' | 'send' | 'verify' | 'status';

export interface TroubleshooterContext {
  locale: Locale;
  deepLink: string | null;
  notice: Notice | null;
  /** The steps taken, oldest first (the reference code encodes the last ones). */
  trail: StepId[];
  channel: Channel | null;
  purpose: Purpose;
  /** The rules the API enforces (`GET /api/v1/policy`); null until it answers, or if it never does. */
  policy: Policy | null;
  /** Whether messages are getting through (`GET /api/v1/service-status`); null until it answers. */
  service: ServiceStatus | null;
  /** What the worker typed, kept to prefill the field. */
  contact: string;
  /** The normalized contact we send to and verify against. */
  target: string | null;
  check: ContactCheck | null;
  /** The time of the last API answer: guards compare countdowns with it, never with a clock. */
  lastSeenAt: number;
  request: RequestRecord | null;
  sendLog: SendLog;
  requestOutcome: 'none' | 'sent' | 'rate-limited' | 'unreachable' | 'rejected';
  pendingCode: string | null;
  codeAttempts: number;
  verification: 'none' | 'verified' | 'invalid' | 'unreachable';
  session: string | null;
  account: AccountView | null;
  error: FormError | null;
  /** For the rate-limit errors: when trying again makes sense. */
  errorUntil: number | null;
  /** The API's own words for a refused contact, in the worker's language. */
  apiMessage: string | null;
  failedOp: Operation | null;
  outcomes: {
    check: CheckOutcome | null;
    send: HelpRequestOutcome | null;
    verify: VerifyOutcome | null;
    status: StatusOutcome | null;
  };
  employerReason: EmployerReason | null;
  supportReason: SupportReason | null;
}

export type TroubleshooterEvent =
  | { type: ChoiceEventType }
  | { type: 'user.restart' }
  | { type: 'user.submit-contact'; contact: string }
  | { type: 'user.submit-code'; code: string }
  | { type: 'user.resend'; at: number }
  | { type: 'user.retry' };

/** Events that have their own controls on the page rather than a choice button. */
export const FORM_EVENTS = [
  'user.restart',
  'user.submit-contact',
  'user.submit-code',
  'user.resend',
  'user.retry',
] as const;

export function initialContext(input: TroubleshooterInput | undefined): TroubleshooterContext {
  const channel = input?.channel === 'sms' || input?.channel === 'email' ? input.channel : null;
  return {
    locale: input?.locale === 'fr' ? 'fr' : 'en',
    deepLink: typeof input?.step === 'string' && input.step !== '' ? input.step : null,
    notice: null,
    trail: [],
    channel,
    purpose: 'login-code',
    policy: null,
    service: null,
    contact: '',
    target: null,
    check: null,
    lastSeenAt: 0,
    request: null,
    sendLog: { sends: 0, cooldowns: {} },
    requestOutcome: 'none',
    pendingCode: null,
    codeAttempts: 0,
    verification: 'none',
    session: null,
    account: null,
    error: null,
    errorUntil: null,
    apiMessage: null,
    failedOp: null,
    outcomes: { check: null, send: null, verify: null, status: null },
    employerReason: null,
    supportReason: null,
  };
}
