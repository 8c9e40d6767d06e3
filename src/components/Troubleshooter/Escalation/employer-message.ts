/** The ready message a worker sends their employer: what to do, for which reason, and where it is explained. */
import { translate } from '@docusaurus/Translate';
import type { EmployerReason } from '../../../troubleshooter/steps';

/** The section of the employers' article that tells them how to do what the worker asks. */
export const EMPLOYER_SECTION: Record<EmployerReason, string> = {
  invite: 'resend-invitation',
  'check-contact': 'check-contact-details',
  'add-email': 'check-contact-details',
  'access-code': 'temporary-password',
  username: 'check-contact-details',
  'primary-email': 'check-contact-details',
  reactivate: 'reactivate-account',
  general: 'check-contact-details',
};

export function employerMessage(
  reason: EmployerReason,
  product: string,
): { subject: string; request: string } {
  switch (reason) {
    case 'invite':
      return {
        subject: translate(
          {
            id: 'troubleshooter.employer.invite.subject',
            message: 'Please invite me to {product}',
            description: 'Email subject to the employer',
          },
          { product },
        ),
        request: translate(
          {
            id: 'troubleshooter.employer.invite.body',
            message:
              'I cannot log in to {product}: I do not think my account exists yet. Could you invite me?',
            description: 'Email to the employer: the request',
          },
          { product },
        ),
      };
    case 'add-email':
      return {
        subject: translate(
          {
            id: 'troubleshooter.employer.addEmail.subject',
            message: 'Please add my email address in {product}',
            description: 'Email subject to the employer',
          },
          { product },
        ),
        request: translate(
          {
            id: 'troubleshooter.employer.addEmail.body',
            message:
              'My phone number cannot receive the login codes of {product}, so I need to log in by email. Could you add my email address to my profile?',
            description: 'Email to the employer: the request',
          },
          { product },
        ),
      };
    case 'access-code':
      return {
        subject: translate(
          {
            id: 'troubleshooter.employer.accessCode.subject',
            message: 'Temporary access code for {product}',
            description: 'Email subject to the employer',
          },
          { product },
        ),
        request: translate(
          {
            id: 'troubleshooter.employer.accessCode.body',
            message:
              'I forgot my password for {product} and there is no email address in my profile. Could you give me a temporary access code?',
            description: 'Email to the employer: the request',
          },
          { product },
        ),
      };
    case 'username':
      return {
        subject: translate(
          {
            id: 'troubleshooter.employer.username.subject',
            message: 'My username in {product}',
            description: 'Email subject to the employer',
          },
          { product },
        ),
        request: translate(
          {
            id: 'troubleshooter.employer.username.body',
            message:
              'My {product} account logs in with a username and I do not know it. Could you tell me my username?',
            description: 'Email to the employer: the request',
          },
          { product },
        ),
      };
    case 'primary-email':
      return {
        subject: translate(
          {
            id: 'troubleshooter.employer.primaryEmail.subject',
            message: 'My primary email in {product}',
            description: 'Email subject to the employer',
          },
          { product },
        ),
        request: translate(
          {
            id: 'troubleshooter.employer.primaryEmail.body',
            message:
              '{product} tells me "invalid user or password". Could you tell me which email address is the primary one in my profile?',
            description: 'Email to the employer: the request',
          },
          { product },
        ),
      };
    case 'reactivate':
      return {
        subject: translate(
          {
            id: 'troubleshooter.employer.reactivate.subject',
            message: 'Please reactivate my {product} account',
            description: 'Email subject to the employer',
          },
          { product },
        ),
        request: translate(
          {
            id: 'troubleshooter.employer.reactivate.body',
            message:
              'My {product} account was deactivated and I still work with you. Could you reactivate it?',
            description: 'Email to the employer: the request',
          },
          { product },
        ),
      };
    case 'check-contact':
    case 'general':
    default:
      return {
        subject: translate(
          {
            id: 'troubleshooter.employer.checkContact.subject',
            message: 'Please check my details in {product}',
            description: 'Email subject to the employer',
          },
          { product },
        ),
        request: translate(
          {
            id: 'troubleshooter.employer.checkContact.body',
            message:
              'I cannot log in to {product}. Could you check the phone number and email address in my profile? They must be exactly the ones I use to log in.',
            description: 'Email to the employer: the request',
          },
          { product },
        ),
      };
  }
}

