import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { MIN_BYTES, precompressDir } from './precompress';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');

/** Text that compresses the way real pages do: repetitive markup with some variety. */
function page(kind: string, lines: number): string {
  return Array.from(
    { length: lines },
    (_, i) => `<p class="${kind}-line">Line ${i} of the ${kind} page: help to log in, step ${i % 7}.</p>`,
  ).join('\n');
}

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'precompress-'));
  await mkdir(path.join(dir, 'assets', 'js'), { recursive: true });
  await mkdir(path.join(dir, 'fr', 'docs'), { recursive: true });
  await writeFile(path.join(dir, 'index.html'), page('home', 200));
  await writeFile(path.join(dir, 'fr', 'docs', 'index.html'), page('article', 120));
  await writeFile(
    path.join(dir, 'assets', 'js', 'main.1234abcd.js'),
    `(()=>{${Array.from({ length: 300 }, (_, i) => `var a${i}=function(x){return x+${i}};`).join('')}})();`,
  );
  await writeFile(
    path.join(dir, 'search-index.json'),
    JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: i, title: `Article ${i}`, body: 'code' }))),
  );
  await writeFile(
    path.join(dir, 'logo.svg'),
    `<svg xmlns="http://www.w3.org/2000/svg">${page('svg', 30)}</svg>`,
  );
  await writeFile(path.join(dir, 'site.webmanifest'), JSON.stringify({ name: 'Help', icons: page('i', 20) }));
  // Below the threshold: compressing would save next to nothing.
  await writeFile(path.join(dir, 'small.css'), 'body{margin:0}'.repeat(10));
  // Binary formats are already compressed.
  await writeFile(path.join(dir, 'photo.png'), randomBytes(8 * 1024));
  await writeFile(path.join(dir, 'font.woff2'), randomBytes(4 * 1024));
  // A text extension whose content does not compress: a .br/.gz would be larger than the file itself.
  await writeFile(path.join(dir, 'noise.txt'), randomBytes(4 * 1024));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const compressible = [
  'index.html',
  'fr/docs/index.html',
  'assets/js/main.1234abcd.js',
  'search-index.json',
  'logo.svg',
  'site.webmanifest',
];

describe('precompressDir', () => {
  it('writes .br and .gz files that decompress to the exact originals and are smaller', async () => {
    const result = await precompressDir(dir);

    for (const name of compressible) {
      const file = path.join(dir, name);
      const original = await readFile(file);
      const br = await readFile(`${file}.br`);
      const gz = await readFile(`${file}.gz`);
      expect(brotliDecompressSync(br).equals(original), `${name}.br`).toBe(true);
      expect(gunzipSync(gz).equals(original), `${name}.gz`).toBe(true);
      expect(br.length).toBeLessThan(original.length);
      expect(gz.length).toBeLessThan(original.length);
      // Brotli at maximum quality beats gzip -9 on text.
      expect(br.length).toBeLessThanOrEqual(gz.length);
      // The compressed files carry the mtime of their source (same Last-Modified for every encoding).
      expect(Math.round((await stat(`${file}.br`)).mtimeMs)).toBe(Math.round((await stat(file)).mtimeMs));
    }
    expect(result.candidates).toBe(compressible.length + 1); // + noise.txt
    expect(result.compressed).toBe(compressible.length + 1);
    expect(result.tooSmall).toBe(1);
    expect(result.notSmaller).toBe(2); // noise.txt: neither brotli nor gzip makes it smaller
  });

  it('skips small files, binary files and text that does not compress', async () => {
    expect((await stat(path.join(dir, 'small.css'))).size).toBeLessThan(MIN_BYTES);
    await precompressDir(dir);
    for (const name of ['small.css', 'photo.png', 'font.woff2', 'noise.txt']) {
      expect(existsSync(path.join(dir, `${name}.br`)), `${name}.br`).toBe(false);
      expect(existsSync(path.join(dir, `${name}.gz`)), `${name}.gz`).toBe(false);
    }
  });

  it('leaves up-to-date files alone and recompresses a file that changed', async () => {
    await precompressDir(dir);
    const brFile = path.join(dir, 'logo.svg.br');
    const before = await readFile(brFile);

    const again = await precompressDir(dir);
    expect(again.compressed).toBe(1); // only noise.txt, which has no output to compare with
    expect(again.upToDate).toBe(compressible.length);

    const changed = `<svg xmlns="http://www.w3.org/2000/svg">${page('changed', 40)}</svg>`;
    await writeFile(path.join(dir, 'logo.svg'), changed);
    const future = new Date(Date.now() + 5_000);
    await utimes(path.join(dir, 'logo.svg'), future, future);
    const third = await precompressDir(dir);
    expect(third.upToDate).toBe(compressible.length - 1);
    const after = await readFile(brFile);
    expect(after.equals(before)).toBe(false);
    expect(brotliDecompressSync(after).toString()).toBe(changed);
  });

  it('removes compressed files whose source is gone or became too small', async () => {
    await precompressDir(dir);
    await rm(path.join(dir, 'search-index.json'));
    await writeFile(path.join(dir, 'logo.svg'), '<svg/>');
    const result = await precompressDir(dir);
    expect(result.removed).toBe(4);
    for (const name of ['search-index.json', 'logo.svg']) {
      expect(existsSync(path.join(dir, `${name}.br`)), `${name}.br`).toBe(false);
      expect(existsSync(path.join(dir, `${name}.gz`)), `${name}.gz`).toBe(false);
    }
    // A compressed file that is not ours (an archive someone shipped) is not touched.
    await writeFile(path.join(dir, 'download.tar.gz'), randomBytes(2048));
    await precompressDir(dir);
    expect(existsSync(path.join(dir, 'download.tar.gz'))).toBe(true);
  });
});

describe('precompress command', () => {
  it('compresses the folder it is given and prints a one-line summary', async () => {
    const { stdout } = await run(
      process.execPath,
      [
        path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        path.join(root, 'scripts', 'precompress.ts'),
        dir,
      ],
      { cwd: root, env: { ...process.env, NO_COLOR: '1' } },
    );
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^precompress .*: 7 files, .* → br .* gz .*; 7 compressed, 0 up to date, 1 under 1024 B/,
    );
    expect(brotliDecompressSync(await readFile(path.join(dir, 'index.html.br'))).toString()).toBe(
      page('home', 200),
    );
  });

  it('fails with a clear message when the folder does not exist', async () => {
    const missing = path.join(dir, 'no-build-here');
    await expect(
      run(process.execPath, [
        path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        path.join(root, 'scripts', 'precompress.ts'),
        missing,
      ]),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('is not a directory') });
  });
});
