import { describe, expect, it } from 'vitest';
import { mergeSendLogs, nextSendAt, noteSendAnswer, pruneSendLog, type SendLog } from './send-log';

const T = 1_700_000_000_000;
const empty: SendLog = { sends: 0, cooldowns: {} };

describe('send log', () => {
  it('allows a send once the wait the API gave is over, not a millisecond before', () => {
    const log = noteSendAnswer(empty, { contact: '+15145550134', sent: true, until: T + 60_000, at: T });
    expect(nextSendAt(log, '+15145550134', T + 59_999)).toBe(T + 60_000);
    expect(nextSendAt(log, '+15145550134', T + 60_000)).toBeNull();
    // Another contact has a wait of its own.
    expect(nextSendAt(log, 'sam@example.com', T)).toBeNull();
  });

  it('counts the messages the API accepted, not the ones it refused with a 429', () => {
    let log = noteSendAnswer(empty, { contact: 'a@b.co', sent: true, until: T + 60_000, at: T });
    log = noteSendAnswer(log, { contact: 'a@b.co', sent: false, until: T + 120_000, at: T + 1_000 });
    expect(log.sends).toBe(1);
    // The 429's Retry-After is the wait that counts now.
    expect(nextSendAt(log, 'a@b.co', T + 90_000)).toBe(T + 120_000);
  });

  it('forgets the waits that are over, keeps the count', () => {
    const log: SendLog = { sends: 3, cooldowns: { old: T - 1, fresh: T + 1 } };
    expect(pruneSendLog(log, T)).toEqual({ sends: 3, cooldowns: { fresh: T + 1 } });
  });

  it('merges two history entries: the later wait per contact and the larger count', () => {
    const a: SendLog = { sends: 1, cooldowns: { x: T + 10_000, y: T + 5_000 } };
    const b: SendLog = { sends: 2, cooldowns: { x: T + 3_000, z: T - 1 } };
    expect(mergeSendLogs(a, b, T)).toEqual({ sends: 2, cooldowns: { x: T + 10_000, y: T + 5_000 } });
  });
});