/** The contact the worker typed, as the check saw it: their own details, for their own employer. */
export interface TypedContact {
  kind: 'phone' | 'email';
  value: string;
}

/**
 * The line that tells the employer which details to look for. Blank after its colon when the
 * worker typed nothing (the message is theirs to complete before they send it); for an email to
 * add, the email line whatever they typed.
 */
export function contactLine(reason: EmployerReason, contact: TypedContact | null): string {
  const wanted = reason === 'add-email' ? 'email' : (contact?.kind ?? null);
  const value = contact && contact.kind === wanted ? contact.value : '';
  if (wanted === 'phone') {
    return translate(
      {
        id: 'troubleshooter.employer.contact.phone',
        message: 'My phone number: {contact}',
        description: 'Email to the employer: the phone number the worker typed',
      },
      { contact: value },
    ).trimEnd();
  }
  if (wanted === 'email') {
    return translate(
      {
        id: 'troubleshooter.employer.contact.email',
        message: 'My email address: {contact}',
        description: 'Email to the employer: the email address the worker typed (or to fill in)',
      },
      { contact: value },
    ).trimEnd();
  }
  return translate({
    id: 'troubleshooter.employer.contact.unknown',
    message: 'My phone number or email address:',
    description: 'Email to the employer: a line the worker completes with their details',
  });
}

/** Articles of the employers' guide that also help with a reason, beside its section of the guide. */
export const EMPLOYER_MORE: Partial<Record<EmployerReason, string>> = {
  invite: 'worker-login-status#invitation-status',
  'add-email': 'change-login-method#code-by-email',
  username: 'change-login-method#password-or-username',
};

/**
 * The public origin links in a message are built from: the site's configured URL (SITE_URL at
 * build), unless the build kept the local default and the page is served from elsewhere, where
 * the page's own origin is the public one. Never a localhost link in a message sent from production.
 */
export function publicOrigin(siteUrl: string, pageOrigin: string | null): string {
  const loopback = (url: string) =>
    /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(url.replace(/\/$/, ''));
  if (pageOrigin && loopback(siteUrl) && !loopback(pageOrigin)) return pageOrigin;
  return siteUrl.replace(/\/$/, '');
}

/** A `mailto:` link that opens the mail app with the message written. */
export function mailto(to: string, subject: string, body: string): string {
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/**
 * The whole message to the employer: the request, the details the worker typed, the reference code
 * and where their guide says how to do it (`guideUrl`: the employers' article, absolute, in the
 * worker's language).
 */
export function employerMessageBody({
  reason,
  product,
  code,
  guideUrl,
  contact = null,
}: {
  reason: EmployerReason;
  product: string;
  code: string;
  guideUrl: string;
  contact?: TypedContact | null;
}): { subject: string; body: string } {
  const message = employerMessage(reason, product);
  const more = EMPLOYER_MORE[reason];
  const body = [
    translate({
      id: 'troubleshooter.employer.greeting',
      message: 'Hello,',
      description: 'Email to the employer: greeting',
    }),
    message.request,
    contactLine(reason, contact),
    translate(
      {
        id: 'troubleshooter.employer.reference',
        message: 'Reference code from the login help center: {code}',
        description: 'Email to the employer',
      },
      { code },
    ),
    translate(
      {
        id: 'troubleshooter.employer.howTo',
        message: 'How to do it: {url}',
        description: 'Email to the employer: link to the employers article',
      },
      { url: `${guideUrl}#${EMPLOYER_SECTION[reason]}` },
    ),
    ...(more
      ? [
          translate(
            {
              id: 'troubleshooter.employer.seeAlso',
              message: 'See also: {url}',
              description: 'Email to the employer: a second article of the employers guide',
            },
            { url: new URL(more, guideUrl).href },
          ),
        ]
      : []),
    translate({
      id: 'troubleshooter.employer.thanks',
      message: 'Thank you.',
      description: 'Email to the employer: closing',
    }),
  ].join('\n\n');
  return { subject: message.subject, body };
}
