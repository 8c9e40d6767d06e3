import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_SUPPORT_AGENT, loadConfig } from '../../config';
import { deriveKeys } from '../../lib/crypto';
import { createAgentVerifier } from './agents';

describe('support tokens', () => {
  it('are read from SUPPORT_TOKENS as `name:token` pairs', () => {
    const config = loadConfig({
      SUPPORT_TOKENS:
        ' Alice Tremblay : alice-token-0123456789abcdefghij ,Bob:bob:token-with-colon-0123456789',
    });
    expect(config.support.agents).toEqual([
      { name: 'Alice Tremblay', token: 'alice-token-0123456789abcdefghij' },
      { name: 'Bob', token: 'bob:token-with-colon-0123456789' },
    ]);
    expect(config.support.usingDevToken).toBe(false);
  });

  it('default to the documented development agent, and to none in production', () => {
    expect(loadConfig({}).support).toMatchObject({ agents: [DEV_SUPPORT_AGENT], usingDevToken: true });
    expect(
      loadConfig({
        APP_ENV: 'production',
        SECRET_KEY: 'x'.repeat(40),
        PUBLIC_BASE_URL: 'https://help.example.com',
      }).support.agents,
    ).toEqual([]);
  });

  it('refuse short tokens, entries without a name and duplicates, naming each problem', () => {
    try {
      loadConfig({
        SUPPORT_TOKENS:
          'Alice:short,:no-name-token-0123456789abcdef,Bob:same-token-0123456789abcdef,Carl:same-token-0123456789abcdef',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'SUPPORT_TOKENS: the token of "Alice" must be at least 24 characters without spaces (e.g. `openssl rand -base64 32`)',
        'SUPPORT_TOKENS entries must look like `agent name:token`, separated by commas',
        'SUPPORT_TOKENS: "Carl" has the same token as another agent',
      ]);
    }
  });

  it('name the agent of an exact token only', () => {
    const verify = createAgentVerifier(deriveKeys('k'.repeat(40)), [
      { name: 'Alice', token: 'alice-token-0123456789abcdefghij' },
      { name: 'Bob', token: 'bob-token-0123456789abcdefghijklm' },
    ]);
    expect(verify('alice-token-0123456789abcdefghij')).toBe('Alice');
    expect(verify('bob-token-0123456789abcdefghijklm')).toBe('Bob');
    for (const wrong of [
      '',
      'alice-token-0123456789abcdefghi',
      'alice-token-0123456789abcdefghijk',
      'ALICE-token-0123456789abcdefghij',
    ])
      expect(verify(wrong)).toBeNull();
    expect(createAgentVerifier(deriveKeys('k'.repeat(40)), [])('anything')).toBeNull();
  });
});
