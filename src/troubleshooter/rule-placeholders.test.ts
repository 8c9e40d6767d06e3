import { describe, expect, it } from 'vitest';
import { RULE_NAMES, ruleValues } from '../../shared/rules-text';
import { rulePlaceholders } from './rule-placeholders';
import { POLICY } from './test-model';

describe('rule placeholders', () => {
  it('names every rule the way Docusaurus interpolates ({\\w+}), with its words in the language', () => {
    const fr = rulePlaceholders(ruleValues(POLICY, 'fr'));
    expect(Object.keys(fr)).toHaveLength(RULE_NAMES.length);
    expect(Object.keys(fr).every((name) => /^\w+$/.test(name))).toBe(true);
    expect(fr).toMatchObject({
      codeDigits: '6',
      codeLifetime: '10 minutes',
      linkLifetime: '30 minutes',
      confirmationLifetime: '24 heures',
      codeGuesses: '5',
      passwordMinLength: '10',
    });
    expect(rulePlaceholders(ruleValues(POLICY, 'en')).confirmationLifetime).toBe('24 hours');
  });
});
