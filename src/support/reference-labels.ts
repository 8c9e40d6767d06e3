/**
 * The words the lookup page shows for what a troubleshooter reference code carries
 * (src/troubleshooter/reference-code.ts), in the agent's language.
 */
import { translate } from '@docusaurus/Translate';
import {
  EXAMPLE_REFERENCE_CODE,
  type DecodeResult,
  type ReferenceData,
} from '../troubleshooter/reference-code';
import { deactivationLabel, loginMethodLabel, purposeLabel, statusLabel } from './labels';

export type DecodeProblem = Extract<DecodeResult, { ok: false }>['reason'] | 'empty';

/** What the decoder knows of a problem beyond its reason: lengths, characters that do not belong. */
export interface ProblemDetails {
  length?: number;
  expected?: number;
  characters?: readonly string[];
}

export function decodeProblemLabel(problem: DecodeProblem, details: ProblemDetails = {}): string {
  switch (problem) {
    case 'empty':
      return translate({
        id: 'support.reference.error.empty',
        message: 'Enter the reference code the worker reads to you.',
        description: 'Reference decoder: nothing typed',
      });
    case 'length':
      if (details.length !== undefined && details.expected !== undefined)
        return details.length < details.expected
          ? translate(
              {
                id: 'support.reference.error.missing',
                message:
                  'Characters are missing: this code has {length}, a reference code has {expected}. Ask the worker to read it again, one group at a time.',
                description: 'Reference decoder: the code is shorter than a real one',
              },
              { length: details.length, expected: details.expected },
            )
          : translate(
              {
                id: 'support.reference.error.extra',
                message:
                  'There are characters too many: this code has {length}, a reference code has {expected}. Ask the worker to read it again, one group at a time.',
                description: 'Reference decoder: the code is longer than a real one',
              },
              { length: details.length, expected: details.expected },
            );
      return translate({
        id: 'support.reference.error.length',
        message: 'This code does not have the length of a reference code. Ask the worker to read it again.',
        description: 'Reference decoder: the code has the wrong length',
      });
    case 'format':
      return formatLabel(details.characters ?? []);
    case 'checksum':
      return translate({
        id: 'support.reference.error.checksum',
        message:
          'This code has a typo: its last character does not match the others. Ask the worker to read it again, one character at a time.',
        description: 'Reference decoder: the check character does not match',
      });
    case 'version':
      return translate({
        id: 'support.reference.error.version',
        message:
          'This code comes from a version of the troubleshooter this page cannot read. Reload the page to get the latest support tools.',
        description: 'Reference decoder: unknown code version',
      });
    case 'content':
      return translate({
        id: 'support.reference.error.content',
        message:
          'This code is damaged: it names steps or results that do not exist. Ask the worker to read it again.',
        description: 'Reference decoder: the check passes but the content is impossible',
      });
  }
}

function formatLabel(characters: readonly string[]): string {
  // Letters a code never has (U; I, L and O read as 1 and 0): say which, not "only letters".
  const letters = characters.filter((char) => /\p{L}/u.test(char));
  if (letters.length > 0)
    return translate(
      {
        id: 'support.reference.error.letters',
        message:
          'A reference code never contains “{letters}”: ask the worker to read that character again (it may be a V).',
        description: 'Reference decoder: the code has letters outside its alphabet, such as U',
      },
      { letters: letters.join(', ') },
    );
  return translate(
    {
      id: 'support.reference.error.format',
      message:
        'This is not a reference code: it has only digits and letters, for example {example}. Check what the worker read.',
      description: 'Reference decoder: characters that are neither digits nor letters',
    },
    { example: EXAMPLE_REFERENCE_CODE },
  );
}

export function referenceContactLabel(contact: ReferenceData['contact']): string {
  switch (contact) {
    case 'none':
      return translate({
        id: 'support.reference.contact.none',
        message: 'None typed',
        description: 'Reference decoder: the worker typed no contact',
      });
    case 'phone-sms':
      return translate({
        id: 'support.reference.contact.phoneSms',
        message: 'A +1 mobile number (text messages possible)',
        description: 'Reference decoder: contact kind',
      });
    case 'phone-no-sms':
      return translate({
        id: 'support.reference.contact.phoneNoSms',
        message: 'A phone number outside North America (no text messages)',
        description: 'Reference decoder: contact kind',
      });
    case 'email':
      return translate({
        id: 'support.reference.contact.email',
        message: 'An email address',
        description: 'Reference decoder: contact kind',
      });
    case 'username':
      return translate({
        id: 'support.reference.contact.username',
        message: 'A username (nothing can be sent to it)',
        description: 'Reference decoder: contact kind',
      });
    case 'invalid':
      return translate({
        id: 'support.reference.contact.invalid',
        message: 'Neither a phone number nor an email address',
        description: 'Reference decoder: contact kind',
      });
  }
}

