/** What every check of the content check reports, and where the French content lives. */
export interface Problem {
  /** Repository-relative path (or a label for in-memory inputs). */
  file: string;
  line?: number;
  message: string;
}

export const FR_DOCS = 'i18n/fr/docusaurus-plugin-content-docs/current';
export const FR_THEME = 'i18n/fr/docusaurus-theme-classic';

/** One line per problem, for test failure messages. */
export const formatProblems = (problems: readonly Problem[]): string =>
  problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('\n');
