import { describe, expect, it } from 'vitest';
import {
  adapterReason,
  twilioFinalState,
  twilioReason,
  twilioSignature,
  twilioSignatureValid,
  webhookSignature,
  webhookSignatureValid,
} from './receipts';

describe('Twilio request signatures', () => {
  // The example of Twilio's security documentation: its URL, parameters, auth token and signature.
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params = new URLSearchParams({
    CallSid: 'CA1234567890ABCDE',
    Caller: '+12349013030',
    Digits: '1234',
    From: '+12349013030',
    To: '+18005551212',
  });

  it('signs the URL and the parameters sorted by name as Twilio does', () => {
    expect(twilioSignature('12345', url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    // The order the parameters come in does not matter; their names and values do.
    const shuffled = new URLSearchParams([...params.entries()].reverse());
    expect(twilioSignatureValid('12345', url, shuffled, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(true);
  });

  it('refuses another token, another URL, a changed, added or removed parameter, and no signature', () => {
    const good = '0/KCTR6DLpKmkAf8muzZqo1nDgQ=';
    expect(twilioSignatureValid('54321', url, params, good)).toBe(false);
    expect(twilioSignatureValid('12345', 'https://mycompany.com/myapp.php', params, good)).toBe(false);
    const changed = new URLSearchParams(params);
    changed.set('Digits', '1235');
    expect(twilioSignatureValid('12345', url, changed, good)).toBe(false);
    const added = new URLSearchParams(params);
    added.set('ErrorCode', '30003');
    expect(twilioSignatureValid('12345', url, added, good)).toBe(false);
    const removed = new URLSearchParams(params);
    removed.delete('Caller');
    expect(twilioSignatureValid('12345', url, removed, good)).toBe(false);
    expect(twilioSignatureValid('12345', url, params, undefined)).toBe(false);
    expect(twilioSignatureValid('12345', url, params, '')).toBe(false);
    expect(twilioSignatureValid('12345', url, params, 'not base64 at all')).toBe(false);
  });
});

describe('webhook receipt signatures', () => {
  const body = '{"id":"x","status":"delivered","timestamp":1894975200}';
  const secret = 'a-webhook-secret-of-some-length';

  it('are sha256=<hex HMAC-SHA256 of the raw body>', () => {
    const header = webhookSignature(secret, body);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(webhookSignatureValid(secret, body, header)).toBe(true);
    expect(webhookSignatureValid(secret, body, header.toUpperCase().replace('SHA256', 'sha256'))).toBe(true);
  });

  it('refuse another secret, another body (even one space), a missing or malformed header', () => {
    const header = webhookSignature(secret, body);
    expect(webhookSignatureValid('another-secret-of-some-length', body, header)).toBe(false);
    expect(webhookSignatureValid(secret, body.replace('delivered', 'failed'), header)).toBe(false);
    expect(webhookSignatureValid(secret, `${body} `, header)).toBe(false);
    expect(webhookSignatureValid(secret, body, undefined)).toBe(false);
    expect(webhookSignatureValid(secret, body, header.slice('sha256='.length))).toBe(false);
    expect(webhookSignatureValid(secret, body, 'sha256=abc')).toBe(false);
  });
});

describe('what a receipt means', () => {
  it('ends a message only on a final status', () => {
    expect(['queued', 'sending', 'sent', 'accepted', 'scheduled', null].map(twilioFinalState)).toEqual(
      Array(6).fill(null),
    );
    expect(['delivered', 'read', 'undelivered', 'failed'].map(twilioFinalState)).toEqual([
      'delivered',
      'delivered',
      'undelivered',
      'failed',
    ]);
  });

  it('names the provider’s error codes support needs, and keeps the others', () => {
    expect(['30003', '30005', '30006', '30007', '30004', '21610', '30008'].map(twilioReason)).toEqual([
      'unreachable',
      'unknown-number',
      'landline',
      'carrier-filtered',
      'blocked',
      'opted-out',
      'unknown-error',
    ]);
    expect(twilioReason('30034')).toBe('error 30034');
    expect(twilioReason(null)).toBeNull();
    expect(twilioReason('0')).toBeNull();
    expect(adapterReason('  no\u0000route\n to host ')).toBe('no route to host');
    expect(adapterReason('x'.repeat(200))).toHaveLength(80);
    expect(adapterReason('')).toBeNull();
  });
});
