import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The repository's own documents link only to files a clone of it holds (or to public websites).

const root = path.resolve(__dirname, '..');
const DOCUMENTS = ['README.md', 'SECURITY.md', 'ARCHITECTURE.md', 'server/README.md'];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');

const anchorsIn = (markdown: string) =>
  new Set([...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1])));

describe('the documents of the repository', () => {
  for (const document of DOCUMENTS) {
    it(`${document} links only inside the repository, to files and headings that exist`, () => {
      const source = readFileSync(path.join(root, document), 'utf8');
      const links = [...source.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
      if (document === 'README.md') expect(links.length).toBeGreaterThan(5);
      for (const link of links) {
        // A public website or the local server a developer starts: not a file a clone must hold.
        if (/^(https?:|mailto:)/.test(link)) continue;
        const [file, anchor] = link.split('#');
        const target = file
          ? path.resolve(path.dirname(path.join(root, document)), file)
          : path.join(root, document);
        expect(
          path.relative(root, target).startsWith('..'),
          `${document}: ${link} leaves the repository`,
        ).toBe(false);
        expect(existsSync(target), `${document}: ${link} does not exist`).toBe(true);
        if (anchor && statSync(target).isFile() && target.endsWith('.md'))
          expect(anchorsIn(readFileSync(target, 'utf8')), `${document}: ${link}`).toContain(anchor);
      }
    });
  }
});
