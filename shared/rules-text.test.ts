import { describe, expect, it } from 'vitest';
import { loadRules } from '../server/config/public';
import { RULE_NAMES, ruleText, ruleValues } from './rules-text';

const POLICY = loadRules({});

describe('how a rule is said', () => {
  it('names every rule the way Docusaurus interpolates ({\\w+}), with its words in the language', () => {
    const fr = ruleValues(POLICY, 'fr');
    expect(Object.keys(fr)).toHaveLength(RULE_NAMES.length);
    expect(Object.keys(fr).every((name) => /^\w+$/.test(name))).toBe(true);
    expect(fr).toMatchObject({
      codeDigits: '6',
      codeLifetime: '10\u00a0minutes',
      linkLifetime: '30\u00a0minutes',
      confirmationLifetime: '24\u00a0heures',
      codeGuesses: '5',
      passwordMinLength: '10',
    });
    expect(ruleValues(POLICY, 'en').confirmationLifetime).toBe('24 hours');
  });

  it('says durations as people do, in whole units, with the French no-break space', () => {
    const rules = loadRules({
      CODE_TTL_SECONDS: '90',
      RESEND_INTERVAL_SECONDS: '60',
      LINK_TTL_SECONDS: '7200',
    });
    expect(ruleText(rules, 'code-lifetime', 'en')).toBe('90 seconds');
    expect(ruleText(rules, 'resend-interval', 'en')).toBe('1 minute');
    expect(ruleText(rules, 'resend-interval', 'fr')).toBe('1\u00a0minute');
    expect(ruleText(rules, 'link-lifetime', 'fr')).toBe('2\u00a0heures');
    expect(ruleText(loadRules({ CONFIRMATION_TTL_SECONDS: '604800' }), 'confirmation-lifetime', 'en')).toBe(
      '7 days',
    );
  });
});
