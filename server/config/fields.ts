import * as z from 'zod';

/** Field parsers and the error shared by every part of the configuration. */

export const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

export const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], {
      error: 'must be true or false',
    })
    .optional()
    .transform((value) => (value === undefined ? fallback : ['true', '1', 'yes', 'on'].includes(value)));

export const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

export const url = (what: string) =>
  z.url({ protocol: /^https?$/, error: `must be an http(s) URL (${what})` });

export const text = (fallback: string) => z.string().trim().min(1).default(fallback);

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type Source = Record<string, string | undefined>;

// An empty variable means "not set", as in most deployment tools.
export const cleanedOf = (source: Source) =>
  Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''),
  ) as Record<string, string>;

/** Parses with `schema`; throws a {@link ConfigError} listing every problem (with `extra` ones). */
export function parse<S extends z.ZodType>(schema: S, cleaned: Record<string, string>, extra: string[] = []) {
  const parsed = schema.safeParse(cleaned);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'env'} ${issue.message}`)),
    ...extra,
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return parsed.data as z.output<S>;
}