export function referencePurposeLabel(purpose: ReferenceData['purpose']): string {
  return purpose === null
    ? translate({
        id: 'support.reference.purpose.none',
        message: 'Nothing asked for',
        description: 'Reference decoder: the worker did not ask for a message',
      })
    : purposeLabel(purpose);
}

export function referenceRequestLabel(request: ReferenceData['request']): string {
  switch (request) {
    case 'none':
      return translate({
        id: 'support.reference.request.none',
        message: 'None asked: the troubleshooter had nothing to send',
        description: 'Reference decoder: help-request outcome',
      });
    case 'sent':
      return translate({
        id: 'support.reference.request.sent',
        message: 'Accepted: sent if the contact is on file',
        description: 'Reference decoder: help-request outcome',
      });
    case 'rate-limited':
      return translate({
        id: 'support.reference.request.rateLimited',
        message: 'Held back: a message was sent moments before (cool-down)',
        description: 'Reference decoder: help-request outcome',
      });
    case 'unreachable':
      return translate({
        id: 'support.reference.request.unreachable',
        message: 'The help center could not be reached',
        description: 'Reference decoder: help-request outcome',
      });
    case 'rejected':
      return translate({
        id: 'support.reference.request.rejected',
        message: 'Refused: the contact could not be used',
        description: 'Reference decoder: help-request outcome',
      });
  }
}

export function referenceSendsLabel(sends: number): string {
  return sends >= 3
    ? translate({
        id: 'support.reference.sends.many',
        message: '3 or more',
        description: 'Reference decoder: messages sent, at the most the code can say',
      })
    : String(sends);
}

export function referenceVerificationLabel(verification: ReferenceData['verification']): string {
  switch (verification) {
    case 'none':
      return translate({
        id: 'support.reference.verification.none',
        message: 'No code entered',
        description: 'Reference decoder: code verification result',
      });
    case 'verified':
      return translate({
        id: 'support.reference.verification.verified',
        message: 'Code verified: the worker owns the contact',
        description: 'Reference decoder: code verification result',
      });
    case 'invalid':
      return translate({
        id: 'support.reference.verification.invalid',
        message: 'Wrong or expired code',
        description: 'Reference decoder: code verification result',
      });
    case 'unreachable':
      return translate({
        id: 'support.reference.verification.unreachable',
        message: 'The help center could not be reached',
        description: 'Reference decoder: code verification result',
      });
  }
}

function deactivatedBecause(reason: string): string {
  // After a colon, in both languages: "Deactivated: merged into another account".
  const lowered = reason.charAt(0).toLocaleLowerCase() + reason.slice(1);
  return translate(
    {
      id: 'support.reference.account.deactivatedBecause',
      message: 'Deactivated: {reason}',
      description: 'Reference decoder: a deactivated account and why (the reason is already translated)',
    },
    { reason: lowered },
  );
}

export function referenceAccountLabel(account: ReferenceData['account']): string {
  switch (account) {
    case 'unknown':
      return translate({
        id: 'support.reference.account.unknown',
        message: 'Not known (no code was verified)',
        description: 'Reference decoder: the account state is unknown',
      });
    case 'deactivated-merged':
      return deactivatedBecause(deactivationLabel('merged'));
    case 'deactivated-removed':
      return deactivatedBecause(deactivationLabel('removed-by-employer'));
    case 'deactivated-employer-left':
      return deactivatedBecause(deactivationLabel('employer-left'));
    default:
      return statusLabel(account);
  }
}

export function referenceLoginMethodLabel(method: ReferenceData['loginMethod']): string {
  return method === 'unknown'
    ? translate({
        id: 'support.reference.method.unknown',
        message: 'Not known',
        description: 'Reference decoder: the login method is unknown',
      })
    : loginMethodLabel(method, null);
}
