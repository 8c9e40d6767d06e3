import pino, { type Logger } from 'pino';
import type { Config } from '../config';

/** Never log these, wherever they appear in a log object. */
export const REDACTED_PATHS = [
  'contact',
  'code',
  'token',
  'password',
  'sessionToken',
  '*.contact',
  '*.code',
  '*.token',
  '*.password',
  '*.sessionToken',
  'req.headers.authorization',
];

/** Errors without the query parameters a failed SQL statement carries (they may hold a contact). */
function serializeError(error: Error): Record<string, unknown> {
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  const strip = (text: unknown) =>
    typeof text === 'string' ? text.replace(/\nparams: [^\n]*/g, '\nparams: [redacted]') : text;
  serialized.message = strip(serialized.message);
  serialized.stack = strip(serialized.stack);
  delete serialized.params;
  if (serialized.cause && typeof serialized.cause === 'object') {
    const cause = serialized.cause as Record<string, unknown>;
    serialized.cause = { type: cause.type, code: cause.code, message: strip(cause.message) };
  }
  return serialized;
}

/** JSON logs: never a code, token, password or contact (paths redacted, SQL parameters dropped). */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
  };
  // Standard output, written asynchronously: lines logged while a write is under way go out
  // together in the next one (fewer blocking system calls under load). Flushed when the process
  // exits.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}
