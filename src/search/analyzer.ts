/**
 * How text becomes search terms, the same for the articles (at index time) and for what a worker
 * types (at query time), in one language: lowercase, accents and apostrophes dropped (« desactive »
 * finds « désactivé »), stop words out, Snowball stems (« codes » finds « code »), and for every
 * phrase of the synonym table one shared term (« texto » finds « message texte »).
 * Isomorphic: the site build, the browser and the tests run this very code.
 */
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import type { Locale } from '@site/shared/locale';
import synonymsEn from './synonyms.en.json';
import synonymsFr from './synonyms.fr.json';

/** A synonym table: groups of words or phrases that mean the same thing to a worker. */
export type SynonymTable = readonly (readonly string[])[];

export const SYNONYMS: Record<Locale, SynonymTable> = { en: synonymsEn, fr: synonymsFr };

/** Words too common to tell articles apart; they would only add noise to the ranking. */
const STOP_WORDS: Record<Locale, ReadonlySet<string>> = {
  en: new Set(
    'a an and are as at be but by can did do does for from had has have he her his how i if in into is it its me my of on or our she so than that the their them then there these they this to too us was we were what when where which who why will with you your'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'a ai as au aux avec avez ce ces cette d dans de des du elle en es est et il ils j je l la le les leur lui m ma me mes moi mon n ne nous on ont ou par pour qu que qui s sa se ses son sont suis sur t ta te tes toi ton tu un une vos votre vous y'.split(
      ' ',
    ),
  ),
};

const STEMMERS: Record<Locale, (word: string) => string> = { en: englishStemmer, fr: frenchStemmer };

/** The prefix of the term a synonym group adds: no word of an article starts with it. */
export const SYNONYM_MARK = '~';

/** Lowercase, without accents, ligatures or apostrophes: what people type on a phone keyboard. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

/** One word of a text as the index sees it. */
export interface Word {
  /** The word as typed, folded (no accents, lowercase). */
  word: string;
  /** Its stem, or the synonym group's term. */
  term: string;
  /** True for the term of a synonym group (never matched with typos or as a prefix). */
  synonym: boolean;
}

interface CompiledGroup {
  term: string;
  phrases: string[][];
}

/** Text → words: letters and digits, apostrophes and hyphens split words (« l’appli », e-mail). */
function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

export interface Analyzer {
  locale: Locale;
  /** The words of a text, stop words out, each with its stem, plus a term per synonym phrase found. */
  analyze(text: string): Word[];
  /** Just the terms, for indexing. */
  terms(text: string): string[];
}

/** The analyzer of one language, with its synonym table (the site's by default). */
export function createAnalyzer(locale: Locale, synonyms: SynonymTable = SYNONYMS[locale]): Analyzer {
  const stop = STOP_WORDS[locale];
  const stem = STEMMERS[locale];
  // Phrases match on every word, stop words included: "sign in" is not "sign up".
  const stems = (text: string) => words(text).map((word) => stem(word));
  const groups: CompiledGroup[] = synonyms.map((group, index) => ({
    term: `${SYNONYM_MARK}${index}`,
    phrases: group.map(stems).filter((phrase) => phrase.length > 0),
  }));

  const analyze = (text: string): Word[] => {
    const all = words(text).map((word) => ({ word, term: stem(word), synonym: false }));
    const sequence = all.map((w) => w.term);
    const found: Word[] = [];
    for (const group of groups) {
      const hit = group.phrases.find((phrase) =>
        sequence.some((_, start) => phrase.every((term, offset) => sequence[start + offset] === term)),
      );
      if (hit) found.push({ word: hit.join(' '), term: group.term, synonym: true });
    }
    return all.filter((w) => !stop.has(w.word)).concat(found);
  };

  return {
    locale,
    analyze,
    terms: (text) => analyze(text).map((w) => w.term),
  };
}
