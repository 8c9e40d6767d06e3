/**
 * Writes `.br` (brotli, quality 11) and `.gz` (gzip -9) next to every compressible file of the built site, so
 * the production server can send precompressed bytes without compressing on each request.
 *
 *   tsx scripts/precompress.ts [directory]     (default: build/ at the repository root)
 *
 * A compressed file gets the mtime of its source; it is up to date when both mtimes match, so a second run only
 * compresses what changed. Compressed files that would not be smaller than their source are not written, and
 * compressed files whose source is gone, too small or no longer worth it are removed, so the server never
 * serves stale bytes. Node's zlib only.
 */
import { constants, brotliCompress, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { availableParallelism } from 'node:os';
import { readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats a browser asks for compressed. Images, fonts and archives are already compressed. */
export const COMPRESSIBLE_EXTENSIONS: ReadonlySet<string> = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.xml',
  '.txt',
  '.webmanifest',
]);

/** Below this, the compressed body saves less than the cost of a lookup; servers compress from ~1 KiB up. */
export const MIN_BYTES = 1024;

const ENCODINGS = [
  { suffix: '.br', compress: brotli },
  { suffix: '.gz', compress: gzip9 },
] as const;

/** Brotli at maximum quality, tuned for text, as the production files are compressed. */
export function brotli(data: Buffer): Promise<Buffer> {
  return brotliAsync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

/** gzip -9, as the production files are compressed. */
export function gzip9(data: Buffer): Promise<Buffer> {
  return gzipAsync(data, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
}

export interface PrecompressResult {
  /** Files eligible by extension and size. */
  candidates: number;
  /** Files (re)compressed in this run. */
  compressed: number;
  /** Files whose compressed versions were already up to date. */
  upToDate: number;
  /** Compressible files under MIN_BYTES, left alone. */
  tooSmall: number;
  /** Compressed versions not written because they were not smaller than the source. */
  notSmaller: number;
  /** Stale compressed files removed (source gone, too small or not worth it any more). */
  removed: number;
  /** Totals over all candidates, whether compressed now or earlier. */
  bytes: { raw: number; br: number; gz: number };
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

async function mtimeOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

async function sizeOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).size;
  } catch {
    return undefined;
  }
}

/** Runs `task` over `items` with at most `limit` in flight. */
async function forEachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await task(items[next++]);
  });
  await Promise.all(workers);
}

export async function precompressDir(
  dir: string,
  options: { concurrency?: number } = {},
): Promise<PrecompressResult> {
  const result: PrecompressResult = {
    candidates: 0,
    compressed: 0,
    upToDate: 0,
    tooSmall: 0,
    notSmaller: 0,
    removed: 0,
    bytes: { raw: 0, br: 0, gz: 0 },
  };
  const sources: { file: string; size: number; mtimeMs: number }[] = [];
  const compressedFiles: string[] = [];
  const present = new Set<string>();

  for await (const file of walk(dir)) {
    present.add(file);
    const ext = path.extname(file).toLowerCase();
    if (ext === '.br' || ext === '.gz') {
      compressedFiles.push(file);
      continue;
    }
    if (!COMPRESSIBLE_EXTENSIONS.has(ext)) continue;
    const info = await stat(file);
    if (info.size < MIN_BYTES) {
      result.tooSmall++;
      continue;
    }
    sources.push({ file, size: info.size, mtimeMs: info.mtimeMs });
  }

  const wanted = new Set<string>();
  const concurrency = options.concurrency ?? Math.max(1, availableParallelism());
  await forEachLimited(sources, concurrency, async ({ file, size, mtimeMs }) => {
    result.candidates++;
    result.bytes.raw += size;
    let data: Buffer | undefined;
    let didCompress = false;
    for (const { suffix, compress } of ENCODINGS) {
      const out = file + suffix;
      const outMtime = present.has(out) ? await mtimeOf(out) : undefined;
      if (outMtime !== undefined && Math.abs(outMtime - mtimeMs) < 1) {
        wanted.add(out);
        // Await first: `x += await y` would read x before the await and lose concurrent additions.
        const existing = (await sizeOf(out)) ?? 0;
        result.bytes[suffix === '.br' ? 'br' : 'gz'] += existing;
        continue;
      }
      data ??= await readFile(file);
      const packed = await compress(data);
      didCompress = true;
      if (packed.length >= data.length) {
        // Not worth it: the server sends the source as it is.
        result.notSmaller++;
        result.bytes[suffix === '.br' ? 'br' : 'gz'] += data.length;
        continue;
      }
      await writeFile(out, packed);
      // Same mtime as the source: marks it up to date and gives every encoding the same Last-Modified.
      const sourceInfo = await stat(file);
      await utimes(out, sourceInfo.atime, sourceInfo.mtime);
      wanted.add(out);
      result.bytes[suffix === '.br' ? 'br' : 'gz'] += packed.length;
    }
    if (didCompress) result.compressed++;
    else result.upToDate++;
  });

  for (const file of compressedFiles) {
    const source = file.slice(0, -3);
    const ownsSource = COMPRESSIBLE_EXTENSIONS.has(path.extname(source).toLowerCase());
    if (ownsSource && !wanted.has(file)) {
      await rm(file, { force: true });
      result.removed++;
    }
  }
  return result;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

export function summarize(r: PrecompressResult, seconds: number, dir: string): string {
  const pct = (n: number) => (r.bytes.raw ? `${Math.round((100 * n) / r.bytes.raw)}%` : '0%');
  return (
    `precompress ${dir}: ${r.candidates} files, ${formatBytes(r.bytes.raw)} → ` +
    `br ${formatBytes(r.bytes.br)} (${pct(r.bytes.br)}), gz ${formatBytes(r.bytes.gz)} (${pct(r.bytes.gz)}); ` +
    `${r.compressed} compressed, ${r.upToDate} up to date, ${r.tooSmall} under ${MIN_BYTES} B, ` +
    `${r.notSmaller} not smaller, ${r.removed} stale removed, in ${seconds.toFixed(1)} s`
  );
}

async function main(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dir = path.resolve(process.argv[2] ?? path.join(root, 'build'));
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    console.error(`precompress: ${dir} is not a directory; run \`docusaurus build\` first.`);
    process.exit(1);
  }
  const started = performance.now();
  const result = await precompressDir(dir);
  console.log(
    summarize(result, (performance.now() - started) / 1000, path.relative(process.cwd(), dir) || '.'),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error('precompress failed:', error);
    process.exit(1);
  });
}
