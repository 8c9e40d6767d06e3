/** An area's UI strings, written by src/plugins/split-translations at build time. */
declare module '@split-translations/*' {
  const strings: Record<string, string>;
  export default strings;
}

/** The support link builder's index, written by src/plugins/support-links at build time. */
declare module '@generated/support-links/default/link-index.json' {
  const index: unknown;
  export default index;
}
