import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '.';

describe('loadConfig', () => {
  it('has safe development defaults and the SECURITY.md numbers', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      appEnv: 'development',
      host: '127.0.0.1',
      port: 3000,
      dataDir: './data',
      databaseUrl: null,
      publicBaseUrl: 'http://localhost:3000',
      seedDemo: true,
      usingDevSecret: true,
      corsOrigins: [],
      trustedProxies: [],
    });
    expect(config.security).toMatchObject({
      codeDigits: 6,
      codeTtlSeconds: 600,
      linkTtlSeconds: 1800,
      confirmationTtlSeconds: 86_400,
      codeMaxGuesses: 5,
      failuresBeforeCooldown: 10,
      cooldownSeconds: 900,
      failuresHardCap: 100,
      resendIntervalSeconds: 60,
      sendsPerHour: 5,
      sendsPerDay: 10,
      ipWindowSeconds: 300,
      ipSendLimit: 30,
      ipVerifyLimit: 60,
      bodyLimitBytes: 8192,
    });
  });

  it('fails fast in production without a secret or a public URL, naming each variable', () => {
    expect(() => loadConfig({ APP_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig({ APP_ENV: 'production', PORT: 'eighty' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('SECRET_KEY is required in production');
      expect(message).toContain('PUBLIC_BASE_URL is required in production');
      expect(message).toContain('PORT');
    }
  });

  it('reads lists, booleans and numbers, and treats empty variables as unset', () => {
    const config = loadConfig({
      APP_ENV: 'production',
      SECRET_KEY: 'x'.repeat(40),
      PUBLIC_BASE_URL: 'https://help.example.com/',
      CORS_ORIGINS: 'https://a.example.com, https://b.example.com/',
      TRUSTED_PROXIES: '10.0.0.0/8,::1',
      SEED_DEMO: 'yes',
      IP_SEND_LIMIT: '100',
      DATABASE_URL: '',
    });
    expect(config.publicBaseUrl).toBe('https://help.example.com');
    expect(config.corsOrigins).toEqual(['https://a.example.com', 'https://b.example.com']);
    expect(config.trustedProxies).toEqual(['10.0.0.0/8', '::1']);
    expect(config.seedDemo).toBe(true);
    expect(config.security.ipSendLimit).toBe(100);
    expect(config.databaseUrl).toBeNull();
    expect(config.keepSentPayloads).toBe(false);
  });

  it('requires the settings of the chosen SMS provider', () => {
    expect(() => loadConfig({ SMS_PROVIDER: 'twilio' })).toThrow(/TWILIO_ACCOUNT_SID is required/);
    expect(() => loadConfig({ SMS_PROVIDER: 'webhook' })).toThrow(/SMS_WEBHOOK_URL is required/);
    expect(() => loadConfig({ SMS_PROVIDER: 'carrier-pigeon' })).toThrow(/SMS_PROVIDER/);
  });

  it('judges a channel down when a code would be dead on arrival, whatever the code lifetime', () => {
    expect(loadConfig({}).service).toMatchObject({
      windowSeconds: 600,
      delayedAfterSeconds: 120,
      downAfterSeconds: 600,
    });
    // A shorter code lifetime moves the window and both waits with it (and starts).
    expect(loadConfig({ CODE_TTL_SECONDS: '90' }).service).toMatchObject({
      windowSeconds: 90,
      delayedAfterSeconds: 90,
      downAfterSeconds: 90,
    });
    expect(loadConfig({ CODE_TTL_SECONDS: '1800', SERVICE_DOWN_AFTER_SECONDS: '300' }).service).toMatchObject(
      { windowSeconds: 1800, delayedAfterSeconds: 120, downAfterSeconds: 300 },
    );
    expect(() => loadConfig({ SERVICE_DELAYED_AFTER_SECONDS: '700' })).toThrow(
      /SERVICE_DELAYED_AFTER_SECONDS must not be above SERVICE_DOWN_AFTER_SECONDS/,
    );
    expect(() => loadConfig({ SERVICE_DELAYED_PERCENT: '90' })).toThrow(
      /SERVICE_DELAYED_PERCENT must not be above SERVICE_DOWN_PERCENT/,
    );
  });
});
