import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { AREAS, forPluginsLoaded, idUses, splitTranslations, type Area } from './split';

/**
 * Every page loads the site's UI strings with the main bundle: in French that is every string of
 * the troubleshooter and of the support tools, on an article page that shows none of them. This
 * plugin keeps in the main bundle only the strings used outside those areas, and writes each area's
 * own to a file its pages import (`src/i18n/<area>.ts` merges them before anything renders).
 */
export default function splitTranslationsPlugin(context: LoadContext): Plugin {
  const dir = path.join(context.generatedFilesDir, 'split-translations');
  let plugins: ReadonlySet<string> = new Set();
  return {
    name: 'split-translations',
    allContentLoaded({ allContent }) {
      plugins = new Set(Object.keys(allContent));
    },
    configureWebpack(_config, _isServer, utils) {
      // Written by Docusaurus before the bundler is configured.
      const all = forPluginsLoaded(
        JSON.parse(
          readFileSync(path.join(context.generatedFilesDir, 'codeTranslations.json'), 'utf8'),
        ) as Record<string, string>,
        plugins,
      );
      const { main, areas } = splitTranslations(all, idUses(context.siteDir));
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'main.json'), JSON.stringify(main));
      for (const area of Object.keys(AREAS) as Area[])
        writeFileSync(path.join(dir, `${area}.json`), JSON.stringify(areas[area]));
      const bundler = utils.currentBundler.instance;
      return {
        // Docusaurus' own `@generated` alias would win over a more specific one: replace the module.
        plugins: [
          new bundler.NormalModuleReplacementPlugin(
            /^@generated\/codeTranslations$/,
            path.join(dir, 'main.json'),
          ),
        ],
        resolve: { alias: { '@split-translations': dir } },
      };
    },
  };
}
