import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { auditLog } from '../db/schema';
import type { SupportAccount } from '../services/support';
import { createTestServer, json, type TestServer } from './harness';

// The support API tests' server: two agents, a few failures before a cool-down, and the calls
// every test makes. Each suite that calls useSupportServer() gets a server of its own.

export const ALICE = 'alice-token-0123456789abcdefghij';
export const BOB = 'bob-token-0123456789abcdefghijklm';
export const alice = { authorization: `Bearer ${ALICE}` };

export type ErrorBody = { error: { code: string; message: string } };

export function useSupportServer() {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer({
      SUPPORT_TOKENS: `Alice Tremblay:${ALICE}, Bob:${BOB}`,
      IP_SEND_LIMIT: '10000',
      IP_VERIFY_LIMIT: '10000',
      FAILURES_BEFORE_COOLDOWN: '3',
      SUPPORT_AUTH_FAILURE_LIMIT: '1000',
    });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await server.reset();
  });
  const lookUp = async (contact: string, headers: Record<string, string> = alice) =>
    server.post('/api/v1/support/account-lookups', { contact }, headers);
  return {
    get server() {
      return server;
    },
    lookUp,
    /** The account as the support view shows it (the server's own type). */
    accountOf: async (contact: string) =>
      (await json<{ account: SupportAccount }>(await lookUp(contact))).account,
    act: async (id: string, action: string, body?: unknown, headers: Record<string, string> = alice) =>
      body === undefined
        ? server.app.request(`/api/v1/support/accounts/${id}/${action}`, { method: 'POST', headers })
        : server.post(`/api/v1/support/accounts/${id}/${action}`, body, headers),
    auditRows: (action: string) => server.ctx.db.select().from(auditLog).where(eq(auditLog.action, action)),
  };
}
