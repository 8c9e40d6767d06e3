import type { Db } from '../db/client';
import type { Channel, Purpose } from '../db/schema';
import {
  enqueueDeliveries,
  type ClaimedDelivery,
  type ClaimOnQueue,
  type NewDelivery,
} from '../messaging/outbox';
import {
  renderEmail,
  renderSms,
  type CodeNote,
  type MessageVars,
  type Template,
} from '../messaging/templates';
import type { Locale } from '../../shared/locale';
import { loginMethodOf, type AccountRecord } from './accounts';
import { maskContact, type ContactKind } from './contacts';
import type { ServiceContext } from './context';
import { issueSecrets, type IssueRequest } from './secrets';

/** The secret each template carries, by what it is for. */
const PURPOSE_OF_TEMPLATE: Partial<Record<Template, Purpose>> = {
  'login-code': 'login-code',
  'unlock-link': 'unlock',
  'confirmation-link': 'confirmation',
  'password-reset-link': 'password-reset',
  'login-link': 'login-link',
};

/** The page of the help center each link opens. */
const LINK_PAGE: Partial<Record<Template, string>> = {
  'unlock-link': 'unlock',
  'confirmation-link': 'confirm-email',
  'password-reset-link': 'reset-password',
  'login-link': 'login-link',
};

/** How long what a request sends stays valid: the same whoever the contact is. */
export function lifetimeSeconds(ctx: ServiceContext, purpose: Purpose): number {
  const s = ctx.config.security;
  if (purpose === 'login-code') return s.codeTtlSeconds;
  if (purpose === 'confirmation') return s.confirmationTtlSeconds;
  return s.linkTtlSeconds;
}

/** A help-center page of the worker's language under `publicBaseUrl` (`/fr` in front in French). */
export function localizedUrl(publicBaseUrl: string, locale: Locale, path: string): string {
  return `${publicBaseUrl}${locale === 'fr' ? '/fr' : ''}${path}`;
}

/** A help-center page of the worker's language, from the configured base URL (never the Host header). */
export function pageUrl(ctx: ServiceContext, locale: Locale, path: string): string {
  return localizedUrl(ctx.config.publicBaseUrl, locale, path);
}

export interface MessageOrder {
  template: Template;
  channel: Channel;
  locale: Locale;
  /** Who receives it (normalized), and the HMAC key of that contact. */
  to: { kind: ContactKind; value: string; key: string };
  account: AccountRecord | null;
  /**
   * The contact a code or link is bound to: the one the worker typed and will verify with (a
   * username's messages go to the email on file, its code stays bound to the username).
   */
  boundTo: { contact: string; key: string };
  helpRequestId: string | null;
  note?: CodeNote;
  now: Date;
}

/**
 * Queues messages, in the caller's transaction: issues the code or link token each template
 * carries (voiding the earlier ones), renders each in its recipient's language and puts them in
 * the outbox for the delivery worker, in a few statements whatever their number. Help requests
 * and support actions both send through here. With `claim` (the worker), the first ones are
 * queued already taken for sending and returned, for the worker to send after the commit.
 */
export async function queueMessages(
  tx: Db,
  ctx: ServiceContext,
  orders: readonly MessageOrder[],
  claim?: ClaimOnQueue,
): Promise<ClaimedDelivery[]> {
  if (orders.length === 0) return [];
  const carrying = orders
    .map((order, index) => ({ order, index, purpose: PURPOSE_OF_TEMPLATE[order.template] }))
    .filter((entry): entry is { order: MessageOrder; index: number; purpose: Purpose } =>
      Boolean(entry.purpose),
    );
  const secrets = await issueSecrets(
    tx,
    ctx.keys,
    carrying.map(({ order, purpose }): IssueRequest => {
      if (!order.account) throw new Error(`${order.template} needs an account`);
      const issue = {
        purpose,
        contact: order.boundTo.contact,
        contactKey: order.boundTo.key,
        accountId: order.account.id,
        now: order.now,
        ttlSeconds: lifetimeSeconds(ctx, purpose),
      };
      return order.template === 'login-code'
        ? { ...issue, kind: 'code', digits: ctx.config.security.codeDigits }
        : { ...issue, kind: 'token' };
    }),
  );
  const secretOf = new Map(carrying.map(({ index }, i) => [index, secrets[i]]));
  const { claimed } = await enqueueDeliveries(
    tx,
    ctx.keys,
    orders.map((order, index) => rendered(ctx, order, secretOf.get(index))),
    claim,
  );
  return claimed;
}

/** Queues one message: {@link queueMessages} with one order. */
export async function queueMessage(tx: Db, ctx: ServiceContext, order: MessageOrder): Promise<void> {
  await queueMessages(tx, ctx, [order]);
}

/** A message in its recipient's language, with the code or the link of `secret`, ready for the outbox. */
function rendered(ctx: ServiceContext, order: MessageOrder, secret: string | undefined): NewDelivery {
  const { account, locale, template } = order;
  const vars: MessageVars = {
    firstName: account?.name.split(/\s+/)[0] ?? null,
    host: new URL(ctx.config.publicBaseUrl).hostname,
    helpCenterUrl: pageUrl(ctx, locale, '/'),
    loginMethod: account ? loginMethodOf(account) : undefined,
    username: account?.username ?? null,
    employerName: account?.employers[0]?.name ?? null,
    deactivationReason: account?.deactivationReason ?? null,
    hasEmailOnFile: Boolean(account?.email),
    validSeconds: 0,
    brand: ctx.config.brand,
    rules: ctx.config.security,
    note: order.note,
  };
  const codes: string[] = [];
  const links: string[] = [];
  const purpose = PURPOSE_OF_TEMPLATE[template];
  if (purpose && secret !== undefined) {
    vars.validSeconds = lifetimeSeconds(ctx, purpose);
    if (template === 'login-code') {
      vars.code = secret;
      codes.push(secret);
    } else {
      vars.link = pageUrl(ctx, locale, `/account/${LINK_PAGE[template]}#token=${secret}`);
      links.push(vars.link);
    }
  }
  const email = order.channel === 'email' ? renderEmail(template, locale, vars) : null;
  return {
    helpRequestId: order.helpRequestId,
    accountId: account?.id ?? null,
    contactKey: order.to.key,
    channel: order.channel,
    template,
    locale,
    recipientMasked: maskContact(order.to.kind, order.to.value),
    payload: {
      to: order.to.value,
      subject: email?.subject ?? null,
      text: email ? email.text : renderSms(template, locale, vars),
      html: email?.html ?? null,
      codes,
      links,
    },
    now: order.now,
  };
}
