import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The pages that load their own UI strings instead of carrying them in the bundle every page
 * loads: each area names the folders whose strings only it uses.
 */
export const AREAS = {
  troubleshooter: ['src/troubleshooter', 'src/components/Troubleshooter'],
  support: ['src/support', 'src/pages/support'],
  dev: ['src/pages/dev'],
  account: ['src/pages/account'],
  home: ['src/pages/index.tsx', 'src/pages/_components'],
} as const;

export type Area = keyof typeof AREAS;

const SOURCE = /\.(tsx?|jsx?)$/;
// `translate({ id: 'x' })` and `<Translate id="x">`: ids are literal (the i18n lint rules).
const ID = /\bid(?:\s*:\s*|=)['"]([\w.-]+)['"]/g;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full);
    return SOURCE.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every source file of `src/` (relative paths), for the checks. */
export function sourceFiles(siteDir: string): string[] {
  return files(path.join(siteDir, 'src')).map((file) =>
    path.relative(siteDir, file).split(path.sep).join('/'),
  );
}

/** Which files of `src/` use each translation id (relative paths). */
export function idUses(siteDir: string): Map<string, Set<string>> {
  const uses = new Map<string, Set<string>>();
  for (const file of files(path.join(siteDir, 'src'))) {
    const relative = path.relative(siteDir, file).split(path.sep).join('/');
    for (const match of readFileSync(file, 'utf8').matchAll(ID)) {
      if (!uses.has(match[1])) uses.set(match[1], new Set());
      uses.get(match[1])!.add(relative);
    }
  }
  return uses;
}

export const inArea = (file: string, area: Area) =>
  AREAS[area].some((place) => file === place || file.startsWith(`${place}/`));

/** The theme's strings that only a plugin's pages show, by that plugin's name. */
const PLUGIN_STRINGS: Readonly<Record<string, string>> = {
  'theme.blog.': 'docusaurus-plugin-content-blog',
};

/** The code translations without those of plugins the site does not load (its blog, if it has none). */
export function forPluginsLoaded(
  translations: Readonly<Record<string, string>>,
  plugins: ReadonlySet<string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(translations).filter(([id]) =>
      Object.entries(PLUGIN_STRINGS).every(
        ([prefix, plugin]) => !id.startsWith(prefix) || plugins.has(plugin),
      ),
    ),
  );
}

/**
 * Splits the code translations: a string used only inside one or more areas goes to those
 * areas' files; every other one (used elsewhere, by the theme, or nowhere we can see) stays in
 * what every page loads.
 */
export function splitTranslations(
  translations: Readonly<Record<string, string>>,
  uses: ReadonlyMap<string, ReadonlySet<string>>,
): { main: Record<string, string>; areas: Record<Area, Record<string, string>> } {
  const main: Record<string, string> = {};
  const areas = Object.fromEntries(Object.keys(AREAS).map((area) => [area, {}])) as Record<
    Area,
    Record<string, string>
  >;
  for (const [id, message] of Object.entries(translations)) {
    const users = [...(uses.get(id) ?? [])];
    const owners = (Object.keys(AREAS) as Area[]).filter((area) => users.some((file) => inArea(file, area)));
    const onlyAreas = users.length > 0 && users.every((file) => owners.some((area) => inArea(file, area)));
    if (!onlyAreas) main[id] = message;
    else for (const area of owners) areas[area][id] = message;
  }
  return { main, areas };
}
