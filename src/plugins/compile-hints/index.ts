import type { Plugin } from '@docusaurus/types';

/** V8's explicit compile hint (Chrome 136+): compile every function of this file eagerly, while streaming. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** The bundle every page runs at startup: React, the router and the theme's layout. */
const STARTUP_BUNDLE = /^assets\/js\/main\.[0-9a-f]+\.js$/;

/**
 * Marks the startup bundle for eager compilation. Without the hint V8 only pre-parses a function and
 * compiles it on its first call, on the main thread: for this bundle (React and the theme, nearly all
 * called at startup) that was most of its evaluation task, the longest task of an article on a phone.
 * With the hint Chromium compiles the file on a background thread while it downloads. Other browsers
 * read a comment. The line is added after minification (which would drop it) and before the content
 * hash is computed, so the file's name still changes with its bytes.
 */
export default function compileHintsPlugin(): Plugin {
  return {
    name: 'compile-hints',
    configureWebpack(_config, isServer, { currentBundler }) {
      if (isServer) return {};
      const { BannerPlugin, Compilation } = currentBundler.instance;
      return {
        plugins: [
          new BannerPlugin({
            banner: COMPILE_HINT,
            raw: true,
            include: STARTUP_BUNDLE,
            // After the minifier (PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE), before the real content hash.
            stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE,
          }),
        ],
      };
    },
  };
}
