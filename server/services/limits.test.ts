import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { openTestDatabase } from '../db/test-database';
import {
  hitFixedWindow,
  lockFailures,
  recordFailure,
  resetFailures,
  takeOncePer,
  takeSendSlot,
  takeSendSlots,
} from './limits';

const rules = { intervalSeconds: 60, perHour: 5, perDay: 10 };
const failureRules = { failuresBeforeCooldown: 10, cooldownSeconds: 900, hardCap: 100 };
const start = new Date('2030-01-15T14:00:00Z').getTime();
const at = (seconds: number) => new Date(start + seconds * 1000);

describe('limits', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });
  const slot = (key: string, seconds: number) =>
    database.db.transaction((tx) => takeSendSlot(tx, key, at(seconds), rules));

  it('keeps 60 s between sends to a contact', async () => {
    expect(await slot('send:a', 0)).toEqual({ allowed: true, retryAfterSeconds: 60 });
    expect(await slot('send:a', 59)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await slot('send:a', 60)).toEqual({ allowed: true, retryAfterSeconds: 60 });
  });

  it('decides requests arriving together in order, a new contact twice and one on record', async () => {
    await slot('send:known', 0);
    const together = await database.db.transaction((tx) =>
      takeSendSlots(tx, ['send:new', 'send:new', 'send:other', 'send:known'], at(60), rules),
    );
    expect(together).toEqual([
      { allowed: true, retryAfterSeconds: 60 },
      { allowed: false, retryAfterSeconds: 60 },
      { allowed: true, retryAfterSeconds: 60 },
      { allowed: true, retryAfterSeconds: 60 },
    ]);
    // Each send was kept: the next ones wait for the interval.
    for (const key of ['send:new', 'send:other', 'send:known'])
      expect(await slot(key, 90)).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it('allows 5 sends per sliding hour and 10 per sliding day', async () => {
    const times = [0, 60, 120, 180, 240];
    for (const t of times) expect((await slot('send:b', t)).allowed).toBe(true);
    // The fifth send says how long until the first one leaves the hour.
    expect(await slot('send:b', 300)).toEqual({ allowed: false, retryAfterSeconds: 3300 });
    expect((await slot('send:b', 3599)).allowed).toBe(false);
    for (const t of [3600, 3660, 3720, 3780, 3840]) expect((await slot('send:b', t)).allowed).toBe(true);
    const refused = await slot('send:b', 7300);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(86_400 - 7300);
    expect((await slot('send:b', 86_400)).allowed).toBe(true);
  });

  it('counts per client address in fixed windows', async () => {
    for (let i = 0; i < 30; i++)
      expect((await hitFixedWindow(database.db, 'ip:x', at(i), 300, 30)).allowed).toBe(true);
    expect(await hitFixedWindow(database.db, 'ip:x', at(100), 300, 30)).toEqual({
      allowed: false,
      retryAfterSeconds: 200,
    });
    expect((await hitFixedWindow(database.db, 'ip:x', at(300), 300, 30)).allowed).toBe(true);
  });

  it('lets one notice through per interval', async () => {
    expect(await database.db.transaction((tx) => takeOncePer(tx, 'notice:x', at(0), 86_400))).toBe(true);
    expect(await database.db.transaction((tx) => takeOncePer(tx, 'notice:x', at(3600), 86_400))).toBe(false);
    expect(await database.db.transaction((tx) => takeOncePer(tx, 'notice:x', at(86_400), 86_400))).toBe(true);
  });

  it('cools down after 10 failures, doubling, and blocks at the hard cap', async () => {
    const fail = (seconds: number) =>
      database.db.transaction(async (tx) => {
        const state = await lockFailures(tx, 'fail:x', at(seconds));
        if (state.state !== 'open') return state;
        return recordFailure(tx, 'fail:x', at(seconds), failureRules);
      });
    for (let i = 0; i < 9; i++) expect(await fail(0)).toEqual({ state: 'open' });
    expect(await fail(0)).toEqual({ state: 'cooling-down', retryAfterSeconds: 900 });
    expect(await fail(899)).toEqual({ state: 'cooling-down', retryAfterSeconds: 1 });
    for (let i = 0; i < 9; i++) expect(await fail(900)).toEqual({ state: 'open' });
    expect(await fail(900)).toEqual({ state: 'cooling-down', retryAfterSeconds: 1800 });
    let t = 2700;
    let last;
    for (let n = 20; n < 100; n++) {
      last = await fail(t);
      if (last.state === 'cooling-down') t += last.retryAfterSeconds;
    }
    expect(last).toEqual({ state: 'blocked' });
    expect((await fail(t + 365 * 86_400)).state).toBe('blocked');
  });

  it('a success resets the run of failures', async () => {
    await database.db.transaction(async (tx) => {
      await lockFailures(tx, 'fail:y', at(0));
      for (let i = 0; i < 9; i++) await recordFailure(tx, 'fail:y', at(0), failureRules);
      await resetFailures(tx, 'fail:y');
      expect(await recordFailure(tx, 'fail:y', at(0), failureRules)).toEqual({ state: 'open' });
    });
  });
});
