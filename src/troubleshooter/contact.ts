/** Small, pure helpers for what the worker types: login codes and contacts. */

/**
 * A login code as typed or pasted: full-width digits, spaces, dashes and dots are tolerated
 * ("123 456", "１２３-４５６"). Returns the six digits, or null when it cannot be a code.
 */
export function normalizeCode(raw: string): string | null {
  const digits = raw.normalize('NFKC').replace(/[\s\u00a0\u202f.\-–—_]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * Hides most of a contact on screen (shoulder surfing, screenshots sent to others) while leaving
 * enough for the worker to recognise it: "+1 ••• •••-••34", "j•••@gmail.com".
 */
export function maskContact(contact: string): string {
  const value = contact.trim();
  const at = value.lastIndexOf('@');
  if (at > 0) {
    const local = value.slice(0, at);
    return `${local.slice(0, 1)}•••@${value.slice(at + 1)}`;
  }
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 4) {
    const last = digits.slice(-2);
    if (value.startsWith('+1') && digits.length === 11) return `+1 ••• •••-••${last}`;
    // Country codes run 1 to 3 digits; guessing one wrong would mislead, so only +1 is spelled out.
    return `${value.startsWith('+') ? '+' : ''}••• ••• ••${last}`;
  }
  return '•••';
}
