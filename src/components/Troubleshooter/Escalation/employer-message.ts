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
              'I cannot log in to {product}: I do not think my account exists yet. Could you invite me, with my phone number or email address?',
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

/** A `mailto:` link that opens the mail app with the message written. */
export function mailto(to: string, subject: string, body: string): string {
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/**
 * The whole message to the employer: the request, the reference code and where their guide says
 * how to do it (`guideUrl`: the employers' article, absolute, in the worker's language).
 */
export function employerMessageBody({
  reason,
  product,
  code,
  guideUrl,
}: {
  reason: EmployerReason;
  product: string;
  code: string;
  guideUrl: string;
}): { subject: string; body: string } {
  const message = employerMessage(reason, product);
  const body = [
    translate({
      id: 'troubleshooter.employer.greeting',
      message: 'Hello,',
      description: 'Email to the employer: greeting',
    }),
    message.request,
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
    translate({
      id: 'troubleshooter.employer.thanks',
      message: 'Thank you.',
      description: 'Email to the employer: closing',
    }),
  ].join('\n\n');
  return { subject: message.subject, body };
}
