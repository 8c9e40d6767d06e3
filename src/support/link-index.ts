/**
 * The link builder's data: articles and their sections (from the support-links plugin, built from
 * the docs as Docusaurus loads them) and troubleshooter steps, turned into rows with an English and
 * a French link each.
 */
export interface LinkIndexSection {
  id: string;
  title: string;
  level: number;
}

export interface LinkIndexArticle {
  /** Doc id, e.g. `workers/login/account-locked`. */
  id: string;
  title: string;
  /** Without the locale prefix, e.g. `/docs/workers/login/account-locked`. */
  path: string;
  /** `workers` or `employers` (the sidebar the article is in). */
  sidebar: string | null;
  sections: LinkIndexSection[];
}

export interface LinkIndex {
  articles: LinkIndexArticle[];
}

/** A troubleshooter step as the link builder lists it. */
export interface LinkIndexStep {
  id: string;
  title: string;
  /** The step a deep link to this one opens, when it needs earlier answers first. */
  landsOn: string | null;
}

export type LinkGroup = 'workers' | 'employers' | 'other' | 'troubleshooter';

export interface LinkRow {
  key: string;
  group: LinkGroup;
  kind: 'article' | 'section' | 'step';
  title: string;
  /** The article a section belongs to. */
  parent: string | null;
  /** Doc id, heading id or step id. */
  id: string;
  /** Path, query and fragment without the locale prefix: `/docs/x#y`, `/troubleshoot?step=z`. */
  target: string;
  level: number;
  landsOn: string | null;
}

/** Harmless values a troubleshooter link may carry (they only preselect an answer). */
export const PREFILLS = { channel: ['email', 'sms'] } as const;
export type ChannelPrefill = (typeof PREFILLS.channel)[number] | null;

/** Every article, section and step, with its link target (no locale). */
export function buildLinkRows(
  index: LinkIndex,
  steps: readonly LinkIndexStep[],
  prefill: { channel: ChannelPrefill } = { channel: null },
): LinkRow[] {
  const rows: LinkRow[] = [];
  for (const article of index.articles) {
    const group: LinkGroup =
      article.sidebar === 'workers' || article.sidebar === 'employers' ? article.sidebar : 'other';
    rows.push({
      key: `article:${article.id}`,
      group,
      kind: 'article',
      title: article.title,
      parent: null,
      id: article.id,
      target: article.path,
      level: 1,
      landsOn: null,
    });
    for (const section of article.sections) {
      rows.push({
        key: `section:${article.id}#${section.id}`,
        group,
        kind: 'section',
        title: section.title,
        parent: article.title,
        id: section.id,
        target: `${article.path}#${section.id}`,
        level: section.level,
        landsOn: null,
      });
    }
  }
  const extra = prefill.channel ? `&channel=${prefill.channel}` : '';
  for (const step of steps) {
    rows.push({
      key: `step:${step.id}`,
      group: 'troubleshooter',
      kind: 'step',
      title: step.title,
      parent: null,
      id: step.id,
      target: `/troubleshoot?step=${encodeURIComponent(step.id)}${extra}`,
      level: 1,
      landsOn: step.landsOn,
    });
  }
  return rows;
}

/** The URL of a target in a locale: French lives under /fr (the link contract). */
export function localizedUrl(origin: string, target: string, locale: 'en' | 'fr'): string {
  if (locale === 'en') return `${origin}${target}`;
  return `${origin}/fr${target.startsWith('/') ? target : `/${target}`}`;
}

/** Lowercase, without accents or punctuation, so "deverrouille" finds "Déverrouillé". */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’'`]/g, ' ');
}

/** Rows every word of the query appears in (title, article, id or path). */
export function filterRows(rows: readonly LinkRow[], query: string): LinkRow[] {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const haystack = searchable(`${row.title} ${row.parent ?? ''} ${row.id} ${row.target}`);
    return words.every((word) => haystack.includes(word));
  });
}
