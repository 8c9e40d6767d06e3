import type { Channel, Purpose } from '../db/schema';
import type { Locale } from '../../shared/locale';
import type { ValidContact } from './contacts';

/**
 * What accepting a help request takes and answers: the types the main thread and the database's
 * thread share (server/jobs/database-thread.ts), apart from the code, so that the service context
 * can name them without importing the service.
 */
export type AcceptResult =
  | { status: 'accepted'; retryAfterSeconds: number; expiresInSeconds: number }
  | { status: 'rate-limited'; retryAfterSeconds: number };

export interface HelpRequestInput {
  contact: ValidContact;
  purpose: Purpose;
  channel: Channel;
  locale: Locale;
  requestId: string | null;
  /** Whom the per-client limit counts (the client's address, as the limits see it). */
  clientAddress: string;
}
