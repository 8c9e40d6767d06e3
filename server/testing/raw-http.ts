import { request as httpRequest, type Agent } from 'node:http';
import { connect } from 'node:net';
import { expect } from 'vitest';

// Raw HTTP/1.1 on a socket, for what lives below Hono: Node's parser, lying or abandoned bodies.

/** Sends raw bytes and resolves with everything the server wrote before closing (or `timeoutMs`). */
export function rawExchange(
  port: number,
  chunks: string[],
  options: { timeoutMs?: number; endAfterWrite?: boolean; destroyAfterWrite?: boolean } = {},
): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
    socket.setTimeout(options.timeoutMs ?? 5000, () => socket.destroy());
    (async () => {
      for (const chunk of chunks) await new Promise((done) => socket.write(chunk, done));
      if (options.destroyAfterWrite) socket.destroy();
      else if (options.endAfterWrite) socket.end();
    })();
  });
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Splits an HTTP/1.1 answer (the first one on the socket). */
export function parseAnswer(raw: string): RawAnswer {
  const end = raw.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  return {
    status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0),
    headers,
    body: raw.slice(end + 4, end + 4 + length),
  };
}

/** The JSON error shape with a code, and the API's security headers. */
export function expectErrorAnswer(answer: RawAnswer, status: number, code?: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(answer.body) as { error: { code: string; message: string } };
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  if (code) expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  expect(answer.headers['x-frame-options']).toBe('DENY');
}

/** What a client on a keep-alive connection sees of an answer: its status, `Connection`, reuse. */
export interface KeptAnswer {
  status: number;
  connection: string | undefined;
  /** Whether the request went out on a connection an earlier answer had left open. */
  reused: boolean;
}

/** POSTs `body` through `agent` (keep-alive) and tells what the connection did. */
export function postOnAgent(
  agent: Agent,
  port: number,
  path: string,
  body: string,
  contentType = 'application/json',
): Promise<KeptAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        agent,
        headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode!, connection: res.headers.connection, reused: req.reusedSocket }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
