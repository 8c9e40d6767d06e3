import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AREAS, forPluginsLoaded, idUses, inArea, sourceFiles, splitTranslations, type Area } from './split';

const siteDir = path.resolve(__dirname, '../../..');
const french = Object.fromEntries(
  Object.entries(
    JSON.parse(readFileSync(path.join(siteDir, 'i18n/fr/code.json'), 'utf8')) as Record<
      string,
      { message: string }
    >,
  ).map(([id, { message }]) => [id, message]),
);

describe('the French strings, split by the pages that show them', () => {
  const uses = idUses(siteDir);
  const { main, areas } = splitTranslations(french, uses);

  it('keeps in the bundle every page loads each string used outside the troubleshooter and the support tools', () => {
    for (const [id, files] of uses) {
      if (!(id in french)) continue;
      const outside = [...files].filter(
        (file) => !(Object.keys(AREAS) as Area[]).some((area) => inArea(file, area)),
      );
      if (outside.length) expect(main, `${id} (used by ${outside.join(', ')})`).toHaveProperty(id);
    }
    // The theme's own strings and the article pages' ones, for instance.
    expect(main).toHaveProperty(['theme.SearchBar.label']);
    expect(main).toHaveProperty(['feedback.answer.yes']);
  });

  it('moves the troubleshooter and support strings out of it, and loses none', () => {
    expect(main).not.toHaveProperty(['troubleshooter.step.what-happens.title']);
    expect(areas.troubleshooter).toHaveProperty(['troubleshooter.step.what-happens.title']);
    expect(Object.keys(areas.support).length).toBeGreaterThan(100);
    const placed = new Set([
      ...Object.keys(main),
      ...Object.values(areas).flatMap((area) => Object.keys(area)),
    ]);
    expect(Object.keys(french).filter((id) => !placed.has(id))).toEqual([]);
    // What an article page carries shrinks by most of the French strings.
    expect(JSON.stringify(main).length).toBeLessThan(JSON.stringify(french).length / 3);
  });

  it("leaves out the blog's strings when the site has no blog, and only then", () => {
    const docsOnly = forPluginsLoaded(french, new Set(['docusaurus-plugin-content-docs']));
    expect(french).toHaveProperty(['theme.blog.post.readMore']);
    expect(docsOnly).not.toHaveProperty(['theme.blog.post.readMore']);
    expect(docsOnly).toHaveProperty(['theme.docs.paginator.next'], french['theme.docs.paginator.next']);
    expect(Object.keys(docsOnly).filter((id) => !id.startsWith('theme.blog.'))).toHaveLength(
      Object.keys(french).filter((id) => !id.startsWith('theme.blog.')).length,
    );
    const withBlog = forPluginsLoaded(french, new Set(['docusaurus-plugin-content-blog']));
    expect(withBlog).toEqual(french);
  });

  it("loads an area's strings wherever its code is imported from outside it", () => {
    const areas = Object.keys(AREAS) as Area[];
    const resolve = (from: string, specifier: string): string | null => {
      const bare = specifier.startsWith('@site/')
        ? specifier.slice('@site/'.length)
        : specifier.startsWith('.')
          ? path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier))
          : null;
      return bare?.startsWith('src/') ? bare : null;
    };
    // Build-time plugins run in Node, not in a page.
    for (const file of sourceFiles(siteDir).filter((name) => !name.startsWith('src/plugins/'))) {
      const source = readFileSync(path.join(siteDir, file), 'utf8');
      const loads = new Set([...source.matchAll(/import '@site\/src\/i18n\/([\w-]+)'/g)].map((m) => m[1]));
      // A page of an area (a route, not one of its parts) loads the area's strings itself.
      const route = /^src\/pages\/(?!(.*\/)?_components\/).*\.tsx$/.test(file);
      for (const area of areas)
        if (route && inArea(file, area)) expect(loads.has(area), `${file} (${area})`).toBe(true);
      for (const match of source.matchAll(/(?:from |import\()'([^']+)'/g)) {
        const target = resolve(file, match[1]);
        if (!target) continue;
        for (const area of areas) {
          if (!inArea(target, area) || inArea(file, area)) continue;
          // Imported from outside the area: this file must load the area's strings, or belong to an
          // area whose pages all do (the support pages load the troubleshooter's).
          const viaArea = areas.some(
            (owner) => inArea(file, owner) && owner === 'support' && area === 'troubleshooter',
          );
          expect(loads.has(area) || viaArea, `${file} imports ${target} (${area})`).toBe(true);
        }
      }
    }
  });
});
