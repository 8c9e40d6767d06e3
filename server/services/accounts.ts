import { asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  accountEmployers,
  accounts,
  employers,
  type DeactivationReason,
  type LoginMethod,
  type StoredAccountStatus,
} from '../db/schema';
import { maskEmail, maskPhone, maskUsername, type ContactKind } from './contacts';

export interface AccountRecord {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  username: string | null;
  status: StoredAccountStatus;
  emailConfirmed: boolean;
  lockedAt: Date | null;
  lockedUntil: Date | null;
  deactivationReason: DeactivationReason | null;
  employers: { id: string; name: string; loginMethod: LoginMethod; active: boolean }[];
}

export type AccountStatus = 'active' | 'invited' | 'locked' | 'unconfirmed' | 'deactivated';

/** What a worker sees about their own account once they proved they hold the contact. */
export interface AccountView {
  status: AccountStatus;
  loginMethod: LoginMethod;
  smsEligible: boolean;
  emailOnFile: boolean;
  emailConfirmed: boolean;
  loginWith: { kind: ContactKind; masked: string };
  deactivationReason: DeactivationReason | null;
  locked: boolean;
  lockedUntil: string | null;
  employerName: string | null;
  employerCount: number;
}

const column = { email: accounts.email, phone: accounts.phone, username: accounts.username } as const;

/** The account a normalized contact names, with its employers (primary first), or null. */
export async function findAccountByContact(
  db: Db,
  kind: ContactKind,
  normalized: string,
): Promise<AccountRecord | null> {
  const found = await findAccountsByContacts(db, [{ kind, normalized }]);
  return found.get(`${kind}:${normalized}`) ?? null;
}

/**
 * The accounts several normalized contacts name, in two queries whatever their number: a map
 * from `kind:normalized` to the account, for the contacts on file.
 */
export async function findAccountsByContacts(
  db: Db,
  contacts: readonly { kind: ContactKind; normalized: string }[],
): Promise<Map<string, AccountRecord>> {
  const found = new Map<string, AccountRecord>();
  const of = (kind: ContactKind) => [
    ...new Set(contacts.filter((contact) => contact.kind === kind).map((contact) => contact.normalized)),
  ];
  const conditions = (['email', 'phone', 'username'] as const)
    .filter((kind) => of(kind).length > 0)
    .map((kind) => inArray(column[kind], of(kind)));
  if (conditions.length === 0) return found;
  const rows = await db
    .select()
    .from(accounts)
    .where(conditions.length === 1 ? conditions[0] : or(...conditions));
  if (rows.length === 0) return found;
  const links = await db
    .select({
      accountId: accountEmployers.accountId,
      id: employers.id,
      name: employers.name,
      loginMethod: employers.loginMethod,
      active: employers.active,
    })
    .from(accountEmployers)
    .innerJoin(employers, eq(employers.id, accountEmployers.employerId))
    .where(
      inArray(
        accountEmployers.accountId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(desc(accountEmployers.isPrimary), asc(employers.name));
  for (const row of rows) {
    const record = recordOf(
      row,
      links.filter((link) => link.accountId === row.id).map(({ accountId: _, ...employer }) => employer),
    );
    for (const kind of ['email', 'phone', 'username'] as const) {
      const value = row[kind];
      if (value) found.set(`${kind}:${value}`, record);
    }
  }
  return found;
}

export async function findAccountById(db: Db, id: string): Promise<AccountRecord | null> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
  return row ? withEmployers(db, row) : null;
}

async function withEmployers(db: Db, row: typeof accounts.$inferSelect): Promise<AccountRecord> {
  const links = await db
    .select({
      id: employers.id,
      name: employers.name,
      loginMethod: employers.loginMethod,
      active: employers.active,
    })
    .from(accountEmployers)
    .innerJoin(employers, eq(employers.id, accountEmployers.employerId))
    .where(eq(accountEmployers.accountId, row.id))
    .orderBy(desc(accountEmployers.isPrimary), asc(employers.name));
  return recordOf(row, links);
}

function recordOf(row: typeof accounts.$inferSelect, links: AccountRecord['employers']): AccountRecord {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    username: row.username,
    status: row.status,
    emailConfirmed: row.emailConfirmed,
    lockedAt: row.lockedAt,
    lockedUntil: row.lockedUntil,
    deactivationReason: row.deactivationReason,
    employers: links,
  };
}

export function isLocked(account: AccountRecord, now: Date): boolean {
  return Boolean(account.lockedAt) && (!account.lockedUntil || account.lockedUntil.getTime() > now.getTime());
}

export function loginMethodOf(account: AccountRecord): LoginMethod {
  return account.employers[0]?.loginMethod ?? 'code';
}

export function isSmsEligible(account: AccountRecord): boolean {
  return Boolean(account.phone?.startsWith('+1'));
}

/** One status, the most pressing first: deactivated, locked, invited, unconfirmed, active. */
export function statusOf(account: AccountRecord, now: Date): AccountStatus {
  if (account.status === 'deactivated') return 'deactivated';
  if (isLocked(account, now)) return 'locked';
  if (account.status === 'invited') return 'invited';
  if (account.email && !account.emailConfirmed) return 'unconfirmed';
  return 'active';
}

function loginWith(account: AccountRecord): AccountView['loginWith'] {
  if (account.username) return { kind: 'username', masked: maskUsername(account.username) };
  const method = loginMethodOf(account);
  if (method === 'code' && account.phone && isSmsEligible(account)) {
    return { kind: 'phone', masked: maskPhone(account.phone) };
  }
  if (account.email) return { kind: 'email', masked: maskEmail(account.email) };
  return { kind: 'phone', masked: maskPhone(account.phone ?? '') };
}

export function accountView(account: AccountRecord, now: Date): AccountView {
  const locked = isLocked(account, now);
  return {
    status: statusOf(account, now),
    loginMethod: loginMethodOf(account),
    smsEligible: isSmsEligible(account),
    emailOnFile: Boolean(account.email),
    emailConfirmed: account.emailConfirmed,
    loginWith: loginWith(account),
    deactivationReason: account.deactivationReason,
    locked,
    lockedUntil: locked && account.lockedUntil ? account.lockedUntil.toISOString() : null,
    employerName: account.employers[0]?.name ?? null,
    employerCount: account.employers.length,
  };
}
