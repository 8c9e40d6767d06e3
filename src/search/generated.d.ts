/** Written by the search-index plugin at build time, for this build's locale. */
declare module '@generated/search-index/default/documents.json' {
  import type { SearchDocument } from '@site/src/plugins/search-index/documents';

  const documents: SearchDocument[];
  export default documents;
}
