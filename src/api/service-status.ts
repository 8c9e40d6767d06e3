/**
 * The public service status (`GET /api/v1/service-status`): whether text messages and emails are
 * getting through, and the notices to show workers. The same for everyone; the server computes it
 * once for all readers, and readers of one page that ask together share one request.
 */
import type { Locale } from '@site/shared/locale';
import { api, call, type OkData } from './client';

const request = (locale: Locale) => call((options) => api.v1['service-status'].$get({}, options), { locale });

export type ServiceStatusOutcome = Awaited<ReturnType<typeof request>>;
export type ServiceStatus = OkData<ServiceStatusOutcome>;
export type ServiceNotice = ServiceStatus['notices'][number];
export type MessageChannel = keyof ServiceStatus['channels'];

let inFlight: Promise<ServiceStatusOutcome> | null = null;

/** The status now (the page's notice and the troubleshooter asking at once make one request). */
export function fetchServiceStatus(locale: Locale): Promise<ServiceStatusOutcome> {
  inFlight ??= request(locale).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** The notices about `channel` (a notice about every channel included). */
export function noticesAbout(status: ServiceStatus | null, channel: MessageChannel): ServiceNotice[] {
  return status?.notices.filter((notice) => notice.channel === channel || notice.channel === 'all') ?? [];
}
