/**
 * A login code of `digits` digits from what a person types or pastes: full-width digits, spaces
 * (also no-break and zero-width ones), dashes, dots and underscores are tolerated
 * ("123 456", "１２３-４５６", "123.456"). Null when it cannot be such a code.
 */
export function normalizeCode(raw: string, digits: number): string | null {
  const code = raw.normalize('NFKC').replace(/[\s\u00a0\u202f\u200b-\u200d\u2060\ufeff.\-–—_]/g, '');
  return code.length === digits && /^\d+$/.test(code) ? code : null;
}
