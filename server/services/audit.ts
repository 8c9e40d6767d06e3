import type { Db } from '../db/client';
import { auditLog } from '../db/schema';

/** Appends to the audit log (never a code, token, password or contact in clear). */
export async function audit(
  tx: Db,
  entry: {
    at: Date;
    actor: string;
    action: string;
    accountId?: string | null;
    requestId?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(auditLog).values({
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    accountId: entry.accountId ?? null,
    requestId: entry.requestId ?? null,
    details: entry.details ?? {},
  });
}
