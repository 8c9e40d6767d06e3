/**
 * When the troubleshooter may send to a contact again: not before the API said it would accept it.
 * That wait is the API's own answer (a 202's `retryAfterSeconds`, which already folds in the hourly
 * and daily caps, or a 429's `Retry-After`), so the page never offers a send the API would refuse
 * and knows no limit of its own.
 */

export interface SendLog {
  /** Messages the API accepted to send from this tab (a reference code says how many). */
  sends: number;
  /** Per normalized contact: no send before this time (ms since epoch). */
  cooldowns: Record<string, number>;
}

/** When a send to `contact` is accepted again, or null when it is now (`now`, ms since epoch). */
export function nextSendAt(log: SendLog, contact: string, now: number): number | null {
  const until = log.cooldowns[contact] ?? 0;
  return until > now ? until : null;
}

/** The log after an answer of the API: `sent` counts a message, `until` is its wait for the contact. */
export function noteSendAnswer(
  log: SendLog,
  answer: { contact: string; sent: boolean; until: number; at: number },
): SendLog {
  const kept = pruneSendLog(log, answer.at);
  return {
    sends: kept.sends + (answer.sent ? 1 : 0),
    cooldowns: { ...kept.cooldowns, [answer.contact]: answer.until },
  };
}

/** Drops the waits that are over, so the stored snapshot stays small. */
export function pruneSendLog(log: SendLog, now: number): SendLog {
  const cooldowns: Record<string, number> = {};
  for (const [contact, until] of Object.entries(log.cooldowns)) if (until > now) cooldowns[contact] = until;
  return { sends: log.sends, cooldowns };
}

/**
 * Two logs of one tab (history entries saved at different times) as one: the later wait per
 * contact, and the larger count (each entry's count includes the sends before it).
 */
export function mergeSendLogs(a: SendLog, b: SendLog, now: number): SendLog {
  const cooldowns: Record<string, number> = { ...a.cooldowns };
  for (const [contact, until] of Object.entries(b.cooldowns)) {
    cooldowns[contact] = Math.max(cooldowns[contact] ?? 0, until);
  }
  return pruneSendLog({ sends: Math.max(a.sends, b.sends), cooldowns }, now);
}
