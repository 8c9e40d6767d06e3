import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SupportAgent } from '../../config';
import type { Keys } from '../../lib/crypto';

/**
 * Finds the agent a presented support token belongs to. Every configured token is compared, in
 * constant time, as HMACs of equal length: neither the time taken nor an early exit tells how
 * much of a token was right, or which agent came close.
 */
export function createAgentVerifier(keys: Keys, agents: SupportAgent[]) {
  const digest = (token: string) =>
    createHmac('sha256', keys.hmac).update('support-token\u0000').update(token).digest();
  const known = agents.map((agent) => ({ name: agent.name, digest: digest(agent.token) }));
  return (presented: string): string | null => {
    const given = digest(presented);
    let found: string | null = null;
    for (const agent of known) {
      if (timingSafeEqual(agent.digest, given) && found === null) found = agent.name;
    }
    return found;
  };
}

/** How an agent appears in the audit log. */
export const agentActor = (agent: string) => `support:${agent}`;

export interface AgentRequest {
  agent: string;
  requestId: string | null;
}
