/**
 * When the troubleshooter may offer "send again". It mirrors the API's limits per contact (SECURITY.md:
 * one send per 60 s, at most 5 per hour and 10 per day) so the page never offers a resend the API
 * would refuse; a `429` from the API still wins, through its `Retry-After`.
 */

export const RESEND_LIMITS = { perHour: 5, perDay: 10 } as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface SendLog {
  /** Accepted sends, per normalized contact (ms since epoch). */
  sends: Array<{ contact: string; at: number }>;
  /** Per normalized contact: no send before this time (ms since epoch). */
  cooldowns: Record<string, number>;
}

export type ResendAvailability =
  { allowed: true } | { allowed: false; until: number; reason: 'cooldown' | 'hourly' | 'daily' };

export function resendAvailability(log: SendLog, contact: string, now: number): ResendAvailability {
  const times = log.sends
    .filter((send) => send.contact === contact)
    .map((send) => send.at)
    .sort((a, b) => a - b);
  const lastDay = times.filter((at) => at > now - DAY);
  if (lastDay.length >= RESEND_LIMITS.perDay) {
    return { allowed: false, until: lastDay[lastDay.length - RESEND_LIMITS.perDay] + DAY, reason: 'daily' };
  }
  const lastHour = times.filter((at) => at > now - HOUR);
  if (lastHour.length >= RESEND_LIMITS.perHour) {
    return {
      allowed: false,
      until: lastHour[lastHour.length - RESEND_LIMITS.perHour] + HOUR,
      reason: 'hourly',
    };
  }
  const cooldown = log.cooldowns[contact] ?? 0;
  if (cooldown > now) return { allowed: false, until: cooldown, reason: 'cooldown' };
  return { allowed: true };
}

/** Drops what no longer matters (older than a day), so the stored snapshot stays small. */
export function pruneSendLog(log: SendLog, now: number): SendLog {
  const cooldowns: Record<string, number> = {};
  for (const [contact, until] of Object.entries(log.cooldowns)) if (until > now) cooldowns[contact] = until;
  return { sends: log.sends.filter((send) => send.at > now - DAY), cooldowns };
}
