/**
 * The theme loads extra Prism languages here (`themeConfig.prism.additionalLanguages`), which
 * bundles Prism's whole language table into every page even when the list is empty. The articles
 * highlight no code (src/plugins/plain-code), so there is nothing to load.
 */
export default function prismIncludeLanguages(): void {}
