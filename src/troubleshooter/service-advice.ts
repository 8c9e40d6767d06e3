/**
 * What the service status changes in the troubleshooter: the channel a request went by, and
 * whether to offer email while text messages are slow or not getting through. Pure, like
 * bookkeeping.ts.
 */
import { noticesAbout, type MessageChannel, type ServiceStatusOutcome } from '../api/service-status';
import type { TroubleshooterContext } from './context';

/** The machine's invocation of `fetchServiceStatus` (`storeService` keeps the answer). */
export const askServiceStatus = <const Id extends string>(id: Id) =>
  ({
    id,
    src: 'fetchServiceStatus',
    input: ({ context }: { context: TroubleshooterContext }) => ({ locale: context.locale }),
    onDone: {
      actions: {
        type: 'storeService',
        params: ({ event }: { event: { output: ServiceStatusOutcome } }) => event.output,
      },
    },
    onError: {},
  }) as const;

/** How the last request went: by text to a phone, by email otherwise (a username's go to its email). */
export function requestChannel(context: TroubleshooterContext): MessageChannel | null {
  if (!context.request) return null;
  const kind = context.check?.kind;
  if (kind === 'phone') return 'sms';
  if (kind === 'email' || kind === 'username') return 'email';
  return context.request.contact.includes('@') ? 'email' : 'sms';
}

/** Text messages are in trouble (a notice says so) and emails are getting through: offer email. */
export function emailInstead(context: TroubleshooterContext): boolean {
  const service = context.service;
  return noticesAbout(service, 'sms').length > 0 && service?.channels.email.state !== 'down';
}
