import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deliveries } from '../db/schema';
import { createTestServer, type TestServer } from '../testing/harness';
import { backoffMs } from '../jobs/worker';

/** A local SMTP server that parses what it receives; it can refuse recipients. */
function startSmtp(port = 0, refuse = false) {
  const received: ParsedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refuse) {
        const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        callback(error);
      } else callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  return new Promise<{ smtp: SMTPServer; port: number; received: ParsedMail[] }>((resolve) => {
    smtp.listen(port, '127.0.0.1', () => {
      resolve({ smtp, port: (smtp.server.address() as AddressInfo).port, received });
    });
  });
}
const stop = (smtp: SMTPServer) => new Promise<void>((resolve) => smtp.close(() => resolve()));

describe('email over SMTP', () => {
  let mail: Awaited<ReturnType<typeof startSmtp>>;
  let server: TestServer;
  beforeAll(async () => {
    mail = await startSmtp();
    server = await createTestServer(
      { SMTP_URL: `smtp://127.0.0.1:${mail.port}`, MAIL_FROM: 'Login Help <no-reply@help.example.com>' },
      { transports: 'configured' },
    );
  });
  afterAll(async () => {
    await server.close();
    await stop(mail.smtp);
  });
  afterEach(async () => {
    await server.reset();
    mail.received.length = 0;
  });

  it('really sends the email, with text and HTML parts, parsed back', async () => {
    const response = await server.post('/api/v1/help-requests', {
      contact: 'camille.dubois@example.org',
      purpose: 'login-code',
      locale: 'fr',
    });
    expect(response.status).toBe(202);
    await server.drain();
    expect(mail.received).toHaveLength(1);
    const [parsed] = mail.received;
    const [delivery] = await server.outbox('camille.dubois@example.org');
    const code = delivery.codes[0];
    expect(parsed.subject).toBe(`${code} est votre code de connexion WorkforceApp`);
    expect(parsed.from?.value).toEqual([{ name: 'Login Help', address: 'no-reply@help.example.com' }]);
    expect((Array.isArray(parsed.to) ? parsed.to[0] : parsed.to)?.text).toBe('camille.dubois@example.org');
    expect(parsed.messageId).toBe(`<${delivery.id}@help.example.com>`);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.text).toContain('Bonjour Camille,');
    expect(parsed.text).toContain(code);
    expect(parsed.html).toContain('<html lang="fr">');
    expect(parsed.html).toContain(code);
    expect(delivery.status).toBe('sent');
    const [row] = await server.ctx.db.select().from(deliveries).where(eq(deliveries.id, delivery.id));
    expect(row.transport).toBe('smtp');
  });

  it('keeps answering 202 while SMTP is down, retries with backoff, and sends once it is back', async () => {
    await stop(mail.smtp);
    expect(
      (
        await server.post('/api/v1/help-requests', {
          contact: 'alex.martin@example.com',
          purpose: 'login-link',
        })
      ).status,
    ).toBe(202);
    await server.drain();
    let [row] = await server.ctx.db.select().from(deliveries);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toBeTruthy();
    expect(row.nextAttemptAt.getTime() - server.clock.now().getTime()).toBeGreaterThanOrEqual(
      backoffMs(1, () => 0),
    );
    // Still down on the second try: the wait doubles.
    server.clock.advance(backoffMs(1, () => 1));
    await server.drain();
    [row] = await server.ctx.db.select().from(deliveries);
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    mail = await startSmtp(mail.port);
    server.clock.advance(backoffMs(2, () => 1));
    await server.drain();
    [row] = await server.ctx.db.select().from(deliveries);
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    expect(mail.received).toHaveLength(1);
    expect(mail.received[0].subject).toBe('Your one-time login link for WorkforceApp');
    await server.drain();
    expect(mail.received).toHaveLength(1);
  });

  it('gives up on a permanent refusal without retrying', async () => {
    await stop(mail.smtp);
    const refusing = await startSmtp(mail.port, true);
    try {
      await server.post('/api/v1/help-requests', {
        contact: 'alex.martin@example.com',
        purpose: 'login-link',
      });
      await server.drain();
      const [row] = await server.ctx.db.select().from(deliveries);
      expect(row).toMatchObject({ status: 'failed', attempts: 1 });
      expect(row.lastError).toContain('550');
    } finally {
      await stop(refusing.smtp);
      mail = await startSmtp(mail.port);
    }
  });
});
