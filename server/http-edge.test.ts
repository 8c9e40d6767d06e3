import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createHttpServer } from './http/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from './testing/harness';

/** Sends raw bytes on a socket and returns what the server answered before closing. */
function raw(port: number, request: string, options: { endAfterWrite?: boolean; timeoutMs?: number } = {}) {
  return new Promise<string>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
    socket.setTimeout(options.timeoutMs ?? 5000, () => socket.destroy());
    socket.write(request, () => {
      if (options.endAfterWrite) socket.end();
    });
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

describe('a real HTTP server facing broken clients', () => {
  let server: TestServer;
  let http: Server;
  let port: number;
  beforeAll(async () => {
    server = await createTestServer();
    http = await createHttpServer({ fetch: server.app.fetch });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    port = (http.address() as AddressInfo).port;
  });
  afterAll(async () => {
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
    await server.close();
  });

  it('refuses a declared body over 8 KiB with 413 before reading it', async () => {
    const answer = await raw(
      port,
      'POST /api/v1/contact-checks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 999999\r\nConnection: close\r\n\r\n{',
    );
    expect(statusOf(answer)).toBe(413);
    expect(answer).toContain('"code":"payload-too-large"');
  });

  it('refuses a chunked body that grows over 8 KiB', async () => {
    const chunk = 'x'.repeat(4000);
    const body = `{"contact":"${chunk}${chunk}${chunk}"}`;
    const chunked = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    const answer = await raw(
      port,
      `POST /api/v1/contact-checks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunked}`,
    );
    expect(statusOf(answer)).toBe(413);
  });

  it('survives a Content-Length that lies (body shorter, then the client leaves)', async () => {
    await raw(
      port,
      'POST /api/v1/help-requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"contact":"a',
      { endAfterWrite: true },
    );
    const healthy = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(healthy.status).toBe(200);
  });

  it('refuses a body longer than its Content-Length (Node’s parser answers 400) and keeps serving', async () => {
    const answer = await raw(
      port,
      'POST /api/v1/contact-checks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{"contact":"alex@example.com"}',
    );
    expect(statusOf(answer)).toBe(400);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  });

  it('rejects CR/LF smuggled into headers at the HTTP parser, and keeps serving', async () => {
    const answer = await raw(
      port,
      'GET /api/health HTTP/1.1\r\nHost: x\r\nX-Bad: a\rb\r\nConnection: close\r\n\r\n',
    );
    expect(statusOf(answer)).toBe(400);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  });

  it('builds links from the configured base URL, never from the Host header', async () => {
    await server.reset();
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/help-requests`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        host: 'evil.example.net',
        'x-forwarded-host': 'evil.example.net',
      },
      body: JSON.stringify({ contact: 'morgan.roy@example.com', purpose: 'unlock' }),
    });
    expect(response.status).toBe(202);
    await server.drain();
    const [message] = await server.outbox('morgan.roy@example.com');
    expect(message.links[0]).toMatch(/^https:\/\/help\.example\.com\/account\/unlock#token=/);
    expect(message.text).not.toContain('evil');
  });
});
